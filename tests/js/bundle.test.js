// bundle.test.js: the script as served (assets.py's `script_bundle()`) compiles, names each thing
// once, sets no global and waits for the page; each part that needs no page loads alone.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const vm = require("node:vm");
const { python, SCRIPT_DIR, source, header, part } = require("./fixtures.js");

const { parts, pure, bundle } = JSON.parse(python("-c", `import json
from mkdocs_playbooks.output.assets import script_bundle, script_parts
from tests.js.script_logic import page_parts, read_code
parts = script_parts()
print(json.dumps({"parts": [[p.name, p.uses, p.gives] for p in parts], "bundle": script_bundle(),
                  "pure": [p.name for p in parts if p.name not in page_parts(map(read_code, parts))]}))`));
const names = parts.map(([name]) => name);

test("every part is served, each says its one job first", () => {
  const files = fs.readdirSync(SCRIPT_DIR).filter((f) => f.endsWith(".js"));
  assert.deepEqual([...names].sort(), files.sort());
  for (const name of names) {
    assert.match(source(name), new RegExp(`^// ${name.replace(".", "\\.")}: \\S`), name);
  }
});

test("the tests read each part's header as the bundler does", () => {
  for (const [name, uses, gives] of parts) assert.deepEqual(header(name), { uses, gives }, name);
});

test("top-level names are declared once across the parts (they share one scope)", () => {
  const seen = new Map();
  for (const name of names) {
    const declarations = source(name).matchAll(/^(?:async )?(?:function|const|let|var|class) ([\w$]+)/gm);
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

const BOUND = ["window:pagehide", "window:visibilitychange", // storage.js: a write put off, done
  "document:change", "document:click", "window:storage"];

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

test("a part that needs no page loads alone, with just what it uses, and gives what it says", () => {
  assert.ok(pure.length >= 5, pure);
  for (const name of pure) {
    const given = part(name);
    assert.deepEqual(Object.keys(given), header(name).gives, name);
    for (const [key, value] of Object.entries(given)) assert.notEqual(value, undefined, `${name}: ${key}`);
  }
});
