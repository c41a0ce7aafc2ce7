//! Resolution of `require` specifiers at pack time, following Node's documented CommonJS
//! algorithm. The function names are the spec's (LOAD_AS_FILE, LOAD_INDEX, LOAD_AS_DIRECTORY,
//! LOAD_NODE_MODULES, LOAD_PACKAGE_EXPORTS, LOAD_PACKAGE_SELF, LOAD_PACKAGE_IMPORTS and the ESM
//! resolver's PACKAGE_EXPORTS_RESOLVE / PACKAGE_TARGET_RESOLVE), so reviewing it against the
//! spec is mechanical. `exports` and `imports` are matched with the conditions a `require` has
//! in Node: `require`, `node`, `default`.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use serde_json::{Map, Value};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// A Node built-in, by its name without `node:`.
    Builtin(String),
    /// A file on disk, with symlinks resolved, so each file enters the graph once.
    File(PathBuf),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ResolveError {
    #[error("invalid package.json {path}: {message}")]
    InvalidManifest { path: PathBuf, message: String, line: usize, column: usize },
    #[error("Package subpath '{subpath}' is not defined by \"exports\" in {manifest}")]
    NotExported { subpath: String, manifest: PathBuf },
    #[error("Package import specifier '{specifier}' is not defined in {manifest}")]
    NotImported { specifier: String, manifest: PathBuf },
    #[error("the \"exports\" of {manifest} map '{subpath}' to {target}, which does not exist")]
    MissingTarget { subpath: String, target: PathBuf, manifest: PathBuf },
}

/// Extensions tried, in order, when a specifier names a file without its extension.
const EXTENSIONS: &[&str] = &["js", "json", "cjs", "mjs", "ts", "mts", "cts", "tsx"];

/// The conditions a `require` call matches in `exports` and `imports` maps ("default" always
/// matches); the map's own key order decides priority, as in Node.
const CONDITIONS: &[&str] = &["require", "node", "default"];

/// The fields of a package.json that resolution reads.
#[derive(Debug)]
struct Manifest {
    path: PathBuf,
    name: Option<String>,
    main: Option<String>,
    exports: Option<Value>,
    imports: Option<Value>,
}

/// What PACKAGE_TARGET_RESOLVE found: a path, an explicit `null` (the subpath is excluded), or
/// nothing matching the conditions.
enum Target {
    Found(String),
    Excluded,
    Unmatched,
}

/// Resolves specifiers, remembering each package.json it has read.
#[derive(Default)]
pub struct Resolver {
    manifests: HashMap<PathBuf, Option<Rc<Manifest>>>,
}

impl Resolver {
    /// Resolves `specifier` as `require` would from a module in `from_dir`; `Ok(None)` when
    /// nothing matches.
    pub fn resolve(&mut self, specifier: &str, from_dir: &Path) -> Result<Option<Resolved>, ResolveError> {
        if let Some(name) = builtin_name(specifier) {
            return Ok(Some(Resolved::Builtin(name.to_owned())));
        }
        let found = if is_path_specifier(specifier) {
            let target = from_dir.join(specifier);
            match load_as_file(&target) {
                Some(file) => Some(file),
                None => self.load_as_directory(&target)?,
            }
        } else if specifier.starts_with('#') {
            self.load_package_imports(specifier, from_dir)?
        } else {
            match self.load_package_self(specifier, from_dir)? {
                Some(file) => Some(file),
                None => self.load_node_modules(specifier, from_dir)?,
            }
        };
        Ok(found.map(|path| Resolved::File(path.canonicalize().unwrap_or(path))))
    }

    /// LOAD_AS_DIRECTORY: the `main` of X/package.json (as a file, then as a directory with an
    /// index), else X/index.
    fn load_as_directory(&mut self, dir: &Path) -> Result<Option<PathBuf>, ResolveError> {
        if !dir.is_dir() {
            return Ok(None);
        }
        if let Some(main) = self.manifest(dir)?.and_then(|manifest| manifest.main.clone()) {
            let target = dir.join(main);
            if let Some(found) = load_as_file(&target).or_else(|| load_index(&target)) {
                return Ok(Some(found));
            }
        }
        Ok(load_index(dir))
    }

    /// LOAD_NODE_MODULES: in each `node_modules` from `from_dir` up, the package's `exports`,
    /// then the name as a file, then as a directory.
    fn load_node_modules(&mut self, specifier: &str, from_dir: &Path) -> Result<Option<PathBuf>, ResolveError> {
        for dir in node_modules_paths(from_dir) {
            if let Some(found) = self.load_package_exports(specifier, &dir)? {
                return Ok(Some(found));
            }
            let target = dir.join(specifier);
            if let Some(found) = load_as_file(&target) {
                return Ok(Some(found));
            }
            if let Some(found) = self.load_as_directory(&target)? {
                return Ok(Some(found));
            }
        }
        Ok(None)
    }

    /// LOAD_PACKAGE_EXPORTS: `name/subpath` through the `exports` of `dir/name/package.json`.
    fn load_package_exports(&mut self, specifier: &str, dir: &Path) -> Result<Option<PathBuf>, ResolveError> {
        let Some((name, subpath)) = split_package_specifier(specifier) else { return Ok(None) };
        let package_dir = dir.join(name);
        let Some(manifest) = self.manifest(&package_dir)? else { return Ok(None) };
        let Some(exports) = &manifest.exports else { return Ok(None) };
        package_exports_resolve(&package_dir, &format!(".{subpath}"), exports, &manifest.path).map(Some)
    }

    /// LOAD_PACKAGE_SELF: a package requiring itself by its own name, through its `exports`.
    fn load_package_self(&mut self, specifier: &str, from_dir: &Path) -> Result<Option<PathBuf>, ResolveError> {
        let Some(manifest) = self.package_scope(from_dir)? else { return Ok(None) };
        let (Some(exports), Some(name)) = (&manifest.exports, &manifest.name) else { return Ok(None) };
        let Some(subpath) = specifier.strip_prefix(name.as_str()).filter(|rest| rest.is_empty() || rest.starts_with('/')) else {
            return Ok(None);
        };
        let package_dir = manifest.path.parent().unwrap_or(Path::new("/"));
        package_exports_resolve(package_dir, &format!(".{subpath}"), exports, &manifest.path).map(Some)
    }

    /// LOAD_PACKAGE_IMPORTS: `#name` through the `imports` of the nearest package.json; a target
    /// that is not a relative path names another package.
    fn load_package_imports(&mut self, specifier: &str, from_dir: &Path) -> Result<Option<PathBuf>, ResolveError> {
        let Some(manifest) = self.package_scope(from_dir)? else { return Ok(None) };
        let not_imported = || ResolveError::NotImported { specifier: specifier.to_owned(), manifest: manifest.path.clone() };
        let Some(Value::Object(imports)) = &manifest.imports else { return Err(not_imported()) };
        let package_dir = manifest.path.parent().unwrap_or(Path::new("/")).to_path_buf();
        match match_subpath(imports, specifier, true) {
            // RESOLVE_ESM_MATCH: the target must be a file (a directory is not found, as in Node).
            Some(Target::Found(target)) if target.starts_with("./") => Ok(Some(package_dir.join(target)).filter(|file| file.is_file())),
            Some(Target::Found(package)) => self.load_node_modules(&package, &package_dir),
            _ => Err(not_imported()),
        }
    }

    /// The package.json of the nearest directory at or above `dir` that has one.
    fn package_scope(&mut self, dir: &Path) -> Result<Option<Rc<Manifest>>, ResolveError> {
        for candidate in dir.ancestors() {
            if candidate.file_name().is_some_and(|name| name == "node_modules") {
                return Ok(None);
            }
            if let Some(manifest) = self.manifest(candidate)? {
                return Ok(Some(manifest));
            }
        }
        Ok(None)
    }

    /// `dir/package.json`, parsed once; `None` when there is none.
    fn manifest(&mut self, dir: &Path) -> Result<Option<Rc<Manifest>>, ResolveError> {
        if let Some(cached) = self.manifests.get(dir) {
            return Ok(cached.clone());
        }
        let path = dir.join("package.json");
        let manifest = match std::fs::read_to_string(&path) {
            Ok(text) => Some(Rc::new(parse_manifest(path, &text)?)),
            Err(_) => None,
        };
        self.manifests.insert(dir.to_path_buf(), manifest.clone());
        Ok(manifest)
    }
}

fn parse_manifest(path: PathBuf, text: &str) -> Result<Manifest, ResolveError> {
    let value: Value = serde_json::from_str(text).map_err(|err| ResolveError::InvalidManifest {
        path: path.clone(),
        message: err.to_string(),
        line: err.line(),
        column: err.column(),
    })?;
    let text_field = |key: &str| value.get(key).and_then(Value::as_str).filter(|text| !text.is_empty()).map(str::to_owned);
    Ok(Manifest {
        name: text_field("name"),
        main: text_field("main"),
        exports: value.get("exports").filter(|exports| !exports.is_null()).cloned(),
        imports: value.get("imports").cloned(),
        path,
    })
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

/// NODE_MODULES_PATHS: `node_modules` in `from_dir` and each directory above it that exists.
fn node_modules_paths(from_dir: &Path) -> impl Iterator<Item = PathBuf> + '_ {
    from_dir
        .ancestors()
        .filter(|dir| dir.file_name().is_none_or(|name| name != "node_modules"))
        .map(|dir| dir.join("node_modules"))
        .filter(|dir| dir.is_dir())
}

/// Splits `@scope/name/sub/path` into (`@scope/name`, `/sub/path`); `None` for an invalid name.
fn split_package_specifier(specifier: &str) -> Option<(&str, &str)> {
    let name_segments = if specifier.starts_with('@') { 2 } else { 1 };
    let end = specifier.match_indices('/').nth(name_segments - 1).map_or(specifier.len(), |(at, _)| at);
    let (name, subpath) = specifier.split_at(end);
    let valid = !name.is_empty() && !name.starts_with('.') && !name.contains('\\') && !name.contains('%');
    (valid && (name_segments == 1 || name.contains('/'))).then_some((name, subpath))
}

/// PACKAGE_EXPORTS_RESOLVE: `subpath` (`.` or `./x`) through an `exports` value.
fn package_exports_resolve(package_dir: &Path, subpath: &str, exports: &Value, manifest: &Path) -> Result<PathBuf, ResolveError> {
    let not_exported = || ResolveError::NotExported { subpath: subpath.to_owned(), manifest: manifest.to_path_buf() };
    // A string, an array, or an object of conditions is sugar for `{ ".": exports }`.
    let sugar;
    let map = match exports {
        Value::Object(map) if map.keys().any(|key| key.starts_with('.')) => map,
        other => {
            sugar = Map::from_iter([(".".to_owned(), other.clone())]);
            &sugar
        }
    };
    match match_subpath(map, subpath, false) {
        Some(Target::Found(target)) => {
            let file = package_dir.join(&target);
            if file.is_file() {
                Ok(file)
            } else {
                Err(ResolveError::MissingTarget { subpath: subpath.to_owned(), target: file, manifest: manifest.to_path_buf() })
            }
        }
        _ => Err(not_exported()),
    }
}

/// Finds `key` in an `exports` or `imports` map: an exact key without `*`, else the pattern key
/// with the longest prefix before its `*` (PATTERN_KEY_COMPARE), then resolves its target.
fn match_subpath(map: &Map<String, Value>, key: &str, allow_packages: bool) -> Option<Target> {
    if let Some(target) = map.get(key).filter(|_| !key.contains('*')) {
        return Some(package_target_resolve(target, None, allow_packages));
    }
    let mut best: Option<(&str, &Value, &str)> = None;
    for (pattern, target) in map {
        let Some((prefix, suffix)) = pattern.split_once('*') else { continue };
        let matched = key
            .strip_prefix(prefix)
            .and_then(|rest| rest.strip_suffix(suffix))
            .filter(|_| key.len() >= pattern.len() && key != prefix);
        if let Some(matched) = matched {
            if best.is_none_or(|(best_pattern, _, _)| pattern_key_compare(pattern, best_pattern)) {
                best = Some((pattern, target, matched));
            }
        }
    }
    best.map(|(_, target, matched)| package_target_resolve(target, Some(matched), allow_packages))
}

/// PATTERN_KEY_COMPARE: whether `a` is a more specific pattern than `b`.
fn pattern_key_compare(a: &str, b: &str) -> bool {
    let base_a = a.find('*').map_or(a.len(), |at| at + 1);
    let base_b = b.find('*').map_or(b.len(), |at| at + 1);
    base_a > base_b || (base_a == base_b && a.len() > b.len())
}

/// PACKAGE_TARGET_RESOLVE: a target string (with `*` filled in), the first matching condition
/// of an object, the first valid entry of an array, or `null`.
fn package_target_resolve(target: &Value, pattern_match: Option<&str>, allow_packages: bool) -> Target {
    match target {
        Value::String(path) => {
            let relative = path.starts_with("./");
            let package = allow_packages && !path.starts_with("../") && !path.starts_with('/') && !relative;
            if !relative && !package {
                return Target::Unmatched;
            }
            let path = match pattern_match {
                Some(matched) => path.replace('*', matched),
                None => path.clone(),
            };
            if path.split(['/', '\\']).any(|segment| segment == ".." || segment == "node_modules") && relative {
                return Target::Unmatched;
            }
            Target::Found(path)
        }
        Value::Object(conditions) => {
            for (condition, value) in conditions {
                if CONDITIONS.contains(&condition.as_str()) {
                    match package_target_resolve(value, pattern_match, allow_packages) {
                        Target::Unmatched => continue,
                        decided => return decided,
                    }
                }
            }
            Target::Unmatched
        }
        Value::Array(alternatives) => alternatives
            .iter()
            .map(|alternative| package_target_resolve(alternative, pattern_match, allow_packages))
            .find(|target| !matches!(target, Target::Unmatched))
            .unwrap_or(Target::Unmatched),
        Value::Null => Target::Excluded,
        _ => Target::Unmatched,
    }
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

    fn resolved(dir: &tempfile::TempDir, from: &str, specifier: &str) -> Result<Option<String>, ResolveError> {
        let root = dir.path().canonicalize().unwrap();
        Ok(Resolver::default().resolve(specifier, &root.join(from))?.map(|found| match found {
            Resolved::Builtin(name) => format!("builtin:{name}"),
            Resolved::File(path) => path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/"),
        }))
    }

    fn found(dir: &tempfile::TempDir, from: &str, specifier: &str) -> Option<String> {
        resolved(dir, from, specifier).unwrap()
    }

    #[test]
    fn relative_files_with_and_without_extensions() {
        let dir = project(&[
            ("a.js", ""),
            ("b.json", "{}"),
            ("c.cjs", ""),
            ("t.ts", ""),
            ("m.mts", ""),
            ("lib/d.js", ""),
            ("lib/e/index.js", ""),
            ("lib/f/index.tsx", ""),
        ]);
        assert_eq!(found(&dir, "", "./a").as_deref(), Some("a.js"));
        assert_eq!(found(&dir, "", "./a.js").as_deref(), Some("a.js"));
        assert_eq!(found(&dir, "", "./b").as_deref(), Some("b.json"));
        assert_eq!(found(&dir, "", "./c").as_deref(), Some("c.cjs"));
        assert_eq!(found(&dir, "", "./t").as_deref(), Some("t.ts"));
        assert_eq!(found(&dir, "", "./m").as_deref(), Some("m.mts"));
        assert_eq!(found(&dir, "lib/e", "../d").as_deref(), Some("lib/d.js"));
        assert_eq!(found(&dir, "", "./lib/e").as_deref(), Some("lib/e/index.js"));
        assert_eq!(found(&dir, "", "./lib/f").as_deref(), Some("lib/f/index.tsx"));
        assert_eq!(found(&dir, "", "./missing"), None);
    }

    #[test]
    fn file_wins_over_directory() {
        let dir = project(&[("x.js", ""), ("x/index.js", "")]);
        assert_eq!(found(&dir, "", "./x").as_deref(), Some("x.js"));
    }

    #[test]
    fn builtins_with_and_without_prefix() {
        let dir = project(&[]);
        assert_eq!(found(&dir, "", "fs").as_deref(), Some("builtin:fs"));
        assert_eq!(found(&dir, "", "node:path").as_deref(), Some("builtin:path"));
        assert_eq!(found(&dir, "", "fs/promises").as_deref(), Some("builtin:fs/promises"));
    }

    #[test]
    fn packages_by_main_or_index_walking_up() {
        let dir = project(&[
            ("node_modules/m/package.json", r#"{"main": "lib/main"}"#),
            ("node_modules/m/lib/main.js", ""),
            ("node_modules/n/index.js", ""),
            ("node_modules/@scope/p/index.json", "{}"),
            ("node_modules/q/package.json", r#"{"main": "dist"}"#),
            ("node_modules/q/dist/index.js", ""),
            ("src/deep/file.js", ""),
        ]);
        assert_eq!(found(&dir, "src/deep", "m").as_deref(), Some("node_modules/m/lib/main.js"));
        assert_eq!(found(&dir, "", "n").as_deref(), Some("node_modules/n/index.js"));
        assert_eq!(found(&dir, "", "@scope/p").as_deref(), Some("node_modules/@scope/p/index.json"));
        assert_eq!(found(&dir, "", "m/lib/main").as_deref(), Some("node_modules/m/lib/main.js"));
        assert_eq!(found(&dir, "", "q").as_deref(), Some("node_modules/q/dist/index.js"));
        assert_eq!(found(&dir, "", "absent"), None);
    }

    #[test]
    fn nested_node_modules_win_over_outer_ones() {
        let dir = project(&[
            ("node_modules/dep/index.js", ""),
            ("node_modules/user/node_modules/dep/index.js", ""),
            ("node_modules/user/index.js", ""),
        ]);
        assert_eq!(found(&dir, "node_modules/user", "dep").as_deref(), Some("node_modules/user/node_modules/dep/index.js"));
    }

    #[test]
    fn exports_conditions_in_the_maps_own_order() {
        let dir = project(&[
            (
                "node_modules/c/package.json",
                r#"{"main": "main.js", "exports": {".": {"import": "./esm.mjs", "node": {"require": "./node-cjs.js", "default": "./node.js"}, "default": "./default.js"}, "./feature": [{"worker": "./w.js"}, "./feature.js"], "./hidden": null, "./package.json": "./package.json"}}"#,
            ),
            ("node_modules/c/node-cjs.js", ""),
            ("node_modules/c/feature.js", ""),
            ("node_modules/c/main.js", ""),
            ("node_modules/d/package.json", r#"{"exports": "./only.js"}"#),
            ("node_modules/d/only.js", ""),
            ("node_modules/e/package.json", r#"{"exports": {"import": "./e.mjs", "require": "./e.cjs"}}"#),
            ("node_modules/e/e.cjs", ""),
        ]);
        assert_eq!(found(&dir, "", "c").as_deref(), Some("node_modules/c/node-cjs.js"));
        assert_eq!(found(&dir, "", "c/feature").as_deref(), Some("node_modules/c/feature.js"));
        assert_eq!(found(&dir, "", "c/package.json").as_deref(), Some("node_modules/c/package.json"));
        assert!(matches!(resolved(&dir, "", "c/hidden"), Err(ResolveError::NotExported { .. })));
        // With exports present, files that are not exported cannot be reached.
        let err = resolved(&dir, "", "c/main.js").unwrap_err().to_string();
        assert!(err.starts_with("Package subpath './main.js' is not defined by \"exports\" in "), "{err}");
        assert_eq!(found(&dir, "", "d").as_deref(), Some("node_modules/d/only.js"));
        assert_eq!(found(&dir, "", "e").as_deref(), Some("node_modules/e/e.cjs"));
    }

    #[test]
    fn exports_patterns_pick_the_longest_prefix() {
        let dir = project(&[
            (
                "node_modules/p/package.json",
                r#"{"exports": {"./*": "./lib/*.js", "./utils/*": {"require": "./cjs/utils/*.js"}, "./private/*": null, "./data/*.json": "./data/*.json"}}"#,
            ),
            ("node_modules/p/lib/a.js", ""),
            ("node_modules/p/lib/deep/b.js", ""),
            ("node_modules/p/cjs/utils/u.js", ""),
            ("node_modules/p/data/x.json", "{}"),
        ]);
        assert_eq!(found(&dir, "", "p/a").as_deref(), Some("node_modules/p/lib/a.js"));
        assert_eq!(found(&dir, "", "p/deep/b").as_deref(), Some("node_modules/p/lib/deep/b.js"));
        assert_eq!(found(&dir, "", "p/utils/u").as_deref(), Some("node_modules/p/cjs/utils/u.js"));
        assert_eq!(found(&dir, "", "p/data/x.json").as_deref(), Some("node_modules/p/data/x.json"));
        assert!(matches!(resolved(&dir, "", "p/private/k"), Err(ResolveError::NotExported { .. })));
        assert!(matches!(resolved(&dir, "", "p/missing"), Err(ResolveError::MissingTarget { .. })));
    }

    #[test]
    fn a_package_requires_itself_by_name() {
        let dir = project(&[
            ("package.json", r#"{"name": "@me/app", "exports": {".": "./index.js", "./tools": "./src/tools.js"}}"#),
            ("index.js", ""),
            ("src/tools.js", ""),
        ]);
        assert_eq!(found(&dir, "src", "@me/app").as_deref(), Some("index.js"));
        assert_eq!(found(&dir, "src", "@me/app/tools").as_deref(), Some("src/tools.js"));
    }

    #[test]
    fn package_imports() {
        let dir = project(&[
            ("package.json", r##"{"imports": {"#config": {"node": "./config/node.js"}, "#lib/*": "./lib/*.js", "#dep": "dep"}}"##),
            ("config/node.js", ""),
            ("lib/x.js", ""),
            ("node_modules/dep/index.js", ""),
        ]);
        assert_eq!(found(&dir, "lib", "#config").as_deref(), Some("config/node.js"));
        assert_eq!(found(&dir, "", "#lib/x").as_deref(), Some("lib/x.js"));
        assert_eq!(found(&dir, "", "#dep").as_deref(), Some("node_modules/dep/index.js"));
        assert!(matches!(resolved(&dir, "", "#nope"), Err(ResolveError::NotImported { .. })));
    }

    #[test]
    fn broken_package_json_is_an_error_with_its_position() {
        let dir = project(&[("node_modules/bad/package.json", "{\n  \"main\": \"x.js\",,\n}"), ("node_modules/bad/x.js", "")]);
        match resolved(&dir, "", "bad") {
            Err(ResolveError::InvalidManifest { line, .. }) => assert_eq!(line, 2),
            other => panic!("expected an invalid manifest error, got {other:?}"),
        }
    }

    #[cfg(unix)]
    #[test]
    fn symlinked_packages_resolve_to_their_real_path() {
        let dir = project(&[("packages/lib/index.js", "")]);
        fs::create_dir_all(dir.path().join("node_modules")).unwrap();
        std::os::unix::fs::symlink(dir.path().join("packages/lib"), dir.path().join("node_modules/lib")).unwrap();
        assert_eq!(found(&dir, "", "lib").as_deref(), Some("packages/lib/index.js"));
    }

    #[test]
    fn package_specifiers_split_into_name_and_subpath() {
        assert_eq!(split_package_specifier("a"), Some(("a", "")));
        assert_eq!(split_package_specifier("a/b/c"), Some(("a", "/b/c")));
        assert_eq!(split_package_specifier("@s/a/b"), Some(("@s/a", "/b")));
        assert_eq!(split_package_specifier("@s"), None);
    }
}
