// result-file.js: a result exported as a file, named after the assessment and a stamp: the result
// document (scoring.js) as JSON, or as CSV for spreadsheets, in the page's language (a row per
// dimension, then the overall: its title, score, level's title, whether complete, answers, questions).
//
// uses clock.js: now, stamp
// uses scoring.js: resultDocument, titleOf
// uses csv.js: csvText
// gives: resultFile

// [name, type, text] of the file of `answers` as `kind` ("json" or "csv"), exported now as
// `attempt` (attempt.js's `exportedAttempt`, with the participant id).
function resultFile(spec, answers, kind, attempt) {
  const result = resultDocument(spec, answers, { ...attempt, exported_at: now() });
  const name = `${spec.id}-${stamp()}`;
  if (kind === "json") return [`${name}.json`, "application/json", JSON.stringify(result, null, 2)];
  const s = spec.strings;
  const row = (title, x, y) => [title, x.score, titleOf(spec, x.level), y.complete ? s.yes : s.no, y.answered, y.questions];
  const rows = [[s.dimension, s.score, s.level, s.complete_column, s.answers_column, s.questions_column],
    ...spec.dimensions.map((d) => row(d.title, result.dimensions[d.id], result.dimensions[d.id])),
    row(s.overall_row, result.overall, result)];
  return [`${name}.csv`, "text/csv", `\ufeff${csvText(rows, spec.words.csv)}`];
}
