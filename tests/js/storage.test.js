// storage.test.js: storage.js keeps every tab's changes when tabs write at once. Browsers give each
// tab its own copy of localStorage, which learns of other tabs' writes a little later (then fires a
// `storage` event): tabs are simulated here with such lagging copies, and deliveries in any order.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part, random } = require("./fixtures.js");

const KEY = "/site/.mkdocs-playbooks";

// Storage shared by tabs: writes reach it in order, then each other tab's copy, one by one.
function browser() {
  const tabs = [];
  const queue = []; // [tab, key, value] still to reach that tab's copy
  return {
    tabs,
    queue,
    open(globals = {}) {
      const copy = new Map();
      const tab = { copy };
      const broadcast = (key, value) => {
        for (const other of tabs) if (other !== tab) queue.push([other, key, value]);
      };
      const localStorage = {
        getItem: (key) => (copy.has(key) ? copy.get(key) : null),
        setItem: (key, value) => {
          if (copy.get(key) === value) return;
          copy.set(key, value);
          broadcast(key, value);
        },
        removeItem: (key) => {
          copy.delete(key);
          broadcast(key, null);
        },
      };
      // The page's frames and timers are held (`tab.timers`) until a test runs them (`tab.later`).
      Object.assign(tab, { timers: [], on: {}, notices: [] });
      const page = { localStorage, HTMLScriptElement: class {}, document: { currentScript: null },
        location: { href: "https://example.org/site/playbooks/x/" }, __md_scope: undefined,
        window: { addEventListener: (type, listener) => { tab.on[type] = listener; },
          requestAnimationFrame: (run) => tab.timers.push(run) },
        setTimeout: (run) => tab.timers.push(run), showNotice: (name) => tab.notices.push(name), ...globals };
      const loaded = new Map();
      tab.store = part("storage.js", page, loaded).store;
      Object.assign(tab, part("progress-doc.js", page, loaded)); // the tab's own, as in its page
      tab.tick = (playbook, item, done = true) =>
        tab.store.update((doc) => { tab.ticks(doc, playbook)[item] = { done, at: new Date().toISOString() }; });
      // A reader's answer: written once the page has shown it (`tab.later()`), or as the page hides.
      tab.answer = (question, choice) => tab.store.update((doc) => {
        tab.sheet(doc, "s").answers[question] = { choice, at: new Date().toISOString() };
      }, true);
      tab.later = () => { while (tab.timers.length) for (const run of tab.timers.splice(0)) run(); }; // frame, then task
      tabs.push(tab);
      return tab;
    },
    // Delivers the write waiting at `index` (another tab's copy learns of it and fires `storage`).
    deliver(index = 0) {
      const [tab, key, value] = queue.splice(index, 1)[0];
      if (value === null) tab.copy.delete(key);
      else tab.copy.set(key, value);
      tab.store.changedElsewhere(key);
    },
    settle(rng) {
      while (queue.length) this.deliver(rng ? rng.below(queue.length) : 0);
    },
  };
}

const stored = (tab) => JSON.parse(tab.copy.get(KEY));
const done = (doc, playbook) => Object.entries(doc.playbooks[playbook]?.items ?? {})
  .filter(([, t]) => t.done).map(([item]) => item).sort();

test("the key is the site's: from the script's address, or Material's scope when it is a URL", () => {
  const tab = browser().open({
    document: { currentScript: { src: "https://evil.example/a/b/c.js" } }, // an <img name=…>
    __md_scope: { pathname: "/evil/" }, // an element with id="__md_scope", not Material's scope
  });
  tab.tick("p", "i");
  assert.deepEqual([...tab.copy.keys()], [KEY]); // from the page's address
  const material = browser().open({ __md_scope: new URL("https://example.org/site/") });
  material.tick("p", "i");
  assert.deepEqual([...material.copy.keys()], [KEY]);
});

test("two tabs ticking at once, their copies lagging, keep every tick", () => {
  for (let seed = 1; seed <= 8; seed += 1) {
    const rng = random(seed);
    const world = browser();
    const scope = { __md_scope: new URL("https://example.org/site/") };
    const [a, b] = [world.open(scope), world.open(scope)];
    const items = { a: [], b: [] };
    for (let n = 0; n < 25; n += 1) {
      for (const [name, tab] of [["a", a], ["b", b]]) {
        const item = rng.pick(["constructor", "__proto__", "x"]) + `-${name}-${n}`;
        tab.tick("p", item);
        items[name].push(item);
        // some writes reach the other tab before its next tick, some later, in any order
        while (world.queue.length && rng.next() < 0.4) world.deliver(rng.below(world.queue.length));
      }
    }
    world.settle(rng);
    const all = [...items.a, ...items.b].sort();
    assert.deepEqual(done(stored(a), "p"), all, `seed ${seed}`);
    assert.deepEqual(stored(b), stored(a), `seed ${seed}`);
    assert.deepEqual(done(a.store.read(), "p"), all);
    assert.deepEqual(done(b.store.read(), "p"), all);
  }
});

test("once tabs agree, a storage event writes nothing back", () => {
  const world = browser();
  const [a, b] = [world.open(), world.open()];
  a.tick("p", "i");
  b.tick("p", "j");
  world.settle();
  assert.equal(world.queue.length, 0);
  b.store.changedElsewhere(KEY);
  assert.equal(world.queue.length, 0);
});

test("an untick, a cleared answer and an erase made in another tab are not undone", () => {
  const world = browser();
  const [a, b] = [world.open(), world.open()];
  a.tick("p", "i");
  a.store.update((doc) => { a.sheet(doc, "s").answers.q = { choice: "x", at: new Date(0).toISOString() }; });
  world.settle();
  b.tick("p", "i", false);
  b.store.update((doc) => { b.sheet(doc, "s").answers.q = { choice: "", at: new Date().toISOString() }; });
  world.settle();
  for (const tab of [a, b]) {
    assert.deepEqual(done(tab.store.read(), "p"), []);
    assert.deepEqual({ ...tab.answersOf(tab.sheet(tab.store.read(), "s")) }, {});
  }
  a.tick("p", "k");
  world.settle();
  b.store.reset();
  world.settle();
  assert.equal(a.copy.get(KEY), undefined);
  assert.deepEqual(done(a.store.read(), "p"), []);
  a.tick("p", "after");
  world.settle();
  assert.deepEqual(done(stored(b), "p"), ["after"]);
});

test("a document this version cannot read is left untouched; changes stay in the page", () => {
  const world = browser();
  const tab = world.open();
  tab.copy.set(KEY, '{"format": "mkdocs-playbooks/progress", "version": 2}');
  assert.equal(tab.tick("p", "i"), false);
  assert.equal(tab.store.problem(), "unreadable");
  assert.deepEqual(done(tab.store.read(), "p"), ["i"]);
  assert.equal(tab.copy.get(KEY), '{"format": "mkdocs-playbooks/progress", "version": 2}');
  assert.equal(world.queue.length, 0);
});

test("storage that cannot be used (blocked, full): changes stay in the page, and it says so", () => {
  const refuse = () => { throw new Error("SecurityError"); };
  const blocked = browser().open({ localStorage: { getItem: refuse, setItem: refuse, removeItem: refuse } });
  assert.equal(blocked.tick("p", "i"), false);
  assert.equal(blocked.store.problem(), "unavailable");
  assert.deepEqual(done(blocked.store.read(), "p"), ["i"]);
  blocked.store.reset();
  assert.equal(blocked.store.problem(), "unavailable");
  assert.deepEqual(done(blocked.store.read(), "p"), []);

  const world = browser();
  const full = world.open();
  full.tick("p", "i");
  full.copy.set = refuse; // full: what is stored stays, what is new is not saved
  assert.equal(full.tick("p", "j"), false);
  assert.equal(full.store.problem(), "unavailable");
  assert.deepEqual(done(full.store.read(), "p"), ["i", "j"]);
  assert.deepEqual(done(stored(full), "p"), ["i"]);
});

test("an import that brings nothing writes nothing; one that brings something is saved", () => {
  const tab = browser().open();
  const { parseProgress, emptyProgress, mergeProgress, importNotice } = tab;
  const imported = (parts) => { // as transfer.js imports a file
    const incoming = parseProgress(JSON.stringify({ ...emptyProgress(), ...parts }));
    const taken = mergeProgress(parseProgress(JSON.stringify(tab.store.read())), incoming);
    return importNotice(taken, () => tab.store.update((doc) => mergeProgress(doc, incoming)));
  };
  assert.deepEqual(imported({ assessments: { "not-on-this-site": { answers: {}, attempts: [] } } }),
    ["import-nothing"]);
  assert.equal(tab.copy.has(KEY), false); // nothing written, not even an empty document
  assert.deepEqual(Object.keys(tab.store.read().assessments), []);
  const [notice] = imported({ playbooks: { p: { items: { i: { done: true, at: "2026-11-22T09:15:02Z" } } } } });
  assert.equal(notice, "imported");
  assert.equal(stored(tab).playbooks.p.items.i.done, true);
  assert.deepEqual(Object.keys(stored(tab).assessments), []);
});

const answered = (doc) => Object.keys(doc.assessments.s?.answers ?? {}).sort();

test("an answer is written once the page has shown it; the tab reads it meanwhile, the first one too", () => {
  const world = browser();
  const [tab] = [world.open(), world.open()]; // each write reaches the other's queue
  assert.equal(tab.answer("q1", "x"), true);
  assert.equal(tab.copy.has(KEY), false); // nothing stored yet: not taken for an erased document
  assert.deepEqual(answered(tab.store.read()), ["q1"]);
  tab.answer("q2", "y");
  assert.equal(tab.timers.length, 1); // two answers in one task: one write
  assert.deepEqual(answered(tab.store.read()), ["q1", "q2"]);
  tab.later();
  assert.deepEqual(answered(stored(tab)), ["q1", "q2"]);
  assert.equal(world.queue.length, 1);
  tab.answer("q3", "z");
  tab.tick("p", "i"); // a write now takes the answer put off with it; its timer then writes nothing
  tab.later();
  assert.deepEqual(answered(stored(tab)), ["q1", "q2", "q3"]);
  assert.equal(world.queue.length, 2);
});

test("an answer put off is written as the page is left or hidden, before its timer runs", () => {
  for (const event of ["pagehide", "visibilitychange"]) {
    const world = browser();
    const [tab] = [world.open(), world.open()];
    tab.answer("q1", "x");
    tab.on[event]();
    assert.deepEqual(answered(stored(tab)), ["q1"], event);
    tab.later();
    tab.on[event]();
    assert.equal(world.queue.length, 1, event); // written once
  }
});

test("answers put off in two tabs, their writes and copies in any order, are all kept", () => {
  for (let seed = 1; seed <= 8; seed += 1) {
    const rng = random(seed);
    const world = browser();
    const [a, b] = [world.open(), world.open()];
    const questions = [];
    for (let n = 0; n < 20; n += 1) {
      for (const [name, tab] of [["a", a], ["b", b]]) {
        tab.answer(`q-${name}-${n}`, "x");
        questions.push(`q-${name}-${n}`);
        if (rng.next() < 0.5) tab.later();
        while (world.queue.length && rng.next() < 0.4) world.deliver(rng.below(world.queue.length));
      }
    }
    a.later();
    b.later();
    world.settle(rng);
    assert.deepEqual(answered(stored(a)), questions.sort(), `seed ${seed}`);
    assert.deepEqual(stored(b), stored(a), `seed ${seed}`);
  }
});

test("a reset after an answer put off erases it; a refused write put off says so", () => {
  const world = browser();
  const tab = world.open();
  tab.answer("q1", "x");
  tab.store.reset();
  tab.later();
  assert.equal(tab.copy.has(KEY), false);
  assert.deepEqual(answered(tab.store.read()), []);
  tab.copy.set = () => { throw new Error("QuotaExceededError"); };
  assert.equal(tab.answer("q2", "y"), true);
  assert.deepEqual(tab.notices, []);
  tab.later();
  assert.equal(tab.store.problem(), "unavailable");
  assert.deepEqual(tab.notices, ["unavailable"]);
  assert.deepEqual(answered(tab.store.read()), ["q2"]);
  assert.equal(tab.answer("q3", "z"), false); // from now on, kept in the page only
});
