// words.js: the words the script writes, from the page's templates. "{name}" placeholders filled
// from values; a counted word's singular or plural form ("{count} answer | {count} answers") by
// the rule of i18n.py's `is_singular`, which `words` describes (see contract.py). Pure.
//
// gives: fill, plural

// "{name}" placeholders of a template replaced by `values[name]`.
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => String(values[key]));

// The form of `template` for `count`, filled with `count` and `values`.
function plural(words, template, count, values = {}) {
  const forms = template.split(words.separator);
  const singular = count === 1 || (count === 0 && words.zero);
  return fill(forms[singular ? 0 : forms.length - 1], { count, ...values });
}
