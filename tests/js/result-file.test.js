// result-file.test.js: result-file.js makes the file of a result: named after the assessment and a
// stamp, the result document as JSON, or as CSV (a row per dimension, then the overall) in the
// page language's dialect; clock.js gives the time and the stamp.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part, pageData } = require("./fixtures.js");

const { resultDocument } = part("scoring.js");
const TAKEN = "2026-01-02T12:00:00.000Z";
const clock = { now: () => TAKEN, stamp: () => "2026-01-02-1300-k3x9" };
const { resultFile } = part("result-file.js", clock);
const { now, stamp } = part("clock.js");

const EN = pageData("worked", "en");
const FR = pageData("worked", "fr");
const FULL = { "where-asked": "roughly", delay: "day", tone: "na" };
const ATTEMPT = { id: "a1", taken_at: "2026-01-01T09:00:00.000Z", round: "2026-Q1", respondent: "r1",
  evidence: { delay: "the log, https://x.example/log" } };

test("as JSON: the result document of the attempt, exported now", () => {
  const [name, type, text] = resultFile(EN, FULL, "json", ATTEMPT);
  assert.deepEqual([name, type], ["worked-2026-01-02-1300-k3x9.json", "application/json"]);
  const expected = resultDocument(EN, FULL, { ...ATTEMPT, exported_at: TAKEN });
  assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(expected)));
  assert.deepEqual([JSON.parse(text).taken_at, JSON.parse(text).exported_at], [ATTEMPT.taken_at, TAKEN]);
});

test("as CSV: a byte order mark, a row per dimension and the overall, in the page's language and dialect", () => {
  const [name, type, text] = resultFile(EN, FULL, "csv", ATTEMPT);
  assert.deepEqual([name, type], ["worked-2026-01-02-1300-k3x9.csv", "text/csv"]);
  assert.equal(text, "\ufeff"
    + '"Dimension","Score","Level","Complete","Answered","Questions"\r\n'
    + '"Listening","50","Responsive","yes","1","1"\r\n'
    + '"Answering","50","Responsive","yes","2","2"\r\n'
    + '"Overall","50","Responsive","yes","3","3"\r\n');
  const french = resultFile(FR, { delay: "day" }, "csv", ATTEMPT)[2].split("\r\n");
  assert.equal(french[0], '\ufeff"Dimension";"Score";"Niveau";"Complet";"Réponses";"Questions"');
  assert.equal(french[1], '"Listening";"";"";"non";"0";"1"');
  assert.equal(french[3], '"Global";"50";"";"non";"1";"3"');
  const complete = resultFile(FR, FULL, "csv", ATTEMPT)[2].split("\r\n");
  assert.equal(complete[3], '"Global";"50";"Responsive";"oui";"3";"3"');
});

test("the clock: a change's time in UTC, a file's stamp from the local time and a random part", () => {
  assert.match(now(), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  assert.ok(Math.abs(Date.parse(now()) - Date.now()) < 60_000);
  const pad = (n) => String(n).padStart(2, "0");
  const today = () => { const d = new Date(); return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`; };
  const before = today();
  const made = stamp();
  assert.match(made, /^\d{4}-\d\d-\d\d-\d{4}-[0-9a-z]{1,4}$/);
  assert.ok([before, today()].includes(made.slice(0, 10)), made); // the local date, not UTC's
});
