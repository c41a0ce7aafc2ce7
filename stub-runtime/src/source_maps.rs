//! Source maps for stack traces. deno_core asks the runtime's module loader for the map of a
//! script by its URL whenever it formats a stack frame; the app's modules are compiled as
//! `file://<root>/<key>`, so this loader answers from the payload's maps, and a TypeScript or
//! minified module's frames show the original line and column.
//!
//! The app never loads ES modules through deno_core (the packer compiles them to CommonJS), so
//! `resolve` and `load` refuse.

use std::borrow::Cow;
use std::collections::HashMap;

use deno_core::error::ModuleLoaderError;
use deno_core::{ModuleLoadOptions, ModuleLoadReferrer, ModuleLoadResponse, ModuleLoader, ModuleSpecifier, ResolutionKind};
use deno_error::JsErrorBox;
use crate::boot::Launch;

pub struct SourceMaps {
    by_url: HashMap<String, String>,
}

impl SourceMaps {
    pub fn new(launch: &Launch) -> SourceMaps {
        let by_url = launch
            .bundle
            .modules
            .iter()
            .filter_map(|module| Some((module_url(&launch.path_of(&module.key))?, module.source_map.clone()?)))
            .collect();
        SourceMaps { by_url }
    }
}

/// The URL a module is compiled under, normalised as deno_core normalises it.
fn module_url(path: &str) -> Option<String> {
    deno_core::url::Url::parse(&format!("file://{path}")).ok().map(String::from)
}

/// The original text of a module: the source embedded in its source map, else the module itself.
pub fn original_source(module: &payload::Module) -> Cow<'_, str> {
    let from_map = module.source_map.as_deref().and_then(|map| {
        let map: deno_core::serde_json::Value = deno_core::serde_json::from_str(map).ok()?;
        map.get("sourcesContent")?.get(0)?.as_str().map(str::to_owned)
    });
    match from_map {
        Some(text) => Cow::Owned(text),
        None => Cow::Borrowed(&module.source),
    }
}

impl ModuleLoader for SourceMaps {
    fn resolve(&self, specifier: &str, _referrer: &str, _kind: ResolutionKind) -> Result<ModuleSpecifier, ModuleLoaderError> {
        Err(JsErrorBox::generic(format!("cannot import '{specifier}': pack compiles ES modules to CommonJS when packing")))
    }

    fn load(&self, specifier: &ModuleSpecifier, _referrer: Option<&ModuleLoadReferrer>, _options: ModuleLoadOptions) -> ModuleLoadResponse {
        ModuleLoadResponse::Sync(Err(JsErrorBox::generic(format!("cannot load '{specifier}' as an ES module"))))
    }

    fn get_source_map(&self, file_name: &str) -> Option<Cow<'_, [u8]>> {
        self.by_url.get(file_name).map(|map| Cow::Borrowed(map.as_bytes()))
    }
}
