# Shared by the benchmarks that run servers (sourced, not run): a scratch directory $work
# removed on exit with any server still running, start/stop for a server command, and
# pack_servers, which packs the hello-world and express servers into $work.
pack=target/release/pack
# Measure the stub that ships (`make build` leaves it in target/stub/), unless told otherwise.
if [ -z "${PACK_STUB:-}" ] && [ -x target/stub/stub-runtime ]; then
  export PACK_STUB=$PWD/target/stub/stub-runtime
fi
work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

install_http_apps() {
  [ -f tests/http_apps/node_modules/.package-lock.json ] || (cd tests/http_apps && npm ci --no-audit --no-fund >/dev/null)
}

pack_servers() {
  install_http_apps
  "$pack" build examples/http-hello/index.js -o "$work/http-hello" --quiet
  "$pack" build tests/http_apps/express_app.js -o "$work/express" --quiet
}

# Starts a server command, waits for its "listening" line, and sets $port.
start() {
  "$@" >"$work/out" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    if grep -qE 'listening on|running at' "$work/out"; then break; fi
    sleep 0.05
  done
  port=$(grep -oE '[0-9]+/?$' "$work/out" | head -1 | tr -d /)
}

stop() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}
