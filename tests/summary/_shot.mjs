import { chromium } from "playwright-core";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { ARGS, CHROMIUM, serve } from "../fill/fill_browser.mjs";
const [site, folder, out] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const s = await serve(site);
for (const r of ["rapport.html", "rapport-til-deling.html"]) {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 800 } });
  const p = await ctx.newPage();
  await p.goto("file:///tmp/report-pile/ut/" + r);
  await p.screenshot({ path: `${out}/${r}-390.png`, fullPage: true });
  await ctx.close();
}
const files = (await readdir(folder)).map((n) => join(folder, n));
for (const [w, touch] of [[390, true], [1280, false]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: 900 }, ...(touch ? { hasTouch: true, isMobile: true } : {}) });
  const p = await ctx.newPage();
  p.on("console", (m) => { if (m.type() === "error") console.error("console:", m.text()); });
  p.on("pageerror", (e) => console.error("pageerror:", String(e)));
  await p.goto(s.origin + "/skjema/sammendrag/", { waitUntil: "domcontentloaded" });
  await p.waitForTimeout(300);
  await p.screenshot({ path: `${out}/side-${w}-lastar.png` });
  await p.setInputFiles("#sammendrag-filer", files);
  await p.waitForTimeout(200);
  await p.screenshot({ path: `${out}/side-${w}-valgt.png` });
  await p.waitForFunction(() => document.querySelector("[data-sammendrag=status]").textContent === JSON.parse(document.getElementById("sammendrag-data").textContent).messages.done, null, { timeout: 120000 });
  await p.waitForTimeout(500);
  await p.screenshot({ path: `${out}/side-${w}-ferdig.png`, fullPage: true });
  await ctx.close();
}
await browser.close();
s.server.close();
