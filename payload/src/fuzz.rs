//! Property tests that fuzz the payload reader on stable Rust: valid packed executables are
//! mutated, truncated and extended, and their indexes and blobs damaged behind a valid
//! checksum; the reader must answer with an error (or, where the change left the payload
//! intact, the same contents), never a panic, an out-of-bounds read or a huge allocation.
//! Allocations in this test binary are capped (see [`CappedAllocator`]), so a length taken
//! from the input without checking it against the bytes left fails the test.
//!
//! `cargo test -p payload` runs 256 cases per property; a longer run:
//! `PROPTEST_CASES=100000 cargo test -p payload --release fuzz`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::io::{Cursor, Read};
use std::sync::OnceLock;

use proptest::prelude::*;

use crate::tests::fix_checksum;
use crate::*;

/// No single allocation in these tests needs more than this; anything larger was sized from
/// unchecked input.
const ALLOCATION_CAP: usize = 64 << 20;

struct CappedAllocator;

unsafe impl GlobalAlloc for CappedAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        assert_allocation(layout.size());
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout)
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        assert_allocation(new_size);
        System.realloc(ptr, layout, new_size)
    }
}

/// Refusing (a null pointer) rather than panicking: a panic inside the allocator would itself
/// allocate. `try_reserve` turns the refusal into an error; anything else aborts the test.
fn assert_allocation(size: usize) {
    if size > ALLOCATION_CAP {
        eprintln!("fuzz: refused an allocation of {size} bytes");
        std::process::abort();
    }
}

#[global_allocator]
static ALLOCATOR: CappedAllocator = CappedAllocator;

const STUB: &[u8] = b"\x7fELF stub runtime pretend bytes";

fn sample_packages() -> Vec<Package> {
    vec![Package {
        name: "left-pad".into(),
        version: "1.3.0".into(),
        license: Some("WTFPL".into()),
        path: "node_modules/left-pad".into(),
        integrity: Some("sha512-AAAA".into()),
        license_files: vec![LicenseFile { name: "LICENSE".into(), text: "do what you want".into() }],
    }]
}

/// A packed executable: stub, payload and trailer; signed with a made-up signature when asked.
fn packed(signed: bool) -> Vec<u8> {
    let mut appended = encode_with_packages(&crate::tests::sample(), &sample_packages(), STUB.len() as u64, 1).unwrap();
    if signed {
        sign_appended(STUB, &mut appended, [7; 8], |digest| {
            let mut signature = [0u8; 64];
            signature.copy_from_slice(digest);
            signature
        })
        .unwrap();
    }
    let mut exe = STUB.to_vec();
    exe.extend(appended);
    exe
}

/// A packed executable's index table and the blobs after it.
fn split_payload(exe: &[u8]) -> (Vec<u8>, Vec<u8>) {
    let payload = &exe[STUB.len()..exe.len() - TRAILER_LEN as usize];
    let index_len = u32::from_le_bytes(payload[..4].try_into().unwrap()) as usize;
    let mut table = Vec::new();
    zstd::stream::read::Decoder::new(&payload[4..4 + index_len]).unwrap().read_to_end(&mut table).unwrap();
    (table, payload[4 + index_len..].to_vec())
}

/// A packed executable whose index is `table` (any bytes) followed by `blobs`, with a correct
/// checksum, so the fuzzing reaches the index decoder.
fn packed_index(table: &[u8], blobs: &[u8]) -> Vec<u8> {
    let index = zstd::bulk::compress(table, 1).unwrap();
    let mut payload = (index.len() as u32).to_le_bytes().to_vec();
    payload.extend(index);
    payload.extend_from_slice(blobs);
    let trailer = Trailer {
        offset: STUB.len() as u64,
        length: payload.len() as u64,
        checksum: crc32fast::hash(&payload),
        signature: None,
    };
    let mut exe = STUB.to_vec();
    exe.extend(payload);
    exe.extend(trailer.to_bytes());
    exe
}

/// Packed once: training its dictionary takes a while.
fn packed_with_dictionary() -> &'static [u8] {
    static PACKED: OnceLock<Vec<u8>> = OnceLock::new();
    PACKED.get_or_init(|| {
        let mut exe = STUB.to_vec();
        exe.extend(encode(&crate::tests::many_modules(), STUB.len() as u64, 3).unwrap());
        exe
    })
}

/// One change to a byte string.
#[derive(Debug, Clone)]
enum Mutation {
    /// XOR the byte at (position modulo length) with a non-zero value.
    Flip(usize, u8),
    /// Overwrite four bytes with a little-endian u32, to hit length and count fields.
    PutU32(usize, u32),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let lengths = prop_oneof![Just(0u32), Just(1), Just(u32::MAX), Just(u32::MAX / 2), any::<u32>(), 0u32..4096];
    prop_oneof![
        (any::<usize>(), 1u8..=255).prop_map(|(at, xor)| Mutation::Flip(at, xor)),
        (any::<usize>(), lengths).prop_map(|(at, value)| Mutation::PutU32(at, value)),
    ]
}

fn apply(bytes: &mut [u8], mutation: &Mutation) {
    match *mutation {
        Mutation::Flip(at, xor) => bytes[at % bytes.len()] ^= xor,
        Mutation::PutU32(at, value) => {
            let at = at % (bytes.len() - 3);
            bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
        }
    }
}

fn read(bytes: Vec<u8>) -> Result<Contents, Error> {
    read_contents(&mut Cursor::new(bytes))
}

proptest! {
    // Failures print the case to paste into a test; no regression files in the source tree.
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    /// Any change outside the stub is an error, except in the trailer's signature fields
    /// (scheme, key id, signature), which the reader carries without checking: `pack verify`
    /// checks them, and the digest below shows that it sees every change.
    #[test]
    fn fuzz_mutated_executables_are_refused(signed in any::<bool>(), mutations in prop::collection::vec(mutation(), 1..6)) {
        let original = packed(signed);
        let mut exe = original.clone();
        for mutation in &mutations {
            apply(&mut exe, mutation);
        }
        let trailer_at = original.len() - TRAILER_LEN as usize;
        let harmless = |at: usize| at < STUB.len() || (trailer_at + 20..trailer_at + 96).contains(&at);
        let changed = (0..exe.len()).filter(|&at| exe[at] != original[at]);
        let payload_changed = !changed.clone().all(harmless);
        // A harmless change may still be refused (an unsigned trailer with signature bytes).
        if let Ok(contents) = read(exe.clone()) {
            prop_assert!(!payload_changed, "mutations {:?} were accepted", mutations);
            prop_assert_eq!(contents.bundle, crate::tests::sample());
        }
        // The digest of a signed file covers every byte: a change always changes it.
        if signed && exe != original {
            let before = signing_digest(&mut Cursor::new(&original)).unwrap();
            if let Ok(after) = signing_digest(&mut Cursor::new(&exe)) {
                let same_signature_input = after.digest == before.digest && after.signature == before.signature;
                prop_assert!(!same_signature_input, "mutations {:?} left the signed input unchanged", mutations);
            }
        }
    }

    #[test]
    fn fuzz_truncated_executables_are_refused(signed in any::<bool>(), cut in 1usize..400) {
        let mut exe = packed(signed);
        let keep = exe.len().saturating_sub(cut);
        exe.truncate(keep);
        prop_assert!(read(exe.clone()).is_err());
        prop_assert!(signing_digest(&mut Cursor::new(exe)).is_err());
    }

    #[test]
    fn fuzz_extended_executables_are_refused(signed in any::<bool>(), extra in prop::collection::vec(any::<u8>(), 1..300)) {
        let mut exe = packed(signed);
        exe.extend(extra);
        prop_assert!(read(exe.clone()).is_err());
        prop_assert!(signing_digest(&mut Cursor::new(exe)).is_err());
    }

    /// Damaged indexes behind a valid checksum: the reader must fail cleanly or decode
    /// something, whatever the lengths and counts say.
    #[test]
    fn fuzz_mutated_indexes_decode_or_fail_cleanly(mutations in prop::collection::vec(mutation(), 1..6), cut in 0usize..64) {
        let (mut table, blobs) = split_payload(&packed(false));
        for mutation in &mutations {
            apply(&mut table, mutation);
        }
        table.truncate(table.len().saturating_sub(cut));
        let _ = read(packed_index(&table, &blobs));
    }

    #[test]
    fn fuzz_random_indexes_and_trailers_fail_cleanly(
        bytes in prop::collection::vec(any::<u8>(), 0..600),
        blobs in prop::collection::vec(any::<u8>(), 0..100),
    ) {
        let _ = read(packed_index(&bytes, &blobs));
        let mut with_magic = bytes;
        with_magic.extend_from_slice(&MAGIC);
        prop_assert!(read(with_magic).is_err());
    }

    /// Damaged blobs behind a valid checksum (the index intact): opening succeeds, and reading
    /// every blob fails cleanly or returns something, with a dictionary or without.
    #[test]
    fn fuzz_damaged_blobs_fail_cleanly(with_dictionary in any::<bool>(), mutations in prop::collection::vec(mutation(), 1..6)) {
        let mut exe = if with_dictionary { packed_with_dictionary().to_vec() } else { packed(false) };
        let (table, blobs) = split_payload(&exe);
        let blobs_at = exe.len() - TRAILER_LEN as usize - blobs.len();
        let trailer_at = exe.len() - TRAILER_LEN as usize;
        for mutation in &mutations {
            apply(&mut exe[blobs_at..trailer_at], mutation);
        }
        fix_checksum(&mut exe);
        prop_assert_eq!(split_payload(&exe).0, table);
        let store = Store::open(&mut Cursor::new(&exe)).unwrap();
        for module in store.modules() {
            let _ = store.source(module);
            let _ = store.source_map(module);
        }
        for asset in store.assets() {
            let _ = store.asset_bytes(asset);
        }
        let _ = store.packages();
    }
}
