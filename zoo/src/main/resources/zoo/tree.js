// The family tree page (#/tree): a tidy tree drawn left to right (Reingold–Tilford: each subtree
// laid out on its own, then set beside its siblings as close as their contours allow, the parent
// centred on its first and last child), generations as columns and siblings stacked, so no two
// agents overlap at any size of colony and a big one scrolls down like a page; the panel scrolls
// and zooms (buttons, or ctrl + wheel) and labels keep their size at 100 %.
"use strict";

const TREE = {minSep: 30, gap: 48, margin: 24};

/**
 * Positions of agents [{id, parent, …}] in a tidy tree (a forest joined under an invisible
 * root): id → {x, depth}, x in units where neighbours are at least {@code sep} apart.
 */
function tidyLayout(agents, sep) {
  const ids = new Set(agents.map(a => a.id));
  const kids = new Map([[null, []]]);
  for (const a of agents) kids.set(a.id, []);
  for (const a of agents) kids.get(a.parent && ids.has(a.parent) ? a.parent : null).push(a.id);
  const rel = new Map();
  // a subtree's contour: per depth below its root, [leftmost, rightmost] x relative to that root
  function layout(id) {
    const children = kids.get(id);
    if (children.length === 0) return [[-sep / 2, sep / 2]];
    const offsets = [0];
    let merged = layout(children[0]).map(([l, r]) => [l, r]);
    for (let i = 1; i < children.length; i++) {
      const c = layout(children[i]);
      let shift = -Infinity;
      for (let d = 0; d < Math.min(c.length, merged.length); d++) shift = Math.max(shift, merged[d][1] - c[d][0]);
      offsets.push(shift);
      for (let d = 0; d < c.length; d++) {
        if (d < merged.length) merged[d][1] = c[d][1] + shift;
        else merged.push([c[d][0] + shift, c[d][1] + shift]);
      }
    }
    const centre = (offsets[0] + offsets[offsets.length - 1]) / 2;
    children.forEach((c, i) => rel.set(c, offsets[i] - centre));
    return [[-sep / 2, sep / 2], ...merged.map(([l, r]) => [l - centre, r - centre])];
  }
  layout(null);
  const pos = new Map();
  (function place(id, x, depth) {
    for (const c of kids.get(id)) {
      pos.set(c, {x: x + rel.get(c), depth});
      place(c, x + rel.get(c), depth + 1);
    }
  })(null, 0, 0);
  return pos;
}

/** A node's labels: its id and its brain's shape and size. */
function sizeLabel(a) {
  return a.parameters ? a.brain + " " + countText(a.parameters) : a.brain;
}

async function treeView(m) {
  const agents = await api("/api/lineage");
  const radius = Math.max(8, ...agents.map(a => sizeRadius(a.parameters)));
  const label = 6 * Math.max(5, ...agents.map(a => Math.max(a.id.length, sizeLabel(a).length)));
  const sep = Math.max(TREE.minSep, 2 * radius + 6), dx = radius + label + TREE.gap;
  const pos = tidyLayout(agents, sep);
  const ys = [...pos.values()].map(p => p.x), depths = [...pos.values()].map(p => p.depth);
  const y0 = Math.min(0, ...ys), y1 = Math.max(0, ...ys), columns = Math.max(0, ...depths) + 1;
  const w = Math.max(600, columns * dx + TREE.margin), h = y1 - y0 + 2 * TREE.margin;
  const at = id => [TREE.margin + pos.get(id).depth * dx, pos.get(id).x - y0 + TREE.margin];
  const lo = Math.min(...agents.map(a => a.fitness)), hi = Math.max(...agents.map(a => a.fitness));
  const svg = svgEl("svg", {class: "tree", id: "tree", viewBox: `0 0 ${w} ${h}`, width: w, height: h,
    "data-width": w, "data-height": h});
  for (const a of agents) {
    if (a.parent && pos.has(a.parent)) { // from beyond the parent's labels to the child's node
      const [xp, yp] = at(a.parent), [xc, yc] = at(a.id);
      const from = xp + radius + 4 + label, to = xc - sizeRadius(a.parameters) - 2, mid = (from + to) / 2;
      svg.appendChild(svgEl("path", {class: "edge", d: `M${from},${yp} C${mid},${yp} ${mid},${yc} ${to},${yc}`}));
    }
  }
  for (const a of agents) svg.appendChild(treeNode(a, at(a.id), lo, hi));
  const maxGen = agents.reduce((g, a) => Math.max(g, a.generation), 0);
  const scroller = el("div", {class: "tree-scroll", id: "tree-scroll"}, svg);
  m.replaceChildren(el("h2", {}, "Family tree"),
    el("p", {class: "dim"}, `${agents.length} agents, generations 0–${maxGen} (columns: parent left of its children); `
      + `colour is fitness from ${fmt(lo)} (blue) to ${fmt(hi)} (yellow); dashed rings are not alive; beside each `
      + `agent its brain's shape and parameter count, and a node's area grows with the log of that count. Click an `
      + `agent to open it; scroll to pan, ctrl + wheel or the buttons to zoom.`),
    zoomButtons(svg, scroller), el("div", {class: "panel"}, scroller));
  scroller.addEventListener("wheel", e => {
    if (!e.ctrlKey) return;
    e.preventDefault();
    zoomTree(svg, Number(svg.getAttribute("data-zoom") || 1) * (e.deltaY < 0 ? 1.25 : 0.8));
  }, {passive: false});
}

function treeNode(a, [x, y], lo, hi) {
  const g = svgEl("g", {class: "node", "data-agent": a.id});
  const r = sizeRadius(a.parameters);
  const c = svgEl("circle", {cx: x, cy: y, r: r.toFixed(1), fill: fitnessColour(a.fitness, lo, hi),
    class: a.state === "alive" ? "" : "dead"});
  const title = svgEl("title");
  title.textContent = `${a.id} · generation ${a.generation} · ${a.state} · ${a.size} · fitness ${fmt(a.fitness)}`
    + (a.parent ? " · parent " + a.parent : "");
  c.appendChild(title);
  const t = svgEl("text", {x: x + r + 4, y: y - 1});
  t.textContent = a.id;
  const size = svgEl("text", {class: "size", x: x + r + 4, y: y + 10});
  size.textContent = sizeLabel(a);
  g.append(c, t, size);
  g.addEventListener("click", () => { location.hash = "#/agent/" + a.id; });
  return g;
}

function zoomButtons(svg, scroller) {
  const fit = () => Math.min(1, (scroller.clientWidth - 4) / Number(svg.getAttribute("data-width")),
    (scroller.clientHeight - 4) / Number(svg.getAttribute("data-height")));
  const z = () => Number(svg.getAttribute("data-zoom") || 1);
  return el("div", {class: "row"}, "zoom ",
    el("button", {id: "tree-zoom-out", onclick: () => zoomTree(svg, z() * 0.8)}, "−"),
    el("button", {id: "tree-zoom-reset", onclick: () => zoomTree(svg, 1)}, "100 %"),
    el("button", {id: "tree-zoom-in", onclick: () => zoomTree(svg, z() * 1.25)}, "+"),
    el("button", {id: "tree-zoom-fit", onclick: () => zoomTree(svg, fit())}, "fit"));
}

function zoomTree(svg, zoom) {
  const z = Math.min(4, Math.max(0.1, zoom));
  svg.setAttribute("data-zoom", z);
  svg.setAttribute("width", Number(svg.getAttribute("data-width")) * z);
  svg.setAttribute("height", Number(svg.getAttribute("data-height")) * z);
}
