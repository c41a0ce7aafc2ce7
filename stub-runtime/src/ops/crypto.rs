//! What `crypto` needs natively: random bytes from the operating system, message digests and
//! HMACs (RustCrypto's `md-5`, `sha1`, `sha2`, `sha3`, `ripemd`, `hmac`), and the key derivation
//! functions PBKDF2 and scrypt.
//!
//! A streaming hash lives in a table in `OpState`, keyed by a number the JS `Hash`/`Hmac` object
//! holds; digesting removes the entry, and the JS side drops entries of objects collected before
//! that. The common case of one string then a digest skips the table (`op_crypto_hash_once`).
//! Names are resolved here, the way OpenSSL does for Node: without regard to case, with
//! OpenSSL's aliases ("RSA-SHA256", "sha256WithRSAEncryption", "SHA2-256", OIDs).
//!
//! Failures the JS side must tell apart come back as negative numbers (see `UNKNOWN_DIGEST` and
//! friends), because each becomes a differently shaped Node error there. The slow functions
//! (PBKDF2, scrypt, one-shot digests for `subtle.digest`) also have `_async` ops that run on
//! tokio's blocking pool.

use std::collections::HashMap;

use deno_core::{op2, OpState};
use deno_error::JsErrorBox;
use hmac::digest::{Digest, ExtendableOutput, KeyInit, Mac};
use hmac::EagerHash;

// ---------------------------------------------------------------------------------------------
// Random bytes.

/// Fills `buffer` with cryptographically secure random bytes (getrandom(2)).
#[op2(fast)]
pub fn op_crypto_random_fill(#[buffer] buffer: &mut [u8]) -> Result<(), JsErrorBox> {
    let mut filled = 0;
    while filled < buffer.len() {
        let rest = &mut buffer[filled..];
        // SAFETY: getrandom writes at most `rest.len()` bytes into `rest`.
        let written = unsafe { libc::getrandom(rest.as_mut_ptr().cast(), rest.len(), 0) };
        if written < 0 {
            let err = std::io::Error::last_os_error();
            if err.kind() == std::io::ErrorKind::Interrupted {
                continue;
            }
            return Err(JsErrorBox::generic(format!("getrandom: {err}")));
        }
        filled += written as usize;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Algorithms and their names.

/// Status codes returned in place of a table id.
const UNKNOWN_DIGEST: i32 = -1;
/// An output length was asked of a digest whose length is fixed, and differs from it.
const BAD_OUTPUT_LENGTH: i32 = -2;
/// HMAC over an extendable-output function (SHAKE), which OpenSSL refuses.
const XOF_NOT_ALLOWED: i32 = -3;
/// The id names no live hash (already digested or dropped).
const NO_SUCH_HASH: i32 = -4;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Algorithm {
    Md5,
    Sha1,
    Sha224,
    Sha256,
    Sha384,
    Sha512,
    Sha512_224,
    Sha512_256,
    Sha3_224,
    Sha3_256,
    Sha3_384,
    Sha3_512,
    Shake128,
    Shake256,
    Ripemd160,
}

/// Every name OpenSSL 3 (as built into Node 20) accepts for each supported digest, lower-cased.
const NAMES: &[(&str, Algorithm)] = {
    use Algorithm::*;
    &[
        ("md5", Md5),
        ("rsa-md5", Md5),
        ("md5withrsaencryption", Md5),
        ("ssl3-md5", Md5),
        ("1.2.840.113549.2.5", Md5),
        ("sha1", Sha1),
        ("sha-1", Sha1),
        ("rsa-sha1", Sha1),
        ("rsa-sha1-2", Sha1),
        ("sha1withrsaencryption", Sha1),
        ("ssl3-sha1", Sha1),
        ("1.3.14.3.2.26", Sha1),
        ("sha224", Sha224),
        ("sha-224", Sha224),
        ("sha2-224", Sha224),
        ("rsa-sha224", Sha224),
        ("sha224withrsaencryption", Sha224),
        ("2.16.840.1.101.3.4.2.4", Sha224),
        ("sha256", Sha256),
        ("sha-256", Sha256),
        ("sha2-256", Sha256),
        ("rsa-sha256", Sha256),
        ("sha256withrsaencryption", Sha256),
        ("2.16.840.1.101.3.4.2.1", Sha256),
        ("sha384", Sha384),
        ("sha-384", Sha384),
        ("sha2-384", Sha384),
        ("rsa-sha384", Sha384),
        ("sha384withrsaencryption", Sha384),
        ("2.16.840.1.101.3.4.2.2", Sha384),
        ("sha512", Sha512),
        ("sha-512", Sha512),
        ("sha2-512", Sha512),
        ("rsa-sha512", Sha512),
        ("sha512withrsaencryption", Sha512),
        ("2.16.840.1.101.3.4.2.3", Sha512),
        ("sha512-224", Sha512_224),
        ("sha-512/224", Sha512_224),
        ("sha2-512/224", Sha512_224),
        ("rsa-sha512/224", Sha512_224),
        ("sha512-224withrsaencryption", Sha512_224),
        ("2.16.840.1.101.3.4.2.5", Sha512_224),
        ("sha512-256", Sha512_256),
        ("sha-512/256", Sha512_256),
        ("sha2-512/256", Sha512_256),
        ("rsa-sha512/256", Sha512_256),
        ("sha512-256withrsaencryption", Sha512_256),
        ("2.16.840.1.101.3.4.2.6", Sha512_256),
        ("sha3-224", Sha3_224),
        ("rsa-sha3-224", Sha3_224),
        ("id-rsassa-pkcs1-v1_5-with-sha3-224", Sha3_224),
        ("2.16.840.1.101.3.4.2.7", Sha3_224),
        ("sha3-256", Sha3_256),
        ("rsa-sha3-256", Sha3_256),
        ("id-rsassa-pkcs1-v1_5-with-sha3-256", Sha3_256),
        ("2.16.840.1.101.3.4.2.8", Sha3_256),
        ("sha3-384", Sha3_384),
        ("rsa-sha3-384", Sha3_384),
        ("id-rsassa-pkcs1-v1_5-with-sha3-384", Sha3_384),
        ("2.16.840.1.101.3.4.2.9", Sha3_384),
        ("sha3-512", Sha3_512),
        ("rsa-sha3-512", Sha3_512),
        ("id-rsassa-pkcs1-v1_5-with-sha3-512", Sha3_512),
        ("2.16.840.1.101.3.4.2.10", Sha3_512),
        ("shake128", Shake128),
        ("shake-128", Shake128),
        ("2.16.840.1.101.3.4.2.11", Shake128),
        ("shake256", Shake256),
        ("shake-256", Shake256),
        ("2.16.840.1.101.3.4.2.12", Shake256),
        ("ripemd160", Ripemd160),
        ("ripemd-160", Ripemd160),
        ("ripemd", Ripemd160),
        ("rmd160", Ripemd160),
        ("rsa-ripemd160", Ripemd160),
        ("ripemd160withrsa", Ripemd160),
        ("1.3.36.3.2.1", Ripemd160),
    ]
};

impl Algorithm {
    fn from_name(name: &str) -> Option<Algorithm> {
        NAMES.iter().find(|(known, _)| known.eq_ignore_ascii_case(name)).map(|&(_, algorithm)| algorithm)
    }
}

/// Evaluates `$generic::<D>(args)` with `D` the RustCrypto type of a fixed-output `$algorithm`,
/// or `$xof` for SHAKE.
macro_rules! with_digest {
    ($algorithm:expr, $generic:ident($($arg:expr),*), xof => $xof:expr) => {
        match $algorithm {
            Algorithm::Md5 => $generic::<md5::Md5>($($arg),*),
            Algorithm::Sha1 => $generic::<sha1::Sha1>($($arg),*),
            Algorithm::Sha224 => $generic::<sha2::Sha224>($($arg),*),
            Algorithm::Sha256 => $generic::<sha2::Sha256>($($arg),*),
            Algorithm::Sha384 => $generic::<sha2::Sha384>($($arg),*),
            Algorithm::Sha512 => $generic::<sha2::Sha512>($($arg),*),
            Algorithm::Sha512_224 => $generic::<sha2::Sha512_224>($($arg),*),
            Algorithm::Sha512_256 => $generic::<sha2::Sha512_256>($($arg),*),
            Algorithm::Sha3_224 => $generic::<sha3::Sha3_224>($($arg),*),
            Algorithm::Sha3_256 => $generic::<sha3::Sha3_256>($($arg),*),
            Algorithm::Sha3_384 => $generic::<sha3::Sha3_384>($($arg),*),
            Algorithm::Sha3_512 => $generic::<sha3::Sha3_512>($($arg),*),
            Algorithm::Ripemd160 => $generic::<ripemd::Ripemd160>($($arg),*),
            Algorithm::Shake128 | Algorithm::Shake256 => $xof,
        }
    };
}

// ---------------------------------------------------------------------------------------------
// Streaming state: one trait over plain digests, SHAKE and HMAC.

trait HashState {
    fn update(&mut self, data: &[u8]);
    fn finish(self: Box<Self>) -> Vec<u8>;
    /// A copy of the state so far; `output_len` chooses SHAKE's length afresh (the default when
    /// `None`, as Node's copy() does). `None` when a fixed digest is asked for a length other
    /// than its own.
    fn fork(&self, output_len: Option<usize>) -> Option<Box<dyn HashState>>;
}

#[derive(Clone)]
struct Fixed<D>(D);

impl<D: Digest + Clone + 'static> HashState for Fixed<D> {
    fn update(&mut self, data: &[u8]) {
        Digest::update(&mut self.0, data);
    }
    fn finish(self: Box<Self>) -> Vec<u8> {
        self.0.finalize().to_vec()
    }
    fn fork(&self, output_len: Option<usize>) -> Option<Box<dyn HashState>> {
        fits::<D>(output_len).then(|| Box::new(self.clone()) as Box<dyn HashState>)
    }
}

/// Whether a fixed digest can honour `outputLength` (only its own length is allowed).
fn fits<D: Digest>(output_len: Option<usize>) -> bool {
    output_len.is_none_or(|len| len == <D as Digest>::output_size())
}

#[derive(Clone)]
struct Xof<X> {
    state: X,
    output_len: usize,
    default_len: usize,
}

impl<X: ExtendableOutput + Default + Clone + 'static> HashState for Xof<X> {
    fn update(&mut self, data: &[u8]) {
        self.state.update(data);
    }
    fn finish(self: Box<Self>) -> Vec<u8> {
        let mut out = vec![0; self.output_len];
        self.state.finalize_xof_into(&mut out);
        out
    }
    fn fork(&self, output_len: Option<usize>) -> Option<Box<dyn HashState>> {
        let output_len = output_len.unwrap_or(self.default_len);
        Some(Box::new(Xof { state: self.state.clone(), output_len, default_len: self.default_len }))
    }
}

#[derive(Clone)]
struct Keyed<M>(M);

impl<M: Mac + Clone + 'static> HashState for Keyed<M> {
    fn update(&mut self, data: &[u8]) {
        self.0.update(data);
    }
    fn finish(self: Box<Self>) -> Vec<u8> {
        self.0.finalize().into_bytes().to_vec()
    }
    fn fork(&self, _output_len: Option<usize>) -> Option<Box<dyn HashState>> {
        Some(Box::new(self.clone()))
    }
}

fn new_fixed<D: Digest + Clone + 'static>(output_len: Option<usize>) -> Option<Box<dyn HashState>> {
    fits::<D>(output_len).then(|| Box::new(Fixed(D::new())) as Box<dyn HashState>)
}

fn new_xof<X: ExtendableOutput + Default + Clone + 'static>(output_len: Option<usize>, default_len: usize) -> Box<dyn HashState> {
    let output_len = output_len.unwrap_or(default_len);
    Box::new(Xof { state: X::default(), output_len, default_len })
}

/// A hash state for `algorithm`; `None` when `output_len` does not suit it. SHAKE's default
/// length is Node 20's: the security strength (128 or 256 bits).
fn new_hash(algorithm: Algorithm, output_len: Option<usize>) -> Option<Box<dyn HashState>> {
    with_digest!(algorithm, new_fixed(output_len), xof => Some(match algorithm {
        Algorithm::Shake128 => new_xof::<sha3::Shake128>(output_len, 16),
        _ => new_xof::<sha3::Shake256>(output_len, 32),
    }))
}

fn new_hmac<D: EagerHash + 'static>(key: &[u8]) -> Option<Box<dyn HashState>> {
    let mac = <hmac::Hmac<D> as KeyInit>::new_from_slice(key).ok()?;
    Some(Box::new(Keyed(mac)))
}

/// `outputLength` from JS: negative means "not given".
fn output_len_of(value: f64) -> Option<usize> {
    (value >= 0.0).then_some(value as usize)
}

// ---------------------------------------------------------------------------------------------
// The table of live hashes.

#[derive(Default)]
struct HashTable {
    next_id: i32,
    states: HashMap<i32, Box<dyn HashState>>,
}

impl HashTable {
    fn insert(&mut self, state: Box<dyn HashState>) -> i32 {
        // Ids count up and wrap within positive i32s; a wrapped id is live only if 2^31 hashes
        // were left undigested and uncollected.
        self.next_id = if self.next_id == i32::MAX { 1 } else { self.next_id + 1 };
        self.states.insert(self.next_id, state);
        self.next_id
    }
}

fn table(state: &mut OpState) -> &mut HashTable {
    if !state.has::<HashTable>() {
        state.put(HashTable::default());
    }
    state.borrow_mut::<HashTable>()
}

/// What JS needs to know of a digest name: `UNKNOWN_DIGEST`, 0 for SHAKE (any output length),
/// or the fixed output length in bytes.
#[op2(fast)]
pub fn op_crypto_digest_info(#[string] name: &str) -> i32 {
    match Algorithm::from_name(name) {
        None => UNKNOWN_DIGEST,
        Some(algorithm) => with_digest!(algorithm, output_size(), xof => 0),
    }
}

fn output_size<D: Digest>() -> i32 {
    <D as Digest>::output_size() as i32
}

/// Starts a hash; returns its id, or `UNKNOWN_DIGEST` / `BAD_OUTPUT_LENGTH`. `output_len` is
/// `options.outputLength`, negative when not given.
#[op2(fast)]
pub fn op_crypto_hash_new(state: &mut OpState, #[string] name: &str, output_len: f64) -> i32 {
    let Some(algorithm) = Algorithm::from_name(name) else { return UNKNOWN_DIGEST };
    match new_hash(algorithm, output_len_of(output_len)) {
        Some(hash) => table(state).insert(hash),
        None => BAD_OUTPUT_LENGTH,
    }
}

/// Starts an HMAC keyed with `key`; returns its id, or `UNKNOWN_DIGEST` / `XOF_NOT_ALLOWED`.
#[op2(fast)]
pub fn op_crypto_hmac_new(state: &mut OpState, #[string] name: &str, #[buffer] key: &[u8]) -> i32 {
    let Some(algorithm) = Algorithm::from_name(name) else { return UNKNOWN_DIGEST };
    match with_digest!(algorithm, new_hmac(key), xof => None) {
        Some(hmac) => table(state).insert(hmac),
        None => XOF_NOT_ALLOWED,
    }
}

/// Feeds bytes to a hash; false if it is no longer live.
#[op2(fast)]
pub fn op_crypto_hash_update(state: &mut OpState, id: i32, #[buffer] data: &[u8]) -> bool {
    match table(state).states.get_mut(&id) {
        Some(hash) => {
            hash.update(data);
            true
        }
        None => false,
    }
}

/// Feeds a string's UTF-8 bytes to a hash (spares JS the encoding step for the common case).
#[op2(fast)]
pub fn op_crypto_hash_update_str(state: &mut OpState, id: i32, #[string] data: &str) -> bool {
    match table(state).states.get_mut(&id) {
        Some(hash) => {
            hash.update(data.as_bytes());
            true
        }
        None => false,
    }
}

fn take_digest(state: &mut OpState, id: i32) -> Result<Vec<u8>, JsErrorBox> {
    let hash = table(state).states.remove(&id).ok_or_else(|| JsErrorBox::generic("hash already finalized"))?;
    Ok(hash.finish())
}

/// Finishes a hash and forgets it; returns the digest.
#[op2]
#[buffer]
pub fn op_crypto_hash_digest(state: &mut OpState, id: i32) -> Result<Vec<u8>, JsErrorBox> {
    take_digest(state, id)
}

/// Finishes a hash and forgets it; returns the digest as text (see `encode_text`). Spares JS a
/// typed array and the encoding step, which dominate the cost of `digest('hex')` on short inputs.
#[op2]
#[string]
pub fn op_crypto_hash_digest_text(state: &mut OpState, id: i32, encoding: u32) -> Result<String, JsErrorBox> {
    Ok(encode_text(&take_digest(state, id)?, encoding))
}

/// `encoding` 1 is hex, 2 base64, 3 base64url (unpadded, as Node writes it).
fn encode_text(bytes: &[u8], encoding: u32) -> String {
    use base64::Engine;
    match encoding {
        1 => hex(bytes),
        2 => base64::engine::general_purpose::STANDARD.encode(bytes),
        _ => base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes),
    }
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut text = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        text.push(DIGITS[usize::from(byte >> 4)] as char);
        text.push(DIGITS[usize::from(byte & 15)] as char);
    }
    text
}

/// The digest (or, when `hmac`, the HMAC keyed with `key`) of a string in one call: what
/// `createHash(name).update(data).digest()` comes to when nothing else happened in between, for
/// a third of the op calls.
fn digest_once(name: &str, output_len: f64, hmac: bool, key: &[u8], data: &str) -> Result<Vec<u8>, JsErrorBox> {
    let algorithm = Algorithm::from_name(name).ok_or_else(|| JsErrorBox::generic(format!("Invalid digest: {name}")))?;
    let state = if hmac {
        with_digest!(algorithm, new_hmac(key), xof => None)
    } else {
        new_hash(algorithm, output_len_of(output_len))
    };
    let mut state = state.ok_or_else(|| JsErrorBox::generic(format!("Invalid digest: {name}")))?;
    state.update(data.as_bytes());
    Ok(state.finish())
}

#[op2]
#[buffer]
pub fn op_crypto_hash_once(
    #[string] name: &str,
    output_len: f64,
    hmac: bool,
    #[buffer] key: &[u8],
    #[string] data: &str,
) -> Result<Vec<u8>, JsErrorBox> {
    digest_once(name, output_len, hmac, key, data)
}

#[op2]
#[string]
pub fn op_crypto_hash_once_text(
    #[string] name: &str,
    output_len: f64,
    hmac: bool,
    #[buffer] key: &[u8],
    #[string] data: &str,
    encoding: u32,
) -> Result<String, JsErrorBox> {
    Ok(encode_text(&digest_once(name, output_len, hmac, key, data)?, encoding))
}

/// Copies a live hash; returns the new id, or `NO_SUCH_HASH` / `BAD_OUTPUT_LENGTH`.
#[op2(fast)]
pub fn op_crypto_hash_copy(state: &mut OpState, id: i32, output_len: f64) -> i32 {
    let table = table(state);
    let Some(hash) = table.states.get(&id) else { return NO_SUCH_HASH };
    match hash.fork(output_len_of(output_len)) {
        Some(copy) => table.insert(copy),
        None => BAD_OUTPUT_LENGTH,
    }
}

/// Forgets a hash that will never be digested (its JS object was collected).
#[op2(fast)]
pub fn op_crypto_hash_drop(state: &mut OpState, id: i32) {
    table(state).states.remove(&id);
}

/// The digest of `data` in one go, off the JS thread (`subtle.digest`); the name is checked.
#[op2]
#[buffer]
pub async fn op_crypto_digest_async(#[string] name: String, #[buffer(copy)] data: Vec<u8>) -> Result<Vec<u8>, JsErrorBox> {
    let algorithm = Algorithm::from_name(&name).ok_or_else(|| JsErrorBox::generic("Unrecognized algorithm name"))?;
    off_thread(move || {
        let mut hash = new_hash(algorithm, None).ok_or_else(|| JsErrorBox::generic("Unrecognized algorithm name"))?;
        hash.update(&data);
        Ok(hash.finish())
    })
    .await
}

// ---------------------------------------------------------------------------------------------
// Key derivation.

/// Runs CPU-heavy work on tokio's blocking pool so the event loop keeps turning.
async fn off_thread<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, JsErrorBox> + Send + 'static,
) -> Result<T, JsErrorBox> {
    tokio::task::spawn_blocking(work).await.map_err(|err| JsErrorBox::generic(format!("crypto job failed: {err}")))?
}

fn pbkdf2_with<D: EagerHash>(password: &[u8], salt: &[u8], iterations: u32, out: &mut [u8]) -> Result<(), ()> {
    pbkdf2::pbkdf2_hmac::<D>(password, salt, iterations, out);
    Ok(())
}

/// PBKDF2-HMAC with the named digest; the JS side has checked the name and numbers. SHAKE
/// cannot key an HMAC, so it fails as in Node.
fn pbkdf2(digest: &str, password: &[u8], salt: &[u8], iterations: u32, keylen: usize) -> Result<Vec<u8>, JsErrorBox> {
    let algorithm = Algorithm::from_name(digest).ok_or_else(|| JsErrorBox::generic(format!("Invalid digest: {digest}")))?;
    let mut out = vec![0; keylen];
    with_digest!(algorithm, pbkdf2_with(password, salt, iterations, &mut out), xof => Err(()))
        .map_err(|()| JsErrorBox::generic("Deriving bits failed"))?;
    Ok(out)
}

#[op2]
#[buffer]
pub fn op_crypto_pbkdf2_sync(
    #[string] digest: &str,
    #[buffer] password: &[u8],
    #[buffer] salt: &[u8],
    iterations: u32,
    keylen: u32,
) -> Result<Vec<u8>, JsErrorBox> {
    pbkdf2(digest, password, salt, iterations, keylen as usize)
}

#[op2]
#[buffer]
pub async fn op_crypto_pbkdf2_async(
    #[string] digest: String,
    #[buffer(copy)] password: Vec<u8>,
    #[buffer(copy)] salt: Vec<u8>,
    iterations: u32,
    keylen: u32,
) -> Result<Vec<u8>, JsErrorBox> {
    off_thread(move || pbkdf2(&digest, &password, &salt, iterations, keylen as usize)).await
}

/// scrypt with N = 2^log_n; the JS side has applied Node's (OpenSSL's) limits already.
fn scrypt(password: &[u8], salt: &[u8], log_n: u8, r: u32, p: u32, keylen: usize) -> Result<Vec<u8>, JsErrorBox> {
    let invalid = |_| JsErrorBox::range_error("Invalid scrypt params");
    let params = scrypt::Params::new(log_n, r, p).map_err(invalid)?;
    let mut out = vec![0; keylen];
    if keylen > 0 {
        scrypt::scrypt(password, salt, &params, &mut out).map_err(|_| JsErrorBox::range_error("Invalid scrypt params"))?;
    }
    Ok(out)
}

#[op2]
#[buffer]
pub fn op_crypto_scrypt_sync(
    #[buffer] password: &[u8],
    #[buffer] salt: &[u8],
    log_n: u32,
    r: u32,
    p: u32,
    keylen: u32,
) -> Result<Vec<u8>, JsErrorBox> {
    scrypt(password, salt, log_n as u8, r, p, keylen as usize)
}

#[op2]
#[buffer]
pub async fn op_crypto_scrypt_async(
    #[buffer(copy)] password: Vec<u8>,
    #[buffer(copy)] salt: Vec<u8>,
    log_n: u32,
    r: u32,
    p: u32,
    keylen: u32,
) -> Result<Vec<u8>, JsErrorBox> {
    off_thread(move || scrypt(&password, &salt, log_n as u8, r, p, keylen as usize)).await
}

/// Compares two equally long byte strings in time that depends only on their length.
#[op2(fast)]
pub fn op_crypto_timing_safe_equal(#[buffer] a: &[u8], #[buffer] b: &[u8]) -> bool {
    let difference = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    // black_box keeps the optimiser from turning the fold into an early-exit comparison.
    std::hint::black_box(difference) == 0 && a.len() == b.len()
}
