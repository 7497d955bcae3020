// words.js: the words the script writes, from the page's data. "{name}" placeholders filled from
// values; a counted word's singular or plural form ("{count} answer | {count} answers") by the rule
// of i18n.py's `is_singular`, which `words` describes (see contract.py); numbers in the page's
// language. Pure.
//
// gives: fill, plural, t, number, outOf

// "{name}" placeholders of a template replaced by `values[name]`.
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));

// The form of `template` for `count`, filled with `count` and `values`.
function plural(words, template, count, values = {}) {
  const forms = template.split(words.separator);
  const singular = count === 1 || (count === 0 && words.zero);
  return fill(forms[singular ? 0 : forms.length - 1], { count, ...values });
}

// A string of an assessment's data (`spec.strings`), filled; the form for `n` where it has a
// singular and a plural.
const t = (spec, key, values, n = 1) => plural(spec.words, spec.strings[key], n, values);

// One formatter per language: `toLocaleString` makes one at each call, a millisecond per answer.
const formats = new Map();
const number = (spec, value) => (formats.get(spec.words.lang) ?? formats.set(spec.words.lang,
  new Intl.NumberFormat(spec.words.lang, { maximumFractionDigits: 2 })).get(spec.words.lang)).format(value);

// How many of a whole are done: "3 / 5".
const outOf = (done, all) => `${done} / ${all}`;
