// The zookeeper's line charts on uPlot (served from its WebJar under /webjars/uplot/, never a
// CDN): a legend that shows the values under the cursor, drag to zoom (double click resets),
// an exponential-moving-average smoothing control, time or step ticks with labelled axes, a
// second axis where scales differ (fitness up to ~3 beside success 0–1), negative values as
// they are. Every chart of the page (colony, agent, learner statistics) is made here.
"use strict";

/** Smoothing weights offered (0: raw), as TensorBoard's EMA slider: s = w·s + (1 − w)·x, debiased. */
const SMOOTHING = [0, 0.6, 0.8, 0.9, 0.95, 0.99];
const PLOT_THEME = {axis: "#8a96a3", grid: "#2c3540"};

/**
 * A chart in a container element: {@code spec} = {x: "time" | "steps", xLabel, height, axes:
 * [{scale, label?, range?}] (the first on the left, the others on the right; a small chart may
 * leave the label to its legend), series: [{label, colour, scale, unit?}]}. Returns the
 * container; feed it with {@link setPlotData}.
 */
function plotBox(id, spec) {
  const box = el("div", {class: "plot", id, "data-points": 0, "data-series": spec.series.length});
  const smooth = el("select", {class: "smoothing", title: "exponential moving average of each series (like TensorBoard's)",
    onchange: () => { box.smoothing = Number(smooth.value); redraw(box); }},
    SMOOTHING.map(w => el("option", {value: w}, w === 0 ? "raw" : "EMA " + w)));
  const controls = el("div", {class: "plot-controls dim"}, "smoothing ", smooth,
    " · drag to zoom, double-click to reset", el("span", {class: "plot-empty"}, ""));
  const area = el("div", {class: "plot-area"});
  box.append(controls, area);
  Object.assign(box, {spec, area, smoothing: 0, raw: null, chart: null, zoomed: false});
  return box;
}

/**
 * Shows {@code data} in a box made by {@link plotBox}: [xs, ys…] aligned on xs (uPlot's layout;
 * x in seconds since 1970 for a time chart, env steps otherwise; null where a series has no
 * value). {@code empty} is the line shown while there is no point.
 */
function setPlotData(box, data, empty) {
  if (!box || !box.isConnected) return;
  box.raw = data;
  const points = data.slice(1).reduce((n, ys) => n + ys.filter(v => v !== null && isFinite(v)).length, 0);
  box.setAttribute("data-points", points);
  box.setAttribute("data-last-x", data[0].length ? data[0][data[0].length - 1] : "");
  box.querySelector(".plot-empty").textContent = points ? "" : " · " + (empty || "no data yet");
  redraw(box);
}

/** Joins series of [[x, y], …] (each sorted by x) into uPlot's aligned layout [xs, ys…]; null where one has no value. */
function alignSeries(list) {
  const full = list.map((points, i) => [i, points]).filter(([, points]) => points.length > 0);
  if (full.length === 0) return [[], ...list.map(() => [])];
  const joined = uPlot.join(full.map(([, points]) => [points.map(p => p[0]), points.map(p => p[1])]));
  const out = [joined[0], ...list.map(() => joined[0].map(() => null))];
  full.forEach(([i], k) => { out[i + 1] = joined[k + 1]; });
  return out;
}

function redraw(box) {
  if (!box.raw) return;
  const data = [box.raw[0], ...box.raw.slice(1).map(ys => ema(ys, box.smoothing))];
  if (!box.chart) {
    if (data[0].length === 0) return;
    box.chart = new uPlot(plotOptions(box), data, box.area);
    box.chart.over.addEventListener("dblclick", () => { box.zoomed = false; });
    if (!box.resizing) { // one observer per box, for whichever chart it holds (the fittest chart is remade)
      box.resizing = new ResizeObserver(() => { if (box.chart) box.chart.setSize(plotSize(box)); });
      box.resizing.observe(box.area);
    }
  } else {
    box.chart.setData(data, !box.zoomed);
  }
}

/** The exponential moving average of ys with weight w (0: ys itself), skipping nulls, debiased as TensorBoard's. */
function ema(ys, w) {
  if (!w) return ys;
  let s = 0, n = 0;
  return ys.map(y => {
    if (y === null || !isFinite(y)) return null;
    s = w * s + (1 - w) * y;
    n++;
    return s / (1 - Math.pow(w, n));
  });
}

function plotSize(box) {
  return {width: Math.max(200, box.area.clientWidth || 400), height: box.spec.height || 200};
}

/** A tick's number without trailing zeros: 0, 0.25, 950, 1.5e-4. */
function tickText(v) {
  if (v === null || !isFinite(v)) return "";
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e6) ? v.toExponential(1) : String(Number(v.toPrecision(6)));
}

function plotOptions(box) {
  const spec = box.spec;
  const time = spec.x === "time";
  // one x value: a span around it (uPlot 1.6.30 would spread a lone time over 1,000 days)
  const pad = time ? 60 : 1;
  const scales = {x: {time, range: (u, min, max) => (u.data[0].length === 1 ? [u.data[0][0] - pad, u.data[0][0] + pad]
    : [min, max])}};
  for (const a of spec.axes) scales[a.scale] = a.range ? {range: a.range} : {auto: true};
  const axes = [{label: spec.xLabel || (time ? "time" : "env steps"), stroke: PLOT_THEME.axis, labelSize: 18,
    grid: {stroke: PLOT_THEME.grid, width: 1}, ticks: {stroke: PLOT_THEME.grid}}];
  spec.axes.forEach((a, i) => axes.push({scale: a.scale, label: a.label || undefined, side: i === 0 ? 3 : 1,
    stroke: PLOT_THEME.axis, labelSize: a.label ? 18 : 0, size: 52, space: 24,
    grid: {show: i === 0, stroke: PLOT_THEME.grid, width: 1}, ticks: {stroke: PLOT_THEME.grid},
    values: (u, vals) => vals.map(tickText)}));
  const series = [{label: time ? "time" : "step", value: (u, v) => (v === null ? "–" : time
    ? new Date(v * 1000).toLocaleTimeString() : String(Math.round(v)))}];
  for (const s of spec.series) {
    series.push({label: s.label, stroke: s.colour, scale: s.scale, width: 1.5, spanGaps: true, points: {size: 4},
      value: (u, v) => (v === null ? "–" : fmt(v) + (s.unit ? " " + s.unit : ""))});
  }
  return Object.assign(plotSize(box), {scales, axes, series, legend: {live: true},
    cursor: {drag: {x: true, y: false, setScale: true}},
    hooks: {setSelect: [u => { if (u.select.width > 0) box.zoomed = true; }]}});
}
