"""Radar charts as inline SVG (no chart library), for the team report.

The browser draws the same chart in `assets/playbooks.js`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

SIZE = 320
CENTRE = SIZE / 2
RADIUS = 110


def _point(index: int, count: int, value: float) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / count
    distance = RADIUS * max(0.0, min(value, 100.0)) / 100
    return CENTRE + distance * math.cos(angle), CENTRE + distance * math.sin(angle)


def radar_svg(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None]]],
              title: str) -> str:
    """An SVG radar of `series` (name, one 0-100 value per label; None counts as 0)."""
    count = len(labels)
    rings = "".join(
        '<polygon class="ring" points="'
        + " ".join(f"{x:.1f},{y:.1f}" for x, y in (_point(i, count, ring) for i in range(count)))
        + '"/>'
        for ring in (25, 50, 75, 100)
    )
    axes = "".join(
        f'<line class="axis" x1="{CENTRE}" y1="{CENTRE}" x2="{x:.1f}" y2="{y:.1f}"/>'
        f'<text x="{tx:.1f}" y="{ty:.1f}" text-anchor="middle">{escape(label)}</text>'
        for i, label in enumerate(labels)
        for (x, y), (tx, ty) in [(_point(i, count, 100), _point(i, count, 118))]
    )
    shapes = "".join(
        f'<polygon class="series series-{n}" points="'
        + " ".join(f"{x:.1f},{y:.1f}" for x, y in
                   (_point(i, count, value or 0) for i, value in enumerate(values)))
        + f'"><title>{escape(name)}</title></polygon>'
        for n, (name, values) in enumerate(series)
    )
    return (f'<svg class="radar" viewBox="-40 -10 {SIZE + 80} {SIZE + 20}" role="img" '
            f'aria-label="{escape(title)}">{rings}{axes}{shapes}</svg>')
