// languages.js: the header's language selector (Material's, on a site built by language) leads to
// this page in each language. Each page gives those addresses (<meta name="mkdocs-playbooks:
// alternate">, see engines/languages.py); Material's instant navigation keeps the header of the
// page first loaded, so they are set again for every page shown, as links loaded whole
// (target _self): instant navigation would draw the other language's page inside this header.
//
// uses dom.js: $, $$
// gives: pointLanguages

function pointLanguages() {
  for (const link of $$(".md-select__link[hreflang]")) {
    const meta = $(`meta[name="mkdocs-playbooks:alternate"][data-hreflang="${link.hreflang}"]`);
    if (meta) link.setAttribute("href", meta.content);
    link.target = "_self";
    link.lang = link.hreflang;
  }
}
