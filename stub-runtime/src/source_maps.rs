//! Source maps for stack traces. deno_core asks the runtime's module loader for the map of a
//! script by its URL whenever it formats a stack frame; the app's modules are compiled as
//! `file://<root>/<key>`, so this loader answers from the payload's maps, and a TypeScript or
//! minified module's frames show the original line and column.
//!
//! The app never loads ES modules through deno_core (the packer compiles them to CommonJS), so
//! `resolve` and `load` refuse.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::Arc;

use deno_core::error::ModuleLoaderError;
use deno_core::{ModuleLoadOptions, ModuleLoadReferrer, ModuleLoadResponse, ModuleLoader, ModuleSpecifier, ResolutionKind};
use deno_error::JsErrorBox;
use payload::Store;

use crate::boot::Launch;

/// Maps are decompressed when a stack frame in their module is formatted (deno_core keeps the
/// ones it decoded), never at start.
pub struct SourceMaps {
    store: Arc<Store>,
    /// What a module's key is appended to for its path: the root and a `/`.
    path_prefix: String,
    exec_path: String,
    /// Module URL to module key, for the modules that have a map; made on first use.
    mapped_keys: OnceCell<HashMap<String, String>>,
}

impl SourceMaps {
    pub fn new(launch: &Launch) -> SourceMaps {
        SourceMaps {
            store: launch.bundle.store.clone(),
            path_prefix: launch.path_of(""),
            exec_path: launch.exec_path.clone(),
            mapped_keys: OnceCell::new(),
        }
    }

    fn key_of(&self, url: &str) -> Option<&str> {
        let keys = self.mapped_keys.get_or_init(|| {
            let mapped = self.store.modules().iter().filter(|module| module.has_source_map());
            mapped.filter_map(|module| Some((module_url(&format!("{}{}", self.path_prefix, module.key))?, module.key.clone()))).collect()
        });
        keys.get(url).map(String::as_str)
    }
}

/// The URL a module is compiled under, normalised as deno_core normalises it.
fn module_url(path: &str) -> Option<String> {
    deno_core::url::Url::parse(&format!("file://{path}")).ok().map(String::from)
}

/// The original text of a module: the source embedded in its source map, else the module itself.
pub fn original_source(source: String, source_map: Option<&str>) -> String {
    let from_map = source_map.and_then(|map| {
        let map: deno_core::serde_json::Value = deno_core::serde_json::from_str(map).ok()?;
        map.get("sourcesContent")?.get(0)?.as_str().map(str::to_owned)
    });
    from_map.unwrap_or(source)
}

impl ModuleLoader for SourceMaps {
    fn resolve(&self, specifier: &str, _referrer: &str, _kind: ResolutionKind) -> Result<ModuleSpecifier, ModuleLoaderError> {
        Err(JsErrorBox::generic(format!("cannot import '{specifier}': pack compiles ES modules to CommonJS when packing")))
    }

    fn load(&self, specifier: &ModuleSpecifier, _referrer: Option<&ModuleLoadReferrer>, _options: ModuleLoadOptions) -> ModuleLoadResponse {
        ModuleLoadResponse::Sync(Err(JsErrorBox::generic(format!("cannot load '{specifier}' as an ES module"))))
    }

    fn get_source_map(&self, file_name: &str) -> Option<Cow<'_, [u8]>> {
        let module = self.store.module(self.key_of(file_name)?)?;
        match self.store.source_map(module) {
            Ok(map) => map.map(|map| Cow::Owned(map.into_bytes())),
            // Formatting a stack frame cannot fail: the frame stays unmapped, and this says why.
            Err(err) => {
                eprintln!("{}: {err}", self.exec_path);
                None
            }
        }
    }
}
