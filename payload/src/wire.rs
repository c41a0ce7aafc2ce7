//! The primitive encodings of the payload's tables: little-endian integers, length-prefixed
//! strings and byte strings, and a cursor that reads them back with bounds checks.

use std::fmt::Display;

use crate::{corrupt, Error};

pub(crate) fn put_u32(out: &mut Vec<u8>, value: usize) {
    let value = u32::try_from(value).expect("table field longer than 4 GiB");
    out.extend_from_slice(&value.to_le_bytes());
}

pub(crate) fn put_u64(out: &mut Vec<u8>, value: u64) {
    out.extend_from_slice(&value.to_le_bytes());
}

pub(crate) fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_u32(out, bytes.len());
    out.extend_from_slice(bytes);
}

/// A bounds-checked cursor: every read names the field it was reading when the bytes ran out.
/// Names are anything `Display` (`format_args!` is free), so the text is made only for an error.
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    pub(crate) fn remaining(&self) -> usize {
        self.bytes.len() - self.at
    }

    fn take(&mut self, len: usize, what: impl Display) -> Result<&'a [u8], Error> {
        let end = self.at.checked_add(len).filter(|&end| end <= self.bytes.len());
        let end = end.ok_or_else(|| corrupt(format!("{what}: unexpected end")))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    pub(crate) fn u8(&mut self, what: impl Display) -> Result<u8, Error> {
        Ok(self.take(1, what)?[0])
    }

    pub(crate) fn u32(&mut self, what: impl Display) -> Result<u32, Error> {
        Ok(u32::from_le_bytes(self.take(4, what)?.try_into().unwrap()))
    }

    pub(crate) fn u64(&mut self, what: impl Display) -> Result<u64, Error> {
        Ok(u64::from_le_bytes(self.take(8, what)?.try_into().unwrap()))
    }

    pub(crate) fn bytes(&mut self, what: impl Display) -> Result<&'a [u8], Error> {
        let len = self.u32(&what)? as usize;
        self.take(len, what)
    }

    pub(crate) fn str(&mut self, what: impl Display) -> Result<&'a str, Error> {
        let bytes = self.bytes(&what)?;
        std::str::from_utf8(bytes).map_err(|_| corrupt(format!("{what}: not UTF-8")))
    }

    pub(crate) fn string(&mut self, what: impl Display) -> Result<String, Error> {
        self.str(what).map(str::to_owned)
    }

    /// How many bytes were read so far.
    pub(crate) fn position(&self) -> usize {
        self.at
    }

    /// A 0/1 flag byte.
    pub(crate) fn flag(&mut self, what: impl Display) -> Result<bool, Error> {
        match self.u8(&what)? {
            0 => Ok(false),
            1 => Ok(true),
            other => Err(corrupt(format!("{what}: unknown value {other}"))),
        }
    }

    /// Fails unless every byte was read.
    pub(crate) fn finish(&self, what: impl Display) -> Result<(), Error> {
        match self.remaining() {
            0 => Ok(()),
            extra => Err(corrupt(format!("{what}: {extra} unexpected bytes after it"))),
        }
    }
}

/// A module's dependency table: count (u32), then per dependency its specifier and target.
pub(crate) fn put_dependencies(out: &mut Vec<u8>, dependencies: &[(String, String)]) {
    put_u32(out, dependencies.len());
    for (specifier, target) in dependencies {
        put_bytes(out, specifier.as_bytes());
        put_bytes(out, target.as_bytes());
    }
}

/// Reads a dependency table as `(specifier, target)` pairs borrowed from the input.
pub(crate) fn read_dependencies<'a>(reader: &mut Reader<'a>, what: impl Display) -> Result<Vec<(&'a str, &'a str)>, Error> {
    let count = reader.u32(format_args!("{what}: dependency count"))?;
    let mut pairs = Vec::new();
    for _ in 0..count {
        let specifier = reader.str(format_args!("{what}: dependency specifier"))?;
        let target = reader.str(format_args!("{what}: dependency target"))?;
        pairs.push((specifier, target));
    }
    Ok(pairs)
}
