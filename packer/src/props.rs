//! Property tests of resolution, transformation and the whole walk on generated input: random
//! package.json shapes (`exports`/`imports` of every JSON type, nested conditions, arrays,
//! nulls, `*` patterns, a package exporting through its own name), random and broken sources,
//! import cycles, deep trees and unreadable files. Each must end in a result or an error with
//! a message, never a panic or a hang.
//!
//! `cargo test` runs a bounded number of cases (seconds). For a longer run:
//!
//! ```text
//! PROPTEST_CASES=5000 cargo test --release -p packer props::
//! ```

use std::path::Path;

use proptest::prelude::*;
use serde_json::{json, Map, Value};

use crate::graph;
use crate::resolve::{Resolved, Resolver};
use crate::transform::{transform, Dialect, Options};

/// `PROPTEST_CASES` when set, else `default`: quick by default, as long as wanted on request.
fn config(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|cases| cases.parse().ok()).unwrap_or(default);
    ProptestConfig { cases, failure_persistence: None, ..ProptestConfig::default() }
}

/// Strings as they appear in `exports` targets and keys, valid or not.
fn path_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            ".", "./", "./a.js", "./a", "./lib/*.js", "./lib/*", "./*", "*", "", "../outside.js", "/abs.js", "p", "p/a",
            "./node_modules/q/index.js", "#x", "#a/*", "./lib/x.js", "./dir", "./a/*/b/*.js", "./é.js", "./lib/y.json",
            "require", "import", "node", "default", "./package.json",
        ])
        .prop_map(str::to_owned),
        "[./#a-z*é]{0,10}",
    ]
}

fn json_leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(|number| json!(number)),
        Just(json!(1.5e300)),
        path_text().prop_map(Value::String),
    ]
}

/// Any JSON value, weighted towards the shapes `exports` takes.
fn json_value() -> impl Strategy<Value = Value> {
    json_leaf().prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((path_text(), inner), 0..5).prop_map(|pairs| Value::Object(pairs.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

fn manifest() -> impl Strategy<Value = Value> {
    (json_value(), json_value(), json_value(), prop::option::of(json_value())).prop_map(|(exports, imports, main, name)| {
        let mut manifest = json!({ "exports": exports, "imports": imports, "main": main });
        // Usually named `p`, so the package can require itself through its own exports.
        manifest["name"] = name.unwrap_or(json!("p"));
        manifest
    })
}

const FILES: &[&str] = &["a.js", "index.js", "lib/x.js", "lib/y.json", "dir/index.js", "a/1/b/2.js"];

fn write(root: &Path, relative: &str, content: &[u8]) {
    let path = root.join(relative);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

/// A project with the package `p` in node_modules and, as its own root, another package.
fn project_with(package: &Value, root_manifest: &Value) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "package.json", root_manifest.to_string().as_bytes());
    write(dir.path(), "node_modules/p/package.json", package.to_string().as_bytes());
    for file in FILES {
        write(dir.path(), &format!("node_modules/p/{file}"), b"");
        write(dir.path(), file, b"");
    }
    dir
}

proptest! {
    #![proptest_config(config(96))]

    #[test]
    fn resolution_of_any_manifest_ends_in_a_file_nothing_or_an_error(
        package in manifest(),
        root_manifest in manifest(),
        extra in path_text(),
    ) {
        let dir = project_with(&package, &root_manifest);
        let mut resolver = Resolver::default();
        let specifiers = ["p", "p/a", "p/lib/x", "p/lib/x.js", "p/a/1/b/2", "p/package.json", "#x", "#a/b", "./a", "..", "p/é"];
        let from_dirs = [dir.path().to_path_buf(), dir.path().join("lib"), dir.path().join("node_modules/p/lib")];
        for from in &from_dirs {
            for specifier in specifiers.iter().copied().chain([extra.as_str(), &format!("p/{extra}")]) {
                match resolver.resolve(specifier, from) {
                    Ok(Some(Resolved::File(file))) => prop_assert!(file.is_file(), "{specifier} -> {file:?} is not a file"),
                    Ok(_) => {}
                    Err(err) => prop_assert!(!err.to_string().is_empty()),
                }
            }
        }
    }
}

/// Tokens that make up plausible and implausible modules.
fn source() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        prop::sample::select(vec![
            "import ", "export ", "default ", "from ", "'./a'", "\"b\"", "require(", "require.resolve(", "import(", ")", "(", "{", "}",
            "[", "]", ";", ",", "\n", "`${", "`", "__dirname", "__filename", " + ", "path.join(", "new URL(", "import.meta.url",
            "const x = ", "async ", "await ", "=> ", "class ", "#!", "/*", "*/", "//", "try {", "} catch {", "return ", "'\\u{d800}'",
            "x", "1", "as ", "type ", "<div>", "</div>", "\u{2028}", "\u{feff}", "é", "\\", "\"", "'",
        ])
        .prop_map(str::to_owned),
        "\\PC{0,6}",
    ];
    prop::collection::vec(token, 0..40).prop_map(|tokens| tokens.concat())
}

proptest! {
    #![proptest_config(config(160))]

    #[test]
    fn transforming_any_source_gives_code_or_a_located_error(text in source(), minify in any::<bool>(), dialect in 0..3u8) {
        let dialect = [Dialect::JavaScript, Dialect::TypeScript, Dialect::Tsx][dialect as usize];
        match transform("t.js", &text, dialect, &Options { minify }) {
            Ok(output) => prop_assert!(output.requires.iter().all(|found| found.location.line >= 1)),
            Err(diagnostic) => {
                prop_assert!(!diagnostic.message.is_empty());
                prop_assert!(diagnostic.location.is_some());
            }
        }
    }
}

/// One generated module: what it requires (by index into the project's files) and whether
/// its bytes are broken.
#[derive(Debug, Clone)]
struct GeneratedModule {
    requires: Vec<usize>,
    garbage: Option<Vec<u8>>,
    esm: bool,
}

fn generated_module() -> impl Strategy<Value = GeneratedModule> {
    let garbage = prop::option::weighted(0.15, prop::collection::vec(any::<u8>(), 0..30));
    (prop::collection::vec(0..8usize, 0..4), garbage, any::<bool>())
        .prop_map(|(requires, garbage, esm)| GeneratedModule { requires, garbage, esm })
}

/// The files of generated projects: nested, so requires go up and down.
const MODULE_PATHS: &[&str] = &["index.js", "a.js", "lib/b.js", "lib/deep/c.mjs", "d.cjs", "data.json", "lib/e", "node_modules/p/index.js"];

fn relative_specifier(from: &str, to: &str) -> String {
    let ups = from.matches('/').count();
    let to = to.strip_prefix("node_modules/").map(|package| package.split('/').next().unwrap_or(package)).unwrap_or(to);
    if !to.contains('.') && !to.contains('/') && to == "p" {
        return "p".to_owned();
    }
    if ups == 0 {
        format!("./{to}")
    } else {
        format!("{}{to}", "../".repeat(ups))
    }
}

proptest! {
    #![proptest_config(config(48))]

    #[test]
    fn walking_any_project_gives_a_graph_or_errors_with_messages(
        modules in prop::collection::vec(generated_module(), MODULE_PATHS.len()),
        package in manifest(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "node_modules/p/package.json", package.to_string().as_bytes());
        for (path, module) in MODULE_PATHS.iter().zip(&modules) {
            let content = match (&module.garbage, *path) {
                (Some(bytes), _) => bytes.clone(),
                (None, "data.json") => b"{\"k\": [1, 2]}".to_vec(),
                (None, _) => module
                    .requires
                    .iter()
                    .map(|&target| {
                        let specifier = relative_specifier(path, MODULE_PATHS[target]);
                        if module.esm { format!("import '{specifier}';\n") } else { format!("require('{specifier}');\n") }
                    })
                    .collect::<String>()
                    .into_bytes(),
            };
            write(dir.path(), path, &content);
        }
        let walk = graph::walk(&dir.path().join("index.js"), Options::default(), &[]);
        match walk.graph {
            Ok(graph) => prop_assert!(graph.len() >= 1),
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                prop_assert!(errors.iter().all(|error| !error.message.is_empty()));
            }
        }
    }
}

#[test]
fn a_very_deep_tree_with_a_cycle_walks() {
    let dir = tempfile::tempdir().unwrap();
    let depth = 120;
    let mut relative = String::new();
    for level in 0..depth {
        let next = if level + 1 < depth { "./d/m.js".to_owned() } else { "../".repeat(depth - 1) + "m.js" };
        write(dir.path(), &format!("{relative}m.js"), format!("require('{next}');\n").as_bytes());
        relative.push_str("d/");
    }
    let walk = graph::walk(&dir.path().join("m.js"), Options::default(), &[]);
    let graph = walk.graph.unwrap_or_else(|errors| panic!("{errors:?}"));
    assert_eq!(graph.len(), depth);
}

#[test]
fn non_utf8_and_unreadable_modules_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "index.js", b"require('./latin1'); require('./locked');\n");
    write(dir.path(), "latin1.js", b"// caf\xe9\n");
    write(dir.path(), "locked.js", b"");
    let locked = dir.path().join("locked.js");
    let unreadable = make_unreadable(&locked);
    let walk = graph::walk(&dir.path().join("index.js"), Options::default(), &[]);
    let errors = walk.graph.err().expect("the walk must fail");
    assert!(errors.iter().any(|error| error.message.starts_with("not UTF-8 text")), "{errors:?}");
    if unreadable {
        assert!(errors.iter().any(|error| error.message.starts_with("cannot read 'locked.js'")), "{errors:?}");
    }
}

#[test]
fn an_unreadable_package_json_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "node_modules/p/package.json", b"{\"main\": \"x.js\"}");
    write(dir.path(), "node_modules/p/x.js", b"");
    make_unreadable(&dir.path().join("node_modules/p/package.json"));
    let mut resolver = Resolver::default();
    // Unreadable, it counts as absent, as in Node: index.js is then looked for.
    assert!(matches!(resolver.resolve("p", dir.path()), Ok(None) | Ok(Some(_)) | Err(_)));
}

/// Mode 000; false when that does not stop reading (running as root).
fn make_unreadable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o000)).unwrap();
        std::fs::read(path).is_err()
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Found by the walk property: an entry requiring itself made the "required by" chain of a
/// later error loop forever.
#[test]
fn an_entry_that_requires_itself_reports_errors() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "index.js", b"require('./index.js'); require('./missing');\n");
    let errors = graph::walk(&dir.path().join("index.js"), Options::default(), &[]).graph.err().expect("must fail");
    assert_eq!(errors[0].message, "Cannot find module './missing'");
}

/// Found by the resolution property: `imports` mapping to a directory is not a module.
#[test]
fn package_imports_of_a_directory_find_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "package.json", br##"{"imports": {"#x": "./dir"}}"##);
    write(dir.path(), "dir/index.js", b"");
    assert_eq!(Resolver::default().resolve("#x", dir.path()), Ok(None));
}
