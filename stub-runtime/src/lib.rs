//! The stub runtime: what every packed executable is made of.
//!
//! It takes an [`App`], a [`payload::Store`] (opened at the end of its own executable by
//! `main.rs`, or made from the bundle `pack run` hands over in memory), and runs its entry
//! module as Node would: CommonJS modules, Node's globals and built-ins written in JS (`js/`, embedded compressed, see `builtins`), Rust ops for what
//! the engine cannot do itself, and Node's exit model on a deno_core event loop.
//!
//! It leaves the payload's byte layout to the `payload` crate and everything about finding and
//! transforming source files to the packer.
//!
//! ```no_run
//! use payload::{Bundle, Module, ModuleKind};
//! let bundle = Bundle {
//!     entry: "index.js".into(),
//!     minified: false,
//!     modules: vec![Module::new(ModuleKind::Script, "index.js", "console.log('hi')")],
//!     assets: vec![],
//! };
//! let app = stub_runtime::App::try_from(bundle).unwrap();
//! let launch = stub_runtime::Launch::packed(app, vec!["./app".into()]);
//! std::process::exit(stub_runtime::run(launch));
//! ```

mod boot;
mod builtins;
mod code_cache;
mod fatal;
mod ops;
mod snapshot;
mod source_maps;
mod vfs;
mod worker;

pub use boot::{current_exe_path, run, Launch};
pub use vfs::App;

/// Where a packed app's files appear to live: the project root maps to the executable's own
/// path, used as a directory (`/usr/local/bin/tool/src/index.js`). A regular file can never be
/// a directory, so this root cannot shadow anything real on the user's machine (a fixed
/// `/snapshot`-style root can), it reads naturally in stack traces, and no path of the packing
/// machine is involved. `path.join(__dirname, '..')` from the root is the directory the
/// executable sits in, where apps look for files shipped beside them.
pub fn virtual_root(exec_path: &str) -> String {
    exec_path.to_owned()
}

/// Node's built-in module names (`require('module').builtinModules`, without the internal `_`
/// ones). The packer leaves these out of the bundle; the loader knows them with or without
/// `node:`. A name here whose `js/node/` file is not written yet fails at `require` time with
/// a message that says so.
pub const NODE_BUILTINS: &[&str] = &[
    "assert", "assert/strict", "async_hooks", "buffer", "child_process", "cluster", "console",
    "constants", "crypto", "dgram", "diagnostics_channel", "dns", "dns/promises", "domain",
    "events", "fs", "fs/promises", "http", "http2", "https", "inspector", "inspector/promises",
    "module", "net", "os", "path", "path/posix", "path/win32", "perf_hooks", "process",
    "punycode", "querystring", "readline", "readline/promises", "repl", "stream",
    "stream/consumers", "stream/promises", "stream/web", "string_decoder", "sys", "timers",
    "timers/promises", "tls", "trace_events", "tty", "url", "util", "util/types", "v8", "vm",
    "wasi", "worker_threads", "zlib",
];
