// share.test.js: share.js round trips generated answers and strictly refuses anything else
// (the fuzz corpus of tests/browser/test_hostile.py, mutated links, foreign fingerprints).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part, WORKED, PROTOTYPE_NAMED, random, questionsOf, randomAnswers } = require("./fixtures.js");

const { fingerprint, isShareFragment, encodeShare, decodeShare } = part("share.js");

const PAYLOADS = [
  '<script>alert("script")</script>', '<img src=x onerror=alert("img")>', '<svg onload=alert("svg")>',
  '"><script>alert("attribute")</script>', "'><img src=x onerror=alert('quote')>",
  '[lien](javascript:alert("markdown-link"))', "<a href=\"javascript:alert('a')\">a</a>",
  "<iframe src=\"javascript:alert('iframe')\"></iframe>", '<details open ontoggle=alert("details")>x</details>',
  "</label></li></ul><script>alert('close')</script>", "<style>body{display:none}</style>",
  "{{ 7*7 }} ${alert('template')} <%= 7 %>", '<math><mtext><table><mglyph><style><img src=x onerror=alert("mxss")>',
  "javascript:alert('plain')",
];

const GARBAGE = Array.from("0123456789abcdefghijklmnopqrstuvwxyz_-.%#&=<>\"'/\\ éあ😀\u202e\0");
const garbage = (rng) => Array.from({ length: rng.below(80) }, () => rng.pick(GARBAGE)).join("");

// What a link can hold of `answers`: valid choices, and `na` where allowed.
function canonical(spec, answers) {
  const kept = Object.create(null);
  for (const q of questionsOf(spec)) {
    const answer = Object.prototype.hasOwnProperty.call(answers, q.id) ? answers[q.id] : undefined;
    if ((answer === "na" && q.na) || q.choices.some((c) => c.id === answer)) kept[q.id] = answer;
  }
  return kept;
}

const wide = (count) => ({ ...WORKED, id: "wide", dimensions: [{ id: "d", title: "D", weight: 1,
  questions: Array.from({ length: count }, (_, n) => ({ id: `q${n}`, weight: 1, na: false,
    choices: [{ id: "a", score: 0 }, { id: "b", score: 1 }] })) }] });

test("a link is the version, the fingerprint and one character per question", () => {
  const link = encodeShare(WORKED, { "where-asked": "everywhere", tone: "na", bogus: "x" });
  assert.equal(link, `#pb1.${fingerprint(WORKED)}.2-_`);
  assert.match(fingerprint(WORKED), /^[0-9a-z]{1,7}$/);
  assert.ok(isShareFragment(WORKED, link));
  assert.ok(!isShareFragment(WORKED, "#pb-sources"));
});

test("generated answer sets come back from their link", () => {
  const rng = random(7);
  for (const spec of [WORKED, PROTOTYPE_NAMED]) {
    for (let n = 0; n < 300; n += 1) {
      const answers = randomAnswers(spec, rng);
      if (rng.next() < 0.3) answers[rng.pick(["bogus", "constructor", "toString"])] = rng.pick(["na", "x"]);
      const decoded = decodeShare(spec, encodeShare(spec, answers));
      assert.deepEqual(decoded, canonical(spec, answers)); // both without prototype
    }
  }
});

test("the fuzz corpus is refused", () => {
  const rng = random(11);
  const fragments = [
    ...Array.from({ length: 300 }, () => `#pb1.${garbage(rng)}`),
    ...PAYLOADS.map((p) => `#pb1.x.${p}`),
    ...PAYLOADS.map((p) => `#pb1.${fingerprint(WORKED)}.${p}`),
    ...Array.from({ length: 300 }, () => `#pb1.${garbage(rng)}.${garbage(rng)}`),
    ...Array.from({ length: 300 }, () => `#pb1.${fingerprint(WORKED)}.${garbage(rng)}`)
      .filter((fragment) => !/\.[0-2_-][0-2-][01_-]$/.test(fragment)), // not a valid code by chance
    "#pb1.zzzz.0000", "#pb1.", "#pb1.abc.<img src=x onerror=alert(1)>", "", "#", "#pb1..",
    `#pb1.${fingerprint(WORKED)}.9999999999999999999999`, `#pb1.${fingerprint(WORKED)}.0000`,
    `#pb1.${fingerprint(WORKED)}.00`, `#pb1.${fingerprint(WORKED)}.999`, `#pb1.${fingerprint(WORKED)}._00`,
    `#pb1.${fingerprint(WORKED)}.${"0".repeat(2001)}`, `#pb1.${fingerprint(WORKED)}.`,
  ];
  for (const fragment of fragments) {
    assert.equal(decodeShare(WORKED, fragment), null, JSON.stringify(fragment));
  }
});

// A character that question `q` cannot hold.
function invalidFor(q, rng) {
  const valid = [...WORKED.constants.share.alphabet.slice(0, q.choices.length), "-", ...(q.na ? ["_"] : [])];
  return rng.pick([...GARBAGE, "A", "Z", "."].filter((ch) => !valid.includes(ch)));
}

test("a valid link with one character changed, added or removed is refused", () => {
  const rng = random(13);
  for (let n = 0; n < 500; n += 1) {
    const link = encodeShare(WORKED, randomAnswers(WORKED, rng));
    const at = link.length - 3 + rng.below(3);
    const q = questionsOf(WORKED)[at - (link.length - 3)];
    const mutated = [
      link.slice(0, at) + invalidFor(q, rng) + link.slice(at + 1),
      link + rng.pick(["0", "-", "_"]),
      link.slice(0, -1),
      link.replace(".", rng.pick([".x", "", ".."])),
    ];
    for (const fragment of mutated) assert.equal(decodeShare(WORKED, fragment), null, fragment);
  }
});

test("a link from another version of the assessment is refused", () => {
  const link = encodeShare(WORKED, { "where-asked": "roughly", delay: "day" });
  const edited = (change) => {
    const spec = structuredClone(WORKED);
    change(spec);
    return spec;
  };
  const edits = [
    edited((spec) => { spec.id = "other"; }),
    edited((spec) => { spec.dimensions.reverse(); }),
    edited((spec) => { spec.dimensions[1].questions[1].na = false; }),
    edited((spec) => { spec.dimensions[0].questions[0].choices.push({ id: "new", score: 3 }); }),
    edited((spec) => { spec.dimensions[0].questions[0].choices[0].id = "renamed"; }),
  ];
  for (const spec of edits) {
    assert.notEqual(fingerprint(spec), fingerprint(WORKED));
    assert.equal(decodeShare(spec, link), null);
  }
});

test("at the limit, every link made is opened; past it, no link is made", () => {
  const limit = WORKED.constants.share.max_questions;
  const rng = random(17);
  for (const count of [1, limit - 1, limit]) {
    const spec = wide(count);
    for (let n = 0; n < 5; n += 1) {
      const answers = randomAnswers(spec, rng);
      const link = encodeShare(spec, answers);
      assert.equal(link.length, `#pb1.${fingerprint(spec)}.`.length + count);
      assert.deepEqual(decodeShare(spec, link), canonical(spec, answers));
    }
  }
  const tooMany = wide(limit + 1);
  const all = Object.fromEntries(questionsOf(tooMany).map((q) => [q.id, "b"]));
  assert.equal(encodeShare(tooMany, all), null);
  assert.equal(encodeShare(tooMany, {}), null);
  assert.equal(decodeShare(tooMany, `#pb1.${fingerprint(tooMany)}.${"1".repeat(limit + 1)}`), null);
});

test("a choice past the alphabet makes no link, rather than one the page refuses", () => {
  const spec = { ...WORKED, constants: { ...WORKED.constants, share: {
    ...WORKED.constants.share, alphabet: "01" } } };
  assert.equal(encodeShare(spec, { "where-asked": "everywhere" }), null); // its third choice
  const link = encodeShare(spec, { "where-asked": "roughly", tone: "na" });
  assert.deepEqual({ ...decodeShare(spec, link) }, { "where-asked": "roughly", tone: "na" });
});

test("with answers of any kind, every link made is one the page opens", () => {
  const rng = random(19);
  for (const spec of [WORKED, PROTOTYPE_NAMED, wide(40)]) {
    for (let n = 0; n < 200; n += 1) {
      const answers = randomAnswers(spec, rng);
      for (const q of questionsOf(spec)) if (rng.next() < 0.1) answers[q.id] = rng.pick(["na", "", "bogus", "0"]);
      const link = encodeShare(spec, answers);
      assert.notEqual(link, null);
      assert.deepEqual(decodeShare(spec, link), canonical(spec, answers));
    }
  }
});

test("characters and limits come from the page's constants", () => {
  const spec = { ...WORKED, constants: { ...WORKED.constants, share: {
    version: "v9", alphabet: "ABC", not_applicable: "n", unanswered: "u", max_questions: 3 } } };
  const link = encodeShare(spec, { "where-asked": "everywhere", tone: "na" });
  assert.equal(link, `#v9.${fingerprint(spec)}.Cun`);
  assert.deepEqual({ ...decodeShare(spec, link) }, { "where-asked": "everywhere", tone: "na" });
  assert.equal(decodeShare(spec, link.replace("#v9", "#pb1")), null);
});
