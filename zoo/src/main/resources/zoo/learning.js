// The agent view's learning panel: one small chart per learner statistic the agent has
// recorded (docs/zookeeper.md) and the learning-health flags the registry's rule raises.
"use strict";

/** The learner statistics charted, in the order shown: [metric name, label, colour]. */
const LEARNER_METRICS = [
  ["policy_loss", "policy loss", "#ff9f43"], ["value_loss", "value loss", "#ee5253"],
  ["entropy", "entropy (nats)", "#48dbfb"], ["approx_kl", "approximate KL", "#feca57"],
  ["clip_fraction", "clip fraction", "#a29bfe"], ["explained_variance", "explained variance", "#7bd88f"],
  ["grad_norm", "gradient norm", "#ff6b81"], ["lr", "learning rate", "#c8d6e5"]];

/** The panel's elements: a warning line (hidden while there is no flag) and a grid of charts. */
function learningPanel() {
  return el("div", {class: "panel", id: "learning"}, el("h3", {}, "Learning"),
    el("p", {id: "agent-flags", class: "warning", hidden: true}),
    el("div", {id: "learner-charts", class: "grid small"},
      el("p", {class: "dim", id: "learner-none"}, "no learner statistics recorded yet")));
}

/** Shows the flags of an agent's detail ({@code d.flags}, labels) as one warning line. */
function showFlags(flags) {
  const line = document.getElementById("agent-flags");
  if (!line) return;
  line.hidden = flags.length === 0;
  line.setAttribute("data-flags", flags.join(","));
  line.textContent = flags.length ? "⚠ learning health: " + flags.join(", ") : "";
}

/** Redraws one chart per learner statistic of agent {@code id} that has data. */
async function showLearnerCharts(id) {
  const names = new Set(await api(`/api/agents/${encodeURIComponent(id)}/metrics`));
  const present = LEARNER_METRICS.filter(([name]) => names.has(name));
  const series = await Promise.all(present.map(([name]) =>
    api(`/api/agents/${encodeURIComponent(id)}/metrics/${name}?points=1000`))); // its whole history, thinned
  const grid = document.getElementById("learner-charts");
  if (!grid) return;
  present.forEach(([name, label, colour], i) => {
    let box = document.getElementById("chart-" + name);
    if (!box) {
      box = plotBox("chart-" + name, {x: "steps", height: 130, axes: [{scale: "v"}],
        series: [{label, colour, scale: "v"}]});
      grid.append(el("div", {class: "mini", "data-metric": name}, box));
    }
    setPlotData(box, alignSeries([series[i].map(p => [p.step, p.value])]));
  });
  const none = document.getElementById("learner-none");
  if (none) none.hidden = present.length > 0;
}
