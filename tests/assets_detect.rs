//! Asset detection: files an app reads relative to its own code with a path known at pack time
//! are embedded without flags, with a summary line saying why; paths known only at run time are
//! warnings that suggest `--include`. Each packed app runs moved away from its project, so what
//! it reads can only come from the binary.

mod support;

use std::path::Path;
use std::process::{Command, Output};

use support::{pack, run_with_timeout, text, Project};

/// `pack build ENTRY -o app` in the project: (stderr, the app's output when run elsewhere).
fn build_and_run(project: Project, entry: &str) -> (String, Output) {
    let output = run_with_timeout(pack().args(["build", entry, "-o", "app"]).current_dir(project.dir.path()));
    let stderr = text(&output.stderr);
    assert!(output.status.success(), "pack build failed:\n{stderr}");
    let elsewhere = tempfile::tempdir().unwrap();
    let moved = elsewhere.path().join("app");
    std::fs::rename(project.path("app"), &moved).unwrap();
    drop(project);
    let run = run_with_timeout(Command::new(&moved).current_dir(elsewhere.path()));
    assert!(run.status.success(), "the app failed:\n{}", text(&run.stderr));
    (stderr, run)
}

fn has_line(stderr: &str, line: &str) {
    assert!(stderr.lines().any(|found| found == line), "no line {line:?} in:\n{stderr}");
}

/// Lists a template directory (with a subdirectory) and reads each file.
const RENDER: &str = "const fs = require('fs');\nconst path = require('path');\nconst dir = path.join(__dirname, '..', 'templates');\n\
    module.exports = () => fs.readdirSync(dir).filter((name) => name.endsWith('.txt'))\n\
    .map((name) => fs.readFileSync(path.join(dir, name), 'utf8').trim())\n\
    .concat(fs.readFileSync(path.join(dir, 'deep', 'c.txt'), 'utf8').trim());\n";

#[test]
fn a_directory_from_path_join_is_embedded_whole() {
    let project = Project::new(&[
        ("package.json", "{}"),
        ("lib/render.js", RENDER),
        ("index.js", "console.log(require('./lib/render')().join(','));\n"),
        ("templates/a.txt", "A\n"),
        ("templates/b.txt", "B\n"),
        ("templates/deep/c.txt", "C\n"),
    ]);
    let (stderr, run) = build_and_run(project, "index.js");
    has_line(&stderr, "assets: 3 files from path.join(__dirname, '..', 'templates') in lib/render.js:3");
    assert_eq!(text(&run.stdout), "A,B,C\n");
}

#[test]
fn path_resolve_concatenation_and_templates() {
    let project = Project::new(&[
        (
            "index.js",
            "const fs = require('fs');\nconst path = require('path');\n\
             const a = fs.readFileSync(path.resolve(__dirname, 'data/a.json'), 'utf8');\n\
             const b = fs.readFileSync(__dirname + '/data/b.txt', 'utf8');\n\
             const c = fs.readFileSync(`${__dirname}/data/c.txt`, 'utf8');\n\
             console.log(JSON.parse(a).a, b.trim(), c.trim());\n",
        ),
        ("data/a.json", "{\"a\": 1}"),
        ("data/b.txt", "bee\n"),
        ("data/c.txt", "sea\n"),
        ("data/unused.txt", "not embedded"),
    ]);
    let (stderr, run) = build_and_run(project, "index.js");
    has_line(&stderr, "assets: 1 file from path.resolve(__dirname, 'data/a.json') in index.js:3");
    has_line(&stderr, "assets: 1 file from __dirname + '/data/b.txt' in index.js:4");
    has_line(&stderr, "assets: 1 file from `${__dirname}/data/c.txt` in index.js:5");
    assert!(stderr.contains("and 3 assets"), "{stderr}");
    assert_eq!(text(&run.stdout), "1 bee sea\n");
}

#[test]
fn require_resolve_of_a_data_file_in_a_package() {
    let project = Project::new(&[
        ("index.js", "const fs = require('fs');\nconsole.log(fs.readFileSync(require.resolve('words/list.txt'), 'utf8').trim());\n"),
        ("node_modules/words/package.json", r#"{"name": "words"}"#),
        ("node_modules/words/list.txt", "alpha beta\n"),
    ]);
    let (stderr, run) = build_and_run(project, "index.js");
    has_line(&stderr, "assets: 1 file from require.resolve('words/list.txt') in index.js:2");
    assert_eq!(text(&run.stdout), "alpha beta\n");
}

#[test]
fn new_url_relative_to_import_meta_url() {
    let project = Project::new(&[
        (
            "main.mjs",
            "import { readFileSync } from 'node:fs';\nimport { fileURLToPath } from 'node:url';\n\
             const file = fileURLToPath(new URL('./assets/logo.svg', import.meta.url));\n\
             console.log(readFileSync(file, 'utf8').trim());\n",
        ),
        ("assets/logo.svg", "<svg/>\n"),
    ]);
    let (stderr, run) = build_and_run(project, "main.mjs");
    has_line(&stderr, "assets: 1 file from new URL('./assets/logo.svg', import.meta.url) in main.mjs:3");
    assert_eq!(text(&run.stdout), "<svg/>\n");
}

#[test]
fn a_path_known_only_at_run_time_is_a_warning_suggesting_include() {
    let project = Project::new(&[
        ("package.json", "{}"),
        ("src/theme.js", "const path = require('path');\nmodule.exports = (name) =>\n  path.join(__dirname, 'themes', name);\n"),
        ("src/themes/dark.css", "body{}"),
        ("index.js", "require('./src/theme');\n"),
    ]);
    let output = run_with_timeout(pack().args(["build", "index.js", "-o", "app"]).current_dir(project.dir.path()));
    assert!(output.status.success());
    let stderr = text(&output.stderr);
    assert!(stderr.contains("src/theme.js:3:3: warning: cannot tell which files path.join(__dirname, 'themes', name) names before run time"), "{stderr}");
    assert!(stderr.contains("help: if the app reads files there at run time, embed them with --include 'src/themes/**'"), "{stderr}");
}

#[test]
fn missing_builtin_only_and_code_directories_stay_quiet() {
    let project = Project::new(&[
        ("package.json", "{}"),
        (
            "index.js",
            "const path = require('path');\nconst os = require('os');\n\
             path.join(__dirname, 'cache');\npath.join(os.tmpdir(), 'x');\npath.resolve(process.cwd(), 'out');\n\
             path.join(__dirname, '..');\npath.resolve(__dirname);\nconsole.log('ok');\n",
        ),
    ]);
    let output = run_with_timeout(pack().args(["build", "index.js", "-o", "app"]).current_dir(project.dir.path()));
    let stderr = text(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "only the summary line:\n{stderr}");
    assert!(stderr.contains("and 0 assets"), "{stderr}");
}

#[test]
fn nothing_outside_the_project_is_embedded() {
    let outer = Project::new(&[("secret.txt", "do not ship")]);
    let app = "app/";
    outer.write(&format!("{app}package.json"), "{}");
    outer.write(&format!("{app}index.js"), "require('fs').readFileSync(require('path').join(__dirname, '..', 'secret.txt'));\n");
    let output = run_with_timeout(pack().args(["build", "index.js", "-o", "out"]).current_dir(outer.path(app)));
    let stderr = text(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(stderr.contains("outside the project: not embedded"), "{stderr}");
    assert!(stderr.contains("and 0 assets"), "{stderr}");
    let binary = std::fs::read(outer.path("app/out")).unwrap();
    assert!(!contains(&binary, b"do not ship"));
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|window| window == needle)
}

#[test]
fn quiet_drops_the_summary_lines() {
    let project = Project::new(&[("index.js", "require('fs').readFileSync(__dirname + '/x.txt')\n"), ("x.txt", "x")]);
    let output = run_with_timeout(pack().args(["build", "index.js", "-o", "app", "--quiet"]).current_dir(project.dir.path()));
    assert!(output.status.success());
    assert_eq!(text(&output.stderr), "");
    assert!(Path::new(&project.path("app")).is_file());
}
