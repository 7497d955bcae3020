// parity.test.js: the script and the Python reference give the same numbers and the same share
// links. Cases come from tests/js/scoring_cases.py, run with the Python of env PYTHON.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part, python, CONSTANTS } = require("./fixtures.js");

const { score } = part("scoring.js");
const { encode, decode } = part("share.js");

const ASSESSMENTS = JSON.parse(python("-m", "tests.js.scoring_cases"));
const bare = (object) => (object === null ? null : Object.assign(Object.create(null), object));

function sameScore(actual, expected, where) {
  assert.equal(actual.level, expected.level, `${where}: level`);
  if (expected.score === null) assert.equal(actual.score, null, `${where}: score`);
  else {
    const message = `${where}: ${actual.score} ≠ ${expected.score}`;
    assert.ok(Math.abs(actual.score - expected.score) <= 1e-9, message);
  }
}

test("cases cover the demo, the worked example and a weighted assessment", () => {
  assert.deepEqual(ASSESSMENTS.map((a) => a.name), ["demo", "worked", "weighted"]);
  for (const a of ASSESSMENTS) assert.ok(a.cases.length >= 100 && a.hostile.length > 0);
});

test("the page data holds the constants of contract.py (as the tests' fixtures)", () => {
  for (const a of ASSESSMENTS) assert.deepEqual(a.spec.constants, CONSTANTS);
});

for (const { name, spec, cases, hostile } of ASSESSMENTS) {
  test(`${name}: every dimension score, level and the overall equal the reference's`, () => {
    for (const [n, { answers, expected }] of cases.entries()) {
      const result = score(spec, answers);
      const where = `${name} case ${n} ${JSON.stringify(answers)}`;
      assert.deepEqual(Object.keys(result.dimensions), Object.keys(expected.dimensions), where);
      for (const [id, dimension] of Object.entries(expected.dimensions)) {
        sameScore(result.dimensions[id], dimension, `${where} ${id}`);
      }
      sameScore(result.overall, expected.overall, `${where} overall`);
    }
  });

  test(`${name}: share links are those of the reference, and decode alike`, () => {
    for (const { answers, share, decoded } of cases) {
      assert.equal(encode(spec, answers), share, JSON.stringify(answers));
      assert.deepEqual(decode(spec, share), bare(decoded), share);
    }
    for (const { fragment, decoded } of hostile) {
      assert.deepEqual(decode(spec, fragment), bare(decoded), JSON.stringify(fragment));
    }
  });
}
