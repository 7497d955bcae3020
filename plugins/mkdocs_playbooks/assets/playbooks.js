// mkdocs-playbooks: checklist progress kept in this browser (localStorage), never lost.
// Vanilla ES2020, no dependency. Nothing read from storage or files is inserted as HTML.
(() => {
  "use strict";

  const FORMAT = "mkdocs-playbooks/progress";
  const VERSION = 1;
  const script = document.currentScript;
  const siteRoot = typeof __md_scope !== "undefined"
    ? __md_scope // Material's scope: one key per site, as Material's own settings
    : new URL("../..", script ? script.src : location.href);
  const KEY = `${siteRoot.pathname}.mkdocs-playbooks`;

  const empty = () => ({ format: FORMAT, version: VERSION, playbooks: {} });
  const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);
  const isTick = (tick) => isObject(tick) && typeof tick.done === "boolean"
    && typeof tick.at === "string" && !Number.isNaN(Date.parse(tick.at));

  // A progress document, or null when `value` is not one this version understands.
  function parse(text) {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch {
      return null;
    }
    if (!isObject(doc) || doc.format !== FORMAT || doc.version !== VERSION) return null;
    if (!isObject(doc.playbooks)) return null;
    for (const playbook of Object.values(doc.playbooks)) {
      if (!isObject(playbook) || !isObject(playbook.items)) return null;
      if (!Object.values(playbook.items).every(isTick)) return null;
    }
    return doc;
  }

  // The stored document; `problem` says why it cannot be used ("unavailable" or "unreadable").
  function read() {
    let text;
    try {
      text = localStorage.getItem(KEY);
    } catch {
      return { doc: empty(), problem: "unavailable" };
    }
    if (text === null) return { doc: empty(), problem: null };
    const doc = parse(text);
    return doc ? { doc, problem: null } : { doc: empty(), problem: "unreadable" };
  }

  let memory = null; // used instead of storage when storage cannot be used
  let problem = null;

  function current() {
    if (memory) return memory;
    const stored = read();
    problem = stored.problem;
    if (problem) memory = stored.doc;
    return stored.doc;
  }

  // Re-reads, changes and writes the document, so that another tab's changes are kept.
  function update(change) {
    const doc = current();
    change(doc);
    if (memory) return;
    try {
      localStorage.setItem(KEY, JSON.stringify(doc));
    } catch {
      problem = "unavailable";
      memory = doc;
    }
  }

  const ticks = (doc, playbook) => (doc.playbooks[playbook] || { items: {} }).items;

  function merge(doc, incoming) {
    for (const [playbook, entry] of Object.entries(incoming.playbooks)) {
      const items = ticks(doc, playbook);
      for (const [item, tick] of Object.entries(entry.items)) {
        const known = items[item];
        if (!known || Date.parse(tick.at) > Date.parse(known.at)) items[item] = tick;
      }
      doc.playbooks[playbook] = { ...doc.playbooks[playbook], items };
    }
  }

  // ---- the page -------------------------------------------------------------------------------

  const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));

  function showNotice(name) {
    for (const notice of $$(`[data-pb-notice="${name}"]`)) notice.hidden = false;
  }

  function render() {
    const doc = current();
    for (const box of $$("input.pb-check")) {
      const list = box.closest("[data-pb-playbook]");
      const tick = list && ticks(doc, list.dataset.pbPlaybook)[box.dataset.pbItem];
      box.checked = Boolean(tick && tick.done);
    }
    for (const bar of $$("[data-pb-progress]")) {
      const items = bar.dataset.pbItems.split(" ").filter(Boolean);
      const saved = ticks(doc, bar.dataset.pbProgress);
      const done = items.filter((item) => saved[item] && saved[item].done).length;
      bar.setAttribute("aria-valuenow", String(done));
      bar.setAttribute("aria-valuemax", String(items.length));
      bar.setAttribute("aria-valuetext", `${done} / ${items.length}`);
      bar.style.setProperty("--pb-done", items.length ? String(done / items.length) : "0");
      bar.querySelector(".pb-progress-text").textContent = `${done} / ${items.length}`;
      bar.hidden = false;
    }
    for (const part of $$("[data-pb-needs-script]")) part.hidden = false;
    if (problem) showNotice(problem);
  }

  function announce(box) {
    const list = box.closest("[data-pb-play]");
    const bar = list && document.querySelector(
      `[data-pb-progress-of="play"][data-pb-play="${CSS.escape(list.dataset.pbPlay)}"]`);
    const live = document.querySelector(".pb-live");
    if (bar && live) live.textContent = `${bar.getAttribute("aria-label")} ${bar.getAttribute("aria-valuetext")}`;
  }

  function onChange(event) {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.matches("input.pb-check")) return;
    const list = box.closest("[data-pb-playbook]");
    if (!list) return;
    update((doc) => {
      const items = ticks(doc, list.dataset.pbPlaybook);
      items[box.dataset.pbItem] = { done: box.checked, at: new Date().toISOString() };
      doc.playbooks[list.dataset.pbPlaybook] = { ...doc.playbooks[list.dataset.pbPlaybook], items };
    });
    render();
    announce(box);
  }

  function exportProgress() {
    const blob = new Blob([JSON.stringify(current(), null, 2)], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `playbooks-progress-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  async function importProgress(input) {
    const file = input.files && input.files[0];
    input.value = "";
    if (!file) return;
    const incoming = file.size < 5_000_000 ? parse(await file.text()) : null;
    if (!incoming) {
      showNotice("import-failed");
      return;
    }
    update((doc) => merge(doc, incoming));
    render();
    showNotice("imported");
  }

  function resetProgress(button) {
    if (!window.confirm(button.dataset.pbConfirm)) return;
    try {
      localStorage.removeItem(KEY);
      memory = null;
      problem = null;
    } catch {
      memory = empty();
    }
    for (const notice of $$("[data-pb-notice]")) notice.hidden = true;
    render();
    showNotice("reset");
  }

  function onClick(event) {
    const button = event.target instanceof Element && event.target.closest("[data-pb-action]");
    if (!button) return;
    if (button.dataset.pbAction === "export") exportProgress();
    if (button.dataset.pbAction === "reset") resetProgress(button);
  }

  function onImport(event) {
    if (event.target instanceof HTMLInputElement && event.target.matches("[data-pb-import]")) {
      importProgress(event.target);
    }
  }

  // Listeners live on `document`, bound once: pages swapped by instant navigation reuse them.
  document.addEventListener("change", onChange);
  document.addEventListener("change", onImport);
  document.addEventListener("click", onClick);
  window.addEventListener("storage", (event) => {
    if (event.key === KEY || event.key === null) {
      if (!memory || problem === "unreadable") {
        memory = null;
        problem = null;
      }
      render();
    }
  });

  if (typeof document$ !== "undefined") {
    document$.subscribe(render); // Material: each page, instant navigation included
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", render);
  } else {
    render();
  }
})();
