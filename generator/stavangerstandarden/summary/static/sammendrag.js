// Sammendrag page: the leader chooses the received forms; a worker reads and tallies them with
// the project's own Python code under Pyodide and returns the four files `collect` writes.
// The worker and its program are fetched when the first files are chosen (a visit that only
// looks costs only the page); they are read as soon as it is ready, and the page shows, in
// words and with a bar, how far fetching and reading have come. Folders and drop are offered only where the
// device has a mouse or trackpad (a touch-only phone has neither a folder picker nor drag).
// Nothing is uploaded: the worker runs from a blob: URL, so the page's policy (requests only
// to this site, for the program itself) binds it too. No word of its own: every text comes
// from the page's JSON (#sammendrag-data), filled by the generator from its catalogue.
import { startReader } from "./leser.js";
import { fmt, listLines, readerPage } from "./side.js";

const { data, M, part, result, say, offer, takeDrops } = readerPage("sammendrag");
const fileInput = document.getElementById("sammendrag-filer");
const folderInput = document.getElementById("sammendrag-mappe");
const namesBox = document.getElementById("sammendrag-navn");
const previousInput = document.getElementById("sammendrag-forrige");
const previousShown = part("forrige-valgt");
const previousClear = part("forrige-fjern");
const bar = part("fremdrift");
const OUTPUTS = { "rapport.html": "text/html", "rapport-til-deling.html": "text/html",
                  "svar.csv": "text/csv", "sammendrag.json": "application/json",
                  "til-kommunen.json": "application/json" };

let chosen = [];      // [{path, file}] as the leader chose them
let isReady = false;
let busy = false;     // a summary is waiting for the worker or under way
let again = false;    // the choice changed while waiting: summarise the newest choice

// How far it has come: `done` of `total`, or no bar at all when idle (total 0).
function progress(done, total) {
  bar.hidden = !total;
  if (total) { bar.max = total; bar.value = done; }
}

// Loading shows its stages, reading each file; in words about ten times a run, so a screen
// reader is not flooded.
const reader = startReader(data, M.timeout, {
  stage: (step, steps) => {
    progress(step, steps);
    if (step < steps) say(fmt(M.fetching, { n: chosen.length, step: step + 1, steps }));
  },
  progress: (done, total) => {
    progress(done, total);
    if (done === total || done % Math.max(1, Math.floor(total / 10)) === 0) say(fmt(M.read, { done, n: total }));
  },
});

// While a run is under way every control waits, so two runs never overlap. While the worker
// is still getting ready they stay usable: the newest choice is read once it is.
function enable(on) {
  for (const input of [fileInput, folderInput, namesBox, previousInput, previousClear]) input.disabled = !on;
}

// --- What this device offers: a folder picker and drop need a mouse or trackpad. ---
const finePointer = window.matchMedia("(any-pointer: fine)").matches;
if (finePointer && "webkitdirectory" in folderInput) part("mappevalg").hidden = false;
if (finePointer && "ondrop" in window && typeof DataTransfer === "function") {
  part("slipptekst").hidden = false;
  part("slipp").classList.add("sammendrag-slipp--mulig");
}

// --- Choosing: file picker, folder picker, or drop (files and folders, at any depth). ---
function cleanPath(path) {
  const parts = path.split(/[\\/]+/).filter((p) => p && p !== "." && p !== "..");
  return parts.join("/");
}

function unique(items) {
  const seen = new Set();
  return items.map(({ path, file }) => {
    let candidate = path;
    for (let n = 2; seen.has(candidate); n += 1) candidate = path.replace(/(\.[^./]*)?$/, ` (${n})$1`);
    seen.add(candidate);
    return { path: candidate, file };
  });
}

async function entryFiles(entry, prefix) {
  if (entry.isFile) {
    const file = await new Promise((resolve, reject) => entry.file(resolve, reject));
    return [{ path: prefix + entry.name, file }];
  }
  const reader = entry.createReader();
  const children = [];
  for (;;) {
    const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
    if (!batch.length) break;
    children.push(...batch);
  }
  const nested = await Promise.all(children.map((c) => entryFiles(c, `${prefix}${entry.name}/`)));
  return nested.flat();
}

async function dropped(transfer) {
  const entries = [...transfer.items].map((item) => item.webkitGetAsEntry?.()).filter(Boolean);
  if (entries.length) return (await Promise.all(entries.map((e) => entryFiles(e, "")))).flat();
  return [...transfer.files].map((file) => ({ path: file.name, file }));
}

async function choose(items) {
  chosen = unique(items.map(({ path, file }) => ({ path: cleanPath(path), file }))
    .filter(({ path }) => path));
  if (!chosen.length) { say(M.none); return; }
  await summarise();
}

fileInput.addEventListener("change", () => choose([...fileInput.files].map((file) => ({ path: file.name, file }))));
folderInput.addEventListener("change", () => choose([...folderInput.files].map((file) => ({ path: file.webkitRelativePath || file.name, file }))));
namesBox.addEventListener("change", () => { if (chosen.length) summarise(); });
function showPrevious() {
  const file = previousInput.files[0];
  previousShown.textContent = file ? file.name : M.no_previous;
  previousClear.hidden = !file;
}
previousInput.addEventListener("change", () => { showPrevious(); if (chosen.length) summarise(); });
previousClear.addEventListener("click", () => {
  previousInput.value = "";
  showPrevious();
  previousInput.focus();
  if (chosen.length) summarise();
});

takeDrops(fileInput, async (transfer) => choose(await dropped(transfer)));

// Waits for the worker when it is not ready yet, then summarises the newest choice.
async function summarise() {
  if (busy) { again = true; if (!isReady) say(fmt(M.waiting, { n: chosen.length })); return; }
  busy = true;
  try {
    if (!isReady) {
      say(fmt(M.waiting, { n: chosen.length }));
      await reader.ready();
      isReady = true;
    }
    do { again = false; await summariseNow(); } while (again);
  } catch (error) {
    progress(0, 0);
    say(fmt(M.load_failed, { error: error.message }));
  } finally {
    busy = false;
  }
}

async function summariseNow() {
  enable(false);
  say(fmt(M.reading, { n: chosen.length }));
  progress(0, chosen.length);
  try {
    const files = await Promise.all(chosen.map(async ({ path, file }) => ({ path, data: await file.arrayBuffer() })));
    const previousFile = previousInput.files[0];
    const previous = previousFile ? await previousFile.text() : null;
    const out = await reader.run({ files, names: namesBox.checked, language: data.language, previous });
    if (out.error) throw new Error(out.error);
    show(out);
    say(M.done);
  } catch (error) {
    say(error.message === M.timeout ? M.timeout : fmt(M.failed, { error: error.message }));
  } finally {
    progress(0, 0);
    enable(true);
  }
}

function show(out) {
  part("linje").textContent = out.line;
  const list = part("ikke-talt");
  listLines(list, out.not_counted);
  list.hidden = !out.not_counted.length;
  offer(OUTPUTS, out.outputs);
  result.hidden = false;
  document.getElementById("sammendrag-resultat-tittel").focus();
}

showPrevious();
