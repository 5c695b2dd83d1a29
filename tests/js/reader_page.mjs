// What the drivers of the pages that read the files a visitor chooses (the Sammendrag page,
// tests/summary; the Kommune page, tests/kommunepage) share: one browser over the sites,
// files dropped on the page, and axe-core on a page whose CSP refuses its script tag.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ARGS, AXE, CHROMIUM, WCAG, serve } from "../fill/fill_browser.mjs";

/** `fn(browser, sites)` with each folder of `roots` served (sites[root]: its origin, …). */
export async function withBrowser(roots, fn) {
  const sites = {};
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    for (const root of roots) sites[root] = await serve(root);
    return await fn(browser, sites);
  } finally {
    await browser.close();
    for (const site of Object.values(sites)) site.server.close();
  }
}

/** Drops `names` (files in `folder`, each of the type `typeOf(name)`) on the page's heading,
 *  not its drop zone (a drop anywhere on the page is taken): synthetic drag events carrying
 *  File objects. */
export async function drop(page, folder, names, typeOf) {
  const files = await Promise.all(names.map(async (name) =>
    ({ name, type: typeOf(name), data: (await readFile(join(folder, name))).toString("base64") })));
  await page.evaluate((files) => {
    const transfer = new DataTransfer();
    for (const { name, type, data } of files) {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name, { type }));
    }
    const target = document.querySelector("h1");
    for (const type of ["dragenter", "dragover", "drop"]) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }
  }, files);
}

/** axe-core's WCAG 2.1 AA violations on the page (not its frames). */
export async function axe(page) {
  // Evaluated through the devtools protocol: the page's CSP would refuse a script tag.
  await page.evaluate(await readFile(AXE, "utf8"));
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, iframes: false });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }));
  }, WCAG);
}
