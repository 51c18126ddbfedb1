#!/usr/bin/env node
// Drives every entry point of one build of the native addon, including its
// error paths and GC finalizers, and exits non-zero on the first surprise.
//
//   node --expose-gc scripts/native-exercise.js build-asan/Release/mmarray.node
//
// scripts/test-asan.sh runs it under AddressSanitizer + UBSan; it is plain JS
// (no TypeScript, no jest) so it runs against any build without compiling.
'use strict';

const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const addonPath = process.argv[2];
if (!addonPath) {
  console.error('usage: node [--expose-gc] scripts/native-exercise.js <path/to/mmarray.node>');
  process.exit(2);
}
const addon = require(path.resolve(addonPath));
const { MappingHandle, pageSize } = addon;
// The handshake lib/native.ts makes at load: the addon throws this class for
// a closed mapping or a read-only write (native/napi_util.h).
class AccessError extends Error {
  constructor(code, message) {
    super(message);
    this.name = 'AccessError';
    this.code = code;
  }
}
addon.setErrorClasses({ AccessError });
const map = (p, mode, offset = 0, length = -1) => new MappingHandle(p, mode, offset, length);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-exercise-'));
let n = 0;
const file = (bytes) => {
  const p = path.join(dir, `f${++n}.bin`);
  fs.writeFileSync(p, bytes);
  return p;
};
const pattern = (len) => Uint8Array.from({ length: len }, (_, i) => (i * 7 + 3) & 0xff);

function throwsCode(fn, code, ctor = Error) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof ctor, `expected ${ctor.name}, got ${e && e.name}: ${e && e.message}`);
    assert.strictEqual(e.code, code, `expected code ${code}, got ${e.code}: ${e.message}`);
    return true;
  });
}

// A Float64Array of group starts as the reduceat kernels' starts operand (native/group_starts.h).
const f8Starts = (f) => [f.buffer, f.byteOffset, f.length, 8, 0, false];
const sleepTick = () => new Promise((resolve) => setImmediate(resolve));

async function collect() {
  if (typeof global.gc !== 'function') return;
  for (let i = 0; i < 4; i++) {
    global.gc();
    await sleepTick();
  }
}

async function main() {
  assert.ok(Number.isInteger(pageSize) && pageSize >= 4096);
  const bytes = pattern(3 * pageSize + 123);

  // Every mode, every offset alignment.
  for (const offset of [0, 1, pageSize - 1, pageSize + 1, pageSize * 2 + 5]) {
    for (const mode of ['r', 'r+', 'c']) {
      const m = map(file(bytes), mode, offset, -1);
      assert.strictEqual(m.length, bytes.length - offset);
      const u = new Uint8Array(m.window(0, m.length));
      assert.deepStrictEqual(Buffer.from(u), Buffer.from(bytes.subarray(offset)));
      if (mode !== 'r') u[u.length - 1] ^= 0xff;
      m.close();
      assert.strictEqual(u.length, 0);
    }
  }

  // r+: write, flush (sync, async, ranges), advise, close, double close.
  {
    const p = file(bytes);
    const m = map(p, 'r+', 1, -1);
    const u = new Uint8Array(m.window(0, m.length));
    u[0] = 0xaa;
    u[u.length - 1] = 0xbb;
    m.flush();
    m.flush(0, 1);
    m.flush(u.length - 1, 1);
    m.flush(5, 0);
    await m.flushAsync();
    await m.flushAsync(pageSize, 10);
    await Promise.all([m.flushAsync(), m.flushAsync(0, 1), m.flushAsync(3)]);
    for (const kind of ['normal', 'sequential', 'random', 'willneed', 'dontneed']) {
      m.advise(kind);
      m.advise(kind, 1, 2);
    }
    throwsCode(() => m.advise('bogus'), 'ERR_INVALID_ARG_VALUE', TypeError);
    throwsCode(() => m.window(0, m.length + 1), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => m.window(0, 0), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => m.window(-1, 1), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => m.flush(m.length, 1), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => m.flush(0.5), 'ERR_OUT_OF_RANGE', RangeError);
    const onDisk = fs.readFileSync(p);
    assert.strictEqual(onDisk[1], 0xaa);
    assert.strictEqual(onDisk[onDisk.length - 1], 0xbb);
    // A flushAsync queued right before close(): resolves or rejects as closed.
    const racing = m.flushAsync().then(
      () => 'resolved',
      (e) => {
        assert.ok(e instanceof AccessError);
        assert.strictEqual(e.code, 'ERR_CLOSED');
        return 'rejected';
      },
    );
    m.close();
    m.close();
    await racing;
    assert.strictEqual(m.closed, true);
    assert.strictEqual(u.length, 0);
    throwsCode(() => m.window(0, 1), 'ERR_CLOSED', AccessError);
    throwsCode(() => m.flush(), 'ERR_CLOSED', AccessError);
    throwsCode(() => m.flushAsync(), 'ERR_CLOSED', AccessError);
    throwsCode(() => m.advise('normal'), 'ERR_CLOSED', AccessError);
  }

  // w+ creates exactly offset + length bytes; r+ extends like NumPy.
  {
    const p = path.join(dir, 'created.bin');
    const m = map(p, 'w+', 10, 20);
    new Uint8Array(m.window(0, 20)).fill(9);
    m.flush();
    m.close();
    assert.strictEqual(fs.statSync(p).size, 30);
    const g = map(p, 'r+', 25, 100);
    g.close();
    assert.strictEqual(fs.statSync(p).size, 125);
  }

  // c: copy-on-write never reaches the file; 'dontneed' refused.
  {
    const p = file(bytes);
    const m = map(p, 'c');
    const u = new Uint8Array(m.window(0, 16));
    u[0] ^= 0xff;
    m.flush();
    assert.throws(() => m.advise('dontneed'), /copy-on-write/);
    m.advise('willneed');
    m.close();
    assert.deepStrictEqual(fs.readFileSync(p), Buffer.from(bytes));
  }

  // Error paths.
  throwsCode(() => map(path.join(dir, 'missing'), 'r'), 'ENOENT');
  throwsCode(() => map(dir, 'r'), 'EISDIR');
  throwsCode(() => map(file(new Uint8Array(0)), 'r'), 'ERR_MMARRAY_MAP');
  throwsCode(() => map(file(bytes), 'r', bytes.length + 1, -1), 'ERR_OUT_OF_RANGE', RangeError);
  throwsCode(() => map(file(bytes), 'c', 0, bytes.length + 1), 'ERR_OUT_OF_RANGE', RangeError);
  for (const bad of [-1, NaN, 0.5, Infinity, 2 ** 53]) {
    throwsCode(() => map(file(bytes), 'r', bad, 1), 'ERR_OUT_OF_RANGE', RangeError);
  }
  for (const bad of [-2, NaN, 1.5]) {
    throwsCode(() => map(file(bytes), 'r', 0, bad), 'ERR_OUT_OF_RANGE', RangeError);
  }
  throwsCode(() => map(file(bytes), 'rw'), 'ERR_INVALID_ARG_VALUE', TypeError);
  assert.throws(() => new MappingHandle(), TypeError);

  // Many windows over one long-lived mapping: collected ones are pruned.
  {
    const m = map(file(bytes), 'r+');
    for (let i = 0; i < 5000; i++) new Uint8Array(m.window(i % 100, 8))[0] = i & 0xff;
    await collect();
    const keep = new Uint8Array(m.window(0, 4));
    for (let i = 0; i < 5000; i++) m.window(i % 100, 8);
    m.close();
    assert.strictEqual(keep.length, 0);
  }

  // GC finalizers: handles and windows dropped without close(), in both
  // orders (windows outliving their handle, and the other way round).
  const survivors = [];
  for (let i = 0; i < 300; i++) {
    const m = map(file(bytes.subarray(0, 64)), i % 2 ? 'r+' : 'c', i % 7, -1);
    const w = m.window(0, m.length);
    if (i % 3 === 0) survivors.push(new Uint8Array(w));
    if (i % 5 === 0) m.close();
  }
  await collect();
  for (const u of survivors) if (u.length) u[0] = u[0] + 1;
  survivors.length = 0;
  await collect();

  // kernelUfunc takes its shape and operands in one Float64Array layout
  // ([nd, ...shape, then per operand byteOffset, type, swap, ...strides]),
  // each operand's memory after it; ufunc() packs the list form as
  // lib/ufunc-native.ts callKernelUfunc does.
  const ufunc = (op, t, shape, operands) => {
    const layout = [shape.length, ...shape];
    for (const [, off, strides, type, swap] of operands) layout.push(off, type, swap ? 1 : 0, ...strides);
    return addon.kernelUfunc(op, t, Float64Array.from(layout), ...operands.map((o) => o[0]));
  };
  // kernelUfunc: every operation over each compute type it has, in place,
  // broadcast, buffered (byte-swapped, unaligned, float16), masked, over a
  // mapping, and its error paths.
  {
    const N = 5000;
    const buf = (bytes) => new Uint8Array(bytes).map((_, i) => (i * 37 + 11) & 0xff).buffer;
    const UNARY = new Set([12, 13, 14, 15, 21, 22, 23, 24, 29, 34, 35, 36]);
    const INT_ONLY = new Set([18, 19, 20, 21, 30, 31]);
    const FLOAT_ONLY = new Set([3, 15, 35, 36]); // divide, sqrt, exp, log (power has both)
    const COMPLEX_ONLY = new Set([34]); // conjugate: its complex loops run in test:asan's ufunc-complex jest file
    const BOOL_RESULT = new Set([4, 5, 6, 7, 8, 9, 22, 23, 24, 26, 27, 28, 29]);
    const SIZE = [8, 4, 1, 1, 2, 2, 4, 4, 1, 8, 8, 2, 8, 16];
    for (let op = 0; op <= 36; op++) {
      if (COMPLEX_ONLY.has(op)) continue;
      for (const t of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
        const isInt = t >= 2 && t !== 8;
        if (FLOAT_ONLY.has(op) && (isInt || t === 8)) continue;
        if (INT_ONLY.has(op) && !isInt) continue;
        if (t === 8 && (op < 26 || op > 29)) continue;
        const nin = UNARY.has(op) ? 1 : op === 25 || op === 33 ? 3 : 2;
        const rt = BOOL_RESULT.has(op) ? 8 : t;
        const ins = Array.from({ length: nin }, (_, k) => [buf(N * 8 + 1), k === 1 ? 1 : 0, [k === 2 ? 0 : SIZE[t]], t, k === 1]);
        const out = [buf(N * 16), 0, [SIZE[rt]], rt, false];
        ufunc(op, t, [N], [...ins, out]);
        // In place (the output is the first input) and masked.
        if (rt === t) ufunc(op, t, [N], [[out[0], 0, [SIZE[t]], t, false], ...ins.slice(1), out]);
        ufunc(op, t, [N], [...ins, [out[0], 3, [SIZE[11] * 2], 11, true], [buf(N), 0, [1], 8, false]]);
      }
    }
    const m = map(file(new Uint8Array(3 * pageSize)), 'r+');
    ufunc(0, 0, [100, 3], [[m, 0, [24, 8], 0, false], [m, 1, [0, 8], 1, true], [m, 2400, [24, 8], 0, false]]);
    throwsCode(() => ufunc(0, 0, [10000], [[m, 0, [8], 0, false], [m, 0, [8], 0, false], [m, 0, [8], 0, false]]), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => ufunc(0, 0, [2], [[m, 0, [8], 0, false], [m, 0, [8], 0, false]]), 'ERR_INVALID_ARG_TYPE', TypeError);
    throwsCode(() => ufunc(3, 2, [2], []), 'ERR_INVALID_ARG_TYPE', TypeError);
    throwsCode(() => ufunc(99, 0, [2], []), 'ERR_INVALID_ARG_TYPE', TypeError);
    const ro = map(file(new Uint8Array(pageSize)), 'r');
    throwsCode(() => ufunc(0, 0, [2], [[ro, 0, [8], 0, false], [ro, 0, [8], 0, false], [ro, 0, [8], 0, false]]), 'ERR_READ_ONLY');
    m.close();
    ro.close();
    throwsCode(() => ufunc(0, 0, [2], [[m, 0, [8], 0, false], [m, 0, [8], 0, false], [m, 0, [8], 0, false]]), 'ERR_CLOSED');
  }

  // The compute kernels (native/index_kernels.cc): every entry point over an
  // ArrayBuffer and a mapping, unaligned and byte-swapped reads, and the
  // bounds refusals (nothing may be touched outside the memory).
  {
    const K = addon.indexKernels;
    const buf = new Float64Array(1000).map((_, i) => (i * 37) % 101).buffer;
    const out = new Float64Array(10).fill(-Infinity);
    K.axisReduce(buf, 8, [10, 99], [792, 8], [1, 0], 0, false, 2, out, 1);
    assert.strictEqual(out[0], Math.max(...new Float64Array(buf, 8, 99)));
    for (const op of [0, 1, 3]) K.axisReduce(buf, 3, [7, 100], [800, 8], [1, 0], 0, true, op, new Float64Array(7), 8);
    K.axisReduce(buf, 1, [999], [8], [0], 9, false, 4, new BigInt64Array(1), 1);
    // The vector rows: float32 sums, int64 and byte extremes along inner and outer axes, contiguous and unaligned.
    K.axisReduce(buf, 0, [10, 200], [800, 4], [1, 0], 1, false, 5, new Float32Array(10), 8192);
    K.axisReduce(buf, 2, [10, 199], [800, 4], [1, 0], 1, true, 5, new Float32Array(10), 8192);
    for (const op of [1, 2]) {
      K.axisReduce(buf, 0, [10, 100], [800, 8], [0, 1], 9, false, op, new BigInt64Array(100), 1);
      K.axisReduce(buf, 0, [10, 100], [800, 8], [1, 0], 10, false, op, new BigUint64Array(10), 1);
      K.axisReduce(buf, 1, [8, 999], [1000, 1], [0, 1], 3, false, op, new Uint8Array(999), 1);
      K.axisReduce(buf, 1, [8, 999], [1000, 1], [1, 0], 2, false, op, new Int8Array(8), 1);
      K.axisReduce(buf, 4, [10, 199], [800, 4], [1, 0], 1, false, op, new Float32Array(10), 1);
    }
    // any (6) / all (7): bool bytes out; rows stopped early, rows into rows, unaligned, swapped and strided items.
    for (const op of [6, 7]) {
      K.axisReduce(buf, 1, [7990], [1], [0], 8, false, op, new Uint8Array(1), 1);
      K.axisReduce(buf, 1, [8, 999], [1000, 1], [0, 1], 8, false, op, new Uint8Array(999), 1);
      K.axisReduce(buf, 1, [7, 1100], [1100, 1], [1, 0], 3, false, op, new Uint8Array(7), 1);
      K.axisReduce(buf, 3, [7, 100], [800, 8], [1, 0], 0, true, op, new Uint8Array(7), 1);
      K.axisReduce(buf, 0, [10, 200], [800, 4], [0, 1], 1, false, op, new Uint8Array(200), 1);
      K.axisReduce(buf, 0, [990], [8], [0], 0, false, op, new Uint8Array(1), 1);
    }
    throwsCode(() => K.axisReduce(buf, 0, [2, 400], [3200, 8], [1, 0], 0, false, 6, new Uint8Array(1), 1), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.axisReduce(buf, 0, [10, 100], [800, 8], [1, 0], 9, false, 2, new BigInt64Array(9), 1), 'ERR_OUT_OF_RANGE', RangeError);
    assert.throws(() => K.axisReduce(buf, 0, [10, 100], [800, 8], [1, 0], 9, false, 2, new Float64Array(10), 1), TypeError);
    K.axisProd(buf, 3, [7, 100], [800, 8], [1, 0], 0, true, new Float64Array(7).fill(1));
    K.axisProd(buf, 1, [999], [8], [0], 9, false, new BigInt64Array(1).fill(1n));
    throwsCode(() => K.axisProd(buf, 8, [1000], [8], [0], 0, false, new Float64Array(1)), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.axisProd(buf, 0, [10, 100], [800, 8], [1, 0], 0, false, new Float64Array(9)), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.axisReduce(buf, 8, [1000], [8], [0], 0, false, 0, new Float64Array(1), 1), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.axisReduce(buf, 0, [10, 100], [800, 8], [1, 0], 0, false, 0, new Float64Array(9), 1), 'ERR_OUT_OF_RANGE', RangeError);
    const arg = new Float64Array(10);
    K.argReduce(buf, 0, [10, 100], [800, 8], 0, false, true, false, arg);
    K.argReduce(buf, 5, [99], [8], 6, true, false, true, arg);
    K.argReduce(buf, 0, [4, 2000], [2000, 1], 3, false, true, false, arg);
    K.argReduce(buf, 0, [4, 1000], [2000, 2], 4, false, false, true, arg);
    K.argReduce(buf, 0, [2, 990], [4000, 4], 1, false, true, false, arg);
    const idx = BigInt64Array.from({ length: 300 }, (_, i) => BigInt((i * 7) % 1000) - 500n);
    const dst = new Float64Array(300);
    assert.strictEqual(K.take(buf, 0, 1000, 8, 8, idx.buffer, 0, 300, 8, 9, false, 0, dst.buffer, 0), -1);
    assert.strictEqual(K.take(buf, 0, 400, 8, 8, idx.buffer, 0, 300, 8, 9, false, 0, dst.buffer, 0), 0);
    K.take(buf, 0, 7, 8, 8, idx.buffer, 0, 300, 8, 9, false, 1, dst.buffer, 0);
    throwsCode(() => K.take(buf, 0, 1000, 8, 8, idx.buffer, 0, 300, 8, 9, false, 0, dst.buffer, 8), 'ERR_OUT_OF_RANGE', RangeError);
    // Ten sources of 100 items 800 bytes apart (forward and backward); one more reaches past the buffer, as does a short dst.
    const blocks = new ArrayBuffer(10 * 300 * 8);
    assert.strictEqual(K.take(buf, 0, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 1, blocks, 0, 10, 800), -1);
    assert.strictEqual(K.take(buf, 7200, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 2, blocks, 0, 10, -800), -1);
    assert.strictEqual(K.take(buf, 0, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 0, blocks, 0, 10, 800), 0);
    throwsCode(() => K.take(buf, 0, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 1, blocks, 0, 11, 800), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.take(buf, 0, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 1, blocks, 8, 10, 800), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.take(buf, 0, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 1, blocks, 0, -1, 800), 'ERR_INVALID_ARG_TYPE', TypeError);
    // The same ten sources into a destination that lays their items side by side (the blocked loop), then one item too far.
    assert.strictEqual(K.take(buf, 0, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 1, blocks, 0, 10, 800, 80, 8), -1);
    assert.strictEqual(K.take(buf, 7200, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 2, blocks, 0, 7, -800, 80, 8), -1);
    throwsCode(() => K.take(buf, 0, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 1, blocks, 8, 10, 800, 80, 8), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.take(buf, 0, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 1, blocks, 0, 10, 800, 2 ** 50, 8), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.take(buf, 0, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 1, blocks, 0, 2 ** 40, 2 ** 40), 'ERR_OUT_OF_RANGE', RangeError);
    const m = map(file(new Uint8Array(8000)), 'r+');
    assert.strictEqual(K.addAt(m, 0, 1000, 8, 0, false, idx.buffer, 0, 300, 8, 9, false, 1.5), -1);
    assert.strictEqual(K.addAt(m, 0, 400, 8, 0, false, idx.buffer, 0, 300, 8, 9, false, 1.5), 0);
    // ufuncAt (ufunc.at): NumPy's indexed loops over int64 and int32 indices
    // in place, other index types in blocks, the loop an item at a time (a
    // mapping target, a unary op), indices and values in the target's own
    // memory, an integer's negative power, and the refusals.
    const vals = new Float64Array(300).map((_, i) => i - 150);
    const tgt = new Float64Array(1000).buffer;
    assert.strictEqual(K.ufuncAt(0, 0, tgt, 0, 1000, 8, idx.buffer, 0, 300, 8, 9, false, vals.buffer, 0, 8, true), -1);
    const idx32 = Int32Array.from(idx, Number);
    assert.strictEqual(K.ufuncAt(11, 0, tgt, 0, 1000, 8, idx32.buffer, 0, 300, 4, 6, false, vals.buffer, 0, 0, true), -1);
    assert.strictEqual(K.ufuncAt(11, 0, tgt, 0, 1000, 8, Int16Array.from(idx, Number).buffer, 0, 300, 2, 4, false, vals.buffer, 0, 8, true), -1);
    assert.strictEqual(K.ufuncAt(11, 0, m, 0, 1000, 8, idx.buffer, 0, 300, 8, 9, false, vals.buffer, 0, 8, false), -1);
    assert.strictEqual(K.ufuncAt(12, 0, m, 0, 1000, 8, idx32.buffer, 0, 300, 4, 6, false, null, 0, 0, false), -1);
    // Byte-swapped int32 indices: -500 reads as 0x0cfeffff, out of range at position 0.
    assert.strictEqual(K.ufuncAt(12, 0, m, 0, 1000, 8, idx32.buffer, 0, 300, 4, 6, true, null, 0, 0, false), 0);
    const own = new BigInt64Array(1000).map((_, i) => BigInt(i % 7));
    assert.strictEqual(K.ufuncAt(0, 9, own.buffer, 0, 1000, 8, own.buffer, 0, 999, 8, 9, false, own.buffer, 8, 8, true), -1);
    assert.strictEqual(K.ufuncAt(11, 9, own.buffer, 0, 1000, 8, own.buffer, 0, 999, 8, 9, false, own.buffer, 8, 8, false), -1);
    const ints = new Int32Array(10).fill(2);
    assert.strictEqual(K.ufuncAt(32, 6, ints.buffer, 0, 10, 4, new BigInt64Array([0n, 1n, 2n, 3n]).buffer, 0, 4, 8, 9, false, Int32Array.from([2, 3, -1, 2]).buffer, 0, 4, true), -4);
    assert.deepStrictEqual(Array.from(ints.subarray(0, 4)), [4, 8, 2, 2]);
    assert.strictEqual(K.ufuncAt(0, 0, tgt, 0, 400, 8, idx.buffer, 0, 300, 8, 9, false, vals.buffer, 0, 8, true), 0);
    throwsCode(() => K.ufuncAt(0, 0, tgt, 8, 1000, 8, idx.buffer, 0, 300, 8, 9, false, vals.buffer, 0, 8, true), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.ufuncAt(0, 0, tgt, 0, 1000, 8, idx.buffer, 0, 300, 8, 9, false, vals.buffer, 8, 8, true), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.ufuncAt(0, 0, tgt, 4, 999, 8, idx.buffer, 0, 300, 8, 9, false, vals.buffer, 0, 8, true), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.ufuncAt(4, 0, tgt, 0, 1000, 8, idx.buffer, 0, 300, 8, 9, false, vals.buffer, 0, 8, true), 'ERR_INVALID_ARG_TYPE', TypeError);
    throwsCode(() => K.ufuncAt(12, 0, tgt, 0, 1000, 8, idx.buffer, 0, 300, 8, 9, false, vals.buffer, 0, 8, true), 'ERR_INVALID_ARG_TYPE', TypeError);
    throwsCode(() => K.ufuncAt(0, 12, tgt, 0, 1000, 8, idx.buffer, 0, 300, 8, 9, false, vals.buffer, 0, 8, true), 'ERR_INVALID_ARG_TYPE', TypeError);
    // ufuncAccumulate (ufunc.accumulate and ufunc.reduce of the other
    // ufuncs): a 3x4 accumulation by rows, the same into a mapping, a fold
    // into one row of accumulators (step stride 0), a strided input, an
    // integer's negative power, and the refusals (a span past the memory,
    // shared memory, a bad first step).
    const xs = new Float64Array(12).map((_, i) => i + 1);
    const acc = new Float64Array(12);
    acc.set(xs.subarray(0, 4));
    assert.strictEqual(K.ufuncAccumulate(1, 0, acc.buffer, 0, xs.buffer, 0, 3, 4, 32, 8, 32, 8, 1), -1);
    assert.deepStrictEqual(Array.from(acc), [1, 2, 3, 4, -4, -4, -4, -4, -13, -14, -15, -16]);
    assert.strictEqual(K.ufuncAccumulate(1, 0, m, 0, xs.buffer, 0, 3, 4, 32, 8, 32, 8, 1), -1);
    const row = new Float64Array(4);
    assert.strictEqual(K.ufuncAccumulate(1, 0, row.buffer, 0, xs.buffer, 0, 3, 4, 0, 8, 32, 8, 0), -1);
    assert.deepStrictEqual(Array.from(row), [-15, -18, -21, -24]);
    assert.strictEqual(K.ufuncAccumulate(1, 0, row.buffer, 0, xs.buffer, 88, 12, 1, 0, 8, -8, 8, 0), -1);
    const pw = new Int32Array([2, 3, -1, 2]);
    const pacc = new Int32Array(4);
    pacc[0] = 2;
    assert.ok(K.ufuncAccumulate(32, 6, pacc.buffer, 0, pw.buffer, 0, 4, 1, 4, 4, 4, 4, 1) >= 1);
    assert.ok(K.ufuncAccumulate(32, 6, pacc.buffer, 0, pw.buffer, 0, 4, 2, 0, 4, 0, 4, 1) === -1);
    // Lane by lane (the steps closer in memory than the lanes: a fold along
    // the innermost axis): 4 lanes of 10 steps, reversed lanes; a reduction
    // into 4 accumulators and an accumulation of 3 lanes in place of rows;
    // a math loop (fmax, 64 + 38) and a costly step (divide: row by row).
    const lane = new Float64Array(40).map((_, i) => ((i * 7) % 11) - 5);
    const lacc = new Float64Array(4);
    for (let l = 0; l < 4; l++) lacc[l] = lane[l * 10];
    assert.strictEqual(K.ufuncAccumulate(1, 0, lacc.buffer, 0, lane.buffer, 0, 10, 4, 0, 8, 8, 80, 1), -1);
    for (let l = 0; l < 4; l++) {
      let v = lane[l * 10];
      for (let k = 1; k < 10; k++) v -= lane[l * 10 + k];
      assert.strictEqual(lacc[l], v);
    }
    const lrun = new Float64Array(30);
    for (let l = 0; l < 3; l++) lrun[(2 - l) * 10] = lane[l * 10];
    assert.strictEqual(K.ufuncAccumulate(102, 0, lrun.buffer, 160, lane.buffer, 0, 10, 3, 8, -80, 8, 80, 1), -1);
    assert.strictEqual(lrun[29], Math.max(...lane.subarray(0, 10)));
    assert.strictEqual(K.ufuncAccumulate(3, 0, lacc.buffer, 0, lane.buffer, 0, 10, 4, 0, 8, 8, 80, 1), -1);
    const lgroups = new Float64Array([0, 9, 3]);
    const lgres = new Float64Array(12);
    assert.strictEqual(K.ufuncReduceat(1, 0, lgres.buffer, 0, lane.buffer, 0, 10, 4, 8, 80, 32, 8, f8Starts(lgroups)), -1);
    assert.strictEqual(lgres[0], lane.subarray(1, 9).reduce((v, x) => v - x, lane[0]));
    assert.strictEqual(lgres[8 + 1], lane.subarray(14, 20).reduce((v, x) => v - x, lane[13]));
    throwsCode(() => K.ufuncAccumulate(1, 0, acc.buffer, 8, xs.buffer, 0, 3, 4, 32, 8, 32, 8, 1), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.ufuncAccumulate(1, 0, acc.buffer, 0, xs.buffer, 0, 4, 4, 32, 8, 32, 8, 1), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.ufuncAccumulate(1, 0, xs.buffer, 0, xs.buffer, 0, 3, 4, 32, 8, 32, 8, 1), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.ufuncAccumulate(1, 0, acc.buffer, 4, xs.buffer, 0, 2, 4, 32, 8, 32, 8, 1), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.ufuncAccumulate(1, 0, acc.buffer, 0, xs.buffer, 0, 3, 4, 32, 8, 32, 8, 0), 'ERR_INVALID_ARG_TYPE', TypeError);
    throwsCode(() => K.ufuncAccumulate(12, 0, acc.buffer, 0, xs.buffer, 0, 3, 4, 32, 8, 32, 8, 1), 'ERR_INVALID_ARG_TYPE', TypeError);
    // ufuncReduceat (ufunc.reduceat of the other ufuncs): groups of a 12x1
    // input (a start not below the next is that row alone; the last group
    // runs to the end), two lanes of a 6x2 input into a mapping, the starts
    // as int64 / reversed int32 / byte-swapped int16 index arrays, and the
    // refusals (a start out of range, negative or not whole, starts past
    // their memory or of bool type, a result past its memory).
    const groups = new Float64Array([0, 4, 1, 5, 11]);
    const gres = new Float64Array(5);
    const want = [1 - 2 - 3 - 4, 5, 2 - 3 - 4 - 5, 6 - 7 - 8 - 9 - 10 - 11, 12];
    assert.strictEqual(K.ufuncReduceat(1, 0, gres.buffer, 0, xs.buffer, 0, 12, 1, 8, 8, 8, 8, f8Starts(groups)), -1);
    assert.deepStrictEqual(Array.from(gres), want);
    const i8Groups = BigInt64Array.from([0n, 4n, 1n, 5n, 11n]);
    gres.fill(0);
    assert.strictEqual(K.ufuncReduceat(1, 0, gres.buffer, 0, xs.buffer, 0, 12, 1, 8, 8, 8, 8, [i8Groups.buffer, 0, 5, 8, 9, false]), -1);
    assert.deepStrictEqual(Array.from(gres), want);
    const i4Reversed = Int32Array.from([11, 5, 1, 4, 0]);
    gres.fill(0);
    assert.strictEqual(K.ufuncReduceat(1, 0, gres.buffer, 0, xs.buffer, 0, 12, 1, 8, 8, 8, 8, [i4Reversed.buffer, 16, 5, -4, 6, false]), -1);
    assert.deepStrictEqual(Array.from(gres), want);
    const i2Swapped = new Uint8Array(10);
    [0, 4, 1, 5, 11].forEach((v, i) => { i2Swapped[2 * i + 1] = v; });
    gres.fill(0);
    assert.strictEqual(K.ufuncReduceat(1, 0, gres.buffer, 0, xs.buffer, 0, 12, 1, 8, 8, 8, 8, [i2Swapped.buffer, 0, 5, 2, 4, true]), -1);
    assert.deepStrictEqual(Array.from(gres), want);
    assert.strictEqual(K.ufuncReduceat(1, 0, m, 0, xs.buffer, 0, 6, 2, 16, 8, 16, 8, f8Starts(new Float64Array([0, 3]))), -1);
    // kernelReduceat (add/multiply/integer min/max) reads the same starts.
    gres.fill(0);
    addon.kernelReduceat(0, [12], [i8Groups.buffer, 0, 5, 8, 9, false], [xs.buffer, 0, [8], 0, false], [gres.buffer, 0, [8], 0, false]);
    assert.deepStrictEqual(Array.from(gres), [1 + 2 + 3 + 4, 5, 2 + 3 + 4 + 5, 6 + 7 + 8 + 9 + 10 + 11, 12]);
    throwsCode(() => addon.kernelReduceat(0, [12], [i8Groups.buffer, 8, 5, 8, 9, false], [xs.buffer, 0, [8], 0, false], [gres.buffer, 0, [8], 0, false]), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => addon.kernelReduceat(0, [4], [i8Groups.buffer, 0, 5, 8, 9, false], [xs.buffer, 0, [8], 0, false], [gres.buffer, 0, [8], 0, false]), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => addon.kernelReduceat(0, [12], [i8Groups.buffer, 0, 0, 8, 9, false], [xs.buffer, 0, [8], 0, false], [gres.buffer, 0, [8], 0, false]), 'ERR_OUT_OF_RANGE', RangeError);
    // kernelReduce's fmin/fmax reductions (ops 3, 4): NaNs skipped, NaN when
    // all are, float32 reversed, float64 byte-swapped; refused for integers.
    const nanRow = Float64Array.from({ length: 600 }, (_, i) => (i < 300 || i % 7 === 0 ? NaN : (i * 37) % 101 - 50.5));
    assert.strictEqual(addon.kernelReduce(nanRow.buffer, 0, [8], [600], 0, false, 4), 49.5);
    assert.strictEqual(addon.kernelReduce(nanRow.buffer, 0, [8], [600], 0, false, 3), -50.5);
    assert.ok(Number.isNaN(addon.kernelReduce(nanRow.buffer, 0, [8], [300], 0, false, 4)));
    const nanF4 = Float32Array.from(nanRow);
    assert.strictEqual(addon.kernelReduce(nanF4.buffer, 599 * 4, [-4], [600], 1, false, 4), 49.5);
    const swapped = new DataView(new ArrayBuffer(600 * 8));
    nanRow.forEach((v, i) => swapped.setFloat64(i * 8, v, false));
    assert.strictEqual(addon.kernelReduce(swapped.buffer, 0, [16], [300], 0, true, 3), -50.5);
    throwsCode(() => addon.kernelReduce(new Int32Array(600).buffer, 0, [4], [600], 6, false, 4), 'ERR_INVALID_ARG_TYPE', TypeError);
    throwsCode(() => addon.kernelReduce(nanRow.buffer, 0, [8], [600], 0, false, 5), 'ERR_INVALID_ARG_TYPE', TypeError);
    throwsCode(() => K.ufuncReduceat(1, 0, gres.buffer, 0, xs.buffer, 0, 12, 1, 8, 8, 8, 8, f8Starts(new Float64Array([0, 12]))), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.ufuncReduceat(1, 0, gres.buffer, 0, xs.buffer, 0, 12, 1, 8, 8, 8, 8, f8Starts(new Float64Array([0, 1.5]))), 'ERR_OUT_OF_RANGE', RangeError);
    assert.throws(() => K.ufuncReduceat(1, 0, gres.buffer, 0, xs.buffer, 0, 12, 1, 8, 8, 8, 8, f8Starts(new Float64Array([0, 1.5]))), { message: 'ufuncReduceat: start 1 is not an integer in [0, 12)' });
    assert.throws(() => K.ufuncReduceat(1, 0, gres.buffer, 0, xs.buffer, 0, 12, 1, 8, 8, 8, 8, [new Uint8Array([0, 1]).buffer, 0, 2, 1, 8, false]), { message: 'ufuncReduceat: the starts must be of an integer type or float64' });
    assert.throws(() => K.ufuncReduceat(1, 0, gres.buffer, 0, xs.buffer, 0, 12, 1, 8, 8, 8, 8, [groups.buffer, 0, 5]), { message: 'ufuncReduceat: the starts must be [memory, byteOffset, count, stride, type, swap]' });
    assert.throws(() => addon.kernelReduceat(0, [12], [i8Groups.buffer, 0, 0, 8, 9, false], [xs.buffer, 0, [8], 0, false], [gres.buffer, 0, [8], 0, false]), { message: 'kernelReduceat: no group starts' });
    throwsCode(() => K.ufuncReduceat(1, 0, gres.buffer, 0, xs.buffer, 0, 12, 1, 8, 8, 8, 8, [new BigInt64Array([0n, -1n]).buffer, 0, 2, 8, 9, false]), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.ufuncReduceat(1, 0, gres.buffer, 0, xs.buffer, 0, 12, 1, 8, 8, 8, 8, [new BigUint64Array([0n, 2n ** 63n]).buffer, 0, 2, 8, 10, false]), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.ufuncReduceat(1, 0, gres.buffer, 0, xs.buffer, 0, 12, 1, 8, 8, 8, 8, [new Float64Array([0, 1]).buffer, 0, 3, 8, 0, false]), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.ufuncReduceat(1, 0, gres.buffer, 0, xs.buffer, 0, 12, 1, 8, 8, 8, 8, [new Float64Array([0, 1]).buffer, 8, 2, -16, 0, false]), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.ufuncReduceat(1, 0, gres.buffer, 0, xs.buffer, 0, 12, 1, 8, 8, 8, 8, [new Uint8Array([0, 1]).buffer, 0, 2, 1, 8, false]), 'ERR_INVALID_ARG_TYPE', TypeError);
    throwsCode(() => K.ufuncReduceat(1, 0, gres.buffer, 0, xs.buffer, 0, 12, 1, 8, 8, 8, 8, [groups.buffer, 0, 5]), 'ERR_INVALID_ARG_TYPE', TypeError);
    throwsCode(() => K.ufuncReduceat(1, 0, gres.buffer, 8, xs.buffer, 0, 12, 1, 8, 8, 8, 8, f8Starts(groups)), 'ERR_OUT_OF_RANGE', RangeError);
    // ufuncAtMulti: a 2-d target (C, reversed, F strides) with an index array
    // per axis, the indexed and item-at-a-time loops, a mapping target, and
    // the refusals (out of range, overlap: null; bad layouts: throws).
    const rows = Int32Array.from({ length: 300 }, (_, i) => (i * 7) % 25 - 12);
    const cols = new BigInt64Array(300).map((_, i) => BigInt((i * 11) % 40 - 20));
    const ix = (a, s, t) => [a.buffer, 0, 300, s, t, false];
    const grid = new Float64Array(1000);
    assert.strictEqual(K.ufuncAtMulti(0, 0, grid.buffer, 0, [25, 40], [320, 8], vals.buffer, 0, 8, true, ...ix(rows, 4, 6), ...ix(cols, 8, 9)), -1);
    assert.strictEqual(K.ufuncAtMulti(11, 0, grid.buffer, 7992, [25, 40], [-320, -8], vals.buffer, 0, 0, false, ...ix(rows, 4, 6), ...ix(cols, 8, 9)), -1);
    assert.strictEqual(K.ufuncAtMulti(12, 0, m, 0, [25, 40], [8, 200], null, 0, 0, false, ...ix(rows, 4, 6), ...ix(cols, 8, 9)), -1);
    assert.strictEqual(K.ufuncAtMulti(0, 0, grid.buffer, 0, [12, 40], [320, 8], vals.buffer, 0, 8, true, ...ix(rows, 4, 6), ...ix(cols, 8, 9)), null);
    assert.strictEqual(K.ufuncAtMulti(0, 0, grid.buffer, 0, [25, 40], [320, 8], grid.buffer, 0, 8, true, ...ix(rows, 4, 6), ...ix(cols, 8, 9)), null);
    assert.strictEqual(K.ufuncAtMulti(32, 6, ints.buffer, 0, [2, 5], [20, 4], Int32Array.from([1, -1]).buffer, 0, 4, true, Int32Array.from([0, 1]).buffer, 0, 2, 4, 6, false, Int32Array.from([1, 1]).buffer, 0, 2, 4, 6, false), -3);
    throwsCode(() => K.ufuncAtMulti(0, 0, grid.buffer, 8, [25, 40], [320, 8], vals.buffer, 0, 8, true, ...ix(rows, 4, 6), ...ix(cols, 8, 9)), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.ufuncAtMulti(0, 0, grid.buffer, 4, [25, 39], [320, 8], vals.buffer, 0, 8, true, ...ix(rows, 4, 6), ...ix(cols, 8, 9)), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.ufuncAtMulti(0, 0, grid.buffer, 0, [25, 40], [320, 8], vals.buffer, 0, 8, true, ...ix(rows, 4, 6)), 'ERR_INVALID_ARG_TYPE', TypeError);
    throwsCode(() => K.ufuncAtMulti(0, 0, grid.buffer, 0, [25, 40], [320, 8], vals.buffer, 0, 8, true, ...ix(rows, 4, 6), cols.buffer, 0, 299, 8, 9, false), 'ERR_OUT_OF_RANGE', RangeError);
    const nz = new Float64Array(buf).filter((v) => v !== 0).length;
    assert.strictEqual(K.compress(buf, 0, 1000, 8, 0, false, m, 0, 8, 8, new ArrayBuffer(8000), 0, 1000), nz);
    const perm = new Uint32Array(1000);
    K.argsort(m, 0, 1000, 8, 0, true, perm);
    assert.strictEqual(K.binMax(idx.buffer, 0, 300, 8, 9, false), -2);
    K.binAdd(idx.buffer, 576, 1, 8, 9, false, buf, 0, 8, 0, false, new Float64Array(600));
    throwsCode(() => K.binAdd(idx.buffer, 2400, 1, 8, 9, false, null, 0, 0, 0, false, new Float64Array(600)), 'ERR_OUT_OF_RANGE', RangeError);
    // nonzero, searchsorted and put: 2-d and flat, sorted and unsorted, a
    // scatter whose values and indices lie in the target's own memory.
    const nzOut = [new ArrayBuffer(8 * nz), new ArrayBuffer(8 * nz)];
    assert.strictEqual(K.nonzero(buf, 0, [10, 100], [800, 8], 0, false, nzOut, [0, 0], nz, false), nz);
    assert.strictEqual(K.nonzero(m, 3, [99], [8], 0, true, [nzOut[0]], [0], 99, true) <= 99, true);
    throwsCode(() => K.nonzero(buf, 0, [1000], [8], 0, false, [nzOut[0]], [8], nz, true), 'ERR_OUT_OF_RANGE', RangeError);
    const sorted = new Float64Array(1000).map((_, i) => i - 500).buffer;
    const found = new BigInt64Array(1000);
    K.searchsorted(sorted, 0, 1000, 8, 0, false, buf, 0, 1000, 8, 0, false, false, found.buffer, 0);
    K.searchsorted(buf, 0, 1000, 8, 0, false, sorted, 7992, 1000, -8, 0, false, true, found.buffer, 0);
    K.searchsorted(m, 1, 999, 8, 0, true, buf, 0, 300, 8, 0, false, true, found.buffer, 0);
    throwsCode(() => K.searchsorted(sorted, 0, 1000, 8, 0, false, idx.buffer, 0, 300, 8, 9, false, false, found.buffer, 0), 'ERR_INVALID_ARG_TYPE', TypeError);
    throwsCode(() => K.searchsorted(sorted, 0, 1000, 8, 0, false, buf, 0, 1000, 8, 0, false, false, found.buffer, 8), 'ERR_OUT_OF_RANGE', RangeError);
    const target = new Float64Array(2000).buffer;
    assert.strictEqual(K.put(target, 0, 1000, 8, 8, idx.buffer, 0, 300, 8, 9, false, 0, buf, 0, 1000, 8), -1);
    assert.strictEqual(K.put(target, 8000, 1000, 8, 8, target, 0, 300, 8, 9, false, 1, target, 800, 900, 8), -1);
    assert.strictEqual(K.put(m, 0, 400, 8, 8, idx.buffer, 0, 300, 8, 9, false, 0, buf, 0, 1, 0), 0);
    throwsCode(() => K.put(target, 8, 2000, 8, 8, idx.buffer, 0, 300, 8, 9, false, 2, buf, 0, 1, 0), 'ERR_OUT_OF_RANGE', RangeError);
    // Ten targets of 100 items 1600 bytes apart, values shared (0) or 800 bytes apart, overlapping the targets too.
    assert.strictEqual(K.put(target, 0, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 1, buf, 0, 300, 8, 10, 1600, 0), -1);
    assert.strictEqual(K.put(target, 0, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 2, buf, 0, 100, 8, 10, 1600, 800), -1);
    assert.strictEqual(K.put(target, 14400, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 1, target, 0, 100, 8, 10, -1600, 800), -1);
    assert.strictEqual(K.put(target, 0, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 0, buf, 0, 1, 0, 10, 1600, 0), 0);
    throwsCode(() => K.put(target, 0, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 1, buf, 0, 1, 0, 11, 1600, 0), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.put(target, 0, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 1, buf, 0, 100, 8, 11, 800, 800), 'ERR_OUT_OF_RANGE', RangeError);
    throwsCode(() => K.put(target, 0, 100, 8, 8, idx.buffer, 0, 300, 8, 9, false, 1, buf, 0, 1, 0, -1, 1600, 0), 'ERR_INVALID_ARG_TYPE', TypeError);
    m.close();
    throwsCode(() => K.argsort(m, 0, 1000, 8, 0, true, perm), 'ERR_CLOSED');
  }

  // A window still alive at exit is released by the environment's cleanup.
  globalThis.leftOpen = new Uint8Array(map(file(bytes), 'r').window(0, 8));

  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`native exercise OK (${addonPath}${typeof global.gc === 'function' ? ', with gc' : ''})`);
}

main().catch((e) => {
  console.error(e);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
