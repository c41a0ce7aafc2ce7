//! Reading a payload lazily: opening it reads the payload bytes once, checks them and decodes
//! the index; each module source, source map and asset is decompressed only when asked for, so
//! what an app never uses costs it nothing at run time.

use std::borrow::Cow;
use std::fmt::Display;
use std::io::{Read, Seek};
use std::ops::{DerefMut, Range};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use zstd::bulk::Decompressor;

use crate::bundle::{decode_packages, encode_packages, sorted_by_key, Asset, Bundle, Module, ModuleKind, Package};
use crate::wire::{put_dependencies, read_dependencies, Reader};
use crate::{corrupt, Error, PayloadSizes, Signature, CODEC_STORED, CODEC_ZSTD, FLAG_MINIFIED};

/// The most a zstd frame can expand: an RLE block of 4 bytes (3 of header) holds up to 128 KiB.
/// A blob claiming more than this many times its stored size is corrupt, so no allocation is
/// ever sized from an unchecked claim.
const ZSTD_MAX_EXPANSION: u64 = 32 << 10;

/// Where a blob sits in the payload and how it is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Blob {
    compressed: bool,
    /// From the start of the payload.
    offset: usize,
    stored_len: usize,
    raw_len: usize,
}

/// What a blob is, for errors and traces.
#[derive(Clone, Copy)]
enum Named<'a> {
    Source(&'a str),
    SourceMap(&'a str),
    Asset(&'a str),
    Dictionary,
    Packages,
}

impl std::fmt::Display for Named<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Named::Source(key) => write!(f, "module {key}"),
            Named::SourceMap(key) => write!(f, "source map of module {key}"),
            Named::Asset(key) => write!(f, "asset {key}"),
            Named::Dictionary => f.write_str("dictionary"),
            Named::Packages => f.write_str("package table"),
        }
    }
}

/// A module as the index describes it; its source and map stay in the payload until read
/// through [`Store::source`] and [`Store::source_map`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredModule {
    pub kind: ModuleKind,
    pub key: String,
    /// Where its dependency table is in the store's index table (decoded when the module loads).
    dependencies: Range<usize>,
    source: Blob,
    source_map: Option<Blob>,
}

impl StoredModule {
    /// Size of the source in bytes.
    pub fn source_len(&self) -> u64 {
        self.source.raw_len as u64
    }

    pub fn has_source_map(&self) -> bool {
        self.source_map.is_some()
    }

    /// Bytes of source and source map, as run and as stored in the payload.
    pub fn raw_and_stored_len(&self) -> (u64, u64) {
        let blobs = std::iter::once(&self.source).chain(&self.source_map);
        blobs.fold((0, 0), |(raw, stored), blob| (raw + blob.raw_len as u64, stored + blob.stored_len as u64))
    }
}

/// An asset as the index describes it; its bytes are read through [`Store::asset`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAsset {
    pub key: String,
    bytes: Blob,
}

impl StoredAsset {
    /// Its size in bytes.
    pub fn size(&self) -> u64 {
        self.bytes.raw_len as u64
    }

    /// Bytes it takes in the payload.
    pub fn stored_len(&self) -> u64 {
        self.bytes.stored_len as u64
    }
}

/// A payload opened for reading on demand. It is `Sync`: the threads of one process share it.
pub struct Store {
    entry: String,
    minified: bool,
    /// Sorted by key, as are the assets.
    modules: Vec<StoredModule>,
    assets: Vec<StoredAsset>,
    dictionary: Option<Blob>,
    packages: Blob,
    /// The decompressed index, which the modules' dependency tables are ranges of.
    table: Vec<u8>,
    /// The payload bytes, read once; blobs are slices of it.
    payload: Vec<u8>,
    /// Made on first use, with the dictionary loaded (an error message if that failed).
    decompressor: OnceLock<Result<Mutex<Decompressor<'static>>, String>>,
    trace: Option<fn(&str)>,
    sizes: PayloadSizes,
    signature: Option<Signature>,
}

impl Store {
    /// Reads the payload appended to a packed executable: seeks to the trailer, checks it,
    /// reads only the payload, verifies its checksum and decodes the index. It does not check
    /// the signature: the runtime has no key to check it with.
    pub fn open<R: Read + Seek>(file: &mut R) -> Result<Store, Error> {
        let (payload, trailer) = crate::read_payload(file)?;
        decode(payload, trailer.offset, trailer.signature)
    }

    /// A store holding `bundle` uncompressed, for running an app straight from its sources.
    /// Its modules and assets need not be sorted; a key twice is an error.
    pub fn from_bundle(bundle: &Bundle) -> Result<Store, Error> {
        let mut payload = Vec::new();
        let mut table = Vec::new();
        let mut keep = |bytes: &[u8]| {
            let blob = Blob { compressed: false, offset: payload.len(), stored_len: bytes.len(), raw_len: bytes.len() };
            payload.extend_from_slice(bytes);
            blob
        };
        let modules = sorted_by_key(&bundle.modules, |module| &module.key)
            .into_iter()
            .map(|module| StoredModule {
                kind: module.kind,
                key: module.key.clone(),
                dependencies: {
                    let start = table.len();
                    put_dependencies(&mut table, &module.dependencies);
                    start..table.len()
                },
                source: keep(module.source.as_bytes()),
                source_map: module.source_map.as_deref().map(|map| keep(map.as_bytes())),
            })
            .collect();
        let assets = sorted_by_key(&bundle.assets, |asset| &asset.key)
            .into_iter()
            .map(|asset| StoredAsset { key: asset.key.clone(), bytes: keep(&asset.bytes) })
            .collect();
        let packages = keep(&encode_packages(&[]));
        let sizes = PayloadSizes { offset: 0, compressed: payload.len() as u64, decompressed: payload.len() as u64 };
        let index = Index { entry: bundle.entry.clone(), minified: bundle.minified, dictionary: None, modules, assets, packages };
        Store::assemble(index, table, payload, sizes, None)
    }

    fn assemble(index: Index, table: Vec<u8>, payload: Vec<u8>, sizes: PayloadSizes, signature: Option<Signature>) -> Result<Store, Error> {
        check_sorted(index.modules.iter().map(|module| &module.key), "module")?;
        check_sorted(index.assets.iter().map(|asset| &asset.key), "asset")?;
        Ok(Store {
            entry: index.entry,
            minified: index.minified,
            modules: index.modules,
            assets: index.assets,
            dictionary: index.dictionary,
            packages: index.packages,
            table,
            payload,
            decompressor: OnceLock::new(),
            trace: None,
            sizes,
            signature,
        })
    }

    /// Calls `trace` with a line for every blob read from now on (`PACK_DEBUG=payload`).
    pub fn set_trace(&mut self, trace: fn(&str)) {
        self.trace = Some(trace);
    }

    /// Key of the module that runs first.
    pub fn entry(&self) -> &str {
        &self.entry
    }

    /// Whether the packer minified the modules.
    pub fn minified(&self) -> bool {
        self.minified
    }

    /// Sorted by key.
    pub fn modules(&self) -> &[StoredModule] {
        &self.modules
    }

    pub fn module(&self, key: &str) -> Option<&StoredModule> {
        let at = self.modules.binary_search_by(|module| module.key.as_str().cmp(key)).ok()?;
        Some(&self.modules[at])
    }

    pub fn assets(&self) -> &[StoredAsset] {
        &self.assets
    }

    pub fn asset(&self, key: &str) -> Option<&StoredAsset> {
        let at = self.assets.binary_search_by(|asset| asset.key.as_str().cmp(key)).ok()?;
        Some(&self.assets[at])
    }

    pub fn sizes(&self) -> PayloadSizes {
        self.sizes
    }

    /// The signature in the trailer, unchecked.
    pub fn signature(&self) -> Option<Signature> {
        self.signature
    }

    /// Whether the payload carries a trained dictionary.
    pub fn has_dictionary(&self) -> bool {
        self.dictionary.is_some()
    }

    /// `(specifier as written in require(), resolved target)` for each of the module's
    /// dependencies.
    pub fn dependencies(&self, module: &StoredModule) -> Result<Vec<(String, String)>, Error> {
        let mut reader = Reader::new(&self.table[module.dependencies.clone()]);
        let pairs = read_dependencies(&mut reader, format_args!("index: module {}", module.key))?;
        Ok(pairs.into_iter().map(|(specifier, target)| (specifier.to_owned(), target.to_owned())).collect())
    }

    pub fn source(&self, module: &StoredModule) -> Result<String, Error> {
        let key = module.key.as_str();
        self.text(&module.source, Named::Source(key))
    }

    /// Where the module's source sits in the packed executable, as stored: for tools and tests
    /// that examine or damage a payload on purpose.
    pub fn source_span(&self, module: &StoredModule) -> Range<u64> {
        let start = self.sizes.offset + module.source.offset as u64;
        start..start + module.source.stored_len as u64
    }

    pub fn source_map(&self, module: &StoredModule) -> Result<Option<String>, Error> {
        let key = module.key.as_str();
        module.source_map.as_ref().map(|map| self.text(map, Named::SourceMap(key))).transpose()
    }

    /// The asset's bytes: borrowed from the payload when stored uncompressed.
    pub fn asset_bytes(&self, asset: &StoredAsset) -> Result<Cow<'_, [u8]>, Error> {
        self.read(&asset.bytes, Named::Asset(&asset.key))
    }

    /// The npm packages the modules came from (`pack inspect` only: the runtime never needs them).
    pub fn packages(&self) -> Result<Vec<Package>, Error> {
        decode_packages(&self.read(&self.packages, Named::Packages)?)
    }

    /// Everything, decompressed: the bundle as it was packed.
    pub fn to_bundle(&self) -> Result<Bundle, Error> {
        let modules = self.modules.iter().map(|module| {
            Ok(Module {
                kind: module.kind,
                key: module.key.clone(),
                source: self.source(module)?,
                dependencies: self.dependencies(module)?,
                source_map: self.source_map(module)?,
            })
        });
        let assets = self.assets.iter().map(|asset| Ok(Asset { key: asset.key.clone(), bytes: self.asset_bytes(asset)?.into_owned() }));
        Ok(Bundle {
            entry: self.entry.clone(),
            minified: self.minified,
            modules: modules.collect::<Result<_, Error>>()?,
            assets: assets.collect::<Result<_, Error>>()?,
        })
    }

    fn text(&self, blob: &Blob, name: Named) -> Result<String, Error> {
        let bytes = self.read(blob, name)?.into_owned();
        String::from_utf8(bytes).map_err(|_| corrupt(format!("{name}: not UTF-8")))
    }

    fn read(&self, blob: &Blob, name: Named) -> Result<Cow<'_, [u8]>, Error> {
        self.read_with(blob, name, || self.decompressor())
    }

    /// A blob's bytes, decompressed by what `decompressor` gives when it is compressed.
    fn read_with<D>(&self, blob: &Blob, name: Named, decompressor: impl FnOnce() -> Result<D, Error>) -> Result<Cow<'_, [u8]>, Error>
    where
        D: DerefMut<Target = Decompressor<'static>>,
    {
        let stored = &self.payload[blob.offset..blob.offset + blob.stored_len];
        let bytes = match blob.compressed {
            true => Cow::Owned(decompress(&mut *decompressor()?, stored, blob.raw_len, name)?),
            false => Cow::Borrowed(stored),
        };
        if let Some(trace) = self.trace {
            let verb = if blob.compressed { "decompressed" } else { "read uncompressed" };
            trace(&format!("{verb} {name} ({} bytes)", bytes.len()));
        }
        Ok(bytes)
    }

    /// The decompressor every blob but the dictionary goes through, with the dictionary loaded.
    fn decompressor(&self) -> Result<MutexGuard<'_, Decompressor<'static>>, Error> {
        // Kept as the text of a corrupt-payload error, so every later read reports it again.
        let made = self.decompressor.get_or_init(|| {
            self.make_decompressor().map(Mutex::new).map_err(|err| match err {
                Error::Corrupt(detail) => detail,
                other => format!("{}: {other}", Named::Dictionary),
            })
        });
        match made {
            Ok(decompressor) => Ok(decompressor.lock().unwrap_or_else(PoisonError::into_inner)),
            Err(detail) => Err(Error::Corrupt(detail.clone())),
        }
    }

    fn make_decompressor(&self) -> Result<Decompressor<'static>, Error> {
        let Some(dictionary) = &self.dictionary else { return Ok(Decompressor::new()?) };
        let raw = self.read_with(dictionary, Named::Dictionary, || Ok(Box::new(Decompressor::new()?)))?;
        Decompressor::with_dictionary(&raw).map_err(|err| corrupt(format!("{}: {err}", Named::Dictionary)))
    }
}

/// Decompresses one frame that the index says holds `raw_len` bytes, and checks that it does.
fn decompress(decompressor: &mut Decompressor, stored: &[u8], raw_len: usize, name: Named) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    out.try_reserve_exact(raw_len).map_err(|_| corrupt(format!("{name}: cannot allocate {raw_len} bytes for it")))?;
    decompressor
        .decompress_to_buffer(stored, &mut out)
        .map_err(|err| corrupt(format!("{name}: decompression failed: {err}")))?;
    if out.len() != raw_len {
        return Err(corrupt(format!("{name}: decompressed to {} bytes, the index says {raw_len}", out.len())));
    }
    Ok(out)
}

/// Keys must ascend (bytewise), so lookups can search them; a key twice is corrupt.
fn check_sorted<'a>(keys: impl Iterator<Item = &'a String>, what: &str) -> Result<(), Error> {
    let mut previous: Option<&String> = None;
    for key in keys {
        match previous {
            Some(before) if before == key => return Err(corrupt(format!("index: {what} {key} appears twice"))),
            Some(before) if before > key => return Err(corrupt(format!("index: {what} {key} is out of order (after {before})"))),
            _ => previous = Some(key),
        }
    }
    Ok(())
}

/// The decoded index table.
struct Index {
    entry: String,
    minified: bool,
    dictionary: Option<Blob>,
    modules: Vec<StoredModule>,
    assets: Vec<StoredAsset>,
    packages: Blob,
}

/// Decodes a payload: the index length, the index frame, then the index, which must account
/// for every byte of the blobs after it.
fn decode(payload: Vec<u8>, offset: u64, signature: Option<Signature>) -> Result<Store, Error> {
    let mut reader = Reader::new(&payload);
    let frame = reader.bytes("payload: index")?;
    let table = decompress_index(frame)?;
    let blobs_start = payload.len() - reader.remaining();
    let mut blobs = BlobCursor { next: blobs_start, end: payload.len() };
    let index = decode_index(&mut Reader::new(&table), &mut blobs)?;
    if blobs.next != blobs.end {
        return Err(corrupt(format!("index: {} bytes after the last blob", blobs.end - blobs.next)));
    }
    let raw_blobs: usize = index.blobs().map(|blob| blob.raw_len).sum();
    let sizes = PayloadSizes { offset, compressed: payload.len() as u64, decompressed: (table.len() + raw_blobs) as u64 };
    Store::assemble(index, table, payload, sizes, signature)
}

impl Index {
    fn blobs(&self) -> impl Iterator<Item = &Blob> {
        let modules = self.modules.iter().flat_map(|module| std::iter::once(&module.source).chain(&module.source_map));
        let assets = self.assets.iter().map(|asset| &asset.bytes);
        self.dictionary.iter().chain(modules).chain(assets).chain(std::iter::once(&self.packages))
    }
}

/// The index's one zstd frame. The output grows with what the frame really holds (never
/// preallocated from the size the frame header claims).
fn decompress_index(frame: &[u8]) -> Result<Vec<u8>, Error> {
    let failed = |err: std::io::Error| corrupt(format!("index: decompression failed: {err}"));
    let mut decoder = zstd::stream::read::Decoder::new(frame).map_err(failed)?.single_frame();
    let mut out = Vec::new();
    decoder.read_to_end(&mut out).map_err(failed)?;
    Ok(out)
}

/// Blobs follow one another in index order: each one starts where the one before ends.
struct BlobCursor {
    next: usize,
    end: usize,
}

impl BlobCursor {
    fn blob(&mut self, reader: &mut Reader, what: impl Display) -> Result<Blob, Error> {
        let codec = reader.u8(format_args!("{what}: codec"))?;
        let stored_len = reader.u64(format_args!("{what}: stored length"))?;
        let raw_len = reader.u64(format_args!("{what}: length"))?;
        let compressed = match codec {
            CODEC_STORED if raw_len == stored_len => false,
            CODEC_STORED => return Err(corrupt(format!("{what}: stored as is in {stored_len} bytes, yet {raw_len} bytes long"))),
            CODEC_ZSTD if raw_len <= stored_len.saturating_mul(ZSTD_MAX_EXPANSION) => true,
            CODEC_ZSTD => return Err(corrupt(format!("{what}: {raw_len} bytes cannot be compressed into {stored_len}"))),
            other => return Err(corrupt(format!("{what}: codec: unknown value {other}"))),
        };
        let room = (self.end - self.next) as u64;
        if stored_len > room {
            return Err(corrupt(format!("{what}: {stored_len} bytes, but only {room} are left in the payload")));
        }
        let raw_len = usize::try_from(raw_len).map_err(|_| corrupt(format!("{what}: too large for this machine")))?;
        let blob = Blob { compressed, offset: self.next, stored_len: stored_len as usize, raw_len };
        self.next += blob.stored_len;
        Ok(blob)
    }
}

fn decode_index(reader: &mut Reader, blobs: &mut BlobCursor) -> Result<Index, Error> {
    let entry = reader.string("index: entry")?;
    let minified = match reader.u8("index: flags")? {
        flags if flags & !FLAG_MINIFIED == 0 => flags & FLAG_MINIFIED != 0,
        flags => return Err(corrupt(format!("index: flags: unknown bits {flags:#04x}"))),
    };
    let dictionary = match reader.flag("index: dictionary flag")? {
        true => Some(blobs.blob(reader, "index: dictionary")?),
        false => None,
    };
    let module_count = reader.u32("index: module count")?;
    let mut modules = Vec::new();
    for index in 0..module_count {
        modules.push(decode_module(reader, blobs, index)?);
    }
    let asset_count = reader.u32("index: asset count")?;
    let mut assets = Vec::new();
    for index in 0..asset_count {
        let key = reader.string(format_args!("index: asset {index}: key"))?;
        let bytes = blobs.blob(reader, format_args!("index: asset {key}"))?;
        assets.push(StoredAsset { key, bytes });
    }
    let packages = blobs.blob(reader, "index: package table")?;
    reader.finish("index")?;
    Ok(Index { entry, minified, dictionary, modules, assets, packages })
}

fn decode_module(reader: &mut Reader, blobs: &mut BlobCursor, index: u32) -> Result<StoredModule, Error> {
    let tag = reader.u8(format_args!("index: module {index}: kind"))?;
    let kind = ModuleKind::from_tag(tag).ok_or_else(|| corrupt(format!("index: module {index}: kind: unknown tag {tag}")))?;
    let key = reader.string(format_args!("index: module {index}: key"))?;
    let source = blobs.blob(reader, format_args!("index: module {key}: source"))?;
    // Checked now, decoded when the module loads.
    let start = reader.position();
    read_dependencies(reader, format_args!("index: module {key}"))?;
    let dependencies = start..reader.position();
    let source_map = match reader.flag(format_args!("index: module {key}: source map flag"))? {
        true => Some(blobs.blob(reader, format_args!("index: module {key}: source map"))?),
        false => None,
    };
    Ok(StoredModule { kind, key, dependencies, source, source_map })
}
