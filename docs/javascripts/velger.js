// Form chooser on the Skjema page (level and area) and on each area page (level): the two
// actions point at the chosen form. The choices are read from the plain list of the page's
// forms (`[data-skjema]`), which works without JavaScript and is open then; once the chooser
// shows, that list folds away. So this script holds no data and no words of its own.
const chooser = document.querySelector("div[data-velger]");
if (chooser) {
  const level = chooser.querySelector('[data-velger="trinn"]');
  const area = chooser.querySelector('[data-velger="omrade"]');
  const fill = chooser.querySelector('[data-velger="html"]');
  const pdf = chooser.querySelector('[data-velger="pdf"]');
  const chosen = chooser.querySelector('[data-velger="valgt"]');
  const update = () => {
    const inArea = area ? `[data-omrade="${CSS.escape(area.value)}"]` : "";
    const item = document.querySelector(
      `[data-skjema][data-trinn="${CSS.escape(level.value)}"]${inArea}`);
    if (!item) return;
    fill.href = item.querySelector("[data-html]").href;
    pdf.href = item.querySelector("[data-pdf]").href;
    chosen.textContent = item.dataset.tittel;
  };
  level.addEventListener("change", update);
  area?.addEventListener("change", update);
  update();
  chooser.hidden = false;
  for (const list of document.querySelectorAll("details[data-velger-liste]")) list.open = false;
}
