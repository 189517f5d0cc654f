#!/usr/bin/env bash
# Evaluates every alive agent of a colony on the whole room (no curriculum): exports each
# agent, plays its brain greedily (and sampled) on EPISODES held-out episodes of its preset
# with `vivarium eval`, and prints one line per agent and the colony's medians. This is the
# measure behind issue 6's goal ("median success on gold-bare-6x6"): the status line's
# success is that of the agents' training episodes at their curriculum level.
#
# usage: bench/colony-eval.sh DATA_DIR [EPISODES]
#   EPISODES  default 64 (a multiple of 32)
#   Run it on a stopped colony (export reads the newest verified checkpoint).
# Needs sqlite3 and tar.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
data=${1:?usage: bench/colony-eval.sh DATA_DIR [EPISODES]}
episodes=${2:-64}
db="$data/colony.db"
[ -f "$db" ] || { echo "colony-eval.sh: no colony in $data (no colony.db)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "colony-eval.sh: needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
greedy=()
sampled=()
printf '%-6s %-6s %3s %-22s %10s %8s %8s %8s\n' agent parent gen preset parameters success return sampled
while IFS='|' read -r id parent gen preset parameters; do
  "$here/vivarium" export "$id" --data "$data" -o "$work/$id.tar" >/dev/null </dev/null
  tar -xf "$work/$id.tar" -C "$work" brain.bin
  mv "$work/brain.bin" "$work/$id.brain"
  g=$("$here/vivarium" eval --brain "$work/$id.brain" --preset "$preset" --episodes "$episodes" --seed 7 </dev/null)
  s=$("$here/vivarium" eval --brain "$work/$id.brain" --preset "$preset" --episodes "$episodes" --seed 7 --sample </dev/null)
  gs=$(awk '/^success_rate:/ {print $2}' <<<"$g")
  gr=$(awk '/^mean_return:/ {print $2}' <<<"$g")
  ss=$(awk '/^success_rate:/ {print $2}' <<<"$s")
  greedy+=("$gs")
  sampled+=("$ss")
  printf '%-6s %-6s %3s %-22s %10s %8s %8s %8s\n' "$id" "${parent:--}" "$gen" "$preset" "${parameters:--}" "$gs" "$gr" "$ss"
done < <(sqlite3 "$db" "SELECT a.id, COALESCE(a.parent, ''), a.generation, a.world,
  (SELECT json_extract(e.json, '$.parameters') FROM events e WHERE e.kind = 'birth' AND e.agent = a.id)
  FROM agents a WHERE a.state = 'alive' ORDER BY a.id")
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.4f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "agents_evaluated: ${#greedy[@]}"
echo "median_greedy_success_whole_room: $(printf '%s\n' "${greedy[@]}" | median)"
echo "median_sampled_success_whole_room: $(printf '%s\n' "${sampled[@]}" | median)"
echo "best_greedy_success_whole_room: $(printf '%s\n' "${greedy[@]}" | sort -g | tail -1)"
echo "max_generation: $(sqlite3 "$db" "SELECT MAX(generation) FROM agents")"
