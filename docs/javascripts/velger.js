// Skjema page chooser: pick the level, then an area, and the two actions point at that form.
// The choices are read from the plain list of every form below it (which works without
// JavaScript), so this script holds no data and no words of its own.
const chooser = document.querySelector("div[data-velger]");
if (chooser) {
  const level = chooser.querySelector('[data-velger="trinn"]');
  const area = chooser.querySelector('[data-velger="omrade"]');
  const fill = chooser.querySelector('[data-velger="html"]');
  const pdf = chooser.querySelector('[data-velger="pdf"]');
  const chosen = chooser.querySelector('[data-velger="valgt"]');
  const update = () => {
    const item = document.querySelector(
      `[data-skjema][data-trinn="${CSS.escape(level.value)}"][data-omrade="${CSS.escape(area.value)}"]`);
    if (!item) return;
    fill.href = item.querySelector("[data-html]").href;
    pdf.href = item.querySelector("[data-pdf]").href;
    chosen.textContent = item.dataset.tittel;
  };
  level.addEventListener("change", update);
  area.addEventListener("change", update);
  update();
  chooser.hidden = false;
}
