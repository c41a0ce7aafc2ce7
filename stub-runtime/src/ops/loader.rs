//! Module lookup for the CommonJS loader (`js/internal/modules.js`): the app's modules from the
//! payload and the runtime's own embedded JS. Resolution happened at pack time; these ops only
//! hand out what the packer recorded.

use deno_core::{op2, OpState};
use deno_error::JsErrorBox;
use payload::ModuleKind;
use serde::Serialize;

use crate::vfs::{LoadedModule, Vfs};

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

/// Whether the app has a module with this key, without decompressing it.
#[op2(fast)]
pub fn op_loader_has_module(state: &mut OpState, #[string] key: &str) -> bool {
    state.borrow::<Vfs>().has_module(key)
}

/// The module with this key, its source decompressed from the payload now; null when the app
/// has no such module.
#[op2]
#[serde]
pub fn op_loader_module(state: &mut OpState, #[string] key: &str) -> Result<Option<ModuleRecord>, JsErrorBox> {
    let Some(loaded) = state.borrow::<Vfs>().load_module(key) else { return Ok(None) };
    let LoadedModule { kind, source, dependencies } = loaded.map_err(JsErrorBox::generic)?;
    let kind = match kind {
        ModuleKind::Script => "script",
        ModuleKind::Json => "json",
    };
    Ok(Some(ModuleRecord { kind, source, dependencies }))
}

/// The original text of a module (before TypeScript stripping or minifying), for the source
/// line shown above an uncaught error's stack.
#[op2]
#[string]
pub fn op_loader_original_source(state: &mut OpState, #[string] key: &str) -> Result<Option<String>, JsErrorBox> {
    let Some(found) = state.borrow::<Vfs>().source_and_map(key) else { return Ok(None) };
    let (source, map) = found.map_err(JsErrorBox::generic)?;
    Ok(Some(crate::source_maps::original_source(source, map.as_deref())))
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
