//! JS-level tests of the runtime's built-in modules: each `tests/js/<name>.test.js` runs under
//! `pack run` and its stdout must equal `<name>.test.out`, which was produced by running the same
//! script with real `node`. Select one with `cargo test events` and regenerate an expectation
//! with `node tests/js/<name>.test.js > tests/js/<name>.test.out`.

mod support;

use support::{pack, run_with_timeout, text};

fn run_js_test(name: &str) {
    let dir = support::repo_root().join("tests/js");
    let script = format!("{name}.test.js");
    let expected = std::fs::read_to_string(dir.join(format!("{name}.test.out"))).expect("expected output");
    let output = run_with_timeout(pack().arg("run").arg(&script).current_dir(&dir));
    support::assert_same_lines(&script, &expected, &text(&output.stdout), &text(&output.stderr));
    assert!(output.status.success(), "{script} exited with {:?}:\n{}", output.status, text(&output.stderr));
}

macro_rules! js_tests {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                run_js_test(stringify!($name));
            }
        )*
    };
}

js_tests!(
    util_inspect,
    vm,
    module,
    cli_runtime,
    events,
    path,
    url,
    querystring,
    assert,
    console,
    os,
    process,
    timers_promises,
    parse_args,
    buffer,
    string_decoder,
    encoding,
    crypto_random,
    tty,
    fs,
    fs_promises,
    stream,
    readline,
    zlib,
    net,
    nonblocking_io,
    crypto,
    http,
    https,
    fetch,
    child_process,
    worker_threads,
    cluster,
    exit_codes,
    fs_watch,
    dns,
    error_stacks,
);
