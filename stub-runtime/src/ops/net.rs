//! What `net` needs: TCP and Unix-domain listeners and connections on tokio's reactor.
//!
//! Listeners and connections are deno_core resources. JS moves bytes with deno_core's own
//! `read`/`writeAll`/`shutdown` on a connection's id, and `close` cancels whatever is pending on
//! it, so a destroyed socket or closed server never holds the event loop.
//!
//! Failures reach JS as `"<errno> <syscall> [address port]"`, e.g. `"111 connect 127.0.0.1 1"`;
//! `internal/net` rebuilds Node's error from it. A name that does not resolve fails as
//! `"ENOTFOUND getaddrinfo <host>"`.

use std::borrow::Cow;
use std::cell::RefCell;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::os::fd::{AsRawFd, RawFd};
use std::rc::Rc;

use deno_core::{
    op2, AsyncRefCell, AsyncResult, BufMutView, BufView, CancelHandle, CancelTryFuture, OpState, RcRef, Resource,
    ResourceId, WriteOutcome,
};
use deno_error::JsErrorBox;
use serde::Serialize;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpSocket, TcpStream, UnixListener, UnixStream};

fn io_error(err: &io::Error, syscall: &str) -> JsErrorBox {
    JsErrorBox::generic(format!("{} {syscall}", err.raw_os_error().unwrap_or(libc::EIO)))
}

fn io_error_at(err: &io::Error, syscall: &str, address: &SocketAddr) -> JsErrorBox {
    JsErrorBox::generic(format!(
        "{} {syscall} {} {}",
        err.raw_os_error().unwrap_or(libc::EIO),
        address.ip(),
        address.port()
    ))
}

fn cancelled() -> JsErrorBox {
    JsErrorBox::generic(format!("{} read", libc::ECANCELED))
}

// ---------------------------------------------------------------------------------------------
// Addresses as Node reports them.

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct Endpoint {
    address: String,
    port: u16,
    family: &'static str,
}

impl From<SocketAddr> for Endpoint {
    fn from(addr: SocketAddr) -> Self {
        // A v4 peer on a dual-stack socket appears as ::ffff:a.b.c.d, which Node shows as is.
        let family = if addr.is_ipv4() { "IPv4" } else { "IPv6" };
        Endpoint { address: addr.ip().to_string(), port: addr.port(), family }
    }
}

fn unix_endpoint(path: Option<&std::path::Path>) -> Endpoint {
    Endpoint { address: path.map(|p| p.display().to_string()).unwrap_or_default(), ..Endpoint::default() }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Opened {
    pub rid: ResourceId,
    pub local: Endpoint,
    pub remote: Endpoint,
}

// ---------------------------------------------------------------------------------------------
// Connections.

type Reader = Box<dyn AsyncRead + Unpin>;
type Writer = Box<dyn AsyncWrite + Unpin>;

/// One connected socket, split so a pending read never blocks a write.
pub struct Connection {
    reader: AsyncRefCell<Reader>,
    writer: AsyncRefCell<Writer>,
    cancel: CancelHandle,
    fd: RawFd,
    /// A child's stdio pipe: the child closing its end abruptly is the end of input, not an
    /// error.
    reset_ends_input: bool,
}

impl Connection {
    fn tcp(stream: TcpStream) -> Connection {
        let fd = stream.as_raw_fd();
        let (reader, writer) = stream.into_split();
        Connection::new(Box::new(reader), Box::new(writer), fd)
    }

    fn unix(stream: UnixStream) -> Connection {
        let fd = stream.as_raw_fd();
        let (reader, writer) = stream.into_split();
        Connection::new(Box::new(reader), Box::new(writer), fd)
    }

    /// The parent's end of a child process's stdio or IPC socket pair.
    pub(crate) fn child_pipe(stream: UnixStream) -> Connection {
        Connection { reset_ends_input: true, ..Connection::unix(stream) }
    }

    fn new(reader: Reader, writer: Writer, fd: RawFd) -> Connection {
        Connection {
            reader: AsyncRefCell::new(reader),
            writer: AsyncRefCell::new(writer),
            cancel: CancelHandle::new(),
            fd,
            reset_ends_input: false,
        }
    }
}

impl Resource for Connection {
    fn name(&self) -> Cow<'_, str> {
        "netConnection".into()
    }

    fn read_byob(self: Rc<Self>, mut buf: BufMutView) -> AsyncResult<(usize, BufMutView)> {
        Box::pin(async move {
            let mut reader = RcRef::map(&self, |conn| &conn.reader).borrow_mut().await;
            let cancel = RcRef::map(&self, |conn| &conn.cancel);
            match reader.read(&mut buf).try_or_cancel(cancel).await {
                Ok(count) => Ok((count, buf)),
                Err(err) if err.kind() == io::ErrorKind::Interrupted => Err(cancelled()),
                Err(err) if self.reset_ends_input && err.raw_os_error() == Some(libc::ECONNRESET) => Ok((0, buf)),
                Err(err) => Err(io_error(&err, "read")),
            }
        })
    }

    fn write(self: Rc<Self>, buf: BufView) -> AsyncResult<WriteOutcome> {
        Box::pin(async move {
            let mut writer = RcRef::map(&self, |conn| &conn.writer).borrow_mut().await;
            let cancel = RcRef::map(&self, |conn| &conn.cancel);
            let written = writer.write(&buf).try_or_cancel(cancel).await.map_err(|err| io_error(&err, "write"))?;
            Ok(WriteOutcome::Partial { nwritten: written, view: buf })
        })
    }

    fn shutdown(self: Rc<Self>) -> AsyncResult<()> {
        Box::pin(async move {
            let mut writer = RcRef::map(&self, |conn| &conn.writer).borrow_mut().await;
            // A peer that already went away makes shutdown fail; the socket is done either way.
            match writer.shutdown().await {
                Ok(()) => Ok(()),
                Err(err) if err.raw_os_error() == Some(libc::ENOTCONN) => Ok(()),
                Err(err) => Err(io_error(&err, "shutdown")),
            }
        })
    }

    fn close(self: Rc<Self>) {
        self.cancel.cancel();
    }
}

fn connection(state: &OpState, rid: ResourceId) -> Result<Rc<Connection>, JsErrorBox> {
    state.resource_table.get::<Connection>(rid).map_err(|_| JsErrorBox::generic(format!("{} setsockopt", libc::EBADF)))
}

fn set_option(fd: RawFd, level: libc::c_int, name: libc::c_int, value: libc::c_int) -> Result<(), JsErrorBox> {
    // SAFETY: `value` is a live c_int and its size is passed; a bad fd only makes the call fail.
    let result = unsafe {
        libc::setsockopt(fd, level, name, (&value as *const libc::c_int).cast(), std::mem::size_of::<libc::c_int>() as u32)
    };
    if result == -1 {
        return Err(io_error(&io::Error::last_os_error(), "setsockopt"));
    }
    Ok(())
}

#[op2(fast)]
pub fn op_net_set_no_delay(state: &mut OpState, #[smi] rid: ResourceId, enable: bool) -> Result<(), JsErrorBox> {
    set_option(connection(state, rid)?.fd, libc::IPPROTO_TCP, libc::TCP_NODELAY, enable as libc::c_int)
}

/// Turns keep-alive probes on or off; `initial_delay_secs` > 0 also sets the idle time before
/// the first probe, as Node's `setKeepAlive(enable, initialDelay)` does.
#[op2(fast)]
pub fn op_net_set_keep_alive(
    state: &mut OpState,
    #[smi] rid: ResourceId,
    enable: bool,
    initial_delay_secs: u32,
) -> Result<(), JsErrorBox> {
    let fd = connection(state, rid)?.fd;
    set_option(fd, libc::SOL_SOCKET, libc::SO_KEEPALIVE, enable as libc::c_int)?;
    if enable && initial_delay_secs > 0 {
        set_option(fd, libc::IPPROTO_TCP, libc::TCP_KEEPIDLE, initial_delay_secs as libc::c_int)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Connecting.

/// Resolves `host` with the system resolver, off the JS thread.
async fn resolve(host: &str, port: u16) -> Result<Vec<SocketAddr>, JsErrorBox> {
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, port)]);
    }
    let addresses: Vec<SocketAddr> = match tokio::net::lookup_host((host, port)).await {
        Ok(found) => found.collect(),
        Err(_) => Vec::new(),
    };
    if addresses.is_empty() {
        return Err(JsErrorBox::generic(format!("ENOTFOUND getaddrinfo {host}")));
    }
    Ok(addresses)
}

/// Connects to the first address of `host` that accepts, as Node tries a name's addresses.
pub(crate) async fn connect_tcp(host: &str, port: u16) -> Result<TcpStream, JsErrorBox> {
    let mut last_error = None;
    for address in resolve(host, port).await? {
        match TcpStream::connect(address).await {
            Ok(stream) => return Ok(stream),
            Err(err) => last_error = Some(io_error_at(&err, "connect", &address)),
        }
    }
    Err(last_error.unwrap_or_else(|| JsErrorBox::generic(format!("ENOTFOUND getaddrinfo {host}"))))
}

/// The addresses of a connected TCP stream, as Node reports them.
pub(crate) fn endpoints(stream: &TcpStream) -> (Endpoint, Endpoint) {
    let local = stream.local_addr().map(Endpoint::from).unwrap_or_default();
    let remote = stream.peer_addr().map(Endpoint::from).unwrap_or_default();
    (local, remote)
}

#[op2]
#[serde]
pub async fn op_net_connect_tcp(
    state: Rc<RefCell<OpState>>,
    #[string] host: String,
    #[smi] port: u16,
) -> Result<Opened, JsErrorBox> {
    let stream = connect_tcp(&host, port).await?;
    let (local, remote) = endpoints(&stream);
    let rid = state.borrow_mut().resource_table.add(Connection::tcp(stream));
    Ok(Opened { rid, local, remote })
}

#[op2]
#[serde]
pub async fn op_net_connect_unix(state: Rc<RefCell<OpState>>, #[string] path: String) -> Result<Opened, JsErrorBox> {
    let stream = UnixStream::connect(&path).await.map_err(|err| io_error(&err, "connect"))?;
    let rid = state.borrow_mut().resource_table.add(Connection::unix(stream));
    Ok(Opened { rid, local: unix_endpoint(None), remote: unix_endpoint(Some(path.as_ref())) })
}

// ---------------------------------------------------------------------------------------------
// Listening.

enum Socket {
    Tcp(TcpListener),
    Unix(UnixListener),
}

pub struct Listener {
    socket: AsyncRefCell<Socket>,
    cancel: CancelHandle,
    fd: RawFd,
}

impl Resource for Listener {
    fn name(&self) -> Cow<'_, str> {
        "netListener".into()
    }

    /// Stops the kernel accepting at once: the socket itself closes only when the cancelled
    /// accept lets go of it, and a connection arriving in between would be reset, not refused.
    fn close(self: Rc<Self>) {
        // SAFETY: the fd belongs to this listener, which is still alive.
        unsafe { libc::shutdown(self.fd, libc::SHUT_RDWR) };
        self.cancel.cancel();
    }
}

fn add_listener(state: &mut OpState, socket: Socket) -> ResourceId {
    let fd = match &socket {
        Socket::Tcp(tcp) => tcp.as_raw_fd(),
        Socket::Unix(unix) => unix.as_raw_fd(),
    };
    state.resource_table.add(Listener { socket: AsyncRefCell::new(socket), cancel: CancelHandle::new(), fd })
}

/// Listens on `ip:port` (port 0 picks a free one) for `net.Server`.
#[op2]
#[serde]
pub fn op_net_listen_tcp(
    state: &mut OpState,
    #[string] ip: String,
    #[smi] port: u16,
    #[smi] backlog: u32,
    reuse_port: bool,
) -> Result<Opened, JsErrorBox> {
    let listener = listen_tcp(&ip, port, backlog, reuse_port)?;
    let local = listener.local_addr().map(Endpoint::from).unwrap_or_default();
    let rid = add_listener(state, Socket::Tcp(listener));
    Ok(Opened { rid, local, remote: Endpoint::default() })
}

/// A listening TCP socket on `ip:port` (an IP literal; JS resolves names first), with
/// SO_REUSEADDR as Node sets it, and SO_REUSEPORT for cluster workers sharing a port. Node
/// reports bind failures under the `listen` syscall, so this does too. Shared with http.
pub(crate) fn listen_tcp(ip: &str, port: u16, backlog: u32, reuse_port: bool) -> Result<TcpListener, JsErrorBox> {
    let ip: IpAddr = ip.parse().map_err(|_| JsErrorBox::generic(format!("{} listen", libc::EINVAL)))?;
    let address = SocketAddr::new(ip, port);
    let listen = || -> io::Result<TcpListener> {
        let socket = if address.is_ipv4() { TcpSocket::new_v4()? } else { TcpSocket::new_v6()? };
        socket.set_reuseaddr(true)?;
        #[cfg(unix)]
        if reuse_port {
            socket.set_reuseport(true)?;
        }
        socket.bind(address)?;
        socket.listen(backlog)
    };
    listen().map_err(|err| io_error_at(&err, "listen", &address))
}

#[op2]
#[serde]
pub fn op_net_listen_unix(state: &mut OpState, #[string] path: String) -> Result<Opened, JsErrorBox> {
    let listener = UnixListener::bind(&path).map_err(|err| io_error(&err, "listen"))?;
    let rid = add_listener(state, Socket::Unix(listener));
    Ok(Opened { rid, local: unix_endpoint(Some(path.as_ref())), remote: Endpoint::default() })
}

/// Waits for the next connection on a listener.
#[op2]
#[serde]
pub async fn op_net_accept(state: Rc<RefCell<OpState>>, #[smi] rid: ResourceId) -> Result<Opened, JsErrorBox> {
    let listener = state
        .borrow()
        .resource_table
        .get::<Listener>(rid)
        .map_err(|_| JsErrorBox::generic(format!("{} accept", libc::EBADF)))?;
    let socket = RcRef::map(&listener, |l| &l.socket).borrow().await;
    let cancel = RcRef::map(&listener, |l| &l.cancel);
    let accepted = match &*socket {
        Socket::Tcp(tcp) => tcp.accept().try_or_cancel(cancel).await.map(|(stream, peer)| {
            let local = stream.local_addr().map(Endpoint::from).unwrap_or_default();
            (Connection::tcp(stream), local, Endpoint::from(peer))
        }),
        Socket::Unix(unix) => unix.accept().try_or_cancel(cancel).await.map(|(stream, _)| {
            let local = stream.local_addr().ok().and_then(|a| a.as_pathname().map(unix_endpoint_owned));
            (Connection::unix(stream), local.unwrap_or_default(), Endpoint::default())
        }),
    };
    let (conn, local, remote) = accepted.map_err(|err| match err.kind() {
        io::ErrorKind::Interrupted => JsErrorBox::generic(format!("{} accept", libc::ECANCELED)),
        _ => io_error(&err, "accept"),
    })?;
    let rid = state.borrow_mut().resource_table.add(conn);
    Ok(Opened { rid, local, remote })
}

fn unix_endpoint_owned(path: &std::path::Path) -> Endpoint {
    unix_endpoint(Some(path))
}
