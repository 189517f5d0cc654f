// Small drawing helpers for the zookeeper page: SVG elements, numbers, the world on a canvas, the
// hidden-state heat map (the line charts are uPlot's, in plots.js).
"use strict";

const SVG = "http://www.w3.org/2000/svg";

function svgEl(name, attrs) {
  const e = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  return e;
}

function fmt(v) {
  if (v === null || v === undefined || !isFinite(v)) return "–";
  const a = Math.abs(v);
  return a >= 1000 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : v.toFixed(3);
}

const CELL_COLOURS = {".": "#000000", "#": "#808080", "G": "#ffd700"};
const HEADINGS = {"^": 0, ">": 1, "v": 2, "<": 3};

/**
 * Draws a view {video (base64), side, image?, png?} on canvas; returns false when there is nothing
 * to draw. A PNG draws when it has loaded, unless a newer view was drawn on the canvas meanwhile.
 */
function drawView(canvas, view) {
  const ctx = canvas.getContext("2d");
  const drawn = canvas.drawn = (canvas.drawn || 0) + 1;
  if (view.png) {
    const img = new Image();
    img.onload = () => {
      if (canvas.drawn !== drawn) return;
      canvas.width = view.png.width; canvas.height = view.png.height;
      ctx.drawImage(img, 0, 0);
    };
    img.src = "data:image/png;base64," + view.png.data;
    return true;
  }
  if (view.image) {
    const {width, height} = view.image;
    const rgb = atob(view.image.rgb);
    const img = ctx.createImageData(width, height);
    for (let i = 0, j = 0; i < width * height; i++) {
      img.data[j++] = rgb.charCodeAt(3 * i); img.data[j++] = rgb.charCodeAt(3 * i + 1);
      img.data[j++] = rgb.charCodeAt(3 * i + 2); img.data[j++] = 255;
    }
    canvas.width = width; canvas.height = height;
    ctx.putImageData(img, 0, 0);
    return true;
  }
  const grid = atob(view.video || "");
  const side = view.side;
  if (!side) return false;
  const px = Math.max(4, Math.floor(240 / side));
  canvas.width = canvas.height = side * px;
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const c = grid[y * side + x];
      const cx = x * px, cy = y * px;
      ctx.fillStyle = "#000";
      ctx.fillRect(cx, cy, px, px);
      if (c in HEADINGS) {
        drawAgent(ctx, cx, cy, px, HEADINGS[c]);
      } else if (c === "G") {
        ctx.fillStyle = CELL_COLOURS.G;
        ctx.beginPath(); ctx.arc(cx + px / 2, cy + px / 2, px * 0.35, 0, 2 * Math.PI); ctx.fill();
      } else {
        ctx.fillStyle = c in CELL_COLOURS ? CELL_COLOURS[c] : "#ff00ff";
        ctx.fillRect(cx, cy, px, px);
      }
      ctx.strokeStyle = "#282828";
      ctx.strokeRect(cx + .5, cy + .5, px - 1, px - 1);
    }
  }
  return true;
}

function drawAgent(ctx, cx, cy, px, heading) {
  ctx.save();
  ctx.translate(cx + px / 2, cy + px / 2);
  ctx.rotate(heading * Math.PI / 2);
  ctx.fillStyle = "#ff0000";
  ctx.beginPath();
  ctx.moveTo(0, -px * 0.38); ctx.lineTo(px * 0.32, px * 0.32); ctx.lineTo(-px * 0.32, px * 0.32);
  ctx.closePath(); ctx.fill();
  ctx.restore();
}

/** Draws values as a heat map of square-ish cells: blue (low) to red (high), centred on 0. */
function heatMap(canvas, values) {
  const ctx = canvas.getContext("2d");
  const n = values.length;
  if (n === 0) { canvas.width = 1; canvas.height = 1; return; }
  const cols = Math.ceil(Math.sqrt(n)), rows = Math.ceil(n / cols), px = Math.max(4, Math.floor(240 / cols));
  canvas.width = cols * px; canvas.height = rows * px;
  const m = Math.max(1e-6, ...values.map(Math.abs));
  for (let i = 0; i < n; i++) {
    const v = values[i] / m;
    const r = v > 0 ? 255 : Math.round(255 * (1 + v)), b = v < 0 ? 255 : Math.round(255 * (1 - v));
    const g = Math.round(255 * (1 - Math.abs(v)));
    ctx.fillStyle = `rgb(${r},${g},${b})`;
    ctx.fillRect((i % cols) * px, Math.floor(i / cols) * px, px, px);
  }
}

/** A colour for fitness f in [lo, hi]: dark blue (least fit) through green to yellow (fittest). */
function fitnessColour(f, lo, hi) {
  const t = hi > lo ? Math.min(1, Math.max(0, (f - lo) / (hi - lo))) : 0.5;
  const hue = 240 - 180 * t;
  return `hsl(${hue.toFixed(0)}, 80%, ${(35 + 20 * t).toFixed(0)}%)`;
}
