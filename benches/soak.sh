#!/usr/bin/env bash
# Soak: the packed hello-world (examples/http-hello) and express (tests/http_apps) servers,
# beside node running the same scripts, each under wrk with many connections for a long run,
# then a second run on the same process. After each run it prints req/s, p99 latency, the
# server's resident memory (VmRSS) and open descriptors (/proc/PID/fd), and whether memory
# and descriptors stayed flat from the first run to the second (FLAT) or grew (GROWING).
#
#   benches/soak.sh                       (after `cargo build --release`; needs wrk)
#   SOAK_DURATION=10s benches/soak.sh     a quick try (default 60s per run)
#   SOAK_CONNECTIONS=256                  wrk connections (default 256)
#
# Memory counts as flat when the second run adds less than 10% or 8 MiB, whichever is more
# (allocators keep freed memory; a leak keeps growing); descriptors when they differ by at
# most 2 once the client has gone.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${SOAK_DURATION:-60s}
connections=${SOAK_CONNECTIONS:-256}
command -v wrk >/dev/null || { echo "benches/soak.sh needs wrk: apt-get install wrk" >&2; exit 1; }
source benches/servers.sh
pack_servers

rss_kib() { awk '/^VmRSS/ {print $2}' "/proc/$server_pid/status"; }
fd_count() { ls "/proc/$server_pid/fd" | wc -l; }

# One wrk run; prints "req/s p99".
load() {
  wrk -t2 -c"$connections" -d"$duration" --latency "http://127.0.0.1:$port$1" 2>/dev/null |
    awk '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} END {printf "%s %s", rps, p99}'
}

# Soaks one server: two runs on the same process, a row after each, then the verdict.
soak() {
  local label=$1 path=$2
  shift 2
  start "$@"
  local rss=() fds=()
  for run in 1 2; do
    read -r rps p99 <<<"$(load "$path")"
    sleep 1 # let the closed connections go
    rss+=("$(rss_kib)")
    fds+=("$(fd_count)")
    printf '%-22s %4s %12s %10s %10s %6s\n' "$label" "$run" "$rps" "$p99" "$((${rss[-1]} / 1024))M" "${fds[-1]}"
  done
  local grown=$((rss[1] - rss[0])) allowed=$((rss[0] / 10))
  [ "$allowed" -lt 8192 ] && allowed=8192
  local memory=FLAT descriptors=FLAT
  [ "$grown" -ge "$allowed" ] && memory=GROWING
  [ $((fds[1] - fds[0])) -gt 2 ] && descriptors=GROWING
  printf '%-22s      RSS %s (%+d KiB), fds %s (%d -> %d)\n' "$label" "$memory" "$grown" "$descriptors" "${fds[0]}" "${fds[1]}"
  stop
}

printf '%-22s %4s %12s %10s %10s %6s\n' "server (-c$connections, $duration)" run "req/s" p99 RSS fds
soak "hello, pack" / "$work/http-hello"
soak "hello, node" / node examples/http-hello/index.js
soak "express, pack" /items/1 "$work/express" 0
soak "express, node" /items/1 node tests/http_apps/express_app.js 0
