//! What `http.Server` needs: hyper serves HTTP/1.1 on each accepted connection (parsing,
//! keep-alive, pipelining, chunked bodies, `Expect: 100-continue`, malformed input), and the
//! JS side sees only whole requests and answers them. hyper hands over header names lower-cased
//! and grouped by name, so `rawHeaders` and `rawTrailers` have that case and order, not the
//! client's (its record of the original case is private to hyper).
//!
//! Requests cross to JS in batches: a connection task queues each parsed request on the
//! server's channel, and one `op_http_next` hands JS everything queued since its last call, so
//! a busy server pays one promise per batch rather than per request. JS answers a request with
//! one `op_http_respond` (the whole body at once, the common case) or starts a streamed body fed
//! by `op_http_write` and finished by `op_http_end`.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Duration;

use bytes::Bytes;
use deno_core::{op2, AsyncRefCell, JsBuffer, OpState, RcRef, Resource, ResourceId};
use deno_error::JsErrorBox;
use hyper::body::{Body, Incoming};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use serde::Serialize;
use tokio::net::{TcpListener, UnixListener};
use tokio::sync::{mpsc, oneshot, Notify};

use super::http::{exchanges, fill_headers, flatten_headers, gone, Exchange, Exchanges, OutgoingBody};
use super::net::Endpoint;

// ---------------------------------------------------------------------------------------------
// What crosses to JS.

/// One thing that happened on a server, in the order it happened.
pub enum ServerEvent {
    Connection { connection: u32, remote: Endpoint, local: Endpoint, encrypted: bool },
    Request {
        id: u32,
        connection: u32,
        method: String,
        url: String,
        version: &'static str,
        /// "name\nvalue\n...", see `http::flatten_headers`.
        headers: String,
        has_body: bool,
        /// The client wants the connection kept (HTTP/1.1 unless "close"; 1.0 with "keep-alive").
        keep_alive: bool,
        /// The client sent "Expect: 100-continue".
        expects_continue: bool,
    },
    ClientError { connection: u32, code: &'static str, message: String },
    Closed { connection: u32 },
}

/// A value in a batch as JS receives it. A batch is one flat array: each event's kind, then its
/// fields in the order `ServerEvent::append_to` writes them. One array of plain values costs the
/// engine far less to make, and JS less to read, than an object per event.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Field {
    Number(u32),
    Text(String),
    Name(&'static str),
    Flag(bool),
    Address(Endpoint),
}

// Event kinds, as internal/http/server.js knows them.
const REQUEST: u32 = 0;
const CONNECTION: u32 = 1;
const CLIENT_ERROR: u32 = 2;
const CLOSED: u32 = 3;

impl ServerEvent {
    fn append_to(self, batch: &mut Vec<Field>) {
        match self {
            ServerEvent::Request { id, connection, method, url, version, headers, has_body, keep_alive, expects_continue } => {
                batch.extend([
                    Field::Number(REQUEST),
                    Field::Number(id),
                    Field::Number(connection),
                    Field::Text(method),
                    Field::Text(url),
                    Field::Name(version),
                    Field::Text(headers),
                    Field::Flag(has_body),
                    Field::Flag(keep_alive),
                    Field::Flag(expects_continue),
                ]);
            }
            ServerEvent::Connection { connection, remote, local, encrypted } => batch.extend([
                Field::Number(CONNECTION),
                Field::Number(connection),
                Field::Address(remote),
                Field::Address(local),
                Field::Flag(encrypted),
            ]),
            ServerEvent::ClientError { connection, code, message } => batch.extend([
                Field::Number(CLIENT_ERROR),
                Field::Number(connection),
                Field::Name(code),
                Field::Text(message),
            ]),
            ServerEvent::Closed { connection } => batch.extend([Field::Number(CLOSED), Field::Number(connection)]),
        }
    }
}

/// A request on its way from a connection task to JS, with the way back for its response.
struct Arrival {
    connection: u32,
    request: Request<Incoming>,
    respond: oneshot::Sender<Response<OutgoingBody>>,
    /// Set once the whole body has arrived (see requestTimeout).
    body_done: Rc<Cell<bool>>,
}

enum Queued {
    Event(ServerEvent),
    Request(Arrival),
}

// ---------------------------------------------------------------------------------------------
// The server resource.

/// How JS tuned the server, read by each new connection.
#[derive(Clone, Copy)]
struct Limits {
    max_header_bytes: usize,
    headers_timeout: Option<Duration>,
    /// Node's requestTimeout: the whole request, body included, must arrive within it.
    request_timeout: Option<Duration>,
    /// Node's requireHostHeader: an HTTP/1.1 request without Host gets 400.
    require_host: bool,
}

/// What JS passes when it starts a server.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ServerOptions {
    backlog: u32,
    max_header_bytes: u32,
    headers_timeout_ms: f64,
    request_timeout_ms: f64,
    require_host: bool,
    reuse_port: bool,
    tls: Option<ServerTls>,
}

impl ServerOptions {
    fn limits(&self) -> Limits {
        let millis = |ms: f64| (ms > 0.0).then(|| Duration::from_millis(ms as u64));
        Limits {
            max_header_bytes: (self.max_header_bytes as usize).max(8192),
            headers_timeout: millis(self.headers_timeout_ms),
            request_timeout: millis(self.request_timeout_ms),
            require_host: self.require_host,
        }
    }
}

/// A connection's handle for the server: how to ask it to finish gracefully, or to stop now.
struct ConnectionControl {
    shutdown: Rc<Notify>,
    task: tokio::task::AbortHandle,
}

pub struct HttpServer {
    queue: AsyncRefCell<mpsc::UnboundedReceiver<Queued>>,
    /// Dropped when the server stops accepting, so the queue ends once connections are done.
    sender: RefCell<Option<mpsc::UnboundedSender<Queued>>>,
    accept_task: RefCell<Option<tokio::task::AbortHandle>>,
    connections: Connections,
}

impl Resource for HttpServer {
    fn name(&self) -> std::borrow::Cow<'_, str> {
        "httpServer".into()
    }

    fn close(self: Rc<Self>) {
        self.stop_accepting();
        for control in self.connections.borrow().values() {
            control.task.abort();
        }
    }
}

impl HttpServer {
    fn stop_accepting(&self) {
        if let Some(task) = self.accept_task.borrow_mut().take() {
            task.abort();
        }
        self.sender.borrow_mut().take();
    }
}

// ---------------------------------------------------------------------------------------------
// Listening and serving.

/// The certificate and key of an https server, in PEM.
#[derive(serde::Deserialize)]
pub struct ServerTls {
    cert: String,
    key: String,
}

/// Listens on `ip:port`.
#[op2]
#[serde]
pub fn op_http_listen(
    state: &mut OpState,
    #[string] ip: String,
    #[smi] port: u16,
    #[serde] options: ServerOptions,
) -> Result<(ResourceId, Endpoint), JsErrorBox> {
    let listener = super::net::listen_tcp(&ip, port, options.backlog, options.reuse_port)?;
    let local = listener.local_addr().map(Endpoint::from).unwrap_or_default();
    Ok((start_server(state, Listener::Tcp(listener), options)?, local))
}

/// Listens on a Unix socket path; errors read like net's ("<errno> listen").
#[op2]
#[smi]
pub fn op_http_listen_unix(
    state: &mut OpState,
    #[string] path: String,
    #[serde] options: ServerOptions,
) -> Result<ResourceId, JsErrorBox> {
    let listener = UnixListener::bind(&path)
        .map_err(|err| JsErrorBox::generic(format!("{} listen", err.raw_os_error().unwrap_or(libc::EIO))))?;
    start_server(state, Listener::Unix(listener), options)
}

fn start_server(state: &mut OpState, listener: Listener, options: ServerOptions) -> Result<ResourceId, JsErrorBox> {
    let tls = options.tls.as_ref().map(|tls| super::tls::acceptor(&tls.cert, &tls.key)).transpose()?;
    let (sender, queue) = mpsc::unbounded_channel();
    let connections = Connections::default();
    let shared = Rc::new(Shared { sender: sender.clone(), connections: connections.clone(), limits: options.limits(), tls });
    let accept_task = deno_core::unsync::spawn(accept_loop(listener, shared));
    let server = HttpServer {
        queue: AsyncRefCell::new(queue),
        sender: RefCell::new(Some(sender)),
        accept_task: RefCell::new(Some(accept_task.abort_handle())),
        connections,
    };
    Ok(state.resource_table.add(server))
}

/// Where connections come from.
enum Listener {
    Tcp(TcpListener),
    Unix(UnixListener),
}

/// An accepted connection, whichever kind.
trait Stream: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + 'static {}
impl<T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + 'static> Stream for T {}

impl Listener {
    /// The next connection with its peer's and its own address (empty ones for a Unix socket).
    async fn accept(&self) -> std::io::Result<(Box<dyn Stream>, Endpoint, Endpoint)> {
        match self {
            Listener::Tcp(listener) => {
                let (stream, peer) = listener.accept().await?;
                let _ = stream.set_nodelay(true);
                let local = stream.local_addr().map(Endpoint::from).unwrap_or_default();
                Ok((Box::new(stream), peer.into(), local))
            }
            Listener::Unix(listener) => {
                let (stream, _) = listener.accept().await?;
                Ok((Box::new(stream), Endpoint::default(), Endpoint::default()))
            }
        }
    }
}

type Connections = Rc<RefCell<HashMap<u32, ConnectionControl>>>;

/// What a server's accept task and connection tasks share. Once they have all ended, it is
/// dropped, and with it the last sender of the server's queue: that ends the queue.
struct Shared {
    sender: mpsc::UnboundedSender<Queued>,
    connections: Connections,
    limits: Limits,
    tls: Option<tokio_rustls::TlsAcceptor>,
}

async fn accept_loop(listener: Listener, shared: Rc<Shared>) {
    let mut next_connection = 0u32;
    loop {
        let Ok((stream, peer, local)) = listener.accept().await else {
            // Out of descriptors or similar: wait a little rather than spin.
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        if shared.sender.is_closed() {
            return;
        }
        next_connection = next_connection.wrapping_add(1);
        let connection = next_connection;
        let shutdown = Rc::new(Notify::new());
        let task = deno_core::unsync::spawn(run_connection(stream, peer, local, connection, shutdown.clone(), shared.clone()));
        shared.connections.borrow_mut().insert(connection, ConnectionControl { shutdown, task: task.abort_handle() });
    }
}

/// Takes a connection through its TLS handshake if any, announces it to JS, and serves it.
async fn run_connection(
    stream: Box<dyn Stream>,
    remote: Endpoint,
    local: Endpoint,
    connection: u32,
    shutdown: Rc<Notify>,
    shared: Rc<Shared>,
) {
    let _closing = ClosedOnDrop { connection, shared: shared.clone() };
    let announce = |encrypted| {
        let event = ServerEvent::Connection { connection, remote, local, encrypted };
        let _ = shared.sender.send(Queued::Event(event));
    };
    match &shared.tls {
        None => {
            announce(false);
            serve_connection(stream, connection, shutdown, &shared).await;
        }
        Some(acceptor) => {
            // A client that fails the handshake never reaches the app, as in Node.
            let Ok(stream) = acceptor.accept(stream).await else { return };
            announce(true);
            serve_connection(stream, connection, shutdown, &shared).await;
        }
    }
}

async fn serve_connection<I>(io: I, connection: u32, shutdown: Rc<Notify>, shared: &Shared)
where
    I: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + 'static,
{
    let requests = shared.sender.clone();
    let limits = shared.limits;
    let connections = shared.connections.clone();
    let service = hyper::service::service_fn(move |request: Request<Incoming>| {
        let refused = refusal(&request, limits.require_host);
        let (respond, response) = oneshot::channel();
        let body_done = Rc::new(Cell::new(request.body().is_end_stream()));
        let sent = match refused {
            Some(_) => Ok(()),
            None => requests.send(Queued::Request(Arrival { connection, request, respond, body_done: body_done.clone() })),
        };
        let requests = requests.clone();
        let connections = connections.clone();
        async move {
            if let Some(refusal) = refused {
                if let Some((code, message)) = refusal.client_error {
                    let _ = requests.send(Queued::Event(ServerEvent::ClientError { connection, code, message: message.into() }));
                }
                return Ok(closing_response(StatusCode::BAD_REQUEST));
            }
            if sent.is_err() {
                return Ok(plain_response(StatusCode::SERVICE_UNAVAILABLE));
            }
            await_response(response, body_done, limits.request_timeout, || {
                let message = "Request timeout".to_owned();
                let _ = requests.send(Queued::Event(ServerEvent::ClientError { connection, code: "ERR_HTTP_REQUEST_TIMEOUT", message }));
                // hyper would wait for the rest of the body before closing; Node closes at once
                // after its 408. Give the 408 a moment to go out, then end the connection.
                deno_core::unsync::spawn(async move {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    if let Some(control) = connections.borrow().get(&connection) {
                        control.task.abort();
                    }
                });
            })
            .await
        }
    });
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder.max_buf_size(limits.max_header_bytes.max(8192)).timer(TokioTimer::new()).title_case_headers(true);
    // hyper refuses more than 100 headers by default; Node takes as many as fit in
    // maxHeaderSize (and keeps the first maxHeadersCount, JS's part).
    builder.max_headers(MAX_HEADERS);
    builder.header_read_timeout(limits.headers_timeout);
    let served = builder.serve_connection(TokioIo::new(io), service);
    tokio::pin!(served);
    let result = tokio::select! {
        result = served.as_mut() => result,
        () = shutdown.notified() => {
            served.as_mut().graceful_shutdown();
            served.await
        }
    };
    if let Err(err) = result {
        if let Some((code, message)) = client_error(&err) {
            let _ = shared.sender.send(Queued::Event(ServerEvent::ClientError { connection, code, message }));
        }
    }
}

/// Tells JS a connection closed however its task ended, aborted included.
struct ClosedOnDrop {
    connection: u32,
    shared: Rc<Shared>,
}

impl Drop for ClosedOnDrop {
    fn drop(&mut self) {
        self.shared.connections.borrow_mut().remove(&self.connection);
        let _ = self.shared.sender.send(Queued::Event(ServerEvent::Closed { connection: self.connection }));
    }
}

#[derive(Debug)]
struct ConnectionDropped;

impl std::fmt::Display for ConnectionDropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the response was abandoned")
    }
}

impl std::error::Error for ConnectionDropped {}

/// Node's name for what went wrong with what a client sent, for the 'clientError' event.
fn client_error(err: &hyper::Error) -> Option<(&'static str, String)> {
    let code = if err.is_parse_too_large() {
        "HPE_HEADER_OVERFLOW"
    } else if err.is_parse() {
        parse_error_code(&err.to_string())
    } else if err.is_timeout() {
        "ERR_HTTP_REQUEST_TIMEOUT"
    } else if err.is_incomplete_message() {
        "ECONNRESET"
    } else {
        return None;
    };
    Some((code, err.to_string()))
}

/// Node's code for a head hyper could not parse. hyper tells the kinds apart only in its
/// message, which starts with the kind; an unknown one keeps the generic code.
fn parse_error_code(message: &str) -> &'static str {
    const KINDS: [(&str, &str); 7] = [
        ("invalid HTTP method", "HPE_INVALID_METHOD"),
        ("invalid HTTP version", "HPE_INVALID_VERSION"),
        ("invalid URI", "HPE_INVALID_URL"),
        ("invalid HTTP header", "HPE_INVALID_HEADER_TOKEN"),
        ("invalid content-length", "HPE_INVALID_CONTENT_LENGTH"),
        ("invalid transfer-encoding", "HPE_INVALID_TRANSFER_ENCODING"),
        ("unexpected transfer-encoding", "HPE_INVALID_TRANSFER_ENCODING"),
    ];
    KINDS.iter().find(|(start, _)| message.starts_with(start)).map_or("HPE_INVALID_REQUEST", |&(_, code)| code)
}

/// How many headers hyper parses at most (its default is 100, which Node exceeds: it takes
/// what fits in maxHeaderSize). hyper allocates room for them on every request: 2048 made glibc
/// give memory back to the system and take it again about every fifth request; 512 does not.
const MAX_HEADERS: usize = 512;

/// Why a request hyper accepted is refused anyway, as Node's parser would refuse it, with the
/// 'clientError' it makes (none for a missing Host, which Node answers without one).
struct Refusal {
    client_error: Option<(&'static str, &'static str)>,
}

/// Whether Node would refuse a request hyper accepted: an unknown method, or (when required)
/// a missing Host.
///
/// Framing is hyper's alone: it refuses differing Content-Lengths and a Transfer-Encoding that
/// does not end in chunked, merges equal Content-Lengths, and lets chunked win over a
/// Content-Length and then closes the connection after the response (RFC 9112 6.3), so no
/// bytes can be read as a request other than the one hyper framed. It hands over no trace of
/// the dropped Content-Length, so Node's refusal of that case cannot be copied here.
fn refusal(request: &Request<Incoming>, require_host: bool) -> Option<Refusal> {
    if !is_node_method(request.method().as_str()) {
        return Some(Refusal { client_error: Some(("HPE_INVALID_METHOD", "Invalid method encountered")) });
    }
    let headers = request.headers();
    if require_host && request.version() == hyper::Version::HTTP_11 && !headers.contains_key(hyper::header::HOST) {
        return Some(Refusal { client_error: None });
    }
    None
}

/// The methods Node's parser knows (internal/http/common's METHODS); it refuses others.
fn is_node_method(method: &str) -> bool {
    const METHODS: [&str; 35] = [
        "ACL", "BIND", "CHECKOUT", "CONNECT", "COPY", "DELETE", "GET", "HEAD", "LINK", "LOCK", "M-SEARCH", "MERGE",
        "MKACTIVITY", "MKCALENDAR", "MKCOL", "MOVE", "NOTIFY", "OPTIONS", "PATCH", "POST", "PROPFIND", "PROPPATCH",
        "PURGE", "PUT", "QUERY", "REBIND", "REPORT", "SEARCH", "SOURCE", "SUBSCRIBE", "TRACE", "UNBIND", "UNLINK",
        "UNLOCK", "UNSUBSCRIBE",
    ];
    METHODS.contains(&method)
}

/// Waits for JS's response. Past `request_timeout`, a request whose body has not all arrived
/// gets 408 and its connection closes, as Node's requestTimeout does.
async fn await_response(
    response: oneshot::Receiver<Response<OutgoingBody>>,
    body_done: Rc<Cell<bool>>,
    request_timeout: Option<Duration>,
    timed_out: impl FnOnce(),
) -> Result<Response<OutgoingBody>, ConnectionDropped> {
    tokio::pin!(response);
    if let Some(limit) = request_timeout {
        let deadline = tokio::time::Instant::now() + limit;
        tokio::select! {
            answered = response.as_mut() => return answered.map_err(|_| ConnectionDropped),
            () = tokio::time::sleep_until(deadline) => {}
        }
        if !body_done.get() {
            timed_out();
            return Ok(closing_response(StatusCode::REQUEST_TIMEOUT));
        }
    }
    // JS dropped the request without answering (the app destroyed the socket).
    response.await.map_err(|_| ConnectionDropped)
}

/// An error response after which hyper closes the connection rather than read on.
fn closing_response(status: StatusCode) -> Response<OutgoingBody> {
    let mut response = plain_response(status);
    response.headers_mut().insert(hyper::header::CONNECTION, hyper::header::HeaderValue::from_static("close"));
    response
}

fn plain_response(status: StatusCode) -> Response<OutgoingBody> {
    let mut response = Response::new(OutgoingBody::Whole(None));
    *response.status_mut() = status;
    response
}

// ---------------------------------------------------------------------------------------------
// Handing requests to JS.

/// Everything that happened since the last call (see `Field`), waiting if nothing has. An
/// empty list means the server has stopped and its last connection has closed.
#[op2]
#[serde]
pub async fn op_http_next(state: Rc<RefCell<OpState>>, #[smi] rid: ResourceId) -> Result<Vec<Field>, JsErrorBox> {
    let server = state.borrow().resource_table.get::<HttpServer>(rid).map_err(|_| gone())?;
    let mut queue = RcRef::map(&server, |s| &s.queue).borrow_mut().await;
    let mut batch = Vec::new();
    let Some(first) = queue.recv().await else { return Ok(batch) };
    let mut state = state.borrow_mut();
    let exchanges = exchanges(&mut state);
    let mut take = |queued: Queued| match queued {
        Queued::Event(event) => event.append_to(&mut batch),
        Queued::Request(arrival) => open_request(exchanges, arrival).append_to(&mut batch),
    };
    take(first);
    while let Ok(queued) = queue.try_recv() {
        take(queued);
    }
    Ok(batch)
}

/// Registers an arrived request as an exchange and describes it for JS.
fn open_request(exchanges: &mut Exchanges, arrival: Arrival) -> ServerEvent {
    let (parts, body) = arrival.request.into_parts();
    let has_body = !body.is_end_stream();
    let version = match parts.version {
        hyper::Version::HTTP_10 => "1.0",
        _ => "1.1",
    };
    let url = parts.uri.path_and_query().map_or_else(|| parts.uri.to_string(), |pq| pq.as_str().to_owned());
    let connection_says = |token: &str| {
        parts.headers.get_all(hyper::header::CONNECTION).iter().any(|value| {
            value.to_str().is_ok_and(|text| text.split(',').any(|item| item.trim().eq_ignore_ascii_case(token)))
        })
    };
    let keep_alive = if version == "1.0" { connection_says("keep-alive") } else { !connection_says("close") };
    let expects_continue = parts
        .headers
        .get(hyper::header::EXPECT)
        .is_some_and(|value| value.as_bytes().eq_ignore_ascii_case(b"100-continue"));
    let id = exchanges.open(Exchange {
        incoming: has_body.then_some(body),
        respond: Some(arrival.respond),
        body_done: has_body.then_some(arrival.body_done),
        ..Exchange::default()
    });
    ServerEvent::Request {
        id,
        connection: arrival.connection,
        method: parts.method.as_str().to_owned(),
        url,
        version,
        headers: flatten_headers(&parts.headers),
        has_body,
        keep_alive,
        expects_continue,
    }
}

// ---------------------------------------------------------------------------------------------
// Answering.

/// Sends the status line, headers and, unless `streamed`, the whole body. A streamed body
/// continues with `op_http_write` and ends with `op_http_end`. `keep_alive_ms` is the server's
/// keepAliveTimeout, or negative when the connection closes after this response (see
/// `add_connection_headers`).
#[op2]
#[allow(clippy::too_many_arguments)]
pub fn op_http_respond(
    state: &mut OpState,
    #[smi] id: u32,
    #[smi] status: u16,
    #[string] reason: &str,
    #[string] headers: &str,
    #[smi] keep_alive_ms: i32,
    #[buffer] body: JsBuffer,
    streamed: bool,
) -> Result<(), JsErrorBox> {
    let head = Head { status, reason, headers, keep_alive_ms };
    respond(state, id, head, Bytes::copy_from_slice(&body), streamed)
}

/// `op_http_respond` for a body the app gave as a string, saving JS the UTF-8 encoding.
#[op2(fast)]
#[allow(clippy::too_many_arguments)]
pub fn op_http_respond_text(
    state: &mut OpState,
    #[smi] id: u32,
    #[smi] status: u16,
    #[string] reason: &str,
    #[string] headers: &str,
    #[smi] keep_alive_ms: i32,
    #[string] body: String,
    streamed: bool,
) -> Result<(), JsErrorBox> {
    let head = Head { status, reason, headers, keep_alive_ms };
    respond(state, id, head, Bytes::from(body), streamed)
}

/// A response's head as JS gives it.
struct Head<'a> {
    status: u16,
    /// The app's own reason phrase, empty for the standard one.
    reason: &'a str,
    /// "name\nvalue\n...", see `http::fill_headers`.
    headers: &'a str,
    keep_alive_ms: i32,
}

fn respond(state: &mut OpState, id: u32, head: Head, body: Bytes, streamed: bool) -> Result<(), JsErrorBox> {
    let exchanges = exchanges(state);
    let exchange = exchanges.open.get_mut(&id).ok_or_else(gone)?;
    let respond = exchange.respond.take().ok_or_else(gone)?;
    let (body, outgoing) = OutgoingBody::new(body, streamed);
    exchange.outgoing = outgoing;
    if exchange.is_settled() {
        exchanges.open.remove(&id);
    }
    let mut response = Response::new(body);
    *response.status_mut() = StatusCode::from_u16(head.status).map_err(|_| JsErrorBox::range_error("invalid status code"))?;
    fill_headers(response.headers_mut(), head.headers)?;
    add_connection_headers(response.headers_mut(), head.keep_alive_ms);
    if !head.reason.is_empty() {
        // A reason phrase of the app's own, e.g. "200 Okay".
        if let Ok(phrase) = hyper::ext::ReasonPhrase::try_from(head.reason.as_bytes()) {
            response.extensions_mut().insert(phrase);
        }
    }
    // The client may be gone already; the app learns that from the socket's 'close'.
    let _ = respond.send(response);
    Ok(())
}

/// Node's "Connection" header, with "Keep-Alive: timeout=<seconds>" when the connection stays
/// open and the server has a keepAliveTimeout (`keep_alive_ms` > 0); nothing when the app set
/// Connection itself, as Node does. Made here from constants rather than parsed from JS's text:
/// they are on every response.
fn add_connection_headers(headers: &mut hyper::HeaderMap, keep_alive_ms: i32) {
    use hyper::header::{HeaderName, HeaderValue, CONNECTION};
    if headers.contains_key(CONNECTION) {
        return;
    }
    if keep_alive_ms < 0 {
        headers.insert(CONNECTION, HeaderValue::from_static("close"));
        return;
    }
    headers.insert(CONNECTION, HeaderValue::from_static("keep-alive"));
    if keep_alive_ms <= 0 {
        return;
    }
    // Node's default (5 s) needs no formatting.
    let timeout = match keep_alive_ms / 1000 {
        5 => Ok(HeaderValue::from_static("timeout=5")),
        seconds => HeaderValue::try_from(format!("timeout={seconds}")),
    };
    if let Ok(timeout) = timeout {
        headers.insert(HeaderName::from_static("keep-alive"), timeout);
    }
}

// ---------------------------------------------------------------------------------------------
// Closing.

/// Stops accepting; connections finish their current request and close. The server's queue
/// ends (op_http_next returns an empty list) when the last one has.
#[op2(fast)]
pub fn op_http_stop(state: &mut OpState, #[smi] rid: ResourceId) {
    if let Ok(server) = state.resource_table.get::<HttpServer>(rid) {
        server.stop_accepting();
        for control in server.connections.borrow().values() {
            control.shutdown.notify_one();
        }
    }
}

/// Ends one connection: gracefully (after the request in flight) or at once.
#[op2(fast)]
pub fn op_http_close_connection(state: &mut OpState, #[smi] rid: ResourceId, #[smi] connection: u32, graceful: bool) {
    if let Ok(server) = state.resource_table.get::<HttpServer>(rid) {
        if let Some(control) = server.connections.borrow().get(&connection) {
            if graceful {
                control.shutdown.notify_one();
            } else {
                control.task.abort();
            }
        }
    }
}
