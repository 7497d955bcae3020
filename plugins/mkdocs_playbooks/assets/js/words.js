// words.js: the words the script writes, from the page's data. "{name}" placeholders filled from
// values; a counted word's form for its count by the page language's plural rule (a counted string
// is its forms by CLDR category, `{one, other}`, see contract.py: `Intl.PluralRules` here, Babel
// in i18n.py); numbers in the page's language (`Intl.NumberFormat`). Pure.
//
// gives: fill, plural, t, number, outOf

// "{name}" placeholders of a template replaced by `values[name]`.
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));

// One number format and one plural rule per language, made once: each costs a millisecond.
const intl = new Map();
const once = (kind, lang) => intl.get(kind + lang)
  ?? intl.set(kind + lang, new Intl[kind](lang, { maximumFractionDigits: 2 })).get(kind + lang);
const number = (spec, value) => once("NumberFormat", spec.words.lang).format(value);

// The form of `template` for `count` (forms by plural category, or one for every count), filled
// with `count` (written as the language writes numbers) and `values`.
function plural(spec, template, count, values = {}) {
  const form = template.other === undefined ? template
    : template[once("PluralRules", spec.words.lang).select(count)] ?? template.other;
  // A number is formatted only where the form shows it: formatting is most of what a text costs.
  return fill(form, { count: form.includes("{count}") && number(spec, count), ...values });
}

// A string of an assessment's data (`spec.strings`), filled; the form for `n` where it has forms.
const t = (spec, key, values, n = 1) => plural(spec, spec.strings[key], n, values);

// How many of a whole are done: "3 / 5".
const outOf = (done, all) => `${done} / ${all}`;
