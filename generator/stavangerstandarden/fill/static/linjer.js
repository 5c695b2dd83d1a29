// The lines a multi-line text field's printed text is broken into, chosen here rather than by
// pdf.js: pdf.js 6.5 leaves a wrapped line's first letter out of its width (so lines run into
// the cell's right border), can start a line with the space it broke at, and sizes the text
// for fewer lines than it draws (so the end of a long tiltak falls below the box). Given the
// lines, pdf.js only draws them: one line each, at the size it picks for that many lines.
// The field keeps the text as typed (its /V); these lines are only what the PDF shows, each
// written by `write` (skrift.js: joined and in visual order where the letters join) and
// measured as written.

const LEFT = 2;
/** pdf.js's own padding: 2 pt left of every line, 1 pt above and below the text. */
const RIGHT = 4;
/** Points kept clear on the right, so no letter touches the border (pdf.js keeps 2 at best). */
const LINE = 1.35;
/** pdf.js's line height, per point of type size. */
const DEFAULT_SIZE = 12;
/** The size pdf.js counts a box's lines with when the field's own size is auto (0). */
const READABLE = 7.5;
/** Below this size (pt) a word may rather be broken between letters than the text shrunk. */
const MIN_SIZE = 1;
/** pdf.js's own smallest size: text that fits nowhere is left to pdf.js as typed. */

const floor2 = (x) => Math.floor(x * 100) / 100;

/** Text broken into `width` at `size`: at spaces, which the break replaces; a word longer
 * than a line at any letter (then `out.split` is true); the typed line breaks kept. */
function wrap(text, measure, size, width) {
  const out = [];
  out.split = false;
  const fits = (s) => measure(s) * size <= width;
  for (const paragraph of text.split(/\r\n?|\n/)) {
    let line = null;
    for (const word of paragraph.split(" ")) {
      const joined = line === null ? word : `${line} ${word}`;
      if (fits(joined)) { line = joined; continue; }
      if (line !== null) out.push(line.trimEnd());
      line = null;
      let rest = word;
      while (rest && !fits(rest)) {
        let n = 1;
        while (n < rest.length && fits(rest.slice(0, n + 1))) n += 1;
        out.push(rest.slice(0, n));
        out.split = true;
        rest = rest.slice(n);
      }
      if (rest) line = rest;
    }
    out.push(line ?? "");
  }
  return out;
}

/** One more line: the widest line that has a space inside is broken at its middle space, or
 * (none has, and `letters`) the longest line between two letters. False when none can be. */
function breakOne(lines, measure, letters) {
  const spaced = lines.map((l, i) => [l, i]).filter(([l]) => l.trim().includes(" "));
  if (spaced.length) {
    const [line, i] = spaced.reduce((a, b) => (measure(b[0]) > measure(a[0]) ? b : a));
    const spaces = [...line.trim().matchAll(/ +/g)].map((m) => m.index + line.search(/\S/));
    const half = measure(line) / 2;
    const at = spaces.reduce((a, b) => (Math.abs(measure(line.slice(0, b)) - half)
      < Math.abs(measure(line.slice(0, a)) - half) ? b : a));
    lines.splice(i, 1, line.slice(0, at).trimEnd(), line.slice(at).trimStart());
    return true;
  }
  const i = lines.reduce((a, l, k) => (l.length > lines[a].length ? k : a), 0);
  if (!letters || lines[i].length < 2) return false;
  const at = Math.floor(lines[i].length / 2);
  lines.splice(i, 1, lines[i].slice(0, at), lines[i].slice(at));
  return true;
}

/**
 * What a multi-line field of `width` × `height` points shows for `text`, as lines joined by
 * "\n" (pdf.js's `formattedValue`). `widths`: character → advance width in thousandths of the
 * size, the field font's (characters it lacks count as its widest).
 *
 * pdf.js draws n lines at size floor2((height − 2) / n / 1.35), n being the number of lines
 * given or the number a 12 pt line fits, whichever is more; so the fewest n whose size lets
 * the text wrap into n lines is chosen (whole words first, as long as the size stays
 * readable), and text that wraps into fewer is wrapped narrower until it takes n.
 */
export function printedLines(text, widths, width, height, write = (line) => line) {
  const widest = Math.max(...Object.values(widths));
  const measure = (s) => [...write(s)].reduce((sum, ch) => sum + (widths[ch] ?? widest), 0)
    / 1000;
  const typed = text.normalize("NFC").trimEnd();
  const inner = height - 2;
  const usable = width - LEFT - RIGHT;
  const least = Math.max(1, Math.round(inner / (DEFAULT_SIZE * LINE)));
  const size = (n) => floor2(inner / n / LINE);
  for (const wholeWords of [true, false]) {
    for (let n = least; size(n) >= (wholeWords ? READABLE : MIN_SIZE); n += 1) {
      const lines = wrap(typed, measure, size(n), usable);
      if (lines.length > n || (wholeWords && lines.split)) continue;
      const wrapAt = (w) => wrap(typed, measure, size(n), w);
      const exact = n === least ? lines : exactly(n, lines, wrapAt, usable, measure, !wholeWords);
      if (exact) return exact.map(write).join("\n");
    }
  }
  return text.split(/\r\n?|\n/).map(write).join("\n");
}

/** `lines` made exactly `n`: the text wrapped narrower (the widest width that gives n lines of
 * whole words), else lines broken further (between `letters` too); null when they cannot be. */
function exactly(n, lines, wrapAt, usable, measure, letters) {
  if (lines.length === n) return lines;
  for (let w = usable - 1; w > usable / 2; w -= 1) {
    const narrower = wrapAt(w);
    if (narrower.length === n && !narrower.split) return narrower;
    if (narrower.length > n || narrower.split) break;
  }
  const out = [...lines];
  while (out.length < n && breakOne(out, measure, letters));
  return out.length === n ? out : null;
}
