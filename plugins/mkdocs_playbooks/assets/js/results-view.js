// results-view.js: what the results view shows and remembers, from the numbers of `results`. The
// overall line (or, while partial, what is left to answer in each dimension), each dimension's
// card, the radar's data; what each piece of the view is drawn from, and whether that changed
// since it was drawn, so that an answer redraws only what it changed. Pure: results.js draws.
//
// uses words.js: t
// uses scoring.js: levelAt, titleOf
// gives: resultsView, sendResultsAgain, changed, overallText, leftToAnswer, cardText, chartData
// gives: drawnFrom

// A results view's memory: `advice` (dimension and level → its advice on the page), `fixed` (what
// the page moves into the results), `pieces` (each piece's name → what it was drawn from, and its
// nodes), and, kept from `previous` (the same page drawn again), what was last announced (`said`)
// and sent to the site (`sent`: the answers, as JSON).
const resultsView = (advice, fixed, previous) => ({ advice, fixed, pieces: new Map(),
  said: previous?.said ?? "", sent: previous?.sent ?? "" });

// The next results drawn are sent to the site again, even if unchanged (the reader asked for them).
const sendResultsAgain = (view) => { view.sent = ""; };

// Whether the piece `name` is drawn from other `data` than last time; `data` is remembered.
function changed(pieces, name, data) {
  const key = JSON.stringify(data), was = pieces.get(name);
  pieces.set(name, [key, was?.[1]]);
  return was?.[0] !== key;
}

// The overall line: the score and level; while partial, the score of what is answered.
function overallText(spec, r) {
  if (r.level) return t(spec, "overall", { score: r.score, level: titleOf(spec, r.level) });
  return r.score === null ? spec.strings.no_answer
    : t(spec, "overall_partial", { score: r.score, total: r.questions }, r.answered);
}

// The dimensions not complete yet, each with what is left to answer in it.
const leftToAnswer = (spec, r) => spec.dimensions.filter((d) => !r.dimensions[d.id].complete)
  .map((d) => [d, t(spec, "left_in", { title: d.title, left: t(spec, "left", {}, r.dimensions[d.id].needed) })]);

// A dimension's card: its line (score and level; or what is left, which `link`s to the questions),
// the level after its own, and what its score counts.
function cardText(spec, x) {
  const left = t(spec, "left", {}, x.needed);
  return {
    line: x.level ? t(spec, "card", { score: x.score, level: titleOf(spec, x.level) })
      : x.complete ? "–" : t(spec, x.score === null ? "card_empty" : "card_partial", { score: x.score, left }),
    link: !x.level && !x.complete,
    next: x.level && spec.levels[levelAt(spec, x.level) + 1],
    counted: t(spec, "answers", {}, x.answered) + (x.not_applicable ? `, ${t(spec, "na_part", {}, x.not_applicable)}` : ""),
  };
}

// The radar of results `list` (one series each): its axes' titles, its series, its label.
const chartData = (spec, list) => ({
  titles: spec.dimensions.map((d) => d.label),
  series: list.map((r) => spec.dimensions.map((d) => r.dimensions[d.id].score)),
  label: spec.strings.radar,
});

// What each piece of the results is drawn from: the overall, the chart, each card, and the plan and
// the calculation (neither shows how many questions are answered).
function drawnFrom(spec, r, targetId) {
  const x = (d) => r.dimensions[d.id];
  const numbers = (y) => [y.score, y.exact, y.level, y.complete, y.needed, y.points, y.weights];
  return {
    overall: r.level ? [r.score, r.level, targetId] : [r.score, r.answered, spec.dimensions.map((d) => x(d).needed)],
    chart: spec.dimensions.map((d) => x(d).score),
    cards: spec.dimensions.map((d) => [x(d), targetId]),
    plan: [...spec.dimensions.map((d) => numbers(x(d))), numbers(r), targetId],
  };
}
