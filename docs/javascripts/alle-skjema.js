// «Download all forms» in a language whose ZIP no release published (utgitt.json): the
// button fetches the PDFs the page lists (`[data-pdf]`, the language's published forms) and
// saves them as one ZIP, named and ordered as the build's ZIPs are, so the site stores each
// form once. If a form cannot be fetched the page says so. Without JavaScript the button stays hidden and the list of forms is the way.
import { zipStored } from "./zip.js";

const button = document.querySelector("button[data-alle-skjema]");
const failed = document.querySelector("[data-alle-skjema-feil]");
if (button) {
  button.addEventListener("click", async () => {
    if (failed) failed.hidden = true;
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    try {
      const urls = [...new Set([...document.querySelectorAll("a[data-pdf]")].map((a) => a.href))];
      const files = await Promise.all(urls.map(async (url) => {
        const got = await fetch(url);
        if (!got.ok) throw new Error(`${url}: ${got.status}`);
        return { name: decodeURIComponent(new URL(url).pathname.split("/").pop()),
                 bytes: new Uint8Array(await got.arrayBuffer()) };
      }));
      files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const link = document.createElement("a");
      link.href = URL.createObjectURL(zipStored(files));
      link.download = button.dataset.alleSkjema;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch (error) {
      // Offline or a form missing: say so where the visitor looks (the page's words), and
      // leave the list of forms as the way on.
      console.warn(error);
      if (failed) failed.hidden = false;
    } finally {
      button.disabled = false;
      button.removeAttribute("aria-busy");
    }
  });
  button.hidden = false;
}
