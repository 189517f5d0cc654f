// The soup world on the zookeeper page (#/soup, docs/soup.md): the newest checkpoint of DATA/soup
// drawn as cubff draws it (GET /api/soup/image: one row per tape, brackets green, + - . , magenta,
// head moves lilac, 0 red, other bytes grey), the entropy curves of soup.csv on uPlot and the most
// frequent tapes with the self-replicator test. Polls every few seconds, so a running
// 'vivarium soup' shows live.
"use strict";

const SOUP_POLL_MS = 3000;
const SOUP_CURVES = [["entropy", "entropy (H0)", "#4fa3ff"], ["bits_per_byte", "bits per byte (compressed)", "#e0a030"],
  ["high_order_entropy", "high-order entropy", "#50c878"]];

async function soupView(m) {
  const s = await api("/api/soup");
  if (!s.present) {
    m.replaceChildren(el("h2", {}, "Soup"), el("p", {class: "dim", id: "soup-empty"},
      "no soup in this data directory: run 'vivarium soup' with the same --data (it writes " + s.dir + ")"));
    return;
  }
  const view = {order: "index", from: 0, rows: 256, scale: 3};
  const img = el("img", {id: "soup-image", class: "soup-image", alt: "the soup, one row per tape"});
  const order = el("select", {id: "soup-order", onchange: () => { view.order = order.value; view.from = 0; from.value = 0; draw(); }},
    el("option", {value: "index"}, "tapes in soup order"), el("option", {value: "frequent"}, "most frequent tapes first"));
  const from = el("input", {id: "soup-from", type: "number", min: 0, value: 0, size: 8,
    onchange: () => { view.from = Math.max(0, Number(from.value) || 0); draw(); }});
  const rows = el("select", {id: "soup-rows", onchange: () => { view.rows = Number(rows.value); draw(); }},
    [128, 256, 512, 1024].map(n => el("option", {value: n, selected: n === view.rows ? "selected" : null}, String(n))));
  const head = el("p", {id: "soup-head", class: "dim"});
  const chart = plotBox("soup-chart", {x: "steps", xLabel: "epoch", height: 260,
    axes: [{scale: "bits", label: "bits per byte"}],
    series: SOUP_CURVES.map(([, label, colour]) => ({label, colour, scale: "bits"}))});
  const tapes = el("table", {id: "soup-top"});
  m.replaceChildren(el("h2", {}, "Soup"), head,
    el("div", {class: "panel"}, el("h3", {}, "Entropy"), chart),
    el("div", {class: "soup-row"},
      el("div", {class: "panel soup-panel"}, el("h3", {}, "The soup"),
        el("div", {class: "row dim"}, "show ", order, " from row ", from, " rows ", rows),
        el("div", {class: "soup-frame"}, img)),
      el("div", {class: "panel soup-tapes"}, el("h3", {}, "Most frequent tapes"), tapes)));
  let epoch = -1;
  function draw() {
    img.src = withToken(`/api/soup/image?order=${view.order}&from=${view.from}&rows=${view.rows}&scale=${view.scale}`
      + `&epoch=${epoch}`);
  }
  function show(s) {
    head.textContent = `epoch ${s.epoch} · ${s.size} tapes · seed ${s.seed} · ${s.dir}`;
    head.setAttribute("data-epoch", s.epoch);
    const col = name => s.columns.indexOf(name);
    const xs = s.rows.map(r => r[col("epoch")]);
    setPlotData(chart, [xs, ...SOUP_CURVES.map(([name]) => col(name) < 0 ? xs.map(() => null)
      : s.rows.map(r => r[col(name)]))], "no metrics rows yet (soup.csv)");
    if (s.epoch !== epoch) { epoch = s.epoch; draw(); soupTapes(tapes, s.top); }
  }
  show(s);
  every(SOUP_POLL_MS, async () => { try { show(await api("/api/soup")); } catch (e) { head.textContent = "Error: " + e.message; } });
}

function soupTapes(table, top) {
  table.replaceChildren(el("tr", {}, ...["copies", "first at", "tape", "replicator"].map(c => el("th", {}, c))),
    ...top.map(t => el("tr", {class: "soup-tape" + (t.replicator ? " replicator" : ""), "data-replicator": t.replicator},
      el("td", {}, String(t.count)), el("td", {}, String(t.firstIndex)),
      el("td", {}, el("code", {title: t.hex}, t.text)),
      el("td", {}, (t.replicator ? "yes" : "no") + ` (score ${t.score})`))));
}
