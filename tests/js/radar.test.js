// radar.test.js: radar.js places every ring, axis, label and series point inside the viewBox it
// derives from the page's constants, and builds the chart's SVG with a `make` that stands in for dom.js's.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const { part, CONSTANTS } = require("./fixtures.js");

const make = (tag, attributes = {}, ...children) => ({ tag, attributes, children });
const { radarGeometry, radarSvg, radarSeriesPoints } = part("radar.js", { make });
const R = CONSTANTS.radar;
const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);
const distance = (p, centre) => Math.hypot(p.x - centre, p.y - centre);

function inside(viewBox, p) {
  const [x, y, width, height] = viewBox.split(" ").map(Number);
  return p.x >= x && p.x <= x + width && p.y >= y && p.y <= y + height;
}

test("the viewBox and centre come from the constants", () => {
  const g = radarGeometry(R, 5);
  assert.equal(g.viewBox, "-60 -24 440 368");
  assert.equal(g.centre, 160);
  const other = radarGeometry({ ...R, size: 200, margin_x: 10, margin_y: 5 }, 3);
  assert.equal(other.viewBox, "-10 -5 220 210");
  assert.equal(other.centre, 100);
});

test("every point of every chart lies within the viewBox", () => {
  for (let count = 1; count <= 12; count += 1) {
    const g = radarGeometry(R, count);
    const series = g.series(Array.from({ length: count }, (_, i) => [null, -20, 0, 50, 100, 180][i % 6]));
    for (const p of [...g.rings.flat(), ...g.axes, ...g.labels, ...series]) {
      assert.ok(inside(g.viewBox, p), `${count} axes: ${p.x},${p.y}`);
    }
  }
});

test("axes start at the top and turn clockwise; labels sit beyond the 100 ring", () => {
  const g = radarGeometry(R, 4);
  close(g.axes[0].x, 160);
  close(g.axes[0].y, 160 - R.radius);
  close(g.axes[1].x, 160 + R.radius);
  close(g.labels[2].y, 160 + R.label_radius);
  for (const label of g.labels) close(distance(label, g.centre), R.label_radius);
  assert.deepEqual(g.rings.map((ring) => distance(ring[0], g.centre)), R.rings.map((r) => (R.radius * r) / 100));
});

test("series values are placed 0-100, none counting as 0, beyond clamped", () => {
  const g = radarGeometry(R, 4);
  const [none, over, under, half] = g.series([null, 150, -5, 50]);
  close(distance(none, 160), 0);
  close(distance(over, 160), R.radius);
  close(distance(under, 160), 0);
  close(distance(half, 160), R.radius / 2);
});

test("the SVG: rings, then an axis and label per dimension, then one shape per series", () => {
  const titles = [["Écoute"], ["<b>x</b>", "y"]];
  const svg = radarSvg(R, { titles, series: [[100, 0], [null, 50]], label: "Radar" });
  assert.deepEqual(svg.attributes,
    { class: "pb-radar", viewBox: "-60 -24 440 368", role: "img", "aria-label": "Radar" });
  assert.deepEqual(svg.children.map((c) => `${c.tag}.${c.attributes.class ?? ""}`), [
    "polygon.pb-ring", "polygon.pb-ring", "polygon.pb-ring", "polygon.pb-ring",
    "line.pb-axis", "text.", "line.pb-axis", "text.",
    "polygon.pb-series pb-series-0", "polygon.pb-series pb-series-1",
  ]);
  const [, , , outer, axis, label, , text] = svg.children;
  assert.equal(outer.attributes.points, "160.0,50.0 160.0,270.0");
  assert.deepEqual(axis.attributes, { class: "pb-axis", x1: 160, y1: 160, x2: "160.0", y2: "50.0" });
  assert.deepEqual(label.attributes, { x: "160.0", y: "38.0", "text-anchor": "middle" });
  assert.deepEqual(text.children.map((line) => line.children), [["<b>x</b>"], ["y"]]); // text, as text
  assert.equal(svg.children[8].attributes.points, "160.0,50.0 160.0,160.0");
});

test("labels are read from outside: anchored away from the chart, their lines stacked outwards", () => {
  const titles = [["Top", "two"], ["Right"], ["Bottom", "two"], ["Left", "two", "three"]];
  const labels = radarSvg(R, { titles, series: [], label: "" }).children.filter((c) => c.tag === "text");
  assert.deepEqual(labels.map((l) => l.attributes["text-anchor"]), ["middle", "start", "middle", "end"]);
  const firstLine = (label) => Number.parseFloat(label.children[0].attributes.dy);
  assert.ok(firstLine(labels[0]) < -1); // above the point: the last line just over it
  assert.ok(firstLine(labels[2]) > 0.5); // below the point
  assert.ok(Math.abs(firstLine(labels[3]) + 0.75) <= 0.06); // three lines centred on the point
  for (const label of labels) {
    assert.ok(label.children.slice(1).every((line) => line.attributes.dy === "1.1em"));
    assert.ok(label.children.every((line) => line.tag === "tspan" && line.attributes.x === label.attributes.x));
  }
});

test("a series' points, moved alone, are those the chart draws", () => {
  for (let count = 1; count <= 12; count += 1) {
    const titles = Array.from({ length: count }, (_, i) => [`D${i}`]);
    const values = titles.map((_, i) => [null, -20, 0, 33, 50, 100, 180][i % 7]);
    const svg = radarSvg(R, { titles, series: [values], label: "chart" });
    const shape = svg.children.find((child) => child.attributes.class === "pb-series pb-series-0");
    assert.equal(radarSeriesPoints(R, values), shape.attributes.points);
  }
});
