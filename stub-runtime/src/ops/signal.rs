//! Signals for `process.on('SIGINT', ...)`.
//!
//! The first listener for a signal installs a handler (through signal-hook-registry, which
//! chains with tokio's own SIGCHLD handling) that stays installed for the life of the process.
//! While JS has listeners, the handler writes the signal number to a socket that
//! `op_signal_next` reads on the event loop; once the last listener is gone, the handler itself
//! does what the signal would have done without one (terminate, stop or nothing), so the
//! default behaviour comes back even while the JS thread is busy.

use std::cell::RefCell;
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream as StdUnixStream;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use deno_core::{op2, OpState};
use deno_error::JsErrorBox;
use tokio::net::UnixStream;

const SIGNAL_COUNT: usize = 65;

/// Per signal: a JS listener wants it delivered.
static LISTENING: [AtomicBool; SIGNAL_COUNT] = [const { AtomicBool::new(false) }; SIGNAL_COUNT];
/// Per signal: the handler is installed.
static INSTALLED: [AtomicBool; SIGNAL_COUNT] = [const { AtomicBool::new(false) }; SIGNAL_COUNT];
/// Per signal: it was ignored before we installed the handler (e.g. SIGHUP under nohup), so
/// ignoring it is its "default".
static WAS_IGNORED: [AtomicBool; SIGNAL_COUNT] = [const { AtomicBool::new(false) }; SIGNAL_COUNT];
/// The write end of the wake-up socket, or -1 before the first listener.
static WAKE_FD: AtomicI32 = AtomicI32::new(-1);

/// The read end of the wake-up socket, on the event loop.
struct SignalReceiver(Rc<UnixStream>);

/// Runs inside the signal handler: only async-signal-safe calls.
fn on_signal(signal: i32) {
    let index = signal as usize;
    if LISTENING[index].load(Ordering::SeqCst) {
        let byte = signal as u8;
        // SAFETY: write(2) is async-signal-safe; a full socket just drops the notification.
        unsafe { libc::write(WAKE_FD.load(Ordering::SeqCst), (&byte as *const u8).cast(), 1) };
        return;
    }
    if WAS_IGNORED[index].load(Ordering::SeqCst) {
        return;
    }
    // SAFETY: signal(2), raise(3) and kill(2) are async-signal-safe.
    unsafe {
        match signal {
            // Ignored by default (SIGPIPE is ignored by this runtime, as by Node).
            libc::SIGCHLD | libc::SIGURG | libc::SIGWINCH | libc::SIGCONT | libc::SIGPIPE => {}
            libc::SIGTSTP | libc::SIGTTIN | libc::SIGTTOU => {
                libc::raise(libc::SIGSTOP);
            }
            // Terminate by the signal itself, so the parent sees how the process ended. It is
            // blocked while this handler runs and is delivered as soon as the handler returns.
            _ => {
                libc::signal(signal, libc::SIG_DFL);
                libc::raise(signal);
            }
        }
    }
}

/// Puts back the default action of signals this process inherited as ignored, as Node does at
/// start-up: a shell starts background jobs (`tool &`) with SIGINT and SIGQUIT ignored, and
/// Node's `kill -INT` still ends them. Kept: SIGPIPE (ignored on purpose, as by Node) and
/// SIGHUP, so `nohup tool` keeps working (Node resets that one too: a deliberate difference).
/// Only ignored signals change; handlers (Rust's own, for stack overflow) are left alone.
pub fn reset_inherited_dispositions() {
    for signal in 1..32 {
        if matches!(signal, libc::SIGKILL | libc::SIGSTOP | libc::SIGPIPE | libc::SIGHUP) || !was_ignored(signal) {
            continue;
        }
        // SAFETY: setting a signal to its default action has no memory effects.
        unsafe { libc::signal(signal, libc::SIG_DFL) };
    }
}

fn receiver(state: &mut OpState) -> io::Result<Rc<UnixStream>> {
    if let Some(receiver) = state.try_borrow::<SignalReceiver>() {
        return Ok(receiver.0.clone());
    }
    let (read_end, write_end) = StdUnixStream::pair()?;
    read_end.set_nonblocking(true)?;
    write_end.set_nonblocking(true)?;
    let stream = Rc::new(UnixStream::from_std(read_end)?);
    // The write end lives as long as the process: handlers may run at any moment.
    WAKE_FD.store(write_end.as_raw_fd(), Ordering::SeqCst);
    std::mem::forget(write_end);
    state.put(SignalReceiver(stream.clone()));
    Ok(stream)
}

fn was_ignored(signal: i32) -> bool {
    // SAFETY: with a null new action, sigaction only reads the current one into `old`.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        libc::sigaction(signal, std::ptr::null(), &mut old) == 0 && old.sa_sigaction == libc::SIG_IGN
    }
}

/// Starts delivering `signal` to JS; returns 0 or a positive errno (EINVAL for SIGKILL and
/// SIGSTOP, which cannot be caught, as Node reports them).
#[op2(fast)]
pub fn op_signal_listen(state: &mut OpState, signal: i32) -> i32 {
    if signal <= 0 || signal as usize >= SIGNAL_COUNT || signal == libc::SIGKILL || signal == libc::SIGSTOP {
        return libc::EINVAL;
    }
    if let Err(err) = receiver(state) {
        return err.raw_os_error().unwrap_or(libc::EIO);
    }
    let index = signal as usize;
    LISTENING[index].store(true, Ordering::SeqCst);
    // Faults (SIGSEGV, SIGILL, SIGFPE) cannot be handled safely: listeners for them are kept but
    // never called.
    if signal_hook_registry::FORBIDDEN.contains(&signal) || INSTALLED[index].swap(true, Ordering::SeqCst) {
        return 0;
    }
    WAS_IGNORED[index].store(was_ignored(signal), Ordering::SeqCst);
    // SAFETY: `on_signal` only makes async-signal-safe calls.
    match unsafe { signal_hook_registry::register(signal, move || on_signal(signal)) } {
        Ok(_) => 0,
        Err(err) => {
            INSTALLED[index].store(false, Ordering::SeqCst);
            LISTENING[index].store(false, Ordering::SeqCst);
            err.raw_os_error().unwrap_or(libc::EINVAL)
        }
    }
}

/// Stops delivering `signal` to JS: from now on it has its default effect again.
#[op2(fast)]
pub fn op_signal_unlisten(signal: i32) {
    if signal > 0 && (signal as usize) < SIGNAL_COUNT {
        LISTENING[signal as usize].store(false, Ordering::SeqCst);
    }
}

/// Waits for the next signals and returns their numbers, in the order they came.
#[op2]
#[serde]
pub async fn op_signal_next(state: Rc<RefCell<OpState>>) -> Result<Vec<u8>, JsErrorBox> {
    let stream = receiver(&mut state.borrow_mut()).map_err(|err| JsErrorBox::generic(err.to_string()))?;
    let mut buffer = [0u8; 64];
    loop {
        stream.readable().await.map_err(|err| JsErrorBox::generic(err.to_string()))?;
        match stream.try_read(&mut buffer) {
            Ok(count) => return Ok(buffer[..count].to_vec()),
            Err(err) if err.kind() == io::ErrorKind::WouldBlock => continue,
            Err(err) => return Err(JsErrorBox::generic(err.to_string())),
        }
    }
}
