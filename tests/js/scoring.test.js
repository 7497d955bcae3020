// scoring.test.js: scoring.js on the documented worked example, and its properties.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part, WORKED, PROTOTYPE_NAMED, random, randomAnswers } = require("./fixtures.js");

const { score, levelOf } = part("scoring.js");
const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

test("the documented worked example", () => {
  const result = score(WORKED, { "where-asked": "roughly", delay: "day", tone: "models" });
  assert.equal(result.dimensions.listening.score, 50);
  assert.equal(result.dimensions.listening.level, "responsive");
  close(result.dimensions.answering.score, 200 / 3);
  assert.equal(result.dimensions.answering.answered, 2);
  close(result.overall.score, 550 / 9); // 61.1
  assert.equal(result.overall.level, "responsive");
});

test("not applicable and unanswered questions are left out", () => {
  const withNa = score(WORKED, { "where-asked": "roughly", delay: "day", tone: "na" });
  assert.equal(withNa.dimensions.answering.score, 50);
  assert.equal(withNa.dimensions.answering.na, 1);
  assert.equal(withNa.dimensions.answering.answered, 1);
  assert.equal(withNa.overall.score, 50);
  const alone = score(WORKED, { delay: "hour" });
  assert.deepEqual(alone.dimensions.listening, { score: null, level: null, answered: 0, na: 0 });
  assert.equal(alone.overall.score, 100);
  const nothing = score(WORKED, { "where-asked": "unknown-choice" });
  assert.deepEqual(nothing.overall, { score: null, level: null });
});

test("`na` counts as not applicable only where the question allows it", () => {
  const result = score(WORKED, { delay: "na", tone: "na" });
  assert.equal(result.dimensions.answering.na, 1);
  assert.equal(result.dimensions.answering.score, null);
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
  const result = score(PROTOTYPE_NAMED, answers);
  assert.equal(result.dimensions.__proto__.score, 100);
  // "constructor" is answered; "__proto__" is not (its answer is no choice of its own)
  assert.equal(result.dimensions.__proto__.answered, 1);
  assert.equal(result.dimensions.toString.score, 100);
  const none = score(PROTOTYPE_NAMED, {}); // inherited members are no answers
  assert.equal(none.dimensions.__proto__.answered, 0);
  assert.equal(none.overall.score, null);
  assert.equal(Object.getPrototypeOf(none.dimensions), null);
});

test("scores stay within 0-100 and the overall between the dimensions'", () => {
  const rng = random(1);
  for (let n = 0; n < 500; n += 1) {
    const result = score(WORKED, randomAnswers(WORKED, rng));
    const values = Object.values(result.dimensions).map((d) => d.score).filter((v) => v !== null);
    for (const value of values) assert.ok(value >= 0 && value <= 100);
    if (!values.length) assert.equal(result.overall.score, null);
    else {
      assert.ok(result.overall.score >= Math.min(...values) - 1e-9);
      assert.ok(result.overall.score <= Math.max(...values) + 1e-9);
    }
  }
});
