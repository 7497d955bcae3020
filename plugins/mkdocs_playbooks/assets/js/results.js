// results.js: what answers mean, drawn from the data it is given. The overall result and what its
// level means (or, while partial, what is left to answer), a card per dimension, the radar, the
// action plan, the calculation with the reader's own numbers; attempts compared; a result
// exported as JSON or CSV. Its only memory (`view`) is the page's: the advice to move into the
// plan, the parts moved into the results, what was last announced and sent to the site.
//
// uses words.js: plural
// uses dom.js: $, $$, make, download, now, stamp, emit
// uses scoring.js: results, pointsMissing, resultDocument
// uses share.js: allQuestions
// uses radar.js: radarSvg
// uses csv.js: csvText
// gives: t, renderResults, renderHistory, exportResult

// A string of the page's data, filled; the form for `n` where it has a singular and a plural.
const t = (spec, key, values, n = 1) => plural(spec.words, spec.strings[key], n, values);
const levelAt = (spec, id) => spec.levels.findIndex((l) => l.id === id);
const titleOf = (spec, id) => spec.levels[levelAt(spec, id)]?.title;
// One formatter per language: `toLocaleString` makes one at each call, a millisecond per answer.
const formats = new Map();
const number = (spec, value) => (formats.get(spec.words.lang) ?? formats.set(spec.words.lang,
  new Intl.NumberFormat(spec.words.lang, { maximumFractionDigits: 2 })).get(spec.words.lang)).format(value);
const difference = (a, b) => (a === null || b === null ? "–" : b > a ? `+${b - a}` : b < a ? `−${a - b}` : "=");

// What a level means: a copy of its description, rendered on the page from the author's Markdown.
const meaning = (id) => $(`[data-pb-describes="${id}"]`)?.cloneNode(true) ?? "";
const goto = (d, text) => make("a", { href: `#${d.id}`, "data-pb-action": "goto", "data-pb-goto": d.id }, text);

function table(heads, rows) {
  return make("div", { class: "pb-table" }, make("table", {},
    make("thead", {}, make("tr", {}, ...heads.map((h) => make("th", { scope: "col" }, h)))),
    make("tbody", {}, ...rows.map(([head, ...cells]) =>
      make("tr", {}, make("th", { scope: "row" }, head), ...cells.map((c) => make("td", {}, c)))))));
}

const chart = (spec, list) => radarSvg(spec.constants.radar, {
  titles: spec.dimensions.map((d) => d.label),
  series: list.map((r) => spec.dimensions.map((d) => r.dimensions[d.id].score)),
  label: spec.strings.radar,
});

// The level a complete result aims at (the target, or else the level after its own) and the gap.
function goal(spec, x, target) {
  const aim = target ?? spec.levels[levelAt(spec, x.level) + 1];
  return aim && { aim, gap: pointsMissing(aim, x.score) };
}

function goalText(spec, x, target) {
  const next = goal(spec, x);
  const texts = [next ? t(spec, "next", { level: next.aim.title, min: number(spec, next.aim.min) }, next.gap)
    : spec.strings.top];
  const aimed = target && goal(spec, x, target);
  if (aimed) texts.push(t(spec, aimed.gap ? "target_gap" : "target_reached", { level: target.title }, aimed.gap));
  return make("p", { class: "pb-next" }, texts.join(" · "));
}

function overall(spec, r, target) {
  if (r.level) {
    return [make("p", { class: "pb-overall" }, t(spec, "overall", { score: r.score, level: titleOf(spec, r.level) })),
      meaning(r.level), goalText(spec, r, target)];
  }
  return [make("p", { class: "pb-overall" }, r.score === null ? spec.strings.no_answer
    : t(spec, "overall_partial", { score: r.score, total: r.questions }, r.answered)),
  make("p", {}, spec.strings.rule), make("ul", {}, ...spec.dimensions.filter((d) => !r.dimensions[d.id].complete)
    .map((d) => make("li", {}, goto(d, t(spec, "left_in",
      { title: d.title, left: t(spec, "left", {}, r.dimensions[d.id].needed) })))))];
}

function card(spec, d, x, target) {
  const left = t(spec, "left", {}, x.needed);
  const next = x.level && spec.levels[levelAt(spec, x.level) + 1];
  const line = make("p", { class: "pb-progress" }, x.level ? t(spec, "card", { score: x.score, level: titleOf(spec, x.level) })
    : x.complete ? "–" : goto(d, t(spec, x.score === null ? "card_empty" : "card_partial", { score: x.score, left })));
  line.style.setProperty("--pb-done", String(x.score / 100));
  return make("li", { class: x.level ? "" : "pb-partial" }, make("h3", {}, d.title), line,
    ...(x.level ? [meaning(x.level), make("details", {}, make("summary", {}, goalText(spec, x, target)),
      next ? meaning(next.id) : "")] : []),
    make("p", { class: "pb-next" }, t(spec, "answers", {}, x.answered)
      + (x.not_applicable ? `, ${t(spec, "na_part", {}, x.not_applicable)}` : "")));
}

// Dimensions to answer first, then the others by the points they lack, the most first.
function plan(spec, r, target, advice) {
  const gapOf = (x) => (x.complete ? goal(spec, x, target)?.gap ?? 0 : Infinity);
  return spec.dimensions.filter((d) => r.dimensions[d.id].score !== null || !r.dimensions[d.id].complete)
    .sort((a, b) => gapOf(r.dimensions[b.id]) - gapOf(r.dimensions[a.id])).map((d) => {
      const x = r.dimensions[d.id];
      return make("li", { "data-pb-dimension": d.id }, make("h4", {}, d.title), ...(x.level
        ? [goalText(spec, x, target), advice.get(`${d.id} ${x.level}`) ?? make("p", {}, spec.strings.no_advice)]
        : [make("p", {}, goto(d, t(spec, "plan_partial", {}, x.needed)))]));
    });
}

// The calculation, with the reader's numbers: each dimension's, then the overall's.
function calculation(spec, r, target) {
  const s = spec.strings;
  const sum = spec.dimensions.filter((d) => r.dimensions[d.id].score !== null)
    .map((d) => `${number(spec, d.weight)} × ${r.dimensions[d.id].score}`).join(" + ");
  const row = (title, x, formula) => {
    const g = x.level && goal(spec, x, target);
    return [title, x.score === null ? "–" : `${formula} = ${number(spec, x.exact)} → ${x.score}`,
      x.level ? titleOf(spec, x.level) : x.complete ? "–" : s.partial,
      !g ? "–" : g.gap ? `${Math.ceil(g.aim.min - 1e-9)} − ${x.score} = ${g.gap}` : s.reached];
  };
  return table([s.dimension, s.calculation, s.level, s.gap], [
    ...spec.dimensions.map((d) => {
      const x = r.dimensions[d.id];
      return row(d.title, x, `100 × ${number(spec, x.points)} / ${number(spec, x.weights)}`);
    }),
    row(s.overall_row, r, `(${sum}) / ${number(spec, r.weights)}`),
  ]);
}

// Each part is drawn again only when what it shows changed (`data`): an answer changes one
// dimension, whose card is drawn again, not the others'. `drawn`: each part's data and nodes.
function changed(drawn, name, data) {
  const key = JSON.stringify(data), was = drawn.get(name);
  drawn.set(name, [key, was?.[1]]);
  return was?.[0] !== key;
}

function redraw(drawn, name, data, draw) {
  const old = drawn.get(name)?.[1];
  if (!changed(drawn, name, data)) return old;
  const nodes = [draw()].flat().map((n) => (typeof n === "string" ? document.createTextNode(n) : n));
  if (old) {
    old[0].before(...nodes);
    for (const n of old) n.remove();
  }
  drawn.get(name)[1] = nodes;
  return nodes;
}

function renderResults(spec, answers, targetId, view) {
  const r = results(spec, answers);
  const target = spec.levels.find((l) => l.id === targetId);
  const box = $("[data-pb-results]");
  const body = $("[data-pb-results-body]", box);
  const drawn = view.drawn.parts;
  if (!body.firstChild) drawn.clear(); // a page drawn anew: every part is drawn
  box.classList.toggle("pb-partial", !r.complete);
  const x = (d) => r.dimensions[d.id];
  const parts = [
    redraw(drawn, "", r.level ? [r.score, r.level, targetId] : [r.score, r.answered, spec.dimensions.map((d) => x(d).needed)],
      () => overall(spec, r, target)),
    redraw(drawn, " chart", spec.dimensions.map((d) => x(d).score), () => chart(spec, [r])),
    spec.dimensions.map((d) => redraw(drawn, d.id, [x(d), targetId], () => card(spec, d, x(d), target))),
  ];
  if (!body.firstChild) {
    body.replaceChildren(...parts[0], ...parts[1], make("div", { class: "grid cards" }, make("ul", {}, ...parts[2].flat())), ...view.fixed);
  }
  // What the plan and the calculation show: neither shows how many questions are answered.
  const shows = (y) => [y.score, y.exact, y.level, y.complete, y.needed, y.points, y.weights];
  const numbers = [...spec.dimensions.map((d) => shows(x(d))), shows(r), targetId];
  if (changed(drawn, " plan", numbers)) $("[data-pb-plan]", box).replaceChildren(...plan(spec, r, target, view.advice));
  if (changed(drawn, " calc", numbers)) $("[data-pb-calc]", box).replaceChildren(calculation(spec, r, target));
  const said = parts[0][0].textContent;
  if (view.said !== said) $("[data-pb-live]").textContent = view.said = said;
  const key = JSON.stringify(answers);
  if (view.emitted !== key) emit("results", resultDocument(spec, answers, now()));
  view.emitted = key;
}

function attemptText(spec, attempt) {
  const r = results(spec, attempt.answers);
  const date = new Date(attempt.taken_at).toLocaleString(spec.words.lang, { dateStyle: "medium", timeStyle: "short" });
  return t(spec, "attempt", { date, score: r.score ?? "–", level: r.level ? titleOf(spec, r.level) : spec.strings.partial });
}

function pickAttempts(spec, pickers, attempts) { // by default, the last two
  const list = `${attempts.length} ${attempts[0].taken_at}`; // attempts are only ever added
  for (const [k, picker] of pickers.entries()) {
    if (picker.dataset.list === list) continue; // the reader's choice stays
    picker.replaceChildren(); // filled one by one: a list of many attempts is no list of arguments
    for (const [n, a] of attempts.entries()) {
      picker.append(make("option", { value: String(n) }, attemptText(spec, a)));
    }
    picker.value = String(Math.max(0, attempts.length - 2 + k));
    picker.dataset.list = list;
  }
  return pickers.map((p) => attempts[Number(p.value)]);
}

// How the assessment changed since these attempts: answers to removed questions, new questions.
function changesSince(spec, attempts) {
  const known = new Set(allQuestions(spec).map((q) => q.id));
  return attempts.map((a) => {
    const gone = Object.keys(a.answers).filter((q) => !known.has(q)).length;
    const added = [...known].filter((q) => !(q in a.answers)).length;
    return gone + added ? { gone: t(spec, "gone", {}, gone), new: t(spec, "new", {}, added) } : null;
  }).filter(Boolean);
}

// One attempt: what it was. Two or more: two of them compared, overall and by dimension.
function renderHistory(spec, attempts) {
  const box = $("[data-pb-history]");
  box.hidden = !attempts.length;
  if (!attempts.length) return;
  const s = spec.strings;
  const body = $("[data-pb-compare-body]", box);
  const one = attempts.length < 2;
  $("[data-pb-pickers]", box).hidden = one;
  const chosen = one ? attempts : pickAttempts(spec, $$("[data-pb-compare]", box), attempts);
  const notes = changesSince(spec, chosen).slice(0, 1).map((c) => make("p", { class: "pb-notice" }, t(spec, "changed", c)));
  if (one) {
    body.replaceChildren(...notes, make("p", {}, t(spec, "history_one", { a: attemptText(spec, attempts[0]) })));
    return;
  }
  const [a, b] = chosen.map((attempt) => results(spec, attempt.answers));
  const cell = (x) => (x.score === null ? "–" : `${x.score} ${x.level ? titleOf(spec, x.level) : s.partial}`);
  body.replaceChildren(...notes,
    make("p", { class: "pb-overall" }, t(spec, "history_overall", { a: a.score ?? "–", b: b.score ?? "–",
      change: difference(a.score, b.score) })),
    table([s.dimension, "A", "B", s.change], spec.dimensions.map((d) =>
      [d.title, cell(a.dimensions[d.id]), cell(b.dimensions[d.id]), difference(a.dimensions[d.id].score, b.dimensions[d.id].score)])),
    chart(spec, [a, b]),
    make("ul", { class: "pb-legend" }, ...chosen.map((attempt, k) =>
      make("li", { class: `pb-key-${k}` }, `${"AB"[k]} — ${attemptText(spec, attempt)}`))),
  );
}

function exportResult(spec, answers, kind) {
  const result = resultDocument(spec, answers, now());
  const name = `${spec.id}-${stamp()}`;
  if (kind === "json") {
    download(`${name}.json`, "application/json", JSON.stringify(result, null, 2));
    return;
  }
  const { overall: o, dimensions: x } = result;
  const rows = [["dimension", "title", "score", "level", "complete", "answered", "questions"],
    ...spec.dimensions.map((d) => [d.id, d.title, x[d.id].score, x[d.id].level, x[d.id].complete,
      x[d.id].answered, x[d.id].questions]),
    ["overall", spec.strings.overall_row, o.score, o.level, result.complete, result.answered, result.questions]];
  download(`${name}.csv`, "text/csv", `\ufeff${csvText(rows, spec.words.csv)}`);
}
