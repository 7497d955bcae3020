// bundle.test.js: the script as served (assets.py's `script_bundle()`) compiles, names each thing
// once, sets no global and waits for the page; each pure part loads alone, touching no page.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { python, SCRIPT_DIR } = require("./fixtures.js");

const { parts, bundle } = JSON.parse(python("-c", `import json
from mkdocs_playbooks.output.assets import SCRIPT_PARTS, script_bundle
print(json.dumps({"parts": SCRIPT_PARTS, "bundle": script_bundle()}))`));
const source = (name) => fs.readFileSync(path.join(SCRIPT_DIR, name), "utf8");
const isPure = (name) => source(name).includes("module.exports");

test("every part is served, each says its one job first", () => {
  const files = fs.readdirSync(SCRIPT_DIR).filter((f) => f.endsWith(".js"));
  assert.deepEqual([...parts].sort(), files.sort());
  for (const name of parts) {
    assert.match(source(name), new RegExp(`^// ${name.replace(".", "\\.")}: \\S`), name);
  }
});

test("top-level names are declared once across the parts (they share one scope)", () => {
  const seen = new Map();
  for (const name of parts) {
    const declarations = source(name).matchAll(/^(?:async )?(?:function|const|let|var|class) (\w+)/gm);
    for (const [, declared] of declarations) {
      assert.ok(!seen.has(declared), `${declared} in ${name} and ${seen.get(declared)}`);
      seen.set(declared, name);
    }
  }
});

function fakePage({ protocol = "http:", material = false } = {}) {
  const listeners = [];
  const target = (name) => ({ addEventListener: (type) => listeners.push(`${name}:${type}`) });
  const document = { ...target("document"), readyState: "loading",
    currentScript: { src: `${protocol}//example.org/site/assets/playbooks/playbooks.js` } };
  const location = { protocol, href: `${protocol}//example.org/site/` };
  const context = { document, window: target("window"), location, URL, HTMLScriptElement: class {} };
  if (material) context.document$ = { subscribe: () => listeners.push("document$") };
  return { listeners, context };
}

const BOUND = ["document:change", "document:click", "window:storage"];

test("the bundle runs in its own scope and starts once the page is ready", () => {
  const { listeners, context } = fakePage();
  const before = Object.getOwnPropertyNames(context).sort();
  vm.runInNewContext(bundle, context, { filename: "playbooks.js" });
  assert.deepEqual(Object.getOwnPropertyNames(context).sort(), before); // no global set
  assert.deepEqual(listeners, [...BOUND, "document:DOMContentLoaded"]);
});

test("with Material, it starts on each page of instant navigation, but from files on load", () => {
  const served = fakePage({ material: true });
  vm.runInNewContext(bundle, served.context);
  assert.deepEqual(served.listeners, [...BOUND, "document$"]);
  const fromDisk = fakePage({ material: true, protocol: "file:" });
  vm.runInNewContext(bundle, fromDisk.context);
  assert.deepEqual(fromDisk.listeners, [...BOUND, "document:DOMContentLoaded"]);
});

test("page content named like Material's globals is not taken for them", () => {
  for (const clobbered of [{}, { subscribe: "not a function" }, null]) {
    const page = fakePage();
    page.context.document$ = clobbered; // as an element with id="document$" would be
    page.context.__md_scope = { pathname: "/evil/" }; // as <a id="__md_scope" href=…> would be
    vm.runInNewContext(bundle, page.context);
    assert.deepEqual(page.listeners, [...BOUND, "document:DOMContentLoaded"]);
  }
});

test("pure parts load alone, with no page, no storage and no other part", () => {
  const pure = parts.filter(isPure);
  assert.deepEqual(pure, ["words.js", "progress-doc.js", "scoring.js", "share.js", "radar.js", "csv.js"]);
  for (const name of pure) {
    const module = { exports: {} };
    vm.runInNewContext(source(name), { module, TextEncoder }, { filename: name });
    assert.ok(Object.keys(module.exports).length > 0, name);
  }
});
