//! What the http client needs: hyper's HTTP/1.1 client on one connection per socket of an
//! `http.Agent` (JS decides which connection a request uses and when one is reused), a request
//! sent on it, and its response head. Bodies go through the shared exchange ops of `http.rs`.

use std::cell::RefCell;
use std::rc::Rc;

use bytes::Bytes;
use deno_core::{op2, JsBuffer, OpState, Resource, ResourceId};
use deno_error::JsErrorBox;
use hyper::body::{Body, Incoming};
use hyper::client::conn::http1::SendRequest;
use hyper::{Method, Request};
use hyper_util::rt::TokioIo;
use serde::Serialize;
use tokio::sync::oneshot;

use super::http::{exchanges, fill_headers, flatten_headers, gone, Exchange, OutgoingBody};
use super::net::{connect_tcp, endpoints, Endpoint, Opened};
use super::tls;

pub struct ClientConnection {
    sender: RefCell<SendRequest<OutgoingBody>>,
    task: tokio::task::AbortHandle,
}

impl Resource for ClientConnection {
    fn name(&self) -> std::borrow::Cow<'_, str> {
        "httpClientConnection".into()
    }

    fn close(self: Rc<Self>) {
        self.task.abort();
    }
}

fn hang_up(detail: impl std::fmt::Display) -> JsErrorBox {
    JsErrorBox::generic(format!("ECONNRESET {detail}"))
}

/// Opens a connection to `host:port`, through TLS when `tls` is given (https), and starts
/// hyper's client on it.
#[op2]
#[serde]
pub async fn op_http_client_connect(
    state: Rc<RefCell<OpState>>,
    #[string] host: String,
    #[smi] port: u16,
    #[serde] tls: Option<tls::ClientOptions>,
) -> Result<Opened, JsErrorBox> {
    let stream = connect_tcp(&host, port).await?;
    let _ = stream.set_nodelay(true);
    let (local, remote) = endpoints(&stream);
    let (sender, task) = match tls {
        None => start_client(stream).await?,
        Some(options) => start_client(tls::connect(stream, &host, &options).await?).await?,
    };
    let rid = state.borrow_mut().resource_table.add(ClientConnection { sender: RefCell::new(sender), task });
    Ok(Opened { rid, local, remote })
}

/// Opens a connection to a Unix socket (Node's `socketPath` option, e.g. Docker's API) and
/// starts hyper's client on it.
#[op2]
#[serde]
pub async fn op_http_client_connect_unix(state: Rc<RefCell<OpState>>, #[string] path: String) -> Result<Opened, JsErrorBox> {
    let stream = tokio::net::UnixStream::connect(&path)
        .await
        .map_err(|err| JsErrorBox::generic(format!("{} connect", err.raw_os_error().unwrap_or(libc::EIO))))?;
    let (sender, task) = start_client(stream).await?;
    let rid = state.borrow_mut().resource_table.add(ClientConnection { sender: RefCell::new(sender), task });
    Ok(Opened { rid, local: Endpoint::default(), remote: Endpoint::default() })
}

async fn start_client<I>(io: I) -> Result<(SendRequest<OutgoingBody>, tokio::task::AbortHandle), JsErrorBox>
where
    I: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + 'static,
{
    let (sender, connection) = hyper::client::conn::http1::Builder::new()
        .title_case_headers(true)
        .handshake(TokioIo::new(io))
        .await
        .map_err(hang_up)?;
    let task = deno_core::unsync::spawn(async move {
        let _ = connection.await;
    });
    Ok((sender, task.abort_handle()))
}

/// Whether a kept-alive connection can take another request (the server may have closed it).
#[op2(fast)]
pub fn op_http_client_usable(state: &mut OpState, #[smi] rid: ResourceId) -> bool {
    state.resource_table.get::<ClientConnection>(rid).is_ok_and(|c| c.sender.borrow().is_ready())
}

/// Sends a request's head, and its whole body unless `streamed`; returns the exchange's id,
/// through which JS streams the body and then waits for the response.
#[op2]
#[smi]
pub fn op_http_client_request(
    state: &mut OpState,
    #[smi] rid: ResourceId,
    #[string] method: String,
    #[string] path: String,
    #[string] headers: &str,
    #[buffer] body: JsBuffer,
    streamed: bool,
) -> Result<u32, JsErrorBox> {
    let connection = state.resource_table.get::<ClientConnection>(rid).map_err(|_| hang_up("socket hang up"))?;
    let (body, outgoing) = OutgoingBody::new(Bytes::copy_from_slice(&body), streamed);
    let mut request = Request::new(body);
    *request.method_mut() = Method::from_bytes(method.as_bytes()).map_err(|_| JsErrorBox::type_error("invalid method"))?;
    *request.uri_mut() = path.parse().map_err(|_| JsErrorBox::type_error("invalid path"))?;
    fill_headers(request.headers_mut(), headers)?;
    let sending = connection.sender.borrow_mut().send_request(request);
    let (deliver, response) = oneshot::channel();
    deno_core::unsync::spawn(async move {
        let _ = deliver.send(sending.await);
    });
    Ok(exchanges(state).open(Exchange { outgoing, response: Some(response), ..Exchange::default() }))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseHead {
    status: u16,
    reason: String,
    version: &'static str,
    headers: String,
    has_body: bool,
}

/// Waits for the response's head; its body is then read with `op_http_read_body`.
#[op2]
#[serde]
pub async fn op_http_client_response(state: Rc<RefCell<OpState>>, #[smi] id: u32) -> Result<ResponseHead, JsErrorBox> {
    let pending = {
        let mut state = state.borrow_mut();
        let exchange = exchanges(&mut state).open.get_mut(&id).ok_or_else(gone)?;
        exchange.awaiting_head = true;
        exchange.response.take().ok_or_else(gone)?
    };
    let response = match pending.await {
        Ok(Ok(response)) => response,
        failed => {
            exchanges(&mut state.borrow_mut()).open.remove(&id);
            return Err(match failed {
                Ok(Err(err)) => hang_up(err),
                _ => hang_up("socket hang up"),
            });
        }
    };
    let (parts, body): (_, Incoming) = response.into_parts();
    let has_body = !body.is_end_stream();
    {
        let mut state = state.borrow_mut();
        let exchanges = exchanges(&mut state);
        if let Some(exchange) = exchanges.open.get_mut(&id) {
            exchange.awaiting_head = false;
            exchange.incoming = has_body.then_some(body);
            if exchange.is_settled() {
                exchanges.open.remove(&id);
            }
        }
    }
    let reason = parts
        .extensions
        .get::<hyper::ext::ReasonPhrase>()
        .map(|phrase| String::from_utf8_lossy(phrase.as_bytes()).into_owned())
        .or_else(|| parts.status.canonical_reason().map(str::to_owned))
        .unwrap_or_default();
    let version = if parts.version == hyper::Version::HTTP_10 { "1.0" } else { "1.1" };
    Ok(ResponseHead { status: parts.status.as_u16(), reason, version, headers: flatten_headers(&parts.headers), has_body })
}
