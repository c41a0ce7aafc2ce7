#!/usr/bin/env bash
# Footprint, side by side in one run: binary size, cold start (exec to exit), idle RSS of the
# hello-world HTTP server, and packing time, for pack, node, and (when the npm registry has
# them, installed with `npm ci` in benches/footprint) `bun build --compile` and `deno compile`.
# A peer that cannot be installed or cannot compile offline is skipped with a line saying so.
#
#   benches/footprint.sh      (after `make build`; hyperfine used when installed)
#
# Rows: the small CLI (benches/footprint/cli.js: parses arguments, prints a line), an empty
# script, the http-hello server (examples/http-hello) after start-up, and packing the express
# fixture (tests/http_apps, installed with npm ci when missing).
set -euo pipefail
cd "$(dirname "$0")/.."

source benches/servers.sh
(cd benches/footprint && npm ci --no-audit --no-fund >/dev/null 2>&1) || echo "note: bun/deno not installable from the registry here; their columns are skipped"
install_http_apps
bun=benches/footprint/node_modules/@oven/bun-linux-x64/bin/bun
deno=benches/footprint/node_modules/@deno/linux-x64-glibc/deno
[ -x "$bun" ] || bun=
[ -x "$deno" ] || deno=

# Compiles benches/footprint/NAME.js (or an app) with each tool that is here: $work/TOOL-NAME.
compile_all() {
  local name=$1 entry=$2
  "$pack" build "$entry" -o "$work/pack-$name" --quiet 2>/dev/null
  if [ -n "$bun" ]; then
    "$bun" build --compile "$entry" --outfile "$work/bun-$name" >/dev/null 2>&1 || echo "note: bun build --compile $entry failed"
  fi
  if [ -n "$deno" ]; then
    # deno compile fetches its runtime (denort) from the network: offline it fails, cleanly.
    if ! "$deno" compile --allow-all --output "$work/deno-$name" "$entry" >/dev/null 2>&1; then
      echo "note: deno compile $entry failed (it downloads its runtime, denort: offline it cannot)"
    fi
  fi
}
compile_all cli benches/footprint/cli.js
compile_all empty benches/footprint/empty.js
compile_all http examples/http-hello/index.js

mib() { [ -f "$1" ] && echo "scale=1; $(stat -c %s "$1") / 1048576" | bc || echo "-"; }
node_bin=$(readlink -f "$(command -v node)")

# Mean wall time in ms of running a command to exit.
start_ms() {
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 5 --runs 40 --export-json "$work/h.json" "$*" >/dev/null 2>&1
    node -e "console.log((require('$work/h.json').results[0].mean * 1000).toFixed(1))"
  else
    local start end
    start=$(date +%s%N)
    for _ in $(seq 40); do "$@" >/dev/null; done
    end=$(date +%s%N)
    echo "scale=1; ($end - $start) / 40 / 1000000" | bc
  fi
}

# RSS in MiB of a server a second after it printed its listening line.
idle_rss() {
  start "$@" >/dev/null
  sleep 1
  local kib
  kib=$(awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status")
  stop
  echo "scale=1; $kib / 1024" | bc
}

row() { printf '%-36s %10s %10s %10s %10s\n' "$@"; }
cell() { [ -n "$1" ] && [ -f "$work/$2" ] && "${@:3}" || echo "-"; }

row "" pack node bun deno
row "binary size, small CLI (MiB)" "$(mib "$work/pack-cli")" "$(mib "$node_bin")" "$(mib "$work/bun-cli")" "$(mib "$work/deno-cli")"
row "binary size, http-hello (MiB)" "$(mib "$work/pack-http")" "$(mib "$node_bin")" "$(mib "$work/bun-http")" "$(mib "$work/deno-http")"
row "cold start, small CLI (ms)" "$(start_ms "$work/pack-cli" --name x)" "$(start_ms node benches/footprint/cli.js --name x)" \
  "$(cell "$bun" bun-cli start_ms "$work/bun-cli" --name x)" "$(cell "$deno" deno-cli start_ms "$work/deno-cli" --name x)"
row "cold start, empty script (ms)" "$(start_ms "$work/pack-empty")" "$(start_ms node benches/footprint/empty.js)" \
  "$(cell "$bun" bun-empty start_ms "$work/bun-empty")" "$(cell "$deno" deno-empty start_ms "$work/deno-empty")"
# http-hello listens on port 3000: one server at a time.
row "idle RSS, http-hello (MiB)" "$(idle_rss "$work/pack-http")" "$(idle_rss node examples/http-hello/index.js)" \
  "$(cell "$bun" bun-http idle_rss "$work/bun-http")" "$(cell "$deno" deno-http idle_rss "$work/deno-http")"
pack_express() { "$pack" build tests/http_apps/express_app.js -o "$work/express" --quiet 2>/dev/null; }
bun_express() { "$bun" build --compile tests/http_apps/express_app.js --outfile "$work/bun-express" >/dev/null 2>&1; }
seconds() {
  local start end
  start=$(date +%s%N); "$@"; end=$(date +%s%N)
  echo "scale=2; ($end - $start) / 1000000000" | bc
}
row "pack time, express fixture (s)" "$(seconds pack_express)" "-" "$([ -n "$bun" ] && seconds bun_express || echo -)" "-"
