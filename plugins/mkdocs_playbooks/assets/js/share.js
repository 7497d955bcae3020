// share.js: share links. "#<version>.<fingerprint>.<code>", the code holding one character per
// question (the chosen choice's index in the alphabet, or the not-applicable or unanswered
// character); the fingerprint ties a link to the assessment's structure. Decoded strictly: any
// doubt and the link is refused. Pure; characters and limits come from `spec.constants.share`,
// the reference is plugins/mkdocs_playbooks/assessment/share.py.
//
// uses scoring.js: allQuestions
// gives: fingerprint, isShareFragment, encodeShare, decodeShare

// FNV-1a (32 bits) of the assessment's ids, in base 36.
function fingerprint(spec) {
  const text = spec.dimensions.map((d) => d.questions.map((q) =>
    `${q.id}:${q.choices.map((c) => c.id).join(",")}${q.na ? "!" : ""}`).join(";")).join("|");
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(`${spec.id}/${text}`)) {
    hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

// Whether `hash` claims to be a share link (and so is either opened or refused).
const isShareFragment = (spec, hash) => hash.startsWith(`#${spec.constants.share.version}.`);

// The link's fragment, or null when no link can hold these answers (more questions than
// `max_questions`, or a choice beyond the alphabet): every link made is one `decodeShare` opens.
function encodeShare(spec, answers) {
  const { version, alphabet, not_applicable: notApplicable, unanswered } = spec.constants.share;
  const given = new Map(Object.entries(answers)); // own entries only: any id is safe
  const code = allQuestions(spec).map((q) => {
    const answer = given.get(q.id);
    if (answer === spec.constants.na && q.na) return notApplicable;
    const index = q.choices.findIndex((c) => c.id === answer);
    return index < 0 ? unanswered : alphabet[index]; // undefined past the alphabet: joined as ""
  }).join("");
  const fragment = `#${version}.${fingerprint(spec)}.${code}`;
  return decodeShare(spec, fragment) ? fragment : null;
}

// The answers of a share link (question id → choice id or `na`), or null when not valid for `spec`.
function decodeShare(spec, hash) {
  const share = spec.constants.share;
  const prefix = `#${share.version}.${fingerprint(spec)}.`;
  const questions = allQuestions(spec);
  if (typeof hash !== "string" || !hash.startsWith(prefix)) return null;
  const code = hash.slice(prefix.length);
  if (code.length !== questions.length || code.length > share.max_questions) return null;
  const answers = Object.create(null);
  for (const [n, q] of questions.entries()) {
    const index = share.alphabet.indexOf(code[n]);
    if (code[n] === share.not_applicable && q.na) answers[q.id] = spec.constants.na;
    else if (index >= 0 && index < q.choices.length) answers[q.id] = q.choices[index].id;
    else if (code[n] !== share.unanswered) return null;
  }
  return answers;
}
