// Kommune page: the municipality chooses the schools' summaries; the Sammendrag page's worker
// combines them with the project's own Python code (`overview.browser`) under Pyodide and
// returns the three files `stavangerstandarden kommune` writes. Nothing is uploaded (see
// leser.js). No word of its own: every text comes from the page's JSON (#kommune-data).
import { startReader } from "../sammendrag/leser.js";
import { fmt, listLines, readerPage } from "../sammendrag/side.js";

const { data, M, part, result, say, offer, takeDrops } = readerPage("kommune");
const fileInput = document.getElementById("kommune-filer");
const previousInput = document.getElementById("kommune-forrige");
const OUTPUTS = { "rapport.html": "text/html", "kommune.csv": "text/csv", "kommune.json": "application/json" };

let chosen = []; // File objects as chosen
let isReady = false;
const reader = startReader(data, M.timeout, {
  stage: (step, steps) => {
    if (step < steps) say(fmt(M.fetching, { n: chosen.length, step: step + 1, steps }));
  },
});

// While a run is under way every control waits, so two runs never overlap.
function enable(on) {
  for (const input of [fileInput, previousInput]) input.disabled = !on;
}

async function choose(files) {
  chosen = files;
  if (!chosen.length) { say(M.none); return; }
  await combine();
}

fileInput.addEventListener("change", () => choose([...fileInput.files]));
previousInput.addEventListener("change", () => { if (chosen.length) combine(); });

takeDrops(fileInput, (transfer) => choose([...transfer.files]));

// Each file under its own name; a name chosen twice (two folders' sammendrag.json) numbered.
function named(files) {
  const seen = new Set();
  return files.map((file) => {
    let path = file.name.replace(/[\\/]/g, "_") || "fil";
    for (let n = 2; seen.has(path); n += 1) path = file.name.replace(/(\.[^.]*)?$/, ` (${n})$1`);
    seen.add(path);
    return { path, file };
  });
}

async function combine() {
  enable(false);
  try {
    if (!isReady) {
      say(fmt(M.waiting, { n: chosen.length }));
      await reader.ready();
      isReady = true;
    }
    say(fmt(M.reading, { n: chosen.length }));
    const files = await Promise.all(named(chosen).map(async ({ path, file }) => ({ path, data: await file.arrayBuffer() })));
    const previousFile = previousInput.files[0];
    const previous = previousFile ? await previousFile.text() : null;
    const out = await reader.run({ files, language: data.language, ...(previous == null ? {} : { previous }) });
    if (out.error && !out.not_counted) throw new Error(out.error);
    show(out);
    say(out.error ? fmt(M.failed, { error: out.error }) : M.done);
  } catch (error) {
    const text = !isReady ? fmt(M.load_failed, { error: error.message })
      : error.message === M.timeout ? M.timeout : fmt(M.failed, { error: error.message });
    say(text);
  } finally {
    enable(true);
  }
}

function list(name, lines) {
  listLines(part(name), lines);
  part(`${name}-del`).hidden = !lines.length;
}

function show(out) {
  part("linje").textContent = out.line;
  list("ikke-talt", out.not_counted);
  list("merknader", out.notes);
  const made = Object.keys(out.outputs).length > 0;
  part("filer").hidden = !made;
  offer(made ? OUTPUTS : {}, out.outputs);
  result.hidden = false;
  document.getElementById("kommune-resultat-tittel").focus();
}

