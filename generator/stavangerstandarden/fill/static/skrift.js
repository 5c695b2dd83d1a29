// Typed text as a PDF viewer will draw it in a form whose letters join (the page's
// `joining` data; null for the others). A viewer fills a field by encoding the text in the
// field's font and drawing the codes in a row, left to right: none shapes or reorders. So
// each line is written here as it is to be seen: every joining letter in the form its
// neighbours give it (the font's presentation forms, the table from the generator) and the
// whole line in visual order (the Unicode bidirectional algorithm, reduced to what a line of
// plain text needs: no embeddings or isolates). The field's value stays the text as typed.

const MARK = /\p{Mn}/u;
/** Marks sit on the letter before them: skipped when looking for a letter's neighbour. */
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const MIRRORED = { "(": ")", ")": "(", "[": "]", "]": "[", "{": "}", "}": "{", "<": ">",
  ">": "<", "«": "»", "»": "«", "‹": "›", "›": "‹" };
/** Paired punctuation drawn mirrored inside right-to-left text (bidi rule L4). */

const ISOLATED = 0, FINAL = 1, INITIAL = 2, MEDIAL = 3;

/** `text` (typed order) with each joining letter in its presentation form. */
export function joined(text, { forms, ligatures }) {
  const chars = [...text];
  const joinsNext = (ch) => Boolean(forms[ch] && (forms[ch][INITIAL] || forms[ch][MEDIAL]));
  const joinsPrevious = (ch) => Boolean(forms[ch] && (forms[ch][FINAL] || forms[ch][MEDIAL]));
  const neighbour = (i, step) => {
    let j = i + step;
    while (j >= 0 && j < chars.length && MARK.test(chars[j])) j += step;
    return chars[j];
  };
  const out = [];
  for (let i = 0; i < chars.length; i += 1) {
    const ch = chars[i];
    if (!forms[ch]) { out.push(ch); continue; }
    const before = neighbour(i, -1);
    const fromPrevious = before !== undefined && joinsNext(before) && joinsPrevious(ch);
    const ligature = longestLigature(chars, i, ligatures, fromPrevious ? FINAL : ISOLATED);
    if (ligature) {
      out.push(ligature.shown);
      i += ligature.length - 1;
      continue;
    }
    const after = neighbour(i, 1);
    const toNext = after !== undefined && joinsNext(ch) && joinsPrevious(after);
    const form = fromPrevious ? (toNext ? MEDIAL : FINAL) : (toNext ? INITIAL : ISOLATED);
    out.push(forms[ch][form] ?? forms[ch][ISOLATED] ?? ch);
  }
  return out.join("");
}

/** The longest required ligature of the letters from `i` on that has the `form` needed
 * (none ends in a letter that joins the next, so no later letter changes it). */
function longestLigature(chars, i, ligatures, form) {
  for (let n = Math.min(chars.length - i, LONGEST); n >= 2; n -= 1) {
    const shown = ligatures[chars.slice(i, i + n).join("")]?.[form];
    if (shown) return { shown, length: n };
  }
  return null;
}

const LONGEST = 8;
/** Letters in the longest ligature looked for. */

const SEPARATOR = /^[,.:/\u00a0+\-\u2212]$/;
/** Separators that stay inside a number (12:30, 1.5, 3/4, 1-2): bidi rule W4. */
const TERMINATOR = /^[%#°\u066a\p{Sc}]$/u;
/** Signs that go with a number next to them (50 %, kr 30): bidi rule W5. */

/** A character's bidi type as far as plain text needs: R, L, number or neutral. */
function kind(ch) {
  if (/\p{Nd}/u.test(ch)) return "N";
  if (RIGHT_TO_LEFT.test(ch) && /\p{L}/u.test(ch)) return "R";
  if (/\p{L}/u.test(ch)) return "L";
  return " ";
}

/** One line (typed order) in the order it is seen, in a paragraph running right to left
 * (`rtl`) or left to right. */
export function visual(line, rtl) {
  const chars = [...line];
  const base = rtl ? "R" : "L";
  const kinds = [];
  let strong = base;
  for (const ch of chars) {
    let k = MARK.test(ch) && kinds.length ? kinds[kinds.length - 1] : kind(ch);
    if (k === "N" && strong === "L") k = "L";  // W7: a number after left-to-right text is
    if (k === "R" || k === "L") strong = k;
    kinds.push(k);
  }
  // W4/W5: a separator between two numbers, and signs next to a number, are part of it.
  chars.forEach((ch, i) => {
    if (kinds[i] !== " ") return;
    const number = (j) => kinds[j] === "N" || (kinds[j] === "L" && /\p{Nd}/u.test(chars[j]));
    if (SEPARATOR.test(ch) && number(i - 1) && number(i + 1)) kinds[i] = kinds[i - 1];
  });
  for (const step of [1, -1]) {
    for (let i = step > 0 ? 0 : kinds.length - 1; i >= 0 && i < kinds.length; i += step) {
      const next = kinds[i - step];
      if (kinds[i] === " " && TERMINATOR.test(chars[i]) && (next === "N"
          || (next === "L" && /\p{Nd}/u.test(chars[i - step])))) kinds[i] = next;
    }
  }
  // N1/N2: neutrals between two of one direction (a number counts as R) take it; others the base.
  const side = (k) => (k === "N" ? "R" : k);
  for (let i = 0; i < kinds.length; i += 1) {
    if (kinds[i] !== " ") continue;
    let j = i;
    while (j < kinds.length && kinds[j] === " ") j += 1;
    const before = i ? side(kinds[i - 1]) : base;
    const after = j < kinds.length ? side(kinds[j]) : base;
    kinds.fill(before === after ? before : base, i, j);
  }
  const even = rtl ? 1 : 0;
  const levels = kinds.map((k) => (k === "R" ? 1 : k === "N" ? 2 : even * 2));
  const shown = chars.map((ch, i) => (levels[i] % 2 ? MIRRORED[ch] ?? ch : ch));
  for (let level = Math.max(0, ...levels); level >= 1; level -= 1) {
    for (let i = 0; i < shown.length;) {
      if (levels[i] < level) { i += 1; continue; }
      let j = i;
      while (j < shown.length && levels[j] >= level) j += 1;
      shown.splice(i, j - i, ...shown.slice(i, j).reverse());
      levels.splice(i, j - i, ...levels.slice(i, j).reverse());
      i = j;
    }
  }
  return shown.join("");
}

/** What the PDF is to show for one line: joined and in visual order, or as typed where the
 * form's letters do not join. */
export function writer(table, rtl) {
  return table ? (line) => visual(joined(line, table), rtl) : (line) => line;
}
