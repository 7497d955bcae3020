// checklists.js: checklist boxes, progress bars, the progress of recommended plays and (on the
// progress page) each assessment's overall result, drawn from the progress document; a tick
// saved, then announced in the page's live region.
//
// uses dom.js: $, $$, make, emit
// uses clock.js: now
// uses words.js: outOf
// uses progress-doc.js: ticks, ticksIn, doneIn, answeredIn, sheetIn, answersOf
// uses assessment-state.js: readSpec
// uses scoring.js: results
// uses results-view.js: overallText
// uses storage.js: store
// gives: renderProgress, saveTick, announceTick

const idList = (text) => text.split(" ").filter(Boolean);

function renderBoxes(doc) {
  for (const box of $$("input[data-pb-item]")) {
    const list = box.closest("[data-pb-playbook]");
    box.checked = Boolean(list && ticksIn(doc, list.dataset.pbPlaybook)[box.dataset.pbItem]?.done);
  }
}

function renderBars(doc) {
  for (const bar of $$("[data-pb-progress]")) {
    const items = idList(bar.dataset.pbItems);
    const id = bar.dataset.pbProgress;
    const done = (bar.dataset.pbProgressOf === "assessment" ? answeredIn : doneIn)(doc, id, items);
    const text = outOf(done, items.length);
    bar.setAttribute("aria-valuenow", String(done));
    bar.setAttribute("aria-valuetext", text);
    bar.style.setProperty("--pb-done", String(items.length ? done / items.length : 0));
    const count = $("[data-pb-count]", bar);
    if (count) count.textContent = text;
    bar.hidden = false;
  }
}

function renderPlayLinks(doc) { // recommended plays: their checklist progress after the link
  for (const link of $$("a[data-pb-items]")) {
    const items = idList(link.dataset.pbItems);
    const done = doneIn(doc, link.dataset.pbPlaybook, items);
    const note = link.nextElementSibling?.matches("[data-pb-play-progress]") ? link.nextElementSibling
      : link.insertAdjacentElement("afterend",
        make("span", { class: "pb-play-progress", "data-pb-play-progress": "" }));
    note.textContent = items.length ? ` (${outOf(done, items.length)})` : "";
  }
}

// Each assessment's overall result of the reader's answers: score and level, or partial.
function renderScores(doc) {
  for (const line of $$("[data-pb-score-spec]")) {
    const spec = readSpec(line.dataset.pbScoreSpec);
    if (spec) line.textContent = overallText(spec, results(spec, answersOf(sheetIn(doc, spec.id))));
  }
}

function renderProgress(doc) {
  renderBoxes(doc);
  renderBars(doc);
  renderPlayLinks(doc);
  renderScores(doc);
}

// Saves a box's state; false when the box belongs to no playbook.
function saveTick(box) {
  const list = box.closest("[data-pb-playbook]");
  if (!list) return false;
  const playbook = list.dataset.pbPlaybook;
  store.update((doc) => { ticks(doc, playbook)[box.dataset.pbItem] = { done: box.checked, at: now() }; });
  emit("tick", () => ({ playbook, item: box.dataset.pbItem, done: box.checked }));
  return true;
}

function announceTick(box) {
  const play = box.closest("[data-pb-playbook]")?.dataset.pbPlay;
  const bar = $$('[data-pb-progress-of="play"]').find((b) => b.dataset.pbPlay === play);
  const live = $("[data-pb-live]");
  if (!bar || !live) return;
  live.textContent = `${bar.getAttribute("aria-label")} ${bar.getAttribute("aria-valuetext")}`;
}
