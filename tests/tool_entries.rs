//! `pack build` on tools as they ship: extensionless `#!` scripts, `node_modules/.bin` symlinks,
//! `.cjs`/`.mjs` entries, package directories with `bin` (and `--bin`), default output names,
//! and modules loaded by computed names made available with `--include` or `"pack.scripts"`.

mod support;

use std::path::Path;
use std::process::{Command, Output};

use support::{pack, run_with_timeout, text, Project};

fn pack_in(project: &Project, args: &[&str]) -> Output {
    run_with_timeout(pack().arg("build").args(args).arg("--quiet").current_dir(project.dir.path()))
}

fn succeeds(output: &Output) {
    assert!(output.status.success(), "pack build failed:\n{}", text(&output.stderr));
}

/// Runs a built executable from another directory, with the project deleted, so nothing it
/// needs can come from the disk.
fn run_moved(project: Project, binary: &str, args: &[&str]) -> Output {
    let elsewhere = tempfile::tempdir().unwrap();
    let moved = elsewhere.path().join(Path::new(binary).file_name().unwrap());
    std::fs::rename(project.path(binary), &moved).unwrap();
    drop(project);
    run_with_timeout(Command::new(&moved).args(args).current_dir(elsewhere.path()))
}

/// A package `tool` installed in node_modules, with its bin linked from node_modules/.bin.
fn installed_tool() -> Project {
    let project = Project::new(&[
        ("package.json", r#"{"name": "app", "dependencies": {"tool": "1"}}"#),
        ("node_modules/tool/package.json", r#"{"name": "tool", "version": "1.0.0", "bin": {"tool": "bin/cli"}}"#),
        ("node_modules/tool/bin/cli", "#!/usr/bin/env node\nconst { greet } = require('../lib/greet');\nconsole.log(greet(process.argv[2]));\n"),
        ("node_modules/tool/lib/greet.js", "exports.greet = (name) => `hello ${name}`;\n"),
    ]);
    std::fs::create_dir_all(project.path("node_modules/.bin")).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("../tool/bin/cli", project.path("node_modules/.bin/tool")).unwrap();
    project
}

#[cfg(unix)]
#[test]
fn a_bin_symlink_packs_its_real_file_and_is_named_after_the_link() {
    let project = installed_tool();
    succeeds(&pack_in(&project, &["node_modules/.bin/tool"]));
    let output = run_moved(project, "tool", &["you"]);
    assert_eq!(text(&output.stdout), "hello you\n", "{}", text(&output.stderr));
}

#[test]
fn a_package_directory_packs_its_bin() {
    let project = installed_tool();
    succeeds(&pack_in(&project, &["node_modules/tool"]));
    assert_eq!(text(&run_moved(project, "tool", &["dir"]).stdout), "hello dir\n");
}

#[test]
fn dot_packs_the_current_package_with_a_bin_string() {
    let project = Project::new(&[
        ("package.json", r#"{"name": "@me/greeter", "bin": "./cli.cjs"}"#),
        ("cli.cjs", "#!/usr/bin/env node\nconsole.log('greeter', require('./package.json').name);\n"),
    ]);
    succeeds(&pack_in(&project, &["."]));
    assert_eq!(text(&run_moved(project, "greeter", &[]).stdout), "greeter @me/greeter\n");
}

#[test]
fn several_bins_need_bin_and_the_error_lists_them() {
    let project = Project::new(&[
        ("package.json", r#"{"name": "kit", "bin": {"kit-a": "a.js", "kit-b": "b.mjs"}}"#),
        ("a.js", "console.log('a')"),
        ("b.mjs", "import { sep } from 'node:path';\nconsole.log('b', sep);\n"),
    ]);
    let output = pack_in(&project, &["."]);
    assert!(!output.status.success());
    let stderr = text(&output.stderr);
    assert!(stderr.contains("declares several executables; choose one with --bin NAME: kit-a, kit-b"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");

    let output = pack_in(&project, &[".", "--bin", "kit-c"]);
    assert!(text(&output.stderr).contains("it declares: kit-a, kit-b"), "{}", text(&output.stderr));

    succeeds(&pack_in(&project, &[".", "--bin", "kit-b", "-o", "b-tool"]));
    assert_eq!(text(&run_moved(project, "b-tool", &[]).stdout), "b /\n");
}

#[test]
fn a_file_entry_is_named_after_its_stem() {
    let project = Project::new(&[("src/main.mjs", "console.log('stem', typeof import.meta.url);\n")]);
    succeeds(&pack_in(&project, &["src/main.mjs"]));
    assert_eq!(text(&run_moved(project, "main", &[]).stdout), "stem string\n");
}

#[test]
fn an_extensionless_script_is_not_overwritten_by_its_own_executable() {
    let project = Project::new(&[("tool", "#!/usr/bin/env node\nconsole.log('x')\n")]);
    let output = pack_in(&project, &["tool"]);
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("would overwrite the script"), "{}", text(&output.stderr));
    assert_eq!(std::fs::read_to_string(project.path("tool")).unwrap(), "#!/usr/bin/env node\nconsole.log('x')\n");
    succeeds(&pack_in(&project, &["tool", "-o", "tool-bin"]));
    assert_eq!(text(&run_moved(project, "tool-bin", &[]).stdout), "x\n");
}

#[test]
fn pack_run_takes_a_package_directory() {
    let project = installed_tool();
    let output = run_with_timeout(pack().args(["run", "node_modules/tool", "--", "run"]).current_dir(project.dir.path()));
    assert_eq!(text(&output.stdout), "hello run\n", "{}", text(&output.stderr));
}

/// A tool that loads its commands by computed path, and plugins by computed package name.
fn plugin_host(pack_field: &str) -> Project {
    Project::new(&[
        ("package.json", &format!(r#"{{"name": "host", "bin": "cli.js"{pack_field}}}"#)),
        (
            "cli.js",
            "const [command, plugin] = process.argv.slice(2);\n\
             const run = require('./commands/' + command);\n\
             const extend = require('host-plugin-' + plugin);\n\
             console.log(run(), extend());\n",
        ),
        ("commands/build.js", "module.exports = () => 'built';\n"),
        ("commands/test.js", "module.exports = () => 'tested';\n"),
        ("node_modules/host-plugin-x/package.json", r#"{"name": "host-plugin-x", "main": "lib/main.js"}"#),
        ("node_modules/host-plugin-x/lib/main.js", "module.exports = () => 'plugin x ' + require('./util');\n"),
        ("node_modules/host-plugin-x/lib/util.js", "module.exports = 'ok';\n"),
    ])
}

#[test]
fn computed_requires_find_files_given_with_include() {
    let project = plugin_host("");
    succeeds(&pack_in(&project, &[".", "--include", "commands/*.js", "--include", "node_modules/host-plugin-x/lib/main.js"]));
    assert_eq!(text(&run_moved(project, "host", &["test", "x"]).stdout), "tested plugin x ok\n");
}

#[test]
fn computed_requires_find_files_given_in_pack_scripts() {
    let project = plugin_host(r#", "pack": {"scripts": ["commands/*.js", "node_modules/host-plugin-*/**/*.js"]}"#);
    succeeds(&pack_in(&project, &["."]));
    let output = run_moved(project, "host", &["build", "x"]);
    assert_eq!(text(&output.stdout), "built plugin x ok\n", "{}", text(&output.stderr));
}
