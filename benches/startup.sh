#!/usr/bin/env bash
# Start-up and size of the packed hello example, beside node running the same script, in one
# run. Also start-up with the engine's bytecode cache opted in (PACK_CODE_CACHE_DIR), which is
# off by default because it writes to disk, and without the start-up snapshot
# (PACK_NO_SNAPSHOT, see stub-runtime/src/snapshot.rs), to show what the snapshot saves.
#
#   benches/startup.sh            (after `cargo build --release`; `make bench` does both)
#
# Uses hyperfine when installed (apt-get install hyperfine), else times 50 runs of each.
set -euo pipefail
cd "$(dirname "$0")/.."

pack=target/release/pack
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$pack" build examples/hello/index.js -o "$work/hello" 2>/dev/null
mkdir -p "$work/cache"
"$work/hello" >/dev/null  # warm the page cache, not the code cache
PACK_CODE_CACHE_DIR="$work/cache" "$work/hello" >/dev/null  # fill the opt-in code cache

size() { stat -c %s "$1"; }
echo "== size"
printf '%-28s %10s bytes\n' "packed hello" "$(size "$work/hello")"
printf '%-28s %10s bytes\n' "  of which stub runtime" "$(size "${PACK_STUB:-target/release/stub-runtime}")"
if command -v node >/dev/null; then
  printf '%-28s %10s bytes\n' "node executable" "$(size "$(readlink -f "$(command -v node)")")"
fi

echo "== start-up (hello, to exit)"
commands=("$work/hello" "env PACK_CODE_CACHE_DIR=$work/cache $work/hello" "env PACK_NO_SNAPSHOT=1 $work/hello")
names=("pack (no code cache)" "pack (code cache opted in)" "pack (no start-up snapshot)")
if command -v node >/dev/null; then
  commands+=("node examples/hello/index.js")
  names+=("node")
fi

if command -v hyperfine >/dev/null; then
  args=()
  for i in "${!commands[@]}"; do args+=(-n "${names[$i]}" "${commands[$i]}"); done
  hyperfine -N --warmup 5 --runs 50 --style basic "${args[@]}"
else
  for i in "${!commands[@]}"; do
    start=$(date +%s%N)
    for _ in $(seq 50); do ${commands[$i]} >/dev/null; done
    end=$(date +%s%N)
    printf '%-28s %8.2f ms mean of 50 runs\n' "${names[$i]}" "$(echo "($end - $start) / 50 / 1000000" | bc -l)"
  done
fi
