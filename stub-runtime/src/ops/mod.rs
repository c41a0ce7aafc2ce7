//! Rust ops the JS side calls through `Deno.core.ops`, one file per family. The extension's op
//! list below is grouped by family and reads as an index.

pub mod loader;
pub mod process;

deno_core::extension!(
    pack_runtime,
    ops = [
        loader::op_loader_entry,
        loader::op_loader_module,
        loader::op_loader_original_source,
        loader::op_loader_builtin,
        loader::op_loader_builtin_names,

        process::op_process_info,
        process::op_process_env,
        process::op_process_write,
        process::op_process_exit,
        process::op_process_cwd,
        process::op_process_hrtime,
    ],
    options = { launch: crate::boot::Launch },
    state = |state, options| {
        loader::init(state, &options.launch);
        process::init(state, options.launch);
    },
);
