//! `worker_threads`: message ports that work across threads, and the ops that start, watch and
//! stop worker threads (the thread and its runtime are made in `crate::worker`).
//!
//! A port is one end of a channel, named by a process-wide id. Its inbox lives in a global
//! table rather than in any runtime's state, so transferring a port to another thread is just
//! sending its id: whatever was queued for it is still there when the new owner reads.
//! Messages are bytes from the engine's structured serializer (`Deno.core.serialize`).

use std::cell::RefCell;
use std::collections::{HashMap, HashSet, VecDeque};
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

use deno_core::{op2, JsBuffer, OpState, ToJsBuffer};
use deno_error::JsErrorBox;
use serde::{Deserialize, Serialize};
use tokio::sync::mpsc::{unbounded_channel, UnboundedReceiver, UnboundedSender};
use tokio::sync::Notify;

enum Envelope {
    Message { data: Vec<u8>, ports: Vec<f64> },
    /// The port was closed (by either end): its pending read ends.
    Closed,
}

struct Port {
    queue: Mutex<VecDeque<Envelope>>,
    ready: Notify,
    peer: Mutex<Option<u64>>,
}

impl Port {
    fn push(&self, envelope: Envelope) {
        self.queue.lock().unwrap().push_back(envelope);
        self.ready.notify_one();
    }

    fn pop(&self) -> Option<Envelope> {
        self.queue.lock().unwrap().pop_front()
    }
}

static PORTS: LazyLock<Mutex<HashMap<u64, Arc<Port>>>> = LazyLock::new(Default::default);

/// Where a SharedArrayBuffer's memory waits between the thread that posts it and the one that
/// receives it: every runtime of the process uses this one store, so the memory is shared.
pub static SHARED_ARRAY_BUFFERS: LazyLock<deno_core::SharedArrayBufferStore> = LazyLock::new(Default::default);
static NEXT_PORT: AtomicU64 = AtomicU64::new(1);

fn port(id: u64) -> Option<Arc<Port>> {
    PORTS.lock().unwrap().get(&id).cloned()
}

/// Two entangled ports, as `new MessageChannel()` makes.
pub fn port_pair() -> (u64, u64) {
    let first = NEXT_PORT.fetch_add(2, Ordering::Relaxed);
    let second = first + 1;
    for (id, peer) in [(first, second), (second, first)] {
        let port = Port { queue: Mutex::default(), ready: Notify::new(), peer: Mutex::new(Some(peer)) };
        PORTS.lock().unwrap().insert(id, Arc::new(port));
    }
    (first, second)
}

/// The ports a runtime holds. When a worker's runtime goes away its ports close with it, so
/// their peers elsewhere see 'close' (and stop keeping their threads alive), as in Node.
#[derive(Default)]
struct OwnedPorts(HashSet<u64>);

impl Drop for OwnedPorts {
    fn drop(&mut self) {
        for id in self.0.drain() {
            close_port(id);
        }
    }
}

fn owned(state: &mut OpState) -> &mut HashSet<u64> {
    if !state.has::<OwnedPorts>() {
        state.put(OwnedPorts::default());
    }
    &mut state.borrow_mut::<OwnedPorts>().0
}

#[op2]
#[serde]
pub fn op_port_pair(state: &mut OpState) -> (f64, f64) {
    let (first, second) = port_pair();
    owned(state).extend([first, second]);
    (first as f64, second as f64)
}

/// Queues a message for the port's peer; false when the peer is gone (Node drops it silently).
#[op2]
pub fn op_port_post(state: &mut OpState, #[number] id: u64, #[buffer] data: JsBuffer, #[serde] ports: Vec<f64>) -> bool {
    for port in &ports {
        owned(state).remove(&(*port as u64));
    }
    let Some(peer) = port(id).and_then(|port| *port.peer.lock().unwrap()) else { return false };
    match port(peer) {
        Some(peer) => {
            peer.push(Envelope::Message { data: data.to_vec(), ports });
            true
        }
        None => false,
    }
}

#[derive(Serialize)]
pub struct Received {
    data: ToJsBuffer,
    ports: Vec<f64>,
}

fn received(envelope: Option<Envelope>) -> Option<Received> {
    match envelope {
        Some(Envelope::Message { data, ports }) => Some(Received { data: data.into(), ports }),
        _ => None,
    }
}

/// The next message for the port; null once it is closed. Messages stay queued in Rust until
/// JS asks, so a port nobody listens to keeps them for later (or for `receiveMessageOnPort`).
#[op2]
#[serde]
pub async fn op_port_recv(state: Rc<RefCell<OpState>>, #[number] id: u64) -> Option<Received> {
    let port = port(id)?;
    let received = next_envelope(&port, id).await;
    if let Some(received) = &received {
        owned(&mut state.borrow_mut()).extend(received.ports.iter().map(|port| *port as u64));
    }
    received
}

async fn next_envelope(port: &Port, id: u64) -> Option<Received> {
    loop {
        match port.pop() {
            Some(Envelope::Closed) => {
                PORTS.lock().unwrap().remove(&id);
                return None;
            }
            Some(envelope) => return received(Some(envelope)),
            None => {}
        }
        port.ready.notified().await;
    }
}

/// `receiveMessageOnPort`: a queued message, or undefined (`null` here) when there is none.
#[op2]
#[serde]
pub fn op_port_try_recv(state: &mut OpState, #[number] id: u64) -> Option<Received> {
    let port = port(id)?;
    let mut queue = port.queue.lock().unwrap();
    let received = match queue.front() {
        Some(Envelope::Message { .. }) => received(queue.pop_front()),
        // A close notice stays for the pending read to see.
        _ => None,
    }?;
    owned(state).extend(received.ports.iter().map(|port| *port as u64));
    Some(received)
}

/// BroadcastChannel members by channel name, across every thread of the process. A member is
/// a port without a peer: its queue receives what the other members post.
static BROADCAST: LazyLock<Mutex<HashMap<String, Vec<u64>>>> = LazyLock::new(Default::default);

#[op2(fast)]
#[number]
pub fn op_broadcast_join(state: &mut OpState, #[string] name: &str) -> u64 {
    let id = NEXT_PORT.fetch_add(1, Ordering::Relaxed);
    let member = Port { queue: Mutex::default(), ready: Notify::new(), peer: Mutex::new(None) };
    PORTS.lock().unwrap().insert(id, Arc::new(member));
    owned(state).insert(id);
    BROADCAST.lock().unwrap().entry(name.to_owned()).or_default().push(id);
    id
}

/// Queues a message for every other member of the channel; members whose port has gone (their
/// thread ended without closing them) are dropped from the channel on the way.
#[op2]
pub fn op_broadcast_post(#[string] name: &str, #[number] from: u64, #[buffer] data: JsBuffer) {
    let mut channels = BROADCAST.lock().unwrap();
    let Some(members) = channels.get_mut(name) else { return };
    members.retain(|&id| {
        let Some(member) = port(id) else { return false };
        if id != from {
            member.push(Envelope::Message { data: data.to_vec(), ports: Vec::new() });
        }
        true
    });
}

#[op2(fast)]
pub fn op_broadcast_leave(#[string] name: &str, #[number] id: u64) {
    let mut channels = BROADCAST.lock().unwrap();
    if let Some(members) = channels.get_mut(name) {
        members.retain(|&member| member != id);
        if members.is_empty() {
            channels.remove(name);
        }
    }
}

/// Closes a port and disentangles its peer; both pending reads end (each side emits 'close').
#[op2(fast)]
pub fn op_port_close(state: &mut OpState, #[number] id: u64) {
    owned(state).remove(&id);
    close_port(id);
}

pub fn close_port(id: u64) {
    let Some(port) = PORTS.lock().unwrap().get(&id).cloned() else { return };
    let peer = port.peer.lock().unwrap().take();
    port.push(Envelope::Closed);
    if let Some(peer) = peer.and_then(self::port) {
        *peer.peer.lock().unwrap() = None;
        peer.push(Envelope::Closed);
    }
}

// ---------------------------------------------------------------------------------------------
// Workers.

/// What a worker reports to the thread that started it.
pub enum WorkerEvent {
    Online,
    /// An uncaught exception, serialized by the worker.
    Error(Vec<u8>),
    Exit(i32),
}

/// The parent's handle on a worker thread.
pub struct WorkerHandle {
    events: tokio::sync::Mutex<UnboundedReceiver<WorkerEvent>>,
    pub control: Arc<crate::worker::Control>,
}

static WORKERS: LazyLock<Mutex<HashMap<u32, Arc<WorkerHandle>>>> = LazyLock::new(Default::default);
static NEXT_THREAD_ID: AtomicU32 = AtomicU32::new(1);

/// The worker's own view of itself, in its op state.
pub struct WorkerSelf {
    pub thread_id: u32,
    pub parent_port: u64,
    pub events: UnboundedSender<WorkerEvent>,
    pub control: Arc<crate::worker::Control>,
    pub start: WorkerStart,
}

#[derive(Deserialize, Serialize, Clone)]
#[serde(rename_all = "camelCase")]
pub struct WorkerStart {
    /// A module key of the bundle, or the code itself when `eval`.
    pub target: String,
    pub eval: bool,
    /// The filename the worker's process.argv[1] shows.
    pub filename: String,
    pub argv: Vec<String>,
    #[serde(default)]
    pub worker_data: Option<Vec<u8>>,
    #[serde(default)]
    pub name: String,
    /// The worker's own copy of the environment; none when it shares the process's (SHARE_ENV).
    #[serde(default)]
    pub env: Option<Vec<(String, String)>>,
    /// The port carrying the worker's stdio to its parent, and whether stdin comes through it.
    pub stdio: WorkerStdio,
}

#[derive(Serialize, Deserialize, Clone, Copy)]
pub struct WorkerStdio {
    pub port: f64,
    stdin: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Spawned {
    thread_id: u32,
    port: f64,
}

/// Starts a worker thread; its events arrive through `op_worker_next_event`.
#[op2]
#[serde]
pub fn op_worker_spawn(state: &mut OpState, #[serde] start: WorkerStart) -> Result<Spawned, JsErrorBox> {
    let thread_id = NEXT_THREAD_ID.fetch_add(1, Ordering::Relaxed);
    let (own_port, worker_port) = port_pair();
    let (events_tx, events_rx) = unbounded_channel();
    let control = Arc::new(crate::worker::Control::default());
    let host = state.borrow::<crate::worker::WorkerHost>().clone();
    // The worker thread owns its end of the stdio channel from now on, and closes it at exit.
    owned(state).remove(&(start.stdio.port as u64));
    let worker = WorkerSelf { thread_id, parent_port: worker_port, events: events_tx, control: control.clone(), start };
    crate::worker::spawn(&host, worker).map_err(|err| JsErrorBox::generic(format!("cannot start a worker thread: {err:#}")))?;
    WORKERS.lock().unwrap().insert(thread_id, Arc::new(WorkerHandle { events: tokio::sync::Mutex::new(events_rx), control }));
    owned(state).insert(own_port);
    Ok(Spawned { thread_id, port: own_port as f64 })
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum EventForJs {
    Online,
    Error { data: ToJsBuffer },
    Exit { code: i32 },
}

/// The worker's next event; after `exit` there are none (null).
#[op2]
#[serde]
pub async fn op_worker_next_event(#[smi] thread_id: u32) -> Option<EventForJs> {
    let handle = WORKERS.lock().unwrap().get(&thread_id).cloned()?;
    let event = handle.events.lock().await.recv().await;
    match event {
        Some(WorkerEvent::Online) => Some(EventForJs::Online),
        Some(WorkerEvent::Error(data)) => Some(EventForJs::Error { data: data.into() }),
        Some(WorkerEvent::Exit(code)) => {
            WORKERS.lock().unwrap().remove(&thread_id);
            Some(EventForJs::Exit { code })
        }
        None => {
            WORKERS.lock().unwrap().remove(&thread_id);
            Some(EventForJs::Exit { code: 1 })
        }
    }
}

/// Stops a worker wherever it is: running JS, or idle in its event loop.
#[op2(fast)]
pub fn op_worker_terminate(#[smi] thread_id: u32) {
    let handle = WORKERS.lock().unwrap().get(&thread_id).cloned();
    if let Some(handle) = handle {
        handle.control.terminate(None);
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkerInfo {
    thread_id: u32,
    parent_port: f64,
    start: WorkerStart,
}

/// In a worker: who it is and what to run; null on the main thread.
#[op2]
#[serde]
pub fn op_worker_info(state: &mut OpState) -> Option<WorkerInfo> {
    let worker = state.try_borrow::<WorkerSelf>()?;
    Some(WorkerInfo { thread_id: worker.thread_id, parent_port: worker.parent_port as f64, start: worker.start.clone() })
}

/// In a worker: hands an uncaught exception to the parent's 'error' event.
#[op2]
pub fn op_worker_report_error(state: &mut OpState, #[buffer] data: JsBuffer) {
    if let Some(worker) = state.try_borrow::<WorkerSelf>() {
        let _ = worker.events.send(WorkerEvent::Error(data.to_vec()));
    }
}

/// Takes the place of `op_process_exit` in a worker: ends this thread's runtime only.
#[op2(fast)]
pub fn op_worker_exit(state: &mut OpState, #[smi] code: i32) {
    use std::io::Write;
    let _ = std::io::stdout().flush();
    if let Some(worker) = state.try_borrow::<WorkerSelf>() {
        worker.control.terminate(Some(code));
    }
}

// ---------------------------------------------------------------------------------------------
// Cluster.

/// Sockets the cluster primary keeps bound (never listening) so a port it handed to workers
/// for `listen(0)` stays theirs; workers bind it too, with SO_REUSEPORT.
static RESERVED_PORTS: LazyLock<Mutex<Vec<tokio::net::TcpSocket>>> = LazyLock::new(Default::default);

/// Picks a free port on `ip` for workers to share, as Node's primary does for `listen(0)`.
#[op2(fast)]
pub fn op_cluster_reserve_port(#[string] ip: &str) -> Result<u32, JsErrorBox> {
    let ip: std::net::IpAddr = ip.parse().map_err(|_| JsErrorBox::generic(format!("{} listen", libc::EINVAL)))?;
    let address = std::net::SocketAddr::new(ip, 0);
    let reserve = || -> std::io::Result<tokio::net::TcpSocket> {
        let socket = if address.is_ipv4() { tokio::net::TcpSocket::new_v4()? } else { tokio::net::TcpSocket::new_v6()? };
        socket.set_reuseaddr(true)?;
        #[cfg(unix)]
        socket.set_reuseport(true)?;
        socket.bind(address)?;
        Ok(socket)
    };
    let socket = reserve().map_err(|err| JsErrorBox::generic(format!("{} listen", err.raw_os_error().unwrap_or(libc::EIO))))?;
    let port = socket.local_addr().map_err(|err| JsErrorBox::generic(err.to_string()))?.port();
    RESERVED_PORTS.lock().unwrap().push(socket);
    Ok(port as u32)
}
