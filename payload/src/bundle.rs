//! The bundle: the modules and assets of one app as the packer holds them in memory, and the
//! package table (documented in the crate docs) that describes where they came from.

use crate::wire::{put_bytes, put_u32, Reader};
use crate::Error;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModuleKind {
    /// CommonJS source, run inside the module wrapper.
    Script,
    /// A `.json` file; `require` returns it parsed.
    Json,
}

impl ModuleKind {
    pub(crate) fn tag(self) -> u8 {
        match self {
            ModuleKind::Script => 0,
            ModuleKind::Json => 1,
        }
    }

    pub(crate) fn from_tag(tag: u8) -> Option<ModuleKind> {
        match tag {
            0 => Some(ModuleKind::Script),
            1 => Some(ModuleKind::Json),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    pub kind: ModuleKind,
    /// Path relative to the project root, `/`-separated.
    pub key: String,
    pub source: String,
    /// `(specifier as written in require(), resolved target)`, sorted by specifier.
    pub dependencies: Vec<(String, String)>,
    /// Source map (JSON) from `source` back to the original file, when the packer rewrote it.
    pub source_map: Option<String>,
}

impl Module {
    pub fn new(kind: ModuleKind, key: impl Into<String>, source: impl Into<String>) -> Module {
        Module { kind, key: key.into(), source: source.into(), dependencies: Vec::new(), source_map: None }
    }
}

/// A file the app reads at run time (`fs.readFileSync(path.join(__dirname, ...))`), embedded
/// byte for byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Path relative to the project root, `/`-separated.
    pub key: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bundle {
    /// Key of the module that runs first.
    pub entry: String,
    /// Whether the packer minified the modules (shown by `pack inspect`).
    pub minified: bool,
    /// Sorted by key, so the same app always encodes to the same bytes.
    pub modules: Vec<Module>,
    /// Sorted by key; never the key of a module.
    pub assets: Vec<Asset>,
}

/// An npm package that modules of the bundle come from, with what its licence asks to be
/// shipped alongside it. Kept for `pack inspect --sbom` and `--licenses`; the runtime ignores it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Package {
    /// `name` from its package.json (`@scope/name` for scoped packages).
    pub name: String,
    /// `version` from its package.json.
    pub version: String,
    /// The package.json `license` field (an SPDX expression, as a rule), if it has one.
    pub license: Option<String>,
    /// Its directory relative to the project root, `/`-separated: `node_modules/chalk`.
    pub path: String,
    /// The lockfile's `integrity` for it (`sha512-<base64>`), if the lockfile has one.
    pub integrity: Option<String>,
    /// Its LICENSE, LICENCE and COPYING files, sorted by name.
    pub license_files: Vec<LicenseFile>,
}

/// One licence file of a package, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LicenseFile {
    /// File name within the package directory.
    pub name: String,
    pub text: String,
}

/// `items` in the payload's order: by key, bytewise.
pub(crate) fn sorted_by_key<T>(items: &[T], key: impl Fn(&T) -> &String) -> Vec<&T> {
    let mut sorted: Vec<&T> = items.iter().collect();
    sorted.sort_by(|a, b| key(a).cmp(key(b)));
    sorted
}

/// Encodes the package table the crate docs describe.
pub(crate) fn encode_packages(packages: &[Package]) -> Vec<u8> {
    let mut out = Vec::new();
    put_u32(&mut out, packages.len());
    for package in packages {
        for field in [&package.name, &package.version, opt(&package.license), &package.path, opt(&package.integrity)] {
            put_bytes(&mut out, field.as_bytes());
        }
        put_u32(&mut out, package.license_files.len());
        for file in &package.license_files {
            put_bytes(&mut out, file.name.as_bytes());
            put_bytes(&mut out, file.text.as_bytes());
        }
    }
    out
}

/// Optional strings are stored empty when absent.
fn opt(value: &Option<String>) -> &String {
    static EMPTY: String = String::new();
    value.as_ref().unwrap_or(&EMPTY)
}

fn non_empty(value: String) -> Option<String> {
    Some(value).filter(|value| !value.is_empty())
}

/// Decodes [`encode_packages`]' output. Every length is checked against the bytes that remain
/// before anything is allocated for it, so damaged input fails with the field it was reading.
pub(crate) fn decode_packages(bytes: &[u8]) -> Result<Vec<Package>, Error> {
    let mut reader = Reader::new(bytes);
    let package_count = reader.u32("package table: package count")?;
    let mut packages = Vec::new();
    for index in 0..package_count {
        packages.push(decode_package(&mut reader, index)?);
    }
    reader.finish("package table")?;
    Ok(packages)
}

fn decode_package(reader: &mut Reader, index: u32) -> Result<Package, Error> {
    let name = reader.string(format_args!("package table: package {index}: name"))?;
    let version = reader.string(format_args!("package table: package {index}: version"))?;
    let license = non_empty(reader.string(format_args!("package table: package {index}: license"))?);
    let path = reader.string(format_args!("package table: package {index}: path"))?;
    let integrity = non_empty(reader.string(format_args!("package table: package {index}: integrity"))?);
    let file_count = reader.u32(format_args!("package table: package {index}: licence file count"))?;
    let mut license_files = Vec::new();
    for _ in 0..file_count {
        let name = reader.string(format_args!("package table: package {index}: licence file name"))?;
        let text = reader.string(format_args!("package table: package {index}: licence file text"))?;
        license_files.push(LicenseFile { name, text });
    }
    Ok(Package { name, version, license, path, integrity, license_files })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample_package() -> Package {
        Package {
            name: "@scope/x".into(),
            version: "1.0.0".into(),
            license: Some("MIT OR Apache-2.0".into()),
            path: "node_modules/@scope/x".into(),
            integrity: None,
            license_files: vec![LicenseFile { name: "LICENSE".into(), text: "Permission is hereby granted".into() }],
        }
    }

    #[test]
    fn packages_round_trip() {
        let encoded = encode_packages(&[sample_package()]);
        assert_eq!(decode_packages(&encoded).unwrap(), vec![sample_package()]);
    }

    #[test]
    fn cut_package_table_names_the_field() {
        let encoded = encode_packages(&[sample_package()]);
        let err = decode_packages(&encoded[..encoded.len() - 1]).unwrap_err().to_string();
        assert_eq!(err, "corrupt payload: package table: package 0: licence file text: unexpected end");
    }

    #[test]
    fn extra_bytes_after_the_packages_are_corrupt() {
        let mut encoded = encode_packages(&[]);
        encoded.push(0);
        let err = decode_packages(&encoded).unwrap_err().to_string();
        assert_eq!(err, "corrupt payload: package table: 1 unexpected bytes after it");
    }
}
