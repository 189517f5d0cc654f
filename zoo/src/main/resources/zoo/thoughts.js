// Trees of thought (seed 000's update) on the zookeeper page: #/thoughts lists the recorded trees
// (GET /api/thoughts) and draws one (GET /api/thoughts/ID) as SVG: the question at the root,
// each continuation a node coloured and labelled by its score, the chosen path highlighted up to
// the conclusion; hovering a node shows its text and the memories it recalled.
"use strict";

/** A score in [0, 1] as a colour from red (0) through yellow to green (1). */
function scoreColour(s) {
  return `hsl(${Math.round(120 * Math.max(0, Math.min(1, s)))}, 70%, 50%)`;
}

/** The node's text as shown: control characters escaped, quoted. */
function thoughtText(t) {
  return JSON.stringify(t);
}

/** Positions every node: x by depth, y by the order of the leaves below it (parents centred on their children). */
function thoughtLayout(nodes) {
  const kids = new Map(nodes.map(n => [n.id, []]));
  for (const n of nodes) if (n.parent >= 0) kids.get(n.parent).push(n.id);
  const pos = new Map();
  let leaf = 0;
  const place = id => {
    const c = kids.get(id);
    if (c.length === 0) { pos.set(id, leaf++); return pos.get(id); }
    const ys = c.map(place);
    pos.set(id, (Math.min(...ys) + Math.max(...ys)) / 2);
    return pos.get(id);
  };
  place(0);
  return {pos, leaves: Math.max(1, leaf)};
}

/** Draws tree {query, nodes, conclusion, score, judge} into svg; hovering a node fills detail. */
function thoughtTree(svg, tree, detail) {
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  const {pos, leaves} = thoughtLayout(tree.nodes);
  const depth = Math.max(...tree.nodes.map(n => n.depth));
  const colW = 190, rowH = 34, padX = 30, padY = 24;
  const w = padX * 2 + colW * depth + 220, h = padY * 2 + rowH * (leaves - 1) + 10;
  svg.setAttribute("viewBox", `0 0 ${w} ${h}`);
  svg.setAttribute("width", w);
  svg.setAttribute("height", h);
  const xy = n => [padX + n.depth * colW, padY + pos.get(n.id) * rowH];
  const byId = new Map(tree.nodes.map(n => [n.id, n]));
  for (const n of tree.nodes) {
    if (n.parent < 0) continue;
    const [x1, y1] = xy(byId.get(n.parent)), [x2, y2] = xy(n);
    const chosen = n.chosen && byId.get(n.parent).chosen;
    svg.appendChild(svgEl("path", {class: "edge" + (chosen ? " chosen" : ""), "data-node": n.id,
      d: `M${x1},${y1} C${(x1 + x2) / 2},${y1} ${(x1 + x2) / 2},${y2} ${x2},${y2}`}));
  }
  for (const n of tree.nodes) {
    const [x, y] = xy(n);
    const g = svgEl("g", {class: "node" + (n.chosen ? " chosen" : "") + (n.parent < 0 ? " root" : ""),
      "data-node": n.id, "data-score": n.score, transform: `translate(${x},${y})`});
    const about = n.parent < 0 ? "question: " + n.text : `score ${n.score.toFixed(3)}: ${thoughtText(n.text)}`
      + (n.done ? " (answer ended)" : "");
    const memories = n.memories.length ? "\nrecalled:\n" + n.memories.map(m => "  " + m).join("\n") : "";
    g.appendChild(svgEl("title", {})).textContent = about + memories;
    g.appendChild(svgEl("circle", {r: n.parent < 0 ? 10 : 8, fill: n.parent < 0 ? "#4fa3ff" : scoreColour(n.score)}));
    const label = n.parent < 0 ? "?" : n.score.toFixed(2) + "  " + thoughtText(n.text).slice(0, 22);
    g.appendChild(svgEl("text", {x: 13, y: 4, class: "label"})).textContent = label;
    g.addEventListener("mouseenter", () => { detail.textContent = about + memories; });
    svg.appendChild(g);
  }
}

async function thoughtsView(m, arg) {
  const list = await api("/api/thoughts?limit=50");
  const table = el("table", {id: "thoughts-table"},
    el("tr", {}, ...["#", "agent", "question", "conclusion", "score"].map(c => el("th", {}, c))),
    ...list.map(t => el("tr", {"data-thought": t.id},
      el("td", {}, el("a", {href: "#/thoughts/" + t.id}, String(t.id))), el("td", {}, t.agent),
      el("td", {}, t.query), el("td", {}, t.conclusion), el("td", {}, t.score.toFixed(3)))));
  if (list.length === 0) {
    m.replaceChildren(el("h2", {}, "Thoughts"), el("p", {class: "dim", id: "thoughts-empty"},
      "no trees of thought yet: set think.enabled=true in a chat colony, or run 'vivarium think \"QUESTION\"'"));
    return;
  }
  const id = /^\d+$/.test(arg) ? arg : String(list[0].id);
  const t = await api("/api/thoughts/" + id);
  const svg = svgEl("svg", {id: "thought-tree", class: "thought"});
  const detail = el("pre", {id: "thought-detail", class: "dim"}, "hover a node to read it");
  m.replaceChildren(el("h2", {}, "Thought #" + t.id + " by " + t.agent),
    el("p", {id: "thought-query"}, "? " + t.query),
    el("div", {class: "panel thought-panel"}, svg),
    el("p", {id: "thought-conclusion"}, `conclusion (${t.score.toFixed(3)}, judged by ${t.tree ? t.tree.judge : "?"}): `,
      el("b", {}, t.conclusion)),
    detail, el("h3", {}, "Recent trees"), table);
  if (t.tree) thoughtTree(svg, t.tree, detail);
}
