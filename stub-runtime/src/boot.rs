//! Boot: build the JS runtime, run the bootstrap script (which loads the entry module), then run
//! the event loop until nothing is left to wait for, and report the exit code.

use anyhow::Context;
use deno_core::{v8, JsRuntime, PollEventLoopOptions, RuntimeOptions};

use std::rc::Rc;

use crate::source_maps::SourceMaps;
use crate::ops::worker::WorkerSelf;
use crate::vfs::{App, Vfs};
use crate::{builtins, code_cache, fatal, ops, snapshot, virtual_root};

/// Everything a run needs: the app and how it was invoked.
pub struct Launch {
    /// The app's payload, read on demand, and its entry module.
    pub bundle: App,
    /// The directory module keys are relative to, as the app sees it.
    pub root: String,
    /// `process.execPath`: the executable that can run scripts again (the app binary or `pack`).
    pub exec_path: String,
    /// The user's arguments, after `process.argv[1]`.
    pub args: Vec<String>,
    /// Serve the embedded files to `fs` (a packed executable; under `pack run` they are on disk).
    pub virtual_fs: bool,
}

impl Launch {
    /// The path a module appears at: its key under the root.
    pub fn path_of(&self, key: &str) -> String {
        format!("{}/{key}", self.root.trim_end_matches('/'))
    }

    /// A launch of a packed executable: modules live under its [`virtual_root`].
    pub fn packed(bundle: App, args: Vec<String>) -> Launch {
        let exec_path = current_exe_path();
        Launch { bundle, root: virtual_root(&exec_path), exec_path, args, virtual_fs: true }
    }

    /// The app's files for the op state; embedded files carry the executable's own mtime.
    pub fn into_vfs(self) -> Vfs {
        let modified = std::fs::metadata(&self.exec_path).and_then(|meta| meta.modified()).ok();
        let mtime_ms = modified
            .and_then(|time| time.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0.0, |since| since.as_millis() as f64);
        Vfs::new(self.bundle, self.root, self.exec_path, self.virtual_fs, mtime_ms)
    }
}

/// The absolute path of the running executable, falling back to `argv[0]`.
pub fn current_exe_path() -> String {
    std::env::current_exe()
        .map(|path| path.to_string_lossy().into_owned())
        .unwrap_or_else(|_| std::env::args().next().unwrap_or_default())
}

/// Runs the app to completion and returns the process exit code. Uncaught errors are printed
/// by the JS side, which exits itself; what reaches here is a failure of the runtime itself.
pub fn run(launch: Launch) -> i32 {
    // From here on a panic is a bug in the runtime: say so in one line (see `fatal`).
    fatal::install_panic_hook();
    ops::process::open_missing_standard_fds();
    ops::signal::reset_inherited_dispositions();
    code_cache::configure();
    let tokio = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(tokio) => tokio,
        Err(err) => {
            eprintln!("pack: cannot start the event loop: {err}");
            return 1;
        }
    };
    let result = tokio.block_on(run_to_exit(launch, None));
    ops::tty::restore_terminal_modes();
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("{err:#}");
            1
        }
    }
}

/// The engine's stack limit in KiB. QuickJS frames are larger than V8's, so its 1 MiB default
/// allowed ~1,400 nested calls where Node allows ~10,000 (deep util.inspect, recursive parsers
/// overflowed). The main thread has 8 MiB on Linux; threads that run JS must be given more
/// than this.
const ENGINE_STACK_KIB: u32 = 4096;

/// Runs a worker thread's runtime to completion (see `crate::worker`); returns its exit code.
pub(crate) fn run_worker(launch: Launch, worker: WorkerSelf) -> i32 {
    let control = worker.control.clone();
    let tokio = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(tokio) => tokio,
        Err(err) => {
            eprintln!("pack: cannot start a worker's event loop: {err}");
            return 1;
        }
    };
    match tokio.block_on(run_to_exit(launch, Some(worker))) {
        Ok(code) => control.exit_code(code),
        // Stopping a worker unwinds its JS with an error nobody should see.
        Err(_) if control.stopping() => control.exit_code(1),
        Err(err) => {
            eprintln!("{err:#}");
            1
        }
    }
}

async fn run_to_exit(launch: Launch, worker: Option<WorkerSelf>) -> anyhow::Result<i32> {
    let heap_limit_mib = fatal::heap_limit_mib();
    deno_core::v8_set_flags(vec![
        String::new(),
        format!("--stack-size={ENGINE_STACK_KIB}"),
        format!("--max-old-space-size={heap_limit_mib}"),
    ]);
    let source_maps = SourceMaps::new(&launch);
    let mut extension = ops::pack_runtime::init(launch);
    let in_worker = worker.is_some();
    let test_panic_op = fatal::test_panic_op();
    if in_worker || test_panic_op.is_some() {
        extension.middleware_fn = Some(Box::new(move |op| match op.name {
            // In a worker, process.exit() ends the worker's thread, not the process.
            "op_process_exit" if in_worker => op.with_implementation_from(&ops::worker::op_worker_exit()),
            name if Some(name) == test_panic_op => op.with_implementation_from(&fatal::op_test_panic()),
            _ => op,
        }));
    }
    let startup_snapshot = snapshot::startup_snapshot();
    let mut runtime = JsRuntime::try_new(RuntimeOptions {
        module_loader: Some(Rc::new(source_maps)),
        extensions: vec![extension],
        startup_snapshot,
        shared_array_buffer_store: Some(ops::worker::SHARED_ARRAY_BUFFERS.clone()),
        ..Default::default()
    })
    .context("cannot create the JavaScript runtime")?;
    if startup_snapshot.is_some() {
        runtime.execute_script("node:internal/snapshot_repair", snapshot::REPAIR_SCRIPT)?;
    }
    // Node's behaviour at the heap limit: a fatal message, not an endless or failing allocation.
    // Added after the repair: with a callback, the engine measures the whole heap after every
    // script it runs (half a millisecond at start).
    runtime.add_near_heap_limit_callback(move |_current, _initial| fatal::on_heap_limit(heap_limit_mib));
    let Some(worker) = worker else {
        let code = run_main(&mut runtime).await;
        // The process ends now: freeing the engine's heap object by object would only delay
        // that (as process.exit() skips it too).
        std::mem::forget(runtime);
        return code;
    };
    let control = worker.control.clone();
    control.set_isolate(runtime.v8_isolate().thread_safe_handle());
    let _ = worker.events.send(ops::worker::WorkerEvent::Online);
    runtime.op_state().borrow_mut().put(worker);
    tokio::select! {
        result = run_main(&mut runtime) => result,
        () = control.stopped() => Ok(1),
    }
}

async fn run_main(runtime: &mut JsRuntime) -> anyhow::Result<i32> {
    let runtime = &mut *runtime;

    // The bootstrap script runs the entry module and evaluates to the two functions Rust calls
    // once the event loop is empty: `beforeExit` (emits the event; true when a listener ran)
    // and `exit` (emits 'exit', returns the exit code).
    let hooks = runtime.execute_script("node:internal/bootstrap", builtins::bootstrap())?;
    let [before_exit, exit] = lifecycle_hooks(runtime, hooks).context("bootstrap.js must evaluate to [beforeExit, exit]")?;

    loop {
        runtime.run_event_loop(PollEventLoopOptions::default()).await?;
        let listened = call(runtime, &before_exit).await?;
        // As in Node, 'beforeExit' listeners may schedule more work, and the loop goes on;
        // when they scheduled nothing that is still pending, the process exits.
        if !listened.truthy || !has_pending_work(runtime).await? {
            break;
        }
    }

    Ok(call(runtime, &exit).await?.integer.unwrap_or(0))
}

/// Calls a JS function and waits for its result, running the event loop meanwhile.
async fn call(runtime: &mut JsRuntime, function: &v8::Global<v8::Function>) -> anyhow::Result<CallResult> {
    let result = runtime.call(function);
    let result = runtime.with_event_loop_promise(Box::pin(result), PollEventLoopOptions::default()).await?;
    deno_core::scope!(scope, runtime);
    let value = v8::Local::new(scope, result);
    Ok(CallResult { truthy: value.boolean_value(scope), integer: value.int32_value(scope) })
}

/// What Rust needs of a JS result: its truth and its value as an integer.
struct CallResult {
    truthy: bool,
    integer: Option<i32>,
}

/// Polls the event loop once: still pending means timers, I/O or other work remain.
async fn has_pending_work(runtime: &mut JsRuntime) -> anyhow::Result<bool> {
    let poll = std::future::poll_fn(|cx| std::task::Poll::Ready(runtime.poll_event_loop(cx, PollEventLoopOptions::default()))).await;
    match poll {
        std::task::Poll::Pending => Ok(true),
        std::task::Poll::Ready(result) => result.map(|()| false).map_err(Into::into),
    }
}

fn lifecycle_hooks(runtime: &mut JsRuntime, value: v8::Global<v8::Value>) -> anyhow::Result<[v8::Global<v8::Function>; 2]> {
    deno_core::scope!(scope, runtime);
    let local = v8::Local::new(scope, value);
    let array = v8::Local::<v8::Array>::try_from(local)?;
    let function_at = |index: u32| -> anyhow::Result<v8::Global<v8::Function>> {
        let item = array.get_index(scope, index).context("missing hook")?;
        let function = v8::Local::<v8::Function>::try_from(item)?;
        Ok(v8::Global::new(scope, function))
    };
    Ok([function_at(0)?, function_at(1)?])
}
