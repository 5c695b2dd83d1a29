// Drive Debian's Chromium (never a downloaded browser) through playwright-core over a built
// site served from 127.0.0.1, and print what a visitor would meet as JSON on stdout.
//
//   node browser.mjs crawl SITE_DIR [PREFIX]   every page, the 404 page included, served under
//                                           PREFIX (default /): requests, failed requests,
//                                           axe (light+dark), links, print
//   node browser.mjs page SITE_DIR PATH        one page: visible text and injected-script check
//   node browser.mjs shot SITE_DIR PATH WIDTH OUT.png [dark]
//   node browser.mjs tour SITE_DIR SPEC.json   pages at several widths as a visitor meets them:
//                                           console errors, search hits, the level chooser,
//                                           axe, what prints (see `tour` below)
//   node browser.mjs switch SITE_DIR PATH   the palette switch on one page: how many elements
//                                           the browser restyles for the theme's switch mark,
//                                           and what could still fade while it is set
//   node browser.mjs watch URL              open URL (a live preview) and print one JSON line
//                                           per page load until stdin closes
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const PAGE_EXT = new Set(["", ".html"]);
// Fill pages (77 of them, with a CSP that refuses injected scripts) are driven by tests/fill;
// the crawl only checks that each one it links to exists.
const FILL_PAGES = "/skjema/fyll/";
const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png",
  ".pdf": "application/pdf", ".zip": "application/zip", ".csv": "text/csv; charset=utf-8",
  ".xml": "application/xml", ".gz": "application/gzip", ".ico": "image/x-icon" };

// Like a static host: ROOT answers under PREFIX, and an unknown address gets 404.html, 404.
async function serve(root, prefix = "/") {
  const server = createServer(async (req, res) => {
    const full = decodeURIComponent(new URL(req.url, "http://x").pathname);
    let file = normalize(join(root, full.slice(prefix.length - 1)));
    const head = req.method === "HEAD";
    try {
      if (!full.startsWith(prefix) || !file.startsWith(normalize(root))) throw new Error();
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream" });
      res.end(head ? undefined : body);
    } catch {
      const missing = await readFile(join(root, "404.html")).catch(() => "not found");
      res.writeHead(404, { "content-type": TYPES[".html"] }).end(head ? undefined : missing);
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

async function browser() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

async function open(context, url, requests, failed) {
  const page = await context.newPage();
  if (requests) page.on("request", (r) => requests.push(r.url()));
  if (failed) {
    page.on("response", (r) => { if (r.status() >= 400 && r.url() !== url) failed.push(r.url()); });
    page.on("requestfailed", (r) => failed.push(r.url()));
  }
  const response = await page.goto(url, { waitUntil: "load" });
  return { page, status: response ? response.status() : 0 };
}

async function axe(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return r.violations.map((v) => ({ id: v.id, help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  }, WCAG);
  return result;
}

async function printChrome(page) {
  await page.emulateMedia({ media: "print" });
  const visible = {};
  for (const sel of [".md-header", ".md-sidebar--primary", ".md-footer", ".md-tabs",
    ".md-search", ".md-nav--primary"]) {
    visible[sel] = await page.locator(sel).first().isVisible().catch(() => false);
  }
  const content = await page.locator("article.md-content__inner").isVisible();
  await page.emulateMedia({ media: "screen" });
  return { chrome: visible, content };
}

async function links(page) {
  // getAttribute, not .href: an SVG link's href is an object, not a string.
  return page.evaluate(() => [...document.querySelectorAll("a[href]")]
    .map((a) => new URL(a.getAttribute("href"), document.baseURI).href));
}

async function scheme(context, url) {
  const { page } = await open(context, url);
  const found = await page.evaluate(() => document.body.getAttribute("data-md-color-scheme"));
  const violations = await axe(page);
  await page.close();
  return { scheme: found, violations };
}

// SKIP: comma-separated path prefixes (e.g. "/nn/,/en/") whose pages are only checked to
// exist, not loaded: another engine's language sites, when time is short.
async function crawl(root, prefix = "/", skip = "") {
  const skipped = skip ? skip.split(",").map((s) => prefix.slice(0, -1) + s) : [];
  const { server, origin } = await serve(root, prefix);
  const base = origin + prefix.slice(0, -1);
  const local = (u) => (u.startsWith(base + "/") ? u.slice(base.length) : u);
  const b = await browser();
  const light = await b.newContext({ colorScheme: "light", serviceWorkers: "block" });
  const dark = await b.newContext({ colorScheme: "dark", serviceWorkers: "block" });
  const queue = [`${base}/`, `${base}/finnes-ikke/`];
  const seen = new Set(queue);
  const pages = [];
  const targets = new Map();
  while (queue.length) {
    const url = queue.shift();
    const requests = [];
    const failed = [];
    const { page, status } = await open(light, url, requests, failed);
    const found = await links(page);
    const ids = await page.evaluate(() => [...document.querySelectorAll("[id]")].map((e) => e.id));
    const record = { url: local(url), status, requests, failed, ids, links: found,
      title: await page.title(), print: await printChrome(page),
      light: { scheme: await page.evaluate(() => document.body.getAttribute("data-md-color-scheme")),
        violations: await axe(page) } };
    await page.close();
    record.dark = await scheme(dark, url);
    pages.push(record);
    for (const href of found) {
      const u = new URL(href);
      if (u.origin !== origin) continue;
      const bare = `${u.origin}${u.pathname}`;
      const isPage = PAGE_EXT.has(extname(u.pathname)) && !u.pathname.includes(FILL_PAGES)
        && !skipped.some((s) => u.pathname.startsWith(s));
      if (isPage && !seen.has(bare)) { seen.add(bare); queue.push(bare); }
      if (!isPage && !targets.has(bare)) targets.set(bare, 0);
    }
  }
  for (const url of targets.keys()) {
    const r = await fetch(url, { method: "HEAD" });
    targets.set(url, r.status);
  }
  await b.close();
  server.close();
  const files = Object.fromEntries([...targets].map(([u, s]) => [local(u), s]));
  return { origin, base, pages: pages.map((p) => ({ ...p, links: p.links.map(local) })), files };
}

async function pageText(root, path) {
  const { server, origin } = await serve(root);
  const b = await browser();
  const context = await b.newContext();
  const { page, status } = await open(context, origin + path);
  const result = await page.evaluate(() => ({
    text: document.querySelector("article").innerText,
    injected: window.__injected === true,
    scripts: [...document.querySelectorAll("article script")].length,
    foreignLinks: [...document.querySelectorAll("article a[href]")]
      .map((a) => new URL(a.getAttribute("href"), document.baseURI).href)
      .filter((h) => !h.startsWith(location.origin)),
  }));
  await b.close();
  server.close();
  return { status, ...result };
}

async function shot(root, path, width, out, dark) {
  const { server, origin } = await serve(root);
  const b = await browser();
  const context = await b.newContext({ viewport: { width: Number(width), height: 900 },
    colorScheme: dark ? "dark" : "light" });
  const { page } = await open(context, origin + path);
  await page.screenshot({ path: out, fullPage: true });
  await b.close();
  server.close();
  return { out };
}

// Types WORD into Material's search on PATH (as a visitor would: "/" opens it) and returns
// the addresses of the results.
async function search(root, path, word) {
  const { server, origin } = await serve(root);
  const b = await browser();
  const { page } = await open(await b.newContext(), origin + path);
  await page.keyboard.press("/");
  await page.keyboard.type(word, { delay: 20 });
  await page.keyboard.press("End");  // a key event, as in searchHits
  const items = page.locator(".md-search-result__item a");
  await items.first().waitFor({ timeout: 15000 }).catch(() => null);
  const hits = await items.evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
  await b.close();
  server.close();
  return { hits };
}

// SPEC: {"widths": [390, 1280], "pages": [{"path": "/", "search": "word", "chooser": true,
// "axe": true, "print": true, "widths": [390]}, …]} (a page's own widths replace the
// spec's). Per page and width: every console error and uncaught exception while the page is
// used, and what each asked-for check found.
async function tour(root, specFile) {
  const spec = JSON.parse(await readFile(specFile, "utf-8"));
  const { server, origin } = await serve(root);
  const b = await browser();
  const contexts = new Map();
  const results = [];
  for (const p of spec.pages) {
    for (const width of p.widths || spec.widths) {
      if (!contexts.has(width)) contexts.set(width, await b.newContext(
        { viewport: { width, height: 900 }, serviceWorkers: "block" }));
      const page = await contexts.get(width).newPage();
      const started = Date.now();
      const errors = [];
      page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
      const response = await page.goto(origin + p.path, { waitUntil: "load" });
      const result = { path: p.path, width, status: response.status(), errors,
        heading: await page.locator("article h1").first().innerText(),
        header: (await page.locator(".md-header__topic").first().innerText()).trim(),
        menu: await page.locator(".md-sidebar--primary .md-nav__link--active:visible")
          .evaluateAll((as) => as.map((a) => a.innerText.trim())) };
      if (p.chooser) result.chooser = await chooser(page);
      if (p.print) result.print = await printed(page);
      if (p.axe) result.axe = await axe(page);
      if (p.search) result.hits = await searchHits(page, p.search);
      await page.waitForTimeout(200);  // late errors (a worker's failed request) arrive
      result.ms = Date.now() - started;
      results.push(result);
      await page.close();
    }
  }
  const noScript = await b.newContext({ javaScriptEnabled: false });
  for (const p of spec.pages.filter((q) => q.chooser)) {
    const page = await noScript.newPage();
    await page.goto(origin + p.path, { waitUntil: "load" });
    results.push({ path: p.path, javascript: false, chooser: await chooserWithoutScript(page) });
    await page.close();
  }
  await b.close();
  server.close();
  return results;
}

// Types WORD into the theme's search and returns the addresses of the results, or [] when
// none come within 10 s (a search that never starts). Both themes open it on "/" at any
// width; Zensical shows its results in a shadow root, which Playwright's CSS selectors enter.
async function searchHits(page, word) {
  await page.keyboard.press("/");
  await page.waitForTimeout(300);
  await page.keyboard.type(word, { delay: 20 });
  // Letters off a US keyboard (Cyrillic, Arabic, Ge'ez) are inserted without key events, and
  // Material searches on keyup: end as a real keyboard does, with a key.
  await page.keyboard.press("End");
  const items = page.locator(".md-search-result__item a, [role=listbox] a[role=option]");
  await items.first().waitFor({ timeout: 10000 }).catch(() => null);
  return items.evaluateAll((as) => as.map((a) => new URL(a.href).pathname));
}

// The level chooser: visible, one select; for each level the two actions' addresses, and
// whether each answers 200.
async function chooser(page) {
  const box = page.locator("div[data-velger]");
  const select = box.locator('select[data-velger="trinn"]');
  const levels = await select.locator("option").evaluateAll((os) => os.map((o) => o.value));
  const choices = [];
  for (const level of levels) {
    await select.selectOption(level);
    const [fill, pdf] = await Promise.all(["html", "pdf"].map((k) =>
      box.locator(`[data-velger="${k}"]`).evaluate((a) => a.href)));
    choices.push({ level, fill: new URL(fill).pathname, pdf: new URL(pdf).pathname });
  }
  const status = await page.evaluate(async (urls) => Promise.all(urls.map(async (u) =>
    (await fetch(u, { method: "HEAD" })).status)), choices.flatMap((c) => [c.fill, c.pdf]));
  return { visible: await box.isVisible(), selects: await box.locator("select").count(),
    buttons: await page.locator("article .md-button:visible").count(), choices,
    statuses: [...new Set(status)] };
}

async function chooserWithoutScript(page) {
  return {
    visible: await page.locator("div[data-velger]").isVisible(),
    links: await page.locator("[data-skjema] a:visible").evaluateAll((as) =>
      as.map((a) => new URL(a.href).pathname)),
  };
}

// What prints: the content's buttons and choosers still shown (nothing to press on paper),
// its writing fields, and the number of A4 pages.
async function printed(page) {
  await page.emulateMedia({ media: "print" });
  const count = (sel) => page.locator(`article :is(${sel}):visible`).count();
  const buttons = await count(".md-button, button, select, summary");
  const fields = await count("input[type=text], textarea");
  const pdf = await page.pdf({ format: "A4" });
  await page.emulateMedia({ media: "screen" });
  return { buttons, fields,
    pages: (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) || []).length };
}

async function watch(url) {
  const b = await browser();
  const page = await (await b.newContext()).newPage();
  const report = async () => {
    const state = await page.evaluate(() => ({
      banner: document.querySelector(".kildefeil")?.innerText ?? null,
      text: document.querySelector("article")?.innerText ?? document.body.innerText,
    })).catch(() => null);
    if (state) process.stdout.write(JSON.stringify({ load: Date.now(), ...state }) + "\n");
  };
  page.on("load", report);
  await page.goto(url, { waitUntil: "load" });
  await new Promise((done) => { process.stdin.on("end", done); process.stdin.resume(); });
  await b.close();
  return { closed: true };
}

// The theme marks <body data-md-color-switching> while the palette changes (and once as each
// page starts): no colour may fade then. Reports the elements the browser restyles when the
// mark is set and for a change that reaches every element (from Chromium's trace), which
// elements and
// ::before/::after boxes still have a non-zero transition with the mark set, and how many
// have one without it (so the check is known to look at something).
async function paletteSwitch(root, path) {
  const { server, origin } = await serve(root);
  const b = await browser();
  const page = await (await b.newContext()).newPage();
  await page.goto(origin + path, { waitUntil: "load" });
  await page.waitForTimeout(300);
  const fading = () => page.evaluate(() => {
    const moving = (style) => style.transitionDuration.split(",").some((d) => parseFloat(d) > 0);
    const found = [];
    for (const el of document.querySelectorAll("body *")) {
      for (const pseudo of [null, "::before", "::after"]) {
        if (moving(getComputedStyle(el, pseudo))) {
          found.push(`${el.tagName.toLowerCase()}.${[...el.classList].join(".")}${pseudo || ""}`);
        }
      }
    }
    return found;
  });
  const unmarked = await fading();
  const cdp = await page.context().newCDPSession(page);
  // Elements Chromium restyles for a change made in the page (and read back at once).
  const restyledBy = async (change) => {
    const events = [];
    const collect = (e) => events.push(...e.value);
    cdp.on("Tracing.dataCollected", collect);
    const traced = new Promise((done) => cdp.once("Tracing.tracingComplete", done));
    await cdp.send("Tracing.start", { categories: "devtools.timeline", transferMode: "ReportEvents" });
    await page.evaluate(change);
    await cdp.send("Tracing.end");
    await traced;
    cdp.off("Tracing.dataCollected", collect);
    return events.filter((e) => e.name === "UpdateLayoutTree" && e.ph === "X")
      .reduce((sum, e) => sum + (e.args?.elementCount ?? 0), 0);
  };
  // A mark that a rule for every element names (as the theme's own switch rule did): the
  // whole-page figure.
  await page.evaluate(() => {
    const rule = document.createElement("style");
    rule.textContent = "[data-proeve] *{outline-offset:0}";
    document.head.append(rule);
    return document.body.offsetHeight;
  });
  const everything = await restyledBy(() => {
    document.body.setAttribute("data-proeve", "");
    return document.body.offsetHeight;
  });
  const restyled = await restyledBy(() => {
    document.body.setAttribute("data-md-color-switching", "");
    return document.body.offsetHeight;
  });
  const marked = await fading();
  await b.close();
  server.close();
  return { everything, restyled, unmarked: unmarked.length, marked };
}

const [command, ...args] = process.argv.slice(2);
const commands = { crawl, page: pageText, search, shot, switch: paletteSwitch, tour, watch };
if (!commands[command]) {
  console.error(`usage: node browser.mjs ${Object.keys(commands).join("|")} SITE_DIR …`);
  process.exit(2);
}
console.log(JSON.stringify(await commands[command](...args)));
