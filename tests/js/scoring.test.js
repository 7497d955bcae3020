// scoring.test.js: scoring.js on the documented worked example (the same cases as
// tests/test_scoring.py), rounding, completeness, and its properties.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part, WORKED, PROTOTYPE_NAMED, random, randomAnswers } = require("./fixtures.js");

const { results, levelOf, rounded, pointsMissing, validAnswers, resultDocument, levelAt, levelById, titleOf, allQuestions } =
  part("scoring.js");
const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);
const withLevels = (spec, mins) => ({ ...spec, levels: spec.levels.map((l, n) => ({ ...l, min: mins[n] })) });

test("the documented worked example: whole numbers, the overall from the shown dimension scores", () => {
  const worked = withLevels(WORKED, [0, 50, 61]);
  const r = results(worked, { "where-asked": "roughly", delay: "day", tone: "models" });
  close(r.dimensions.answering.exact, 200 / 3);
  assert.equal(r.dimensions.answering.score, 67);
  assert.equal(r.dimensions.listening.score, 50);
  assert.equal(r.score, 61); // (1 × 50 + 2 × 67) / 3 = 61.33
  assert.equal(r.level, "reliable"); // 61 reaches min 61
  assert.equal(r.complete, true);
  assert.deepEqual([r.answered, r.questions], [3, 3]);
  assert.equal(r.dimensions.answering.points, 0.5 + 0.5); // the calculation shown to the reader
  assert.equal(r.dimensions.answering.weights, 1.5);
});

test("rounding is half up and ignores float noise", () => {
  assert.deepEqual([39.99999999999999, 89.5, 89.49999999999, 0.49, 100].map(rounded), [40, 90, 90, 0, 100]);
});

test("a partial answer set has scores, no level, and says what is left", () => {
  const partial = results(WORKED, { delay: "hour" });
  assert.equal(partial.score, 100);
  assert.equal(partial.level, null);
  assert.equal(partial.complete, false);
  assert.deepEqual([partial.answered, partial.questions], [1, 3]);
  const { answering, listening } = partial.dimensions;
  assert.deepEqual([answering.score, answering.level, answering.complete, answering.needed], [100, null, false, 1]);
  assert.deepEqual([listening.score, listening.answered, listening.complete, listening.needed], [null, 0, false, 1]);
});

test("complete_at lets an author accept fewer answers", () => {
  const lenient = { ...WORKED, complete_at: 50 };
  const r = results(lenient, { "where-asked": "everywhere", delay: "hour" });
  assert.equal(r.complete, true);
  assert.equal(r.level, "reliable");
  assert.equal(r.dimensions.answering.needed, 0);
  assert.equal(results({ ...WORKED, complete_at: 50 }, {}).dimensions.answering.needed, 1);
});

test("not applicable counts as answered, unknown choices do not; `na` only where allowed", () => {
  const withNa = results(WORKED, { "where-asked": "roughly", delay: "day", tone: "na" });
  assert.equal(withNa.complete, true);
  assert.equal(withNa.dimensions.answering.not_applicable, 1);
  assert.equal(withNa.dimensions.answering.score, 50);
  assert.equal(results(WORKED, { "where-asked": "roughly", delay: "day", tone: "bogus" }).complete, false);
  const notAllowed = results(WORKED, { delay: "na", tone: "na" });
  assert.equal(notAllowed.dimensions.answering.not_applicable, 1);
  assert.equal(notAllowed.dimensions.answering.answered, 1);
  assert.equal(notAllowed.dimensions.answering.score, null);
  const nothing = results(WORKED, { "where-asked": "unknown-choice" });
  assert.deepEqual([nothing.score, nothing.level], [null, null]);
});

test("points missing are counted from the shown score, the minimum rounded up", () => {
  assert.equal(pointsMissing({ min: 33.3 }, 33), 1);
  assert.equal(pointsMissing({ min: 33.3 }, 34), 0);
  assert.equal(pointsMissing({ min: 90 }, 89), 1);
  assert.equal(pointsMissing({ min: 90 }, 95), 0);
});

test("a score equal to a minimum reaches the level", () => {
  assert.equal(levelOf(WORKED.levels, 0), "silent");
  assert.equal(levelOf(WORKED.levels, 49.999), "silent");
  assert.equal(levelOf(WORKED.levels, 50), "responsive");
  assert.equal(levelOf(WORKED.levels, 100), "reliable");
  assert.equal(levelOf(WORKED.levels, null), null);
  assert.equal(levelOf([{ id: "high", min: 10 }], 5), null);
});

test("answers keyed by prototype names are ids like any other", () => {
  const answers = JSON.parse('{"__proto__": "valueOf", "constructor": "valueOf", '
    + '"valueOf": "valueOf-2"}');
  const r = results(PROTOTYPE_NAMED, answers);
  assert.equal(r.dimensions.__proto__.score, 100);
  // "constructor" is answered; "__proto__" is not (its answer is no choice of its own)
  assert.equal(r.dimensions.__proto__.answered, 1);
  assert.equal(r.dimensions.toString.score, 100);
  const none = results(PROTOTYPE_NAMED, {}); // inherited members are no answers
  assert.equal(none.dimensions.__proto__.answered, 0);
  assert.equal(none.score, null);
  assert.equal(Object.getPrototypeOf(none.dimensions), null);
  assert.deepEqual(Object.keys(validAnswers(PROTOTYPE_NAMED, answers)), ["constructor", "valueOf"]);
});

test("an export holds only the answers that count, and says whether the result is partial", () => {
  const doc = resultDocument({ ...WORKED, words: { lang: "en" } }, { delay: "hour", tone: "bogus", removed: "x" },
    { id: "a1", taken_at: "2026-11-22T09:15:02Z", evidence: { delay: "why", tone: "not an answer", removed: "x" } });
  assert.deepEqual({ ...doc.answers }, { delay: "hour" });
  assert.deepEqual({ ...doc.evidence }, { delay: "why" }); // only on the answers that count
  assert.equal(doc.version, 3);
  assert.equal(doc.attempt, "a1");
  assert.equal(doc.exported_at, doc.taken_at); // exported when taken, unless said
  assert.ok(!("round" in doc) && !("respondent" in doc)); // absent rather than empty
  assert.equal(doc.complete, false);
  assert.deepEqual(doc.overall, { score: 100, level: null });
  assert.deepEqual(doc.dimensions.answering, { score: 100, level: null, complete: false, answered: 1, questions: 2 });
});

test("shown scores are whole, 0-100, the overall between the dimensions', a level only when complete", () => {
  const rng = random(1);
  for (let n = 0; n < 500; n += 1) {
    const spec = { ...WORKED, complete_at: rng.pick([100, 50, 34]) };
    const r = results(spec, randomAnswers(spec, rng));
    const values = Object.values(r.dimensions).map((d) => d.score).filter((v) => v !== null);
    for (const value of values) assert.ok(Number.isInteger(value) && value >= 0 && value <= 100);
    for (const d of Object.values(r.dimensions)) assert.ok(d.complete || d.level === null);
    assert.ok(r.complete || r.level === null);
    if (!values.length) assert.equal(r.score, null);
    else assert.ok(r.score >= Math.min(...values) && r.score <= Math.max(...values));
  }
});

test("a level by its id: its place, itself and its title; none for an id no level has (a removed target)", () => {
  assert.deepEqual(["silent", "reliable", "gone", ""].map((id) => levelAt(WORKED, id)), [0, 2, -1, -1]);
  assert.equal(levelById(WORKED, "reliable"), WORKED.levels[2]);
  assert.equal(levelById(WORKED, "gone"), undefined);
  assert.deepEqual(["responsive", "gone"].map((id) => titleOf(WORKED, id)), ["Responsive", undefined]);
  assert.deepEqual(allQuestions(WORKED).map((q) => q.id), ["where-asked", "delay", "tone"]);
});
