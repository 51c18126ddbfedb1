/**
 * Axis reductions with NumPy's semantics: `sum prod mean min max argmin
 * argmax any all countNonzero` over `axis` (null = every axis, an int, or a
 * list of ints), with `keepdims`, `dtype` and `out` where NumPy takes them.
 *
 * Order of operations is NumPy's: the input is walked in its iterator's 'K'
 * order (outermost axis first, axes coalesced where the memory allows), each
 * output element starts from the ufunc's identity (0 for sum, 1 for prod; the
 * first element for min/max), and when the innermost walked axis is a
 * reduced one a float sum adds the pairwise sum of that row (blocks of 8, see
 * {@link pairwise}); otherwise elements are added one by one, as NumPy's
 * inner loop `out[j] += a[i, j]` does. When two or more innermost walked
 * axes are reduced, a float sum goes through NumPy's 8192-item buffer: whole
 * rows per buffer, each buffer summed pairwise. When the values are cast on
 * the way (`dtype=`, a byte-swapped input), a row of 8192 items or more is
 * summed in pieces of 8192.
 *
 * Result dtypes follow NumPy 2: sums and products of bool and of ints
 * narrower than 64 bits accumulate in int64 (uint64 for unsigned); `mean` of
 * ints and bools is float64, of float16 is summed in float32 and rounded back
 * once; results are in this host's byte order. A `dtype=` with an explicit
 * byte order other than the host's is a TypeError, as in NumPy.
 *
 * The walks of plain numeric dtypes (float sums in float64 or float32,
 * integer sums in 64 bits, min/max in the item's own type, counts,
 * any/all (stopping a row at its first deciding item, as NumPy's bool
 * loops do), argmin/argmax) run in native/index_kernels.cc when the array qualifies
 * ({@link axisReduceNative}), over the same plan in the same order; the JS
 * loops here are their reference, and test/index-kernels.test.ts and
 * test/reduce-axis-native.test.ts hold the two to the same bits.
 *
 * Over 600 lines because the ten reductions share one walk (axis choice,
 * keepdims, out, NumPy's summation order); only their per-row steps differ,
 * and the native loops are in `index-kernels.ts`.
 * @module
 */
import { reductionOutError } from './reduce-out';
import { DETAIL_MESSAGE } from './ufunc-options';
import { inspect } from 'util';
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { makeCaster } from './cast';
import { ValueError, describeValue, iteratorCastError } from './errors';
import { noReductionLoop, type ReductionMethod } from './no-loop';
import { WINDOW_BYTES } from './storage';
import { bufferSpan, isNumpyAligned } from './buffered-sum';
import { afterCall, afterFmaxCall, budgetedReader, classOf, fmaxTailKeepsFirst, wholeZeroCalls, withinBudget, zeroOf, zeroWinner, type ZeroClass } from './extreme-zero';
import { allocate, codecOf, NdArray as ArrayClass, WRITEBACK_READ_ONLY, readOnlyError, requireOpen, storageOf, writeFlagOf } from './internal';
import { axisArgs, readKnownOptions, readOptions, type WithAxis } from './options';
import { isCContiguous, MAXDIMS, normalizeAxis, shapeToSize } from './layout';
import { broadcastTo } from './views';
import { kOrder as iterOrder } from './broadcast';
import type { NdArray } from './ndarray';
import { pyShape } from './format';
import { checkReduceKeys, reduceWithInitial, whereMask } from './reduce-initial';
import { canCast, type PyScalar } from './promote';
import {
  allocateOrdered,
  arithOf,
  BOOL,
  comparatorOf,
  type Complex,
  FLOAT64,
  floatRound,
  INTP,
  isNaNValue,
  isNonZero,
  kOrder,
  nativeOf,
  pairwise,
  pairwiseComplex,
  readValues,
  scalarArray,
  writeValues,
} from './compute-values';
import { sum as sumAll } from './reduce';
import { capturingKernels, mayHoldBothZeros } from './kernels';
import { int64From, typedLayout, type TypedLayout } from './typed-reader';
import { argReduceNative, AxisOp, axisProdNative, axisReduceNative } from './index-kernels';
import type { AxisOut } from './native';

/** An `axis` argument: null (every axis), one axis, or several. */
export type Axis = null | number | readonly number[];

/** {@link axisArgs} with the options as `{}` when none came. */
function splitAxis<A, O extends object>(name: string, axis: A | WithAxis<O, A> | undefined, rest: readonly unknown[], keys: readonly string[]): [A | undefined, O] {
  const [ax, o] = axisArgs<A, O>(name, keys, axis, rest);
  return [ax, (o ?? {}) as O];
}

/** Options of the reductions (NumPy's keyword arguments). */
export interface ReduceOptions {
  /** Keep the reduced axes as length-1 axes. */
  keepdims?: boolean;
  /** The dtype to accumulate in (and of the result); sum, prod and mean only. */
  dtype?: DTypeLike;
  /** An array to write the result into (its shape must be the result's); it is returned. */
  out?: NdArray;
  /**
   * NumPy's `initial=`: the value each reduction starts from (sum, prod, min,
   * max), converted to the result dtype; min/max of an empty axis give it
   * instead of a ValueError. Not for any/all/mean (NumPy's take none).
   */
  initial?: PyScalar;
  /**
   * NumPy's `where=`: a bool array (or a nested list of truths) broadcast to `a`, or a boolean; only the
   * items where it is true are reduced (sum, prod, mean, min, max, any, all).
   * min/max need `initial` with it (NumPy's ValueError otherwise).
   */
  where?: NdArray | boolean | readonly unknown[];
}

/** Options of argmin, argmax and countNonzero. */
export interface ArgReduceOptions {
  keepdims?: boolean;
  /**
   * argmin and argmax only (NumPy's `out=`): where to write the indices. Its
   * shape must be the result's exactly (keepdims counted), else NumPy's
   * `ValueError: output array does not match result of np.argmax.`; its
   * dtype must cast safely to int64 (int8 to int64: narrower ints hold the
   * indices as NumPy writes them back), else a `TypeError`. Returned itself.
   */
  out?: NdArray;
}

const BUFSIZE = 8192;
const PLAIN_KEYS = ['keepdims', 'dtype', 'out'];
const WITH_INITIAL = [...PLAIN_KEYS, 'initial', 'where'];
const WITH_WHERE = [...PLAIN_KEYS, 'where'];

/** NumPy's normalisation of `axis`: every axis, one, or a duplicate-free list. */
export function resolveAxes(axis: Axis | undefined, ndim: number, strict0d = false): number[] {
  if (axis === undefined || axis === null) return [...Array(ndim).keys()];
  const list = typeof axis === 'number' ? [axis] : axis;
  if (!Array.isArray(list)) throw new TypeError(`axis must be null, an integer or a list of integers, got ${describeValue(axis)}`);
  // A ufunc reduction of a 0-d array takes a bare axis 0 or -1 and reduces
  // nothing, as NumPy's does (its backward-compatibility case for an integer
  // axis; a tuple (0,) is its AxisError).
  if (ndim === 0 && !strict0d && typeof axis === 'number' && (axis === 0 || axis === -1)) return [];
  // At most 64 axes exist, so a longer list repeats one (or names one that is
  // not there): refused before it is walked. And walked by index, so a sparse
  // list's first hole is refused at once (map visited the 2^32 holes of one).
  if (list.length > MAXDIMS) throw new ValueError("duplicate value in 'axis'");
  const out: number[] = [];
  for (let i = 0; i < list.length; i++) out.push(normalizeAxis(list[i], ndim));
  if (new Set(out).size !== out.length) throw new ValueError("duplicate value in 'axis'");
  return ndim === 0 ? [] : out;
}

function loopDType(spec: DTypeLike): DType {
  const dt = toDType(spec);
  if (!dt.isnative) {
    throw new TypeError(DETAIL_MESSAGE);
  }
  return dt;
}

/** NumPy 2's accumulation dtype of sum/prod: bool and small ints widen to 64 bits. */
export function sumDType(dt: DType, op: 'add' | 'multiply' = 'add', method: ReductionMethod = 'reduce'): DType {
  if (dt.kind === 'b' || (dt.kind === 'i' && dt.itemsize < 8)) return INTP;
  if (dt.kind === 'u' && dt.itemsize < 8) return toDType('<u8');
  if (!dt.isStructured && (dt.kind === 'i' || dt.kind === 'u' || dt.kind === 'f' || dt.kind === 'c')) return nativeOf(dt);
  throw noReductionLoop(op, dt, method);
}

/** The walk plan: the result's shape, and per input axis its length, input stride and output flat stride. */
interface Plan {
  outShape: number[];
  outSize: number;
  /** Input axes in walking order, outermost first, coalesced: [n, inStride, outStride]. */
  dims: [number, number, number][];
  /** Count of input elements per output element. */
  count: number;
  /** Axis order of the result (outermost first) for a new array. */
  resultOrder: number[];
}

/**
 * The axis order (outermost first) of a new array NumPy lays out like `a`
 * (PyArray_NewLikeArray with order 'K': C or F when `a` is contiguous so,
 * else a stable sort by |stride|, largest first).
 */
function likeOrder(a: NdArray): number[] {
  const axes = [...Array(a.ndim).keys()];
  if (a.ndim <= 1 || a.flags.cContiguous) return axes;
  if (a.flags.fContiguous) return axes.reverse();
  return axes.sort((x, y) => Math.abs(a.strides[y]) - Math.abs(a.strides[x]) || x - y);
}

/** A reduction result's axis order from the walk's axis order over the input (reduced axes dropped, or kept in place as length 1). */
function resultOrderOf(order: readonly number[], axes: readonly number[], nd: number, keepdims: boolean): number[] {
  const red = new Array<boolean>(nd).fill(false);
  for (const ax of axes) red[ax] = true;
  const pos = new Map<number, number>();
  let j = 0;
  for (let i = 0; i < nd; i++) if (!red[i] || keepdims) pos.set(i, j++);
  return order.filter((ax) => pos.has(ax)).map((ax) => pos.get(ax)!);
}

function plan(a: NdArray, axes: readonly number[], keepdims: boolean, inStrides: readonly number[]): Plan {
  const nd = a.ndim;
  const red = new Array<boolean>(nd).fill(false);
  for (const ax of axes) red[ax] = true;
  const outShape: number[] = [];
  const keptAxes: number[] = [];
  for (let i = 0; i < nd; i++) {
    if (!red[i]) {
      outShape.push(a.shape[i]);
      keptAxes.push(i);
    } else if (keepdims) outShape.push(1);
  }
  // Output flat (C) strides of each input axis: 0 on reduced axes.
  const outStride = new Array<number>(nd).fill(0);
  let s = 1;
  for (let k = keptAxes.length - 1; k >= 0; k--) {
    outStride[keptAxes[k]] = s;
    s *= a.shape[keptAxes[k]];
  }
  let count = 1;
  for (const ax of axes) count *= a.shape[ax];
  const order = kOrder(a.shape, a.strides);
  const dims: [number, number, number][] = [];
  for (const ax of order) {
    const n = a.shape[ax];
    if (n === 1) continue;
    const last = dims[dims.length - 1];
    // Coalesce with the axis outside it when both operands step evenly across them.
    if (last !== undefined && last[1] === inStrides[ax] * n && last[2] === outStride[ax] * n) {
      dims[dims.length - 1] = [last[0] * n, inStrides[ax], outStride[ax]];
    } else {
      dims.push([n, inStrides[ax], outStride[ax]]);
    }
  }
  // Result axes in the input's K order (reduced ones dropped, or kept as length 1 in place).
  const pos = new Map<number, number>();
  let j = 0;
  for (let i = 0; i < nd; i++) if (!red[i] || keepdims) pos.set(i, j++);
  const resultOrder = order.filter((ax) => pos.has(ax)).map((ax) => pos.get(ax)!);
  const outSize = shapeToSize(outShape);
  // No result of any dtype holds more than 2^32 items in memory (4 GiB): say
  // so before the accumulators' V8 "Invalid typed array length" (sum over
  // axis 1 of a [2^40, 1] broadcast view).
  if (outSize > WINDOW_BYTES) {
    throw new RangeError(`a reduction over shape ${pyShape(a.shape)} has ${outSize} results: an array in memory holds at most 4 GiB (2^32 one-byte items)`);
  }
  return { outShape, outSize, dims, count, resultOrder };
}

/** Calls `row(p, n, s, o, os)` for each innermost run of the plan, outermost axes first. */
function walk(dims: readonly [number, number, number][], start: number, row: (p: number, n: number, s: number, o: number, os: number) => void): void {
  const nd = dims.length;
  if (nd === 0) {
    row(start, 1, 0, 0, 0);
    return;
  }
  for (const d of dims) if (d[0] === 0) return;
  const [n, s, os] = dims[nd - 1];
  const idx = new Array<number>(nd).fill(0);
  let p = start;
  let o = 0;
  for (;;) {
    row(p, n, s, o, os);
    let ax = nd - 2;
    while (ax >= 0) {
      idx[ax]++;
      p += dims[ax][1];
      o += dims[ax][2];
      if (idx[ax] < dims[ax][0]) break;
      p -= dims[ax][1] * dims[ax][0];
      o -= dims[ax][2] * dims[ax][0];
      idx[ax] = 0;
      ax--;
    }
    if (ax < 0) return;
  }
}

/** A reader of `a`'s elements as values of `loop` (cast on the way), with the start and strides it walks in. */
interface Source {
  get: (p: number) => unknown;
  start: number;
  strides: readonly number[];
  /** NumPy buffers the walk: the values are converted, or read from a byte-swapped or unaligned layout. */
  cast: boolean;
}

function sourceOf(a: NdArray, loop: DType | null): Source {
  const same = loop === null || a.dtype.equals(loop);
  const kind = a.dtype.kind;
  const fast = kind === 'f' || kind === 'i' || kind === 'u' ? typedLayout(a) : null;
  if (fast !== null) {
    const ta = fast.array as unknown as ArrayLike<unknown>;
    if (same) return { get: (p) => ta[p], start: fast.start, strides: fast.strides, cast: false };
    // A float32 loop adds float32 items: each is rounded on the way in, as NumPy's cast does (the caster leaves that to the store).
    if (loop!.kind === 'f' && loop!.itemsize === 4) return { get: (p) => Math.fround(Number(ta[p])), start: fast.start, strides: fast.strides, cast: true };
    if (loop!.kind === 'f' && kind !== 'f' && a.itemsize < 8) return { get: (p) => ta[p], start: fast.start, strides: fast.strides, cast: true };
    const c = makeCaster(a.dtype, loop!);
    return { get: (p) => c(ta[p]), start: fast.start, strides: fast.strides, cast: true };
  }
  requireOpen(a);
  const codec = codecOf(a);
  const at = storageOf(a).cursor(a.itemsize);
  const read = (p: number): unknown => {
    const w = at(p);
    return codec.read(w.view, p - w.start);
  };
  // NumPy buffers a byte-swapped or an unaligned walk alike (an unaligned
  // float64 row of 20,000 items is summed in 8192-item buffers, not whole).
  if (same) return { get: read, start: a.offset, strides: a.strides, cast: !a.dtype.isnative || !isNumpyAligned(storageOf(a).addressBase + a.offset, a.shape, a.strides, a.itemsize) };
  const c = makeCaster(a.dtype, loop!);
  // float32 and complex64 loops take items rounded to float32 (NumPy's cast before the add; a complex128 sum with dtype c8 or f4 too).
  if (loop!.kind === 'f' && loop!.itemsize === 4) return { get: (p) => Math.fround(c(read(p)) as number), start: a.offset, strides: a.strides, cast: true };
  if (loop!.kind === 'c' && loop!.itemsize === 8) {
    return {
      get: (p) => {
        const v = c(read(p)) as Complex;
        return { re: Math.fround(v.re), im: Math.fround(v.im) };
      },
      start: a.offset,
      strides: a.strides,
      cast: true,
    };
  }
  return { get: (p) => c(read(p)), start: a.offset, strides: a.strides, cast: true };
}

/** A reduction's `out` checked before anything is read: open, writeable, the result's shape (NumPy's iterator errors, by `ufunc`'s name). */
function checkOut(out: NdArray, shape: readonly number[], a: NdArray, axes: readonly number[], keepdims: boolean, ufunc: string): void {
  requireOpen(out);
  if (!writeFlagOf(out)) throw readOnlyError(out, 'output array is read-only');
  if (out.ndim !== shape.length || out.shape.some((n, i) => n !== shape[i])) throw reductionOutError(out, a.shape, axes, keepdims, ufunc);
}

/** Stores `values` (stored form of `dt`) as the result: into `out` (cast unsafely) or a new array. */
function emit(values: unknown[], dt: DType, p: Plan, out: NdArray | undefined): NdArray {
  if (out !== undefined) {
    const c = out.dtype.equals(dt) ? null : makeCaster(dt, out.dtype);
    writeValues(out, c === null ? values : values.map(c));
    return out;
  }
  const r = allocateOrdered(dt, p.outShape, p.resultOrder);
  writeValues(r, values);
  return r;
}

/**
 * Stores numbers (C order of the result) into a new array of `dt` laid out
 * as the plan says, through its typed array: bool as 0/1, int64 from an
 * exact BigInt64Array or from non-negative integers below 2^53. The result
 * of {@link emit} without a codec call per element.
 */
function emitNumbers(vals: Float64Array | Float32Array | BigInt64Array, dt: DType, p: Plan, out: NdArray | undefined): NdArray {
  if (out !== undefined) {
    const list: unknown[] =
      vals instanceof BigInt64Array
        ? Array.from(vals, (v) => (dt.kind === 'u' ? BigInt.asUintN(64, v) : v))
        : dt.kind === 'b'
          ? Array.from(vals, (v) => v !== 0)
          : dt.kind === 'i' || dt.kind === 'u'
            ? Array.from(vals, (v) => (dt.itemsize === 8 ? BigInt(v) : v))
            : Array.from(vals);
    return emit(list, dt, p, out);
  }
  const r = allocateOrdered(dt, p.outShape, p.resultOrder);
  const t = typedLayout(r);
  if (t === null) return r;
  const arr = t.array;
  // A C-ordered result of the values' own type: one copy.
  if ((arr instanceof Float64Array && vals instanceof Float64Array) || (arr instanceof Float32Array && vals instanceof Float32Array)) {
    if (isCContiguous(r.shape, r.strides, r.itemsize)) {
      arr.set(vals, t.start);
      return r;
    }
  }
  const nd = r.ndim;
  const shape = r.shape;
  const st = t.strides;
  const idx = new Array<number>(nd).fill(0);
  const wide = arr instanceof BigInt64Array || arr instanceof BigUint64Array;
  const w32 = wide ? new Int32Array(arr.buffer, arr.byteOffset, arr.length * 2) : null;
  const s32 = vals instanceof BigInt64Array ? new Int32Array(vals.buffer, vals.byteOffset, vals.length * 2) : null;
  const lo = LITTLE_ENDIAN ? 0 : 1;
  const bool = dt.kind === 'b';
  const num = arr as Float64Array;
  const f = vals as Float64Array;
  for (let i = 0, q = t.start; i < vals.length; i++) {
    if (w32 !== null) {
      if (s32 !== null) {
        w32[2 * q] = s32[2 * i];
        w32[2 * q + 1] = s32[2 * i + 1];
      } else {
        w32[2 * q + lo] = f[i] >>> 0;
        w32[2 * q + 1 - lo] = Math.floor(f[i] / 4294967296);
      }
    } else num[q] = bool ? (f[i] !== 0 ? 1 : 0) : f[i];
    for (let ax = nd - 1; ax >= 0; ax--) {
      idx[ax]++;
      q += st[ax];
      if (idx[ax] < shape[ax]) break;
      q -= st[ax] * shape[ax];
      idx[ax] = 0;
    }
  }
  return r;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The options of a reduction, each read once, then the closed check (lib/options.ts). */
function reduceOptions(a: NdArray, opts: ReduceOptions | undefined, keys: readonly string[] = PLAIN_KEYS): ReduceOptions {
  const o = readOptions(opts as Record<string, unknown> | undefined, keys) as ReduceOptions;
  requireOpen(a);
  // out: null is NumPy's out=None: no output array.
  if ((o.out as unknown) === null) o.out = undefined;
  if (o.out !== undefined && !(o.out instanceof ArrayClass)) throw new TypeError(`output must be an array, got ${typeof o.out === 'string' ? `'${o.out}'` : typeof o.out}`);
  o.where = whereMask(o.where);
  return o;
}

// ------------------------------------------------------------ sum / prod

interface Folded {
  values: unknown[];
  plan: Plan;
  /** The same values as numbers (float64 or float32 loop) or int64 bits (64-bit int loop) when the kernel ran. */
  typed?: Float64Array | Float32Array | BigInt64Array;
}

/**
 * The kernel's share of {@link fold}: a float64 sum or product, a float32
 * sum of float items, or an integer sum or product in a 64-bit loop.
 */
function foldNative(
  a: NdArray,
  axes: readonly number[],
  keepdims: boolean,
  loop: DType,
  chunk: number,
  mul = false,
  start?: unknown,
  blockDims = 0,
): { typed: Float64Array | Float32Array | BigInt64Array; plan: Plan } | null {
  const k = a.dtype.kind;
  const p = plan(a, axes, keepdims, a.strides);
  // The kernels fold into the starting values: the identity, or `initial`.
  const num = (start ?? (mul ? 1 : 0)) as number;
  const big = typeof start === 'bigint' ? BigInt.asIntN(64, start) : mul ? 1n : 0n;
  if (mul) {
    // Products in walk order, as the JS loop below multiplies.
    let f: Float64Array | BigInt64Array | null = null;
    if (loop.kind === 'f' && loop.itemsize === 8 && k !== 'c') f = new Float64Array(p.outSize).fill(num);
    else if ((loop.kind === 'i' || loop.kind === 'u') && loop.itemsize === 8 && (k === 'i' || k === 'u' || k === 'b')) f = new BigInt64Array(p.outSize).fill(big);
    return f !== null && axisProdNative(a, p.dims, f) ? { typed: f, plan: p } : null;
  }
  if (loop.kind === 'f' && loop.itemsize === 8) {
    const f = new Float64Array(p.outSize).fill(num);
    return axisReduceNative(a, p.dims, AxisOp.Sum, f, chunk, blockDims) ? { typed: f, plan: p } : null;
  }
  if (loop.kind === 'f' && loop.itemsize === 4 && k === 'f' && a.itemsize >= 4) {
    // NumPy's float32 loop: items cast to float32 first, then added in float32.
    const f = new Float32Array(p.outSize).fill(num);
    return axisReduceNative(a, p.dims, AxisOp.F4Sum, f, chunk, blockDims) ? { typed: f, plan: p } : null;
  }
  if ((loop.kind === 'i' || loop.kind === 'u') && loop.itemsize === 8 && (k === 'i' || k === 'u' || k === 'b')) {
    const f = new BigInt64Array(p.outSize).fill(big);
    return axisReduceNative(a, p.dims, AxisOp.IntSum, f, 1) ? { typed: f, plan: p } : null;
  }
  return null;
}

/** The values of a {@link Folded} kernel result in `loop`'s stored form. */
function typedValues(typed: Float64Array | Float32Array | BigInt64Array, loop: DType): unknown[] {
  if (!(typed instanceof BigInt64Array)) return Array.from(typed);
  return Array.from(typed, (v) => (loop.kind === 'u' ? BigInt.asUintN(64, v) : v));
}

/**
 * Sums or multiplies `a` over `axis` in `loop`. Each result starts from
 * `start` (`initial` in `loop`'s stored form, see {@link startOf}), else the
 * identity: NumPy's reduction starts its accumulator from `initial` and adds
 * the items (or a row's pairwise sum) into it, so `initial` is not combined
 * afterwards (that would round differently and turn sum([-0.0],
 * initial=-0.0) into +0.0).
 */
function fold(a: NdArray, axis: Axis | undefined, opts: ReduceOptions, loop: DType, mul: boolean, strict0d = false, start?: unknown): Folded {
  const axes = resolveAxes(axis, a.ndim, strict0d);
  const src = sourceOf(a, loop);
  const p = plan(a, axes, opts.keepdims ?? false, src.strides);
  if (opts.out !== undefined) checkOut(opts.out, p.outShape, a, axes, opts.keepdims ?? false, mul ? 'multiply' : 'add');
  const pw = !mul && (loop.kind === 'f' || loop.kind === 'c');
  // NumPy's float16 add and multiply reduce loops (HALF_add, HALF_multiply over
  // a reduced row) work in float32 and round to float16 once per call (a sum
  // pairwise); their element-wise loops round every operation.
  const half = loop.kind === 'f' && loop.itemsize === 2 ? floatRound(loop) : null;
  // NumPy's buffered reduction hands its loop, in one call, every item of one
  // result that the innermost reduced axes reach when they do not coalesce
  // into one stride (a buffer in walking order, at most 8192 items): one
  // pairwise sum over that block, not one per row (seed 100323: a float16
  // sum over both axes of a row-reversed array is -inf, where row sums
  // rounded one by one give NaN).
  // Every float and complex sum takes that block path (float32 and float64
  // in the native kernel): rows summed one by one round differently (a
  // float64 sum over both axes of a matrix slice; seed 9556746, nanmean of
  // a strided int64 array), and a float16 one may overflow where NumPy's
  // does not.
  const block = half !== null || pw ? reducedBlock(p.dims) : null;
  const nat =
    half === null ? foldNative(a, axes, opts.keepdims ?? false, loop, src.cast ? BUFSIZE : Number.MAX_SAFE_INTEGER, mul, start, block?.dims ?? 0) : null;
  if (nat !== null) return { values: [], plan: nat.plan, typed: nat.typed };
  const ar = arithOf(loop);
  const op = mul ? ar.mul : ar.add;
  const acc = new Array<unknown>(p.outSize).fill(start ?? (mul ? ar.one : ar.zero));
  const get = src.get;
  const add32 = (x: unknown, y: unknown): unknown => Math.fround((x as number) + (y as number));
  const f64 = pw && loop.kind === 'f' && loop.itemsize === 8;
  const part = loop.itemsize === 8 ? Math.fround : (x: number): number => x;
  /** Adds the `n` items `g(0..n-1)` of result `o` as NumPy's reduce loop does, in calls of at most `chunk`. */
  const addRow = (o: number, g: (i: number) => unknown, n: number, chunk: number): void => {
    for (let lo = 0; lo < n; lo += chunk) {
      const m = Math.min(chunk, n - lo);
      if (f64) acc[o] = (acc[o] as number) + (pairwise(g, lo, m, ar.add, -0) as number);
      else if (half !== null && mul) {
        let v = acc[o] as number;
        for (let i = lo; i < lo + m; i++) v = Math.fround(v * (g(i) as number));
        acc[o] = half(v);
      } else if (half !== null) acc[o] = half(Math.fround((acc[o] as number) + (pairwise(g, lo, m, add32, -0) as number)));
      else if (loop.kind === 'c') acc[o] = op(acc[o], pairwiseComplex(g as (i: number) => Complex, lo, m, part));
      else acc[o] = op(acc[o], pairwise(g, lo, m, op, loop.kind === 'f' ? -0 : ar.zero));
    }
  };
  if (block !== null) {
    const { outer, size, at, row, shape } = block;
    // NumPy's buffers over the block (buffered-sum.ts bufferSpan): whole cores, restarting at each step of the axis outside them.
    const { per, span } = row < BUFSIZE ? bufferSpan(shape) : { per: row, span: row };
    walk([...outer, [1, 0, 0]], src.start, (s0, _n, _s, o) => {
      // A row of a buffer or more: alone, and in buffers of its own when cast (none across its end).
      if (row >= BUFSIZE) for (let r = 0; r < size; r += row) addRow(o, (i) => get(s0 + at(r + i)), row, src.cast ? BUFSIZE : row);
      else for (let q = 0; q < size; q += span) addRow(o, (i) => get(s0 + at(q + i)), Math.min(span, size - q), per);
    });
    return { values: acc, plan: p };
  }
  walk(p.dims, src.start, (s0, n, s, o, os) => {
    if (os === 0 && (pw || half !== null)) addRow(o, (i) => get(s0 + i * s), n, src.cast ? BUFSIZE : n);
    else if (os === 0) {
      let v = acc[o];
      for (let i = 0; i < n; i++) v = op(v, get(s0 + i * s));
      acc[o] = v;
    } else if (half !== null) {
      for (let i = 0; i < n; i++) acc[o + i * os] = half(op(acc[o + i * os], get(s0 + i * s)) as number);
    } else {
      for (let i = 0; i < n; i++) acc[o + i * os] = op(acc[o + i * os], get(s0 + i * s));
    }
  });
  return { values: acc, plan: p };
}

/**
 * The innermost walked axes that are all reduced (output stride 0), when
 * there are two or more of them: the axes outside them, the block's item
 * count, the offset of its item `i` from its first in walking order (NumPy
 * copies them into its buffer in that order), its axes' lengths and its row
 * length. Null for a single row.
 */
function reducedBlock(
  dims: readonly [number, number, number][],
): { outer: [number, number, number][]; dims: number; shape: number[]; size: number; row: number; at: (i: number) => number } | null {
  let k = dims.length;
  while (k > 0 && dims[k - 1][2] === 0) k--;
  if (dims.length - k < 2) return null;
  const inner = dims.slice(k);
  const size = inner.reduce((m, d) => m * d[0], 1);
  const row = inner[inner.length - 1][0];
  const shape = inner.map((d) => d[0]);
  const at = (i: number): number => {
    let off = 0;
    for (let d = inner.length - 1; d >= 0; d--) {
      const [n, s] = inner[d];
      off += (i % n) * s;
      i = Math.floor(i / n);
    }
    return off;
  };
  if (size > 1 << 16) return { outer: dims.slice(0, k), dims: dims.length - k, shape, size, row, at };
  const rel = Array.from({ length: size }, (_, i) => at(i));
  return { outer: dims.slice(0, k), dims: dims.length - k, shape, size, row, at: (i) => rel[i] };
}

/**
 * A float or complex sum/prod with `initial` and/or `where` in NumPy's order
 * (null when another case: the masked-copy path in reduce-initial.ts, which
 * also raises the argument errors): every result starts from `initial` (or
 * the identity), the items are walked in the iterator's order (the input's
 * and the mask's K order, each axis forwards), and NumPy's masked loop calls
 * the plain loop once per run of unmasked items: per run a pairwise sum (or
 * a product) added to the running value, which float16 rounds once per run.
 * A kept axis innermost adds item by item. (Seeds of the reduce_initial
 * fuzz op: complex64 prod with where, float16 sum with initial.)
 */
function foldMasked(a: NdArray, axis: Axis | undefined, opts: ReduceOptions, mul: boolean): NdArray | null {
  const { initial, where } = opts;
  // A dtype too (the items cast as they are read): an int64 mean with a mask is the float64
  // sum of its runs, and the runs cross rows where the iterator coalesces them (fuzz seed 9412600).
  if (opts.out !== undefined) return null;
  if (initial !== undefined && typeof initial !== 'number') return null;
  if (where !== undefined && where !== true && !(where instanceof ArrayClass && where.dtype.kind === 'b')) return null;
  const mask = where instanceof ArrayClass ? where : null;
  if (mask !== null && (mask.ndim > a.ndim || mask.shape.some((n, i) => n !== 1 && n !== a.shape[a.ndim - mask.ndim + i]))) return null;
  const loop = resultLoop(a, opts, axis, mul ? 'multiply' : 'add');
  if (loop.kind !== 'f' && loop.kind !== 'c') return null;
  // Items cast to float16 on the way in: the masked-copy path, whose results this walk does not improve on.
  if (loop.kind === 'f' && loop.itemsize === 2 && !(a.dtype.kind === 'f' && a.dtype.itemsize === 2)) return null;
  const axes = resolveAxes(axis, a.ndim);
  const keepdims = opts.keepdims ?? false;
  const src = sourceOf(a, loop);
  const p = plan(a, axes, keepdims, src.strides);
  const ar = arithOf(loop);
  const op = mul ? ar.mul : ar.add;
  let start: unknown = mul ? ar.one : ar.zero;
  if (initial !== undefined) {
    const t = allocate(loop, []);
    t.set(initial as never);
    start = readValues(t)[0];
  }
  const acc = new Array<unknown>(p.outSize).fill(start);
  const nd = a.ndim;
  const red = new Array<boolean>(nd).fill(false);
  for (const ax of axes) red[ax] = true;
  // Per axis: the step of the flat result index, and of the mask's C index (0 where it broadcasts).
  const outStep = new Array<number>(nd).fill(0);
  for (let i = nd - 1, s = 1; i >= 0; i--) {
    if (red[i]) continue;
    outStep[i] = s;
    s *= a.shape[i];
  }
  const maskStep = new Array<number>(nd).fill(0);
  const mvals = mask === null ? null : readValues(mask).map(isNonZero);
  if (mask !== null) {
    const d = nd - mask.ndim;
    for (let j = mask.ndim - 1, s = 1; j >= 0; j--) {
      if (mask.shape[j] !== 1) maskStep[d + j] = s;
      s *= mask.shape[j];
    }
  }
  // NumPy's iterator order over the input and the mask (fastest first), outermost first here; length-1 axes drop out.
  // The mask's memory strides, not maskStep (its values' C index): an F-ordered mask orders the walk as F.
  const maskStrides = new Array<number>(nd).fill(0);
  if (mask !== null) for (let j = 0, d = nd - mask.ndim; j < mask.ndim; j++) if (mask.shape[j] !== 1) maskStrides[d + j] = mask.strides[j];
  const operandStrides = [a.strides.map((x, i) => (a.shape[i] === 1 ? 0 : x)), maskStrides];
  // NumPy allocates the result in the iterator's order over the input and the mask (seeds 36982 49520),
  // an empty input's too (fuzz seed 9341055).
  const resultOrder = resultOrderOf(iterOrder(nd, operandStrides).reverse(), axes, nd, keepdims);
  if (p.outSize === 0 || a.size === 0) return emit(acc, loop, { ...p, resultOrder }, undefined);
  const order = iterOrder(nd, operandStrides).reverse().filter((ax) => a.shape[ax] > 1);
  let k = order.length;
  while (k > 0 && red[order[k - 1]]) k--;
  const outer = order.slice(0, k);
  const inner = order.slice(k);
  const half = loop.kind === 'f' && loop.itemsize === 2 ? floatRound(loop) : null;
  const f64 = loop.kind === 'f' && loop.itemsize === 8;
  const add32 = (x: unknown, y: unknown): unknown => Math.fround((x as number) + (y as number));
  const part = loop.itemsize === 8 ? Math.fround : (x: number): number => x;
  const get = src.get;
  /** One call of NumPy's reduce loop over the items g(lo..lo+n-1) into result o. */
  const call = (o: number, g: (i: number) => unknown, lo: number, n: number): void => {
    if (mul) {
      let v = acc[o];
      if (half !== null) {
        let w = v as number;
        for (let i = lo; i < lo + n; i++) w = Math.fround(w * (g(i) as number));
        acc[o] = half(w);
        return;
      }
      for (let i = lo; i < lo + n; i++) v = op(v, g(i));
      acc[o] = v;
    } else if (f64) acc[o] = (acc[o] as number) + (pairwise(g, lo, n, ar.add, 0) as number);
    else if (half !== null) acc[o] = half(Math.fround((acc[o] as number) + (pairwise(g, lo, n, add32, -0) as number)));
    else if (loop.kind === 'c') acc[o] = op(acc[o], pairwiseComplex(g as (i: number) => Complex, lo, n, part));
    else acc[o] = op(acc[o], pairwise(g, lo, n, op, ar.zero));
  };
  // Walk the outer axes; each position holds one block of the inner (reduced) axes, or one item.
  const idx = new Array<number>(nd).fill(0);
  const blockSize = inner.reduce((m, ax) => m * a.shape[ax], 1);
  // The iterator's innermost dimension: the fastest inner axis with every slower one that
  // continues it in the input's and the mask's memory (NumPy's iterator coalesces them).
  // The block's coalesced axes, outermost first (the last is the row).
  const coal: number[] = [];
  for (let t = inner.length - 1; t >= 0; t--) {
    const ax = inner[t];
    const f = inner[t + 1];
    const merges = t < inner.length - 1 && src.strides[ax] === src.strides[f] * a.shape[f] && maskStrides[ax] === maskStrides[f] * a.shape[f];
    if (merges) coal[0] *= a.shape[ax];
    else coal.unshift(a.shape[ax]);
  }
  const row = coal.length === 0 ? 1 : coal[coal.length - 1];
  // NumPy's buffers over the block (buffered-sum.ts bufferSpan); a row of a buffer or more alone.
  const { per, span } = row < BUFSIZE ? bufferSpan(coal) : { per: row, span: row };
  const split = row > BUFSIZE && src.cast;
  const pos: number[] = new Array<number>(blockSize);
  const on: boolean[] = new Array<boolean>(blockSize);
  const jdx = new Array<number>(inner.length).fill(0);
  for (;;) {
    let base = src.start;
    let o = 0;
    let mb = 0;
    for (const ax of outer) {
      base += idx[ax] * src.strides[ax];
      o += idx[ax] * outStep[ax];
      mb += idx[ax] * maskStep[ax];
    }
    if (inner.length === 0) {
      if (mvals === null || mvals[mb]) acc[o] = half !== null ? half(op(acc[o], get(base)) as number) : op(acc[o], get(base));
    } else {
      // The block's items in walking order, then runs of unmasked items within each buffer-sized chunk.
      jdx.fill(0);
      for (let i = 0; i < blockSize; i++) {
        let q = base;
        let m = mb;
        for (let t = 0; t < inner.length; t++) {
          q += jdx[t] * src.strides[inner[t]];
          m += jdx[t] * maskStep[inner[t]];
        }
        pos[i] = q;
        on[i] = mvals === null || mvals[m];
        for (let t = inner.length - 1; t >= 0; t--) {
          if (++jdx[t] < a.shape[inner[t]]) break;
          jdx[t] = 0;
        }
      }
      const g = (i: number): unknown => get(pos[i]);
      for (let lo = 0; lo < blockSize; ) {
        // A row past the buffer: whole when read in place, in buffers of BUFSIZE items when cast.
        const end = (Math.floor(lo / span) + 1) * span;
        const hi = split ? Math.min(lo + BUFSIZE, end) : Math.min(lo + per, end, blockSize);
        for (let i = lo; i < hi; ) {
          if (!on[i]) {
            i++;
            continue;
          }
          let j = i;
          while (j < hi && on[j]) j++;
          call(o, g, i, j - i);
          i = j;
        }
        lo = hi;
      }
    }
    let t = outer.length - 1;
    while (t >= 0) {
      if (++idx[outer[t]] < a.shape[outer[t]]) break;
      idx[outer[t]] = 0;
      t--;
    }
    if (t < 0) break;
  }
  return emit(acc, loop, { ...p, resultOrder }, undefined);
}

function resultLoop(a: NdArray, opts: ReduceOptions, axis?: Axis, op: 'add' | 'multiply' = 'add'): DType {
  if (opts.dtype !== undefined && opts.dtype !== null) return loopDType(opts.dtype);
  // A bad axis is NumPy's AxisError before the no-loop TypeError of records.
  resolveAxes(axis, a.ndim);
  if (opts.out !== undefined) return nativeOf(opts.out.dtype);
  return sumDType(a.dtype, op);
}

/** `initial` converted to `loop` (as NumPy casts it to the loop's dtype), in the loop's stored form. */
function startOf(loop: DType, initial: PyScalar | undefined): unknown {
  if (initial === undefined) return undefined;
  const t = allocateOrdered(loop, [], []);
  t.set(initial as never);
  return t.toArray();
}

/** A `where` mask other than `true` (or `initial=None`): the masked path of lib/reduce-initial.ts. */
const masked = (opts: ReduceOptions): boolean => opts.initial === null || (opts.where !== undefined && opts.where !== true);

/**
 * True when summing float64 `a` over `axes` in `loop` is NumPy's one
 * whole-array reduction, the call `a.sum()` makes (reduce.ts): every axis
 * reduced, a float64 loop over float64 items, so its native kernel gives
 * the bits the axis walk would, without the walk's plan. False while an
 * async call records kernels: a recorded reduce has no value yet.
 */
function wholeFloat64Sum(a: NdArray, axes: readonly number[], loop: DType): boolean {
  return axes.length === a.ndim && loop.equals(FLOAT64) && a.dtype.kind === 'f' && a.itemsize === 8 && !capturingKernels();
}

/** NumPy's `sum(a, axis, { keepdims, dtype, out })`: a new array (0-d for a full reduction) or `out`. */
export function sum(a: NdArray, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, keepdims?: boolean | null, initial?: PyScalar | null, where?: ReduceOptions['where'] | null): NdArray;
export function sum(a: NdArray, axis?: Axis | WithAxis<ReduceOptions, Axis>, opts?: ReduceOptions | null): NdArray;
export function sum(a: NdArray, axis?: Axis | WithAxis<ReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  let opts: ReduceOptions;
  [axis, opts] = splitAxis('sum', axis, rest, ['dtype', 'out', 'keepdims', 'initial', 'where']);
  checkReduceKeys('sum', opts, WITH_INITIAL);
  opts = reduceOptions(a, opts, WITH_INITIAL);
  if (masked(opts)) {
    // Records, void and bytes have no add loop: NumPy says so before it looks
    // at the mask, after it converts the axis (fuzz seed 9334566).
    resolveAxes(axis, a.ndim);
    if (opts.dtype === undefined && 'VS'.includes(a.dtype.kind)) sumDType(a.dtype, 'add');
    const m = foldMasked(a, axis, opts, false);
    if (m !== null) return m;
    return reduceWithInitial('sum', a, axis, opts, (x, ax, o) => sum(x, ax as Axis, o));
  }
  const loop = resultLoop(a, opts, axis);
  // Straight to a new 0-d result, without the axis walk's plan (5 us of a small call).
  if (opts.out === undefined && !opts.keepdims && opts.initial === undefined && wholeFloat64Sum(a, resolveAxes(axis, a.ndim), loop)) {
    return scalarArray(FLOAT64, sumAll(a));
  }
  const r = fold(a, axis, opts, loop, false, false, startOf(loop, opts.initial));
  if (r.typed !== undefined) return emitNumbers(r.typed, loop, r.plan, opts.out);
  return emit(r.values, loop, r.plan, opts.out);
}

/** NumPy's `prod(a, axis, { keepdims, dtype, out })`. */
export function prod(a: NdArray, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, keepdims?: boolean | null, initial?: PyScalar | null, where?: ReduceOptions['where'] | null): NdArray;
export function prod(a: NdArray, axis?: Axis | WithAxis<ReduceOptions, Axis>, opts?: ReduceOptions | null): NdArray;
export function prod(a: NdArray, axis?: Axis | WithAxis<ReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  let opts: ReduceOptions;
  [axis, opts] = splitAxis('prod', axis, rest, ['dtype', 'out', 'keepdims', 'initial', 'where']);
  checkReduceKeys('prod', opts, WITH_INITIAL);
  opts = reduceOptions(a, opts, WITH_INITIAL);
  if (masked(opts)) {
    // Records, void and bytes have no multiply loop: NumPy says so before it
    // looks at the mask, after it converts the axis.
    resolveAxes(axis, a.ndim);
    if (opts.dtype === undefined && 'VS'.includes(a.dtype.kind)) sumDType(a.dtype, 'multiply');
    const m = foldMasked(a, axis, opts, true);
    if (m !== null) return m;
    return reduceWithInitial('prod', a, axis, opts, (x, ax, o) => prod(x, ax as Axis, o));
  }
  const loop = resultLoop(a, opts, axis, 'multiply');
  const r = fold(a, axis, opts, loop, true, false, startOf(loop, opts.initial));
  if (r.typed !== undefined) return emitNumbers(r.typed, loop, r.plan, opts.out);
  return emit(r.values, loop, r.plan, opts.out);
}

/**
 * NumPy's `mean(a, axis, { keepdims, dtype, out, where })`: the sum (ints and
 * bools in float64, float16 in float32) divided by the count in the result's
 * dtype (an int result truncates the float64 quotient). Empty: NaN. With
 * `where`, the masked sum over the count of trues (NumPy's
 * `_count_reduce_items`); a slice with none is NaN.
 */
export function mean(a: NdArray, axis?: Axis | null, dtype?: DTypeLike | null, out?: NdArray | null, keepdims?: boolean | null): NdArray;
export function mean(a: NdArray, axis?: Axis | WithAxis<ReduceOptions, Axis>, opts?: ReduceOptions | null): NdArray;
export function mean(a: NdArray, axis?: Axis | WithAxis<ReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  let opts: ReduceOptions;
  [axis, opts] = splitAxis('mean', axis, rest, ['dtype', 'out', 'keepdims']);
  checkReduceKeys('mean', opts, WITH_WHERE);
  opts = reduceOptions(a, opts, WITH_WHERE);
  // NumPy's mean counts the items first: a bad axis is its AxisError before
  // any dtype's TypeError. Without a mask it counts by normalize_axis_index
  // (axis 0 of a 0-d array is an error); with one, by a sum of the mask,
  // which takes a bare axis 0 or -1 of a 0-d array as the ufuncs do.
  const unmasked = opts.where === undefined || opts.where === true;
  resolveAxes(axis, a.ndim, unmasked);
  // It broadcasts the mask to `a` as it counts, before it looks at the dtype (a
  // record array's mask of the wrong shape is that ValueError; fuzz seed 9734936).
  if (opts.where instanceof ArrayClass) broadcastTo(opts.where, a.shape);
  const k = a.dtype.kind;
  let loop: DType;
  let half = false;
  if (opts.dtype !== undefined && opts.dtype !== null) loop = loopDType(opts.dtype);
  else if (k === 'b' || k === 'i' || k === 'u') loop = FLOAT64;
  else if (k === 'f' && a.itemsize === 2) {
    loop = toDType('<f4');
    half = true;
  } else loop = resultLoop(a, opts);
  if (!(loop.kind === 'b' || loop.kind === 'i' || loop.kind === 'u' || loop.kind === 'f' || loop.kind === 'c')) {
    throw noReductionLoop('add', loop);
  }
  // The sum lands in the result's dtype first (out's, or the loop's), then is divided there.
  const ret = opts.out !== undefined ? nativeOf(opts.out.dtype) : loop;
  const toRet = ret.equals(loop) ? (v: unknown): unknown => v : makeCaster(loop, ret);
  let div: (v: unknown, n: number) => unknown;
  if (ret.kind === 'f') {
    const rd = floatRound(ret.itemsize === 2 ? toDType('<f4') : ret);
    div = (v, n) => rd((v as number) / n);
  } else if (ret.kind === 'c') {
    const rd = floatRound(ret);
    // NumPy's Smith division by n + 0j: rat = 0, scl = 1/n, and inf * 0 stays NaN.
    div = (v, n) => {
      const scl = rd(1 / n);
      const c = v as Complex;
      return { re: rd(rd(c.re + rd(c.im * 0)) * scl), im: rd(rd(c.im - rd(c.re * 0)) * scl) };
    };
  } else {
    const c = makeCaster(FLOAT64, ret);
    div = (v, n) => c(Number(typeof v === 'boolean' ? Number(v) : v) / n);
  }
  let values: unknown[];
  let p: Plan;
  const where = opts.where;
  if (where !== undefined && where !== true) {
    // NumPy's _mean: the count of trues of `where` broadcast to `a` (an intp sum), per result item.
    const keepdims = opts.keepdims ?? false;
    const axes = resolveAxes(axis, a.ndim);
    p = plan(a, axes, keepdims, a.strides);
    if (opts.out !== undefined) checkOut(opts.out, p.outShape, a, axes, keepdims, 'add');
    const mask = where === false ? allocate(BOOL, []) : (where as NdArray);
    const counts = readValues(sum(broadcastTo(mask, a.shape), axis, { dtype: INTP, keepdims }));
    const summed = sum(a, axis, { dtype: loop, keepdims, where });
    // NumPy divides in place (true_divide(ret, rcount, out=ret)): the layout of the masked
    // sum, which the iterator lays out over the input and the mask (fuzz seed 9400071).
    const byStride = [...summed.shape.keys()].sort((x, y) => Math.abs(summed.strides[y]) - Math.abs(summed.strides[x]) || Number(summed.shape[x] === 1) - Number(summed.shape[y] === 1));
    p = { ...p, resultOrder: byStride };
    values = readValues(summed).map((v, i) => div(toRet(v), Number(counts[i])));
  } else {
    const r = fold(a, axis, opts, loop, false, true);
    const n = r.plan.count;
    p = r.plan;
    if (!half && r.typed !== undefined && !(r.typed instanceof BigInt64Array) && ret.equals(loop)) {
      // The kernel's float sums divided where they lie: the same quotient
      // (v / n rounded to the loop's float) without a value list per result.
      const f = r.typed;
      for (let i = 0; i < f.length; i++) f[i] = f[i] / n;
      return emitNumbers(f, ret, p, opts.out);
    }
    values = (r.typed !== undefined ? typedValues(r.typed, loop) : r.values).map((v) => div(toRet(v), n));
  }
  if (half && opts.out === undefined) return emit(values, nativeOf(a.dtype), p, undefined);
  return emit(values, ret, p, opts.out);
}

// ------------------------------------------------------------- records

/**
 * Records have no ordering and no truth value in NumPy: `min`/`max` find no
 * `minimum`/`maximum` loop, `argmin`/`argmax` say "data type not ordered", and
 * `any`/`all` (and `count_nonzero` along an axis) cannot cast a record of more
 * than one field to bool. Checked before the empty-array errors, as NumPy does.
 */
function refuseRecords(a: NdArray, op: 'minimum' | 'maximum' | 'arg' | 'truth'): void {
  const dt = a.dtype;
  // Bytes and void have no minimum/maximum loop either (their argmin/argmax and truth do).
  if ((op === 'minimum' || op === 'maximum') && (dt.kind === 'S' || dt.kind === 'V')) throw noReductionLoop(op, dt);
  if (!dt.isStructured) return;
  if (op === 'arg') throw new TypeError('data type not ordered');
  if (op === 'truth') {
    if ((dt.names?.length ?? 0) === 1) return;
    throw iteratorCastError(1, `dtype(${String(dt)})`, "dtype('bool')", 'unsafe');
  }
  throw noReductionLoop(op, dt);
}

// ------------------------------------------------------------- min / max

function extreme(a: NdArray, axis: Axis | undefined, opts: ReduceOptions, max: boolean, initial?: number): NdArray {
  const name = max ? 'maximum' : 'minimum';
  if (opts.dtype !== undefined) throw new TypeError(`${max ? 'max' : 'min'}() takes no dtype`);
  refuseRecords(a, name);
  const axes = resolveAxes(axis, a.ndim);
  const loop = nativeOf(a.dtype);
  const np = plan(a, axes, opts.keepdims ?? false, a.strides);
  if (np.count === 0 && (np.outSize > 0 || a.size === 0)) throw new ValueError(`zero-size array to reduction operation ${name} which has no identity`);
  if (opts.out !== undefined) checkOut(opts.out, np.outShape, a, axes, opts.keepdims ?? false, name);
  // The kernel folds in the item's own type (64-bit integers exactly), as the loops below do.
  const own = ownTyped(loop, np.outSize);
  if (own !== null && axisReduceNative(a, np.dims, max ? AxisOp.Max : AxisOp.Min, own, 1)) {
    signZeros(a, axes, own as Float64Array, initial);
    return emitOwn(own, loop, np, opts.out);
  }
  const src = sourceOf(a, null);
  const p = plan(a, axes, opts.keepdims ?? false, src.strides);
  const t = plainTyped(a);
  if (t !== null) {
    // Typed loops: start from ∓inf (no lane is empty here); NaN sticks once met.
    const ta = t.array as Float64Array;
    const tp = plan(a, axes, opts.keepdims ?? false, t.strides);
    const f = new Float64Array(tp.outSize).fill(max ? -Infinity : Infinity);
    walk(tp.dims, t.start, (s0, n, s, o, os) => {
      if (os === 0) {
        let m = f[o];
        for (let i = 0, q = s0; i < n; i++, q += s) {
          const v = ta[q];
          if (max ? v > m : v < m) m = v;
          else if (v !== v) {
            m = v;
            break;
          }
        }
        if (m === m || f[o] === f[o]) f[o] = m;
      } else {
        for (let i = 0, q = s0, j = o; i < n; i++, q += s, j += os) {
          const v = ta[q];
          const m = f[j];
          if (max ? v > m : v < m) f[j] = v;
          else if (v !== v && m === m) f[j] = v;
        }
      }
    });
    signZeros(a, axes, f, initial);
    return emit(Array.from(f), loop, tp, opts.out);
  }
  const cmp = comparatorOf(loop);
  const get = src.get;
  const acc = new Array<unknown>(p.outSize);
  const seen = new Uint8Array(p.outSize);
  const typedNumbers = a.size > 0 && typeof get(src.start) === 'number' && loop.kind !== 'b' && loop.kind !== 'c';
  if (typedNumbers) {
    // Plain numbers: NaN wins at once, otherwise strict comparison keeps the first extreme.
    const f = new Float64Array(p.outSize);
    walk(p.dims, src.start, (s0, n, s, o, os) => {
      if (os === 0) {
        let m = seen[o] ? f[o] : (get(s0) as number);
        seen[o] = 1;
        if (m === m) {
          for (let i = 0; i < n; i++) {
            const v = get(s0 + i * s) as number;
            if (max ? v > m : v < m) m = v;
            else if (v !== v) {
              m = v;
              break;
            }
          }
        }
        f[o] = m;
      } else {
        for (let i = 0; i < n; i++) {
          const j = o + i * os;
          const v = get(s0 + i * s) as number;
          if (!seen[j]) {
            f[j] = v;
            seen[j] = 1;
          } else {
            const m = f[j];
            if (m === m && (v !== v || (max ? v > m : v < m))) f[j] = v;
          }
        }
      }
    });
    signZeros(a, axes, f, initial);
    for (let i = 0; i < f.length; i++) acc[i] = f[i];
  } else {
    const better = (v: unknown, m: unknown): boolean => {
      if (isNaNValue(m)) return false;
      if (isNaNValue(v)) return true;
      const c = cmp(v, m);
      return max ? c > 0 : c < 0;
    };
    walk(p.dims, src.start, (s0, n, s, o, os) => {
      for (let i = 0; i < n; i++) {
        const j = o + i * os;
        const v = get(s0 + i * s);
        if (!seen[j]) {
          acc[j] = v;
          seen[j] = 1;
        } else if (better(v, acc[j])) acc[j] = v;
      }
    });
  }
  return emit(acc, loop, p, opts.out);
}

/**
 * Gives each zero result of a float32/float64 max/min (`vals`, C order of the
 * result) the sign NumPy's reduction ends with (extreme-zero.ts), from the
 * calls its loop gets: one per walked row along a reduced innermost axis
 * (contiguous, or buffered when byte-swapped or unaligned: a vector call),
 * one per buffer of a block of two or more reduced innermost axes, and item
 * by item when a kept axis is innermost. The running value starts from each
 * result's first item, or from `initial` (a number of `a`'s dtype). `fmax`:
 * the fmax/fmin loops (nanmax, nanmin), whose scalar steps differ. A search
 * that would read more than ZERO_SCAN_ITEMS items leaves the signs as they are.
 */
export function signZeros(a: NdArray, axes: readonly number[], vals: { length: number; [i: number]: number }, initial?: number, fmax = false): void {
  // No items: each result is `initial` as given (the walk below would read past the view; fuzz seed 11408507).
  if (a.dtype.kind !== 'f' || (a.itemsize !== 4 && a.itemsize !== 8) || a.size === 0) return;
  let zero = false;
  for (let i = 0; i < vals.length && !zero; i++) zero = vals[i] === 0;
  if (!zero) return;
  // A zero result has the sign of the zeros it was folded from: with one sign
  // of zero in `a` (and no zero `initial`), that sign, which the kernel gave.
  if (initial !== 0 && !mayHoldBothZeros(a)) return;
  withinBudget(() => signZerosWithin(a, axes, vals, initial, fmax));
}

/** {@link signZeros}, throwing when its reader has read ZERO_SCAN_ITEMS items (vals then unchanged). */
function signZerosWithin(a: NdArray, axes: readonly number[], vals: { length: number; [i: number]: number }, initial: number | undefined, fmax: boolean): void {
  const src = sourceOf(a, null);
  const get = budgetedReader(src.get as (p: number) => number);
  const unit = typedLayout(a) !== null ? 1 : a.itemsize;
  const p = plan(a, axes, false, src.strides);
  const lanes = 64 / a.itemsize;
  const buffered = !a.dtype.isnative || !isNumpyAligned(storageOf(a).addressBase + a.offset, a.shape, a.strides, a.itemsize);
  const dims = p.dims;
  if (dims.length === 0 && initial === undefined) return; // one item: it is the result
  if (dims.every((d) => d[2] === 0)) {
    // Every axis reduced: the whole walk, buffered as NumPy's whole-array reduction.
    const shape = dims.map((d) => d[0]);
    const row = shape[shape.length - 1];
    const w = wholeZeroCalls(get, shape, dims.map((d) => d[1]), src.start, unit, buffered || (dims.length >= 2 && row < BUFSIZE), initial);
    let z: number | null;
    if (fmax) {
      let k = classOf(w.first);
      for (let c = 0; c < w.count; c++) k = afterFmaxCall(w.callAt(c), k, lanes);
      z = zeroOf(k);
    } else z = zeroWinner(w.count, w.callAt, w.first, lanes);
    if (z !== null) vals[0] = z;
    return;
  }
  // The running value of each zero result (0 until its first item is met).
  const run = new Uint8Array(p.outSize).fill(initial === undefined ? 0 : classOf(initial)) as unknown as ZeroClass[];
  const seen = new Uint8Array(p.outSize).fill(initial === undefined ? 0 : 1);
  const after = fmax ? afterFmaxCall : afterCall;
  const call = (o: number, n: number, vector: boolean, item: (i: number) => number): void => {
    if (vals[o] !== 0) return;
    if (seen[o] === 0) {
      seen[o] = 1;
      run[o] = classOf(item(0));
      run[o] = after({ n: n - 1, vector, item: (i) => item(i + 1) }, run[o], lanes);
    } else run[o] = after({ n, vector, item }, run[o], lanes);
  };
  const block = reducedBlock(dims);
  if (block !== null) {
    const { outer, size, at, row, shape } = block;
    const inner = dims[dims.length - 1][1];
    walk([...outer, [1, 0, 0]], src.start, (s0, _n, _s, o) => {
      if (row < BUFSIZE) {
        // NumPy's buffers over the block (buffered-sum.ts bufferSpan), one contiguous call each.
        const { per, span } = bufferSpan(shape);
        for (let q = 0; q < size; q += span) {
          for (let lo = q; lo < Math.min(q + span, size); lo += per) call(o, Math.min(per, q + span - lo, size - lo), true, (i) => get(s0 + at(lo + i)));
        }
      } else {
        for (let r = 0; r < size; r += row) rowCalls(o, s0 + at(r), row, inner);
      }
    });
  } else if (dims[dims.length - 1][2] === 0) {
    walk(dims, src.start, (s0, n, s, o) => rowCalls(o, s0, n, s));
  } else {
    // A kept axis innermost: each item meets its result's running value alone, one call
    // over the innermost axis per step of the reduced ones, and the later zero wins. So
    // each zero result is its last zero item in walking order: read back from its last
    // item. fmax/fmin's calls are vector code for their whole vectors only: of the
    // results past them (the call's last n mod lanes), its scalar steps, those whose tie
    // keeps the running value (the first operand) are their first zero (or a zero
    // `initial`): read forward from the first item. (A strided view whose kept axes do not
    // merge into one call is not followed there: NumPy's buffers give some of its results
    // the contiguous call's ties, README, nan functions.)
    const kept = dims.filter((d) => d[2] !== 0);
    const red = dims.filter((d) => d[2] === 0);
    const idx = new Array<number>(red.length);
    // NumPy's call: the innermost kept axes in memory order that step evenly (its
    // result is laid out in that order, so it steps evenly across them too).
    const group: number[] = [];
    const order = kOrder(a.shape, a.strides).filter((ax) => a.shape[ax] !== 1);
    for (let i = order.length - 1; i >= 0 && !axes.includes(order[i]); i--) {
      const prev = group[group.length - 1];
      if (prev !== undefined && src.strides[order[i]] !== src.strides[prev] * a.shape[prev]) break;
      group.push(order[i]);
    }
    const resultStride = new Array<number>(a.ndim).fill(0);
    for (let d = a.ndim - 1, m = 1; d >= 0; d--) {
      if (axes.includes(d)) continue;
      resultStride[d] = m;
      m *= a.shape[d];
    }
    const callN = group.reduce((m, ax) => m * a.shape[ax], 1);
    const vectorEnd = callN - (callN % lanes);
    const contiguous = group.length > 0 && src.strides[group[0]] === unit;
    const keepsFirst = (o: number): boolean => {
      if (!fmax || buffered || callN < 2) return false;
      let at = 0;
      for (let g = group.length - 1; g >= 0; g--) at = at * a.shape[group[g]] + (Math.floor(o / resultStride[group[g]]) % a.shape[group[g]]);
      return at >= vectorEnd && fmaxTailKeepsFirst(a.itemsize, at - vectorEnd, contiguous);
    };
    for (let o = 0; o < vals.length; o++) {
      if (vals[o] !== 0) continue;
      let base = src.start;
      for (const [n, st, os] of kept) base += (Math.floor(o / os) % n) * st;
      if (keepsFirst(o)) {
        if (run[o] === 0) run[o] = firstZeroFrom(base);
        continue;
      }
      for (let d = 0; d < red.length; d++) {
        idx[d] = red[d][0] - 1;
        base += idx[d] * red[d][1];
      }
      for (;;) {
        const k = classOf(get(base));
        if (k !== 0) {
          run[o] = k;
          break;
        }
        let d = red.length - 1;
        while (d >= 0 && idx[d] === 0) {
          idx[d] = red[d][0] - 1;
          base += idx[d] * red[d][1];
          d--;
        }
        if (d < 0) break;
        idx[d]--;
        base -= red[d][1];
      }
    }
  }
  for (let o = 0; o < vals.length; o++) {
    if (vals[o] !== 0) continue;
    const z = zeroOf(run[o]);
    if (z !== null) vals[o] = z;
  }

  /** The class of the first zero among the reduced items from `base` in walking order (0: none). */
  function firstZeroFrom(base: number): ZeroClass {
    const red = dims.filter((d) => d[2] === 0);
    const idx = new Array<number>(red.length).fill(0);
    for (;;) {
      const k = classOf(get(base));
      if (k !== 0) return k;
      let d = red.length - 1;
      while (d >= 0 && idx[d] === red[d][0] - 1) {
        base -= idx[d] * red[d][1];
        idx[d] = 0;
        d--;
      }
      if (d < 0) return 0;
      idx[d]++;
      base += red[d][1];
    }
  }

  /** A reduced row of `n` items: one call, or buffers of BUFSIZE when NumPy buffers it. */
  function rowCalls(o: number, s0: number, n: number, s: number): void {
    if (buffered) {
      for (let lo = 0; lo < n; lo += BUFSIZE) call(o, Math.min(BUFSIZE, n - lo), true, (i) => get(s0 + (lo + i) * s));
    } else call(o, n, s === unit, (i) => get(s0 + i * s));
  }
}

/** A typed array of `n` items of `dt` (native order; bool as 0/1 bytes), or null for float16 and complex. */
function ownTyped(dt: DType, n: number): AxisOut | null {
  const size = dt.itemsize;
  switch (dt.kind) {
    case 'b':
      return new Uint8Array(n);
    case 'f':
      return size === 8 ? new Float64Array(n) : size === 4 ? new Float32Array(n) : null;
    case 'i':
      return size === 1 ? new Int8Array(n) : size === 2 ? new Int16Array(n) : size === 4 ? new Int32Array(n) : new BigInt64Array(n);
    case 'u':
      return size === 1 ? new Uint8Array(n) : size === 2 ? new Uint16Array(n) : size === 4 ? new Uint32Array(n) : new BigUint64Array(n);
    default:
      return null;
  }
}

/** Stores values of `dt` in C order of the result (from {@link ownTyped}) as the result: one copy into a new C-ordered array, else through {@link emit}. */
function emitOwn(vals: AxisOut, dt: DType, p: Plan, out: NdArray | undefined): NdArray {
  if (out === undefined) {
    const r = allocateOrdered(dt, p.outShape, p.resultOrder);
    const t = typedLayout(r);
    if (t === null) return r;
    let step = 1;
    let c = true;
    for (let ax = r.ndim - 1; ax >= 0; ax--) {
      if (r.shape[ax] !== 1 && t.strides[ax] !== step) c = false;
      step *= r.shape[ax];
    }
    if (c) {
      (t.array as Uint8Array).set(vals as Uint8Array, t.start);
      return r;
    }
  }
  const list: unknown[] = dt.kind === 'b' ? Array.from(vals as Uint8Array, (v) => v !== 0) : Array.from(vals as ArrayLike<unknown>);
  return emit(list, dt, p, out);
}

/**
 * The `initial` a float max/min's running value starts from, as a number of
 * `a`'s dtype (for the sign of a zero result, signZeros); undefined with a
 * `where` mask (NumPy then calls its loop once per run of unmasked items).
 */
function zeroStart(a: NdArray, opts: ReduceOptions): number | undefined {
  const v = opts.initial;
  if ((opts.where !== undefined && opts.where !== true) || (typeof v !== 'number' && typeof v !== 'bigint' && typeof v !== 'boolean')) return undefined;
  return a.itemsize === 4 ? Math.fround(Number(v)) : Number(v);
}

/** NumPy's `min(a, axis, { keepdims, out })`; NaN propagates; an empty reduction is a ValueError. */
export function min(a: NdArray, axis?: Axis | null, out?: NdArray | null, keepdims?: boolean | null, initial?: PyScalar | null, where?: ReduceOptions['where'] | null): NdArray;
export function min(a: NdArray, axis?: Axis | WithAxis<ReduceOptions, Axis>, opts?: ReduceOptions | null): NdArray;
export function min(a: NdArray, axis?: Axis | WithAxis<ReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  let opts: ReduceOptions;
  [axis, opts] = splitAxis('min', axis, rest, ['out', 'keepdims', 'initial', 'where']);
  checkReduceKeys('min', opts, WITH_INITIAL);
  opts = reduceOptions(a, opts, WITH_INITIAL);
  resolveAxes(axis, a.ndim); // a bad axis is NumPy's AxisError before the records' TypeError
  if (opts.initial !== undefined || opts.where !== undefined) {
    // Records have no minimum loop: NumPy's TypeError comes before any initial/where check.
    refuseRecords(a, 'minimum');
    const init = zeroStart(a, opts);
    return reduceWithInitial('min', a, axis, opts, (x, ax, o) => extreme(x, ax as Axis, o, false, x === a ? init : undefined));
  }
  return extreme(a, axis, opts, false);
}

/** NumPy's `max(a, axis, { keepdims, out })`. */
export function max(a: NdArray, axis?: Axis | null, out?: NdArray | null, keepdims?: boolean | null, initial?: PyScalar | null, where?: ReduceOptions['where'] | null): NdArray;
export function max(a: NdArray, axis?: Axis | WithAxis<ReduceOptions, Axis>, opts?: ReduceOptions | null): NdArray;
export function max(a: NdArray, axis?: Axis | WithAxis<ReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  let opts: ReduceOptions;
  [axis, opts] = splitAxis('max', axis, rest, ['out', 'keepdims', 'initial', 'where']);
  checkReduceKeys('max', opts, WITH_INITIAL);
  opts = reduceOptions(a, opts, WITH_INITIAL);
  resolveAxes(axis, a.ndim); // a bad axis is NumPy's AxisError before the records' TypeError
  if (opts.initial !== undefined || opts.where !== undefined) {
    // Records have no maximum loop: NumPy's TypeError comes before any initial/where check.
    refuseRecords(a, 'maximum');
    const init = zeroStart(a, opts);
    return reduceWithInitial('max', a, axis, opts, (x, ax, o) => extreme(x, ax as Axis, o, true, x === a ? init : undefined));
  }
  return extreme(a, axis, opts, true);
}

// -------------------------------------------------------- any / all / count

function truth(a: NdArray, axis: Axis | undefined, opts: ReduceOptions, mode: 'any' | 'all' | 'count'): NdArray {
  if (opts.dtype !== undefined) throw new TypeError(`${mode}() takes no dtype`);
  // count_nonzero(axis=None) counts records that are not all zero bytes; along an axis
  // (or with keepdims) it casts to bool first.
  // any/all convert the axis before they find no loop for records (NumPy's
  // AxisError first; fuzz seed 9334566); count_nonzero's astype(bool) comes first.
  const early = mode === 'count' ? null : resolveAxes(axis, a.ndim);
  if (mode !== 'count' || (axis !== undefined && axis !== null) || opts.keepdims === true) refuseRecords(a, 'truth');
  const axes = early ?? resolveAxes(axis, a.ndim);
  const src = sourceOf(a, null);
  const p = plan(a, axes, opts.keepdims ?? false, src.strides);
  if (opts.out !== undefined) checkOut(opts.out, p.outShape, a, axes, opts.keepdims ?? false, mode === 'all' ? 'logical_and' : 'logical_or');
  const np = plan(a, axes, opts.keepdims ?? false, a.strides);
  if (mode !== 'count') {
    // The kernel's logical_or / logical_and reduce: bool bytes, rows stopped at their first deciding item.
    const flags = new Uint8Array(p.outSize).fill(mode === 'all' ? 1 : 0);
    if (axisReduceNative(a, np.dims, mode === 'any' ? AxisOp.Any : AxisOp.All, flags, 1)) return emitOwn(flags, BOOL, np, opts.out);
  }
  const counts = new Float64Array(p.outSize);
  const like = axis !== undefined && axis !== null ? axes : undefined;
  if (axisReduceNative(a, np.dims, AxisOp.Count, counts, 1)) return truthResult(counts, mode, np, opts.out, a, like, opts.keepdims);
  const t = plainTyped(a);
  if (t !== null) {
    const ta = t.array as Float64Array;
    const tp = plan(a, axes, opts.keepdims ?? false, t.strides);
    walk(tp.dims, t.start, (s0, n, s, o, os) => {
      if (os === 0) {
        let c = 0;
        for (let i = 0, q = s0; i < n; i++, q += s) if (ta[q] !== 0) c++;
        counts[o] += c;
      } else {
        for (let i = 0, q = s0, j = o; i < n; i++, q += s, j += os) if (ta[q] !== 0) counts[j]++;
      }
    });
    return truthResult(counts, mode, tp, opts.out, a, like, opts.keepdims);
  }
  const get = src.get;
  const plain = a.dtype.kind !== 'c' && a.dtype.kind !== 'b' && typeof (a.size > 0 ? get(src.start) : 0) === 'number';
  walk(p.dims, src.start, (s0, n, s, o, os) => {
    if (plain) {
      for (let i = 0; i < n; i++) if ((get(s0 + i * s) as number) !== 0) counts[o + i * os]++;
    } else {
      for (let i = 0; i < n; i++) if (isNonZero(get(s0 + i * s))) counts[o + i * os]++;
    }
  });
  return truthResult(counts, mode, p, opts.out, a, like, opts.keepdims);
}

function truthResult(counts: Float64Array, mode: 'any' | 'all' | 'count', p: Plan, out: NdArray | undefined, a?: NdArray, axes?: readonly number[], keepdims = false): NdArray {
  if (mode === 'count') {
    // NumPy's count_nonzero along an axis is a.astype(bool).sum(axis): a non-bool
    // array is copied first, laid out as PyArray_NewLikeArray sorts its strides,
    // and the counts follow that copy's order (fuzz seeds 32120 32663).
    if (a !== undefined && axes !== undefined && a.dtype.kind !== 'b') p = { ...p, resultOrder: resultOrderOf(likeOrder(a), axes, a.ndim, keepdims) };
    return emitNumbers(counts, INTP, p, out);
  }
  const flags = counts.map((c) => (mode === 'any' ? (c > 0 ? 1 : 0) : c === p.count ? 1 : 0));
  return emitNumbers(flags, BOOL, p, out);
}

/** A typed array over `a` when its elements read as plain numbers (bool as 0/1; no 64-bit ints, no float16). */
function plainTyped(a: NdArray): TypedLayout | null {
  const k = a.dtype.kind;
  if (!(k === 'b' || k === 'f' || ((k === 'i' || k === 'u') && a.itemsize < 8))) return null;
  return typedLayout(a);
}

/** NumPy's `any(a, axis, { keepdims, out })`. */
export function any(a: NdArray, axis?: Axis | null, out?: NdArray | null, keepdims?: boolean | null): NdArray;
export function any(a: NdArray, axis?: Axis | WithAxis<ReduceOptions, Axis>, opts?: ReduceOptions | null): NdArray;
export function any(a: NdArray, axis?: Axis | WithAxis<ReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  let opts: ReduceOptions;
  [axis, opts] = splitAxis('any', axis, rest, ['out', 'keepdims']);
  checkReduceKeys('any', opts, WITH_WHERE);
  opts = reduceOptions(a, opts, WITH_WHERE);
  if (opts.where !== undefined) return reduceWithInitial('any', a, axis, opts, (x, ax, o) => truth(x, ax as Axis, o, 'any'));
  return truth(a, axis, opts, 'any');
}

/** NumPy's `all(a, axis, { keepdims, out })`. */
export function all(a: NdArray, axis?: Axis | null, out?: NdArray | null, keepdims?: boolean | null): NdArray;
export function all(a: NdArray, axis?: Axis | WithAxis<ReduceOptions, Axis>, opts?: ReduceOptions | null): NdArray;
export function all(a: NdArray, axis?: Axis | WithAxis<ReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  let opts: ReduceOptions;
  [axis, opts] = splitAxis('all', axis, rest, ['out', 'keepdims']);
  checkReduceKeys('all', opts, WITH_WHERE);
  opts = reduceOptions(a, opts, WITH_WHERE);
  if (opts.where !== undefined) return reduceWithInitial('all', a, axis, opts, (x, ax, o) => truth(x, ax as Axis, o, 'all'));
  return truth(a, axis, opts, 'all');
}

/** NumPy's `count_nonzero(a, axis, { keepdims })`: int64 counts. */
export function countNonzero(a: NdArray, axis?: Axis | WithAxis<ArgReduceOptions, Axis>, opts?: ArgReduceOptions | null): NdArray;
export function countNonzero(a: NdArray, axis?: Axis | WithAxis<ArgReduceOptions, Axis>, ...rest: unknown[]): NdArray {
  let opts: ArgReduceOptions;
  [axis, opts] = splitAxis('countNonzero', axis, rest, []);
  return truth(a, axis, reduceOptions(a, { keepdims: readKnownOptions(opts, ['keepdims'], 'countNonzero').keepdims }), 'count');
}

// --------------------------------------------------------- argmin / argmax

function argExtreme(a: NdArray, axis: number | null | undefined, opts: ArgReduceOptions, max: boolean): NdArray {
  const name = max ? 'argmax' : 'argmin';
  if (axis !== undefined && axis !== null && typeof axis !== 'number') {
    // A list is NumPy's tuple axis (a plain options object there was read as NumPy's keyword form before this).
    if (Array.isArray(axis)) throw new TypeError("'tuple' object cannot be interpreted as an integer");
    throw new TypeError(`${name}(): axis must be null or an integer, got ${describeValue(axis)}`);
  }
  // A bad axis is NumPy's AxisError before the records' TypeError (a 0-d array counts as 1-d there).
  if (typeof axis === 'number') normalizeAxis(axis, Math.max(a.ndim, 1));
  refuseRecords(a, 'arg');
  const keep = opts.keepdims ?? false;
  if (axis === undefined || axis === null) {
    if (a.size === 0) throw new ValueError(`attempt to get ${name} of an empty sequence`);
    const nat = argReduceNative(a, max, true);
    if (nat !== null) return int64From(keep ? new Array<number>(a.ndim).fill(1) : [], nat);
    const idx = bestIndex(readValues(a), 0, a.size, 1, comparatorOf(nativeOf(a.dtype)), max);
    const shape = keep ? new Array<number>(a.ndim).fill(1) : [];
    const r = allocateOrdered(INTP, shape, [...shape.keys()]);
    writeValues(r, [BigInt(idx)]);
    return r;
  }
  const ax = normalizeAxis(axis, Math.max(a.ndim, 1));
  if (a.ndim === 0) {
    return allocateOrdered(INTP, [], []);
  }
  const n = a.shape[ax];
  if (n === 0) throw new ValueError(`attempt to get ${name} of an empty sequence`);
  // Move the axis last and read rows of it in C order of the other axes.
  const perm = [...Array(a.ndim).keys()].filter((i) => i !== ax).concat([ax]);
  const moved = a.transpose(perm);
  const shape0 = keep ? a.shape.map((s, i) => (i === ax ? 1 : s)) : a.shape.filter((_, i) => i !== ax);
  const nat = argReduceNative(moved, max, false);
  if (nat !== null) return int64From(shape0, nat);
  const vals = readValues(moved);
  const cmp = comparatorOf(nativeOf(a.dtype));
  const m = vals.length / n;
  const out: bigint[] = new Array<bigint>(m);
  for (let r = 0; r < m; r++) out[r] = BigInt(bestIndex(vals, r * n, n, 1, cmp, max));
  const shape = keep ? a.shape.map((s, i) => (i === ax ? 1 : s)) : a.shape.filter((_, i) => i !== ax);
  const r = allocateOrdered(INTP, shape, [...shape.keys()]);
  writeValues(r, out);
  return r;
}

function bestIndex(vals: readonly unknown[], lo: number, n: number, step: number, cmp: (x: unknown, y: unknown) => number, max: boolean): number {
  let best = 0;
  let m = vals[lo];
  if (isNaNValue(m)) return 0;
  for (let i = 1; i < n; i++) {
    const v = vals[lo + i * step];
    if (isNaNValue(v)) return i;
    const c = cmp(v, m);
    if (max ? c > 0 : c < 0) {
      best = i;
      m = v;
    }
  }
  return best;
}

/** NumPy's `argmin(a, axis, { keepdims, out })`: int64 indices of the first minimum (or first NaN). */
export function argmin(a: NdArray, axis?: number | null | null, out?: NdArray | null): NdArray;
export function argmin(a: NdArray, axis?: number | null | WithAxis<ArgReduceOptions, number | null>, opts?: ArgReduceOptions | null): NdArray;
export function argmin(a: NdArray, axis?: number | null | WithAxis<ArgReduceOptions, number | null>, ...rest: unknown[]): NdArray {
  let opts: ArgReduceOptions;
  [axis, opts] = splitAxis('argmin', axis, rest, ['out']);
  checkReduceKeys('argmin', opts, ARG_KEYS);
  opts = reduceOptions(a, opts, ARG_KEYS);
  return intoOut('argmin', argExtreme(a, axis, opts, false), opts.out);
}

/** NumPy's `argmax(a, axis, { keepdims, out })`. */
export function argmax(a: NdArray, axis?: number | null | null, out?: NdArray | null): NdArray;
export function argmax(a: NdArray, axis?: number | null | WithAxis<ArgReduceOptions, number | null>, opts?: ArgReduceOptions | null): NdArray;
export function argmax(a: NdArray, axis?: number | null | WithAxis<ArgReduceOptions, number | null>, ...rest: unknown[]): NdArray {
  let opts: ArgReduceOptions;
  [axis, opts] = splitAxis('argmax', axis, rest, ['out']);
  checkReduceKeys('argmax', opts, ARG_KEYS);
  opts = reduceOptions(a, opts, ARG_KEYS);
  return intoOut('argmax', argExtreme(a, axis, opts, true), opts.out);
}

const ARG_KEYS = ['keepdims', 'out'];

/** argmin/argmax's `out=`: the indices `r` written into `out` (checked as NumPy checks it), or `r`. */
function intoOut(name: string, r: NdArray, out: NdArray | undefined): NdArray {
  if (out === undefined || out === null) return r;
  if (!(out instanceof ArrayClass)) throw new TypeError(`${name}(): out must be an NdArray, got ${typeof out}`);
  requireOpen(out);
  // NumPy's order: the cast (a 0-d out is a "scalar" there), the shape, then whether it can be written.
  if (!canCast(out.dtype, INTP, 'safe')) {
    throw new TypeError(`Cannot cast ${out.ndim === 0 ? 'scalar' : 'array data'} from ${inspect(out.dtype)} to ${inspect(INTP)} according to the rule 'safe'`);
  }
  if (out.ndim !== r.ndim || out.shape.some((n, i) => n !== r.shape[i])) throw new ValueError(`output array does not match result of np.${name}.`);
  if (!writeFlagOf(out)) throw readOnlyError(out, WRITEBACK_READ_ONLY);
  out.set(r as never);
  return out;
}

