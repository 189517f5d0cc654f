#!/usr/bin/env bash
# The epoch of each seed's transition to self-replicators, for `vivarium soup` and, when
# CUBFF_MAIN is given, for cubff's CPU build on the same seeds and size. Two epochs per run:
# the first jump, the first metrics row whose high-order entropy reaches THRESHOLD bits per
# byte (a young soup reads ~0.1-0.3, a soup taken over by replicators 3-6; cubff's --log column
# higher_entropy gives it too), and the takeover, the first row that also has a self-replicator
# among the 4 most frequent tapes (vivarium's replicators column; a jump can pass without one).
#
#   bench/soup-transitions.sh [--cubff CUBFF_MAIN] [--size N] [--epochs E] [--every K]
#                             [--threshold T] [--threads N] [--out DIR] SEED...
#
# Defaults: 2^17 tapes, at most 16384 epochs, a row every 64 epochs, threshold 1.0, all cores,
# seeds as given (e.g. 0 1 2 … 9). A seed without a transition within E epochs prints "none".
# Vivarium's soup stops at the takeover (--stop-at-entropy; the epochs after it run several
# times slower); cubff runs all E epochs. Prints a table (seed, vivarium's jump and takeover,
# cubff's jump, seconds of each) and leaves each run's files under DIR. Run again with the
# same --out to continue: a seed whose soup is checkpointed there resumes (a larger --epochs
# goes on; seconds add up). Two instances with --threads 1 and their own seeds keep 2 cores
# busy through the single-threaded metrics. cubff is built in a scratch directory, never committed (see
# bench/soup-vs-cubff.sh's header). Vivarium's soup is byte-identical to cubff's for a seed
# and size (docs/soup.md), so the two columns should agree up to the report interval.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)

cubff="" size=131072 epochs=16384 every=64 threshold=1.0 out="" threads=""
seeds=()
while [ $# -gt 0 ]; do
  case "$1" in
    --cubff) cubff=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --epochs) epochs=$2; shift 2 ;;
    --every) every=$2; shift 2 ;;
    --threshold) threshold=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    -*) echo "soup-transitions: unknown option $1 (see --help)" >&2; exit 2 ;;
    *) seeds+=("$1"); shift ;;
  esac
done
[ ${#seeds[@]} -gt 0 ] || { echo "soup-transitions: give at least one seed, e.g. 0 1 2" >&2; exit 2; }
if [ -n "$cubff" ] && [ ! -x "$cubff" ]; then
  echo "soup-transitions: --cubff $cubff is not an executable (build cubff with make CUDA=0)" >&2
  exit 2
fi
out=${out:-$(mktemp -d)}
mkdir -p "$out"

# first_epoch CSV EPOCH_COLUMN ENTROPY_COLUMN [REPLICATORS_COLUMN]: the first epoch whose entropy
# >= threshold (and with a replicator, when the column is given), or none
first_epoch() {
  awk -F, -v e="$2" -v h="$3" -v r="${4:-0}" -v t="$threshold" \
    'NR > 1 && $h + 0 >= t && (r == 0 || $r + 0 > 0) { print $e; found = 1; exit }
    END { if (!found) print "none" }' "$1"
}

printf '%-6s %-14s %-14s %-14s %-12s %-12s\n' seed vivarium_jump vivarium_takeover cubff_jump vivarium_s cubff_s
for s in "${seeds[@]}"; do
  v="$out/vivarium-$s"
  args=(--epochs "$epochs" --every "$every" --top 4 --stop-at-entropy "$threshold" --out "$v")
  [ -z "$threads" ] || args+=(--threads "$threads")
  before=0
  if [ -f "$v/soup.ckpt" ]; then
    args+=(--resume)
    before=$(cat "$v.seconds" 2>/dev/null || echo 0)
  else
    args+=(--size "$size" --seed "$s")
  fi
  ve=$( [ -f "$v/soup.csv" ] && first_epoch "$v/soup.csv" 1 5 9 || echo none)
  if [ "$ve" = none ]; then
    start=$(date +%s.%N)
    "$here/vivarium" soup "${args[@]}" >> "$v.log" 2>&1 \
      || { echo "soup-transitions: vivarium soup failed for seed $s, see $v.log" >&2; exit 1; }
    awk -v a="$start" -v b="$(date +%s.%N)" -v p="$before" 'BEGIN { print p + b - a }' > "$v.seconds"
    ve=$(first_epoch "$v/soup.csv" 1 5 9)
  fi
  vj=$(first_epoch "$v/soup.csv" 1 5)
  vs=$(cat "$v.seconds" 2>/dev/null || echo 0)
  ce="-" cs="-"
  if [ -n "$cubff" ]; then
    c="$out/cubff-$s"
    mkdir -p "$c"
    start=$(date +%s.%N)
    (cd "$c" && OMP_NUM_THREADS=${OMP_NUM_THREADS:-2} "$cubff" --lang bff_noheads --num "$size" --seed "$s" \
      --max_epochs "$epochs" --print_interval "$every" --save_interval "$epochs" --clear_interval "$epochs" \
      --checkpoint_dir ck --log log.csv --disable_output > run.log 2>&1) \
      || { echo "soup-transitions: cubff failed for seed $s, see $c/run.log" >&2; exit 1; }
    cs=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
    ce=$(first_epoch "$c/log.csv" 1 4)
  fi
  printf '%-6s %-14s %-14s %-14s %-12.1f %-12s\n' "$s" "$vj" "$ve" "$ce" "$vs" "$cs"
done
echo "files: $out"
