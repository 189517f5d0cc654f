#!/usr/bin/env bash
# A colony across machines learns as one process does: runs the default colony for MINUTES on
# NODES nodes (separate JVMs on 127.0.0.1 sharing a private PostgreSQL registry and one shared
# directory; no bus), reads `vivarium status` 30 s before the end (the nodes' steps/s and the
# colony's median success), then runs the same colony in one process for the same minutes and
# reads the same. Prints both, with the load. Both runs share this machine's cores: compare
# learning, not speed.
#
# usage: bench/cluster-colony.sh [MINUTES]      (default 5)   NODES=2
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$here"
minutes=${1:-5}
nodes=${NODES:-2}
# shellcheck source=bench/private-postgres.sh
. "$here/bench/private-postgres.sh"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  private_postgres_stop
}
trap cleanup EXIT
$psql -d postgres -c "CREATE DATABASE colony LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0"
registry="postgresql://vivarium@127.0.0.1:$pgport/colony"
./vivarium --version >/dev/null # builds once, before the nodes start
echo "load_at_start $(cut -d' ' -f1 /proc/loadavg)"

first=""
for i in $(seq 1 "$nodes"); do
  bind="127.0.0.1:$(free_port)"
  if [ -z "$first" ]; then
    first=$bind
    ./vivarium run --data "$dir/node$i" --cluster bench --bind "$bind" --registry "$registry" \
      --shared "$dir/shared" --no-broker --no-zoo --minutes "$minutes" > "$dir/node$i.log" 2>&1 &
    pids+=($!)
    sleep 15 # the founders are born and placed before the others join
  else
    ./vivarium node --data "$dir/node$i" --bind "$bind" --join "$first" --registry "$registry" \
      --no-zoo --minutes "$minutes" > "$dir/node$i.log" 2>&1 &
    pids+=($!)
  fi
done
# report TITLE DATA_DIR PATTERN SECONDS: sleeps, prints the status lines matching PATTERN and
# the load, then waits for the run to end
report() {
  sleep "$4"
  echo "== $1 (status 30 s before the end)"
  ./vivarium status --data "$2" | grep -E "^($3):"
  echo "load $(cut -d' ' -f1 /proc/loadavg)"
  wait "${pids[@]}" || true
  pids=()
}
report "$nodes nodes, $minutes min" "$dir/node1" "agents|generations|success|node" $((minutes * 60 - 45))
for i in $(seq 1 "$nodes"); do tail -n 2 "$dir/node$i.log" | sed "s/^/node$i: /"; done

./vivarium run --data "$dir/alone" --no-broker --no-zoo --minutes "$minutes" > "$dir/alone.log" 2>&1 &
pids+=($!)
report "one process, $minutes min" "$dir/alone" "agents|generations|success|throughput" $((minutes * 60 - 30))
