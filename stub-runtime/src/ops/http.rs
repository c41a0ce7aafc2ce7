//! What the HTTP server and client share: exchanges (one request and its response, known to
//! JS by id), bodies going out (whole or streamed) and coming in, and header conversion.
//!
//! On the server an exchange reads the request's body and writes the response's; on the client
//! it writes the request's body and reads the response's. `op_http_read_body`,
//! `op_http_write` and `op_http_end` serve both.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::convert::Infallible;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll};

use bytes::Bytes;
use deno_core::{op2, JsBuffer, OpState};
use deno_error::JsErrorBox;
use http_body_util::BodyExt;
use hyper::body::{Body, Frame, Incoming, SizeHint};
use hyper::header::{HeaderName, HeaderValue};
use hyper::{HeaderMap, Response};
use tokio::sync::{mpsc, oneshot};

/// A body hyper can send: all at once (hyper then writes Content-Length), or streamed from JS
/// through a bounded channel (chunked encoding unless JS set a length), which makes a slow peer
/// push back on JS's writes.
pub enum OutgoingBody {
    Whole(Option<Bytes>),
    Streamed(mpsc::Receiver<Frame<Bytes>>),
}

/// Frames a streamed body may queue before JS's next write waits.
const STREAM_QUEUE: usize = 16;

impl OutgoingBody {
    /// A body: whole, or streamed starting with `first`, its sender returned for later writes.
    pub fn new(first: Bytes, streamed: bool) -> (OutgoingBody, Option<mpsc::Sender<Frame<Bytes>>>) {
        if !streamed {
            return (OutgoingBody::Whole((!first.is_empty()).then_some(first)), None);
        }
        let (sender, frames) = mpsc::channel(STREAM_QUEUE);
        if !first.is_empty() {
            let _ = sender.try_send(Frame::data(first));
        }
        (OutgoingBody::Streamed(frames), Some(sender))
    }
}

impl Body for OutgoingBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        match self.get_mut() {
            OutgoingBody::Whole(bytes) => Poll::Ready(bytes.take().map(|bytes| Ok(Frame::data(bytes)))),
            OutgoingBody::Streamed(frames) => frames.poll_recv(cx).map(|frame| frame.map(Ok)),
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, OutgoingBody::Whole(None))
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            OutgoingBody::Whole(bytes) => SizeHint::with_exact(bytes.as_ref().map_or(0, |b| b.len() as u64)),
            OutgoingBody::Streamed(_) => SizeHint::default(),
        }
    }
}

/// Exchanges JS holds, by id.
#[derive(Default)]
pub struct Exchanges {
    next_id: u32,
    pub open: HashMap<u32, Exchange>,
    /// Trailers of bodies read to their end, "name\nvalue..." until JS takes them (the
    /// exchange itself may be over by then).
    trailers: HashMap<u32, String>,
}

#[derive(Default)]
pub struct Exchange {
    /// The body being received, until JS has read it all.
    pub incoming: Option<Incoming>,
    /// The way to the peer for a streamed body JS is writing.
    pub outgoing: Option<mpsc::Sender<Frame<Bytes>>>,
    /// Server side: where the response goes once JS has made it.
    pub respond: Option<oneshot::Sender<Response<OutgoingBody>>>,
    /// Client side: the response head, once the server has sent it.
    pub response: Option<oneshot::Receiver<hyper::Result<Response<Incoming>>>>,
    /// Client side: JS is waiting for the response head (`response` is taken by then).
    pub awaiting_head: bool,
    /// Server side: told when the request's body has all arrived.
    pub body_done: Option<Rc<Cell<bool>>>,
}

impl Exchange {
    /// Nothing is left to send or receive.
    pub fn is_settled(&self) -> bool {
        self.incoming.is_none()
            && self.outgoing.is_none()
            && self.respond.is_none()
            && self.response.is_none()
            && !self.awaiting_head
    }
}

impl Exchanges {
    pub fn open(&mut self, exchange: Exchange) -> u32 {
        self.next_id = self.next_id.wrapping_add(1);
        self.open.insert(self.next_id, exchange);
        self.next_id
    }
}

pub fn exchanges(state: &mut OpState) -> &mut Exchanges {
    if !state.has::<Exchanges>() {
        state.put(Exchanges::default());
    }
    state.borrow_mut::<Exchanges>()
}

pub fn gone() -> JsErrorBox {
    JsErrorBox::generic("the HTTP exchange is over")
}

/// Headers cross between Rust and JS as one text, "name\nvalue\nname\nvalue...": one string
/// is far cheaper for the engine than an array of them, and neither names nor (validated)
/// values can hold a line feed. Names are as hyper stores them (lower case); values are latin1,
/// as Node reads header bytes.
pub fn flatten_headers(headers: &HeaderMap) -> String {
    let mut text = String::with_capacity(headers.len() * 32);
    for (name, value) in headers {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(name.as_str());
        text.push('\n');
        text.extend(value.as_bytes().iter().map(|&b| b as char));
    }
    text
}

/// Fills a header map from JS's "name\nvalue\n..." text.
pub fn fill_headers(map: &mut HeaderMap, text: &str) -> Result<(), JsErrorBox> {
    if text.is_empty() {
        return Ok(());
    }
    let mut lines = text.split('\n');
    while let (Some(name), Some(value)) = (lines.next(), lines.next()) {
        let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| JsErrorBox::type_error("invalid header name"))?;
        let value = header_value(value).map_err(|_| JsErrorBox::type_error("invalid header value"))?;
        map.append(name, value);
    }
    Ok(())
}

/// A header value from JS text, whose characters stand for latin1 bytes. Most values are ASCII
/// and are taken as they are; the others are turned into their bytes first.
fn header_value(text: &str) -> Result<HeaderValue, hyper::header::InvalidHeaderValue> {
    if text.is_ascii() {
        return HeaderValue::from_str(text);
    }
    let bytes: Vec<u8> = text.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect();
    HeaderValue::from_bytes(&bytes)
}

/// The next piece of the incoming body; empty at its end.
#[op2]
#[buffer]
pub async fn op_http_read_body(state: Rc<RefCell<OpState>>, #[smi] id: u32) -> Result<Vec<u8>, JsErrorBox> {
    let Some(mut body) = exchanges(&mut state.borrow_mut()).open.get_mut(&id).and_then(|e| e.incoming.take()) else {
        return Ok(Vec::new());
    };
    loop {
        match body.frame().await {
            None => {
                let mut state = state.borrow_mut();
                let exchanges = exchanges(&mut state);
                if let Some(exchange) = exchanges.open.get(&id) {
                    if let Some(done) = &exchange.body_done {
                        done.set(true);
                    }
                    if exchange.is_settled() {
                        exchanges.open.remove(&id);
                    }
                }
                return Ok(Vec::new());
            }
            Some(Err(err)) => return Err(JsErrorBox::generic(format!("ECONNRESET {err}"))),
            Some(Ok(frame)) => {
                let data = match frame.into_data() {
                    Ok(data) => data,
                    Err(frame) => {
                        if let Ok(trailers) = frame.into_trailers() {
                            exchanges(&mut state.borrow_mut()).trailers.insert(id, flatten_headers(&trailers));
                        }
                        continue;
                    }
                };
                if data.is_empty() {
                    continue;
                }
                if let Some(exchange) = exchanges(&mut state.borrow_mut()).open.get_mut(&id) {
                    exchange.incoming = Some(body);
                }
                return Ok(data.to_vec());
            }
        }
    }
}

/// Writes a piece of a streamed body, waiting while the peer is behind.
#[op2]
pub async fn op_http_write(state: Rc<RefCell<OpState>>, #[smi] id: u32, #[buffer] chunk: JsBuffer) -> Result<(), JsErrorBox> {
    let sender = exchanges(&mut state.borrow_mut()).open.get(&id).and_then(|e| e.outgoing.clone()).ok_or_else(gone)?;
    sender.send(Frame::data(Bytes::copy_from_slice(&chunk))).await.map_err(|_| gone())
}

/// Ends a streamed body, with trailers if any (name, value, ...). The exchange stays open
/// while its incoming body or (client side) its response is still to come.
#[op2(fast)]
pub fn op_http_end(state: &mut OpState, #[smi] id: u32, #[string] trailers: &str) -> Result<(), JsErrorBox> {
    let exchanges = exchanges(state);
    let exchange = exchanges.open.get_mut(&id).ok_or_else(gone)?;
    if let Some(sender) = exchange.outgoing.take() {
        if !trailers.is_empty() {
            let mut map = HeaderMap::new();
            fill_headers(&mut map, trailers)?;
            let _ = sender.try_send(Frame::trailers(map));
        }
    }
    if exchange.is_settled() {
        exchanges.open.remove(&id);
    }
    Ok(())
}

/// Forgets an exchange JS is done with or gives up on; hyper then drops what is unfinished.
#[op2(fast)]
pub fn op_http_close_exchange(state: &mut OpState, #[smi] id: u32) {
    let exchanges = exchanges(state);
    exchanges.open.remove(&id);
    exchanges.trailers.remove(&id);
}

/// The trailers that ended a body JS has read to its end ("name\nvalue..."), empty if none.
#[op2]
#[string]
pub fn op_http_take_trailers(state: &mut OpState, #[smi] id: u32) -> String {
    exchanges(state).trailers.remove(&id).unwrap_or_default()
}
