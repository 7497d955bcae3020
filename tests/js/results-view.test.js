// results-view.test.js: results-view.js on the worked example's page data: what the results say
// (overall, the score so far, what is left, each dimension's line, the radar's data), what each
// piece is drawn from, and that a piece is drawn again only when that changed.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part, pageData } = require("./fixtures.js");

const { results } = part("scoring.js");
const { resultsView, sendResultsAgain, changed, overallText, soFarText, leftToAnswer, scoreText, scoreLines,
  chartData, drawnFrom } = part("results-view.js");

const EN = pageData("worked", "en");
const FR = pageData("worked", "fr");
const FULL = { "where-asked": "roughly", delay: "day", tone: "na" }; // 50, 50: 50, responsive
const PARTIAL = { delay: "day" };

test("a results view starts with nothing drawn; the same page drawn again keeps what was said and sent", () => {
  const advice = new Map([["listening silent", "advice"]]);
  const view = resultsView(advice, null);
  assert.deepEqual({ ...view, pieces: [...view.pieces] }, { advice, pieces: [], said: "", sent: "" });
  view.pieces.set("", ["[]", null]);
  Object.assign(view, { said: "Overall: 50", sent: "{}" });
  const again = resultsView(new Map(), view);
  assert.deepEqual([again.said, again.sent, again.pieces.size], ["Overall: 50", "{}", 0]);
  sendResultsAgain(again);
  assert.equal(again.sent, "");
});

test("a piece is drawn again only when what it is drawn from changed", () => {
  const pieces = new Map();
  assert.equal(changed(pieces, "card", [1, "a"]), true); // never drawn
  assert.equal(changed(pieces, "card", [1, "a"]), false);
  assert.equal(changed(pieces, "other", [1, "a"]), true); // each piece on its own
  assert.equal(changed(pieces, "card", [2, "a"]), true);
  assert.equal(changed(pieces, "card", [2, "a"]), false); // what it was last drawn from is remembered
  assert.equal(changed(pieces, "other", [1, "a"]), false);
});

test("the overall line: score and level; while partial, how much is answered, not the score; before any answer, so", () => {
  assert.equal(overallText(EN, results(EN, FULL)), "Overall: 50 / 100, level Responsive");
  assert.equal(overallText(EN, results(EN, PARTIAL)), "1 of 3 answered: a partial result, no level yet");
  assert.equal(overallText(FR, results(FR, { ...PARTIAL, tone: "na" })), "2 réponses sur 3 : résultat partiel, pas encore de niveau");
  assert.equal(overallText(EN, results(EN, {})), "No answer yet.");
});

test("a partial result's score is said to be one; a complete one, or none, has no such line", () => {
  assert.equal(soFarText(EN, results(EN, PARTIAL)), "Score so far, from this answer alone: 50 / 100");
  assert.equal(soFarText(EN, results(EN, { ...PARTIAL, tone: "models" })), "Score so far, from these 2 answers alone: 67 / 100");
  assert.equal(soFarText(EN, results(EN, FULL)), "");
  assert.equal(soFarText(EN, results(EN, {})), "");
  assert.equal(soFarText(EN, results(EN, { tone: "na" })), ""); // answered, but nothing that scores
});

test("what is left to answer, per dimension not complete", () => {
  assert.deepEqual(leftToAnswer(EN, results(EN, PARTIAL)).map(([d, text]) => [d.id, text]),
    [["listening", "Listening: 1 question"], ["answering", "Answering: 1 question"]]);
  assert.deepEqual(leftToAnswer(EN, results(EN, FULL)), []);
});

test("a dimension's line: its score and level, or its score so far, said to be partial", () => {
  assert.equal(scoreText(EN, results(EN, FULL).dimensions.answering), "50 / 100 · Responsive");
  assert.equal(scoreText(EN, results(EN, PARTIAL).dimensions.answering), "Partial: 50 / 100");
  assert.equal(scoreText(FR, results(FR, PARTIAL).dimensions.answering), "Partiel : 50 / 100");
});

test("the list of scores: those with a score, ranked by need, each bar as long as its score is of 100", () => {
  const lines = (answers, target) => scoreLines(EN, results(EN, answers), target)
    .map(({ d, text, length, partial }) => [d.id, text, length, partial]);
  assert.deepEqual(lines({ "where-asked": "everywhere", delay: "week", tone: "models" }), [
    ["answering", "33 / 100 · Silent", "33%", false], ["listening", "100 / 100 · Reliable", "100%", false]]);
  assert.deepEqual(lines(PARTIAL), [["answering", "Partial: 50 / 100", "50%", true]]); // listening: no score
  assert.deepEqual(lines({}), []);
  assert.deepEqual(lines(FULL, EN.levels[2]).map(([id]) => id), ["answering", "listening"]); // 50, 50: the heavier
});

test("the radar's data: the dimensions' labels, one series per result, its label", () => {
  assert.deepEqual(chartData(EN, [results(EN, FULL), results(EN, PARTIAL)]), {
    titles: [["Listening"], ["Answering"]], series: [[50, 50], [null, 50]],
    label: "Radar of the scores per dimension (the bars give the same values)" });
});

test("what each piece is drawn from: the scores in their order of need; a target changes the goals, not the scores", () => {
  const before = drawnFrom(EN, results(EN, FULL), "");
  const after = drawnFrom(EN, results(EN, { ...FULL, "where-asked": "everywhere" }), "");
  const same = (a, b) => ["overall", "scores", "chart", "plan"].map((key) => JSON.stringify(a[key]) === JSON.stringify(b[key]));
  assert.deepEqual(same(before, after), [false, false, false, false]);
  assert.deepEqual(before.scores.map(([id]) => id), ["answering", "listening"]); // 50, 50: the heavier first
  assert.deepEqual(after.scores, [["answering", "50 / 100 · Responsive"], ["listening", "100 / 100 · Reliable"]]);
  const target = drawnFrom(EN, results(EN, FULL), "reliable"); // a target changes the goals drawn
  assert.deepEqual(same(before, target), [false, true, true, false]);
  const reached = drawnFrom(EN, results(EN, { "where-asked": "roughly", delay: "hour", tone: "models" }), "responsive");
  assert.deepEqual(reached.scores.map(([id]) => id), ["listening", "answering"]); // 50 (reached), 100
  // while partial, an answer that changes neither score nor what is left still changes the count
  const one = drawnFrom(EN, results(EN, PARTIAL), "");
  const two = drawnFrom(EN, results(EN, { ...PARTIAL, tone: "models" }), "");
  assert.notDeepEqual(one.overall, two.overall);
});
