// mkdocs-playbooks: checklist progress and self-assessments, kept in this browser (localStorage).
// Vanilla ES2020, no dependency. Nothing read from storage, files or links is inserted as HTML.
(() => {
  "use strict";

  const FORMAT = "mkdocs-playbooks/progress";
  const RESULT = "mkdocs-playbooks/result";
  const script = document.currentScript;
  const siteRoot = typeof __md_scope !== "undefined"
    ? __md_scope // Material's scope: one key per site, as Material's own settings
    : new URL("../..", script ? script.src : location.href);
  const KEY = `${siteRoot.pathname}.mkdocs-playbooks`;

  const empty = () => ({ format: FORMAT, version: 1, playbooks: {}, assessments: {} });
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  const isTime = (v) => typeof v === "string" && !Number.isNaN(Date.parse(v));
  const all = (object, test) => isObject(object) && Object.values(object).every(test);
  const isTick = (t) => isObject(t) && typeof t.done === "boolean" && isTime(t.at);
  const isAnswer = (a) => isObject(a) && typeof a.choice === "string" && isTime(a.at);
  const isAttempt = (a) => isObject(a) && isTime(a.taken_at)
    && all(a.answers, (c) => typeof c === "string");
  const isSheet = (s) => isObject(s) && all(s.answers, isAnswer)
    && Array.isArray(s.attempts) && s.attempts.every(isAttempt)
    && (s.target === undefined || typeof s.target === "string");

  // A progress document, or null when `text` is not one this version understands.
  function parse(text) {
    let doc;
    try {
      doc = JSON.parse(text);
    } catch {
      return null;
    }
    if (!isObject(doc) || doc.format !== FORMAT || doc.version !== 1) return null;
    doc.assessments = doc.assessments ?? {};
    const ok = all(doc.playbooks, (p) => all(p.items, isTick)) && all(doc.assessments, isSheet);
    return ok ? doc : null;
  }

  let memory = null; // used instead of storage when storage cannot be used
  let problem = null; // "unavailable" or "unreadable"

  function current() {
    if (memory) return memory;
    let text;
    try {
      text = localStorage.getItem(KEY);
    } catch {
      problem = "unavailable";
      return (memory = empty());
    }
    const doc = text === null ? empty() : parse(text);
    if (doc) return doc;
    problem = "unreadable"; // left untouched: new changes live in this page only
    return (memory = empty());
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

  const ticks = (doc, id) => (doc.playbooks[id] ??= { items: {} }).items;
  const sheet = (doc, id) => (doc.assessments[id] ??= { answers: {}, attempts: [] });
  const newer = (a, b) => !b || Date.parse(a) > Date.parse(b);

  function merge(doc, incoming) {
    for (const [id, entry] of Object.entries(incoming.playbooks)) {
      const items = ticks(doc, id);
      for (const [item, tick] of Object.entries(entry.items)) {
        if (newer(tick.at, items[item]?.at)) items[item] = tick;
      }
    }
    for (const [id, entry] of Object.entries(incoming.assessments)) {
      const mine = sheet(doc, id);
      for (const [question, answer] of Object.entries(entry.answers)) {
        if (newer(answer.at, mine.answers[question]?.at)) mine.answers[question] = answer;
      }
      const seen = new Set(mine.attempts.map((a) => a.taken_at));
      mine.attempts.push(...entry.attempts.filter((a) => !seen.has(a.taken_at)));
      mine.attempts.sort((a, b) => Date.parse(a.taken_at) - Date.parse(b.taken_at));
      mine.target ??= entry.target;
    }
  }

  // ---- page helpers --------------------------------------------------------------------------

  const $ = (selector, root = document) => root.querySelector(selector);
  const $$ = (selector, root = document) => Array.from(root.querySelectorAll(selector));
  const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, k) => String(values[k]));

  function make(tag, attributes = {}, ...children) {
    const svg = ["svg", "polygon", "line", "text", "title"].includes(tag);
    const node = svg ? document.createElementNS("http://www.w3.org/2000/svg", tag)
      : document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children); // strings become text nodes, never HTML
    return node;
  }

  function showNotice(name, shown = true) {
    for (const notice of $$(`[data-pb-notice="${name}"]`)) notice.hidden = !shown;
  }

  function download(name, type, text) {
    const link = make("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  }

  const today = () => new Date().toISOString().slice(0, 10);

  // ---- checklists and progress ---------------------------------------------------------------

  function renderProgress(doc) {
    for (const box of $$("input.pb-check")) {
      const list = box.closest("[data-pb-playbook]");
      box.checked = Boolean(list && ticks(doc, list.dataset.pbPlaybook)[box.dataset.pbItem]?.done);
    }
    for (const bar of $$("[data-pb-progress]")) {
      const items = bar.dataset.pbItems.split(" ").filter(Boolean);
      const id = bar.dataset.pbProgress;
      const done = bar.dataset.pbProgressOf === "assessment"
        ? items.filter((q) => sheet(doc, id).answers[q]).length
        : items.filter((item) => ticks(doc, id)[item]?.done).length;
      const text = `${done} / ${items.length}`;
      bar.setAttribute("aria-valuenow", String(done));
      bar.setAttribute("aria-valuetext", text);
      bar.style.setProperty("--pb-done", String(items.length ? done / items.length : 0));
      $(".pb-progress-text", bar).textContent = text;
      bar.hidden = false;
    }
    for (const link of $$("a[data-pb-items]")) { // recommended plays: their checklist progress
      const items = link.dataset.pbItems.split(" ").filter(Boolean);
      const done = items.filter((item) => ticks(doc, link.dataset.pbPlaybook)[item]?.done).length;
      const note = link.nextElementSibling?.matches(".pb-play-progress")
        ? link.nextElementSibling : link.insertAdjacentElement("afterend", make("span", { class: "pb-play-progress" }));
      note.textContent = items.length ? ` (${done} / ${items.length})` : "";
    }
  }

  function onTick(box) {
    const list = box.closest("[data-pb-playbook]");
    if (!list) return;
    update((doc) => {
      ticks(doc, list.dataset.pbPlaybook)[box.dataset.pbItem] = {
        done: box.checked, at: new Date().toISOString(),
      };
    });
    render();
    const play = list.dataset.pbPlay;
    const bar = $$('[data-pb-progress-of="play"]').find((b) => b.dataset.pbPlay === play);
    const live = $(".pb-live");
    if (bar && live) live.textContent = `${bar.getAttribute("aria-label")} ${bar.getAttribute("aria-valuetext")}`;
  }

  // ---- self-assessment -----------------------------------------------------------------------

  let spec = null; // the assessment of this page, from its JSON data
  let shared = null; // answers opened from a share link: shown, never saved
  let showResults = false;

  function score(answers) {
    const levelOf = (v) => (v === null ? null : spec.levels.filter((l) => l.min <= v).pop()?.id ?? null);
    const dimensions = {};
    let total = 0;
    let weights = 0;
    for (const d of spec.dimensions) {
      let points = 0;
      let weight = 0;
      let answered = 0;
      let na = 0;
      for (const q of d.questions) {
        if (answers[q.id] === "na" && q.na) na += 1;
        const choice = q.choices.find((c) => c.id === answers[q.id]);
        if (!choice) continue;
        points += q.weight * (choice.score / Math.max(...q.choices.map((c) => c.score)));
        weight += q.weight;
        answered += 1;
      }
      const value = weight ? (100 * points) / weight : null;
      dimensions[d.id] = { score: value, level: levelOf(value), answered, na };
      if (value !== null) {
        total += d.weight * value;
        weights += d.weight;
      }
    }
    const overall = weights ? total / weights : null;
    return { dimensions, overall: { score: overall, level: levelOf(overall) } };
  }

  const questions = () => spec.dimensions.flatMap((d) => d.questions);
  const ownAnswers = (doc) => Object.fromEntries(
    Object.entries(sheet(doc, spec.id).answers).map(([q, a]) => [q, a.choice]));
  const answersNow = (doc) => shared ?? ownAnswers(doc);
  const levelTitle = (id) => spec.levels.find((l) => l.id === id)?.title ?? "–";
  const round = (v) => (v === null ? "–" : String(Math.round(v)));

  function resultDocument(answers, takenAt) {
    const result = score(answers);
    const dimensions = Object.fromEntries(Object.entries(result.dimensions)
      .map(([id, d]) => [id, { score: d.score, level: d.level }]));
    return { format: RESULT, version: 1, assessment: spec.id, taken_at: takenAt,
      answers, dimensions, overall: result.overall };
  }

  // Share links: "#pb1.<fingerprint>.<one character per question>", decoded strictly.
  function fingerprint() {
    const text = spec.dimensions.map((d) => d.questions.map((q) =>
      `${q.id}:${q.choices.map((c) => c.id).join(",")}${q.na ? "!" : ""}`).join(";")).join("|");
    let hash = 0x811c9dc5;
    for (const ch of new TextEncoder().encode(`${spec.id}/${text}`)) {
      hash = Math.imul(hash ^ ch, 0x01000193) >>> 0;
    }
    return hash.toString(36);
  }

  function encode(answers) {
    const code = questions().map((q) => {
      if (answers[q.id] === "na" && q.na) return "_";
      const index = q.choices.findIndex((c) => c.id === answers[q.id]);
      return index < 0 ? "-" : index.toString(36);
    }).join("");
    return `#pb1.${fingerprint()}.${code}`;
  }

  function decode(hash) {
    const match = /^#pb1\.([0-9a-z]{1,7})\.([0-9a-z_-]{1,2000})$/.exec(hash);
    const list = questions();
    if (!match || match[1] !== fingerprint() || match[2].length !== list.length) return null;
    const answers = {};
    for (const [n, q] of list.entries()) {
      const ch = match[2][n];
      if (ch === "_" && q.na) answers[q.id] = "na";
      else if (/[0-9a-z]/.test(ch) && parseInt(ch, 36) < q.choices.length) {
        answers[q.id] = q.choices[parseInt(ch, 36)].id;
      } else if (ch !== "-") return null;
    }
    return answers;
  }

  function radar(series) {
    const n = spec.dimensions.length;
    const point = (i, v) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / n;
      const r = (110 * Math.max(0, Math.min(v ?? 0, 100))) / 100;
      return `${(160 + r * Math.cos(angle)).toFixed(1)},${(160 + r * Math.sin(angle)).toFixed(1)}`;
    };
    const shape = (values, cls) => make("polygon", { class: cls,
      points: spec.dimensions.map((d, i) => point(i, values(d))).join(" ") });
    const svg = make("svg", { class: "pb-radar", viewBox: "-50 -10 420 340", role: "img",
      "aria-label": spec.strings.radar });
    for (const ring of [25, 50, 75, 100]) svg.append(shape(() => ring, "pb-ring"));
    spec.dimensions.forEach((d, i) => {
      const [x, y] = point(i, 100).split(",");
      const [tx, ty] = point(i, 120).split(",");
      svg.append(make("line", { class: "pb-axis", x1: 160, y1: 160, x2: x, y2: y }),
        make("text", { x: tx, y: ty, "text-anchor": "middle" }, d.title));
    });
    series.forEach((result, k) => svg.append(
      shape((d) => result.dimensions[d.id].score, `pb-series pb-series-${k}`)));
    return svg;
  }

  function table(heads, rows) {
    return make("div", { class: "pb-table" }, make("table", {},
      make("thead", {}, make("tr", {}, ...heads.map((h) => make("th", { scope: "col" }, h)))),
      make("tbody", {}, ...rows.map(([head, ...cells]) =>
        make("tr", {}, make("th", { scope: "row" }, head), ...cells.map((c) => make("td", {}, c)))))));
  }

  function renderResults(doc) {
    const answers = answersNow(doc);
    const result = score(answers);
    const s = spec.strings;
    const target = spec.levels.find((l) => l.id === sheet(doc, spec.id).target);
    $(".pb-results").classList.add("pb-has-results"); // printed with the questionnaire
    $(".pb-results-body").replaceChildren(
      make("p", { class: "pb-overall" }, result.overall.score === null ? s.no_answer
        : fill(s.overall, { score: round(result.overall.score), level: levelTitle(result.overall.level) })),
      table([s.dimension, s.score, s.level, s.gap, s.how], spec.dimensions.map((d) => {
        const r = result.dimensions[d.id];
        const gap = !target || r.score === null ? "–"
          : r.score >= target.min ? s.reached : `−${Math.ceil(target.min - r.score)}`;
        return [d.title, round(r.score), levelTitle(r.level), gap,
          r.score === null ? s.no_answer : fill(s.explain, r)];
      })),
      radar([result]),
    );
    for (const block of $$(".pb-recommendations")) { // advice for the dimension's level only
      const level = result.dimensions[block.dataset.pbDimension]?.level;
      for (const advice of $$(".pb-recommendation", block)) {
        advice.hidden = level !== null && advice.dataset.pbLevel !== level;
      }
    }
  }

  function renderHistory(doc) {
    const attempts = sheet(doc, spec.id).attempts;
    const box = $(".pb-history");
    box.hidden = attempts.length === 0;
    if (!attempts.length) return;
    const pickers = $$("[data-pb-compare]", box);
    for (const [k, picker] of pickers.entries()) { // by default, the last two attempts
      const kept = picker.dataset.count === String(attempts.length) && picker.value;
      picker.replaceChildren(...attempts.map((a, n) => make("option", { value: String(n) },
        fill(spec.strings.attempt, { date: a.taken_at.slice(0, 16).replace("T", " ") }))));
      picker.value = kept || String(Math.max(0, attempts.length - 2 + k));
      picker.dataset.count = String(attempts.length);
    }
    const chosen = pickers.map((p) => attempts[Number(p.value)]);
    const results = chosen.map((a) => score(a.answers));
    const known = new Set(questions().map((q) => q.id));
    const changed = chosen.map((a) => ({
      gone: Object.keys(a.answers).filter((q) => !known.has(q)).length,
      new: [...known].filter((q) => !(q in a.answers)).length,
    })).filter((c) => c.gone || c.new);
    const s = spec.strings;
    $(".pb-compare-body", box).replaceChildren(
      ...changed.slice(0, 1).map((c) => make("p", { class: "pb-notice" }, fill(s.changed, c))),
      table([s.dimension, "A", "B"], spec.dimensions.map((d) => [d.title,
        ...results.map((r) => `${round(r.dimensions[d.id].score)} (${levelTitle(r.dimensions[d.id].level)})`)])),
      radar(results),
    );
  }

  function renderAssessment(doc) {
    const answers = answersNow(doc);
    for (const q of questions()) {
      for (const radio of $$(`input[name="pb-answer-${CSS.escape(q.id)}"]`)) {
        radio.checked = radio.value === answers[q.id];
      }
    }
    const count = questions().filter((q) => answers[q.id]).length;
    const counter = $("[data-pb-answered]");
    counter.textContent = fill(spec.strings.answered, { count, total: questions().length });
    $("[data-pb-target]").value = sheet(doc, spec.id).target ?? "";
    if (showResults || shared) renderResults(doc);
    renderHistory(doc);
  }

  function onAnswer(radio) {
    const question = radio.closest("[data-pb-question]")?.dataset.pbQuestion;
    if (shared) shared[question] = radio.value;
    else update((doc) => { sheet(doc, spec.id).answers[question] = { choice: radio.value, at: new Date().toISOString() }; });
    render();
  }

  function seeResults() {
    showResults = true;
    const doc = current();
    const answers = answersNow(doc);
    if (!shared && questions().every((q) => answers[q.id])) { // a completed attempt: kept
      update((d) => {
        const attempts = sheet(d, spec.id).attempts;
        const last = attempts[attempts.length - 1];
        if (!last || JSON.stringify(last.answers) !== JSON.stringify(answers)) {
          attempts.push({ taken_at: new Date().toISOString(), answers });
        }
      });
    }
    render();
  }

  function exportResult(kind) {
    const doc = current();
    const result = resultDocument(answersNow(doc), new Date().toISOString());
    if (kind === "json") {
      download(`${spec.id}-${today()}.json`, "application/json", JSON.stringify(result, null, 2));
      return;
    }
    const quote = (v) => `"${String(v ?? "").replace(/"/g, '""')}"`;
    const rows = [["dimension", "title", "score", "level"], ...spec.dimensions.map((d) =>
      [d.id, d.title, result.dimensions[d.id].score, result.dimensions[d.id].level]),
    ["overall", "", result.overall.score, result.overall.level]];
    download(`${spec.id}-${today()}.csv`, "text/csv", `${rows.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`);
  }

  function setupAssessment() {
    const data = $(".pb-assessment-data");
    spec = null;
    shared = null;
    showResults = false;
    if (!data) return;
    spec = JSON.parse(data.dataset.pbSpec);
    if (location.hash.startsWith("#pb1.")) {
      shared = decode(location.hash);
      showNotice(shared ? "shared" : "share-invalid");
    }
  }

  // ---- wiring --------------------------------------------------------------------------------

  function render() {
    const doc = current();
    renderProgress(doc);
    if (spec) renderAssessment(doc);
    for (const part of $$("[data-pb-needs-script]")) part.hidden = false;
    if (problem) showNotice(problem);
  }

  async function importProgress(input) {
    const file = input.files?.[0];
    input.value = "";
    if (!file) return;
    const incoming = file.size < 5_000_000 ? parse(await file.text()) : null;
    showNotice("imported", Boolean(incoming));
    showNotice("import-failed", !incoming);
    if (!incoming) return;
    update((doc) => merge(doc, incoming));
    render();
  }

  function confirmed(button) {
    return window.confirm(button.dataset.pbConfirm);
  }

  const actions = {
    export: () => download(`playbooks-progress-${today()}.json`, "application/json",
      JSON.stringify(current(), null, 2)),
    reset: (button) => {
      if (!confirmed(button)) return;
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
    },
    results: seeResults,
    "export-json": () => exportResult("json"),
    "export-csv": () => exportResult("csv"),
    share: () => {
      const field = $("[data-pb-share]");
      field.value = new URL(encode(answersNow(current())), location.href).href;
      field.closest(".pb-share").hidden = false;
      field.select();
    },
    clear: (button) => {
      if (!confirmed(button)) return;
      update((doc) => { sheet(doc, spec.id).answers = {}; });
      render();
    },
  };

  document.addEventListener("change", (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement)) return;
    if (target.matches("input.pb-check")) onTick(target);
    else if (target.matches("[data-pb-import]")) importProgress(target);
    else if (spec && target.matches(".pb-question input[type=radio]")) onAnswer(target);
    else if (spec && target.matches("[data-pb-target]")) {
      update((doc) => { sheet(doc, spec.id).target = target.value || undefined; });
      render();
    } else if (spec && target.matches("[data-pb-compare]")) render();
  });
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element && event.target.closest("[data-pb-action]");
    if (button && actions[button.dataset.pbAction]) actions[button.dataset.pbAction](button);
  });
  window.addEventListener("storage", (event) => {
    if (event.key !== KEY && event.key !== null) return;
    if (problem === "unreadable") {
      memory = null;
      problem = null;
    }
    render();
  });

  // Listeners above live on `document`, bound once; this runs for each page, instant
  // navigation (Material's `document$`) included.
  const start = () => {
    setupAssessment();
    render();
  };
  if (typeof document$ !== "undefined") document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
