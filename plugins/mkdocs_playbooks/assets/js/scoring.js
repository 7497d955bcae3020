// scoring.js: an assessment's scores and levels from answers, exactly as the reference
// (plugins/mkdocs_playbooks/scoring.py), summing in the same order so both give the same numbers.
// Pure: `spec` is the page's assessment data, `answers` maps question id → choice id or `na`.

// The id of the last level whose `min` ≤ value, or null.
function levelOf(levels, value) {
  if (value === null) return null;
  let reached = null;
  for (const level of levels) if (level.min <= value) reached = level.id;
  return reached;
}

// 0-1, or null when unanswered, not applicable or not one of the choices.
function questionScore(question, answer, na) {
  if (answer === undefined || answer === na) return null;
  const best = Math.max(...question.choices.map((c) => c.score));
  const chosen = question.choices.find((c) => c.id === answer);
  return chosen === undefined ? null : chosen.score / best;
}

function scoreDimension(spec, dimension, given) {
  const na = spec.constants.na;
  let points = 0;
  let weights = 0;
  let answered = 0;
  let notApplicable = 0;
  for (const question of dimension.questions) {
    const answer = given.get(question.id);
    if (answer === na && question.na) notApplicable += 1;
    const part = questionScore(question, answer, na);
    if (part === null) continue;
    points += question.weight * part;
    weights += question.weight;
    answered += 1;
  }
  const value = weights ? (100 * points) / weights : null;
  return { score: value, level: levelOf(spec.levels, value), answered, na: notApplicable };
}

// {dimensions: {id: {score, level, answered, na}}, overall: {score, level}}; a score is 0-100 or null.
function score(spec, answers) {
  const given = new Map(Object.entries(answers)); // own entries only: any id is safe
  const dimensions = Object.create(null);
  let weightedTotal = 0;
  let weightTotal = 0;
  for (const dimension of spec.dimensions) {
    const result = scoreDimension(spec, dimension, given);
    dimensions[dimension.id] = result;
    if (result.score !== null) {
      weightedTotal += dimension.weight * result.score;
      weightTotal += dimension.weight;
    }
  }
  const overall = weightTotal ? weightedTotal / weightTotal : null;
  return { dimensions, overall: { score: overall, level: levelOf(spec.levels, overall) } };
}

if (typeof module !== "undefined") module.exports = { score, levelOf };
