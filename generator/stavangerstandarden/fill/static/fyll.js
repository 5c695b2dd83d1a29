// Fill page: keeps the answers in this tab only and makes the filled PDF in the browser with
// pdf.js, from the same blank form the site serves. No word of its own: every text comes from
// the page's JSON (#fyll-data: this form) and the language's module (sprak.js: messages,
// date words, the field font's widths), which the generator fills from its message catalogue.
import { printedLines } from "./linjer.js";
import { writer } from "./skrift.js";
import language from "./sprak.js";

const data = { ...language, ...JSON.parse(document.getElementById("fyll-data").textContent) };
const M = data.messages;
const form = document.getElementById("fyll-skjema");
const part = (name) => form.querySelector(`[data-fyll="${name}"]`);
const status = part("status");
const shareButton = part("del");
const missing = part("mangler");
const next = part("neste");
const rows = [...form.querySelectorAll('[data-fyll="rad"]')];
const addRow = part("legg-til");
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

// --- Tiltak rows: one at a time, the next on «Legg til tiltak»; text areas grow as typed. ---
const filled = (row) => [...row.querySelectorAll("input, textarea")].some((el) => el.value !== "");

function fitRows() {
  const last = rows.reduce((k, row, i) => (filled(row) ? i : k), 0);
  rows.forEach((row, i) => { row.hidden = i > last; });
  addRow.hidden = last >= rows.length - 1;
  // Only a text area with text is measured: each measurement forces a layout of the page, and
  // an empty one is as tall as its CSS makes it.
  for (const area of form.querySelectorAll("textarea")) {
    if (area.value) grow(area);
    else area.style.height = "";
  }
}

function grow(area) {
  area.style.height = "auto";
  if (area.scrollHeight) area.style.height = `${area.scrollHeight + area.offsetHeight - area.clientHeight}px`;
}

addRow.addEventListener("click", () => {
  const row = rows.find((r) => r.hidden);
  if (!row) return;
  row.hidden = false;
  addRow.hidden = !rows.some((r) => r.hidden);
  row.querySelector("textarea, input").focus();
});

// --- Before the PDF: what is unanswered, as a summary of links (GOV.UK's error summary). ---
const statements = () => [...form.querySelectorAll(".fyll-utsagn")];
const unanswered = () => statements().filter((s) => !s.querySelector("input[type=radio]:checked"));

function listMissing(list) {
  part("mangler-antall").textContent = fmt(list.length === statements().length
    ? M.missing_all : M.missing_some, { n: list.length, total: statements().length });
  part("mangler-liste").replaceChildren(...list.map((statement) => {
    const link = document.createElement("a");
    link.href = `#${statement.id}`;
    link.textContent = statement.querySelector("legend").textContent;
    const item = document.createElement("li");
    item.append(link);
    return item;
  }));
}

missing.addEventListener("click", (event) => {
  const link = event.target.closest("a[href^='#']");
  if (!link) return;
  // To the statement itself, its first answer focused, as GOV.UK's summary links do.
  event.preventDefault();
  const statement = document.getElementById(link.getAttribute("href").slice(1));
  statement.scrollIntoView({ block: "start" });
  statement.querySelector("input").focus({ preventScroll: true });
});

form.addEventListener("input", (event) => {
  save();
  if (event.target.tagName === "TEXTAREA") grow(event.target);
});
form.addEventListener("change", () => {
  save();
  if (missing.hidden) return;
  const list = unanswered();
  if (list.length) listMissing(list);
  else missing.hidden = true;
});
form.addEventListener("reset", (event) => {
  if (!window.confirm(M.confirm_clear)) { event.preventDefault(); return; }
  sessionStorage.removeItem(data.storage);
  shareFile = null;
  missing.hidden = true;
  next.hidden = true;
  say(M.cleared);
  setTimeout(fitRows);  // the fields are emptied after this event
});
form.addEventListener("submit", (event) => event.preventDefault());

// --- pdf.js and the blank form (the PDF the site publishes), fetched when «Lag PDF» is first
// pressed: a visit that only reads costs nothing more. Kept in this page from then on, so the
// next PDFs are made offline too; `data-klar` on the form tells that they are here. ---
const url = (path) => new URL(path, document.baseURI).href;
let prepared = null;

function prepare() {
  prepared ??= (async () => {
    const [pdfjs, blank] = await Promise.all([import(url(data.library)), fetchBlank()]);
    pdfjs.GlobalWorkerOptions.workerSrc = url(data.worker);
    const worker = new pdfjs.PDFWorker();
    await worker.promise;
    form.dataset.klar = "";
    return { pdfjs, worker, blank };
  })().catch((error) => { prepared = null; throw error; });
  return prepared;
}

async function fetchBlank() {
  const response = await fetch(url(data.blank));
  if (!response.ok) throw new Error(`${response.status} ${data.blank}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Each line as the PDF is to draw it (skrift.js): joined and in visual order where the
 * form's letters join, else as typed. */
const write = writer(data.joining, document.documentElement.dir === "rtl");

/** A field's printed text: a multi-line field's lines laid out here (see linjer.js), a
 * line written as it is to be seen; its value stays as typed. */
function shown(annotation, value) {
  if (!annotation.multiLine) return data.joining ? { formattedValue: write(value) } : {};
  const [x0, y0, x1, y1] = annotation.rect;
  return { formattedValue: printedLines(value, data.widths, x1 - x0, y1 - y0, write) };
}

/** Set every answer under its public field name, as Firefox does, and save. */
async function filledPdf({ pdfjs, worker, blank }, values) {
  // pdf.js takes the buffer it is given: a copy keeps the blank form for the next PDF.
  const task = pdfjs.getDocument({ data: blank.slice(), worker, isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS });
  const doc = await task.promise;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      for (const a of await page.getAnnotations({ intent: "display" })) {
        if (!a.fieldName || !(a.fieldName in values)) continue;
        const value = values[a.fieldName];
        if (a.radioButton) doc.annotationStorage.setValue(a.id, { value: a.buttonValue === value });
        else if (a.fieldType === "Tx") doc.annotationStorage.setValue(a.id, { value, ...shown(a, value) });
      }
    }
    return await doc.saveDocument();
  } finally {
    await task.destroy();
  }
}

/** A date input's value (yyyy-mm-dd) written out as the generator's `Localized.date` does. */
function longDate(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) return iso;
  return data.date.pattern.replace(/'([^']*)'|d+|M+|y+/g, (token, literal) => {
    if (literal !== undefined) return literal;
    if (token[0] === "d") return String(d).padStart(token.length, "0");
    if (token[0] === "y") return String(y);
    return token.length >= 4 ? data.date.months[m - 1] : String(m).padStart(token.length, "0");
  });
}

/** The answers as the PDF gets them: dates written out. */
function pdfValues() {
  const values = answers();
  for (const input of form.querySelectorAll("input[type=date]")) {
    if (values[input.name]) values[input.name] = longDate(values[input.name]);
  }
  return values;
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

/** After the PDF: what to do next, in view and focused. */
function showNext(file) {
  const canShare = Boolean(navigator.canShare && navigator.canShare({ files: [file] }));
  part("ferdig").textContent = fmt(M.done, { file: file.name });
  part("delhjelp").textContent = M.share_hint;
  part("delhjelp").hidden = !canShare;
  shareButton.hidden = !canShare;
  part("lagret").textContent = M.saved;
  part("lagret").hidden = false;
  next.hidden = false;
  next.focus({ preventScroll: true });
  next.scrollIntoView({ block: "start" });
}

async function make(button, anyway) {
  const list = unanswered();
  if (list.length && !anyway) {
    listMissing(list);
    missing.hidden = false;
    missing.focus({ preventScroll: true });
    missing.scrollIntoView({ block: "start" });
    return;
  }
  missing.hidden = true;
  next.hidden = true;
  button.disabled = true;
  say("klar" in form.dataset ? M.loading : M.fetching);
  try {
    const tools = await prepare();
    say(M.loading);
    const saved = await filledPdf(tools, pdfValues());
    const file = new File([saved], fileName(), { type: "application/pdf" });
    download(file);
    shareFile = file;
    say("");
    showNext(file);
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
part("lag").addEventListener("click", (e) => make(e.currentTarget, false));
part("likevel").addEventListener("click", () => make(part("lag"), true));

restore();
fitRows();
