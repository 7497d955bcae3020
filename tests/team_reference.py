"""An independent computation of the team report, written from the specification (DESIGN's
"Scoring" and "Groups", `scoring.py`'s docstring, the guide's "Team report") and importing
nothing from the package: the assessment read as plain YAML, exact arithmetic (fractions), the
quartiles interpolated by hand. The tests hold `playbooks aggregate`'s files to it.
"""

from __future__ import annotations

import csv
import html
import json
import math
import re
from dataclasses import dataclass
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml


def half_up(value: Fraction) -> int:
    """The shown number: rounded half up."""
    return math.floor(value + Fraction(1, 2))


@dataclass
class Shown:
    score: int | None
    level: str | None
    complete: bool


class Reference:
    """An assessment as its YAML file says, scored exactly."""

    def __init__(self, path: Path) -> None:
        self.spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.levels = [(level["id"], level["title"], Fraction(str(level["min"])))
                       for level in self.spec["levels"]]
        self.dimensions = self.spec["dimensions"]
        self.complete_at = Fraction(str(self.spec.get("complete_at", 100)))

    def level(self, score: int | None) -> str | None:
        if score is None:
            return None
        reached = [key for key, _, low in self.levels if low <= score]
        return reached[-1] if reached else None

    def title(self, level: str | None) -> str:
        return next((title for key, title, _ in self.levels if key == level), "")

    def dimension(self, dimension: dict[str, Any], answers: dict[str, str]) -> Shown:
        points = weights = Fraction(0)
        answered = 0
        for question in dimension["questions"]:
            answer = answers.get(question["id"])
            if answer == "na" and question.get("allow_na", False):
                answered += 1
                continue
            scores = {c["id"]: Fraction(str(c["score"])) for c in question["choices"]}
            if answer not in scores:
                continue
            answered += 1
            weight = Fraction(str(question.get("weight", 1)))
            points += weight * scores[answer] / max(scores.values())
            weights += weight
        complete = 100 * answered >= self.complete_at * len(dimension["questions"])
        score = half_up(100 * points / weights) if weights else None
        return Shown(score, self.level(score) if complete else None, complete)

    def attempt(self, answers: dict[str, str]) -> tuple[dict[str, Shown], Shown]:
        shown = {d["id"]: self.dimension(d, answers) for d in self.dimensions}
        total = weights = Fraction(0)
        for d in self.dimensions:
            if shown[d["id"]].score is not None:
                weight = Fraction(str(d.get("weight", 1)))
                total += weight * shown[d["id"]].score
                weights += weight
        complete = all(s.complete for s in shown.values())
        score = half_up(total / weights) if weights else None
        return shown, Shown(score, self.level(score) if complete else None, complete)


def quantile(ordered: list[int], part: Fraction) -> Fraction:
    """Spreadsheets' QUARTILE.INC: linear between the sorted values at (n - 1) × part."""
    position = (len(ordered) - 1) * part
    low = math.floor(position)
    if low + 1 >= len(ordered):
        return Fraction(ordered[low])
    return ordered[low] + (position - low) * (ordered[low + 1] - ordered[low])


def figures(scores: list[int]) -> dict[str, int | None]:
    if not scores:
        return dict.fromkeys(("min", "q1", "median", "q3", "max", "mean"))
    ordered = sorted(scores)
    return {"min": ordered[0], "q1": half_up(quantile(ordered, Fraction(1, 4))),
            "median": half_up(quantile(ordered, Fraction(1, 2))),
            "q3": half_up(quantile(ordered, Fraction(3, 4))), "max": ordered[-1],
            "mean": half_up(Fraction(sum(ordered), len(ordered)))}


@dataclass
class Attempt:
    path: Path
    data: dict[str, Any]

    @property
    def key(self) -> str:
        """An attempt in a round: the same answers exported for two rounds count in each."""
        return json.dumps([self.data.get("round"), self.data.get("attempt") or [
            self.data["taken_at"], sorted(self.data["answers"].items())]])


def counted(paths: list[Path]) -> list[Attempt]:
    """One file per attempt and round (its last export; of equal times the first given), then
    one attempt per participant and round (the latest taken)."""
    attempts: dict[str, Attempt] = {}
    for path in paths:
        attempt = Attempt(path, json.loads(path.read_text(encoding="utf-8")))
        was = attempts.get(attempt.key)
        exported = attempt.data.get("exported_at", attempt.data["taken_at"])
        if was is None or exported > was.data.get("exported_at", was.data["taken_at"]):
            attempts[attempt.key] = attempt
    latest: dict[tuple[Any, str], Attempt] = {}
    kept = []
    for attempt in attempts.values():
        who = attempt.data.get("respondent")
        if who is None:
            kept.append(attempt)
            continue
        key = (attempt.data.get("round"), who)
        if key not in latest or attempt.data["taken_at"] >= latest[key].data["taken_at"]:
            latest[key] = attempt
    return kept + list(latest.values())


def rounds(attempts: list[Attempt]) -> list[tuple[str | None, list[Attempt]]]:
    """Rounds in the order of their first attempt."""
    groups: dict[str | None, list[Attempt]] = {}
    for attempt in attempts:
        groups.setdefault(attempt.data.get("round"), []).append(attempt)
    return sorted(groups.items(), key=lambda item: min(a.data["taken_at"] for a in item[1]))


@dataclass
class RoundFigures:
    name: str | None
    participants: int
    stats: dict[str, dict[str, int | None]]
    """Dimension id (or "overall") → statistic → value."""
    levels: dict[str, dict[str, int]]
    """Dimension id (or "overall") → level id → participants at that level."""
    overall_by_respondent: dict[str, int | None]


def round_figures(reference: Reference, name: str | None,
                  attempts: list[Attempt]) -> RoundFigures:
    scored = [reference.attempt(a.data["answers"]) for a in attempts]
    stats, levels = {}, {}
    for d in reference.dimensions:
        shown = [dimensions[d["id"]] for dimensions, _ in scored]
        stats[d["id"]] = figures([s.score for s in shown if s.score is not None])
        levels[d["id"]] = {key: sum(s.level == key for s in shown)
                           for key, _, _ in reference.levels}
    overall = [o for _, o in scored]
    stats["overall"] = figures([o.score for o in overall if o.score is not None])
    levels["overall"] = {key: sum(o.level == key for o in overall)
                         for key, _, _ in reference.levels}
    people = {a.data["respondent"]: o.score for a, (_, o) in zip(attempts, scored, strict=True)
              if a.data.get("respondent")}
    return RoundFigures(name, len(attempts), stats, levels, people)


def plan(reference: Reference, last: RoundFigures, targets: dict[str, str]) -> list[
        tuple[str, int | None]]:
    """(dimension id, points to go) in the plan's order: below target by gap × weight, then no
    target by lowest median, then target reached; ties in the file's order."""
    minimum = {key: low for key, _, low in reference.levels}
    rows = []
    for order, d in enumerate(reference.dimensions):
        median = last.stats[d["id"]]["median"]
        weight = Fraction(str(d.get("weight", 1)))
        target = targets.get(d["id"])
        if median is None:
            rows.append(((3, 0, 0, order), d["id"], None))
        elif target is None:
            rows.append(((1, median, -weight, order), d["id"], None))
        else:
            gap = max(0, math.ceil(minimum[target]) - median)
            rank = (0, -gap * weight, -gap, order) if gap else (2, median, -weight, order)
            rows.append((rank, d["id"], gap))
    return [(key, gap) for _, key, gap in sorted(rows)]


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark, for spreadsheets
    text = raw.decode("utf-8-sig")
    return list(csv.DictReader(text.splitlines(), delimiter=";" if ";" in text.split("\n")[0]
                               else ","))


class Tables(HTMLParser):
    """The report's tables by class: rows of cell texts, the header row first."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._table: list[list[str]] | None = None
        self._cell: list[str] | None = None
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._table = self.tables.setdefault(dict(attrs).get("class") or "", [])
        elif tag == "tr" and self._table is not None:
            self._table.append([])
        elif tag in ("td", "th") and self._table is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._table is not None and self._cell is not None:
            self._table[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag == "table":
            self._table = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def signed(change: int) -> str:
    return f"+{change}" if change > 0 else f"−{-change}" if change else "="


def assert_report(reference: Reference, out: Path, paths: list[Path],
                  targets: dict[str, str]) -> list[RoundFigures]:
    """Every number of the French report in `out` (both CSV files, the HTML's tables and its
    sentence on who improved) is the independent computation's from `paths`; its rounds."""
    rounds = [round_figures(reference, name, group) for name, group in rounds_of(paths)]
    titles = {d["id"]: d["title"] for d in reference.dimensions} | {"overall": "Global"}
    rows = read_csv(out / "team-report.csv")
    assert len(rows) == len(rounds) * len(titles)
    for figures in rounds:
        for key, title in titles.items():
            row = next(r for r in rows if r["Campagne"] == (figures.name or "(sans campagne)")
                       and r["Dimension"] == title)
            expected = figures.stats[key]
            for column, stat in (("Min", "min"), ("Q1", "q1"), ("Médiane", "median"),
                                 ("Q3", "q3"), ("Max", "max"), ("Moyenne", "mean")):
                assert row[column] == _cell(expected[stat]), (figures.name, key, stat)
            assert row["Participants"] == str(figures.participants)
            assert row["Niveau de l'équipe (médiane)"] == reference.title(
                reference.level(expected["median"]))
            assert row["Cible"] == reference.title(targets.get(key))
            for level_id, level_title, _ in reference.levels:
                assert row[level_title] == str(figures.levels[key][level_id])

    page = (out / "team-report.html").read_text(encoding="utf-8")
    tables = Tables(page).tables
    if len(rounds) > 1:
        timeline = {row[0]: row[1:] for row in tables["timeline-table"][1:]}
        for key, title in titles.items():
            cells = timeline[title]
            for figures, cell in zip(rounds, cells, strict=False):
                stats = figures.stats[key]
                assert cell == f"{stats['median']} ({stats['q1']}–{stats['q3']})", (key, cell)
            change = rounds[-1].stats[key]["median"] - rounds[-2].stats[key]["median"]
            assert cells[-1] == signed(change)
        moves = {row[0]: row[1:] for row in tables["moves"][1:]}
        for key, title in titles.items():
            if key == "overall":
                continue
            before, after = rounds[-2].stats[key]["median"], rounds[-1].stats[key]["median"]
            assert moves[title] == [
                f"{before} · {reference.title(reference.level(before))}",
                f"{after} · {reference.title(reference.level(after))}", signed(after - before)]
        assert_timeline_charts(reference, page, rounds, targets, titles)
        people = rounds[-1].overall_by_respondent
        earlier = rounds[-2].overall_by_respondent
        both = sorted(set(people) & set(earlier))
        if both:
            improved = sum(people[w] > earlier[w] for w in both)  # type: ignore[operator]
            same = sum(people[w] == earlier[w] for w in both)
            text = " ".join(html.unescape(page).split())
            assert (f"{len(both)} participant{'s ont' if len(both) > 1 else ' a'} répondu aux "
                    f"deux campagnes : {improved} en progrès · {same} stable") in text
    spread = {row[0]: row[1:] for row in tables["spread"][1:]}
    for key, title in titles.items():
        stats = rounds[-1].stats[key]
        assert spread[title][2:8] == [_cell(stats[s]) for s in
                                      ("min", "q1", "median", "q3", "max", "mean")]

    expected_plan = plan(reference, rounds[-1], targets)
    assert_html_plan(reference, page, rounds[-1], targets, expected_plan)
    plan_rows = read_csv(out / "team-plan.csv")
    assert [r["Dimension"] for r in plan_rows] == [titles[key] for key, _ in expected_plan]
    assert [r["Points à gagner"] for r in plan_rows] == [
        "" if gap is None else str(gap) for _, gap in expected_plan]
    assert [r["Médiane"] for r in plan_rows] == [
        _cell(rounds[-1].stats[key]["median"]) for key, _ in expected_plan]
    assert [r["Rang"] for r in plan_rows] == [str(n) for n in range(1, len(plan_rows) + 1)]
    assert all(r["Responsable"] == "" and r["Échéance"] == "" for r in plan_rows)
    return rounds


def assert_html_plan(reference: Reference, page: str, last: RoundFigures,
                     targets: dict[str, str], expected_plan: list[tuple[str, int | None]]) -> None:
    """The HTML's *what to do next*: the dimensions in the plan's order, each with its median,
    its level and its gap to the target (or the target reached, or none)."""
    titles = {d["id"]: d["title"] for d in reference.dimensions}
    steps = re.findall(r'<li class="step [^"]*"><h3>(.*?)</h3><p class="where">(.*?)</p>', page)
    assert [html.unescape(title) for title, _ in steps] == [
        titles[key] for key, _ in expected_plan]
    for (_, where), (key, gap) in zip(steps, expected_plan, strict=True):
        median = last.stats[key]["median"]
        line = html.unescape(where)
        if median is None:  # no one scored it: no level, no gap
            continue
        assert line.startswith(
            f"Médiane {median}, niveau {reference.title(reference.level(median))}"), line
        target = reference.title(targets.get(key))
        if gap:
            assert line.endswith(f"cible {target} : {gap} point{'s' if gap > 1 else ''} à "
                                 "gagner"), line
        elif gap == 0:
            assert line.endswith(f"cible {target} atteinte"), line
        else:
            assert line.endswith("pas de cible"), line


def assert_timeline_charts(reference: Reference, page: str, rounds: list[RoundFigures],
                           targets: dict[str, str], titles: dict[str, str]) -> None:
    """Each timeline chart draws, per round, the median (its dot and its number) and the band
    from Q1 to Q3 where the computed figures put them on the chart's own scale (read from its
    frame: 100 at the top, 0 at the foot), and the target's line at its level's minimum."""
    figures = re.findall(r'<figure class="timeline-figure"><figcaption>(.*?)</figcaption>'
                         r"(<svg.*?</svg>)</figure>", page)
    assert len(figures) == len(titles)
    minimum = {key: low for key, _, low in reference.levels}
    for (caption, svg), (key, title) in zip(figures, titles.items(), strict=True):
        target = targets.get(key)
        assert html.unescape(caption) == title + (
            f" · Cible {reference.title(target)} ({minimum[target]})" if target else "")
        top, bottom = map(float, re.search(
            r'<line class="frame" x1="[\d.]+" x2="[\d.]+" y1="([\d.]+)" y2="([\d.]+)"/>',
            svg).groups())  # type: ignore[union-attr]

        def y(score: Fraction, top: float = top, bottom: float = bottom) -> float:
            return bottom - (bottom - top) * float(score) / 100

        stats = [r.stats[key] for r in rounds if r.stats[key]["median"] is not None]
        assert re.findall(r'<text class="value"[^>]*>(\d+)</text>', svg) == [
            str(s["median"]) for s in stats]
        dots = [float(v) for v in re.findall(r'<circle class="median" cx="[\d.]+" '
                                             r'cy="([\d.]+)"', svg)]
        assert dots == pytest.approx([y(Fraction(s["median"] or 0)) for s in stats], abs=0.06)
        band = [float(v) for v in re.findall(r",([\d.]+)", re.search(
            r'<polygon class="band" points="([^"]*)"', svg).group(1))]  # type: ignore[union-attr]
        assert band == pytest.approx(
            [y(Fraction(s["q3"] or 0)) for s in stats]
            + [y(Fraction(s["q1"] or 0)) for s in reversed(stats)], abs=0.06)
        aims = [float(v) for v in re.findall(r'<line class="target"[^>]* y1="([\d.]+)"', svg)]
        assert aims == pytest.approx([y(minimum[target])] if target else [], abs=0.06)


def _cell(value: int | None) -> str:
    return "" if value is None else str(value)


def rounds_of(paths: list[Path]) -> list[tuple[str | None, list[Attempt]]]:
    """The rounds of the attempts counted from `paths`, in the order of their first attempt."""
    return rounds(counted(paths))
