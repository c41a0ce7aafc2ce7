#!/usr/bin/env bash
# Real CLIs (tests/realcli, installed with npm ci when missing): for each tool, the packed
# binary's size and its cold start to `--version` (`--help` for yaml, which has no --version)
# beside `node <bin>` doing the same, in one run.
#
# For the large tools (eslint, terser, svgo) it then measures whether parsing dominates
# start-up: node lists the CommonJS modules `--version` loads, and `pack run` compiles exactly
# those sources (vm.compileFunction, the loader's own path, without running them) and reports
# the time, to set beside the packed binary's whole start-up. (The opt-in bytecode cache,
# PACK_CODE_CACHE_DIR, does not help here: it holds scripts, not the modules the loader compiles.)
#
#   benches/cli.sh [RUNS]      (default 20; after `cargo build --release`)
#
# Uses hyperfine when installed (apt-get install hyperfine), else a date +%s%N loop.
set -euo pipefail
set -f  # the --include globs are for pack, not the shell
cd "$(dirname "$0")/.."

runs=${1:-20}
pack=$PWD/target/release/pack
fixture=$PWD/tests/realcli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -f "$fixture/node_modules/.package-lock.json" ] || (cd "$fixture" && npm ci --no-audit --no-fund >/dev/null)

# name, bin (relative to the fixture), the argument that prints the version, extra pack flags
# (as in tests/realcli/cases.json; --include globs are relative to the package directory).
tools=(
  "eslint node_modules/eslint/bin/eslint.js --version"
  "handlebars node_modules/handlebars/bin/handlebars --version"
  "html-minifier-terser node_modules/html-minifier-terser/cli.js --version"
  "js-beautify node_modules/js-beautify/js/bin/js-beautify.js --version --include=../@one-ini/wasm/one_ini_bg.wasm"
  "json5 node_modules/json5/lib/cli.js --version"
  "marked node_modules/marked/bin/marked.js --version"
  "mustache node_modules/mustache/bin/mustache --version"
  "pug node_modules/pug-cli/index.js --version --include=../pug-filters/node_modules/uglify-js/lib/*.js --include=../pug-filters/node_modules/uglify-js/tools/exports.js"
  "stylus node_modules/stylus/bin/stylus --version"
  "svgo node_modules/svgo/bin/svgo --version"
  "terser node_modules/terser/bin/terser --version"
  "yaml node_modules/yaml/bin.mjs --help"
)
large_tools=" eslint terser svgo "

# Mean wall time of a command in milliseconds.
mean_ms() {
  if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs "$runs" --export-json "$work/h.json" --style none "$*" >/dev/null 2>&1
    mean=$(sed -n 's/.*"mean": *\([0-9.e-]*\).*/\1/p' "$work/h.json" | head -1)
    awk -v s="$mean" 'BEGIN { printf "%.1f", s * 1000 }'
  else
    "$@" >/dev/null 2>&1 || true
    local start end
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do "$@" >/dev/null 2>&1 || true; done
    end=$(date +%s%N)
    awk -v t=$((end - start)) -v n="$runs" 'BEGIN { printf "%.1f", t / n / 1e6 }'
  fi
}

printf '%-22s %12s %12s %12s\n' tool "size (bytes)" "pack (ms)" "node (ms)"
for entry in "${tools[@]}"; do
  read -r name bin flag extra <<<"$entry"
  (cd "$fixture" && "$pack" build "$bin" -o "$work/$name" --quiet ${extra:-} 2>/dev/null)
  size=$(stat -c %s "$work/$name")
  packed=$(cd "$work" && mean_ms "$work/$name" "$flag")
  node_ms=-
  command -v node >/dev/null && node_ms=$(cd "$work" && mean_ms node "$fixture/$bin" "$flag")
  printf '%-22s %12s %12s %12s\n' "$name" "$size" "$packed" "$node_ms"
done

command -v node >/dev/null || exit 0
cat >"$work/list.js" <<'JS'
// Preloaded with `node -r`: at exit, writes the file of every CommonJS module loaded.
process.on('exit', () => {
  const files = Object.keys(require.cache).filter((file) => !file.endsWith('.json'));
  require('fs').writeFileSync(process.env.MODULE_LIST, files.join('\n'));
});
JS
cat >"$work/compile.js" <<'JS'
// Compiles, without running, every module named in the list, as the loader does; prints the
// count, the bytes and the milliseconds.
const fs = require('fs');
const vm = require('vm');
const files = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
const sources = files.map((file) => fs.readFileSync(file, 'utf8').replace(/^#!.*/, ''));
const params = ['exports', 'require', 'module', '__filename', '__dirname'];
const start = process.hrtime.bigint();
for (const source of sources) vm.compileFunction(source, params);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(files.length, sources.reduce((sum, source) => sum + source.length, 0), ms.toFixed(1));
JS
echo
printf '%-22s %8s %10s %16s %16s %16s\n' "parsing (--version)" modules bytes "pack compile ms" "pack start ms" "node compile ms"
for entry in "${tools[@]}"; do
  read -r name bin flag extra <<<"$entry"
  [[ $large_tools == *" $name "* ]] || continue
  (cd "$work" && MODULE_LIST="$work/$name.list" node -r "$work/list.js" "$fixture/$bin" "$flag" >/dev/null)
  read -r count bytes packed_compile <<<"$("$pack" run "$work/compile.js" "$work/$name.list")"
  read -r _ _ node_compile <<<"$(node "$work/compile.js" "$work/$name.list")"
  start_ms=$(cd "$work" && mean_ms "$work/$name" "$flag")
  printf '%-22s %8s %10s %16s %16s %16s\n' "$name" "$count" "$bytes" "$packed_compile" "$start_ms" "$node_compile"
done
