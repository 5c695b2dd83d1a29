// What the pages that read the files a visitor chooses share (the Sammendrag page and the
// Kommune page): their JSON and parts found by the page's name (`sammendrag`: #sammendrag-data
// and the elements marked data-sammendrag="…"), the status line, a file dropped anywhere on
// the page taken rather than opened in its place, and the result: its downloads and the report
// in a frame as tall as the report.
export const fmt = (text, values) => text.replace(/\{(\w+)\}/g, (_, k) => values[k] ?? "");

// A report's frame as tall as the report (called again after the phone is turned).
export function fitFrame(frame) {
  const doc = frame.contentDocument;
  if (!doc) return;
  frame.style.height = "0";
  frame.style.height = `${doc.documentElement.scrollHeight + 20}px`;
}

// `element`'s children: one list item a line.
export function listLines(element, lines) {
  element.replaceChildren(...lines.map((line) => {
    const li = document.createElement("li");
    li.textContent = line;
    return li;
  }));
}

export function readerPage(name) {
  const data = JSON.parse(document.getElementById(`${name}-data`).textContent);
  const part = (key) => document.querySelector(`[data-${name}="${key}"]`);
  const status = part("status");
  const result = part("resultat");
  let links = [];
  window.addEventListener("resize", () => { if (!result.hidden) fitFrame(part("rapport")); });
  return {
    data, part, result, M: data.messages,
    say: (text) => { status.textContent = text; },

    // Each of `outputs` (file name → type) offered as a download of its text in `files`, the
    // last run's let go; with any, the report shown in its frame.
    offer(outputs, files) {
      for (const link of links) URL.revokeObjectURL(link);
      links = Object.entries(outputs).map(([file, type]) => {
        const href = URL.createObjectURL(new Blob([files[file]], { type: `${type};charset=utf-8` }));
        part(file).href = href;
        return href;
      });
      if (!links.length) return;
      const frame = part("rapport");
      frame.onload = () => fitFrame(frame);
      frame.srcdoc = files["rapport.html"];
    },

    // A file dropped anywhere on the page is taken, never opened in place of the page:
    // `onDrop(dataTransfer)` unless a run is under way (`fileInput` disabled).
    takeDrops(fileInput, onDrop) {
      document.addEventListener("dragover", (event) => {
        if (event.dataTransfer?.types?.includes("Files")) event.preventDefault();
      });
      document.addEventListener("drop", async (event) => {
        if (!event.dataTransfer?.files?.length) return;
        event.preventDefault();
        if (fileInput.disabled) return;
        await onDrop(event.dataTransfer);
      });
      const zone = part("slipp");
      zone.addEventListener("dragenter", () => zone.classList.add("sammendrag-slipp--over"));
      zone.addEventListener("dragleave", () => zone.classList.remove("sammendrag-slipp--over"));
      zone.addEventListener("drop", () => zone.classList.remove("sammendrag-slipp--over"));
    },
  };
}
