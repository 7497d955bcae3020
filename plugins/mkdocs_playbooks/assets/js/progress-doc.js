// progress-doc.js: the progress document kept in this browser (checklist ticks; per assessment,
// its sheet: answers, the evidence on them, attempts, target level, round and whether results are
// shown, keyed by id; the browser's participant id): empty, read strictly, merged (and what an
// import did said), counted, cleared. An imported file is a progress export or a result export
// (result-file.js), read as the progress it holds; any other is refused with the notice that says
// why. Pure: no page, no storage.
//
// gives: PROGRESS_FORMAT, byId, emptyProgress, parseProgress, parseImport, mergeProgress, ticks
// gives: sheet, ticksIn, sheetIn, answersOf, doneIn, answeredIn, clearSheet, importNotice

const PROGRESS_FORMAT = "mkdocs-playbooks/progress";
const PROGRESS_VERSION = 1;

// An object indexed by ids, with no prototype: "constructor" or "__proto__" is an id like any other.
function byId(entries = []) {
  const object = Object.create(null);
  for (const [key, value] of entries) object[key] = value;
  return object;
}

const emptyProgress = () => ({
  format: PROGRESS_FORMAT, version: PROGRESS_VERSION, playbooks: byId(), assessments: byId(),
});

const isRecord = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
const isTime = (v) => typeof v === "string" && !Number.isNaN(Date.parse(v));

// A copy of `object` with each value read by `read`; null when any value (or `object`) is not valid.
function readAll(object, read) {
  if (!isRecord(object)) return null;
  const copy = byId();
  for (const [key, value] of Object.entries(object)) {
    const entry = read(value);
    if (entry === null) return null;
    copy[key] = entry;
  }
  return copy;
}

const readTick = (tick) => (isRecord(tick) && typeof tick.done === "boolean" && isTime(tick.at)
  ? { done: tick.done, at: tick.at } : null);
const readAnswer = (a) => (isRecord(a) && typeof a.choice === "string" && isTime(a.at)
  ? { choice: a.choice, at: a.at } : null);
const readChoice = (choice) => (typeof choice === "string" ? choice : null);
const readNote = (n) => (isRecord(n) && typeof n.text === "string" && isTime(n.at) ? { text: n.text, at: n.at } : null);
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/; // an attempt's or a participant's id, as results.py's
const isId = (v) => typeof v === "string" && ID.test(v);

function readPlaybook(playbook) {
  const items = isRecord(playbook) ? readAll(playbook.items, readTick) : null;
  return items && { items };
}

// An attempt: its time and answers; its id, round and evidence where it has them (attempts kept
// before they had ids have none).
function readAttempt(attempt) {
  const answers = isRecord(attempt) && isTime(attempt.taken_at)
    ? readAll(attempt.answers, readChoice) : null;
  if (!answers) return null;
  const read = { taken_at: attempt.taken_at, answers };
  if (attempt.id !== undefined && !isId(attempt.id)) return null;
  if (attempt.round !== undefined && typeof attempt.round !== "string") return null;
  const evidence = attempt.evidence === undefined ? undefined : readAll(attempt.evidence, readChoice);
  if (evidence === null) return null;
  for (const [key, value] of [["id", attempt.id], ["round", attempt.round], ["evidence", evidence]]) {
    if (value !== undefined) read[key] = value;
  }
  return read;
}

// A sheet's optional texts: the target level, `shown`: when results were last asked for (they are
// shown again on return), and the round; "" when unset, so that unsetting is a change like any other.
const SHEET_TEXTS = ["target", "shown", "round"];

function readSheet(s) {
  if (!isRecord(s) || !Array.isArray(s.attempts)) return null;
  if (SHEET_TEXTS.some((key) => s[key] !== undefined && typeof s[key] !== "string")) return null;
  const answers = readAll(s.answers, readAnswer);
  const attempts = s.attempts.map(readAttempt);
  const evidence = s.evidence === undefined ? byId() : readAll(s.evidence, readNote);
  if (!answers || !evidence || attempts.includes(null)) return null;
  const read = { answers, attempts };
  if (Object.keys(evidence).length) read.evidence = evidence;
  for (const key of SHEET_TEXTS) if (s[key] !== undefined) read[key] = s[key];
  return read;
}

// JSON's value of `text`, or undefined when it is no JSON.
function parsed(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

// A progress document read from a parsed file, or null when it is not one this version understands.
function readProgress(doc) {
  if (!isRecord(doc) || doc.format !== PROGRESS_FORMAT || doc.version !== PROGRESS_VERSION) return null;
  const playbooks = readAll(doc.playbooks, readPlaybook);
  const assessments = readAll(doc.assessments === undefined ? {} : doc.assessments, readSheet);
  if (doc.respondent !== undefined && !isId(doc.respondent)) return null;
  const read = playbooks && assessments && { ...emptyProgress(), playbooks, assessments };
  if (read && doc.respondent) read.respondent = doc.respondent;
  return read;
}

const parseProgress = (text) => readProgress(parsed(text));

// The result exports this version reads (results.py's `READABLE_VERSIONS`).
const RESULT_FORMAT = "mkdocs-playbooks/result";
const RESULT_VERSIONS = [1, 2, 3];

// A result export as the progress it holds: its answers (each as of when it was taken), its
// attempt when complete, its results shown; null when `doc` is not one.
function readResult(doc) {
  if (!isRecord(doc) || doc.format !== RESULT_FORMAT || !RESULT_VERSIONS.includes(doc.version)) return null;
  const answers = readAll(doc.answers, readChoice);
  const at = doc.taken_at;
  if (!answers || typeof doc.assessment !== "string" || !isTime(at)) return null;
  const mine = { answers: byId(Object.entries(answers).map(([q, choice]) => [q, { choice, at }])),
    attempts: doc.complete === true ? [{ ...(isId(doc.attempt) && { id: doc.attempt }), taken_at: at, answers }] : [],
    shown: at };
  return { ...emptyProgress(), assessments: byId([[doc.assessment, mine]]) };
}

// What an imported file holds: [the progress to merge], or [null, the notice that refuses it]: a
// spreadsheet (CSV, which no import reads) is told apart from any other file.
function parseImport(text) {
  const doc = parsed(text);
  const read = readProgress(doc) ?? readResult(doc);
  if (read) return [read];
  return [null, doc === undefined && /^\ufeff?"/.test(text) ? "import-csv" : "import-failed"];
}

// A playbook's ticks, an assessment's answers and attempts: made in `doc` when it has none...
const ticks = (doc, id) => (doc.playbooks[id] ??= { items: byId() }).items;
const sheet = (doc, id) => (doc.assessments[id] ??= { answers: byId(), attempts: [] });
// ...or, to read them, empty ones that `doc` does not keep.
const ticksIn = (doc, id) => doc.playbooks[id]?.items ?? byId();
const sheetIn = (doc, id) => doc.assessments[id] ?? { answers: byId(), attempts: [] };

// A sheet's answers, question id → choice id; a cleared answer is kept as the choice "" (so that
// clearing, like any answer, is a change in time that merges) and is no answer.
const answersOf = (s) => byId(Object.entries(s.answers).filter(([, a]) => a.choice)
  .map(([q, a]) => [q, a.choice]));

const isNewer = (time, than) => than === undefined || Date.parse(time) > Date.parse(than);
const byTime = (a, b) => Date.parse(a.taken_at) - Date.parse(b.taken_at);

// Entries of `theirs` newer than `mine`'s (or that `mine` lacks) copied into `mine`; how many.
function keepNewest(mine, theirs) {
  let taken = 0;
  for (const [key, entry] of Object.entries(theirs)) {
    if (isNewer(entry.at, mine[key]?.at)) {
      mine[key] = entry;
      taken += 1;
    }
  }
  return taken;
}

// `incoming` merged into `doc`: per item, answer and evidence the newest wins (a tie keeps `doc`'s),
// attempts are united (one per time, in time order), a target (or `shown`, or a round) and the
// participant id are only added. Returns how many of each `doc` took from `incoming` (all 0: `doc`
// already held everything it holds); evidence counts with the answers.
function mergeProgress(doc, incoming) {
  const taken = { ticks: 0, answers: 0, attempts: 0, targets: 0 };
  if (!doc.respondent && incoming.respondent) {
    doc.respondent = incoming.respondent;
    taken.targets += 1;
  }
  for (const [id, entry] of Object.entries(incoming.playbooks)) {
    const mine = ticksIn(doc, id), before = JSON.stringify(taken);
    taken.ticks += keepNewest(mine, entry.items);
    if (JSON.stringify(taken) !== before) doc.playbooks[id] ??= { items: mine }; // else no entry
  }
  for (const [id, entry] of Object.entries(incoming.assessments)) {
    const mine = sheetIn(doc, id), before = JSON.stringify(taken);
    taken.answers += keepNewest(mine.answers, entry.answers);
    if (entry.evidence) taken.answers += keepNewest(mine.evidence ??= byId(), entry.evidence);
    const seen = new Set(mine.attempts.map((a) => a.taken_at));
    const added = entry.attempts.filter((a) => !seen.has(a.taken_at) && seen.add(a.taken_at));
    if (added.length) mine.attempts = mine.attempts.concat(added).sort(byTime);
    taken.attempts += added.length;
    for (const key of SHEET_TEXTS) {
      if (mine[key] !== undefined || entry[key] === undefined) continue;
      mine[key] = entry[key];
      taken.targets += 1;
    }
    if (JSON.stringify(taken) !== before) doc.assessments[id] ??= mine;
  }
  return taken;
}

// How many of `items` a playbook's ticks have done; how many of `questions` a sheet has answered.
const doneIn = (doc, id, items) => items.filter((item) => ticksIn(doc, id)[item]?.done).length;
const answeredIn = (doc, id, questions) => questions.filter((q) => sheetIn(doc, id).answers[q]?.choice).length;

// A sheet's answers and their evidence forgotten (its attempts and round are kept), its results no
// longer shown: each answer (and note) becomes a cleared one at `at`, newer than the one it
// replaces, so no tab brings it back.
function clearSheet(mine, at) {
  for (const question of Object.keys(mine.answers)) mine.answers[question] = { choice: "", at };
  for (const question of Object.keys(mine.evidence ?? {})) mine.evidence[question] = { text: "", at };
  mine.shown = "";
}

// The notice that says what an import did, and the numbers it shows: `taken` is what the merge
// took; `save` is called only when it took anything (an import that brings nothing writes
// nothing) and says whether storage kept it.
function importNotice(taken, save) {
  if (!Object.values(taken).some(Boolean)) return ["import-nothing"];
  return [save() ? "imported" : "import-unsaved", taken];
}
