//! Compression streams for `zlib`, done by the `flate2` crate (its pure-Rust backend) and, for
//! brotli, the `brotli` crate.
//!
//! Each JS stream owns one entry of a table in `OpState`, keyed by a number. `flate2`'s rust
//! backend only speaks zlib and raw deflate at the low level, so the gzip wrapper (a small
//! header and a CRC-32/length trailer) is written and checked here. Failures come back as
//! errors whose message is zlib's own text; the JS side adds Node's `code` and `errno`.

use std::collections::HashMap;
use std::io::Write;

use deno_core::{op2, OpState};
use deno_error::JsErrorBox;
use flate2::{Compress, Compression, Crc, Decompress, FlushCompress, FlushDecompress, Status};

// Modes, numbered as in Node's `zlib.constants` (DEFLATE = 1 ... UNZIP = 7).
const DEFLATE: u32 = 1;
const INFLATE: u32 = 2;
const GZIP: u32 = 3;
const GUNZIP: u32 = 4;
const DEFLATERAW: u32 = 5;
const INFLATERAW: u32 = 6;
const UNZIP: u32 = 7;
const BROTLI_DECODE: u32 = 8;
const BROTLI_ENCODE: u32 = 9;

// Flush values, as in `zlib.constants`.
const Z_SYNC_FLUSH: u32 = 2;
const Z_FULL_FLUSH: u32 = 3;
const Z_FINISH: u32 = 4;

/// Output grows by this much whenever the (de)compressor fills what it has.
const CHUNK: usize = 16 * 1024;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

fn zerr(message: &str) -> JsErrorBox {
    JsErrorBox::generic(message.to_string())
}

#[derive(Default)]
struct ZlibTable {
    next_id: u32,
    streams: HashMap<u32, Stream>,
}

enum Stream {
    Deflate(Deflater),
    Inflate(Inflater),
    // Boxed: the brotli states are kilobytes large, the flate2 ones a few pointers.
    BrotliEncode(Box<BrotliEncoder>),
    BrotliDecode(Box<BrotliDecoder>),
}

// ---------------------------------------------------------------------------------------------
// Compression.

struct Deflater {
    compress: Compress,
    /// Gzip state: the header is still to be written, and the running checksum of the input.
    gzip: Option<(bool, Crc)>,
    level: u32,
    finished: bool,
}

impl Deflater {
    fn new(mode: u32, level: i32) -> Deflater {
        let level = if (0..=9).contains(&level) { level as u32 } else { 6 };
        let compress = Compress::new(Compression::new(level), mode == DEFLATE);
        let gzip = (mode == GZIP).then(|| (true, Crc::new()));
        Deflater { compress, gzip, level, finished: false }
    }

    fn write(&mut self, input: &[u8], flush: u32) -> Result<Vec<u8>, JsErrorBox> {
        let mut out = Vec::new();
        if self.finished {
            return Ok(out);
        }
        if let Some((header_pending, crc)) = &mut self.gzip {
            if *header_pending {
                out.extend_from_slice(&gzip_header(self.level));
                *header_pending = false;
            }
            crc.update(input);
        }
        let mode = match flush {
            Z_SYNC_FLUSH => FlushCompress::Sync,
            Z_FULL_FLUSH => FlushCompress::Full,
            Z_FINISH => FlushCompress::Finish,
            _ => FlushCompress::None,
        };
        let mut pos = 0;
        loop {
            out.reserve(CHUNK);
            let before = self.compress.total_in();
            let status = self
                .compress
                .compress_vec(&input[pos..], &mut out, mode)
                .map_err(|_| zerr("stream error"))?;
            pos += (self.compress.total_in() - before) as usize;
            if status == Status::StreamEnd {
                self.finished = true;
                break;
            }
            if pos == input.len() && out.len() < out.capacity() && flush != Z_FINISH {
                break;
            }
        }
        if self.finished {
            if let Some((_, crc)) = &self.gzip {
                out.extend_from_slice(&crc.sum().to_le_bytes());
                out.extend_from_slice(&crc.amount().to_le_bytes());
            }
        }
        Ok(out)
    }
}

/// A gzip member header as zlib writes it: no name, no time, the level hint, OS = Unix.
fn gzip_header(level: u32) -> [u8; 10] {
    let xfl = match level {
        9 => 2,
        0 | 1 => 4,
        _ => 0,
    };
    [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3]
}

// ---------------------------------------------------------------------------------------------
// Decompression.

#[derive(PartialEq)]
enum Format {
    Zlib,
    Raw,
    Gzip,
    /// Gzip or zlib, chosen by the first two bytes.
    Auto,
}

enum Phase {
    /// Collecting the bytes of a header before the body can be decoded.
    Header(Vec<u8>),
    Body,
    /// Collecting a gzip member's 8-byte trailer.
    Trailer(Vec<u8>),
    Done,
}

struct Inflater {
    format: Format,
    decompress: Decompress,
    crc: Crc,
    phase: Phase,
    /// How many gzip members have been decoded; after one, a stray byte may end the input.
    members: u32,
}

impl Inflater {
    fn new(mode: u32) -> Inflater {
        let format = match mode {
            INFLATE => Format::Zlib,
            INFLATERAW => Format::Raw,
            GUNZIP => Format::Gzip,
            _ => Format::Auto,
        };
        let phase = if format == Format::Raw { Phase::Body } else { Phase::Header(Vec::new()) };
        Inflater { format, decompress: Decompress::new(false), crc: Crc::new(), phase, members: 0 }
    }

    fn write(&mut self, input: &[u8], flush: u32) -> Result<Vec<u8>, JsErrorBox> {
        let mut out = Vec::new();
        // Bytes held back from an incomplete header come first.
        let data = match &mut self.phase {
            Phase::Header(held) => {
                let mut data = std::mem::take(held);
                data.extend_from_slice(input);
                data
            }
            _ => input.to_vec(),
        };
        let mut pos = 0;
        loop {
            let rest = &data[pos..];
            match &mut self.phase {
                Phase::Done => break,
                Phase::Header(_) => match self.parse_header(rest)? {
                    Some(skip) => {
                        pos += skip;
                        self.phase = Phase::Body;
                    }
                    None => {
                        self.phase = Phase::Header(rest.to_vec());
                        break;
                    }
                },
                Phase::Body => {
                    pos += self.run_body(rest, &mut out)?;
                    if matches!(self.phase, Phase::Body) {
                        break;
                    }
                }
                Phase::Trailer(buf) => {
                    let take = (8 - buf.len()).min(rest.len());
                    buf.extend_from_slice(&rest[..take]);
                    pos += take;
                    if buf.len() < 8 {
                        break;
                    }
                    self.check_trailer()?;
                    // Another member may follow. Zero padding after a member is ignored, as
                    // zlib does; other bytes must be a valid member header.
                    self.phase = if data[pos..].iter().any(|&b| b != 0) {
                        self.decompress = Decompress::new(false);
                        self.crc = Crc::new();
                        Phase::Header(Vec::new())
                    } else {
                        Phase::Done
                    };
                }
            }
        }
        if flush == Z_FINISH && !self.complete() {
            return Err(zerr("unexpected end of file"));
        }
        Ok(out)
    }

    /// Whether the input so far ends at a point where the stream may end.
    fn complete(&self) -> bool {
        match &self.phase {
            Phase::Done => true,
            // A lone first byte after a whole gzip member is trailing garbage, not a member.
            Phase::Header(held) => self.members > 0 && held.len() < 2,
            _ => false,
        }
    }

    /// Checks the header at the start of `data`: `None` while it is incomplete, otherwise how
    /// many bytes to skip before the compressed body.
    fn parse_header(&mut self, data: &[u8]) -> Result<Option<usize>, JsErrorBox> {
        if data.len() < 2 {
            return Ok(None);
        }
        if self.format == Format::Auto {
            self.format = if data[..2] == GZIP_MAGIC { Format::Gzip } else { Format::Zlib };
        }
        if self.format == Format::Zlib {
            check_zlib_header(data[0], data[1])?;
            self.decompress = Decompress::new(true);
            return Ok(Some(0));
        }
        parse_gzip_header(data)
    }

    /// Decodes from `input` into `out`; returns how many input bytes were used.
    fn run_body(&mut self, input: &[u8], out: &mut Vec<u8>) -> Result<usize, JsErrorBox> {
        let mut pos = 0;
        loop {
            out.reserve(CHUNK);
            let (before_in, before_out) = (self.decompress.total_in(), out.len());
            let status = self
                .decompress
                .decompress_vec(&input[pos..], out, FlushDecompress::None)
                .map_err(|_| self.data_error())?;
            pos += (self.decompress.total_in() - before_in) as usize;
            if self.format == Format::Gzip {
                self.crc.update(&out[before_out..]);
            }
            if status == Status::StreamEnd {
                self.phase = if self.format == Format::Gzip {
                    self.members += 1;
                    Phase::Trailer(Vec::new())
                } else {
                    Phase::Done
                };
                return Ok(pos);
            }
            let stalled = self.decompress.total_in() == before_in && out.len() == before_out;
            if stalled || (pos == input.len() && out.len() < out.capacity()) {
                return Ok(pos);
            }
        }
    }

    fn data_error(&self) -> JsErrorBox {
        if self.format == Format::Zlib && self.decompress.total_out() > 0 {
            // The only failure after output began that zlib streams commonly show.
            return zerr("incorrect data check");
        }
        zerr("invalid block type")
    }

    fn check_trailer(&self) -> Result<(), JsErrorBox> {
        let Phase::Trailer(buf) = &self.phase else { return Ok(()) };
        let crc = u32::from_le_bytes([buf[0], buf[1], buf[2], buf[3]]);
        let size = u32::from_le_bytes([buf[4], buf[5], buf[6], buf[7]]);
        if crc != self.crc.sum() {
            return Err(zerr("incorrect data check"));
        }
        if size != self.crc.amount() {
            return Err(zerr("incorrect length check"));
        }
        Ok(())
    }
}

/// Validates a zlib header's two bytes the way zlib does, with its messages.
fn check_zlib_header(cmf: u8, flg: u8) -> Result<(), JsErrorBox> {
    if (u16::from(cmf) * 256 + u16::from(flg)) % 31 != 0 {
        return Err(zerr("incorrect header check"));
    }
    if cmf & 0x0f != 8 {
        return Err(zerr("unknown compression method"));
    }
    if (cmf >> 4) > 7 {
        return Err(zerr("invalid window size"));
    }
    if flg & 0x20 != 0 {
        return Err(zerr("Missing dictionary"));
    }
    Ok(())
}

/// Parses a gzip member header (RFC 1952): `None` while incomplete, else its length.
fn parse_gzip_header(data: &[u8]) -> Result<Option<usize>, JsErrorBox> {
    if data[..2] != GZIP_MAGIC {
        return Err(zerr("incorrect header check"));
    }
    if data.len() < 10 {
        return Ok(None);
    }
    if data[2] != 8 {
        return Err(zerr("unknown compression method"));
    }
    let flags = data[3];
    if flags & 0xe0 != 0 {
        return Err(zerr("unknown header flags set"));
    }
    let mut pos = 10;
    if flags & 0x04 != 0 {
        // FEXTRA: a two-byte length, then that many bytes.
        let Some(len) = data.get(pos..pos + 2) else { return Ok(None) };
        pos += 2 + usize::from(u16::from_le_bytes([len[0], len[1]]));
    }
    for flag in [0x08, 0x10] {
        // FNAME and FCOMMENT: zero-terminated strings.
        if flags & flag != 0 {
            let Some(rest) = data.get(pos..) else { return Ok(None) };
            let Some(end) = rest.iter().position(|&b| b == 0) else { return Ok(None) };
            pos += end + 1;
        }
    }
    if flags & 0x02 != 0 {
        pos += 2; // FHCRC
    }
    Ok(if pos <= data.len() { Some(pos) } else { None })
}

// ---------------------------------------------------------------------------------------------
// Brotli, by the `brotli` crate's writer adapters over a Vec that is drained after each call.

struct BrotliEncoder {
    /// `None` once finished: the crate only finishes a stream by consuming the writer.
    writer: Option<brotli::CompressorWriter<Vec<u8>>>,
}

impl BrotliEncoder {
    fn new(quality: i32) -> BrotliEncoder {
        let quality = if (0..=11).contains(&quality) { quality as u32 } else { 11 };
        BrotliEncoder { writer: Some(brotli::CompressorWriter::new(Vec::new(), CHUNK, quality, 22)) }
    }

    fn write(&mut self, input: &[u8], flush: u32) -> Result<Vec<u8>, JsErrorBox> {
        let Some(writer) = self.writer.as_mut() else { return Ok(Vec::new()) };
        writer.write_all(input).map_err(|_| zerr("Compression failed"))?;
        if flush == Z_FINISH {
            return Ok(self.writer.take().map(|w| w.into_inner()).unwrap_or_default());
        }
        if flush != 0 {
            writer.flush().map_err(|_| zerr("Compression failed"))?;
        }
        Ok(std::mem::take(writer.get_mut()))
    }
}

struct BrotliDecoder {
    writer: brotli::DecompressorWriter<Vec<u8>>,
    done: bool,
}

impl BrotliDecoder {
    fn new() -> BrotliDecoder {
        BrotliDecoder { writer: brotli::DecompressorWriter::new(Vec::new(), CHUNK), done: false }
    }

    fn write(&mut self, input: &[u8], flush: u32) -> Result<Vec<u8>, JsErrorBox> {
        if self.done {
            return Ok(Vec::new());
        }
        self.writer.write_all(input).map_err(|_| zerr("Decompression failed"))?;
        if flush == Z_FINISH {
            self.done = true;
            self.writer.close().map_err(|_| zerr("unexpected end of file"))?;
        }
        Ok(std::mem::take(self.writer.get_mut()))
    }
}

// ---------------------------------------------------------------------------------------------
// Ops.

fn table(state: &mut OpState) -> &mut ZlibTable {
    if !state.has::<ZlibTable>() {
        state.put(ZlibTable::default());
    }
    state.borrow_mut::<ZlibTable>()
}

fn new_stream(mode: u32, level: i32) -> Result<Stream, JsErrorBox> {
    match mode {
        DEFLATE | GZIP | DEFLATERAW => Ok(Stream::Deflate(Deflater::new(mode, level))),
        INFLATE | GUNZIP | INFLATERAW | UNZIP => Ok(Stream::Inflate(Inflater::new(mode))),
        BROTLI_ENCODE => Ok(Stream::BrotliEncode(Box::new(BrotliEncoder::new(level)))),
        BROTLI_DECODE => Ok(Stream::BrotliDecode(Box::new(BrotliDecoder::new()))),
        _ => Err(JsErrorBox::type_error(format!("unknown zlib mode {mode}"))),
    }
}

fn write_stream(stream: &mut Stream, input: &[u8], flush: u32) -> Result<Vec<u8>, JsErrorBox> {
    match stream {
        Stream::Deflate(d) => d.write(input, flush),
        Stream::Inflate(i) => i.write(input, flush),
        Stream::BrotliEncode(e) => e.write(input, flush),
        Stream::BrotliDecode(d) => d.write(input, flush),
    }
}

/// Creates a stream for `mode` (a `zlib.constants` DEFLATE..UNZIP value); returns its id.
#[op2(fast)]
pub fn op_zlib_new(state: &mut OpState, mode: u32, level: i32) -> Result<u32, JsErrorBox> {
    let stream = new_stream(mode, level)?;
    let table = table(state);
    table.next_id += 1;
    table.streams.insert(table.next_id, stream);
    Ok(table.next_id)
}

/// Feeds `input` with a zlib flush value; returns the output it produced.
#[op2]
#[buffer]
pub fn op_zlib_write(
    state: &mut OpState,
    id: u32,
    #[buffer] input: &[u8],
    flush: u32,
) -> Result<Vec<u8>, JsErrorBox> {
    let stream = table(state).streams.get_mut(&id).ok_or_else(|| zerr("zlib binding closed"))?;
    write_stream(stream, input, flush)
}

#[op2(fast)]
pub fn op_zlib_close(state: &mut OpState, id: u32) {
    table(state).streams.remove(&id);
}

/// The whole of a convenience call (`deflateSync` ...) in one go; `flush` is its `finishFlush`.
#[op2]
#[buffer]
pub fn op_zlib_oneshot(
    mode: u32,
    level: i32,
    flush: u32,
    #[buffer] input: &[u8],
) -> Result<Vec<u8>, JsErrorBox> {
    let mut stream = new_stream(mode, level)?;
    write_stream(&mut stream, input, flush)
}
