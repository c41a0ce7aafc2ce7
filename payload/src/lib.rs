//! The payload format: what `pack` appends to the stub runtime, and how the stub reads it back.
//!
//! Both sides link this crate, so the layout lives here once. It knows nothing of JavaScript
//! engines or parsers: a [`Bundle`] is a list of modules with their sources and their resolved
//! `require` specifiers; [`Package`]s describe the npm packages they came from.
//!
//! # Layout of a packed executable
//!
//! | part    | size      | content                                              |
//! |---------|-----------|------------------------------------------------------|
//! | stub    | any       | the stub runtime executable, byte for byte           |
//! | payload | `length`  | one zstd frame holding the encoded bundle            |
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
//! # Encoded bundle (inside the zstd frame)
//!
//! Strings and byte blobs are a u32 length followed by that many bytes; strings are UTF-8.
//!
//! | field          | encoding                                                          |
//! |----------------|-------------------------------------------------------------------|
//! | entry          | string: key of the entry module                                   |
//! | flags          | u8: bit 0 set when the modules were minified                      |
//! | module count   | u32                                                               |
//! | each module    | kind (u8: 0 script, 1 JSON), key (string), source (blob),         |
//! |                | dependency count (u32), then per dependency: specifier, target,   |
//! |                | source map flag (u8: 0 none, 1 present), then the map (string)    |
//! | asset count    | u32                                                               |
//! | each asset     | key (string), bytes (blob)                                        |
//! | package count  | u32 (since version 3)                                             |
//! | each package   | name, version, license, path, integrity (strings; license and     |
//! |                | integrity empty when unknown), licence file count (u32), then per |
//! |                | file: name (string), text (string)                                |
//!
//! Module keys are `/`-separated paths relative to the project root. A dependency target is a
//! module key, `node:<name>` for a built-in module, or `!<CODE> <message>` for an optional
//! `require` that fails at run time with that error, as it would in Node. Packages are the npm
//! packages the modules were taken from, with their licence texts, for SBOMs and notices.
//!
//! Version history: 2 had a 32-byte trailer (offset, length, CRC, version, magic) and no
//! package section; 3 added the signature fields and the package section.
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
//! let read = payload::read_from(&mut std::io::Cursor::new(exe)).unwrap();
//! assert_eq!(read, bundle);
//! ```

use std::io::{Read, Seek, SeekFrom};

use sha2::{Digest, Sha512};

mod bundle;
#[cfg(test)]
mod fuzz;
mod stub_marker;

pub use bundle::{Asset, Bundle, LicenseFile, Module, ModuleKind, Package};
pub use stub_marker::{find_stub_marker, parse_marker, stub_marker, StubInfo, STUB_MARKER_LEN};

/// Identifies a pack trailer: the last 8 bytes of a packed executable.
pub const MAGIC: [u8; 8] = *b"PACK\x00APP";
/// The version this build writes and the only one it reads.
pub const FORMAT_VERSION: u32 = 3;
/// Size of the trailer at the very end of a packed executable.
pub const TRAILER_LEN: u64 = 112;
/// Hashed first into the signed digest, so a pack signature means nothing anywhere else.
pub const SIGNATURE_DOMAIN: &[u8] = b"pack signed executable v1\n";

/// Where the signature bytes sit in the trailer.
const SIGNATURE_FIELD: std::ops::Range<usize> = 32..96;
const SCHEME_NONE: u32 = 0;
const SCHEME_ED25519: u32 = 1;

/// How far before the expected trailer to look for a displaced magic, to tell a damaged packed
/// executable (cut short, or with bytes appended) from a file that never had a payload.
const TAIL_SLACK: u64 = 64;

/// zstd level for the payload unless the packer is told otherwise. Decompression speed hardly
/// depends on the level. 16 is where zstd starts optimal parsing: on the express example's
/// 1.1 MB bundle it packs 14% smaller than zstd's default 3 and within 1.1% of level 19, at
/// less than half of 19's time (compression is most of the time `pack build` takes).
pub const DEFAULT_COMPRESSION_LEVEL: i32 = 16;

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
    let compressed = zstd::bulk::compress(&bundle::encode_table(bundle, packages), level)?;
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

/// Reads the bundle appended to a packed executable: seeks to the trailer, checks it, reads only
/// the payload, verifies its checksum, decompresses and decodes it. It does not check the
/// signature: the runtime has no key to check it with.
pub fn read_from<R: Read + Seek>(file: &mut R) -> Result<Bundle, Error> {
    read_contents(file).map(|contents| contents.bundle)
}

/// Sizes of a payload as found in a packed executable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PayloadSizes {
    /// Where the payload starts: the size of the stub in front of it.
    pub offset: u64,
    pub compressed: u64,
    pub decompressed: u64,
}

/// [`read_from`], also reporting the payload's sizes (for `pack inspect`).
pub fn read_with_sizes<R: Read + Seek>(file: &mut R) -> Result<(Bundle, PayloadSizes), Error> {
    read_contents(file).map(|contents| (contents.bundle, contents.sizes))
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

/// Reads, checks and decodes the whole payload of a packed executable.
pub fn read_contents<R: Read + Seek>(file: &mut R) -> Result<Contents, Error> {
    let (_, trailer) = read_trailer(file)?;
    // Parsing checked offset + length + trailer == file size, so the length is no more than
    // the file holds and allocating it is safe.
    let length = usize::try_from(trailer.length).map_err(|_| corrupt("trailer: payload length too large"))?;
    let mut compressed = Vec::new();
    compressed
        .try_reserve_exact(length)
        .map_err(|_| corrupt(format!("trailer: cannot allocate {length} bytes for the payload")))?;
    file.seek(SeekFrom::Start(trailer.offset))?;
    file.take(trailer.length).read_to_end(&mut compressed)?;
    if compressed.len() != length {
        return Err(corrupt("payload: shorter than the trailer says"));
    }
    if crc32fast::hash(&compressed) != trailer.checksum {
        return Err(corrupt("payload: checksum mismatch (the file was modified or damaged after packing)"));
    }
    let encoded = decompress(&compressed)?;
    let sizes = PayloadSizes { offset: trailer.offset, compressed: trailer.length, decompressed: encoded.len() as u64 };
    let (bundle, packages) = bundle::decode_table(&encoded)?;
    Ok(Contents { bundle, packages, sizes, signature: trailer.signature })
}

/// Decompresses the payload's one zstd frame. The output grows with what the frame really
/// holds (never preallocated from the size the frame header claims).
fn decompress(compressed: &[u8]) -> Result<Vec<u8>, Error> {
    let mut decoder = zstd::stream::read::Decoder::new(compressed)
        .map_err(|err| corrupt(format!("payload: decompression failed: {err}")))?
        .single_frame();
    let mut out = Vec::new();
    decoder
        .read_to_end(&mut out)
        .map_err(|err| corrupt(format!("payload: decompression failed: {err}")))?;
    Ok(out)
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

    /// A bundle using every part of the format (also the fuzz tests' seed).
    pub(crate) fn sample() -> Bundle {
        let mut index = Module::new(ModuleKind::Script, "index.js", "require('./lib/a')");
        index.dependencies.push(("./lib/a".into(), "lib/a.js".into()));
        index.dependencies.push(("fs".into(), "node:fs".into()));
        index.source_map = Some("{\"version\":3}".into());
        Bundle {
            entry: "index.js".into(),
            minified: true,
            modules: vec![
                index,
                Module::new(ModuleKind::Script, "lib/a.js", "module.exports = 1"),
                Module::new(ModuleKind::Json, "config.json", "{\"a\": [1, 2]}"),
            ],
            assets: vec![Asset { key: "static/logo.bin".into(), bytes: vec![0, 255, 7] }],
        }
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
}
