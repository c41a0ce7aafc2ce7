//! The payload format: what `pack` appends to the stub runtime, and how the stub reads it back.
//!
//! Both sides link this crate, so the layout lives here once. It knows nothing of JavaScript
//! engines or parsers: a [`Bundle`] is a list of modules with their sources and their resolved
//! `require` specifiers.
//!
//! # Layout of a packed executable
//!
//! | part    | size     | content                                               |
//! |---------|----------|-------------------------------------------------------|
//! | stub    | any      | the stub runtime executable, byte for byte            |
//! | payload | `length` | one zstd frame holding the encoded [`Bundle`]         |
//! | trailer | 32 bytes | where the payload is and how to check it (below)      |
//!
//! The trailer, all integers little-endian:
//!
//! | offset | width | field                                                        |
//! |--------|-------|--------------------------------------------------------------|
//! | 0      | 8     | payload offset from the start of the file (u64)              |
//! | 8      | 8     | payload length in bytes (u64)                                |
//! | 16     | 4     | CRC-32 (IEEE) of the compressed payload bytes (u32)          |
//! | 20     | 4     | format version, [`FORMAT_VERSION`] (u32)                     |
//! | 24     | 8     | magic, [`MAGIC`]                                             |
//!
//! The magic comes last so a reader looks at the final 8 bytes first and can tell "no payload"
//! (a bare stub) from "corrupt payload". A reader seeks to the trailer and then to the payload; it
//! never reads the stub part.
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
//!
//! Module keys are `/`-separated paths relative to the project root. A dependency target is a
//! module key, `node:<name>` for a built-in module, or `!<CODE> <message>` for an optional
//! `require` that fails at run time with that error, as it would in Node.
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

mod bundle;

pub use bundle::{Asset, Bundle, Module, ModuleKind};

/// Identifies a pack trailer: the last 8 bytes of a packed executable.
pub const MAGIC: [u8; 8] = *b"PACK\x00APP";
/// The version this build writes and the only one it reads.
pub const FORMAT_VERSION: u32 = 2;
/// Size of the trailer at the very end of a packed executable.
pub const TRAILER_LEN: u64 = 32;

/// How far before the expected trailer to look for a displaced magic, to tell a damaged packed
/// executable (cut short, or with bytes appended) from a file that never had a payload.
const TAIL_SLACK: u64 = 64;

/// zstd level for the payload unless the packer is told otherwise: level 19 packs noticeably
/// smaller than zstd's default 3, and decompression speed hardly depends on the level.
pub const DEFAULT_COMPRESSION_LEVEL: i32 = 19;

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

/// Where the payload sits in the file, as recorded in the trailer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Trailer {
    offset: u64,
    length: u64,
    checksum: u32,
}

impl Trailer {
    fn to_bytes(self) -> [u8; TRAILER_LEN as usize] {
        let mut out = [0u8; TRAILER_LEN as usize];
        out[0..8].copy_from_slice(&self.offset.to_le_bytes());
        out[8..16].copy_from_slice(&self.length.to_le_bytes());
        out[16..20].copy_from_slice(&self.checksum.to_le_bytes());
        out[20..24].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
        out[24..32].copy_from_slice(&MAGIC);
        out
    }

    /// Parses and bounds-checks a trailer read from the end of a file of `file_len` bytes.
    fn parse(bytes: &[u8; TRAILER_LEN as usize], file_len: u64) -> Result<Trailer, Error> {
        let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
        let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
        if bytes[24..32] != MAGIC {
            return Err(Error::NoPayload);
        }
        let version = u32_at(20);
        if version != FORMAT_VERSION {
            return Err(Error::UnsupportedVersion { found: version, supported: FORMAT_VERSION });
        }
        let trailer = Trailer { offset: u64_at(0), length: u64_at(8), checksum: u32_at(16) };
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
/// the payload followed by its trailer.
pub fn encode(bundle: &Bundle, stub_len: u64, level: i32) -> Result<Vec<u8>, Error> {
    let compressed = zstd::bulk::compress(&bundle.encode(), level)?;
    let trailer = Trailer {
        offset: stub_len,
        length: compressed.len() as u64,
        checksum: crc32fast::hash(&compressed),
    };
    let mut out = compressed;
    out.extend_from_slice(&trailer.to_bytes());
    Ok(out)
}

/// Reads the bundle appended to a packed executable: seeks to the trailer, checks it, reads only
/// the payload, verifies its checksum, decompresses and decodes it.
pub fn read_from<R: Read + Seek>(file: &mut R) -> Result<Bundle, Error> {
    read_with_sizes(file).map(|(bundle, _)| bundle)
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
    let file_len = file.seek(SeekFrom::End(0))?;
    let tail_len = file_len.min(TRAILER_LEN + TAIL_SLACK);
    let mut tail = vec![0u8; tail_len as usize];
    file.seek(SeekFrom::Start(file_len - tail_len))?;
    file.read_exact(&mut tail)?;
    let Some(trailer_bytes) = tail.last_chunk::<{ TRAILER_LEN as usize }>().filter(|bytes| bytes[24..32] == MAGIC) else {
        return Err(damaged_tail(&tail));
    };
    let trailer = Trailer::parse(trailer_bytes, file_len)?;

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
    let encoded = zstd::stream::decode_all(compressed.as_slice())
        .map_err(|err| corrupt(format!("payload: decompression failed: {err}")))?;
    let sizes = PayloadSizes { offset: trailer.offset, compressed: trailer.length, decompressed: encoded.len() as u64 };
    Ok((Bundle::decode(&encoded)?, sizes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    const STUB: &[u8] = b"#!stub\x7fELF pretend";

    fn sample() -> Bundle {
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
        let at = exe.len() - 12;
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
}
