/**
 * NumPy's stacking helpers over {@link concatenate}: `atleast1d`/`atleast2d`/
 * `atleast3d` (views that add length-1 axes, as NumPy's `atleast_*d`) and
 * `hstack`, `vstack`, `dstack`, `columnStack` (new arrays). Each is NumPy
 * 2.4's Python code step for step, so dtypes, layouts and errors are
 * concatenate's. Inputs that are not arrays go through {@link asarray}
 * (NumPy's `asanyarray`: an NdArray, subclasses included, is used as is).
 * @module
 */
import type { NdArray } from './ndarray';
import { asarray } from './array-coerce';
import { checkRowViews } from './errors';
import { NdArray as ArrayClass } from './internal';
import { concatenate, type JoinOptions } from './join';
import { newaxis, Slice } from './indexing';
import { readKnownOptions } from './options';

/** An array, or anything {@link asarray} takes (a number, a nested list). */
export type ArrayInput = NdArray | unknown;

/** Options of {@link hstack} and {@link vstack}: NumPy's keyword-only `dtype` and `casting`. */
export type StackOptions = Pick<JoinOptions, 'dtype' | 'casting'>;

const SEQUENCE = 'arrays to stack must be passed as a "sequence" type such as list or tuple.';

/** `x` itself when an NdArray, else `asarray(x)` (NumPy's `asanyarray`). */
export function asAnyArray(x: unknown): NdArray {
  return x instanceof ArrayClass ? (x as NdArray) : asarray(x);
}

function oneOrMany(arrays: NdArray[]): NdArray | NdArray[] {
  return arrays.length === 1 ? arrays[0] : arrays;
}

function to1d(a: NdArray): NdArray {
  return a.ndim === 0 ? a.reshape(1) : a;
}

function to2d(a: NdArray): NdArray {
  if (a.ndim === 0) return a.reshape(1, 1);
  if (a.ndim === 1) return a.index(newaxis, new Slice());
  return a;
}

function to3d(a: NdArray): NdArray {
  if (a.ndim === 0) return a.reshape(1, 1, 1);
  if (a.ndim === 1) return a.index(newaxis, new Slice(), newaxis);
  if (a.ndim === 2) return a.index(new Slice(), new Slice(), newaxis);
  return a;
}

/**
 * NumPy's `atleast_1d(*arys)`: each input with at least one axis. A 0-d
 * array becomes a shape-[1] view; other arrays are returned themselves. One
 * input gives one array, several give a list (as NumPy's tuple).
 *
 * @example
 * atleast1d(asarray(5)).shape; // [1]
 */
export function atleast1d(a: ArrayInput): NdArray;
export function atleast1d(...arrays: ArrayInput[]): NdArray | NdArray[];
export function atleast1d(...arrays: ArrayInput[]): NdArray | NdArray[] {
  return oneOrMany(arrays.map((x) => to1d(asAnyArray(x))));
}

/**
 * NumPy's `atleast_2d(*arys)`: each input with at least two axes, a view: a
 * 0-d array as shape [1, 1], a 1-d array of length N as [1, N] (stride 0 on
 * the new axis, as NumPy's `a[np.newaxis, :]`).
 */
export function atleast2d(a: ArrayInput): NdArray;
export function atleast2d(...arrays: ArrayInput[]): NdArray | NdArray[];
export function atleast2d(...arrays: ArrayInput[]): NdArray | NdArray[] {
  return oneOrMany(arrays.map((x) => to2d(asAnyArray(x))));
}

/**
 * NumPy's `atleast_3d(*arys)`: each input with at least three axes, a view:
 * 0-d as [1, 1, 1], shape [N] as [1, N, 1], shape [M, N] as [M, N, 1].
 */
export function atleast3d(a: ArrayInput): NdArray;
export function atleast3d(...arrays: ArrayInput[]): NdArray | NdArray[];
export function atleast3d(...arrays: ArrayInput[]): NdArray | NdArray[] {
  return oneOrMany(arrays.map((x) => to3d(asAnyArray(x))));
}

/** The caller's sequence of arrays, read once; NumPy's TypeError for anything else. */
function arraysOf(tup: unknown): NdArray[] {
  if (tup instanceof ArrayClass) {
    // NumPy iterates an array given here: its sub-arrays along axis 0 (a 0-d one is its TypeError).
    const a = tup as NdArray;
    if (a.ndim === 0) throw new TypeError('iteration over a 0-d array');
    checkRowViews(a.shape[0], 'hstack/vstack/dstack/columnStack');
    return Array.from({ length: a.shape[0] }, (_, i) => a.index(i));
  }
  // NumPy wants a sequence (__getitem__): a generator or a Set is its TypeError too.
  if (!Array.isArray(tup)) throw new TypeError(SEQUENCE);
  // Every index read (a hole is undefined, refused at once): map skips holes, so
  // a sparse list of length 2^32-1 kept its length through every step (10 minutes
  // here) and ended in a TypeError with no message of ours.
  const out: NdArray[] = [];
  for (let i = 0; i < tup.length; i++) out.push(asAnyArray(tup[i]));
  return out;
}

function stackOptions(options: StackOptions, name: string): JoinOptions {
  const o = readKnownOptions(options, ['dtype', 'casting'], name);
  return { dtype: o.dtype, casting: o.casting };
}

/**
 * NumPy's `hstack(tup, *, dtype, casting)`: the inputs (made at least 1-d)
 * joined along axis 1, or along axis 0 when the first is 1-d. A new array
 * (concatenate's layout and dtype rules).
 *
 * @example
 * hstack([asarray([1, 2]), asarray([3])]).toArray(); // [1, 2, 3]
 * @throws ValueError as concatenate (`need at least one array to concatenate`, mismatched dimensions).
 */
export function hstack(tup: readonly ArrayInput[] | NdArray, options: StackOptions = {}): NdArray {
  const o = stackOptions(options, 'hstack');
  const arrs = arraysOf(tup).map(to1d);
  return concatenate(arrs, { ...o, axis: arrs.length > 0 && arrs[0].ndim === 1 ? 0 : 1 });
}

/**
 * NumPy's `vstack(tup, *, dtype, casting)`: the inputs (made at least 2-d,
 * a 1-d one as a row) joined along axis 0. A new array.
 */
export function vstack(tup: readonly ArrayInput[] | NdArray, options: StackOptions = {}): NdArray {
  const o = stackOptions(options, 'vstack');
  return concatenate(arraysOf(tup).map(to2d), { ...o, axis: 0 });
}

/** NumPy's `dstack(tup)`: the inputs (made at least 3-d) joined along axis 2. A new array. */
export function dstack(tup: readonly ArrayInput[] | NdArray): NdArray {
  return concatenate(arraysOf(tup).map(to3d), { axis: 2 });
}

/**
 * NumPy's `column_stack(tup)`: 1-d inputs as columns (0-d ones as 1x1), 2-d
 * and higher as they are, joined along axis 1. A new array.
 */
export function columnStack(tup: readonly ArrayInput[] | NdArray): NdArray {
  // NumPy: np.array(arr, copy=None, ndmin=2).T, i.e. a leading axis added, then every axis reversed.
  const arrs = arraysOf(tup).map((a) => (a.ndim < 2 ? (a.ndim === 0 ? a.reshape(1, 1) : a.index(newaxis, new Slice())).transpose() : a));
  return concatenate(arrs, { axis: 1 });
}
