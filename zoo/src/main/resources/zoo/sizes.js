// Brain sizes on the zookeeper page: the "size against fitness" scatter chart of the colony
// page (every agent ever recorded, from /api/sizes) and the family tree's node radius. Brains
// grow and shrink on replication, so sizes span orders of magnitude: both use a log scale.
"use strict";

/** A parameter count as people say it: 950, 5.2k, 48k, 1.3M (as the registry's AgentRow.count). */
function countText(n) {
  if (n < 1000) return String(n);
  const k = n / 1000;
  if (k < 9.95) return k.toFixed(1) + "k";
  if (k < 999.5) return k.toFixed(0) + "k";
  const m = n / 1e6;
  return m < 9.95 ? m.toFixed(1) + "M" : m.toFixed(0) + "M";
}

/** A tree node's radius: its area grows with the log of the parameter count; 8 when unknown (0). */
function sizeRadius(parameters) {
  return parameters > 1 ? 4.2 * Math.sqrt(Math.log10(parameters)) : 8;
}

/** A colour per generation, cycling through distinct hues. */
function generationColour(g) {
  return `hsl(${(g * 67) % 360}, 75%, 60%)`;
}

/**
 * Draws {points: [{id, generation, state, brain, parameters, fitness}], unknown} into svg: one
 * point per agent, x = parameters (log scale), y = fitness, colour by generation, filled while
 * alive, a ring otherwise. Clicking a point opens its agent.
 */
function sizeChart(svg, data) {
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  const w = svg.clientWidth || 400, h = svg.clientHeight || 160, pad = 34;
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  const pts = data.points;
  if (pts.length === 0) {
    svg.appendChild(svgEl("text", {x: pad, y: h / 2})).textContent = data.unknown
      ? `no recorded sizes yet (${data.unknown} agents from before sizes were recorded)` : "no agents yet";
    return;
  }
  let x0 = Math.log10(Math.min(...pts.map(p => p.parameters))), x1 = Math.log10(Math.max(...pts.map(p => p.parameters)));
  let y0 = Math.min(...pts.map(p => p.fitness)), y1 = Math.max(...pts.map(p => p.fitness));
  const xm = Math.max(0.15, (x1 - x0) * 0.08), ym = y1 > y0 ? (y1 - y0) * 0.08 : 0.5;
  x0 -= xm; x1 += xm; y0 -= ym; y1 += ym;
  const sx = p => pad + (Math.log10(p) - x0) / (x1 - x0) * (w - pad - 6);
  const sy = y => h - 16 - (y - y0) / (y1 - y0) * (h - 24);
  svg.appendChild(svgEl("line", {class: "axis", x1: pad, y1: h - 16, x2: w, y2: h - 16}));
  svg.appendChild(svgEl("line", {class: "axis", x1: pad, y1: 4, x2: pad, y2: h - 16}));
  svg.appendChild(svgEl("text", {x: 2, y: 12})).textContent = fmt(y1);
  svg.appendChild(svgEl("text", {x: 2, y: h - 18})).textContent = fmt(y0);
  svg.appendChild(svgEl("text", {x: w - 92, y: h - 3})).textContent = "parameters (log)";
  svg.appendChild(svgEl("text", {x: pad + 48, y: 12})).textContent = "colour: generation · ring: not alive";
  if (data.unknown) {
    svg.appendChild(svgEl("text", {x: pad + 48, y: 24})).textContent = `(${data.unknown} of unknown size not shown)`;
  }
  for (let e = Math.ceil(x0 * 2) / 2; e <= x1; e += 0.5) { // ticks at 1× and 3.16× each power of ten
    const x = sx(Math.pow(10, e));
    svg.appendChild(svgEl("line", {class: "axis", x1: x, y1: h - 16, x2: x, y2: h - 12}));
    if (x < w - 110) svg.appendChild(svgEl("text", {x: x - 10, y: h - 3})).textContent = countText(Math.round(Math.pow(10, e)));
  }
  for (const p of pts) {
    const alive = p.state === "alive", colour = generationColour(p.generation);
    const c = svgEl("circle", {class: "point", "data-agent": p.id, "data-parameters": p.parameters,
      cx: sx(p.parameters).toFixed(1), cy: sy(p.fitness).toFixed(1), r: 4,
      fill: alive ? colour : "none", stroke: colour});
    const title = svgEl("title");
    title.textContent = `${p.id} · gen ${p.generation} · ${p.state} · ${p.brain} ${countText(p.parameters)} params`
      + ` · fitness ${fmt(p.fitness)}`;
    c.appendChild(title);
    c.addEventListener("click", () => { location.hash = "#/agent/" + p.id; });
    svg.appendChild(c);
  }
}
