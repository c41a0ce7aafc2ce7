//! What `fs` needs from the operating system: files, descriptors, directories, links, metadata
//! and permissions.
//!
//! Every operation is a plain function returning `io::Result`, exposed twice: a `_sync` op that
//! blocks the JS thread (for `fs.*Sync`), and an `_async` op that runs the same function on
//! tokio's blocking pool, so callbacks and promises complete through the event loop as in Node.
//!
//! Failures reach JS as an error whose message is `"<errno> <syscall>"`, e.g. `"2 open"`; the
//! JS side (`internal/fs/utils.js`) rebuilds Node's error shape from it, adding the paths it
//! knows. The syscall is named here because one op may make several calls (`readFile` opens,
//! then reads).

use std::ffi::CString;
use std::fs;
use std::io::{self, Read, Write};
use std::mem::ManuallyDrop;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{DirBuilderExt, FileExt, MetadataExt, PermissionsExt};
use std::os::unix::io::FromRawFd;
use std::path::{Path, PathBuf};

use deno_core::op2;
use deno_error::JsErrorBox;

// ---------------------------------------------------------------------------------------------
// Errors.

/// An io error tagged with the syscall that produced it.
struct FsError {
    errno: i32,
    syscall: &'static str,
}

type FsResult<T> = Result<T, FsError>;

/// The errno behind an io error. Errors std makes up itself (no OS code) get the closest one.
fn errno_of(err: &io::Error) -> i32 {
    if let Some(code) = err.raw_os_error() {
        return code;
    }
    match err.kind() {
        io::ErrorKind::NotFound => libc::ENOENT,
        io::ErrorKind::PermissionDenied => libc::EACCES,
        io::ErrorKind::AlreadyExists => libc::EEXIST,
        io::ErrorKind::InvalidInput => libc::EINVAL,
        io::ErrorKind::UnexpectedEof => libc::EIO,
        _ => libc::EIO,
    }
}

/// Tags an io result with its syscall.
trait Syscall<T> {
    fn during(self, syscall: &'static str) -> FsResult<T>;
}

impl<T> Syscall<T> for io::Result<T> {
    fn during(self, syscall: &'static str) -> FsResult<T> {
        self.map_err(|err| FsError { errno: errno_of(&err), syscall })
    }
}

fn to_js(err: FsError) -> JsErrorBox {
    JsErrorBox::generic(format!("{} {}", err.errno, err.syscall))
}

/// Result of a libc call that returns -1 on failure.
fn check(result: libc::c_int, syscall: &'static str) -> FsResult<libc::c_int> {
    if result == -1 {
        Err(io::Error::last_os_error()).during(syscall)
    } else {
        Ok(result)
    }
}

fn c_path(path: &str) -> FsResult<CString> {
    CString::new(path).map_err(|_| FsError { errno: libc::EINVAL, syscall: "open" })
}

/// Runs blocking file work off the JS thread and converts its failure for JS.
async fn off_thread<T: Send + 'static>(work: impl FnOnce() -> FsResult<T> + Send + 'static) -> Result<T, JsErrorBox> {
    match tokio::task::spawn_blocking(work).await {
        Ok(result) => result.map_err(to_js),
        Err(_) => Err(JsErrorBox::generic(format!("{} read", libc::EIO))),
    }
}

/// Borrows an fd the JS side owns as a `File`, without closing it afterwards.
fn borrow_fd(fd: i32) -> ManuallyDrop<fs::File> {
    // SAFETY: the File never closes the fd (ManuallyDrop); a bad fd only makes calls fail.
    ManuallyDrop::new(unsafe { fs::File::from_raw_fd(fd) })
}

// ---------------------------------------------------------------------------------------------
// The operations.

/// Stats as numbers in the order of `fs.Stats`' fields: dev, mode, nlink, uid, gid, rdev,
/// blksize, ino, size, blocks, atimeMs, mtimeMs, ctimeMs, birthtimeMs.
fn stat_numbers(meta: &fs::Metadata) -> Vec<f64> {
    let ms = |secs: i64, nanos: i64| secs as f64 * 1000.0 + nanos as f64 / 1e6;
    let birth = meta
        .created()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or_else(|| ms(meta.ctime(), meta.ctime_nsec()));
    vec![
        meta.dev() as f64,
        meta.mode() as f64,
        meta.nlink() as f64,
        meta.uid() as f64,
        meta.gid() as f64,
        meta.rdev() as f64,
        meta.blksize() as f64,
        meta.ino() as f64,
        meta.size() as f64,
        meta.blocks() as f64,
        ms(meta.atime(), meta.atime_nsec()),
        ms(meta.mtime(), meta.mtime_nsec()),
        ms(meta.ctime(), meta.ctime_nsec()),
        birth,
    ]
}

fn stat(path: &str, follow: bool) -> FsResult<Vec<f64>> {
    let meta = if follow { fs::metadata(path).during("stat")? } else { fs::symlink_metadata(path).during("lstat")? };
    Ok(stat_numbers(&meta))
}

fn fstat(fd: i32) -> FsResult<Vec<f64>> {
    Ok(stat_numbers(&borrow_fd(fd).metadata().during("fstat")?))
}

fn open(path: &str, flags: i32, mode: u32) -> FsResult<i32> {
    let c = c_path(path)?;
    // SAFETY: `c` is a valid C string; O_CLOEXEC keeps the fd out of child processes.
    check(unsafe { libc::open(c.as_ptr(), flags | libc::O_CLOEXEC, mode as libc::c_uint) }, "open")
}

fn close(fd: i32) -> FsResult<()> {
    // SAFETY: closing an fd the app handed us; a bad one fails with EBADF.
    check(unsafe { libc::close(fd) }, "close").map(|_| ())
}

/// Reads into `buf` at `position`, or at the current offset when `position` is negative.
fn read_into(fd: i32, buf: &mut [u8], position: f64) -> FsResult<usize> {
    let file = borrow_fd(fd);
    if position < 0.0 { (&*file).read(buf) } else { file.read_at(buf, position as u64) }.during("read")
}

fn write_from(fd: i32, data: &[u8], position: f64) -> FsResult<usize> {
    let file = borrow_fd(fd);
    if position < 0.0 { (&*file).write(data) } else { file.write_at(data, position as u64) }.during("write")
}

fn read_to_end(fd: i32) -> FsResult<Vec<u8>> {
    let mut bytes = Vec::new();
    (&*borrow_fd(fd)).read_to_end(&mut bytes).during("read")?;
    Ok(bytes)
}

/// `readFile`: open with the app's flags, read everything, close.
fn read_file(path: &str, flags: i32) -> FsResult<Vec<u8>> {
    let fd = open(path, flags, 0o666)?;
    let result = read_to_end(fd);
    let _ = close(fd);
    result
}

/// `writeFile`/`appendFile`: open with the app's flags and mode, write everything, close.
fn write_file(path: &str, data: &[u8], flags: i32, mode: u32) -> FsResult<()> {
    let fd = open(path, flags, mode)?;
    let result = (&*borrow_fd(fd)).write_all(data).during("write");
    let _ = close(fd);
    result
}

/// Directory entries as `[name, type]`, sorted by name as libuv's scandir does. Types use
/// libuv's numbering (`UV_DIRENT_*`): 0 unknown, 1 file, 2 dir, 3 link, 4 fifo, 5 socket,
/// 6 char device, 7 block device.
fn read_dir(path: &str) -> FsResult<Vec<(String, u8)>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(path).during("scandir")? {
        let entry = entry.during("scandir")?;
        let kind = entry.file_type().map(dirent_type).unwrap_or(0);
        entries.push((entry.file_name().to_string_lossy().into_owned(), kind));
    }
    entries.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    Ok(entries)
}

fn dirent_type(kind: fs::FileType) -> u8 {
    use std::os::unix::fs::FileTypeExt;
    match () {
        _ if kind.is_file() => 1,
        _ if kind.is_dir() => 2,
        _ if kind.is_symlink() => 3,
        _ if kind.is_fifo() => 4,
        _ if kind.is_socket() => 5,
        _ if kind.is_char_device() => 6,
        _ if kind.is_block_device() => 7,
        _ => 0,
    }
}

/// `mkdir`; with `recursive`, returns the first directory it had to create (None if the path
/// already was a directory).
fn mkdir(path: &str, recursive: bool, mode: u32) -> FsResult<Option<String>> {
    if !recursive {
        return fs::DirBuilder::new().mode(mode).create(path).during("mkdir").map(|_| None);
    }
    let target = Path::new(path);
    match fs::metadata(target) {
        Ok(meta) if meta.is_dir() => return Ok(None),
        Ok(_) => return Err(FsError { errno: libc::EEXIST, syscall: "mkdir" }),
        Err(_) => {}
    }
    let first = first_missing(target);
    fs::DirBuilder::new().mode(mode).recursive(true).create(target).during("mkdir")?;
    Ok(first.map(|p| p.to_string_lossy().into_owned()))
}

/// The outermost ancestor of `path` (or `path` itself) that does not exist yet.
fn first_missing(path: &Path) -> Option<PathBuf> {
    let mut first = None;
    let mut current = Some(path);
    while let Some(candidate) = current {
        if candidate.as_os_str().is_empty() || fs::symlink_metadata(candidate).is_ok() {
            break;
        }
        first = Some(candidate.to_path_buf());
        current = candidate.parent();
    }
    first
}

/// `rm`: files and links always; directories only when `recursive` (else EISDIR, which the JS
/// side reports as ERR_FS_EISDIR).
fn rm(path: &str, recursive: bool) -> FsResult<()> {
    let meta = fs::symlink_metadata(path).during("lstat")?;
    if meta.is_dir() {
        if !recursive {
            return Err(FsError { errno: libc::EISDIR, syscall: "rm" });
        }
        return fs::remove_dir_all(path).during("rm");
    }
    fs::remove_file(path).during("rm")
}

fn rmdir(path: &str, recursive: bool) -> FsResult<()> {
    if recursive { fs::remove_dir_all(path) } else { fs::remove_dir(path) }.during("rmdir")
}

fn copy_file(from: &str, to: &str, exclusive: bool) -> FsResult<()> {
    let mut source = fs::File::open(from).during("copyfile")?;
    let meta = source.metadata().during("copyfile")?;
    if meta.is_dir() {
        return Err(FsError { errno: libc::EISDIR, syscall: "copyfile" });
    }
    let mut options = fs::OpenOptions::new();
    options.write(true);
    if exclusive { options.create_new(true) } else { options.create(true).truncate(true) };
    let mut dest = options.open(to).during("copyfile")?;
    io::copy(&mut source, &mut dest).during("copyfile")?;
    dest.set_permissions(fs::Permissions::from_mode(meta.mode() & 0o7777)).during("copyfile")
}

fn access(path: &str, mode: i32) -> FsResult<()> {
    let c = c_path(path)?;
    // SAFETY: `c` is a valid C string.
    check(unsafe { libc::access(c.as_ptr(), mode) }, "access").map(|_| ())
}

fn chown(path: &str, uid: u32, gid: u32, follow: bool) -> FsResult<()> {
    let c = c_path(path)?;
    // SAFETY: `c` is a valid C string.
    let result = unsafe { if follow { libc::chown(c.as_ptr(), uid, gid) } else { libc::lchown(c.as_ptr(), uid, gid) } };
    check(result, if follow { "chown" } else { "lchown" }).map(|_| ())
}

fn fchown(fd: i32, uid: u32, gid: u32) -> FsResult<()> {
    // SAFETY: a bad fd only fails.
    check(unsafe { libc::fchown(fd, uid, gid) }, "fchown").map(|_| ())
}

fn fchmod(fd: i32, mode: u32) -> FsResult<()> {
    // SAFETY: a bad fd only fails.
    check(unsafe { libc::fchmod(fd, mode as libc::mode_t) }, "fchmod").map(|_| ())
}

fn timespec(seconds: f64) -> libc::timespec {
    let whole = seconds.floor();
    libc::timespec { tv_sec: whole as libc::time_t, tv_nsec: ((seconds - whole) * 1e9) as libc::c_long }
}

/// `utimes`/`lutimes`, times in seconds.
fn utimes(path: &str, atime: f64, mtime: f64, follow: bool) -> FsResult<()> {
    let c = c_path(path)?;
    let times = [timespec(atime), timespec(mtime)];
    let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
    // SAFETY: `c` is a valid C string and `times` holds two timespecs.
    check(unsafe { libc::utimensat(libc::AT_FDCWD, c.as_ptr(), times.as_ptr(), flags) }, if follow { "utime" } else { "lutime" })
        .map(|_| ())
}

fn futimes(fd: i32, atime: f64, mtime: f64) -> FsResult<()> {
    let times = [timespec(atime), timespec(mtime)];
    // SAFETY: `times` holds two timespecs; a bad fd only fails.
    check(unsafe { libc::futimens(fd, times.as_ptr()) }, "futime").map(|_| ())
}

fn mkdtemp(prefix: &str) -> FsResult<String> {
    let template = format!("{prefix}XXXXXX");
    let c = CString::new(template).map_err(|_| FsError { errno: libc::EINVAL, syscall: "mkdtemp" })?;
    let raw = c.into_raw();
    // SAFETY: `raw` is a writable NUL-terminated buffer ending in XXXXXX, reclaimed below.
    let result = unsafe { libc::mkdtemp(raw) };
    let failure = io::Error::last_os_error();
    // SAFETY: `raw` came from `CString::into_raw` and its length is unchanged.
    let filled = unsafe { CString::from_raw(raw) };
    if result.is_null() {
        return Err(failure).during("mkdtemp");
    }
    Ok(filled.to_string_lossy().into_owned())
}

fn fsync(fd: i32, data_only: bool) -> FsResult<()> {
    let file = borrow_fd(fd);
    if data_only { file.sync_data().during("fdatasync") } else { file.sync_all().during("fsync") }
}

fn ftruncate(fd: i32, len: f64) -> FsResult<()> {
    borrow_fd(fd).set_len(len as u64).during("ftruncate")
}

fn truncate(path: &str, len: f64) -> FsResult<()> {
    let file = fs::OpenOptions::new().write(true).open(path).during("open")?;
    file.set_len(len as u64).during("ftruncate")
}

fn lossy(path: PathBuf) -> String {
    String::from_utf8_lossy(path.as_os_str().as_bytes()).into_owned()
}

// ---------------------------------------------------------------------------------------------
// Op pairs: `_sync` blocks, `_async` runs on the blocking pool.

#[op2]
#[serde]
pub fn op_fs_stat_sync(#[string] path: String, follow: bool) -> Result<Vec<f64>, JsErrorBox> {
    stat(&path, follow).map_err(to_js)
}
#[op2]
#[serde]
pub async fn op_fs_stat_async(#[string] path: String, follow: bool) -> Result<Vec<f64>, JsErrorBox> {
    off_thread(move || stat(&path, follow)).await
}

#[op2]
#[serde]
pub fn op_fs_fstat_sync(fd: i32) -> Result<Vec<f64>, JsErrorBox> {
    fstat(fd).map_err(to_js)
}
#[op2]
#[serde]
pub async fn op_fs_fstat_async(fd: i32) -> Result<Vec<f64>, JsErrorBox> {
    off_thread(move || fstat(fd)).await
}

#[op2(fast)]
pub fn op_fs_open_sync(#[string] path: &str, flags: i32, mode: u32) -> Result<i32, JsErrorBox> {
    open(path, flags, mode).map_err(to_js)
}
#[op2]
pub async fn op_fs_open_async(#[string] path: String, flags: i32, mode: u32) -> Result<i32, JsErrorBox> {
    off_thread(move || open(&path, flags, mode)).await
}

#[op2(fast)]
pub fn op_fs_close_sync(fd: i32) -> Result<(), JsErrorBox> {
    close(fd).map_err(to_js)
}
#[op2]
pub async fn op_fs_close_async(fd: i32) -> Result<(), JsErrorBox> {
    off_thread(move || close(fd)).await
}

/// Reads straight into the app's buffer; returns the byte count.
#[op2(fast)]
pub fn op_fs_read_sync(fd: i32, #[buffer] buf: &mut [u8], position: f64) -> Result<u32, JsErrorBox> {
    read_into(fd, buf, position).map(|n| n as u32).map_err(to_js)
}
/// Reads up to `length` bytes; the JS side copies them into the app's buffer.
#[op2]
#[buffer]
pub async fn op_fs_read_async(fd: i32, length: u32, position: f64) -> Result<Vec<u8>, JsErrorBox> {
    off_thread(move || {
        let mut buf = vec![0; length as usize];
        let count = read_into(fd, &mut buf, position)?;
        buf.truncate(count);
        Ok(buf)
    })
    .await
}

#[op2(fast)]
pub fn op_fs_write_sync(fd: i32, #[buffer] data: &[u8], position: f64) -> Result<u32, JsErrorBox> {
    write_from(fd, data, position).map(|n| n as u32).map_err(to_js)
}
#[op2]
pub async fn op_fs_write_async(fd: i32, #[buffer(copy)] data: Vec<u8>, position: f64) -> Result<u32, JsErrorBox> {
    off_thread(move || write_from(fd, &data, position).map(|n| n as u32)).await
}

#[op2]
#[buffer]
pub fn op_fs_read_file_sync(#[string] path: String, flags: i32) -> Result<Vec<u8>, JsErrorBox> {
    read_file(&path, flags).map_err(to_js)
}
#[op2]
#[buffer]
pub async fn op_fs_read_file_async(#[string] path: String, flags: i32) -> Result<Vec<u8>, JsErrorBox> {
    off_thread(move || read_file(&path, flags)).await
}

#[op2]
#[buffer]
pub fn op_fs_read_fd_sync(fd: i32) -> Result<Vec<u8>, JsErrorBox> {
    read_to_end(fd).map_err(to_js)
}
#[op2]
#[buffer]
pub async fn op_fs_read_fd_async(fd: i32) -> Result<Vec<u8>, JsErrorBox> {
    off_thread(move || read_to_end(fd)).await
}

#[op2(fast)]
pub fn op_fs_write_file_sync(#[string] path: &str, #[buffer] data: &[u8], flags: i32, mode: u32) -> Result<(), JsErrorBox> {
    write_file(path, data, flags, mode).map_err(to_js)
}
#[op2]
pub async fn op_fs_write_file_async(
    #[string] path: String,
    #[buffer(copy)] data: Vec<u8>,
    flags: i32,
    mode: u32,
) -> Result<(), JsErrorBox> {
    off_thread(move || write_file(&path, &data, flags, mode)).await
}

#[op2]
#[serde]
pub fn op_fs_read_dir_sync(#[string] path: String) -> Result<Vec<(String, u8)>, JsErrorBox> {
    read_dir(&path).map_err(to_js)
}
#[op2]
#[serde]
pub async fn op_fs_read_dir_async(#[string] path: String) -> Result<Vec<(String, u8)>, JsErrorBox> {
    off_thread(move || read_dir(&path)).await
}

#[op2]
#[string]
pub fn op_fs_mkdir_sync(#[string] path: String, recursive: bool, mode: u32) -> Result<Option<String>, JsErrorBox> {
    mkdir(&path, recursive, mode).map_err(to_js)
}
#[op2]
#[string]
pub async fn op_fs_mkdir_async(#[string] path: String, recursive: bool, mode: u32) -> Result<Option<String>, JsErrorBox> {
    off_thread(move || mkdir(&path, recursive, mode)).await
}

#[op2(fast)]
pub fn op_fs_rm_sync(#[string] path: &str, recursive: bool) -> Result<(), JsErrorBox> {
    rm(path, recursive).map_err(to_js)
}
#[op2]
pub async fn op_fs_rm_async(#[string] path: String, recursive: bool) -> Result<(), JsErrorBox> {
    off_thread(move || rm(&path, recursive)).await
}

#[op2(fast)]
pub fn op_fs_rmdir_sync(#[string] path: &str, recursive: bool) -> Result<(), JsErrorBox> {
    rmdir(path, recursive).map_err(to_js)
}
#[op2]
pub async fn op_fs_rmdir_async(#[string] path: String, recursive: bool) -> Result<(), JsErrorBox> {
    off_thread(move || rmdir(&path, recursive)).await
}

#[op2(fast)]
pub fn op_fs_unlink_sync(#[string] path: &str) -> Result<(), JsErrorBox> {
    fs::remove_file(path).during("unlink").map_err(to_js)
}
#[op2]
pub async fn op_fs_unlink_async(#[string] path: String) -> Result<(), JsErrorBox> {
    off_thread(move || fs::remove_file(&path).during("unlink")).await
}

#[op2(fast)]
pub fn op_fs_rename_sync(#[string] from: &str, #[string] to: &str) -> Result<(), JsErrorBox> {
    fs::rename(from, to).during("rename").map_err(to_js)
}
#[op2]
pub async fn op_fs_rename_async(#[string] from: String, #[string] to: String) -> Result<(), JsErrorBox> {
    off_thread(move || fs::rename(&from, &to).during("rename")).await
}

#[op2(fast)]
pub fn op_fs_copy_file_sync(#[string] from: &str, #[string] to: &str, exclusive: bool) -> Result<(), JsErrorBox> {
    copy_file(from, to, exclusive).map_err(to_js)
}
#[op2]
pub async fn op_fs_copy_file_async(#[string] from: String, #[string] to: String, exclusive: bool) -> Result<(), JsErrorBox> {
    off_thread(move || copy_file(&from, &to, exclusive)).await
}

#[op2(fast)]
pub fn op_fs_link_sync(#[string] from: &str, #[string] to: &str) -> Result<(), JsErrorBox> {
    fs::hard_link(from, to).during("link").map_err(to_js)
}
#[op2]
pub async fn op_fs_link_async(#[string] from: String, #[string] to: String) -> Result<(), JsErrorBox> {
    off_thread(move || fs::hard_link(&from, &to).during("link")).await
}

#[op2(fast)]
pub fn op_fs_symlink_sync(#[string] target: &str, #[string] path: &str) -> Result<(), JsErrorBox> {
    std::os::unix::fs::symlink(target, path).during("symlink").map_err(to_js)
}
#[op2]
pub async fn op_fs_symlink_async(#[string] target: String, #[string] path: String) -> Result<(), JsErrorBox> {
    off_thread(move || std::os::unix::fs::symlink(&target, &path).during("symlink")).await
}

#[op2]
#[string]
pub fn op_fs_readlink_sync(#[string] path: String) -> Result<String, JsErrorBox> {
    fs::read_link(path).map(lossy).during("readlink").map_err(to_js)
}
#[op2]
#[string]
pub async fn op_fs_readlink_async(#[string] path: String) -> Result<String, JsErrorBox> {
    off_thread(move || fs::read_link(path).map(lossy).during("readlink")).await
}

#[op2]
#[string]
pub fn op_fs_realpath_sync(#[string] path: String) -> Result<String, JsErrorBox> {
    fs::canonicalize(path).map(lossy).during("realpath").map_err(to_js)
}
#[op2]
#[string]
pub async fn op_fs_realpath_async(#[string] path: String) -> Result<String, JsErrorBox> {
    off_thread(move || fs::canonicalize(path).map(lossy).during("realpath")).await
}

#[op2(fast)]
pub fn op_fs_chmod_sync(#[string] path: &str, mode: u32) -> Result<(), JsErrorBox> {
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).during("chmod").map_err(to_js)
}
#[op2]
pub async fn op_fs_chmod_async(#[string] path: String, mode: u32) -> Result<(), JsErrorBox> {
    off_thread(move || fs::set_permissions(&path, fs::Permissions::from_mode(mode)).during("chmod")).await
}

#[op2(fast)]
pub fn op_fs_fchmod_sync(fd: i32, mode: u32) -> Result<(), JsErrorBox> {
    fchmod(fd, mode).map_err(to_js)
}
#[op2]
pub async fn op_fs_fchmod_async(fd: i32, mode: u32) -> Result<(), JsErrorBox> {
    off_thread(move || fchmod(fd, mode)).await
}

#[op2(fast)]
pub fn op_fs_chown_sync(#[string] path: &str, uid: u32, gid: u32, follow: bool) -> Result<(), JsErrorBox> {
    chown(path, uid, gid, follow).map_err(to_js)
}
#[op2]
pub async fn op_fs_chown_async(#[string] path: String, uid: u32, gid: u32, follow: bool) -> Result<(), JsErrorBox> {
    off_thread(move || chown(&path, uid, gid, follow)).await
}

#[op2(fast)]
pub fn op_fs_fchown_sync(fd: i32, uid: u32, gid: u32) -> Result<(), JsErrorBox> {
    fchown(fd, uid, gid).map_err(to_js)
}
#[op2]
pub async fn op_fs_fchown_async(fd: i32, uid: u32, gid: u32) -> Result<(), JsErrorBox> {
    off_thread(move || fchown(fd, uid, gid)).await
}

#[op2(fast)]
pub fn op_fs_utimes_sync(#[string] path: &str, atime: f64, mtime: f64, follow: bool) -> Result<(), JsErrorBox> {
    utimes(path, atime, mtime, follow).map_err(to_js)
}
#[op2]
pub async fn op_fs_utimes_async(#[string] path: String, atime: f64, mtime: f64, follow: bool) -> Result<(), JsErrorBox> {
    off_thread(move || utimes(&path, atime, mtime, follow)).await
}

#[op2(fast)]
pub fn op_fs_futimes_sync(fd: i32, atime: f64, mtime: f64) -> Result<(), JsErrorBox> {
    futimes(fd, atime, mtime).map_err(to_js)
}
#[op2]
pub async fn op_fs_futimes_async(fd: i32, atime: f64, mtime: f64) -> Result<(), JsErrorBox> {
    off_thread(move || futimes(fd, atime, mtime)).await
}

#[op2(fast)]
pub fn op_fs_access_sync(#[string] path: &str, mode: i32) -> Result<(), JsErrorBox> {
    access(path, mode).map_err(to_js)
}
#[op2]
pub async fn op_fs_access_async(#[string] path: String, mode: i32) -> Result<(), JsErrorBox> {
    off_thread(move || access(&path, mode)).await
}

#[op2]
#[string]
pub fn op_fs_mkdtemp_sync(#[string] prefix: String) -> Result<String, JsErrorBox> {
    mkdtemp(&prefix).map_err(to_js)
}
#[op2]
#[string]
pub async fn op_fs_mkdtemp_async(#[string] prefix: String) -> Result<String, JsErrorBox> {
    off_thread(move || mkdtemp(&prefix)).await
}

#[op2(fast)]
pub fn op_fs_fsync_sync(fd: i32, data_only: bool) -> Result<(), JsErrorBox> {
    fsync(fd, data_only).map_err(to_js)
}
#[op2]
pub async fn op_fs_fsync_async(fd: i32, data_only: bool) -> Result<(), JsErrorBox> {
    off_thread(move || fsync(fd, data_only)).await
}

#[op2(fast)]
pub fn op_fs_ftruncate_sync(fd: i32, len: f64) -> Result<(), JsErrorBox> {
    ftruncate(fd, len).map_err(to_js)
}
#[op2]
pub async fn op_fs_ftruncate_async(fd: i32, len: f64) -> Result<(), JsErrorBox> {
    off_thread(move || ftruncate(fd, len)).await
}

#[op2(fast)]
pub fn op_fs_truncate_sync(#[string] path: &str, len: f64) -> Result<(), JsErrorBox> {
    truncate(path, len).map_err(to_js)
}
#[op2]
pub async fn op_fs_truncate_async(#[string] path: String, len: f64) -> Result<(), JsErrorBox> {
    off_thread(move || truncate(&path, len)).await
}
