//! Resolution of `require` specifiers at pack time, following Node's documented CommonJS
//! algorithm (the function names are the spec's: LOAD_AS_FILE, LOAD_INDEX, LOAD_AS_DIRECTORY,
//! LOAD_NODE_MODULES), so reviewing it against the spec is mechanical.
//!
//! Package `exports` maps are not read yet: a package is entered through its `main` field or
//! its `index` file.

use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A Node built-in, by its name without `node:`.
    Builtin(String),
    /// A file on disk, with symlinks resolved, so each file enters the graph once.
    File(PathBuf),
}

/// Extensions tried, in order, when a specifier names a file without its extension.
const EXTENSIONS: &[&str] = &["js", "json", "cjs"];

/// Resolves `specifier` as `require` would from a module in `from_dir`; `None` when nothing
/// matches.
pub fn resolve(specifier: &str, from_dir: &Path) -> Option<Resolved> {
    if let Some(name) = builtin_name(specifier) {
        return Some(Resolved::Builtin(name.to_owned()));
    }
    let found = if is_path_specifier(specifier) {
        let target = from_dir.join(specifier);
        load_as_file(&target).or_else(|| load_as_directory(&target))
    } else {
        load_node_modules(specifier, from_dir)
    };
    found.map(|path| Resolved::File(path.canonicalize().unwrap_or(path)))
}

/// `fs` and `node:fs` are built-ins; `node:anything` always is, so an unknown one fails at run
/// time as it does in Node rather than being looked for on disk.
fn builtin_name(specifier: &str) -> Option<&str> {
    if let Some(name) = specifier.strip_prefix("node:") {
        return Some(name);
    }
    stub_runtime::NODE_BUILTINS.contains(&specifier).then_some(specifier)
}

fn is_path_specifier(specifier: &str) -> bool {
    specifier.starts_with("./")
        || specifier.starts_with("../")
        || specifier.starts_with('/')
        || specifier == "."
        || specifier == ".."
}

/// LOAD_AS_FILE: X itself, then X with each extension.
fn load_as_file(path: &Path) -> Option<PathBuf> {
    if path.is_file() {
        return Some(path.to_path_buf());
    }
    let name = path.file_name()?.to_str()?;
    EXTENSIONS.iter().map(|extension| path.with_file_name(format!("{name}.{extension}"))).find(|candidate| candidate.is_file())
}

/// LOAD_INDEX: X/index with each extension.
fn load_index(dir: &Path) -> Option<PathBuf> {
    EXTENSIONS.iter().map(|extension| dir.join(format!("index.{extension}"))).find(|candidate| candidate.is_file())
}

/// LOAD_AS_DIRECTORY: the `main` of X/package.json, else X/index.
fn load_as_directory(dir: &Path) -> Option<PathBuf> {
    if !dir.is_dir() {
        return None;
    }
    if let Some(main) = package_main(dir) {
        let target = dir.join(main);
        if let Some(found) = load_as_file(&target).or_else(|| load_index(&target)) {
            return Some(found);
        }
    }
    load_index(dir)
}

fn package_main(dir: &Path) -> Option<String> {
    let manifest = std::fs::read_to_string(dir.join("package.json")).ok()?;
    let manifest: serde_json::Value = serde_json::from_str(&manifest).ok()?;
    manifest.get("main")?.as_str().filter(|main| !main.is_empty()).map(str::to_owned)
}

/// LOAD_NODE_MODULES: `node_modules/<specifier>` in `from_dir` and each directory above it.
fn load_node_modules(specifier: &str, from_dir: &Path) -> Option<PathBuf> {
    from_dir
        .ancestors()
        .filter(|dir| dir.file_name().is_none_or(|name| name != "node_modules"))
        .map(|dir| dir.join("node_modules").join(specifier))
        .find_map(|target| load_as_file(&target).or_else(|| load_as_directory(&target)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, content) in files {
            let path = dir.path().join(path);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, content).unwrap();
        }
        dir
    }

    fn resolved(dir: &tempfile::TempDir, from: &str, specifier: &str) -> Option<String> {
        let root = dir.path().canonicalize().unwrap();
        match resolve(specifier, &root.join(from))? {
            Resolved::Builtin(name) => Some(format!("builtin:{name}")),
            Resolved::File(path) => Some(path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/")),
        }
    }

    #[test]
    fn relative_files_with_and_without_extensions() {
        let dir = project(&[("a.js", ""), ("b.json", "{}"), ("c.cjs", ""), ("lib/d.js", ""), ("lib/e/index.js", "")]);
        assert_eq!(resolved(&dir, "", "./a").as_deref(), Some("a.js"));
        assert_eq!(resolved(&dir, "", "./a.js").as_deref(), Some("a.js"));
        assert_eq!(resolved(&dir, "", "./b").as_deref(), Some("b.json"));
        assert_eq!(resolved(&dir, "", "./c").as_deref(), Some("c.cjs"));
        assert_eq!(resolved(&dir, "lib/e", "../d").as_deref(), Some("lib/d.js"));
        assert_eq!(resolved(&dir, "", "./lib/e").as_deref(), Some("lib/e/index.js"));
        assert_eq!(resolved(&dir, "", "./missing"), None);
    }

    #[test]
    fn file_wins_over_directory() {
        let dir = project(&[("x.js", ""), ("x/index.js", "")]);
        assert_eq!(resolved(&dir, "", "./x").as_deref(), Some("x.js"));
    }

    #[test]
    fn builtins_with_and_without_prefix() {
        let dir = project(&[]);
        assert_eq!(resolved(&dir, "", "fs").as_deref(), Some("builtin:fs"));
        assert_eq!(resolved(&dir, "", "node:path").as_deref(), Some("builtin:path"));
        assert_eq!(resolved(&dir, "", "fs/promises").as_deref(), Some("builtin:fs/promises"));
    }

    #[test]
    fn packages_by_main_or_index_walking_up() {
        let dir = project(&[
            ("node_modules/m/package.json", r#"{"main": "lib/main"}"#),
            ("node_modules/m/lib/main.js", ""),
            ("node_modules/n/index.js", ""),
            ("node_modules/@scope/p/index.json", "{}"),
            ("src/deep/file.js", ""),
        ]);
        assert_eq!(resolved(&dir, "src/deep", "m").as_deref(), Some("node_modules/m/lib/main.js"));
        assert_eq!(resolved(&dir, "", "n").as_deref(), Some("node_modules/n/index.js"));
        assert_eq!(resolved(&dir, "", "@scope/p").as_deref(), Some("node_modules/@scope/p/index.json"));
        assert_eq!(resolved(&dir, "", "m/lib/main").as_deref(), Some("node_modules/m/lib/main.js"));
        assert_eq!(resolved(&dir, "", "absent"), None);
    }
}
