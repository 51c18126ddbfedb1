// Property tests (fast-check, seeded): random layouts and random chains of
// view operations, checked against a reference model that knows nothing about
// strides. The model keeps, for every element in C order, the byte address it
// must live at, and derives each operation's result element by element the
// slow way. After every step:
//   - the shape is the model's, and each element's address (offset + Σ i·stride)
//     is the model's address, inside the buffer;
//   - every element read equals the bytes at the model's address decoded with
//     a DataView;
//   - an operation throws exactly when the model says it is invalid, and then
//     with one of the library's error classes (never a TypeError from a bug).
// `sharesMemory` / `internalOverlap` are compared with brute-force byte sets.
//
// Reproduce a failure with FC_SEED=<seed printed> npx jest test/reliability/properties
import fc from 'fast-check';
import {
  asStrided,
  AxisError,
  broadcastTo,
  dtype,
  IndexError,
  KeyError,
  mayShareMemory,
  ndarray,
  NdArray,
  sharesMemory,
  slice,
  ValueError,
  newaxis,
  ellipsis,
  type IndexItem,
} from '../../lib';
import { memmap, type Memmap } from '../../lib/memmap';
import { storageOf } from '../../lib/internal';
import { internalOverlap } from '../../lib/overlap';
import { useTempDir } from '../helpers/tmp';

const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : 0x5eed2024;
const RUNS = { memoryChains: 10000, mappedChains: 4000, sharing: 5000, internal: 2000 };
let casesRun = 0;
/** Per op kind: how often the library and the model agreed on a result / on a refusal. */
const tally: Record<string, { ok: number; refused: number }> = {};
const count = (kind: string, ok: boolean): void => {
  const t = (tally[kind] ??= { ok: 0, refused: 0 });
  if (ok) t.ok++;
  else t.refused++;
};

// ------------------------------------------------------------------ dtypes

type DtName = '<i2' | '>i4' | '<f8' | '|u1' | 'rec';

interface DtModel {
  size: number;
  spec: Parameters<typeof dtype>[0];
  read(dv: DataView, addr: number): unknown;
}

const REC = dtype([
  ['a', '<i2'],
  ['b', '>i4'],
  ['c', 'u1', [2]],
]);

const DT: Record<DtName, DtModel> = {
  '<i2': { size: 2, spec: '<i2', read: (dv, a) => dv.getInt16(a, true) },
  '>i4': { size: 4, spec: '>i4', read: (dv, a) => dv.getInt32(a, false) },
  '<f8': { size: 8, spec: '<f8', read: (dv, a) => dv.getFloat64(a, true) },
  '|u1': { size: 1, spec: '|u1', read: (dv, a) => dv.getUint8(a) },
  rec: { size: 8, spec: REC, read: (dv, a) => ({ a: dv.getInt16(a, true), b: dv.getInt32(a + 2, false), c: [dv.getUint8(a + 6), dv.getUint8(a + 7)] }) },
};
const DT_NAMES = Object.keys(DT) as DtName[];
/** The record's fields as the model sees them: dtype, byte offset, subarray length. */
const REC_FIELDS: Record<string, { dt: DtName; offset: number; sub?: number }> = {
  a: { dt: '<i2', offset: 0 },
  b: { dt: '>i4', offset: 2 },
  c: { dt: '|u1', offset: 6, sub: 2 },
};

// ------------------------------------------------------------------ the model

/** Element addresses in C order; knows nothing of strides or offsets. */
interface Model {
  shape: number[];
  addrs: number[];
  dt: DtName;
}

const sizeOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** Every multi-index of `shape`, in C order. */
function cIndices(shape: readonly number[]): number[][] {
  const out: number[][] = [];
  const n = sizeOf(shape);
  for (let flat = 0; flat < n; flat++) {
    const idx = new Array<number>(shape.length);
    let r = flat;
    for (let k = shape.length - 1; k >= 0; k--) {
      idx[k] = r % shape[k];
      r = Math.floor(r / shape[k]);
    }
    out.push(idx);
  }
  return out;
}

function flatOf(shape: readonly number[], idx: readonly number[]): number {
  let f = 0;
  for (let k = 0; k < shape.length; k++) f = f * shape[k] + idx[k];
  return f;
}

/** A model whose element at output index j is the input element at `src(j)`. */
function remap(m: Model, shape: number[], src: (idx: number[]) => number[], dt: DtName = m.dt, shift = 0): Model {
  return { shape, dt, addrs: cIndices(shape).map((j) => m.addrs[flatOf(m.shape, src(j))] + shift) };
}

/** Python's `range(*slice(start, stop, step).indices(n))`, written out plainly. */
function sliceRange(n: number, start: number | null, stop: number | null, step: number): number[] {
  const out: number[] = [];
  if (step > 0) {
    let s = start ?? 0;
    let e = stop ?? n;
    if (s < 0) s = Math.max(0, s + n);
    if (e < 0) e = Math.max(0, e + n);
    s = Math.min(s, n);
    e = Math.min(e, n);
    for (let i = s; i < e; i += step) out.push(i);
  } else {
    let s = start ?? n - 1;
    if (s < 0) s += n; // still < 0: empty
    s = Math.min(s, n - 1);
    let e = stop === null ? -1 : stop < 0 ? stop + n : stop;
    if (e < -1) e = -1;
    for (let i = s; i > e; i += step) out.push(i);
  }
  return out;
}

class Invalid extends Error {}

type Item = { t: 'int'; v: number } | { t: 'slice'; start: number | null; stop: number | null; step: number | null } | { t: 'none' } | { t: 'ellipsis' };

function modelIndex(m: Model, items: Item[]): Model {
  const ndim = m.shape.length;
  const consumed = items.filter((it) => it.t === 'int' || it.t === 'slice').length;
  if (items.filter((it) => it.t === 'ellipsis').length > 1) throw new Invalid('two ellipses');
  if (consumed > ndim) throw new Invalid('too many indices');
  // Per output axis: the input axis it walks and how; fixed inputs for ints.
  const fixed = new Map<number, number>();
  const outAxes: { len: number; input: number | null; pick: (j: number) => number }[] = [];
  let axis = 0;
  const full = (): void => {
    const a = axis++;
    outAxes.push({ len: m.shape[a], input: a, pick: (j) => j });
  };
  for (const it of items) {
    if (it.t === 'none') outAxes.push({ len: 1, input: null, pick: () => 0 });
    else if (it.t === 'ellipsis') for (let k = ndim - consumed; k > 0; k--) full();
    else if (it.t === 'slice') {
      const step = it.step ?? 1;
      if (step === 0) throw new Invalid('step 0');
      const r = sliceRange(m.shape[axis], it.start, it.stop, step);
      outAxes.push({ len: r.length, input: axis++, pick: (j) => r[j] });
    } else {
      const n = m.shape[axis];
      if (it.v < -n || it.v >= n) throw new Invalid('index out of range');
      fixed.set(axis++, it.v < 0 ? it.v + n : it.v);
    }
  }
  while (axis < ndim) full();
  return remap(
    m,
    outAxes.map((o) => o.len),
    (j) => {
      const src = new Array<number>(ndim);
      for (const [a, v] of fixed) src[a] = v;
      outAxes.forEach((o, k) => {
        if (o.input !== null) src[o.input] = o.pick(j[k]);
      });
      return src;
    },
  );
}

function modelView(m: Model, to: DtName): Model {
  const old = DT[m.dt].size;
  const size = DT[to].size;
  if (size === old) return { ...m, dt: to };
  const nd = m.shape.length;
  if (nd === 0) throw new Invalid('0-d view to another itemsize');
  const last = m.shape[nd - 1];
  const total = sizeOf(m.shape);
  // The last axis must be contiguous: consecutive elements `old` bytes apart.
  if (last !== 1 && total !== 0) {
    for (let i = 0; i < total; i++) if ((i + 1) % last !== 0 && m.addrs[i + 1] - m.addrs[i] !== old) throw new Invalid('non-contiguous last axis');
  }
  const bytes = last * old;
  if (bytes % size !== 0) throw new Invalid('indivisible');
  const n = bytes / size;
  const shape = [...m.shape.slice(0, -1), n];
  const addrs: number[] = [];
  for (let row = 0; row < total / last; row++) {
    const base = m.addrs[row * last];
    for (let k = 0; k < n; k++) addrs.push(base + k * size);
  }
  return { shape, addrs, dt: to };
}

function modelTranspose(m: Model, perm: number[]): Model {
  return remap(
    m,
    perm.map((p) => m.shape[p]),
    (j) => {
      const src = new Array<number>(perm.length);
      perm.forEach((p, k) => (src[p] = j[k]));
      return src;
    },
  );
}

function modelField(m: Model, name: string): Model {
  if (m.dt !== 'rec') throw new Invalid('no fields');
  const f = REC_FIELDS[name];
  if (f.sub === undefined) return { shape: m.shape, dt: f.dt, addrs: m.addrs.map((a) => a + f.offset) };
  const shape = [...m.shape, f.sub];
  return { shape, dt: f.dt, addrs: m.addrs.flatMap((a) => Array.from({ length: f.sub! }, (_, k) => a + f.offset + k * DT[f.dt].size)) };
}

function modelBroadcast(m: Model, shape: number[]): Model {
  const lead = shape.length - m.shape.length;
  if (lead < 0) throw new Invalid('fewer dimensions');
  m.shape.forEach((n, i) => {
    if (n !== 1 && n !== shape[lead + i]) throw new Invalid('not broadcastable');
  });
  return remap(m, shape, (j) => m.shape.map((n, i) => (n === 1 ? 0 : j[lead + i])));
}

function modelStrided(base: number, shape: number[], strides: number[], dt: DtName, byteLength: number): Model {
  const addrs = cIndices(shape).map((j) => j.reduce((a, i, k) => a + i * strides[k], base));
  if (addrs.some((a) => a < 0 || a + DT[dt].size > byteLength)) throw new Invalid('outside the buffer');
  return { shape, addrs, dt };
}

// ------------------------------------------------------------------ checks

function same(x: unknown, y: unknown): boolean {
  if (typeof x === 'number' && typeof y === 'number') return Object.is(x, y);
  if (Array.isArray(x) && Array.isArray(y)) return x.length === y.length && x.every((v, i) => same(v, y[i]));
  if (x !== null && y !== null && typeof x === 'object' && typeof y === 'object') {
    const kx = Object.keys(x);
    return kx.length === Object.keys(y).length && kx.every((k) => same((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]));
  }
  return Object.is(x, y);
}

const show = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? `${x}n` : x));

/** Asserts that `a` is exactly what the model says, reading every element. */
function checkAgainstModel(a: NdArray, m: Model, root: NdArray, dv: DataView, what: string): void {
  const fail = (msg: string): never => {
    throw new Error(`${what}: ${msg}\n  array shape ${show(a.shape)} strides ${show(a.strides)} offset ${a.offset} dtype ${a.dtype.str}\n  model shape ${show(m.shape)} dt ${m.dt}`);
  };
  if (!same(a.shape, m.shape)) fail('shape differs from the model');
  if (a.itemsize !== DT[m.dt].size) fail('itemsize differs from the model');
  const isView = storageOf(a) === storageOf(root);
  const len = storageOf(root).byteLength;
  const idxs = cIndices(m.shape);
  for (let f = 0; f < idxs.length; f++) {
    const j = idxs[f];
    const want = m.addrs[f];
    if (isView) {
      const addr = j.reduce((s, i, k) => s + i * a.strides[k], a.offset);
      if (addr !== want) fail(`element ${show(j)} at byte ${addr}, model says ${want}`);
      if (addr < 0 || addr + a.itemsize > len) fail(`element ${show(j)} at byte ${addr} is outside [0, ${len})`);
    }
    const got = a.get(...j);
    const exp = DT[m.dt].read(dv, want);
    if (!same(got, exp)) fail(`element ${show(j)} reads ${show(got)}, the bytes at ${want} decode to ${show(exp)}`);
  }
}

/** The error classes an invalid operation may throw: NumPy's, plus RangeError for asStrided bounds. */
function isLibraryError(e: unknown): boolean {
  return e instanceof ValueError || e instanceof IndexError || e instanceof AxisError || e instanceof KeyError || (e instanceof RangeError && !(e instanceof TypeError));
}

// ------------------------------------------------------------------ operations

/** An operation recipe: a kind and random numbers it interprets against the current shape. */
interface Op {
  kind: 'index' | 'view' | 'reshape' | 'transpose' | 'field' | 'broadcast' | 'strided';
  r: number[];
}

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom<Op['kind']>('index', 'index', 'view', 'reshape', 'transpose', 'field', 'broadcast', 'strided'),
  r: fc.array(fc.nat({ max: 1_000_000 }), { minLength: 16, maxLength: 16 }),
});

/** Reads random numbers from an op's recipe. */
class Dice {
  private i = 0;
  constructor(private readonly r: number[]) {}
  int(lo: number, hi: number): number {
    const v = this.r[this.i++ % this.r.length] + this.i * 7919;
    return lo + (v % (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.int(0, 999) < p * 1000;
  }
}

function primeFactors(n: number): number[] {
  const out: number[] = [];
  for (let p = 2; n > 1; p++) {
    while (n % p === 0) {
      out.push(p);
      n /= p;
    }
  }
  return out;
}

/** One step: the library's result and the model's, or both refusing. */
function step(a: NdArray, m: Model, op: Op, byteLength: number): { a: NdArray; m: Model; desc: string } | null {
  const d = new Dice(op.r);
  const nd = m.shape.length;
  let desc: string;
  let act: () => NdArray;
  let model: () => Model;
  switch (op.kind) {
    case 'index': {
      const items: Item[] = [];
      const count = d.int(0, nd + 1);
      let ellipses = 0;
      for (let k = 0; k < count; k++) {
        const kind = d.int(0, 9);
        const n = m.shape[Math.min(k, Math.max(nd - 1, 0))] ?? 1;
        const bound = (): number | null => (d.chance(0.25) ? null : d.int(-n - 2, n + 2));
        if (kind <= 2) items.push({ t: 'int', v: d.int(-n - 1, n) });
        else if (kind <= 6) items.push({ t: 'slice', start: bound(), stop: bound(), step: d.chance(0.3) ? null : [1, 2, 3, -1, -2, -3, 0][d.int(0, d.chance(0.03) ? 6 : 5)] });
        else if (kind <= 7) items.push({ t: 'none' });
        else if (ellipses === 0 || d.chance(0.05)) {
          ellipses++;
          items.push({ t: 'ellipsis' });
        }
      }
      const text = items
        .map((it) => (it.t === 'int' ? String(it.v) : it.t === 'none' ? 'None' : it.t === 'ellipsis' ? '...' : `${it.start ?? ''}:${it.stop ?? ''}${it.step === null ? '' : `:${it.step}`}`))
        .join(', ');
      // Half the time as a string, half as index values.
      const asValues = d.chance(0.5);
      desc = `index(${asValues ? 'values ' : ''}'${text}')`;
      const values: IndexItem[] = items.map((it) => (it.t === 'int' ? it.v : it.t === 'none' ? newaxis : it.t === 'ellipsis' ? ellipsis : slice(it.start, it.stop, it.step)));
      act = () => (asValues ? a.index(...values) : a.index(text));
      model = () => modelIndex(m, items);
      break;
    }
    case 'view': {
      const to = DT_NAMES[d.int(0, DT_NAMES.length - 1)];
      desc = `view(${to})`;
      act = () => a.view(DT[to].spec);
      model = () => modelView(m, to);
      break;
    }
    case 'reshape': {
      const size = sizeOf(m.shape);
      const k = d.int(0, 4);
      let shape: number[];
      if (size === 0) {
        shape = Array.from({ length: Math.max(k, 1) }, () => d.int(1, 3));
        shape[d.int(0, shape.length - 1)] = 0;
      } else {
        shape = new Array<number>(k).fill(1);
        const factors = primeFactors(size);
        if (k === 0 && factors.length > 0) shape = [size];
        else for (const p of factors) shape[d.int(0, k - 1)] *= p;
      }
      if (d.chance(0.08)) shape.push(2); // a size that cannot match (or a stray axis)
      const req = [...shape];
      if (req.length > 0 && d.chance(0.3)) req[d.int(0, req.length - 1)] = -1;
      desc = `reshape(${show(req)})`;
      act = () => a.reshape(req);
      model = () => {
        const unknown = req.indexOf(-1);
        const known = req.filter((x) => x !== -1).reduce((p, x) => p * x, 1);
        if (unknown >= 0 && (known === 0 || size % known !== 0)) throw new Invalid('cannot infer');
        const dims = req.map((x) => (x === -1 ? size / known : x));
        if (sizeOf(dims) !== size) throw new Invalid('size differs');
        return { shape: dims, addrs: m.addrs, dt: m.dt };
      };
      break;
    }
    case 'transpose': {
      const perm = [...Array(nd).keys()];
      for (let i = nd - 1; i > 0; i--) {
        const j = d.int(0, i);
        [perm[i], perm[j]] = [perm[j], perm[i]];
      }
      desc = `transpose(${show(perm)})`;
      act = () => a.transpose(perm);
      model = () => modelTranspose(m, perm);
      break;
    }
    case 'field': {
      const name = ['a', 'b', 'c'][d.int(0, 2)];
      desc = `field(${name})`;
      act = () => a.field(name);
      model = () => modelField(m, name);
      break;
    }
    case 'broadcast': {
      const lead = Array.from({ length: d.int(0, 2) }, () => d.int(1, 3));
      const shape = [...lead, ...m.shape.map((n) => (n === 1 ? d.int(0, 3) : d.chance(0.1) ? n + 1 : n))];
      desc = `broadcastTo(${show(shape)})`;
      act = () => broadcastTo(a, shape);
      model = () => modelBroadcast(m, shape);
      break;
    }
    case 'strided': {
      if (sizeOf(m.shape) === 0) return null; // no element 0 to start from
      const k = d.int(0, 3);
      const shape = Array.from({ length: k }, () => d.int(1, 4));
      const item = DT[m.dt].size;
      const strides = shape.map(() => d.int(-3 * item, 3 * item));
      desc = `asStrided(${show(shape)}, ${show(strides)})`;
      act = () => asStrided(a, shape, strides);
      model = () => modelStrided(m.addrs[0], shape, strides, m.dt, byteLength);
      break;
    }
  }
  let expected: Model | null = null;
  let why = '';
  try {
    expected = model();
  } catch (e) {
    if (!(e instanceof Invalid)) throw e;
    why = e.message;
  }
  let got: NdArray | null = null;
  let err: unknown = null;
  try {
    got = act();
  } catch (e) {
    err = e;
  }
  if (expected === null) {
    if (err === null) throw new Error(`${desc} succeeded (shape ${show(got!.shape)}), the model says it is invalid: ${why}`);
    if (!isLibraryError(err)) throw new Error(`${desc} threw a non-library error: ${String(err)}`);
    count(op.kind, false);
    return null;
  }
  if (err !== null) throw new Error(`${desc} threw ${String(err)}; the model says it is valid (shape ${show(expected.shape)})`);
  count(op.kind, true);
  return { a: got!, m: expected, desc };
}

// ------------------------------------------------------------------ roots

interface Layout {
  dt: DtName;
  shape: number[];
  strides: number[];
  before: number;
  after: number;
  fill: number;
  /** Shrink the buffer by one byte: the constructor must refuse. */
  tooSmall: boolean;
}

const layoutArb: fc.Arbitrary<Layout> = fc
  .record({
    dt: fc.constantFrom<DtName>(...DT_NAMES),
    shape: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 3 }),
    strideSeeds: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 3, maxLength: 3 }),
    odd: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 3, maxLength: 3 }),
    before: fc.nat({ max: 9 }),
    after: fc.nat({ max: 9 }),
    fill: fc.nat(),
    tooSmall: fc.nat({ max: 19 }).map((x) => x === 0),
  })
  .map(({ dt, shape, strideSeeds, odd, before, after, fill, tooSmall }) => ({
    dt,
    shape,
    // Multiples of the itemsize (the common case) plus odd byte offsets, and 0.
    strides: shape.map((_n, k) => strideSeeds[k] * DT[dt].size + (k === 0 ? odd[k] : 0)),
    before,
    after,
    fill,
    tooSmall,
  }));

/** Byte extent [lo, hi) of a layout whose element 0 is at byte 0. */
function extentOf(shape: readonly number[], strides: readonly number[], itemsize: number): [number, number] {
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < shape.length; k++) {
    const span = (shape[k] - 1) * strides[k];
    if (span < 0) lo += span;
    else hi += span;
  }
  return [lo, hi + itemsize];
}

/** Deterministic bytes from a seed (xorshift32). */
function fillBytes(bytes: Uint8Array, seed: number): void {
  let x = (seed | 0) || 0x9e3779b9;
  for (let i = 0; i < bytes.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
}

function placement(l: Layout): { offset: number; length: number; empty: boolean } {
  const item = DT[l.dt].size;
  const empty = sizeOf(l.shape) === 0;
  const [lo, hi] = extentOf(l.shape, l.strides, item);
  if (empty) return { offset: l.before, length: l.before + l.after, empty };
  const offset = -lo + l.before;
  return { offset, length: offset + hi + l.after, empty };
}

// ------------------------------------------------------------------ runner

function assertProperty<T>(name: string, seedOffset: number, runs: number, arb: fc.Arbitrary<T>, body: (v: T) => void): void {
  const seed = SEED + seedOffset;
  const t0 = Date.now();
  try {
    fc.assert(
      fc.property(arb, (v) => {
        body(v);
      }),
      { seed, numRuns: runs, endOnFailure: false },
    );
  } catch (e) {
    // eslint-disable-next-line no-console
    console.error(`property '${name}' failed with FC_SEED=${SEED} (this property's seed ${seed})`);
    throw e;
  }
  casesRun += runs;
  // eslint-disable-next-line no-console
  console.log(`property '${name}': ${runs} cases in ${Date.now() - t0} ms (FC_SEED=${SEED})`);
}

/** Where the chain's bytes live: the array whose storage the model's addresses index. */
interface Memory {
  root: NdArray;
  dv: DataView;
  byteLength: number;
}

/**
 * After an op that copied (reshape of a layout no strides can express), the
 * model moves to the copy: C-contiguous from its offset, in the copy's memory.
 */
function rebase(a: NdArray, m: Model): { mem: Memory; m: Model } {
  const w = storageOf(a).single!;
  const item = DT[m.dt].size;
  return {
    mem: { root: a, dv: new DataView(w.buffer, w.bufferOffset, storageOf(a).byteLength), byteLength: storageOf(a).byteLength },
    m: { shape: m.shape, dt: m.dt, addrs: m.addrs.map((_x, f) => a.offset + f * item) },
  };
}

/** Runs a chain of ops from `root`, checking every step against the model. */
function runChain(start: NdArray, mem0: Memory, m0: Model, ops: Op[]): void {
  let a = start;
  let m = m0;
  let mem = mem0;
  const trail = ['root'];
  const arrays: { a: NdArray; m: Model }[] = [{ a, m }];
  checkAgainstModel(a, m, mem.root, mem.dv, trail.join(' → '));
  for (const op of ops) {
    const r = step(a, m, op, mem.byteLength);
    if (r === null) continue;
    trail.push(r.desc);
    if (sizeOf(r.m.shape) > 4096 || r.m.shape.length > 8) break;
    a = r.a;
    m = r.m;
    // Values first (a copy holds the same values), then the layout.
    checkAgainstModel(a, m, mem.root, mem.dv, trail.join(' → '));
    if (storageOf(a) !== storageOf(mem.root)) {
      if (op.kind !== 'reshape') throw new Error(`${trail.join(' → ')}: only reshape may copy, ${op.kind} did`);
      trail.push('(copied)');
      ({ mem, m } = rebase(a, m));
      checkAgainstModel(a, m, mem.root, mem.dv, trail.join(' → '));
      arrays.length = 0;
    }
    arrays.push({ a, m });
  }
  if (m.shape.length > 0) {
    const dv = mem.dv;
    const nested = (idx: number[]): unknown =>
      idx.length === m.shape.length ? DT[m.dt].read(dv, m.addrs[flatOf(m.shape, idx)]) : Array.from({ length: m.shape[idx.length] }, (_, i) => nested([...idx, i]));
    if (!same(a.toArray(), nested([]))) throw new Error(`${trail.join(' → ')}: toArray() differs from the model`);
  }
  // Overlap of the first and last arrays over the same memory.
  const first = arrays[0];
  const last = arrays[arrays.length - 1];
  if (sizeOf(first.m.shape) * sizeOf(last.m.shape) <= 4096) checkSharing(first.a, first.m, last.a, last.m, trail.join(' → '));
}

function byteSet(m: Model): Set<number> {
  const s = new Set<number>();
  const n = DT[m.dt].size;
  for (const a of m.addrs) for (let k = 0; k < n; k++) s.add(a + k);
  return s;
}

function checkSharing(a: NdArray, ma: Model, b: NdArray, mb: Model, what: string): void {
  const sa = byteSet(ma);
  let brute = false;
  for (const x of byteSet(mb)) {
    if (sa.has(x)) {
      brute = true;
      break;
    }
  }
  const got = sharesMemory(a, b);
  if (got !== brute) throw new Error(`${what}: sharesMemory = ${got}, brute force says ${brute}`);
  if (brute && !mayShareMemory(a, b)) throw new Error(`${what}: mayShareMemory = false but the arrays share bytes`);
}

const tmp = useTempDir('mmarray-properties-');
const MAP_BYTES = 512;
let mapped: Memmap;

beforeAll(() => {
  const p = tmp.file(new Uint8Array(MAP_BYTES), 'mapped.bin');
  mapped = memmap(p, { mode: 'r+', dtype: 'u1' });
});
afterAll(() => {
  mapped?.close();
  // eslint-disable-next-line no-console
  console.log(`properties: ${casesRun} generated cases in total (FC_SEED=${SEED}); ops checked (agreed ok / agreed refused): ${show(tally)}`);
});

describe('views against the reference model', () => {
  test('memory: random layouts from ndarray(), then random op chains', () => {
    assertProperty('memory chains', 1, RUNS.memoryChains, fc.tuple(layoutArb, fc.array(opArb, { minLength: 1, maxLength: 5 })), ([l, ops]) => {
      const { offset, length, empty } = placement(l);
      const buf = new ArrayBuffer(l.tooSmall && !empty ? length - l.after - 1 : length);
      fillBytes(new Uint8Array(buf), l.fill);
      const dv = new DataView(buf);
      let root: NdArray;
      try {
        root = ndarray(l.shape, DT[l.dt].spec, buf, { offset, strides: l.strides });
      } catch (e) {
        if (l.tooSmall && !empty && e instanceof ValueError) return;
        throw e;
      }
      if (l.tooSmall && !empty) throw new Error(`ndarray() accepted a layout reaching one byte past a ${buf.byteLength}-byte buffer`);
      const m0: Model = { shape: l.shape, dt: l.dt, addrs: cIndices(l.shape).map((j) => j.reduce((s, i, k) => s + i * l.strides[k], offset)) };
      runChain(root, { root, dv, byteLength: buf.byteLength }, m0, ops);
    });
  });

  test('mapped file: random layouts via asStrided() over a mapping, then random op chains', () => {
    const dv = new DataView(mapped.buffer);
    const bytes = new Uint8Array(mapped.buffer, 0, MAP_BYTES);
    assertProperty('mapped chains', 2, RUNS.mappedChains, fc.tuple(layoutArb, fc.array(opArb, { minLength: 1, maxLength: 4 })), ([l, ops]) => {
      const item = DT[l.dt].size;
      const { offset, empty } = placement(l);
      if (empty) return;
      fillBytes(bytes, l.fill);
      // One element of the dtype at byte `offset`, then any layout from there.
      const one = mapped.index(`${offset}:${offset + item}`).view(DT[l.dt].spec);
      const m0 = modelStrided(offset, l.shape, l.strides, l.dt, MAP_BYTES);
      const root = asStrided(one, l.shape, l.strides);
      runChain(root, { root: mapped, dv, byteLength: MAP_BYTES }, m0, ops);
    });
  });
});

describe('overlap against brute-force byte sets', () => {
  const pairArb = fc.tuple(layoutArb, layoutArb, fc.nat({ max: 16 }), fc.boolean());

  test('sharesMemory(a, b) over one buffer (same or different storage)', () => {
    assertProperty('sharesMemory', 3, RUNS.sharing, pairArb, ([la, lb, shift, viaSubview]) => {
      const pa = placement(la);
      const pb = placement(lb);
      const length = Math.max(pa.length, pb.length + shift) + 1;
      const buf = new ArrayBuffer(length);
      const a = ndarray(la.shape, DT[la.dt].spec, buf, { offset: pa.offset, strides: la.strides });
      // b either on the same ArrayBuffer directly, or through a typed-array window starting `shift` bytes in.
      const b = viaSubview
        ? ndarray(lb.shape, DT[lb.dt].spec, new Uint8Array(buf, shift), { offset: pb.offset, strides: lb.strides })
        : ndarray(lb.shape, DT[lb.dt].spec, buf, { offset: pb.offset + shift, strides: lb.strides });
      const ma = modelStrided(pa.offset, la.shape, la.strides, la.dt, length);
      const mb = modelStrided(pb.offset + shift, lb.shape, lb.strides, lb.dt, length);
      checkSharing(a, ma, b, mb, `a ${show(la)} b ${show(lb)} shift ${shift} subview ${viaSubview}`);
      checkSharing(b, mb, a, ma, 'swapped');
    });
  });

  test('internalOverlap(a): some byte is addressed by two different elements', () => {
    assertProperty('internalOverlap', 4, RUNS.internal, layoutArb, (l) => {
      const item = DT[l.dt].size;
      const { offset } = placement(l);
      const m = modelStrided(offset, l.shape, l.strides, l.dt, Infinity);
      const owners = new Map<number, number>();
      let brute = false;
      m.addrs.forEach((addr, e) => {
        for (let k = 0; k < item && !brute; k++) {
          const o = owners.get(addr + k);
          if (o !== undefined && o !== e) brute = true;
          owners.set(addr + k, e);
        }
      });
      const got = internalOverlap({ offset, shape: l.shape, strides: l.strides, itemsize: item });
      if ((got === 'yes') !== brute || got === 'too-hard') throw new Error(`internalOverlap(${show(l)}) = ${got}, brute force says ${brute}`);
    });
  });
});

test('the properties generated at least 10,000 cases', () => {
  // Runs last in this file (jest runs tests in order).
  expect(casesRun).toBeGreaterThanOrEqual(10_000);
});
