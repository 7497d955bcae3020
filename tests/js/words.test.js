// words.test.js: words.js fills templates and picks the plural form for a count as i18n.py does
// (Intl's plural rules and Babel's are CLDR's), for every counted string the assessment script
// writes, in English, French and German; numbers in the page's language.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part, python } = require("./fixtures.js");

const { fill, plural, t, number, outOf } = part("words.js");

const COUNTS = [0, 1, 2, 5, 21, 1000, 1000000];
const VALUES = { answered: 7, total: 9, score: 42, level: "L", min: 50, title: "T", left: "2 x" };

// For each language: the page's `words`, every script string, and Python's `Strings.plural` of it.
const REFERENCE = JSON.parse(python("-c", `import json
from mkdocs_playbooks.output.contract import SCRIPT_STRINGS, assessment_data
from mkdocs_playbooks.output.i18n import Strings
from tests.js.scoring_cases import assessments
values = ${JSON.stringify(VALUES)}
out = {}
for language in ("en", "fr", "fr-CA", "de"):
    t = Strings(language)
    data = assessment_data(assessments()["worked"], t)
    out[language] = {"words": data["words"], "strings": data["strings"], "forms": {
        key.split(".", 1)[1]: {n: t.plural(key, n, **values) for n in ${JSON.stringify(COUNTS)}}
        for key in SCRIPT_STRINGS if isinstance(data["strings"][key.split(".", 1)[1]], dict)}}
print(json.dumps(out, ensure_ascii=False))`));

test("placeholders are filled from values, others left as they are named", () => {
  assert.equal(fill("{a} and {b}", { a: 1, b: "two" }), "1 and two");
  assert.equal(fill("{missing}", {}), "undefined");
});

test("each language's plural rule: French puts 0 and 1 in the singular, English 1 only", () => {
  const en = { words: { lang: "en" } };
  const fr = { words: { lang: "fr" } };
  const forms = { one: "{count} answer", other: "{count} answers" };
  assert.deepEqual([0, 1, 2].map((n) => plural(en, forms, n)), ["0 answers", "1 answer", "2 answers"]);
  assert.deepEqual([0, 1, 2].map((n) => plural(fr, forms, n)), ["0 answer", "1 answer", "2 answers"]);
  assert.equal(plural(fr, forms, 1000000), "1\u202f000\u202f000 answers"); // "many": the other form
  assert.equal(plural(en, "{count} / {total} answered", 3, { total: 4 }), "3 / 4 answered"); // one form
  const arabic = { zero: "z", one: "o", two: "t", few: "f", many: "m", other: "x" };
  assert.deepEqual([0, 1, 2, 3, 11, 100].map((n) => plural({ words: { lang: "ar" } }, arabic, n)),
    ["z", "o", "t", "f", "m", "x"]);
});

for (const [language, { words, strings, forms }] of Object.entries(REFERENCE)) {
  test(`${language}: every counted string takes the form i18n.py gives it`, () => {
    assert.ok(Object.keys(forms).length >= 7, Object.keys(forms).join());
    for (const [key, byCount] of Object.entries(forms)) {
      for (const n of COUNTS) {
        assert.equal(plural({ words }, strings[key], n, VALUES), byCount[n], `${key} ${n}`);
      }
    }
  });
}

test("the spreadsheet dialect follows the site's language", () => {
  assert.equal(REFERENCE.fr.words.csv, ";");
  assert.equal(REFERENCE.en.words.csv, ",");
  assert.equal(REFERENCE.de.words.csv, ";");
});

test("an assessment's string by its key, filled, in the form for its count", () => {
  const spec = { words: REFERENCE.en.words, strings: REFERENCE.en.strings };
  assert.equal(t(spec, "left", {}, 1), "1 question");
  assert.equal(t(spec, "left", {}, 4), "4 questions");
  assert.equal(t(spec, "left_in", { title: "Listening", left: "2 questions" }), "Listening: 2 questions");
  const fr = { words: REFERENCE.fr.words, strings: REFERENCE.fr.strings };
  assert.equal(t(fr, "left", {}, 0), "0 question");
});

test("numbers in the page's language, at most two decimals; a count out of a whole", () => {
  const spec = (lang) => ({ words: { lang } });
  assert.deepEqual([0.5, 66.666666, 1500].map((n) => number(spec("en"), n)), ["0.5", "66.67", "1,500"]);
  assert.deepEqual([0.5, 66.666666].map((n) => number(spec("fr"), n)), ["0,5", "66,67"]);
  assert.equal(number(spec("en"), 2), "2"); // each language's format made once, then the same
  assert.equal(outOf(3, 5), "3 / 5");
});
