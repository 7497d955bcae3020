// assessment.js: the self-assessment page. Its data (from the page), the answers shown (the
// reader's, saved as they go; or a share link's, shown and never saved), the form, completed
// attempts, the target level and the share link.

const assessment = { spec: null, shared: null, showResults: false };

function setupAssessment() {
  const data = $(".pb-assessment-data");
  const spec = data ? JSON.parse(data.dataset.pbSpec) : null;
  Object.assign(assessment, { spec, shared: null, showResults: false });
  if (!spec || !isShareFragment(spec, location.hash)) return;
  assessment.shared = decodeShare(spec, location.hash);
  showNotice(assessment.shared ? "shared" : "share-invalid");
}

const ownSheet = (doc) => sheet(doc, assessment.spec.id);
const answersNow = (doc) => assessment.shared
  ?? byId(Object.entries(ownSheet(doc).answers).map(([q, a]) => [q, a.choice]));

function renderAssessment(doc) {
  const { spec } = assessment;
  const answers = answersNow(doc);
  const questions = allQuestions(spec);
  for (const q of questions) {
    for (const radio of $$(`input[name="pb-answer-${CSS.escape(q.id)}"]`)) {
      radio.checked = radio.value === answers[q.id];
    }
  }
  const count = questions.filter((q) => answers[q.id]).length;
  $("[data-pb-answered]").textContent = fill(spec.strings.answered, { count, total: questions.length });
  $("[data-pb-target]").value = ownSheet(doc).target ?? "";
  if (assessment.showResults || assessment.shared) renderResults(spec, answers, ownSheet(doc).target);
  renderHistory(spec, ownSheet(doc).attempts);
}

function saveAnswer(radio) {
  const question = radio.closest("[data-pb-question]")?.dataset.pbQuestion;
  if (assessment.shared) assessment.shared[question] = radio.value;
  else store.update((doc) => { ownSheet(doc).answers[question] = { choice: radio.value, at: now() }; });
}

function saveTarget(select) {
  store.update((doc) => {
    if (select.value) ownSheet(doc).target = select.value;
    else delete ownSheet(doc).target;
  });
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
  field.value = new URL(encodeShare(assessment.spec, answersNow(store.read())), location.href).href;
  field.closest(".pb-share").hidden = false;
  field.select();
}

// Forgets the reader's answers once they confirm (attempts are kept); false when they do not.
function clearAnswers(button) {
  if (!confirmed(button)) return false;
  store.update((doc) => { ownSheet(doc).answers = byId(); });
  return true;
}
