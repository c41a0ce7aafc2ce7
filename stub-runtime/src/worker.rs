//! Worker threads: each runs its own `JsRuntime` (the engine allows one per thread) on its own
//! current-thread tokio runtime, over the same payload store as the main thread (so a module
//! is decompressed again by the thread that loads it, but the payload is never read twice).
//!
//! The worker's entry is a small module the loader sees as `[worker]`; it hands control to
//! `js/internal/worker/main.js`, which sets up `parentPort` and then runs the worker's file (or
//! `eval` code) as the main module.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use deno_core::v8;
use payload::{Module, ModuleKind, Store};

use crate::boot::Launch;
use crate::ops::worker::{WorkerEvent, WorkerSelf};
use crate::vfs::App;

/// The module key of a worker's synthetic entry.
pub const WORKER_ENTRY: &str = "[worker]";

/// Native stack of a worker thread: the engine's 4 MiB limit plus room for Rust frames.
const WORKER_STACK_BYTES: usize = 16 << 20;

/// What starting a worker needs from the runtime that starts it.
#[derive(Clone)]
pub struct WorkerHost {
    root: String,
    exec_path: String,
    virtual_fs: bool,
    store: Arc<Store>,
}

pub fn init(state: &mut deno_core::OpState, launch: &Launch) {
    state.put(WorkerHost {
        root: launch.root.clone(),
        exec_path: launch.exec_path.clone(),
        virtual_fs: launch.virtual_fs,
        store: launch.bundle.store.clone(),
    });
}

/// How a worker is stopped from outside (`worker.terminate()`) or from inside (`process.exit`).
#[derive(Default)]
pub struct Control {
    stopping: AtomicBool,
    exit_code: Mutex<Option<i32>>,
    isolate: Mutex<Option<v8::IsolateHandle>>,
    wake: tokio::sync::Notify,
}

impl Control {
    /// Stops the worker's JS at once and its event loop; `code` is the exit code when the
    /// worker asked (process.exit), else it exits with 1 as a terminated worker does.
    pub fn terminate(&self, code: Option<i32>) {
        {
            let mut exit_code = self.exit_code.lock().unwrap();
            if exit_code.is_none() {
                *exit_code = code;
            }
        }
        self.stopping.store(true, Ordering::SeqCst);
        if let Some(isolate) = self.isolate.lock().unwrap().as_ref() {
            isolate.terminate_execution();
        }
        self.wake.notify_one();
    }

    pub fn stopping(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }

    pub fn set_isolate(&self, isolate: v8::IsolateHandle) {
        *self.isolate.lock().unwrap() = Some(isolate);
        // A terminate() that came before the isolate existed still counts.
        if self.stopping() {
            if let Some(isolate) = self.isolate.lock().unwrap().as_ref() {
                isolate.terminate_execution();
            }
        }
    }

    pub async fn stopped(&self) {
        self.wake.notified().await;
    }

    /// The exit code: the one process.exit gave, 1 when terminated, else the loop's own.
    pub fn exit_code(&self, natural: i32) -> i32 {
        match *self.exit_code.lock().unwrap() {
            Some(code) => code,
            None if self.stopping() => 1,
            None => natural,
        }
    }
}

/// Starts the worker's thread. It reports `Exit` when its runtime ends, whatever the cause.
pub fn spawn(host: &WorkerHost, worker: WorkerSelf) -> anyhow::Result<()> {
    let mut entry = Module::new(ModuleKind::Script, WORKER_ENTRY, "require('internal/worker/main').start(module, require);");
    entry.dependencies.push(("internal/worker/main".into(), "node:internal/worker/main".into()));
    let app = App { entry: WORKER_ENTRY.into(), store: host.store.clone(), synthetic: Some(entry) };
    let launch = Launch {
        bundle: app,
        root: host.root.clone(),
        exec_path: host.exec_path.clone(),
        args: worker.start.argv.clone(),
        virtual_fs: host.virtual_fs,
    };
    std::thread::Builder::new()
        .name(format!("worker {}", worker.thread_id))
        .stack_size(WORKER_STACK_BYTES)
        .spawn(move || run(launch, worker))?;
    Ok(())
}

fn run(launch: Launch, worker: WorkerSelf) {
    let events = worker.events.clone();
    let ports = [worker.parent_port, worker.start.stdio.port as u64];
    let code = crate::boot::run_worker(launch, worker);
    // Messages and output the worker posted are still delivered; then the parent's ends see
    // the close.
    for port in ports {
        crate::ops::worker::close_port(port);
    }
    let _ = events.send(WorkerEvent::Exit(code));
}
