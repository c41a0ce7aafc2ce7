//! What `child_process` needs: starting programs with Node's stdio choices, waiting for them,
//! signalling them, and running one to completion synchronously.
//!
//! Every `'pipe'` (and the IPC channel) is a Unix socket pair, as libuv makes them for Node, so
//! a child sees the same kind of file on its fd. The parent's end becomes a net [`Connection`] resource
//! that JS moves bytes over with deno_core's `read`/`writeAll`/`shutdown`, the way `net` does.
//!
//! Failures reach JS as a positive errno (`errno` fields, 0 for success), or, for pipe I/O, as
//! `"<errno> <syscall>"` messages that `internal/net` already knows how to turn into Node errors.

use std::borrow::Cow;
use std::cell::Cell;
use std::cell::RefCell;
use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream as StdUnixStream;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, ExitStatus, Stdio};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc};
use std::thread;
use std::time::Duration;

use deno_core::{op2, AsyncRefCell, OpState, RcRef, Resource, ResourceId, ToJsBuffer};
use deno_error::JsErrorBox;
use serde::{Deserialize, Serialize};
use tokio::net::UnixStream;

use super::net::Connection;

fn errno_of(err: &io::Error) -> i32 {
    err.raw_os_error().unwrap_or(libc::EIO)
}

fn io_error(err: &io::Error, syscall: &str) -> JsErrorBox {
    JsErrorBox::generic(format!("{} {syscall}", errno_of(err)))
}

// ---------------------------------------------------------------------------------------------
// What JS asks for.

/// The stdio entry of one child fd, as `js/internal/child_process` normalised it.
const STDIO_PIPE: i32 = -1;
const STDIO_IGNORE: i32 = -2;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SpawnOptions {
    file: String,
    /// `argv[0]` as the child sees it (`argv0`, or the file).
    argv0: String,
    /// The arguments after `argv[0]`.
    args: Vec<String>,
    cwd: Option<String>,
    /// The child's whole environment.
    env: Vec<(String, String)>,
    /// One entry per child fd: [`STDIO_PIPE`], [`STDIO_IGNORE`], or a parent fd to hand over.
    stdio: Vec<i32>,
    detached: bool,
    uid: Option<u32>,
    gid: Option<u32>,
}

/// A command ready to spawn, with the parent's ends of its pipes (by child fd).
struct Prepared {
    command: Command,
    parent_ends: Vec<Option<StdUnixStream>>,
    /// The child's ends of fds 3 and up; they must stay open until the child has been spawned.
    extra_fds: Vec<OwnedFd>,
}

/// Duplicates a parent fd for the child, close-on-exec so no other child inherits it.
fn duplicate(fd: RawFd) -> io::Result<OwnedFd> {
    // SAFETY: F_DUPFD_CLOEXEC creates a new descriptor, which we then own.
    let copy = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if copy < 0 {
        return Err(io::Error::last_os_error());
    }
    // SAFETY: `copy` is a fresh descriptor nobody else owns.
    Ok(unsafe { OwnedFd::from_raw_fd(copy) })
}

fn prepare(options: &SpawnOptions) -> io::Result<Prepared> {
    let mut command = Command::new(&options.file);
    command.arg0(&options.argv0).args(&options.args).env_clear();
    command.envs(options.env.iter().map(|(key, value)| (key, value)));
    if let Some(cwd) = &options.cwd {
        command.current_dir(cwd);
    }
    if let Some(uid) = options.uid {
        command.uid(uid);
    }
    if let Some(gid) = options.gid {
        command.gid(gid);
    }

    let mut parent_ends = Vec::with_capacity(options.stdio.len());
    let mut extra_fds = Vec::new();
    let mut remaps: Vec<(RawFd, RawFd)> = Vec::new();
    for (index, &spec) in options.stdio.iter().enumerate() {
        let child_end: Option<OwnedFd> = match spec {
            STDIO_PIPE => {
                let (parent, child) = StdUnixStream::pair()?;
                parent_ends.push(Some(parent));
                Some(child.into())
            }
            STDIO_IGNORE => {
                parent_ends.push(None);
                None
            }
            fd => {
                parent_ends.push(None);
                Some(duplicate(fd)?)
            }
        };
        match (index, child_end) {
            (0..=2, None) => set_stdio(&mut command, index, Stdio::null()),
            (0..=2, Some(fd)) => set_stdio(&mut command, index, Stdio::from(fd)),
            (_, None) => {}
            (_, Some(fd)) => {
                remaps.push((fd.as_raw_fd(), index as RawFd));
                extra_fds.push(fd);
            }
        }
    }

    let detached = options.detached;
    if detached || !remaps.is_empty() {
        // SAFETY: the hook runs in the forked child before exec and only makes async-signal-safe
        // calls (setsid, fcntl, dup2); it allocates nothing.
        unsafe {
            command.pre_exec(move || place_extra_fds(detached, &mut remaps));
        }
    }
    Ok(Prepared { command, parent_ends, extra_fds })
}

fn set_stdio(command: &mut Command, index: usize, stdio: Stdio) {
    match index {
        0 => command.stdin(stdio),
        1 => command.stdout(stdio),
        _ => command.stderr(stdio),
    };
}

/// In the child: starts a new session for `detached`, and puts each fd 3+ at its place. Every
/// source is first moved above the highest target, so no dup2 overwrites a source still needed.
fn place_extra_fds(detached: bool, remaps: &mut [(RawFd, RawFd)]) -> io::Result<()> {
    // SAFETY (all calls below): plain syscalls on descriptors this child owns.
    if detached && unsafe { libc::setsid() } < 0 {
        return Err(io::Error::last_os_error());
    }
    let floor = remaps.iter().map(|&(_, target)| target).max().unwrap_or(0) + 1;
    for (source, _) in remaps.iter_mut() {
        let moved = unsafe { libc::fcntl(*source, libc::F_DUPFD_CLOEXEC, floor) };
        if moved < 0 {
            return Err(io::Error::last_os_error());
        }
        *source = moved;
    }
    for &(source, target) in remaps.iter() {
        // dup2 onto a different number clears close-on-exec on the target.
        if unsafe { libc::dup2(source, target) } < 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Pipes: the parent's end of a socket pair.

/// The parent's end of a socket pair handed to a child: a net connection whose peer closing
/// abruptly is the end of input.
fn pipe(stream: StdUnixStream) -> io::Result<Connection> {
    stream.set_nonblocking(true)?;
    Ok(Connection::child_pipe(UnixStream::from_std(stream)?))
}

// ---------------------------------------------------------------------------------------------
// Asynchronous children.

pub struct ChildResource {
    child: AsyncRefCell<tokio::process::Child>,
    pid: i32,
    /// Set once the child has been waited for: its pid may then belong to another process.
    reaped: Cell<bool>,
}

impl Resource for ChildResource {
    fn name(&self) -> Cow<'_, str> {
        "child".into()
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Spawned {
    /// 0, or why the child could not be started.
    errno: i32,
    pid: i32,
    rid: Option<ResourceId>,
    /// A pipe resource for each child fd that is a pipe, by fd.
    stdio: Vec<Option<ResourceId>>,
}

fn spawn_failure(err: &io::Error) -> Spawned {
    Spawned { errno: errno_of(err), pid: 0, rid: None, stdio: Vec::new() }
}

#[op2]
#[serde]
pub fn op_cp_spawn(state: &mut OpState, #[serde] options: SpawnOptions) -> Spawned {
    let prepared = match prepare(&options) {
        Ok(prepared) => prepared,
        Err(err) => return spawn_failure(&err),
    };
    let Prepared { command, parent_ends, extra_fds } = prepared;
    let mut command = tokio::process::Command::from(command);
    let spawned = command.spawn();
    // The child's ends now live in the child; closing ours lets each side see the other's EOF.
    drop(command);
    drop(extra_fds);
    let child = match spawned {
        Ok(child) => child,
        Err(err) => return spawn_failure(&err),
    };
    let pid = child.id().map_or(0, |pid| pid as i32);
    let mut stdio = Vec::with_capacity(parent_ends.len());
    for end in parent_ends {
        let rid = match end.map(pipe).transpose() {
            Ok(pipe) => pipe.map(|pipe| state.resource_table.add(pipe)),
            // Registering with the reactor failed: the fd behaves as if closed.
            Err(_) => None,
        };
        stdio.push(rid);
    }
    let rid = state.resource_table.add(ChildResource { child: AsyncRefCell::new(child), pid, reaped: Cell::new(false) });
    Spawned { errno: 0, pid, rid: Some(rid), stdio }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Exited {
    code: Option<i32>,
    signal: Option<i32>,
}

impl From<ExitStatus> for Exited {
    fn from(status: ExitStatus) -> Self {
        Exited { code: status.code(), signal: status.signal() }
    }
}

/// Waits for a child to end; JS closes the resource afterwards.
#[op2]
#[serde]
pub async fn op_cp_wait(state: Rc<RefCell<OpState>>, #[smi] rid: ResourceId) -> Result<Exited, JsErrorBox> {
    let resource = state.borrow().resource_table.get::<ChildResource>(rid).map_err(|_| JsErrorBox::generic(format!("{} wait", libc::EBADF)))?;
    let mut child = RcRef::map(&resource, |r| &r.child).borrow_mut().await;
    let status = child.wait().await.map_err(|err| io_error(&err, "wait"))?;
    resource.reaped.set(true);
    Ok(status.into())
}

/// Sends a signal to a child; returns 0 or a positive errno (ESRCH once it has been reaped).
#[op2(fast)]
pub fn op_cp_kill(state: &mut OpState, #[smi] rid: ResourceId, signal: i32) -> i32 {
    let Ok(resource) = state.resource_table.get::<ChildResource>(rid) else { return libc::ESRCH };
    if resource.reaped.get() {
        return libc::ESRCH;
    }
    // SAFETY: kill has no memory effects in this process.
    if unsafe { libc::kill(resource.pid, signal) } == 0 {
        0
    } else {
        crate::ops::os::last_errno()
    }
}

/// Opens the IPC channel a parent handed this process on `fd` (see `PACK_CHANNEL_FD`).
#[op2(fast)]
#[smi]
pub fn op_cp_ipc_open(state: &mut OpState, fd: i32) -> Result<ResourceId, JsErrorBox> {
    // SAFETY: fstat only fills the struct; it tells whether `fd` is open at all.
    let mut info: libc::stat = unsafe { std::mem::zeroed() };
    if fd < 0 || unsafe { libc::fstat(fd, &mut info) } != 0 {
        return Err(JsErrorBox::generic(format!("{} open", libc::EBADF)));
    }
    // SAFETY: the parent gave this process the descriptor for the channel and nothing else uses it.
    let stream = unsafe { StdUnixStream::from_raw_fd(fd) };
    // Programs this process starts must not inherit its channel.
    unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    let pipe = pipe(stream).map_err(|err| io_error(&err, "open"))?;
    Ok(state.resource_table.add(pipe))
}

// ---------------------------------------------------------------------------------------------
// Synchronous children: spawnSync and friends block the JS thread until the child is done.

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncOptions {
    /// Milliseconds; 0 for none.
    timeout: f64,
    /// Bytes of output allowed across all pipes (may be Infinity).
    max_buffer: f64,
    kill_signal: i32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncOutcome {
    /// 0, the spawn failure (with pid 0), or ETIMEDOUT, ENOBUFS or EPIPE.
    errno: i32,
    pid: i32,
    status: Option<i32>,
    signal: Option<i32>,
    /// What each piped fd produced, by fd.
    output: Vec<Option<ToJsBuffer>>,
}

#[op2]
#[serde]
pub fn op_cp_spawn_sync(#[serde] options: SpawnOptions, #[serde] sync: SyncOptions, #[buffer] input: &[u8]) -> SyncOutcome {
    let failed = |err: io::Error| SyncOutcome { errno: errno_of(&err), pid: 0, status: None, signal: None, output: Vec::new() };
    let Prepared { mut command, parent_ends, extra_fds } = match prepare(&options) {
        Ok(prepared) => prepared,
        Err(err) => return failed(err),
    };
    let spawned = command.spawn();
    drop(command);
    drop(extra_fds);
    match spawned {
        Ok(child) => run_to_completion(child, parent_ends, &sync, input),
        Err(err) => failed(err),
    }
}

/// Feeds stdin, collects every output pipe, enforces the timeout and maxBuffer (killing the
/// child with the kill signal), and reaps the child only once nothing can signal it any more.
fn run_to_completion(mut child: std::process::Child, mut ends: Vec<Option<StdUnixStream>>, sync: &SyncOptions, input: &[u8]) -> SyncOutcome {
    let pid = child.id() as i32;
    let kill = move |signal: i32| {
        // SAFETY: the child is not reaped before every thread that may call this has finished.
        unsafe { libc::kill(pid, signal) };
    };
    let broken_pipe = Arc::new(AtomicBool::new(false));
    let over_limit = Arc::new(AtomicBool::new(false));
    let total = Arc::new(AtomicUsize::new(0));
    let limit = if sync.max_buffer.is_finite() && sync.max_buffer >= 0.0 { sync.max_buffer as usize } else { usize::MAX };

    let writer = ends.first_mut().and_then(Option::take).map(|mut stdin| {
        let input = input.to_vec();
        let broken_pipe = broken_pipe.clone();
        thread::spawn(move || {
            if let Err(err) = stdin.write_all(&input) {
                if err.kind() == io::ErrorKind::BrokenPipe {
                    broken_pipe.store(true, Ordering::SeqCst);
                }
            }
        })
    });
    let readers: Vec<_> = ends
        .into_iter()
        .map(|end| {
            end.map(|stream| {
                let (total, over_limit, kill_signal) = (total.clone(), over_limit.clone(), sync.kill_signal);
                thread::spawn(move || collect(stream, &total, limit, || {
                    over_limit.store(true, Ordering::SeqCst);
                    kill(kill_signal);
                }))
            })
        })
        .collect();

    let (stop, stopped) = mpsc::channel::<()>();
    let timed_out = Arc::new(AtomicBool::new(false));
    // A timeout too long for a Duration (JS allows up to 2**53 ms and more) never fires.
    let timeout = Duration::try_from_secs_f64(sync.timeout / 1000.0).ok().filter(|_| sync.timeout > 0.0);
    let watchdog = timeout.map(|timeout| {
        let (timed_out, kill_signal) = (timed_out.clone(), sync.kill_signal);
        thread::spawn(move || {
            if let Err(mpsc::RecvTimeoutError::Timeout) = stopped.recv_timeout(timeout) {
                timed_out.store(true, Ordering::SeqCst);
                kill(kill_signal);
            }
        })
    });

    wait_without_reaping(pid);
    let output = readers
        .into_iter()
        .map(|reader| reader.map(|handle| ToJsBuffer::from(handle.join().unwrap_or_default())))
        .collect();
    if let Some(writer) = writer {
        let _ = writer.join();
    }
    drop(stop);
    if let Some(watchdog) = watchdog {
        let _ = watchdog.join();
    }
    let status = child.wait().ok();

    let errno = if timed_out.load(Ordering::SeqCst) {
        libc::ETIMEDOUT
    } else if over_limit.load(Ordering::SeqCst) {
        libc::ENOBUFS
    } else if broken_pipe.load(Ordering::SeqCst) {
        libc::EPIPE
    } else {
        0
    };
    let exited = status.map(Exited::from);
    SyncOutcome {
        errno,
        pid,
        status: exited.as_ref().and_then(|e| e.code),
        signal: exited.as_ref().and_then(|e| e.signal),
        output,
    }
}

/// Reads a pipe to its end; past `limit` bytes in all (counted across pipes), calls `overflow`
/// once and stops.
fn collect(mut stream: StdUnixStream, total: &AtomicUsize, limit: usize, overflow: impl FnOnce()) -> Vec<u8> {
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; 64 * 1024];
    loop {
        match stream.read(&mut chunk) {
            Ok(0) => break,
            Ok(count) => {
                bytes.extend_from_slice(&chunk[..count]);
                if total.fetch_add(count, Ordering::SeqCst) + count > limit {
                    overflow();
                    break;
                }
            }
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(_) => break,
        }
    }
    bytes
}

/// Blocks until the child has ended but leaves it a zombie, so its pid cannot be reused while
/// the other threads may still signal it.
fn wait_without_reaping(pid: i32) {
    loop {
        // SAFETY: waitid fills `info`; WNOWAIT leaves the child waitable.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        let result = unsafe { libc::waitid(libc::P_PID, pid as libc::id_t, &mut info, libc::WEXITED | libc::WNOWAIT) };
        if result == 0 || io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
            return;
        }
    }
}
