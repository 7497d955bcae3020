// plan.js: what a result aims at, and the action plan. A complete result's goal (the reader's
// target level, or else the level after its own) and the points it lacks to get there; the
// dimensions ranked by need (the farthest from the target first, else the lowest score; the
// heaviest first among equals), and the plan: those with a level, in that order; the calculation,
// with the reader's own numbers. Pure: `x` is a result of `results` (the overall or a
// dimension's), `target` the target level or undefined.
//
// uses words.js: t, number
// uses scoring.js: pointsMissing, levelAt, titleOf
// gives: goal, goalText, needOrder, planOrder, calculationRows

// The level a complete result aims at (the target, or else the level after its own) and the gap,
// in points; undefined at the top level with no target.
function goal(spec, x, target) {
  const aim = target ?? spec.levels[levelAt(spec, x.level) + 1];
  return aim && { aim, gap: pointsMissing(aim, x.score) };
}

// What a complete result lacks: to the next level (or that it is at the top), and to the target.
function goalText(spec, x, target) {
  const next = goal(spec, x);
  const texts = [next ? t(spec, "next", { level: next.aim.title, min: number(spec, next.aim.min) }, next.gap)
    : spec.strings.top];
  const aimed = target && goal(spec, x, target);
  if (aimed) texts.push(t(spec, aimed.gap ? "target_gap" : "target_reached", { level: target.title }, aimed.gap));
  return texts.join(" · ");
}

// Every dimension, ranked by need: those with a level first, the most points short of the target
// first (when one is set), then the lowest score, then the heaviest weight; then those still
// partial, by their score so far; last, those with no score (unanswered, or all "not applicable").
function needOrder(spec, r, target) {
  const rank = (d) => {
    const x = r.dimensions[d.id];
    return [x.level ? 0 : x.score === null ? 2 : 1, x.level && target ? -goal(spec, x, target).gap : 0,
      x.score ?? 0, -d.weight];
  };
  const ranks = new Map(spec.dimensions.map((d) => [d, rank(d)]));
  const compare = (a, b) => ranks.get(a).reduce((found, value, k) => found || value - ranks.get(b)[k], 0);
  return [...spec.dimensions].sort(compare);
}

// The plan's steps: the dimensions with a level (and so with advice), ranked by need.
const planOrder = (spec, r, target) => needOrder(spec, r, target).filter((d) => r.dimensions[d.id].level);

// The calculation's rows, [title, calculation, level, gap]: each dimension's, then the overall's.
function calculationRows(spec, r, target) {
  const s = spec.strings;
  const sum = spec.dimensions.filter((d) => r.dimensions[d.id].score !== null)
    .map((d) => `${number(spec, d.weight)} × ${r.dimensions[d.id].score}`).join(" + ");
  const row = (title, x, formula) => {
    const g = x.level && goal(spec, x, target);
    return [title, x.score === null ? "–" : `${formula} = ${number(spec, x.exact)} → ${x.score}`,
      x.level ? titleOf(spec, x.level) : x.complete ? "–" : s.partial,
      !g ? "–" : g.gap ? `${Math.ceil(g.aim.min - 1e-9)} − ${x.score} = ${g.gap}` : s.reached];
  };
  return [
    ...spec.dimensions.map((d) => {
      const x = r.dimensions[d.id];
      return row(d.title, x, `100 × ${number(spec, x.points)} / ${number(spec, x.weights)}`);
    }),
    row(s.overall_row, r, `(${sum}) / ${number(spec, r.weights)}`),
  ];
}
