// radar.js: the radar chart, one axis per dimension from the top clockwise, 0 at the centre and
// 100 on the outer ring. Geometry from `spec.constants.radar`; the SVG built with dom.js's `make`
// (text as text, never HTML), which the tests replace.
//
// uses dom.js: make
// gives: radarGeometry, radarSvg, radarSeriesPoints

const radarClamp = (value) => Math.max(0, Math.min(value ?? 0, 100));

// Every position of a chart of `count` axes, in SVG units; `series(values)` places 0-100 values.
function radarGeometry(radar, count) {
  const centre = radar.size / 2;
  const indexes = Array.from({ length: count }, (_, i) => i);
  const at = (i, distance) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * i) / count;
    return { x: centre + distance * Math.cos(angle), y: centre + distance * Math.sin(angle) };
  };
  const scaled = (i, value) => at(i, (radar.radius * radarClamp(value)) / 100);
  return {
    viewBox: `${-radar.margin_x} ${-radar.margin_y} ${radar.size + 2 * radar.margin_x} `
      + `${radar.size + 2 * radar.margin_y}`,
    centre,
    rings: radar.rings.map((ring) => indexes.map((i) => scaled(i, ring))),
    axes: indexes.map((i) => at(i, radar.radius)),
    labels: indexes.map((i) => at(i, radar.label_radius)),
    series: (values) => values.map((value, i) => scaled(i, value)),
  };
}

const radarFixed = (n) => n.toFixed(1);
const radarPoints = (points) => points.map((p) => `${radarFixed(p.x)},${radarFixed(p.y)}`).join(" ");

// An axis label, read from outside the chart: anchored at its end on the left, its start on the
// right, its middle at the top and bottom; its lines above the point at the top, below it at the
// bottom, centred on it at the sides.
function radarLabel(g, radar, i, lines) {
  const p = g.labels[i];
  const side = (p.y - g.centre) / radar.label_radius; // -1 at the top, 1 at the bottom
  const first = (-(lines.length - 1) * 1.1 * (1 - side)) / 2 + 0.35 + side * 0.6;
  const x = radarFixed(p.x);
  const anchor = Math.abs(p.x - g.centre) < 1 ? "middle" : p.x > g.centre ? "start" : "end";
  return make("text", { x, y: radarFixed(p.y), "text-anchor": anchor }, ...lines.map((line, n) =>
    make("tspan", { x, dy: `${n ? 1.1 : radarFixed(first)}em` }, line)));
}

// The `points` of one series' polygon, as `radarSvg` draws it: an answer that moves the scores
// moves the series only (the rings, axes and labels stay).
const radarSeriesPoints = (radar, values) => radarPoints(radarGeometry(radar, values.length).series(values));

// An <svg> of `series` (each: one 0-100 value or null per axis), labelled `label`; `titles` are
// the axes' labels, each in lines (contract.py wraps them at `label_width` characters).
function radarSvg(radar, { titles, series, label }) {
  const g = radarGeometry(radar, titles.length);
  const rings = g.rings.map((ring) => make("polygon", { class: "pb-ring", points: radarPoints(ring) }));
  const axes = titles.flatMap((title, i) => [
    make("line", { class: "pb-axis", x1: g.centre, y1: g.centre,
      x2: radarFixed(g.axes[i].x), y2: radarFixed(g.axes[i].y) }),
    radarLabel(g, radar, i, title),
  ]);
  const shapes = series.map((values, k) => make("polygon", { class: `pb-series pb-series-${k}`,
    points: radarPoints(g.series(values)) }));
  return make("svg", { class: "pb-radar", viewBox: g.viewBox, role: "img", "aria-label": label },
    ...rings, ...axes, ...shapes);
}
