// An agent's voice on its page: a player for each of its newest spoken answers (GET
// /api/agents/{id}/audio, refreshed every 3 s) and an upload of a person's recording (a WAV file
// POSTed to /api/agents/{id}/audio), which its listening world hears as its next episode.
"use strict";

/** The voice panel of agent id. */
function audioPanel(id) {
  const clips = el("div", {id: "audio-clips"}, el("span", {class: "dim"}, "no spoken answers yet"));
  const file = el("input", {id: "audio-file", type: "file", accept: "audio/wav,audio/x-wav,.wav"});
  const send = el("button", {id: "audio-send", onclick: () => sendRecording(id, file)}, "Send recording");
  send.disabled = !state.colony.live;
  const panel = el("div", {class: "panel", id: "audio-panel"}, el("h3", {}, "Voice"),
    el("div", {class: "row"}, file, send), clips);
  every(3000, () => showClips(id, clips));
  return panel;
}

async function showClips(id, box) {
  const list = await api(`/api/agents/${encodeURIComponent(id)}/audio`);
  const shown = [...box.querySelectorAll("audio")].map(a => a.getAttribute("data-clip")).join();
  if (!list.length || shown === list.map(c => c.clip).join()) return; // keep a playing player alive
  box.replaceChildren(...list.map(c => el("div", {class: "clip"},
    el("audio", {controls: "", preload: "none", "data-clip": c.clip,
      src: withToken(`/api/agents/${encodeURIComponent(id)}/audio/${c.clip}`)}),
    " ", el("span", {class: "dim"}, time(c.timeMillis)), " ", el("span", {class: "said"}, c.text))));
}

async function sendRecording(id, input) {
  const f = input.files[0];
  if (!f) {
    toast("choose a WAV file first", true);
    return;
  }
  try {
    const r = await fetch(`/api/agents/${encodeURIComponent(id)}/audio`, {method: "POST",
      headers: headers({"Content-Type": "audio/wav"}), body: f});
    const out = await r.json().catch(() => ({error: r.statusText}));
    if (!r.ok) throw new Error(out.error || ("HTTP " + r.status));
    toast(`recording #${out.recording} sent to ${id}; its answer comes back as text (and spoken)`);
    input.value = "";
  } catch (e) {
    toast(e.message, true);
  }
}
