//! `pack inspect`: what a packed executable holds, read through the same payload reader the
//! runtime uses. Modules are compressed together in one zstd frame, so each module's
//! "alone" size is what it compresses to by itself at the default level: a guide to what it
//! costs, not a slice of the payload.
//!
//! Given a bare stub, it says which target the stub is for. `--sbom` and `--licenses` print
//! the embedded npm packages instead, as a CycloneDX SBOM or as third-party notices.

use std::fmt::Write;
use std::path::Path;

use anyhow::Context;
use payload::{Contents, ModuleKind};

use crate::packages;

/// What `pack inspect` was asked for.
pub enum Report {
    Summary,
    Sbom,
    Licenses,
}

pub fn inspect(binary: &Path, report: Report) -> anyhow::Result<String> {
    let bytes = std::fs::read(binary).with_context(|| format!("cannot open '{}'", binary.display()))?;
    let contents = match payload::read_contents(&mut std::io::Cursor::new(&bytes)) {
        Err(payload::Error::NoPayload) if matches!(report, Report::Summary) => {
            if let Some(stub) = payload::find_stub_marker(&bytes) {
                return bare_stub(&stub, bytes.len() as u64);
            }
            return Err(payload::Error::NoPayload).with_context(|| format!("'{}' (and it is not a pack stub runtime either)", binary.display()));
        }
        result => result.with_context(|| format!("'{}'", binary.display()))?,
    };
    match report {
        Report::Summary => summary(&contents, &bytes[..contents.sizes.offset as usize]),
        Report::Sbom => {
            let name = binary.file_name().map_or_else(|| "app".to_owned(), |name| name.to_string_lossy().into_owned());
            Ok(serde_json::to_string_pretty(&packages::sbom(&name, &contents.packages))? + "\n")
        }
        Report::Licenses => Ok(packages::notices(&contents.packages)),
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

fn summary(contents: &Contents, stub_bytes: &[u8]) -> anyhow::Result<String> {
    let Contents { bundle, sizes, .. } = contents;
    let mut out = String::new();
    let mapped = bundle.modules.iter().filter(|module| module.source_map.is_some()).count();
    let ratio = percent(sizes.compressed, sizes.decompressed);
    let target = payload::find_stub_marker(stub_bytes).map_or_else(|| "unknown (no pack stub marker)".to_owned(), |stub| stub.target);
    let signature = contents.signature.map_or_else(
        || "none".to_owned(),
        |signature| format!("ed25519, key {} (check it with `pack verify`)", packages::hex(&signature.key_id)),
    );
    writeln!(out, "format version  {}", payload::FORMAT_VERSION)?;
    writeln!(out, "entry           {}", bundle.entry)?;
    writeln!(out, "minified        {}", if bundle.minified { "yes" } else { "no" })?;
    writeln!(out, "source maps     {mapped} of {} modules", bundle.modules.len())?;
    writeln!(out, "assets          {}", bundle.assets.len())?;
    writeln!(out, "stub            {}", human_size(sizes.offset))?;
    writeln!(out, "target          {target}")?;
    writeln!(out, "signature       {signature}")?;
    writeln!(out, "npm packages    {}", contents.packages.len())?;
    writeln!(out, "payload         {} compressed from {} ({ratio} of raw)", human_size(sizes.compressed), human_size(sizes.decompressed))?;
    writeln!(out)?;
    writeln!(out, "{:>10} {:>10}  {:<5} module", "raw", "alone", "kind")?;
    for module in &bundle.modules {
        let raw = module.source.len() as u64 + module.source_map.as_ref().map_or(0, |map| map.len() as u64);
        let alone = zstd::bulk::compress(module.source.as_bytes(), payload::DEFAULT_COMPRESSION_LEVEL).map_or(0, |bytes| bytes.len() as u64);
        let kind = match module.kind {
            ModuleKind::Script => "js",
            ModuleKind::Json => "json",
        };
        writeln!(out, "{:>10} {:>10}  {kind:<5} {}", human_size(raw), human_size(alone), module.key)?;
    }
    for asset in &bundle.assets {
        let alone = zstd::bulk::compress(&asset.bytes, payload::DEFAULT_COMPRESSION_LEVEL).map_or(0, |bytes| bytes.len() as u64);
        writeln!(out, "{:>10} {:>10}  {:<5} {}", human_size(asset.bytes.len() as u64), human_size(alone), "asset", asset.key)?;
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
