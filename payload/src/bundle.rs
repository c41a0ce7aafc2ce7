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

impl Bundle {
    pub(crate) fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        put_bytes(&mut out, self.entry.as_bytes());
        out.push(u8::from(self.minified));
        put_u32(&mut out, self.modules.len());
        for module in &self.modules {
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
        put_u32(&mut out, self.assets.len());
        for asset in &self.assets {
            put_bytes(&mut out, asset.key.as_bytes());
            put_bytes(&mut out, &asset.bytes);
        }
        out
    }

    pub(crate) fn decode(bytes: &[u8]) -> Result<Bundle, Error> {
        let mut reader = Reader { bytes, at: 0 };
        let entry = reader.string("bundle header: entry")?;
        let minified = match reader.u8("bundle header: flags")? {
            flags if flags & !FLAG_MINIFIED == 0 => flags & FLAG_MINIFIED != 0,
            flags => return Err(corrupt(format!("bundle header: flags: unknown bits {flags:#04x}"))),
        };
        let count = reader.u32("bundle header: module count")?;
        let mut modules = Vec::new();
        for index in 0..count {
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
            modules.push(Module { kind, key, source, dependencies, source_map });
        }
        let asset_count = reader.u32("asset table: asset count")?;
        let mut assets = Vec::new();
        for index in 0..asset_count {
            let key = reader.string(&format!("asset table: asset {index}: key"))?;
            let bytes = reader.take_blob(&format!("asset table: asset {index}: bytes"))?.to_vec();
            assets.push(Asset { key, bytes });
        }
        if reader.at != bytes.len() {
            return Err(corrupt(format!("asset table: {} unexpected bytes after the last asset", bytes.len() - reader.at)));
        }
        Ok(Bundle { entry, minified, modules, assets })
    }
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

    #[test]
    fn cut_table_names_the_field() {
        let bundle = Bundle {
            entry: "a.js".into(),
            minified: false,
            modules: vec![Module::new(ModuleKind::Script, "a.js", "1")],
            assets: vec![],
        };
        let encoded = bundle.encode();
        let err = Bundle::decode(&encoded[..encoded.len() - 1]).unwrap_err().to_string();
        assert_eq!(err, "corrupt payload: asset table: asset count: unexpected end");
    }

    #[test]
    fn unknown_kind_is_corrupt() {
        let bundle = Bundle { entry: "a".into(), minified: false, modules: vec![Module::new(ModuleKind::Json, "a", "{}")], assets: vec![] };
        let mut encoded = bundle.encode();
        encoded[4 + 1 + 1 + 4] = 9;
        let err = Bundle::decode(&encoded).unwrap_err().to_string();
        assert_eq!(err, "corrupt payload: module table: module 0: kind: unknown tag 9");
    }
}
