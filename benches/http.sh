#!/usr/bin/env bash
# HTTP throughput and latency of packed servers beside node running the same scripts, in one
# run and with the same wrk flags: the seed's hello world (examples/http-hello) and the express
# fixture (tests/http_apps, installed with npm ci when missing).
#
#   benches/http.sh [DURATION]     (default 10s; after `cargo build --release`)
#
# Needs wrk (apt-get install wrk). Each server gets a warm-up run before it is measured.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-10s}
command -v wrk >/dev/null || { echo "benches/http.sh needs wrk: apt-get install wrk" >&2; exit 1; }
source benches/servers.sh
pack_servers

# Prints "req/s  p50  p99" for one wrk run.
measure() {
  local connections=$1 path=$2
  wrk -t1 -c"$connections" -d2s "http://127.0.0.1:$port$path" >/dev/null 2>&1 || true
  wrk -t1 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port$path" 2>/dev/null |
    awk '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} END {printf "%12s %10s %10s\n", rps, p50, p99}'
}

printf '%-34s %12s %10s %10s\n' "server (wrk -t1, ${duration})" "req/s" "p50" "p99"
for connections in 50 500; do
  start "$work/http-hello"; printf '%-34s' "hello, pack, -c$connections"; measure "$connections" /; stop
  start node examples/http-hello/index.js; printf '%-34s' "hello, node, -c$connections"; measure "$connections" /; stop
done
for connections in 50 500; do
  start "$work/express" 0; printf '%-34s' "express, pack, -c$connections"; measure "$connections" /items/1; stop
  start node tests/http_apps/express_app.js 0; printf '%-34s' "express, node, -c$connections"; measure "$connections" /items/1; stop
done
