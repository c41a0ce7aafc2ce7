//! `pack build`: the graph turned into a bundle, appended to the stub, written as an
//! executable. The output appears whole or not at all: it is written beside its final path and
//! renamed into place.
//!
//! Nothing here touches the network: the stub is the one beside `pack` or a file given with
//! `--stub` (built elsewhere, for another OS or CPU), and it must carry a pack stub marker for
//! the payload format this pack writes.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use crate::graph::Graph;
use crate::{packages, signing};

/// The name of the stub runtime binary that `cargo build` puts beside `pack`.
const STUB_NAME: &str = if cfg!(windows) { "stub-runtime.exe" } else { "stub-runtime" };

/// What `pack build` is given for delivery besides the app.
#[derive(Default)]
pub struct Delivery<'a> {
    /// `--stub`, else the stub beside `pack`.
    pub stub: Option<&'a Path>,
    /// `--sign KEY`: the private key to sign with.
    pub sign: Option<&'a Path>,
    /// `--notices FILE`: where to write the third-party notices.
    pub notices: Option<&'a Path>,
}

pub struct Written {
    pub modules: usize,
    pub assets: usize,
    pub bytes: u64,
    pub stub_bytes: u64,
    /// What the stub's marker says it is.
    pub stub: payload::StubInfo,
    /// Id of the key it was signed with.
    pub signed_by: Option<String>,
}

pub fn write_executable(graph: &Graph, output: &Path, delivery: &Delivery, compress_level: i32) -> anyhow::Result<Written> {
    if output.is_dir() {
        bail!("cannot write the executable to '{}': it is a directory", output.display());
    }
    let key = delivery.sign.map(signing::load_signing_key).transpose()?;
    let stub_path = find_stub(delivery.stub)?;
    let stub_len = fs::metadata(&stub_path).with_context(|| format!("cannot read the stub runtime '{}'", stub_path.display()))?.len();
    let temporary = temporary_path(output);

    // Compressing the payload takes most of a build: it runs on its own thread while this one
    // reads, checks and writes out the stub. The trailer needs only the stub's length.
    let (stub, encoded, file) = std::thread::scope(|scope| {
        let encoding = scope.spawn(|| {
            let bundle = graph.to_bundle();
            let packages = packages::collect(&graph.root, &bundle);
            let appended = payload::encode_with_packages(&bundle, &packages, stub_len, compress_level);
            (appended, packages)
        });
        let stub = read_stub(&stub_path, stub_len);
        let file = stub.as_ref().ok().map(|(stub, _)| start_file(&temporary, stub));
        (stub, encoding.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), file)
    });
    let discard = |error: anyhow::Error| {
        let _ = fs::remove_file(&temporary);
        error
    };
    let (stub, stub_info) = stub.map_err(discard)?;
    let file = file.expect("started once the stub was read").map_err(discard)?;
    let (appended, packages) = encoded;
    let mut appended = appended.context("cannot encode the payload").map_err(discard)?;
    if let Some(key) = &key {
        signing::sign(&stub, &mut appended, key).map_err(discard)?;
    }

    let written = finish_file(file, &temporary, &appended).and_then(|()| {
        fs::rename(&temporary, output).with_context(|| format!("cannot move the executable into '{}'", output.display()))
    });
    written.map_err(discard)?;
    if let Some(path) = delivery.notices {
        fs::write(path, packages::notices(&packages)).with_context(|| format!("cannot write the notices file '{}'", path.display()))?;
    }
    Ok(Written {
        modules: graph.len(),
        assets: graph.asset_count(),
        bytes: (stub.len() + appended.len()) as u64,
        stub_bytes: stub.len() as u64,
        stub: stub_info,
        signed_by: key.map(|key| packages::hex(&signing::key_id(&key.verifying_key()))),
    })
}

/// A bare pack stub for the payload format this pack writes, or a clear refusal.
fn check_stub(path: &Path, stub: &[u8]) -> anyhow::Result<payload::StubInfo> {
    match payload::read_from(&mut std::io::Cursor::new(stub)) {
        Err(payload::Error::NoPayload) => {}
        _ => bail!("'{}' already carries an app; give the bare stub runtime with --stub", path.display()),
    }
    let Some(info) = payload::find_stub_marker(stub) else {
        bail!(
            "'{}' is not a pack stub runtime (it has no pack stub marker)\n  = help: give the `stub-runtime` built with this pack, for the target you need, with --stub PATH",
            path.display()
        );
    };
    if info.format != payload::FORMAT_VERSION {
        bail!(
            "'{}' is a pack stub runtime for payload format {} (target {}), but this pack writes format {}\n  = help: use a stub-runtime from the same pack release",
            path.display(),
            info.format,
            info.target,
            payload::FORMAT_VERSION
        );
    }
    Ok(info)
}

/// The stub's bytes, checked to be a bare pack stub of the length measured before.
fn read_stub(path: &Path, expected_len: u64) -> anyhow::Result<(Vec<u8>, payload::StubInfo)> {
    let stub = fs::read(path).with_context(|| format!("cannot read the stub runtime '{}'", path.display()))?;
    if stub.len() as u64 != expected_len {
        bail!("the stub runtime '{}' changed while pack was reading it", path.display());
    }
    let info = check_stub(path, &stub)?;
    Ok((stub, info))
}

/// Creates the executable's file and writes the stub into it; the payload follows later.
fn start_file(path: &Path, stub: &[u8]) -> anyhow::Result<fs::File> {
    let mut file = fs::File::create(path).with_context(|| format!("cannot write the executable '{}'", path.display()))?;
    file.write_all(stub).with_context(|| format!("cannot write the executable '{}'", path.display()))?;
    Ok(file)
}

/// Appends the payload and closes the file (Windows cannot rename an open file).
fn finish_file(mut file: fs::File, path: &Path, appended: &[u8]) -> anyhow::Result<()> {
    file.write_all(appended).with_context(|| format!("cannot write the executable '{}'", path.display()))?;
    make_executable(&file).with_context(|| format!("cannot make '{}' executable", path.display()))?;
    Ok(())
}

#[cfg(unix)]
fn make_executable(file: &fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(fs::Permissions::from_mode(0o755))
}

#[cfg(not(unix))]
fn make_executable(_file: &fs::File) -> std::io::Result<()> {
    Ok(())
}

fn temporary_path(output: &Path) -> PathBuf {
    let name = output.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    output.with_file_name(format!(".{name}.pack-{}", std::process::id()))
}

/// `--stub` or `PACK_STUB` when given, else the stub built beside this `pack` executable.
fn find_stub(given: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(path) = given {
        return Ok(path.to_path_buf());
    }
    let pack = std::env::current_exe().context("cannot locate the pack executable to find the stub beside it")?;
    let beside = pack.with_file_name(STUB_NAME);
    if !beside.is_file() {
        bail!(
            "no stub runtime at '{}'\n  = help: build it with `cargo build --release` (it comes out beside pack), or give one with --stub PATH or PACK_STUB",
            beside.display()
        );
    }
    Ok(beside)
}
