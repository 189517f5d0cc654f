// The ask box on the colony page: people's questions to the colony's text world (any agent,
// everyone for a consensus, or one agent), the answers as they arrive (GET /api/asks every 2 s),
// and thumbs up/down on an answer: a people's reward of +1/-1 to the agent that gave it.
"use strict";

/** Fills panel with the ask form and the list of recent asks; agents fill the selector. */
function askBox(panel) {
  const text = el("input", {id: "ask-text", size: 50, maxlength: 1000, placeholder: "Ask the colony a question"});
  const to = el("select", {id: "ask-agent"}, el("option", {value: ""}, "any agent"),
    el("option", {value: "*"}, "everyone (consensus)"));
  const send = el("button", {id: "ask-send"}, "Ask");
  const list = el("table", {id: "asks-list"});
  const go = async () => {
    try {
      const r = await post("/api/asks", {text: text.value, agent: to.value});
      toast(`ask #${r.ask} queued; the colony's agents answer it between turns`);
      text.value = "";
      refresh();
    } catch (e) {
      toast(e.message, true);
    }
  };
  send.onclick = go;
  text.addEventListener("keydown", e => { if (e.key === "Enter") go(); });
  panel.replaceChildren(el("h2", {}, "Ask"), el("div", {class: "row"}, text, to, send), list);
  const refresh = async () => {
    const [asks, agents] = await Promise.all([api("/api/asks?limit=20"), api("/api/agents")]);
    const chosen = to.value;
    to.replaceChildren(to.options[0], to.options[1], ...agents.filter(a => a.state === "alive")
      .map(a => el("option", {value: a.id}, a.id)));
    to.value = [...to.options].some(o => o.value === chosen) ? chosen : "";
    list.replaceChildren(...asks.map(askRow));
  };
  every(2000, refresh);
}

function askRow({ask, answers, consensus}) {
  const who = ask.agent === "" ? "any" : ask.agent === "*" ? "everyone" : ask.agent;
  const vote = consensus && consensus.answer ? el("div", {class: "consensus", title: consensus.tallies.map(t =>
      t.answer + " " + t.weight.toFixed(2) + " from " + t.voters.map(v => v.who).join(", ")).join("\n")},
    "consensus: ", el("b", {}, consensus.answer), el("span", {class: "dim"}, " · " + Math.round(consensus.share * 100)
      + "% of the vote · " + consensus.tallies[0].voters.map(v => v.who).join(", "))) : null;
  const answered = answers.length ? answers.map(a => el("div", {class: "answer", "data-agent": a.agent},
    agentLink(a.agent), ": ", a.answer, " ",
    el("button", {class: "thumb-up", title: "good answer: +1 to " + a.agent, onclick: () => thumb(ask.id, a.agent, 1)}, "good"),
    el("button", {class: "thumb-down", title: "bad answer: -1 to " + a.agent, onclick: () => thumb(ask.id, a.agent, -1)}, "bad"),
    a.reward ? el("span", {class: "dim reward"}, " " + (a.reward > 0 ? "+" : "") + a.reward) : null))
    : [el("span", {class: "dim"}, ask.reason || "waiting for an answer…")];
  return el("tr", {"data-ask": ask.id, "data-state": ask.state},
    el("td", {class: "num"}, "#" + ask.id), el("td", {}, who), el("td", {class: "question"}, ask.text),
    el("td", {}, el("span", {class: "badge ask-" + ask.state}, ask.state)), el("td", {class: "answers"}, vote, ...answered));
}

async function thumb(ask, agent, value) {
  try {
    const r = await post(`/api/asks/${ask}/thumb`, {agent, value});
    toast(`${value > 0 ? "+1" : "-1"} to ${agent} for ask #${ask}: request ${r.request} queued`);
  } catch (e) {
    toast(e.message, true);
  }
}
