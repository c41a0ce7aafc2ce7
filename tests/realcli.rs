//! Real command-line tools as they ship on npm (`tests/realcli/`, installed with `npm ci` from
//! the committed lockfile), each packed once from its bin file. Every case in
//! `tests/realcli/cases.json` runs the packed binary in an empty directory holding only the
//! case's inputs, with an empty environment (no PATH, HOME in a temporary directory), so a hidden
//! dependency on node or on the packing machine fails. Stdout, stderr, the exit code and the
//! files written must equal what `node <bin>` did, as `tests/realcli/record.js` recorded it in
//! `tests/realcli/expected/`; node itself is not needed here.

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;

use serde_json::Value;
use support::{pack, run_with_stdin, run_with_timeout, text};

fn fixture() -> PathBuf {
    support::repo_root().join("tests/realcli")
}

fn cases_file() -> &'static Value {
    static CASES: OnceLock<Value> = OnceLock::new();
    CASES.get_or_init(|| {
        let json = fs::read_to_string(fixture().join("cases.json")).expect("tests/realcli/cases.json");
        serde_json::from_str(&json).expect("cases.json is JSON")
    })
}

/// Every tool packed once per run, in parallel; tool name -> executable.
fn packed_tools() -> &'static BTreeMap<String, PathBuf> {
    static PACKED: OnceLock<(tempfile::TempDir, BTreeMap<String, PathBuf>)> = OnceLock::new();
    &PACKED
        .get_or_init(|| {
            support::npm_ci(&fixture());
            let out = tempfile::tempdir().unwrap();
            let tools = cases_file()["tools"].as_object().unwrap();
            let binaries = std::thread::scope(|scope| {
                let builds: Vec<_> = tools
                    .iter()
                    .map(|(name, tool)| {
                        let out = out.path().join(name);
                        scope.spawn(move || (name.clone(), pack_tool(name, tool, &out)))
                    })
                    .collect();
                builds.into_iter().map(|build| build.join().unwrap()).collect()
            });
            (out, binaries)
        })
        .1
}

/// `pack build <bin> -o <dir>/<name> --include ...` from the fixture directory.
fn pack_tool(name: &str, tool: &Value, dir: &Path) -> PathBuf {
    fs::create_dir_all(dir).unwrap();
    let binary = dir.join(name);
    let mut command = pack();
    command.arg("build").arg(tool["bin"].as_str().unwrap()).arg("-o").arg(&binary).arg("--quiet");
    for glob in tool["include"].as_array().into_iter().flatten() {
        command.arg("--include").arg(glob.as_str().unwrap());
    }
    let built = run_with_timeout(command.current_dir(fixture()));
    assert!(built.status.success(), "pack build {name} failed:\n{}", text(&built.stderr));
    binary
}

/// What one run did, normalised as record.js normalises node's run.
#[derive(Debug, PartialEq)]
struct Outcome {
    status: Option<i32>,
    stdout: String,
    stderr: String,
    files: BTreeMap<String, String>,
}

fn expected_outcome(name: &str) -> Outcome {
    let path = fixture().join("expected").join(format!("{name}.json"));
    let json = fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} is missing: run tests/realcli/record.js", path.display()));
    let value: Value = serde_json::from_str(&json).unwrap();
    Outcome {
        status: value["status"].as_i64().map(|code| code as i32),
        stdout: value["stdout"].as_str().unwrap().to_owned(),
        stderr: value["stderr"].as_str().unwrap().to_owned(),
        files: value["files"].as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned())).collect(),
    }
}

fn run_case(case: &Value, binary: &Path) -> Outcome {
    let scratch = tempfile::tempdir().unwrap();
    let (cwd, home) = (scratch.path().join("work"), scratch.path().join("home"));
    fs::create_dir_all(&cwd).unwrap();
    fs::create_dir_all(&home).unwrap();
    let inputs: Vec<&str> = case["inputs"].as_array().into_iter().flatten().map(|v| v.as_str().unwrap()).collect();
    for input in &inputs {
        fs::copy(fixture().join("inputs").join(input), cwd.join(input)).unwrap();
    }
    let stdin = match case["stdin"].as_str() {
        Some(file) => Stdio::from(fs::File::open(fixture().join("inputs").join(file)).unwrap()),
        None => Stdio::null(),
    };
    let mut command = Command::new(binary);
    command.args(case["args"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()));
    command.current_dir(&cwd).env_clear().env("HOME", &home);
    for (key, value) in case["env"].as_object().into_iter().flatten() {
        command.env(key, value.as_str().unwrap());
    }
    let output = run_with_stdin(&mut command, stdin);
    let normalise = |text: &str| normalise(text, &cwd, &home, binary);
    Outcome {
        status: output.status.code(),
        stdout: normalise(&support::text(&output.stdout)),
        stderr: comparable_stderr(&normalise(&support::text(&output.stderr)), case),
        files: written_files(&cwd, &inputs).into_iter().map(|(path, content)| (path, normalise(&content))).collect(),
    }
}

/// The same normalisation as record.js: temporary directories, and where the tool's own files
/// live (the executable's virtual root here, node_modules under node), plus the Node release
/// named by an uncaught error's trailer.
fn normalise(text: &str, cwd: &Path, home: &Path, binary: &Path) -> String {
    let root = binary.display().to_string();
    let mut text = text.replace(&cwd.display().to_string(), "[CWD]").replace(&home.display().to_string(), "[HOME]");
    for prefix in [format!("file://{root}/node_modules"), format!("{root}/node_modules"), format!("file://{root}"), root] {
        text = text.replace(&prefix, "[ROOT]");
    }
    text.lines()
        .map(|line| match line.strip_prefix("Node.js v") {
            Some(version) if version.chars().all(|c| c.is_ascii_digit() || c == '.') => "Node.js [VERSION]",
            _ => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
        + if text.ends_with('\n') { "\n" } else { "" }
}

/// As record.js: stack frames dropped, and for a `rethrown` case the report's header too (node
/// names the rethrow site there; QuickJS only knows where the error was created).
fn comparable_stderr(text: &str, case: &Value) -> String {
    let stderr = drop_stack_frames(text);
    if case["rethrown"].as_bool() != Some(true) {
        return stderr;
    }
    match stderr.find("\n\n") {
        Some(blank) => stderr[blank + 2..].to_owned(),
        None => stderr,
    }
}

/// Stack frames name engine internals, which differ between engines; record.js drops them too.
fn drop_stack_frames(text: &str) -> String {
    text.split('\n').filter(|line| !line.starts_with("    at ")).collect::<Vec<_>>().join("\n")
}

/// Files the run created or changed in its working directory, by relative path.
fn written_files(cwd: &Path, inputs: &[&str]) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    let mut pending = vec![cwd.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let relative = path.strip_prefix(cwd).unwrap().to_string_lossy().into_owned();
            let content = fs::read(&path).unwrap();
            let unchanged_input = inputs.contains(&relative.as_str())
                && fs::read(fixture().join("inputs").join(&relative)).map(|original| original == content).unwrap_or(false);
            if !unchanged_input {
                files.insert(relative, String::from_utf8_lossy(&content).into_owned());
            }
        }
    }
    files
}

/// Runs every case of `tool`, reporting all differences at once.
fn check_tool(tool: &str) {
    let binary = &packed_tools()[tool];
    let cases: Vec<&Value> = cases_file()["cases"].as_array().unwrap().iter().filter(|case| case["tool"] == tool).collect();
    assert!(cases.len() >= 3, "{tool} needs at least three cases");
    let mut failures = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let (expected, actual) = (expected_outcome(name), run_case(case, binary));
        if expected != actual {
            failures.push(describe_difference(name, &expected, &actual));
        }
    }
    assert!(failures.is_empty(), "{} case(s) of {tool} differ from node:\n{}", failures.len(), failures.join("\n"));
}

fn describe_difference(name: &str, expected: &Outcome, actual: &Outcome) -> String {
    let mut report = format!("=== {name}\n");
    if expected.status != actual.status {
        report += &format!("exit code: expected {:?}, got {:?}\n", expected.status, actual.status);
    }
    for (what, want, got) in [("stdout", &expected.stdout, &actual.stdout), ("stderr", &expected.stderr, &actual.stderr)] {
        if want != got {
            report += &format!("--- expected {what} ---\n{want}\n--- got {what} ---\n{got}\n");
        }
    }
    if expected.files != actual.files {
        report += &format!("files: expected {:#?}\ngot {:#?}\n", expected.files, actual.files);
    }
    report
}

macro_rules! realcli_tools {
    ($($test:ident: $tool:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                check_tool($tool);
            }
        )*
    };
}

realcli_tools!(
    eslint: "eslint",
    handlebars: "handlebars",
    html_minifier_terser: "html-minifier-terser",
    js_beautify: "js-beautify",
    json5: "json5",
    marked: "marked",
    mustache: "mustache",
    pug: "pug",
    stylus: "stylus",
    svgo: "svgo",
    terser: "terser",
    yaml: "yaml",
);

/// Every tool in cases.json has a test above.
#[test]
fn every_tool_is_tested() {
    let tools: Vec<&String> = cases_file()["tools"].as_object().unwrap().keys().collect();
    assert_eq!(tools.len(), 12, "cases.json lists {tools:?}");
}
