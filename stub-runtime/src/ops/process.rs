//! What `process` needs from the operating system: arguments, environment, standard streams,
//! exit, working directory, a monotonic clock, resource usage, identity and signals.
//!
//! Calls that can fail return a positive errno (0 for success); the JS side turns it into
//! Node's error shape with `op_os_errno_info`.

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

pub fn init(state: &mut OpState, launch: &Launch) {
    let entry_path = launch.path_of(&launch.bundle.entry);
    let mut argv = vec![launch.exec_path.clone(), entry_path];
    argv.extend(launch.args.iter().cloned());
    state.put(ProcessState { exec_path: launch.exec_path.clone(), argv, started: Instant::now() });
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

/// The environment as the app sees it, in the OS's order: without the engine settings the
/// runtime itself made.
#[op2]
#[serde]
pub fn op_process_env() -> Vec<(String, String)> {
    std::env::vars_os()
        .filter_map(|(key, value)| Some((key.into_string().ok()?, value.into_string().ok()?)))
        .filter(|(key, _)| !crate::code_cache::ENGINE_VARIABLES.contains(&key.as_str()))
        .collect()
}

/// Writes to stdout (fd 1) or stderr (fd 2) synchronously, as Node does for files and pipes.
/// Returns 0 or a positive errno: EPIPE when the reader has gone (`app | head`), which the
/// stream in `process.js` turns into Node's 'error' or a quiet exit. SIGPIPE is ignored (Rust's
/// runtime does it at start-up, as libuv does for Node), so a closed pipe never kills us.
#[op2(fast)]
pub fn op_process_write(#[smi] fd: i32, #[string] text: &str) -> i32 {
    let fd = if fd == 2 { 2 } else { 1 };
    // Holding std's lock keeps our output whole among anything Rust itself prints.
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.flush();
    match write_fully(fd, text.as_bytes()) {
        Ok(()) => 0,
        Err(err) => err.raw_os_error().unwrap_or(libc::EIO),
    }
}

/// Writes all of `bytes`, waiting when the descriptor is non-blocking and full (a parent may
/// hand us such a pipe), as Node's synchronous stdio does.
fn write_fully(fd: i32, mut bytes: &[u8]) -> std::io::Result<()> {
    while !bytes.is_empty() {
        // SAFETY: the pointer and length describe `bytes`, which outlives the call.
        let written = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if written >= 0 {
            bytes = &bytes[written as usize..];
            continue;
        }
        let err = std::io::Error::last_os_error();
        match err.kind() {
            std::io::ErrorKind::Interrupted => {}
            std::io::ErrorKind::WouldBlock => {
                let mut pollfd = libc::pollfd { fd, events: libc::POLLOUT, revents: 0 };
                // SAFETY: one valid, initialised entry; the count passed is 1.
                unsafe { libc::poll(&mut pollfd, 1, -1) };
            }
            _ => return Err(err),
        }
    }
    Ok(())
}

/// Opens /dev/null on any of fds 0-2 the parent left closed (`app >&-`), as Node does: else the
/// next descriptor the runtime opens (a file, the event loop's epoll) would take that number and
/// receive the app's output.
pub fn open_missing_standard_fds() {
    for fd in 0..=2 {
        // SAFETY: F_GETFD only asks whether `fd` is open.
        if unsafe { libc::fcntl(fd, libc::F_GETFD) } != -1 {
            continue;
        }
        // SAFETY: open takes a NUL-terminated path; the lowest free number, `fd`, is the one
        // this opens, since the lower ones are open by now. It stays open for the process's life.
        unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) };
    }
}

#[op2(fast)]
pub fn op_process_exit(#[smi] code: i32) {
    let _ = std::io::stdout().flush();
    super::tty::restore_terminal_modes();
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

/// Resident set size in bytes: pages in memory (`/proc/self/statm`) times the page size.
#[op2(fast)]
pub fn op_process_rss() -> f64 {
    // SAFETY: sysconf only reads configuration values.
    let page_size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) }.max(0) as f64;
    let resident_pages = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|text| text.split_whitespace().nth(1)?.parse::<f64>().ok());
    match resident_pages {
        Some(pages) => pages * page_size,
        // Without /proc the peak is the best figure at hand (KiB on Linux, bytes on macOS).
        None => resource_usage().max_rss * if cfg!(target_os = "macos") { 1.0 } else { 1024.0 },
    }
}

/// `getrusage(RUSAGE_SELF)` in Node's units: CPU times in microseconds, maxRSS in KiB.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourceUsage {
    #[serde(rename = "userCPUTime")]
    user_cpu_time: f64,
    #[serde(rename = "systemCPUTime")]
    system_cpu_time: f64,
    #[serde(rename = "maxRSS")]
    max_rss: f64,
    shared_memory_size: f64,
    unshared_data_size: f64,
    unshared_stack_size: f64,
    minor_page_fault: f64,
    major_page_fault: f64,
    swapped_out: f64,
    fs_read: f64,
    fs_write: f64,
    ipc_sent: f64,
    ipc_received: f64,
    signals_count: f64,
    voluntary_context_switches: f64,
    involuntary_context_switches: f64,
}

fn resource_usage() -> ResourceUsage {
    // SAFETY: rusage is plain old data that getrusage fills.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let micros = |time: libc::timeval| time.tv_sec as f64 * 1e6 + time.tv_usec as f64;
    ResourceUsage {
        user_cpu_time: micros(usage.ru_utime),
        system_cpu_time: micros(usage.ru_stime),
        max_rss: usage.ru_maxrss as f64,
        shared_memory_size: usage.ru_ixrss as f64,
        unshared_data_size: usage.ru_idrss as f64,
        unshared_stack_size: usage.ru_isrss as f64,
        minor_page_fault: usage.ru_minflt as f64,
        major_page_fault: usage.ru_majflt as f64,
        swapped_out: usage.ru_nswap as f64,
        fs_read: usage.ru_inblock as f64,
        fs_write: usage.ru_oublock as f64,
        ipc_sent: usage.ru_msgsnd as f64,
        ipc_received: usage.ru_msgrcv as f64,
        signals_count: usage.ru_nsignals as f64,
        voluntary_context_switches: usage.ru_nvcsw as f64,
        involuntary_context_switches: usage.ru_nivcsw as f64,
    }
}

#[op2]
#[serde]
pub fn op_process_resource_usage() -> ResourceUsage {
    resource_usage()
}

/// `[user, system]` CPU time in microseconds.
#[op2]
#[serde]
pub fn op_process_cpu_usage() -> Vec<f64> {
    let usage = resource_usage();
    vec![usage.user_cpu_time, usage.system_cpu_time]
}

/// Changes the working directory; returns 0 or a positive errno.
#[op2(fast)]
pub fn op_process_chdir(#[string] directory: &str) -> i32 {
    match std::env::set_current_dir(directory) {
        Ok(()) => 0,
        Err(err) => err.raw_os_error().unwrap_or(libc::EIO),
    }
}

/// Sets the file mode creation mask and returns the old one; a negative mask only reads it.
#[op2(fast)]
pub fn op_process_umask(mask: i32) -> u32 {
    // SAFETY: umask cannot fail. Reading it means setting it, so a read puts it back at once.
    unsafe {
        if mask < 0 {
            let old = libc::umask(0);
            libc::umask(old);
            old as u32
        } else {
            libc::umask(mask as libc::mode_t) as u32
        }
    }
}

/// Sends a signal; returns 0 or a positive errno.
#[op2(fast)]
pub fn op_process_kill(pid: i32, signal: i32) -> i32 {
    // SAFETY: kill has no memory effects in this process.
    if unsafe { libc::kill(pid, signal) } == 0 {
        0
    } else {
        crate::ops::os::last_errno()
    }
}

#[derive(Serialize)]
pub struct Identity {
    uid: libc::uid_t,
    euid: libc::uid_t,
    gid: libc::gid_t,
    egid: libc::gid_t,
    groups: Vec<libc::gid_t>,
}

/// The real and effective user and group ids and the supplementary groups.
#[op2]
#[serde]
pub fn op_process_ids() -> Identity {
    // SAFETY: the id getters cannot fail; getgroups writes at most `count` ids.
    unsafe {
        let count = libc::getgroups(0, std::ptr::null_mut()).max(0);
        let mut groups = vec![0 as libc::gid_t; count as usize];
        let written = libc::getgroups(count, groups.as_mut_ptr()).max(0);
        groups.truncate(written as usize);
        let egid = libc::getegid();
        // Node lists the effective group too, as getgroups may leave it out.
        if !groups.contains(&egid) {
            groups.push(egid);
        }
        Identity {
            uid: libc::getuid(),
            euid: libc::geteuid(),
            gid: libc::getgid(),
            egid,
            groups,
        }
    }
}

/// Sets a variable of the real environment, so child processes inherit it. Returns false for
/// names the OS cannot hold (empty, or containing `=` or NUL); the value is cut at a NUL.
#[op2(fast)]
pub fn op_process_set_env(#[string] key: &str, #[string] value: &str) -> bool {
    if key.is_empty() || key.contains(['=', '\0']) {
        return false;
    }
    let value = value.split('\0').next().unwrap_or_default();
    std::env::set_var(key, value);
    true
}

#[op2(fast)]
pub fn op_process_remove_env(#[string] key: &str) {
    if !key.is_empty() && !key.contains(['=', '\0']) {
        std::env::remove_var(key);
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TerminalInfo {
    #[serde(rename = "isTTY")]
    is_tty: bool,
    /// The window size, when the fd is a terminal that reports one.
    columns: Option<u16>,
    rows: Option<u16>,
}

/// Whether a standard fd is a terminal, and its size in character cells.
#[op2]
#[serde]
pub fn op_process_tty_info(fd: i32) -> TerminalInfo {
    // SAFETY: isatty only inspects the fd; TIOCGWINSZ writes one winsize.
    unsafe {
        if libc::isatty(fd) != 1 {
            return TerminalInfo { is_tty: false, columns: None, rows: None };
        }
        let mut size: libc::winsize = std::mem::zeroed();
        if libc::ioctl(fd, libc::TIOCGWINSZ, &mut size) == 0 && size.ws_col > 0 {
            TerminalInfo { is_tty: true, columns: Some(size.ws_col), rows: Some(size.ws_row) }
        } else {
            TerminalInfo { is_tty: true, columns: None, rows: None }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Standard input, read off the JS thread one chunk at a time while the app consumes it.

/// Set when JS no longer wants input (stdin paused or destroyed): the pending read gives up.
static STDIN_CANCELLED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Waits for the next chunk of stdin (at most 64 KiB); an empty buffer means end of input.
/// Fails with "stdin read cancelled" once `op_process_stdin_cancel` is called while it waits,
/// so a paused stdin never holds the process open.
#[op2]
#[buffer]
pub async fn op_process_read_stdin() -> Result<Vec<u8>, deno_error::JsErrorBox> {
    STDIN_CANCELLED.store(false, std::sync::atomic::Ordering::SeqCst);
    match tokio::task::spawn_blocking(read_stdin_chunk).await {
        Ok(result) => result.map_err(|err| deno_error::JsErrorBox::generic(err.to_string())),
        Err(err) => Err(deno_error::JsErrorBox::generic(err.to_string())),
    }
}

#[op2(fast)]
pub fn op_process_stdin_cancel() {
    STDIN_CANCELLED.store(true, std::sync::atomic::Ordering::SeqCst);
}

// Polls in short slices rather than blocking in read(), so cancellation is seen within 50 ms.
fn read_stdin_chunk() -> std::io::Result<Vec<u8>> {
    loop {
        let mut pollfd = libc::pollfd { fd: 0, events: libc::POLLIN, revents: 0 };
        // SAFETY: `pollfd` is one valid, initialised entry and the count passed is 1.
        let ready = unsafe { libc::poll(&mut pollfd, 1, 50) };
        if ready < 0 {
            let err = std::io::Error::last_os_error();
            if err.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(err);
        }
        if ready == 0 {
            if STDIN_CANCELLED.load(std::sync::atomic::Ordering::SeqCst) {
                return Err(std::io::Error::other("stdin read cancelled"));
            }
            continue;
        }
        let mut buffer = vec![0u8; 64 * 1024];
        // SAFETY: the pointer and length describe `buffer`, which outlives the call.
        let count = unsafe { libc::read(0, buffer.as_mut_ptr().cast(), buffer.len()) };
        if count < 0 {
            let err = std::io::Error::last_os_error();
            if matches!(err.kind(), std::io::ErrorKind::Interrupted | std::io::ErrorKind::WouldBlock) {
                continue;
            }
            return Err(err);
        }
        buffer.truncate(count as usize);
        return Ok(buffer);
    }
}
