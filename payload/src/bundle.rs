//! The bundle: the modules of one app, encoded as the table documented in the crate docs.

use crate::{corrupt, Error};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModuleKind {
    /// CommonJS source, run inside the module wrapper.
    Script,
    /// A `.json` file; `require` returns it parsed.
    Json,
}

impl ModuleKind {
    fn tag(self) -> u8 {
        match self {
            ModuleKind::Script => 0,
            ModuleKind::Json => 1,
        }
    }

    fn from_tag(tag: u8) -> Option<ModuleKind> {
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

/// Encodes the table the crate docs describe: the bundle, then the package section.
pub(crate) fn encode_table(bundle: &Bundle, packages: &[Package]) -> Vec<u8> {
    let mut out = Vec::new();
    put_bytes(&mut out, bundle.entry.as_bytes());
    out.push(u8::from(bundle.minified));
    put_u32(&mut out, bundle.modules.len());
    for module in &bundle.modules {
        out.push(module.kind.tag());
        put_bytes(&mut out, module.key.as_bytes());
        put_bytes(&mut out, module.source.as_bytes());
        put_u32(&mut out, module.dependencies.len());
        for (specifier, target) in &module.dependencies {
            put_bytes(&mut out, specifier.as_bytes());
            put_bytes(&mut out, target.as_bytes());
        }
        match &module.source_map {
            Some(map) => {
                out.push(1);
                put_bytes(&mut out, map.as_bytes());
            }
            None => out.push(0),
        }
    }
    put_u32(&mut out, bundle.assets.len());
    for asset in &bundle.assets {
        put_bytes(&mut out, asset.key.as_bytes());
        put_bytes(&mut out, &asset.bytes);
    }
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

/// Decodes [`encode_table`]'s output. Every length is checked against the bytes that remain
/// before anything is allocated for it, so damaged input fails with the field it was reading.
pub(crate) fn decode_table(bytes: &[u8]) -> Result<(Bundle, Vec<Package>), Error> {
    let mut reader = Reader { bytes, at: 0 };
    let entry = reader.string("bundle header: entry")?;
    let minified = match reader.u8("bundle header: flags")? {
        flags if flags & !FLAG_MINIFIED == 0 => flags & FLAG_MINIFIED != 0,
        flags => return Err(corrupt(format!("bundle header: flags: unknown bits {flags:#04x}"))),
    };
    let count = reader.u32("bundle header: module count")?;
    let mut modules = Vec::new();
    for index in 0..count {
        modules.push(decode_module(&mut reader, index)?);
    }
    let asset_count = reader.u32("asset table: asset count")?;
    let mut assets = Vec::new();
    for index in 0..asset_count {
        let key = reader.string(&format!("asset table: asset {index}: key"))?;
        let bytes = reader.take_blob(&format!("asset table: asset {index}: bytes"))?.to_vec();
        assets.push(Asset { key, bytes });
    }
    let package_count = reader.u32("package table: package count")?;
    let mut packages = Vec::new();
    for index in 0..package_count {
        packages.push(decode_package(&mut reader, index)?);
    }
    if reader.at != bytes.len() {
        return Err(corrupt(format!("package table: {} unexpected bytes after the last package", bytes.len() - reader.at)));
    }
    Ok((Bundle { entry, minified, modules, assets }, packages))
}

fn decode_module(reader: &mut Reader, index: u32) -> Result<Module, Error> {
    let section = |field: &str| format!("module table: module {index}: {field}");
    let tag = reader.u8(&section("kind"))?;
    let kind = ModuleKind::from_tag(tag).ok_or_else(|| corrupt(format!("{}: unknown tag {tag}", section("kind"))))?;
    let key = reader.string(&section("key"))?;
    let source = reader.string(&section("source"))?;
    let dependency_count = reader.u32(&section("dependency count"))?;
    let mut dependencies = Vec::new();
    for _ in 0..dependency_count {
        let specifier = reader.string(&section("dependency specifier"))?;
        let target = reader.string(&section("dependency target"))?;
        dependencies.push((specifier, target));
    }
    let source_map = match reader.u8(&section("source map flag"))? {
        0 => None,
        1 => Some(reader.string(&section("source map"))?),
        other => return Err(corrupt(format!("{}: unknown value {other}", section("source map flag")))),
    };
    Ok(Module { kind, key, source, dependencies, source_map })
}

fn decode_package(reader: &mut Reader, index: u32) -> Result<Package, Error> {
    let section = |field: &str| format!("package table: package {index}: {field}");
    let name = reader.string(&section("name"))?;
    let version = reader.string(&section("version"))?;
    let license = non_empty(reader.string(&section("license"))?);
    let path = reader.string(&section("path"))?;
    let integrity = non_empty(reader.string(&section("integrity"))?);
    let file_count = reader.u32(&section("licence file count"))?;
    let mut license_files = Vec::new();
    for _ in 0..file_count {
        let name = reader.string(&section("licence file name"))?;
        let text = reader.string(&section("licence file text"))?;
        license_files.push(LicenseFile { name, text });
    }
    Ok(Package { name, version, license, path, integrity, license_files })
}

const FLAG_MINIFIED: u8 = 1;

fn put_u32(out: &mut Vec<u8>, value: usize) {
    let value = u32::try_from(value).expect("bundle field longer than 4 GiB");
    out.extend_from_slice(&value.to_le_bytes());
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_u32(out, bytes.len());
    out.extend_from_slice(bytes);
}

/// A bounds-checked cursor: every read names the field it was reading when the bytes ran out.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, len: usize, what: &str) -> Result<&'a [u8], Error> {
        let end = self.at.checked_add(len).filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(|| corrupt(format!("{what}: unexpected end")))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn u8(&mut self, what: &str) -> Result<u8, Error> {
        Ok(self.take(1, what)?[0])
    }

    fn u32(&mut self, what: &str) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(self.take(4, what)?.try_into().unwrap()))
    }

    fn take_blob(&mut self, what: &str) -> Result<&'a [u8], Error> {
        let len = self.u32(what)? as usize;
        self.take(len, what)
    }

    fn string(&mut self, what: &str) -> Result<String, Error> {
        let bytes = self.take_blob(what)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| corrupt(format!("{what}: not UTF-8")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_module(kind: ModuleKind, key: &str, source: &str) -> Bundle {
        Bundle { entry: key.into(), minified: false, modules: vec![Module::new(kind, key, source)], assets: vec![] }
    }

    #[test]
    fn cut_table_names_the_field() {
        let encoded = encode_table(&one_module(ModuleKind::Script, "a.js", "1"), &[]);
        let err = decode_table(&encoded[..encoded.len() - 1]).unwrap_err().to_string();
        assert_eq!(err, "corrupt payload: package table: package count: unexpected end");
    }

    #[test]
    fn unknown_kind_is_corrupt() {
        let mut encoded = encode_table(&one_module(ModuleKind::Json, "a", "{}"), &[]);
        encoded[4 + 1 + 1 + 4] = 9;
        let err = decode_table(&encoded).unwrap_err().to_string();
        assert_eq!(err, "corrupt payload: module table: module 0: kind: unknown tag 9");
    }

    #[test]
    fn packages_round_trip() {
        let package = Package {
            name: "@scope/x".into(),
            version: "1.0.0".into(),
            license: Some("MIT OR Apache-2.0".into()),
            path: "node_modules/@scope/x".into(),
            integrity: None,
            license_files: vec![LicenseFile { name: "LICENSE".into(), text: "Permission is hereby granted".into() }],
        };
        let bundle = one_module(ModuleKind::Script, "a.js", "1");
        let encoded = encode_table(&bundle, std::slice::from_ref(&package));
        assert_eq!(decode_table(&encoded).unwrap(), (bundle, vec![package]));
    }
}
