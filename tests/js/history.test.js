// history.test.js: history.js on the worked example's page data: results asked for keep an attempt
// (a complete one, once), attempts in a line, which two are compared by default, what changed in
// the assessment since an attempt, and two results compared.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part, pageData } = require("./fixtures.js");

const { results } = part("scoring.js");
const { emptyProgress, sheet, answersOf } = part("progress-doc.js");
const { askResults, attemptText, attemptsKey, historyKey, defaultPick, changesSince, comparison } = part("history.js");

const EN = pageData("worked", "en");
const FR = pageData("worked", "fr");
const FULL = { "where-asked": "roughly", delay: "day", tone: "models" }; // 61, responsive
const BETTER = { ...FULL, "where-asked": "everywhere" }; // 78
const T1 = "2026-01-01T12:00:00.000Z";
const T2 = "2026-01-02T12:00:00.000Z";
const T3 = "2026-01-03T12:00:00.000Z";
const attempt = (at, answers) => ({ taken_at: at, answers });

// The reader gives `answers` at `at` (their sheet's answers, as the page saves them).
const give = (mine, answers, at) => {
  for (const [q, choice] of Object.entries(answers)) mine.answers[q] = { choice, at };
  return answersOf(mine);
};

test("results asked for are shown from then on; complete answers are kept as an attempt, once", () => {
  const mine = sheet(emptyProgress(), "worked");
  askResults(EN, mine, give(mine, { delay: "day" }, T1), T1); // partial: no attempt
  assert.equal(mine.shown, T1);
  assert.deepEqual(mine.attempts, []);
  askResults(EN, mine, give(mine, FULL, T2), T2);
  askResults(EN, mine, answersOf(mine), T3); // the same answers again: not kept twice
  assert.equal(mine.shown, T3);
  assert.deepEqual(mine.attempts.map(({ taken_at: at, answers }) => ({ taken_at: at, answers: { ...answers } })),
    [attempt(T2, FULL)]);
  assert.match(mine.attempts[0].id, /^a[0-9a-z]{2,14}$/);
  askResults(EN, mine, give(mine, BETTER, T3), T3);
  assert.deepEqual(mine.attempts.map((a) => a.taken_at), [T2, T3]);
  askResults(EN, mine, give(mine, FULL, T3), T3); // back to earlier answers: a new attempt (unlike the last)
  assert.equal(mine.attempts.length, 3);
  assert.equal(new Set(mine.attempts.map((a) => a.id)).size, 3); // each attempt its own id
});

test("an attempt in a line: its date in the page's language, its score and level", () => {
  assert.match(attemptText(EN, attempt(T2, FULL)), /^Jan \d, 2026, .+: 61 \/ 100, Responsive$/);
  assert.match(attemptText(FR, attempt(T2, { delay: "day" })), /^\d janv\. 2026.+ : 50 \/ 100, partiel$/);
  assert.match(attemptText(EN, attempt(T2, {})), /: – \/ 100, partial$/);
});

test("the pickers show the last two attempts by default, in time order", () => {
  assert.deepEqual([0, 1].map((k) => defaultPick([attempt(T1, FULL)], k)), [0, 0]);
  assert.deepEqual([0, 1].map((k) => defaultPick([1, 2, 3, 4].map(() => attempt(T1, FULL)), k)), [2, 3]);
});

test("the history is drawn again when attempts were added or another one is picked", () => {
  const two = [attempt(T1, FULL), attempt(T3, BETTER)];
  const merged = [attempt(T1, FULL), attempt(T2, FULL), attempt(T3, BETTER)]; // another tab's, between
  const keys = [[], [attempt(T1, FULL)], two, merged].map(attemptsKey);
  assert.equal(new Set(keys).size, 4);
  assert.equal(attemptsKey(two), attemptsKey(structuredClone(two)));
  assert.notEqual(historyKey(two, ["0", "1"]), historyKey(two, ["1", "1"]));
  assert.equal(historyKey(two, ["0", "1"]), historyKey(structuredClone(two), ["0", "1"]));
});

test("what changed in the assessment since an attempt: answers that no longer apply, new questions", () => {
  assert.deepEqual(changesSince(EN, [attempt(T1, FULL), attempt(T2, BETTER)]), []);
  assert.deepEqual(changesSince(EN, [attempt(T1, { gone: "x", delay: "day", tone: "na" })]),
    [{ gone: "1 answer no longer applies", new: "1 new question counts as unanswered" }]);
  assert.deepEqual(changesSince(EN, [attempt(T1, FULL), attempt(T2, { a: "x", b: "y" })]),
    [{ gone: "2 answers no longer apply", new: "3 new questions count as unanswered" }]);
});

test("two results compared: overall and per dimension, the change signed, none where a score is missing", () => {
  assert.deepEqual(comparison(EN, results(EN, FULL), results(EN, BETTER)), {
    overall: "Overall score: 61 → 78 (+17)",
    rows: [["Listening", "50 Responsive", "100 Reliable", "+50"], ["Answering", "67 Responsive", "67 Responsive", "="]],
  });
  assert.equal(comparison(EN, results(EN, BETTER), results(EN, FULL)).overall, "Overall score: 78 → 61 (−17)");
  assert.deepEqual(comparison(EN, results(EN, {}), results(EN, { delay: "hour" })), {
    overall: "Overall score: – → 100 (–)",
    rows: [["Listening", "–", "–", "–"], ["Answering", "–", "100 partial", "–"]],
  });
});
