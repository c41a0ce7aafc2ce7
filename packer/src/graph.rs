//! The module graph: every file reachable from the entry through literal `require` calls,
//! with each module's specifier -> target table, and the project root their keys hang off.
//!
//! The walk collects every problem it meets and reports them together; a graph with errors
//! produces no binary.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use payload::{Asset, Bundle, Module, ModuleKind};

use crate::asset_refs::{AssetRef, MODULE_DIR};
use crate::assets;
use crate::diagnostics::{Diagnostic, Location};
use crate::resolve::{ResolveError, Resolved, Resolver};
use crate::transform::{transform, Dialect, Options, Output};

pub struct Graph {
    /// Files declared with `--include` or package.json `"pack.assets"`, embedded as they are.
    assets: BTreeMap<PathBuf, Vec<u8>>,
    /// The directory module keys are relative to: the nearest directory holding a package.json
    /// at or above the entry (else the entry's directory), widened to hold every module.
    pub root: PathBuf,
    pub entry: PathBuf,
    minified: bool,
    modules: BTreeMap<PathBuf, GraphModule>,
    /// One line per file reference that embedded assets: what was added and why.
    pub detected: Vec<String>,
}

struct GraphModule {
    kind: ModuleKind,
    source: String,
    source_map: Option<String>,
    dependencies: Vec<(String, Dependency)>,
}

/// What a specifier leads to at run time.
enum Dependency {
    Found(Resolved),
    /// An optional require that Node would refuse with this error code and message; the
    /// runtime throws the same error.
    Throws { code: &'static str, message: String },
    /// `require.resolve` of a file that is not a module: embedded as an asset.
    Asset(PathBuf),
}

/// The outcome of a walk: a graph, or the errors that prevent one; warnings either way.
pub struct Walk {
    pub graph: Result<Graph, Vec<Diagnostic>>,
    pub warnings: Vec<Diagnostic>,
}

pub fn walk(entry: &Path, options: Options, includes: &[String]) -> Walk {
    let mut walker = Walker { options, ..Walker::default() };
    let graph = walker.run(entry, includes);
    Walk { graph, warnings: walker.warnings }
}

#[derive(Default)]
struct Walker {
    options: Options,
    display_root: PathBuf,
    resolver: Resolver,
    modules: BTreeMap<PathBuf, GraphModule>,
    /// Who first required each file, to show the chain back to the entry.
    required_by: HashMap<PathBuf, PathBuf>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
    /// Files found by asset detection, embedded beside the declared assets.
    detected_assets: BTreeSet<PathBuf>,
    /// Why files were detected: the expression and place, and the files it named.
    detected_origins: Vec<(String, Vec<PathBuf>)>,
    /// Modules with a `require(expression)`: declared packages are made reachable by name there.
    computed_requirers: BTreeSet<PathBuf>,
}

impl Walker {
    fn run(&mut self, entry: &Path, includes: &[String]) -> Result<Graph, Vec<Diagnostic>> {
        let entry = match entry.canonicalize() {
            Ok(entry) if entry.is_file() => entry,
            Ok(_) => return Err(vec![Diagnostic::error(format!("entry '{}' is not a file", entry.display()))]),
            Err(err) => return Err(vec![Diagnostic::error(format!("cannot read entry '{}': {err}", entry.display()))]),
        };
        self.display_root = project_root(&entry);
        let declared = assets::declared_files(&self.display_root, includes, &mut self.warnings).map_err(|error| vec![error])?;

        // Breadth first, one wave of newly found files at a time: the files of a wave are read
        // and transformed in parallel, then taken in queue order, so the graph, the warnings and
        // their order are those of a one-by-one walk.
        let mut wave: Vec<PathBuf> = std::iter::once(entry.clone()).chain(declared.scripts.iter().cloned()).collect();
        while !wave.is_empty() {
            let pending: Vec<&PathBuf> = wave.iter().filter(|file| !self.modules.contains_key(*file)).collect();
            let mut prepared = prepare_all(&pending, &self.display_root, &self.options);
            let mut next = Vec::new();
            for file in &wave {
                if self.modules.contains_key(file) {
                    continue;
                }
                // A file listed twice whose first load failed is tried again, as one by one.
                let ready = prepared.remove(file).unwrap_or_else(|| prepare(file, &self.display_root, &self.options));
                let Some(module) = self.load(file, ready) else { continue };
                for (_, target) in &module.dependencies {
                    if let Dependency::Found(Resolved::File(dependency)) = target {
                        let known = self.modules.contains_key(dependency) || self.required_by.contains_key(dependency);
                        if !known && dependency != file {
                            self.required_by.insert(dependency.clone(), file.clone());
                            next.push(dependency.clone());
                        }
                    }
                }
                self.modules.insert(file.clone(), module);
            }
            wave = next;
        }
        if !self.errors.is_empty() {
            return Err(std::mem::take(&mut self.errors));
        }
        self.link_declared_packages(&declared.scripts);
        let detected = std::mem::take(&mut self.detected_assets);
        let mut assets = BTreeMap::new();
        let all_assets = declared.assets.into_iter().chain(detected);
        for file in all_assets.filter(|file| !self.modules.contains_key(file)) {
            match std::fs::read(&file) {
                Ok(bytes) => {
                    assets.insert(file, bytes);
                }
                Err(err) => self.errors.push(Diagnostic::error(format!("cannot read asset '{}': {err}", self.display(&file)))),
            }
        }
        if !self.errors.is_empty() {
            return Err(std::mem::take(&mut self.errors));
        }
        let files = self.modules.keys().chain(assets.keys());
        let root = files.fold(self.display_root.clone(), |root, file| common_ancestor(&root, file));
        let detected = self.detected_summary();
        Ok(Graph { root, entry, minified: self.options.minify, modules: std::mem::take(&mut self.modules), assets, detected })
    }

    /// Takes in one prepared file: its dependencies resolved, its asset references followed.
    /// Problems are recorded and the module left out.
    fn load(&mut self, file: &Path, prepared: Prepared) -> Option<GraphModule> {
        let output = match prepared {
            Prepared::Json(source) => {
                return Some(GraphModule { kind: ModuleKind::Json, source, source_map: None, dependencies: Vec::new() })
            }
            Prepared::Script(output) => output,
            Prepared::Failed(diagnostic) => {
                self.errors.push(diagnostic);
                return None;
            }
        };
        let from_dir = file.parent().unwrap_or(Path::new("/"));
        for found in &output.asset_refs {
            self.detect_assets(found, file);
        }
        let mut dependencies = BTreeMap::new();
        for require in output.requires {
            let Some(specifier) = require.specifier else {
                self.computed_requirers.insert(file.to_path_buf());
                self.warnings.push(
                    Diagnostic::warning("require() of a computed name is not followed; what it loads at run time must already be in the bundle")
                        .at(require.location)
                        .help("require the files it may load with literal names somewhere in the app"),
                );
                continue;
            };
            match self.resolver.resolve(&specifier, from_dir) {
                Ok(Some(Resolved::File(target))) if require.resolve_only && !assets::is_script(&target) => {
                    let origin = format!("require.resolve('{specifier}') in {}:{}", require.location.file, require.location.line);
                    self.detected_origins.push((origin, vec![target.clone()]));
                    self.detected_assets.insert(target.clone());
                    dependencies.insert(specifier, Dependency::Asset(target));
                }
                Ok(Some(target)) => {
                    dependencies.insert(specifier, Dependency::Found(target));
                }
                Ok(None) if require.optional => self.warnings.push(
                    Diagnostic::warning(format!("Cannot find module '{specifier}' (inside try: left out; require() will throw at run time)"))
                        .at(require.location),
                ),
                Ok(None) => {
                    let diagnostic = Diagnostic::error(format!("Cannot find module '{specifier}'")).at(require.location);
                    self.errors.push(self.with_chain(diagnostic, file).help(hint(&specifier)));
                }
                Err(ResolveError::InvalidManifest { path, message, line, column }) => {
                    let source_line = std::fs::read_to_string(&path)
                        .ok()
                        .and_then(|text| text.lines().nth(line.saturating_sub(1)).map(str::to_owned))
                        .unwrap_or_default();
                    let at = Location { file: self.display(&path), line, column, source_line };
                    let diagnostic = Diagnostic::error(format!("invalid package.json: {message}"))
                        .at(at)
                        .note(format!("read while resolving '{specifier}' from {}:{}", require.location.file, require.location.line));
                    self.errors.push(self.with_chain(diagnostic, file));
                }
                Err(err) => {
                    let message = self.describe(&err);
                    if require.optional {
                        self.warnings.push(Diagnostic::warning(format!("{message} (inside try: left out)")).at(require.location));
                        if let Some(code) = node_error_code(&err) {
                            dependencies.insert(specifier, Dependency::Throws { code, message });
                        }
                    } else {
                        let diagnostic = Diagnostic::error(message).at(require.location);
                        self.errors.push(self.with_chain(diagnostic, file));
                    }
                }
            }
        }
        Some(GraphModule {
            kind: ModuleKind::Script,
            source: output.code,
            source_map: output.source_map,
            dependencies: dependencies.into_iter().collect(),
        })
    }

    /// Embeds what one file reference found by [`crate::asset_refs`] names: the file, or every
    /// file of the directory. Paths that do not exist are left alone (the app may create them);
    /// the module's own directory and those above it are code, not data.
    fn detect_assets(&mut self, found: &AssetRef, module: &Path) {
        let module_dir = module.parent().unwrap_or(Path::new("/"));
        let at = format!("{}:{}", found.location.file, found.location.line);
        let Some(path) = &found.path else {
            self.warnings.push(unresolved_reference(found, module_dir, &self.display_root));
            return;
        };
        let target = normalize(&path.replacen(MODULE_DIR, &module_dir.to_string_lossy(), 1));
        let Ok(target) = target.canonicalize() else { return };
        if module_dir.starts_with(&target) {
            return;
        }
        let package_dir = project_root(module);
        if !target.starts_with(&self.display_root) && !target.starts_with(&package_dir) {
            self.warnings.push(
                Diagnostic::warning(format!("{} names '{}', outside the project: not embedded", found.text, target.display()))
                    .at(found.location.clone()),
            );
            return;
        }
        let mut files = Vec::new();
        collect_asset_files(&target, &mut files);
        if files.len() > MAX_DETECTED_FILES {
            self.warnings.push(
                Diagnostic::warning(format!("{} names a directory of {} files: not embedded", found.text, files.len()))
                    .at(found.location.clone())
                    .help("embed what the app needs with --include GLOB"),
            );
            return;
        }
        if files.is_empty() {
            return;
        }
        self.detected_assets.extend(files.iter().cloned());
        self.detected_origins.push((format!("{} in {at}", found.text), files));
    }

    /// One summary line per detected reference, counting the files it added that are not
    /// modules already (a directory of scripts adds nothing).
    fn detected_summary(&self) -> Vec<String> {
        let mut lines = Vec::new();
        for (origin, files) in &self.detected_origins {
            let count = files.iter().filter(|file| !self.modules.contains_key(*file)).count();
            if count > 0 {
                let plural = if count == 1 { "" } else { "s" };
                lines.push(format!("assets: {count} file{plural} from {origin}"));
            }
        }
        lines
    }

    /// Makes packages whose files were declared (`--include`, `"pack.scripts"`) loadable by
    /// name from each module with a `require(expression)`: the runtime only resolves relative
    /// paths by itself, so `require(pluginName)` needs the name in the module's table. Each
    /// name is resolved from the requiring module, as Node would at run time.
    fn link_declared_packages(&mut self, declared_scripts: &[PathBuf]) {
        let specifiers: BTreeSet<String> = declared_scripts.iter().flat_map(|file| package_specifiers(file)).collect();
        if specifiers.is_empty() {
            return;
        }
        for requirer in std::mem::take(&mut self.computed_requirers) {
            let from_dir = requirer.parent().unwrap_or(Path::new("/")).to_path_buf();
            let mut added = Vec::new();
            for specifier in &specifiers {
                if let Ok(Some(Resolved::File(target))) = self.resolver.resolve(specifier, &from_dir) {
                    if self.modules.contains_key(&target) {
                        added.push((specifier.clone(), Dependency::Found(Resolved::File(target))));
                    }
                }
            }
            let Some(module) = self.modules.get_mut(&requirer) else { continue };
            for (specifier, target) in added {
                if !module.dependencies.iter().any(|(known, _)| *known == specifier) {
                    module.dependencies.push((specifier, target));
                }
            }
            module.dependencies.sort_by(|a, b| a.0.cmp(&b.0));
        }
    }

    /// Adds "required by ..." notes from `file` back to the entry.
    fn with_chain(&self, mut diagnostic: Diagnostic, file: &Path) -> Diagnostic {
        let mut current = file;
        let mut seen = std::collections::HashSet::new();
        // A module that requires itself (the entry can) must not loop the chain.
        while let Some(parent) = self.required_by.get(current).filter(|_| seen.insert(current)) {
            diagnostic = diagnostic.note(format!("{} is required by {}", self.display(current), self.display(parent)));
            current = parent;
        }
        diagnostic
    }

    /// A resolution error with its paths shown relative to the project.
    fn describe(&self, err: &ResolveError) -> String {
        match err {
            ResolveError::NotExported { subpath, manifest } => {
                format!("Package subpath '{subpath}' is not defined by \"exports\" in {}", self.display(manifest))
            }
            ResolveError::NotImported { specifier, manifest } => {
                format!("Package import specifier '{specifier}' is not defined in {}", self.display(manifest))
            }
            ResolveError::MissingTarget { subpath, target, manifest } => format!(
                "the \"exports\" of {} map '{subpath}' to {}, which does not exist",
                self.display(manifest),
                self.display(target)
            ),
            ResolveError::InvalidManifest { .. } => err.to_string(),
        }
    }

    fn display(&self, file: &Path) -> String {
        relative_key(&self.display_root, file)
    }
}

/// One file read and transformed, before its dependencies are resolved: the part of loading
/// that needs nothing from the rest of the walk, so files can be prepared in parallel.
enum Prepared {
    Json(String),
    Script(Output),
    Failed(Diagnostic),
}

/// swc's parser and passes recurse as deep as the code nests: give each worker the stack a
/// main thread usually has (Rust's default for new threads is 2 MiB).
const WORKER_STACK: usize = 8 << 20;

/// Prepares `files` across the machine's cores, each file once. Workers take the next file
/// from a shared counter, so a slow file does not hold up a fixed share of the others.
fn prepare_all(files: &[&PathBuf], display_root: &Path, options: &Options) -> HashMap<PathBuf, Prepared> {
    let unique: Vec<&PathBuf> = files.iter().copied().collect::<BTreeSet<_>>().into_iter().collect();
    let threads = std::thread::available_parallelism().map_or(1, |count| count.get()).min(unique.len());
    let prepare_one = |file: &PathBuf| ((*file).clone(), prepare(file, display_root, options));
    if threads <= 1 {
        return unique.into_iter().map(prepare_one).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        while let Some(file) = unique.get(next.fetch_add(1, Ordering::Relaxed)) {
            done.push(prepare_one(file));
        }
        done
    };
    std::thread::scope(|scope| {
        let spawn = || std::thread::Builder::new().stack_size(WORKER_STACK).spawn_scoped(scope, work).expect("cannot start a thread");
        let workers: Vec<_> = (0..threads).map(|_| spawn()).collect();
        workers.into_iter().flat_map(|worker| worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

/// Reads one file and checks it (JSON) or transforms it (scripts).
fn prepare(file: &Path, display_root: &Path, options: &Options) -> Prepared {
    let display = relative_key(display_root, file);
    let bytes = match std::fs::read(file) {
        Ok(bytes) => bytes,
        Err(err) => return Prepared::Failed(Diagnostic::error(format!("cannot read '{display}': {err}"))),
    };
    let source = match String::from_utf8(bytes) {
        Ok(source) => source,
        Err(err) => return Prepared::Failed(not_utf8(display, err.as_bytes(), err.utf8_error().valid_up_to())),
    };
    if file.extension().is_some_and(|extension| extension == "json") {
        if let Err(err) = serde_json::from_str::<serde_json::Value>(&mask_surrogate_escapes(&source)) {
            let line = source.lines().nth(err.line().saturating_sub(1)).unwrap_or_default().to_owned();
            let at = Location { file: display, line: err.line(), column: err.column(), source_line: line };
            return Prepared::Failed(Diagnostic::error(format!("invalid JSON: {err}")).at(at));
        }
        return Prepared::Json(source);
    }
    // Node ignores a leading `#!` line; keep the line so line numbers stay true.
    let source = match source.strip_prefix("#!") {
        Some(rest) => format!("//{rest}"),
        None => source,
    };
    let dialect = Dialect::of(file.extension().and_then(|extension| extension.to_str()).unwrap_or_default());
    match transform(&display, &source, dialect, options) {
        Ok(output) => Prepared::Script(output),
        Err(diagnostic) => Prepared::Failed(diagnostic),
    }
}

/// More files than this under one detected directory is more likely a mistake than data.
const MAX_DETECTED_FILES: usize = 5000;

/// A file reference whose path is only known at run time.
fn unresolved_reference(found: &AssetRef, module_dir: &Path, root: &Path) -> Diagnostic {
    let directory = found
        .known_prefix
        .as_ref()
        .map(|prefix| normalize(&prefix.replacen(MODULE_DIR, &module_dir.to_string_lossy(), 1)))
        .filter(|dir| dir.is_dir() && !module_dir.starts_with(dir) && dir.starts_with(root));
    let help = match directory {
        Some(dir) => format!("if the app reads files there at run time, embed them with --include '{}/**'", relative_key(root, &dir)),
        None => "if the app reads files there at run time, embed them with --include GLOB".to_owned(),
    };
    Diagnostic::warning(format!("cannot tell which files {} names before run time", found.text)).at(found.location.clone()).help(help)
}

/// Every file at or under `path`, skipping `node_modules` (packages are found by `require`).
fn collect_asset_files(path: &Path, files: &mut Vec<PathBuf>) {
    if files.len() > MAX_DETECTED_FILES {
        return;
    }
    if path.is_file() {
        files.push(path.to_path_buf());
    } else if let Ok(entries) = std::fs::read_dir(path) {
        let mut entries: Vec<PathBuf> = entries.flatten().map(|entry| entry.path()).collect();
        entries.sort();
        for entry in entries {
            if entry.file_name().is_some_and(|name| name != "node_modules") {
                collect_asset_files(&entry, files);
            }
        }
    }
}

/// `a/b/../c/./d` -> `a/c/d`, without touching the disk.
fn normalize(path: &str) -> PathBuf {
    let mut out = PathBuf::new();
    for component in Path::new(path).components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// The names a declared file inside `node_modules` can be required by: `pkg`, `pkg/sub/file.js`
/// and `pkg/sub/file`.
fn package_specifiers(file: &Path) -> Vec<String> {
    let parts: Vec<String> = file.components().map(|part| part.as_os_str().to_string_lossy().into_owned()).collect();
    let Some(at) = parts.iter().rposition(|part| part == "node_modules") else { return Vec::new() };
    let rest = &parts[at + 1..];
    let name_len = if rest.first().is_some_and(|first| first.starts_with('@')) { 2 } else { 1 };
    if rest.len() <= name_len {
        return Vec::new();
    }
    let name = rest[..name_len].join("/");
    let subpath = rest[name_len..].join("/");
    let mut specifiers = vec![name.clone(), format!("{name}/{subpath}")];
    if let Some(stem) = Path::new(&subpath).extension().and_then(|_| subpath.rsplit_once('.')).map(|(stem, _)| stem) {
        specifiers.push(format!("{name}/{stem}"));
    }
    specifiers
}

/// The code Node gives the error `require` throws for a resolution failure, where it is not
/// MODULE_NOT_FOUND (which the runtime raises by itself for anything not in the bundle).
fn node_error_code(err: &ResolveError) -> Option<&'static str> {
    match err {
        ResolveError::NotExported { .. } => Some("ERR_PACKAGE_PATH_NOT_EXPORTED"),
        ResolveError::NotImported { .. } => Some("ERR_PACKAGE_IMPORT_NOT_DEFINED"),
        ResolveError::InvalidManifest { .. } => Some("ERR_INVALID_PACKAGE_CONFIG"),
        ResolveError::MissingTarget { .. } => None,
    }
}

/// JSON.parse accepts lone surrogate escapes (`"\ud800"`) where serde_json refuses them; such a
/// file is valid for Node, so for checking, every surrogate escape is masked as `\u0020`.
fn mask_surrogate_escapes(json: &str) -> std::borrow::Cow<'_, str> {
    if !json.contains("\\u") {
        return json.into();
    }
    let mut out = String::with_capacity(json.len());
    let mut rest = json;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = &rest[at..];
        let is_surrogate = escape.get(1..2) == Some("u")
            && escape.get(2..6).and_then(|hex| u16::from_str_radix(hex, 16).ok()).is_some_and(|unit| (0xd800..0xe000).contains(&unit));
        let taken = if is_surrogate {
            out.push_str("\\u0020");
            6
        } else {
            let len = escape[1..].chars().next().map_or(1, |next| 1 + next.len_utf8());
            out.push_str(&escape[..len]);
            len
        };
        rest = &escape[taken..];
    }
    out.push_str(rest);
    out.into()
}

/// A module that is not UTF-8 text, located at its first invalid byte.
fn not_utf8(display: String, bytes: &[u8], valid_up_to: usize) -> Diagnostic {
    let before = String::from_utf8_lossy(&bytes[..valid_up_to]);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |at| at + 1);
    let column = before[line_start..].chars().count() + 1;
    let source_line = before[line_start..].to_owned();
    Diagnostic::error(format!("not UTF-8 text (invalid byte 0x{:02x})", bytes[valid_up_to]))
        .at(Location { file: display, line, column, source_line })
        .help("JavaScript, TypeScript and JSON modules must be saved as UTF-8")
}

fn hint(specifier: &str) -> String {
    if specifier.starts_with('.') || specifier.starts_with('/') {
        "check the path; pack tries the name as written, then with .js, .json and .cjs, then as a directory".to_owned()
    } else {
        format!("install the package (npm install {specifier}) so it is in a node_modules directory above the requiring file")
    }
}

/// The nearest directory at or above the entry holding a package.json, else the entry's own.
fn project_root(entry: &Path) -> PathBuf {
    let dir = entry.parent().unwrap_or(Path::new("/"));
    dir.ancestors().find(|candidate| candidate.join("package.json").is_file()).unwrap_or(dir).to_path_buf()
}

fn common_ancestor(a: &Path, b: &Path) -> PathBuf {
    a.components().zip(b.components()).take_while(|(x, y)| x == y).map(|(x, _)| x).collect()
}

/// `file` relative to `root`, `/`-separated, with `..` where it lies outside.
fn relative_key(root: &Path, file: &Path) -> String {
    let common = common_ancestor(root, file);
    let ups = root.components().count() - common.components().count();
    let rest = file.components().skip(common.components().count()).filter_map(|part| match part {
        Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
        _ => None,
    });
    std::iter::repeat_n("..".to_owned(), ups).chain(rest).collect::<Vec<_>>().join("/")
}

impl Graph {
    pub fn len(&self) -> usize {
        self.modules.len()
    }

    pub fn asset_count(&self) -> usize {
        self.assets.len()
    }

    pub fn key(&self, file: &Path) -> String {
        relative_key(&self.root, file)
    }

    /// The graph as the payload stores it: keys relative to the root, sorted.
    pub fn to_bundle(&self) -> Bundle {
        let mut modules: Vec<Module> = self.modules.iter().map(|(file, module)| self.bundle_module(file, module)).collect();
        modules.sort_by(|a, b| a.key.cmp(&b.key));
        let mut assets: Vec<Asset> = self.assets.iter().map(|(file, bytes)| Asset { key: self.key(file), bytes: bytes.clone() }).collect();
        assets.sort_by(|a, b| a.key.cmp(&b.key));
        Bundle { entry: self.key(&self.entry), minified: self.minified, modules, assets }
    }

    fn bundle_module(&self, file: &Path, module: &GraphModule) -> Module {
        let mut bundled = Module::new(module.kind, self.key(file), module.source.clone());
        bundled.source_map = module.source_map.clone();
        bundled.dependencies = module
            .dependencies
            .iter()
            .map(|(specifier, target)| {
                let target = match target {
                    Dependency::Found(Resolved::Builtin(name)) => format!("node:{name}"),
                    Dependency::Found(Resolved::File(path)) | Dependency::Asset(path) => self.key(path),
                    Dependency::Throws { code, message } => format!("!{code} {message}"),
                };
                (specifier.clone(), target)
            })
            .collect();
        bundled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_relative_with_dotdot_outside() {
        assert_eq!(relative_key(Path::new("/p/app"), Path::new("/p/app/src/a.js")), "src/a.js");
        assert_eq!(relative_key(Path::new("/p/app"), Path::new("/p/lib/b.js")), "../lib/b.js");
    }

    #[test]
    fn surrogate_escapes_are_masked_for_checking_only() {
        assert_eq!(mask_surrogate_escapes(r#"{"a": "\ud900x\\ud800\n"}"#), r#"{"a": "\u0020x\\ud800\n"}"#);
        assert!(serde_json::from_str::<serde_json::Value>(&mask_surrogate_escapes(r#"["\udc00", "\ud83d\ude00"]"#)).is_ok());
    }

    #[test]
    fn declared_package_files_are_named_like_requires() {
        assert_eq!(package_specifiers(Path::new("/p/node_modules/plug-a/index.js")), ["plug-a", "plug-a/index.js", "plug-a/index"]);
        assert_eq!(package_specifiers(Path::new("/p/node_modules/@s/x/lib/y.cjs")), ["@s/x", "@s/x/lib/y.cjs", "@s/x/lib/y"]);
        assert!(package_specifiers(Path::new("/p/plugins/a.js")).is_empty());
    }

    #[test]
    fn paths_normalize_lexically() {
        assert_eq!(normalize("/a/b/../c/./d"), PathBuf::from("/a/c/d"));
    }

    fn write_project(files: &[(String, String)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("package.json"), "{}").unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    #[test]
    fn parallel_walk_reports_in_one_by_one_order() {
        let names: Vec<String> = (0..12).map(|index| format!("m{index:02}")).collect();
        let mut files = Vec::new();
        let entry = names.iter().map(|name| format!("require('./{name}');\n")).collect::<String>();
        files.push(("main.js".to_owned(), entry));
        for name in &names {
            // Files of very different sizes, so workers finish them out of order.
            let padding = "var x = 1;\n".repeat(if name.ends_with('0') { 20000 } else { 1 });
            files.push((format!("{name}.js"), format!("{padding}require(someName);\nrequire('./missing-{name}');\n")));
        }
        let dir = write_project(&files);
        let walk = walk(&dir.path().join("main.js"), Options::default(), &[]);
        let warned: Vec<String> = walk.warnings.iter().map(|warning| warning.location.as_ref().unwrap().file.clone()).collect();
        let errors: Vec<String> = walk.graph.err().unwrap().iter().map(|error| error.message.clone()).collect();
        assert_eq!(warned, names.iter().map(|name| format!("{name}.js")).collect::<Vec<_>>());
        assert_eq!(errors, names.iter().map(|name| format!("Cannot find module './missing-{name}'")).collect::<Vec<_>>());
    }

    #[test]
    fn deeply_nested_modules_transform_on_worker_threads() {
        let nested = format!("export default {}{};\n", "[".repeat(3000), "]".repeat(3000));
        let dir = write_project(&[
            ("main.js".to_owned(), "require('./a.mjs');\nrequire('./b.mjs');\n".to_owned()),
            ("a.mjs".to_owned(), nested.clone()),
            ("b.mjs".to_owned(), nested),
        ]);
        let graph = walk(&dir.path().join("main.js"), Options::default(), &[]).graph.unwrap_or_else(|_| panic!("walk failed"));
        assert_eq!(graph.len(), 3);
    }

    #[test]
    fn common_ancestor_of_paths() {
        assert_eq!(common_ancestor(Path::new("/p/app"), Path::new("/p/lib/x.js")), PathBuf::from("/p"));
    }
}
