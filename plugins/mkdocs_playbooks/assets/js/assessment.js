// assessment.js: the self-assessment page. Its data (from the page), the answers shown (the
// reader's, saved as they go; or a share link's, shown and never saved), the form and its
// progress, one dimension at a time, the results asked for (shown again on return), completed
// attempts, the target level and the share link.

const assessment = { spec: null, source: null, shared: null, one: false, current: null, advice: null, fixed: [] };

function setupAssessment() {
  const data = $("[data-pb-spec]");
  let spec = null;
  try {
    spec = data && JSON.parse(data.dataset.pbSpec);
  } catch {} // not the plugin's data: no assessment here
  const advice = $$("[data-pb-dimension] [data-pb-level]").map((a) =>
    [`${a.closest("[data-pb-dimension]").dataset.pbDimension} ${a.dataset.pbLevel}`, a]);
  // the same page drawn again (Material does so for a link within the page): its state stays
  const same = spec?.id === assessment.spec?.id;
  Object.assign(assessment, { spec, source: data, shared: null, one: same && assessment.one,
    current: same ? assessment.current : spec?.dimensions[0].id,
    advice: new Map(advice), fixed: $$("[data-pb-fixed]"), said: same ? assessment.said : "",
    emitted: same ? assessment.emitted : "" });
  for (const title of $$("[data-pb-results] h2, [data-pb-part] h2")) title.tabIndex = -1;
  if (!spec || !isShareFragment(spec, location.hash)) return;
  assessment.shared = decodeShare(spec, location.hash);
  showNotice(assessment.shared ? "shared" : "share-invalid");
}

// Under instant navigation the new page is shown a moment before `start` runs for it: a reader's
// first answer in that moment is saved for this page's assessment, not lost to the previous one.
function followPage() {
  if ($("[data-pb-spec]") !== assessment.source) setupAssessment();
}

const ownSheet = (doc) => sheet(doc, assessment.spec.id); // to change it
const mySheet = (doc) => sheetIn(doc, assessment.spec.id); // to read it
const answersNow = (doc) => assessment.shared ?? answersOf(mySheet(doc));

// How many questions are answered: in all (with a bar), in each dimension, in the current one.
function renderCounts(spec, r) {
  const answered = $("[data-pb-answered]");
  answered.textContent = t(spec, "answered", { answered: r.answered }, r.questions);
  answered.parentNode.style.setProperty("--pb-done", String(r.answered / r.questions));
  for (const d of spec.dimensions) {
    const text = `${r.dimensions[d.id].answered} / ${r.dimensions[d.id].questions}`;
    $(`[data-pb-count-of="${d.id}"]`).textContent = text;
    if (d.id === assessment.current) $("[data-pb-current]").textContent = t(spec, "left_in", { title: d.title, left: text });
  }
}

// One dimension at a time, or all: the current one is marked, and alone shown in the first case.
function renderOne() {
  $("[data-pb-questionnaire]").classList.toggle("pb-one", assessment.one);
  $("[data-pb-action=one]").setAttribute("aria-pressed", String(assessment.one));
  for (const part of $$("[data-pb-part]")) part.classList.toggle("pb-current", part.dataset.pbPart === assessment.current);
  for (const link of $$("[data-pb-questionnaire] a[data-pb-goto]")) {
    link.setAttribute("aria-current", link.dataset.pbGoto === assessment.current ? "step" : "false");
  }
}

function renderAssessment(doc) {
  const { spec } = assessment;
  const answers = answersNow(doc);
  for (const radio of $$("input[data-pb-answer]")) {
    radio.checked = radio.value === answers[radio.dataset.pbAnswer];
  }
  renderCounts(spec, results(spec, answers));
  renderOne();
  const mine = mySheet(doc);
  $("[data-pb-target]").value = mine.target ?? "";
  const box = $("[data-pb-results]");
  box.hidden = !(assessment.shared || mine.shown);
  if (!box.hidden) renderResults(spec, answers, mine.target, assessment);
  renderHistory(spec, mine.attempts);
}

function focusResults() {
  $("[data-pb-results] h2")?.focus();
}

function saveAnswer(radio) {
  const question = radio.dataset.pbAnswer;
  assessment.current = radio.closest("[data-pb-part]")?.dataset.pbPart ?? assessment.current;
  if (assessment.shared) assessment.shared[question] = radio.value;
  else store.update((doc) => { ownSheet(doc).answers[question] = { choice: radio.value, at: now() }; });
  emit("answer", { assessment: assessment.spec.id, question, choice: radio.value, shared: Boolean(assessment.shared) });
}

function saveTarget(select) { // "" when none: a change, as any other, that other tabs keep
  store.update((doc) => { ownSheet(doc).target = select.value; });
}

// Shows the results, now and on return; complete answers are kept as an attempt (unless just kept).
function takeResults() {
  const answers = answersNow(store.read());
  assessment.emitted = "";
  if (assessment.shared) return;
  store.update((doc) => {
    const mine = ownSheet(doc);
    mine.shown = now();
    const last = mine.attempts[mine.attempts.length - 1];
    if (!results(assessment.spec, answers).complete) return;
    if (!last || JSON.stringify(last.answers) !== JSON.stringify(answers)) {
      mine.attempts.push({ taken_at: now(), answers });
    }
  });
}

function exportAnswers(kind) {
  exportResult(assessment.spec, answersNow(store.read()), kind);
}

// Copies the share link, and says so; where the clipboard is refused, selects it to be copied.
async function shareLink() {
  const field = $("[data-pb-share]");
  const status = $("[data-pb-share-status]");
  const link = encodeShare(assessment.spec, answersNow(store.read())); // null: too long a link
  field.closest("[data-pb-share-box]").hidden = !link;
  if (!link) return;
  field.value = new URL(link, location.href).href;
  status.textContent = "";
  let copied = false;
  try {
    await navigator.clipboard.writeText(field.value);
    copied = true;
  } catch {} // refused, or no clipboard here (a page not served over HTTPS)
  field.select();
  try {
    copied ||= document.execCommand("copy");
  } catch {}
  status.textContent = copied ? assessment.spec.strings.copied : assessment.spec.strings.copy_refused;
}

// Forgets the reader's answers once they confirm (attempts are kept); false when they do not.
// Each answer becomes a cleared one, newer than the answer it replaces, so no tab brings it back.
function clearAnswers(button) {
  if (!confirmed(button)) return false;
  store.update((doc) => {
    const mine = ownSheet(doc);
    const at = now();
    for (const question of Object.keys(mine.answers)) mine.answers[question] = { choice: "", at };
    mine.shown = "";
  });
  return true;
}
