//! The payload format: what `pack` appends to the stub runtime, and how the stub reads it back.
//!
//! Both sides link this crate, so the layout lives here once. It knows nothing of JavaScript
//! engines or parsers: a [`Bundle`] is a list of modules with their sources and their resolved
//! `require` specifiers; [`Package`]s describe the npm packages they came from. `pack` writes
//! them with [`encode_with_packages`]; the stub opens them with [`Store`], which reads each
//! module when it is needed.
//!
//! # Layout of a packed executable
//!
//! | part    | size      | content                                              |
//! |---------|-----------|------------------------------------------------------|
//! | stub    | any       | the stub runtime executable, byte for byte           |
//! | payload | `length`  | the index, then the blobs it describes               |
//! | trailer | 112 bytes | where the payload is, how to check it, its signature |
//!
//! The trailer, all integers little-endian:
//!
//! | offset | width | field                                                               |
//! |--------|-------|---------------------------------------------------------------------|
//! | 0      | 8     | payload offset from the start of the file (u64)                     |
//! | 8      | 8     | payload length in bytes (u64)                                       |
//! | 16     | 4     | CRC-32 (IEEE) of the compressed payload bytes (u32)                 |
//! | 20     | 4     | signature scheme (u32): 0 unsigned, 1 Ed25519 (see below)           |
//! | 24     | 8     | key id: first 8 bytes of the SHA-256 of the signer's public key     |
//! | 32     | 64    | signature                                                           |
//! | 96     | 4     | reserved, zero                                                      |
//! | 100    | 4     | format version, [`FORMAT_VERSION`] (u32)                            |
//! | 104    | 8     | magic, [`MAGIC`]                                                    |
//!
//! The magic comes last so a reader looks at the final 8 bytes first and can tell "no payload"
//! (a bare stub) from "corrupt payload"; the version sits just before it in every format
//! version, so an older reader reports a newer file as such. A reader seeks to the trailer and
//! then to the payload; it never reads the stub part. An unsigned trailer has zero key id and
//! signature; any other value there, or in the reserved field, makes the payload corrupt.
//!
//! # Signature
//!
//! Scheme 1 is an Ed25519 signature of a SHA-512 digest (see [`signing_digest`]): the digest
//! of [`SIGNATURE_DOMAIN`], then every byte of the file before the trailer (stub and payload),
//! then the trailer itself with its 64 signature bytes set to zero. So a change to any byte of
//! the file, the trailer included, fails verification. Ed25519 signatures are deterministic:
//! the same file signed with the same key gives the same bytes. This crate computes the digest
//! and places the signature; `pack` does the signing and checking (the stub does neither).
//!
//! # Payload
//!
//! Integers are little-endian; strings and byte strings are a u32 length followed by that many
//! bytes; strings are UTF-8.
//!
//! | field        | encoding                                                           |
//! |--------------|--------------------------------------------------------------------|
//! | index        | byte string: one zstd frame holding the index table below          |
//! | blobs        | the rest of the payload: the blobs the index names, in its order,  |
//! |              | each starting where the one before ends, with nothing after them   |
//!
//! A blob is one module source, source map, asset, the package table or the dictionary. The
//! index describes each with a blob reference: codec (u8: 0 stored as is, 1 one zstd frame),
//! stored length (u64), length (u64; for codec 0 the same as the stored length). zstd frames
//! carry no content size, dictionary id or checksum (the index has the size, the trailer's CRC
//! covers every byte). When the payload has a dictionary, every zstd blob but the dictionary
//! itself is compressed with it.
//!
//! The index table:
//!
//! | field           | encoding                                                        |
//! |-----------------|-----------------------------------------------------------------|
//! | entry           | string: key of the entry module                                 |
//! | flags           | u8: bit 0 set when the modules were minified                    |
//! | dictionary      | u8: 0 none, 1 present, then its blob reference: a zstd          |
//! |                 | dictionary, trained on the modules                              |
//! | module count    | u32                                                             |
//! | each module     | kind (u8: 0 script, 1 JSON), key (string), source (blob ref),   |
//! |                 | dependency count (u32), then per dependency: specifier, target, |
//! |                 | source map flag (u8: 0 none, 1 present), then the map (blob ref)|
//! | asset count     | u32                                                             |
//! | each asset      | key (string), bytes (blob ref)                                  |
//! | packages        | blob ref: the package table                                     |
//!
//! The package table:
//!
//! | field          | encoding                                                          |
//! |----------------|-------------------------------------------------------------------|
//! | package count  | u32                                                               |
//! | each package   | name, version, license, path, integrity (strings; license and     |
//! |                | integrity empty when unknown), licence file count (u32), then per |
//! |                | file: name (string), text (string)                                |
//!
//! Module keys are `/`-separated paths relative to the project root; modules are sorted by key
//! (bytewise), as are assets, each key once, so a reader can search them. A dependency target
//! is a module key, `node:<name>` for a built-in module, or `!<CODE> <message>` for an optional
//! `require` that fails at run time with that error, as it would in Node. Packages are the npm
//! packages the modules were taken from, with their licence texts, for SBOMs and notices.
//!
//! A reader ([`Store`]) decompresses the index when it opens a payload, and a blob each time it
//! is asked for it (the runtime's loader asks once per module), so an app pays at start only
//! for the index, and never for modules it does not require, assets it does not read or the
//! package table.
//!
//! Version history: 2 had a 32-byte trailer (offset, length, CRC, version, magic) and no
//! package section; 3 added the signature fields and the package section; 4 split the one zstd
//! frame holding everything into the index and separately compressed blobs, with a dictionary.
//!
//! # The stub marker
//!
//! The stub runtime also carries a marker naming its target and the format version it reads
//! (see [`stub_marker`]), so `pack` recognises a stub and refuses one it cannot build on.
//!
//! ```
//! use payload::{Bundle, Module, ModuleKind};
//! let bundle = Bundle {
//!     entry: "index.js".into(),
//!     minified: false,
//!     modules: vec![Module::new(ModuleKind::Script, "index.js", "console.log(1)")],
//!     assets: vec![],
//! };
//! let stub = b"stub bytes".to_vec();
//! let mut exe = stub.clone();
//! exe.extend(payload::encode(&bundle, stub.len() as u64, payload::DEFAULT_COMPRESSION_LEVEL).unwrap());
//! let store = payload::Store::open(&mut std::io::Cursor::new(exe)).unwrap();
//! let index = store.module("index.js").unwrap();
//! assert_eq!(store.source(index).unwrap(), "console.log(1)");
//! assert_eq!(store.to_bundle().unwrap(), bundle);
//! ```

use std::io::{Read, Seek, SeekFrom};

use sha2::{Digest, Sha512};

mod bundle;
#[cfg(test)]
mod fuzz;
mod store;
mod stub_marker;
mod wire;
mod write;

pub use bundle::{Asset, Bundle, LicenseFile, Module, ModuleKind, Package};
pub use store::{Store, StoredAsset, StoredModule};
pub use stub_marker::{find_stub_marker, parse_marker, stub_marker, StubInfo, STUB_MARKER_LEN};

/// Identifies a pack trailer: the last 8 bytes of a packed executable.
pub const MAGIC: [u8; 8] = *b"PACK\x00APP";
/// The version this build writes and the only one it reads.
pub const FORMAT_VERSION: u32 = 4;
/// Size of the trailer at the very end of a packed executable.
pub const TRAILER_LEN: u64 = 112;
/// Hashed first into the signed digest, so a pack signature means nothing anywhere else.
pub const SIGNATURE_DOMAIN: &[u8] = b"pack signed executable v1\n";

/// Where the signature bytes sit in the trailer.
const SIGNATURE_FIELD: std::ops::Range<usize> = 32..96;
const SCHEME_NONE: u32 = 0;
const SCHEME_ED25519: u32 = 1;

/// Blob codecs (see the crate docs).
const CODEC_STORED: u8 = 0;
const CODEC_ZSTD: u8 = 1;
/// Bit 0 of the index's flags.
const FLAG_MINIFIED: u8 = 1;

/// How far before the expected trailer to look for a displaced magic, to tell a damaged packed
/// executable (cut short, or with bytes appended) from a file that never had a payload.
const TAIL_SLACK: u64 = 64;

/// zstd level for the payload unless the packer is told otherwise. Decompression speed hardly
/// depends on the level; compression is most of the time `pack build` takes. On the express
/// fixture (format 4, a frame per module with a dictionary): level 15 packs 0.4% larger than
/// 16, where zstd starts optimal parsing, in 0.21 s instead of 0.24 s; 3 packs 16% larger.
pub const DEFAULT_COMPRESSION_LEVEL: i32 = 15;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file ends without a trailer: a bare stub, or not a packed executable at all.
    #[error("no payload found (the file does not end with a pack trailer)")]
    NoPayload,
    #[error("payload format version {found} is not supported by this runtime (it reads version {supported}); pack the app again with a matching pack")]
    UnsupportedVersion { found: u32, supported: u32 },
    #[error("corrupt payload: {0}")]
    Corrupt(String),
    #[error("reading payload: {0}")]
    Io(#[from] std::io::Error),
}

fn corrupt(what: impl Into<String>) -> Error {
    Error::Corrupt(what.into())
}

/// An Ed25519 signature as stored in a trailer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signature {
    /// First 8 bytes of the SHA-256 of the signer's public key, to name the key.
    pub key_id: [u8; 8],
    pub bytes: [u8; 64],
}

type TrailerBytes = [u8; TRAILER_LEN as usize];

/// Where the payload sits in the file, as recorded in the trailer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Trailer {
    offset: u64,
    length: u64,
    checksum: u32,
    signature: Option<Signature>,
}

impl Trailer {
    fn to_bytes(self) -> TrailerBytes {
        let mut out = [0u8; TRAILER_LEN as usize];
        out[0..8].copy_from_slice(&self.offset.to_le_bytes());
        out[8..16].copy_from_slice(&self.length.to_le_bytes());
        out[16..20].copy_from_slice(&self.checksum.to_le_bytes());
        if let Some(signature) = self.signature {
            out[20..24].copy_from_slice(&SCHEME_ED25519.to_le_bytes());
            out[24..32].copy_from_slice(&signature.key_id);
            out[SIGNATURE_FIELD].copy_from_slice(&signature.bytes);
        }
        out[100..104].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
        out[104..112].copy_from_slice(&MAGIC);
        out
    }

    /// Parses and bounds-checks a trailer read from the end of a file of `file_len` bytes.
    fn parse(bytes: &TrailerBytes, file_len: u64) -> Result<Trailer, Error> {
        let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
        let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
        if bytes[104..112] != MAGIC {
            return Err(Error::NoPayload);
        }
        let version = u32_at(100);
        if version != FORMAT_VERSION {
            return Err(Error::UnsupportedVersion { found: version, supported: FORMAT_VERSION });
        }
        if u32_at(96) != 0 {
            return Err(corrupt("trailer: reserved field is not zero"));
        }
        let signature = match u32_at(20) {
            SCHEME_NONE if bytes[24..96].iter().all(|&byte| byte == 0) => None,
            SCHEME_NONE => return Err(corrupt("trailer: unsigned, yet the signature field is not empty")),
            SCHEME_ED25519 => Some(Signature {
                key_id: bytes[24..32].try_into().unwrap(),
                bytes: bytes[SIGNATURE_FIELD].try_into().unwrap(),
            }),
            other => return Err(corrupt(format!("trailer: unknown signature scheme {other}"))),
        };
        let trailer = Trailer { offset: u64_at(0), length: u64_at(8), checksum: u32_at(16), signature };
        let end = trailer
            .offset
            .checked_add(trailer.length)
            .and_then(|end| end.checked_add(TRAILER_LEN));
        if end != Some(file_len) {
            return Err(corrupt(format!(
                "trailer: payload of {} bytes at offset {} does not end where the file's trailer starts (file is {} bytes; truncated or appended to?)",
                trailer.length, trailer.offset, file_len
            )));
        }
        Ok(trailer)
    }
}

/// The file does not end with a trailer. If the magic is close to the end (moved by appended
/// bytes) or the file ends with most of it (cut short), it is a damaged packed executable.
fn damaged_tail(tail: &[u8]) -> Error {
    if let Some(at) = tail.windows(MAGIC.len()).rposition(|window| window == MAGIC) {
        let extra = tail.len() - at - MAGIC.len();
        if extra == 0 {
            return corrupt(format!("trailer: the file ({} bytes) is too short to hold one", tail.len()));
        }
        return corrupt(format!("trailer: {extra} unexpected bytes after the trailer (the file was appended to)"));
    }
    let cut = (MIN_CUT_MAGIC..MAGIC.len()).rev().find(|&kept| tail.ends_with(&MAGIC[..kept]));
    match cut {
        Some(kept) => corrupt(format!("trailer: cut short by {} bytes (the file is truncated)", MAGIC.len() - kept)),
        None => Error::NoPayload,
    }
}

/// How much of the magic must remain at the end to call a file truncated rather than bare.
const MIN_CUT_MAGIC: usize = 4;

/// Encodes and compresses `bundle`, returning the bytes to append to a stub of `stub_len` bytes:
/// the payload followed by its (unsigned) trailer. No package metadata.
pub fn encode(bundle: &Bundle, stub_len: u64, level: i32) -> Result<Vec<u8>, Error> {
    encode_with_packages(bundle, &[], stub_len, level)
}

/// [`encode`], also keeping the metadata and licence texts of the npm packages the bundle's
/// modules come from.
pub fn encode_with_packages(bundle: &Bundle, packages: &[Package], stub_len: u64, level: i32) -> Result<Vec<u8>, Error> {
    let compressed = write::encode_payload(bundle, packages, level)?;
    let trailer = Trailer {
        offset: stub_len,
        length: compressed.len() as u64,
        checksum: crc32fast::hash(&compressed),
        signature: None,
    };
    let mut out = compressed;
    out.extend_from_slice(&trailer.to_bytes());
    Ok(out)
}

/// Signs what [`encode`] returned for `stub`, in place: records the key id in the trailer and
/// stores `sign(digest)` there, where `digest` is the [`signing_digest`] of the whole file.
pub fn sign_appended(stub: &[u8], appended: &mut [u8], key_id: [u8; 8], sign: impl FnOnce(&[u8; 64]) -> [u8; 64]) -> Result<(), Error> {
    let file_len = (stub.len() + appended.len()) as u64;
    let at = appended.len().checked_sub(TRAILER_LEN as usize).ok_or_else(|| corrupt("trailer: missing"))?;
    let old: TrailerBytes = appended[at..].try_into().unwrap();
    let mut trailer = Trailer::parse(&old, file_len)?;
    trailer.signature = Some(Signature { key_id, bytes: [0; 64] });
    let mut hasher = digest_start();
    hasher.update(stub);
    hasher.update(&appended[..at]);
    let digest = digest_finish(hasher, trailer.to_bytes());
    trailer.signature = Some(Signature { key_id, bytes: sign(&digest) });
    appended[at..].copy_from_slice(&trailer.to_bytes());
    Ok(())
}

fn digest_start() -> Sha512 {
    let mut hasher = Sha512::new();
    hasher.update(SIGNATURE_DOMAIN);
    hasher
}

/// Hashes the trailer, signature field zeroed, after everything before it.
fn digest_finish(mut hasher: Sha512, mut trailer: TrailerBytes) -> [u8; 64] {
    trailer[SIGNATURE_FIELD].fill(0);
    hasher.update(trailer);
    hasher.finalize().into()
}

/// What a verifier needs: the signature a packed executable carries (if any) and the digest
/// it must be a signature of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signed {
    pub signature: Option<Signature>,
    pub digest: [u8; 64],
}

/// Reads the trailer of a packed executable and computes its [`signing_digest`], reading the
/// whole file once. It does not decode the payload: see [`read_contents`] for that.
pub fn signing_digest<R: Read + Seek>(file: &mut R) -> Result<Signed, Error> {
    let (trailer_bytes, trailer) = read_trailer(file)?;
    let mut hasher = digest_start();
    file.seek(SeekFrom::Start(0))?;
    let before_trailer = trailer.offset + trailer.length;
    let copied = std::io::copy(&mut file.take(before_trailer), &mut HashWriter(&mut hasher))?;
    if copied != before_trailer {
        return Err(corrupt("the file changed while it was read"));
    }
    Ok(Signed { signature: trailer.signature, digest: digest_finish(hasher, trailer_bytes) })
}

struct HashWriter<'a>(&'a mut Sha512);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Reads the whole bundle appended to a packed executable, decompressing everything: see
/// [`Store`] for reading it on demand.
pub fn read_from<R: Read + Seek>(file: &mut R) -> Result<Bundle, Error> {
    Store::open(file)?.to_bundle()
}

/// Sizes of a payload as found in a packed executable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PayloadSizes {
    /// Where the payload starts: the size of the stub in front of it.
    pub offset: u64,
    pub compressed: u64,
    /// The index and every blob, decompressed.
    pub decompressed: u64,
}

/// Everything a packed executable's payload and trailer hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contents {
    pub bundle: Bundle,
    pub packages: Vec<Package>,
    pub sizes: PayloadSizes,
    /// The signature in the trailer, unchecked.
    pub signature: Option<Signature>,
}

/// Reads, checks and decodes the whole payload of a packed executable, every blob included.
pub fn read_contents<R: Read + Seek>(file: &mut R) -> Result<Contents, Error> {
    let store = Store::open(file)?;
    Ok(Contents { bundle: store.to_bundle()?, packages: store.packages()?, sizes: store.sizes(), signature: store.signature() })
}

/// The payload bytes, checked against the trailer's checksum, and the trailer.
fn read_payload<R: Read + Seek>(file: &mut R) -> Result<(Vec<u8>, Trailer), Error> {
    let (_, trailer) = read_trailer(file)?;
    // Parsing checked offset + length + trailer == file size, so the length is no more than
    // the file holds and allocating it is safe.
    let length = usize::try_from(trailer.length).map_err(|_| corrupt("trailer: payload length too large"))?;
    let mut payload = Vec::new();
    payload
        .try_reserve_exact(length)
        .map_err(|_| corrupt(format!("trailer: cannot allocate {length} bytes for the payload")))?;
    payload.resize(length, 0);
    file.seek(SeekFrom::Start(trailer.offset))?;
    // One read of the known length, rather than reads of growing sizes until the end.
    file.read_exact(&mut payload).map_err(|err| match err.kind() {
        std::io::ErrorKind::UnexpectedEof => corrupt("payload: shorter than the trailer says"),
        _ => Error::Io(err),
    })?;
    if crc32fast::hash(&payload) != trailer.checksum {
        return Err(corrupt("payload: checksum mismatch (the file was modified or damaged after packing)"));
    }
    Ok((payload, trailer))
}

/// Seeks to the end of `file`, reads and parses its trailer.
fn read_trailer<R: Read + Seek>(file: &mut R) -> Result<(TrailerBytes, Trailer), Error> {
    let file_len = file.seek(SeekFrom::End(0))?;
    let tail_len = file_len.min(TRAILER_LEN + TAIL_SLACK);
    let mut tail = vec![0u8; tail_len as usize];
    file.seek(SeekFrom::Start(file_len - tail_len))?;
    file.read_exact(&mut tail)?;
    let Some(trailer_bytes) = tail.last_chunk::<{ TRAILER_LEN as usize }>().filter(|bytes| bytes[104..112] == MAGIC) else {
        return Err(damaged_tail(&tail));
    };
    Ok((*trailer_bytes, Trailer::parse(trailer_bytes, file_len)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    const STUB: &[u8] = b"#!stub\x7fELF pretend";

    /// A bundle using every part of the format (also the fuzz tests' seed), sorted by key as
    /// the packer sorts it, so it reads back as it is.
    pub(crate) fn sample() -> Bundle {
        let mut index = Module::new(ModuleKind::Script, "index.js", "require('./lib/a')");
        index.dependencies.push(("./lib/a".into(), "lib/a.js".into()));
        index.dependencies.push(("fs".into(), "node:fs".into()));
        index.source_map = Some("{\"version\":3}".into());
        Bundle {
            entry: "index.js".into(),
            minified: true,
            modules: vec![
                Module::new(ModuleKind::Json, "config.json", "{\"a\": [1, 2]}"),
                index,
                Module::new(ModuleKind::Script, "lib/a.js", "module.exports = 1"),
                Module::new(ModuleKind::Script, "lib/big.js", format!("module.exports = [{}];", "'pack', ".repeat(100))),
            ],
            assets: vec![
                Asset { key: "static/logo.bin".into(), bytes: vec![0, 255, 7] },
                Asset { key: "static/zeros.bin".into(), bytes: vec![0; 300] },
            ],
        }
    }

    /// Enough varied modules for the packer to train a dictionary on.
    pub(crate) fn many_modules() -> Bundle {
        let mut seed = 7u64;
        let mut next = move |below: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % below
        };
        const WORDS: [&str; 8] = ["request", "response", "options", "callback", "buffer", "stream", "error", "headers"];
        let modules = (0..40)
            .map(|file| {
                let source: String = (0..120)
                    .map(|line| {
                        let (a, b) = (WORDS[next(8) as usize], WORDS[next(8) as usize]);
                        format!("function {a}_{file}_{line}({b}) {{ if (!{b}) throw new TypeError('{a} needs {b}'); return {b}.{a} + {}; }}\n", next(1000))
                    })
                    .collect();
                Module::new(ModuleKind::Script, format!("lib/m{file:02}.js"), source)
            })
            .collect();
        Bundle { entry: "lib/m00.js".into(), minified: false, modules, assets: vec![] }
    }

    fn packed(bundle: &Bundle) -> Vec<u8> {
        let mut exe = STUB.to_vec();
        exe.extend(encode(bundle, STUB.len() as u64, DEFAULT_COMPRESSION_LEVEL).unwrap());
        exe
    }

    fn read(bytes: Vec<u8>) -> Result<Bundle, Error> {
        read_from(&mut Cursor::new(bytes))
    }

    #[test]
    fn round_trip() {
        assert_eq!(read(packed(&sample())).unwrap(), sample());
    }

    #[test]
    fn empty_bundle_round_trips() {
        let empty = Bundle { entry: String::new(), minified: false, modules: vec![], assets: vec![] };
        assert_eq!(read(packed(&empty)).unwrap(), empty);
    }

    #[test]
    fn bare_stub_has_no_payload() {
        assert!(matches!(read(STUB.to_vec()), Err(Error::NoPayload)));
        assert!(matches!(read(Vec::new()), Err(Error::NoPayload)));
    }

    #[test]
    fn truncated_by_one_byte_is_corrupt() {
        let mut exe = packed(&sample());
        exe.pop();
        let err = read(exe).unwrap_err().to_string();
        assert_eq!(err, "corrupt payload: trailer: cut short by 1 bytes (the file is truncated)");
    }

    #[test]
    fn appended_bytes_are_corrupt() {
        let mut exe = packed(&sample());
        exe.extend_from_slice(b"xyz");
        let err = read(exe).unwrap_err().to_string();
        assert_eq!(err, "corrupt payload: trailer: 3 unexpected bytes after the trailer (the file was appended to)");
    }

    #[test]
    fn truncated_payload_is_corrupt() {
        let mut exe = packed(&sample());
        let trailer = exe.split_off(exe.len() - TRAILER_LEN as usize);
        exe.pop();
        exe.extend(trailer);
        let err = read(exe).unwrap_err().to_string();
        assert!(err.starts_with("corrupt payload: trailer:"), "{err}");
    }

    #[test]
    fn flipped_payload_byte_fails_the_checksum() {
        let mut exe = packed(&sample());
        exe[STUB.len() + 3] ^= 0x01;
        let err = read(exe).unwrap_err().to_string();
        assert_eq!(err, "corrupt payload: payload: checksum mismatch (the file was modified or damaged after packing)");
    }

    #[test]
    fn future_version_is_refused() {
        let mut exe = packed(&sample());
        let at = exe.len() - 12; // the version sits just before the magic in every version
        exe[at..at + 4].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
        let err = read(exe).unwrap_err();
        assert!(matches!(err, Error::UnsupportedVersion { found, supported: FORMAT_VERSION } if found == FORMAT_VERSION + 1), "{err}");
    }

    #[test]
    fn huge_length_in_trailer_is_corrupt_not_an_allocation() {
        let mut exe = packed(&sample());
        let at = exe.len() - TRAILER_LEN as usize + 8;
        exe[at..at + 8].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(matches!(read(exe), Err(Error::Corrupt(_))));
    }

    fn fake_sign(digest: &[u8; 64]) -> [u8; 64] {
        let mut signature = *digest;
        signature.reverse();
        signature
    }

    fn signed(bundle: &Bundle) -> Vec<u8> {
        let mut appended = encode(bundle, STUB.len() as u64, DEFAULT_COMPRESSION_LEVEL).unwrap();
        sign_appended(STUB, &mut appended, [1, 2, 3, 4, 5, 6, 7, 8], fake_sign).unwrap();
        let mut exe = STUB.to_vec();
        exe.extend(appended);
        exe
    }

    #[test]
    fn signed_executables_still_read_and_carry_the_signature() {
        let exe = signed(&sample());
        let contents = read_contents(&mut Cursor::new(&exe)).unwrap();
        assert_eq!(contents.bundle, sample());
        let signature = contents.signature.unwrap();
        assert_eq!(signature.key_id, [1, 2, 3, 4, 5, 6, 7, 8]);
        let checked = signing_digest(&mut Cursor::new(&exe)).unwrap();
        assert_eq!(checked.signature, Some(signature));
        assert_eq!(fake_sign(&checked.digest), signature.bytes);
    }

    #[test]
    fn every_byte_of_a_signed_file_is_in_its_signature_input() {
        let exe = signed(&sample());
        let original = signing_digest(&mut Cursor::new(&exe)).unwrap();
        for at in 0..exe.len() {
            let mut changed = exe.clone();
            changed[at] ^= 0x20;
            if let Ok(checked) = signing_digest(&mut Cursor::new(&changed)) {
                assert!(checked != original, "byte {at} is not covered");
            }
        }
    }

    #[test]
    fn unsigned_trailer_with_signature_bytes_is_corrupt() {
        let mut exe = packed(&sample());
        let at = exe.len() - TRAILER_LEN as usize + 40;
        exe[at] = 1;
        assert!(matches!(read(exe), Err(Error::Corrupt(_))));
    }

    #[test]
    fn packages_survive_the_round_trip() {
        let package = Package { name: "ms".into(), version: "2.1.3".into(), license: Some("MIT".into()), path: "node_modules/ms".into(), ..Package::default() };
        let mut exe = STUB.to_vec();
        exe.extend(encode_with_packages(&sample(), std::slice::from_ref(&package), STUB.len() as u64, 3).unwrap());
        let contents = read_contents(&mut Cursor::new(exe)).unwrap();
        assert_eq!(contents.packages, vec![package]);
        assert_eq!(contents.sizes.offset, STUB.len() as u64);
    }

    #[test]
    fn format_2_executables_are_named_as_such() {
        // Version 2's 32-byte trailer: offset, length, CRC, version, magic.
        let mut exe = [STUB; 10].concat();
        exe.extend_from_slice(&[0; 20]);
        exe.extend_from_slice(&2u32.to_le_bytes());
        exe.extend_from_slice(&MAGIC);
        let err = read(exe).unwrap_err();
        assert!(matches!(err, Error::UnsupportedVersion { found: 2, supported: FORMAT_VERSION }), "{err}");
    }

    /// The traced lines of blobs read on this thread.
    fn traced() -> Vec<String> {
        TRACE.with(|lines| lines.borrow_mut().drain(..).collect())
    }

    thread_local! {
        static TRACE: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
    }

    fn open_traced(exe: &[u8]) -> Store {
        let mut store = Store::open(&mut Cursor::new(exe)).unwrap();
        store.set_trace(|line| TRACE.with(|lines| lines.borrow_mut().push(line.to_owned())));
        traced();
        store
    }

    #[test]
    fn opening_decompresses_no_blob_and_reading_one_decompresses_only_it() {
        let exe = packed(&sample());
        let store = open_traced(&exe);
        assert_eq!((store.entry(), store.minified(), store.modules().len()), ("index.js", true, 4));
        assert_eq!(traced(), Vec::<String>::new());
        let big = store.module("lib/big.js").unwrap();
        assert_eq!(store.source(big).unwrap(), sample().modules[3].source);
        assert_eq!(traced(), ["decompressed module lib/big.js (820 bytes)"]);
        let index = store.module("index.js").unwrap();
        assert_eq!(store.source_map(index).unwrap().as_deref(), Some("{\"version\":3}"));
        assert_eq!(traced(), ["read uncompressed source map of module index.js (13 bytes)"]);
        let zeros = store.asset("static/zeros.bin").unwrap();
        assert_eq!((zeros.size(), store.asset_bytes(zeros).unwrap().len()), (300, 300));
        assert!(zeros.stored_len() < 300);
        assert!(store.module("lib/missing.js").is_none() && store.asset("index.js").is_none());
    }

    #[test]
    fn many_modules_share_a_trained_dictionary() {
        let bundle = many_modules();
        let exe = packed(&bundle);
        let store = open_traced(&exe);
        assert!(store.has_dictionary());
        let module = store.module("lib/m17.js").unwrap();
        assert_eq!(store.source(module).unwrap(), bundle.modules[17].source);
        let lines = traced();
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].starts_with("decompressed dictionary ("), "{lines:?}");
        assert_eq!(lines[1], format!("decompressed module lib/m17.js ({} bytes)", bundle.modules[17].source.len()));
        assert_eq!(store.to_bundle().unwrap(), bundle);
        // A dictionary earns its keep: the payload is smaller than with each module alone.
        let alone_len = |module: &Module| zstd::bulk::compress(module.source.as_bytes(), DEFAULT_COMPRESSION_LEVEL).unwrap().len();
        let alone: usize = bundle.modules.iter().map(alone_len).sum();
        assert!(store.sizes().compressed < alone as u64, "{} >= {alone}", store.sizes().compressed);
    }

    #[test]
    fn packing_is_reproducible() {
        assert_eq!(packed(&many_modules()), packed(&many_modules()));
    }

    /// Recomputes the trailer's checksum after the payload was changed on purpose.
    pub(crate) fn fix_checksum(exe: &mut [u8]) {
        let trailer_at = exe.len() - TRAILER_LEN as usize;
        let payload_at = u64::from_le_bytes(exe[trailer_at..trailer_at + 8].try_into().unwrap()) as usize;
        let checksum = crc32fast::hash(&exe[payload_at..trailer_at]);
        exe[trailer_at + 16..trailer_at + 20].copy_from_slice(&checksum.to_le_bytes());
    }

    #[test]
    fn a_damaged_blob_fails_when_read_naming_its_module() {
        let mut exe = packed(&sample());
        let store = Store::open(&mut Cursor::new(&exe)).unwrap();
        let at = store.source_span(store.module("lib/big.js").unwrap()).start as usize;
        exe[at..at + 4].copy_from_slice(b"junk");
        fix_checksum(&mut exe);
        let store = Store::open(&mut Cursor::new(&exe)).unwrap();
        assert_eq!(store.source(store.module("lib/a.js").unwrap()).unwrap(), "module.exports = 1");
        let err = store.source(store.module("lib/big.js").unwrap()).unwrap_err().to_string();
        assert!(err.starts_with("corrupt payload: module lib/big.js: decompression failed: "), "{err}");
        assert!(read_contents(&mut Cursor::new(&exe)).is_err());
    }

    #[test]
    fn bundles_held_uncompressed_read_the_same() {
        let store = Store::from_bundle(&sample()).unwrap();
        assert_eq!(store.to_bundle().unwrap(), sample());
        assert_eq!(store.packages().unwrap(), vec![]);
        let mut unsorted = sample();
        unsorted.modules.reverse();
        assert_eq!(Store::from_bundle(&unsorted).unwrap().to_bundle().unwrap(), sample());
        let mut twice = sample();
        twice.modules.push(twice.modules[1].clone());
        assert_eq!(Store::from_bundle(&twice).err().unwrap().to_string(), "corrupt payload: index: module index.js appears twice");
    }
}
