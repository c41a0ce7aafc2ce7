//! The start-up snapshot: the engine's state right after a JS runtime is created, plus the
//! most used built-ins compiled (not run), serialised by build.rs and restored by every run
//! instead of being rebuilt. Restoring the compiled built-ins halves a hello-world start (26 to
//! 13 ms); their functions report other columns in stack traces than when compiled from source
//! (an engine quirk), lines and names are the same.
//!
//! Creating a context is most of a bare start: the QuickJS backend evaluates a Temporal
//! polyfill into every new context (~25 ms of parsing, more than half of a hello-world run),
//! and deno_core evaluates its own JS (`00_primordials.js`, `00_infra.js`, `01_core.js`...).
//! Restoring their result takes ~4 ms.
//!
//! Nothing of the app's process is in it: the snapshot is made before any of our extensions,
//! ops or JS exist, so `process.argv`, the environment, the working directory, the pid and the
//! clocks are all read when the app runs, as without it. Our ops are bound on top at start, and
//! `js/bootstrap.js` runs as before.

/// Repairs what the engine's restore gets wrong (v8x 149.4.0-rc.4): `TypeError` and
/// `InternalError` come back with `Function.prototype` as their [[Prototype]] instead of
/// `Error` (so `Error.isPrototypeOf(TypeError)` is false, which `assert.throws` relies on).
/// Every native error constructor inherits from `Error`; this puts back any that does not.
pub const REPAIR_SCRIPT: &str = r#"(() => {
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (!name.endsWith('Error') || name === 'Error') continue;
    const constructor = Object.getOwnPropertyDescriptor(globalThis, name).value;
    const isErrorClass = typeof constructor === 'function' && constructor.prototype !== undefined &&
      Object.getPrototypeOf(constructor.prototype) === Error.prototype;
    if (isErrorClass && Object.getPrototypeOf(constructor) !== Error) Object.setPrototypeOf(constructor, Error);
  }
})();"#;

/// Set (to anything) to start without the snapshot, for comparing behaviour and start-up time.
pub const OPT_OUT_VARIABLE: &str = "PACK_NO_SNAPSHOT";

/// zstd-compressed: a quarter of the size in every packed app, for about a millisecond of
/// decompression at start.
static COMPRESSED_SNAPSHOT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/startup.snap.zst"));

/// The snapshot to start from, unless the user opted out. Decompressed once per process (worker
/// threads start from the same bytes) and kept for the process's life, as deno_core requires.
pub fn startup_snapshot() -> Option<&'static [u8]> {
    static SNAPSHOT: std::sync::OnceLock<Box<[u8]>> = std::sync::OnceLock::new();
    if std::env::var_os(OPT_OUT_VARIABLE).is_some() {
        return None;
    }
    let snapshot = SNAPSHOT.get_or_init(|| {
        let size = zstd::zstd_safe::get_frame_content_size(COMPRESSED_SNAPSHOT).ok().flatten().unwrap_or(0) as usize;
        zstd::bulk::decompress(COMPRESSED_SNAPSHOT, size).expect("the start-up snapshot built into this binary decompresses").into()
    });
    Some(snapshot)
}
