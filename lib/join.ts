/**
 * Joining arrays: NumPy's `concatenate` and `stack`. The result's dtype is
 * the promotion of the inputs' (NumPy 2 rules, records only with equal
 * records), and its layout follows NumPy's `PyArray_CreateMultiSortedStridePerm`:
 * the axes ordered by the inputs' strides where they agree, C order where
 * they do not, packed from the fastest axis.
 * @module
 */
import { inspect } from 'util';
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { IndexError, ValueError, checkRowViews, repr } from './errors';
import { MAXDIMS, normalizeAxis } from './layout';
import type { NdArray } from './ndarray';
import { pyShape } from './format';
import { canCast, canonicalDType, resultTypeOf, type Casting } from './promote';
import { allocateOrdered } from './compute-values';
import { Slice } from './indexing';
import { copyNative, elementCode, isSwapped } from './kernels';
import { requireOpen, requireWritable, storageOf, NdArray as ArrayClass } from './internal';
import { mayShareMemory } from './memory';
import { storesWholeItems } from './fresh-memory';
import { optionsWithValue, positionalOptions, readKnownOptions } from './options';

/** Options of {@link concatenate} and {@link stack}. */
export interface JoinOptions {
  /** The axis to join along (default 0); for concatenate, null flattens the inputs first. */
  axis?: number | null;
  /** Where to put the result (NumPy's `out`): an array of the result's shape, returned. Not with `dtype`. */
  out?: NdArray | null;
  /** The result's dtype (NumPy's `dtype`) instead of the inputs' promotion. Not with `out`. */
  dtype?: DTypeLike | null;
  /** How the inputs may be cast into the result (NumPy's `casting`, default `'same_kind'`). */
  casting?: Casting;
}

const JOIN_OPTIONS = ['axis', 'out', 'dtype', 'casting'] as const;

const CASTINGS: readonly string[] = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];

/** The result's dtype from `out`, `dtype` or the inputs, once every input is known to cast to it under `casting`. */
/** The checks of `out`, `dtype` and `casting` that NumPy makes when it reads its arguments, before any shape. */
function commonOptionChecks(name: string, options: JoinOptions): void {
  const out = options.out ?? null;
  const wanted = options.dtype ?? null;
  if (out !== null && wanted !== null) throw new TypeError(`${name}() only takes \`out\` or \`dtype\` as an argument, but both were provided.`);
  const casting = options.casting ?? 'same_kind';
  if (!CASTINGS.includes(casting)) throw new ValueError(`casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got ${repr(casting)})`);
  if (out !== null && !(out instanceof ArrayClass)) throw new TypeError(`${name}: out must be an NdArray, got ${repr(out)}`);
}

/** `out` must have the result's `shape`. */
function outShapeCheck(out: NdArray, shape: readonly number[]): void {
  if (out.ndim !== shape.length) throw new ValueError(`Output array has wrong dimensionality: ${pyShape(out.shape)}, the result is ${pyShape(shape)}`);
  if (out.shape.some((n, i) => n !== shape[i])) throw new ValueError(`Output array is the wrong shape: ${pyShape(out.shape)}, the result is ${pyShape(shape)}`);
}

function targetDType(name: string, arrays: readonly NdArray[], options: JoinOptions): DType {
  commonOptionChecks(name, options);
  const out = options.out ?? null;
  const wanted = options.dtype ?? null;
  const casting = options.casting ?? 'same_kind';
  const dt = out !== null ? out.dtype : wanted !== null ? toDType(wanted) : joinedDType(arrays);
  if (dt.shape.length > 0) {
    throw new TypeError(
      `The dtype \`${inspect(dt)}\` is not a valid dtype for concatenation since it is a subarray dtype (the subarray dimensions would be added as array dimensions).`,
    );
  }
  for (const a of arrays) {
    if (!canCast(a.dtype, dt, casting)) {
      throw new TypeError(`Cannot cast array data from ${inspect(a.dtype)} to ${inspect(dt)} according to the rule '${casting}'`);
    }
  }
  return dt;
}

/** `r` itself, or `r` written into `options.out` (which must have its shape). */
function intoOut(r: NdArray, options: JoinOptions): NdArray {
  const out = options.out ?? null;
  if (out === null) return r;
  outShapeCheck(out, r.shape);
  out.set(r);
  return out;
}

/** The dtype `concatenate(arrays)` gives (NumPy's: equal bytes kept, records canonical, numbers promoted). */
export function joinedDType(arrays: readonly NdArray[]): DType {
  const first = arrays[0].dtype;
  // Equal bytes join as they are; records of one canonical form join in it (NumPy
  // promotes them: padding dropped, host byte order); numbers promote, into this host's byte order.
  const numeric = 'biufc'.includes(first.kind) && !first.isStructured && first.subdtype === null;
  if (first.isStructured) {
    const c = canonicalDType(first);
    if (arrays.every((a) => a.dtype.isStructured && canonicalDType(a.dtype).equals(c))) return c;
  }
  if (!numeric && arrays.every((a) => a.dtype.equals(first))) return first;
  return resultTypeOf(arrays);
}

/** NumPy's axis order for a new array shared by several inputs, slowest first. */
function multiSortedPerm(arrays: readonly NdArray[], ndim: number): number[] {
  const perm = [...Array(ndim).keys()];
  for (let i0 = 1; i0 < ndim; i0++) {
    let ipos = i0;
    const ax0 = perm[i0];
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      let ambiguous = true;
      let swap = false;
      const ax1 = perm[i1];
      for (const a of arrays) {
        if (a.shape[ax0] !== 1 && a.shape[ax1] !== 1) {
          if (Math.abs(a.strides[ax0]) <= Math.abs(a.strides[ax1])) swap = false;
          else if (ambiguous) swap = true;
          ambiguous = false;
        }
      }
      if (!ambiguous) {
        if (swap) ipos = i1;
        else break;
      }
    }
    if (ipos !== i0) {
      perm.splice(i0, 1);
      perm.splice(ipos, 0, ax0);
    }
  }
  return perm;
}

function checkOpen(arrays: readonly NdArray[]): void {
  for (const a of arrays) requireOpen(a);
}

/** The caller's list of arrays as a copy (read once); anything not iterable is NumPy's TypeError `message`. */
function sequenceOf(arrays: unknown, message: string): NdArray[] {
  if (arrays === null || typeof arrays !== 'object' || typeof (arrays as Iterable<unknown>)[Symbol.iterator] !== 'function') throw new TypeError(message);
  // An array is its rows (NumPy iterates it): refused first when their views cannot fit the heap.
  if (arrays instanceof ArrayClass && arrays.ndim > 0) checkRowViews(arrays.shape[0], 'concatenate/stack');
  if (!Array.isArray(arrays)) return Array.from(arrays as Iterable<NdArray>);
  // A list is copied by index, each item checked as it comes: a sparse list
  // of length 2^32-1 was copied whole (Array.from) until V8 gave up, before
  // its first hole was looked at.
  const out: NdArray[] = [];
  for (let i = 0; i < arrays.length; i++) {
    const a: unknown = arrays[i];
    if (!(a instanceof ArrayClass)) throw new TypeError(`expected an NdArray at index ${i} of the list, got ${repr(a)}`);
    out.push(a as NdArray);
  }
  return out;
}

/**
 * NumPy's `concatenate(arrays, axis, out, dtype, casting)`: a new array (or
 * `out`) holding the inputs one after another along `axis` (default 0; null:
 * the flattened inputs).
 */
export function concatenate(arrays: readonly NdArray[], axis?: number | null, out?: NdArray | null, options?: Omit<JoinOptions, 'axis' | 'out'>): NdArray;
export function concatenate(arrays: readonly NdArray[], axisArg?: number | null | JoinOptions, options?: JoinOptions): NdArray;
export function concatenate(arrays: readonly NdArray[], axisArg?: number | null | JoinOptions, ...rest: unknown[]): NdArray {
  // The caller's list and options read once, before the closed check (lib/options.ts).
  arrays = sequenceOf(arrays, 'The first input argument needs to be a sequence');
  // NumPy's positional out after the axis (dtype and casting are keyword-only; a
  // null axis is NumPy's None, the flattened arrays, so it stays in the axis slot), or the options.
  const after = positionalOptions<JoinOptions>('concatenate', ['out'], rest);
  const options = readKnownOptions(optionsWithValue('concatenate', 'axis', axisArg, Object.keys(after).length > 0 ? after : undefined), JOIN_OPTIONS, 'concatenate');
  if (arrays.length === 0) throw new ValueError('need at least one array to concatenate');
  checkOpen(arrays);
  const axis = options.axis === undefined ? 0 : options.axis;
  // NumPy's order (PyArray_ConcatenateArrays): the shapes, then out's shape, then the
  // dtype and the casts (fuzz seeds 2048 5130: a wrong out shape before a refused cast,
  // a dimension mismatch before a failed promotion).
  commonOptionChecks('concatenate', options);
  if (axis === null) {
    const flat = arrays.map((a) => a.reshape(-1));
    const out = options.out ?? null;
    if (out instanceof ArrayClass) {
      if (out.ndim !== 1) throw new ValueError('Output array must be 1D');
      if (out.size !== flat.reduce((n, a) => n + a.size, 0)) throw new ValueError('Output array is the wrong size');
    }
    return join(flat, 0, targetDType('concatenate', flat, options), out);
  }
  const nd = arrays[0].ndim;
  if (nd === 0) throw new ValueError('zero-dimensional arrays cannot be concatenated');
  const ax = normalizeAxis(axis, nd);
  arrays.forEach((a, i) => {
    if (a.ndim !== nd) {
      throw new ValueError(
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${nd} dimension(s) and the array at index ${i} has ${a.ndim} dimension(s)`,
      );
    }
    for (let d = 0; d < nd; d++) {
      if (d !== ax && a.shape[d] !== arrays[0].shape[d]) {
        throw new ValueError(
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${d}, the array at index 0 has size ${arrays[0].shape[d]} and the array at index ${i} has size ${a.shape[d]}`,
        );
      }
    }
  });
  const out = options.out ?? null;
  if (out instanceof ArrayClass) {
    const shape = [...arrays[0].shape];
    shape[ax] = arrays.reduce((n, a) => n + a.shape[ax], 0);
    outShapeCheck(out, shape);
  }
  return join(arrays, ax, targetDType('concatenate', arrays, options), out);
}

/**
 * The arrays joined along `ax` into a new array of `dt`, or into the
 * caller's `into` (checked: its shape, and `dt` is its dtype). Into `into`
 * the pieces are written one after the other, each as an assignment (as if
 * that piece were copied first), NumPy's PyArray_ConcatenateArrays: a piece
 * that `into` overlaps sees what the pieces before it wrote.
 */
function join(arrays: readonly NdArray[], ax: number, dt: DType, into: NdArray | null = null): NdArray {
  const shape = [...arrays[0].shape];
  shape[ax] = arrays.reduce((s, a) => s + a.shape[ax], 0);
  if (into !== null) {
    requireOpen(into);
    requireWritable(into);
  }
  // The arrays tile `out` along `ax`: every item is stored.
  const out = into ?? allocateOrdered(dt, shape, multiSortedPerm(arrays, shape.length), storesWholeItems(dt));
  let at = 0;
  for (const a of arrays) {
    const n = a.shape[ax];
    // The byte-copy kernel takes no overlap: a piece that may share bytes with `into` goes through set.
    if (n > 0 && a.size > 0 && ((into !== null && mayShareMemory(a, into)) || !copyBytes(a, out, at * out.strides[ax]))) {
      const items = shape.map((_, d) => (d === ax ? new Slice(at, at + n) : new Slice()));
      out.set(items, a);
    }
    at += n;
  }
  return out;
}

/**
 * Copies `a` into `out` at byte offset `at` past out's element 0 (same
 * strides) as bytes, by the kernel, when `a`'s items are out's (the same
 * dtype, or a plain number in the other byte order); false when they are
 * not, or the kernel does not take the layouts (nothing was written).
 */
function copyBytes(a: NdArray, out: NdArray, at: number): boolean {
  const dt = out.dtype;
  let units: number[];
  if (a.dtype.equals(dt)) units = [];
  else if (elementCode(a.dtype) >= 0 && elementCode(a.dtype) === elementCode(dt) && isSwapped(a.dtype) !== isSwapped(dt)) units = [0, dt.itemsize];
  else return false;
  return copyNative(storageOf(a), a.offset, a.strides, storageOf(out), out.offset + at, out.strides, a.shape, dt.itemsize, units);
}

/** NumPy's `stack(arrays, axis, out, dtype, casting)`: inputs of one shape joined along a new axis (default 0), into a new array or `out`. */
export function stack(arrays: readonly NdArray[], axis?: number, out?: NdArray | null, options?: Omit<JoinOptions, 'axis' | 'out'>): NdArray;
export function stack(arrays: readonly NdArray[], axis?: number | JoinOptions, options?: JoinOptions): NdArray;
export function stack(arrays: readonly NdArray[], axis?: number | JoinOptions, ...rest: unknown[]): NdArray {
  arrays = sequenceOf(arrays, 'arrays to stack must be passed as a "sequence" type such as list or tuple.');
  // NumPy's positional out after the axis (dtype and casting are keyword-only there), or the options.
  const after = positionalOptions<JoinOptions>('stack', ['out'], rest);
  const options = readKnownOptions(optionsWithValue('stack', 'axis', axis, Object.keys(after).length > 0 ? after : undefined), JOIN_OPTIONS, 'stack');
  if (arrays.length === 0) throw new ValueError('need at least one array to stack');
  checkOpen(arrays);
  const shape = arrays[0].shape;
  for (const a of arrays) {
    if (a.ndim !== shape.length || a.shape.some((n, i) => n !== shape[i])) throw new ValueError(`all input arrays must have the same shape (${pyShape(shape)} and ${pyShape(a.shape)})`);
  }
  // concatenate's axis=null (flatten first) has no meaning here: NumPy refuses it.
  if (options.axis === null) throw new TypeError('stack: axis must be an integer, got null');
  // NumPy adds the axis by indexing (expand_dims), hence its IndexError.
  if (shape.length >= MAXDIMS) throw new IndexError(`number of dimensions must be within [0, ${MAXDIMS}], indexing result would have ${shape.length + 1}`);
  const ax = normalizeAxis(options.axis ?? 0, shape.length + 1);
  commonOptionChecks('stack', options);
  const out = options.out ?? null;
  if (out instanceof ArrayClass) outShapeCheck(out, [...shape.slice(0, ax), arrays.length, ...shape.slice(ax)]);
  const dt = targetDType('stack', arrays, options);
  return intoOut(
    join(
      arrays.map((a) => a.expandDims(ax)),
      ax,
      dt,
    ),
    options,
  );
}
