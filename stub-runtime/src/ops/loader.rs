//! Module lookup for the CommonJS loader (`js/internal/modules.js`): the app's modules from the
//! payload and the runtime's own embedded JS. Resolution happened at pack time; these ops only
//! hand out what the packer recorded.

use deno_core::{op2, OpState};
use payload::ModuleKind;
use serde::Serialize;

use crate::vfs::Vfs;

#[derive(Serialize)]
pub struct EntryInfo {
    entry: String,
    root: String,
}

#[derive(Serialize)]
pub struct ModuleRecord {
    kind: &'static str,
    source: String,
    /// `[specifier, target]` pairs; a target is a module key or `node:<builtin>`.
    dependencies: Vec<(String, String)>,
}

#[op2]
#[serde]
pub fn op_loader_entry(state: &mut OpState) -> EntryInfo {
    let vfs = state.borrow::<Vfs>();
    EntryInfo { entry: vfs.entry.clone(), root: vfs.root.clone() }
}

#[op2]
#[serde]
pub fn op_loader_module(state: &mut OpState, #[string] key: &str) -> Option<ModuleRecord> {
    let module = state.borrow::<Vfs>().module(key)?;
    let kind = match module.kind {
        ModuleKind::Script => "script",
        ModuleKind::Json => "json",
    };
    Some(ModuleRecord { kind, source: module.source.clone(), dependencies: module.dependencies.clone() })
}

/// The original text of a module (before TypeScript stripping or minifying), for the source
/// line shown above an uncaught error's stack.
#[op2]
#[string]
pub fn op_loader_original_source(state: &mut OpState, #[string] key: &str) -> Option<String> {
    let module = state.borrow::<Vfs>().module(key)?;
    Some(crate::source_maps::original_source(module).into_owned())
}

/// Names `require` treats as Node built-ins.
#[op2]
#[serde]
pub fn op_loader_builtin_names() -> Vec<&'static str> {
    crate::NODE_BUILTINS.to_vec()
}

/// Source of an embedded runtime file such as `node/events.js`, or null.
#[op2]
#[string]
pub fn op_loader_builtin(#[string] path: &str) -> Option<String> {
    crate::builtins::source(path)
}
