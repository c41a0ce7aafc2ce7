//! Processes and threads inside packed binaries, on a machine without node: the JS tests of
//! child_process, cluster and worker_threads packed into executables and run with a PATH from
//! which every node, npm and npx has been removed, and programs shipped inside a binary as
//! assets, run through child_process from a verified per-user cache.

mod support;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use support::{pack, run_with_timeout, text, Project};

/// A directory of links to every program on this machine's PATH except node and its tools.
fn path_without_node() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = std::env::var_os("PATH").unwrap_or_default();
    for entry_dir in std::env::split_paths(&path) {
        let Ok(entries) = std::fs::read_dir(&entry_dir) else { continue };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if matches!(&*name, "node" | "nodejs" | "npm" | "npx" | "corepack") {
                continue;
            }
            let link = dir.path().join(&*name);
            if !link.exists() {
                let _ = std::os::unix::fs::symlink(entry.path(), link);
            }
        }
    }
    dir
}

fn without_node<'a>(command: &'a mut Command, bin: &Path) -> &'a mut Command {
    command.env("PATH", bin).env_remove("NODE_OPTIONS")
}

#[test]
fn the_node_free_path_has_no_node() {
    let bin = path_without_node();
    let output = run_with_timeout(without_node(Command::new("/bin/sh").args(["-c", "for p in node nodejs npm npx; do command -v $p; done; command -v sh >/dev/null && echo only sh"]), bin.path()));
    assert_eq!(text(&output.stdout), "only sh\n");
}

/// Packs `tests/js/NAME.test.js` and runs the binary where node cannot be found; its output
/// must be node's, as recorded in `NAME.test.out`.
fn packed_js_test_without_node(name: &str) {
    let dir = support::repo_root().join("tests/js");
    let out = tempfile::tempdir().unwrap();
    let binary = out.path().join(name);
    let built = run_with_timeout(pack().args(["build", &format!("{name}.test.js"), "-o"]).arg(&binary).arg("--quiet").current_dir(&dir));
    assert!(built.status.success(), "pack build failed:\n{}", text(&built.stderr));
    let bin = path_without_node();
    let output = run_with_timeout(without_node(&mut Command::new(&binary), bin.path()).current_dir(&dir));
    let expected = std::fs::read_to_string(dir.join(format!("{name}.test.out"))).unwrap();
    support::assert_same_lines(name, &expected, &text(&output.stdout), &text(&output.stderr));
    assert!(output.status.success(), "{name} exited with {:?}:\n{}", output.status, text(&output.stderr));
}

#[test]
fn child_process_packed_without_node() {
    packed_js_test_without_node("child_process");
}

#[test]
fn cluster_packed_without_node() {
    packed_js_test_without_node("cluster");
}

#[test]
fn worker_threads_packed_without_node() {
    packed_js_test_without_node("worker_threads");
}

const RUNS_EMBEDDED_TOOL: &str = r#"
const { execFileSync, spawn } = require('child_process');
const path = require('path');
const tool = path.join(__dirname, 'tools', 'greet');
console.log(execFileSync(tool, ['sync'], { encoding: 'utf8' }).trim());
const child = spawn(tool, ['async']);
child.stdout.on('data', (chunk) => process.stdout.write(chunk));
child.on('close', (code) => console.log('exit', code));
"#;

fn cached_copies(cache: &Path) -> Vec<PathBuf> {
    let root = cache.join("pack/executables");
    let Ok(dirs) = std::fs::read_dir(&root) else { return Vec::new() };
    dirs.flatten().map(|dir| dir.path().join("greet")).filter(|path| path.is_file()).collect()
}

#[test]
fn an_embedded_program_runs_from_a_verified_cache() {
    let project = Project::new(&[("app.js", RUNS_EMBEDDED_TOOL), ("tools/greet", "#!/bin/sh\necho \"hello from the embedded tool ($1)\"\n")]);
    std::fs::set_permissions(project.path("tools/greet"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let binary = project.build_with("app.js", "app", &["--include".into(), "tools/greet".into()]);
    std::fs::remove_dir_all(project.path("tools")).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let bin = path_without_node();
    let run = || run_with_timeout(without_node(&mut Command::new(&binary), bin.path()).env("XDG_CACHE_HOME", cache.path()));

    let expected = "hello from the embedded tool (sync)\nhello from the embedded tool (async)\nexit 0\n";
    let first = run();
    assert_eq!(text(&first.stdout), expected, "stderr:\n{}", text(&first.stderr));
    let copies = cached_copies(cache.path());
    assert_eq!(copies.len(), 1, "one cached copy, keyed by content hash");
    let key = copies[0].parent().unwrap().file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(key.len(), 64, "a SHA-256 in hex: {key}");
    let dir_mode = std::fs::metadata(copies[0].parent().unwrap()).unwrap().permissions().mode() & 0o777;
    assert_eq!(dir_mode, 0o700, "the cache directory is the user's alone");

    // A cached copy that no longer matches its hash is replaced before it runs.
    std::fs::write(&copies[0], "#!/bin/sh\necho tampered\n").unwrap();
    let again = run();
    assert_eq!(text(&again.stdout), expected, "stderr:\n{}", text(&again.stderr));
    assert_eq!(cached_copies(cache.path()), copies);
}

#[test]
fn exec_path_runs_the_app_again_with_the_given_arguments() {
    let project = Project::new(&[(
        "app.js",
        r#"
        const { execFileSync } = require('child_process');
        if (process.argv[2] === 'again') {
          console.log('child args', JSON.stringify(process.argv.slice(2)));
        } else {
          process.stdout.write(execFileSync(process.execPath, ['again', '--version', 'x'], { encoding: 'utf8' }));
          console.log('execPath is the binary:', process.execPath === require('fs').realpathSync(process.argv[0]));
        }
        "#,
    )]);
    let binary = project.build("app.js", "app");
    let bin = path_without_node();
    let output = run_with_timeout(without_node(&mut Command::new(&binary), bin.path()));
    assert_eq!(text(&output.stdout), "child args [\"again\",\"--version\",\"x\"]\nexecPath is the binary: true\n", "stderr:\n{}", text(&output.stderr));
}

#[test]
fn forking_a_module_that_was_not_packed_is_the_parents_error() {
    let project = Project::new(&[(
        "app.js",
        r#"
        const child = require('child_process').fork(require('path').join(__dirname, 'plugins', 'missing.js'));
        child.on('error', (error) => console.log('error', error.code, error.message.includes('packed into')));
        child.on('close', (code) => console.log('close', code));
        "#,
    )]);
    let binary = project.build("app.js", "app");
    let output = run_with_timeout(&mut Command::new(&binary));
    assert_eq!(text(&output.stdout), "error MODULE_NOT_FOUND true\nclose 1\n", "stderr:\n{}", text(&output.stderr));
}
