// results.js: the results drawn on the page, from what the pure parts say. The overall result and
// what its level means (or, while partial, how much is answered and what is left), every
// dimension's score on one scale, the weakest first, the action plan, the radar, the calculation;
// attempts compared; a result downloaded as a file. Its memory is a results view
// (results-view.js's `resultsView`): the advice to move into the plan, the pieces drawn and what
// each was drawn from, what was last announced and sent to the site. What the view shows and
// remembers is decided by the pure parts; this one draws it.
//
// uses dom.js: $, $$, make, download, emit
// uses clock.js: now
// uses words.js: t
// uses scoring.js: results, resultDocument, levelById
// uses radar.js: radarSvg, radarSeriesPoints
// uses plan.js: goalText, planOrder, calculationRows
// uses results-view.js: changed, overallText, soFarText, leftToAnswer, chartData
// uses results-view.js: drawnFrom
// uses history.js: attemptText, attemptsKey, defaultPick, changesSince, comparison
// uses result-file.js: resultFile
// gives: renderResults, renderHistory, exportResult

// What a level means: a copy of its description, rendered on the page from the author's Markdown.
const meaning = (id) => $(`[data-pb-describes="${id}"]`)?.cloneNode(true) ?? "";
const goto = (d, text) => make("a", { href: `#${d.id}`, "data-pb-action": "goto", "data-pb-goto": d.id }, text);

const tableRow = ([head, ...cells]) => make("tr", {}, make("th", { scope: "row" }, head),
  ...cells.map((c) => make("td", {}, c)));

function table(heads, rows) {
  return make("div", { class: "pb-table" }, make("table", {},
    make("thead", {}, make("tr", {}, ...heads.map((h) => make("th", { scope: "col" }, h)))),
    make("tbody", {}, ...rows.map(tableRow))));
}

// The children of `box` made `items` ([key, draw] each), in order: a child drawn from the same key
// is kept (an answer changes one dimension: its line is drawn again, the others are moved at most).
function keyed(box, items) {
  const had = new Map([...box.children].map((node) => [node.pbKey, node]));
  const nodes = items.map(([key, draw]) => had.get(key) ?? Object.assign(draw(), { pbKey: key }));
  for (const node of had.values()) if (!nodes.includes(node)) node.remove();
  nodes.forEach((node, k) => box.children[k] !== node && box.insertBefore(node, box.children[k] ?? null));
}

const chart = (spec, list) => radarSvg(spec.constants.radar, chartData(spec, list));

// The results' chart: drawn once, then only its series moved (an answer moves the scores: 40-odd
// SVG elements made again for one polygon's points was most of an answer's time).
function drawChart(spec, box, r) {
  const data = chartData(spec, [r]);
  const shape = $("svg.pb-radar polygon.pb-series-0", box);
  if (shape) shape.setAttribute("points", radarSeriesPoints(spec.constants.radar, data.series[0]));
  else box.replaceChildren(radarSvg(spec.constants.radar, data));
}

const goalLine = (spec, x, target) => make("p", { class: "pb-next" }, goalText(spec, x, target));

function overall(spec, r, target) {
  const line = make("p", { class: "pb-overall" }, overallText(spec, r));
  if (r.level) return [line, meaning(r.level), goalLine(spec, r, target)];
  const soFar = soFarText(spec, r);
  return [line, make("p", {}, spec.strings.rule),
    make("ul", { class: "pb-left" }, ...leftToAnswer(spec, r).map(([d, text]) => make("li", {}, goto(d, text)))),
    ...(soFar ? [make("p", { class: "pb-next" }, soFar)] : [])];
}

// Every dimension's score, the weakest first: a bar each, on a track of the same length (the
// list's width), as long as the score is of 100. `box`: the list's, hidden while none has a score;
// `lines`: results-view.js's `scoreLines`.
function scores(box, lines) {
  box.hidden = !lines.length;
  keyed(box.lastChild, lines.map(({ d, text, length, partial }) => [`${d.id} ${text} ${length} ${partial}`, () => {
    const bar = make("span");
    bar.style.width = length;
    return make("li", { class: partial ? "pb-partial" : "" }, make("span", {}, d.title),
      make("span", { class: "pb-next" }, text), make("span", { class: "pb-meter", "aria-hidden": "true" }, bar));
  }]));
}

// The steps of the plan: each dimension with a level, ranked by need, with its goal and advice.
const plan = (spec, r, target, advice) => planOrder(spec, r, target).map((d) => {
  const x = r.dimensions[d.id], text = goalText(spec, x, target);
  return [`${d.id} ${x.level} ${text}`, () => make("li", { "data-pb-dimension": d.id }, make("h4", {}, d.title),
    make("p", { class: "pb-next" }, text), advice.get(`${d.id} ${x.level}`) ?? make("p", {}, spec.strings.no_advice))];
});

// The calculation's table (made once in `box`), its rows drawn again only where their numbers changed.
function calculation(spec, box, r, target) {
  const s = spec.strings;
  box.firstChild ?? box.append(table([s.dimension, s.calculation, s.level, s.gap], []));
  keyed($("tbody", box), calculationRows(spec, r, target)
    .map((cells, k) => [k + JSON.stringify(cells), () => tableRow(cells)]));
}

// The results view's elements, found once a page.
const elements = (view) => (view.at ??= Object.fromEntries(
  ["results", "results-body", "radar", "plan", "plan-box", "calc", "live"].map((name) => [name, $(`[data-pb-${name}]`)])));

// `r`: the results of `answers`; `attemptOf()`: the attempt they are (attempt.js's
// `exportedAttempt`), for the site's event.
function renderResults(spec, r, answers, targetId, view, attemptOf) {
  const target = levelById(spec, targetId);
  const at = elements(view), body = at["results-body"];
  const pieces = view.pieces; // each piece is drawn again only when what it is drawn from changed
  if (!body.firstChild) { // a page drawn anew: every piece is drawn
    pieces.clear();
    body.append(make("div"), // the overall, then the list of scores
      make("div", {}, make("p", { class: "pb-label" }, spec.strings.scores), make("ul", { class: "pb-scores" })));
  }
  at.results.classList.toggle("pb-partial", !r.complete);
  const from = drawnFrom(spec, r, targetId);
  if (changed(pieces, "", from.overall)) body.firstChild.replaceChildren(...overall(spec, r, target));
  if (changed(pieces, " scores", from.scores)) scores(body.lastChild, from.lines);
  if (changed(pieces, " chart", from.chart)) drawChart(spec, at.radar, r);
  if (changed(pieces, " plan", from.plan)) { // and the calculation, drawn from the same numbers
    const steps = plan(spec, r, target, view.advice);
    keyed(at.plan, steps);
    at["plan-box"].hidden = !steps.length;
    calculation(spec, at.calc, r, target);
  }
  const said = body.firstChild.firstChild.textContent;
  if (view.said !== said) at.live.textContent = view.said = said;
  const key = JSON.stringify(answers);
  let made; // once, however many times listeners read it
  if (view.sent !== key) emit("results", () => (made ??= resultDocument(spec, answers,
    { ...attemptOf(), exported_at: now() })));
  view.sent = key;
}

// The two pickers filled with the attempts (anew only when attempts were added: the reader's
// choice stays), by default the last two; the two attempts picked.
function pickAttempts(spec, pickers, attempts) {
  const list = attemptsKey(attempts);
  for (const [k, picker] of pickers.entries()) {
    if (picker.dataset.list === list) continue;
    picker.replaceChildren(); // filled one by one: a list of many attempts is no list of arguments
    for (const [n, a] of attempts.entries()) {
      picker.append(make("option", { value: String(n) }, attemptText(spec, a)));
    }
    picker.value = String(defaultPick(attempts, k));
    picker.dataset.list = list;
  }
  return pickers.map((p) => attempts[Number(p.value)]);
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
  const compared = comparison(spec, a, b);
  body.replaceChildren(...notes,
    make("p", { class: "pb-overall" }, compared.overall),
    table([s.dimension, "A", "B", s.change], compared.rows),
    chart(spec, [a, b]),
    make("ul", { class: "pb-legend" }, ...chosen.map((attempt, k) =>
      make("li", { class: `pb-key-${k}` }, `${"AB"[k]} — ${attemptText(spec, attempt)}`))),
  );
}

// The file of `answers` as `kind`, exported as `attempt`.
const exportResult = (spec, answers, kind, attempt) => download(...resultFile(spec, answers, kind, attempt));
