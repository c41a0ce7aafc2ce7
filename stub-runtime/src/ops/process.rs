//! What `process` needs from the operating system: arguments, environment, standard streams,
//! exit, working directory and a monotonic clock.

use std::collections::HashMap;
use std::io::Write;
use std::time::Instant;

use deno_core::{op2, OpState};
use serde::Serialize;

use crate::boot::Launch;

struct ProcessState {
    exec_path: String,
    argv: Vec<String>,
    started: Instant,
}

pub fn init(state: &mut OpState, launch: Launch) {
    let entry_path = format!("{}/{}", launch.root, launch.bundle.entry);
    let mut argv = vec![launch.exec_path.clone(), entry_path];
    argv.extend(launch.args);
    state.put(ProcessState { exec_path: launch.exec_path, argv, started: Instant::now() });
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProcessInfo {
    argv: Vec<String>,
    exec_path: String,
    pid: u32,
    ppid: u32,
    platform: &'static str,
    arch: &'static str,
}

#[op2]
#[serde]
pub fn op_process_info(state: &mut OpState) -> ProcessInfo {
    let process = state.borrow::<ProcessState>();
    ProcessInfo {
        argv: process.argv.clone(),
        exec_path: process.exec_path.clone(),
        pid: std::process::id(),
        ppid: parent_pid(),
        platform: node_platform(),
        arch: node_arch(),
    }
}

fn parent_pid() -> u32 {
    #[cfg(unix)]
    {
        std::os::unix::process::parent_id()
    }
    #[cfg(not(unix))]
    {
        0
    }
}

/// `process.platform` uses Node's names, which differ from Rust's for a few systems.
fn node_platform() -> &'static str {
    match std::env::consts::OS {
        "macos" => "darwin",
        "windows" => "win32",
        other => other,
    }
}

fn node_arch() -> &'static str {
    match std::env::consts::ARCH {
        "x86_64" => "x64",
        "aarch64" => "arm64",
        "x86" => "ia32",
        other => other,
    }
}

/// The environment as the app sees it: without the engine settings the runtime itself made.
#[op2]
#[serde]
pub fn op_process_env() -> HashMap<String, String> {
    std::env::vars_os()
        .filter_map(|(key, value)| Some((key.into_string().ok()?, value.into_string().ok()?)))
        .filter(|(key, _)| !crate::code_cache::ENGINE_VARIABLES.contains(&key.as_str()))
        .collect()
}

/// Writes to stdout (fd 1) or stderr (fd 2) synchronously, as Node does for files and pipes.
/// A closed pipe (`app | head`) is not an error worth reporting: the reader has gone.
#[op2(fast)]
pub fn op_process_write(#[smi] fd: i32, #[string] text: &str) {
    let result = match fd {
        2 => std::io::stderr().lock().write_all(text.as_bytes()),
        _ => {
            let mut stdout = std::io::stdout().lock();
            stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush())
        }
    };
    if let Err(err) = result {
        if err.kind() != std::io::ErrorKind::BrokenPipe {
            let _ = writeln!(std::io::stderr(), "pack: cannot write to fd {fd}: {err}");
        }
    }
}

#[op2(fast)]
pub fn op_process_exit(#[smi] code: i32) {
    let _ = std::io::stdout().flush();
    std::process::exit(code);
}

#[op2]
#[string]
pub fn op_process_cwd() -> Result<String, deno_error::JsErrorBox> {
    let cwd = std::env::current_dir().map_err(|err| deno_error::JsErrorBox::generic(format!("process.cwd(): {err}")))?;
    Ok(cwd.to_string_lossy().into_owned())
}

/// Nanoseconds since the runtime started, for `process.hrtime` and `performance.now`.
#[op2(fast)]
pub fn op_process_hrtime(state: &mut OpState) -> f64 {
    state.borrow::<ProcessState>().started.elapsed().as_nanos() as f64
}
