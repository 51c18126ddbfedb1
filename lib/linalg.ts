/**
 * Products of arrays, as NumPy's: `matmul` (the gufunc
 * `(n?,k),(k,m?)->(n?,m?)` with broadcast stacks, `out` and `dtype`),
 * `dot`, `vdot`, `inner`, `outer`, `tensordot`, `kron` and `cross`.
 *
 * Everything that sums products (matmul, dot, vdot, inner, tensordot) ends
 * in one loop, {@link matmulCore}: each operand is cast to the result dtype
 * as a C-contiguous native-order copy (no copy when it already is one; a
 * broadcast (stride 0) stack axis is read once, never expanded), then the
 * stack of matrix products runs through the native kernel
 * (native/dot_kernels.cc; dot-kernel.ts is its JS mirror, for tests). dtypes are
 * NumPy's promotion; bool products are logical, integer sums wrap. Float
 * sums run in index order by fused multiply-adds, where NumPy's BLAS blocks them: float results may
 * differ from NumPy's in the last bits (see the README). `outer`, `kron` and
 * `cross` are NumPy's compositions of the `multiply`/`subtract` ufuncs.
 *
 * `out` is written after the whole result is computed, so an `out` that
 * overlaps an input gives the result of the inputs as they were.
 * @module
 */
import { inspect } from 'util';
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import type { NdArray } from './ndarray';
import { AxisError, IndexError, ValueError, repr } from './errors';
import { allocate, isArray, makeArray, requireOpen, storageOf } from './internal';
import { MAXDIMS, normalizeAxis } from './layout';
import { positionalOptions, readKnownOptions } from './options';
import { asAnyArray } from './stack-helpers';
import { canCast, isNumeric, promoteTypes } from './promote';
import { UFuncTypeError } from './ufunc';
import { add, multiply, subtract, negative } from './ufuncs/arith';
import { conjugate } from './ufuncs/arith';
import { ellipsis, newaxis, slice } from './indexing';
import { moveaxis } from './axis-views';
import { broadcastShapes, broadcastStridesTo, iterOutputOrder } from './broadcast';
import { tupleNoSpace } from './format';
import { typedArray, type AnyTypedArray } from './typed';
import type { DotKind } from './dot-kernel';
import { gemm, gemmStack } from './dot-native';
import { WINDOW_STEP } from './storage';
import { matmulWithAxes, type CoreAxes } from './matmul-axes';
import { checkLoopBroadcast, gufuncOut, intoGufuncOut } from './gufunc-out';

/** The most bytes one typed array over an operand may span (one storage window; tests lower it). */
let windowBytes = WINDOW_STEP;

/** @internal Tests: the window the products cut large operands to (returns the previous one). */
export function setProductWindow(bytes: number): number {
  const was = windowBytes;
  windowBytes = bytes;
  return was;
}

const SIGNATURE = '(n?,k),(k,m?)->(n?,m?)';

/** Options of {@link matmul}: NumPy's `out`, `dtype` and `casting`. */
export interface MatmulOptions {
  /** Where to write the result (shape exactly the result's; takes the result under `casting`). */
  out?: NdArray | null;
  /** The dtype to compute in and of the result; the inputs must cast to it under `casting`. */
  dtype?: DTypeLike | null;
  /** NumPy's `casting` (default `'same_kind'`). */
  casting?: 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe';
  /**
   * NumPy's gufunc `axes`: `[x1's core axes, x2's, the output's]`, e.g.
   * `[[0, 1], [0, 1], [0, 1]]` for matrices stacked along the last axis (lib/matmul-axes.ts).
   */
  axes?: readonly CoreAxes[] | null;
}

function operand(x: unknown, fn: string, name: string): NdArray {
  if (x === undefined) throw new TypeError(`${fn}(): ${name} is required`);
  const a = asAnyArray(x);
  requireOpen(a);
  return a;
}

function loopError(fn: string, a: DType, b: DType): UFuncTypeError {
  return new UFuncTypeError(`ufunc '${fn}' did not contain a loop with signature matching types (${inspect(a)}, ${inspect(b)}) -> None`);
}

/** The compute dtype of a product of `a` and `b` (NumPy's promotion), checked to have a loop. */
function productType(fn: string, a: DType, b: DType): DType {
  if (!isNumeric(a) || !isNumeric(b)) throw loopError(fn, a, b);
  return promoteTypes(a, b);
}

/** The dtype the loop runs in: float16 sums in float32 (as NumPy's half loop), the rest in their own type. */
function loopType(dt: DType): DType {
  return dt.kind === 'f' && dt.itemsize === 2 ? toDType('f4') : dt;
}

function kindOf(dt: DType): DotKind {
  switch (dt.kind) {
    case 'b': return 'bool';
    case 'c': return 'complex';
    case 'f': return 'float';
  }
  if (dt.itemsize === 8) return 'bigint';
  if (dt.itemsize === 4) return 'int32';
  return 'int';
}

/**
 * `x` as a C-contiguous, aligned, native-order array of `dt` (itself when it
 * already is one: a memmap too, so the product of a mapping reads the file's
 * pages instead of copying them first).
 */
function contiguousOf(x: NdArray, dt: DType): NdArray {
  let c = x.astype(dt, { order: 'C', copy: false });
  // Aligned in memory, not only in offset: a buffer wrapped at an odd byteOffset (a pooled
  // Node Buffer) is misaligned at offset 0 (fuzz seeds 2001490 2000405 2004490: typedArray refused it).
  const part = dt.kind === 'c' ? dt.itemsize / 2 : dt.itemsize;
  if (c.size > 0 && (storageOf(c).addressBase + c.offset) % part !== 0) c = c.copy();
  return c;
}

/** True when `a` and `b` are C-contiguous views of the very same items (one copy of either serves both). */
function sameItems(a: NdArray, b: NdArray): boolean {
  if (a === b) return true;
  return a.size === b.size && a.offset === b.offset && a.dtype.str === b.dtype.str && storageOf(a) === storageOf(b) && a.flags.cContiguous && b.flags.cContiguous;
}

/** The typed array of a contiguous array (complex: of its (re, im) floats). */
function typedOf(c: NdArray): AnyTypedArray {
  if (c.size === 0) return new Float64Array(0);
  if (c.dtype.kind === 'c') return typedArray(c.view(c.dtype.itemsize === 8 ? 'f4' : 'f8'), { unsafeAllowReadOnly: true });
  return typedArray(c, { unsafeAllowReadOnly: true });
}

/** A typed array over elements [start, start + count) of a C-contiguous array (complex: their floats). */
function flatTyped(c: NdArray, start: number, count: number): AnyTypedArray {
  return typedOf(c.reshape([c.size]).index(slice(start, start + count)));
}

/** `x` with each broadcast (stride 0) stack axis cut to length 1: it is read once, never copied out. */
function unbroadcastStack(x: NdArray, core: number): NdArray {
  const items: unknown[] = [];
  let cut = false;
  for (let i = 0; i < x.ndim; i++) {
    if (i < x.ndim - core && x.strides[i] === 0 && x.shape[i] > 1) {
      items.push(slice(0, 1));
      cut = true;
    } else items.push(slice(null));
  }
  return cut ? x.index(...(items as never[])) : x;
}

/**
 * The stack of products of `a` (…, n, k) and `b` (…, k, m), both at least
 * 2-d, as a new C-contiguous array of `dt` with the broadcast stack shape.
 */
function matmulCore(a: NdArray, b: NdArray, dt: DType): NdArray {
  const n = a.shape[a.ndim - 2];
  const k = a.shape[a.ndim - 1];
  const m = b.shape[b.ndim - 1];
  const stackA = a.shape.slice(0, -2);
  const stackB = b.shape.slice(0, -2);
  const stack = broadcastShapes(stackA, stackB);
  const res = allocate(dt, [...stack, n, m]);
  if (res.size === 0) return res;
  const lt = loopType(dt);
  if (k === 0) {
    res.fill(dt.kind === 'b' ? false : dt.kind === 'i' && dt.itemsize === 8 ? 0n : dt.kind === 'u' && dt.itemsize === 8 ? 0n : 0);
    return res;
  }
  const ca = contiguousOf(unbroadcastStack(a, 2), lt);
  // dot(x, x) of a misaligned or cast operand: one copy serves both sides.
  // (Its stack as unbroadcast as `a`'s: matmul(x, x) of a broadcast x; fuzz seed 10532137.)
  const cb = sameItems(a, b) ? ca.reshape(unbroadcastStack(b, 2).shape) : contiguousOf(unbroadcastStack(b, 2), lt);
  const cr = lt === dt ? res : allocate(lt, res.shape);
  const kind = kindOf(lt);
  const nd = stack.length;
  const count = stack.reduce((x, y) => x * y, 1);
  // Element strides of each operand's stack in matrices (0 on a length-1 axis: broadcast).
  const sa = stackStrides(ca.shape.slice(0, -2), nd);
  const sb = stackStrides(cb.shape.slice(0, -2), nd);
  // Operands within one window: one typed array each for the whole stack.
  // Larger ones (a mapping past 2 GiB) are read a block of rows at a time;
  // a row's sum never spans two blocks, so the bits are the same.
  const whole = ca.nbytes <= windowBytes && cb.nbytes <= windowBytes && cr.nbytes <= windowBytes;
  const isz = lt.itemsize;
  let rows = n;
  // Rows longer than one window (the dot of two vectors of a mapping past
  // 2 GiB): each row's sum is taken over k in window-sized chunks, the chunks'
  // products added in order (floats: a fixed split, the same bits on every
  // run; integers wrap and bool ORs, so theirs are exact).
  let kChunk = 0;
  if (!whole) {
    const rowBytes = Math.max(k, m) * isz;
    if (k * isz > windowBytes && m * isz <= windowBytes) kChunk = Math.max(1, Math.floor(windowBytes / (isz * m)));
    else {
      if (rowBytes > windowBytes) throw new RangeError(`matmul: one row of ${Math.max(k, m)} items (${rowBytes} bytes) is more than one window (${windowBytes} bytes) can hold; sum the products of slices`);
      if (k * m * isz > windowBytes) throw new RangeError(`matmul: the second operand's matrix (${k}x${m}, ${k * m * isz} bytes) is more than one window (${windowBytes} bytes) can hold; take the product in slices of its columns`);
      rows = Math.max(1, Math.floor(windowBytes / rowBytes));
    }
  }
  const A = whole ? typedOf(ca) : null;
  const B = whole ? typedOf(cb) : null;
  const C = whole ? typedOf(cr) : null;
  const idx = new Array<number>(nd).fill(0);
  let offA = 0;
  let offB = 0;
  // A stack within one window: every matrix's offsets, then one native call
  // (a call per matrix cost about a microsecond each for tiny matrices).
  const stacked = A !== null && B !== null && C !== null && count > 1;
  const aOffs = stacked ? new Float64Array(count) : null;
  const bOffs = stacked ? new Float64Array(count) : null;
  for (let t = 0; t < count; t++) {
    if (aOffs !== null && bOffs !== null) {
      aOffs[t] = offA * n * k;
      bOffs[t] = offB * k * m;
    } else if (A !== null && B !== null && C !== null) {
      const call = { aOff: offA * n * k, bOff: offB * k * m, cOff: t * n * m };
      gemm(kind, lt, A, B, C, call, n, k, m);
    } else if (kChunk > 0) {
      chunkedRows(kind, lt, ca, cb, cr, { a: offA * n * k, b: offB * k * m, c: t * n * m }, n, k, m, kChunk);
    } else {
      const Bt = flatTyped(cb, offB * k * m, k * m);
      for (let r0 = 0; r0 < n; r0 += rows) {
        const r = Math.min(rows, n - r0);
        const At = flatTyped(ca, (offA * n + r0) * k, r * k);
        const Ct = flatTyped(cr, (t * n + r0) * m, r * m);
        const call = { aOff: 0, bOff: 0, cOff: 0 };
        gemm(kind, lt, At, Bt, Ct, call, r, k, m);
      }
    }
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      offA += sa[d];
      offB += sb[d];
      if (idx[d] < stack[d]) break;
      offA -= sa[d] * stack[d];
      offB -= sb[d] * stack[d];
      idx[d] = 0;
    }
  }
  if (aOffs !== null && bOffs !== null && A !== null && B !== null && C !== null) gemmStack(kind, lt, A, aOffs, B, bOffs, C, n, k, m);
  if (cr !== res) res.set(cr);
  return res;
}

/**
 * {@link matmulCore}'s product laid out as NumPy's gufunc allocates it: the
 * core (n, m) innermost in C order, the stack axes in nditer's 'K' order of
 * the operands' stack strides (a stack of transposed batches keeps its
 * batch order; fuzz pass 9). The product runs over the operands with their
 * stack axes in that order, into a C-contiguous array whose axes are then
 * put back: no copy.
 */
function stackOrdered(a: NdArray, b: NdArray, dt: DType): NdArray {
  const stackA = a.shape.slice(0, -2);
  const stackB = b.shape.slice(0, -2);
  const stack = broadcastShapes(stackA, stackB);
  const nd = stack.length;
  if (nd < 2) return matmulCore(a, b, dt);
  const like = [broadcastStridesTo(stackA, a.strides.slice(0, -2), stack), broadcastStridesTo(stackB, b.strides.slice(0, -2), stack)];
  const order = iterOutputOrder(nd, like, [...stack.keys()]);
  if (order.every((ax, i) => ax === i)) return matmulCore(a, b, dt);
  const lift = (x: NdArray): NdArray => x.reshape([...new Array<number>(nd + 2 - x.ndim).fill(1), ...x.shape]).transpose([...order, nd, nd + 1]);
  const r = matmulCore(lift(a), lift(b), dt);
  const strides = [...r.strides];
  order.forEach((ax, j) => (strides[ax] = r.strides[j]));
  return makeArray({ storage: storageOf(r), dtype: r.dtype, shape: [...stack, ...r.shape.slice(nd)], strides, offset: r.offset, base: null, writeable: true, ownData: true });
}

/**
 * Rows of a product whose k items span more than one window: each of the
 * `n` rows of C (`m` items) is the sum, chunk by chunk in order, of the
 * products of `kChunk` items of the A row with the matching `kChunk` rows of
 * B (element offsets `at` into the contiguous operands), added in the loop's
 * type: floats (complex: re and im) rounded to it, integers wrapped by the
 * typed array's store (as the kernel's own sum, so exact), bool ORed.
 */
function chunkedRows(kind: DotKind, lt: DType, ca: NdArray, cb: NdArray, cr: NdArray, at: { a: number; b: number; c: number }, n: number, k: number, m: number, kChunk: number): void {
  const part = typedOf(allocate(lt, [m])) as Float64Array;
  const acc = typedOf(allocate(lt, [m])) as Float64Array;
  const call = { aOff: 0, bOff: 0, cOff: 0 };
  for (let r = 0; r < n; r++) {
    for (let k0 = 0; k0 < k; k0 += kChunk) {
      const kc = Math.min(kChunk, k - k0);
      const At = flatTyped(ca, at.a + r * k + k0, kc);
      const Bt = flatTyped(cb, at.b + k0 * m, kc * m);
      gemm(kind, lt, At, Bt, part, call, 1, kc, m);
      if (k0 === 0) acc.set(part);
      else if (kind === 'bool') for (let j = 0; j < acc.length; j++) acc[j] |= part[j];
      // BigInt64Array items are bigints: `+` adds them as such and the store wraps.
      else for (let j = 0; j < acc.length; j++) acc[j] = acc[j] + part[j];
    }
    (flatTyped(cr, at.c + r * m, m) as Float64Array).set(acc);
  }
}

/** Per stack axis of the broadcast stack (`nd` axes), the step in matrices of an operand's stack `shape`. */
function stackStrides(shape: readonly number[], nd: number): number[] {
  const out = new Array<number>(nd).fill(0);
  let step = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    const d = nd - shape.length + i;
    out[d] = shape[i] === 1 ? 0 : step;
    step *= shape[i];
  }
  return out;
}

/**
 * dot's and outer's `out` (NumPy's is positional there): an NdArray, or
 * `{ out }` as the other functions take it; checked as an output.
 */
function positionalOut(fn: string, out: unknown): NdArray | null {
  if (out !== null && typeof out === 'object' && !isArray(out)) return gufuncOut(readKnownOptions(out as { out?: unknown }, ['out'], fn).out);
  return gufuncOut(out);
}

/**
 * NumPy's `matmul(x1, x2, out=None, dtype=None, casting='same_kind')`: the
 * matrix product of the last two axes, broadcast over the others (a stack
 * of matrices). A 1-d first operand is a row vector and a 1-d second one a
 * column vector; the added axis is removed from the result. Two 1-d
 * operands give a 0-d array (NumPy's scalar). A new result's stack axes are in
 * the operands' memory order, each matrix C-contiguous (NumPy's gufunc
 * allocation).
 *
 * @example
 * matmul(asarray([[1, 2], [3, 4]]), asarray([1, 1])).toArray(); // [3, 7]
 * @throws ValueError `matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 3 is different from 2)`;
 *   UFuncTypeError for dtypes without a loop or a refused cast; AccessError for a read-only `out`.
 */
export function matmul(x1: unknown, x2: unknown, options: MatmulOptions = {}): NdArray {
  // Options read once, own keys only (lib/options.ts): a polluted
  // Object.prototype.dtype or .out was taken as the caller's.
  // NumPy's gufunc refuses axis= for matmul's three distinct core dimensions; any other
  // unknown keyword is its TypeError too (a misspelt option was ignored).
  if (options !== null && typeof options === 'object' && Object.prototype.hasOwnProperty.call(options, 'axis')) {
    throw new TypeError('matmul: axis can only be used with a single shared core dimension, not with the 3 distinct ones implied by signature (n?,k),(k,m?)->(n?,m?).');
  }
  const o = readKnownOptions(options, ['out', 'dtype', 'casting', 'axes'], 'matmul');
  const a = operand(x1, 'matmul', 'x1');
  const b = operand(x2, 'matmul', 'x2');
  const out = gufuncOut(o.out);
  const casting = o.casting ?? 'same_kind';
  // NumPy resolves the loop (its TypeErrors) before it checks core dimensions (fuzz seed 3001033).
  let dt = productType('matmul', a.dtype, b.dtype);
  if (o.dtype !== undefined && o.dtype !== null) {
    dt = toDType(o.dtype);
    if (!isNumeric(dt)) throw loopError('matmul', a.dtype, b.dtype);
    for (const [i, x] of [a, b].entries()) {
      if (!canCast(x.dtype, dt, casting)) throw new UFuncTypeError(`Cannot cast ufunc 'matmul' input ${i} from ${inspect(x.dtype)} to ${inspect(dt)} with casting rule '${casting}'`);
    }
  }
  for (const [i, x] of [a, b].entries()) {
    if (x.ndim === 0) throw new ValueError(`matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${SIGNATURE} requires 1)`);
  }
  if (o.axes !== undefined && o.axes !== null) {
    const r = matmulWithAxes(a, b, o.axes, (x, y) => matmul(x, y, { dtype: o.dtype, casting }));
    return intoGufuncOut('matmul', SIGNATURE, r, out, casting, 0, []);
  }
  const a2 = a.ndim === 1 ? a.index(newaxis, slice(null)) : a;
  const b2 = b.ndim === 1 ? b.index(slice(null), newaxis) : b;
  const ka = a2.shape[a2.ndim - 1];
  const kb = b2.shape[b2.ndim - 2];
  if (ka !== kb) throw new ValueError(`matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${SIGNATURE} (size ${kb} is different from ${ka})`);
  const inputs = [
    { shape: a.shape, core: a.ndim === 1 ? 1 : 2 },
    { shape: b.shape, core: b.ndim === 1 ? 1 : 2 },
  ];
  checkLoopBroadcast(inputs, [a2.shape[a2.ndim - 2], b2.shape[b2.ndim - 1]], out);
  let r = stackOrdered(a2, b2, dt);
  if (a.ndim === 1 && b.ndim === 1) r = r.reshape([]);
  else if (a.ndim === 1) r = r.reshape(r.shape.filter((_, i) => i !== r.ndim - 2));
  else if (b.ndim === 1) r = r.reshape(r.shape.slice(0, -1));
  const core = (a.ndim === 1 ? 0 : 1) + (b.ndim === 1 ? 0 : 1);
  return intoGufuncOut('matmul', SIGNATURE, r, out, casting, core, inputs);
}

/** NumPy's "shapes (2,3) and (4,) not aligned: 3 (dim 1) != 4 (dim 0)". */
function notAligned(a: readonly number[], b: readonly number[], da: number, db: number): ValueError {
  return new ValueError(`shapes ${tupleNoSpace(a)} and ${tupleNoSpace(b)} not aligned: ${a[da]} (dim ${da}) != ${b[db]} (dim ${db})`);
}

/** `x` as an (rows × cols) matrix (a view when its layout allows, else a C copy). */
function asMatrix(x: NdArray, rows: number, cols: number): NdArray {
  return x.reshape([rows, cols]);
}

function product(shape: readonly number[]): number {
  return shape.reduce((x, y) => x * y, 1);
}

/** The `out` rule of NumPy's dot (and vdot/inner): exactly the result's dtype and shape, and C-contiguous. */
function dotOut(r: NdArray, out: NdArray | null): NdArray {
  if (out === null) return r;
  if (out.dtype.str !== r.dtype.str || out.ndim !== r.ndim || out.shape.some((s, i) => s !== r.shape[i]) || !out.flags.cContiguous) {
    throw new ValueError('output array is not acceptable (must have the right datatype, number of dimensions, and be a C-Array)');
  }
  out.set(r);
  return out;
}

/**
 * A product with a 0-d operand, as NumPy's PyArray_MatrixProduct2 (behind
 * dot and inner) makes it: multiply's 'K' layout, except where it takes its
 * cblas path first (a float32, float64, complex64 or complex128 product of
 * operands of at most 2 axes), which writes a new C-contiguous array (fuzz
 * seeds 6004050 6005652; a C rule for every dtype and rank was reverted).
 */
function scalarProduct(x: NdArray, y: NdArray): NdArray {
  const r = multiply(x, y);
  const t = r.dtype;
  // The product just made is alpha * x: blasScaled adds it to zeros in place.
  if (x.ndim <= 2 && y.ndim <= 2 && cblasType(t)) return blasScaled(x, y, t, r.shape, r) ?? (r.flags.cContiguous ? r : r.copy('C'));
  // Off that path NumPy multiplies its operands as PyArray_CheckFromAny cast them: an operand
  // of another dtype copied in PyArray_NewLikeArray's 'K' layout, where a broadcast axis goes
  // innermost (multiply of the view itself keeps it in place; fuzz seed 6005652).
  const [arr, other] = x.ndim === 0 ? [y, x] : [x, y];
  if (arr.dtype.equals(t) || !arr.shape.some((n, i) => n > 1 && arr.strides[i] === 0)) return r;
  const c = arr.astype(t, 'K');
  return x.ndim === 0 ? multiply(other, c) : multiply(c, other);
}

/** A result dtype NumPy's PyArray_MatrixProduct2 hands to cblas: float32/64, complex64/128. */
function cblasType(dt: DType): boolean {
  return (dt.kind === 'f' && dt.itemsize >= 4) || (dt.kind === 'c' && dt.itemsize >= 8);
}

/** NumPy's `_select_matrix_shape` is `_scalar`: a 0-d array, or one item or none as (n,) or (n, 1) with n <= 1. */
function blasScalarShape(x: NdArray): boolean {
  return x.ndim === 0 || (x.ndim === 1 ? x.shape[0] <= 1 : x.ndim === 2 && x.shape[0] <= 1 && x.shape[1] === 1);
}

/**
 * The product NumPy's cblas path (PyArray_MatrixProduct2 behind dot, inner
 * and tensordot: float32/64 and complex products of operands of at most two
 * axes) makes with BLAS axpy: a one-item (or 0-d) operand scales the other
 * into a zeroed result of more than one item, `0 + alpha * x`, so a -0
 * product is +0, and OpenBLAS's axpy returns at once for a zero alpha: the
 * result is then +0 whatever the other operand holds (inf * 0 is not NaN
 * there; fuzz seeds 10839218 11262926). A one-item result is the plain
 * product of the two items. `shape` is the result's, whose items are the
 * other operand's in C order; `made`, when given, is `a * b` already made
 * (a new array of that shape, added to in place). Null when the product is
 * not such a one.
 */
function blasScaled(a: NdArray, b: NdArray, dt: DType, shape: readonly number[], made?: NdArray): NdArray | null {
  const n = product(shape);
  if (!cblasType(dt) || a.ndim > 2 || b.ndim > 2 || n === 0) return null;
  const scale = blasScalarShape(a) ? a : blasScalarShape(b) ? b : null;
  if (scale === null || scale.size === 0) return null;
  // dt is the operands' common type: alpha of dt times the other is of dt.
  const alpha = scale.astype(dt).reshape([]);
  const v = alpha.get() as number | { re: number; im: number };
  if (n > 1 && (typeof v === 'number' ? v === 0 : v.re === 0 && v.im === 0)) return allocate(dt, shape);
  let r = (made ?? multiply(alpha, scale === a ? b : a)).reshape(shape);
  if (!r.flags.cContiguous) r = r.copy('C');
  // y = 0, then y += alpha * x: the sum turns a -0 product into +0 (one item: the product as it is).
  if (n > 1) add(r, 0, { out: r });
  return r;
}

/**
 * NumPy's `dot(a, b, out=None)` (`out` positional or `{ out }`): for 1-d operands the inner product, for
 * 2-d the matrix product, with a 0-d operand `multiply`; otherwise the sum
 * over the last axis of `a` and the second-to-last of `b` (the last when
 * `b` is 1-d): the result's shape is `a.shape[:-1] + b.shape[:-2] + b.shape[-1:]`.
 *
 * @example
 * dot(asarray([1, 2, 3]), asarray([4, 5, 6])).get(); // 32
 * @throws ValueError `shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)`;
 *   `output array is not acceptable (...)` for an `out` of another dtype, shape or layout.
 */
export function dot(a: unknown, b: unknown, out: NdArray | { out?: NdArray | null } | null = null): NdArray {
  const x = operand(a, 'dot', 'a');
  const y = operand(b, 'dot', 'b');
  const o = positionalOut('dot', out);
  if (x.ndim === 0 || y.ndim === 0) {
    const r = scalarProduct(x, y);
    return dotOut(r, o);
  }
  // The shapes first, then the types: NumPy's dot says "not aligned" of
  // records before it finds no loop (fuzz seed 9266777).
  const k = x.shape[x.ndim - 1];
  const yAxis = y.ndim >= 2 ? y.ndim - 2 : 0;
  if (y.shape[yAxis] !== k) throw notAligned(x.shape, y.shape, x.ndim - 1, yAxis);
  const dt = productType('dot', x.dtype, y.dtype);
  const left = x.shape.slice(0, -1);
  const right = y.shape.filter((_, i) => i !== yAxis);
  const scaled = blasScaled(x, y, dt, [...left, ...right]);
  if (scaled !== null) return dotOut(scaled, o);
  const A = asMatrix(x, product(left), k);
  const B = asMatrix(y.ndim >= 2 ? moveaxis(y, yAxis, 0) : y, k, product(right));
  const r = matmulCore(A, B, dt).reshape([...left, ...right]);
  return dotOut(r, o);
}

/**
 * NumPy's `vdot(a, b)`: the dot product of `a` and `b` flattened (C order),
 * the first conjugated when complex. A 0-d array (NumPy's scalar).
 *
 * @example
 * vdot(asarray([[1, 2], [3, 4]]), asarray([[1, 1], [1, 1]])).get(); // 10
 * @throws ValueError `cannot reshape array of size 4 into shape (3,)` when the sizes differ (NumPy's words).
 */
export function vdot(a: unknown, b: unknown): NdArray {
  let x = operand(a, 'vdot', 'a');
  const y = operand(b, 'vdot', 'b');
  if (x.size !== y.size) throw new ValueError(`cannot reshape array of size ${y.size} into shape (${x.size},)`);
  const dt = productType('vdot', x.dtype, y.dtype);
  if (x.dtype.kind === 'c') x = conjugate(x);
  return matmulCore(asMatrix(x, 1, x.size), asMatrix(y, y.size, 1), dt).reshape([]);
}

/**
 * NumPy's `inner(a, b)`: the sum of products over the last axes of both;
 * the result's shape is `a.shape[:-1] + b.shape[:-1]`. A 0-d operand: `multiply`.
 *
 * @example
 * inner(asarray([1, 2, 3]), asarray([0, 1, 0])).get(); // 2
 * @throws ValueError `shapes (2,3) and (4,2) not aligned: 3 (dim 1) != 4 (dim 0)` (b's last axis shown first, as NumPy).
 */
export function inner(a: unknown, b: unknown): NdArray {
  const x = operand(a, 'inner', 'a');
  const y = operand(b, 'inner', 'b');
  if (x.ndim === 0 || y.ndim === 0) return scalarProduct(x, y);
  const k = x.shape[x.ndim - 1];
  if (y.shape[y.ndim - 1] !== k) {
    const yt = [y.shape[y.ndim - 1], ...y.shape.slice(0, -1)];
    throw notAligned(x.shape, yt, x.ndim - 1, 0);
  }
  const dt = productType('inner', x.dtype, y.dtype);
  const left = x.shape.slice(0, -1);
  const right = y.shape.slice(0, -1);
  // NumPy's inner is dot(a, b.T) when both have at most two axes.
  const scaled = blasScaled(x, y.T, dt, [...left, ...right]);
  if (scaled !== null) return scaled;
  const B = asMatrix(y, product(right), k).T;
  return matmulCore(asMatrix(x, product(left), k), B, dt).reshape([...left, ...right]);
}

/**
 * NumPy's `outer(a, b, out=None)` (`out` positional or `{ out }`): `multiply(a.ravel()[:, None], b.ravel()[None, :])`,
 * a new (a.size × b.size) array.
 *
 * @example
 * outer(asarray([1, 2]), asarray([3, 4])).toArray(); // [[3, 4], [6, 8]]
 */
export function outer(a: unknown, b: unknown, out: NdArray | { out?: NdArray | null } | null = null): NdArray {
  const x = operand(a, 'outer', 'a');
  const y = operand(b, 'outer', 'b');
  const o = positionalOut('outer', out);
  return multiply(x.ravel().index(slice(null), newaxis), y.ravel().index(newaxis, slice(null)), o === null ? {} : { out: o });
}

/**
 * NumPy's `tensordot(a, b, axes=2)`: the sum of products over `axes`: an
 * integer N (the last N axes of `a` with the first N of `b`) or a pair of
 * axis lists. The result's axes are `a`'s remaining axes, then `b`'s.
 *
 * @example
 * tensordot(ones([3, 4, 5]), ones([4, 3, 2]), [[1, 0], [0, 1]]).shape; // [5, 2]
 * @throws ValueError `shape-mismatch for sum`.
 */
export function tensordot(a: unknown, b: unknown, axes: number | readonly [number | readonly number[], number | readonly number[]] = 2): NdArray {
  const x = operand(a, 'tensordot', 'a');
  const y = operand(b, 'tensordot', 'b');
  let axesA: number[];
  let axesB: number[];
  if (typeof axes === 'number') {
    if (!Number.isInteger(axes)) throw new TypeError(`tensordot(): axes must be an integer or a pair of axis lists, got ${repr(axes)}`);
    if (axes < 0) throw new ValueError('axes must be at least 0');
    // NumPy's a.shape[-axes] fails first: checked before a list of `axes`
    // items is made (tensordot(a, b, 2**31) aborted the process out of heap).
    if (axes > x.ndim) throw new IndexError('tuple index out of range');
    axesA = Array.from({ length: axes }, (_, i) => x.ndim - axes + i);
    axesB = Array.from({ length: axes }, (_, i) => i);
  } else if (Array.isArray(axes) && axes.length === 2) {
    const [p, q] = axes as [number | readonly number[], number | readonly number[]];
    axesA = axisList(p);
    axesB = axisList(q);
    for (const list of [axesA, axesB]) {
      if (new Set(list).size !== list.length) throw new ValueError('duplicate axes are not allowed in tensordot');
    }
  } else {
    throw new TypeError(`tensordot(): axes must be an integer or a pair of axis lists, got ${repr(axes)}`);
  }
  if (axesA.length !== axesB.length) throw new ValueError('shape-mismatch for sum');
  // NumPy's loop: each pair of lengths compared in turn, an axis past either
  // array's dimensions its IndexError.
  const normA: number[] = [];
  const normB: number[] = [];
  for (let i = 0; i < axesA.length; i++) {
    normA.push(normalizeTensorAxis(axesA[i], x.ndim));
    normB.push(normalizeTensorAxis(axesB[i], y.ndim));
    if (x.shape[normA[i]] !== y.shape[normB[i]]) throw new ValueError('shape-mismatch for sum');
  }
  const dt = productType('tensordot', x.dtype, y.dtype);
  const keepA = [...Array(x.ndim).keys()].filter((i) => !normA.includes(i));
  const keepB = [...Array(y.ndim).keys()].filter((i) => !normB.includes(i));
  const k = product(normA.map((i) => x.shape[i]));
  const left = keepA.map((i) => x.shape[i]);
  const right = keepB.map((i) => y.shape[i]);
  const A = asMatrix(x.transpose([...keepA, ...normA]), product(left), k);
  const B = asMatrix(y.transpose([...normB, ...keepB]), k, product(right));
  // NumPy's tensordot is dot of these two matrices.
  const scaled = blasScaled(A, B, dt, [product(left), product(right)]);
  if (scaled !== null) return scaled.reshape([...left, ...right]);
  return matmulCore(A, B, dt).reshape([...left, ...right]);
}

function normalizeTensorAxis(ax: number, ndim: number): number {
  if (!Number.isInteger(ax)) throw new TypeError(`tensordot(): an axis must be an integer, got ${repr(ax)}`);
  if (ax < -ndim || ax >= ndim) throw new IndexError('tuple index out of range');
  return ax < 0 ? ax + ndim : ax;
}

/**
 * One side of tensordot's pair of axis lists, each item read once. Its
 * length is checked first: more than an array's 64 axes has a repeat or an
 * axis out of range, and a list claiming 2^32-1 items (a Proxy) was copied
 * until V8 aborted out of heap.
 */
function axisList(p: number | readonly number[]): number[] {
  if (!Array.isArray(p)) return [p as number];
  const n = p.length;
  if (n > MAXDIMS) throw new ValueError(`tensordot(): ${n} axes to sum over; an array has at most ${MAXDIMS}`);
  return Array.from({ length: n }, (_, i) => p[i] as number);
}

/**
 * NumPy's `kron(a, b)`: the Kronecker product, blocks of `b` scaled by the
 * elements of `a` (the fewer-axes operand gets leading length-1 axes).
 *
 * @example
 * kron(asarray([1, 10]), asarray([1, 2])).toArray(); // [1, 2, 10, 20]
 */
export function kron(a: unknown, b: unknown): NdArray {
  const x = operand(a, 'kron', 'a');
  const y = operand(b, 'kron', 'b');
  if (x.ndim === 0 || y.ndim === 0) return multiply(x, y);
  const nd = Math.max(x.ndim, y.ndim);
  const as = [...new Array<number>(nd - x.ndim).fill(1), ...x.shape];
  const bs = [...new Array<number>(nd - y.ndim).fill(1), ...y.shape];
  const ai = as.flatMap((n) => [n, 1]);
  const bi = bs.flatMap((n) => [1, n]);
  const r = multiply(x.reshape(ai), y.reshape(bi));
  return r.reshape(as.map((n, i) => n * bs[i]));
}

/** Options of {@link cross}: NumPy's `axisa`, `axisb`, `axisc` and `axis` (which sets all three). */
export interface CrossOptions {
  /** The axis of `a` holding the vectors (default -1). */
  axisa?: number;
  /** The axis of `b` holding the vectors (default -1). */
  axisb?: number;
  /** The axis of the result holding the vectors (default -1; unused for 2-vectors × 2-vectors). */
  axisc?: number;
  /** Sets `axisa`, `axisb` and `axisc` at once. */
  axis?: number | null;
}

function crossAxis(ax: number, ndim: number, name: string): number {
  try {
    return normalizeAxis(ax, ndim);
  } catch (e) {
    if (e instanceof AxisError) throw new AxisError(`${name}: ${e.message}`);
    throw e;
  }
}

/**
 * NumPy's `cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None)`: the cross
 * product of 3-vectors (or 2-vectors, their z component taken as 0; two
 * 2-vectors give the z component only), broadcast over the other axes.
 *
 * @example
 * cross(asarray([1, 0, 0]), asarray([0, 1, 0])).toArray(); // [0, 0, 1]
 * @throws ValueError `incompatible dimensions for cross product\n(dimension must be 2 or 3)`,
 *   `At least one array has zero dimension`.
 */
export function cross(a: unknown, b: unknown, axisa?: number | CrossOptions | null, axisb?: number | CrossOptions | null, axisc?: number | CrossOptions | null, axis?: number | CrossOptions | null, options?: CrossOptions): NdArray;
export function cross(a: unknown, b: unknown, options?: CrossOptions): NdArray;
export function cross(a: unknown, b: unknown, ...rest: unknown[]): NdArray {
  // NumPy's positional axisa, axisb, axisc and axis, or the options.
  const o = readKnownOptions(positionalOptions<CrossOptions>('cross', ['axisa', 'axisb', 'axisc', 'axis'], rest), ['axisa', 'axisb', 'axisc', 'axis'], 'cross');
  let x = operand(a, 'cross', 'a');
  let y = operand(b, 'cross', 'b');
  let { axisa = -1, axisb = -1, axisc = -1 } = o;
  if (o.axis !== undefined && o.axis !== null) axisa = axisb = axisc = o.axis;
  if (x.ndim < 1 || y.ndim < 1) throw new ValueError('At least one array has zero dimension');
  x = moveaxis(x, crossAxis(axisa, x.ndim, 'axisa'), -1);
  y = moveaxis(y, crossAxis(axisb, y.ndim, 'axisb'), -1);
  const na = x.shape[x.ndim - 1];
  const nb = y.shape[y.ndim - 1];
  if ((na !== 2 && na !== 3) || (nb !== 2 && nb !== 3)) throw new ValueError('incompatible dimensions for cross product\n(dimension must be 2 or 3)');
  const dt = promoteTypes(x.dtype, y.dtype);
  const c = (v: NdArray, i: number): NdArray => v.index(ellipsis, i);
  let shape = broadcastShapes(x.shape.slice(0, -1), y.shape.slice(0, -1));
  if (na === 2 && nb === 2) {
    const cp = allocate(dt, shape);
    subtract(multiply(c(x, 0), c(y, 1)), multiply(c(x, 1), c(y, 0)), { out: cp });
    return cp;
  }
  shape = [...shape, 3];
  const ax = crossAxis(axisc, shape.length, 'axisc');
  const cp = allocate(dt, shape);
  const [c0, c1, c2] = [c(cp, 0), c(cp, 1), c(cp, 2)];
  const a2 = na === 3 ? c(x, 2) : null;
  const b2 = nb === 3 ? c(y, 2) : null;
  // NumPy's order of operations: a missing z component is 0 (a product never formed).
  if (a2 !== null && b2 !== null) {
    subtract(multiply(c(x, 1), b2), multiply(a2, c(y, 1)), { out: c0 });
    subtract(multiply(a2, c(y, 0)), multiply(c(x, 0), b2), { out: c1 });
  } else if (b2 !== null) {
    multiply(c(x, 1), b2, { out: c0 });
    negative(multiply(c(x, 0), b2), { out: c1 });
  } else if (a2 !== null) {
    negative(multiply(a2, c(y, 1)), { out: c0 });
    multiply(a2, c(y, 0), { out: c1 });
  }
  subtract(multiply(c(x, 0), c(y, 1)), multiply(c(x, 1), c(y, 0)), { out: c2 });
  return moveaxis(cp, -1, ax);
}
