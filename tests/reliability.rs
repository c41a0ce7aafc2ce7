//! How a packed app behaves when things go wrong around it: a bug in pack (a Rust panic), a
//! reader that goes away, signals, a parent that dies, an exhausted heap or stack, many
//! descriptors opened and closed, and a build that fails. The apps are in tests/reliability/.
//! Each test says where the behaviour differs from Node v20's.

mod support;

use std::io::{BufRead, BufReader};
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use support::{pack, repo_root, run_with_timeout, spawn, text, Project};

/// What a panic prints: one line, then the hint about backtraces.
const BUG_LINE: &str = "pack: internal error (a bug in pack, please report it): ";

fn app(name: &str) -> PathBuf {
    repo_root().join("tests/reliability").join(name)
}

/// `pack run tests/reliability/NAME ARGS...`
fn pack_run(name: &str, args: &[&str]) -> Command {
    let mut command = pack();
    command.arg("run").arg(app(name)).args(args);
    command
}

/// Packs one app of tests/reliability into a scratch directory.
fn packed(name: &str) -> (Project, PathBuf) {
    let source = std::fs::read_to_string(app(name)).unwrap();
    let project = Project::new(&[(name, &source)]);
    let binary = project.build(name, "app");
    (project, binary)
}

fn assert_no_rust_noise(stderr: &str) {
    for noise in ["panicked", "stack backtrace", "RUST_BACKTRACE", "Aborted"] {
        assert!(!stderr.contains(noise), "stderr shows {noise:?}:\n{stderr}");
    }
}

// ---------------------------------------------------------------------------------------------
// A bug in pack.

#[test]
fn a_panic_inside_an_op_is_one_line_naming_a_bug_in_pack() {
    // PACK_TEST_PANIC_OP (test only) makes the named op panic, under the engine's C frames, where
    // unwinding would abort. Node has no equivalent; its internal errors abort with a C++ trace.
    let script = "console.log('before'); process.cwd(); console.log('after');";
    let project = Project::new(&[("cwd.js", script)]);
    let output = run_with_timeout(pack().args(["run", "cwd.js"]).current_dir(project.dir.path()).env("PACK_TEST_PANIC_OP", "op_process_cwd"));
    assert_eq!(output.status.code(), Some(70), "stderr:\n{}", text(&output.stderr));
    assert_eq!(text(&output.stdout), "before\n");
    let stderr = text(&output.stderr);
    let first = stderr.lines().next().unwrap_or_default();
    assert!(first.starts_with(BUG_LINE), "stderr:\n{stderr}");
    assert!(first.contains("PACK_TEST_PANIC_OP asked for a panic at stub-runtime/src/fatal.rs:"), "no message or location:\n{stderr}");
    assert_eq!(stderr.lines().count(), 2, "stderr:\n{stderr}");
    assert_no_rust_noise(&stderr);
}

#[test]
fn a_panic_in_a_packed_executable_is_reported_the_same_way() {
    let project = Project::new(&[("cwd.js", "process.cwd()")]);
    let binary = project.build("cwd.js", "app");
    let output = run_with_timeout(Command::new(binary).env("PACK_TEST_PANIC_OP", "op_process_cwd"));
    assert_eq!(output.status.code(), Some(70));
    assert!(text(&output.stderr).starts_with(BUG_LINE), "stderr:\n{}", text(&output.stderr));
    assert_no_rust_noise(&text(&output.stderr));
}

#[test]
fn spawn_sync_with_a_timeout_too_long_for_rust_runs_as_in_node() {
    // Found by this issue: a Duration overflow in op_cp_spawn_sync aborted the process.
    let script = "const r = require('child_process').spawnSync('true', [], { timeout: 1e300 }); console.log(r.status, r.error);";
    let project = Project::new(&[("sync.js", script)]);
    let output = run_with_timeout(pack().args(["run", "sync.js"]).current_dir(project.dir.path()));
    assert_eq!(text(&output.stdout), "0 undefined\n", "stderr:\n{}", text(&output.stderr));
    assert!(output.status.success());
}

// ---------------------------------------------------------------------------------------------
// A reader that goes away: `app | head -1`.

/// Runs the packed pipes app in `mode`, reads one line of its stdout and closes the pipe.
fn closed_after_first_line(binary: &PathBuf, mode: &str) -> Output {
    let mut child = spawn(Command::new(binary).arg(mode).stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()));
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(!first.is_empty());
    wait_with_timeout(child, Duration::from_secs(20))
}

fn wait_with_timeout(mut child: Child, limit: Duration) -> Output {
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("the app did not end within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn writing_to_a_closed_pipe_ends_quietly() {
    // Node dies of the uncaught EPIPE too (status 1), but prints a stack; its synchronous loop
    // never ends at all. Here: status 1, 'exit' listeners run, nothing else on stderr.
    let (_project, binary) = packed("pipes.js");
    for mode in ["stdout", "console", "loop"] {
        let output = closed_after_first_line(&binary, mode);
        assert_eq!(output.status.code(), Some(1), "{mode}: stderr:\n{}", text(&output.stderr));
        assert_eq!(text(&output.stderr), "exit 1\n", "{mode}");
    }
}

#[test]
fn a_closed_pipe_is_the_apps_to_handle_when_it_listens() {
    // As in Node: the stream's 'error' listener, or else 'uncaughtException', gets Node's error.
    let (_project, binary) = packed("pipes.js");
    let output = closed_after_first_line(&binary, "listener");
    assert_eq!(output.status.code(), Some(5));
    assert_eq!(text(&output.stderr), "stdout error: EPIPE write -32 write EPIPE\nexit 5\n");
    let output = closed_after_first_line(&binary, "uncaught");
    assert_eq!(output.status.code(), Some(6));
    assert_eq!(text(&output.stderr), "uncaught: EPIPE\nexit 6\n");
}

#[test]
fn a_non_blocking_stdout_that_fills_up_loses_nothing() {
    // A parent may hand over a non-blocking pipe; writes then wait for room, as in Node.
    use std::io::Read;
    let script = "const s = 'y'.repeat(1023) + '\\n'; for (let i = 0; i < 2048; i++) process.stdout.write(s);";
    let project = Project::new(&[("big.js", script)]);
    let (mut reader, writer) = std::os::unix::net::UnixStream::pair().unwrap();
    writer.set_nonblocking(true).unwrap();
    let mut command = pack();
    command.args(["run", "big.js"]).current_dir(project.dir.path()).stdin(Stdio::null()).stderr(Stdio::piped());
    command.stdout(Stdio::from(std::os::fd::OwnedFd::from(writer)));
    let child = spawn(&mut command);
    drop(command);
    // Let the app fill the pipe before anyone reads.
    std::thread::sleep(Duration::from_millis(300));
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).unwrap();
    let output = wait_with_timeout(child, Duration::from_secs(20));
    assert_eq!(bytes.len(), 2048 * 1024, "stderr:\n{}", text(&output.stderr));
    assert!(output.status.success());
}

#[test]
fn a_closed_stdout_is_dev_null_not_the_next_file_opened() {
    // As in Node: fds 0-2 left closed by the parent are opened on /dev/null at start-up.
    let script = "console.log('lost'); console.error(require('fs').readlinkSync('/proc/self/fd/1'));";
    let project = Project::new(&[("closed.js", script)]);
    let binary = project.build("closed.js", "app");
    let output = run_with_timeout(Command::new("sh").args(["-c", "exec \"$0\" >&- <&-"]).arg(&binary));
    assert_eq!(text(&output.stderr), "/dev/null\n");
    assert!(output.status.success());
}

// ---------------------------------------------------------------------------------------------
// Signals.

/// Starts `command`, waits for its "ready" line, sends `signal` (a `kill` option such as
/// "-TERM") and returns how it ended and what else it printed.
fn signalled_when_ready(command: &mut Command, signal: &str) -> (std::process::ExitStatus, String) {
    let mut child = spawn(command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::null()));
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert_eq!(lines.next().unwrap().unwrap(), "ready");
    let killed = Command::new("kill").args([signal, &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    let output = wait_with_timeout(child, Duration::from_secs(20));
    (output.status, rest.join("\n"))
}

#[test]
fn sigterm_and_sigint_without_a_listener_kill_the_app_by_that_signal() {
    // As Node: a shell reports 143 and 130.
    for (option, number) in [("-TERM", 15), ("-INT", 2)] {
        let (status, printed) = signalled_when_ready(&mut pack_run("signals.js", &[]), option);
        assert_eq!(status.signal(), Some(number), "{option}: {status:?}");
        assert_eq!(printed, "");
    }
}

#[test]
fn a_listener_decides_what_a_signal_does() {
    for (option, code, line) in [("-TERM", 3, "got SIGTERM"), ("-INT", 4, "got SIGINT")] {
        let (status, printed) = signalled_when_ready(&mut pack_run("signals.js", &["handle"]), option);
        assert_eq!(status.code(), Some(code), "{option}: {status:?}");
        assert_eq!(printed, line);
    }
}

#[test]
fn signals_ignored_by_the_parent_get_their_default_back() {
    // A shell starts background jobs with SIGINT ignored; Node resets it, and so do we. (Node
    // resets SIGHUP too, which defeats nohup; we keep an ignored SIGHUP ignored.)
    let pack = env!("CARGO_BIN_EXE_pack");
    let script = app("signals.js");
    let mut command = Command::new("sh");
    command.args(["-c", "trap '' INT HUP; exec \"$0\" run \"$1\"", pack]).arg(&script);
    let (status, _) = signalled_when_ready(&mut command, "-INT");
    assert_eq!(status.signal(), Some(2), "{status:?}");

    let mut command = Command::new("sh");
    command.args(["-c", "trap '' HUP; exec \"$0\" run \"$1\"", pack]).arg(&script);
    let mut child = spawn(command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::null()));
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert_eq!(lines.next().unwrap().unwrap(), "ready");
    assert!(Command::new("kill").args(["-HUP", &child.id().to_string()]).status().unwrap().success());
    std::thread::sleep(Duration::from_millis(300));
    assert!(child.try_wait().unwrap().is_none(), "an ignored SIGHUP (nohup) killed the app");
    child.kill().unwrap();
    child.wait().unwrap();
}

// ---------------------------------------------------------------------------------------------
// A parent that dies: no children left behind that have nothing to do.

/// Whether `pid` is gone (or a zombie nobody has reaped yet) within five seconds.
fn ends_soon(pid: u32) -> bool {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(5) {
        match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            Err(_) => return true,
            // The state follows the parenthesised command name.
            Ok(stat) if stat.rsplit(')').next().unwrap_or_default().trim_start().starts_with('Z') => return true,
            Ok(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    false
}

fn child_outlives_a_killed_parent(mut command: Command) -> bool {
    let mut parent = spawn(command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::null()));
    let mut first = String::new();
    BufReader::new(parent.stdout.take().unwrap()).read_line(&mut first).unwrap();
    let pid: u32 = first.trim().strip_prefix("child ").and_then(|pid| pid.parse().ok()).unwrap_or_else(|| panic!("got {first:?}"));
    parent.kill().unwrap();
    parent.wait().unwrap();
    let gone = ends_soon(pid);
    if !gone {
        let _ = Command::new("kill").args(["-KILL", &pid.to_string()]).status();
    }
    !gone
}

#[test]
fn forked_and_cluster_children_end_when_their_parent_is_killed() {
    // As in Node: the channel closes, a forked child with nothing else to do ends, and a cluster
    // worker exits on 'disconnect' even with a server listening. A forked child that has other
    // work (a timer, a server) keeps running, in Node too: no PR_SET_PDEATHSIG.
    let (_project, binary) = packed("orphans.js");
    for mode in ["fork", "cluster"] {
        let mut command = Command::new(&binary);
        command.arg(mode);
        assert!(!child_outlives_a_killed_parent(command), "{mode}: the child outlived its parent");
    }
}

// ---------------------------------------------------------------------------------------------
// Heap and stack exhaustion.

const ALLOCATE_FOREVER: &str = "const a = []; for (;;) a.push(new Array(1e6).fill(1));";

#[test]
fn an_exhausted_heap_is_a_fatal_error_not_a_crash() {
    // Node prints the same FATAL ERROR line and aborts (a shell shows 134); we exit with 134
    // without a core dump. The limit is small here so the test is quick.
    let project = Project::new(&[("oom.js", ALLOCATE_FOREVER)]);
    for (variable, value) in [("PACK_MAX_OLD_SPACE_SIZE", "64"), ("NODE_OPTIONS", "--max-old-space-size=64")] {
        let output = run_with_timeout(pack().args(["run", "oom.js"]).current_dir(project.dir.path()).env(variable, value));
        let stderr = text(&output.stderr);
        assert_eq!(output.status.code(), Some(134), "{variable}: {stderr}");
        assert!(stderr.contains("FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"), "{stderr}");
        assert!(stderr.contains("limited to 64 MiB; set PACK_MAX_OLD_SPACE_SIZE=<MiB> to raise it"), "{stderr}");
        assert_no_rust_noise(&stderr);
    }
}

#[test]
fn a_stack_overflow_is_a_range_error() {
    let script = "function f() { f(); }\ntry { f(); } catch (error) { console.log(error instanceof RangeError, error.message); }\nf();\n";
    let project = Project::new(&[("deep.js", script)]);
    let output = run_with_timeout(pack().args(["run", "deep.js"]).current_dir(project.dir.path()));
    assert_eq!(text(&output.stdout), "true Maximum call stack size exceeded\n");
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("RangeError: Maximum call stack size exceeded"), "{}", text(&output.stderr));
}

// ---------------------------------------------------------------------------------------------
// Descriptors and memory stay flat.

fn stays_flat(kind: &str, count: &str) {
    let output = run_with_timeout(&mut pack_run("descriptors.js", &[kind, count]));
    let expected = format!("{kind}: {count} opened and closed\ndescriptors: flat\nmemory: flat\n");
    assert_eq!(text(&output.stdout), expected, "stderr:\n{}", text(&output.stderr));
    assert!(output.status.success());
}

#[test]
fn files_opened_and_closed_leak_nothing() {
    stays_flat("files", "100000");
}

#[test]
fn sockets_connected_and_closed_leak_nothing() {
    // Fewer than the files: a connection costs ~0.5 ms here (Node: ~0.1 ms).
    stays_flat("sockets", "10000");
}

#[test]
fn child_processes_leak_nothing() {
    stays_flat("children", "500");
}

// ---------------------------------------------------------------------------------------------
// `pack build` replaces its output atomically.

/// The directory's entries, sorted.
fn entries(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

#[test]
fn a_failed_build_leaves_the_previous_output_alone() {
    let project = Project::new(&[("out/.keep", ""), ("good.js", "console.log('good')"), ("bad.js", "let = ;")]);
    project.build("good.js", "out/app");
    let before = std::fs::read(project.path("out/app")).unwrap();

    let output = project.pack_build("bad.js", "out/app");
    assert!(!output.status.success());
    assert_eq!(std::fs::read(project.path("out/app")).unwrap(), before, "the old executable changed");
    assert_eq!(entries(&project.path("out")), [".keep", "app"], "a temporary file was left behind");

    // A failure while moving the new file into place (the output names a directory).
    std::fs::create_dir(project.path("out/dir")).unwrap();
    let output = project.pack_build("good.js", "out/dir");
    assert!(!output.status.success());
    assert_eq!(entries(&project.path("out")), [".keep", "app", "dir"], "a temporary file was left behind");
    assert!(entries(&project.path("out/dir")).is_empty());
}
