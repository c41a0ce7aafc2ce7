//! How the runtime dies when it must: a Rust panic (a bug in pack) and an exhausted JS heap.
//!
//! **Panics.** Ops run under the engine's C frames (QuickJS calls them through `extern "C"`
//! trampolines), and a panic cannot unwind through those: Rust aborts with "panic in a function
//! that cannot unwind", two backtraces and SIGABRT. deno_core's `op2` offers no per-op
//! `catch_unwind`, so catching one as a JS exception is not possible soundly. Instead the panic
//! hook runs first (before any unwinding starts), prints one line saying it is a bug in pack
//! and where, and ends the process with [`INTERNAL_ERROR_EXIT_CODE`]. Every panic is a bug:
//! the hook covers all threads (workers, blocking-pool tasks) alike.
//!
//! **Heap.** QuickJS has no heap limit of its own, so a runaway allocation loop would take all of
//! the machine's memory. The runtime sets one like Node's default and, when it is reached,
//! prints Node's fatal message and exits with the status Node's abort gives (134).

use std::io::Write;
use std::sync::Once;

/// Exit status after a panic: EX_SOFTWARE from sysexits.h, "internal software error".
pub const INTERNAL_ERROR_EXIT_CODE: i32 = 70;

/// Exit status when the JS heap is exhausted: what a shell reports for Node, which aborts.
pub const OUT_OF_MEMORY_EXIT_CODE: i32 = 134;

/// Print the Rust backtrace with the one-line panic report (for bug reports).
const BACKTRACE_VARIABLE: &str = "PACK_BACKTRACE";

/// The JS heap limit in MiB, like Node's `--max-old-space-size`.
pub const HEAP_LIMIT_VARIABLE: &str = "PACK_MAX_OLD_SPACE_SIZE";

/// TEST ONLY: names an op whose implementation is replaced by one that panics, so the tests can
/// check what a panic inside an op looks like. Read once when the runtime starts; unset, it
/// changes nothing and adds no op.
pub const TEST_PANIC_VARIABLE: &str = "PACK_TEST_PANIC_OP";

/// Installs the panic hook once per process.
pub fn install_panic_hook() {
    static INSTALLED: Once = Once::new();
    INSTALLED.call_once(|| {
        let backtrace = std::env::var_os(BACKTRACE_VARIABLE).is_some_and(|value| !value.is_empty() && value != "0");
        std::panic::set_hook(Box::new(move |info| report_panic(info, backtrace)));
    });
}

fn report_panic(info: &std::panic::PanicHookInfo<'_>, backtrace: bool) -> ! {
    let message = info
        .payload()
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".to_owned());
    let location = info.location().map_or_else(|| "an unknown place".to_owned(), |at| format!("{}:{}:{}", at.file(), at.line(), at.column()));
    let mut report = format!("pack: internal error (a bug in pack, please report it): {message} at {location}\n");
    if backtrace {
        report.push_str(&std::backtrace::Backtrace::force_capture().to_string());
    } else {
        report.push_str(&format!("pack: set {BACKTRACE_VARIABLE}=1 to include the Rust backtrace in a report\n"));
    }
    die(&report, INTERNAL_ERROR_EXIT_CODE)
}

/// Writes the report and ends the process at once. `_exit` rather than `exit`: other threads
/// may be inside the engine, and running C `atexit` handlers under them is not safe.
fn die(report: &str, code: i32) -> ! {
    // Straight to fd 2: std's stderr lock may be held by the very code that failed.
    let bytes = report.as_bytes();
    // SAFETY: the pointer and length describe `bytes`; a short or failed write is accepted.
    unsafe { libc::write(2, bytes.as_ptr().cast(), bytes.len()) };
    crate::ops::tty::restore_terminal_modes();
    // SAFETY: _exit ends the process without running anything else.
    unsafe { libc::_exit(code) }
}

/// The JS heap limit in bytes: `PACK_MAX_OLD_SPACE_SIZE`, else `--max-old-space-size` in
/// `NODE_OPTIONS` (the flag Node users know), else Node's default: a quarter of physical memory,
/// at least 512 MiB and at most 4 GiB.
pub fn heap_limit_mib() -> usize {
    if let Some(mib) = std::env::var(HEAP_LIMIT_VARIABLE).ok().and_then(|value| value.trim().parse::<usize>().ok()) {
        return mib.max(1);
    }
    let from_node_options = std::env::var("NODE_OPTIONS").ok().and_then(|options| {
        options.split_whitespace().rev().find_map(|option| {
            let value = option.strip_prefix("--max-old-space-size=").or_else(|| option.strip_prefix("--max_old_space_size="))?;
            value.parse::<usize>().ok()
        })
    });
    if let Some(mib) = from_node_options {
        return mib.max(1);
    }
    default_heap_limit_mib()
}

fn default_heap_limit_mib() -> usize {
    // SAFETY: sysconf only reads configuration values.
    let (pages, page_size) = unsafe { (libc::sysconf(libc::_SC_PHYS_PAGES), libc::sysconf(libc::_SC_PAGESIZE)) };
    let physical_mib = if pages > 0 && page_size > 0 { (pages as u64 * page_size as u64 / (1024 * 1024)) as usize } else { 0 };
    (physical_mib / 4).clamp(512, 4096)
}

/// Called by the engine when the heap nears its limit: ends the process as Node does.
pub fn on_heap_limit(limit_mib: usize) -> ! {
    let report = format!(
        "\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n\
         pack: the JavaScript heap is limited to {limit_mib} MiB; set {HEAP_LIMIT_VARIABLE}=<MiB> to raise it\n"
    );
    let _ = std::io::stdout().flush();
    die(&report, OUT_OF_MEMORY_EXIT_CODE)
}

/// The implementation `PACK_TEST_PANIC_OP` swaps in (see [`TEST_PANIC_VARIABLE`]). Never
/// registered in the extension: JS cannot call it by name.
#[deno_core::op2(nofast)]
pub fn op_test_panic() {
    panic!("{TEST_PANIC_VARIABLE} asked for a panic");
}

/// The op `PACK_TEST_PANIC_OP` names, read once.
pub fn test_panic_op() -> Option<&'static str> {
    static NAME: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    NAME.get_or_init(|| std::env::var(TEST_PANIC_VARIABLE).ok().filter(|name| !name.is_empty())).as_deref()
}
