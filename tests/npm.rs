//! Popular npm packages, installed with `npm ci` from the committed lockfile in
//! `tests/npm_app/`, packed one script at a time. Each packed executable, run from an empty
//! directory (no node_modules, no node needed), must print what `node script.js` prints for the
//! same arguments, and so must `pack run`.

mod support;

use std::process::Command;

use support::{pack, run_with_timeout, text};

fn check(script: &str, args: &[&str]) {
    let dir = support::npm_app();
    let node = run_with_timeout(Command::new("node").arg(script).args(args).current_dir(dir));
    assert!(node.status.success(), "node {script} failed:\n{}", text(&node.stderr));

    let ran = run_with_timeout(pack().arg("run").arg(script).arg("--").args(args).current_dir(dir));
    assert_eq!(text(&ran.stdout), text(&node.stdout), "pack run {script}; stderr:\n{}", text(&ran.stderr));
    assert_eq!(ran.status.code(), node.status.code(), "pack run {script} exit status");

    let elsewhere = tempfile::tempdir().unwrap();
    let binary = elsewhere.path().join("app");
    let built = run_with_timeout(pack().arg("build").arg(script).arg("-o").arg(&binary).arg("--quiet").current_dir(dir));
    assert!(built.status.success(), "pack build {script}:\n{}", text(&built.stderr));
    let packed = run_with_timeout(Command::new(&binary).args(args).current_dir(elsewhere.path()));
    assert_eq!(text(&packed.stdout), text(&node.stdout), "packed {script}; stderr:\n{}", text(&packed.stderr));
    assert_eq!(packed.status.code(), node.status.code(), "packed {script} exit status");
}

macro_rules! npm_cases {
    ($($name:ident: [$($arg:expr),*]),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check(concat!(stringify!($name), ".js"), &[$($arg),*]);
            }
        )*
    };
}

npm_cases!(
    chalk: [],
    commander: ["-l", "-n", "pack", "x"],
    debug: [],
    dotenv: [],
    lodash: [],
    minimist: ["-x", "3", "--name=pack", "y"],
    ms: [],
    semver: [],
    uuid: [],
    yargs: ["say", "hi", "-c", "3", "--verbose"],
);
