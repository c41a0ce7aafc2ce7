// `stream/consumers`: read a whole stream (or async iterable) into text, JSON or bytes.
'use strict';
const { Buffer } = require('buffer');

async function collectBytes(stream) {
  const chunks = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return chunks;
}

async function buffer(stream) {
  return Buffer.concat(await collectBytes(stream));
}

async function arrayBuffer(stream) {
  const bytes = await buffer(stream);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

async function text(stream) {
  const decoder = new (require('internal/encoding').TextDecoder)();
  let result = '';
  for await (const chunk of stream) {
    result += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  return result + decoder.decode();
}

async function json(stream) {
  return JSON.parse(await text(stream));
}

async function blob(stream) {
  const { Blob } = require('buffer');
  return new Blob(await collectBytes(stream));
}

module.exports = { arrayBuffer, blob, buffer, text, json };
