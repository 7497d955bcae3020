"""Radar charts as inline SVG (no chart library), for the team report.

The page's script draws the same chart from the same geometry (`contract.RADAR`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from ..output.contract import RADAR

CENTRE = RADAR.size / 2


def point(index: int, count: int, distance: float) -> tuple[float, float]:
    """Where `distance` from the centre lies on axis `index` of `count` (the first points up)."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return CENTRE + distance * math.cos(angle), CENTRE + distance * math.sin(angle)


def _at(index: int, count: int, value: float) -> tuple[float, float]:
    return point(index, count, RADAR.radius * max(0.0, min(value, 100.0)) / 100)


def _polygon(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def _label(index: int, count: int, label: str) -> str:
    """An axis label on one line, read from outside the chart as the page's script places it:
    anchored at its end on the left, its start on the right, its middle at the top and bottom;
    above the point at the top, below it at the bottom, centred on it at the sides."""
    x, y = point(index, count, RADAR.label_radius)
    side = (y - CENTRE) / RADAR.label_radius  # -1 at the top, 1 at the bottom
    anchor = "middle" if abs(x - CENTRE) < 1 else "start" if x > CENTRE else "end"
    return (f'<text x="{x:.1f}" y="{y:.1f}" dy="{0.35 + side * 0.6:.2f}em" '
            f'text-anchor="{anchor}">{escape(label)}</text>')


def radar_svg(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
              title: str, label_room: int = RADAR.margin_x) -> str:
    """An SVG radar of `series` (name, one 0-100 value per label; None counts as 0), with
    `label_room` units left and right of the chart for the labels, each on one line."""
    count = len(labels)
    rings = "".join(
        f'<polygon class="ring" points="{_polygon([_at(i, count, ring) for i in range(count)])}"/>'
        for ring in RADAR.rings
    )
    axes = "".join(
        f'<line class="axis" x1="{CENTRE}" y1="{CENTRE}" x2="{x:.1f}" y2="{y:.1f}"/>'
        + _label(i, count, label)
        for i, label in enumerate(labels)
        for x, y in [_at(i, count, 100)]
    )
    shapes = "".join(
        f'<polygon class="series series-{n}" points="'
        + _polygon([_at(i, count, value or 0) for i, value in enumerate(values)])
        + f'"><title>{escape(name)}</title></polygon>'
        for n, (name, values) in enumerate(series)
    )
    view_box = (f"{-label_room} {-RADAR.margin_y} {RADAR.size + 2 * label_room} "
                f"{RADAR.size + 2 * RADAR.margin_y}")
    return (f'<svg class="radar" viewBox="{view_box}" width="{RADAR.size + 2 * label_room}" '
            f'role="img" aria-label="{escape(title)}">{rings}{axes}{shapes}</svg>')
