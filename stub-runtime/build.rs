// Three jobs at build time:
//
// 1. The runtime's JS is embedded with include_dir, which cargo cannot see: rebuild when any
//    file under js/ changes, is added or is removed.
// 2. The start-up snapshot (src/snapshot.rs says what it holds and why): a runtime made here,
//    with the same deno_core and engine as the stub, serialised to `$OUT_DIR/startup.snap`.
// 3. The target triple, for the stub marker in src/main.rs that tells `pack` which machine a
//    stub is for.

use deno_core::{JsRuntimeForSnapshot, RuntimeOptions};

fn main() {
    println!("cargo:rerun-if-changed=js");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rustc-env=PACK_STUB_TARGET={}", std::env::var("TARGET").expect("cargo sets TARGET"));
    let snapshot = make_startup_snapshot();
    let out = std::path::Path::new(&std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("startup.snap");
    std::fs::write(&out, snapshot).unwrap_or_else(|err| panic!("cannot write {}: {err}", out.display()));
}

/// The engine's globals (with the Temporal polyfill the QuickJS backend evaluates into every
/// new context) and deno_core's own JS, set up once. No extension of ours is in it: their ops
/// and state belong to the process that runs the app, and are added when the stub starts.
fn make_startup_snapshot() -> Box<[u8]> {
    // The engine would otherwise cache the bytecode it compiles here under the builder's home.
    std::env::set_var("V82JSC_NO_BC_CACHE", "1");
    JsRuntimeForSnapshot::new(RuntimeOptions::default()).snapshot()
}
