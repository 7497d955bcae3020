"""A timeline as inline SVG (no chart library), for the team report: one dimension's median per
round as a line, the middle half of its scores (first to third quartile) as a band, the levels'
minimums as faint lines and the target, if any, as a dashed one.

Drawn at its own size (one unit, one CSS pixel: `WIDTH` fits a 390 px phone), so its 11 px text
stays 11 px."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from ..core.model import Level

WIDTH, HEIGHT = 320, 176
LEFT, RIGHT, TOP, BOTTOM = 30, 14, 16, 140
"""The plot's edges: the score 100 at `TOP`, 0 at `BOTTOM`; round names under it."""
FONT = 11
CHARACTER = 0.6 * FONT
"""An average character's width, generous for the system font."""


@dataclass(frozen=True)
class Point:
    """One round of one dimension: its median and quartiles (None without any score)."""

    round: str
    median: int | None
    q1: int | None
    q3: int | None


def _y(score: float) -> float:
    return BOTTOM - (BOTTOM - TOP) * max(0.0, min(score, 100.0)) / 100


def _x(index: int, count: int) -> float:
    if count == 1:
        return (LEFT + WIDTH - RIGHT) / 2
    return LEFT + 12 + (WIDTH - RIGHT - LEFT - 24) * index / (count - 1)


def _short(name: str, room: float) -> str:
    most = max(3, int(room // CHARACTER))
    return name if len(name) <= most else name[:most - 1] + "…"


def timeline_svg(points: Sequence[Point], levels: Sequence[Level], target: Level | None,
                 label: str) -> str:
    """An SVG of `points` in order, labelled `label` for assistive technology."""
    count = len(points)
    grid = "".join(
        f'<line class="level" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_y(level.min):.1f}" '
        f'y2="{_y(level.min):.1f}"/><text class="axis" x="{LEFT - 4}" y="{_y(level.min):.1f}" '
        f'dy="0.35em" text-anchor="end">{level.min:g}</text>'
        for level in levels)
    aim = ""
    if target is not None:
        aim = (f'<line class="target" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{_y(target.min):.1f}" '
               f'y2="{_y(target.min):.1f}"/>')
    scored = [(n, p) for n, p in enumerate(points) if p.median is not None]
    band = ""
    if scored:
        upper = [f"{_x(n, count):.1f},{_y(p.q3 or 0):.1f}" for n, p in scored]
        lower = [f"{_x(n, count):.1f},{_y(p.q1 or 0):.1f}" for n, p in reversed(scored)]
        band = f'<polygon class="band" points="{" ".join(upper + lower)}"/>'
    line = ""
    if len(scored) > 1:
        line = ('<polyline class="median" points="'
                + " ".join(f"{_x(n, count):.1f},{_y(p.median or 0):.1f}" for n, p in scored)
                + '"/>')
    dots = "".join(
        f'<circle class="median" cx="{_x(n, count):.1f}" cy="{_y(p.median or 0):.1f}" r="3.5"/>'
        f'<text class="value" x="{_x(n, count):.1f}" y="{_y(p.median or 0) - 7:.1f}" '
        f'text-anchor="middle">{p.median}</text>'
        for n, p in scored)
    room = (WIDTH - LEFT - RIGHT) / count
    names = "".join(
        f'<text class="axis" x="{_x(n, count):.1f}" y="{BOTTOM + 18}" text-anchor="middle">'
        f"{escape(_short(p.round, room))}</text>"
        for n, p in enumerate(points))
    return (f'<svg class="timeline" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
            f'height="{HEIGHT}" role="img" aria-label="{escape(label)}">'
            f'<line class="frame" x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{BOTTOM}"/>'
            f"{grid}{aim}{band}{line}{dots}{names}</svg>")
