//! Rust ops the JS side calls through `Deno.core.ops`, one file per family. The extension's op
//! list below is grouped by family and reads as an index.

pub mod child_process;
pub mod dns;
pub mod fs;
pub mod fs_watch;
pub mod http;
pub mod http_client;
pub mod http_server;
pub mod crypto;
pub mod loader;
pub mod net;
pub mod os;
pub mod process;
pub mod signal;
pub mod tls;
pub mod tty;
pub mod vfs;
pub mod worker;
pub mod zlib;

deno_core::extension!(
    pack_runtime,
    ops = [
        crypto::op_crypto_random_fill,
        crypto::op_crypto_digest_info,
        crypto::op_crypto_hash_new,
        crypto::op_crypto_hmac_new,
        crypto::op_crypto_hash_update,
        crypto::op_crypto_hash_update_str,
        crypto::op_crypto_hash_digest,
        crypto::op_crypto_hash_digest_text,
        crypto::op_crypto_hash_once,
        crypto::op_crypto_hash_once_text,
        crypto::op_crypto_hash_copy,
        crypto::op_crypto_hash_drop,
        crypto::op_crypto_digest_async,
        crypto::op_crypto_pbkdf2_sync,
        crypto::op_crypto_pbkdf2_async,
        crypto::op_crypto_scrypt_sync,
        crypto::op_crypto_scrypt_async,
        crypto::op_crypto_timing_safe_equal,

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
        process::op_process_read_stdin,
        process::op_process_stdin_cancel,

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

        fs::op_fs_stat_sync,
        fs::op_fs_stat_async,
        fs::op_fs_fstat_sync,
        fs::op_fs_fstat_async,
        fs::op_fs_open_sync,
        fs::op_fs_open_async,
        fs::op_fs_close_sync,
        fs::op_fs_close_async,
        fs::op_fs_read_sync,
        fs::op_fs_read_async,
        fs::op_fs_write_sync,
        fs::op_fs_write_async,
        fs::op_fs_read_file_sync,
        fs::op_fs_read_file_async,
        fs::op_fs_read_fd_sync,
        fs::op_fs_read_fd_async,
        fs::op_fs_write_file_sync,
        fs::op_fs_write_file_async,
        fs::op_fs_read_dir_sync,
        fs::op_fs_read_dir_async,
        fs::op_fs_mkdir_sync,
        fs::op_fs_mkdir_async,
        fs::op_fs_rm_sync,
        fs::op_fs_rm_async,
        fs::op_fs_rmdir_sync,
        fs::op_fs_rmdir_async,
        fs::op_fs_unlink_sync,
        fs::op_fs_unlink_async,
        fs::op_fs_rename_sync,
        fs::op_fs_rename_async,
        fs::op_fs_copy_file_sync,
        fs::op_fs_copy_file_async,
        fs::op_fs_link_sync,
        fs::op_fs_link_async,
        fs::op_fs_symlink_sync,
        fs::op_fs_symlink_async,
        fs::op_fs_readlink_sync,
        fs::op_fs_readlink_async,
        fs::op_fs_realpath_sync,
        fs::op_fs_realpath_async,
        fs::op_fs_chmod_sync,
        fs::op_fs_chmod_async,
        fs::op_fs_fchmod_sync,
        fs::op_fs_fchmod_async,
        fs::op_fs_chown_sync,
        fs::op_fs_chown_async,
        fs::op_fs_fchown_sync,
        fs::op_fs_fchown_async,
        fs::op_fs_utimes_sync,
        fs::op_fs_utimes_async,
        fs::op_fs_futimes_sync,
        fs::op_fs_futimes_async,
        fs::op_fs_access_sync,
        fs::op_fs_access_async,
        fs::op_fs_mkdtemp_sync,
        fs::op_fs_mkdtemp_async,
        fs::op_fs_fsync_sync,
        fs::op_fs_fsync_async,
        fs::op_fs_ftruncate_sync,
        fs::op_fs_ftruncate_async,
        fs::op_fs_truncate_sync,
        fs::op_fs_truncate_async,

        http::op_http_read_body,
        http::op_http_write,
        http::op_http_end,
        http::op_http_close_exchange,
        http_client::op_http_client_connect,
        http_client::op_http_client_connect_unix,
        http_client::op_http_client_usable,
        http_client::op_http_client_request,
        http_client::op_http_client_response,
        http_server::op_http_listen,
        http_server::op_http_next,
        http_server::op_http_respond,
        http_server::op_http_respond_text,
        http_server::op_http_stop,
        http_server::op_http_close_connection,

        net::op_net_listen_tcp,
        net::op_net_listen_unix,
        net::op_net_accept,
        net::op_net_connect_tcp,
        net::op_net_connect_unix,
        net::op_net_set_no_delay,
        net::op_net_set_keep_alive,

        fs_watch::op_fs_watch_start,
        fs_watch::op_fs_watch_next,
        fs_watch::op_fs_watch_close,

        dns::op_dns_lookup,
        dns::op_dns_lookup_service,

        tty::op_tty_set_raw_mode,

        child_process::op_cp_spawn,
        child_process::op_cp_wait,
        child_process::op_cp_kill,
        child_process::op_cp_ipc_open,
        child_process::op_cp_spawn_sync,

        signal::op_signal_listen,
        signal::op_signal_unlisten,
        signal::op_signal_next,

        zlib::op_zlib_new,
        zlib::op_zlib_write,
        zlib::op_zlib_close,
        zlib::op_zlib_oneshot,

        worker::op_port_pair,
        worker::op_port_post,
        worker::op_port_recv,
        worker::op_port_try_recv,
        worker::op_port_close,
        worker::op_worker_spawn,
        worker::op_worker_next_event,
        worker::op_worker_terminate,
        worker::op_worker_info,
        worker::op_worker_report_error,
        worker::op_worker_exit,
        worker::op_cluster_reserve_port,
    ],
    options = { launch: crate::boot::Launch },
    state = |state, options| {
        process::init(state, &options.launch);
        crate::worker::init(state, &options.launch);
        state.put(options.launch.into_vfs());
    },
);
