//! The stub marker: a fixed-size record the stub runtime carries in its read-only data, so
//! `pack` can tell a stub from any other executable, which CPU and OS it was built for, and
//! which payload format it reads, without running it (it may be for another machine).
//!
//! The record is [`STUB_MARKER_LEN`] bytes: the ASCII text
//! `PACK-STUB-MARKER;format=<version>;target=<target triple>;` padded with zero bytes.

use crate::FORMAT_VERSION;

/// Size of the marker record, padding included.
pub const STUB_MARKER_LEN: usize = 128;

const PREFIX: &[u8] = b"PACK-STUB-MARKER;format=";
const TARGET_FIELD: &[u8] = b";target=";

/// What a stub's marker says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StubInfo {
    /// The payload format version the stub reads.
    pub format: u32,
    /// The Rust target triple it was built for, e.g. `x86_64-unknown-linux-gnu`.
    pub target: String,
}

/// The marker for a stub built for `target` that reads this crate's [`FORMAT_VERSION`].
/// A `const fn` so the stub can hold it in a `static`. Panics (at compile time) if the target
/// name does not fit.
pub const fn stub_marker(target: &str) -> [u8; STUB_MARKER_LEN] {
    let mut out = [0u8; STUB_MARKER_LEN];
    let mut at = copy_into(&mut out, 0, PREFIX);
    let (digits, count) = decimal(FORMAT_VERSION);
    let mut index = 10 - count;
    while index < 10 {
        out[at] = digits[index];
        at += 1;
        index += 1;
    }
    at = copy_into(&mut out, at, TARGET_FIELD);
    at = copy_into(&mut out, at, target.as_bytes());
    copy_into(&mut out, at, b";");
    out
}

const fn copy_into(out: &mut [u8; STUB_MARKER_LEN], mut at: usize, bytes: &[u8]) -> usize {
    assert!(at + bytes.len() < STUB_MARKER_LEN, "stub marker: target name too long");
    let mut index = 0;
    while index < bytes.len() {
        out[at] = bytes[index];
        at += 1;
        index += 1;
    }
    at
}

/// The decimal digits of `value`, right-aligned in 10 bytes, and how many there are.
const fn decimal(mut value: u32) -> ([u8; 10], usize) {
    let mut digits = [0u8; 10];
    let mut count = 0;
    loop {
        digits[9 - count] = b'0' + (value % 10) as u8;
        count += 1;
        value /= 10;
        if value == 0 {
            return (digits, count);
        }
    }
}

/// Finds and parses the first well-formed marker in `bytes` (a stub, or the stub part of a
/// packed executable). `None` when there is none: not a pack stub.
pub fn find_stub_marker(bytes: &[u8]) -> Option<StubInfo> {
    let mut from = 0;
    while let Some(found) = bytes[from..].windows(PREFIX.len()).position(|window| window == PREFIX) {
        let start = from + found;
        let end = (start + STUB_MARKER_LEN).min(bytes.len());
        if let Some(info) = parse_marker(&bytes[start..end]) {
            return Some(info);
        }
        from = start + 1;
    }
    None
}

/// Parses one marker record; `None` unless it is whole and well-formed.
pub fn parse_marker(record: &[u8]) -> Option<StubInfo> {
    if record.len() != STUB_MARKER_LEN {
        return None;
    }
    let text_len = record.iter().position(|&byte| byte == 0)?;
    if record[text_len..].iter().any(|&byte| byte != 0) {
        return None;
    }
    let text = std::str::from_utf8(&record[..text_len]).ok()?;
    let rest = text.strip_prefix(std::str::from_utf8(PREFIX).ok()?)?.strip_suffix(';')?;
    let (format, target) = rest.split_once(";target=")?;
    let format_ok = !format.is_empty() && format.bytes().all(|byte| byte.is_ascii_digit());
    let target_ok = !target.is_empty() && target.bytes().all(|byte| byte.is_ascii_alphanumeric() || b"_-.".contains(&byte));
    if !format_ok || !target_ok {
        return None;
    }
    Some(StubInfo { format: format.parse().ok()?, target: target.to_owned() })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MARKER: [u8; STUB_MARKER_LEN] = stub_marker("x86_64-unknown-linux-gnu");

    #[test]
    fn marker_is_found_among_other_bytes() {
        let mut binary = b"\x7fELF...PACK-STUB-MARKER;format=oops".to_vec();
        binary.extend_from_slice(&MARKER);
        binary.extend_from_slice(b"more");
        let info = find_stub_marker(&binary).unwrap();
        assert_eq!(info, StubInfo { format: FORMAT_VERSION, target: "x86_64-unknown-linux-gnu".into() });
    }

    #[test]
    fn no_marker_or_a_damaged_one_is_none() {
        assert_eq!(find_stub_marker(b"#!/bin/sh\necho hi\n"), None);
        let mut damaged = MARKER;
        damaged[STUB_MARKER_LEN - 1] = b'x';
        assert_eq!(find_stub_marker(&damaged), None);
        assert_eq!(find_stub_marker(&MARKER[..40]), None);
    }

    #[test]
    fn format_digits_are_written_in_order() {
        assert_eq!(decimal(1203).0[6..], *b"1203");
        assert_eq!(decimal(0).1, 1);
    }
}
