// assessment-state.js: the assessment page's state, apart from its elements. Its data read from
// the page; what stays when the same assessment is drawn again (one dimension at a time or all,
// the current dimension). Pure: assessment.js draws.
//
// gives: readSpec, carriedOver

// The page's assessment data; null when `text` is no JSON (not the plugin's data: no assessment).
function readSpec(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

// What stays of the page's state `was` for the assessment `spec` (null: none on this page): when
// the same one is drawn again (Material does so for a link within the page), whether one dimension
// is drawn at a time, and which is current.
function carriedOver(was, spec) {
  const same = spec?.id === was.spec?.id;
  return { same, one: same && was.one, current: same ? was.current : spec?.dimensions[0].id };
}
