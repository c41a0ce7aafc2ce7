//! Whether the engine may cache compiled bytecode on disk.
//!
//! The QuickJS backend (crate `v8x`) by default writes bytecode for every script it compiles to
//! `~/.cache/v8x/quickjs-bytecode`, which makes a second start faster but means a packed tool
//! writes into its user's home without asking (tsc's entry alone made 39 MB there). A packed
//! app must not do that, so the cache is off unless the user opts in by naming a directory in
//! `PACK_CODE_CACHE_DIR`. v8x reads its settings from the environment once, on first compile,
//! so this runs before the runtime is created.

/// The variable a user sets to let a packed app cache bytecode, naming the directory to use.
pub const OPT_IN_VARIABLE: &str = "PACK_CODE_CACHE_DIR";

/// The engine's own variables, which the app does not see in `process.env` when set by us.
pub const ENGINE_VARIABLES: &[&str] = &["V82JSC_NO_BC_CACHE", "V82JSC_BC_CACHE_DIR"];

pub fn configure() {
    // Single-threaded at this point: no runtime, no tokio workers yet.
    match std::env::var_os(OPT_IN_VARIABLE).filter(|dir| !dir.is_empty()) {
        Some(dir) => {
            std::env::remove_var("V82JSC_NO_BC_CACHE");
            std::env::set_var("V82JSC_BC_CACHE_DIR", dir);
        }
        None => std::env::set_var("V82JSC_NO_BC_CACHE", "1"),
    }
}
