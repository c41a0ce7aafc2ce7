//! `pack inspect`: what a packed executable holds, read through the same payload reader the
//! runtime uses, from the payload's index: each module and asset is compressed by itself, so
//! its "stored" size is what it takes in the payload. Nothing is decompressed but the index
//! (and the package table for `--sbom` and `--licenses`).
//!
//! Given a bare stub, it says which target the stub is for. `--sbom` and `--licenses` print
//! the embedded npm packages instead, as a CycloneDX SBOM or as third-party notices.

use std::fmt::Write;
use std::path::Path;

use anyhow::Context;
use payload::{ModuleKind, Store};

use crate::packages;

/// What `pack inspect` was asked for.
pub enum Report {
    Summary,
    Sbom,
    Licenses,
}

pub fn inspect(binary: &Path, report: Report) -> anyhow::Result<String> {
    let bytes = std::fs::read(binary).with_context(|| format!("cannot open '{}'", binary.display()))?;
    let store = match Store::open(&mut std::io::Cursor::new(&bytes)) {
        Err(payload::Error::NoPayload) if matches!(report, Report::Summary) => {
            if let Some(stub) = payload::find_stub_marker(&bytes) {
                return bare_stub(&stub, bytes.len() as u64);
            }
            return Err(payload::Error::NoPayload).with_context(|| format!("'{}' (and it is not a pack stub runtime either)", binary.display()));
        }
        result => result.with_context(|| format!("'{}'", binary.display()))?,
    };
    let packages = || store.packages().with_context(|| format!("'{}'", binary.display()));
    match report {
        Report::Summary => summary(&store, packages()?.len(), &bytes[..store.sizes().offset as usize]),
        Report::Sbom => {
            let name = binary.file_name().map_or_else(|| "app".to_owned(), |name| name.to_string_lossy().into_owned());
            Ok(serde_json::to_string_pretty(&packages::sbom(&name, &packages()?))? + "\n")
        }
        Report::Licenses => Ok(packages::notices(&packages()?)),
    }
}

fn bare_stub(stub: &payload::StubInfo, size: u64) -> anyhow::Result<String> {
    let mut out = String::new();
    writeln!(out, "pack stub runtime (no app inside)")?;
    writeln!(out, "target          {}", stub.target)?;
    writeln!(out, "format version  {}{}", stub.format, format_note(stub.format))?;
    writeln!(out, "size            {}", human_size(size))?;
    Ok(out)
}

fn format_note(format: u32) -> &'static str {
    if format == payload::FORMAT_VERSION {
        ""
    } else {
        " (this pack writes another version: it cannot build on this stub)"
    }
}

fn summary(store: &Store, package_count: usize, stub_bytes: &[u8]) -> anyhow::Result<String> {
    let sizes = store.sizes();
    let mut out = String::new();
    let mapped = store.modules().iter().filter(|module| module.has_source_map()).count();
    let ratio = percent(sizes.compressed, sizes.decompressed);
    let target = payload::find_stub_marker(stub_bytes).map_or_else(|| "unknown (no pack stub marker)".to_owned(), |stub| stub.target);
    let signature = store.signature().map_or_else(
        || "none".to_owned(),
        |signature| format!("ed25519, key {} (check it with `pack verify`)", packages::hex(&signature.key_id)),
    );
    writeln!(out, "format version  {}", payload::FORMAT_VERSION)?;
    writeln!(out, "entry           {}", store.entry())?;
    writeln!(out, "minified        {}", if store.minified() { "yes" } else { "no" })?;
    writeln!(out, "source maps     {mapped} of {} modules", store.modules().len())?;
    writeln!(out, "assets          {}", store.assets().len())?;
    writeln!(out, "stub            {}", human_size(sizes.offset))?;
    writeln!(out, "target          {target}")?;
    writeln!(out, "signature       {signature}")?;
    writeln!(out, "npm packages    {package_count}")?;
    writeln!(out, "dictionary      {}", if store.has_dictionary() { "trained on the modules" } else { "none" })?;
    writeln!(out, "payload         {} compressed from {} ({ratio} of raw)", human_size(sizes.compressed), human_size(sizes.decompressed))?;
    writeln!(out)?;
    writeln!(out, "{:>10} {:>10}  {:<5} module", "raw", "stored", "kind")?;
    for module in store.modules() {
        let (raw, stored) = module.raw_and_stored_len();
        let kind = match module.kind {
            ModuleKind::Script => "js",
            ModuleKind::Json => "json",
        };
        writeln!(out, "{:>10} {:>10}  {kind:<5} {}", human_size(raw), human_size(stored), module.key)?;
    }
    for asset in store.assets() {
        writeln!(out, "{:>10} {:>10}  {:<5} {}", human_size(asset.size()), human_size(asset.stored_len()), "asset", asset.key)?;
    }
    Ok(out)
}

fn percent(part: u64, whole: u64) -> String {
    if whole == 0 {
        return "-".to_owned();
    }
    format!("{:.1}%", part as f64 * 100.0 / whole as f64)
}

/// Bytes as B, KiB or MiB with one decimal.
pub fn human_size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let value = bytes as f64;
    if value < KIB {
        format!("{bytes} B")
    } else if value < KIB * KIB {
        format!("{:.1} KiB", value / KIB)
    } else {
        format!("{:.1} MiB", value / KIB / KIB)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(1536), "1.5 KiB");
        assert_eq!(human_size(10 * 1024 * 1024 + 1), "10.0 MiB");
    }
}
