//! The virtual filesystem of a packed executable, for `js/internal/vfs.js`: stat, read and list
//! embedded files by absolute path, and give embedded executables a real path to run from.
//! Each op answers null/empty for paths it does not serve; the JS side decides which paths are
//! its own and shapes Node's errors.

use deno_core::{op2, OpState};
use deno_error::JsErrorBox;
use serde::Serialize;

use crate::vfs::{Entry, Vfs};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VfsInfo {
    root: String,
    serves_files: bool,
    mtime_ms: f64,
}

#[op2]
#[serde]
pub fn op_vfs_info(state: &mut OpState) -> VfsInfo {
    let vfs = state.borrow::<Vfs>();
    VfsInfo { root: vfs.root.clone(), serves_files: vfs.serves_files, mtime_ms: vfs.mtime_ms }
}

#[derive(Serialize)]
pub struct VfsStat {
    kind: &'static str,
    size: u64,
}

#[op2]
#[serde]
pub fn op_vfs_stat(state: &mut OpState, #[string] path: &str) -> Option<VfsStat> {
    match state.borrow::<Vfs>().lookup(path)? {
        Entry::File(file) => Some(VfsStat { kind: "file", size: file.size() }),
        Entry::Directory(names) => Some(VfsStat { kind: "directory", size: names.len() as u64 }),
    }
}

/// The bytes of an embedded file, decompressed now; empty when the path is not an embedded
/// file (check with stat).
#[op2]
#[buffer]
pub fn op_vfs_read(state: &mut OpState, #[string] path: &str) -> Result<Vec<u8>, JsErrorBox> {
    let vfs = state.borrow::<Vfs>();
    match vfs.lookup(path) {
        Some(Entry::File(file)) => Ok(vfs.read(file).map_err(JsErrorBox::generic)?.into_owned()),
        _ => Ok(Vec::new()),
    }
}

/// The names in an embedded directory, sorted; null when the path is not an embedded directory.
#[op2]
#[serde]
pub fn op_vfs_readdir(state: &mut OpState, #[string] path: &str) -> Option<Vec<String>> {
    match state.borrow::<Vfs>().lookup(path)? {
        Entry::Directory(names) => Some(names.iter().cloned().collect()),
        Entry::File(_) => None,
    }
}

/// A real path for running the embedded file at `path` (child_process can only execute files
/// the OS sees): the file is written once to a per-user cache keyed by its SHA-256, and checked
/// against that hash before every use, so a cached copy that was altered is written again.
/// Null when `path` is not an embedded file.
#[op2]
#[string]
pub fn op_vfs_executable_path(state: &mut OpState, #[string] path: &str) -> Result<Option<String>, JsErrorBox> {
    let vfs = state.borrow::<Vfs>();
    let Some(Entry::File(file)) = vfs.lookup(path) else { return Ok(None) };
    let bytes = vfs.read(file).map_err(JsErrorBox::generic)?;
    let name = std::path::Path::new(path).file_name().map_or_else(|| "executable".into(), |name| name.to_owned());
    let extracted = executable_cache::materialize(&bytes, &name)
        .map_err(|err| JsErrorBox::generic(format!("cannot extract the embedded executable '{path}': {err}")))?;
    Ok(Some(extracted.to_string_lossy().into_owned()))
}

mod executable_cache {
    use std::fs;
    use std::io::Write;
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    use std::path::{Path, PathBuf};

    use sha2::{Digest, Sha256};

    /// `$XDG_CACHE_HOME/pack/executables`, else `~/.cache/pack/executables`, else a directory
    /// of this user's under the temporary directory.
    fn cache_root() -> PathBuf {
        let base = std::env::var_os("XDG_CACHE_HOME")
            .filter(|dir| Path::new(dir).is_absolute())
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").filter(|home| !home.is_empty()).map(|home| Path::new(&home).join(".cache")))
            .unwrap_or_else(|| std::env::temp_dir().join(format!("pack-{}", unsafe { libc::getuid() })));
        base.join("pack").join("executables")
    }

    fn hex(digest: &[u8]) -> String {
        digest.iter().map(|byte| format!("{byte:02x}")).collect()
    }

    pub fn materialize(bytes: &[u8], name: &std::ffi::OsStr) -> std::io::Result<PathBuf> {
        let digest = hex(&Sha256::digest(bytes));
        let dir = cache_root().join(&digest);
        let target = dir.join(name);
        if fs::read(&target).is_ok_and(|cached| hex(&Sha256::digest(&cached)) == digest) {
            return Ok(target);
        }
        fs::DirBuilder::new().recursive(true).mode(0o700).create(&dir)?;
        // Written beside the target and renamed over it, so a concurrent start never runs a
        // half-written file.
        let temporary = dir.join(format!(".{}.{}", name.to_string_lossy(), std::process::id()));
        let written = (|| {
            let mut file = fs::OpenOptions::new().write(true).create(true).truncate(true).mode(0o700).open(&temporary)?;
            file.write_all(bytes)?;
            file.sync_all()?;
            fs::rename(&temporary, &target)
        })();
        if written.is_err() {
            let _ = fs::remove_file(&temporary);
        }
        written.map(|()| target)
    }
}
