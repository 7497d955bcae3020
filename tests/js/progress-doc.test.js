// progress-doc.test.js: progress-doc.js reads only documents it understands, and merges an
// imported one without losing the newer side of anything; any id is an id. An import takes a
// progress export or a result export (as the progress it holds) and tells a spreadsheet apart.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part } = require("./fixtures.js");

const { PROGRESS_FORMAT, byId, emptyProgress, parseProgress, parseImport, mergeProgress, ticks, sheet, ticksIn, sheetIn, answersOf,
  doneIn, answeredIn, clearSheet, importNotice } = part("progress-doc.js");

const T1 = "2026-01-01T10:00:00.000Z";
const T2 = "2026-01-02T10:00:00.000Z";
const T3 = "2026-01-03T10:00:00.000Z";
const doc = (fields) => JSON.stringify({ format: PROGRESS_FORMAT, version: 1, playbooks: {}, assessments: {}, ...fields });
const plain = (value) => JSON.parse(JSON.stringify(value));

test("a valid document is read, kept exactly", () => {
  const fields = {
    playbooks: { "ecoute-sociale": { items: { lister: { done: true, at: T1 } } } },
    assessments: { maturite: { answers: { veille: { choice: "outille", at: T2 } },
      attempts: [{ taken_at: T3, answers: { veille: "outille", delai: "na" } }], target: "engagement",
      shown: T3 } },
  };
  assert.deepEqual(plain(parseProgress(doc(fields))), { format: PROGRESS_FORMAT, version: 1, ...fields });
  assert.deepEqual(plain(parseProgress(JSON.stringify({ format: PROGRESS_FORMAT, version: 1, playbooks: {} }))),
    plain(emptyProgress())); // written before assessments existed
});

test("foreign, damaged and future documents are refused", () => {
  const refused = [
    "", "{", "null", "[]", "42", '"text"', "{}",
    JSON.stringify({ format: "other", version: 1, playbooks: {} }),
    doc({ version: 2 }), doc({ version: "1" }), doc({ format: "mkdocs-playbooks/result" }),
    doc({ playbooks: null }),
    doc({ playbooks: [] }), doc({ playbooks: { p: {} } }), doc({ playbooks: { p: { items: [] } } }),
    doc({ playbooks: { p: { items: { i: { done: "yes", at: T1 } } } } }),
    doc({ playbooks: { p: { items: { i: { done: true, at: "yesterday" } } } } }),
    doc({ playbooks: { p: { items: { i: { done: true } } } } }),
    doc({ playbooks: { p: { items: { i: null } } } }),
    doc({ assessments: null }), doc({ assessments: { a: { answers: {} } } }),
    doc({ assessments: { a: { answers: { q: { choice: 1, at: T1 } }, attempts: [] } } }),
    doc({ assessments: { a: { answers: {}, attempts: [{ taken_at: T1, answers: { q: 3 } }] } } }),
    doc({ assessments: { a: { answers: {}, attempts: [{ answers: {} }] } } }),
    doc({ assessments: { a: { answers: {}, attempts: [null] } } }),
    doc({ assessments: { a: { answers: {}, attempts: [], target: null } } }),
    doc({ assessments: { a: { answers: {}, attempts: [], shown: true } } }),
  ];
  for (const text of refused) assert.equal(parseProgress(text), null, text);
});

test("ids named like prototype members are read as ids", () => {
  const text = '{"format": "mkdocs-playbooks/progress", "version": 1, "playbooks": {'
    + '"__proto__": {"items": {"constructor": {"done": true, "at": "2026-01-01T10:00:00Z"}}},'
    + '"constructor": {"items": {"__proto__": {"done": false, "at": "2026-01-01T10:00:00Z"}}}},'
    + '"assessments": {"toString": {"answers": {"__proto__": {"choice": "x", "at": "2026-01-01T10:00:00Z"}},'
    + '"attempts": [{"taken_at": "2026-01-01T10:00:00Z", "answers": {"__proto__": "x"}}]}}}';
  const read = parseProgress(text);
  assert.equal(ticks(read, "__proto__").constructor.done, true);
  assert.equal(ticks(read, "constructor").__proto__.done, false);
  assert.equal(sheet(read, "toString").answers.__proto__.choice, "x");
  assert.equal(sheet(read, "toString").attempts[0].answers.__proto__, "x");
  assert.equal(ticks(read, "hasOwnProperty").valueOf, undefined); // a new, empty entry
  assert.equal(JSON.parse(JSON.stringify(read)).playbooks.constructor.items.__proto__.done, false);
  assert.equal({}.constructor, Object); // nothing polluted
});

test("an empty document's entries are created on first use, for any id", () => {
  const fresh = emptyProgress();
  for (const id of ["constructor", "__proto__", "toString"]) {
    ticks(fresh, id)[id] = { done: true, at: T1 };
    sheet(fresh, id).answers[id] = { choice: id, at: T1 };
  }
  assert.deepEqual(Object.keys(fresh.playbooks), ["constructor", "__proto__", "toString"]);
  assert.equal(parseProgress(JSON.stringify(fresh)).playbooks.__proto__.items.__proto__.done, true);
});

test("reading a playbook's ticks or a sheet leaves the document as it is", () => {
  const fresh = emptyProgress();
  assert.deepEqual({ ...ticksIn(fresh, "constructor") }, {});
  assert.deepEqual(sheetIn(fresh, "__proto__").attempts, []);
  assert.deepEqual(plain(fresh), plain(emptyProgress()));
  ticks(fresh, "p").i = { done: true, at: T1 };
  assert.equal(ticksIn(fresh, "p").i.done, true);
});

function sample(tickAt, tickDone, answerAt, choice, attempts, target) {
  const d = emptyProgress();
  ticks(d, "p").i = { done: tickDone, at: tickAt };
  Object.assign(sheet(d, "a"), { attempts, ...(target ? { target } : {}) });
  sheet(d, "a").answers.q = { choice, at: answerAt };
  return d;
}

test("merging: the newest tick and answer win, whichever side they are on", () => {
  const older = () => sample(T1, false, T3, "mine", [], undefined);
  const newer = () => sample(T2, true, T2, "theirs", [], undefined);
  for (const [into, from] of [[older(), newer()], [newer(), older()]]) {
    mergeProgress(into, from);
    assert.deepEqual(ticks(into, "p").i, { done: true, at: T2 });
    assert.deepEqual(sheet(into, "a").answers.q, { choice: "mine", at: T3 });
  }
  const tie = sample(T1, false, T1, "mine", []);
  assert.deepEqual(mergeProgress(tie, sample(T1, true, T1, "theirs", [])),
    { ticks: 0, answers: 0, attempts: 0, targets: 0 });
  assert.equal(ticks(tie, "p").i.done, false); // a tie keeps what is there
});

test("merging: attempts are united, each kept once, in time order; a target is only added", () => {
  const a1 = { taken_at: T1, answers: byId([["q", "x"]]) };
  const a2 = { taken_at: T2, answers: byId([["q", "y"]]) };
  const a3 = { taken_at: T3, answers: byId([["q", "z"]]) };
  const mine = sample(T1, true, T1, "x", [a1, a3], "mine");
  mergeProgress(mine, sample(T1, true, T1, "x", [a3, a2, a1, a2], "theirs"));
  assert.deepEqual(sheet(mine, "a").attempts.map((a) => a.taken_at), [T1, T2, T3]);
  assert.equal(sheet(mine, "a").target, "mine");
  const none = sample(T1, true, T1, "x", []);
  mergeProgress(none, sample(T1, true, T1, "x", [], "theirs"));
  assert.equal(sheet(none, "a").target, "theirs");
  mergeProgress(none, emptyProgress());
  assert.equal(sheet(none, "a").target, "theirs");
});

test("merging adds what only the import has, under any id", () => {
  const incoming = parseProgress(`{"format": "${PROGRESS_FORMAT}", "version": 1,
    "playbooks": {"__proto__": {"items": {"constructor": {"done": true, "at": "${T1}"}}}}}`);
  const mine = emptyProgress();
  assert.deepEqual(mergeProgress(mine, incoming), { ticks: 1, answers: 0, attempts: 0, targets: 0 });
  assert.deepEqual(ticks(mine, "__proto__").constructor, { done: true, at: T1 });
  const again = parseProgress(JSON.stringify(mine)); // an import merged twice
  assert.deepEqual(mergeProgress(again, incoming), { ticks: 0, answers: 0, attempts: 0, targets: 0 });
  assert.deepEqual(plain(again), plain(mine));
});

test("merging says how much of each it took: what is newer or missing, nothing else", () => {
  const mine = sample(T2, true, T2, "x", [{ taken_at: T1, answers: byId() }]);
  const theirs = sample(T1, false, T3, "y", [{ taken_at: T1, answers: byId() },
    { taken_at: T3, answers: byId() }], "engagement");
  ticks(theirs, "p").j = { done: true, at: T1 };
  ticks(theirs, "constructor").constructor = { done: true, at: T1 };
  assert.deepEqual(mergeProgress(mine, theirs), { ticks: 2, answers: 1, attempts: 1, targets: 1 });
  assert.deepEqual(mergeProgress(mine, theirs), { ticks: 0, answers: 0, attempts: 0, targets: 0 });
  assert.deepEqual(mergeProgress(mine, emptyProgress()), { ticks: 0, answers: 0, attempts: 0, targets: 0 });
});

test("a document that only names ids (prototype names included) brings nothing", () => {
  const text = `{"format": "${PROGRESS_FORMAT}", "version": 1, "playbooks": {"__proto__": {"items": {}},
    "constructor": {"items": {}}, "toString": {"items": {}}},
    "assessments": {"__proto__": {"answers": {}, "attempts": []}}}`;
  const mine = sample(T1, true, T1, "x", []);
  assert.deepEqual(mergeProgress(mine, parseProgress(text)), { ticks: 0, answers: 0, attempts: 0, targets: 0 });
  assert.equal({}.constructor, Object);
});

test("a document naming what this one lacks, with nothing in it, adds no entry", () => {
  const mine = emptyProgress();
  const text = `{"format": "${PROGRESS_FORMAT}", "version": 1, "playbooks": {"absent": {"items": {}}},
    "assessments": {"not-on-this-site": {"answers": {}, "attempts": []}}}`;
  assert.deepEqual(mergeProgress(mine, parseProgress(text)), { ticks: 0, answers: 0, attempts: 0, targets: 0 });
  assert.deepEqual(JSON.parse(JSON.stringify(mine)), JSON.parse(JSON.stringify(emptyProgress())));
});

test("hundreds of thousands of attempts are read and merged, in time order, without a stack overflow", () => {
  const count = 200_000;
  const base = Date.parse(T1);
  const attempts = Array.from({ length: count }, (_, n) =>
    ({ taken_at: new Date(base + (count - n) * 1000).toISOString(), answers: { q: "x" } }));
  const incoming = parseProgress(doc({ assessments: { a: { answers: {}, attempts } } }));
  assert.equal(sheet(incoming, "a").attempts.length, count);
  const mine = sample(T1, true, T1, "x", [{ taken_at: T1, answers: byId() }]);
  assert.deepEqual(mergeProgress(mine, incoming), { ticks: 0, answers: 0, attempts: count, targets: 0 });
  const merged = sheet(mine, "a").attempts;
  assert.equal(merged.length, count + 1);
  assert.ok(merged.every((a, n) => n === 0 || merged[n - 1].taken_at <= a.taken_at)); // one ISO form
});

test("a cleared answer is the choice \"\": no answer, yet a change that merges by time", () => {
  const answered = sample(T1, true, T1, "x", []);
  sheet(answered, "a").answers.r = { choice: "y", at: T1 };
  const cleared = sample(T1, true, T2, "", []); // q cleared later, in another tab
  assert.deepEqual({ ...answersOf(sheet(answered, "a")) }, { q: "x", r: "y" });
  mergeProgress(answered, cleared);
  assert.deepEqual({ ...answersOf(sheet(answered, "a")) }, { r: "y" });
  mergeProgress(cleared, sample(T1, true, T1, "x", [])); // the older answer does not come back
  assert.deepEqual({ ...answersOf(sheet(cleared, "a")) }, {});
  assert.equal(parseProgress(JSON.stringify(cleared)).assessments.a.answers.q.choice, ""); // version 1 reads it
  assert.equal(Object.getPrototypeOf(answersOf(sheet(cleared, "a"))), null);
});

test("when results were last asked for (`shown`) is kept, and merged as a target: only added", () => {
  const mine = emptyProgress();
  sheet(mine, "a").shown = "";
  const theirs = emptyProgress();
  sheet(theirs, "a").shown = T2;
  sheet(theirs, "b").shown = T1;
  assert.deepEqual(mergeProgress(mine, theirs), { ticks: 0, answers: 0, attempts: 0, targets: 1 });
  assert.equal(sheet(mine, "a").shown, ""); // cleared here: not brought back
  assert.equal(sheet(mine, "b").shown, T1);
  assert.equal(parseProgress(JSON.stringify(mine)).assessments.b.shown, T1);
});

test("how many of a playbook's items are done, of an assessment's questions answered (a cleared one is not)", () => {
  const d = sample(T1, true, T1, "x", []);
  ticks(d, "p").j = { done: false, at: T1 };
  sheet(d, "a").answers.r = { choice: "", at: T2 };
  const before = plain(d);
  assert.equal(doneIn(d, "p", ["i", "j", "k"]), 1);
  assert.equal(answeredIn(d, "a", ["q", "r", "s"]), 1);
  assert.equal(doneIn(d, "unknown", ["i"]), 0);
  assert.equal(answeredIn(d, "unknown", ["q"]), 0);
  assert.deepEqual(plain(d), before); // counting changes nothing, adds no entry
});

test("a sheet cleared: every answer a cleared one at that time, attempts and target kept, results hidden", () => {
  const attempts = [{ taken_at: T1, answers: byId([["q", "x"]]) }];
  const d = sample(T1, true, T1, "x", attempts, "reliable");
  sheet(d, "a").answers.r = { choice: "y", at: T2 };
  sheet(d, "a").shown = T2;
  clearSheet(sheet(d, "a"), T3);
  assert.deepEqual(plain(sheet(d, "a")), { answers: { q: { choice: "", at: T3 }, r: { choice: "", at: T3 } },
    attempts: plain(attempts), target: "reliable", shown: "" });
  assert.deepEqual({ ...answersOf(sheet(d, "a")) }, {});
});

test("what an import did: nothing new, merged, or merged but not saved", () => {
  const none = { ticks: 0, answers: 0, attempts: 0, targets: 0 };
  const some = { ...none, answers: 2 };
  const saves = [];
  const save = (kept) => () => saves.push(kept) && kept;
  assert.deepEqual(importNotice(none, save(true)), ["import-nothing"]);
  assert.deepEqual(saves, []); // nothing taken: nothing written
  assert.deepEqual(importNotice(some, save(true)), ["imported", some]);
  assert.deepEqual(importNotice(some, save(false)), ["import-unsaved", some]);
  assert.deepEqual(saves, [true, false]);
});

const RESULT = { format: "mkdocs-playbooks/result", version: 2, assessment: "maturite", taken_at: T2,
  answers: { veille: "outille", delai: "na" }, complete: true, answered: 2, questions: 2, dimensions: {},
  overall: { score: 50, level: "presence" } };

test("an import takes a progress export as it is", () => {
  const fields = { playbooks: { p: { items: { i: { done: true, at: T1 } } } } };
  assert.deepEqual(plain(parseImport(doc(fields))), [plain({ ...emptyProgress(), ...fields })]);
});

test("an import takes a result export as the progress it holds: answers as of then, the attempt, results shown", () => {
  const [read] = parseImport(JSON.stringify(RESULT));
  assert.deepEqual(plain(read), { ...plain(emptyProgress()), assessments: { maturite: {
    answers: { veille: { choice: "outille", at: T2 }, delai: { choice: "na", at: T2 } },
    attempts: [{ taken_at: T2, answers: { veille: "outille", delai: "na" } }], shown: T2 } } });
  // a partial result: its answers, no attempt (as `askResults` keeps none); version 1 files too
  for (const partial of [{ ...RESULT, complete: false }, { ...RESULT, version: 1, complete: undefined }]) {
    const [mine] = parseImport(JSON.stringify(partial));
    assert.deepEqual(plain(mine.assessments.maturite.attempts), []);
    assert.equal(answersOf(mine.assessments.maturite).veille, "outille");
  }
  // merged as any import: the newer answer of this browser kept, the attempt added once
  const here = emptyProgress();
  sheet(here, "maturite").answers.veille = { choice: "rien", at: T3 };
  assert.deepEqual(mergeProgress(here, read), { ticks: 0, answers: 1, attempts: 1, targets: 1 });
  assert.deepEqual({ ...answersOf(sheet(here, "maturite")) }, { veille: "rien", delai: "na" });
  assert.deepEqual(mergeProgress(here, parseImport(JSON.stringify(RESULT))[0]), { ticks: 0, answers: 0, attempts: 0, targets: 0 });
});

test("an import refuses any other file, a spreadsheet with its own notice", () => {
  assert.deepEqual(parseImport('"Dimension";"Score"\r\n"Listening";"50"\r\n'), [null, "import-csv"]);
  assert.deepEqual(parseImport('\ufeff"Dimension","Score"\r\n'), [null, "import-csv"]);
  const refused = ["", "{", "<!doctype html>", "null", '"text"', JSON.stringify({ ...RESULT, version: 99 }),
    JSON.stringify({ ...RESULT, format: "other" }), JSON.stringify({ ...RESULT, assessment: 1 }),
    JSON.stringify({ ...RESULT, taken_at: "later" }), JSON.stringify({ ...RESULT, answers: { q: 1 } }),
    JSON.stringify({ ...RESULT, answers: [] }), doc({ version: 2 })];
  for (const text of refused) assert.deepEqual(parseImport(text), [null, "import-failed"], text);
});

test("a result export of version 3 keeps its attempt's id when imported", () => {
  const [read] = parseImport(JSON.stringify({ ...RESULT, version: 3, attempt: "a1b2" }));
  assert.deepEqual(plain(read.assessments.maturite.attempts), [{ id: "a1b2", taken_at: T2, answers: { veille: "outille", delai: "na" } }]);
});

test("the team's fields: attempt ids, rounds and evidence, a participant id; read strictly", () => {
  const fields = {
    respondent: "k3x9abcdefghijklmnop",
    assessments: { maturite: { answers: { veille: { choice: "outille", at: T2 } },
      evidence: { veille: { text: "the weekly review, https://x.example/r", at: T2 } },
      attempts: [{ taken_at: T3, answers: { veille: "outille" }, id: "a1", round: "2026-Q1",
        evidence: { veille: "the weekly review" } }], round: "2026-Q1" } },
  };
  assert.deepEqual(plain(parseProgress(doc(fields))), { format: PROGRESS_FORMAT, version: 1, playbooks: {}, ...fields });
  const refused = [
    doc({ respondent: "" }), doc({ respondent: "has space" }), doc({ respondent: 3 }),
    doc({ assessments: { a: { answers: {}, attempts: [{ taken_at: T1, answers: {}, id: "" }] } } }),
    doc({ assessments: { a: { answers: {}, attempts: [{ taken_at: T1, answers: {}, round: 1 }] } } }),
    doc({ assessments: { a: { answers: {}, attempts: [{ taken_at: T1, answers: {}, evidence: { q: 1 } }] } } }),
    doc({ assessments: { a: { answers: {}, attempts: [], round: null } } }),
    doc({ assessments: { a: { answers: {}, attempts: [], evidence: { q: { text: "x" } } } } }),
    doc({ assessments: { a: { answers: {}, attempts: [], evidence: { q: "x" } } } }),
  ];
  for (const text of refused) assert.equal(parseProgress(text), null, text);
});

test("evidence merges as answers do, the newest wins; a participant id and a round are only added", () => {
  const mine = parseProgress(doc({ assessments: { a: { answers: {}, attempts: [],
    evidence: { q1: { text: "mine", at: T2 }, q2: { text: "old", at: T1 } } } } }));
  const theirs = parseProgress(doc({ respondent: "theirs1", assessments: { a: { answers: {}, attempts: [],
    round: "R2", evidence: { q1: { text: "older", at: T1 }, q2: { text: "newer", at: T3 }, q3: { text: "new", at: T1 } } } } }));
  const taken = mergeProgress(mine, theirs);
  assert.deepEqual(plain(sheet(mine, "a").evidence), { q1: { text: "mine", at: T2 }, q2: { text: "newer", at: T3 },
    q3: { text: "new", at: T1 } });
  assert.equal(taken.answers, 2);
  assert.equal(mine.respondent, "theirs1");
  assert.equal(sheet(mine, "a").round, "R2");
  const other = parseProgress(doc({ respondent: "other22" }));
  mergeProgress(mine, other);
  assert.equal(mine.respondent, "theirs1"); // a browser keeps its participant id
});

test("clearing a sheet clears the evidence with the answers, and keeps the round", () => {
  const mine = sheet(emptyProgress(), "a");
  mine.answers.q = { choice: "x", at: T1 };
  mine.evidence = byId([["q", { text: "note", at: T1 }]]);
  mine.round = "R1";
  clearSheet(mine, T2);
  assert.deepEqual(plain(mine.evidence), { q: { text: "", at: T2 } });
  assert.equal(mine.round, "R1");
});
