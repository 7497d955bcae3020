// fixtures.js: what the script's tests share. A part loaded alone with what its header says it
// uses, a seeded random generator, the worked example of tests/test_scoring.py as page data, answers.
"use strict";

const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const { spawnSync } = require("node:child_process");

const REPO = path.resolve(__dirname, "..", "..");
const SCRIPT_DIR = path.join(REPO, "plugins", "mkdocs_playbooks", "assets", "js");
const source = (name) => fs.readFileSync(path.join(SCRIPT_DIR, name), "utf8");

// A part's header, as assets.py's `read_part` reads it: [[part, [names]], ...] it uses (a part's
// lines joined), and the names it gives.
function header(name) {
  const uses = new Map();
  const gives = [];
  for (const line of source(name).split("\n")) {
    if (!line.startsWith("//")) break;
    const used = /^\/\/ uses ([\w.-]+\.js): (.+)$/.exec(line);
    const given = /^\/\/ gives: (.+)$/.exec(line);
    if (used) uses.set(used[1], [...uses.get(used[1]) ?? [], ...used[2].split(", ")]);
    if (given) gives.push(...given[1].split(", "));
  }
  return { uses: [...uses], gives };
}

// What a part gives, by name: the part run alone, strict as in the bundle, seeing only what its
// header says it uses (each from its part, loaded the same way, once per call) and Node's globals.
// `given` stands in for a page global or another part's name (a fake `localStorage`, a `store`):
// what the page would hold, or a double.
function part(name, given = {}, loaded = new Map()) {
  if (loaded.has(name)) return loaded.get(name);
  const scope = { ...given };
  for (const [from, names] of header(name).uses) {
    for (const used of names) if (!(used in scope)) scope[used] = part(from, given, loaded)[used];
  }
  // `"use strict";` on the first line, before the source: script_logic.py maps V8's coverage back.
  const body = `"use strict";${source(name)}\nreturn { ${header(name).gives.join(", ")} };`;
  const run = vm.compileFunction(body, Object.keys(scope), { filename: path.join(SCRIPT_DIR, name) });
  loaded.set(name, run(...Object.values(scope)));
  return loaded.get(name);
}

// The standard output of the Python of env PYTHON (the one with the package) run in the repository;
// kept for the rest of the run in the folder of env PYTHON_ANSWERS when given (tests/test_script.py
// gives a new one to each run): a second of Python's start-up and imports per call, else.
function python(...args) {
  const kept = process.env.PYTHON_ANSWERS &&
    path.join(process.env.PYTHON_ANSWERS, `${crypto.createHash("sha256").update(JSON.stringify(args)).digest("hex")}.txt`);
  if (kept && fs.existsSync(kept)) return fs.readFileSync(kept, "utf8");
  const options = { cwd: REPO, encoding: "utf8", maxBuffer: 1 << 28 };
  const run = spawnSync(process.env.PYTHON || "python3", args, options);
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`python ${args.join(" ")} failed (${run.status}):\n${run.stderr}`);
  if (kept) {
    fs.writeFileSync(`${kept}.${process.pid}`, run.stdout);
    fs.renameSync(`${kept}.${process.pid}`, kept); // whole or absent, for a file run at the same time
  }
  return run.stdout;
}

// The page data of a test assessment of tests/js/scoring_cases.py ("worked": the worked example)
// as contract.py writes it into the page, with its words in `language`: what the script reads.
const pageData = (name = "worked", language = "en") => JSON.parse(python("-c", `import json
from mkdocs_playbooks.output.contract import assessment_data
from mkdocs_playbooks.output.i18n import Strings
from tests.js.scoring_cases import assessments
print(json.dumps(assessment_data(assessments()[${JSON.stringify(name)}], Strings(${JSON.stringify(language)}))))`));

// The constants of contract.py as written into the page data (parity.test.js checks this copy).
const CONSTANTS = {
  na: "na",
  share: {
    version: "pb1", alphabet: "0123456789abcdefghijklmnopqrstuvwxyz",
    not_applicable: "_", unanswered: "-", max_questions: 2000,
  },
  radar: {
    size: 320, radius: 110, label_radius: 122, margin_x: 60, margin_y: 24, rings: [25, 50, 75, 100],
    label_width: 12,
  },
  result: { evidence_chars: 1000, round_chars: 80 },
};

const question = (id, scores, { weight = 1, na = false, ids } = {}) => ({
  id, weight, na, choices: scores.map((score, n) => ({ id: ids ? ids[n] : `${id}-${n}`, score })),
});

const WORKED = {
  id: "worked",
  complete_at: 100,
  levels: [
    { id: "silent", title: "Silent", min: 0 },
    { id: "responsive", title: "Responsive", min: 50 },
    { id: "reliable", title: "Reliable", min: 80 },
  ],
  dimensions: [
    { id: "listening", title: "Listening", weight: 1, questions: [
      question("where-asked", [0, 1, 2], { ids: ["no-idea", "roughly", "everywhere"] })] },
    { id: "answering", title: "Answering", weight: 2, questions: [
      question("delay", [0, 1, 2], { ids: ["week", "day", "hour"] }),
      question("tone", [0, 1], { weight: 0.5, na: true, ids: ["none", "models"] })] },
  ],
  strings: {},
  constants: CONSTANTS,
};

// Dimensions and questions named like Object.prototype's members: ids like any other.
const PROTOTYPE_NAMED = {
  ...WORKED,
  id: "constructor",
  dimensions: [
    { id: "__proto__", title: "Proto", weight: 1, questions: [
      question("constructor", [0, 2], { ids: ["toString", "valueOf"] }),
      question("__proto__", [0, 1], { na: true, ids: ["hasOwnProperty", "constructor"] })] },
    { id: "toString", title: "ToString", weight: 3, questions: [question("valueOf", [1, 0, 3])] },
  ],
};

// A seeded generator (mulberry32): the same cases on every run.
function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n) => Math.floor(next() * n);
  return { next, below, pick: (list) => list[below(list.length)] };
}

const questionsOf = (spec) => spec.dimensions.flatMap((d) => d.questions);

// Answers to some questions: a choice, or `na` where allowed; none for the others.
function randomAnswers(spec, rng) {
  const skip = rng.pick([0, 0.3, 0.7, 1]);
  const answers = Object.create(null);
  for (const q of questionsOf(spec)) {
    if (rng.next() < skip) continue;
    answers[q.id] = q.na && rng.next() < 0.25 ? spec.constants.na : rng.pick(q.choices).id;
  }
  return answers;
}

module.exports = {
  REPO, SCRIPT_DIR, source, header, part, python, pageData, CONSTANTS, WORKED, PROTOTYPE_NAMED, random, questionsOf, randomAnswers,
};
