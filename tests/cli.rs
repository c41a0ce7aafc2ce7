//! The command line and bad input: each failure gets a clear message, a non-zero exit and no
//! panic, and a failed build writes no binary.

mod support;

use std::process::Command;

use support::{assert_matches, pack, run_with_timeout, text, Project};

const PANIC: &str = "panicked";

fn fails_with(output: &std::process::Output, pattern: &str) {
    assert!(!output.status.success(), "expected failure, got success; stdout:\n{}", text(&output.stdout));
    let stderr = text(&output.stderr);
    assert!(!stderr.contains(PANIC), "panic in stderr:\n{stderr}");
    assert_matches("stderr", pattern, &stderr);
}

#[test]
fn build_writes_an_executable_that_runs_anywhere() {
    let project = Project::new(&[("app/index.js", "console.log('hi', process.argv.slice(2).join(','))")]);
    let output = project.pack_build("app/index.js", "out/app");
    assert!(!project.path("out/app").exists());
    assert!(!output.status.success(), "the output directory does not exist");

    std::fs::create_dir(project.path("out")).unwrap();
    let binary = project.build("app/index.js", "out/app");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&binary).unwrap().permissions().mode() & 0o777, 0o755);
    }
    // Moved away from the project, it still runs: everything it needs is inside.
    let elsewhere = tempfile::tempdir().unwrap();
    let moved = elsewhere.path().join("app");
    std::fs::rename(&binary, &moved).unwrap();
    drop(project);
    let output = run_with_timeout(Command::new(&moved).args(["a", "b"]));
    assert_eq!(text(&output.stdout), "hi a,b\n");
    assert!(output.status.success());
}

#[test]
fn payload_holds_no_absolute_path_of_the_packing_machine() {
    let project = Project::new(&[("index.js", "require('./lib/x')"), ("lib/x.js", "")]);
    let binary = project.build("index.js", "app");
    let contents = payload::read_contents(&mut std::fs::File::open(binary).unwrap()).unwrap();
    let everything = format!("{contents:?}");
    let dir = project.dir.path().canonicalize().unwrap();
    assert!(!everything.contains(dir.to_str().unwrap()));
    assert!(everything.contains("lib/x.js"));
}

#[test]
fn builds_are_reproducible() {
    let project = Project::new(&[("index.js", "require('./a'); require('./b.json')"), ("a.js", "1"), ("b.json", "{}")]);
    let first = std::fs::read(project.build("index.js", "one")).unwrap();
    let second = std::fs::read(project.build("index.js", "two")).unwrap();
    assert!(first == second, "two builds of the same app differ");
}

#[test]
fn missing_entry() {
    let project = Project::new(&[]);
    let output = project.pack_build("nope.js", "app");
    fails_with(&output, "error: cannot read entry 'nope.js': [WILDCARD]");
    assert!(!project.path("app").exists());
}

#[test]
fn syntax_error_names_file_line_and_column_and_writes_nothing() {
    let project = Project::new(&[("index.js", "require('./lib/bad')\n"), ("lib/bad.js", "const ok = 1;\nlet = = 2;\n")]);
    let output = project.pack_build("index.js", "app");
    fails_with(&output, "lib/bad.js:2:[WILDCARD]: error: syntax error: [WILDCARD]\n2 | let = = 2;\n[WILDCARD]error: could not pack 'index.js' (1 error)\n");
    assert!(!project.path("app").exists());
}

#[test]
fn unresolvable_require_names_the_requiring_file_line_and_chain() {
    let project = Project::new(&[("index.js", "require('./lib/a')\n"), ("lib/a.js", "\n\nconst m = require('./missing');\n")]);
    let output = project.pack_build("index.js", "app");
    fails_with(
        &output,
        "lib/a.js:3:11: error: Cannot find module './missing'\n[WILDCARD]  = note: lib/a.js is required by index.js\n  = help: check the path[WILDCARD]",
    );
    assert!(!project.path("app").exists());
}

#[test]
fn every_error_is_reported_at_once() {
    let project = Project::new(&[("index.js", "require('./a'); require('./b')\n"), ("a.js", "require('./x')"), ("b.js", "require('./y')")]);
    let output = project.pack_build("index.js", "app");
    fails_with(&output, "[WILDCARD]'./x'[WILDCARD]'./y'[WILDCARD](2 errors)\n");
}

#[test]
fn optional_and_dynamic_requires_are_warnings() {
    let project = Project::new(&[(
        "index.js",
        "try { require('./optional') } catch (e) { console.log(e.code) }\nconst name = './x';\ntry { require(name) } catch (e) { console.log(e.code) }\n",
    )]);
    let output = project.pack_build("index.js", "app");
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_matches(
        "stderr",
        "index.js:1:7: warning: Cannot find module './optional'[WILDCARD]index.js:3:7: warning: require() of a computed name[WILDCARD]packed 1 module and 0 assets into app[WILDCARD]",
        &text(&output.stderr),
    );
    let run = run_with_timeout(&mut Command::new(project.path("app")));
    assert_eq!(text(&run.stdout), "MODULE_NOT_FOUND\nMODULE_NOT_FOUND\n");
}

#[test]
fn output_that_is_a_directory_or_unwritable() {
    let project = Project::new(&[("index.js", "")]);
    std::fs::create_dir(project.path("dir")).unwrap();
    fails_with(&project.pack_build("index.js", "dir"), "error: cannot write the executable to 'dir': it is a directory\n");
    fails_with(&project.pack_build("index.js", "no/such/dir/app"), "error: cannot write the executable 'no/such/dir/[WILDCARD]");
}

fn corrupt_binary(edit: impl FnOnce(&mut Vec<u8>)) -> std::process::Output {
    let project = Project::new(&[("index.js", "console.log('fine')")]);
    let binary = project.build("index.js", "app");
    let mut bytes = std::fs::read(&binary).unwrap();
    edit(&mut bytes);
    std::fs::write(&binary, bytes).unwrap();
    run_with_timeout(&mut Command::new(&binary))
}

#[test]
fn binary_truncated_by_one_byte() {
    let output = corrupt_binary(|bytes| {
        bytes.pop();
    });
    fails_with(&output, "[WILDCARD]/app: corrupt payload: trailer: cut short by 1 bytes (the file is truncated)\n");
    assert_eq!(output.status.code(), Some(70));
}

#[test]
fn binary_with_its_last_payload_byte_cut() {
    let output = corrupt_binary(|bytes| {
        let at = bytes.len() - payload::TRAILER_LEN as usize - 1;
        bytes.remove(at);
    });
    fails_with(&output, "[WILDCARD]/app: corrupt payload: trailer: [WILDCARD]");
    assert_eq!(output.status.code(), Some(70));
}

#[test]
fn binary_with_a_flipped_payload_byte() {
    let output = corrupt_binary(|bytes| {
        let at = bytes.len() - payload::TRAILER_LEN as usize - 8;
        bytes[at] ^= 0x40;
    });
    fails_with(&output, "[WILDCARD]/app: corrupt payload: payload: checksum mismatch[WILDCARD]");
    assert_eq!(output.status.code(), Some(70));
}

#[test]
fn binary_from_a_future_format_version() {
    let output = corrupt_binary(|bytes| {
        let at = bytes.len() - 12;
        bytes[at] = bytes[at].wrapping_add(1);
    });
    let expected = format!(
        "[WILDCARD]/app: payload format version {} is not supported by this runtime (it reads version {})[WILDCARD]",
        payload::FORMAT_VERSION + 1,
        payload::FORMAT_VERSION
    );
    fails_with(&output, &expected);
}

#[test]
fn bare_stub_prints_usage() {
    let output = run_with_timeout(&mut Command::new(support::stub_path()));
    fails_with(&output, "[WILDCARD]this is the pack stub runtime with no app inside; make an app with `pack build app.js -o app`\n");
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn stub_given_with_flag_or_variable() {
    let project = Project::new(&[("index.js", "console.log(1)")]);
    let output = run_with_timeout(pack().args(["build", "index.js", "-o", "app", "--stub", "missing-stub"]).current_dir(project.dir.path()));
    fails_with(&output, "error: cannot read the stub runtime 'missing-stub'[WILDCARD]");
    let output = run_with_timeout(pack().args(["build", "index.js", "-o", "app"]).env("PACK_STUB", "env-stub").current_dir(project.dir.path()));
    fails_with(&output, "error: cannot read the stub runtime 'env-stub'[WILDCARD]");
    let output = run_with_timeout(pack().args(["build", "index.js", "-o", "app"]).env("PACK_STUB", support::stub_path()).current_dir(project.dir.path()));
    assert!(output.status.success());
}

#[test]
fn shorthand_runs_a_script_and_exec_path_is_pack() {
    let project = Project::new(&[("main.js", "console.log(process.argv.slice(2).join(' '), process.execPath === process.argv[0])")]);
    let output = run_with_timeout(pack().args(["main.js", "--flag", "x"]).current_dir(project.dir.path()));
    assert_eq!(text(&output.stdout), "--flag x true\n");
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stderr).is_empty());
}

#[test]
fn pack_run_exit_code_is_the_apps() {
    let project = Project::new(&[("main.js", "process.exit(7)")]);
    let output = run_with_timeout(pack().args(["run", "main.js"]).current_dir(project.dir.path()));
    assert_eq!(output.status.code(), Some(7));
}

#[test]
fn no_bytecode_cache_is_written_unless_asked() {
    let project = Project::new(&[("index.js", "console.log(Object.keys(process.env).filter((k) => k.startsWith('V82JSC')).length)")]);
    let binary = project.build("index.js", "app");
    let home = tempfile::tempdir().unwrap();
    let output = run_with_timeout(Command::new(&binary).env("HOME", home.path()).env_remove("XDG_CACHE_HOME").env_remove("PACK_CODE_CACHE_DIR"));
    assert_eq!(text(&output.stdout), "0\n");
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0, "the app wrote into HOME");

    let cache = home.path().join("cache");
    let output = run_with_timeout(Command::new(&binary).env("HOME", home.path()).env("PACK_CODE_CACHE_DIR", &cache));
    assert_eq!(text(&output.stdout), "0\n");
    assert!(std::fs::read_dir(&cache).unwrap().count() > 0, "opting in with PACK_CODE_CACHE_DIR caches bytecode there");
}

#[test]
fn inspect_lists_entry_modules_and_sizes() {
    let project = Project::new(&[("index.ts", "import { x } from './lib';\nconsole.log(x);\n"), ("lib.js", "exports.x = 1;\n"), ("data.json", "{}")]);
    project.write("index.ts", "import { x } from './lib';\nimport data from './data.json';\nconsole.log(x, data);\n");
    let output = run_with_timeout(pack().args(["build", "index.ts", "-o", "app", "--minify", "--compress-level", "5", "--quiet"]).current_dir(project.dir.path()));
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(text(&output.stderr), "", "--quiet prints nothing on success");
    let report = run_with_timeout(pack().args(["inspect", "app"]).current_dir(project.dir.path()));
    assert!(report.status.success(), "{}", text(&report.stderr));
    assert_matches(
        "inspect",
        &format!(
            "format version  {}\nentry           index.ts\nminified        yes\nsource maps     2 of 3 modules\nassets          0\nstub[WILDCARD]payload[WILDCARD]% of raw)\n\n[WILDCARD] json  data.json\n[WILDCARD] js    index.ts\n[WILDCARD] js    lib.js\n",
            payload::FORMAT_VERSION
        ),
        &text(&report.stdout),
    );
}

#[test]
fn inspect_of_a_file_without_payload_fails_clearly() {
    // (A bare stub is described instead: tests/airgap.rs.)
    let project = Project::new(&[("script.sh", "#!/bin/sh\necho hi\n")]);
    let output = run_with_timeout(pack().arg("inspect").arg(project.path("script.sh")));
    fails_with(&output, "error: '[WILDCARD]script.sh' (and it is not a pack stub runtime either): no payload found[WILDCARD]");
}

#[test]
fn compress_level_out_of_range_is_refused() {
    let project = Project::new(&[("index.js", "")]);
    let output = run_with_timeout(pack().args(["build", "index.js", "-o", "app", "--compress-level", "0"]).current_dir(project.dir.path()));
    fails_with(&output, "error: invalid value '0' for '--compress-level <COMPRESS_LEVEL>': 0 is not in 1..=22[WILDCARD]");
}

#[test]
fn module_that_is_not_utf8_is_reported_at_the_bad_byte() {
    let project = Project::new(&[("index.js", "require('./latin1')\n")]);
    std::fs::write(project.path("latin1.js"), b"// ok\nconst s = '\xe9t\xe9';\n").unwrap();
    let output = project.pack_build("index.js", "app");
    fails_with(&output, "latin1.js:2:12: error: not UTF-8 text (invalid byte 0xe9)\n[WILDCARD]2 | const s = '\n[WILDCARD]  = help: JavaScript, TypeScript and JSON modules must be saved as UTF-8\n[WILDCARD]");
    assert!(!project.path("app").exists());
}

#[test]
fn broken_package_json_is_reported_with_the_requiring_file() {
    let project = Project::new(&[
        ("index.js", "require('dep')\n"),
        ("node_modules/dep/package.json", "{\n  \"main\": \"x.js\",\n  oops\n}\n"),
        ("node_modules/dep/x.js", ""),
    ]);
    let output = project.pack_build("index.js", "app");
    fails_with(&output, "node_modules/dep/package.json:3:3: error: invalid package.json: [WILDCARD]3 |   oops\n[WILDCARD]  = note: read while resolving 'dep' from index.js:1\n[WILDCARD]");
}

#[test]
fn unresolvable_package_names_the_chain() {
    let project = Project::new(&[("index.js", "require('./lib')\n"), ("lib.js", "module.exports = require('left-pad');\n")]);
    let output = project.pack_build("index.js", "app");
    fails_with(
        &output,
        "lib.js:1:18: error: Cannot find module 'left-pad'\n[WILDCARD]  = note: lib.js is required by index.js\n  = help: install the package (npm install left-pad)[WILDCARD]",
    );
}

#[test]
fn writes_to_embedded_files_fail_with_erofs() {
    let project = Project::new(&[
        (
            "index.js",
            "const fs = require('fs');\nconst path = require('path');\nconst file = path.join(__dirname, 'data', 'x.txt');\nfor (const write of [() => fs.writeFileSync(file, 'y'), () => fs.mkdirSync(path.join(__dirname, 'new')), () => fs.unlinkSync(file)]) {\n  try { write(); console.log('wrote'); } catch (error) { console.log(error.code, error.syscall); }\n}\nconsole.log(fs.readFileSync(file, 'utf8'));\n",
        ),
        ("data/x.txt", "unchanged"),
    ]);
    let output = run_with_timeout(pack().args(["build", "index.js", "-o", "app", "--include", "data/*"]).current_dir(project.dir.path()));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let run = run_with_timeout(&mut Command::new(project.path("app")));
    assert_eq!(text(&run.stdout), "EROFS open\nEROFS mkdir\nEROFS unlink\nunchanged\n", "{}", text(&run.stderr));
}

#[test]
fn a_twenty_megabyte_asset_packs_and_reads_back_whole() {
    let project = Project::new(&[(
        "index.js",
        "const bytes = require('fs').readFileSync(require('path').join(__dirname, 'big.bin'));\nlet sum = 0;\nfor (let i = 0; i < bytes.length; i += 4096) sum = (sum + bytes[i]) % 65536;\nconsole.log(bytes.length, sum);\n",
    )]);
    // Incompressible bytes from a fixed xorshift sequence, so the expected sum is known here.
    let mut state: u32 = 0x9e37_79b9;
    let bytes: Vec<u8> = (0..20 * 1024 * 1024)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state as u8
        })
        .collect();
    let sum = bytes.iter().step_by(4096).fold(0u32, |sum, &byte| (sum + u32::from(byte)) % 65536);
    std::fs::write(project.path("big.bin"), &bytes).unwrap();
    let output = run_with_timeout(pack().args(["build", "index.js", "-o", "app", "--include", "big.bin", "--quiet"]).current_dir(project.dir.path()));
    assert!(output.status.success(), "{}", text(&output.stderr));
    let run = run_with_timeout(&mut Command::new(project.path("app")));
    assert_eq!(text(&run.stdout), format!("{} {sum}\n", bytes.len()), "{}", text(&run.stderr));
}

#[test]
fn embedded_files_work_with_the_usual_fs_calls() {
    let project = Project::new(&[
        (
            "index.js",
            r#"const fs = require('fs');
const path = require('path');
const data = path.join(__dirname, 'data');
const file = path.join(data, 'note.txt');
console.log(fs.lstatSync(file).isFile(), fs.realpathSync(file) === file);
fs.accessSync(file, fs.constants.R_OK);
const fd = fs.openSync(file, 'r');
const buffer = Buffer.alloc(4);
console.log(fs.readSync(fd, buffer, 0, 4, 0), buffer.toString());
fs.closeSync(fd);
const dir = fs.opendirSync(data);
const names = [];
for (let entry; (entry = dir.readSync()) !== null; ) names.push(`${entry.name}:${entry.isDirectory() ? 'dir' : 'file'}`);
dir.closeSync();
console.log(names.sort().join(','));
console.log(fs.readdirSync(data, { withFileTypes: true }).map((entry) => entry.name).join(','));
for (const name of ['one', 'two']) console.log(require(path.join(__dirname, 'plugins', name)));
const chunks = [];
fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 5 })
  .on('data', (chunk) => chunks.push(chunk))
  .on('end', () => console.log('stream', chunks.length, chunks.join('')));
"#,
        ),
        ("data/note.txt", "note text here"),
        ("data/sub/inner.txt", "inner"),
        ("plugins/one.js", "module.exports = 'plugin one';"),
        ("plugins/two.js", "module.exports = 'plugin two';"),
    ]);
    let output = run_with_timeout(
        pack().args(["build", "index.js", "-o", "app", "--include", "data/**/*", "--include", "plugins/*.js", "--quiet"]).current_dir(project.dir.path()),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    // Run from elsewhere with the project gone: everything comes from inside the binary.
    let elsewhere = tempfile::tempdir().unwrap();
    let binary = elsewhere.path().join("app");
    std::fs::rename(project.path("app"), &binary).unwrap();
    drop(project);
    let run = run_with_timeout(Command::new(&binary).current_dir(elsewhere.path()));
    assert_eq!(
        text(&run.stdout),
        "true true\n4 note\nnote.txt:file,sub:dir\nnote.txt,sub\nplugin one\nplugin two\nstream 3 note text here\n",
        "{}",
        text(&run.stderr)
    );
}

#[test]
fn raw_mode_is_undone_when_the_app_exits() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` command to give the app a terminal");
        return;
    }
    let project = Project::new(&[("raw.js", "process.stdin.setRawMode(true);\nprocess.stdout.write(`raw ${process.stdin.isRaw}\\n`);\nprocess.exit(0);\n")]);
    let pack_path = env!("CARGO_BIN_EXE_pack");
    let shell = format!("{pack_path} raw.js; stty -a");
    let output = run_with_timeout(Command::new("script").args(["-qec", &shell, "/dev/null"]).current_dir(project.dir.path()));
    let terminal = text(&output.stdout);
    assert!(terminal.contains("raw true"), "{terminal}");
    assert!(terminal.contains(" icanon") && !terminal.contains("-icanon"), "the terminal was left raw:\n{terminal}");
}

/// The start-up snapshot carries the most used built-ins precompiled; without it
/// (PACK_NO_SNAPSHOT) they are compiled from source. Both must behave the same, down to the
/// built-in's name and line in a stack trace (the engine reports other columns for functions
/// restored from a snapshot, so columns are left out).
#[test]
fn the_snapshot_and_a_start_without_it_agree() {
    let project = Project::new(&[(
        "app.js",
        "try { Buffer.alloc(-1); } catch (error) { console.log(error.code, error.stack.match(/node:[a-z/]+:\\d+/)[0]); }\n\
         console.log(typeof require('util').inspect, Object.getPrototypeOf(TypeError) === Error);\n\
         new (require('worker_threads').Worker)('console.log(typeof process.env)', { eval: true });\n",
    )]);
    let binary = project.build("app.js", "app");
    let with = run_with_timeout(&mut Command::new(&binary));
    let without = run_with_timeout(Command::new(&binary).env("PACK_NO_SNAPSHOT", "1"));
    assert_eq!(text(&with.stdout), "ERR_OUT_OF_RANGE node:internal/encoding:18\nfunction true\nobject\n", "stderr:\n{}", text(&with.stderr));
    assert_eq!(text(&without.stdout), text(&with.stdout), "stderr:\n{}", text(&without.stderr));
}
