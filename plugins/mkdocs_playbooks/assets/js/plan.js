// plan.js: what a result aims at, and the action plan. A complete result's goal (the reader's
// target level, or else the level after its own) and the points it lacks to get there; the plan's
// order (dimensions still to answer first, then the others by the points they lack, the most
// first); the calculation, with the reader's own numbers. Pure: `x` is a result of `results`
// (the overall or a dimension's), `target` the target level or undefined.
//
// uses words.js: t, number
// uses scoring.js: pointsMissing, levelAt, titleOf
// gives: goal, goalText, planOrder, calculationRows

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

// The plan's dimensions: those with something answered or still to answer; those still to answer
// first, then the others by the points they lack (to the target, or the next level), the most first.
function planOrder(spec, r, target) {
  const gapOf = (x) => (x.complete ? goal(spec, x, target)?.gap ?? 0 : Infinity);
  return spec.dimensions.filter((d) => r.dimensions[d.id].score !== null || !r.dimensions[d.id].complete)
    .sort((a, b) => gapOf(r.dimensions[b.id]) - gapOf(r.dimensions[a.id]));
}

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
