// Open a collect report (rapport.html) in Debian's Chromium through playwright-core and
// print JSON on how it reads: the page's width against the window at 320, 390 and 1280 px
// (horizontal overflow), axe-core's WCAG 2.1 AA violations, and, written into OUTDIR: a
// full-page screenshot per width (report-W.png), each legend swatch enlarged (swatch-N.png,
// N in legend order) and the page printed to A4 (print.pdf).
//
//   node tests/collect/report_layout.mjs RAPPORT.html OUTDIR
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const WIDTHS = [320, 390, 1280];

async function widths(browser, url, out) {
  const seen = {};
  for (const width of WIDTHS) {
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    await page.goto(url, { waitUntil: "load" });
    seen[width] = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth }));
    await page.screenshot({ path: join(out, `report-${width}.png`), fullPage: true });
    await page.close();
  }
  return seen;
}

async function swatches(page, out) {
  await page.addStyleTag({ content: ".legend .swatch { width: 96px !important; height: 48px !important; }" });
  const all = await page.locator(".legend .swatch").all();
  for (const [i, swatch] of all.entries()) await swatch.screenshot({ path: join(out, `swatch-${i}.png`) });
  return all.length;
}

async function main([report, out]) {
  if (!report || !out) throw new Error("usage: report_layout.mjs RAPPORT.html OUTDIR");
  const url = pathToFileURL(report).href;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const seen = await widths(browser, url, out);
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    await page.goto(url, { waitUntil: "load" });
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
      return r.violations.map((v) => ({ id: v.id, help: v.help,
        nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
    }, WCAG);
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: join(out, "print.pdf"), format: "A4", preferCSSPageSize: true,
      printBackground: true });
    await page.emulateMedia({ media: "screen" });
    const count = await swatches(page, out);
    process.stdout.write(JSON.stringify({ widths: seen, violations, swatches: count }) + "\n");
  } finally {
    await browser.close();
  }
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`report_layout: ${err.message}\n`);
  process.exit(1);
}
