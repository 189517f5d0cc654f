#!/usr/bin/env bash
# The terminal world's throughput goal (issue 22: >= 2,000 keystroke-steps per second across 8
# terminals, each screen parsed and pictured every step): runs `vivarium bench terminal` for each
# terminal count and prints its key: value lines, then the machine's load. See docs/terminal.md.
#
# usage: bench/terminal.sh [SECONDS] [TERMINALS...]
#   SECONDS    measured time per run, default 10 (after a 2 s warm-up)
#   TERMINALS  terminal counts to run, default "8"
# Needs root or unprivileged user namespaces (the exec sandbox; docs/sandbox.md).
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
seconds=${1:-10}
shift $(( $# > 0 ? 1 : 0 ))
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(8)
for n in "${counts[@]}"; do
  echo "== $n terminals =="
  "$here/vivarium" bench terminal --terminals "$n" --seconds "$seconds"
done
echo "uptime: $(uptime)"
