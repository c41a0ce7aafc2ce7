//! Pack every app under `tests/fixtures/<case>/`, run it both as a built executable and with
//! `pack run`, and compare with the case's `test.json`:
//!
//! ```json
//! { "entry": "index.js", "args": ["x"], "build_args": ["--minify"], "status": 0, "stdout": "...", "stderr": "..." }
//! ```
//!
//! `entry` defaults to `index.js`, `args` to none, `status` to 0, `stderr` to empty. In the
//! expected texts `[ROOT]` stands for the directory the app sees as its root (the executable's
//! own path in a built executable, the project directory under `pack run`) and `[WILDCARD]` for any text.
//! Adding a case means adding a directory and one line to the list at the bottom.

mod support;

use std::path::Path;

use support::{assert_matches, pack, run_with_timeout, text, Project};

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Expectation {
    #[serde(default = "default_entry")]
    entry: String,
    #[serde(default)]
    args: Vec<String>,
    /// Extra `pack build` flags (`pack run` does not take them).
    #[serde(default)]
    build_args: Vec<String>,
    #[serde(default)]
    status: i32,
    stdout: String,
    #[serde(default)]
    stderr: String,
}

fn default_entry() -> String {
    "index.js".into()
}

fn copy_fixture(case: &str) -> (Project, Expectation) {
    let source = support::repo_root().join("tests/fixtures").join(case);
    let project = Project::new(&[]);
    copy_dir(&source, project.dir.path());
    let expectation = std::fs::read_to_string(source.join("test.json")).expect("test.json");
    (project, serde_json::from_str(&expectation).expect("valid test.json"))
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_dir(&entry.path(), &target);
        } else if entry.file_name() != "test.json" {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn check(label: &str, expectation: &Expectation, root: &str, output: std::process::Output) {
    let expected = |pattern: &str| pattern.replace("[ROOT]", root);
    assert_matches(&format!("{label}: stdout"), &expected(&expectation.stdout), &text(&output.stdout));
    assert_matches(&format!("{label}: stderr"), &expected(&expectation.stderr), &text(&output.stderr));
    assert_eq!(output.status.code(), Some(expectation.status), "{label}: exit status; stderr:\n{}", text(&output.stderr));
}

fn run_case(case: &str) {
    let (project, expectation) = copy_fixture(case);

    let binary = project.build_with(&expectation.entry, "app.bin", &expectation.build_args);
    let output = run_with_timeout(std::process::Command::new(&binary).args(&expectation.args).current_dir(project.dir.path()));
    let binary_path = binary.canonicalize().unwrap();
    check(&format!("{case} (built)"), &expectation, &binary_path.to_string_lossy(), output);

    let root = project.dir.path().canonicalize().unwrap();
    let output = run_with_timeout(pack().arg("run").arg(&expectation.entry).arg("--").args(&expectation.args).current_dir(&root));
    check(&format!("{case} (pack run)"), &expectation, &root.to_string_lossy(), output);
}

macro_rules! fixtures {
    ($($case:ident),* $(,)?) => {
        $(
            #[test]
            fn $case() {
                run_case(stringify!($case));
            }
        )*
    };
}

fixtures!(
    hello,
    circular_requires,
    json_config,
    argv_and_exit_code,
    timers_order,
    uncaught_error,
    unhandled_rejection,
    exit_event,
    exit_listener_throws,
    before_exit,
    typescript_stack_trace,
    typescript_minified,
    esm_interop,
    packages,
    vfs_assets,
    wasm_asset,
    deep_recursion,
);
