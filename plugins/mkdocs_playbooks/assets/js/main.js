// main.js: the wiring. Listeners are bound once on the document and window (they outlive
// Material's instant navigation); `start` runs for every page shown.
//
// uses dom.js: $, $$, showNotice
// uses storage.js: store
// uses checklists.js: renderProgress, saveTick, announceTick
// uses transfer.js: exportProgress, importProgress, resetProgress
// uses assessment.js: assessment, setupAssessment, followPage, renderAssessment, toggleOne, goTo
// uses assessment.js: focusResults, saveAnswer, saveTarget, saveRound, saveEvidence, takeResults
// uses assessment.js: exportAnswers, shareLink, clearAnswers
// uses languages.js: pointLanguages

// `answer`: after an answer, which changes no checklist nor what shows with the script (not looked
// for in the whole page on each answer, then).
function render(answer) {
  const doc = store.read();
  if (!answer) {
    renderProgress(doc);
    for (const node of $$("[data-pb-needs-script]")) node.hidden = false;
    for (const node of $$("[data-pb-without-script]")) node.hidden = true;
  }
  if (assessment.spec) renderAssessment(doc);
  if (store.problem()) showNotice(store.problem());
}

const actions = {
  export: exportProgress,
  reset: (button) => {
    if (!resetProgress(button)) return;
    render();
    showNotice("reset");
  },
  results: () => {
    takeResults();
    render();
    focusResults();
  },
  "export-json": () => {
    exportAnswers("json");
    render(); // the attempt it kept
  },
  "export-csv": () => {
    exportAnswers("csv");
    render();
  },
  share: shareLink,
  clear: (button) => { if (clearAnswers(button)) render(); },
  one: toggleOne,
  goto: (control, event) => {
    event.preventDefault(); // a link to the dimension: no navigation, which would redraw the page
    goTo(control.dataset.pbGoto);
    render();
    $(`[data-pb-part="${control.dataset.pbGoto}"] h2`)?.focus();
  },
};

function onChange(target) {
  followPage();
  if (target.matches("[data-pb-import]")) {
    importProgress(target).then(render); // it resolves to nothing: everything is drawn
    return;
  }
  const ticked = target.matches("input[data-pb-item]") && saveTick(target);
  const answer = assessment.spec && target.matches("input[data-pb-answer]");
  if (answer) saveAnswer(target);
  if (assessment.spec && target.matches("[data-pb-target]")) saveTarget(target);
  if (assessment.spec && target.matches("[data-pb-round]")) saveRound(target);
  if (assessment.spec && target.matches("[data-pb-evidence]")) saveEvidence(target);
  render(answer); // after any change: an author's radio named as one of ours unchecks ours
  if (ticked) announceTick(target);
}

document.addEventListener("change", (event) => {
  if (event.target instanceof HTMLElement) onChange(event.target);
});
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element && event.target.closest("[data-pb-action]");
  const action = button && Object.hasOwn(actions, button.dataset.pbAction)
    && actions[button.dataset.pbAction];
  if (!action) return;
  followPage();
  action(button, event);
});
window.addEventListener("storage", (event) => {
  if (store.changedElsewhere(event.key)) render();
});

function start() {
  pointLanguages();
  setupAssessment();
  render();
  if (assessment.shared) focusResults(); // a share link opens on its results
}

// Material's `document$` emits for each page of instant navigation, but never from files (file://),
// where Material turns instant navigation off: there, as on other themes, each page loads anew.
// An element with id="document$" is no `document$`: only one that can be subscribed to is used.
if (typeof document$ !== "undefined" && typeof document$?.subscribe === "function"
  && location.protocol !== "file:") document$.subscribe(start);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
