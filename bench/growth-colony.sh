#!/usr/bin/env bash
# Issue 23's growth goal: two gold colonies side by side for the same wall-clock minutes, one
# whose children may grow or shrink (growth.*), one whose brains keep the founders' shape,
# both started from brains below `tiny` (1 layer, dimension 16, 2 heads). Each colony runs its
# turns on one core (colony.learners=1, colony.overlap=false), so they share the machine evenly. Then every alive agent
# of both is evaluated greedily on the whole room (bench/colony-eval.sh), and the curves are
# written as CSV: per minute, the success rate of the children's training episodes (founders
# clone the expert at first, whose episodes would count the expert) and the mean brain size
# (parameters) over the agents that played in that minute.
#
# usage: bench/growth-colony.sh OUT_DIR [MINUTES] [PRESET] [KEY=VALUE ...]
#   MINUTES  default 20; PRESET default gold-walls-8x8+ego7
#   KEY=VALUE  extra configuration for both colonies (e.g. colony.seed=7)
#   GROWTH   the growth colony's settings (default below)
# Needs sqlite3 and tar. Prints each colony's medians and best agent, and the CSV paths.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
out=${1:?usage: bench/growth-colony.sh OUT_DIR [MINUTES] [PRESET] [KEY=VALUE ...]}
minutes=${2:-20}
preset=${3:-gold-walls-8x8+ego7}
shift $(( $# < 3 ? $# : 3 ))
growth=${GROWTH:-growth.probability=0.2 growth.shrinkProbability=0.1}
command -v sqlite3 >/dev/null || { echo "growth-colony.sh: needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }
[ ! -e "$out" ] || { echo "growth-colony.sh: $out exists; give a new directory" >&2; exit 1; }
mkdir -p "$out"
start=(--minutes "$minutes" --no-zoo --no-broker --preset "$preset" colony.learners=1 colony.overlap=false
  brain.layers=1 brain.dim=16 brain.heads=2 "$@")
"$here/vivarium" --version >/dev/null # builds once, before the two runs start
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
"$here/vivarium" run --data "$out/growth" "${start[@]}" $growth >"$out/growth.log" 2>&1 &
a=$!
"$here/vivarium" run --data "$out/fixed" "${start[@]}" >"$out/fixed.log" 2>&1 &
b=$!
wait $a $b
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
for run in growth fixed; do
  db="$out/$run/colony.db"
  sqlite3 -csv -header "$db" "
    WITH t0 AS (SELECT MIN(time_ms) AS t FROM episodes),
    size AS (SELECT agent, json_extract(json, '$.parameters') AS p FROM events WHERE kind = 'birth')
    SELECT (e.time_ms - t0.t) / 60000 AS minute,
           COUNT(*) AS child_episodes,
           ROUND(AVG(e.success), 4) AS child_success,
           ROUND(AVG(size.p)) AS mean_parameters,
           MAX(size.p) AS max_parameters
    FROM episodes e JOIN agents a ON a.id = e.agent JOIN size ON size.agent = e.agent, t0
    WHERE a.parent IS NOT NULL GROUP BY minute ORDER BY minute" >"$out/$run-curve.csv"
  echo "== $run: $(sqlite3 "$db" "SELECT COUNT(*) FROM agents") agents, $(sqlite3 "$db" \
    "SELECT COUNT(*) FROM events WHERE kind = 'birth' AND json LIKE '%\"growth\"%'") grown or shrunk at birth"
  "$here/bench/colony-eval.sh" "$out/$run" 64 | tee "$out/$run-eval.txt"
  echo "curve: $out/$run-curve.csv"
done
