// The Sammendrag page in Debian's Chromium (playwright-core), as a school leader uses it; and
// the fill pages, to make browser-filled forms for its corpus. Prints JSON on stdout.
//
//   node summary_browser.mjs fill JOBS.json
//     JOBS: [{site, page, values, out}]: each fill page filled as a visitor would (tests/fill's
//     `enter`), "Lag PDF" pressed, the download saved to `out`. One browser for all.
//   node summary_browser.mjs summarise PLAN.json
//     PLAN: [{site, page, how ("files" | "folder" | "drop"), folder, files (names in folder),
//     offline, names, axe, scheme, width, early, touch, out}]: one visit each, in one browser.
//     The page fetches its reader when files are first chosen: the visit first makes it ready
//     by choosing the files once and waiting for the report (with `early`: not, it chooses
//     the files as soon as the page has loaded, while nothing is fetched yet), chooses the files
//     (file picker, folder picker or a drop on the page), waits for "Ferdig", saves the four
//     downloads to `out`, and reads what the page shows. `touch`: a touch-only phone (no
//     mouse, no hover). Every status text and progress value the page shows is recorded. `offline`: the context goes offline once the page is ready. `names`: then
//     ticks the names box and saves the new reports to `out`/navn/. `axe`: axe-core
//     before and after the summary; `shot`: a PNG of the whole page with the result shown, for
//     a reviewer or the README. Every request is recorded twice: by the page's context
//     (the page, its worker and frame) and by the site's server.
//   node summary_browser.mjs bench SITE_DIR PAGE FOLDER
//     From opening the page and choosing every file in FOLDER at once to "Ferdig": seconds,
//     and the bytes the site sent (as stored, and gzip as a web server sends them).
import { mkdir, readFile, readdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { enter, makePdf } from "../fill/fill_browser.mjs";
import { axe, drop, withBrowser } from "../js/reader_page.mjs";

async function fill(jobsFile) {
  const jobs = JSON.parse(await readFile(jobsFile, "utf8"));
  return withBrowser([...new Set(jobs.map((j) => j.site))], async (browser, sites) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    const done = [];
    for (const { site, page: path, values, out } of jobs) {
      const page = await context.newPage();
      await page.goto(sites[site].origin + path, { waitUntil: "load" });
      await enter(page, values);
      // «Lag PDF», and «Lag PDF likevel» where the page lists statements left open.
      const { download } = await makePdf(page);
      await download.saveAs(out);
      done.push({ out, status: await page.locator('[data-fyll="ferdig"]').textContent() });
      await page.close();
    }
    return { done };
  });
}

const status = (page) => page.locator("[data-sammendrag=status]").textContent();

/** The page fetches its reader when files are first chosen: choose them once and wait for
 *  the report, so the page is ready (its reader fetched) for the visit proper. */
async function untilReady(page, c) {
  await choose(page, c);
  await untilDone(page);
  // Emptied, so that choosing the same files again is a change the page hears.
  await page.evaluate(() => {
    for (const id of ["sammendrag-filer", "sammendrag-mappe"]) document.getElementById(id).value = "";
    document.querySelector("[data-sammendrag=status]").textContent = "";
  });
}

/** Resolves when a summary has failed, or is finished and its report loaded in the frame (a
 *  new document: `untilDone` marks the one it saw, so the next wait sees the next report). */
async function untilDone(page) {
  await page.waitForFunction(() => {
    const m = JSON.parse(document.getElementById("sammendrag-data").textContent).messages;
    const now = document.querySelector("[data-sammendrag=status]").textContent;
    if (document.getElementById("sammendrag-filer").disabled) return false;
    if (now !== m.done) return now.startsWith(m.failed.split("{")[0]) || now === m.timeout;
    const doc = document.querySelector("[data-sammendrag=rapport]").contentDocument;
    return doc && doc.URL === "about:srcdoc" && doc.readyState === "complete" && !doc.seen;
  }, null, { timeout: 300000 });
  await page.evaluate(() => {
    const doc = document.querySelector("[data-sammendrag=rapport]").contentDocument;
    if (doc) doc.seen = true;
  });
}

async function choose(page, c) {
  if (c.how === "files") await page.setInputFiles("#sammendrag-filer", c.files.map((n) => join(c.folder, n)));
  else if (c.how === "folder") await page.setInputFiles("#sammendrag-mappe", c.folder);
  else if (c.how === "drop") await drop(page, c.folder, c.files, (name) => (name.endsWith(".pdf") ? "application/pdf" : ""));
  else throw new Error(`unknown way to choose: ${c.how}`);
}

async function save(page, names, out) {
  await mkdir(out, { recursive: true });
  const hrefs = {};
  for (const name of names) {
    const link = page.locator(`[data-sammendrag="${name}"]`);
    hrefs[name] = { href: await link.getAttribute("href"), download: await link.getAttribute("download") };
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    await download.saveAs(join(out, name));
  }
  return hrefs;
}

/** What the leader sees once a summary is shown. */
async function shown(page) {
  return page.evaluate(() => {
    const part = (name) => document.querySelector(`[data-sammendrag="${name}"]`);
    const frame = part("rapport");
    const doc = frame.contentDocument ?? document.implementation.createHTMLDocument();
    const list = part("ikke-talt");
    return {
      status: part("status").textContent,
      line: part("linje").textContent,
      not_counted: list.hidden ? [] : [...list.querySelectorAll("li")].map((li) => li.textContent),
      result_hidden: part("resultat").hidden,
      report_text: doc.body.innerText,
      frame: { height: frame.getBoundingClientRect().height, content: doc.documentElement.scrollHeight,
               inner_width: doc.documentElement.clientWidth, inner_scroll_width: doc.documentElement.scrollWidth },
      overflow: document.documentElement.scrollWidth > window.innerWidth,
      focused: document.activeElement?.id ?? null,
      names_checked: document.getElementById("sammendrag-navn").checked,
    };
  });
}

const REPORTS = ["rapport.html", "rapport-til-deling.html"];
const OUTPUTS = ["sammendrag.json", "svar.csv", "til-kommunen.json", ...REPORTS];

/** Records every status text and progress value the page shows, from its first moment. */
function watch() {
  window.__seen = { statuses: [], progress: [] };
  document.addEventListener("DOMContentLoaded", () => {
    const status = document.querySelector("[data-sammendrag=status]");
    const bar = document.querySelector("[data-sammendrag=fremdrift]");
    const note = () => {
      const s = window.__seen;
      if (s.statuses.at(-1) !== status.textContent) s.statuses.push(status.textContent);
      const p = bar.hidden ? null : `${bar.value}/${bar.max}`;
      if (p && s.progress.at(-1) !== p) s.progress.push(p);
    };
    note();
    new MutationObserver(note).observe(document.querySelector("[data-sammendrag]"),
      { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** What the page offers and how its controls look, before anything is chosen. */
async function offered(page) {
  return page.evaluate(() => {
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      return !el.closest("[hidden]") && r.width > 2 && r.height > 2 && getComputedStyle(el).visibility !== "hidden";
    };
    const inputs = [...document.querySelectorAll("input[type=file]")];
    return {
      folder: visible(document.querySelector('label[for="sammendrag-mappe"]')),
      drop: visible(document.querySelector("[data-sammendrag=slipptekst]")),
      drop_zone_border: getComputedStyle(document.querySelector("[data-sammendrag=slipp]")).borderTopColor,
      native_file_inputs: inputs.filter(visible).map((i) => i.id),
      file_buttons: Object.fromEntries(inputs.map((i) => {
        const label = document.querySelector(`label[for="${i.id}"]`);
        return [i.id, { button: label.classList.contains("md-button"), visible: visible(label), text: label.textContent }];
      })),
      disabled: Object.fromEntries(["sammendrag-filer", "sammendrag-mappe", "sammendrag-navn", "sammendrag-forrige"].map(
        (id) => [id, document.getElementById(id).disabled])),
      status: document.querySelector("[data-sammendrag=status]").textContent,
      text: document.querySelector("article, main").innerText,
    };
  });
}

async function visit(browser, site, c) {
  const context = await browser.newContext({ viewport: { width: c.width || 1280, height: 900 },
    colorScheme: c.scheme || "light", acceptDownloads: true,
    ...(c.touch ? { hasTouch: true, isMobile: true } : {}) });
  await context.addInitScript(watch);
  const requests = [];
  let phase = "loading";
  context.on("request", (r) => requests.push({ url: r.url(), phase }));
  const types = {};
  context.on("response", (r) => { types[new URL(r.url()).pathname] = r.headers()["content-type"]; });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const t0 = performance.now();
  await page.goto(site.origin + c.page, { waitUntil: c.early ? "domcontentloaded" : "load" });
  const before = await offered(page);
  if (!c.early) await untilReady(page, c);
  const result = { ready_ms: Math.round(performance.now() - t0), ready_status: before.status,
    messages: JSON.parse(await page.locator("#sammendrag-data").textContent()).messages,
    offered: before };
  if (c.axe) result.axe_before = await axe(page);
  // Chosen early, the page is still fetching its program: "ready" begins once it is done.
  let servedBefore = site.sent.length;
  if (!c.early) phase = "ready";
  if (c.offline) await context.setOffline(true);
  const t1 = performance.now();
  await choose(page, c);
  result.status_after_choosing = await status(page);
  result.controls_while_reading = await page.evaluate(() => Object.fromEntries(
    ["sammendrag-filer", "sammendrag-mappe", "sammendrag-navn", "sammendrag-forrige"].map(
      (id) => [id, document.getElementById(id).disabled])));
  await untilDone(page);
  result.summary_ms = Math.round(performance.now() - t1);
  if (c.early) { phase = "ready"; servedBefore = site.sent.length; }
  result.shown = await shown(page);
  if (result.shown.status !== result.messages.done) {
    throw new Error(`${c.page} (${c.how}): ${result.shown.status} ${errors.join(" ")}`);
  }
  result.links = await save(page, OUTPUTS, c.out);
  result.page_text = await page.evaluate(() => document.querySelector("article, main").innerText);
  if (c.shot) await page.screenshot({ path: c.shot, fullPage: true });
  if (c.names) {
    await page.check("#sammendrag-navn");
    await untilDone(page);
    result.named = await shown(page);
    await save(page, REPORTS, join(c.out, "navn"));
  }
  if (c.axe) result.axe_after = await axe(page);
  // The phone turned, or the window resized: the frame follows the report's new height.
  await page.setViewportSize({ width: (c.width || 1280) > 600 ? 390 : 844, height: 900 });
  await page.waitForTimeout(300);
  result.turned = await shown(page);
  result.served_after_ready = site.sent.slice(servedBefore).map((s) => s.path);
  result.seen = await page.evaluate(() => window.__seen);
  result.requests = requests;
  result.types = types;
  result.errors = errors;
  await context.close();
  return result;
}

async function summarise(planFile) {
  const plan = JSON.parse(await readFile(planFile, "utf8"));
  return withBrowser([...new Set(plan.map((c) => c.site))], async (browser, sites) => {
    const results = [];
    for (const c of plan) results.push(await visit(browser, sites[c.site], c));
    return results;
  });
}

async function bench(root, pagePath, folder) {
  const files = (await readdir(folder)).sort();
  return withBrowser([root], async (browser, sites) => {
    const out = join(folder, "..", `${basename(folder)}-ut`);
    // Chosen at once, cold: the time and the transfer up to the first report.
    const r = await visit(browser, sites[root], { page: pagePath, how: "files", folder, files, out, early: true });
    const sent = sites[root].sent;
    return { summary_ms: r.summary_ms, line: r.shown.line, status: r.shown.status,
      sent_bytes: sent.reduce((n, s) => n + s.bytes, 0), sent_gzip: sent.reduce((n, s) => n + s.gzip, 0) };
  });
}

const [command, ...args] = process.argv.slice(2);
const commands = { fill: () => fill(...args), summarise: () => summarise(...args), bench: () => bench(...args) };
if (!commands[command]) {
  process.stderr.write("usage: summary_browser.mjs fill|summarise|bench …\n");
  process.exit(2);
}
process.stdout.write(JSON.stringify(await commands[command](), null, 2) + "\n");
