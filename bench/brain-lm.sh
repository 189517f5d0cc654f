#!/usr/bin/env bash
# Side-by-side with nanoGPT's documented CPU run (4 layers, 4 heads, 128 dims, block 64,
# batch 12, lr 1e-3, dropout 0): trains Vivarium's nanogpt-cpu brain on a corpus and prints
# key: value lines (val_loss, tokens_per_second, ms_per_iter, cpu_ms_per_iter, mfu_percent,
# peak_rss_mb, load). See docs/brain.md.
#
# usage: [PRECISION=auto|fp32|bf16] bench/brain-lm.sh [CORPUS] [ITERS] [THREADS...]
#   CORPUS   default ../shared/data/tinyshakespeare.txt (relative to the repository root)
#   ITERS    default 2000
#   THREADS  intra-op thread counts to run, default "1 2"
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cd "$here"
corpus=${1:-../shared/data/tinyshakespeare.txt}
iters=${2:-2000}
shift $(( $# > 2 ? 2 : $# ))
threads=("$@")
[ ${#threads[@]} -gt 0 ] || threads=(1 2)
if [ ! -f "$corpus" ]; then
  echo "brain-lm.sh: corpus $corpus not found; pass the path of tinyshakespeare.txt" >&2
  exit 1
fi
# shellcheck source=../scripts/jdk.sh
. "$here/scripts/jdk.sh"
vivarium_require_jdk
./mvnw -B -q -pl bench -am package -DskipTests \
  dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
for t in "${threads[@]}"; do
  echo "== nanogpt-cpu, $iters iterations, $t thread(s) =="
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xmx1g -cp "$cp" \
    io.vivarium.bench.brain.BrainLmBench "$corpus" "$iters" "$t" 0 "${PRECISION:-auto}" 2>&1 | grep -v '^SLF4J'
done
