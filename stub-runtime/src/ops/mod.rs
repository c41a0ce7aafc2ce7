//! Rust ops the JS side calls through `Deno.core.ops`, one file per family. The extension's op
//! list below is grouped by family and reads as an index.

pub mod crypto;
pub mod loader;
pub mod os;
pub mod process;
pub mod vfs;

deno_core::extension!(
    pack_runtime,
    ops = [
        crypto::op_crypto_random_fill,

        loader::op_loader_entry,
        loader::op_loader_module,
        loader::op_loader_original_source,
        loader::op_loader_builtin,
        loader::op_loader_builtin_names,

        vfs::op_vfs_info,
        vfs::op_vfs_stat,
        vfs::op_vfs_read,
        vfs::op_vfs_readdir,

        process::op_process_info,
        process::op_process_env,
        process::op_process_write,
        process::op_process_exit,
        process::op_process_cwd,
        process::op_process_hrtime,
        process::op_process_rss,
        process::op_process_resource_usage,
        process::op_process_cpu_usage,
        process::op_process_chdir,
        process::op_process_umask,
        process::op_process_kill,
        process::op_process_ids,
        process::op_process_set_env,
        process::op_process_remove_env,
        process::op_process_tty_info,

        os::op_os_errno_info,
        os::op_os_constants,
        os::op_os_system_info,
        os::op_os_uptime,
        os::op_os_loadavg,
        os::op_os_memory,
        os::op_os_available_parallelism,
        os::op_os_cpus,
        os::op_os_network_interfaces,
        os::op_os_user_info,
        os::op_os_homedir,
        os::op_os_get_priority,
        os::op_os_set_priority,
    ],
    options = { launch: crate::boot::Launch },
    state = |state, options| {
        process::init(state, &options.launch);
        state.put(options.launch.into_vfs());
    },
);
