// attempt.test.js: attempt.js gives an attempt one identity however often it is exported: the id
// made from its answers and their times, the kept attempt's id when it holds the answers; an
// export carries the round and the evidence of now; rounds from links and fields, notes cleaned.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part, pageData } = require("./fixtures.js");

const { emptyProgress, sheet, answersOf, parseProgress, mergeProgress } = part("progress-doc.js");
const { attemptId, keptId, keepAttempt, exportedAttempt, evidenceOf, cleanRound, roundFromLink,
  cleanEvidence, newRespondent } = part("attempt.js");

const EN = pageData("worked", "en");
const FR = pageData("worked", "fr");
const FULL = { "where-asked": "roughly", delay: "day", tone: "models" };
const T1 = "2026-01-01T12:00:00.000Z";
const T2 = "2026-01-02T12:00:00.000Z";
const T3 = "2026-01-03T12:00:00.000Z";
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/; // results.py's ID_PATTERN

function answered(answers, at, round) {
  const mine = sheet(emptyProgress(), "worked");
  for (const [q, choice] of Object.entries(answers)) mine.answers[q] = { choice, at };
  if (round) mine.round = round;
  return mine;
}

test("the same answers given at the same times are the same attempt, from any page language", () => {
  const mine = answered(FULL, T1);
  const id = attemptId(EN, mine);
  assert.match(id, ID);
  assert.equal(attemptId(FR, mine), id); // a translation keeps its original's id: the same attempt
  assert.equal(attemptId(EN, answered({ tone: "models", delay: "day", "where-asked": "roughly" }, T1)), id);
  assert.notEqual(attemptId(EN, answered(FULL, T2)), id); // answered again later: another attempt
  const changed = answered(FULL, T1);
  changed.answers.tone = { choice: "na", at: T2 };
  assert.notEqual(attemptId(EN, changed), id);
  changed.answers.tone = { choice: "", at: T3 }; // cleared: no answer
  const fewer = answered({ "where-asked": "roughly", delay: "day" }, T1);
  assert.equal(attemptId(EN, changed), attemptId(EN, fewer));
});

test("exported twice, an attempt says the same id and time; exported after results, the kept one's", () => {
  const mine = answered(FULL, T1, "2026-Q1");
  mine.evidence = { tone: { text: "our guide", at: T1 }, delay: { text: "", at: T1 } };
  const first = exportedAttempt(EN, mine, answersOf(mine), T2);
  const again = exportedAttempt(FR, mine, answersOf(mine), T3);
  assert.deepEqual(again, first);
  assert.equal(first.taken_at, T1); // taken when its last answer was given
  assert.equal(first.round, "2026-Q1");
  assert.deepEqual({ ...first.evidence }, { tone: "our guide" });
  keepAttempt(EN, mine, answersOf(mine), T2); // results asked for: kept, with the same id
  assert.equal(mine.attempts.length, 1);
  assert.equal(mine.attempts[0].id, first.id);
  assert.equal(mine.attempts[0].round, "2026-Q1");
  assert.deepEqual({ ...mine.attempts[0].evidence }, { tone: "our guide" });
  const kept = exportedAttempt(EN, mine, answersOf(mine), T3);
  assert.deepEqual([kept.id, kept.taken_at], [first.id, T2]);
  keepAttempt(EN, mine, answersOf(mine), T3); // the same answers: not kept twice
  assert.equal(mine.attempts.length, 1);
});

test("partial answers are no attempt kept, yet their exports name one; a share link's too", () => {
  const mine = answered({ delay: "day" }, T1);
  keepAttempt(EN, mine, answersOf(mine), T2);
  assert.deepEqual(mine.attempts, []);
  const exported = exportedAttempt(EN, mine, answersOf(mine), T3);
  assert.match(exported.id, ID);
  assert.equal(exported.round, undefined);
  const shared = exportedAttempt(EN, null, FULL, T2);
  assert.deepEqual(exportedAttempt(EN, null, { ...FULL }, T3).id, shared.id);
  assert.match(shared.id, ID);
  assert.notEqual(shared.id, exportedAttempt(EN, null, { ...FULL, tone: "na" }, T2).id);
});

test("an attempt kept before attempts had ids gets one from its time, the same each time", () => {
  const old = { taken_at: T1, answers: FULL };
  assert.equal(keptId(old), "t20260101120000000");
  assert.match(keptId(old), ID);
  assert.equal(keptId({ ...old, id: "a1" }), "a1");
  const mine = answered(FULL, T1);
  mine.attempts.push(old);
  assert.equal(exportedAttempt(EN, mine, answersOf(mine), T3).id, "t20260101120000000");
});

test("an attempt kept in one tab and merged into another keeps its id", () => {
  const mine = answered(FULL, T1);
  keepAttempt(EN, mine, answersOf(mine), T2);
  const doc = emptyProgress();
  doc.assessments.worked = mine;
  const other = parseProgress(JSON.stringify(emptyProgress()));
  mergeProgress(other, parseProgress(JSON.stringify(doc)));
  assert.equal(other.assessments.worked.attempts[0].id, mine.attempts[0].id);
});

test("evidence of the answers given only, and never empty", () => {
  const mine = answered({ delay: "day" }, T1);
  mine.evidence = { delay: { text: "why", at: T1 }, tone: { text: "not answered", at: T1 } };
  assert.deepEqual({ ...evidenceOf(mine, answersOf(mine)) }, { delay: "why" });
  assert.deepEqual({ ...evidenceOf(answered({}, T1), {}) }, {});
});

test("rounds: from a link or a field, on one line, trimmed, NFC; none when too long or broken", () => {
  assert.equal(roundFromLink(EN, "?round=2026-Q1"), "2026-Q1");
  assert.equal(roundFromLink(EN, "?x=1&round=%20Atelier%20%20de%20mars%20"), "Atelier de mars");
  assert.equal(roundFromLink(EN, "?round=Cafe%CC%81"), "Café"); // NFD to NFC, as results.py compares
  assert.equal(roundFromLink(EN, ""), null);
  assert.equal(roundFromLink(EN, "?round="), null);
  assert.equal(roundFromLink(EN, `?round=${"x".repeat(81)}`), null);
  assert.equal(roundFromLink(EN, "?round=a%00b"), null);
  assert.equal(cleanRound(EN, "a\nb\tc"), "a b c");
  assert.equal(cleanRound(EN, "   "), "");
  assert.equal(cleanRound(EN, "x".repeat(80)).length, 80);
});

test("a note is text: control characters dropped, line breaks kept, at most the format's length", () => {
  assert.equal(cleanEvidence(EN, "  a\u0000b\nc\u202e <b>  "), "ab\nc <b>");
  assert.equal(cleanEvidence(EN, "x".repeat(2000)).length, 1000);
});

test("a participant id: 20 letters and digits from random bytes", () => {
  const id = newRespondent(Uint8Array.from({ length: 32 }, (_, n) => n * 37));
  assert.match(id, /^[a-z0-9]{20}$/);
  assert.match(id, ID);
});

test("the same answers given again after clearing (the next round) are a new attempt", () => {
  const mine = answered(FULL, T1, "2026-Q1");
  keepAttempt(EN, mine, answersOf(mine), T1);
  const first = exportedAttempt(EN, mine, answersOf(mine), T1);
  for (const [q, choice] of Object.entries(FULL)) mine.answers[q] = { choice, at: T2 }; // cleared, answered again
  mine.round = "2026-Q2";
  const second = exportedAttempt(EN, mine, answersOf(mine), T3);
  assert.notEqual(second.id, first.id);
  assert.equal(second.taken_at, T2);
  assert.equal(second.round, "2026-Q2");
  keepAttempt(EN, mine, answersOf(mine), T3);
  assert.equal(mine.attempts.length, 2);
  assert.equal(exportedAttempt(EN, mine, answersOf(mine), T3).id, mine.attempts[1].id);
});
