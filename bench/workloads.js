'use strict';
// The workloads W1–W8. Each returns rows: { id, name, unit, lib, base, np,
// target, note }, where lib/base/np are stats of milliseconds (per op where
// `unit` says so) and target says which reference the library is held to:
//   { ref: 'np' | 'base', time: r }  -> lib time <= r × reference time
//   { ref: 'np' | 'base', speed: r } -> lib speed >= r × reference speed
const fs = require('fs');
const path = require('path');
const { Worker } = require('worker_threads');

const mm = require('../dist');
const h = require('./harness');
const { rawFieldLoops } = require('./raw-field');

const RECORD = { names: ['id', 'ts', 'value'], formats: ['<u4', '<u4', '<f8'] };
const GB = 1e9;

function gbps(bytes, st) {
  return st ? `${(bytes / GB / (st.median / 1e3)).toFixed(2)} GB/s` : 'n/a';
}

// ------------------------------------------------------------------ W1

function w1(ctx) {
  const n = ctx.n10m;
  const k = ctx.quick ? 50_000 : 200_000;
  const big = mm.zeros([n], '<i2');
  const small = mm.zeros([1024], '<i2');
  const rec = mm.memmap(ctx.files.records, { dtype: RECORD, mode: 'r', shape: [n] });
  // Records in memory, as NumPy's plain array (never touched: no page is faulted in).
  const plainRec = mm.empty([n], RECORD);
  const two = mm.zeros([1000, 1000], '<i2');
  const bigBuf = big.buffer;
  const smallBuf = small.buffer;
  const recBuf = rec.buffer;
  // Each view is kept in a ring of 1,024, as a program holds its views: a
  // loop that keeps only the last one (x = f()) lets V8 elide the allocation.
  const ring = new Array(1024).fill(null);
  const loop = (f) => () => {
    for (let i = 0; i < k; i++) ring[i & 1023] = f();
    return ring[0];
  };
  const m = (f) => h.measure(loop(f), { rounds: ctx.rounds, per: k, warmup: 2 });
  const np = h.runNumpy('W1', { n, ops: k, rounds: ctx.rounds, records: ctx.files.records });
  const target = { ref: 'np', time: 0.5 };
  const rows = [
    { id: 'W1', name: "view('<i4') of 10M i2", lib: m(() => big.view('<i4')), base: m(() => new Int32Array(bigBuf, 0, n / 2)), np: np?.view_big, target },
    { id: 'W1', name: "view('<i4') of 1K i2", lib: m(() => small.view('<i4')), base: m(() => new Int32Array(smallBuf, 0, 512)), np: np?.view_small, target },
    { id: 'W1', name: "index('1:-1:2') of 10M i2", lib: m(() => big.index('1:-1:2')), base: m(() => new Int16Array(bigBuf, 2, n - 2)), np: np?.index, target },
    { id: 'W1', name: "field('value') of 10M rec in memory (both plain arrays)", lib: m(() => plainRec.field('value')), base: m(() => new DataView(recBuf, 8)), np: np?.field_plain, target },
    { id: 'W1', name: "field('value') of 10M rec, a memmap (both memmaps)", lib: m(() => rec.field('value')), base: m(() => new DataView(recBuf, 8)), np: np?.field, target },
    {
      id: 'W1',
      name: 'T of 1000x1000 i2',
      lib: m(() => two.T),
      base: m(() => ({ shape: [1000, 1000].reverse(), strides: [2000, 2].reverse(), buffer: bigBuf })),
      np: np?.T,
      target,
    },
  ];
  rec.close();
  for (const r of rows) r.unit = 'per op';
  return rows;
}

// ------------------------------------------------------------------ W2

function w2(ctx) {
  const rec = mm.memmap(ctx.files.records, { dtype: RECORD, mode: 'r' });
  const f8 = mm.memmap(ctx.files.f8, { dtype: '<f8', mode: 'r' });
  const field = rec.field('value');
  const n = field.shape[0];
  const t = new Float64Array(rec.buffer);
  const c = f8.typedArray({ unsafeAllowReadOnly: true });
  const rounds = ctx.quick ? 3 : 3;
  const getLoop = h.measure(() => {
    let s = 0;
    for (let i = 0; i < n; i++) s += field.get(i);
    return s;
  }, { rounds });
  const fieldSum = h.measure(() => field.sum(), { rounds });
  const rawField = h.measure(() => {
    let s = 0;
    for (let i = 1, m = 2 * n; i < m; i += 2) s += t[i];
    return s;
  }, { rounds });
  const f8Sum = h.measure(() => f8.sum(), { rounds });
  const rawF8 = h.measure(() => {
    let s = 0;
    for (let i = 0, m = c.length; i < m; i++) s += c[i];
    return s;
  }, { rounds });
  const np = h.runNumpy('W2', { records: ctx.files.records, f8: ctx.files.f8, rounds });
  const rb = ctx.sizes.records;
  const fb = ctx.sizes.f8;
  const same = (a, b) => (b === undefined ? '' : a === b ? ', = NumPy bit for bit' : `, differs from NumPy (${a} vs ${b})`);
  rec.close();
  f8.close();
  return [
    {
      id: 'W2',
      name: `field sum, get(i) loop (${(rb / 2 ** 30).toFixed(2)} GiB)`,
      lib: getLoop,
      base: rawField,
      np: np?.field_sum,
      target: { ref: 'np', speed: 0.6 },
      note: `lib ${gbps(rb, getLoop)}, np ${gbps(rb, np?.field_sum)}`,
    },
    {
      id: 'W2',
      name: "field sum, field('value').sum()",
      lib: fieldSum,
      base: rawField,
      np: np?.field_sum,
      target: { ref: 'np', speed: 0.85 },
      note: `lib ${gbps(rb, fieldSum)}, base ${gbps(rb, rawField)}, np ${gbps(rb, np?.field_sum)}${same(fieldSum.result, np?.check_field)}`,
    },
    {
      id: 'W2',
      name: `contiguous <f8 sum (${(fb / 2 ** 30).toFixed(2)} GiB)`,
      lib: f8Sum,
      base: rawF8,
      np: np?.f8_sum,
      target: { ref: 'np', speed: 0.9 },
      note: `lib ${gbps(fb, f8Sum)}, base ${gbps(fb, rawF8)}, np ${gbps(fb, np?.f8_sum)}${same(f8Sum.result, np?.check_f8)}`,
    },
  ];
}

// ------------------------------------------------------------------ W3

function w3(ctx) {
  const n = ctx.n10m;
  const rec = mm.memmap(ctx.files.records, { dtype: RECORD, mode: 'r', shape: [n] });
  // Records in memory, as NumPy's plain array (never touched: no page is faulted in).
  const plainRec = mm.empty([n], RECORD);
  const field = rec.field('value');
  const t = new Float64Array(rec.buffer, 0, 2 * n);
  const lib = h.measure(() => mm.ascontiguousarray(field), { rounds: ctx.rounds });
  const base = h.measure(() => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = t[2 * i + 1];
    return out;
  }, { rounds: ctx.rounds });
  const out = mm.zeros([n], '<f8');
  const outT = out.typedArray();
  outT.fill(1); // fault the pages in once: this row times the copy itself
  const libInto = h.measure(() => out.set(field), { rounds: ctx.rounds });
  const baseInto = h.measure(() => {
    for (let i = 0; i < n; i++) outT[i] = t[2 * i + 1];
  }, { rounds: ctx.rounds });
  const np = h.runNumpy('W3', { records: ctx.files.records, n, rounds: ctx.rounds });
  rec.close();
  return [
    { id: 'W3', name: 'ascontiguousarray(field) 10M rec', lib, base, np: np?.gather, target: { ref: 'np', time: 1.1 } },
    { id: 'W3', name: 'out.set(field) 10M rec, out preallocated', lib: libInto, base: baseInto, np: np?.prealloc, target: { ref: 'np', time: 1.1 } },
  ];
}

// ------------------------------------------------------------------ W4

function w4(ctx) {
  const n = ctx.n10m;
  const file = ctx.dir.path('w4.bin');
  h.writeFile(file, n * 16, h.fillRecords);
  const count = ctx.quick ? 200_000 : 1_000_000;
  const idx = h.randomIndices(count, n);
  const idxFile = ctx.dir.path('w4-indices.bin');
  fs.writeFileSync(idxFile, new Uint8Array(idx.buffer));
  const m = mm.memmap(file, { dtype: RECORD, mode: 'r+' });
  const field = m.field('value');
  const t = m.view('<f8').typedArray();
  const raw = new Float64Array(m.buffer);
  const viaTyped = () => {
    for (let k = 0; k < count; k++) t[2 * idx[k] + 1] += 1;
  };
  const lib = h.measure(viaTyped, { rounds: ctx.rounds });
  const base = h.measure(() => {
    for (let k = 0; k < count; k++) raw[2 * idx[k] + 1] += 1;
  }, { rounds: ctx.rounds });
  const elementCount = Math.min(count, 200_000);
  const viaSet = h.measure(() => {
    for (let k = 0; k < elementCount; k++) {
      const i = idx[k];
      field.set([i], field.get(i) + 1);
    }
  }, { rounds: ctx.quick ? 1 : 2 });
  const flush = h.measure(() => m.flush(), { rounds: ctx.rounds, setup: viaTyped });
  m.close();
  const fd = fs.openSync(file, 'r+');
  const one = Buffer.alloc(8);
  const pread = h.measure(() => {
    for (let k = 0; k < elementCount; k++) {
      const pos = idx[k] * 16 + 8;
      fs.readSync(fd, one, 0, 8, pos);
      one.writeDoubleLE(one.readDoubleLE(0) + 1, 0);
      fs.writeSync(fd, one, 0, 8, pos);
    }
  }, { rounds: ctx.quick ? 1 : 2 });
  fs.closeSync(fd);
  const np = h.runNumpy('W4', { records: file, indices: idxFile, rounds: ctx.rounds });
  fs.rmSync(file);
  const scale = elementCount / count;
  return [
    {
      id: 'W4',
      name: `+=1 at ${count / 1e6}M random rec, typedArray() of r+ map`,
      lib,
      base,
      np: np?.update,
      target: { ref: 'np', time: 1.0 },
      note: 'np: v[idx] += 1 (fancy index)',
    },
    {
      id: 'W4',
      name: `+=1 via field get(i)/set([i], v) (${elementCount / 1e3}K)`,
      lib: viaSet,
      base: pread,
      np: np ? scaled(np.update, scale) : null,
      note: 'base = pread/pwrite per element; np scaled to the same count',
    },
    { id: 'W4', name: 'flush() after the update', lib: flush, base: null, np: np?.flush, target: { ref: 'np', time: 1.1 } },
  ];
}

function scaled(st, f) {
  return h.stats(st.samples.map((x) => x * f));
}

// ------------------------------------------------------------------ W5

function w5(ctx) {
  const n = ctx.n10m;
  const ab = new ArrayBuffer(n * 8);
  const dv = new DataView(ab);
  for (let i = 0; i < n; i++) dv.setFloat64(i * 8, (i % 4096) / 8 - 200, false);
  const a = mm.fromBuffer(ab, '>f8');
  const lib = h.measure(() => a.astype('<f8'), { rounds: ctx.rounds });
  const base = h.measure(() => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = dv.getFloat64(i * 8, false);
    return out;
  }, { rounds: ctx.rounds });
  const inplace = h.measure(() => a.byteswap(true), { rounds: ctx.rounds });
  const u64 = new BigUint64Array(ab);
  const u32 = new Uint32Array(ab);
  const baseInplace = h.measure(() => {
    for (let i = 0; i < n; i++) {
      const lo = u32[2 * i];
      const hi = u32[2 * i + 1];
      u32[2 * i] = ((hi & 0xff) << 24) | ((hi & 0xff00) << 8) | ((hi >>> 8) & 0xff00) | (hi >>> 24);
      u32[2 * i + 1] = ((lo & 0xff) << 24) | ((lo & 0xff00) << 8) | ((lo >>> 8) & 0xff00) | (lo >>> 24);
    }
  }, { rounds: ctx.rounds });
  void u64;
  const np = h.runNumpy('W5', { n, rounds: ctx.rounds });
  return [
    { id: 'W5', name: "astype('<f8') of 10M >f8", lib, base, np: np?.astype, target: { ref: 'np', time: 1.1 } },
    { id: 'W5', name: 'byteswap(true) of 10M >f8', lib: inplace, base: baseInplace, np: np?.inplace, target: { ref: 'np', time: 1.1 } },
  ];
}

// ------------------------------------------------------------------ W6

function w6(ctx) {
  const k = ctx.quick ? 300 : 2000;
  const big = ctx.dir.path('w6-sparse-8g.bin');
  const small = ctx.dir.path('w6-4k.bin');
  h.sparseFile(big, 8 * 2 ** 30);
  h.writeFile(small, 4096, h.fillF8);
  const open = (p) => () => {
    let x;
    for (let i = 0; i < k; i++) {
      const m = mm.memmap(p, { dtype: '<f8', mode: 'r' });
      x = m.get(0);
      m.close();
    }
    return x;
  };
  const raw = (p) => () => {
    const b = Buffer.alloc(8);
    for (let i = 0; i < k; i++) {
      const fd = fs.openSync(p, 'r');
      fs.readSync(fd, b, 0, 8, 0);
      b.readDoubleLE(0);
      fs.closeSync(fd);
    }
  };
  const opts = { rounds: ctx.rounds, per: k, warmup: 1 };
  const np = h.runNumpy('W6', { big, small, ops: k, rounds: ctx.rounds });
  const rows = [
    { id: 'W6', name: 'memmap 8 GiB sparse + get(0)', unit: 'per op', lib: h.measure(open(big), opts), base: h.measure(raw(big), opts), np: np?.big, target: { ref: 'np', time: 0.25 }, note: 'base = open/pread/close' },
    { id: 'W6', name: 'memmap 4 KiB + get(0)', unit: 'per op', lib: h.measure(open(small), opts), base: h.measure(raw(small), opts), np: np?.small, target: { ref: 'np', time: 0.25 } },
  ];
  fs.rmSync(big);
  fs.rmSync(small);
  return rows;
}

// ------------------------------------------------------------------ W7

function w7(ctx) {
  const n = ctx.n10m;
  const rec = mm.memmap(ctx.files.records, { dtype: { names: ['a', 'value'], formats: ['<f8', '<f8'] }, mode: 'r', shape: [n] });
  const field = rec.field('value');
  const t = new Float64Array(rec.buffer, 0, 2 * n);
  const m = (fn, per = n) => h.measure(fn, { rounds: ctx.rounds, warmup: 2, per });
  const lib = m(() => {
    let s = 0;
    for (let i = 0; i < n; i++) s += field.get(i);
    return s;
  });
  const base = m(() => {
    let s = 0;
    for (let i = 0; i < n; i++) s += t[2 * i + 1];
    return s;
  });
  // The documented per-element fast path: a typed array plus element strides.
  const fast = m(() => {
    const { array, offset, strides } = field.stridedTypedArray({ unsafeAllowReadOnly: true });
    const step = strides[0];
    let s = 0;
    for (let i = 0; i < n; i++) s += array[offset + i * step];
    return s;
  });
  const unit = 'per element';
  const target = { ref: 'base', time: 1.5 };
  const rows = [
    { id: 'W7', unit, name: '10M get(i) of stride-2 <f8 field', lib, base, np: null, target, note: 'np n/a (a Python loop is not the comparison)' },
    { id: 'W7', unit, name: '10M reads via stridedTypedArray() of the field', lib: fast, base, np: null, target },
  ];

  // Packed 28-byte records read from the f8 file: value, a <f8 at offset 12, is unaligned.
  const PACKED = { names: ['a', 'b', 'value', 'c'], formats: ['<u4', '<f8', '<f8', '<u8'], offsets: [0, 4, 12, 20], itemsize: 28 };
  const f8 = mm.memmap(ctx.files.f8, { dtype: '<u1', mode: 'r' });
  const np_ = Math.min(n, Math.floor(f8.size / 28));
  const packedMap = mm.memmap(ctx.files.f8, { dtype: PACKED, mode: 'r', shape: [np_] });
  const packed = packedMap.field('value');
  const pdv = new DataView(packedMap.buffer, 0, 28 * np_);
  rows.push({
    id: 'W7',
    unit,
    name: '10M get(i) of an unaligned <f8 field (offset 12 of 28-byte records); raw: DataView',
    lib: m(() => {
      let s = 0;
      for (let i = 0; i < np_; i++) s += packed.get(i);
      return s;
    }, np_),
    base: m(() => {
      let s = 0;
      for (let i = 0, o = 12; i < np_; i++, o += 28) s += pdv.getFloat64(o, true);
      return s;
    }, np_),
    np: null,
    target,
  });
  // The first row's loop again. The first get(i) of a view builds its
  // accessor (element-access.ts). Once get() has made that call with its
  // type feedback allocated (the second view a program reads, here the
  // unaligned one), every loop compiled afterwards keeps a call inside the
  // inlined get(), and V8 then keeps the loop's double sum on the stack:
  // about 1.3 ns more per element. The first row, run alone (--only W7),
  // compiled before that; a program that reads several views gets this row.
  rows.push({
    id: 'W7',
    unit,
    name: '10M get(i) of stride-2 <f8 field, again after the unaligned row (as a program reading several views)',
    lib: m(() => {
      let s = 0;
      for (let i = 0; i < n; i++) s += field.get(i);
      return s;
    }),
    base,
    np: null,
    target,
  });

  // forEach/reduce/apply/map beside the same callback called by a hand-written
  // loop over a typed array (aligned) or a DataView (unaligned). Every result
  // is returned, so V8 cannot drop the work. apply writes, so it runs on
  // in-memory copies of the records (the same layouts).
  const alignedCopy = rec.copy();
  const packedCopy = packedMap.copy();
  const sides = [
    ['stride-2 <f8 field', field, alignedCopy.field('value'), n, 16, 8, false],
    ['unaligned <f8 field', packed, packedCopy.field('value'), np_, 28, 12, true],
  ];
  // One callback literal for every forEach row, as one call site of a program would pass.
  const count = (each) => () => {
    let c = 0;
    each((x) => {
      if (x > 0) c++;
    });
    return c;
  };
  for (const [what, view, writable, len, rb, fo, unaligned] of sides) {
    const roBuf = unaligned ? packedMap.buffer : rec.buffer;
    const rwBuf = unaligned ? packedCopy.buffer : alignedCopy.buffer;
    // Raw side: the same loops hand-written over the field's bytes.
    const { rawEach, rawReduce, rawApply } = rawFieldLoops(roBuf, rwBuf, len, rb, fo, unaligned);
    const rawMap = (fn) => {
      const out = new Float64Array(len);
      rawEach((v, i) => {
        out[i] = fn(v, i);
      });
      return out;
    };
    const add = (s, x) => s + x;
    const neg = (x) => -x;
    const twice = (x) => x * 2;
    const row = (name, l, b) => rows.push({ id: 'W7', unit, name: `${name} of a 10M ${what}`, lib: m(l, len), base: m(b, len), np: null, target });
    row('forEach(x => { if (x > 0) c++ })', count((fn) => view.forEach(fn)), count(rawEach));
    row('reduce((s, x) => s + x, 0)', () => view.reduce(add, 0), () => rawReduce(add, 0));
    row('apply(x => -x), in memory', () => writable.apply(neg), () => rawApply(neg));
    row('map(x => x * 2), a new <f8 array', () => view.map(twice), () => rawMap(twice));
  }
  // 2-d: the same callback as the 1-d rows (a loop that has seen several
  // different callbacks calls them without inlining: see the README).
  const two = field.reshape([1000, n / 1000]);
  const cols = n / 1000;
  rows.push({
    id: 'W7',
    unit,
    name: 'forEach(x => { if (x > 0) c++ }) of the stride-2 <f8 field as 1000 x 10000 (2-d)',
    lib: m(count((fn) => two.forEach(fn))),
    base: m(
      count((fn) => {
        for (let r = 0, k = 0; r < 1000; r++) for (let j = 0, p = 2 * r * cols + 1; j < cols; j++, p += 2, k++) fn(t[p], k);
      }),
    ),
    np: null,
    target,
  });
  const setLib = m(() => {
    const w = alignedCopy.field('value');
    for (let i = 0; i < n; i++) w.set(i, i);
    return w.get(n - 1);
  });
  const ct = new Float64Array(alignedCopy.buffer, 0, 2 * n);
  const setBase = m(() => {
    for (let i = 0, p = 1; i < n; i++, p += 2) ct[p] = i;
    return ct[2 * n - 1];
  });
  rows.push({ id: 'W7', unit, name: '10M set(i, v) of the stride-2 <f8 field, in memory', lib: setLib, base: setBase, np: null, target });
  rec.close();
  packedMap.close();
  f8.close();
  return rows;
}

// ------------------------------------------------------------------ W8

function startWorker(init) {
  const w = new Worker(path.join(__dirname, 'w8_worker.js'), { workerData: init });
  return new Promise((resolve, reject) => {
    w.once('message', () => resolve(w));
    w.once('error', reject);
  });
}

function runAll(workers) {
  return Promise.all(
    workers.map(
      (w) =>
        new Promise((resolve) => {
          w.once('message', resolve);
          w.postMessage('run');
        }),
    ),
  );
}

async function timeWorkers(workers, rounds) {
  await runAll(workers);
  const out = [];
  let result;
  for (let r = 0; r < rounds; r++) {
    const t0 = h.now();
    const parts = await runAll(workers);
    out.push(h.ms(t0, h.now()));
    result = parts.reduce((a, b) => a + b, 0);
  }
  const st = h.stats(out);
  st.result = result;
  return st;
}

async function w8(ctx) {
  const file = ctx.files.records;
  const n = ctx.sizes.records / 16;
  const half = Math.floor(n / 2);
  const one = [await startWorker({ file, first: 0, count: n })];
  const single = await timeWorkers(one, ctx.rounds);
  await Promise.all(one.map((w) => w.terminate()));
  const two = [await startWorker({ file, first: 0, count: half }), await startWorker({ file, first: half, count: n - half })];
  const dual = await timeWorkers(two, ctx.rounds);
  await Promise.all(two.map((w) => w.terminate()));
  const rb = ctx.sizes.records;
  return [
    {
      id: 'W8',
      name: "field sum, 2 workers (base: 1 worker)",
      lib: dual,
      base: single,
      np: null,
      target: { ref: 'base', speed: 1.7 },
      note: `1 worker ${gbps(rb, single)}, 2 workers ${gbps(rb, dual)}`,
    },
  ];
}


// ------------------------------------------------------------------ W9

/**
 * Bulk work past one JS window and casts: W2's sums on a 6 GiB file (warm:
 * mapped and read once; cold: a fresh mapping every round, page cache warm;
 * truly cold: the file's pages evicted before every round, NumPy's too),
 * min/max, 64-bit integer sums, casts, and sum/copy per element of a view of
 * just under vs just over 2 GiB (the old window limit).
 */
function w9(ctx) {
  const file = ctx.dir.path('six.bin');
  const size = 6 * 2 ** 30; // --quick too: the point is a file past every JS limit
  h.writeFile(file, size, h.fillF8);
  const rounds = 3;
  // Truly cold: every round evicts the file's pages (posix_fadvise DONTNEED,
  // harness.evictPageCache) before mmarray's sum of a fresh mapping, then
  // NumPy's round does the same (W9COLD), so both read the disk, interleaved.
  // First, while no mapping of the file holds pages (eviction keeps those).
  let evicted = null;
  if (h.evictPageCache(file)) {
    const lib = [];
    const np = [];
    let result;
    let npCheck;
    for (let r = 0; r < rounds; r++) {
      h.evictPageCache(file);
      const t0 = h.now();
      const m = mm.memmap(file, { dtype: '<f8', mode: 'r' });
      try {
        result = m.sum();
      } finally {
        m.close();
      }
      lib.push(h.ms(t0, h.now()));
      const npRound = h.runNumpy('W9COLD', { file });
      if (npRound) {
        np.push(npRound.f8_sum_evicted.samples[0]);
        npCheck = npRound.check;
      }
    }
    evicted = { lib: { ...h.stats(lib), result }, np: np.length ? h.stats(np) : undefined, npCheck };
  }
  const rec = mm.memmap(file, { dtype: RECORD, mode: 'r' });
  const f8 = mm.memmap(file, { dtype: '<f8', mode: 'r' });
  const field = rec.field('value');
  const np = h.runNumpy('W9', { file, rounds, quick: ctx.quick });
  const gib = (size / 2 ** 30).toFixed(2);
  const same = (a, b) => (b === undefined ? '' : Object.is(a, b) ? ', = NumPy bit for bit' : `, differs from NumPy (${a} vs ${b})`);
  const rows = [];
  const add = (name, lib, npStat, target, note = '') => rows.push({ id: 'W9', name, lib, np: npStat, target, note });

  const fieldSum = h.measure(() => field.sum(), { rounds });
  add(`field('value').sum() of a ${gib} GiB record file, warm`, fieldSum, np?.field_sum, { ref: 'np', time: 1.1 }, `${gbps(size, fieldSum)}${same(fieldSum.result, np?.check_field)}`);
  const f8Sum = h.measure(() => f8.sum(), { rounds });
  add(`sum() of a ${gib} GiB <f8 file, warm`, f8Sum, np?.f8_sum, { ref: 'np', time: 1.1 }, `${gbps(size, f8Sum)}${same(f8Sum.result, np?.check_f8)}`);
  const cold = (fn) => h.measure(() => {
    const m = mm.memmap(file, { dtype: '<f8', mode: 'r' });
    try {
      return fn(m);
    } finally {
      m.close();
    }
  }, { rounds });
  add(`sum() of the ${gib} GiB <f8 file, fresh mapping each round`, cold((m) => m.sum()), np?.f8_sum_cold, { ref: 'np', time: 1.2 });
  add(`field sum, fresh mapping each round`, cold((m) => m.view(RECORD).field('value').sum()), np?.field_sum_cold, { ref: 'np', time: 1.2 });
  if (evicted) {
    add(`sum() of the ${gib} GiB <f8 file, truly cold (pages evicted before each round)`, evicted.lib, evicted.np, { ref: 'np', time: 1.1 }, `${gbps(size, evicted.lib)} from disk, NumPy ${gbps(size, evicted.np)}; rounds interleaved${same(evicted.lib.result, evicted.npCheck)}`);
  }
  add(`min() of the ${gib} GiB <f8 file`, h.measure(() => f8.min(), { rounds }), np?.f8_min, { ref: 'np', time: 1.2 });
  add(`max() of the ${gib} GiB <f8 file`, h.measure(() => f8.max(), { rounds }), np?.f8_max, { ref: 'np', time: 1.2 });
  // nanmax of every axis: the reduction kernel (fmax's fold in vector lanes, read ahead);
  // NumPy's np.nanmax of a memmap is its fmax.reduce.
  const f8Nanmax = h.measure(() => mm.nanmax(f8).get(), { rounds });
  add(`nanmax() of the ${gib} GiB <f8 file`, f8Nanmax, np?.f8_nanmax, { ref: 'np', time: 1.0 }, `${gbps(size, f8Nanmax)}${same(f8Nanmax.result, np?.check_nanmax)}`);
  add(`nanmax() of the ${gib} GiB <f8 file, fresh mapping each round`, cold((m) => mm.nanmax(m).get()), np?.f8_nanmax_cold, { ref: 'np', time: 1.0 });

  // Packed 28-byte records: value, a <f8 at offset 12, is unaligned; NumPy
  // buffers it, and its sum is NumPy's buffered (chunked pairwise) order.
  const PACKED = { names: ['a', 'b', 'value', 'c'], formats: ['<u4', '<f8', '<f8', '<u8'], offsets: [0, 4, 12, 20], itemsize: 28 };
  const packed = mm.memmap(file, { dtype: PACKED, mode: 'r', shape: [Math.floor(size / 28)] }).field('value');
  const packedSum = h.measure(() => packed.sum(), { rounds });
  add(`sum() of an unaligned <f8 field (offset 12 of 28-byte records), ${gib} GiB`, packedSum, np?.packed_sum, { ref: 'np', time: 1.2 }, `${gbps(size, packedSum)}${same(packedSum.result, np?.check_packed)}`);
  add('min() of the same unaligned field', h.measure(() => packed.min(), { rounds }), np?.packed_min, { ref: 'np', time: 1.2 });
  add("max() of field('value') of 16-byte records (strided)", h.measure(() => field.max(), { rounds }), np?.field_max, { ref: 'np', time: 1.2 });
  const i4 = mm.memmap(file, { dtype: '<i4', mode: 'r' });
  add(`max() of the ${gib} GiB file as <i4`, h.measure(() => i4.max(), { rounds }), np?.i4_max, { ref: 'np', time: 1.2 });

  // 64-bit integers: 40M records of [ts <u8, value <f8]; the ts field.
  const n40 = 40_000_000;
  const ts = mm.memmap(file, { dtype: [['ts', '<u8'], ['value', '<f8']], mode: 'r', shape: [n40] }).field('ts');
  add('sum() of 40M <u8 record fields (BigInt)', h.measure(() => ts.sum(), { rounds }), np?.u8_sum, { ref: 'np', time: 1.2 });
  add('max() of 40M <u8 record fields (BigInt)', h.measure(() => ts.max(), { rounds }), np?.u8_max, { ref: 'np', time: 1.2 });

  // Casts into new arrays (NumPy's astype allocates too).
  const img = mm.fromBuffer(new Uint8Array(2160 * 3840 * 3).map((_, i) => (i * 31) & 0xff), 'u1').reshape([2160, 3840, 3]);
  const n10 = ctx.n10m;
  const f = mm.memmap(file, { dtype: '<f8', mode: 'r', shape: [n10] });
  const fbe = f.astype('>f8');
  const c16 = mm.memmap(file, { dtype: '<c16', mode: 'r', shape: [n10 / 2] });
  add("astype('<f4') of a 4K RGB u1 frame", h.measure(() => img.astype('<f4'), { rounds: 5 }), np?.cast_u1_f4, { ref: 'np', time: 1.2 });
  add("astype('<i4') of 10M <f8", h.measure(() => f.astype('<i4'), { rounds: 5 }), np?.cast_f8_i4, { ref: 'np', time: 1.2 });
  add("astype('<f2') of 10M <f8", h.measure(() => f.astype('<f2'), { rounds: 5 }), np?.cast_f8_f2, { ref: 'np', time: 1.2 });
  add("astype('<c8') of 5M <c16", h.measure(() => c16.astype('<c8'), { rounds: 5 }), np?.cast_c16_c8, { ref: 'np', time: 1.2 });
  add("astype('<f4') of 10M >f8 (byte-swapping cast)", h.measure(() => fbe.astype('<f4'), { rounds: 5 }), np?.cast_bf8_f4, { ref: 'np', time: 1.2 });
  const out = mm.zeros([2160, 3840, 3], '<f4');
  add('set() of a u1 frame into a <f4 array', h.measure(() => out.set(img), { rounds: 5 }), np?.set_u1_f4, { ref: 'np', time: 1.2 });
  // The same casts into existing arrays: the cast loops alone, no new memory.
  for (const [key, src, dt, what] of [['f8_i4', f, '<i4', '10M <f8 to <i4'], ['f8_f2', f, '<f2', '10M <f8 to <f2'], ['c16_c8', c16, '<c8', '5M <c16 to <c8'], ['bf8_f4', fbe, '<f4', '10M >f8 to <f4']]) {
    const dst = mm.zeros(src.shape, dt);
    add(`set() of ${what} into an existing array`, h.measure(() => dst.set(src), { rounds: 5 }), np?.[`into_${key}`], { ref: 'np', time: 1.2 });
  }

  // Per element just under vs just over 2 GiB: base = under, lib = over.
  const under = f8.index(`0:${2 ** 28 - 1024}`);
  const over = f8.index(`0:${2 ** 28 + 1024}`);
  // The stats keep no result: a 2 GiB copy kept by the row's stats held a
  // pool region through the later rows, so the release() row's copies took
  // ordinary memory and faulted every page (5.99 vs 6.30 ns per element).
  const per = (fn, v) => {
    const st = h.measure(() => fn(v), { rounds, per: v.size });
    delete st.result;
    return st;
  };
  // The last row releases each copy once made (NumPy's `del c`, or a result
  // nobody keeps): its region is reused by the next round at once, where the
  // plain copy() row waits for V8 to collect the buffer (never, in a loop
  // that does not yield).
  const copyReleased = (v) => {
    const c = v.copy();
    const last = c.get(c.size - 1);
    c.release();
    return last;
  };
  for (const [what, fn] of [['sum()', (v) => v.sum()], ['max()', (v) => v.max()], ['copy()', (v) => v.copy()], ['copy() then release()', copyReleased]]) {
    rows.push({
      id: 'W9',
      name: `${what} per element, view of 2^28+1024 vs 2^28-1024 <f8`,
      unit: 'per element',
      lib: per(fn, over),
      base: per(fn, under),
      target: { ref: 'base', time: 1.2 },
      note: 'baseline = the same op just under 2 GiB',
    });
  }
  rec.close();
  f8.close();
  i4.close();
  f.close();
  c16.close();
  fs.rmSync(file, { force: true });
  return rows;
}

module.exports = { W1: w1, W2: w2, W3: w3, W4: w4, W5: w5, W6: w6, W7: w7, W8: w8, W9: w9, RECORD, ...require('./w19_grow'), ...require('./w18_ufunc'), ...require('./w20_compute_index'), ...require('./w20c_cumulative'), ...require('./w20m_functions'), ...require('./w20l_linalg'), ...require('./w20e_einsum_hist'), ...require('./w20g_linalg_solve'), ...require('./w21_alloc'), ...require('./w22_small_calls') };
