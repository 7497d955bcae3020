"""Radar charts as inline SVG (no chart library), for the team report.

The page's script draws the same chart from the same geometry (`contract.RADAR`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

from .contract import RADAR

CENTRE = RADAR.size / 2


def point(index: int, count: int, distance: float) -> tuple[float, float]:
    """Where `distance` from the centre lies on axis `index` of `count` (the first points up)."""
    angle = -math.pi / 2 + 2 * math.pi * index / count
    return CENTRE + distance * math.cos(angle), CENTRE + distance * math.sin(angle)


def _at(index: int, count: int, value: float) -> tuple[float, float]:
    return point(index, count, RADAR.radius * max(0.0, min(value, 100.0)) / 100)


def _polygon(points: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{x:.1f},{y:.1f}" for x, y in points)


def radar_svg(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
              title: str) -> str:
    """An SVG radar of `series` (name, one 0-100 value per label; None counts as 0)."""
    count = len(labels)
    rings = "".join(
        f'<polygon class="ring" points="{_polygon([_at(i, count, ring) for i in range(count)])}"/>'
        for ring in RADAR.rings
    )
    axes = "".join(
        f'<line class="axis" x1="{CENTRE}" y1="{CENTRE}" x2="{x:.1f}" y2="{y:.1f}"/>'
        f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="middle">{escape(label)}</text>'
        for i, label in enumerate(labels)
        for (x, y), (tx, ty) in [(_at(i, count, 100), point(i, count, RADAR.label_radius))]
    )
    shapes = "".join(
        f'<polygon class="series series-{n}" points="'
        + _polygon([_at(i, count, value or 0) for i, value in enumerate(values)])
        + f'"><title>{escape(name)}</title></polygon>'
        for n, (name, values) in enumerate(series)
    )
    return (f'<svg class="radar" viewBox="{RADAR.view_box}" role="img" '
            f'aria-label="{escape(title)}">{rings}{axes}{shapes}</svg>')
