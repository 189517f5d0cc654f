#!/usr/bin/env bash
# Soak (issue 6's goal): a colony of AGENTS tiny agents runs for MINUTES minutes while the
# resident memory (RSS) of its JVM is sampled every 30 s into a CSV; then reports RSS growth
# after the warm-up, failed agents and the throughput (the colony's steps_per_second metric)
# early and late. Prints key: value lines.
#
# usage: bench/colony-soak.sh [MINUTES] [DATA_DIR]
#   MINUTES   default 30
#   DATA_DIR  default: a new temporary directory (kept; samples in DATA_DIR.rss.csv)
#   AGENTS=64 WARMUP_S=300 INTERVAL_S=30   environment knobs
#   COLONY_OVERRIDES="..."                 extra configuration overrides
# Needs sqlite3 (Debian package sqlite3).
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$here"
minutes=${1:-30}
data=${2:-$(mktemp -d)/colony}
agents=${AGENTS:-64}
interval=${INTERVAL_S:-30}
warmup=${WARMUP_S:-300}
command -v sqlite3 >/dev/null || { echo "colony-soak.sh: needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }
# shellcheck disable=SC2206
overrides=(colony.agents="$agents" colony.maxAgents="$agents" brain.preset=tiny bus.enabled=false
  ${COLONY_OVERRIDES:-})
csv="$data.rss.csv"
echo "data: $data"
echo "agents: $agents, minutes: $minutes, warm-up: ${warmup} s, sample every ${interval} s"
./vivarium --version >/dev/null # build the distribution once, outside the measurement
mkdir -p "$(dirname "$data")"
./vivarium run --data "$data" --minutes "$minutes" "${overrides[@]}" >"$data.run.log" 2>&1 &
pid=$!
trap 'kill -TERM "$pid" 2>/dev/null || true' INT TERM
start=$(date +%s)
echo "seconds,rss_kb" >"$csv"
while kill -0 "$pid" 2>/dev/null; do
  rss=$(ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ' || true)
  [ -n "$rss" ] && echo "$(( $(date +%s) - start )),$rss" >>"$csv"
  sleep "$interval"
done
wait "$pid" && status=0 || status=$?
echo "exit: $status (log $data.run.log)"
echo "samples: $(( $(wc -l <"$csv") - 1 )) in $csv"
awk -F, -v w="$warmup" 'NR > 1 && $1 >= w { if (!n++) first = $2; last = $2; if ($2 > max) max = $2 }
  END { if (n < 2) { print "rss_growth_after_warmup: n/a (run longer than the warm-up)"; exit }
        printf "rss_after_warmup_mb: %.0f\nrss_last_mb: %.0f\nrss_max_mb: %.0f\n", first / 1024, last / 1024, max / 1024
        printf "rss_growth_after_warmup: %.1f%% (last vs first sample after warm-up), %.1f%% (max vs first)\n",
          100 * (last - first) / first, 100 * (max - first) / first }' "$csv"
db="$data/colony.db"
echo "agents: $(sqlite3 "$db" "SELECT state || ' ' || COUNT(*) FROM agents GROUP BY state" | tr '\n' ',')"
echo "failed_agents: $(sqlite3 "$db" "SELECT COUNT(*) FROM agents WHERE state = 'failed'")"
sqlite3 -separator ' ' "$db" "
  WITH s AS (SELECT value, time_ms, NTILE(3) OVER (ORDER BY time_ms) AS third
             FROM metrics WHERE agent = 'colony' AND name = 'steps_per_second')
  SELECT 'steps_per_second_' || CASE third WHEN 1 THEN 'first_third' WHEN 2 THEN 'middle_third' ELSE 'last_third' END
         || ':', printf('%.0f (%d rounds)', AVG(value), COUNT(*)) FROM s GROUP BY third ORDER BY third"
echo "max_generation: $(sqlite3 "$db" "SELECT MAX(generation) FROM agents")"
echo "episodes: $(sqlite3 "$db" "SELECT COUNT(*) FROM episodes")"
echo "load: $(uptime | sed 's/.*load average: //')"
