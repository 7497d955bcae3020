// result-file.js: a result exported as a file, named after the assessment and a stamp: the result
// document (scoring.js) as JSON, or as CSV for spreadsheets (a row per dimension, then the overall).
//
// uses clock.js: now, stamp
// uses scoring.js: resultDocument
// uses csv.js: csvText
// gives: resultFile

// [name, type, text] of the file of `answers` as `kind`: "json" or "csv".
function resultFile(spec, answers, kind) {
  const result = resultDocument(spec, answers, now());
  const name = `${spec.id}-${stamp()}`;
  if (kind === "json") return [`${name}.json`, "application/json", JSON.stringify(result, null, 2)];
  const { overall: o, dimensions: x } = result;
  const rows = [["dimension", "title", "score", "level", "complete", "answered", "questions"],
    ...spec.dimensions.map((d) => [d.id, d.title, x[d.id].score, x[d.id].level, x[d.id].complete,
      x[d.id].answered, x[d.id].questions]),
    ["overall", spec.strings.overall_row, o.score, o.level, result.complete, result.answered, result.questions]];
  return [`${name}.csv`, "text/csv", `\ufeff${csvText(rows, spec.words.csv)}`];
}
