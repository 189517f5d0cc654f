#!/usr/bin/env bash
# The soup world's speed goal (issue 25: >= 1.5x cubff's epochs per second at 2^17 tapes on 2
# cores): runs cubff's CPU build (bff_noheads) and `vivarium bench soup` alternately, A B A B,
# with the same size, epochs, seed and thread count, and prints every run and the medians.
# See docs/soup.md ("Speed").
#
# usage: bench/soup-vs-cubff.sh CUBFF_MAIN [SIZE] [EPOCHS] [SEED] [THREADS] [ROUNDS] [ENGINE]
#   CUBFF_MAIN  cubff's bin/main, built for the CPU in a scratch directory (never committed):
#                 git clone https://github.com/paradigms-of-intelligence/cubff   # in a scratch directory
#                 apt-get install -y libbrotli-dev     # Debian/Ubuntu
#                 make -C cubff CUDA=0                 # -> cubff/bin/main
#   SIZE        tapes, default 131072 (2^17)
#   EPOCHS      a multiple of 64, default 256; cubff only stops at its 64-epoch reports, after
#               EPOCHS + 1 epochs, so its rate is (EPOCHS + 1) / seconds
#   SEED        default 1 (each program seeds its own generator: same statistics, not same bytes)
#   THREADS     default 2 (cubff: OMP_NUM_THREADS; vivarium: --threads)
#   ROUNDS      A B pairs, default 3
#   ENGINE      fast (default) or reference
# Rates are wall-clock: cubff's whole process, and vivarium's epoch loop (its whole process,
# JVM start included, is printed beside it); on a shared machine also compare the rates per CPU
# second of each whole process (user + sys, from /usr/bin/time), printed as cpu_rate.
set -euo pipefail
here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
cubff=${1:?usage: bench/soup-vs-cubff.sh CUBFF_MAIN [SIZE] [EPOCHS] [SEED] [THREADS] [ROUNDS] [ENGINE]}
size=${2:-131072}
epochs=${3:-256}
seed=${4:-1}
threads=${5:-2}
rounds=${6:-3}
engine=${7:-fast}
[ -x "$cubff" ] || { echo "CUBFF_MAIN '$cubff' is not an executable; build cubff with make CUDA=0 (see the header of $0)" >&2; exit 2; }
[ $((epochs % 64)) = 0 ] || { echo "EPOCHS must be a multiple of 64 (cubff stops only at its reports); got $epochs" >&2; exit 2; }

now() { date +%s.%N; }
median() { sort -g | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
a_rates=(); b_rates=(); b_wall=(); a_cpu=(); b_cpu=()
timing=$(mktemp); trap 'rm -f "$timing"' EXIT
cpu_rate() { awk -v e="$1" '{printf "%.2f", e / ($2 + $3)}' "$timing"; }
echo "host: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
echo "size=$size epochs=$epochs seed=$seed threads=$threads engine=$engine"
for round in $(seq 1 "$rounds"); do
  echo "load before round $round: $(cut -d' ' -f1-3 /proc/loadavg)"
  t0=$(now)
  OMP_NUM_THREADS=$threads /usr/bin/time -f "%e %U %S" -o "$timing" "$cubff" --lang bff_noheads --num "$size" --max_epochs "$epochs" \
    --seed "$seed" --disable_output > /dev/null
  t1=$(now)
  a=$(awk -v e="$epochs" -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", (e + 1) / (b - a)}')
  a_rates+=("$a"); a_cpu+=("$(cpu_rate $((epochs + 1)))")
  echo "A cubff    round $round: $(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}') s, epochs_per_second $a, cpu_rate ${a_cpu[-1]}"
  t0=$(now)
  out=$(/usr/bin/time -f "%e %U %S" -o "$timing" "$here/vivarium" bench soup --size "$size" --epochs "$epochs" --seed "$seed" \
    --threads "$threads" --engine "$engine" 2>/dev/null)
  t1=$(now)
  b=$(awk '/^epochs_per_second:/ {print $2}' <<<"$out")
  w=$(awk -v e="$epochs" -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", e / (b - a)}')
  b_rates+=("$b"); b_wall+=("$w"); b_cpu+=("$(cpu_rate "$epochs")")
  echo "B vivarium round $round: $(awk '/^seconds:/ {print $2}' <<<"$out") s, epochs_per_second $b (process: $w), cpu_rate ${b_cpu[-1]}"
done
ma=$(printf '%s\n' "${a_rates[@]}" | median)
mb=$(printf '%s\n' "${b_rates[@]}" | median)
mw=$(printf '%s\n' "${b_wall[@]}" | median)
echo "median cubff epochs_per_second: $ma"
echo "median vivarium ($engine) epochs_per_second: $mb (process, JVM start included: $mw)"
echo "ratio: $(awk -v a="$ma" -v b="$mb" 'BEGIN {printf "%.2f", b / a}')x (process: $(awk -v a="$ma" -v b="$mw" 'BEGIN {printf "%.2f", b / a}')x)"
ca=$(printf '%s\n' "${a_cpu[@]}" | median)
cb=$(printf '%s\n' "${b_cpu[@]}" | median)
echo "median cpu_rate (epochs per CPU second of the whole process): cubff $ca, vivarium $cb, ratio $(awk -v a="$ca" -v b="$cb" 'BEGIN {printf "%.2f", b / a}')x"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
