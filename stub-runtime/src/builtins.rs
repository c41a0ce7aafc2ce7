//! The runtime's JavaScript: Node's built-in modules (`js/node/<name>.js`), their shared
//! machinery (`js/internal/`) and the bootstrap script, compiled into the binary.

use include_dir::{include_dir, Dir};

static JS: Dir = include_dir!("$CARGO_MANIFEST_DIR/js");

/// Source of the script that runs first and sets up the globals and the module loader.
pub fn bootstrap() -> &'static str {
    source("bootstrap.js").expect("js/bootstrap.js is embedded")
}

/// Source of an embedded JS file by its path under `js/`, e.g. `node/events.js`.
pub fn source(path: &str) -> Option<&'static str> {
    JS.get_file(path).and_then(|file| file.contents_utf8())
}
