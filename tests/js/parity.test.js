// parity.test.js: the script and the Python reference show the same numbers, levels and
// completeness (rounding included), export the same result document and make the same share
// links. Cases come from tests/js/scoring_cases.py, run with the Python of env PYTHON.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part, python, CONSTANTS } = require("./fixtures.js");

const { results, resultDocument, levelOf } = part("scoring.js");
const { encodeShare, decodeShare } = part("share.js");

const ASSESSMENTS = JSON.parse(python("-m", "tests.js.scoring_cases"));
const bare = (object) => (object === null ? null : Object.assign(Object.create(null), object));
const plain = (value) => JSON.parse(JSON.stringify(value));
const DIMENSION_FIELDS = ["score", "level", "complete", "answered", "not_applicable", "questions"];
const OVERALL_FIELDS = ["score", "level", "complete", "answered", "questions"];

test("cases cover the demo, the worked example and a weighted assessment, complete at 100 % or less", () => {
  assert.deepEqual(ASSESSMENTS.map((a) => a.name),
    ["demo", "worked", "weighted", "demo-at-60", "weighted-at-33.3"]);
  for (const a of ASSESSMENTS) {
    assert.ok(a.cases.length >= 100 && a.hostile.length > 0);
    assert.ok(a.cases.some((c) => c.expected.complete), `${a.name}: a complete case`);
    assert.ok(a.cases.some((c) => !c.expected.complete && c.expected.score !== null), `${a.name}: a partial one`);
  }
  assert.deepEqual(ASSESSMENTS.map((a) => a.spec.complete_at), [100, 100, 100, 60, 33.3]);
});

test("the page data holds the constants of contract.py (as the tests' fixtures)", () => {
  for (const a of ASSESSMENTS) assert.deepEqual(a.spec.constants, CONSTANTS);
});

test("rounding matters: some cases reach a level by their shown score that their exact one lacks", () => {
  let changed = 0;
  for (const { spec, cases } of ASSESSMENTS) {
    for (const { expected } of cases) {
      for (const d of Object.values(expected.dimensions)) {
        if (d.exact !== null && levelOf(spec.levels, d.exact) !== levelOf(spec.levels, d.score)) changed += 1;
      }
    }
  }
  assert.ok(changed > 0);
});

for (const { name, spec, cases, hostile } of ASSESSMENTS) {
  test(`${name}: every shown score, level, completeness and count equals the reference's`, () => {
    for (const [n, { answers, expected }] of cases.entries()) {
      const shown = results(spec, answers);
      const where = `${name} case ${n} ${JSON.stringify(answers)}`;
      assert.deepEqual(Object.keys(shown.dimensions), Object.keys(expected.dimensions), where);
      for (const [id, dimension] of Object.entries(expected.dimensions)) {
        for (const field of DIMENSION_FIELDS) {
          assert.equal(shown.dimensions[id][field], dimension[field], `${where} ${id} ${field}`);
        }
        assert.ok(dimension.exact === null ? shown.dimensions[id].exact === null
          : Math.abs(shown.dimensions[id].exact - dimension.exact) <= 1e-9, `${where} ${id} exact`);
      }
      for (const field of OVERALL_FIELDS) assert.equal(shown[field], expected[field], `${where} ${field}`);
    }
  });

  test(`${name}: the exported result document is the reference's, key for key`, () => {
    for (const { answers, attempt, document } of cases) {
      const made = plain(resultDocument(spec, answers, attempt));
      assert.deepEqual(made, document, JSON.stringify(answers));
      assert.equal(JSON.stringify(made), JSON.stringify(document)); // in the same order, too
    }
  });

  test(`${name}: share links are those of the reference, and decodeShare alike`, () => {
    for (const { answers, share, decoded } of cases) {
      assert.equal(encodeShare(spec, answers), share, JSON.stringify(answers));
      assert.deepEqual(decodeShare(spec, share), bare(decoded), share);
    }
    for (const { fragment, decoded } of hostile) {
      assert.deepEqual(decodeShare(spec, fragment), bare(decoded), JSON.stringify(fragment));
    }
  });
}
