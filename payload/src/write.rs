//! Writing a payload: every module source, source map and asset compressed on its own (so the
//! runtime can decompress just what the app uses), with a dictionary trained on the app's own
//! modules making up most of what compressing them separately loses; then the index that says
//! where each one is.

use std::borrow::Cow;
use std::sync::atomic::{AtomicUsize, Ordering};

use zstd::bulk::Compressor;
use zstd::zstd_safe::CParameter;

use crate::bundle::{encode_packages, sorted_by_key, Asset, Bundle, Module, Package};
use crate::wire::{put_bytes, put_dependencies, put_u32, put_u64};
use crate::{Error, CODEC_STORED, CODEC_ZSTD, FLAG_MINIFIED};

/// The largest dictionary trained: zstd's own default size. Measured on the express fixture
/// (1 MB of modules) and eslint (5.3 MB), 112 KiB beat 16 to 64 KiB by 4 to 7%; 256 KiB saved
/// another 1 to 3% but costs twice as much to load at every start.
const DICTIONARY_MAX: usize = 112 << 10;
const DICTIONARY_MIN: usize = 16 << 10;
/// With less module text than this, or fewer modules, a dictionary saves less than it costs,
/// and zstd may not manage to train one at all.
const DICTIONARY_MIN_INPUT: usize = 128 << 10;
const DICTIONARY_MIN_SAMPLES: usize = 16;
/// Training takes 0.05 to 0.1 s per MB of input (on top of compressing). Beyond this much text
/// only every n-th module is used: on eslint (5.3 MB), training on every 2nd module instead of
/// all made the payload 0.3% larger, every 3rd 1%, every 7th 6.6%.
const TRAINING_INPUT_MAX: usize = 8 << 20;

/// One blob as it goes into the payload.
struct Stored<'a> {
    bytes: Cow<'a, [u8]>,
    compressed: bool,
    raw_len: usize,
}

/// The payload (without trailer) for `bundle` and `packages`, compressed at `level`.
pub(crate) fn encode_payload(bundle: &Bundle, packages: &[Package], level: i32) -> Result<Vec<u8>, Error> {
    let sorted = Sorted {
        modules: sorted_by_key(&bundle.modules, |module| &module.key),
        assets: sorted_by_key(&bundle.assets, |asset| &asset.key),
    };
    let package_table = encode_packages(packages);
    let dictionary = train_dictionary(&sorted.modules);
    let dictionary_blob = match &dictionary {
        Some(dictionary) => Some(compress_each(&[dictionary], None, level)?.remove(0)),
        None => None,
    };
    let blobs = compress_each(&raw_blobs(&sorted, &package_table), dictionary.as_deref(), level)?;
    let index = encode_index(bundle, &sorted, dictionary_blob.as_ref(), &blobs);
    let index = zstd::bulk::compress(&index, level)?;

    let mut payload = Vec::new();
    put_u32(&mut payload, index.len());
    payload.extend_from_slice(&index);
    for blob in dictionary_blob.iter().chain(&blobs) {
        payload.extend_from_slice(&blob.bytes);
    }
    Ok(payload)
}

/// The bundle's modules and assets in the payload's order.
struct Sorted<'a> {
    modules: Vec<&'a Module>,
    assets: Vec<&'a Asset>,
}

/// Every blob but the dictionary, in the order the index names them.
fn raw_blobs<'a>(sorted: &Sorted<'a>, package_table: &'a [u8]) -> Vec<&'a [u8]> {
    let mut blobs = Vec::new();
    for module in &sorted.modules {
        blobs.push(module.source.as_bytes());
        blobs.extend(module.source_map.as_deref().map(str::as_bytes));
    }
    blobs.extend(sorted.assets.iter().map(|asset| asset.bytes.as_slice()));
    blobs.push(package_table);
    blobs
}

/// A dictionary trained on the modules' sources and maps, or none when there is too little to
/// train on.
fn train_dictionary(modules: &[&Module]) -> Option<Vec<u8>> {
    let samples: Vec<&[u8]> = modules
        .iter()
        .flat_map(|module| std::iter::once(module.source.as_str()).chain(module.source_map.as_deref()))
        .map(str::as_bytes)
        .collect();
    let total: usize = samples.iter().map(|sample| sample.len()).sum();
    if samples.len() < DICTIONARY_MIN_SAMPLES || total < DICTIONARY_MIN_INPUT {
        return None;
    }
    // Every n-th sample rather than the first ones, so no one package dominates.
    let picked: Vec<&[u8]> = samples.into_iter().step_by(total.div_ceil(TRAINING_INPUT_MAX)).collect();
    let size = (total / 8).clamp(DICTIONARY_MIN, DICTIONARY_MAX);
    // zstd refuses to train on input it finds unsuitable; the blobs are then compressed
    // without a dictionary, which is only less compact.
    zstd::dict::from_samples(&picked, size).ok()
}

/// Compresses each blob by itself, on every core, keeping a blob stored as it is when
/// compressing does not make it smaller (media files, tiny files).
fn compress_each<'a>(raw: &[&'a [u8]], dictionary: Option<&[u8]>, level: i32) -> Result<Vec<Stored<'a>>, Error> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from).min(raw.len()).max(1);
    let next = AtomicUsize::new(0);
    let work = || -> Result<Vec<(usize, Stored<'a>)>, Error> {
        let mut compressor = compressor(dictionary, level)?;
        let mut done = Vec::new();
        loop {
            let at = next.fetch_add(1, Ordering::Relaxed);
            let Some(bytes) = raw.get(at) else { return Ok(done) };
            done.push((at, compress_one(&mut compressor, bytes)?));
        }
    };
    let results: Vec<_> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
        workers.into_iter().map(|worker| worker.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    let mut all = Vec::with_capacity(raw.len());
    for result in results {
        all.extend(result?);
    }
    all.sort_by_key(|(at, _)| *at);
    Ok(all.into_iter().map(|(_, stored)| stored).collect())
}

/// A compressor whose frames carry no content size, dictionary id or checksum: the index has
/// the size, there is one dictionary per payload, and the trailer's CRC covers every byte.
fn compressor(dictionary: Option<&[u8]>, level: i32) -> Result<Compressor<'static>, Error> {
    let mut compressor = Compressor::with_dictionary(level, dictionary.unwrap_or_default())?;
    compressor.set_parameter(CParameter::ContentSizeFlag(false))?;
    compressor.set_parameter(CParameter::DictIdFlag(false))?;
    compressor.set_parameter(CParameter::ChecksumFlag(false))?;
    Ok(compressor)
}

fn compress_one<'a>(compressor: &mut Compressor, raw: &'a [u8]) -> Result<Stored<'a>, Error> {
    let compressed = compressor.compress(raw)?;
    Ok(if compressed.len() < raw.len() {
        Stored { bytes: Cow::Owned(compressed), compressed: true, raw_len: raw.len() }
    } else {
        Stored { bytes: Cow::Borrowed(raw), compressed: false, raw_len: raw.len() }
    })
}

/// The index table the crate docs describe; `blobs` are in [`raw_blobs`] order.
fn encode_index(bundle: &Bundle, sorted: &Sorted, dictionary: Option<&Stored>, blobs: &[Stored]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut blobs = blobs.iter();
    let mut next_blob = |out: &mut Vec<u8>| put_blob(out, blobs.next().expect("one blob per index entry"));
    put_bytes(&mut out, bundle.entry.as_bytes());
    out.push(if bundle.minified { FLAG_MINIFIED } else { 0 });
    out.push(u8::from(dictionary.is_some()));
    if let Some(dictionary) = dictionary {
        put_blob(&mut out, dictionary);
    }
    put_u32(&mut out, sorted.modules.len());
    for module in &sorted.modules {
        out.push(module.kind.tag());
        put_bytes(&mut out, module.key.as_bytes());
        next_blob(&mut out);
        put_dependencies(&mut out, &module.dependencies);
        out.push(u8::from(module.source_map.is_some()));
        if module.source_map.is_some() {
            next_blob(&mut out);
        }
    }
    put_u32(&mut out, sorted.assets.len());
    for asset in &sorted.assets {
        put_bytes(&mut out, asset.key.as_bytes());
        next_blob(&mut out);
    }
    next_blob(&mut out);
    out
}

fn put_blob(out: &mut Vec<u8>, blob: &Stored) {
    out.push(if blob.compressed { CODEC_ZSTD } else { CODEC_STORED });
    put_u64(out, blob.bytes.len() as u64);
    put_u64(out, blob.raw_len as u64);
}
