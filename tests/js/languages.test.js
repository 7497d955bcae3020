// languages.test.js: languages.js points each link of the header's language selector at the
// address the page gives for its language, as a link loaded whole, in that language.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part } = require("./fixtures.js");

// A link of Material's selector, as far as languages.js reads and writes it.
const link = (hreflang, href) => {
  const attributes = { href };
  return { hreflang, attributes, setAttribute: (name, value) => { attributes[name] = value; } };
};

// The page: its selector's links and its <meta> tags, found by the selectors languages.js uses.
function page(links, metas) {
  const $$ = (selector) => (selector === ".md-select__link[hreflang]" ? links : []);
  const $ = (selector) => {
    const wanted = /^meta\[name="mkdocs-playbooks:alternate"\]\[data-hreflang="([^"]+)"\]$/.exec(selector);
    assert.ok(wanted, selector);
    return metas[wanted[1]] === undefined ? null : { content: metas[wanted[1]] };
  };
  return part("languages.js", { $, $$ });
}

test("each language's link leads to the page's version in it, loaded whole", () => {
  const links = [link("fr", "../../"), link("en", "../../en/")];
  page(links, { fr: "./", en: "../../en/playbooks/x/" }).pointLanguages();
  assert.deepEqual(links.map((l) => [l.attributes.href, l.target, l.lang]),
    [["./", "_self", "fr"], ["../../en/playbooks/x/", "_self", "en"]]);
});

test("a page that gives no address (the theme's 404 page) keeps the selector's", () => {
  const links = [link("fr", "/site/"), link("en", "/site/en/")];
  page(links, {}).pointLanguages();
  assert.deepEqual(links.map((l) => [l.attributes.href, l.target]),
    [["/site/", "_self"], ["/site/en/", "_self"]]);
});

test("no selector (another theme, a site in one language): nothing to do", () => {
  assert.doesNotThrow(() => page([], { fr: "./" }).pointLanguages());
});
