//! Helpers shared by the integration tests: where `pack` is, temporary projects, running a
//! command with a time limit, and comparing output with `[WILDCARD]` and `[ROOT]` holes.

#![allow(dead_code)] // each test binary uses its own subset

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The `pack` binary under test. It packs onto the stub runtime beside it, or onto the one
/// `PACK_STUB` names: `make test` names the size-tuned stub that ships (see Cargo.toml).
pub fn pack() -> Command {
    Command::new(env!("CARGO_BIN_EXE_pack"))
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

/// The stub runtime `pack` packs onto in these tests (see [`pack`]).
pub fn stub_path() -> PathBuf {
    match std::env::var_os("PACK_STUB") {
        Some(stub) => PathBuf::from(stub),
        None => Path::new(env!("CARGO_BIN_EXE_pack")).with_file_name("stub-runtime"),
    }
}

/// A scratch directory holding a project's files.
pub struct Project {
    pub dir: tempfile::TempDir,
}

impl Project {
    pub fn new(files: &[(&str, &str)]) -> Project {
        let project = Project { dir: tempfile::tempdir().unwrap() };
        for (path, content) in files {
            project.write(path, content);
        }
        project
    }

    pub fn write(&self, path: &str, content: &str) {
        let path = self.path(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }

    pub fn path(&self, relative: &str) -> PathBuf {
        self.dir.path().join(relative)
    }

    /// `pack build ENTRY -o OUT`, asserting it succeeds; returns the executable's path.
    pub fn build(&self, entry: &str, out: &str) -> PathBuf {
        self.build_with(entry, out, &[])
    }

    /// `pack build ENTRY -o OUT FLAGS...`, asserting it succeeds; returns the executable's path.
    pub fn build_with(&self, entry: &str, out: &str, flags: &[String]) -> PathBuf {
        let output = run_with_timeout(pack().args(["build", entry, "-o", out]).args(flags).current_dir(self.dir.path()));
        assert!(output.status.success(), "pack build failed:\n{}", String::from_utf8_lossy(&output.stderr));
        self.path(out)
    }

    pub fn pack_build(&self, entry: &str, out: &str) -> Output {
        run_with_timeout(pack().args(["build", entry, "-o", out]).current_dir(self.dir.path()))
    }
}

/// Runs a command to completion, failing the test if it takes longer than 60 seconds.
pub fn run_with_timeout(command: &mut Command) -> Output {
    run_with_stdin(command, Stdio::null())
}

/// Runs a command like `run_with_timeout`, with `stdin` as its standard input.
pub fn run_with_stdin(command: &mut Command, stdin: Stdio) -> Output {
    let mut child = spawn(command.stdin(stdin).stdout(Stdio::piped()).stderr(Stdio::piped()));
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stdout.read_to_end(&mut bytes).map(|_| bytes)
    });
    let err_reader = std::thread::spawn(move || {
        let mut bytes = Vec::new();
        stderr.read_to_end(&mut bytes).map(|_| bytes)
    });
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("{command:?} did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Output { status, stdout: out_reader.join().unwrap().unwrap(), stderr: err_reader.join().unwrap().unwrap() }
}

/// Spawns `command`, retrying while the executable is busy: a binary this test process just
/// wrote can still be open for writing in a child that another test thread forked and that has
/// not reached exec yet (ETXTBSY), a known race of tests that write and run executables.
pub fn spawn(command: &mut Command) -> std::process::Child {
    const EXECUTABLE_BUSY: i32 = 26;
    let mut attempts = 0;
    loop {
        match command.spawn() {
            Err(err) if err.raw_os_error() == Some(EXECUTABLE_BUSY) && attempts < 100 => {
                attempts += 1;
                std::thread::sleep(Duration::from_millis(10));
            }
            result => return result.unwrap_or_else(|err| panic!("cannot spawn {command:?}: {err}")),
        }
    }
}

/// Whether `actual` matches `expected`, where `[WILDCARD]` in `expected` matches any text.
pub fn matches_pattern(expected: &str, actual: &str) -> bool {
    let mut parts = expected.split("[WILDCARD]");
    let first = parts.next().unwrap_or_default();
    let Some(mut rest) = actual.strip_prefix(first) else { return false };
    let parts: Vec<&str> = parts.collect();
    for (index, part) in parts.iter().enumerate() {
        let last = index == parts.len() - 1;
        if last {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.is_empty()
}

pub fn assert_matches(what: &str, expected: &str, actual: &str) {
    assert!(matches_pattern(expected, actual), "{what} differs\n--- expected ---\n{expected}\n--- got ---\n{actual}\n---");
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Installs a fixture's npm dependencies with `npm ci` from its committed lockfile, once.
pub fn npm_ci(dir: &Path) {
    if !dir.join("node_modules/.package-lock.json").is_file() {
        let output = run_with_timeout(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(dir));
        assert!(output.status.success(), "npm ci in {} failed:\n{}", dir.display(), text(&output.stderr));
    }
}

/// Fails with the first differing line when `actual` (a program's stdout) is not `expected`
/// (node's, recorded), showing the program's stderr.
pub fn assert_same_lines(name: &str, expected: &str, actual: &str, stderr: &str) {
    if actual == expected {
        return;
    }
    let first_difference = expected.lines().zip(actual.lines()).position(|(want, got)| want != got);
    let line = first_difference.unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
    panic!(
        "{name}: stdout differs from node's, first at line {}\n  node: {:?}\n  pack: {:?}\nstderr:\n{stderr}",
        line + 1,
        expected.lines().nth(line),
        actual.lines().nth(line),
    );
}

/// `tests/npm_app` with its packages installed (`npm ci` once per test process).
pub fn npm_app() -> &'static Path {
    static INSTALLED: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    INSTALLED.get_or_init(|| {
        let dir = repo_root().join("tests/npm_app");
        npm_ci(&dir);
        dir
    })
}
