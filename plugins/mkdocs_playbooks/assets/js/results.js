// results.js: what answers mean. The results (overall, a row per dimension with its gap to the
// target level, radar, advice for each dimension's level), two attempts compared, and a result
// exported as JSON or CSV. Draws from the data it is given; keeps no state.

const RESULT_FORMAT = "mkdocs-playbooks/result";

const levelTitle = (spec, id) => spec.levels.find((l) => l.id === id)?.title ?? "–";
const rounded = (value) => (value === null ? "–" : String(Math.round(value)));

function table(heads, rows) {
  return make("div", { class: "pb-table" }, make("table", {},
    make("thead", {}, make("tr", {}, ...heads.map((h) => make("th", { scope: "col" }, h)))),
    make("tbody", {}, ...rows.map(([head, ...cells]) =>
      make("tr", {}, make("th", { scope: "row" }, head), ...cells.map((c) => make("td", {}, c)))))));
}

const chart = (spec, results) => radarSvg(make, spec.constants.radar, {
  titles: spec.dimensions.map((d) => d.title),
  series: results.map((r) => spec.dimensions.map((d) => r.dimensions[d.id].score)),
  label: spec.strings.radar,
});

function gapTo(target, value, s) {
  if (!target || value === null) return "–";
  return value >= target.min ? s.reached : `−${Math.ceil(target.min - value)}`;
}

function showAdvice(result) { // advice for the dimension's level only
  for (const block of $$("[data-pb-dimension]")) {
    const level = result.dimensions[block.dataset.pbDimension]?.level;
    for (const advice of $$("[data-pb-level]", block)) {
      advice.hidden = level !== null && advice.dataset.pbLevel !== level;
    }
  }
}

function renderResults(spec, answers, targetId) {
  const result = score(spec, answers);
  const s = spec.strings;
  const target = spec.levels.find((l) => l.id === targetId);
  const overall = result.overall;
  const box = $("[data-pb-results]");
  box.classList.add("pb-has-results"); // printed with the questionnaire
  $("[data-pb-results-body]", box).replaceChildren(
    make("p", { class: "pb-overall" }, overall.score === null ? s.no_answer
      : fill(s.overall, { score: rounded(overall.score), level: levelTitle(spec, overall.level) })),
    table([s.dimension, s.score, s.level, s.gap, s.how], spec.dimensions.map((d) => {
      const r = result.dimensions[d.id];
      return [d.title, rounded(r.score), levelTitle(spec, r.level), gapTo(target, r.score, s),
        r.score === null ? s.no_answer : fill(s.explain, r)];
    })),
    chart(spec, [result]),
  );
  showAdvice(result);
}

function pickAttempts(spec, pickers, attempts) { // by default, the last two
  const list = `${attempts.length} ${attempts[0].taken_at}`; // attempts are only ever added
  for (const [k, picker] of pickers.entries()) {
    if (picker.dataset.list === list) continue; // the reader's choice stays
    picker.replaceChildren(); // filled one by one: a list of many attempts is no list of arguments
    for (const [n, a] of attempts.entries()) {
      picker.append(make("option", { value: String(n) },
        fill(spec.strings.attempt, { date: a.taken_at.slice(0, 16).replace("T", " ") })));
    }
    picker.value = String(Math.max(0, attempts.length - 2 + k));
    picker.dataset.list = list;
  }
  return pickers.map((p) => attempts[Number(p.value)]);
}

// How the assessment changed since these attempts: answers to removed questions, new questions.
function changesSince(spec, attempts) {
  const known = new Set(allQuestions(spec).map((q) => q.id));
  return attempts.map((a) => ({
    gone: Object.keys(a.answers).filter((q) => !known.has(q)).length,
    new: [...known].filter((q) => !(q in a.answers)).length,
  })).filter((c) => c.gone || c.new);
}

function renderHistory(spec, attempts) {
  const box = $("[data-pb-history]");
  box.hidden = attempts.length === 0;
  if (!attempts.length) return;
  const chosen = pickAttempts(spec, $$("[data-pb-compare]", box), attempts);
  const results = chosen.map((a) => score(spec, a.answers));
  const s = spec.strings;
  $("[data-pb-compare-body]", box).replaceChildren(
    ...changesSince(spec, chosen).slice(0, 1)
      .map((change) => make("p", { class: "pb-notice" }, fill(s.changed, change))),
    table([s.dimension, "A", "B"], spec.dimensions.map((d) => [d.title, ...results.map((r) =>
      `${rounded(r.dimensions[d.id].score)} (${levelTitle(spec, r.dimensions[d.id].level)})`)])),
    chart(spec, results),
  );
}

function resultDocument(spec, answers, takenAt) {
  const result = score(spec, answers);
  const dimensions = byId(spec.dimensions.map((d) =>
    [d.id, { score: result.dimensions[d.id].score, level: result.dimensions[d.id].level }]));
  return { format: RESULT_FORMAT, version: 1, assessment: spec.id, taken_at: takenAt,
    answers, dimensions, overall: result.overall };
}

function exportResult(spec, answers, kind) {
  const result = resultDocument(spec, answers, now());
  const name = `${spec.id}-${today()}`;
  if (kind === "json") {
    download(`${name}.json`, "application/json", JSON.stringify(result, null, 2));
    return;
  }
  const rows = [["dimension", "title", "score", "level"], ...spec.dimensions.map((d) =>
    [d.id, d.title, result.dimensions[d.id].score, result.dimensions[d.id].level]),
  ["overall", "", result.overall.score, result.overall.level]];
  download(`${name}.csv`, "text/csv", csvText(rows));
}
