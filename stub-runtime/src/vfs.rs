//! The app's files as the runtime holds them: modules for the loader, and in a packed
//! executable a read-only virtual filesystem under the root, where every module and asset can
//! be read, statted and listed (`js/internal/vfs.js` is its JS face, which `fs` consults first).
//!
//! Under `pack run` the files are on disk at the same paths, so the virtual filesystem stays
//! off and `fs` goes to the real files.

use std::collections::{BTreeSet, HashMap};

use payload::{Bundle, Module};

pub struct Vfs {
    pub entry: String,
    pub root: String,
    /// Whether `fs` should serve embedded files (packed executables) or leave paths to disk.
    pub serves_files: bool,
    /// Modification time reported for embedded files: the executable's own.
    pub mtime_ms: f64,
    modules: HashMap<String, Module>,
    assets: HashMap<String, Vec<u8>>,
    /// Directory key ("" for the root) to the names it contains.
    directories: HashMap<String, BTreeSet<String>>,
}

pub enum Entry<'a> {
    File(&'a [u8]),
    Directory(&'a BTreeSet<String>),
}

impl Vfs {
    pub fn new(bundle: Bundle, root: String, serves_files: bool, mtime_ms: f64) -> Vfs {
        let mut directories: HashMap<String, BTreeSet<String>> = HashMap::from([(String::new(), BTreeSet::new())]);
        let keys = bundle.modules.iter().map(|module| &module.key).chain(bundle.assets.iter().map(|asset| &asset.key));
        for key in keys {
            let mut parent = String::new();
            for part in key.split('/') {
                directories.entry(parent.clone()).or_default().insert(part.to_owned());
                parent = if parent.is_empty() { part.to_owned() } else { format!("{parent}/{part}") };
            }
        }
        Vfs {
            entry: bundle.entry,
            root,
            serves_files,
            mtime_ms,
            modules: bundle.modules.into_iter().map(|module| (module.key.clone(), module)).collect(),
            assets: bundle.assets.into_iter().map(|asset| (asset.key, asset.bytes)).collect(),
            directories,
        }
    }

    pub fn module(&self, key: &str) -> Option<&Module> {
        self.modules.get(key)
    }

    /// The entry at an absolute path, when the virtual filesystem serves it.
    pub fn lookup(&self, path: &str) -> Option<Entry<'_>> {
        if !self.serves_files {
            return None;
        }
        let key = self.key_of(path)?;
        if let Some(names) = self.directories.get(key) {
            return Some(Entry::Directory(names));
        }
        if let Some(module) = self.modules.get(key) {
            return Some(Entry::File(module.source.as_bytes()));
        }
        self.assets.get(key).map(|bytes| Entry::File(bytes))
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
    use payload::{Asset, ModuleKind};

    fn vfs() -> Vfs {
        let bundle = Bundle {
            entry: "index.js".into(),
            minified: false,
            modules: vec![Module::new(ModuleKind::Script, "index.js", "1"), Module::new(ModuleKind::Json, "lib/data.json", "{}")],
            assets: vec![Asset { key: "lib/assets/logo.png".into(), bytes: vec![1, 2, 3] }],
        };
        Vfs::new(bundle, "/opt/tool".into(), true, 0.0)
    }

    fn names(entry: Option<Entry<'_>>) -> Vec<String> {
        match entry {
            Some(Entry::Directory(names)) => names.iter().cloned().collect(),
            _ => panic!("expected a directory"),
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
        assert!(matches!(vfs.lookup("/opt/tool/lib/assets/logo.png"), Some(Entry::File([1, 2, 3]))));
        assert!(matches!(vfs.lookup("/opt/tool/index.js"), Some(Entry::File(b"1"))));
        assert!(vfs.lookup("/opt/tool/missing").is_none());
        assert!(vfs.lookup("/opt/toolbox/index.js").is_none());
        assert!(vfs.lookup("/elsewhere").is_none());
    }

    #[test]
    fn nothing_is_served_when_off() {
        let mut vfs = vfs();
        vfs.serves_files = false;
        assert!(vfs.lookup("/opt/tool/index.js").is_none());
        assert!(vfs.module("index.js").is_some());
    }
}
