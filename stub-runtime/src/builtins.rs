//! The runtime's JavaScript: Node's built-in modules (`js/node/<name>.js`), their shared
//! machinery (`js/internal/`) and the bootstrap script, compiled into the binary.
//!
//! build.rs compresses each file on its own (about a megabyte of source becomes 0.3 MB in every
//! packed app), and a file is decompressed when it is asked for: most built-ins a start needs
//! come precompiled in the snapshot, and an app decompresses only the others it requires, once
//! per runtime (the engine keeps what it compiled, so the source is not kept).

// `FILE_COUNT`, and `INDEX`: each file's path under `js/` and the byte range of its zstd frame
// in `ARCHIVE`, sorted by path.
include!(concat!(env!("OUT_DIR"), "/builtins_index.rs"));
static ARCHIVE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/builtins.zst"));

/// Source of the script that runs first and sets up the globals and the module loader.
pub fn bootstrap() -> String {
    source("bootstrap.js").expect("js/bootstrap.js is embedded")
}

/// Source of an embedded JS file by its path under `js/`, e.g. `node/events.js`.
pub fn source(path: &str) -> Option<String> {
    let at = INDEX.binary_search_by(|(key, _, _)| (*key).cmp(path)).ok()?;
    let (_, start, length) = INDEX[at];
    Some(decompress(&ARCHIVE[start..start + length]))
}

fn decompress(frame: &[u8]) -> String {
    let size = zstd::zstd_safe::get_frame_content_size(frame).ok().flatten().unwrap_or(0) as usize;
    let bytes = zstd::bulk::decompress(frame, size).expect("a built-in embedded by build.rs decompresses");
    String::from_utf8(bytes).expect("built-ins are UTF-8")
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_embedded_file_is_found_by_its_path() {
        for (path, _, _) in &super::INDEX {
            assert!(super::source(path).is_some_and(|source| !source.is_empty()), "js/{path} is not found");
        }
        assert!(super::source("node/stream.js").is_some_and(|source| source.contains("Readable")));
        assert!(super::source("node/no-such-module.js").is_none());
    }
}
