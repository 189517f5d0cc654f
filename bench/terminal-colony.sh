#!/usr/bin/env bash
# The terminal world's learning goal (issue 22: a colony of tiny/small brains, cloning the expert
# then PPO, reaches >= 0.9 success on the first three tasks within 30 minutes): runs a colony on
# terminal-first3 for MINUTES, prints the success of its training episodes minute by minute, then
# evaluates its best agent's brain greedily on EPISODES held-out episodes of every task (the
# first three are the goal; the others show what carries over). See docs/terminal.md.
#
# usage: bench/terminal-colony.sh [MINUTES] [DATA_DIR] [KEY=VALUE...]
#   MINUTES   default 30
#   DATA_DIR  default a new temporary directory (kept, and printed)
#   KEY=VALUE overrides of the run's configuration (defaults below)
# Needs root or unprivileged user namespaces (the sandbox), sqlite3 and tar.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
minutes=${1:-30}
data=${2:-$(mktemp -d /tmp/vivarium-terminal-colony.XXXXXX)}
shift $(( $# > 2 ? 2 : $# ))
episodes=${EPISODES:-64}
command -v sqlite3 >/dev/null || { echo "terminal-colony.sh: needs sqlite3 (apt-get install sqlite3)" >&2; exit 1; }
echo "data: $data"
echo "started: $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
# the terminal world's defaults (TerminalWorldFactory.suggestions), spelled out: two founders of
# small brains, each cloning the expert for 200,000 steps (half of its terminals driven by the
# brain: DAgger), then PPO kept near the cloned policy; a child every 2,000 episodes, at most 4
"$here/vivarium" run --data "$data" --world terminal --preset terminal-first3 --minutes "$minutes" \
  --no-zoo --no-broker colony.agents=2 colony.maxAgents=4 brain.preset=small learn.method=bc+ppo \
  colony.bcSteps=200000 colony.replicateEvery=2000 learn.klRef=1.0 learn.lr=5e-5 learn.ppo.entropy=0.001 \
  "$@" | tail -n 3
echo "stopped: $(date -u +%FT%TZ) load: $(cut -d' ' -f1-3 /proc/loadavg)"
db="$data/colony.db"
echo "== training episodes by minute (all agents; while cloning, half are driven by the expert) =="
sqlite3 -separator ' ' "$db" "SELECT 'minute', m, 'episodes', n, 'success', printf('%.3f', s) FROM (
  SELECT (time_ms - (SELECT MIN(time_ms) FROM episodes)) / 60000 AS m, COUNT(*) AS n, AVG(success) AS s
  FROM episodes GROUP BY m ORDER BY m)"
best=$(sqlite3 "$db" "SELECT agent FROM episodes WHERE id > (SELECT MAX(id) - 400 FROM episodes)
  GROUP BY agent ORDER BY AVG(success) DESC, COUNT(*) DESC LIMIT 1")
echo "best_agent: $best"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$here/vivarium" export "$best" --data "$data" -o "$work/best.tar" >/dev/null
tar -xf "$work/best.tar" -C "$work" brain.bin
cp "$work/brain.bin" "$data/best.brain"
echo "== greedy evaluation of $best on $episodes held-out episodes per task =="
for task in echo touch list count find kill; do
  r=$("$here/vivarium" eval --world terminal --brain "$data/best.brain" --preset "terminal-$task" \
    --episodes "$episodes" --seed 7 2>/dev/null | awk '/^success_rate:/ {print $2}')
  echo "success_rate_$task: ${r:-n/a}"
done
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
