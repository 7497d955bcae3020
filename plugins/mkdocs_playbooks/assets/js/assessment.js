// assessment.js: the self-assessment page. Its data (from the page), the answers shown (the
// reader's, saved as they go; or a share link's, shown and never saved), the form, completed
// attempts, the target level and the share link.

const assessment = { spec: null, shared: null, showResults: false };

function setupAssessment() {
  const data = $("[data-pb-spec]");
  let spec = null;
  try {
    spec = data && JSON.parse(data.dataset.pbSpec);
  } catch {} // not the plugin's data: no assessment here
  Object.assign(assessment, { spec, shared: null, showResults: false });
  if (!spec || !isShareFragment(spec, location.hash)) return;
  assessment.shared = decodeShare(spec, location.hash);
  showNotice(assessment.shared ? "shared" : "share-invalid");
}

const ownSheet = (doc) => sheet(doc, assessment.spec.id); // to change it
const mySheet = (doc) => sheetIn(doc, assessment.spec.id); // to read it
const answersNow = (doc) => assessment.shared ?? answersOf(mySheet(doc));

function renderAssessment(doc) {
  const { spec } = assessment;
  const answers = answersNow(doc);
  for (const radio of $$("input[data-pb-answer]")) {
    radio.checked = radio.value === answers[radio.dataset.pbAnswer];
  }
  const questions = allQuestions(spec);
  const count = questions.filter((q) => answers[q.id]).length;
  $("[data-pb-answered]").textContent = fill(spec.strings.answered, { count, total: questions.length });
  $("[data-pb-target]").value = mySheet(doc).target ?? "";
  if (assessment.showResults || assessment.shared) renderResults(spec, answers, mySheet(doc).target);
  renderHistory(spec, mySheet(doc).attempts);
}

function saveAnswer(radio) {
  const question = radio.dataset.pbAnswer;
  if (assessment.shared) assessment.shared[question] = radio.value;
  else store.update((doc) => { ownSheet(doc).answers[question] = { choice: radio.value, at: now() }; });
}

function saveTarget(select) { // "" when none: a change, as any other, that other tabs keep
  store.update((doc) => { ownSheet(doc).target = select.value; });
}

// Shows the results; answers to every question are kept as an attempt (unless just kept).
function takeResults() {
  assessment.showResults = true;
  const answers = answersNow(store.read());
  if (assessment.shared || !allQuestions(assessment.spec).every((q) => answers[q.id])) return;
  store.update((doc) => {
    const attempts = ownSheet(doc).attempts;
    const last = attempts[attempts.length - 1];
    if (!last || JSON.stringify(last.answers) !== JSON.stringify(answers)) {
      attempts.push({ taken_at: now(), answers });
    }
  });
}

function exportAnswers(kind) {
  exportResult(assessment.spec, answersNow(store.read()), kind);
}

function showShareLink() {
  const field = $("[data-pb-share]");
  const link = encodeShare(assessment.spec, answersNow(store.read())); // null: too long a link
  field.closest("[data-pb-share-box]").hidden = !link;
  if (!link) return;
  field.value = new URL(link, location.href).href;
  field.select();
}

// Forgets the reader's answers once they confirm (attempts are kept); false when they do not.
// Each answer becomes a cleared one, newer than the answer it replaces, so no tab brings it back.
function clearAnswers(button) {
  if (!confirmed(button)) return false;
  store.update((doc) => {
    const answers = ownSheet(doc).answers;
    const at = now();
    for (const question of Object.keys(answers)) answers[question] = { choice: "", at };
  });
  return true;
}
