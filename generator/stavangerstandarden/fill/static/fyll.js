// Fill page: keeps the answers in this tab only and makes the filled PDF in the browser with
// pdf.js, from the same blank form the site serves. No word of its own: every text comes from
// the page's JSON (#fyll-data), which the generator fills from its message catalogue.
const data = JSON.parse(document.getElementById("fyll-data").textContent);
const M = data.messages;
const form = document.getElementById("fyll-skjema");
const status = form.querySelector('[data-fyll="status"]');
const shareButton = form.querySelector('[data-fyll="del"]');
let shareFile = null;

const say = (text) => { status.textContent = text; };
const fmt = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? "");

// --- Answers live in sessionStorage only (this tab; gone when it closes). ---
function answers() {
  const out = {};
  for (const [name, value] of new FormData(form)) if (value !== "") out[name] = String(value);
  return out;
}

function save() {
  sessionStorage.setItem(data.storage, JSON.stringify(answers()));
}

function restore() {
  const saved = JSON.parse(sessionStorage.getItem(data.storage) || "{}");
  let any = false;
  for (const [name, value] of Object.entries(saved)) {
    for (const el of form.querySelectorAll(`[name="${CSS.escape(name)}"]`)) {
      if (el.type === "radio") el.checked = el.value === value;
      else el.value = value;
      any = true;
    }
  }
  if (any) say(M.restored);
}

form.addEventListener("input", save);
form.addEventListener("change", save);
form.addEventListener("reset", (event) => {
  if (!window.confirm(M.confirm_clear)) { event.preventDefault(); return; }
  sessionStorage.removeItem(data.storage);
  shareButton.hidden = true;
  shareFile = null;
  say(M.cleared);
});
form.addEventListener("submit", (event) => event.preventDefault());

// --- pdf.js, loaded once the page is usable and before the user may go offline. ---
const url = (path) => new URL(path, document.baseURI).href;
let prepared = null;

function prepare() {
  prepared ??= (async () => {
    const [pdfjs, blank] = await Promise.all([import(url(data.library)), import(url(data.blank))]);
    pdfjs.GlobalWorkerOptions.workerSrc = url(data.worker);
    const worker = new pdfjs.PDFWorker();
    await worker.promise;
    return { pdfjs, worker, blank: blank.default };
  })().catch((error) => { prepared = null; throw error; });
  return prepared;
}

function bytes(base64) {
  const text = atob(base64);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

/** Set every answer under its public field name, as Firefox does, and save. */
async function filledPdf(values) {
  const { pdfjs, worker, blank } = await prepare();
  const task = pdfjs.getDocument({ data: bytes(blank), worker, isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS });
  const doc = await task.promise;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      for (const a of await page.getAnnotations({ intent: "display" })) {
        if (!a.fieldName || !(a.fieldName in values)) continue;
        const value = values[a.fieldName];
        if (a.radioButton) doc.annotationStorage.setValue(a.id, { value: a.buttonValue === value });
        else if (a.fieldType === "Tx") doc.annotationStorage.setValue(a.id, { value });
      }
    }
    return await doc.saveDocument();
  } finally {
    await task.destroy();
  }
}

function fileName() {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${data.stem}-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.pdf`;
}

function download(file) {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(file);
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

async function make(button) {
  button.disabled = true;
  say(M.loading);
  try {
    const saved = await filledPdf(answers());
    const file = new File([saved], fileName(), { type: "application/pdf" });
    download(file);
    shareFile = file;
    shareButton.hidden = !(navigator.canShare && navigator.canShare({ files: [file] }));
    say(fmt(M.done, { file: file.name }));
  } catch (error) {
    say(fmt(M.failed, { error: error && error.message ? error.message : String(error) }));
  } finally {
    button.disabled = false;
  }
}

shareButton.textContent = M.share;
shareButton.addEventListener("click", () => {
  // A cancelled share sheet rejects with AbortError: nothing to report.
  if (shareFile) navigator.share({ files: [shareFile], title: shareFile.name }).catch(() => {});
});
form.querySelector('[data-fyll="lag"]').addEventListener("click", (e) => make(e.currentTarget));

restore();
const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 200));
// `data-klar` tells that everything for "Lag PDF" is here: from then on it works offline.
const warmUp = () => prepare().then(() => { form.dataset.klar = ""; }, () => {});
if (document.readyState === "complete") idle(warmUp);
else window.addEventListener("load", () => idle(warmUp), { once: true });
