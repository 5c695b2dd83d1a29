// Load every page of a built site in Debian's Chromium and report what markup from the YAML
// could have done: scripts run, elements or attributes created, and the texts as shown.
//
//   node hostile.mjs SITE_DIR MARKER_TAG    JSON: one entry per page
import { createServer } from "node:http";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, normalize, relative } from "node:path";
import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

async function serve(root) {
  const server = createServer(async (req, res) => {
    let file = normalize(join(root, decodeURIComponent(new URL(req.url, "http://x").pathname)));
    if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const type = extname(file) === ".html" ? "text/html; charset=utf-8"
        : extname(file) === ".js" ? "text/javascript" : extname(file) === ".css" ? "text/css"
          : "application/octet-stream";
      res.writeHead(200, { "content-type": type }).end(await readFile(file));
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

async function pages(dir) {
  const found = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith(".html")) found.push(join(entry.parentPath ?? entry.path, entry.name));
  }
  return found.sort();
}

const [root, marker] = process.argv.slice(2);
const { server, origin } = await serve(root);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const context = await browser.newContext({ javaScriptEnabled: true });
const report = [];
for (const file of await pages(root)) {
  const path = "/" + relative(root, file);
  const page = await context.newPage();
  await page.goto(origin + path, { waitUntil: "load" });
  report.push({ path, ...await page.evaluate((tag) => ({
    injected: window.__injected !== undefined,
    markers: document.getElementsByTagName(tag).length,
    attributes: [...new Set([...document.querySelectorAll("*")]
      .flatMap((el) => [...el.attributes].map((a) => a.name)))].sort(),
    title: document.title,
    description: document.querySelector('meta[name="description"]')?.content ?? null,
    header: document.querySelector(".md-header__topic")?.textContent.trim() ?? null,
    copyright: document.querySelector(".md-copyright__highlight")?.textContent.trim() ?? null,
    h1: document.querySelector("article h1")?.textContent ?? null,
  }), marker) });
  await page.close();
}
await browser.close();
server.close();
console.log(JSON.stringify(report));
