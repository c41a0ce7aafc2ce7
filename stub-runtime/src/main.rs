//! The stub runtime executable. Packed apps are this binary with a payload appended; run bare,
//! it has no app and says so.
//!
//! `PACK_DEBUG=payload` in the environment traces each blob read from the payload (to see
//! what an app decompresses, and when).
//!
//! Exit codes: the app's own, or 1 for an uncaught error; 2 when there is no payload (a bare
//! stub); 70 when the payload cannot be read (corrupt, truncated or from another version) and
//! after a panic (a bug in pack, see `fatal.rs`); 134 when the JS heap is exhausted.

use std::fs::File;
use std::process::ExitCode;

/// Tells `pack` which target this stub was built for and which payload format it reads;
/// `pack` finds it in the stub's bytes (see `payload::stub_marker`).
static STUB_MARKER: [u8; payload::STUB_MARKER_LEN] = payload::stub_marker(env!("PACK_STUB_TARGET"));

fn main() -> ExitCode {
    // Referenced, so the linker keeps the marker.
    std::hint::black_box(&STUB_MARKER);
    let exe = stub_runtime::current_exe_path();
    let store = File::open(&exe).map_err(payload::Error::from).and_then(|mut file| payload::Store::open(&mut file));
    match store {
        Ok(mut store) => {
            if debugging("payload") {
                store.set_trace(|line| eprintln!("pack: {line}"));
            }
            let mut app = stub_runtime::App::new(store);
            if let Err(message) = use_fork_entry(&mut app, &exe) {
                eprintln!("{message}");
                return ExitCode::from(1);
            }
            let args = std::env::args().skip(1).collect();
            let code = stub_runtime::run(stub_runtime::Launch::packed(app, args));
            ExitCode::from(code as u8)
        }
        Err(payload::Error::NoPayload) => {
            eprintln!("{exe}: this is the pack stub runtime with no app inside; make an app with `pack build app.js -o app`");
            ExitCode::from(2)
        }
        Err(err) => {
            eprintln!("{exe}: {err}");
            ExitCode::from(70)
        }
    }
}

/// `child_process.fork(path)` in a packed app runs this same executable with `PACK_FORK_ENTRY`
/// naming the module to start from: a path under the virtual root (as the app sees its own
/// files) or a module key, with or without its `.js`. The variable is taken out of the
/// environment, so the forked module's own children start normally.
fn use_fork_entry(app: &mut stub_runtime::App, exe: &str) -> Result<(), String> {
    let Some(requested) = std::env::var_os("PACK_FORK_ENTRY") else { return Ok(()) };
    std::env::remove_var("PACK_FORK_ENTRY");
    let requested = requested.to_string_lossy().into_owned();
    let root = format!("{}/", stub_runtime::virtual_root(exe).trim_end_matches('/'));
    let key = requested.strip_prefix(&root).unwrap_or(&requested);
    let found = ["", ".js", ".cjs", ".mjs", ".ts", "/index.js"]
        .iter()
        .map(|suffix| format!("{key}{suffix}"))
        .find(|candidate| app.store.module(candidate).is_some());
    match found {
        Some(key) => {
            app.entry = key;
            Ok(())
        }
        None => Err(format!("Error: Cannot find module '{requested}': it is not bundled into {exe}")),
    }
}

/// Whether `PACK_DEBUG` (a comma-separated list) names `topic`: `payload` traces every blob
/// the runtime reads from its payload, one line each on stderr.
fn debugging(topic: &str) -> bool {
    std::env::var("PACK_DEBUG").is_ok_and(|topics| topics.split(',').any(|named| named.trim() == topic))
}
