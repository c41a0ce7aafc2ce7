#!/usr/bin/env bash
# Using both cores: a CPU-bound job (benches/workers/primes.js) on one thread, split over 2
# worker threads, and over 2 forked processes, packed and under node, in one run. The split
# runs should take well under the single-thread time on a 2-core machine.
#
#   benches/workers.sh [LIMIT]    (after `cargo build --release`; LIMIT defaults to 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."

limit=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
target/release/pack build benches/workers/primes.js -o "$work/primes" --quiet

runners=("pack:$work/primes")
if command -v node >/dev/null; then runners+=("node:node benches/workers/primes.js"); fi

printf '%-6s %-22s %10s %9s  %s\n' runner mode ms speedup primes
for runner in "${runners[@]}"; do
  name=${runner%%:*}
  command=${runner#*:}
  single=
  for mode in single "threads 2" "processes 2"; do
    read -r _ ms count < <($command "$limit" $mode)
    single=${single:-$ms}
    printf '%-6s %-22s %10s %8.2fx  %s\n' "$name" "$mode" "$ms" "$(echo "$single / $ms" | bc -l)" "$count"
  done
done
