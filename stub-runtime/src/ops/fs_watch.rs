//! What `fs.watch` needs from the operating system: change notifications, from Linux's inotify.
//!
//! `op_fs_watch_start` opens one inotify instance per watcher, watches the path (with
//! `recursive`, every directory below it too) and returns the watcher's id. `op_fs_watch_next`
//! waits on the event loop for the next batch of events, as `[eventType, filename]` pairs in
//! libuv's terms; `op_fs_watch_close` ends a pending wait with an empty batch, so JS can tell
//! "closed" from "events". A pending wait keeps the process alive like any op; the JS side
//! unrefs it for an unrefed watcher.
//!
//! The open watchers live in a table of this module's own in `OpState` rather than deno_core's
//! resource table: a `Resource` impl alone added about 25 KB to the stub.
//!
//! Failures to start reach JS as `"<errno> watch"`, the shape of `ops/fs.rs`' errors.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use deno_core::{op2, CancelFuture, OpState};
use deno_error::JsErrorBox;

/// The open watchers by id.
#[derive(Default)]
struct Watchers {
    next_id: u32,
    open: HashMap<u32, Rc<inotify::Watcher>>,
}

fn watchers(state: &mut OpState) -> &mut Watchers {
    if !state.has::<Watchers>() {
        state.put(Watchers::default());
    }
    state.borrow_mut::<Watchers>()
}

#[op2(fast)]
pub fn op_fs_watch_start(state: &mut OpState, #[string] path: &str, recursive: bool) -> Result<u32, JsErrorBox> {
    let watcher = inotify::Watcher::start(path, recursive).map_err(|errno| JsErrorBox::generic(format!("{errno} watch")))?;
    let table = watchers(state);
    table.next_id += 1;
    table.open.insert(table.next_id, Rc::new(watcher));
    Ok(table.next_id)
}

/// The next events; an empty list once the watcher is closed.
#[op2]
#[serde]
pub async fn op_fs_watch_next(state: Rc<RefCell<OpState>>, id: u32) -> Result<Vec<(&'static str, String)>, JsErrorBox> {
    let Some(watcher) = watchers(&mut state.borrow_mut()).open.get(&id).cloned() else { return Ok(Vec::new()) };
    match watcher.next_events().or_cancel(watcher.cancel.clone()).await {
        Ok(result) => result.map_err(|err| JsErrorBox::generic(format!("{} watch", err.raw_os_error().unwrap_or(libc::EIO)))),
        Err(_cancelled) => Ok(Vec::new()),
    }
}

#[op2(fast)]
pub fn op_fs_watch_close(state: &mut OpState, id: u32) {
    if let Some(watcher) = watchers(state).open.remove(&id) {
        watcher.cancel.cancel();
    }
}

#[cfg(target_os = "linux")]
mod inotify {
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::ffi::CString;
    use std::io;
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::ffi::OsStrExt;
    use std::path::{Path, PathBuf};
    use std::rc::Rc;

    use deno_core::CancelHandle;
    use tokio::io::unix::AsyncFd;
    use tokio::io::Interest;

    /// What libuv asks inotify for: everything but reads, opens and closes.
    const WATCH_MASK: u32 = libc::IN_ATTRIB
        | libc::IN_CREATE
        | libc::IN_MODIFY
        | libc::IN_DELETE
        | libc::IN_DELETE_SELF
        | libc::IN_MOVE_SELF
        | libc::IN_MOVED_FROM
        | libc::IN_MOVED_TO;

    /// The size of `struct inotify_event` before its name.
    const HEADER: usize = std::mem::size_of::<libc::inotify_event>();

    pub struct Watcher {
        fd: AsyncFd<OwnedFd>,
        root: PathBuf,
        /// The name reported for events on the watched path itself, as libuv does.
        root_name: String,
        recursive: bool,
        /// Watch descriptor -> that directory's path relative to the root ("" for the root).
        dirs: RefCell<HashMap<i32, String>>,
        pub cancel: Rc<CancelHandle>,
    }

    impl Watcher {
        /// Watches `path`; a failure is the errno of the first call that failed.
        pub fn start(path: &str, recursive: bool) -> Result<Watcher, i32> {
            // SAFETY: inotify_init1 takes only flags; a valid result is a new fd we own.
            let raw = unsafe { libc::inotify_init1(libc::IN_NONBLOCK | libc::IN_CLOEXEC) };
            if raw < 0 {
                return Err(last_errno());
            }
            // SAFETY: `raw` was just opened, nothing else owns it, and the OwnedFd keeps it open
            // for as long as the AsyncFd lives.
            let fd = unsafe { AsyncFd::register_with_interest(OwnedFd::from_raw_fd(raw), Interest::READABLE) }
                .map_err(|err| err.into_parts().1.raw_os_error().unwrap_or(libc::EIO))?;
            let root = PathBuf::from(path);
            let root_name = root.file_name().map_or_else(|| path.to_owned(), |name| name.to_string_lossy().into_owned());
            let watcher = Watcher { fd, root, root_name, recursive, dirs: RefCell::new(HashMap::new()), cancel: Rc::default() };
            let wd = watcher.add_watch(&watcher.root)?;
            watcher.dirs.borrow_mut().insert(wd, String::new());
            if recursive && watcher.root.is_dir() {
                watcher.watch_tree(&watcher.root.clone(), "", &mut Vec::new());
            }
            Ok(watcher)
        }

        fn add_watch(&self, path: &Path) -> Result<i32, i32> {
            let c_path = CString::new(path.as_os_str().as_bytes()).map_err(|_| libc::EINVAL)?;
            // SAFETY: the fd is our inotify instance and `c_path` a valid C string.
            let wd = unsafe { libc::inotify_add_watch(self.fd.as_raw_fd(), c_path.as_ptr(), WATCH_MASK) };
            if wd < 0 {
                Err(last_errno())
            } else {
                Ok(wd)
            }
        }

        /// Watches the directories below `dir` (whose relative path is `rel`), collecting the
        /// relative paths of every entry found. Entries that vanish meanwhile are skipped.
        fn watch_tree(&self, dir: &Path, rel: &str, found: &mut Vec<String>) {
            let Ok(entries) = std::fs::read_dir(dir) else { return };
            for entry in entries.flatten() {
                let child_rel = join(rel, &entry.file_name().to_string_lossy());
                found.push(child_rel.clone());
                // file_type() does not follow symlinks, so a link cannot lead the walk in circles.
                if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                    if let Ok(wd) = self.add_watch(&entry.path()) {
                        self.dirs.borrow_mut().insert(wd, child_rel.clone());
                        self.watch_tree(&entry.path(), &child_rel, found);
                    }
                }
            }
        }

        /// Waits until inotify has events and returns those worth reporting.
        pub async fn next_events(&self) -> io::Result<Vec<(&'static str, String)>> {
            let mut buffer = vec![0u8; 64 * 1024];
            loop {
                let mut guard = self.fd.readable().await?;
                let read = guard.try_io(|fd| {
                    // SAFETY: the pointer and length describe `buffer`.
                    let count = unsafe { libc::read(fd.as_raw_fd(), buffer.as_mut_ptr().cast(), buffer.len()) };
                    if count < 0 {
                        Err(io::Error::last_os_error())
                    } else {
                        Ok(count as usize)
                    }
                });
                match read {
                    Ok(Ok(count)) => {
                        let events = self.translate(&buffer[..count]);
                        if !events.is_empty() {
                            return Ok(events);
                        }
                    }
                    Ok(Err(err)) if err.kind() == io::ErrorKind::Interrupted => {}
                    Ok(Err(err)) => return Err(err),
                    Err(_would_block) => {}
                }
            }
        }

        /// Raw inotify records to Node's events, keeping the watch list in step with the tree.
        fn translate(&self, mut bytes: &[u8]) -> Vec<(&'static str, String)> {
            let mut events = Vec::new();
            while bytes.len() >= HEADER {
                // SAFETY: the kernel writes whole records; read_unaligned copes with the Vec's alignment.
                let header: libc::inotify_event = unsafe { std::ptr::read_unaligned(bytes.as_ptr().cast()) };
                let end = (HEADER + header.len as usize).min(bytes.len());
                let raw_name = &bytes[HEADER..end];
                let name = String::from_utf8_lossy(raw_name.split(|&byte| byte == 0).next().unwrap_or_default()).into_owned();
                bytes = &bytes[end..];
                self.handle(header.wd, header.mask, name, &mut events);
            }
            events
        }

        fn handle(&self, wd: i32, mask: u32, name: String, events: &mut Vec<(&'static str, String)>) {
            let Some(dir) = self.dirs.borrow().get(&wd).cloned() else { return };
            if mask & libc::IN_IGNORED != 0 && !dir.is_empty() {
                self.dirs.borrow_mut().remove(&wd);
            }
            // A directory below the root reports its own removal again; its parent already did.
            if name.is_empty() && !dir.is_empty() {
                return;
            }
            let filename = if name.is_empty() { self.root_name.clone() } else { join(&dir, &name) };
            // libuv: a pure content or attribute change is 'change', anything else 'rename'.
            let kind = if mask & !(libc::IN_ATTRIB | libc::IN_MODIFY) != 0 { "rename" } else { "change" };
            events.push((kind, filename.clone()));
            if self.recursive && mask & libc::IN_ISDIR != 0 && !name.is_empty() {
                self.follow_directory(mask, &filename, events);
            }
        }

        /// Keeps a recursive watch in step: directories moved or deleted out of the tree stop
        /// being watched; new or moved-in ones are watched, with their contents reported.
        fn follow_directory(&self, mask: u32, rel: &str, events: &mut Vec<(&'static str, String)>) {
            if mask & (libc::IN_MOVED_FROM | libc::IN_DELETE) != 0 {
                let inside = format!("{rel}/");
                let gone: Vec<i32> =
                    self.dirs.borrow().iter().filter(|(_, dir)| *dir == rel || dir.starts_with(&inside)).map(|(wd, _)| *wd).collect();
                for wd in gone {
                    self.dirs.borrow_mut().remove(&wd);
                    // SAFETY: removing a watch of our own instance; a stale wd fails harmlessly.
                    unsafe { libc::inotify_rm_watch(self.fd.as_raw_fd(), wd) };
                }
            }
            if mask & (libc::IN_CREATE | libc::IN_MOVED_TO) != 0 {
                let path = self.root.join(rel);
                if let Ok(wd) = self.add_watch(&path) {
                    self.dirs.borrow_mut().insert(wd, rel.to_owned());
                    // Entries made before the watch existed would otherwise go unreported.
                    let mut found = Vec::new();
                    self.watch_tree(&path, rel, &mut found);
                    events.extend(found.into_iter().map(|child| ("rename", child)));
                }
            }
        }
    }

    fn join(dir: &str, name: &str) -> String {
        if dir.is_empty() {
            name.to_owned()
        } else {
            format!("{dir}/{name}")
        }
    }

    fn last_errno() -> i32 {
        io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)
    }
}

/// Elsewhere `fs.watch` reports ENOSYS rather than failing to build.
#[cfg(not(target_os = "linux"))]
mod inotify {
    use deno_core::CancelHandle;

    pub struct Watcher {
        pub cancel: std::rc::Rc<CancelHandle>,
    }

    impl Watcher {
        pub fn start(_path: &str, _recursive: bool) -> Result<Watcher, i32> {
            Err(libc::ENOSYS)
        }

        pub async fn next_events(&self) -> std::io::Result<Vec<(&'static str, String)>> {
            Ok(Vec::new())
        }
    }
}
