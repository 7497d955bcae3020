// assessment-state.test.js: assessment-state.js reads the page's data, and keeps the page's state
// when the same assessment is drawn again (not when another is).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part, WORKED } = require("./fixtures.js");

const { readSpec, carriedOver } = part("assessment-state.js");

test("the page's data is read as JSON; anything else is no assessment", () => {
  assert.deepEqual(readSpec(JSON.stringify(WORKED)), WORKED);
  for (const text of ["", "{", "<b>x</b>", undefined]) assert.equal(readSpec(text), null, String(text));
});

test("the same assessment drawn again keeps one-at-a-time and its current dimension; another starts afresh", () => {
  const was = { spec: WORKED, one: true, current: "answering" };
  assert.deepEqual(carriedOver(was, structuredClone(WORKED)), { same: true, one: true, current: "answering" });
  const other = { ...WORKED, id: "other", dimensions: [{ id: "first" }] };
  assert.deepEqual(carriedOver(was, other), { same: false, one: false, current: "first" });
  assert.deepEqual(carriedOver({ spec: null, one: false, current: null }, WORKED), { same: false, one: false, current: "listening" });
  assert.deepEqual(carriedOver(was, null), { same: false, one: false, current: undefined }); // a page without one
});
