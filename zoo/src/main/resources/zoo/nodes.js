// The Nodes panel on the colony page of a colony across machines (GET /api/nodes every 2 s):
// each node's address, version, state, agents, steps/s and when it last reported. A node that
// has not reported for SILENT_MS is shown "silent" (killed or cut off; its agents move on).
// A one-process colony records no nodes, and the page shows no panel.
"use strict";

const SILENT_MS = 15000; // NodeRow.LIVE_MILLIS: status, joining nodes and the console agree
const NODE_AGENTS_SHOWN = 12;

/** Whether the colony runs across machines (its registry records nodes). */
function clustered() { return !!(state.colony && state.colony.nodes > 0); }

function ago(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 120 ? s + " s ago" : s < 7200 ? Math.round(s / 60) + " min ago" : Math.round(s / 3600) + " h ago";
}

/** The node's state badge: its own state, or "silent" when it stopped reporting while up. */
function nodeState(n, now) {
  const silent = n.state === "up" && now - n.seenMillis > SILENT_MS;
  return badge(silent ? "silent" : n.state);
}

function nodeAgents(ids) {
  const shown = ids.slice(0, NODE_AGENTS_SHOWN).flatMap(id => [agentLink(id), " "]);
  return el("td", {class: "agents"}, shown.length ? shown : el("span", {class: "dim"}, "none"),
    ids.length > NODE_AGENTS_SHOWN ? el("span", {class: "dim"}, "+" + (ids.length - NODE_AGENTS_SHOWN) + " more") : null);
}

/** Renders GET /api/nodes into table. */
function renderNodes(table, view) {
  const now = view.nowMillis;
  const head = el("tr", {}, ["node", "version", "state", "agents", "steps/s", "last seen", "started"]
    .map(h => el("th", {}, h)));
  const rows = view.nodes.map(n => el("tr", {"data-node": n.address},
    el("td", {}, el("code", {}, n.address)), el("td", {}, n.version), el("td", {}, nodeState(n, now)),
    nodeAgents(n.agentIds), el("td", {class: "num"}, fmt(n.stepsPerSecond)),
    el("td", {class: "seen", title: new Date(n.seenMillis).toLocaleString()}, ago(now - n.seenMillis)),
    el("td", {}, time(n.startedMillis))));
  table.replaceChildren(el("thead", {}, head), el("tbody", {}, rows));
}

/** The Nodes panel, refreshed every 2 s; null in a one-process colony. */
function nodesPanel() {
  if (!clustered()) return null;
  const table = el("table", {id: "nodes-table"});
  every(2000, async () => renderNodes(table, await api("/api/nodes")));
  return el("div", {class: "panel", id: "nodes-panel"}, el("h2", {}, "Nodes"), table);
}
