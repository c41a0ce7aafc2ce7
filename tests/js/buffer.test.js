'use strict';
// The `buffer` module: construction, encodings, searching, numbers, errors and inspection.
const buffer = require('buffer');
const util = require('util');

const { Buffer } = buffer;

function show(value) {
  return typeof value === 'string' ? JSON.stringify(value) : util.inspect(value);
}

function check(label, fn) {
  let line;
  try {
    line = show(fn());
  } catch (error) {
    line = `threw ${error.name} ${error.code} ${JSON.stringify(error.message)}`;
  }
  console.log(`${label}: ${line}`);
}

// --- construction
check('from utf8', () => Buffer.from('héllo €😀'));
check('from utf8 lone surrogates', () => Buffer.from('a\ud800b\udc00'));
check('from latin1', () => Buffer.from('ÿĀé', 'latin1'));
check('from binary', () => Buffer.from('ÿĀé', 'binary'));
check('from ascii', () => Buffer.from('aé€', 'ascii'));
check('from ucs2', () => Buffer.from('aĀ😀', 'ucs2'));
check('from utf-16le', () => Buffer.from('ab', 'UTF-16LE'));
check('from hex', () => Buffer.from('00ff10Ab', 'hex'));
check('from hex stops at invalid', () => Buffer.from('abzz12', 'hex'));
check('from hex odd', () => Buffer.from('abc', 'hex'));
check('from base64', () => Buffer.from('aGVsbG8gd29ybGQ=', 'base64'));
check('from base64 lenient', () => Buffer.from(' Zm9v\nYm*Fy ', 'base64'));
check('from base64 stops at =', () => Buffer.from('Zm9v=YmFy', 'base64'));
check('from base64 url chars', () => Buffer.from('-_-_', 'base64'));
check('from base64url', () => Buffer.from('_-8', 'base64url'));
check('from base64 leftover', () => Buffer.from('Zm9vY', 'base64'));
check('from empty with bad encoding', () => Buffer.from('', 'bogus'));
check('from bad encoding', () => Buffer.from('abc', 'bogus'));
check('from non-string encoding', () => Buffer.from('abc', 5));
check('from array', () => Buffer.from([1, 2, 256, -1, 1.7, 'x']));
check('from array-like', () => Buffer.from({ length: 2, 0: 7, 1: '8' }));
check('from array-like NaN length', () => Buffer.from({ length: NaN }));
check('from json form', () => Buffer.from({ type: 'Buffer', data: [104, 105] }));
check('from String object', () => Buffer.from(new String('boxed')));
check('from toPrimitive', () => Buffer.from({ [Symbol.toPrimitive]: () => 'prim' }));
check('from Uint16Array', () => Buffer.from(new Uint16Array([1, 258])));
check('from number', () => Buffer.from(5));
check('from null', () => Buffer.from(null));
check('from plain object', () => Buffer.from({}));
{
  const ab = new Uint8Array([1, 2, 3, 4, 5]).buffer;
  const view = Buffer.from(ab, 1, 3);
  view[0] = 9;
  check('from arrayBuffer shares memory', () => [view, new Uint8Array(ab)[1]]);
  check('from arrayBuffer bad offset', () => Buffer.from(ab, 6));
  check('from arrayBuffer bad length', () => Buffer.from(ab, 3, 6));
  check('from arrayBuffer NaN offset', () => Buffer.from(ab, 'x').length);
  check('parent is buffer', () => view.parent === view.buffer);
}
check('from buffer copies', () => {
  const a = Buffer.from('abc');
  const b = Buffer.from(a);
  b[0] = 0x7a;
  return [a.toString(), b.toString()];
});
check('alloc', () => Buffer.alloc(4));
check('alloc fill number', () => Buffer.alloc(4, 257));
check('alloc fill string', () => Buffer.alloc(5, 'ab'));
check('alloc fill hex', () => Buffer.alloc(5, 'a1b2', 'hex'));
check('alloc fill base64', () => Buffer.alloc(5, 'YQ==', 'base64'));
check('alloc fill buffer', () => Buffer.alloc(5, Buffer.from([1, 2])));
check('alloc fractional', () => Buffer.alloc(2.5));
check('alloc negative', () => Buffer.alloc(-1));
check('alloc NaN', () => Buffer.alloc(NaN));
check('alloc string size', () => Buffer.alloc('5'));
check('alloc bad fill encoding', () => Buffer.alloc(3, 'ab', 'bogus'));
check('alloc non-string encoding', () => Buffer.alloc(3, 'a', 5));
check('allocUnsafe length', () => Buffer.allocUnsafe(10).length);
check('allocUnsafe too big', () => Buffer.allocUnsafe(2 ** 33));
check('allocUnsafeSlow', () => Buffer.allocUnsafeSlow(3).fill(1));
check('Buffer.of', () => Buffer.of(1, 2, 300));
check('copyBytesFrom', () => Buffer.copyBytesFrom(new Uint16Array([1, 258, 3]), 1, 1));
check('copyBytesFrom bad', () => Buffer.copyBytesFrom([1]));
check('copyBytesFrom bad offset', () => Buffer.copyBytesFrom(new Uint8Array(3), 1.5));
check('Buffer() call', () => Buffer('abc'));
check('new Buffer(n)', () => new Buffer(3));
check('Buffer(n, enc)', () => Buffer(3, 'utf8'));
check('map keeps Buffer', () => Buffer.from([1, 2]).map((x) => x * 2));
check('isBuffer', () => [Buffer.isBuffer(Buffer.alloc(1)), Buffer.isBuffer(new Uint8Array(1)), Buffer.isBuffer('a')]);
check('instanceof', () => [Buffer.alloc(1) instanceof Buffer, Buffer.alloc(1) instanceof Uint8Array]);
check('constructor', () => Buffer.alloc(1).constructor === Buffer);
check('isEncoding', () => ['utf8', 'UTF-8', 'ucs2', 'binary', 'base64url', 'hex', 'bogus', '', null, 5].map(Buffer.isEncoding));
check('poolSize', () => Buffer.poolSize);

// --- byteLength, concat, compare
check('byteLength', () => [Buffer.byteLength('héllo'), Buffer.byteLength('😀'), Buffer.byteLength('\ud800'),
  Buffer.byteLength('abc', 'ucs2'), Buffer.byteLength('abcd', 'hex'), Buffer.byteLength('YWJj==', 'base64'),
  Buffer.byteLength('abc', 'bogus'), Buffer.byteLength(new Uint16Array(3)), Buffer.byteLength(new ArrayBuffer(7))]);
check('byteLength bad', () => Buffer.byteLength(5));
check('concat', () => Buffer.concat([Buffer.from('ab'), new Uint8Array([99]), Buffer.from('d')]));
check('concat total', () => Buffer.concat([Buffer.from('ab'), Buffer.from('cd')], 3));
check('concat pad', () => Buffer.concat([Buffer.from('ab')], 4));
check('concat empty', () => Buffer.concat([]));
check('concat bad list', () => Buffer.concat('ab'));
check('concat bad item', () => Buffer.concat([Buffer.from('a'), 'b']));
check('compare', () => [Buffer.compare(Buffer.from('a'), Buffer.from('b')), Buffer.compare(Buffer.from('b'), Buffer.from('a')),
  Buffer.compare(Buffer.from('ab'), Buffer.from('a')), Buffer.compare(Buffer.from(''), Buffer.from(''))]);
check('compare bad', () => Buffer.compare(Buffer.alloc(1), 'abc'));
check('compare ranges', () => {
  const a = Buffer.from('abcdef');
  const b = Buffer.from('xxcdxx');
  return [a.compare(b, 2, 4, 2, 4), a.compare(b, 0, 2, 4, 6), a.compare(b, 5), a.compare(b, 0, 3, 3), a.compare(b, 0, 0, 0, 0)];
});
check('compare bad range', () => Buffer.from('ab').compare(Buffer.from('abc'), 0, 5));
check('compare fractional', () => Buffer.from('ab').compare(Buffer.from('abc'), 1.5));
check('equals', () => [Buffer.from('ab').equals(Buffer.from('ab')), Buffer.from('ab').equals(new Uint8Array([97])),
  Buffer.from('ab').equals(new Uint8Array([97, 98]))]);
check('equals bad', () => Buffer.from('ab').equals('ab'));

// --- toString
{
  const b = Buffer.from([0x68, 0xc3, 0xa9, 0xff, 0x00, 0x41, 0xe2, 0x82]);
  for (const enc of ['utf8', 'utf-8', 'latin1', 'binary', 'ascii', 'hex', 'base64', 'base64url', 'ucs2', 'utf16le']) {
    check(`toString ${enc}`, () => b.toString(enc));
  }
  check('toString range', () => b.toString('hex', 1, 3));
  check('toString odd ranges', () => [b.toString('hex', -1, 2), b.toString('hex', 6, 100), b.toString('hex', '2', '4'),
    b.toString('hex', 3, 1), b.toString('hex', NaN, 1), b.toString('hex', 0, null), b.toString('hex', 1.9, 3.9)]);
  check('toString bad encoding', () => b.toString('bogus'));
  check('toString null encoding', () => b.toString(null));
  check('toString empty range ignores encoding', () => b.toString('bogus', 2, 2));
  check('toString object encoding', () => b.toString({ toString: () => 'hex' }));
  check('toLocaleString', () => Buffer.from('hi').toLocaleString());
}
check('utf8 invalid sequences', () => Buffer.from([0x41, 0xe2, 0x82, 0x41, 0xf0, 0x9f, 0x98, 0xed, 0xa0, 0x80, 0xc0, 0xaf,
  0xf4, 0x90, 0x80, 0x80, 0xf0, 0x9f, 0x98, 0x80]).toString());
check('utf8 BOM kept', () => Buffer.from([0xef, 0xbb, 0xbf, 0x41]).toString().length);
check('ucs2 odd length', () => Buffer.from([0x41, 0, 0x42]).toString('ucs2'));
check('base64 of 1 and 2 bytes', () => [Buffer.from([0xfb]).toString('base64'), Buffer.from([0xfb, 0xff]).toString('base64'),
  Buffer.from([0xfb, 0xff]).toString('base64url')]);
check('legacy slices', () => [Buffer.from('abc').latin1Slice(1), Buffer.from('abc').hexSlice(0, 2),
  Buffer.from('abc').utf8Slice(2, 1)]);
check('legacy slice out of range', () => Buffer.from('abc').latin1Slice(0, 5));
check('legacy write', () => {
  const b = Buffer.alloc(3);
  return [b.latin1Write('xyz', 1), b];
});
check('legacy write bad offset', () => Buffer.alloc(2).latin1Write('a', 5));
check('toJSON', () => JSON.stringify(Buffer.from('hi')));
check('toJSON empty', () => Buffer.alloc(0).toJSON());

// --- write
{
  const b = Buffer.alloc(8);
  check('write default', () => [b.write('héllo'), b]);
  check('write offset', () => [Buffer.alloc(4).write('abc', 2), Buffer.alloc(4).write('abc', 1, 1)]);
  check('write partial utf8', () => [Buffer.alloc(3).write('a€'), Buffer.alloc(4).write('a€'), Buffer.alloc(4).write('a😀')]);
  check('write encoding arg positions', () => [Buffer.alloc(4).write('6162', 'hex'), Buffer.alloc(4).write('6162', 1, 'hex'),
    Buffer.alloc(4).write('616263', 1, 1, 'hex')]);
  check('write ucs2 no room', () => [Buffer.alloc(4).write('ыы', 3, 'ucs2'), Buffer.alloc(5).write('abcdefgh', 'ucs2')]);
  check('write base64', () => {
    const t = Buffer.alloc(4);
    return [t.write('YWJjZGVm', 'base64'), t];
  });
  check('write hex invalid', () => [Buffer.alloc(4).write('abzz', 'hex'), Buffer.alloc(4).write('zzab', 'hex')]);
  check('write bad offset', () => Buffer.alloc(9).write('foo', 10));
  check('write negative offset', () => Buffer.alloc(9).write('foo', -1));
  check('write bad length', () => Buffer.alloc(9).write('foo', 0, -1));
  check('write bad encoding', () => Buffer.alloc(9).write('foo', 'bogus'));
  check('write non-string', () => Buffer.alloc(2).write(5));
  check('write falsy encoding', () => Buffer.alloc(3).write('abc', 1, 1, 0));
}

// --- fill
check('fill number', () => Buffer.alloc(4).fill(0x1ff));
check('fill range', () => Buffer.alloc(5).fill('ab', 1, 4));
check('fill string encoding positions', () => [Buffer.alloc(3).fill('6162', 'hex'), Buffer.alloc(3).fill('61', 1, 'hex')]);
check('fill multibyte', () => Buffer.alloc(5).fill('€'));
check('fill ucs2', () => Buffer.alloc(5).fill('Ȣ', 'utf16le'));
check('fill empty string', () => Buffer.alloc(3, 1).fill(''));
check('fill odd values', () => [true, {}, null, 1.5, -1, NaN].map((v) => Buffer.alloc(2).fill(v)));
check('fill typed array', () => Buffer.alloc(5).fill(new Uint16Array([0x102])));
check('fill invalid hex', () => Buffer.alloc(3).fill('zz', 'hex'));
check('fill empty buffer value', () => Buffer.alloc(3).fill(Buffer.alloc(0)));
check('fill bad end', () => Buffer.alloc(5).fill('a', 0, 6));
check('fill negative offset', () => Buffer.alloc(5).fill('a', -1));
check('fill fractional offset', () => Buffer.alloc(5).fill('a', 1.5));
check('fill bad encoding', () => Buffer.alloc(5).fill('a', 0, 5, 'bogus'));
check('fill number ignores encoding', () => Buffer.alloc(2).fill(1, 0, 2, 'bogus'));
check('fill offset past end', () => Buffer.alloc(2).fill(1, 5));
check('fill self overlap', () => {
  const b = Buffer.from('abcdef');
  return b.fill(b.subarray(1, 3));
});

// --- slice, subarray, copy
{
  const b = Buffer.from('0123456789');
  check('slice', () => [b.slice(2, 5).toString(), b.slice(-3).toString(), b.slice('2', '-2').toString(),
    b.slice(5, 2).toString(), b.slice(NaN).toString(), b.slice(1.7, 3.2).toString()]);
  check('slice shares memory', () => {
    const s = b.slice(0, 2);
    s[0] = 0x41;
    return [b.toString(), s instanceof Buffer];
  });
  check('subarray is Buffer', () => b.subarray(1, 3));
  check('copy', () => {
    const target = Buffer.alloc(6, '.');
    return [b.copy(target, 1, 2, 5), target.toString()];
  });
  check('copy clamps', () => {
    const target = Buffer.alloc(3);
    return [b.copy(target, 1), target.toString(), b.copy(target, 5), b.copy(target, 0, 9, 3)];
  });
  check('copy coercion', () => {
    const target = Buffer.alloc(4);
    return [b.copy(target, '1', '0', '2.5'), target];
  });
  check('copy overlap', () => {
    const c = Buffer.from('abcdef');
    c.copy(c, 2, 0, 4);
    return c.toString();
  });
  check('copy bad targetStart', () => b.copy(Buffer.alloc(5), -1));
  check('copy bad sourceStart', () => b.copy(Buffer.alloc(5), 0, 20));
  check('copy bad sourceEnd', () => b.copy(Buffer.alloc(5), 0, 0, -1));
  check('copy bad target', () => b.copy('x'));
}

// --- searching
{
  const b = Buffer.from('abcdef abc');
  check('indexOf string', () => [b.indexOf('abc'), b.indexOf('abc', 1), b.indexOf('abc', -3), b.indexOf('zz'), b.indexOf('')]);
  check('indexOf empty past end', () => [b.indexOf('', 100), b.lastIndexOf(''), Buffer.alloc(0).indexOf('')]);
  check('indexOf number', () => [b.indexOf(0x62), b.indexOf(0x162), b.indexOf(-158), b.indexOf(0x62, 2), b.lastIndexOf(0x62)]);
  check('indexOf buffer', () => [b.indexOf(Buffer.from('c')), b.indexOf(new Uint8Array([100, 101])), b.indexOf(Buffer.alloc(0), 3)]);
  check('lastIndexOf', () => [b.lastIndexOf('abc'), b.lastIndexOf('abc', 6), b.lastIndexOf('abc', -4), b.lastIndexOf('abc', -100),
    b.lastIndexOf('a', null), b.lastIndexOf('c', 100)]);
  check('indexOf encodings', () => [b.indexOf('6465', 0, 'hex'), b.indexOf('ZGVm', 'base64'), b.indexOf('d', 'latin1')]);
  check('includes', () => [b.includes('def'), b.includes('def', 5), b.includes(0x20), b.includes('a', -1)]);
  const u = Buffer.from('\u039a\u0391abc\u03a3\u03a3\u0395', 'ucs2');
  check('indexOf ucs2', () => [u.indexOf('\u03a3', 0, 'ucs2'), u.lastIndexOf('\u03a3', undefined, 'ucs2'), u.indexOf('bc', 0, 'ucs2'),
    u.indexOf(Buffer.from('b', 'ucs2'), 0, 'ucs2'), Buffer.from('ff').indexOf(Buffer.from('f'), 1, 'ucs2')]);
  check('indexOf unaligned ucs2', () => Buffer.from([0, 0x61, 0, 0x61, 0]).indexOf('a', 0, 'ucs2'));
  check('indexOf bad value', () => b.indexOf({}));
  check('indexOf bad encoding', () => b.indexOf('a', 0, 'bogus'));
}

// --- swap
check('swap16', () => Buffer.from([1, 2, 3, 4]).swap16());
check('swap32', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap32());
check('swap64', () => Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).swap64());
check('swap16 odd', () => Buffer.from([1, 2, 3]).swap16());
check('swap64 bad', () => Buffer.from([1, 2, 3, 4]).swap64());

// --- numbers
{
  const b = Buffer.from([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x88]);
  check('read 8/16/32', () => [b.readUInt8(7), b.readInt8(7), b.readUInt16LE(0), b.readUInt16BE(0), b.readInt16BE(6),
    b.readUInt32LE(4), b.readUInt32BE(4), b.readInt32LE(4), b.readInt32BE(4)]);
  check('read aliases', () => [b.readUint8(0), b.readUint16LE(0), b.readUint32BE(0), b.readUintLE(0, 3), b.readUintBE(0, 3)]);
  check('readIntLE/BE', () => [1, 2, 3, 4, 5, 6].map((n) => [b.readIntLE(2, n), b.readIntBE(2, n), b.readUIntLE(2, n), b.readUIntBE(2, n)]));
  check('readInt 48 negative', () => Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xfe]).readIntBE(0, 6));
  check('read float/double', () => {
    const f = Buffer.alloc(8);
    f.writeDoubleLE(Math.PI);
    return [f.readDoubleLE(0), f.readFloatLE(0), f.writeFloatBE(1.5, 4), f.readFloatBE(4), f.readDoubleBE(0)];
  });
  check('bigint', () => {
    const big = Buffer.alloc(8);
    return [big.writeBigInt64LE(-2n), big.readBigInt64LE(), big.readBigUInt64LE(), big.readBigUInt64BE(),
      big.writeBigUInt64BE(0x0102030405060708n), big, big.readBigInt64BE(), big.readBigUint64LE()];
  });
  check('bigint out of range', () => Buffer.alloc(8).writeBigUInt64LE(2n ** 64n));
  check('bigint signed out of range', () => Buffer.alloc(8).writeBigInt64BE(2n ** 63n));
  check('bigint bad value', () => Buffer.alloc(8).writeBigInt64LE(5));
  check('bigint short buffer', () => Buffer.alloc(4).readBigInt64LE());
  check('writes', () => {
    const w = Buffer.alloc(12);
    return [w.writeUInt8(255), w.writeInt8(-2, 1), w.writeUInt16BE(0xabcd, 2), w.writeInt16LE(-2, 4), w.writeUInt32LE(0xdeadbeef, 6),
      w.writeInt32BE(-1, 8), w];
  });
  check('write aliases', () => {
    const w = Buffer.alloc(8);
    return [w.writeUint8(1), w.writeUint16LE(2, 1), w.writeUint32BE(3, 3), w.writeUintLE(0x0405, 6, 2), w];
  });
  check('writeIntLE/BE', () => {
    const w = Buffer.alloc(6);
    return [1, 2, 3, 4, 5, 6].map((n) => [w.writeIntLE(-3, 0, n), w.toString('hex'), w.writeUIntBE(2 ** (8 * n) - 2, 0, n), w.toString('hex')]);
  });
  check('write fraction', () => {
    const w = Buffer.alloc(4);
    w.writeUInt16LE(258.9);
    w.writeInt16BE(-1.5, 2);
    return w;
  });
  check('write returns offset', () => Buffer.alloc(8).writeDoubleBE(1));
  check('write value range 8', () => Buffer.alloc(2).writeUInt8(256));
  check('write value range 16', () => Buffer.alloc(2).writeInt16LE(40000));
  check('write value range 32', () => Buffer.alloc(4).writeInt32LE(2 ** 31));
  check('write value range 40', () => Buffer.alloc(8).writeIntBE(2 ** 39, 0, 5));
  check('write value range 48', () => Buffer.alloc(8).writeUIntLE(2 ** 48, 0, 6));
  check('read offset type', () => b.readUInt16LE('1'));
  check('read offset fraction', () => b.readUInt32LE(1.5));
  check('read offset NaN', () => b.readInt8(NaN));
  check('read offset range', () => b.readUInt32BE(5));
  check('read offset range 8', () => b.readUInt8(8));
  check('read short buffer', () => Buffer.alloc(2).readUInt32LE(0));
  check('readIntLE missing offset', () => b.readIntLE());
  check('readIntLE bad byteLength', () => b.readIntLE(0, 7));
  check('readIntLE fractional byteLength', () => b.readIntLE(0, 1.5));
  check('readIntLE string byteLength', () => b.readIntLE(0, '2'));
  check('writeUIntBE offset range', () => Buffer.alloc(8).writeUIntBE(1, 4, 6));
  check('write offset type', () => Buffer.alloc(4).writeUInt16BE(1, null));
  check('write float bounds', () => Buffer.alloc(3).writeFloatLE(1));
  check('write float NaN value', () => Buffer.alloc(4).writeFloatLE('x'));
  check('method identity', () => [Buffer.prototype.readUint8 === Buffer.prototype.readUInt8,
    Buffer.prototype.writeBigUint64LE === Buffer.prototype.writeBigUInt64LE, Buffer.prototype.readUInt8.name]);
}

// --- iteration and misc
check('iteration', () => {
  const b = Buffer.from([5, 6]);
  return [[...b], [...b.keys()], [...b.values()], [...b.entries()]];
});
check('offset getter', () => [Buffer.from(new ArrayBuffer(8), 3).offset, typeof Buffer.prototype.offset]);

// --- inspection
check('inspect', () => util.inspect(Buffer.from('hello')));
check('inspect empty', () => util.inspect(Buffer.alloc(0)));
check('inspect long', () => util.inspect(Buffer.alloc(51, 1)));
check('inspect longer', () => util.inspect(Buffer.alloc(60)));
check('inspect extras', () => {
  const b = Buffer.from('ab');
  b.foo = 1;
  b[Symbol('s')] = 'x';
  return util.inspect(b);
});
check('inspect empty extras', () => {
  const b = Buffer.alloc(0);
  b.x = 'y';
  return util.inspect(b);
});
check('inspect nested', () => util.inspect({ a: [Buffer.from('ab')] }));
check('inspect subclass', () => {
  class My extends Buffer {}
  return util.inspect(Object.setPrototypeOf(Buffer.from('a'), My.prototype));
});
check('INSPECT_MAX_BYTES', () => {
  const before = buffer.INSPECT_MAX_BYTES;
  buffer.INSPECT_MAX_BYTES = 2;
  const text = util.inspect(Buffer.from('abcd'));
  buffer.INSPECT_MAX_BYTES = before;
  return [before, text];
});
check('INSPECT_MAX_BYTES bad', () => {
  buffer.INSPECT_MAX_BYTES = -1;
});
check('format %o', () => util.format('%s', Buffer.from('a')));

// --- module
check('constants', () => [buffer.constants, buffer.kMaxLength, buffer.kStringMaxLength]);
check('SlowBuffer', () => buffer.SlowBuffer(2));
check('isUtf8', () => [buffer.isUtf8(Buffer.from('é')), buffer.isUtf8(Buffer.from([0xe2, 0x82])), buffer.isUtf8(new ArrayBuffer(2))]);
check('isAscii', () => [buffer.isAscii(Buffer.from('ab')), buffer.isAscii(Buffer.from('é'))]);
check('isUtf8 bad', () => buffer.isUtf8('ab'));
check('transcode', () => [buffer.transcode(Buffer.from('a€é'), 'utf8', 'latin1'), buffer.transcode(Buffer.from('a€é'), 'utf8', 'ucs2'),
  buffer.transcode(Buffer.from('ab', 'ucs2'), 'ucs2', 'utf8')]);

// --- atob / btoa
for (const input of ['YQ==', 'YQ', ' Y Q = = ', 'YR==', 'YQ=', 'Y', 'YQ===', 'Y-Q=', 'YQ=a', null, 12]) {
  check(`atob ${JSON.stringify(input)}`, () => buffer.atob(input));
}
check('atob missing', () => buffer.atob());
check('btoa', () => [buffer.btoa('ÿa'), buffer.btoa(undefined), buffer.btoa(null), buffer.btoa('')]);
check('btoa invalid', () => buffer.btoa('\u0100'));
check('btoa missing', () => buffer.btoa());

// --- Blob and File
{
  const blob = new buffer.Blob(['ab', new Uint8Array([99]), 'é'], { type: 'Text/Plain' });
  check('blob', () => [blob.size, blob.type, util.inspect(blob)]);
  check('blob slice', () => util.inspect(blob.slice(1, 3, 'X/Y')));
  check('blob slice negative', () => blob.slice(-2).size);
  check('blob bad type', () => new buffer.Blob([], { type: 'a\u00e9' }).type);
  check('blob empty', () => new buffer.Blob().size);
  check('blob bad sources', () => new buffer.Blob('abc'));
  check('blob of blob', () => new buffer.Blob([blob, blob]).size);
  // One after the other: the promises settle after different numbers of ticks in Node.
  blob.text()
    .then((text) => console.log('blob text:', JSON.stringify(text)))
    .then(() => blob.slice(-2).arrayBuffer())
    .then((ab) => console.log('blob arrayBuffer:', [...new Uint8Array(ab)]))
    .then(() => new buffer.Blob([1, {}, null]).text())
    .then((text) => console.log('blob coerced:', text));
  const file = new buffer.File(['abc'], 'a.txt', { lastModified: 5, type: 'x' });
  check('file', () => [file.name, file.lastModified, file.size, file instanceof buffer.Blob, util.inspect(file)]);
  check('file missing args', () => new buffer.File(['a']));
}
