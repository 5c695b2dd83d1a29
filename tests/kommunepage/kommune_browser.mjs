// The Kommune page in Debian's Chromium (playwright-core), as the school owner uses it.
// Prints JSON on stdout.
//
//   node kommune_browser.mjs PLAN.json
//     PLAN: [{site, page, how ("files" | "drop"), folder, files (names in folder), previous
//     (a kommune.json to compare with, or null), offline, axe, width, out, shot}]: one visit
//     each, in one browser. The visit reads the page's status before anything is chosen,
//     chooses last year's overview (when given) and the files (file picker, or a drop on the
//     page) once, which fetches the reader, and waits for the report; then (the page is
//     "ready": its reader fetched) chooses them again, waits for the report, saves the three
//     downloads to `out` and reads what the page shows. `offline`: the context goes offline
//     once the page is ready. `axe`: axe-core before and after.
//     `shot`: a PNG of the whole page with the result shown. Every request the context makes
//     is recorded with the phase it was made in.
import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { axe, drop, withBrowser } from "../js/reader_page.mjs";

const OUTPUTS = ["kommune.json", "kommune.csv", "rapport.html"];
const messages = (page) => page.evaluate(() => JSON.parse(document.getElementById("kommune-data").textContent).messages);
const status = (page) => page.locator("[data-kommune=status]").textContent();

async function choose(page, c, again = false) {
  if (c.previous && !again) await page.setInputFiles("#kommune-forrige", c.previous);
  if (c.how === "files") await page.setInputFiles("#kommune-filer", c.files.map((n) => join(c.folder, n)));
  else if (c.how === "drop") await drop(page, c.folder, c.files, () => "application/json");
  else throw new Error(`unknown way to choose: ${c.how}`);
}

/** Until the overview is shown (its report loaded in the frame) or has failed. */
async function untilDone(page, m) {
  await page.waitForFunction((m) => {
    const now = document.querySelector("[data-kommune=status]").textContent;
    if (document.getElementById("kommune-filer").disabled) return false;
    if (now !== m.done) return now.startsWith(m.failed.split("{")[0]) || now === m.timeout;
    const doc = document.querySelector("[data-kommune=rapport]").contentDocument;
    return doc && doc.URL === "about:srcdoc" && doc.readyState === "complete";
  }, m, { timeout: 300000 });
}

async function save(page, out) {
  await mkdir(out, { recursive: true });
  for (const name of OUTPUTS) {
    const [download] = await Promise.all([page.waitForEvent("download"),
      page.locator(`[data-kommune="${name}"]`).click()]);
    await download.saveAs(join(out, name));
  }
}

/** What the school owner sees once the overview is shown. */
async function shown(page) {
  return page.evaluate(() => {
    const part = (name) => document.querySelector(`[data-kommune="${name}"]`);
    const items = (name) => (part(`${name}-del`).hidden ? [] : [...part(name).querySelectorAll("li")].map((li) => li.textContent));
    const frame = part("rapport");
    const doc = frame.contentDocument;
    return {
      status: part("status").textContent,
      line: part("linje").textContent,
      not_counted: items("ikke-talt"),
      notes: items("merknader"),
      downloads_hidden: part("filer").hidden,
      report_text: doc?.body?.innerText ?? "",
      report_lang: doc?.documentElement?.lang ?? "",
      frame_height: frame.getBoundingClientRect().height,
      report_height: doc?.documentElement?.scrollHeight ?? 0,
      overflow: document.documentElement.scrollWidth > window.innerWidth,
      focused: document.activeElement?.id ?? null,
    };
  });
}

async function visit(browser, site, c) {
  const context = await browser.newContext({ viewport: { width: c.width || 1280, height: 900 }, acceptDownloads: true });
  const requests = [];
  let phase = "loading";
  context.on("request", (r) => requests.push({ url: r.url(), method: r.method(), phase }));
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(site.origin + c.page, { waitUntil: "load" });
  const m = await messages(page);
  const result = { messages: m, idle_status: await status(page), origin: site.origin };
  if (c.axe) result.axe_before = await axe(page);
  await choose(page, c);
  await untilDone(page, m);
  result.first_status = await status(page);
  phase = "ready";
  if (c.offline) await context.setOffline(true);
  // Emptied, so that choosing the same files again is a change the page hears.
  await page.setInputFiles("#kommune-filer", []);
  await page.evaluate(() => { document.querySelector("[data-kommune=status]").textContent = ""; });
  await choose(page, c, true);
  await untilDone(page, m);
  await page.waitForTimeout(200);
  result.shown = await shown(page);
  if (result.shown.status !== m.done) throw new Error(`${c.page}: ${result.shown.status} ${errors.join(" ")}`);
  await save(page, c.out);
  if (c.shot) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: c.shot, fullPage: true });
  }
  if (c.axe) result.axe_after = await axe(page);
  result.requests = requests;
  result.errors = errors;
  await context.close();
  return result;
}

const plan = JSON.parse(await readFile(process.argv[2], "utf8"));
const results = await withBrowser([...new Set(plan.map((c) => c.site))], async (browser, sites) => {
  const out = [];
  for (const c of plan) out.push(await visit(browser, sites[c.site], c));
  return out;
});
process.stdout.write(JSON.stringify(results, null, 2) + "\n");
