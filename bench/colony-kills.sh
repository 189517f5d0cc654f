#!/usr/bin/env bash
# Crash safety of a running colony (issue 6's goal): KILLS SIGKILLs at random moments of a
# running `./vivarium run`, restarting it after each; then the registry must pass SQLite's
# `PRAGMA integrity_check`, every checkpoint must verify (`vivarium checkpoints --verify`), no
# agent may be lost (every agent ever born keeps its registry row and a checkpoint file, every
# agent alive before a kill is still in the registry after it), and a last clean run must resume
# and print a status line. Prints key: value lines; exits 1 on the first broken promise.
#
# usage: bench/colony-kills.sh [DATA_DIR]
#   DATA_DIR  default: a new temporary directory (kept, printed at the end)
#   KILLS=10 MIN_S=2 MAX_S=40 SEED=... AGENTS=4   environment knobs
#   Extra configuration overrides: COLONY_OVERRIDES="colony.checkpointSeconds=3 ..."
# Needs sqlite3 (Debian package sqlite3).
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$here"
data=${1:-$(mktemp -d)/colony}
kills=${KILLS:-10}
min_s=${MIN_S:-2}
max_s=${MAX_S:-40}
seed=${SEED:-$(date +%s)}
agents=${AGENTS:-4}
command -v sqlite3 >/dev/null || { echo "colony-kills.sh: needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }
# shellcheck disable=SC2206
overrides=(colony.agents="$agents" colony.checkpointSeconds=5 colony.replicateEvery=5 world.batch=8
  bus.enabled=false ${COLONY_OVERRIDES:-})
RANDOM=$seed
echo "data: $data"
echo "seed: $seed"
echo "kills: $kills (each after a uniform ${min_s}-${max_s} s)"
fail() { echo "FAILED: $*"; echo "data kept in $data"; exit 1; }
ids() { # every agent id in the registry (none before the first start)
  [ -f "$data/colony.db" ] || return 0
  sqlite3 "$data/colony.db" "SELECT id FROM agents ORDER BY id" | tr '\n' ' '
}

mkdir -p "$(dirname "$data")"
./vivarium --version >/dev/null # build the distribution once, outside the timed runs
for k in $(seq 1 "$kills"); do
  before=$(ids)
  log="$data.run-$k.log"
  ./vivarium run --data "$data" "${overrides[@]}" >"$log" 2>&1 &
  pid=$!
  wait_ms=$(( (min_s * 1000) + (RANDOM * 32768 + RANDOM) % ((max_s - min_s) * 1000 + 1) ))
  sleep "$(printf '%d.%03d' $((wait_ms / 1000)) $((wait_ms % 1000)))"
  if ! kill -0 "$pid" 2>/dev/null; then
    wait "$pid" || true
    fail "run $k ended by itself before its kill: $(tail -n 3 "$log")"
  fi
  kill -KILL "$pid"
  wait "$pid" 2>/dev/null || true
  rounds=$(grep -c '^gen ' "$log" || true)
  echo "kill $k: after ${wait_ms} ms, $rounds status lines, agents: $(ids)"
  for id in $before; do
    case " $(ids) " in *" $id "*) ;; *) fail "agent $id vanished from the registry after kill $k" ;; esac
  done
  if grep -q '^vivarium: ' "$log"; then
    fail "run $k refused to start: $(grep '^vivarium: ' "$log" | head -n 1)"
  fi
done

integrity=$(sqlite3 "$data/colony.db" 'PRAGMA integrity_check')
echo "integrity_check: $integrity"
[ "$integrity" = ok ] || fail "the registry is damaged"
./vivarium checkpoints --verify --data "$data" >"$data.checkpoints.txt" 2>&1 \
  || fail "a checkpoint fails verification: $(grep DAMAGED "$data.checkpoints.txt" | head -n 3)"
echo "checkpoints_verified: $(grep -c ' ok$' "$data.checkpoints.txt")"
for id in $(ids); do
  ls "$data/checkpoints/$id/"*.vck >/dev/null 2>&1 || fail "agent $id has no checkpoint file"
done
echo "agents: $(sqlite3 "$data/colony.db" "SELECT state || ' ' || COUNT(*) FROM agents GROUP BY state" | tr '\n' ',')"
./vivarium run --data "$data" --minutes 0.3 "${overrides[@]}" >"$data.final.log" 2>&1 \
  || fail "the final run did not resume: $(tail -n 3 "$data.final.log")"
grep -q '^gen ' "$data.final.log" || fail "the final run printed no status line"
echo "final_run: resumed, $(grep '^gen ' "$data.final.log" | tail -n 1)"
echo "result: PASS ($kills kills, no damage, no agent lost)"
echo "load: $(uptime | sed 's/.*load average: //')"
