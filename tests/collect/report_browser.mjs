// Open a collect report (rapport.html) in Debian's Chromium through playwright-core, as a
// school leader would, and print JSON: every request the page made, axe-core's WCAG 2.1 AA
// violations, and the page printed to A4 PDF (written to OUT.pdf) with its visible text.
//
//   node tests/collect/report_browser.mjs RAPPORT.html OUT.pdf [SHOT.png]
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function main([report, pdf, shot]) {
  if (!report || !pdf) throw new Error("usage: report_browser.mjs RAPPORT.html OUT.pdf [SHOT.png]");
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(report).href, { waitUntil: "load" });
    if (shot) await page.screenshot({ path: shot, fullPage: true });
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async (tags) => {
      const r = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
      return r.violations.map((v) => ({ id: v.id, help: v.help,
        nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
    }, WCAG);
    await page.emulateMedia({ media: "print" });
    await page.pdf({ path: pdf, format: "A4", preferCSSPageSize: true, printBackground: true });
    process.stdout.write(JSON.stringify({ requests, violations, title: await page.title(),
      lang: await page.evaluate(() => document.documentElement.lang) }) + "\n");
  } finally {
    await browser.close();
  }
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`report_browser: ${err.message}\n`);
  process.exit(1);
}
