// The agent view's outputs panel (docs/zookeeper.md), shown once an agent has recorded outputs
// (the exec world's programs): the latest programs as hex and x86-64 disassembly, the summed
// system-call histogram as bars, the identity bytes over time as a heat map and seed 000's polar
// picture of the 10 latest outputs. A repair agent's outputs (details.world "repair") show instead
// the damaged passage, the corruption operations, the answer and its unified diff coloured +/−.
// Everything is drawn from /api/agents/ID/outputs.
"use strict";

/** The panel's elements, hidden until the agent has outputs. */
function outputsPanel() {
  return el("div", {class: "panel", id: "outputs", hidden: true}, el("h3", {}, "Outputs"),
    el("div", {id: "repair-view", hidden: true}, el("h3", {}, "Latest repairs (newest first)"),
      el("div", {id: "repair-outputs"})),
    el("div", {class: "grid", id: "exec-view"},
      el("div", {}, el("h3", {}, "Latest programs (newest first)"), el("div", {id: "exec-programs"})),
      el("div", {}, el("h3", {}, "System calls of the latest programs"), svgEl("svg", {class: "bars", id: "exec-syscalls"})),
      el("div", {}, el("h3", {}, "Identity bytes: its 16 most frequent bytes over time"),
        el("canvas", {id: "exec-identity", width: 360, height: 250})),
      el("div", {}, el("h3", {}, "The 10 latest outputs"), el("canvas", {id: "exec-polar", width: 300, height: 300}),
        el("p", {class: "dim"}, "angle: which output (oldest at the top, clockwise to the newest) and, within "
          + "its sector, the byte's index; distance from the centre and colour: the byte's value"))));
}

/** Redraws the panel for agent id when it has new outputs. */
async function showOutputs(id) {
  const panel = document.getElementById("outputs");
  if (!panel) return;
  const base = `/api/agents/${encodeURIComponent(id)}/outputs`;
  const latest = await api(base + "?limit=10");
  panel.hidden = latest.length === 0;
  const newest = latest.length ? latest[0].step + ":" + latest[0].timeMillis : "";
  if (panel.getAttribute("data-newest") === newest) return;
  const repair = latest.length > 0 && (latest[0].details || {}).world === "repair";
  document.getElementById("repair-view").hidden = !repair;
  document.getElementById("exec-view").hidden = repair;
  if (repair) {
    showRepairs(document.getElementById("repair-outputs"), latest);
  } else if (latest.length > 0) {
    const all = await api(base + "?limit=512&disassemble=0");
    const bytes = latest.map(o => hexBytes(o.bytes));
    showPrograms(document.getElementById("exec-programs"), latest, bytes);
    syscallBars(document.getElementById("exec-syscalls"), latest);
    identityMap(document.getElementById("exec-identity"), all.map(o => hexBytes(o.bytes)).reverse());
    polarPicture(document.getElementById("exec-polar"), bytes.slice().reverse());
  }
  panel.setAttribute("data-newest", newest); // "" once it knows there are none
}

function hexBytes(hex) { return hex ? hex.split(" ").map(h => parseInt(h, 16)) : []; }

/** A byte's colour: blue (0) through green to red (255). */
function byteColour(v) { return `hsl(${(240 - 240 * v / 255).toFixed(0)}, 85%, 55%)`; }

function showPrograms(box, outputs, bytes) {
  box.replaceChildren(...outputs.map((o, i) => {
    const d = o.details || {};
    const outcome = typeof d.outcome === "string" ? " · " + d.outcome : "";
    const body = o.disassembly !== null ? el("pre", {class: "disasm"}, o.disassembly || "(empty)")
      : el("pre", {class: "text"}, bytes[i].map(b => (b >= 32 && b < 127) || b === 10 ? String.fromCharCode(b) : "·").join(""));
    return el("details", {class: "program", "data-step": o.step, open: i === 0 ? "" : null},
      el("summary", {}, `step ${o.step} · ${o.length} bytes · reward ${fmt(o.reward)}${outcome}`),
      el("pre", {class: "hex"}, o.bytes || "(empty)"), body);
  }));
}

/** A repair agent's answers: the damaged passage, the operations, the answer and the diff, coloured. */
function showRepairs(box, outputs) {
  box.replaceChildren(...outputs.map((o, i) => {
    const d = o.details || {};
    const kind = d.answer === "diff-rejected" ? `diff rejected (${d.reason || "?"})` : d.answer || "?";
    return el("details", {class: "repair", "data-step": o.step, open: i === 0 ? "" : null},
      el("summary", {}, `step ${o.step} · reward ${fmt(o.reward)} · ${d.exact ? "exact" : "distance "
        + d.distance_before + " → " + d.distance_after} · answer: ${kind}`),
      el("h4", {}, "Damaged passage"), el("pre", {class: "passage"}, d.damaged || ""),
      el("h4", {}, "Operations"), el("ul", {class: "operations"}, ...(d.operations || []).map(op => el("li", {}, op))),
      el("h4", {}, "Answer"), el("pre", {class: "answer"}, d.repaired !== undefined ? d.repaired : ""),
      el("h4", {}, "Unified diff, damaged → answer"), diffView(d.diff || ""));
  }));
}

/** A unified diff with added lines green, removed lines red and hunk headers dim. */
function diffView(diff) {
  if (!diff) return el("pre", {class: "diff"}, "(no change)");
  return el("pre", {class: "diff"}, ...diff.replace(/\n$/, "").split("\n").map(line => {
    const cls = line.startsWith("+++") || line.startsWith("---") ? "file" : line.startsWith("@@") ? "hunk"
      : line.startsWith("+") ? "add" : line.startsWith("-") ? "del" : "ctx";
    return el("span", {class: cls}, line + "\n");
  }));
}

/** Horizontal bars of the system calls summed over the outputs' details.histogram. */
function syscallBars(svg, outputs) {
  const sum = new Map();
  for (const o of outputs) {
    const h = o.details && o.details.histogram;
    if (h && typeof h === "object") {
      for (const [name, n] of Object.entries(h)) if (typeof n === "number") sum.set(name, (sum.get(name) || 0) + n);
    }
  }
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  const rows = [...sum.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 24);
  const w = svg.clientWidth || 360, rowH = 16, left = 110;
  svg.setAttribute("height", Math.max(30, rows.length * rowH + 6));
  svg.setAttribute("viewBox", `0 0 ${w} ${Math.max(30, rows.length * rowH + 6)}`);
  if (rows.length === 0) {
    svg.appendChild(svgEl("text", {x: 4, y: 18})).textContent = "no system calls recorded";
    return;
  }
  const max = rows[0][1];
  rows.forEach(([name, n], i) => {
    const y = 3 + i * rowH, len = Math.max(1, (w - left - 40) * n / max);
    svg.appendChild(svgEl("text", {x: 4, y: y + 11})).textContent = name;
    svg.appendChild(svgEl("rect", {x: left, y: y + 2, width: len, height: rowH - 4, fill: "#4fa3ff", "data-call": name}));
    svg.appendChild(svgEl("text", {x: left + len + 4, y: y + 11})).textContent = n;
  });
}

/** Heat map: x = time buckets of the outputs (oldest left), y = the 16 most frequent bytes, colour = share. */
function identityMap(canvas, outputs) {
  const ctx = canvas.getContext("2d");
  const total = new Array(256).fill(0);
  outputs.forEach(b => b.forEach(v => total[v]++));
  const top = [...total.keys()].filter(v => total[v] > 0).sort((a, b) => total[b] - total[a] || a - b).slice(0, 16);
  const buckets = Math.min(32, outputs.length), left = 64, rowH = 14, top0 = 4;
  const cellW = Math.floor((canvas.width - left - 4) / Math.max(1, buckets));
  ctx.fillStyle = "#0c1014";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const share = [];
  for (let k = 0; k < buckets; k++) {
    const from = Math.floor(k * outputs.length / buckets), to = Math.floor((k + 1) * outputs.length / buckets);
    const counts = new Map(), n = outputs.slice(from, to).reduce((s, b) => s + b.length, 0);
    outputs.slice(from, to).forEach(b => b.forEach(v => counts.set(v, (counts.get(v) || 0) + 1)));
    share.push(top.map(v => (n ? (counts.get(v) || 0) / n : 0)));
  }
  const max = Math.max(1e-9, ...share.flat());
  ctx.font = "10px ui-monospace, monospace";
  top.forEach((v, row) => {
    const y = top0 + row * rowH;
    ctx.fillStyle = "#8a96a3";
    const ch = v >= 33 && v < 127 ? " '" + String.fromCharCode(v) + "'" : "";
    ctx.fillText("0x" + v.toString(16).padStart(2, "0") + ch, 2, y + 10);
    for (let k = 0; k < buckets; k++) {
      const t = share[k][row] / max;
      ctx.fillStyle = `hsl(${(240 - 190 * t).toFixed(0)}, 80%, ${(8 + 52 * t).toFixed(0)}%)`;
      ctx.fillRect(left + k * cellW, y, cellW - 1, rowH - 1);
    }
  });
  ctx.fillStyle = "#8a96a3";
  ctx.fillText(`oldest → newest of ${outputs.length} outputs`, left, top0 + 16 * rowH + 12);
  canvas.setAttribute("data-bytes", top.join(","));
}

/** Seed 000's picture: one sector per output (time), byte index along it, radius and colour = value. */
function polarPicture(canvas, outputs) {
  const ctx = canvas.getContext("2d");
  const c = canvas.width / 2, R = c - 12, n = outputs.length, sector = 2 * Math.PI / Math.max(1, n);
  ctx.fillStyle = "#0c1014";
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.strokeStyle = "#2c3540";
  ctx.beginPath(); ctx.arc(c, c, R, 0, 2 * Math.PI); ctx.stroke();
  outputs.forEach((bytes, j) => {
    const start = -Math.PI / 2 + j * sector;
    ctx.strokeStyle = "#2c3540";
    ctx.beginPath(); ctx.moveTo(c, c); ctx.lineTo(c + R * Math.cos(start), c + R * Math.sin(start)); ctx.stroke();
    bytes.forEach((v, i) => {
      const a = start + sector * (0.05 + 0.9 * (i + 0.5) / bytes.length), r = 6 + (R - 6) * v / 255;
      ctx.fillStyle = byteColour(v);
      ctx.beginPath(); ctx.arc(c + r * Math.cos(a), c + r * Math.sin(a), j === n - 1 ? 2.5 : 1.8, 0, 2 * Math.PI); ctx.fill();
    });
  });
  canvas.setAttribute("data-outputs", n);
}
