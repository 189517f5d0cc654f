// The zookeeper page (charts in plots.js, the family tree in tree.js, event lines in events.js): hash routes #/ (colony), #/agent/ID, #/tree, #/checkpoints,
// #/episodes, #/replay/ID, #/thoughts[/ID] and #/soup (soup.js). Reads the JSON API, listens to the event stream, and sends
// people's requests as same-origin JSON POSTs carrying the token when the server has one.
"use strict";

const state = {token: "", colony: null, stream: null, timers: [], sort: {key: "fitness", asc: false}, throughput: [],
  recorded: []};
const main = () => document.getElementById("main");

// -- plumbing ------------------------------------------------------------------------------

function headers(extra) {
  const h = Object.assign({}, extra || {});
  if (state.token) h["Authorization"] = "Bearer " + state.token;
  return h;
}

async function api(path) {
  const r = await fetch(path, {headers: headers()});
  const body = await r.json().catch(() => ({error: r.statusText}));
  if (r.status === 401) throw new TokenNeeded(body.error);
  if (!r.ok) throw new Error(body.error || ("HTTP " + r.status));
  return body;
}

class TokenNeeded extends Error {}

/** Asks for the token (printed when the zookeeper starts) and keeps it for this tab. */
function askToken(m, message) {
  const input = el("input", {id: "token", size: 40, type: "password", placeholder: "token"});
  const go = () => { sessionStorage.setItem("zoo.token", input.value.trim()); state.token = input.value.trim(); route(); };
  input.addEventListener("keydown", e => { if (e.key === "Enter") go(); });
  m.replaceChildren(el("h2", {}, "Token needed"), el("p", {class: "dim"}, message),
    el("div", {class: "row"}, input, el("button", {id: "token-ok", onclick: go}, "Open")));
}

async function post(path, body) {
  const r = await fetch(path, {method: "POST", headers: headers({"Content-Type": "application/json"}),
    body: JSON.stringify(body || {})});
  const out = await r.json().catch(() => ({error: r.statusText}));
  if (!r.ok) throw new Error(out.error || ("HTTP " + r.status));
  return out;
}

function withToken(path) {
  return state.token ? path + (path.includes("?") ? "&" : "?") + "token=" + encodeURIComponent(state.token) : path;
}

function toast(text, error) {
  const t = document.getElementById("toast");
  t.textContent = text;
  t.className = error ? "error" : "";
  t.hidden = false;
  clearTimeout(toast.timer);
  toast.timer = setTimeout(() => { t.hidden = true; }, 4000);
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "onclick" || k === "oninput" || k === "onchange") e[k] = v;
    else if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v);
  }
  for (const c of children.flat(Infinity)) { // every level: lists of lists of links stay links
    if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

function badge(s) { return el("span", {class: "badge state-" + s, "data-state": s}, s); }
function agentLink(id) { return id ? el("a", {href: "#/agent/" + id}, id) : el("span", {class: "dim"}, "—"); }
function time(ms) { return ms ? new Date(ms).toLocaleTimeString() : "—"; }
function every(ms, f) { f(); state.timers.push(setInterval(f, ms)); }

function stopView() {
  state.timers.forEach(clearInterval);
  state.timers = [];
  if (state.stream) { state.stream.close(); state.stream = null; }
}

/** Opens the event stream (for one agent's frames when agent is given) with handlers per event name. */
function listen(agent, handlers) {
  const q = agent ? "?agent=" + encodeURIComponent(agent) : "";
  const s = new EventSource(withToken("/api/stream" + q));
  for (const [name, f] of Object.entries(handlers)) {
    s.addEventListener(name, m => f(JSON.parse(m.data)));
  }
  state.stream = s;
}

// -- routes --------------------------------------------------------------------------------

async function route() {
  stopView();
  const hash = location.hash || "#/";
  const [, view, arg] = hash.match(/^#\/?([a-z]*)\/?(.*)$/) || [];
  for (const a of document.querySelectorAll("nav a")) {
    a.classList.toggle("active", a.getAttribute("href") === "#/" + (view === "agent" ? "" : view === "replay" ? "episodes" : view));
  }
  const m = main();
  m.replaceChildren(el("p", {class: "dim"}, "Loading…"));
  try {
    await refreshColony();
    if (view === "agent") await agentView(m, decodeURIComponent(arg));
    else if (view === "tree") await treeView(m);
    else if (view === "checkpoints") await checkpointsView(m);
    else if (view === "episodes") await episodesView(m);
    else if (view === "replay") await replayView(m, arg);
    else if (view === "thoughts") await thoughtsView(m, arg);
    else if (view === "soup") await soupView(m);
    else if (state.colony.soupOnly) await soupView(m); // a data directory with a soup and no colony
    else await overview(m);
  } catch (e) {
    if (e instanceof TokenNeeded) askToken(m, e.message);
    else m.replaceChildren(el("p", {class: "error"}, "Error: " + e.message));
  }
}

async function refreshColony() {
  state.colony = await api("/api/colony");
  const mode = document.getElementById("mode");
  mode.textContent = state.colony.live ? "live" : "read-only";
  mode.className = "badge " + (state.colony.live ? "mode-live" : "mode-readonly");
  document.getElementById("nav-soup").hidden = !state.colony.soup;
  document.getElementById("colony-name").textContent = state.colony.soupOnly ? "soup only (no colony)"
    : state.colony.name + " · seed " + state.colony.seed; // a string
}

// -- overview ------------------------------------------------------------------------------

const COLUMNS = [["id", "agent"], ["state", "state"], ["generation", "gen"], ["parent", "parent"],
  ["fitness", "fitness"], ["success", "success"], ["world", "world"], ["bornMillis", "born"]];

async function overview(m) {
  const cards = el("div", {class: "cards", id: "cards"});
  const table = el("table", {id: "agents-table"});
  const events = el("div", {id: "events", class: "events"});
  const population = plotBox("population-chart", {x: "time", axes: [{scale: "n", label: "agents"},
    {scale: "rate", label: "success (0–1)", range: [0, 1]}], series: [
    {label: "agents alive", colour: "#4fa3ff", scale: "n"}, {label: "mean success", colour: "#ffd700", scale: "rate"}]});
  const throughput = plotBox("throughput-chart", {x: "time", axes: [{scale: "sps", label: "env steps/s"}], series: [
    {label: "recorded (per round)", colour: "#7bd88f", scale: "sps", unit: "steps/s"},
    {label: "live", colour: "#ff9f43", scale: "sps", unit: "steps/s"}]});
  m.replaceChildren(cards, el("div", {class: "grid"},
    el("div", {class: "panel"}, el("h2", {}, "Population and success"), population),
    el("div", {class: "panel"}, el("h2", {}, "Throughput (env steps per second)"), throughput),
    el("div", {class: "panel"}, el("h2", {}, "Fitness of the fittest alive agents"), fittestBox()),
    el("div", {class: "panel"}, el("h2", {}, "Size against fitness"), chart("size-chart")),
    el("div", {class: "panel"}, el("h2", {}, "Events"), events)),
    nodesPanel() || "", el("div", {class: "panel"}, el("h2", {}, "Agents"), table)); // no panel: not "null"
  if (state.colony.live) {
    const asks = el("div", {class: "panel", id: "ask-panel"});
    m.append(asks);
    askBox(asks);
  }
  let agents = [];
  every(2000, async () => {
    agents = await api("/api/agents");
    renderCards(cards, agents);
    renderAgents(table, agents);
  });
  every(5000, async () => {
    const h = (await api("/api/history?buckets=60")).points;
    setPlotData(population, [h.map(p => p.timeMillis / 1000), h.map(p => p.population), h.map(p => p.success)]);
    state.recorded = h.filter(p => p.stepsPerSecond !== null).map(p => [p.timeMillis / 1000, p.stepsPerSecond]);
    drawThroughput();
  });
  every(5000, async () => sizeChart(document.getElementById("size-chart"), await api("/api/sizes")));
  every(10000, async () => drawFittest(agents.length ? agents : await api("/api/agents")));
  const shown = [];
  const addEvent = e => {
    shown.unshift(eventLine(e));
    shown.length = Math.min(shown.length, 30);
    events.replaceChildren(...shown);
  };
  (await api("/api/events?limit=30&after=" + Math.max(0, state.colony.lastEventId - 30))).forEach(addEvent);
  listen(null, {
    event: addEvent,
    stats: s => {
      state.throughput.push([s.timeMillis / 1000, s.stepsPerSecond]);
      if (state.throughput.length > 300) state.throughput.shift();
      drawThroughput();
    }
  });
}

function chart(id) { return svgEl("svg", {class: "chart", id}); }

/** The throughput chart: what the colony recorded per round (so a resumed colony shows its past) and the live stream. */
function drawThroughput() {
  setPlotData(document.getElementById("throughput-chart"), alignSeries([state.recorded || [], state.throughput]),
    state.colony && state.colony.live ? "waiting for the colony's first round…" : "no round recorded yet");
}

/** How many agents the fitness chart follows (one series each, one request each). */
const FITTEST = 8;

function fittestBox() {
  return plotBox("fittest-chart", {x: "time", axes: [{scale: "f", label: "fitness (return)"}], series: []});
}

/** Each of the fittest alive agents' episode returns over time, one series per agent. */
async function drawFittest(agents) {
  const box = document.getElementById("fittest-chart");
  if (!box) return;
  const top = agents.filter(a => a.state === "alive").sort((a, b) => b.fitness - a.fitness).slice(0, FITTEST);
  const series = await Promise.all(top.map(a => api(`/api/agents/${encodeURIComponent(a.id)}/metrics/return?points=500`)));
  const names = top.map(a => a.id);
  if (box.names !== names.join()) { // other agents: a chart with their series
    if (box.chart) box.chart.destroy();
    box.chart = null;
    box.zoomed = false;
    box.names = names.join();
    box.spec.series = names.map((id, i) => ({label: id, colour: `hsl(${(i * 47) % 360}, 75%, 60%)`, scale: "f"}));
    box.setAttribute("data-series", names.length);
  }
  setPlotData(box, alignSeries(series.map(s => s.map(p => [p.timeMillis / 1000, p.value]))),
    "no alive agent has finished an episode yet");
}

function renderCards(cards, agents) {
  const c = state.colony, s = c.states;
  const best = agents.reduce((b, a) => (!b || a.fitness > b.fitness ? a : b), null);
  const card = (v, label, id) => el("div", {class: "card", id}, el("b", {}, v), el("span", {}, label));
  const gens = c.generations + (c.generations === 1 ? " generation" : " generations") + " (numbered from 0, as vivarium status "
    + "counts them)";
  cards.replaceChildren(card(s.alive, "alive", "card-alive"), card(s.hibernating, "hibernating"),
    card(s.dead, "dead"), card(s.failed, "failed"), el("div", {class: "card", id: "card-generations", title: gens},
    el("b", {}, c.maxGeneration === 0 ? "0" : "0–" + c.maxGeneration), el("span", {}, "generations")),
    card(best ? best.id : "—", "fittest"), card(c.episodes, "episodes"), card(c.checkpoints, "checkpoints"));
}

function renderAgents(table, agents) {
  const {key, asc} = state.sort;
  agents.sort((a, b) => {
    const x = a[key], y = b[key];
    const r = typeof x === "number" ? x - y : String(x || "").localeCompare(String(y || ""));
    return asc ? r : -r;
  });
  const columns = clustered() ? COLUMNS.concat([["node", "node"]]) : COLUMNS;
  const head = el("tr", {}, columns.map(([k, label]) => el("th", {
    class: k === key ? "sorted" + (asc ? " asc" : "") : null, "data-key": k,
    onclick: () => { state.sort = {key: k, asc: k === key ? !asc : k === "id"}; renderAgents(table, agents); }
  }, label)));
  const rows = agents.map(a => el("tr", {"data-agent": a.id},
    el("td", {}, agentLink(a.id)), el("td", {}, badge(a.state)), el("td", {class: "num"}, a.generation),
    el("td", {}, agentLink(a.parent)), el("td", {class: "num"}, fmt(a.fitness)),
    el("td", {class: "num"}, (100 * a.success).toFixed(0) + "%"), el("td", {}, a.world),
    el("td", {}, time(a.bornMillis)), clustered() ? el("td", {class: "node"}, a.node || "—") : null));
  table.replaceChildren(el("thead", {}, head), el("tbody", {}, rows));
}

// -- agent view ----------------------------------------------------------------------------

const ACTIONS = [["hibernate", "Hibernate"], ["wake", "Wake"], ["clone", "Clone"], ["kill", "Kill"]];

async function agentView(m, id) {
  const detail = await api("/api/agents/" + encodeURIComponent(id));
  const a = detail.agent;
  const stateBadge = el("span", {id: "agent-state"}, badge(a.state));
  const buttons = ACTIONS.map(([act, label]) => el("button", {id: "btn-" + act, class: act === "kill" ? "danger" : null,
    onclick: () => act === "kill" && !confirm("Kill " + id + "? It cannot be undone.") ? null : request(id, act, {})}, label));
  buttons.push(el("button", {id: "btn-reward-plus", onclick: () => request(id, "reward", {value: 1})}, "Reward +1"));
  buttons.push(el("button", {id: "btn-reward-minus", onclick: () => request(id, "reward", {value: -1})}, "Reward −1"));
  buttons.push(el("button", {id: "btn-vote", onclick: () => request(id, "vote", {voter: voterName()})}, "Vote to shut down"));
  const talk = el("input", {id: "talk-text", size: 40, maxlength: 1000, placeholder: "say something to " + id});
  const send = el("button", {id: "btn-talk", onclick: () => {
    if (talk.value.trim()) request(id, "talk", {text: talk.value}).then(() => { talk.value = ""; });
  }}, "Talk");
  const world = el("canvas", {class: "world", id: "world", width: 240, height: 240, "data-frames": 0});
  const hidden = el("canvas", {id: "hidden", width: 240, height: 240});
  const info = el("div", {id: "frame-info", class: "dim"}, !state.colony.live ? "read-only: live frames need a running colony"
    : "waiting for a frame…" + (a.node ? " (only the zookeeper of " + a.node + ", the node running it, has its frames)" : ""));
  const reward = plotBox("reward-chart", {x: "steps", axes: [{scale: "f", label: "fitness (return)"},
    {scale: "rate", label: "success (0–1)", range: [0, 1]}], series: [
    {label: "fitness", colour: "#ffd700", scale: "f"}, {label: "success", colour: "#7bd88f", scale: "rate"}]});
  const requests = el("table", {id: "requests"});
  m.replaceChildren(
    el("h2", {}, "Agent ", id, " ", stateBadge, " ", el("span", {class: "dim"},
      "generation " + a.generation + " · ", el("span", {id: "agent-size", title: "its brain: layers (L), width (d), "
        + "heads (h), tokens per position (g), or a preset's name"}, "brain " + a.size), " · parent ", agentLink(a.parent), " · children ",
      el("span", {id: "agent-children"}, detail.children.length ? detail.children.map(c => [agentLink(c), " "]) : "none"), " · votes " + detail.votes,
      clustered() ? el("span", {id: "agent-node"}, " · node " + (a.node || "none")) : null)),
    el("div", {class: "row"}, buttons, talk, send),
    el("div", {class: "grid"},
      el("div", {class: "panel"}, el("h3", {}, "World (live)"), world,
        el("pre", {id: "world-text", class: "screen", hidden: ""}), info),
      el("div", {class: "panel"}, el("h3", {}, "Last action and text"),
        el("div", {}, "last action: ", el("code", {id: "last-action"}, "—")),
        el("div", {}, "recent actions (this episode):"), el("pre", {id: "recent-actions"}, ""),
        el("div", {}, "text in:"), el("pre", {id: "text-in"}, ""), el("div", {}, "text out:"), el("pre", {id: "text-out"}, "")),
      el("div", {class: "panel"}, el("h3", {}, "Hidden state (last layer)"), hidden),
      el("div", {class: "panel"}, el("h3", {}, "Fitness and success over its life"), reward)),
    outputsPanel(), audioPanel(id), weavePanel(), learningPanel(),
    el("div", {class: "panel"}, el("h3", {}, "Requests"), requests),
    el("p", {}, el("a", {href: "#/episodes?agent=" + id}, "episodes"), " · ",
      el("a", {href: "#/checkpoints?agent=" + id}, "checkpoints")));
  for (const b of buttons) b.disabled = !state.colony.live;
  send.disabled = !state.colony.live;
  every(3000, async () => {
    const [ret, suc, d] = await Promise.all([api(`/api/agents/${id}/metrics/return?points=2000`),
      api(`/api/agents/${id}/metrics/success?points=2000`), api("/api/agents/" + encodeURIComponent(id))]);
    setPlotData(reward, alignSeries([ret.map(p => [p.step, p.value]), suc.map(p => [p.step, p.value])]),
      "no episode finished yet");
    stateBadge.replaceChildren(badge(d.agent.state));
    showFlags(d.flags);
    requests.replaceChildren(el("tbody", {}, d.requests.map(r => el("tr", {},
      el("td", {}, time(r.createdMillis)), el("td", {}, r.action), el("td", {}, r.arg),
      el("td", {}, r.result === null ? el("span", {class: "dim"}, "pending") : r.result)))));
    await showLearnerCharts(id);
    await showOutputs(id);
    await showWeave(id);
  });
  if (state.colony.live) {
    listen(id, {frame: f => showFrame(f, world, hidden, info, stateBadge)});
  }
}

function showFrame(f, world, hidden, info, stateBadge) {
  if (drawView(world, f.view)) world.setAttribute("data-frames", Number(world.getAttribute("data-frames")) + 1);
  if (f.hidden.length > 0) heatMap(hidden, f.hidden); // per-step frames carry none; keep the last one
  document.getElementById("last-action").textContent =
    "[" + f.lastAction.join(", ") + "] \"" + f.lastActionText + "\" · reward " + fmt(f.lastReward);
  document.getElementById("recent-actions").textContent = f.recentActions.join(" ");
  const drawing = document.getElementById("world-text");
  drawing.textContent = f.drawing;
  drawing.hidden = !f.drawing;
  document.getElementById("text-in").textContent = f.textIn;
  document.getElementById("text-out").textContent = f.textOut;
  info.textContent = `steps ${f.envSteps} · episodes ${f.episodes} · fitness ${fmt(f.fitness)} · ${f.view.text}`;
  info.setAttribute("data-steps", f.envSteps);
  stateBadge.replaceChildren(badge(f.state));
}

function voterName() {
  let v = localStorage.getItem("zoo.voter");
  if (!v) {
    v = (prompt("Your name for votes (letters, digits, . _ - @):", "web") || "web").replace(/[^A-Za-z0-9_.@-]/g, "");
    localStorage.setItem("zoo.voter", v || "web");
  }
  return v || "web";
}

async function request(agent, action, body) {
  try {
    const r = await post(`/api/agents/${agent}/${action}`, body);
    toast(`${action} ${agent}: request ${r.request} queued; the colony applies it at its next turn`);
  } catch (e) {
    toast(e.message, true);
  }
}

// -- checkpoints ---------------------------------------------------------------------------

function queryArg(name) {
  const q = (location.hash.split("?")[1] || "");
  return new URLSearchParams(q).get(name);
}

async function checkpointsView(m) {
  const agent = queryArg("agent");
  const list = await api("/api/checkpoints?limit=500" + (agent ? "&agent=" + encodeURIComponent(agent) : ""));
  const rows = list.map(c => el("tr", {"data-checkpoint": c.id},
    el("td", {}, c.id), el("td", {}, agentLink(c.agent)), el("td", {class: "num"}, c.step),
    el("td", {class: "num"}, fmt(c.fitness)), el("td", {class: "num"}, (c.bytes / 1024).toFixed(0) + " KiB"),
    el("td", {}, time(c.createdMillis)), el("td", {}, el("code", {}, c.sha256.slice(0, 12))),
    el("td", {}, c.pruned ? el("span", {class: "dim"}, "pruned")
      : el("a", {href: withToken(`/api/checkpoints/${c.id}/file`), download: ""}, "download")),
    el("td", {}, el("button", {disabled: !state.colony.live || c.pruned ? "" : null,
      title: "a new agent grown from this agent (clone request)",
      onclick: () => request(c.agent, "clone", {})}, "restore as new agent"))));
  m.replaceChildren(el("h2", {}, "Checkpoints", agent ? " of " + agent : ""),
    el("p", {class: "dim"}, "Restoring asks the running colony to clone the agent into a new one; "
      + "a downloaded file can be imported into another colony."),
    el("table", {id: "checkpoints"}, el("thead", {}, el("tr", {}, ["id", "agent", "step", "fitness", "size", "written",
      "sha-256", "", ""].map(h => el("th", {}, h)))), el("tbody", {}, rows)));
}

// -- episodes and the replay player --------------------------------------------------------

async function episodesView(m) {
  const agent = queryArg("agent");
  const list = await api("/api/episodes?limit=200" + (agent ? "&agent=" + encodeURIComponent(agent) : ""));
  m.replaceChildren(el("h2", {}, "Recorded episodes", agent ? " of " + agent : ""),
    list.length === 0 ? el("p", {class: "dim"}, "No episodes recorded yet.") :
    el("table", {id: "episodes"}, el("thead", {}, el("tr", {}, ["id", "agent", "preset", "level", "steps", "return",
      "success", "time", ""].map(h => el("th", {}, h)))),
      el("tbody", {}, list.map(e => el("tr", {"data-episode": e.id}, el("td", {}, e.id), el("td", {}, agentLink(e.agent)),
        el("td", {}, e.preset || e.world), el("td", {class: "num"}, e.level), el("td", {class: "num"}, e.steps),
        el("td", {class: "num"}, fmt(e.ret)), el("td", {}, e.success ? "yes" : "no"), el("td", {}, time(e.timeMillis)),
        el("td", {}, el("a", {href: "#/replay/" + e.id, class: "replay-link"}, "replay")))))));
}

async function replayView(m, id) {
  const r = await api("/api/episodes/" + encodeURIComponent(id));
  const frames = r.frames, e = r.episode;
  let t = 0, playing = false, timer = null;
  const canvas = el("canvas", {class: "world", id: "replay-canvas", width: 240, height: 240});
  const pos = el("input", {type: "range", id: "replay-pos", min: 0, max: frames.length - 1, value: 0,
    oninput: () => show(Number(pos.value))});
  const label = el("span", {id: "replay-t"});
  const speed = el("select", {id: "replay-speed", onchange: () => { if (playing) { pause(); play(); } }},
    [0.5, 1, 2, 5, 10].map(s => el("option", {value: s, selected: s === 2 ? "" : null}, s + "×")));
  const text = el("pre", {id: "replay-text"});
  const keys = el("pre", {id: "replay-actions"});
  const playBtn = el("button", {id: "replay-play", onclick: () => (playing ? pause() : play())}, "Play");
  function show(i) {
    t = Math.max(0, Math.min(frames.length - 1, i));
    const f = frames[t];
    drawView(canvas, f.view);
    text.textContent = f.text || "";
    keys.textContent = frames.slice(1, t + 1).map(g => g.actionText).join(" ");
    pos.value = t;
    label.textContent = `step ${f.t} / ${frames.length - 1} · action ${f.actionText || "—"} · reward ${fmt(f.reward)}`
      + (f.done ? " · done" : "");
  }
  function play() {
    if (t >= frames.length - 1) show(0);
    playing = true;
    playBtn.textContent = "Pause";
    timer = setInterval(() => { if (t >= frames.length - 1) pause(); else show(t + 1); }, 250 / Number(speed.value));
    state.timers.push(timer);
  }
  function pause() { playing = false; playBtn.textContent = "Play"; clearInterval(timer); }
  m.replaceChildren(el("h2", {}, `Replay of episode ${e.id}`),
    el("p", {class: "dim"}, `agent `, agentLink(e.agent), ` · ${e.preset || e.world} · seed ${e.seed} · level ${e.level}`
      + ` · ${e.steps} steps · return ${fmt(e.ret)}` + (r.matchesRecord ? " · the replay matches its record"
        : " · the replayed return differs from the record") + " · rebuilt by stepping the world with its recorded actions"),
    el("div", {class: "panel"}, canvas,
      el("div", {class: "row"}, el("button", {id: "replay-back", onclick: () => { pause(); show(t - 1); }}, "◀ Step"),
        playBtn, el("button", {id: "replay-step", onclick: () => { pause(); show(t + 1); }}, "Step ▶"),
        "speed ", speed, pos, label), text, el("div", {class: "dim"}, "actions so far:"), keys));
  show(0);
}

// -- start ---------------------------------------------------------------------------------

function start() {
  const m = location.hash.match(/^#token=([0-9A-Za-z_-]+)/);
  if (m) {
    sessionStorage.setItem("zoo.token", m[1]);
    history.replaceState(null, "", location.pathname + "#/");
  }
  state.token = sessionStorage.getItem("zoo.token") || "";
  window.addEventListener("hashchange", route);
  route();
}

document.addEventListener("DOMContentLoaded", start);
