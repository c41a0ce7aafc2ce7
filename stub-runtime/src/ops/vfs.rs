//! The virtual filesystem of a packed executable, for `js/internal/vfs.js`: stat, read and list
//! embedded files by absolute path. Each op answers null/empty for paths it does not serve; the
//! JS side decides which paths are its own and shapes Node's errors.

use deno_core::{op2, OpState};
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
    size: usize,
}

#[op2]
#[serde]
pub fn op_vfs_stat(state: &mut OpState, #[string] path: &str) -> Option<VfsStat> {
    match state.borrow::<Vfs>().lookup(path)? {
        Entry::File(bytes) => Some(VfsStat { kind: "file", size: bytes.len() }),
        Entry::Directory(names) => Some(VfsStat { kind: "directory", size: names.len() }),
    }
}

/// The bytes of an embedded file; empty when the path is not an embedded file (check with stat).
#[op2]
#[buffer]
pub fn op_vfs_read(state: &mut OpState, #[string] path: &str) -> Vec<u8> {
    match state.borrow::<Vfs>().lookup(path) {
        Some(Entry::File(bytes)) => bytes.to_vec(),
        _ => Vec::new(),
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
