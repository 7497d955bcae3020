// csv.test.js: csv.js quotes every cell and neutralises what a spreadsheet would run as a formula.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part } = require("./fixtures.js");

const { csvCell, csvText } = part("csv.js");

test("text that starts a formula gets a leading quote (OWASP: =, +, -, @, tab, carriage return)", () => {
  const formulas = ['=HYPERLINK("https://evil.example","x")', "+1+1", "-2+3", "@SUM(A1:A2)",
    "\t=1", "\r=1", "=", "=cmd|' /C calc'!A0"];
  for (const text of formulas) {
    assert.equal(csvCell(text), `"'${text.replace(/"/g, '""')}"`, JSON.stringify(text));
  }
});

test("other text and numbers are kept as they are, quoted, quotes doubled", () => {
  assert.equal(csvCell("Écoute"), '"Écoute"');
  assert.equal(csvCell('say "hi", then = go'), '"say ""hi"", then = go"');
  assert.equal(csvCell(" =not at the start"), '" =not at the start"');
  assert.equal(csvCell("a\nb"), '"a\nb"');
  assert.equal(csvCell(33.5), '"33.5"');
  assert.equal(csvCell(0), '"0"');
  assert.equal(csvCell(-1), '"-1"'); // a number, not text a spreadsheet would run
  assert.equal(csvCell(null), '""');
  assert.equal(csvCell(undefined), '""');
});

test("rows end with CRLF, cells are separated by commas", () => {
  assert.equal(csvText([["dimension", "title"], ["d", "=1+1"], ["overall", null]]),
    '"dimension","title"\r\n"d","\'=1+1"\r\n"overall",""\r\n');
  assert.equal(csvText([]), "");
});

test("where spreadsheets use the decimal comma, cells are separated by semicolons", () => {
  assert.equal(csvText([["dimension", "score"], ["d", 67]], ";"), '"dimension";"score"\r\n"d";"67"\r\n');
});
