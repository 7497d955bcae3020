// main.js: the wiring. Listeners are bound once on the document and window (they outlive
// Material's instant navigation); `start` runs for every page shown.

function render() {
  const doc = store.read();
  renderProgress(doc);
  if (assessment.spec) renderAssessment(doc);
  for (const part of $$("[data-pb-needs-script]")) part.hidden = false;
  if (store.problem()) showNotice(store.problem());
}

const actions = {
  export: exportProgress,
  reset: (button) => {
    if (!resetProgress(button)) return;
    render();
    showNotice("reset");
  },
  results: () => { takeResults(); render(); },
  "export-json": () => exportAnswers("json"),
  "export-csv": () => exportAnswers("csv"),
  share: showShareLink,
  clear: (button) => { if (clearAnswers(button)) render(); },
};

function onChange(target) {
  if (target.matches("input.pb-check")) {
    if (!saveTick(target)) return;
    render();
    announceTick(target);
  } else if (target.matches("[data-pb-import]")) {
    importProgress(target).then(render);
  } else if (!assessment.spec) {
    return;
  } else if (target.matches(".pb-question input[type=radio]")) {
    saveAnswer(target);
    render();
  } else if (target.matches("[data-pb-target]")) {
    saveTarget(target);
    render();
  } else if (target.matches("[data-pb-compare]")) {
    render();
  }
}

document.addEventListener("change", (event) => {
  if (event.target instanceof HTMLElement) onChange(event.target);
});
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element && event.target.closest("[data-pb-action]");
  const action = button && Object.prototype.hasOwnProperty.call(actions, button.dataset.pbAction)
    && actions[button.dataset.pbAction];
  if (action) action(button);
});
window.addEventListener("storage", (event) => {
  if (store.changedElsewhere(event.key)) render();
});

function start() {
  setupAssessment();
  render();
}

// Material's `document$` emits for each page of instant navigation, but never from files (file://),
// where Material turns instant navigation off: there, as on other themes, each page loads anew.
if (typeof document$ !== "undefined" && location.protocol !== "file:") document$.subscribe(start);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
