//! The app's files as the runtime holds them: modules for the loader, and in a packed
//! executable a read-only virtual filesystem under the root, where every module and asset can
//! be read, statted and listed (`js/internal/vfs.js` is its JS face, which `fs` consults first).
//! Contents stay compressed in the payload until a module is loaded or a file read.
//!
//! Under `pack run` the files are on disk at the same paths, so the virtual filesystem stays
//! off and `fs` goes to the real files.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use payload::{Bundle, Module, ModuleKind, Store, StoredAsset, StoredModule};

/// The app a runtime runs: the payload, shared by every thread of the process, and the module
/// to start from.
pub struct App {
    pub entry: String,
    pub store: Arc<Store>,
    /// A module that exists only in this runtime, not in the payload: a worker's entry.
    pub synthetic: Option<Module>,
}

impl App {
    pub fn new(store: Store) -> App {
        App { entry: store.entry().to_owned(), store: Arc::new(store), synthetic: None }
    }
}

/// `pack run` hands over the bundle it just made, held uncompressed.
impl TryFrom<Bundle> for App {
    type Error = payload::Error;

    fn try_from(bundle: Bundle) -> Result<App, payload::Error> {
        Store::from_bundle(&bundle).map(App::new)
    }
}

pub struct Vfs {
    pub entry: String,
    pub root: String,
    /// Whether `fs` should serve embedded files (packed executables) or leave paths to disk.
    pub serves_files: bool,
    /// Modification time reported for embedded files: the executable's own.
    pub mtime_ms: f64,
    /// The executable the payload came from, named in errors reading it.
    exec_path: String,
    store: Arc<Store>,
    synthetic: Option<Module>,
    /// Directory key ("" for the root) to the names it contains; made when `fs` first looks,
    /// so an app that never lists or stats its own files does not pay for it.
    directories: OnceCell<HashMap<String, BTreeSet<String>>>,
}

pub enum Entry<'a> {
    File(File<'a>),
    Directory(&'a BTreeSet<String>),
}

/// An embedded file: a module's source or an asset.
#[derive(Clone, Copy)]
pub enum File<'a> {
    Module(&'a StoredModule),
    Asset(&'a StoredAsset),
}

impl File<'_> {
    pub fn size(self) -> u64 {
        match self {
            File::Module(module) => module.source_len(),
            File::Asset(asset) => asset.size(),
        }
    }
}

/// A module as the loader runs it.
pub struct LoadedModule {
    pub kind: ModuleKind,
    pub source: String,
    pub dependencies: Vec<(String, String)>,
}

impl Vfs {
    pub fn new(app: App, root: String, exec_path: String, serves_files: bool, mtime_ms: f64) -> Vfs {
        let directories = OnceCell::new();
        Vfs { entry: app.entry, root, serves_files, mtime_ms, exec_path, store: app.store, synthetic: app.synthetic, directories }
    }

    /// The directories the modules' and assets' keys imply.
    fn directories(&self) -> &HashMap<String, BTreeSet<String>> {
        self.directories.get_or_init(|| {
            let mut directories: HashMap<String, BTreeSet<String>> = HashMap::from([(String::new(), BTreeSet::new())]);
            let modules = self.store.modules().iter().map(|module| &module.key);
            for key in modules.chain(self.store.assets().iter().map(|asset| &asset.key)) {
                let mut parent = String::new();
                for part in key.split('/') {
                    directories.entry(parent.clone()).or_default().insert(part.to_owned());
                    parent = if parent.is_empty() { part.to_owned() } else { format!("{parent}/{part}") };
                }
            }
            directories
        })
    }

    /// Whether a module has that key; nothing is decompressed.
    pub fn has_module(&self, key: &str) -> bool {
        self.synthetic(key).is_some() || self.store.module(key).is_some()
    }

    /// The module with its source, decompressed now; `None` when no module has that key.
    pub fn load_module(&self, key: &str) -> Option<Result<LoadedModule, String>> {
        if let Some(module) = self.synthetic(key) {
            let loaded = LoadedModule { kind: module.kind, source: module.source.clone(), dependencies: module.dependencies.clone() };
            return Some(Ok(loaded));
        }
        let module = self.store.module(key)?;
        let loaded = self.store.source(module).and_then(|source| {
            Ok(LoadedModule { kind: module.kind, source, dependencies: self.store.dependencies(module)? })
        });
        Some(loaded.map_err(|err| self.payload_error(err)))
    }

    /// The module's source and source map; `None` when no module has that key.
    pub fn source_and_map(&self, key: &str) -> Option<Result<(String, Option<String>), String>> {
        if let Some(module) = self.synthetic(key) {
            return Some(Ok((module.source.clone(), module.source_map.clone())));
        }
        let module = self.store.module(key)?;
        let both = self.store.source(module).and_then(|source| Ok((source, self.store.source_map(module)?)));
        Some(both.map_err(|err| self.payload_error(err)))
    }

    fn synthetic(&self, key: &str) -> Option<&Module> {
        self.synthetic.as_ref().filter(|module| module.key == key)
    }

    /// The entry at an absolute path, when the virtual filesystem serves it.
    pub fn lookup(&self, path: &str) -> Option<Entry<'_>> {
        if !self.serves_files {
            return None;
        }
        let key = self.key_of(path)?;
        if let Some(names) = self.directories().get(key) {
            return Some(Entry::Directory(names));
        }
        if let Some(module) = self.store.module(key) {
            return Some(Entry::File(File::Module(module)));
        }
        self.store.asset(key).map(|asset| Entry::File(File::Asset(asset)))
    }

    /// The bytes of an embedded file, decompressed now.
    pub fn read(&self, file: File<'_>) -> Result<Cow<'_, [u8]>, String> {
        let bytes = match file {
            File::Module(module) => self.store.source(module).map(|source| Cow::Owned(source.into_bytes())),
            File::Asset(asset) => self.store.asset_bytes(asset),
        };
        bytes.map_err(|err| self.payload_error(err))
    }

    /// A payload that fails to read after start: the same message as one that fails at start.
    fn payload_error(&self, err: payload::Error) -> String {
        format!("{}: {err}", self.exec_path)
    }

    fn key_of<'p>(&self, path: &'p str) -> Option<&'p str> {
        let rest = path.strip_prefix(self.root.as_str())?;
        match rest.strip_prefix('/') {
            Some(key) => Some(key.trim_end_matches('/')),
            None if rest.is_empty() => Some(""),
            None => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use payload::Asset;

    fn vfs() -> Vfs {
        let bundle = Bundle {
            entry: "index.js".into(),
            minified: false,
            modules: vec![Module::new(ModuleKind::Script, "index.js", "1"), Module::new(ModuleKind::Json, "lib/data.json", "{}")],
            assets: vec![Asset { key: "lib/assets/logo.png".into(), bytes: vec![1, 2, 3] }],
        };
        let mut app = App::try_from(bundle).unwrap();
        app.synthetic = Some(Module::new(ModuleKind::Script, "[worker]", "2"));
        Vfs::new(app, "/opt/tool".into(), "/opt/tool".into(), true, 0.0)
    }

    fn names(entry: Option<Entry<'_>>) -> Vec<String> {
        match entry {
            Some(Entry::Directory(names)) => names.iter().cloned().collect(),
            _ => panic!("expected a directory"),
        }
    }

    fn contents(vfs: &Vfs, path: &str) -> Option<Vec<u8>> {
        match vfs.lookup(path)? {
            Entry::File(file) => Some(vfs.read(file).unwrap().into_owned()),
            Entry::Directory(_) => None,
        }
    }

    #[test]
    fn directories_list_modules_assets_and_subdirectories() {
        let vfs = vfs();
        assert_eq!(names(vfs.lookup("/opt/tool")), ["index.js", "lib"]);
        assert_eq!(names(vfs.lookup("/opt/tool/lib/")), ["assets", "data.json"]);
        assert_eq!(names(vfs.lookup("/opt/tool/lib/assets")), ["logo.png"]);
    }

    #[test]
    fn files_are_modules_or_assets() {
        let vfs = vfs();
        assert_eq!(contents(&vfs, "/opt/tool/lib/assets/logo.png"), Some(vec![1, 2, 3]));
        assert_eq!(contents(&vfs, "/opt/tool/index.js"), Some(b"1".to_vec()));
        assert!(vfs.lookup("/opt/tool/missing").is_none());
        assert!(vfs.lookup("/opt/toolbox/index.js").is_none());
        assert!(vfs.lookup("/elsewhere").is_none());
    }

    #[test]
    fn the_synthetic_module_loads_but_is_no_file() {
        let vfs = vfs();
        assert_eq!(vfs.load_module("[worker]").unwrap().unwrap().source, "2");
        assert!(vfs.load_module("lib").is_none());
        assert!(vfs.lookup("/opt/tool/[worker]").is_none());
    }

    #[test]
    fn nothing_is_served_when_off() {
        let mut vfs = vfs();
        vfs.serves_files = false;
        assert!(vfs.lookup("/opt/tool/index.js").is_none());
        assert!(vfs.load_module("index.js").is_some());
    }
}
