// Fill a fill page in Debian's Chromium (playwright-core) as a visitor would, press "Lag PDF"
// and capture the download; print what happened as JSON on stdout.
//
//   node fill_browser.mjs fill SITE_DIR PAGE VALUES.json OUT.pdf WIDTH HEIGHT [offline]
//     VALUES maps field name -> value (radio: export value). With `offline` the context goes
//     offline once a first «Lag PDF» has fetched pdf.js. Prints {file, status, requests, stored,
//     targets, overflow, restored, cramped (text areas too short for their text), cleared}.
//   node fill_browser.mjs path SITE_DIR PAGE VALUES.json OUT.pdf WIDTH HEIGHT
//     the parent's path: tap each answer and text field of VALUES in page order, then «Lag PDF»
//     (and «Lag PDF likevel» if asked); counts taps and the distance scrolled to reach them.
//   node fill_browser.mjs guard SITE_DIR PAGE VALUES.json OUT.pdf WIDTH HEIGHT [share]
//     «Lag PDF» on a partly filled form: the summary of unanswered statements, its links,
//     «Lag PDF likevel», what shows next. `share`: a browser that says it can share files.
//   node fill_browser.mjs axe SITE_DIR PAGE...      axe-core WCAG 2.1 A/AA, light and dark
//   node fill_browser.mjs shot SITE_DIR PAGE WIDTH OUT.png [VALUES.json [SELECTOR]]
//     full page, or with SELECTOR one screen scrolled to it
//   node fill_browser.mjs choose SITE_DIR WIDTH       the Skjema page's chooser, every choice
//   node fill_browser.mjs bench SITE_DIR PAGE       transfer sizes and "Lag PDF" time, CPU 4×
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
export const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
export const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png",
  ".pdf": "application/pdf", ".zip": "application/zip", ".ico": "image/x-icon",
  ".wasm": "application/wasm" };

/** A static server on 127.0.0.1 that records the gzip size of every response it sends. */
export async function serve(root) {
  const sent = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      sent.push({ path, bytes: body.length, gzip: gzipSync(body).length, at: performance.now() });
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, sent, origin: `http://127.0.0.1:${server.address().port}` };
}

export async function withSite(root, fn) {
  const site = await serve(root);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    return await fn(browser, site);
  } finally {
    await browser.close();
    site.server.close();
  }
}

export async function enter(page, values) {
  for (const [name, value] of Object.entries(values)) {
    // Radio values are scale ids; a text value (quotes, line breaks) never enters a selector.
    const radio = `input[type=radio][name="${name}"]`;
    if (await page.locator(radio).count()) { await page.locator(`${radio}[value="${value}"]`).check(); continue; }
    // A tiltak row not shown yet: «Legg til tiltak» until it is, as a visitor would.
    const field = page.locator(`[name="${name}"]`);
    const add = page.locator('[data-fyll="legg-til"]');
    while (!(await field.isVisible()) && await add.isVisible()) await add.click();
    await field.fill(value);
  }
}

/** Controls smaller than 44 × 44 CSS px, and whether anything is wider than the viewport. */
async function layout(page) {
  return page.evaluate(() => {
    const small = [];
    for (const el of document.querySelectorAll(".fyll-valg > label, .fyll input[type=text], .fyll input[type=date], .fyll textarea, .fyll button, .fyll-mangler a")) {
      if (!el.getClientRects().length) continue;  // not shown (a row not added, a closed box)
      const r = el.getBoundingClientRect();
      if (r.width < 44 || r.height < 44) small.push(`${el.tagName}.${el.className}: ${r.width}×${r.height}`);
    }
    return { small, overflow: document.documentElement.scrollWidth > window.innerWidth };
  });
}

/** «Lag PDF», and «Lag PDF likevel» when the page lists unanswered statements first. */
export async function makePdf(page, tap = (locator) => locator.click()) {
  const download = page.waitForEvent("download");
  await tap(page.locator('[data-fyll="lag"]'));
  // The summary shows at once (before any await of the page's script), or the PDF is on its way.
  const warned = await page.locator('[data-fyll="mangler"]').isVisible();
  if (warned) await tap(page.locator('[data-fyll="likevel"]'));
  return { download: await download, warned };
}

/** Where a box is: in view (its top inside the viewport), focused, its text. */
async function box(page, name) {
  return page.locator(`[data-fyll="${name}"]`).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { visible: !el.hidden && r.height > 0, inView: r.top >= 0 && r.top < innerHeight,
      focused: document.activeElement === el, text: el.innerText };
  });
}

async function shareShown(page) {
  return page.locator('[data-fyll="del"]').evaluate((el) => el.getBoundingClientRect().height > 0);
}

async function ready(browser, site, pagePath, width, height, share) {
  const context = await browser.newContext({ viewport: { width: +width, height: +height },
    acceptDownloads: true, hasTouch: +width < 600 });
  // `share`: a browser that says it can share files, as phones do (headless Chromium cannot).
  if (share) await context.addInitScript(() => {
    navigator.canShare = (data) => Boolean(data && data.files && data.files.length);
    navigator.share = async () => {};
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("dialog", (d) => d.accept());
  await page.goto(site.origin + pagePath, { waitUntil: "load" });
  return { page, errors };
}

async function path(root, pagePath, valuesFile, out, width, height) {
  const values = JSON.parse(await readFile(valuesFile, "utf8"));
  return withSite(root, async (browser, site) => {
    const { page, errors } = await ready(browser, site, pagePath, width, height, false);
    let taps = 0, scrolled = 0, y = 0;
    // A tap: swipe until the control is in view (counted as the distance scrolled), then tap.
    const tap = async (locator) => {
      await locator.scrollIntoViewIfNeeded();
      const now = await page.evaluate(() => window.scrollY);
      scrolled += Math.abs(now - y);
      taps += 1;
      await (+width < 600 ? locator.tap() : locator.click());
      y = await page.evaluate(() => window.scrollY);
    };
    for (const [name, value] of Object.entries(values)) {
      const radio = page.locator(`input[type=radio][name="${name}"]`);
      if (await radio.count()) {
        await tap(page.locator(`.fyll-valg > label:has(input[name="${name}"][value="${value}"])`));
      } else {
        await tap(page.locator(`[name="${name}"]`));
        await page.keyboard.type(value);
      }
    }
    const { download, warned } = await makePdf(page, tap);
    await download.saveAs(out);
    return { taps, scrolled, screens: scrolled / +height, warned,
      pageHeight: await page.evaluate(() => document.documentElement.scrollHeight),
      next: await box(page, "neste"), share: await shareShown(page), errors };
  });
}

async function guard(root, pagePath, valuesFile, out, width, height, share) {
  const values = JSON.parse(await readFile(valuesFile, "utf8"));
  return withSite(root, async (browser, site) => {
    const { page, errors } = await ready(browser, site, pagePath, width, height, share === "share");
    await enter(page, values);
    const downloads = [];
    page.on("download", (d) => downloads.push(d.suggestedFilename()));
    const before = { share: await shareShown(page), next: await box(page, "neste") };
    await page.locator('[data-fyll="lag"]').click();
    await page.waitForTimeout(1500);  // time enough for a PDF that should not come
    const summary = await box(page, "mangler");
    const links = await page.locator('[data-fyll="mangler-liste"] a').evaluateAll((as) => as.map((a) => {
      const target = document.getElementById(a.getAttribute("href").slice(1));
      return { text: a.textContent, target: target ? target.id : null,
        answered: target ? Boolean(target.querySelector("input:checked")) : null,
        names: target ? [...new Set([...target.querySelectorAll("input")].map((i) => i.name))] : [] };
    }));
    const warned = { downloads: [...downloads], summary, links, share: await shareShown(page),
      next: await box(page, "neste") };
    // Each link leads to its statement: the statement in view, its first answer focused.
    let followed = null;
    if (links.length) {
      await page.locator('[data-fyll="mangler-liste"] a').last().click();
      followed = await page.evaluate(() => {
        const statement = document.activeElement.closest(".fyll-utsagn");
        const r = statement ? statement.getBoundingClientRect() : null;
        return { statement: statement && statement.id, inView: Boolean(r && r.top >= 0 && r.top < innerHeight) };
      });
    }
    const [download] = await Promise.all([page.waitForEvent("download"),
      page.locator('[data-fyll="likevel"]').click()]);
    await download.saveAs(out);
    return { before, warned, followed, file: download.suggestedFilename(),
      after: { next: await box(page, "neste"), summary: await box(page, "mangler"),
        share: await shareShown(page) }, errors };
  });
}

async function stored(page) {
  return page.evaluate(async () => ({
    local: JSON.stringify({ ...localStorage }),
    cookies: document.cookie,
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
  }));
}

async function fill(root, pagePath, valuesFile, out, width, height, mode) {
  const values = JSON.parse(await readFile(valuesFile, "utf8"));
  return withSite(root, async (browser, site) => {
    const context = await browser.newContext({ viewport: { width: +width, height: +height },
      acceptDownloads: true });
    const requests = [];
    context.on("request", (r) => requests.push(r.url()));
    const page = await context.newPage();
    page.on("dialog", (d) => d.accept());
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(site.origin + pagePath, { waitUntil: "load" });
    if (mode === "offline") {
      // pdf.js and the blank form come with the first «Lag PDF»: one PDF online, then offline.
      await (await makePdf(page)).download.path();
      await context.setOffline(true);
    }
    await enter(page, values);
    let restored = null;
    if (mode !== "offline") {
      // A reload in the same tab restores the answers (sessionStorage; needs the network).
      await page.reload({ waitUntil: "load" });
      restored = await page.evaluate(() => Object.fromEntries(
        [...new FormData(document.getElementById("fyll-skjema"))].filter(([, v]) => v !== "")));
    }
    // Every text area shown, restored or empty, is tall enough for its text (no inner scroll).
    const cramped = await page.evaluate(() => [...document.querySelectorAll(".fyll textarea")]
      .filter((a) => a.getClientRects().length && a.scrollHeight > a.clientHeight + 1)
      .map((a) => a.name));
    const { download, warned } = await makePdf(page);
    await download.saveAs(out);
    const result = {
      file: download.suggestedFilename(), warned,
      status: await page.locator('[data-fyll="ferdig"]').textContent(),
      csp: await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content"),
      stored: await stored(page),
      layout: await layout(page),
      restored, cramped, errors,
    };
    await page.locator('[data-fyll="tom"]').click();
    result.cleared = await page.evaluate((key) => ({
      session: sessionStorage.getItem(key),
      filled: [...new FormData(document.getElementById("fyll-skjema"))].filter(([, v]) => v !== "").length,
    }), JSON.parse(await page.locator("#fyll-data").textContent()).storage);
    result.requests = requests;
    return result;
  });
}

async function axe(root, paths) {
  return withSite(root, async (browser, site) => {
    const out = {};
    for (const scheme of ["light", "dark"]) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 390, height: 844 } });
      for (const p of paths) {
        const page = await context.newPage();
        await page.goto(site.origin + p, { waitUntil: "load" });
        // Evaluated through the devtools protocol: the fill pages' CSP would refuse a tag.
        await page.evaluate(await readFile(AXE, "utf8"));
        out[`${scheme} ${p}`] = await page.evaluate(async (tags) => {
          const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
          return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }));
        }, WCAG);
        await page.close();
      }
      await context.close();
    }
    return out;
  });
}

/** The Skjema page's chooser: pick each level and area, read where the two actions point. */
async function choose(root, width) {
  return withSite(root, async (browser, site) => {
    const page = await browser.newPage({ viewport: { width: +width, height: 900 } });
    await page.goto(site.origin + "/skjema/", { waitUntil: "load" });
    const visible = await page.locator("div[data-velger]").isVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    const picks = [];
    const levels = await page.locator('[data-velger="trinn"] option').evaluateAll((o) => o.map((x) => x.value));
    const areas = await page.locator('[data-velger="omrade"] option').evaluateAll((o) => o.map((x) => x.value));
    for (const level of levels) {
      for (const area of areas) {
        await page.selectOption('[data-velger="trinn"]', level);
        await page.selectOption('[data-velger="omrade"]', area);
        picks.push({ level, area,
          html: new URL(await page.locator('[data-velger="html"]').getAttribute("href"), page.url()).pathname,
          pdf: new URL(await page.locator('[data-velger="pdf"]').getAttribute("href"), page.url()).pathname,
          chosen: await page.locator('[data-velger="valgt"]').textContent() });
      }
    }
    return { visible, overflow, picks };
  });
}

async function shot(root, pagePath, width, out, valuesFile, scrollTo) {
  return withSite(root, async (browser, site) => {
    const page = await browser.newPage({ viewport: { width: +width, height: 844 } });
    await page.goto(site.origin + pagePath, { waitUntil: "load" });
    if (valuesFile) await enter(page, JSON.parse(await readFile(valuesFile, "utf8")));
    if (scrollTo) {
      // From the top down: scrolling up would call up the theme's "back to top" button.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(300);
      await page.locator(scrollTo).first().evaluate((e) => window.scrollTo(0, e.getBoundingClientRect().top + window.scrollY - 64));
      await page.waitForTimeout(500);
    }
    await page.screenshot({ path: out, fullPage: !scrollTo });
    return { out };
  });
}

async function bench(root, pagePath, baselinePath) {
  return withSite(root, async (browser, site) => {
    // What every page loads: the files of a plain page, cold.
    const plain = await browser.newContext();
    await (await plain.newPage()).goto(site.origin + baselinePath, { waitUntil: "load" });
    const baseline = new Set(site.sent.map((s) => s.path));
    await plain.close();
    site.sent.length = 0;
    // The fill page, cold: everything up to a filled PDF is the total.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(site.origin + pagePath, { waitUntil: "networkidle" });
    // A first visit: everything sent before the visitor does anything (pdf.js and the blank
    // form come with the first «Lag PDF»); usable: what the fill page adds to a plain page.
    const first = [...site.sent];
    const usable = first.filter((s) => !baseline.has(s.path));
    const sum = (list) => list.reduce((n, s) => n + s.gzip, 0);
    for (const group of await page.locator(".fyll-valg").all()) await group.locator("input").first().check();
    while (await page.locator('[data-fyll="legg-til"]').isVisible()) await page.locator('[data-fyll="legg-til"]').click();
    for (const field of await page.locator(".fyll input[type=text], .fyll textarea").all()) await field.fill("Ærlig Øystein");
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    const times = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      const [download] = await Promise.all([page.waitForEvent("download"),
        page.locator('[data-fyll="lag"]').click()]);
      await download.path();
      times.push(Math.round(performance.now() - t0));
    }
    return { first_visit_gzip: sum(first), usable_gzip: sum(usable), usable_files: usable.map((s) => `${s.path} ${s.gzip}`),
      total_gzip: sum(site.sent), files: site.sent.map((s) => `${s.path} ${s.gzip}`), make_ms: times };
  });
}

// Run as a program; imported (tests/summary's driver), only the exports above.
const main = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
const [command, root, ...args] = process.argv.slice(2);
const commands = {
  fill: () => fill(root, ...args),
  path: () => path(root, ...args),
  guard: () => guard(root, ...args),
  axe: () => axe(root, args),
  shot: () => shot(root, ...args),
  choose: () => choose(root, ...args),
  bench: () => bench(root, ...args),
};
if (main && !commands[command]) {
  process.stderr.write("usage: fill_browser.mjs fill|path|guard|axe|shot|choose|bench SITE_DIR …\n");
  process.exit(2);
}
if (main) process.stdout.write(JSON.stringify(await commands[command](), null, 2) + "\n");
