// plan.test.js: plan.js on the worked example's page data (tests/js/scoring_cases.py, as
// contract.py writes it): the level a result aims at and the points it lacks, the dimensions
// ranked by need and the plan, and the calculation with the reader's own numbers, in English and
// in French.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part, pageData } = require("./fixtures.js");

const { results } = part("scoring.js");
const { goal, goalText, needOrder, planOrder, calculationRows } = part("plan.js");

const EN = pageData("worked", "en");
const FR = pageData("worked", "fr");
const FULL = { "where-asked": "roughly", delay: "day", tone: "models" }; // 50, 67: 61, responsive
const [SILENT, RESPONSIVE, RELIABLE] = EN.levels;
const atTop = (spec) => ({ ...results(spec, FULL), level: "reliable", score: 90 });

test("a result aims at the target, or else at the level after its own; the gap in points", () => {
  const r = results(EN, FULL);
  assert.equal(r.score, 61);
  assert.deepEqual(goal(EN, r), { aim: RELIABLE, gap: 19 });
  assert.deepEqual(goal(EN, r, RELIABLE), { aim: RELIABLE, gap: 19 });
  assert.deepEqual(goal(EN, r, SILENT), { aim: SILENT, gap: 0 }); // reached
  assert.deepEqual(goal(EN, r.dimensions.listening), { aim: RELIABLE, gap: 30 });
  assert.equal(goal(EN, atTop(EN)), undefined); // the top level, no target: nothing to aim at
  assert.deepEqual(goal(EN, atTop(EN), RESPONSIVE), { aim: RESPONSIVE, gap: 0 });
});

test("what a result lacks, in words: the next level, then the target", () => {
  const r = results(EN, FULL);
  assert.equal(goalText(EN, r), "Next level: Reliable (from 80), 19 points to go");
  assert.equal(goalText(EN, r, RELIABLE), "Next level: Reliable (from 80), 19 points to go · Target Reliable: 19 points to go");
  assert.equal(goalText(EN, r, SILENT), "Next level: Reliable (from 80), 19 points to go · Target Silent: reached");
  assert.equal(goalText(EN, atTop(EN)), "Highest level.");
  const one = { ...r, score: 79 };
  assert.equal(goalText(EN, one, RELIABLE), "Next level: Reliable (from 80), 1 point to go · Target Reliable: 1 point to go");
  assert.equal(goalText(FR, results(FR, FULL)), "Niveau suivant : Reliable (à partir de 80), encore 19 points");
});

const ids = (list) => list.map((d) => d.id);

test("ranked by need: the lowest score first, not the most points to the next level", () => {
  // listening 50 (30 points to Reliable), answering 33 (17 points to Responsive): answering first
  const weakest = results(EN, { "where-asked": "roughly", delay: "day", tone: "none" });
  assert.deepEqual([weakest.dimensions.listening.score, weakest.dimensions.answering.score], [50, 33]);
  assert.deepEqual(ids(planOrder(EN, weakest)), ["answering", "listening"]);
  assert.deepEqual(ids(planOrder(EN, results(EN, FULL))), ["listening", "answering"]); // 50, 67
  const reversed = results(EN, { "where-asked": "everywhere", delay: "week", tone: "none" }); // 100, 0
  assert.deepEqual(ids(planOrder(EN, reversed)), ["answering", "listening"]);
});

test("ranked by need: the farthest from the target first; among equals, the lowest score, then the heaviest", () => {
  const even = results(EN, { "where-asked": "roughly", delay: "day", tone: "na" }); // 50, 50
  assert.deepEqual(ids(planOrder(EN, even)), ["answering", "listening"]); // weight 2 before 1
  const reversed = results(EN, { "where-asked": "everywhere", delay: "week", tone: "none" }); // 100, 0
  assert.deepEqual(ids(planOrder(EN, reversed, RELIABLE)), ["answering", "listening"]); // 80, 0 points to go
  assert.deepEqual(ids(planOrder(EN, reversed, SILENT)), ["answering", "listening"]); // both reached: scores
  // a target that one dimension reached and the other did not: the one short of it first
  const near = results(EN, { "where-asked": "roughly", delay: "hour", tone: "models" }); // 50, 100
  assert.deepEqual(ids(planOrder(EN, near, RESPONSIVE)), ["listening", "answering"]);
});

test("the plan holds the dimensions with a level; the ranking, all: partial ones, then those with no score", () => {
  const partial = results(EN, { delay: "hour", tone: "models" }); // listening unanswered
  assert.deepEqual(ids(planOrder(EN, partial)), ["answering"]);
  assert.deepEqual(ids(needOrder(EN, partial)), ["answering", "listening"]);
  const both = results(EN, { "where-asked": "roughly", delay: "week" }); // listening 50, answering partial 0
  assert.deepEqual(ids(planOrder(EN, both)), ["listening"]);
  assert.deepEqual(ids(needOrder(EN, both)), ["listening", "answering"]); // a level first, then partial
  // a complete dimension whose every answer is "not applicable" has no score: not in the plan
  const weighted = { ...EN, dimensions: [EN.dimensions[0], { ...EN.dimensions[1], questions: [EN.dimensions[1].questions[1]] }] };
  const noScore = results(weighted, { "where-asked": "no-idea", tone: "na" });
  assert.deepEqual(ids(planOrder(weighted, noScore)), ["listening"]);
  assert.deepEqual(ids(needOrder(weighted, noScore)), ["listening", "answering"]);
});

test("the calculation: each dimension's, then the overall's, with the reader's numbers", () => {
  assert.deepEqual(calculationRows(EN, results(EN, FULL), RELIABLE), [
    ["Listening", "100 × 0.5 / 1 = 50 → 50", "Responsive", "80 − 50 = 30"],
    ["Answering", "100 × 1 / 1.5 = 66.67 → 67", "Responsive", "80 − 67 = 13"],
    ["Overall", "(1 × 50 + 2 × 67) / 3 = 61.33 → 61", "Responsive", "80 − 61 = 19"],
  ]);
  assert.deepEqual(calculationRows(EN, results(EN, FULL), SILENT).map((row) => row[3]), ["reached", "reached", "reached"]);
  assert.deepEqual(calculationRows(EN, results(EN, { delay: "hour" })), [
    ["Listening", "–", "partial", "–"],
    ["Answering", "100 × 1 / 1 = 100 → 100", "partial", "–"],
    ["Overall", "(2 × 100) / 2 = 100 → 100", "partial", "–"],
  ]);
  assert.deepEqual(calculationRows(FR, results(FR, FULL))[2], ["Global", "(1 × 50 + 2 × 67) / 3 = 61,33 → 61", "Responsive", "80 − 61 = 19"]);
});
