//! The payload is read lazily: a packed app decompresses at start only the payload's index, and
//! each module or asset when it is first required or read. `PACK_DEBUG=payload` makes the stub
//! name every blob it reads, which is what these tests watch. A blob damaged behind a valid
//! checksum is only noticed when it is needed, and then it is a clear error, not a panic.

mod support;

use std::path::Path;
use std::process::{Command, Output};

use support::{run_with_timeout, text, Project};

/// A module of about 400 KB that compresses well but not to nothing, unlike any other module.
fn big_module() -> String {
    let row = |i: u64| format!("  ['row {i}', {}, '{:x}'],\n", i * 7919 % 10007, i * 2654435761 % 4294967291);
    let rows: String = (0..12_000).map(row).collect();
    format!("const rows = [\n{rows}];\nmodule.exports = {{ rows: rows.length }};\n")
}

/// An app that requires `big.js` only when asked to, and reads its asset only when asked to.
fn project() -> Project {
    Project::new(&[
        (
            "index.js",
            "const path = require('path');\n\
             const fs = require('fs');\n\
             const { greeting } = require('./small');\n\
             if (process.argv[2] === 'big') console.log(require('./big').rows);\n\
             else if (process.argv[2] === 'asset') console.log(fs.readFileSync(path.join(__dirname, 'notes.txt'), 'utf8').trim());\n\
             else console.log(greeting);\n",
        ),
        ("small.js", "exports.greeting = 'hello from small';\n"),
        ("big.js", &big_module()),
        ("notes.txt", "notes embedded as an asset\n"),
    ])
}

fn run(binary: &Path, arg: Option<&str>) -> Output {
    run_with_timeout(Command::new(binary).args(arg).env("PACK_DEBUG", "payload"))
}

/// The blobs the stub said it read: `module small.js`, `asset notes.txt`, ...
fn blobs_read(output: &Output) -> Vec<String> {
    text(&output.stderr)
        .lines()
        .filter_map(|line| line.strip_prefix("pack: "))
        .filter_map(|line| Some(line.split_once(' ')?.1.split(" (").next()?.trim_start_matches("uncompressed ").to_owned()))
        .collect()
}

#[test]
fn only_what_the_app_uses_is_decompressed() {
    let project = project();
    let binary = project.build("index.js", "app");

    let plain = run(&binary, None);
    assert!(plain.status.success(), "{}", text(&plain.stderr));
    assert_eq!(text(&plain.stdout), "hello from small\n");
    let read = blobs_read(&plain);
    assert!(read.contains(&"module index.js".to_owned()) && read.contains(&"module small.js".to_owned()), "{read:?}");
    assert!(!read.iter().any(|blob| blob.contains("big.js") || blob.contains("notes.txt") || blob.contains("package")), "{read:?}");

    let big = run(&binary, Some("big"));
    assert_eq!(text(&big.stdout), "12000\n", "{}", text(&big.stderr));
    let line = format!("pack: decompressed module big.js ({} bytes)", big_module().len());
    assert!(text(&big.stderr).lines().any(|read| read == line), "no '{line}' in:\n{}", text(&big.stderr));

    let asset = run(&binary, Some("asset"));
    assert_eq!(text(&asset.stdout), "notes embedded as an asset\n", "{}", text(&asset.stderr));
    let read = blobs_read(&asset);
    assert!(read.contains(&"asset notes.txt".to_owned()) && !read.iter().any(|blob| blob.contains("big.js")), "{read:?}");
}

#[test]
fn nothing_is_traced_unless_asked() {
    let project = project();
    let binary = project.build("index.js", "app");
    let output = run_with_timeout(Command::new(&binary).arg("big").env_remove("PACK_DEBUG"));
    assert!(output.status.success());
    assert_eq!(text(&output.stderr), "");
}

#[test]
fn a_damaged_module_is_a_clear_error_when_it_is_required() {
    let project = project();
    let binary = project.build("index.js", "app");
    damage_module_source(&binary, "big.js");

    // The damage is behind a valid checksum, so it shows only when big.js is needed.
    let untouched = run(&binary, None);
    assert!(untouched.status.success(), "{}", text(&untouched.stderr));
    assert_eq!(text(&untouched.stdout), "hello from small\n");

    let output = run_with_timeout(Command::new(&binary).arg("big"));
    let stderr = text(&output.stderr);
    assert!(!output.status.success());
    let expected = format!("{}: corrupt payload: module big.js: decompression failed: ", binary.display());
    assert!(stderr.contains(&expected), "no '{expected}' in:\n{stderr}");
    assert!(!stderr.contains("panicked") && !stderr.contains("bug in pack"), "{stderr}");
}

/// Overwrites the start of a module's stored source, then puts the payload's checksum right,
/// so the damage is found only by decompressing that module.
fn damage_module_source(binary: &Path, key: &str) {
    let mut bytes = std::fs::read(binary).unwrap();
    let store = payload::Store::open(&mut std::io::Cursor::new(&bytes)).unwrap();
    let span = store.source_span(store.module(key).unwrap());
    let at = span.start as usize;
    bytes[at..at + 4].copy_from_slice(b"junk");
    let trailer_at = bytes.len() - payload::TRAILER_LEN as usize;
    let checksum = crc32fast::hash(&bytes[store.sizes().offset as usize..trailer_at]);
    bytes[trailer_at + 16..trailer_at + 20].copy_from_slice(&checksum.to_le_bytes());
    std::fs::write(binary, bytes).unwrap();
}
