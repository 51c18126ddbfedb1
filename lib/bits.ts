/**
 * NumPy's `packbits` and `unpackbits`: bool-ish elements packed eight to a
 * uint8 along an axis (the first element in the top bit for `bitorder:
 * 'big'`, the default; in the low bit for `'little'`), and back. Built
 * from native passes, as `np.packbits`'s C loop is one: truth (`!= 0`)
 * into a zero-padded uint8 block, shifted by the bit weights and summed in
 * uint8 (the bits are disjoint, so the sum is their or); unpacking shifts
 * right and masks with 1. `axis: null` (the default) works on the
 * flattened array. `count` (unpack) keeps that many bits along the axis
 * (negative: drops from the end; past the end: pads zeros).
 * @module
 */
import { array } from './array-coerce';
import { moveaxis } from './axis-views';
import { zeros } from './create';
import { ValueError } from './errors';
import { requireArray, requireOpen } from './internal';
import { normalizeAxis } from './layout';
import type { NdArray } from './ndarray';
import { positionalOptions, readKnownOptions } from './options';
import { sum } from './reduce-axis';
import { bitwiseAnd, leftShift, rightShift } from './ufuncs/bitwise';
import { notEqual } from './ufuncs/compare';

/** Bit order: `'big'` puts the first element in the most significant bit. */
export type BitOrder = 'big' | 'little';

/** The options of {@link packbits}. */
export interface PackbitsOptions {
  /** The axis to pack along (default null: the flattened array). */
  axis?: number | null;
  /** `'big'` (default) or `'little'`. */
  bitorder?: BitOrder;
}

/** The options of {@link unpackbits}. */
export interface UnpackbitsOptions extends PackbitsOptions {
  /** How many bits to keep along the axis (default: all 8 per byte). */
  count?: number | null;
}

function weights(order: unknown): NdArray {
  if (typeof order !== 'string') throw new TypeError(`bitorder must be 'big' or 'little', got ${typeof order}`);
  if (order !== 'big' && order !== 'little') throw new ValueError("'order' must be either 'little' or 'big'");
  return array(order === 'big' ? [7, 6, 5, 4, 3, 2, 1, 0] : [0, 1, 2, 3, 4, 5, 6, 7], 'u1');
}

/**
 * NumPy's `np.packbits(a)`: the truth of each element packed eight to a
 * uint8 along `axis` (padded with zero bits), a new array.
 */
export function packbits(a: NdArray, axis?: number | PackbitsOptions | null, bitorder?: BitOrder | PackbitsOptions | null, options?: PackbitsOptions): NdArray;
export function packbits(a: NdArray, options?: PackbitsOptions): NdArray;
export function packbits(a: NdArray, ...rest: unknown[]): NdArray {
  // NumPy's positional axis and bitorder (packbits(a, 0, 'little')), or the options.
  const o = readKnownOptions(positionalOptions<PackbitsOptions>('packbits', ['axis', 'bitorder'], rest), ['axis', 'bitorder'], 'packbits');
  requireArray(a, 'packbits', 'a');
  requireOpen(a);
  const k = a.dtype.kind;
  if (k !== 'b' && k !== 'i' && k !== 'u') throw new TypeError('Expected an input array of integer or boolean data type');
  const w = weights(o.bitorder ?? 'big');
  const flat = o.axis === undefined || o.axis === null;
  const src = flat ? a.ravel() : a;
  const ax = flat ? 0 : normalizeAxis(o.axis as number, a.ndim);
  const truth = moveaxis(notEqual(src, 0), ax, -1);
  const n = truth.shape[truth.ndim - 1];
  const m = Math.ceil(n / 8);
  const lead = truth.shape.slice(0, -1);
  const block = zeros([...lead, m * 8], 'u1');
  if (n > 0) block.index(`..., :${n}`).set(truth as never);
  const packed = sum(leftShift(block.reshape([...lead, m, 8]), w), { axis: -1, dtype: 'u1' });
  // NumPy allocates the result Fortran-ordered for an F-ordered (not C-ordered) input.
  return moveaxis(packed, -1, ax).copy(fortranInput(a, flat) ? 'F' : 'C');
}

/**
 * NumPy's `np.unpackbits(a)`: each uint8 as eight 0/1 uint8 elements
 * along `axis`, cut or padded to `count`, a new array.
 */
export function unpackbits(a: NdArray, axis?: number | UnpackbitsOptions | null, count?: number | UnpackbitsOptions | null, bitorder?: BitOrder | UnpackbitsOptions | null, options?: UnpackbitsOptions): NdArray;
export function unpackbits(a: NdArray, options?: UnpackbitsOptions): NdArray;
export function unpackbits(a: NdArray, ...rest: unknown[]): NdArray {
  // NumPy's positional axis, count and bitorder, or the options.
  const o = readKnownOptions(positionalOptions<UnpackbitsOptions>('unpackbits', ['axis', 'count', 'bitorder'], rest), ['axis', 'bitorder', 'count'], 'unpackbits');
  requireArray(a, 'unpackbits', 'a');
  requireOpen(a);
  if (a.dtype.kind !== 'u' || a.itemsize !== 1) throw new TypeError('Expected an input array of unsigned byte data type');
  const w = weights(o.bitorder ?? 'big');
  const count = o.count ?? null;
  if (count !== null && !Number.isInteger(count)) throw new TypeError(`'${typeof count}' object cannot be interpreted as an integer`);
  const flat = o.axis === undefined || o.axis === null;
  const src = flat ? a.ravel() : a;
  const ax = flat ? 0 : normalizeAxis(o.axis as number, a.ndim);
  const moved = moveaxis(src, ax, -1);
  const n = moved.shape[moved.ndim - 1];
  const lead = moved.shape.slice(0, -1);
  const bits = bitwiseAnd(rightShift(moved.reshape([...lead, n, 1]), w), 1).reshape([...lead, n * 8]);
  let keep = n * 8;
  if (count !== null) {
    keep = count >= 0 ? count : n * 8 + count;
    if (keep < 0) throw new ValueError('-count larger than number of elements');
  }
  let out: NdArray;
  if (keep <= n * 8) {
    out = bits.index(`..., :${keep}`);
  } else {
    out = zeros([...lead, keep], 'u1');
    out.index(`..., :${n * 8}`).set(bits as never);
  }
  return moveaxis(out, -1, ax).copy(fortranInput(a, flat) ? 'F' : 'C');
}

/** NumPy's PyArray_ISFORTRAN of the input along an axis (F-contiguous, not C-contiguous): the result's order then. */
function fortranInput(a: NdArray, flat: boolean): boolean {
  return !flat && a.flags.fContiguous && !a.flags.cContiguous;
}

