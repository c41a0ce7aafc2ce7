// Four jobs at build time:
//
// 1. Rebuild when any file under js/ changes, is added or is removed (cargo cannot see them).
// 2. The runtime's JS, each file compressed on its own into `$OUT_DIR/builtins.zst` with an
//    index in `$OUT_DIR/builtins_index.rs` (src/builtins.rs reads them).
// 3. The start-up snapshot (src/snapshot.rs says what it holds and why): a runtime made here,
//    with the same deno_core and engine as the stub, serialised and compressed to
//    `$OUT_DIR/startup.snap.zst`.
// 4. The target triple, for the stub marker in src/main.rs that tells `pack` which machine a
//    stub is for.

use deno_core::{JsRuntimeForSnapshot, RuntimeOptions};

fn main() {
    println!("cargo:rerun-if-changed=js");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-env=PACK_STUB_TARGET={}", std::env::var("TARGET").expect("cargo sets TARGET"));
    let out_dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    // Stored compressed: every packed app carries it, and it shrinks to a quarter.
    let snapshot = zstd::bulk::compress(&make_startup_snapshot(), 19).expect("the snapshot compresses");
    let out = out_dir.join("startup.snap.zst");
    std::fs::write(&out, snapshot).unwrap_or_else(|err| panic!("cannot write {}: {err}", out.display()));
    write_builtins_archive(&out_dir);
}

/// Every file under js/, compressed one by one (so a start decompresses only what it
/// requires), concatenated into `builtins.zst`; `builtins_index.rs` lists each file's path
/// under js/ and the byte range of its frame, sorted by path, as Rust items.
fn write_builtins_archive(out_dir: &std::path::Path) {
    let mut paths = Vec::new();
    collect_files(std::path::Path::new("js"), &mut paths);
    let key_of = |path: &std::path::Path| path.strip_prefix("js").expect("under js/").to_str().expect("UTF-8 path").replace('\\', "/");
    // By key as a string, which builtins.rs searches by (not by path components).
    paths.sort_by_key(|path| key_of(path));
    let mut archive = Vec::new();
    let mut entries = String::new();
    for path in &paths {
        let source = std::fs::read(path).unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
        let frame = zstd::bulk::compress(&source, 19).expect("a built-in compresses");
        let key = key_of(path);
        entries.push_str(&format!("    ({key:?}, {}, {}),\n", archive.len(), frame.len()));
        archive.extend_from_slice(&frame);
    }
    let count = paths.len();
    let index = format!("const FILE_COUNT: usize = {count};\nstatic INDEX: [(&str, usize, usize); FILE_COUNT] = [\n{entries}];\n");
    std::fs::write(out_dir.join("builtins.zst"), archive).expect("cannot write builtins.zst");
    std::fs::write(out_dir.join("builtins_index.rs"), index).expect("cannot write builtins_index.rs");
}

fn collect_files(dir: &std::path::Path, paths: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|err| panic!("cannot list {}: {err}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect_files(&path, paths);
        } else {
            paths.push(path);
        }
    }
}

/// The built-ins every start loads (bootstrap, process, timers, the loader), those a first
/// `console.log` adds, as a trace of what examples/hello loads showed, and `util.parseArgs`,
/// which small CLIs start with. They are compiled here
/// into the snapshot, so a start restores their functions rather than parsing their source;
/// any other built-in is still compiled on first use.
const PRECOMPILED_BUILTINS: &[&str] = &[
    "process",
    "internal/errors",
    "events",
    "internal/process/env",
    "timers",
    "internal/lifecycle",
    "internal/modules",
    "console",
    "util",
    "internal/streams/writable",
    "buffer",
    "internal/encoding",
    "internal/streams/legacy",
    "internal/streams/utils",
    "internal/parse_args",
];

/// Compiles each (id, source) as bootstrap.js's loader would, into a map that bootstrap.js
/// takes from the global `__packPrecompiled` (and removes).
const PRECOMPILE_SCRIPT: &str = r#"(core, sources) => {
  const precompiled = new Map();
  for (const [id, source] of sources) {
    const [compiled, failure] = core.compileFunction(source, `node:${id}`, undefined, ['exports', 'require', 'module']);
    if (failure !== null) throw failure.thrown;
    precompiled.set(id, compiled);
  }
  Object.defineProperty(globalThis, '__packPrecompiled', { value: precompiled, configurable: true });
}"#;

/// The engine's globals (with the Temporal polyfill the QuickJS backend evaluates into every
/// new context), deno_core's own JS, and our most used built-ins compiled (not run), set up
/// once. No extension of ours is in it: their ops and state belong to the process that runs
/// the app, and are added when the stub starts.
fn make_startup_snapshot() -> Box<[u8]> {
    // The engine would otherwise cache the bytecode it compiles here under the builder's home.
    std::env::set_var("V82JSC_NO_BC_CACHE", "1");
    let mut runtime = JsRuntimeForSnapshot::new(RuntimeOptions::default());
    let sources: Vec<(&str, String)> = PRECOMPILED_BUILTINS
        .iter()
        .map(|id| {
            let file = match id.strip_prefix("internal/") {
                Some(_) => format!("js/{id}.js"),
                None => format!("js/node/{id}.js"),
            };
            (*id, std::fs::read_to_string(&file).unwrap_or_else(|err| panic!("cannot read {file}: {err}")))
        })
        .collect();
    let sources = deno_core::serde_json::to_string(&sources).expect("sources serialise");
    runtime
        .execute_script("pack:precompile", format!("({PRECOMPILE_SCRIPT})(Deno.core, {sources})"))
        .unwrap_or_else(|err| panic!("cannot precompile the built-ins: {err}"));
    runtime.snapshot()
}
