//! Signed executables: `pack keygen`, `pack build --sign` and `pack verify`.
//!
//! Keys are Ed25519. Each key file is one line of text:
//!
//! ```text
//! pack-signing-key ed25519 <64 hex digits: the 32-byte private seed>      (KEY, mode 0600)
//! pack-verify-key ed25519 <64 hex digits: the 32-byte public key>         (KEY.pub)
//! ```
//!
//! A key's id is the first 8 bytes of the SHA-256 of its public key, in hex; the trailer
//! records it, so `pack verify` can tell "signed with another key" from "tampered with". What
//! is signed is the payload crate's `signing_digest`: a SHA-512 over the stub, the payload and
//! the trailer (all but the signature itself).
//!
//! `pack verify` exit codes, for scripts: 0 valid signature; 3 unsigned; 4 bad signature
//! (changed after signing, or signed with another key); 5 corrupt, or not a packed
//! executable; 1 when it cannot check at all (unreadable file or key); 2 bad command line.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

use crate::packages::hex;

const PRIVATE_TAG: &str = "pack-signing-key";
const PUBLIC_TAG: &str = "pack-verify-key";
const ALGORITHM: &str = "ed25519";

/// `KEY` -> `KEY.pub`.
pub fn public_path(private: &Path) -> PathBuf {
    let mut name = private.as_os_str().to_owned();
    name.push(".pub");
    PathBuf::from(name)
}

/// `pack keygen -o KEY`: a fresh key pair in KEY (mode 0600) and KEY.pub. Neither file may
/// exist already. Returns the key id.
pub fn keygen(private: &Path) -> anyhow::Result<String> {
    let mut seed = [0u8; 32];
    getrandom::getrandom(&mut seed).map_err(|err| anyhow::anyhow!("cannot get random bytes from the system: {err}"))?;
    let key = SigningKey::from_bytes(&seed);
    let public = public_path(private);
    for path in [private, public.as_path()] {
        if path.exists() {
            bail!("'{}' already exists; remove it or choose another path with -o", path.display());
        }
    }
    write_new(private, &format!("{PRIVATE_TAG} {ALGORITHM} {}\n", hex(&seed)), 0o600)?;
    write_new(&public, &format!("{PUBLIC_TAG} {ALGORITHM} {}\n", hex(key.verifying_key().as_bytes())), 0o644)?;
    Ok(hex(&key_id(&key.verifying_key())))
}

/// Writes a file that did not exist, whole or not at all, with `mode` from its creation on:
/// written under a temporary name created with that mode, then linked into place (which fails
/// rather than replace a file that appeared meanwhile).
fn write_new(path: &Path, content: &str, mode: u32) -> anyhow::Result<()> {
    let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.pack-{}", std::process::id()));
    let written = create_with_mode(&temporary, mode)
        .and_then(|mut file| file.write_all(content.as_bytes()).and_then(|()| file.sync_all()))
        .and_then(|()| fs::hard_link(&temporary, path));
    let _ = fs::remove_file(&temporary);
    written.with_context(|| format!("cannot write '{}'", path.display()))
}

#[cfg(unix)]
fn create_with_mode(path: &Path, mode: u32) -> std::io::Result<fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    fs::OpenOptions::new().write(true).create_new(true).mode(mode).open(path)
}

#[cfg(not(unix))]
fn create_with_mode(path: &Path, _mode: u32) -> std::io::Result<fs::File> {
    fs::OpenOptions::new().write(true).create_new(true).open(path)
}

pub fn key_id(key: &VerifyingKey) -> [u8; 8] {
    let digest = Sha256::digest(key.as_bytes());
    digest[..8].try_into().unwrap()
}

/// Reads one key file: its tag and algorithm checked, its 32 bytes returned.
fn read_key_file(path: &Path, tag: &str) -> anyhow::Result<[u8; 32]> {
    let text = fs::read_to_string(path).with_context(|| format!("cannot read the key '{}'", path.display()))?;
    let fields: Vec<&str> = text.split_whitespace().collect();
    let invalid = || anyhow::anyhow!("'{}' is not a pack {} (expected one line: {tag} {ALGORITHM} <64 hex digits>)", path.display(), describe_tag(tag));
    let [found_tag, algorithm, digits] = fields[..] else { return Err(invalid()) };
    if found_tag != tag {
        if found_tag == PRIVATE_TAG || found_tag == PUBLIC_TAG {
            bail!("'{}' is a pack {}, not a {}", path.display(), describe_tag(found_tag), describe_tag(tag));
        }
        return Err(invalid());
    }
    if algorithm != ALGORITHM {
        return Err(invalid());
    }
    parse_hex32(digits).ok_or_else(invalid)
}

fn describe_tag(tag: &str) -> &'static str {
    if tag == PRIVATE_TAG {
        "private signing key"
    } else {
        "public verification key"
    }
}

fn parse_hex32(digits: &str) -> Option<[u8; 32]> {
    if digits.len() != 64 || !digits.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (index, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&digits[index * 2..index * 2 + 2], 16).ok()?;
    }
    Some(out)
}

pub fn load_signing_key(path: &Path) -> anyhow::Result<SigningKey> {
    Ok(SigningKey::from_bytes(&read_key_file(path, PRIVATE_TAG)?))
}

pub fn load_verifying_key(path: &Path) -> anyhow::Result<VerifyingKey> {
    let bytes = read_key_file(path, PUBLIC_TAG)?;
    VerifyingKey::from_bytes(&bytes).map_err(|_| anyhow::anyhow!("'{}' does not hold a valid Ed25519 public key", path.display()))
}

/// Signs the bytes `pack build` appends to `stub`, in place.
pub fn sign(stub: &[u8], appended: &mut [u8], key: &SigningKey) -> anyhow::Result<()> {
    let id = key_id(&key.verifying_key());
    payload::sign_appended(stub, appended, id, |digest| key.sign(digest).to_bytes()).context("cannot sign the payload")
}

/// The outcome of `pack verify`, with its exit code.
pub enum Verdict {
    Valid { key_id: String },
    Unsigned,
    BadSignature(String),
    Corrupt(String),
}

impl Verdict {
    pub fn exit_code(&self) -> u8 {
        match self {
            Verdict::Valid { .. } => 0,
            Verdict::Unsigned => 3,
            Verdict::BadSignature(_) => 4,
            Verdict::Corrupt(_) => 5,
        }
    }

    pub fn message(&self, binary: &Path) -> String {
        let name = binary.display();
        match self {
            Verdict::Valid { key_id } => format!("{name}: valid signature (key {key_id})"),
            Verdict::Unsigned => format!("{name}: not signed"),
            Verdict::BadSignature(why) => format!("{name}: BAD signature: {why}"),
            Verdict::Corrupt(why) => format!("{name}: corrupt: {why}"),
        }
    }
}

/// Checks `binary`'s signature against `key`. Errors only when the file cannot be read.
pub fn verify(binary: &Path, key: &VerifyingKey) -> anyhow::Result<Verdict> {
    let mut file = fs::File::open(binary).with_context(|| format!("cannot open '{}'", binary.display()))?;
    let signed = match payload::signing_digest(&mut file) {
        Ok(signed) => signed,
        Err(payload::Error::Io(err)) => return Err(err).with_context(|| format!("cannot read '{}'", binary.display())),
        Err(payload::Error::NoPayload) => return Ok(Verdict::Corrupt("not a packed executable (no pack trailer)".into())),
        Err(err) => return Ok(Verdict::Corrupt(err.to_string())),
    };
    let Some(signature) = signed.signature else { return Ok(Verdict::Unsigned) };
    let expected = key_id(key);
    if signature.key_id != expected {
        return Ok(Verdict::BadSignature(format!(
            "signed with another key (key {}, expected {})",
            hex(&signature.key_id),
            hex(&expected)
        )));
    }
    let checked = key.verify_strict(&signed.digest, &ed25519_dalek::Signature::from_bytes(&signature.bytes));
    if checked.is_err() {
        return Ok(Verdict::BadSignature("the file was changed after it was signed".into()));
    }
    // Signed as it is: the payload must also read, or the signer signed a broken file.
    match payload::read_contents(&mut file) {
        Ok(_) => Ok(Verdict::Valid { key_id: hex(&expected) }),
        Err(payload::Error::Io(err)) => Err(err).with_context(|| format!("cannot read '{}'", binary.display())),
        Err(err) => Ok(Verdict::Corrupt(err.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_files_round_trip_and_refuse_mixups() {
        let dir = tempfile::tempdir().unwrap();
        let private = dir.path().join("release");
        let id = keygen(&private).unwrap();
        let signing = load_signing_key(&private).unwrap();
        let verifying = load_verifying_key(&public_path(&private)).unwrap();
        assert_eq!(signing.verifying_key(), verifying);
        assert_eq!(hex(&key_id(&verifying)), id);
        let mixup = load_verifying_key(&private).unwrap_err().to_string();
        assert!(mixup.contains("is a pack private signing key, not a public verification key"), "{mixup}");
        assert!(keygen(&private).unwrap_err().to_string().contains("already exists"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&private).unwrap().permissions().mode() & 0o777, 0o600);
        }
    }

    #[test]
    fn hex_keys_must_be_whole() {
        assert!(parse_hex32(&"ab".repeat(32)).is_some());
        assert!(parse_hex32(&"ab".repeat(31)).is_none());
        assert!(parse_hex32(&"zz".repeat(32)).is_none());
    }
}
