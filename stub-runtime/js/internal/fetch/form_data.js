// FormData (an ordered list of name/value entries, values being strings or Files), its
// multipart/form-data encoding for request bodies, and parsing a body back into a FormData
// (application/x-www-form-urlencoded or multipart/form-data) for `formData()`.
'use strict';
const { Blob, File } = require('buffer');
const encoding = require('internal/encoding');
const {
  customInspect, illegalInvocation, requireArgs, definePairIterable, enumerableMembers, defineToStringTag, inspectAs,
} = require('internal/fetch/webidl');

// Each FormData's entries: [name, value] pairs.
const entryLists = new WeakMap();

function entriesOf(formData) {
  const entries = entryLists.get(formData);
  if (entries === undefined) throw illegalInvocation();
  return entries;
}

/** A USVString: lone surrogates become U+FFFD. */
function toUSVString(value) {
  return `${value}`.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** The entry a value makes: a string, or a File (a plain Blob is named "blob"). */
function makeEntry(name, value, filename, method, argCount) {
  if (argCount > 2 && !(value instanceof Blob)) {
    throw new TypeError(`Failed to execute '${method}' on 'FormData': parameter 2 is not of type 'Blob'`);
  }
  name = toUSVString(name);
  if (!(value instanceof Blob)) return [name, toUSVString(value)];
  if (value instanceof File && filename === undefined) return [name, value];
  const fileName = filename !== undefined ? toUSVString(filename) : value instanceof File ? value.name : 'blob';
  const options = { type: value.type };
  if (value instanceof File) options.lastModified = value.lastModified;
  return [name, new File([value], fileName, options)];
}

class FormData {
  constructor(form) {
    if (form !== undefined) {
      throw new TypeError('FormData constructor: Argument 1 could not be converted to: undefined.');
    }
    entryLists.set(this, []);
  }

  append(name, value, filename = undefined) {
    const entries = entriesOf(this);
    requireArgs(arguments.length, 2, 'FormData.append');
    entries.push(makeEntry(name, value, filename, 'append', arguments.length));
  }

  delete(name) {
    const entries = entriesOf(this);
    requireArgs(arguments.length, 1, 'FormData.delete');
    name = toUSVString(name);
    entryLists.set(this, entries.filter(([key]) => key !== name));
  }

  get(name) {
    const entries = entriesOf(this);
    requireArgs(arguments.length, 1, 'FormData.get');
    name = toUSVString(name);
    const found = entries.find(([key]) => key === name);
    return found === undefined ? null : found[1];
  }

  getAll(name) {
    const entries = entriesOf(this);
    requireArgs(arguments.length, 1, 'FormData.getAll');
    name = toUSVString(name);
    return entries.filter(([key]) => key === name).map(([, value]) => value);
  }

  has(name) {
    const entries = entriesOf(this);
    requireArgs(arguments.length, 1, 'FormData.has');
    name = toUSVString(name);
    return entries.some(([key]) => key === name);
  }

  set(name, value, filename = undefined) {
    const entries = entriesOf(this);
    requireArgs(arguments.length, 2, 'FormData.set');
    const entry = makeEntry(name, value, filename, 'set', arguments.length);
    // The first entry of that name is replaced in place; the others go.
    const first = entries.findIndex(([key]) => key === entry[0]);
    if (first === -1) {
      entries.push(entry);
      return;
    }
    const kept = entries.filter(([key], i) => i < first || key !== entry[0]);
    kept.splice(first, 0, entry);
    entryLists.set(this, kept);
  }

  [customInspect](depth, options, inspect) {
    const fields = {};
    for (const [name, value] of entriesOf(this)) {
      if (!Object.prototype.hasOwnProperty.call(fields, name)) fields[name] = value;
      else if (Array.isArray(fields[name])) fields[name].push(value);
      else fields[name] = [fields[name], value];
    }
    return inspectAs('FormData', fields, options, inspect);
  }
}
enumerableMembers(FormData);
definePairIterable(FormData, 'FormData', entriesOf, (formData) => {
  entriesOf(formData);
  return formData;
});
defineToStringTag(FormData, 'FormData');

function isFormData(value) {
  return entryLists.has(value);
}

// ---------------------------------------------------------------------------------------------
// multipart/form-data encoding.

// Names and filenames are quoted; the characters that would break the quoting are escaped.
function escapeQuoted(text) {
  return text.replace(/\n/g, '%0A').replace(/\r/g, '%0D').replace(/"/g, '%22');
}

function randomBoundary() {
  const digits = `${Math.floor(Math.random() * 1e11)}`.padStart(11, '0');
  return `----formdata-undici-0${digits}`;
}

/**
 * The body of a FormData as parts (bytes, and Files read when sent), their total length and
 * the boundary between them.
 */
function multipartParts(formData) {
  const boundary = randomBoundary();
  const parts = [];
  let length = 0;
  const text = (value) => {
    const bytes = encoding.utf8Encode(value);
    parts.push(bytes);
    length += bytes.length;
  };
  for (const [name, value] of entriesOf(formData)) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${escapeQuoted(name)}"`;
    if (typeof value === 'string') {
      text(`${head}\r\n\r\n${value.replace(/\r(?!\n)|(?<!\r)\n/g, '\r\n')}\r\n`);
      continue;
    }
    head += `; filename="${escapeQuoted(value.name)}"\r\nContent-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`;
    text(head);
    parts.push(value);
    length += value.size;
    text('\r\n');
  }
  text(`--${boundary}--\r\n`);
  return { parts, length, boundary };
}

// ---------------------------------------------------------------------------------------------
// Parsing a body into a FormData.

/** The MIME type's essence (lower case) and parameters, or null when it does not parse. */
function parseMimeType(value) {
  if (value === null) return null;
  const [essence, ...rest] = value.split(';');
  const type = essence.trim().toLowerCase();
  if (!/^[^\s/]+\/[^\s/]+$/.test(type)) return null;
  const params = new Map();
  for (const param of rest) {
    const at = param.indexOf('=');
    if (at === -1) continue;
    const key = param.slice(0, at).trim().toLowerCase();
    let paramValue = param.slice(at + 1).trim();
    if (paramValue.startsWith('"') && paramValue.endsWith('"') && paramValue.length >= 2) paramValue = paramValue.slice(1, -1);
    if (!params.has(key)) params.set(key, paramValue);
  }
  return { essence: type, params };
}

function parseFailed() {
  return new TypeError('Failed to parse body as FormData.');
}

function parseFormData(bytes, contentType) {
  const mime = parseMimeType(contentType);
  const formData = new FormData();
  if (mime !== null && mime.essence === 'application/x-www-form-urlencoded') {
    const { URLSearchParams } = require('internal/whatwg_url');
    const text = new encoding.TextDecoder().decode(bytes);
    for (const [name, value] of new URLSearchParams(text)) formData.append(name, value);
    return formData;
  }
  if (mime !== null && mime.essence === 'multipart/form-data') {
    const boundary = mime.params.get('boundary');
    if (!boundary) throw parseFailed();
    for (const [name, value, filename] of parseMultipart(bytes, boundary)) {
      if (filename === undefined) formData.append(name, value);
      else formData.append(name, value, filename);
    }
    return formData;
  }
  throw new TypeError('Content-Type was not one of "multipart/form-data" or "application/x-www-form-urlencoded".');
}

/** A quoted or bare parameter of a Content-Disposition header, or undefined. */
function dispositionParam(header, key) {
  const match = new RegExp(`;\\s*${key}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i').exec(header);
  if (match === null) return undefined;
  const raw = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2];
  return raw.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%22/gi, '"');
}

function utf8FromLatin1(text) {
  return new encoding.TextDecoder().decode(encoding.latin1Encode(text));
}

/**
 * [name, value, filename?] for each part of a multipart body. Bytes are handled as a latin1
 * string (one character per byte) so the delimiters can be searched for as text.
 */
function parseMultipart(bytes, boundary) {
  const text = encoding.latin1Decode(bytes, 0, bytes.length);
  const delimiter = `--${boundary}`;
  const entries = [];
  let at = text.indexOf(delimiter);
  if (at === -1) throw parseFailed();
  for (;;) {
    at += delimiter.length;
    if (text.startsWith('--', at)) return entries;
    while (text[at] === ' ' || text[at] === '\t') at++;
    if (!text.startsWith('\r\n', at)) throw parseFailed();
    at += 2;
    const headEnd = text.indexOf('\r\n\r\n', at);
    if (headEnd === -1) throw parseFailed();
    const headers = parsePartHeaders(text.slice(at, headEnd));
    const contentStart = headEnd + 4;
    const contentEnd = text.indexOf(`\r\n${delimiter}`, contentStart);
    if (contentEnd === -1) throw parseFailed();
    const disposition = headers.get('content-disposition');
    if (disposition === undefined || !/^\s*form-data\s*(;|$)/i.test(disposition)) throw parseFailed();
    const name = dispositionParam(disposition, 'name');
    if (name === undefined) throw parseFailed();
    const filename = dispositionParam(disposition, 'filename');
    const content = bytes.slice(contentStart, contentEnd);
    if (filename === undefined) {
      entries.push([utf8FromLatin1(name), new encoding.TextDecoder().decode(content)]);
    } else {
      const type = headers.get('content-type') || 'text/plain';
      entries.push([utf8FromLatin1(name), new Blob([content], { type }), utf8FromLatin1(filename)]);
    }
    at = contentEnd + 2;
  }
}

function parsePartHeaders(block) {
  const headers = new Map();
  for (const line of block.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return headers;
}

module.exports = { FormData, isFormData, multipartParts, parseFormData, parseMimeType };
