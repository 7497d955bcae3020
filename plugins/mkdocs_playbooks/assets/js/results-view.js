// results-view.js: what the results view shows and remembers, from the numbers of `results`. The
// overall line (or, while partial, how much is answered, what is left in each dimension and the
// score so far), the line of each dimension with a score, the radar's data; what each piece of
// the view is drawn from, and whether that changed since it was drawn, so that an answer redraws
// only what it changed. Pure: results.js draws.
//
// uses words.js: t
// uses scoring.js: titleOf, levelById
// uses plan.js: needOrder
// gives: resultsView, sendResultsAgain, changed, overallText, soFarText, leftToAnswer, scoreText
// gives: scoreLines, chartData, drawnFrom

// A results view's memory: `advice` (dimension and level → its advice on the page), `pieces` (each
// piece's name → what it was drawn from), and, kept from `previous` (the same page
// drawn again), what was last announced (`said`) and sent to the site (`sent`: the answers, as JSON).
const resultsView = (advice, previous) => ({ advice, pieces: new Map(),
  said: previous?.said ?? "", sent: previous?.sent ?? "" });

// The next results drawn are sent to the site again, even if unchanged (the reader asked for them).
const sendResultsAgain = (view) => { view.sent = ""; };

// Whether the piece `name` is drawn from other `data` than last time; `data` is remembered.
function changed(pieces, name, data) {
  const key = JSON.stringify(data), was = pieces.get(name);
  pieces.set(name, key);
  return was !== key;
}

// The overall line: the score and level; while partial, how many questions are answered (the
// score so far is no headline: `soFarText`); before any answer, so.
function overallText(spec, r) {
  if (r.level) return t(spec, "overall", { score: r.score, level: titleOf(spec, r.level) });
  return r.answered ? t(spec, "overall_partial", { total: r.questions }, r.answered) : spec.strings.no_answer;
}

// The score of a partial result, said to be one ("" when there is none).
const soFarText = (spec, r) => (r.level || r.score === null ? "" : t(spec, "so_far", { score: r.score }, r.answered));

// The dimensions not complete yet, each with what is left to answer in it.
const leftToAnswer = (spec, r) => spec.dimensions.filter((d) => !r.dimensions[d.id].complete)
  .map((d) => [d, t(spec, "left_in", { title: d.title, left: t(spec, "left", {}, r.dimensions[d.id].needed) })]);

// A dimension's line in the list of scores: its score and level, or its score so far, said to be partial.
const scoreText = (spec, x) => (x.level ? t(spec, "card", { score: x.score, level: titleOf(spec, x.level) })
  : t(spec, "card_partial", { score: x.score }));

// The list of scores: each dimension with a score (the others are still to answer), ranked by
// need, with its line, its bar's length (the share of its track that the score is of 100) and
// whether it is partial.
const scoreLines = (spec, r, target) => needOrder(spec, r, target).filter((d) => r.dimensions[d.id].score !== null)
  .map((d) => ({ d, text: scoreText(spec, r.dimensions[d.id]), length: `${r.dimensions[d.id].score}%`,
    partial: !r.dimensions[d.id].level }));

// The radar of results `list` (one series each): its axes' titles, its series, its label.
const chartData = (spec, list) => ({
  titles: spec.dimensions.map((d) => d.label),
  series: list.map((r) => spec.dimensions.map((d) => r.dimensions[d.id].score)),
  label: spec.strings.radar,
});

// What each piece of the results is drawn from: the overall, the list of scores (in the order of
// need, which the target sways), the chart, and the plan and the calculation (neither shows how
// many questions are answered); and the score lines themselves (`scoreLines`), made once.
function drawnFrom(spec, r, targetId) {
  const x = (d) => r.dimensions[d.id];
  const numbers = (y) => [y.score, y.exact, y.level, y.complete, y.needed, y.points, y.weights];
  const lines = scoreLines(spec, r, levelById(spec, targetId));
  return {
    overall: r.level ? [r.score, r.level, targetId] : [r.score, r.answered, spec.dimensions.map((d) => x(d).needed)],
    scores: lines.map((line) => [line.d.id, line.text]), lines,
    chart: spec.dimensions.map((d) => x(d).score),
    plan: [...spec.dimensions.map((d) => numbers(x(d))), numbers(r), targetId],
  };
}
