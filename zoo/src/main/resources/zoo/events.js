// The colony page's event list: each recorded event (GET /api/events, the stream's "event") as one
// readable line — time, kind, agent and its details in words — never the raw JSON it is stored as.
"use strict";

/** Details each kind leads with, in this order; the rest follow as "name value". */
const EVENT_FIRST = {birth: ["parent", "generation", "via"], death: ["reason", "fitness"], talk: ["text"],
  reward: ["value", "source"], vote: ["voter", "votes", "threshold"], error: ["error"]};

/** The words for a detail's camelCase or snake_case name: "humanReward" → "human reward". */
function detailName(k) {
  return k.replace(/_/g, " ").replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
}

function detailValue(v) {
  if (typeof v === "number") {
    return Number.isInteger(v) ? String(v) : v !== 0 && Math.abs(v) < 0.01 ? v.toExponential(1) : fmt(v); // lr 3.0e-4
  }
  if (typeof v === "string") { // a word as it is, a text in quotes
    const t = v.length > 80 ? v.slice(0, 79) + "…" : v;
    return /^[\w.@-]+$/.test(t) ? t : "\u201c" + t + "\u201d";
  }
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (Array.isArray(v)) return v.map(detailValue).join(", ");
  return Object.entries(v).map(([k, x]) => detailName(k) + " " + detailValue(x)).join(", ");
}

/**
 * The JSON text with integers of 16 digits or more (64-bit seeds) quoted, so that JSON.parse keeps
 * their digits instead of rounding them to a double; strings are left as they are.
 */
function exactIntegers(json) {
  return json.replace(/"(?:[^"\\]|\\.)*"|(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/g, t => (t[0] === '"' ? t : '"' + t + '"'));
}

/** The details of an event's JSON text as words; the text itself when it is not an object. */
function eventDetails(kind, json) {
  let d;
  try { d = JSON.parse(exactIntegers(json)); } catch (e) { return json; }
  if (d === null || typeof d !== "object" || Array.isArray(d)) return detailValue(d);
  const first = EVENT_FIRST[kind] || [];
  const keys = [...first.filter(k => k in d), ...Object.keys(d).filter(k => !first.includes(k))];
  return keys.filter(k => d[k] !== null && d[k] !== undefined && d[k] !== "")
    .map(k => detailName(k) + " " + detailValue(d[k])).join(" · ");
}

/** One event {id, timeMillis, kind, agent, json} as a line element. */
function eventLine(e) {
  const details = eventDetails(e.kind, e.json);
  return el("div", {class: "event", "data-kind": e.kind, "data-event": e.id},
    el("span", {class: "dim"}, time(e.timeMillis)), " ", el("b", {class: "kind"}, e.kind.replace(/_/g, " ")), " ",
    e.agent ? agentLink(e.agent) : el("span", {class: "dim"}, "colony"), details ? " — " + details : "");
}
