// What a first visit transfers before the visitor does anything: Debian's Chromium, a fresh
// context (empty cache) per page, the page loaded and left idle. Prints JSON on stdout.
//
//   node first_visit.mjs SITE_DIR PATH...
//     per PATH: {page, bytes (as stored), gzip (as a web server sends it), files: [path],
//     errors: console errors and uncaught exceptions}
import { chromium } from "playwright-core";
import { ARGS, CHROMIUM, serve } from "../fill/fill_browser.mjs";

const [root, ...pages] = process.argv.slice(2);
const site = await serve(root);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const out = [];
try {
  for (const path of pages) {
    site.sent.length = 0;
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const errors = [];
    page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(site.origin + path, { waitUntil: "networkidle" });
    await page.waitForTimeout(1500);  // idle callbacks and timers that might fetch more
    const sent = [...site.sent];
    out.push({ page: path, bytes: sent.reduce((n, s) => n + s.bytes, 0),
      gzip: sent.reduce((n, s) => n + s.gzip, 0), files: sent.map((s) => s.path), errors });
    await context.close();
  }
} finally {
  await browser.close();
  site.server.close();
}
process.stdout.write(JSON.stringify(out, null, 2) + "\n");
