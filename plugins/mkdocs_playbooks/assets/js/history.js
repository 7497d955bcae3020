// history.js: the attempts, complete answer sets kept with their time (`taken_at`) when results
// are asked for; which two are compared by default (the last two), what each was, how two compare
// and how the assessment changed since. Pure: `mine` is an assessment's sheet (progress-doc.js).
//
// uses words.js: t
// uses scoring.js: results, titleOf, allQuestions
// uses attempt.js: keepAttempt
// gives: askResults, attemptText, attemptsKey, historyKey, defaultPick, changesSince, comparison

// Results asked for at `at`: shown from now on (and on return); complete answers are kept as an
// attempt (with its id, round and evidence), unless the last attempt holds the same answers.
function askResults(spec, mine, answers, at) {
  mine.shown = at;
  keepAttempt(spec, mine, answers, at);
}

// An attempt in a line: its date, overall score and level.
function attemptText(spec, attempt) {
  const r = results(spec, attempt.answers);
  const date = new Date(attempt.taken_at).toLocaleString(spec.words.lang, { dateStyle: "medium", timeStyle: "short" });
  return t(spec, "attempt", { date, score: r.score ?? "–", level: r.level ? titleOf(spec, r.level) : spec.strings.partial });
}

// What tells one list of attempts from another: attempts are only ever added, never changed.
const attemptsKey = (attempts) => `${attempts.length} ${attempts.at(-1)?.taken_at}`;
// What the history is drawn from: the attempts, and the attempt each picker shows (`picked`).
const historyKey = (attempts, picked) => [attemptsKey(attempts), ...picked].join();

// The attempt the `k`-th of two pickers shows first: the last two, in time order.
const defaultPick = (attempts, k) => Math.max(0, attempts.length - 2 + k);

// How the assessment changed since these attempts: answers to removed questions, new questions;
// for each attempt it changed since, the words that say so.
function changesSince(spec, attempts) {
  const known = new Set(allQuestions(spec).map((q) => q.id));
  return attempts.map((a) => {
    const gone = Object.keys(a.answers).filter((q) => !known.has(q)).length;
    const added = [...known].filter((q) => !(q in a.answers)).length;
    return gone + added ? { gone: t(spec, "gone", {}, gone), new: t(spec, "new", {}, added) } : null;
  }).filter(Boolean);
}

// How a score changed from `a` to `b`: "+3", "−3", "=", or "–" where either has none.
const difference = (a, b) => (a === null || b === null ? "–" : b > a ? `+${b - a}` : b < a ? `−${a - b}` : "=");

// Two results compared: the overall line, and a row per dimension [title, A, B, change].
function comparison(spec, a, b) {
  const cell = (x) => (x.score === null ? "–" : `${x.score} ${x.level ? titleOf(spec, x.level) : spec.strings.partial}`);
  return {
    overall: t(spec, "history_overall", { a: a.score ?? "–", b: b.score ?? "–", change: difference(a.score, b.score) }),
    rows: spec.dimensions.map((d) => [d.title, cell(a.dimensions[d.id]), cell(b.dimensions[d.id]),
      difference(a.dimensions[d.id].score, b.dimensions[d.id].score)]),
  };
}
