// scoring.js: what a reader is shown of answers, exactly as the reference `results`
// (plugins/mkdocs_playbooks/assessment/scoring.py), summing in the same order so both give the
// same numbers: whole numbers rounded half up, a level read from the shown number and only where
// enough is answered (`complete_at` % of a dimension's questions), the overall from the shown
// dimension scores. And the result document that exports carry (results.py's `result_document`);
// levels by id.
// Pure: `spec` is the page's assessment data, `answers` maps question id → choice id or `na`.
//
// gives: results, levelOf, rounded, pointsMissing, validAnswers, resultDocument, allQuestions
// gives: levelAt, levelById, titleOf

const allQuestions = (spec) => spec.dimensions.flatMap((d) => d.questions);
// A level's place in `spec.levels` (-1 for none), the level, and its title (undefined for none:
// an id no level has, as a target set before the level was removed).
const levelAt = (spec, id) => spec.levels.findIndex((l) => l.id === id);
const levelById = (spec, id) => spec.levels[levelAt(spec, id)];
const titleOf = (spec, id) => levelById(spec, id)?.title;

// The rounding rule: half up to a whole number, float noise (39.99999999999999) aside.
const rounded = (value) => Math.floor(value + 0.5 + 1e-9);

// How many points `score` lacks to reach `level` (0 when reached).
const pointsMissing = (level, score) => Math.max(0, Math.ceil(level.min - 1e-9) - score);

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

function dimensionResult(spec, dimension, given) {
  const na = spec.constants.na;
  let points = 0;
  let weights = 0;
  let answered = 0;
  let notApplicable = 0;
  for (const question of dimension.questions) {
    const answer = given.get(question.id);
    const earned = questionScore(question, answer, na); // the share of its points, or null
    const isNa = answer === na && question.na;
    notApplicable += isNa;
    answered += isNa || earned !== null;
    if (earned === null) continue;
    points += question.weight * earned;
    weights += question.weight;
  }
  const questions = dimension.questions.length;
  const exact = weights ? (100 * points) / weights : null;
  const score = exact === null ? null : rounded(exact);
  const complete = 100 * answered >= spec.complete_at * questions;
  // `needed`: answers still wanting before the dimension is complete
  const needed = Math.max(0, Math.ceil((spec.complete_at * questions) / 100 - 1e-9) - answered);
  return { score, level: complete ? levelOf(spec.levels, score) : null, complete, answered,
    not_applicable: notApplicable, questions, exact, points, weights, needed };
}

// {dimensions: {id: {score, level, complete, answered, not_applicable, questions, exact, …}},
// score, level, complete, answered, questions}: scores are whole numbers 0-100, or null.
function results(spec, answers) {
  const given = new Map(Object.entries(answers)); // own entries only: any id is safe
  const dimensions = Object.create(null);
  let weightedTotal = 0;
  let weightTotal = 0;
  let answered = 0;
  let questions = 0;
  for (const dimension of spec.dimensions) {
    const result = (dimensions[dimension.id] = dimensionResult(spec, dimension, given));
    if (result.score !== null) {
      weightedTotal += dimension.weight * result.score;
      weightTotal += dimension.weight;
    }
    answered += result.answered;
    questions += result.questions;
  }
  const complete = Object.values(dimensions).every((d) => d.complete);
  const exact = weightTotal ? weightedTotal / weightTotal : null;
  const score = exact === null ? null : rounded(exact);
  return { dimensions, score, level: complete ? levelOf(spec.levels, score) : null, complete,
    answered, questions, exact, weights: weightTotal };
}

// The answers that count: to the assessment's questions, one of their choices or `na` where allowed.
function validAnswers(spec, answers) {
  const given = new Map(Object.entries(answers));
  const valid = Object.create(null);
  for (const q of allQuestions(spec)) {
    const answer = given.get(q.id);
    if ((answer === spec.constants.na && q.na) || q.choices.some((c) => c.id === answer)) valid[q.id] = answer;
  }
  return valid;
}

// The public result format, version 3 (results.py's `result_document`, the format's one place):
// what the reader is shown of `answers`, and which attempt they are: `attempt` is {id, taken_at,
// exported_at, and where there are some: round, respondent, evidence (question id → text)}.
function resultDocument(spec, answers, attempt) {
  const valid = validAnswers(spec, answers);
  const result = results(spec, valid);
  const dimensions = Object.create(null);
  for (const d of spec.dimensions) {
    const { score, level, complete, answered, questions } = result.dimensions[d.id];
    dimensions[d.id] = { score, level, complete, answered, questions };
  }
  const doc = { format: "mkdocs-playbooks/result", version: 3, assessment: spec.id, attempt: attempt.id };
  if (attempt.respondent) doc.respondent = attempt.respondent;
  if (attempt.round) doc.round = attempt.round;
  Object.assign(doc, { taken_at: attempt.taken_at, exported_at: attempt.exported_at ?? attempt.taken_at });
  if (spec.words.lang) doc.lang = spec.words.lang;
  doc.answers = valid;
  const evidence = Object.entries(attempt.evidence ?? {}).filter(([q, text]) => valid[q] !== undefined && text);
  if (evidence.length) doc.evidence = Object.assign(Object.create(null), Object.fromEntries(evidence));
  return Object.assign(doc, { complete: result.complete, answered: result.answered,
    questions: result.questions, dimensions, overall: { score: result.score, level: result.level } });
}
