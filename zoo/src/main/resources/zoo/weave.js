// The agent view's ticks panel (docs/weave.md), shown once a weaving agent (world.mode=weave) has
// recorded blocks: its ticks newest first, each drawn as seed 004 writes them — #startblock type: X,
// #timestamp, the orientation's "# Starting tick #N with block #M", the body, #endblock — under a
// line with the tick's episode, step, reward and whether the agent's blocks parsed. Drawn from
// /api/agents/ID/blocks.
"use strict";

/** The panel's elements, hidden until the agent has blocks. */
function weavePanel() {
  return el("div", {class: "panel", id: "weave", hidden: true}, el("h3", {}, "Ticks (weave, newest first)"),
    el("div", {id: "weave-ticks"}));
}

/** One block in the seed's form. */
function blockText(b) {
  const body = b.text.endsWith("\n") || b.text === "" ? b.text : b.text + "\n";
  return `#startblock type: ${b.type}\n#timestamp ${b.timestamp}\n${body}#endblock\n`;
}

/** Redraws the panel for agent id when it has new blocks. */
async function showWeave(id) {
  const panel = document.getElementById("weave");
  if (!panel) return;
  const blocks = await api(`/api/agents/${encodeURIComponent(id)}/blocks?limit=200`);
  panel.hidden = blocks.length === 0;
  const newest = blocks.length ? blocks[0].step + ":" + blocks[0].block : "";
  if (panel.getAttribute("data-newest") === newest) return;
  const ticks = [];  // newest tick first, its blocks in order
  for (const b of blocks) {
    const key = b.step + ":" + b.tick;
    if (!ticks.length || ticks[ticks.length - 1].key !== key) ticks.push({key, blocks: []});
    ticks[ticks.length - 1].blocks.unshift(b);
  }
  document.getElementById("weave-ticks").replaceChildren(...ticks.map((t, i) => {
    const b = t.blocks[0];
    return el("details", {class: "tick", "data-tick": b.tick, "data-well-formed": String(b.wellFormed),
        open: i < 3 ? "" : null},
      el("summary", {}, `tick #${b.tick} · episode ${b.episode} · step ${b.step} · reward ${fmt(b.reward)} · `
        + (b.wellFormed ? "well-formed" : "malformed")),
      el("pre", {class: "weave"}, t.blocks.map(blockText).join("")));
  }));
  panel.setAttribute("data-newest", newest);
}
