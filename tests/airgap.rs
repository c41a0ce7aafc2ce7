//! Shipping to air-gapped machines: packing without a network, stubs for other targets,
//! signed executables (`pack keygen`, `build --sign`, `verify`), SBOMs and licence notices.
//!
//! The npm fixture (tests/npm_app, installed by `npm ci` as tests/npm.rs does) is packed once
//! per run, signed, and shared by the tests.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use serde_json::Value;
use support::{pack, run_with_timeout, text, Project};

/// The npm fixture's app: yargs and its dependencies (16 packages).
const SCRIPT: &str = "yargs.js";
const SCRIPT_ARGS: [&str; 5] = ["say", "hi", "-c", "3", "--verbose"];


/// A key pair and the fixture packed and signed with it, with its notices file.
struct Signed {
    dir: tempfile::TempDir,
}

impl Signed {
    fn key(&self) -> PathBuf {
        self.dir.path().join("release.key")
    }
    fn public_key(&self) -> PathBuf {
        self.dir.path().join("release.key.pub")
    }
    fn app(&self) -> PathBuf {
        self.dir.path().join("app")
    }
    fn notices(&self) -> PathBuf {
        self.dir.path().join("THIRD-PARTY-NOTICES.txt")
    }
}

fn signed() -> &'static Signed {
    static SIGNED: OnceLock<Signed> = OnceLock::new();
    SIGNED.get_or_init(|| {
        let signed = Signed { dir: tempfile::tempdir().unwrap() };
        succeeds(&run_with_timeout(pack().arg("keygen").arg("-o").arg(signed.key())));
        build_signed(&signed.key(), &signed.app(), Some(&signed.notices()), &mut pack());
        signed
    })
}

/// `pack build` of the fixture, signed with `key`, run as `command` (pack, or pack inside a
/// wrapper such as unshare).
fn build_signed(key: &Path, output: &Path, notices: Option<&Path>, command: &mut Command) {
    command.args(["build", SCRIPT, "--quiet", "-o"]).arg(output).arg("--sign").arg(key).current_dir(support::npm_app());
    if let Some(notices) = notices {
        command.arg("--notices").arg(notices);
    }
    succeeds(&run_with_timeout(command));
}

fn succeeds(output: &Output) {
    assert!(output.status.success(), "failed ({:?}):\nstdout:\n{}\nstderr:\n{}", output.status, text(&output.stdout), text(&output.stderr));
}

fn verify(binary: &Path, key: &Path) -> Output {
    run_with_timeout(pack().arg("verify").arg(binary).arg("--key").arg(key))
}

/// A command that runs its arguments in a fresh network namespace, if this machine allows one.
fn network_namespace() -> Option<Vec<&'static str>> {
    let candidates: [&[&str]; 2] = [&["unshare", "-n", "--"], &["unshare", "-rn", "--"]];
    candidates.into_iter().find_map(|prefix| {
        let works = Command::new(prefix[0]).args(&prefix[1..]).arg("true").output().is_ok_and(|output| output.status.success());
        works.then(|| prefix.to_vec())
    })
}

fn in_namespace(prefix: &[&str]) -> Command {
    let mut command = Command::new(prefix[0]);
    command.args(&prefix[1..]).arg(env!("CARGO_BIN_EXE_pack"));
    command
}

#[test]
fn build_keygen_and_inspect_work_without_a_network() {
    let Some(prefix) = network_namespace() else {
        println!("skipped: no network namespaces here (unshare -n and unshare -rn both failed)");
        return;
    };
    let app_dir = support::npm_app(); // npm ci may need the network: before entering the namespace
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("key");
    succeeds(&run_with_timeout(in_namespace(&prefix).arg("keygen").arg("-o").arg(&key)));
    let app = dir.path().join("app");
    build_signed(&key, &app, Some(&dir.path().join("NOTICES")), &mut in_namespace(&prefix));
    succeeds(&run_with_timeout(in_namespace(&prefix).arg("inspect").arg("--sbom").arg(&app)));
    succeeds(&run_with_timeout(in_namespace(&prefix).arg("verify").arg(&app).arg("--key").arg(dir.path().join("key.pub"))));

    let ran = run_with_timeout(Command::new(&app).args(SCRIPT_ARGS));
    let node = run_with_timeout(Command::new("node").arg(SCRIPT).args(SCRIPT_ARGS).current_dir(app_dir));
    assert_eq!(text(&ran.stdout), text(&node.stdout));
}

/// Belt and braces where strace works: `pack build` makes no network system call at all
/// (a namespace only shows that none succeeded).
#[test]
fn build_makes_no_network_system_calls() {
    let dir = tempfile::tempdir().unwrap();
    let trace = dir.path().join("trace");
    let mut command = Command::new("strace");
    command.args(["-f", "-qq", "-e", "trace=%network", "-o"]).arg(&trace).arg(env!("CARGO_BIN_EXE_pack"));
    command.args(["build", SCRIPT, "--quiet", "-o"]).arg(dir.path().join("app")).current_dir(support::npm_app());
    let Ok(output) = command.output() else {
        println!("skipped: strace is not installed");
        return;
    };
    if !output.status.success() || !trace.is_file() {
        println!("skipped: strace cannot trace here: {}", text(&output.stderr).lines().next().unwrap_or_default());
        return;
    }
    let calls = std::fs::read_to_string(&trace).unwrap();
    let network: Vec<&str> = calls.lines().filter(|line| line.contains("AF_INET") || line.contains("connect(")).collect();
    assert!(network.is_empty(), "pack build made network calls:\n{}", network.join("\n"));
}

#[test]
fn inspect_tells_the_target_of_a_stub_and_of_an_executable() {
    let stub = run_with_timeout(pack().arg("inspect").arg(support::stub_path()));
    succeeds(&stub);
    let report = text(&stub.stdout);
    assert!(report.starts_with("pack stub runtime (no app inside)\ntarget          "), "{report}");
    assert!(report.contains(std::env::consts::ARCH), "{report}");
    assert!(report.contains(&format!("format version  {}\n", payload::FORMAT_VERSION)), "{report}");

    let packed = run_with_timeout(pack().arg("inspect").arg(signed().app()));
    succeeds(&packed);
    let report = text(&packed.stdout);
    let target = report.lines().find(|line| line.starts_with("target ")).unwrap();
    assert!(target.contains(std::env::consts::ARCH), "{report}");
    assert!(report.contains("signature       ed25519, key "), "{report}");
    assert!(report.contains("npm packages    16\n"), "{report}");
}

/// The real stub with its marker rewritten, as if built for `target` reading `format`.
fn stub_with_marker(dir: &Path, format: u32, target: &str) -> PathBuf {
    let mut bytes = std::fs::read(support::stub_path()).unwrap();
    let prefix = b"PACK-STUB-MARKER;format=";
    let at = bytes.windows(prefix.len()).position(|window| window == prefix).expect("the stub has a marker");
    let mut record = format!("PACK-STUB-MARKER;format={format};target={target};").into_bytes();
    record.resize(payload::STUB_MARKER_LEN, 0);
    bytes[at..at + payload::STUB_MARKER_LEN].copy_from_slice(&record);
    let path = dir.join(format!("stub-{target}-{format}"));
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_stub_built_elsewhere_is_used_and_named() {
    let project = Project::new(&[("index.js", "console.log('hi')")]);
    let stub = stub_with_marker(project.dir.path(), payload::FORMAT_VERSION, "aarch64-unknown-linux-musl");
    let output = run_with_timeout(pack().args(["build", "index.js", "-o", "app", "--stub"]).arg(&stub).current_dir(project.dir.path()));
    succeeds(&output);
    let report = text(&run_with_timeout(pack().args(["inspect", "app"]).current_dir(project.dir.path())).stdout);
    assert!(report.contains("target          aarch64-unknown-linux-musl\n"), "{report}");
    let report = text(&run_with_timeout(pack().arg("inspect").arg(&stub)).stdout);
    assert!(report.contains("target          aarch64-unknown-linux-musl\n"), "{report}");
}

#[test]
fn stubs_of_another_format_or_not_stubs_at_all_are_refused() {
    let project = Project::new(&[("index.js", "console.log('hi')"), ("not-a-stub", "#!/bin/sh\necho hello\n")]);
    let old = stub_with_marker(project.dir.path(), payload::FORMAT_VERSION - 1, "x86_64-unknown-linux-gnu");
    let output = run_with_timeout(pack().args(["build", "index.js", "-o", "app", "--stub"]).arg(&old).current_dir(project.dir.path()));
    assert!(!output.status.success());
    let expected = format!(
        "is a pack stub runtime for payload format {} (target x86_64-unknown-linux-gnu), but this pack writes format {}",
        payload::FORMAT_VERSION - 1,
        payload::FORMAT_VERSION
    );
    assert!(text(&output.stderr).contains(&expected), "{}", text(&output.stderr));

    let output = run_with_timeout(pack().args(["build", "index.js", "-o", "app", "--stub", "not-a-stub"]).current_dir(project.dir.path()));
    assert!(!output.status.success());
    assert!(text(&output.stderr).starts_with("error: 'not-a-stub' is not a pack stub runtime (it has no pack stub marker)"), "{}", text(&output.stderr));
    assert!(!project.path("app").exists());
}

#[test]
fn keygen_writes_a_private_key_only_its_owner_reads() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("k");
    succeeds(&run_with_timeout(pack().arg("keygen").arg("-o").arg(&key)));
    let private = std::fs::read_to_string(&key).unwrap();
    let public = std::fs::read_to_string(dir.path().join("k.pub")).unwrap();
    assert!(private.starts_with("pack-signing-key ed25519 ") && private.len() == "pack-signing-key ed25519 ".len() + 65, "{private}");
    assert!(public.starts_with("pack-verify-key ed25519 ") && public.len() == "pack-verify-key ed25519 ".len() + 65, "{public}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&key).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let again = run_with_timeout(pack().arg("keygen").arg("-o").arg(&key));
    assert!(!again.status.success());
    assert!(text(&again.stderr).contains("already exists"), "{}", text(&again.stderr));
    assert_eq!(std::fs::read_to_string(&key).unwrap(), private, "keygen must not replace a key");
}

#[test]
fn signed_builds_verify_and_are_reproducible() {
    let signed = signed();
    let output = verify(&signed.app(), &signed.public_key());
    succeeds(&output);
    assert!(text(&output.stdout).contains(": valid signature (key "), "{}", text(&output.stdout));

    let again = signed.dir.path().join("again");
    build_signed(&signed.key(), &again, None, &mut pack());
    assert!(std::fs::read(&again).unwrap() == std::fs::read(signed.app()).unwrap(), "two signed builds differ");
}

#[test]
fn verify_exit_codes_tell_unsigned_other_key_and_corrupt_apart() {
    let signed = signed();
    let dir = tempfile::tempdir().unwrap();
    let unsigned = dir.path().join("unsigned");
    succeeds(&run_with_timeout(pack().args(["build", SCRIPT, "--quiet", "-o"]).arg(&unsigned).current_dir(support::npm_app())));
    let output = verify(&unsigned, &signed.public_key());
    assert_eq!(output.status.code(), Some(3), "{}", text(&output.stderr));
    assert!(text(&output.stderr).ends_with(": not signed\n"), "{}", text(&output.stderr));

    let other = dir.path().join("other");
    succeeds(&run_with_timeout(pack().arg("keygen").arg("-o").arg(&other)));
    let output = verify(&signed.app(), &dir.path().join("other.pub"));
    assert_eq!(output.status.code(), Some(4));
    assert!(text(&output.stderr).contains("BAD signature: signed with another key"), "{}", text(&output.stderr));

    let output = verify(&support::stub_path(), &signed.public_key());
    assert_eq!(output.status.code(), Some(5));
    assert!(text(&output.stderr).contains("corrupt: not a packed executable"), "{}", text(&output.stderr));

    let mut cut = std::fs::read(signed.app()).unwrap();
    cut.pop();
    let truncated = dir.path().join("truncated");
    std::fs::write(&truncated, cut).unwrap();
    assert_eq!(verify(&truncated, &signed.public_key()).status.code(), Some(5));

    // A private key where the public one belongs is a usage problem: exit 1, nothing checked.
    let output = verify(&signed.app(), &signed.key());
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("is a pack private signing key, not a public verification key"), "{}", text(&output.stderr));
}

#[test]
fn any_changed_byte_fails_verification() {
    let signed = signed();
    let original = std::fs::read(signed.app()).unwrap();
    let stub_len = std::fs::read(support::stub_path()).unwrap().len();
    let trailer_at = original.len() - payload::TRAILER_LEN as usize;
    let middle = |from: usize, to: usize| from + (to - from) / 2;
    let mut positions = vec![0, 1, middle(0, stub_len), stub_len - 1];
    positions.extend([stub_len, stub_len + 1, middle(stub_len, trailer_at), trailer_at - 1]);
    positions.extend(trailer_at..original.len());
    let dir = tempfile::tempdir().unwrap();
    let changed = dir.path().join("changed");
    for at in positions {
        let mut bytes = original.clone();
        bytes[at] ^= 0x01;
        std::fs::write(&changed, &bytes).unwrap();
        let output = verify(&changed, &signed.public_key());
        let part = if at < stub_len { "stub" } else if at < trailer_at { "payload" } else { "trailer" };
        assert!(
            matches!(output.status.code(), Some(4 | 5)),
            "byte {at} ({part}) changed, yet verify says {:?}: {}{}",
            output.status.code(),
            text(&output.stdout),
            text(&output.stderr)
        );
    }
}

fn sbom() -> Value {
    let output = run_with_timeout(pack().args(["inspect", "--sbom"]).arg(signed().app()));
    succeeds(&output);
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Validated against the published CycloneDX 1.5 JSON schema, vendored with the two schemas
/// it refers to in tests/schemas/cyclonedx (Apache-2.0, see the LICENSE there), offline.
#[test]
fn sbom_follows_the_cyclonedx_schema() {
    let schemas = support::repo_root().join("tests/schemas/cyclonedx");
    let load = |name: &str| -> Value { serde_json::from_str(&std::fs::read_to_string(schemas.join(name)).unwrap()).unwrap() };
    let registry = jsonschema::Registry::new()
        .add("http://cyclonedx.org/schema/spdx.schema.json", load("spdx.schema.json"))
        .unwrap()
        .add("http://cyclonedx.org/schema/jsf-0.82.schema.json", load("jsf-0.82.schema.json"))
        .unwrap()
        .prepare()
        .unwrap();
    let validator = jsonschema::options().with_registry(&registry).build(&load("bom-1.5.schema.json")).unwrap();
    let sbom = sbom();
    let errors: Vec<String> = validator.iter_errors(&sbom).map(|error| format!("{} at {}", error, error.instance_path())).collect();
    assert!(errors.is_empty(), "the SBOM does not follow the schema:\n{}", errors.join("\n"));
    // The schema must be able to say no.
    let mut broken = sbom.clone();
    broken["components"][0]["purl"] = Value::from(7);
    assert!(!validator.is_valid(&broken));
}

#[test]
fn sbom_lists_every_package_with_the_lockfile_integrity() {
    let sbom = sbom();
    let lock: Value = serde_json::from_str(&std::fs::read_to_string(support::npm_app().join("package-lock.json")).unwrap()).unwrap();
    let components = sbom["components"].as_array().unwrap();
    assert_eq!(components.len(), 16);
    let yargs = components.iter().find(|component| component["name"] == "yargs").unwrap();
    let locked = &lock["packages"]["node_modules/yargs"];
    assert_eq!(yargs["version"], locked["version"]);
    assert_eq!(yargs["purl"], format!("pkg:npm/yargs@{}", locked["version"].as_str().unwrap()));
    assert_eq!(yargs["licenses"][0]["expression"], "MIT");
    let integrity = locked["integrity"].as_str().unwrap().strip_prefix("sha512-").unwrap();
    let hex = yargs["hashes"][0]["content"].as_str().unwrap();
    assert_eq!(yargs["hashes"][0]["alg"], "SHA-512");
    assert_eq!(hex.len(), 128);
    assert_eq!(base64_of_hex(hex), integrity);
}

/// Standard base64 (with padding) of the bytes `hex` spells, to compare with npm's integrity.
fn base64_of_hex(hex: &str) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let bytes: Vec<u8> = (0..hex.len()).step_by(2).map(|at| u8::from_str_radix(&hex[at..at + 2], 16).unwrap()).collect();
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let value = chunk.iter().enumerate().fold(0u32, |value, (index, &byte)| value | u32::from(byte) << (16 - 8 * index));
        for index in 0..4 {
            if index <= chunk.len() {
                out.push(ALPHABET[(value >> (18 - 6 * index) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[test]
fn licenses_from_the_binary_match_the_notices_file() {
    let signed = signed();
    let output = run_with_timeout(pack().args(["inspect", "--licenses"]).arg(signed.app()));
    succeeds(&output);
    let notices = std::fs::read_to_string(signed.notices()).unwrap();
    assert_eq!(text(&output.stdout), notices);
    assert!(notices.starts_with("THIRD-PARTY SOFTWARE NOTICES\n\nThis program includes the following 16 npm packages:\n"), "{notices}");
    assert!(notices.contains("\nyargs-parser 21.1.1\nLicense: ISC\nPath: node_modules/yargs-parser\n"), "{notices}");
    assert!(notices.contains("Permission is hereby granted, free of charge"), "the MIT licence texts are in");
}

#[test]
fn packed_apps_get_their_own_arguments() {
    let project = Project::new(&[("index.js", "console.log(JSON.stringify(process.argv.slice(2)))")]);
    let binary = project.build("index.js", "app");
    let args = ["--sbom", "verify", "--version", "inspect", "--licenses", "keygen", "--key", "k.pub", "--help"];
    let output = run_with_timeout(Command::new(&binary).args(args));
    succeeds(&output);
    assert_eq!(text(&output.stdout), format!("{}\n", serde_json::to_string(&args).unwrap()));
}
