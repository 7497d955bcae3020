// results-view.test.js: results-view.js on the worked example's page data: what the results say
// (overall, what is left, each card, the radar's data), what each piece is drawn from, and that a
// piece is drawn again only when that changed.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part, pageData } = require("./fixtures.js");

const { results } = part("scoring.js");
const { resultsView, sendResultsAgain, changed, overallText, leftToAnswer, cardText, chartData, drawnFrom } =
  part("results-view.js");

const EN = pageData("worked", "en");
const FULL = { "where-asked": "roughly", delay: "day", tone: "na" }; // 50, 50: 50, responsive
const PARTIAL = { delay: "day" };

test("a results view starts with nothing drawn; the same page drawn again keeps what was said and sent", () => {
  const advice = new Map([["listening silent", "advice"]]);
  const view = resultsView(advice, ["fixed"], null);
  assert.deepEqual({ ...view, pieces: [...view.pieces] },
    { advice, fixed: ["fixed"], pieces: [], said: "", sent: "" });
  view.pieces.set("", ["[]", null]);
  Object.assign(view, { said: "Overall: 50", sent: "{}" });
  const again = resultsView(new Map(), [], view);
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
  pieces.get("card")[1] = ["nodes"];
  assert.equal(changed(pieces, "card", [3, "a"]), true);
  assert.deepEqual(pieces.get("card")[1], ["nodes"]); // its nodes kept, to be replaced
});

test("the overall line: score and level; while partial, what is answered; before any answer, so", () => {
  assert.equal(overallText(EN, results(EN, FULL)), "Overall: 50 / 100, level Responsive");
  assert.equal(overallText(EN, results(EN, PARTIAL)), "Partial result: 50 / 100, from 1 answer to 3 questions");
  assert.equal(overallText(EN, results(EN, {})), "No answer yet.");
});

test("what is left to answer, per dimension not complete", () => {
  assert.deepEqual(leftToAnswer(EN, results(EN, PARTIAL)).map(([d, text]) => [d.id, text]),
    [["listening", "Listening: 1 question"], ["answering", "Answering: 1 question"]]);
  assert.deepEqual(leftToAnswer(EN, results(EN, FULL)), []);
});

test("a card: its line (a link to the questions while some are left), the next level, what it counts", () => {
  const r = results(EN, FULL);
  assert.deepEqual(cardText(EN, r.dimensions.answering), { line: "50 / 100, level Responsive", link: false,
    next: EN.levels[2], counted: "2 answers, 1 of them not applicable" });
  const partial = results(EN, PARTIAL);
  assert.deepEqual(cardText(EN, partial.dimensions.answering), { line: "Partial: 50 / 100, 1 question left before its level",
    link: true, next: null, counted: "1 answer" });
  assert.deepEqual(cardText(EN, partial.dimensions.listening), { line: "Not answered yet: 1 question to answer",
    link: true, next: null, counted: "0 answers" });
  const top = results(EN, { "where-asked": "everywhere", delay: "hour", tone: "models" });
  assert.equal(cardText(EN, top.dimensions.listening).next, undefined); // the highest level
});

test("the radar's data: the dimensions' labels, one series per result, its label", () => {
  assert.deepEqual(chartData(EN, [results(EN, FULL), results(EN, PARTIAL)]), {
    titles: [["Listening"], ["Answering"]], series: [[50, 50], [null, 50]],
    label: "Radar of the scores per dimension (the cards give the same values)" });
});

test("what each piece is drawn from: an answer that changes one dimension changes its card alone", () => {
  const before = drawnFrom(EN, results(EN, FULL), "");
  const after = drawnFrom(EN, results(EN, { ...FULL, "where-asked": "everywhere" }), "");
  const same = (key) => JSON.stringify(before[key]) === JSON.stringify(after[key]);
  assert.deepEqual(["overall", "chart", "plan"].map(same), [false, false, false]);
  assert.deepEqual(before.cards.map((c, k) => JSON.stringify(c) === JSON.stringify(after.cards[k])), [false, true]);
  const target = drawnFrom(EN, results(EN, FULL), "reliable"); // a target changes the goals drawn
  assert.deepEqual(["overall", "chart", "plan"].map((key) => JSON.stringify(before[key]) === JSON.stringify(target[key])),
    [false, true, false]);
  // while partial, an answer that changes neither score nor what is left still changes the count
  const one = drawnFrom(EN, results(EN, PARTIAL), "");
  const two = drawnFrom(EN, results(EN, { ...PARTIAL, tone: "models" }), "");
  assert.notDeepEqual(one.overall, two.overall);
});
