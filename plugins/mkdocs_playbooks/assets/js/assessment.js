// assessment.js: the self-assessment page. Its data (from the page), the answers drawn (the
// reader's, saved as they go; or a share link's, drawn and never saved), the form and its
// progress, one dimension at a time, the results asked for (drawn again on return), completed
// attempts, the target level, the round and the evidence on each answer, the exports and the share
// link. Only this part changes `assessment`.
//
// uses dom.js: $, $$, showNotice, emit, confirmed
// uses clock.js: now
// uses words.js: t, outOf
// uses progress-doc.js: byId, sheet, sheetIn, answersOf, clearSheet
// uses attempt.js: keepAttempt, exportedAttempt, cleanRound, roundFromLink, cleanEvidence
// uses attempt.js: newRespondent
// uses assessment-state.js: readSpec, carriedOver
// uses storage.js: store
// uses scoring.js: results
// uses share.js: isShareFragment, encodeShare, decodeShare
// uses history.js: askResults, historyKey
// uses results-view.js: resultsView, sendResultsAgain
// uses results.js: renderResults, renderHistory, exportResult
// gives: assessment, setupAssessment, followPage, renderAssessment, toggleOne, goTo, focusResults
// gives: saveAnswer, saveTarget, saveRound, saveEvidence, takeResults, exportAnswers, shareLink
// gives: clearAnswers

// The page's assessment: its data (`spec`, null on other pages) and the element that holds it
// (`source`), a share link's answers (`shared`), one dimension at a time or all (`one`), the
// current dimension, the elements found once and what they were drawn from (`drawn`), the
// results view (results.js).
const assessment = { spec: null, source: null, shared: null, one: false, current: null, drawn: null, view: null };

function setupAssessment() {
  const data = $("[data-pb-spec]");
  const spec = data && readSpec(data.dataset.pbSpec);
  const advice = $$("[data-pb-dimension] [data-pb-level]").map((a) =>
    [`${a.closest("[data-pb-dimension]").dataset.pbDimension} ${a.dataset.pbLevel}`, a]);
  const { same, one, current } = carriedOver(assessment, spec);
  Object.assign(assessment, { spec, source: data, shared: null, one, current, drawn: spec && drawnElements(spec),
    view: resultsView(new Map(advice), same ? assessment.view : null) });
  for (const title of $$("[data-pb-results] h2, [data-pb-part] h2")) title.tabIndex = -1;
  const round = spec && roundFromLink(spec, location.search);
  if (round) { // a facilitator's link: the answers belong to its round
    store.update((doc) => { ownSheet(doc).round = round; });
    showNotice("round", true, { round });
  }
  if (!spec || !isShareFragment(spec, location.hash)) return;
  assessment.shared = decodeShare(spec, location.hash);
  showNotice(assessment.shared ? "shared" : "share-invalid");
}

// The page's elements, found once, and what they were drawn from: an answer redraws only what it changed.
function drawnElements(spec) {
  const radios = new Map();
  for (const r of $$("input[data-pb-answer]")) radios.set(r.dataset.pbAnswer, [...radios.get(r.dataset.pbAnswer) ?? [], r]);
  return { radios, checked: new Map(), all: true, answered: $("[data-pb-answered]"),
    counts: spec.dimensions.map((d) => $(`[data-pb-count-of="${d.id}"]`)), current: $("[data-pb-current]"),
    target: $("[data-pb-target]"), results: $("[data-pb-results]"), pickers: $$("[data-pb-compare]"),
    round: $("[data-pb-round]"), notes: $$("[data-pb-evidence]").map((field) => [field.dataset.pbEvidence, field,
      $(`[data-pb-evidence-print="${field.dataset.pbEvidence}"]`)]) };
}

// Under instant navigation the new page is shown a moment before `start` runs for it: a reader's
// first answer in that moment is saved for this page's assessment, not lost to the previous one.
function followPage() {
  if ($("[data-pb-spec]") !== assessment.source) setupAssessment();
}

// Whether what the piece `name` was drawn from is `from` (the same: not drawn again); `from` is
// remembered. Each piece: `one` (one dimension at a time, and which), `noted`, `history`, `counted`.
const alreadyDrawn = (name, from) => assessment.drawn[name] === (assessment.drawn[name] = from);

const ownSheet = (doc) => sheet(doc, assessment.spec.id); // to change it
const mySheet = (doc) => sheetIn(doc, assessment.spec.id); // to read it
const answersNow = (doc) => assessment.shared ?? answersOf(mySheet(doc)); // a share link's, or the reader's

// How many questions are answered: in all (with a bar), in each dimension, in the current one
// (not drawn again for an answer changed: the counts stay).
function renderCounts(spec, r) {
  const { answered, counts, current } = assessment.drawn;
  const counted = spec.dimensions.map((d) => r.dimensions[d.id].answered);
  if (alreadyDrawn("counted", `${assessment.current} ${counted}`)) return;
  answered.textContent = t(spec, "answered", { answered: r.answered }, r.questions);
  answered.parentNode.style.setProperty("--pb-done", String(r.answered / r.questions));
  for (const [k, d] of spec.dimensions.entries()) {
    const text = outOf(r.dimensions[d.id].answered, r.dimensions[d.id].questions);
    if (counts[k].textContent !== text) counts[k].textContent = text; // unchanged text: no DOM change
    if (d.id === assessment.current) current.textContent = t(spec, "left_in", { title: d.title, left: text });
  }
}

// One dimension at a time, or all: the current one is marked, and alone shown in the first case.
function renderOne() {
  if (alreadyDrawn("one", `${assessment.one} ${assessment.current}`)) return;
  $("[data-pb-questionnaire]").classList.toggle("pb-one", assessment.one);
  $("[data-pb-action=one]").setAttribute("aria-pressed", String(assessment.one));
  for (const section of $$("[data-pb-part]")) section.classList.toggle("pb-current", section.dataset.pbPart === assessment.current);
  for (const link of $$("[data-pb-questionnaire] a[data-pb-goto]")) {
    link.setAttribute("aria-current", link.dataset.pbGoto === assessment.current ? "step" : "false");
  }
}

// The radios of the questions whose answer differs from what is drawn (or whose radio an author's
// radio of the same name unchecked); all of them the first time, which undoes a browser's restore.
function renderAnswers(answers) {
  const { radios, checked, all } = assessment.drawn;
  for (const [question, list] of radios) {
    const drawnRadio = checked.get(question);
    if (!all && (drawnRadio ? drawnRadio.checked && drawnRadio.value === answers[question] : !answers[question])) continue;
    for (const radio of list) radio.checked = radio.value === answers[question];
    checked.set(question, list.find((radio) => radio.checked));
  }
  assessment.drawn.all = false;
}

// One dimension at a time, or all of them.
function toggleOne() {
  assessment.one = !assessment.one;
  renderOne();
}

// The dimension `id` made the current one (drawn by the next `renderAssessment`).
function goTo(id) {
  assessment.current = id;
}

// A field shows what is kept, unless the reader is typing in it.
function showValue(field, value) {
  if (field && field !== document.activeElement && field.value !== value) field.value = value;
}

// Each answer's evidence: in its field (opened where there is some), and where it prints.
function renderEvidence(mine, answers) {
  if (alreadyDrawn("noted", JSON.stringify([mine.evidence, Object.keys(answers)]))) return;
  for (const [question, field, print] of assessment.drawn.notes) {
    const text = mine.evidence?.[question]?.text ?? "";
    showValue(field, text);
    if (text) field.closest("details").open = true;
    if (print) print.textContent = text;
    if (print) print.hidden = !text || answers[question] === undefined;
  }
}

// The attempt the answers drawn are, as an export would say it.
function attemptNow(doc, answers) {
  const { spec, shared } = assessment;
  if (shared) return exportedAttempt(spec, null, shared, now());
  return { ...exportedAttempt(spec, mySheet(doc), answers, now()), respondent: doc.respondent };
}

function renderAssessment(doc) {
  const { spec, drawn } = assessment;
  const answers = answersNow(doc);
  const r = results(spec, answers); // scored once an answer: the counts and the results share it
  renderAnswers(answers);
  renderCounts(spec, r);
  renderOne();
  const mine = mySheet(doc);
  drawn.target.value = mine.target ?? "";
  showValue(drawn.round, mine.round ?? "");
  renderEvidence(mine, answers);
  drawn.results.hidden = !(assessment.shared || mine.shown);
  if (!drawn.results.hidden) renderResults(spec, r, answers, mine.target, assessment.view, () => attemptNow(doc, answers));
  const history = () => historyKey(mine.attempts, drawn.pickers.map((p) => p.value));
  if (alreadyDrawn("history", history())) return;
  renderHistory(spec, mine.attempts);
  drawn.history = history(); // the pickers' choice, when filled anew
}

// The focus on the results' title, brought to the top of the screen with what is above it that
// the reader must see (a notice: shared results, storage refused). The page scrolls up to them,
// which shows Material's "Back to top" over the title; one pixel down, a frame later, hides it.
function focusResults() {
  const title = $("[data-pb-results] h2");
  if (!title) return;
  title.focus({ preventScroll: true });
  ($$("[data-pb-notice]").find((n) => !n.hidden) ?? title).scrollIntoView({ block: "start" });
  window.requestAnimationFrame(() => window.scrollBy(0, 1));
}

function saveAnswer(radio) {
  const question = radio.dataset.pbAnswer;
  assessment.current = radio.closest("[data-pb-part]")?.dataset.pbPart ?? assessment.current;
  if (assessment.shared) assessment.shared[question] = radio.value;
  else store.update((doc) => { ownSheet(doc).answers[question] = { choice: radio.value, at: now() }; }, true);
  emit("answer", () => ({ assessment: assessment.spec.id, question, choice: radio.value,
    shared: Boolean(assessment.shared) }));
}

function saveTarget(select) { // "" when none: a change, as any other, that other tabs keep
  store.update((doc) => { ownSheet(doc).target = select.value; });
}

// The round typed in its field ("" for none); a name that cannot be one is not kept.
function saveRound(field) {
  const round = cleanRound(assessment.spec, field.value);
  if (round !== null) store.update((doc) => { ownSheet(doc).round = round; });
}

// A note on an answer, kept with it (as text, never HTML) and exported with it.
function saveEvidence(field) {
  const text = cleanEvidence(assessment.spec, field.value);
  store.update((doc) => { (ownSheet(doc).evidence ??= byId())[field.dataset.pbEvidence] = { text, at: now() }; });
}

// Draws the results, now and on return; complete answers are kept as an attempt (unless just kept).
function takeResults() {
  const answers = answersNow(store.read());
  sendResultsAgain(assessment.view);
  if (assessment.shared) return;
  store.update((doc) => askResults(assessment.spec, ownSheet(doc), answers, now()));
}

// Downloads the answers drawn as a file. The reader's own complete answers are kept as an attempt
// first (as when results are asked for), so that every export of them names the same attempt; the
// browser gets its participant id the first time.
function exportAnswers(kind) {
  const { spec, shared } = assessment;
  if (shared) {
    exportResult(spec, shared, kind, attemptNow(store.read(), shared));
    return;
  }
  store.update((doc) => {
    doc.respondent ??= newRespondent(crypto.getRandomValues(new Uint8Array(20)));
    keepAttempt(spec, ownSheet(doc), answersOf(ownSheet(doc)), now());
  });
  const doc = store.read();
  exportResult(spec, answersNow(doc), kind, attemptNow(doc, answersNow(doc)));
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
function clearAnswers(button) {
  if (!confirmed(button)) return false;
  store.update((doc) => clearSheet(ownSheet(doc), now()));
  return true;
}
