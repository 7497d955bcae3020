// attempt.js: an attempt's identity and what its export carries. An attempt gets its id when it is
// taken, from its answers and the times they were given: every export of the same answers (again,
// later, from the page in another language) names the same attempt, and a changed answer makes a
// new one. The round a facilitator sets (a link's `?round=`, or the page's field), the reader's
// evidence on each answer, the browser's participant id. Pure: `mine` is an assessment's sheet.
//
// uses scoring.js: results
// gives: attemptId, keptId, keepAttempt, exportedAttempt, evidenceOf, cleanRound, roundFromLink
// gives: cleanEvidence, newRespondent

// 64 bits of a string's digest (FNV-1a, twice): an identity, not a secret.
const digest = (text) => [2166136261, 3166136261].map((h) => {
  for (const c of text) h = Math.imul(h ^ c.codePointAt(0), 16777619);
  return (h >>> 0).toString(36);
}).join("");

// The id of the attempt the sheet's answers make: its answers and when each was given.
function attemptId(spec, mine) {
  const given = Object.entries(mine.answers).filter(([, a]) => a.choice)
    .map(([q, a]) => [q, a.choice, a.at]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return `a${digest(JSON.stringify([spec.id, given]))}`;
}

// A kept attempt's id; one kept before attempts had ids gets one from its time, the same each time.
const keptId = (attempt) => attempt.id ?? `t${attempt.taken_at.replace(/\D/g, "")}`;

// Whether the kept `attempt` is the one the sheet's answers make: the same id (the same answers,
// given at the same times); one kept before attempts had ids, when it holds the same answers.
const isKept = (spec, attempt, mine, answers) => Boolean(attempt) && (attempt.id
  ? attempt.id === attemptId(spec, mine) : JSON.stringify(attempt.answers) === JSON.stringify(answers));

// The reader's evidence on the answers given: question id → text, the empty ones left out.
function evidenceOf(mine, answers) {
  const evidence = Object.create(null);
  for (const [question, note] of Object.entries(mine.evidence ?? {})) {
    if (answers[question] !== undefined && note.text) evidence[question] = note.text;
  }
  return evidence;
}

// Complete answers kept as an attempt taken at `at`, with its id, round and evidence, unless the
// last attempt is already this one. The same answers given again (after clearing, for another
// round) are another attempt.
function keepAttempt(spec, mine, answers, at) {
  if (!results(spec, answers).complete || isKept(spec, mine.attempts.at(-1), mine, answers)) return;
  const attempt = { id: attemptId(spec, mine), taken_at: at, answers };
  if (mine.round) attempt.round = mine.round;
  const evidence = evidenceOf(mine, answers);
  if (Object.keys(evidence).length) attempt.evidence = evidence;
  mine.attempts.push(attempt);
}

// What an export of `answers` says of its attempt: the kept attempt that holds them, else the one
// the sheet's answers make (taken when the last of them was given); with the round and evidence
// of now. `mine` null: a share link's answers, named by the answers alone.
function exportedAttempt(spec, mine, answers, at) {
  if (!mine) return { id: `s${digest(JSON.stringify([spec.id, Object.entries(answers).sort()]))}`, taken_at: at };
  const last = mine.attempts.at(-1);
  const times = Object.values(mine.answers).filter((a) => a.choice).map((a) => a.at).sort();
  const [id, takenAt] = isKept(spec, last, mine, answers) ? [keptId(last), last.taken_at]
    : [attemptId(spec, mine), times.at(-1) ?? at];
  return { id, taken_at: takenAt, round: mine.round || undefined, evidence: evidenceOf(mine, answers) };
}

// A round's name as kept and exported: NFC, spaces single and trimmed; "" for none; null when it
// cannot be one (too long, or a control character in it).
function cleanRound(spec, text) {
  const name = String(text).normalize("NFC").split(/\s+/u).filter(Boolean).join(" ");
  return name.length > spec.constants.result.round_chars || /[\u0000-\u001f\u007f-\u009f]/u.test(name) ? null : name;
}

// The round a link sets (`?round=2026-Q1`); null when it sets none (or one that cannot be).
function roundFromLink(spec, search) {
  const given = new URLSearchParams(search).get("round");
  const name = given === null ? null : cleanRound(spec, given);
  return name || null;
}

// A note as kept: at most the result format's length, without control characters (line breaks
// and tabs kept) or direction overrides, its ends trimmed.
const cleanEvidence = (spec, text) => String(text)
  .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu, "")
  .slice(0, spec.constants.result.evidence_chars).trim();

// A participant id from random bytes: 20 letters and digits, names no one.
const newRespondent = (bytes) => Array.from(bytes.slice(0, 20), (b) => (b % 36).toString(36)).join("");
