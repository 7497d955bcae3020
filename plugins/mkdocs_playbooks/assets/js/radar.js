// radar.js: the radar chart, one axis per dimension from the top clockwise, 0 at the centre and
// 100 on the outer ring. Pure geometry from `spec.constants.radar`; the SVG is built by the
// `make` it is given (text as text, never HTML).

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

// An <svg> of `series` (each: one 0-100 value or null per title), labelled `label`.
function radarSvg(make, radar, { titles, series, label }) {
  const g = radarGeometry(radar, titles.length);
  const rings = g.rings.map((ring) => make("polygon", { class: "pb-ring", points: radarPoints(ring) }));
  const axes = titles.flatMap((title, i) => [
    make("line", { class: "pb-axis", x1: g.centre, y1: g.centre,
      x2: radarFixed(g.axes[i].x), y2: radarFixed(g.axes[i].y) }),
    make("text", { x: radarFixed(g.labels[i].x), y: radarFixed(g.labels[i].y), "text-anchor": "middle" },
      title),
  ]);
  const shapes = series.map((values, k) => make("polygon", { class: `pb-series pb-series-${k}`,
    points: radarPoints(g.series(values)) }));
  return make("svg", { class: "pb-radar", viewBox: g.viewBox, role: "img", "aria-label": label },
    ...rings, ...axes, ...shapes);
}

if (typeof module !== "undefined") module.exports = { radarGeometry, radarSvg };
