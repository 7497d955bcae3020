"""The script's time per answer of a 200-question self-assessment, in Chromium.

Run: python benchmarks/questionnaire.py [--questions 200] [--rounds 3] [--out benchmarks/RESULTS.md]

Builds a site (the plugin, Material) with one assessment of `--questions` questions in 10
dimensions, serves it on 127.0.0.1 and opens it in Debian's Chromium (`/usr/bin/chromium`,
driven by Playwright). In the page, every question is answered by a click on one of its radios,
and each answer's `change` event is timed with `performance.now()` from a capturing listener on
`window` (before the script's listener on `document`) to a bubbling one on `window` (after it):
the script's own work for that answer before the page shows it; not the browser's later style
and layout, nor the answer's storage write, which the script puts off until the page has shown
the answer (`storage.js`): that write is timed apart, as the script makes it (the whole progress
document as stored, turned into JSON and stored), once per answer. The run stops if the page's
script throws while answering. Twice: results hidden (a first answer set), then results shown
(each answer changed again once the results are asked for). Prints the median, 90th percentile
and maximum per answer, and the target (≤ 1 ms); writes them into RESULTS.md between
`<!-- questionnaire:start -->` and `<!-- questionnaire:end -->`. A benchmark, not a test:
nothing asserts a time.

`--profile FILE.cpuprofile` also records the answers with the results shown in Chromium's
sampling profiler (CDP `Profiler`, every 50 µs; the first round only), writes the profile (open
it in Chromium's DevTools, Performance panel) and prints the functions with the most time of
their own, summed over every answer.
"""

from __future__ import annotations

import argparse
import collections
import functools
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

try:
    from benchmarks import common
except ImportError:  # run as `python benchmarks/questionnaire.py`
    import common  # type: ignore[no-redef, import-not-found]

CHROMIUM = "/usr/bin/chromium"
TARGET_MS = 1.0
PUT_OFF = "its write, put off"
"""The answer's storage write, timed apart: the script makes it once the page shows the answer."""
DIMENSIONS = 10

ANSWER_ALL = """
async (round) => {
  const times = [];
  let start = 0;
  const before = () => { start = performance.now(); };
  const after = () => { times.push(performance.now() - start); };
  window.addEventListener("change", before, true);
  window.addEventListener("change", after);
  const radios = [...document.querySelectorAll("input[data-pb-answer]")];
  const questions = [...new Set(radios.map((radio) => radio.dataset.pbAnswer))];
  for (const q of questions) {
    const choices = radios.filter((r) => r.dataset.pbAnswer === q);
    choices[(round + q.length) % choices.length].click();
    await new Promise((resolve) => setTimeout(resolve, 0)); // the browser draws between answers
  }
  window.removeEventListener("change", before, true);
  window.removeEventListener("change", after);
  return times;
}
"""

WRITE_AGAIN = """
(count) => {
  // The write storage.js puts off after an answer, made here as it makes it: the whole progress
  // document (as stored once every answer is in) turned into JSON and stored under its key.
  const key = Object.keys(localStorage).find((name) => name.endsWith(".mkdocs-playbooks"));
  const doc = JSON.parse(localStorage.getItem(key));
  const answer = Object.values(Object.values(doc.assessments)[0].answers)[0];
  const times = [];
  for (let n = 0; n < count; n += 1) {
    answer.at = new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(); // a change, as an answer's
    const start = performance.now();
    localStorage.setItem(key, JSON.stringify(doc));
    times.push(performance.now() - start);
  }
  return times;
}
"""


def assessment_yaml(questions: int) -> str:
    per = max(1, questions // DIMENSIONS)
    lines = ["kind: assessment", "title: Maturité numérique", "levels:",
             "  - {id: debut, title: Début, min: 0}", "  - {id: suite, title: Suite, min: 40}",
             "  - {id: fin, title: Fin, min: 75}", "dimensions:"]
    for d in range(DIMENSIONS):
        lines += [f"  - id: d{d}", f"    title: Dimension {d}", "    questions:"]
        for q in range(per):
            lines += [f"      - id: q{d}-{q}", f"        text: Question {q} de la dimension {d} ?",
                      "        choices:",
                      "          - {id: non, text: Non, score: 0}",
                      "          - {id: parfois, text: Parfois, score: 1}",
                      "          - {id: oui, text: Oui, score: 2}"]
        lines += ["    recommendations:", "      - level: debut", "        text: Commencez."]
    return "\n".join(lines) + "\n"


def build_site(root: Path, questions: int) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Accueil\n", encoding="utf-8")
    (root / "playbooks").mkdir()
    (root / "playbooks" / "maturite.yml").write_text(assessment_yaml(questions), encoding="utf-8")
    (root / "mkdocs.yml").write_text(
        "site_name: Questionnaire\ntheme:\n  name: material\n  language: fr\n  font: false\n"
        "plugins:\n  - search\n  - playbooks:\n      cache: false\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, check=True,
                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return root / "site"


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def measure(site: Path, rounds: int, profile: Path | None = None) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/assessments/maturite/"
    times: dict[str, list[float]] = {"results hidden": [], "results shown": [], PUT_OFF: []}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                                 args=["--no-sandbox", "--disable-gpu"])
            for round_ in range(rounds):
                page = browser.new_page()
                thrown: list[str] = []  # an answer cut short by an error is no answer timed
                page.on("pageerror", lambda error, thrown=thrown: thrown.append(str(error)))
                page.goto(url)
                page.wait_for_selector("[data-pb-answered]")
                page.evaluate("localStorage.clear()")
                page.reload()
                page.wait_for_selector("[data-pb-answered]")
                times["results hidden"] += _answers(page, round_)
                page.click("[data-pb-action=results]")
                page.wait_for_selector("[data-pb-results]:not([hidden])")
                if profile is not None and round_ == 0:
                    shown = _profiled_answers(page, round_ + 1, profile)
                else:
                    shown = _answers(page, round_ + 1)
                times["results shown"] += shown
                times[PUT_OFF] += page.evaluate(WRITE_AGAIN, len(shown))
                page.close()
                if thrown:
                    raise SystemExit(f"the page's script threw while answering: {thrown[0]}")
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return times


def _answers(page: Any, round_: int) -> list[float]:
    found: list[float] = page.evaluate(ANSWER_ALL, round_)
    return found


def _profiled_answers(page: Any, round_: int, out: Path) -> list[float]:
    """The answers, under Chromium's sampling profiler; the profile written to `out`."""
    session = page.context.new_cdp_session(page)
    session.send("Profiler.enable")
    session.send("Profiler.setSamplingInterval", {"interval": 50})
    session.send("Profiler.start")
    found = _answers(page, round_)
    profile = session.send("Profiler.stop")["profile"]
    session.detach()
    out.write_text(json.dumps(profile), encoding="utf-8")
    print(self_times(profile, len(found)))
    return found


def self_times(profile: dict[str, Any], answers: int, top: int = 25) -> str:
    """The functions with the most samples of their own, in ms per answer (the idle and
    program pseudo-nodes apart)."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    deltas = profile.get("timeDeltas", [])
    spent: collections.Counter[str] = collections.Counter()
    for sample, delta in zip(profile.get("samples", [])[1:], deltas[1:], strict=False):
        frame = nodes[sample]["callFrame"]
        url = frame.get("url", "").rsplit("/", 1)[-1]
        name = frame.get("functionName") or "(anonymous)"
        spent[f"{name} {url}:{frame.get('lineNumber', -1) + 1}"] += delta / 1000
    busy = sum(ms for name, ms in spent.items() if not name.startswith("(idle)"))
    lines = [f"Chromium profile, results shown: {busy / answers:.3f} ms of samples per answer "
             "outside idle (the page's other work included); self time per answer:"]
    lines += [f"  {ms / answers:7.3f} ms  {name}" for name, ms in spent.most_common(top)
              if not name.startswith("(idle)")]
    return "\n".join(lines)


def report(times: dict[str, list[float]], questions: int, rounds: int) -> str:
    lines = [f"{'answers':18} {'count':>5} {'median ms':>9} {'p90 ms':>7} {'max ms':>7} "
             f"{'total ms':>8}  target"]
    for name, values in times.items():
        ordered = sorted(values)
        median = statistics.median(ordered)
        p90 = ordered[int(0.9 * (len(ordered) - 1))]
        verdict = "PASS" if median <= TARGET_MS else "FAIL"
        target = "" if name == PUT_OFF else f"median ≤ {TARGET_MS:.0f} ms {verdict}"
        lines.append(f"{name:18} {len(values):5} {median:9.3f} {p90:7.3f} {ordered[-1]:7.3f} "
                     f"{sum(values) / rounds:8.1f}  {target}".rstrip())
    return (
        "## Questionnaire: the script's time per answer in Chromium\n\n"
        f"One assessment of {questions} questions in {DIMENSIONS} dimensions; every question "
        f"answered by a click, {rounds} rounds (a fresh page each); time from a capturing "
        "`change` listener on `window` to a bubbling one (the script's handler on `document` "
        "in between; `performance.now()`, whose resolution Chromium coarsens to 0.1 ms or "
        "less). `total` is per round (all the answers of a questionnaire).\n\n"
        f"Machine: {common.machine()}.\nDate: {common.today()}; load average: {common.load()}.\n"
        f"Command: `{common.command_line()}`\n\n```text\n" + "\n".join(lines) + "\n```\n"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--out", type=Path, default=common.RESULTS)
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--profile", type=Path, metavar="FILE",
                        help="record the answers with the results shown (first round) in "
                             "Chromium's profiler into FILE (.cpuprofile) and print the top "
                             "functions")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="playbooks-questionnaire-") as folder:
        site = build_site(Path(folder) / "site-src", args.questions)
        times = measure(site, args.rounds, args.profile)
    text = report(times, args.questions, args.rounds)
    print(text)
    if not args.no_write:
        common.write_section(args.out, "questionnaire", text)
        common.say(f"written to {args.out}")


if __name__ == "__main__":
    main()
