#!/usr/bin/env node
// Drive Mozilla pdf.js (pdfjs-dist, legacy build for node) the way Firefox does, so tests can
// see a form as a real viewer sees it.
//
//   node tests/js/pdfjs_form.mjs list FILE.pdf
//     Prints JSON {"file", "pages", "fields": [...]} with one entry per field, in page order:
//       name, type ("radio" | "checkbox" | "text" | "button" | "choice" | "signature" | other),
//       value (radio: chosen export value or null; text: string; others: pdf.js fieldValue),
//       exportValues (radio/checkbox: one per widget), options (choice), multiline, maxLen,
//       readOnly, required, hidden (true only if every widget is hidden),
//       alternativeText (the /TU of the first widget), and widgets: [{page, rect, exportValue,
//       alternativeText, hidden, hasAppearance}].
//   node tests/js/pdfjs_form.mjs fill IN.pdf OUT.pdf VALUES.json
//     VALUES.json maps field name -> value (radio: export value; text: string; checkbox: bool).
//     Values go through pdf.js's annotationStorage and the file is written with
//     pdfDocument.saveDocument(), as Firefox's "Save" does; the saved file is then re-opened
//     and every value checked. Unknown names or export values exit with status 2, any other
//     failure (including a value pdf.js did not save) with status 1.
//   node tests/js/pdfjs_form.mjs printed FILE.pdf
//     Prints JSON {"field name": {"text", "fontSizes"}} for every widget that draws text when
//     pdf.js prints the file (operator list with intent "print"): the characters its
//     appearance shows and the font sizes they are set in. pdf.js makes its own appearance
//     where the file asks for one (NeedAppearances), as Firefox does when printing.
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

// pdfjs-dist 6 targets node >= 22; its legacy build polyfills most newer builtins but not
// these two, which Debian's node 20 lacks (without the second, saving silently drops fields).
Promise.withResolvers ??= function withResolvers() {
  let resolve, reject;
  const promise = new Promise((res, rej) => { resolve = res; reject = rej; });
  return { promise, resolve, reject };
};
ArrayBuffer.prototype.transferToFixedLength ??= function transferToFixedLength(
  length = this.byteLength,
) {
  const copy = new ArrayBuffer(length);
  new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
  return copy;
};

const require = createRequire(import.meta.url);
const pdfjsRoot = path.dirname(require.resolve("pdfjs-dist/package.json"));
const pdfjs = await import(pathToFileURL(path.join(pdfjsRoot, "legacy/build/pdf.mjs")).href);

const WIDGET = 20;

class UsageError extends Error {}

async function open(file) {
  const data = new Uint8Array(await readFile(file));
  const task = pdfjs.getDocument({
    data,
    standardFontDataUrl: path.join(pdfjsRoot, "standard_fonts") + path.sep,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  const doc = await task.promise;
  return { doc, close: () => task.destroy() };
}

function fieldType(a) {
  if (a.fieldType === "Tx") return "text";
  if (a.fieldType === "Ch") return "choice";
  if (a.fieldType === "Sig") return "signature";
  if (a.fieldType === "Btn") {
    if (a.radioButton) return "radio";
    if (a.checkBox) return "checkbox";
    return "button";
  }
  return String(a.fieldType);
}

/** Every widget annotation of the document, with its page number (1-based). */
async function widgets(doc) {
  const out = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    for (const a of await page.getAnnotations({ intent: "display" })) {
      if (a.annotationType === WIDGET && a.fieldName) out.push({ page: n, a });
    }
  }
  return out;
}

function widgetExport(a) {
  if (a.radioButton) return a.buttonValue ?? null;
  if (a.checkBox) return a.exportValue ?? null;
  return undefined;
}

function fieldValue(type, a) {
  if (type === "radio") {
    const v = a.fieldValue;
    return v === null || v === undefined || v === "Off" || v === "" ? null : String(v);
  }
  if (type === "text") return a.fieldValue ?? "";
  return a.fieldValue ?? null;
}

function describe(all) {
  const byName = new Map();
  for (const { page, a } of all) {
    const type = fieldType(a);
    let f = byName.get(a.fieldName);
    if (!f) {
      f = {
        name: a.fieldName, type, value: fieldValue(type, a),
        multiline: Boolean(a.multiLine), maxLen: a.maxLen ?? null,
        readOnly: Boolean(a.readOnly), required: Boolean(a.required),
        alternativeText: a.alternativeText || null, hidden: true, widgets: [],
      };
      if (type === "choice") f.options = (a.options || []).map((o) => o.exportValue);
      byName.set(a.fieldName, f);
    }
    const w = {
      page, rect: a.rect, alternativeText: a.alternativeText || null,
      hidden: Boolean(a.hidden), hasAppearance: Boolean(a.hasAppearance),
    };
    const ev = widgetExport(a);
    if (ev !== undefined) w.exportValue = ev;
    f.widgets.push(w);
    f.hidden &&= w.hidden;
  }
  for (const f of byName.values()) {
    if (f.type === "radio" || f.type === "checkbox") {
      f.exportValues = f.widgets.map((w) => w.exportValue);
    }
  }
  return [...byName.values()];
}

async function list(file) {
  const { doc, close } = await open(file);
  const fields = describe(await widgets(doc));
  process.stdout.write(JSON.stringify({ file, pages: doc.numPages, fields }, null, 2) + "\n");
  await close();
}

function storeValue(storage, name, entries, value) {
  const { a } = entries[0];
  const type = fieldType(a);
  if (type === "radio") {
    const known = entries.map((e) => e.a.buttonValue);
    if (!known.includes(value)) {
      throw new UsageError(`${name}: unknown export value ${JSON.stringify(value)}; ` +
        `expected one of ${JSON.stringify(known)}`);
    }
    // Firefox sets the clicked button true and its siblings false.
    for (const e of entries) storage.setValue(e.a.id, { value: e.a.buttonValue === value });
  } else if (type === "checkbox") {
    for (const e of entries) storage.setValue(e.a.id, { value: Boolean(value) });
  } else if (type === "text" || type === "choice") {
    for (const e of entries) storage.setValue(e.a.id, { value: String(value) });
  } else {
    throw new UsageError(`${name}: cannot fill a field of type ${type}`);
  }
}

async function fill(input, output, valuesFile) {
  const values = JSON.parse(await readFile(valuesFile, "utf8"));
  const { doc, close } = await open(input);
  const groups = new Map();
  for (const w of await widgets(doc)) {
    if (!groups.has(w.a.fieldName)) groups.set(w.a.fieldName, []);
    groups.get(w.a.fieldName).push(w);
  }
  for (const [name, value] of Object.entries(values)) {
    const entries = groups.get(name);
    if (!entries) throw new UsageError(`unknown field ${JSON.stringify(name)}`);
    storeValue(doc.annotationStorage, name, entries, value);
  }
  const saved = await doc.saveDocument();
  await close();
  await writeFile(output, saved);
  await verify(output, values);
}

/** Re-open the saved file: pdf.js skips annotations it fails to save with only a warning. */
async function verify(file, values) {
  const { doc, close } = await open(file);
  const fields = new Map(describe(await widgets(doc)).map((f) => [f.name, f]));
  await close();
  for (const [name, value] of Object.entries(values)) {
    const f = fields.get(name);
    const got = f.type === "checkbox" ? f.value !== null && f.value !== "Off" : f.value;
    const want = f.type === "checkbox" ? Boolean(value) : String(value);
    if (got !== want) {
      throw new Error(`${name}: saved value ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
    }
  }
}

/** The text each widget's appearance draws in print, read from pdf.js's operator list. */
async function printed(file) {
  const { doc, close } = await open(file);
  const names = new Map((await widgets(doc)).map(({ a }) => [a.id, a.fieldName]));
  const out = {};
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const ops = await page.getOperatorList({
      intent: "print", annotationMode: pdfjs.AnnotationMode.ENABLE_STORAGE,
    });
    let current = null;
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i];
      if (fn === pdfjs.OPS.beginAnnotation) {
        current = names.has(args[0]) ? { text: "", fontSizes: [] } : null;
        if (current) out[names.get(args[0])] = current;
      } else if (fn === pdfjs.OPS.endAnnotation) {
        current = null;
      } else if (current && fn === pdfjs.OPS.setFont) {
        current.fontSizes.push(args[1]);
      } else if (current && fn === pdfjs.OPS.showText) {
        current.text += args[0].map((g) => (typeof g === "object" && g ? g.unicode : "")).join("");
      }
    }
  }
  process.stdout.write(JSON.stringify(out, null, 2) + "\n");
  await close();
}

async function main(argv) {
  const [command, ...args] = argv;
  if (command === "list" && args.length === 1) return list(args[0]);
  if (command === "fill" && args.length === 3) return fill(...args);
  if (command === "printed" && args.length === 1) return printed(args[0]);
  throw new UsageError(
    "usage: pdfjs_form.mjs list FILE.pdf | fill IN.pdf OUT.pdf VALUES.json | printed FILE.pdf");
}

try {
  await main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`pdfjs_form: ${err.message}\n`);
  process.exit(err instanceof UsageError ? 2 : 1);
}
