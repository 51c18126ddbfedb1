// The fuzzer's program generator: one seed → one random program in the
// conformance case language (../shared/conformance/FORMAT.md: a buffer, a
// source layout, a list of ops), which oracle.py answers with NumPy and
// lib/conformance/runner.ts replays through the library.
//
// A program is a random base array (every dtype the library supports, both
// byte orders, small records, C/F/padded/reversed layouts, misaligned or
// read-only memory), then up to three random views of it, then one or two
// random operations. To pick arguments that fit, the generator replays its own
// views through the library (`applyCaseOp`) to learn the current shape and
// dtype; a view the library gets wrong still diverges from NumPy at that op.
//
// Some argument regions are left out because NumPy 2.4 itself crashes or
// writes there (FORMAT.md, "NumPy 2.4 bugs the generator avoids"): add_at on
// read-only arrays or with a 0-d index, masked comparisons with out-of-range
// Python ints, integer power into `out`.
import { applyCaseOp, type Case } from '../../lib/conformance/runner';
import { isfinite, ndarray, type NdArray } from '../../lib/index';
import type { Json } from '../../lib/conformance/compute';
import * as R from '../../lib/reduce-axis';
import { readValues } from '../../lib/compute-values';

/** A program: a case without `expect`. */
export type Program = Omit<Case, 'expect'>;

/** mulberry32 over a scrambled seed: small, fast, the same sequence on every machine. */
export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) >>> 0;
    let t = this.s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ------------------------------------------------------------------ dtypes

const NUMERIC = [
  '|b1', '|i1', '|u1', '<i2', '>i2', '<u2', '>u2', '<i4', '>i4', '<u4', '>u4', '<i8', '>i8', '<u8', '>u8',
  '<f2', '>f2', '<f4', '>f4', '<f8', '>f8', '<c8', '>c8', '<c16', '>c16',
] as const;

interface Struct {
  names: string[];
  formats: string[];
  offsets: number[];
  itemsize: number;
}
export type Spec = string | Struct;

function itemsizeOf(spec: Spec): number {
  return typeof spec === 'string' ? Number(spec.slice(2)) * (spec[1] === 'c' ? 1 : 1) : spec.itemsize;
}

function randStruct(rng: Rng): Struct {
  const n = rng.int(1, 3);
  const names = ['a', 'b', 'c'].slice(0, n);
  const formats: string[] = [];
  const offsets: number[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const f = rng.pick(NUMERIC.filter((d) => d[1] !== 'c'));
    if (rng.chance(0.2)) at += rng.int(1, 3); // a gap
    formats.push(f);
    offsets.push(at);
    at += itemsizeOf(f);
  }
  return { names, formats, offsets, itemsize: at + (rng.chance(0.2) ? rng.int(1, 4) : 0) };
}

function randDType(rng: Rng, structP = 0.08): Spec {
  return rng.chance(structP) ? randStruct(rng) : rng.pick(NUMERIC);
}

// ------------------------------------------------------------------ values

const INTS = [0, 1, -1, 2, 3, 5, 7, -7, 10, 100, -100, 127, -128, 255, 1000, -32768, 65535, 2147483647];
const FLOATS: Json[] = [0, '-0', 1, -1, 0.5, -2.5, 2, 3, 10, 0.25, 1.5, -3, 100, 1024, 'nan', 'inf', '-inf', 7, -0.5, 65504];

function intRange(spec: string): [bigint, bigint] {
  const bits = BigInt(Number(spec.slice(2)) * 8);
  return spec[1] === 'u' ? [0n, (1n << bits) - 1n] : [-(1n << (bits - 1n)), (1n << (bits - 1n)) - 1n];
}

/** A value of `spec`'s kind as FORMAT.md encodes values (and as `set`/new arrays take them). */
function randValue(rng: Rng, spec: Spec): Json {
  if (typeof spec !== 'string') {
    const out: { [k: string]: Json } = {};
    spec.names.forEach((n, i) => (out[n] = randValue(rng, spec.formats[i])));
    return out;
  }
  switch (spec[1]) {
    case 'b':
      return rng.chance(0.5);
    case 'i':
    case 'u': {
      const [lo, hi] = intRange(spec);
      let v = BigInt(rng.chance(0.8) ? rng.pick(INTS) : rng.int(-50, 50));
      if (rng.chance(0.05)) v = rng.chance(0.5) ? lo : hi;
      if (v < lo || v > hi) v = ((v - lo) % (hi - lo + 1n) + (hi - lo + 1n)) % (hi - lo + 1n) + lo;
      return spec.endsWith('8') ? v.toString() : Number(v);
    }
    case 'f':
      return rng.chance(0.7) ? rng.pick(FLOATS) : rng.int(-20, 20) / 4;
    case 'c':
      return [randValue(rng, '<f8'), randValue(rng, '<f8')];
  }
  return 0;
}

function decodeFloatJson(v: Json): number {
  if (v === 'nan') return NaN;
  if (v === 'inf') return Infinity;
  if (v === '-inf') return -Infinity;
  if (v === '-0') return -0;
  return v as number;
}

/** float64 → float16 bits, round half to even (the pool's values are exact; others round). */
function halfBits(x: number): number {
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (a >= 65520) return sign | 0x7c00;
  if (a < 2 ** -24 / 2) return sign;
  let e = Math.floor(Math.log2(a));
  if (e < -14) e = -14;
  const m = a / 2 ** e; // [1, 2) or subnormal < 1
  let frac = Math.round((m - (e === -14 && m < 1 ? 0 : 1)) * 1024);
  let exp = e === -14 && m < 1 ? 0 : e + 15;
  if (frac === 1024) {
    frac = 0;
    exp += 1;
  }
  return sign | (exp << 10) | frac;
}

/** Writes `v` (a randValue of `spec`) at `off`. */
function store(dv: DataView, off: number, spec: Spec, v: Json): void {
  if (typeof spec !== 'string') {
    const rec = v as { [k: string]: Json };
    spec.names.forEach((n, i) => store(dv, off + spec.offsets[i], spec.formats[i], rec[n]));
    return;
  }
  const le = spec[0] !== '>';
  const size = Number(spec.slice(2));
  switch (spec[1]) {
    case 'b':
      dv.setUint8(off, v ? 1 : 0);
      return;
    case 'i':
    case 'u': {
      const big = BigInt(v as string | number);
      const u = BigInt.asUintN(size * 8, big);
      if (size === 1) dv.setUint8(off, Number(u));
      else if (size === 2) dv.setUint16(off, Number(u), le);
      else if (size === 4) dv.setUint32(off, Number(u), le);
      else dv.setBigUint64(off, u, le);
      return;
    }
    case 'f': {
      const x = decodeFloatJson(v);
      if (size === 2) dv.setUint16(off, halfBits(x), le);
      else if (size === 4) dv.setFloat32(off, x, le);
      else dv.setFloat64(off, x, le);
      return;
    }
    case 'c': {
      const [re, im] = v as Json[];
      const part = `${spec[0]}f${size / 2}`;
      store(dv, off, part, re);
      store(dv, off + size / 2, part, im);
    }
  }
}

// ------------------------------------------------------------------ the source

function product(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function randShape(rng: Rng, maxElems = 24): number[] {
  const nd = rng.pick([0, 1, 1, 1, 2, 2, 2, 3, 3, 4]);
  const shape: number[] = [];
  for (let i = 0; i < nd; i++) shape.push(rng.chance(0.04) ? 0 : rng.int(1, 5));
  while (product(shape) > maxElems) shape[shape.indexOf(Math.max(...shape))] -= 1;
  return shape;
}

function randSource(rng: Rng): { program: Program; spec: Spec } {
  const spec = randDType(rng);
  const item = itemsizeOf(spec);
  const shape = randShape(rng);
  const nd = shape.length;
  // C or F order, then maybe a padded outer axis and reversed axes.
  const order = rng.chance(0.75) ? [...Array(nd).keys()].reverse() : [...Array(nd).keys()];
  const strides = new Array<number>(nd).fill(0);
  let step = item * (rng.chance(0.15) ? rng.int(2, 3) : 1);
  for (const ax of order) {
    strides[ax] = step;
    step *= Math.max(shape[ax], 1) * (rng.chance(0.1) ? 2 : 1);
  }
  const lead = rng.chance(0.2) ? item * rng.int(1, 2) + (rng.chance(0.3) ? rng.int(1, 3) : 0) : 0;
  let offset = lead;
  for (let ax = 0; ax < nd; ax++) {
    if (shape[ax] > 1 && rng.chance(0.15)) {
      offset += (shape[ax] - 1) * strides[ax];
      strides[ax] = -strides[ax];
    }
  }
  let hi = offset + item;
  let lo = offset;
  for (let ax = 0; ax < nd; ax++) {
    if (shape[ax] === 0) continue;
    const reach = (shape[ax] - 1) * strides[ax];
    if (reach > 0) hi += reach;
    else lo += reach;
  }
  const size = Math.max(hi, 1) + rng.int(0, 3);
  const bytes = new Uint8Array(size);
  const dv = new DataView(bytes.buffer);
  const randomBytes = rng.chance(0.2);
  for (let i = 0; i < size; i++) bytes[i] = rng.int(0, 255);
  if (!randomBytes && product(shape) > 0) {
    const idx = new Array<number>(nd).fill(0);
    for (let k = 0; k < product(shape); k++) {
      let off = offset;
      for (let ax = 0; ax < nd; ax++) off += idx[ax] * strides[ax];
      store(dv, off, spec, randValue(rng, spec));
      for (let ax = nd - 1; ax >= 0; ax--) {
        if (++idx[ax] < shape[ax]) break;
        idx[ax] = 0;
      }
    }
  }
  void lo;
  const program: Program = {
    id: '',
    buffer_hex: Buffer.from(bytes).toString('hex'),
    source: { dtype: spec as unknown as Json, shape, strides, offset, writeable: !rng.chance(0.12) },
    ops: [],
  };
  if (rng.chance(0.1)) program.buffer_align = 1;
  return { program, spec };
}

// ------------------------------------------------------------------ views

function randSlice(rng: Rng, d: number): string {
  const step = rng.pick([1, 1, 1, 2, -1, -1, -2, 3]);
  const bound = (): string => (rng.chance(0.4) ? '' : String(rng.int(-d - 1, d + 1)));
  const start = bound();
  const stop = bound();
  if (step === 1 && rng.chance(0.5)) return `${start}:${stop}`;
  return `${start}:${stop}:${step}`;
}

function randIndex(rng: Rng, shape: readonly number[]): string {
  const items: string[] = [];
  let ellipsis = false;
  const n = rng.int(0, shape.length);
  for (let ax = 0; ax < n; ax++) {
    const d = shape[ax];
    if (rng.chance(0.1)) items.push('None');
    if (!ellipsis && rng.chance(0.1)) {
      items.push('...');
      ellipsis = true;
      break;
    }
    if (d > 0 && rng.chance(0.3)) items.push(String(rng.int(-d, d - 1) + (rng.chance(0.03) ? d + 1 : 0)));
    else items.push(randSlice(rng, d));
  }
  if (rng.chance(0.1)) items.push('None');
  if (items.length === 0) items.push(rng.chance(0.5) ? '...' : ':');
  return items.join(', ');
}

function randPerm(rng: Rng, n: number): number[] {
  const p = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [p[i], p[j]] = [p[j], p[i]];
  }
  return p;
}

function randReshape(rng: Rng, shape: readonly number[]): number[] {
  const n = product(shape);
  const divisors = [...Array(n + 1).keys()].filter((d) => d >= 1 && n % d === 0);
  if (n === 0) return rng.pick([[0], [0, 3], [2, 0], [-1]]);
  const a = rng.pick(divisors);
  const out = rng.chance(0.5) ? [a, n / a] : [n];
  if (rng.chance(0.3)) out.splice(rng.int(0, out.length), 0, 1);
  if (rng.chance(0.4)) out[rng.int(0, out.length - 1)] = -1;
  return out;
}

function randViewOp(rng: Rng, a: NdArray, spec: Spec): Json[] {
  const shape = [...a.shape];
  const nd = shape.length;
  const isStruct = a.dtype.isStructured;
  const r = rng.next();
  if (isStruct && r < 0.25) {
    const names = a.dtype.names as readonly string[];
    return rng.chance(0.7) ? ['field', rng.pick(names)] : ['fields', randPerm(rng, names.length).slice(0, rng.int(1, names.length)).map((i) => names[i])];
  }
  if (r < 0.35) return ['index', randIndex(rng, shape)];
  if (r < 0.42) return ['transpose', rng.chance(0.5) ? null : randPerm(rng, nd)];
  if (r < 0.46 && nd >= 2) return ['swapaxes', rng.int(-nd, nd - 1), rng.int(0, nd - 1)];
  if (r < 0.53) return ['reshape', randReshape(rng, shape), rng.pick(['C', 'C', 'F', 'A'])];
  // np.flip of a 0-d array returns a NumPy scalar, which the case language cannot hold.
  if (r < 0.57 && nd > 0) return ['flip', rng.chance(0.3) ? null : rng.int(-nd, nd - 1)];
  if (r < 0.62) {
    const to = shape.map((d) => (d === 1 && rng.chance(0.5) ? rng.int(2, 3) : d));
    if (rng.chance(0.6)) to.unshift(rng.int(1, 3));
    return ['broadcast_to', to];
  }
  if (r < 0.7) {
    const target = randDType(rng, 0);
    return ['view', target as string];
  }
  if (r < 0.74) return ['newbyteorder', 'S'];
  if (r < 0.78 && nd === 1 && shape[0] >= 2) {
    const s = a.strides[0];
    const w = rng.int(1, shape[0]);
    return ['as_strided', [shape[0] - w + 1, w], [s, s]];
  }
  if (r < 0.81) return ['expand_dims', rng.int(-nd - 1, nd)];
  if (r < 0.84) return ['squeeze'];
  if (r < 0.87) return ['ravel', rng.pick(['C', 'F', 'A', 'K'])];
  if (r < 0.9) return ['set_writeable', false];
  if (r < 0.93) return ['ascontiguous'];
  void spec;
  return ['index', randIndex(rng, shape)];
}

// ------------------------------------------------------------------ operands

const BINARY = [
  'add', 'subtract', 'multiply', 'divide', 'floor_divide', 'remainder', 'power', 'minimum', 'maximum', 'less',
  'less_equal', 'greater', 'greater_equal', 'equal', 'not_equal', 'logical_and', 'logical_or', 'logical_xor',
  'bitwise_and', 'bitwise_or', 'bitwise_xor', 'left_shift', 'right_shift',
];
const COMPARISONS = new Set(['less', 'less_equal', 'greater', 'greater_equal', 'equal', 'not_equal']);
// NumPy computes these with CPU-dependent SIMD code that is not correctly rounded
// (FORMAT.md `values_ulp`): only the last op of a program, never into `out`, so the
// values compare within 4 ulp and no inexact value flows on into exact comparisons.
const APPROXIMATE = new Set(['exp', 'log', 'power', 'sqrt', 'absolute']);
const UNARY = ['negative', 'absolute', 'sqrt', 'square', 'exp', 'log', 'logical_not', 'invert', 'isnan', 'isfinite', 'isinf', 'signbit'];

/** A Python scalar (FORMAT.md's scalar rule), weak under NEP 50. */
function randScalar(rng: Rng, big = true): Json {
  const r = rng.next();
  if (r < 0.35) return rng.pick([0, 1, 2, 3, -1, -2, 5, 7, 100, 127, 128, -129, 255, 256, 1000, 65536]);
  if (r < 0.6) return rng.pick([0.5, 1.5, -2.5, 0.25, 3.75, 1e10, -1e-3, 'nan', 'inf', '-inf', '-0']);
  if (r < 0.72) return rng.chance(0.5);
  if (r < 0.8) return { complex: [rng.pick([0, 1, -1.5, 2]), rng.pick([0, 1, -2, 0.5])] };
  if (big && r < 0.87) return { int: rng.pick(['9007199254740993', '18446744073709551615', '-9223372036854775808', '4294967296', '-4294967297']) };
  return rng.int(-10, 10);
}

function nestedValues(rng: Rng, spec: Spec, shape: readonly number[]): Json {
  if (shape.length === 0) return randValue(rng, spec);
  return Array.from({ length: shape[0] }, () => nestedValues(rng, spec, shape.slice(1)));
}

/** A new array operand `{dtype, shape, values}`. */
function newArray(rng: Rng, spec: Spec, shape: readonly number[]): Json {
  return { dtype: spec as unknown as Json, shape: [...shape], values: nestedValues(rng, spec, shape) };
}

/** A shape that broadcasts against `shape` (a suffix, some axes 1), or sometimes one that does not. */
function broadcastable(rng: Rng, shape: readonly number[]): number[] {
  const k = rng.int(0, shape.length);
  const out = shape.slice(shape.length - k).map((d) => (rng.chance(0.3) ? 1 : d));
  if (rng.chance(0.05)) out.push(rng.int(2, 4));
  return out;
}

/** A second input: a scalar, a new array, self or a view of self. */
function randOperand(rng: Rng, a: NdArray, allowBig = true): Json {
  const r = rng.next();
  if (r < 0.4) return randScalar(rng, allowBig);
  if (r < 0.8) return newArray(rng, rng.chance(0.5) ? (a.dtype.isStructured ? '<f8' : a.dtype.str) : randDType(rng, 0.02), broadcastable(rng, a.shape));
  if (r < 0.9) return 'self';
  return a.ndim === 0 ? 'self' : { self: [['flip', null]] };
}

function boolMask(rng: Rng, shape: readonly number[]): Json {
  return { dtype: '|b1', shape: [...shape], values: nestedValues(rng, '|b1', shape) };
}

function randAxis(rng: Rng, nd: number, tuple = true): Json {
  const r = rng.next();
  if (r < 0.3 || nd === 0) return rng.chance(0.9) ? null : 0;
  if (r < 0.8 || !tuple) return rng.int(-nd, nd - 1) + (rng.chance(0.03) ? nd : 0);
  return randPerm(rng, nd).slice(0, rng.int(1, nd));
}

function intIndex(rng: Rng, d: number, shape: readonly number[]): Json {
  const spec = rng.pick(['<i8', '<i8', '<i4', '|u1', '>i2', '<u8']);
  // An index past the axis now and then: in about one array in seven at the kernels' sizes.
  const oob = shape.reduce((p, n) => p * n, 1) > 16 ? 0.0005 : 0.04;
  const vals = (s: readonly number[]): Json =>
    s.length === 0 ? (rng.chance(oob) ? d + 1 : rng.int(d > 0 ? (spec[1] === 'u' ? 0 : -d) : 0, Math.max(d - 1, 0))) : Array.from({ length: s[0] }, () => vals(s.slice(1)));
  const v = vals(shape);
  return { dtype: spec, shape: [...shape], values: spec.endsWith('8') ? stringify(v) : v };
}

function stringify(v: Json): Json {
  return Array.isArray(v) ? v.map(stringify) : String(v);
}

function fancyItems(rng: Rng, a: NdArray): Json[] {
  const nd = a.ndim;
  if (nd === 0) return [rng.chance(0.5) ? boolMask(rng, []) : '...'];
  if (rng.chance(0.25)) return [boolMask(rng, a.shape.slice(0, rng.int(1, nd)))];
  const items: Json[] = [];
  // Now and then index arrays of 300 items, so the kernels' paths (256 or more) run too.
  const idxShape = rng.chance(0.12) ? rng.pick([[300], [12, 25]]) : rng.pick([[rng.int(1, 4)], [rng.int(1, 4)], [2, 2], [0]]);
  for (let ax = 0; ax < rng.int(1, nd); ax++) {
    const r = rng.next();
    if (r < 0.5) items.push(intIndex(rng, a.shape[ax], idxShape));
    else if (r < 0.8) items.push(randSlice(rng, a.shape[ax]));
    else if (r < 0.9) items.push(String(a.shape[ax] > 0 ? rng.int(0, a.shape[ax] - 1) : 0));
    else items.push('None');
  }
  return items;
}

// ------------------------------------------------------------------ operations

const REDUCTIONS = ['sum', 'prod', 'mean', 'min', 'max', 'argmin', 'argmax', 'any', 'all', 'count_nonzero'];

function randComputeOp(rng: Rng, a: NdArray, overlapping: boolean): Json[] {
  const nd = a.ndim;
  const numeric = !a.dtype.isStructured;
  // No write through a view whose elements overlap (as_strided windows, broadcasts):
  // the result would depend on the order of the stores (FORMAT.md never writes there).
  const writeable = a.flags.writeable && !overlapping;
  if (rng.chance(0.06)) return randOwnOp(rng, a);
  if (session10Fns && rng.chance(0.6)) return randSession10Op(rng, a);
  if (session9Fns && rng.chance(0.8)) return randSession9Op(rng, a);
  if (session8Fns && rng.chance(0.8)) return randSession8Op(rng, a, writeable);
  if (session5Fns && rng.chance(0.75)) return randSession5Op(rng, a, writeable);
  if (newFns && rng.chance(0.7)) return randNewFnOp(rng, a);
  if (rng.chance(0.2)) return randWideOp(rng, a, writeable);
  const r = rng.next();
  if (r < 0.1) return ['astype', randDType(rng, 0.05) as unknown as Json];
  if (r < 0.22) {
    const name = rng.pick(REDUCTIONS);
    const kw: { [k: string]: Json } = {};
    if (rng.chance(0.7)) kw.axis = randAxis(rng, nd, !name.startsWith('arg'));
    if (rng.chance(0.3)) kw.keepdims = true;
    if (['sum', 'prod', 'mean'].includes(name) && rng.chance(0.2)) kw.dtype = rng.pick(['<f8', '<i8', '<f4', '<u1', '<c16', '|b1']);
    return Object.keys(kw).length ? [name, kw] : [name];
  }
  if (r < 0.42 && numeric) {
    const name = rng.pick(BINARY);
    const kw: { [k: string]: Json } = {};
    const x2 = randOperand(rng, a, true);
    const ints = 'iub'.includes(a.dtype.kind);
    if (writeable && rng.chance(0.25) && name !== 'power') {
      kw.out = 'self';
      // NumPy 2.4 crashes (SIGSEGV, seed 15255) comparing an int array with an out-of-range
      // Python int under where= (FORMAT.md): no Python int beside a masked comparison.
      const intScalar = typeof x2 === 'number' || (typeof x2 === 'object' && x2 !== null && 'int' in x2);
      if (rng.chance(0.5) && !(COMPARISONS.has(name) && intScalar)) kw.where = boolMask(rng, broadcastable(rng, a.shape));
    }
    // NumPy 2.4 writes every element of `out` when an input overlaps it partially
    // (a reversed view of it) under `where=` (np.equal(a, a[::-1], out=a, where=False)
    // changes a): not generated.
    const x2safe = kw.where !== undefined && typeof x2 === 'object' && x2 !== null && 'self' in x2 ? 'self' : x2;
    const x1: Json = rng.chance(0.8) || kw.where !== undefined ? 'self' : randScalar(rng, false);
    const args = rng.chance(0.3) ? [x2safe, x1] : [x1, x2safe];
    return Object.keys(kw).length ? [name, ...args, kw] : [name, ...args];
  }
  if (r < 0.5 && numeric) {
    const name = rng.pick(UNARY);
    if (writeable && rng.chance(0.2) && !APPROXIMATE.has(name)) return [name, 'self', { out: 'self' }];
    return [name, 'self'];
  }
  if (r < 0.54 && numeric) {
    const lo = rng.chance(0.2) ? null : randScalar(rng, false);
    const hi = rng.chance(0.2) ? null : randScalar(rng, false);
    return ['clip', 'self', lo, hi];
  }
  if (r < 0.58 && numeric) return ['where', { self: [['greater', 'self', 0]] }, 'self', randOperand(rng, a, false)];
  if (r < 0.66) return ['getitem', fancyItems(rng, a)];
  if (r < 0.72 && writeable) {
    const v = rng.chance(0.6) ? randValue(rng, specOf(a)) : newArray(rng, numeric ? a.dtype.str : '<f8', [rng.int(1, 2)]);
    return ['setitem', fancyItems(rng, a), v];
  }
  if (r < 0.74 && writeable && a.size > 0) {
    return ['add_at', [intIndex(rng, nd > 0 ? a.shape[0] : 1, [rng.int(1, 5)])].slice(0, nd > 0 ? 1 : 0), rng.chance(0.7) ? randScalar(rng, false) : 'self'];
  }
  if (r < 0.78) {
    const kw: { [k: string]: Json } = {};
    if (rng.chance(0.4)) kw.axis = randAxis(rng, nd, false);
    if (rng.chance(0.3)) kw.mode = rng.pick(['raise', 'wrap', 'clip']);
    const ind = intIndex(rng, nd > 0 ? a.shape[0] : 1, rng.pick([[3], [2, 2], [], [0]]));
    return Object.keys(kw).length ? ['take', ind, kw] : ['take', ind];
  }
  if (r < 0.8 && writeable) {
    const n = Math.max(a.size, 1);
    const ind = intIndex(rng, n, [rng.int(1, 4)]);
    return rng.chance(0.3) ? ['put', ind, randValue(rng, specOf(a)), { mode: rng.pick(['raise', 'wrap', 'clip']) }] : ['put', ind, randValue(rng, specOf(a))];
  }
  if (r < 0.83) {
    const len = nd > 0 ? Math.max(a.shape[0] + rng.int(-1, 0), 0) : 1;
    return rng.chance(0.5) ? ['compress', boolMask(rng, [len])] : ['compress', boolMask(rng, [rng.int(0, Math.max(a.size, 1))]), { axis: null }];
  }
  if (r < 0.86) return [rng.pick(['argwhere', 'flatnonzero'])];
  if (r < 0.92) {
    const name = rng.pick(['sort', 'argsort', 'sort_inplace', 'unique', 'unique_counts', 'unique_inverse', 'searchsorted', 'bincount']);
    if (name === 'searchsorted') {
      const v = rng.chance(0.5) ? randScalar(rng, false) : newArray(rng, numeric ? a.dtype.str : '<f8', [rng.int(0, 4)]);
      return rng.chance(0.4) ? ['searchsorted', v, { side: rng.pick(['left', 'right']) }] : ['searchsorted', v];
    }
    // A bincount past 2**20 bins (byte-swapped or random ints) makes NumPy allocate
    // gigabytes (13 GiB for seed 529, 15 GiB resident in the oracle) where the
    // library refuses any new array over 4 GiB (README): not generated.
    if (name === 'bincount' && binsTooMany(a)) return ['unique'];
    if (name === 'bincount') {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.3)) kw.minlength = rng.int(0, 6);
      if (rng.chance(0.3)) kw.weights = newArray(rng, rng.pick(['<f8', '<i4', '<f4']), [...a.shape]);
      return Object.keys(kw).length ? ['bincount', kw] : ['bincount'];
    }
    if (name.startsWith('sort') || name === 'argsort') {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.4)) kw.axis = randAxis(rng, nd, false);
      if (a.dtype.isStructured && rng.chance(0.6)) kw.order = [rng.pick(a.dtype.names as readonly string[])];
      return Object.keys(kw).length ? [name, kw] : [name];
    }
    return [name];
  }
  if (r < 0.95) {
    const name = rng.pick(['concatenate', 'stack']);
    const others: Json[] = ['self'];
    for (let i = 0; i < rng.int(0, 2); i++) others.push(rng.chance(0.5) ? 'self' : newArray(rng, rng.chance(0.7) ? specOf(a) : randDType(rng, 0), rng.chance(0.8) ? [...a.shape] : broadcastable(rng, a.shape)));
    return rng.chance(0.5) ? [name, others, { axis: randAxis(rng, nd + (name === 'stack' ? 1 : 0), false) }] : [name, others];
  }
  if (r < 0.97 && writeable) {
    if (rng.chance(0.5)) return ['fill', randValue(rng, specOf(a))];
    const sel = randIndex(rng, a.shape);
    return ['set', sel, randValue(rng, specOf(a))];
  }
  const r2 = rng.next();
  if (r2 < 0.3) return ['copy', rng.pick(['C', 'F', 'A', 'K'])];
  if (r2 < 0.5) return ['byteswap'];
  if (r2 < 0.6 && writeable) return ['byteswap_inplace'];
  return ['npy_roundtrip'];
}

/** One of the fuzzer's own ops (differ.ts FUZZ_OPS): views, unique's index, reductions with initial/where. */
function randOwnOp(rng: Rng, a: NdArray): Json[] {
  const nd = a.ndim;
  const r = rng.next();
  if (r < 0.25 && nd > 0) {
    const axes = randPerm(rng, nd).slice(0, rng.int(1, nd));
    const shape = axes.map((ax) => rng.int(rng.chance(0.05) ? 0 : 1, a.shape[ax] + (rng.chance(0.05) ? 1 : 0)));
    return ['sliding_window_view', shape, rng.chance(0.3) && axes.length === 1 ? axes[0] : axes];
  }
  if (r < 0.45) return ['broadcast_arrays', rng.chance(0.5) ? [rng.int(1, 3), ...a.shape] : broadcastable(rng, a.shape)];
  if (r < 0.6) return ['unique_index'];
  const name = rng.pick(['sum', 'prod', 'min', 'max']);
  const kw: { [k: string]: Json } = {};
  if (rng.chance(0.7)) kw.axis = randAxis(rng, nd);
  if (rng.chance(0.3)) kw.keepdims = true;
  if (rng.chance(0.7)) kw.initial = rng.pick([0, 1, -1, 5, 100, 0.5, -2.5]);
  if (rng.chance(0.6)) {
    const shape = rng.chance(0.8) ? [...a.shape] : broadcastable(rng, a.shape);
    kw.where = nestedValues(rng, '|b1', shape);
    kw.where_shape = shape;
  }
  return ['reduce_initial', name, kw];
}

const CASTINGS = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];
const SORT_KINDS = ['quicksort', 'mergesort', 'heapsort', 'stable'];
// Not power or sqrt: their values compare within ulps (APPROXIMATE), which ufunc_kw does not ask for.
const KW_BINARY = ['add', 'subtract', 'multiply', 'divide', 'floor_divide', 'remainder', 'minimum', 'maximum', 'less', 'equal', 'logical_and', 'bitwise_and', 'left_shift'];
const KW_UNARY = ['negative', 'absolute', 'square', 'rint', 'logical_not'];
const KW_DTYPES = [null, '<f8', '<f4', '<i8', '<i4', '|u1', '|b1', '<c16', '>f8', '<f2'];

/**
 * The fuzzer's own ops for library API the shared case language lacks
 * (differ.ts FUZZ_OPS): searchsorted's sorter, astype's casting, sort kinds,
 * concatenate's out/dtype/casting, ufunc casting/dtype/out/where together,
 * putmask, cumsum/cumprod, diff, var/std, round(decimals), nonzero; and
 * clip by arrays (a shared op).
 */
function randWideOp(rng: Rng, a: NdArray, writeable: boolean): Json[] {
  const nd = a.ndim;
  const numeric = !a.dtype.isStructured;
  const self = numeric ? a.dtype.str : '<f8';
  const r = rng.next();
  if (r < 0.08 && nd === 1) {
    const v = rng.chance(0.5) ? randScalar(rng, false) : newArray(rng, self, [rng.int(0, 4)]);
    const sorter = rng.chance(0.85) ? 'argsort' : intIndex(rng, a.shape[0], [rng.chance(0.8) ? a.shape[0] : rng.int(0, 4)]);
    const kw: { [k: string]: Json } = { sorter };
    if (rng.chance(0.5)) kw.side = rng.pick(['left', 'right']);
    return ['searchsorted_sorter', v, kw];
  }
  if (r < 0.16) return ['astype_casting', randDType(rng, 0.03) as unknown as Json, rng.pick(CASTINGS)];
  if (r < 0.26) {
    // An unstable kind leaves the order of ties (argsort's indices, the signs of
    // equal zeros in a float sort) to the algorithm: stable ones for those.
    const ties = !'iub'.includes(a.dtype.kind) || a.dtype.isStructured;
    const fn = rng.chance(0.5) ? 'sort' : 'argsort';
    const kw: { [k: string]: Json } = {};
    if (rng.chance(0.5)) kw.axis = randAxis(rng, nd, false);
    const exact = fn === 'argsort' || ties;
    if (rng.chance(0.6)) kw.kind = exact ? rng.pick(['mergesort', 'stable']) : rng.pick(SORT_KINDS);
    if (rng.chance(0.4) && (!exact || kw.kind === undefined || rng.chance(0.2))) kw.stable = exact ? true : rng.pick([true, false, null]);
    // (No kind and no stable is NumPy's quicksort: not stable, so not for ties.)
    if (exact && kw.kind === undefined && kw.stable === undefined) kw.kind = 'stable';
    return ['sort_kind', fn, kw];
  }
  if (r < 0.36) {
    const xs: Json[] = ['self'];
    for (let i = 0; i < rng.int(0, 2); i++) xs.push(rng.chance(0.3) ? 'self' : newArray(rng, rng.chance(0.6) ? specOf(a) : randDType(rng, 0), [...a.shape]));
    const kw: { [k: string]: Json } = {};
    if (rng.chance(0.6)) kw.axis = randAxis(rng, nd, false);
    if (rng.chance(0.4)) kw.dtype = rng.pick(KW_DTYPES.slice(1)) as string;
    if (rng.chance(0.5)) kw.casting = rng.pick(CASTINGS);
    if (rng.chance(0.3) && nd > 0) {
      const ax = typeof kw.axis === 'number' ? ((kw.axis % nd) + nd) % nd : kw.axis === null ? -1 : 0;
      const shape = ax < 0 ? [a.size * xs.length] : a.shape.map((d, i) => (i === ax ? d * xs.length : d));
      if (rng.chance(0.15)) shape[0] = (shape[0] ?? 0) + 1;
      if (kw.dtype === undefined || rng.chance(0.2)) kw.out = newArray(rng, rng.pick(KW_DTYPES.slice(1)) as string, shape);
    }
    return ['concatenate_kw', xs, kw];
  }
  if (r < 0.5 && numeric) {
    const unary = rng.chance(0.3);
    const name = unary ? rng.pick(KW_UNARY) : rng.pick(KW_BINARY);
    const kw: { [k: string]: Json } = {};
    if (rng.chance(0.5)) kw.casting = rng.pick(CASTINGS);
    const dt = rng.pick(KW_DTYPES);
    if (dt !== null && rng.chance(0.5)) kw.dtype = dt;
    if (rng.chance(0.35)) {
      if (writeable && rng.chance(0.5)) kw.out = 'self';
      else kw.out = newArray(rng, rng.pick(KW_DTYPES.slice(1)) as string, [...a.shape]);
    }
    const x2 = unary ? null : rng.chance(0.5) ? randScalar(rng, false) : newArray(rng, rng.chance(0.5) ? self : randDType(rng, 0), broadcastable(rng, a.shape));
    // Not a Python scalar beside a masked comparison (NumPy 2.4 crashes there: randComputeOp).
    const scalar = x2 !== null && !(typeof x2 === 'object' && 'dtype' in x2);
    if (kw.out !== undefined && rng.chance(0.4) && !(COMPARISONS.has(name) && scalar)) kw.where = boolMask(rng, broadcastable(rng, a.shape));
    return ['ufunc_kw', name, 'self', x2, kw];
  }
  if (r < 0.58 && writeable && numeric) {
    const mask = rng.chance(0.8) ? boolMask(rng, [...a.shape]) : boolMask(rng, broadcastable(rng, a.shape));
    const values = rng.chance(0.4) ? randScalar(rng, false) : newArray(rng, rng.chance(0.7) ? self : randDType(rng, 0), [rng.int(0, 5)]);
    return ['putmask', mask, values];
  }
  if (r < 0.66) {
    const dt = rng.chance(0.7) ? null : rng.pick(['<f8', '<i8', '<f4', '<c16', '<u4']);
    return ['cumulative', rng.pick(['cumsum', 'cumprod']), rng.chance(0.3) ? null : randAxis(rng, nd, false), dt];
  }
  if (r < 0.72) return ['diff', rng.pick([0, 1, 1, 1, 2, 3]), nd > 0 ? rng.int(-nd, nd - 1) : 0];
  if (r < 0.8) {
    const kw: { [k: string]: Json } = {};
    if (rng.chance(0.5)) kw.ddof = rng.pick([0, 1, 2, 0.5]);
    if (rng.chance(0.3)) kw.keepdims = true;
    if (rng.chance(0.2)) kw.dtype = rng.pick(['<f8', '<f4', '<c16']);
    return ['variance', rng.pick(['var', 'std']), rng.chance(0.3) ? null : randAxis(rng, nd), kw];
  }
  if (r < 0.86) return ['round', rng.pick([0, 1, 2, -1, -2, 3])];
  if (r < 0.92 && numeric) {
    const bound = (): Json => (rng.chance(0.3) ? null : rng.chance(0.5) ? randScalar(rng, false) : newArray(rng, rng.chance(0.6) ? self : randDType(rng, 0), broadcastable(rng, a.shape)));
    return ['clip', 'self', bound(), bound()];
  }
  return ['nonzero', rng.int(0, Math.max(nd - 1, 0))];
}

/** True when an integer `a` holds an index of magnitude 2**20 or more (NumPy's mode='wrap' loops adding or subtracting n). */
function wrapHangs(a: NdArray): boolean {
  if (!'iu'.includes(a.dtype.kind) || a.size === 0) return false;
  try {
    return Number(R.min(a).toArray() as number | bigint) <= -(2 ** 20) || Number(R.max(a).toArray() as number | bigint) >= 2 ** 20;
  } catch {
    return false;
  }
}

/** True when bincount of `a` would need 2**20 bins or more. */
function binsTooMany(a: NdArray): boolean {
  if (!'iu'.includes(a.dtype.kind) || a.size === 0) return false;
  try {
    return Number(R.max(a).toArray() as number | bigint) >= 2 ** 20;
  } catch {
    return false;
  }
}

/** True when the finite items of a real numeric `a` span 2**16 or more (a histogram estimator may then ask for a bin per unit). */
function spanHuge(a: NdArray): boolean {
  if (!'iuf'.includes(a.dtype.kind) || a.dtype.isStructured || a.size === 0) return false;
  try {
    const v = (readValues(a) as (number | bigint)[]).map(Number).filter(Number.isFinite);
    return v.length > 0 && Math.max(...v) - Math.min(...v) >= 2 ** 16;
  } catch {
    return false;
  }
}

/** The dtype spec of an array, as the generator writes values for it. */
function specOf(a: NdArray): Spec {
  const dt = a.dtype;
  if (!dt.isStructured || dt.shape.length > 0) return dt.shape.length > 0 ? dt.base.str : dt.str;
  const names = dt.names as readonly string[];
  const formats = names.map((n) => dt.fields![n].dtype);
  if (formats.some((f) => f.isStructured || f.shape.length > 0)) return '<f8';
  return { names: [...names], formats: formats.map((f) => f.str), offsets: names.map((n) => dt.fields![n].offset), itemsize: dt.itemsize };
}

// ------------------------------------------------------------------ session 4's functions

/**
 * Seeds from here on program mostly the functions added in session 4 (np_call:
 * differ.ts CALLS), leaving the programs of lower seeds (and so `npm test`'s
 * seeds and every seed a note cites) as they were.
 */
export const NEW_FNS_FROM = 1_000_000;
let newFns = false;

const NAN_REDUCE = ['nanmin', 'nanmax', 'nansum', 'nanprod', 'nanmean', 'nanvar', 'nanstd', 'nanargmin', 'nanargmax'];
const Q_METHODS = ['linear', 'lower', 'higher', 'midpoint', 'nearest', 'inverted_cdf', 'averaged_inverted_cdf', 'closest_observation', 'interpolated_inverted_cdf', 'hazen', 'weibull', 'median_unbiased', 'normal_unbiased'];
const MATH_1 = ['sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh', 'arcsinh', 'arccosh', 'arctanh', 'exp2', 'expm1', 'log2', 'log10', 'log1p', 'cbrt', 'floor', 'ceil', 'trunc', 'sign', 'reciprocal', 'deg2rad', 'rad2deg'];
const MATH_2 = ['arctan2', 'hypot', 'logaddexp', 'logaddexp2', 'fmod', 'copysign', 'fmax', 'fmin', 'heaviside', 'nextafter', 'gcd', 'lcm'];

/** One np_call of the functions of session 4 on `a`, with arguments that mostly fit. */
function randNewFnOp(rng: Rng, a: NdArray): Json[] {
  const nd = a.ndim;
  const self = a.dtype.isStructured ? '<f8' : a.dtype.str;
  const call = (name: string, args: Json[], kw: { [k: string]: Json } = {}, pick: number | null = null): Json[] => ['np_call', name, args, kw, pick];
  const axisKw = (kw: { [k: string]: Json }, multi: boolean): { [k: string]: Json } => {
    if (rng.chance(0.7)) kw.axis = randAxis(rng, nd, multi) as Json;
    if (rng.chance(0.3)) kw.keepdims = true;
    return kw;
  };
  const r = rng.next();
  if (r < 0.16) {
    const name = rng.pick(NAN_REDUCE);
    const kw = axisKw({}, !name.startsWith('nanarg'));
    if (name.startsWith('nanarg') && Array.isArray(kw.axis)) delete kw.axis;
    if ((name === 'nanvar' || name === 'nanstd') && rng.chance(0.4)) kw.ddof = rng.int(0, 2);
    if (['nansum', 'nanprod', 'nanmean'].includes(name) && rng.chance(0.2)) kw.dtype = rng.pick(['<f8', '<f4', '<c16']);
    return call(name, [], kw);
  }
  if (r < 0.3) {
    const name = rng.pick(['median', 'nanmedian', 'quantile', 'percentile', 'nanquantile', 'nanpercentile']);
    const kw = axisKw({}, true);
    if (name === 'median' || name === 'nanmedian') return call(name, [], kw);
    if (rng.chance(0.6)) kw.method = rng.pick(Q_METHODS);
    const pct = name.includes('percentile');
    const one = (): number => (pct ? rng.pick([0, 10, 25, 50, 75, 90, 100, 33.3]) : rng.pick([0, 0.1, 0.25, 0.5, 0.75, 0.9, 1, 0.333]));
    return call(name, [rng.chance(0.5) ? one() : [one(), one()]], kw);
  }
  if (r < 0.36) {
    const kw = axisKw({}, true);
    if (rng.chance(0.3) && nd > 0) {
      kw.axis = rng.int(0, nd - 1);
      kw.weights = newArray(rng, rng.pick(['<f8', '<i4']), [a.shape[kw.axis as number]]);
    }
    return call('average', [], kw);
  }
  if (r < 0.42) return call('histogram', [], rng.chance(0.5) ? { bins: rng.int(1, 5) } : { bins: rng.int(1, 4), range: [rng.pick([-2, 0, 0.5]), rng.pick([1, 3, 100])] }, rng.int(0, 1));
  if (r < 0.46) return call('digitize', [[-1, 0, 0.5, 2, 100].slice(0, rng.int(1, 5))], rng.chance(0.4) ? { right: true } : {});
  if (r < 0.56) {
    const name = rng.pick(['isin', 'intersect1d', 'union1d', 'setdiff1d', 'setxor1d']);
    const other = rng.chance(0.2) ? 'self' : newArray(rng, rng.chance(0.7) ? self : randDType(rng, 0), [rng.int(0, 5)]);
    return call(name, [other], name === 'isin' && rng.chance(0.4) ? { invert: true } : {});
  }
  if (r < 0.62) {
    // Small counts only: a random int64 count would have NumPy build (and list) gigabytes.
    const counts = (n: number): Json => ({ dtype: '<i8', shape: [n], values: Array.from({ length: n }, () => String(rng.int(0, 3))) });
    const axis = nd > 0 && rng.chance(0.6) ? rng.int(-nd, nd - 1) : null;
    const n = axis === null ? a.size : a.shape[(axis + nd) % nd];
    return call('repeat', [rng.chance(0.7) ? rng.int(0, 3) : counts(rng.chance(0.8) ? n : 1), axis]);
  }
  if (r < 0.66) return call('tile', [rng.chance(0.5) ? rng.int(0, 3) : Array.from({ length: rng.int(1, 3) }, () => rng.int(0, 2))]);
  if (r < 0.72) return call('roll', [rng.int(-5, 5), nd > 0 && rng.chance(0.6) ? rng.int(-nd, nd - 1) : null]);
  if (r < 0.76 && nd > 0) return call('array_split', [rng.int(1, 4), rng.int(0, nd - 1)], {}, 0);
  if (r < 0.78 && 'iu'.includes(a.dtype.kind) && a.size < 50) return call('unravel_index', [[rng.int(1, 4), rng.int(1, 6)]], {}, rng.int(0, 1));
  const binary = rng.chance(0.35);
  const name = binary ? rng.pick(MATH_2) : rng.pick(MATH_1);
  const kw: { [k: string]: Json } = {};
  if (rng.chance(0.25)) kw.dtype = rng.pick(['<f8', '<f4', '<f2', '<i8', '<c16']);
  if (rng.chance(0.25)) kw.casting = rng.pick(CASTINGS);
  return call(name, binary ? [randOperand(rng, a, false)] : [], kw);
}

// ------------------------------------------------------------------ session 5's functions

/**
 * Seeds from here on program mostly the functions added in session 5 (linear
 * algebra, diagonals, grids, interp, convolve, cov, select/choose/piecewise,
 * gradient, trapezoid, float parts, along-axis, extract/place, resize,
 * ediff1d, trimZeros, bits, unique*, sinc, i0, unwrap); lower seeds unchanged.
 */
export const SESSION5_FROM = 2_000_000;
let session5Fns = false;

const S5_DTYPES = ['<f8', '<i8', '<i4', '|u1', '|b1', '<c16', '<f4', '>f8', '<f2', '<u8'];

/** One np_call (or np_free: no `a`) of session 5's functions, with arguments that mostly fit. */
function randSession5Op(rng: Rng, a: NdArray, writeable: boolean): Json[] {
  const nd = a.ndim;
  const self = a.dtype.isStructured ? '<f8' : a.dtype.str;
  const call = (name: string, args: Json[], kw: { [k: string]: Json } = {}, pick: number | null = null): Json[] => ['np_call', name, args, kw, pick];
  const free = (name: string, args: Json[], kw: { [k: string]: Json } = {}, pick: number | null = null): Json[] => ['np_free', name, args, kw, pick];
  const dt = (): Spec => (rng.chance(0.4) ? self : rng.pick(S5_DTYPES));
  const last = nd > 0 ? a.shape[nd - 1] : 1;
  const small = (): number[] => Array.from({ length: rng.int(0, 2) }, () => rng.int(0, 3));
  const ax = (): number => (nd > 0 ? rng.int(-nd, nd - 1) : 0) + (rng.chance(0.03) ? Math.max(nd, 1) : 0);
  let r = rng.int(0, 41);
  // Products of records: NumPy answers with object arrays or object-loop errors (AttributeError
  // of a tuple), which the library, with no object dtype, refuses up front: no comparison there.
  if (r <= 7 && a.dtype.isStructured) r = 39;
  switch (r) {
    case 0: {
      const k = rng.int(0, 3);
      const shape = rng.chance(0.8) ? (rng.chance(0.5) ? [last, k] : [last]) : rng.chance(0.5) ? [rng.int(1, 3), last, k] : small();
      return call('matmul', [newArray(rng, dt(), shape)], rng.chance(0.2) ? { dtype: rng.pick(['<f8', '<c16', '<i8', '<f4']) } : {});
    }
    case 1: {
      const shape = rng.chance(0.8) ? (rng.chance(0.5) ? [last, rng.int(0, 3)] : [last]) : small();
      return call('dot', [rng.chance(0.15) ? randScalar(rng, false) : newArray(rng, dt(), shape)]);
    }
    case 2:
      return call('vdot', [rng.chance(0.85) ? newArray(rng, dt(), [...a.shape]) : newArray(rng, dt(), small())]);
    case 3:
      return call('inner', [rng.chance(0.85) ? newArray(rng, dt(), rng.chance(0.5) ? [last] : [rng.int(0, 2), last]) : randScalar(rng, false)]);
    case 4:
      return call('outer', [newArray(rng, dt(), small())]);
    case 5: {
      const n = rng.int(0, Math.min(nd, 2));
      const shape = [...a.shape.slice(nd - n), ...small()];
      return call('tensordot', [newArray(rng, dt(), shape), n]);
    }
    case 6:
      return call('kron', [rng.chance(0.1) ? randScalar(rng, false) : newArray(rng, dt(), small())]);
    case 7: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.2) && nd > 0) kw.axis = ax();
      return call('cross', [newArray(rng, dt(), [rng.pick([2, 3, 3, last])])], kw);
    }
    case 8:
      return call('diagonal', [rng.int(-2, 2), ...(rng.chance(0.4) && nd >= 2 ? [rng.int(0, nd - 1), rng.int(0, nd - 1)] : [])]);
    case 9:
      return call(rng.pick(['diag', 'diagflat']), [rng.int(-2, 2)]);
    case 10:
      return call('trace', [rng.int(-2, 2)], rng.chance(0.3) ? { dtype: rng.pick(['<f8', '<i8', '<f4', '<c16', '|u1']) } : {});
    case 11:
      return call(rng.pick(['tril', 'triu']), [rng.int(-2, 2)]);
    case 12:
      return free('tri', [rng.int(0, 4), rng.chance(0.5) ? null : rng.int(0, 4), rng.int(-2, 2)], rng.chance(0.4) ? { dtype: rng.pick(['<f8', '<i4', '|b1', '<c16']) } : {});
    case 13:
      return free(rng.pick(['tril_indices', 'triu_indices']), [rng.int(0, 4), rng.int(-2, 2), rng.chance(0.5) ? null : rng.int(0, 4)], {}, rng.int(0, 1));
    case 14:
      return free('diag_indices', [rng.int(0, 4), rng.int(1, 3)], {}, 0);
    case 15:
      if (writeable && nd >= 2) return call('fill_diagonal', [randScalar(rng, false), rng.chance(0.3)]);
      return call('trace', []);
    case 16: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.4)) kw.indexing = rng.pick(['xy', 'ij']);
      if (rng.chance(0.3)) kw.sparse = true;
      if (rng.chance(0.2)) kw.copy = false;
      const two = rng.chance(0.8);
      return call('meshgrid', two ? [newArray(rng, dt(), [rng.int(0, 3)])] : [], kw, two ? rng.int(0, 1) : 0);
    }
    case 17:
    {
      // sparse: a tuple of arrays (one picked); dense: one array
      const dims = Array.from({ length: rng.int(1, 3) }, () => rng.int(0, 3));
      const sparse = rng.chance(0.3);
      return free('indices', [dims], { ...(rng.chance(0.3) ? { dtype: rng.pick(['<i4', '<f8', '|u1']) } : {}), ...(sparse ? { sparse: true } : {}) }, sparse ? rng.int(0, dims.length - 1) : null);
    }
    case 18: {
      const n = rng.int(1, 5);
      const xp = Array.from({ length: n }, (_v, i) => i * rng.pick([1, 0.5, 2]) - 1);
      const fp = Array.from({ length: n }, () => rng.pick([0, 1, -2, 0.5, 3, 10]));
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.3)) kw.left = rng.pick([-1, 0.5, 100]);
      if (rng.chance(0.3)) kw.right = rng.pick([-1, 0.5, 100]);
      if (rng.chance(0.15)) kw.period = rng.pick([1, 2, 360]);
      return call('interp', [xp, rng.chance(0.1) ? newArray(rng, '<c16', [n]) : fp], kw);
    }
    case 19:
      return call(rng.pick(['convolve', 'correlate']), [newArray(rng, dt(), [rng.int(0, 4)])], rng.chance(0.6) ? { mode: rng.pick(['full', 'same', 'valid']) } : {});
    case 20: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.3)) kw.rowvar = false;
      if (rng.chance(0.2)) kw.bias = true;
      if (rng.chance(0.2)) kw.ddof = rng.int(0, 2);
      if (rng.chance(0.15)) kw.y = newArray(rng, dt(), nd === 2 ? [rng.int(1, 2), a.shape[1]] : [...a.shape]);
      if (rng.chance(0.1)) kw.dtype = rng.pick(['<f4', '<f8', '<c16']);
      return call('cov', [], kw);
    }
    case 21:
      return call('corrcoef', [], rng.chance(0.3) ? { rowvar: false } : {});
    case 22: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.3)) kw.endpoint = false;
      if (rng.chance(0.3)) kw.base = rng.pick([2, 10, 0.5, Math.E]);
      if (rng.chance(0.3)) kw.dtype = rng.pick(['<f4', '<i8', '<f8', '<c16']);
      const end = (): Json => rng.pick([0, 1, -1, 2, 0.5, 3]);
      return free('logspace', [end(), end(), rng.int(0, 6)], kw);
    }
    case 23: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.3)) kw.endpoint = false;
      if (rng.chance(0.3)) kw.dtype = rng.pick(['<f4', '<i8', '<f8', '<c16']);
      const end = (): Json => rng.pick([1, 2, 10, 1000, -1, -8, 0.5, 0]);
      return free('geomspace', [end(), end(), rng.int(0, 6)], kw);
    }
    case 24: {
      const n = rng.int(1, 3);
      const conds = Array.from({ length: n }, () => boolMask(rng, broadcastable(rng, a.shape)));
      const choices = Array.from({ length: n }, () => (rng.chance(0.5) ? 'self' : randOperand(rng, a, false)));
      return free('select', [conds, choices, rng.chance(0.5) ? randScalar(rng, false) : 0]);
    }
    case 25: {
      const n = rng.int(1, 3);
      const choices = Array.from({ length: n }, () => (rng.chance(0.4) ? 'self' : newArray(rng, dt(), broadcastable(rng, a.shape))));
      // mode='wrap' of a large index: NumPy 2.4 adds or subtracts n until it is in range (hours for 2**63-1)
      return call('choose', [choices], rng.chance(0.6) ? { mode: rng.pick(wrapHangs(a) ? ['raise', 'clip'] : ['raise', 'wrap', 'clip']) } : {});
    }
    case 26: {
      const n = rng.int(1, 2);
      const conds = Array.from({ length: n }, () => boolMask(rng, [...a.shape]));
      const funcs = Array.from({ length: n + rng.int(0, 1) }, () => rng.pick([0, 1, -2.5, 7]));
      return call('piecewise', [conds, funcs]);
    }
    case 27: {
      // a 0-d input: NumPy's gradient returns an empty tuple (np.asarray: a float64 (0,)), the library []
      if (nd === 0) return call('trace', []);
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.4) && nd > 0) kw.axis = ax();
      if (rng.chance(0.3)) kw.edge_order = 2;
      const args: Json[] = rng.chance(0.3) ? [rng.pick([0.5, 2, 1])] : [];
      return call('gradient', args, kw, nd > 1 && kw.axis === undefined ? rng.int(0, 1) : null);
    }
    case 28: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.4) && nd > 0) kw.axis = ax();
      if (rng.chance(0.2)) kw.dx = rng.pick([0.5, 2]);
      else if (rng.chance(0.2) && nd > 0) {
        const axN = kw.axis === undefined ? nd - 1 : ((((kw.axis as number) % nd) + nd) % nd);
        kw.x = newArray(rng, '<f8', [a.shape[axN]]);
      }
      return call('trapezoid', [], kw);
    }
    case 29:
      return call('divmod', [randOperand(rng, a, false)], {}, rng.int(0, 1));
    case 30:
      return call(rng.pick(['modf', 'frexp']), [], {}, rng.int(0, 1));
    case 31:
      return call('ldexp', [rng.chance(0.5) ? rng.int(-3, 5) : newArray(rng, rng.pick(['<i4', '<i8', '|u1', '<f8']), broadcastable(rng, a.shape))]);
    case 32: {
      if (nd === 0) return call('take_along_axis', [intIndex(rng, 1, [1]), null]);
      const axis = rng.chance(0.2) ? null : rng.int(-nd, nd - 1);
      const shape = axis === null ? [rng.int(0, 4)] : a.shape.map((d, i) => (i === (axis + nd) % nd ? rng.int(0, 3) : rng.chance(0.2) ? 1 : d));
      const idx = intIndex(rng, axis === null ? a.size : a.shape[(axis + nd) % nd], shape);
      if (writeable && rng.chance(0.4) && axis !== null) return call('put_along_axis', [idx, randScalar(rng, false), axis]);
      return call('take_along_axis', [idx, axis]);
    }
    case 33:
      if (writeable && rng.chance(0.5)) return call('place', [boolMask(rng, [...a.shape]), newArray(rng, dt(), [rng.int(0, 3)])]);
      return call('extract', [boolMask(rng, [...a.shape])]);
    case 34:
      return call('resize', [rng.chance(0.3) ? rng.int(0, 5) : small()]);
    case 35: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.3)) kw.to_end = rng.chance(0.5) ? rng.int(-2, 2) : newArray(rng, dt(), [rng.int(0, 2)]);
      if (rng.chance(0.3)) kw.to_begin = rng.chance(0.5) ? rng.int(-2, 2) : newArray(rng, dt(), [rng.int(0, 2)]);
      return call('ediff1d', [], kw);
    }
    case 36: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.4)) kw.trim = rng.pick(['f', 'b', 'fb', 'F', 'B']);
      if (rng.chance(0.3) && nd > 0) kw.axis = randAxis(rng, nd, true);
      return call('trim_zeros', [], kw);
    }
    case 37: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.5)) kw.axis = nd > 0 ? ax() : null;
      if (rng.chance(0.3)) kw.bitorder = 'little';
      if (rng.chance(0.5)) return call('packbits', [], kw);
      if (rng.chance(0.3)) kw.count = rng.int(-9, 9);
      return call('unpackbits', [], kw);
    }
    case 38: {
      const name = rng.pick(['unique_values', 'unique_counts', 'unique_inverse', 'unique_all']);
      return call(name, [], {}, name === 'unique_values' ? null : name === 'unique_all' ? rng.int(0, 3) : rng.int(0, 1));
    }
    case 39:
      return call(rng.pick(['sinc', 'i0']), []);
    case 40: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.3)) kw.discont = rng.pick([1, 4, 0.5]);
      if (rng.chance(0.3) && nd > 0) kw.axis = ax();
      if (rng.chance(0.3)) kw.period = rng.pick([1, 360, 2 * Math.PI, 4]);
      return call('unwrap', [], kw);
    }
    default:
      return call('matmul', ['self']);
  }
}

// ------------------------------------------------------------------ sessions 6-8's functions

/**
 * Seeds from here on program mostly the functions added in sessions 6 to 8
 * (the linalg namespace, einsum, window functions, vander, polynomials,
 * linspace with array end points, applyAlongAxis, rollaxis, ix_,
 * fromfunction, realIfClose, sortComplex, pad, partition, lexsort,
 * insert/delete/append, reduceat, accumulate, isclose and friends,
 * nanToNum, the complex parts, histogram's estimators, the stack and split
 * helpers, copyto); lower seeds (and so the 5,000,000 pass) unchanged.
 */
export const SESSION8_FROM = 6_000_000;
let session8Fns = false;

const S8_DTYPES = ['<f8', '<i8', '<i4', '|u1', '|b1', '<c16', '<f4', '>f8', '<f2', '<u8', '<c8', '|i1'];
const NORM_ORDS: Json[] = [null, null, 1, 2, -1, -2, 'inf', '-inf', 'fro', 'nuc', 0, 3, 0.5];
const PAD_MODES = ['constant', 'edge', 'linear_ramp', 'maximum', 'mean', 'median', 'minimum', 'reflect', 'symmetric', 'wrap'];
const REDUCEAT = ['add', 'multiply', 'minimum', 'maximum', 'logical_and', 'logical_or', 'logical_xor', 'bitwise_and', 'bitwise_or', 'bitwise_xor'];
const BIN_RULES = ['auto', 'fd', 'doane', 'scott', 'stone', 'rice', 'sturges', 'sqrt'];
/** The functions apply_along_axis calls (differ.ts LANE_FNS): NumPy's by name. */
const LANE_FNS = ['sum', 'cumsum', 'sort', 'diff', 'max', 'mean', 'flip'];
const S8_UFUNCS = ['fabs', 'spacing', 'bitwise_count', 'fix', 'isposinf', 'isneginf', 'iscomplex', 'isreal', 'angle', 'real', 'imag', 'sort_complex', 'real_if_close'];

/** One np_call (or np_free) of sessions 6-8's functions, with arguments that mostly fit. */
function randSession8Op(rng: Rng, a: NdArray, writeable: boolean): Json[] {
  const nd = a.ndim;
  const self = a.dtype.isStructured ? '<f8' : a.dtype.str;
  const call = (name: string, args: Json[], kw: { [k: string]: Json } = {}, pick: number | null = null): Json[] => ['np_call', name, args, kw, pick];
  const free = (name: string, args: Json[], kw: { [k: string]: Json } = {}, pick: number | null = null): Json[] => ['np_free', name, args, kw, pick];
  const dt = (): Spec => (rng.chance(0.4) ? self : rng.pick(S8_DTYPES));
  const ax = (): number => (nd > 0 ? rng.int(-nd, nd - 1) : 0) + (rng.chance(0.03) ? Math.max(nd, 1) : 0);
  const last = nd > 0 ? a.shape[nd - 1] : 1;
  const square = nd >= 2 && a.shape[nd - 1] === a.shape[nd - 2];
  /** A stack of square matrices: a itself when it is one (mostly), else a new one. */
  const matrix = (): Json => {
    if (square && rng.chance(0.85)) return 'self';
    const n = rng.int(0, 3);
    const shape = rng.chance(0.8) ? [n, n] : rng.chance(0.7) ? [rng.int(1, 2), n, n] : [n, n + 1];
    return newArray(rng, dt(), shape);
  };
  const linalg = (name: string, args: Json[], kw: { [k: string]: Json } = {}, pick: number | null = null): Json[] => {
    const m = matrix();
    return m === 'self' ? call(name, args, kw, pick) : free(name, [m, ...args], kw, pick);
  };
  const r = rng.int(0, 47);
  switch (r) {
    case 0:
      return linalg('linalg.det', []);
    case 1:
      return linalg('linalg.slogdet', [], {}, rng.int(0, 1));
    case 2:
      return linalg('linalg.inv', []);
    case 3: {
      const n = square ? last : rng.int(0, 3);
      const m = matrix();
      const k = m === 'self' ? n : ((m as unknown as { shape: number[] }).shape.slice(-1)[0] ?? 0);
      const bshape = rng.pick([[k], [k, rng.int(1, 3)], [rng.int(1, 2), k, 1], [k + 1]]);
      const b = rng.chance(0.15) ? 'self' : newArray(rng, dt(), bshape);
      return m === 'self' ? call('linalg.solve', [b]) : free('linalg.solve', [m, b]);
    }
    case 4: {
      // Cholesky wants a positive definite matrix: a Gram matrix (a·aᴴ + n·I) mostly
      const n = rng.int(0, 3);
      if (rng.chance(0.6) && n > 0) {
        const vals = Array.from({ length: n }, (_r, i) => Array.from({ length: n }, (_c, j) => (i === j ? n + rng.int(1, 3) : rng.pick([0, 1, -1, 0.5]))));
        const sym = vals.map((row, i) => row.map((v, j) => (j < i ? vals[j][i] : v)));
        return free('linalg.cholesky', [{ dtype: rng.pick(['<f8', '<f4', '<i8', '<c16', '>f8']), shape: [n, n], values: sym }], rng.chance(0.4) ? { upper: rng.chance(0.5) } : {});
      }
      return linalg('linalg.cholesky', [], rng.chance(0.3) ? { upper: true } : {});
    }
    case 5:
      return linalg('linalg.matrix_power', [rng.pick([0, 1, 2, 3, -1, -2, 5])]);
    case 6: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.6)) kw.ord = rng.pick(NORM_ORDS);
      if (rng.chance(0.5)) kw.axis = nd >= 2 && rng.chance(0.5) ? randPerm(rng, nd).slice(0, 2) : nd > 0 ? ax() : null;
      if (rng.chance(0.2)) kw.keepdims = true;
      return call('linalg.norm', [], kw);
    }
    case 7: {
      const n = rng.int(2, 3);
      const dims = Array.from({ length: n + 1 }, () => rng.int(1, 3));
      const ops: Json[] = [];
      for (let i = 0; i < n; i++) {
        let shape = [dims[i], dims[i + 1]];
        if (i === 0 && rng.chance(0.3)) shape = [dims[1]];
        if (i === n - 1 && rng.chance(0.3)) shape = [dims[i]];
        ops.push(newArray(rng, dt(), shape));
      }
      if (rng.chance(0.4)) ops[0] = 'self';
      return free('linalg.multi_dot', [ops]);
    }
    case 8:
    case 9: {
      // einsum: a's axes as letters, maybe a second operand sharing some
      const letters = 'ijkl'.slice(0, Math.min(nd, 4)).split('');
      if (nd > 4) return call('linalg.norm', []);
      if (letters.length >= 2 && a.shape[0] === a.shape[1] && rng.chance(0.2)) letters[1] = letters[0];
      const uniq = [...new Set(letters)];
      const ins = [letters.join('')];
      const operands: Json[] = ['self'];
      const sizes: { [l: string]: number } = {};
      letters.forEach((l, i) => (sizes[l] = a.shape[i]));
      let all = uniq;
      if (rng.chance(0.5)) {
        const bl = uniq.filter(() => rng.chance(0.6));
        if (rng.chance(0.4)) {
          bl.push('m');
          sizes.m = rng.int(1, 3);
        }
        const perm = randPerm(rng, bl.length).map((i) => bl[i]);
        ins.push(perm.join(''));
        operands.push(newArray(rng, dt(), perm.map((l) => sizes[l])));
        all = [...new Set([...uniq, ...perm])];
      }
      const outL = randPerm(rng, all.length).map((i) => all[i]).filter(() => rng.chance(0.6));
      const sub = rng.chance(0.15) ? ins.join(',') : `${ins.join(',')}->${outL.join('')}`;
      const kw: { [k: string]: Json } = { subscripts: sub };
      if (rng.chance(0.15)) kw.dtype = rng.pick(['<f8', '<i8', '<c16', '<f4']);
      if (rng.chance(0.15)) kw.order = rng.pick(['C', 'F', 'A', 'K']);
      return free('einsum', operands, kw);
    }
    case 10: {
      const name = rng.pick(['bartlett', 'blackman', 'hamming', 'hanning', 'kaiser']);
      const m = rng.pick([0, 1, 2, 3, 5, 8, -1, 2.5]);
      return free(name, name === 'kaiser' ? [m, rng.pick([0, 5, 14, -1, 0.5])] : [m]);
    }
    case 11: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.4)) kw.N = rng.int(0, 4);
      if (rng.chance(0.4)) kw.increasing = true;
      if (nd !== 1 && rng.chance(0.7)) return free('vander', [newArray(rng, dt(), [rng.int(0, 4)])], kw);
      return call('vander', [], kw);
    }
    case 12:
    case 13: {
      const name = rng.pick(['polyval', 'polyadd', 'polysub', 'polymul', 'polyder', 'polyint', 'polydiv', 'poly']);
      const p = (): Json => newArray(rng, dt(), [rng.int(0, 4)]);
      const first: Json = nd === 1 || rng.chance(0.2) ? 'self' : p();
      const args: Json[] = [];
      if (name === 'polyval') args.push(rng.chance(0.5) ? randScalar(rng, false) : newArray(rng, dt(), [rng.int(0, 3)]));
      else if (name === 'polyder' || name === 'polyint') {
        if (rng.chance(0.6)) args.push(rng.int(0, 3));
      } else if (name !== 'poly') args.push(rng.chance(0.2) ? randScalar(rng, false) : p());
      const pick = name === 'polydiv' ? rng.int(0, 1) : null;
      return first === 'self' ? call(name, args, {}, pick) : free(name, [first, ...args], {}, pick);
    }
    case 14:
    case 15: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.3)) kw.endpoint = false;
      if (rng.chance(0.3)) kw.dtype = rng.pick(['<f4', '<i8', '<f8', '<c16', '|u1']);
      if (rng.chance(0.4)) kw.axis = rng.int(-nd - 1, nd);
      const stop = rng.chance(0.5) ? randScalar(rng, false) : newArray(rng, rng.chance(0.6) ? '<f8' : dt(), broadcastable(rng, a.shape));
      return call('linspace', [stop, rng.pick([0, 1, 2, 3, 5])], kw);
    }
    case 16: {
      if (nd === 0) return call('apply_along_axis', [rng.pick(LANE_FNS), 0]);
      return call('apply_along_axis', [rng.pick(LANE_FNS), ax()]);
    }
    case 17:
      return call('rollaxis', [ax(), rng.int(-nd, nd + 1)]);
    case 18: {
      const k = rng.int(0, 2);
      const args: Json[] = [nd === 1 && rng.chance(0.7) ? 'self' : newArray(rng, rng.pick(['<i8', '|u1', '|b1', '<i4']), [rng.int(0, 3)])];
      for (let i = 0; i < k; i++) args.push(rng.chance(0.15) ? 'self' : newArray(rng, rng.pick(['<i8', '|b1', '<i2', '<f8']), [rng.int(0, 3)]));
      return free('ix_', args, {}, rng.int(0, k));
    }
    case 19: {
      const two = rng.chance(0.5);
      const shape = two ? [rng.int(0, 3), rng.int(0, 3)] : [rng.int(0, 4)];
      const fn = two ? rng.pick(['add', 'multiply', 'subtract']) : rng.pick(['negative', 'square']);
      return free('fromfunction', [fn, shape], rng.chance(0.5) ? { dtype: rng.pick(['<i8', '<f8', '<f4', '|u1']) } : {});
    }
    case 20:
    case 21: {
      const name = rng.pick(S8_UFUNCS);
      const kw: { [k: string]: Json } = {};
      if (name === 'angle' && rng.chance(0.4)) kw.deg = true;
      if (name === 'real_if_close' && rng.chance(0.4)) kw.tol = rng.pick([1, 100, 1e6]);
      return call(name, [], kw);
    }
    case 22:
    case 23: {
      const mode = rng.chance(0.2) ? null : rng.pick(PAD_MODES);
      const widths = rng.next();
      const pw: Json = widths < 0.3 ? rng.int(0, 3) : widths < 0.5 ? [rng.int(0, 2), rng.int(0, 3)] : Array.from({ length: nd + (rng.chance(0.05) ? 1 : 0) }, () => [rng.int(0, 3), rng.int(0, 2)]);
      const kw: { [k: string]: Json } = {};
      if (mode !== null) kw.mode = mode;
      if (mode === null || mode === 'constant') {
        if (rng.chance(0.5)) kw.constant_values = rng.chance(0.5) ? rng.pick([0, 1, -1, 2.5, 300]) : [rng.pick([0, 1, 7]), rng.pick([-1, 2])];
      } else if (mode === 'linear_ramp') {
        if (rng.chance(0.5)) kw.end_values = rng.pick([0, 5, -2]);
      } else if (['maximum', 'mean', 'median', 'minimum'].includes(mode)) {
        if (rng.chance(0.5)) kw.stat_length = rng.pick([1, 2, 3, 0]);
      } else if (mode === 'reflect' || mode === 'symmetric') {
        if (rng.chance(0.5)) kw.reflect_type = rng.pick(['even', 'odd']);
      }
      return call('pad', [pw], kw);
    }
    case 24: {
      // The partitioned order away from kth is the algorithm's: only the kth items are compared
      const n = nd === 0 ? 1 : a.shape[nd - 1];
      const kth: Json = rng.chance(0.6) ? rng.int(-n, Math.max(n - 1, 0)) + (rng.chance(0.05) ? n + 1 : 0) : [rng.int(0, Math.max(n - 1, 0)), rng.int(0, Math.max(n - 1, 0))];
      return call('partition_at', [kth], rng.chance(0.2) ? { axis: null } : {});
    }
    case 25:
      // NumPy 2.4 sorts non-native complex keys wrongly (np.lexsort of a '>c16' [[1024+4.25j,
      // -3+0.25j, -2.25+1.5j], [100+0.25j, 2.75+7j, 1+100j]] is [0 1 2], of its '<c16' copy [2 1 0])
      if (a.dtype.kind === 'c' && !a.dtype.isnative) return call('sort_complex', []);
      return call('lexsort', [], rng.chance(0.3) && nd > 0 ? { axis: ax() } : {});
    case 26:
    case 27: {
      const name = rng.pick(['insert', 'delete', 'append']);
      const axis = nd > 0 && rng.chance(0.5) ? ax() : null;
      const n = axis === null ? a.size : a.shape[((axis % nd) + nd) % nd] ?? 1;
      const obj: Json = rng.chance(0.6) ? rng.int(-n, n) + (rng.chance(0.05) ? n + 2 : 0) : Array.from({ length: rng.int(0, 3) }, () => rng.int(0, Math.max(n, 0)));
      const kw: { [k: string]: Json } = axis === null && rng.chance(0.5) ? {} : { axis };
      if (name === 'delete') return call('delete', [obj], kw);
      const values: Json = rng.chance(0.5) ? randScalar(rng, false) : newArray(rng, rng.chance(0.7) ? self : dt(), rng.chance(0.5) ? [rng.int(0, 3)] : broadcastable(rng, a.shape));
      return name === 'insert' ? call('insert', [obj, values], kw) : call('append', [values], kw);
    }
    case 28:
    case 29: {
      const name = rng.pick(REDUCEAT);
      const n = nd === 0 ? 1 : a.shape[0];
      const idx = Array.from({ length: rng.int(1, 4) }, () => rng.int(0, Math.max(n - 1, 0)) + (rng.chance(0.04) ? n : 0));
      const kw: { [k: string]: Json } = {};
      if (nd > 1 && rng.chance(0.4)) kw.axis = rng.int(-nd, nd - 1);
      if (rng.chance(0.2)) kw.dtype = rng.pick(['<f8', '<i8', '<f4', '|b1']);
      return call(`${name}.reduceat`, [idx], kw);
    }
    case 30: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.5)) kw.axis = nd > 0 && rng.chance(0.8) ? ax() : null;
      if (rng.chance(0.2)) kw.dtype = rng.pick(['<f8', '<i8', '<f4']);
      return call(rng.pick(['maximum.accumulate', 'minimum.accumulate']), [], kw);
    }
    case 31:
    case 32: {
      const name = rng.pick(['isclose', 'isclose', 'allclose', 'array_equal', 'array_equiv']);
      const other = rng.chance(0.2) ? 'self' : randOperand(rng, a, false);
      const kw: { [k: string]: Json } = {};
      if (name === 'isclose' || name === 'allclose') {
        if (rng.chance(0.3)) kw.rtol = rng.pick([0, 0.1, 1e-9]);
        if (rng.chance(0.3)) kw.atol = rng.pick([0, 1, 0.5]);
        if (rng.chance(0.3)) kw.equal_nan = true;
      } else if (name === 'array_equal' && rng.chance(0.3)) kw.equal_nan = true;
      return call(name, [other], kw);
    }
    case 33: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.4)) kw.nan = rng.pick([0, -1, 2.5, 1000]);
      if (rng.chance(0.4)) kw.posinf = rng.pick([1, 1e300, -7]);
      if (rng.chance(0.4)) kw.neginf = rng.pick([-1, -1e300, 7]);
      return call('nan_to_num', [], kw);
    }
    case 34: {
      const name = rng.pick(['histogram', 'histogram_bin_edges']);
      const kw: { [k: string]: Json } = { bins: rng.pick(BIN_RULES) };
      // An estimator over a range far wider than the spread asks for range / width
      // bins: 10^9 edges, more than the oracle's JSON can carry (seed 10730220).
      if (kw.bins !== 'sturges' && kw.bins !== 'sqrt' && kw.bins !== 'rice' && spanHuge(a)) kw.bins = 'sturges';
      if (rng.chance(0.3)) kw.range = [rng.pick([-2, 0, 0.5]), rng.pick([1, 3, 100])];
      if (name === 'histogram' && rng.chance(0.2)) kw.density = true;
      return call(name, [], kw, name === 'histogram' ? rng.int(0, 1) : null);
    }
    case 35: {
      const name = rng.pick(['atleast_1d', 'atleast_2d', 'atleast_3d', 'fliplr', 'flipud']);
      return call(name, []);
    }
    case 36: {
      const name = rng.pick(['hstack', 'vstack', 'dstack', 'column_stack']);
      const xs: Json[] = ['self'];
      for (let i = 0; i < rng.int(0, 2); i++) xs.push(rng.chance(0.3) ? 'self' : newArray(rng, rng.chance(0.6) ? self : dt(), rng.chance(0.7) ? [...a.shape] : broadcastable(rng, a.shape)));
      return free(name, [xs]);
    }
    case 37: {
      const name = rng.pick(['split', 'array_split', 'hsplit', 'vsplit', 'dsplit']);
      const sections: Json = rng.chance(0.6) ? rng.int(1, 3) : [rng.int(0, 3), rng.int(1, 4)];
      const args: Json[] = [sections];
      if ((name === 'split' || name === 'array_split') && nd > 0 && rng.chance(0.5)) args.push(ax());
      return call(name, args, {}, 0);
    }
    case 38:
      return call('moveaxis', [ax(), nd > 0 ? rng.int(-nd, nd - 1) : 0]);
    case 39:
      return call('rot90', [rng.int(-2, 3), ...(nd >= 2 && rng.chance(0.4) ? [randPerm(rng, nd).slice(0, 2)] : [])]);
    case 40:
      if (writeable) {
        const kw: { [k: string]: Json } = {};
        if (rng.chance(0.5)) kw.casting = rng.pick(CASTINGS);
        if (rng.chance(0.3)) kw.where = boolMask(rng, broadcastable(rng, a.shape));
        return call('copyto', [rng.chance(0.5) ? randScalar(rng, false) : newArray(rng, dt(), broadcastable(rng, a.shape))], kw);
      }
      return call('ptp', [], nd > 0 && rng.chance(0.5) ? { axis: ax() } : {});
    case 41:
      return call('ptp', [], { ...(nd > 0 && rng.chance(0.6) ? { axis: ax() } : {}), ...(rng.chance(0.2) ? { keepdims: true } : {}) });
    case 42: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.6)) kw.axis = nd > 0 && rng.chance(0.8) ? ax() : null;
      if (rng.chance(0.2)) kw.dtype = rng.pick(['<f8', '<i8', '<f4', '<c16']);
      return call(rng.pick(['nancumsum', 'nancumprod']), [], kw);
    }
    case 43:
      return call('float_power', [randOperand(rng, a, false)]);
    case 44:
      return call(rng.pick(['triu_indices_from', 'tril_indices_from']), [rng.int(-2, 2)], {}, rng.int(0, 1));
    case 45:
      return call('diag_indices_from', [], {}, 0);
    case 46: {
      const name = rng.pick(['logspace', 'geomspace']);
      const stop = rng.chance(0.5) ? rng.pick([1, 2, 3, -1]) : newArray(rng, '<f8', broadcastable(rng, a.shape));
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.3)) kw.axis = rng.int(-nd - 1, nd);
      if (rng.chance(0.2)) kw.endpoint = false;
      return call(name, [stop, rng.pick([0, 1, 2, 4])], kw);
    }
    default:
      return call('isrealobj', []);
  }
}

// ------------------------------------------------------------------ session 9's functions

/**
 * Seeds from here on program mostly the functions added in session 9 (the
 * linalg decompositions and what stands on them, polyfit, roots, the
 * array-API names, quantile's `weights`, unique with `axis`, the
 * nan-reductions' keywords); lower seeds' programs unchanged.
 */
export const SESSION9_FROM = 7_000_000;
let session9Fns = false;

const S9_DTYPES = ['<f8', '<f4', '<i8', '<c16', '>f8', '|b1', '<i4'];

/** A new array operand with its infinities and NaNs (in any part) made 0. */
function finiteArray(op: Json): Json {
  const fix = (v: Json): Json => (Array.isArray(v) ? v.map(fix) : v === 'nan' || v === 'inf' || v === '-inf' ? 0 : v);
  const o = op as { [k: string]: Json };
  return { ...o, values: fix(o.values) };
}

/** Session 9's functions that run an SVD (not hermitian ones alone: eigh does not hang). */
const SVD_USERS = new Set(['linalg.svd', 'linalg.svdvals', 'linalg.pinv', 'linalg.matrix_rank', 'linalg.cond']);

/** True unless `a` (float or complex) holds an infinity or NaN. */
function allFinite(a: NdArray): boolean {
  if (!'fc'.includes(a.dtype.kind) || a.size === 0) return true;
  try {
    return Boolean(R.all(isfinite(a)).toArray());
  } catch {
    return false;
  }
}

/** One np_call (or np_free) of session 9's functions, with arguments that mostly fit. */
function randSession9Op(rng: Rng, a: NdArray): Json[] {
  const nd = a.ndim;
  const self = a.dtype.isStructured ? '<f8' : a.dtype.str;
  const call = (name: string, args: Json[], kw: { [k: string]: Json } = {}, pick: number | null = null): Json[] => ['np_call', name, args, kw, pick];
  const free = (name: string, args: Json[], kw: { [k: string]: Json } = {}, pick: number | null = null): Json[] => ['np_free', name, args, kw, pick];
  const dt = (): Spec => (rng.chance(0.4) ? self : rng.pick(S9_DTYPES));
  const ax = (): number => (nd > 0 ? rng.int(-nd, nd - 1) : 0) + (rng.chance(0.03) ? Math.max(nd, 1) : 0);
  // A matrix operand: `a` when it is one (or a stack), else a new small one.
  const matrix = (square: boolean): Json => {
    if (nd >= 2 && (!square || a.shape[nd - 1] === a.shape[nd - 2]) && rng.chance(0.7)) return 'self';
    const n = rng.int(0, 3);
    const shape = square ? [n, n] : [rng.int(0, 3), rng.int(1, 3)];
    if (rng.chance(0.2)) shape.unshift(rng.int(1, 2));
    return newArray(rng, dt(), shape);
  };
  const onMatrix = (name: string, square: boolean, args: Json[], kw: { [k: string]: Json }, pick: number | null = null): Json[] => {
    let m = matrix(square);
    // NumPy 2.4's gesdd never returns for some infinite matrices of 3 × 3 and more (np.linalg.svd of
    // [[inf, 2, 3], [4, 5, 6], [7, 8, 9]] hangs; fuzz seeds 7002750..7002999 timed the oracle out):
    // finite operands for the SVD's users there.
    if (SVD_USERS.has(name)) {
      const shape = m === 'self' ? a.shape : ((m as { shape: number[] }).shape);
      if (shape.length >= 2 && Math.min(shape[shape.length - 1], shape[shape.length - 2]) >= 3) {
        if (m !== 'self') m = finiteArray(m);
        else if (!allFinite(a)) m = finiteArray(newArray(rng, dt(), [...a.shape]));
      }
    }
    return m === 'self' ? call(name, args, kw, pick) : free(name, [m, ...args], kw, pick);
  };
  const r = rng.int(0, 23);
  switch (r) {
    case 0:
    case 1: {
      const mode = rng.pick(['reduced', 'complete', 'r', 'raw']);
      const kw: { [k: string]: Json } = rng.chance(0.2) && mode === 'reduced' ? {} : { mode };
      return onMatrix('linalg.qr', false, [], kw, mode === 'r' ? null : rng.int(0, 1));
    }
    case 2:
      // The singular values only: U and V are unique up to signs (LAPACK's are not the library's).
      return rng.chance(0.5) ? onMatrix('linalg.svd', false, [], { full_matrices: rng.chance(0.5) }, 1) : onMatrix('linalg.svd', false, [], { compute_uv: false });
    case 3:
      return onMatrix('linalg.svdvals', false, [], {});
    case 4: {
      const kw: { [k: string]: Json } = rng.chance(0.4) ? { UPLO: rng.pick(['L', 'U']) } : {};
      return rng.chance(0.5) ? onMatrix('linalg.eigh', true, [], kw, 0) : onMatrix('linalg.eigvalsh', true, [], kw);
    }
    case 5: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.3)) kw.rtol = rng.pick([0, 1e-3, 0.5]);
      if (rng.chance(0.2)) kw.hermitian = true;
      return onMatrix('linalg.pinv', rng.chance(0.3), [], kw);
    }
    case 6: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.3)) kw.tol = rng.pick([0, 0.5, 2]);
      else if (rng.chance(0.3)) kw.rtol = rng.pick([0, 1e-3, 0.5]);
      if (rng.chance(0.2)) kw.hermitian = true;
      return onMatrix('linalg.matrix_rank', false, [], kw);
    }
    case 7: {
      // Finite operands only: NumPy 2.4's lstsq (LAPACK's gelsd) never returns for an
      // infinite item (fuzz seed 7000913 hung the oracle), so `a` itself only when integer.
      const m = nd === 2 ? a.shape[0] : rng.int(1, 3);
      const A: Json = nd === 2 && 'biu'.includes(a.dtype.kind) && rng.chance(0.7) ? 'self' : finiteArray(newArray(rng, dt(), [m, rng.int(1, 3)]));
      const b = finiteArray(newArray(rng, dt(), rng.chance(0.5) ? [m] : [m, rng.int(1, 2)]));
      const kw: { [k: string]: Json } = rng.chance(0.3) ? { rcond: rng.pick([null, 0.1, 1e-10]) } : {};
      const pick = rng.int(0, 3);
      return A === 'self' ? call('linalg.lstsq', [b], kw, pick) : free('linalg.lstsq', [A, b], kw, pick);
    }
    case 8:
      return onMatrix('linalg.cond', rng.chance(0.5), rng.chance(0.3) ? [] : [rng.pick([null, 'fro', 'nuc', 'inf', '-inf', 1, -1, 2, -2])], {});
    case 9: {
      const n = rng.int(1, 6);
      const x = { dtype: '<f8', shape: [n], values: randPerm(rng, 7).slice(0, n).map((i) => [-2, -1, 0, 0.5, 1, 2, 3][i]) };
      // Finite y and w: polyfit is lstsq's gelsd, which never returns for an infinite item (seed 7002911 hung the oracle).
      let y: Json = nd === 1 && a.shape[0] === n && rng.chance(0.7) ? 'self' : finiteArray(newArray(rng, rng.chance(0.7) ? '<f8' : dt(), rng.chance(0.8) ? [n] : [n, 2]));
      if (y === 'self' && !allFinite(a)) y = finiteArray(newArray(rng, '<f8', [n]));
      const kw: { [k: string]: Json } = rng.chance(0.2) ? { w: finiteArray(newArray(rng, '<f8', [n])) } : {};
      return free('polyfit', [x, y, rng.int(0, 3)], kw);
    }
    case 10:
      if (nd === 1 && rng.chance(0.6)) return call('roots', []);
      return free('roots', [newArray(rng, dt(), [rng.int(0, 5)])]);
    case 11: {
      const name = rng.pick(['acos', 'asin', 'atan', 'acosh', 'asinh', 'atanh', 'bitwise_invert']);
      return call(name, []);
    }
    case 12: {
      const name = rng.pick(['pow', 'atan2', 'bitwise_left_shift', 'bitwise_right_shift']);
      return call(name, [randOperand(rng, a, false)]);
    }
    case 13: {
      const name = rng.pick(['permute_dims', 'matrix_transpose', 'unstack']);
      if (name === 'permute_dims') return call(name, [rng.chance(0.9) ? randPerm(rng, nd) : randPerm(rng, nd + 1)]);
      if (name === 'unstack') return call(name, [], rng.chance(0.6) ? { axis: ax() } : {}, 0);
      return call(name, []);
    }
    case 14: {
      const name = rng.pick(['vecdot', 'matvec', 'vecmat']);
      const last = nd > 0 ? a.shape[nd - 1] : 1;
      if (name === 'vecdot') return call(name, [newArray(rng, dt(), broadcastable(rng, a.shape))], rng.chance(0.3) && nd > 0 ? { axis: ax() } : {});
      if (name === 'matvec') return call(name, [newArray(rng, dt(), [last])]);
      return free(name, [newArray(rng, dt(), [nd >= 2 ? a.shape[nd - 2] : last]), 'self']);
    }
    case 15: {
      const kw: { [k: string]: Json } = {};
      if (nd > 1 || rng.chance(0.4)) kw.axis = ax();
      if (rng.chance(0.3)) kw.dtype = rng.pick(['<f8', '<i8', '<f4', '<c16']);
      if (rng.chance(0.4)) kw.include_initial = true;
      return call(rng.pick(['cumulative_sum', 'cumulative_prod']), [], kw);
    }
    case 16:
      return call('astype', [randDType(rng, 0) as Json], rng.chance(0.3) ? { copy: rng.chance(0.5) } : {});
    case 17: {
      const b: Json = rng.chance(0.3) ? 'self' : newArray(rng, rng.chance(0.7) ? self : dt(), rng.chance(0.8) ? [...a.shape] : broadcastable(rng, a.shape));
      return free('concat', [['self', b]], rng.chance(0.6) ? { axis: rng.chance(0.1) ? null : ax() } : {});
    }
    case 18: {
      const name = rng.pick(['amax', 'amin', 'bitwise_not', 'mod']);
      if (name === 'mod') return call(name, [randOperand(rng, a, false)]);
      if (name === 'bitwise_not') return call(name, []);
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.6)) kw.axis = randAxis(rng, nd);
      if (rng.chance(0.3)) kw.keepdims = true;
      return call(name, [], kw);
    }
    case 19: {
      const name = rng.pick(['reshape', 'copy', 'asfortranarray']);
      if (name === 'reshape') return call(name, [randReshape(rng, a.shape)], rng.chance(0.5) ? { order: rng.pick(['C', 'F', 'A']) } : {});
      if (name === 'copy') return call(name, [], rng.chance(0.7) ? { order: rng.pick(['C', 'F', 'A', 'K']) } : {});
      return call(name, []);
    }
    case 20: {
      // NumPy 2's weights: only method 'inverted_cdf' takes them.
      const name = rng.pick(['quantile', 'percentile']);
      const pct = name === 'percentile';
      const one = (): number => (pct ? rng.pick([0, 10, 25, 50, 75, 100]) : rng.pick([0, 0.1, 0.25, 0.5, 0.75, 1]));
      const kw: { [k: string]: Json } = { method: rng.chance(0.9) ? 'inverted_cdf' : 'linear' };
      let wshape = [...a.shape];
      if (nd > 0 && rng.chance(0.5)) {
        const axis = rng.int(0, nd - 1);
        kw.axis = axis;
        if (rng.chance(0.5)) wshape = [a.shape[axis]];
      }
      kw.weights = { dtype: rng.pick(['<f8', '<i4']), shape: wshape, values: nestedValues(rng, '|u1', wshape) };
      if (rng.chance(0.2)) kw.keepdims = true;
      return call(name, [rng.chance(0.5) ? one() : [one(), one()]], kw);
    }
    case 21: {
      const kw: { [k: string]: Json } = {};
      if (nd > 0 && rng.chance(0.85)) kw.axis = ax();
      const flags = ['return_index', 'return_inverse', 'return_counts'].filter(() => rng.chance(0.4));
      for (const f of flags) kw[f] = true;
      return call('unique', [], kw, flags.length > 0 ? rng.int(0, flags.length) : null);
    }
    default: {
      const name = rng.pick(['nansum', 'nanprod', 'nanmin', 'nanmax', 'nanmean', 'nanvar', 'nanstd']);
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.6)) kw.axis = randAxis(rng, nd);
      if (rng.chance(0.2)) kw.keepdims = true;
      const extrema = name === 'nanmin' || name === 'nanmax';
      if ((name === 'nansum' || name === 'nanprod' || extrema) && (extrema || rng.chance(0.5))) kw.initial = rng.pick([0, 1, -1, 5, 0.5, -2.5]);
      if (rng.chance(0.6)) kw.where = boolMask(rng, rng.chance(0.8) ? [...a.shape] : broadcastable(rng, a.shape));
      if ((name === 'nanvar' || name === 'nanstd') && rng.chance(0.5)) kw.correction = rng.int(0, 2);
      // nanmin/nanmax take `where` only with `initial` (NumPy's ValueError otherwise): left as it comes sometimes.
      if (extrema && rng.chance(0.1)) delete kw.initial;
      return call(name, [], kw);
    }
  }
}

// ------------------------------------------------------------------ the remaining exports

/**
 * Seeds from here on program mostly the exports no earlier table reached
 * (lib/index.ts against this file's calls): arange, eye/identity,
 * zeros_like/ones_like/full_like (their 'K' layout and shape), argpartition
 * (the values at kth), block, histogram2d/histogramdd, ravel_multi_index,
 * apply_over_axes, isfortran/ndim/size/shape/broadcast_shapes, ones; then session
 * 9's mix as before. Lower seeds' programs unchanged.
 */
export const SESSION10_FROM = 8_000_000;
let session10Fns = false;

const S10_DTYPES = ['<f8', '<f4', '<i8', '<i4', '|u1', '|b1', '<c16', '>f8', '<f2', '|i1', '<u2'];
/** The functions apply_over_axes calls, by NumPy's name (differ.ts OVER_AXES_FNS). */
const OVER_AXES_FNS = ['sum', 'prod', 'max', 'min', 'mean', 'any'];

/** One np_call (or np_free) of the exports of {@link SESSION10_FROM}, with arguments that mostly fit. */
function randSession10Op(rng: Rng, a: NdArray): Json[] {
  const nd = a.ndim;
  const self = a.dtype.isStructured ? '<f8' : a.dtype.str;
  const call = (name: string, args: Json[], kw: { [k: string]: Json } = {}, pick: number | null = null): Json[] => ['np_call', name, args, kw, pick];
  const free = (name: string, args: Json[], kw: { [k: string]: Json } = {}, pick: number | null = null): Json[] => ['np_free', name, args, kw, pick];
  const dt = (): Spec => (rng.chance(0.4) ? self : rng.pick(S10_DTYPES));
  const ax = (): number => (nd > 0 ? rng.int(-nd, nd - 1) : 0) + (rng.chance(0.03) ? Math.max(nd, 1) : 0);
  const r = rng.int(0, 15);
  switch (r) {
    case 0:
    case 1: {
      const num = (): Json => (rng.chance(0.7) ? rng.int(-5, 10) : rng.pick([0.5, -1.5, 2.25, 7.5, 0.1, 1e3]));
      const args: Json[] = rng.chance(0.3) ? [num()] : rng.chance(0.5) ? [num(), num()] : [num(), num(), rng.pick([1, 2, -1, 3, 0.5, -0.25, 0.3])];
      const kw: { [k: string]: Json } = rng.chance(0.4) ? { dtype: rng.pick(['<f8', '<i8', '<f4', '|u1', '<i2', '<c16', '|b1']) } : {};
      return free('arange', args, kw);
    }
    case 2: {
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.4)) kw.dtype = rng.pick(['<f8', '<i4', '|b1', '<c16', '<f4']);
      if (rng.chance(0.3)) kw.order = rng.pick(['C', 'F']);
      if (rng.chance(0.3)) return free('identity', [rng.int(0, 4)], kw.dtype === undefined ? {} : { dtype: kw.dtype });
      return free('eye', [rng.int(0, 4), rng.chance(0.5) ? null : rng.int(0, 4), rng.int(-3, 3)], kw);
    }
    case 3:
    case 4: {
      const name = rng.pick(['zeros_like', 'ones_like', 'full_like']);
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.4)) kw.dtype = rng.pick(S10_DTYPES);
      if (rng.chance(0.4)) kw.order = rng.pick(['C', 'F', 'A', 'K']);
      if (rng.chance(0.2)) kw.shape = rng.chance(0.7) ? [...a.shape].reverse() : [rng.int(0, 3), rng.int(1, 3)];
      return call(name, name === 'full_like' ? [randScalar(rng, false)] : [], kw);
    }
    case 5:
    case 6: {
      // argpartition's order of ties is the algorithm's: only the values it puts at kth
      const axis = nd === 0 || rng.chance(0.2) ? null : rng.chance(0.7) ? -1 : ax();
      const n = axis === null ? a.size : a.shape[((axis % nd) + nd) % nd] ?? 1;
      const kth: Json = rng.chance(0.6) ? rng.int(-n, Math.max(n - 1, 0)) + (rng.chance(0.05) ? n + 1 : 0) : [rng.int(0, Math.max(n - 1, 0)), rng.int(0, Math.max(n - 1, 0))];
      return call('argpartition_at', [kth], { axis });
    }
    case 7: {
      // block: a row of a and others joined on the last axis, or rows of rows
      const other = (): Json => (rng.chance(0.3) ? 'self' : newArray(rng, rng.chance(0.6) ? self : dt(), rng.chance(0.7) ? [...a.shape] : broadcastable(rng, a.shape)));
      if (rng.chance(0.5)) return free('block', [['self', other()]]);
      return free('block', [[['self', other()], [other(), other()]]]);
    }
    case 8: {
      const selfX = nd === 1 && rng.chance(0.6);
      const n = selfX && rng.chance(0.9) ? a.shape[0] : rng.int(0, 5);
      const col = (): Json => newArray(rng, rng.chance(0.7) ? '<f8' : dt(), [n]);
      const kw: { [k: string]: Json } = { bins: rng.chance(0.6) ? rng.int(1, 4) : [rng.int(1, 3), rng.int(1, 3)] };
      if (rng.chance(0.3)) kw.range = [[rng.pick([-2, 0]), rng.pick([1, 3, 100])], [rng.pick([-1, 0.5]), rng.pick([2, 10])]];
      if (rng.chance(0.2)) kw.density = true;
      if (rng.chance(0.2)) kw.weights = newArray(rng, '<f8', [n]);
      return free('histogram2d', [selfX ? 'self' : col(), col()], kw, rng.int(0, 2));
    }
    case 9: {
      const kw: { [k: string]: Json } = { bins: rng.int(1, 4) };
      if (rng.chance(0.2)) kw.density = true;
      if (nd === 2 && rng.chance(0.7)) return call('histogramdd', [], kw, 0);
      return free('histogramdd', [newArray(rng, rng.chance(0.7) ? '<f8' : dt(), [rng.int(0, 5), rng.int(1, 3)])], kw, 0);
    }
    case 10: {
      const dims = Array.from({ length: rng.int(1, 3) }, () => rng.int(1, 4));
      const shape = rng.pick([[], [rng.int(1, 3)], [2, 2]]);
      const idx = dims.map((d) => intIndex(rng, d + (rng.chance(0.2) ? 2 : 0), shape));
      const kw: { [k: string]: Json } = {};
      if (rng.chance(0.4)) kw.mode = rng.chance(0.7) ? rng.pick(['raise', 'wrap', 'clip']) : dims.map(() => rng.pick(['raise', 'wrap', 'clip']));
      if (rng.chance(0.3)) kw.order = rng.pick(['C', 'F']);
      return free('ravel_multi_index', [idx, dims], kw);
    }
    case 11: {
      const axes: Json = rng.chance(0.5) ? ax() : randPerm(rng, Math.max(nd, 1)).slice(0, rng.int(1, Math.max(nd, 1)));
      return call('apply_over_axes', [rng.pick(OVER_AXES_FNS), axes]);
    }
    case 12:
      return call(rng.pick(['isfortran', 'ndim', 'shape']), []);
    case 13:
      return call('size', rng.chance(0.5) ? [] : [ax()]);
    case 14:
      return free('broadcast_shapes', [[...a.shape], broadcastable(rng, a.shape)]);
    default:
      return free('ones', [[rng.int(0, 3), rng.int(0, 3)]], { ...(rng.chance(0.5) ? { dtype: rng.pick(S10_DTYPES) } : {}), ...(rng.chance(0.3) ? { order: 'F' } : {}) });
  }
}

// ------------------------------------------------------------------ programs

/**
 * A hand-written program (probes, tests): a C-contiguous source of `spec` and
 * `shape` holding `values` (row-major, as randValue encodes them), then `ops`.
 */
export function programOf(id: string, spec: Spec, shape: readonly number[], values: readonly Json[], ops: Json[][], writeable = true): Program {
  const item = itemsizeOf(spec);
  const n = product(shape);
  const bytes = new Uint8Array(Math.max(n * item, 1));
  const dv = new DataView(bytes.buffer);
  for (let k = 0; k < n; k++) store(dv, k * item, spec, values[k % Math.max(values.length, 1)]);
  const strides: number[] = [];
  let step = item;
  for (let ax = shape.length - 1; ax >= 0; ax--) {
    strides[ax] = step;
    step *= Math.max(shape[ax], 1);
  }
  return { id, buffer_hex: Buffer.from(bytes).toString('hex'), source: { dtype: spec as unknown as Json, shape: [...shape], strides, offset: 0, writeable }, ops };
}


/** The program of one seed. */
export function generate(seed: number): Program {
  const rng = new Rng(seed);
  newFns = seed >= NEW_FNS_FROM;
  session5Fns = seed >= SESSION5_FROM;
  session8Fns = seed >= SESSION8_FROM;
  session9Fns = seed >= SESSION9_FROM;
  session10Fns = seed >= SESSION10_FROM;
  const { program, spec } = randSource(rng);
  program.id = `fuzz/${seed}`;
  const s = program.source;
  const bytes = Buffer.from(program.buffer_hex, 'hex');
  let cur: NdArray;
  try {
    cur = ndarray(s.shape, s.dtype as never, new Uint8Array(bytes), { offset: s.offset, strides: s.strides, readonly: !s.writeable });
  } catch {
    return program; // a source the library refuses: the replay reports it
  }
  const views = rng.pick([0, 1, 1, 2, 2, 3]);
  let overlapping = false;
  const computes = rng.pick([1, 1, 1, 2]);
  for (let i = 0; i < views + computes; i++) {
    const op = i < views ? randViewOp(rng, cur, spec) : randComputeOp(rng, cur, overlapping);
    if (op[0] === 'as_strided' || op[0] === 'broadcast_to') overlapping = true;
    program.ops.push(op);
    try {
      cur = applyCaseOp(cur, op);
    } catch {
      break; // an error ends the program: NumPy must raise at the same op
    }
    if (cur.size > 200 || APPROXIMATE.has(op[0] as string)) break;
  }
  return program;
}
