// «Download all forms» on a Skjema page, as a visitor presses it (Debian's Chromium, phone
// width): with JavaScript the button shows and the download is saved to OUT; without it the
// button stays out of sight and the page lists every form's PDF. Prints JSON on stdout.
//
//   node all_forms_zip.mjs SITE_DIR PATH OUT
//     {file: the download's suggested name, shown: the button was visible,
//      messageBefore: the failure message was visible after a good download,
//      failed: {message, saved, role, buttonEnabled} when pressed again with the PDFs unreachable,
//      withoutScript: {button: visible without JavaScript, pdfs: PDF links listed},
//      errors: console errors and uncaught exceptions}
import { chromium } from "playwright-core";
import { ARGS, CHROMIUM, serve } from "../fill/fill_browser.mjs";

const [root, path, out] = process.argv.slice(2);
const site = await serve(root);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const result = { errors: [] };
try {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 },
    acceptDownloads: true });
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().includes("ERR_INTERNET_DISCONNECTED")) {
      result.errors.push(m.text());
    }
  });
  page.on("pageerror", (e) => result.errors.push(String(e)));
  await page.goto(site.origin + path, { waitUntil: "networkidle" });
  const button = page.locator("button[data-alle-skjema]");
  result.shown = await button.isVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), button.click()]);
  await download.saveAs(out);
  result.file = download.suggestedFilename();
  result.messageBefore = await page.locator("[data-alle-skjema-feil]").isVisible();

  // Offline now (or a form gone): pressing again fetches nothing, saves nothing, and says so.
  await page.route("**/*.pdf", (route) => route.abort("internetdisconnected"));
  let saved = false;
  page.on("download", () => { saved = true; });
  await button.click();
  const message = page.locator("[data-alle-skjema-feil]");
  await message.waitFor({ state: "visible", timeout: 30_000 });
  result.failed = { message: (await message.textContent()).trim(), saved,
                    role: await message.getAttribute("role"),
                    buttonEnabled: await button.isEnabled() };
  await context.close();

  const plain = await browser.newContext({ viewport: { width: 390, height: 844 },
    javaScriptEnabled: false });
  const still = await plain.newPage();
  await still.goto(site.origin + path, { waitUntil: "networkidle" });
  result.withoutScript = {
    button: await still.locator("button[data-alle-skjema]").isVisible(),
    pdfs: await still.locator("a[data-pdf]").evaluateAll(
      (links) => links.map((a) => new URL(a.href).pathname)),
  };
  await plain.close();
} finally {
  await browser.close();
  site.server.close();
}
process.stdout.write(JSON.stringify(result) + "\n");
