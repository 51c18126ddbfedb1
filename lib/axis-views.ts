/**
 * Module-level forms of the axis-rearranging views, as NumPy's free
 * functions: `flip`, `fliplr`, `flipud`, `rot90`, `moveaxis`, `swapaxes`,
 * `squeeze`, `expandDims` and `ravel`. Each is the array method's code (or
 * NumPy's composition of them), so the result is a view of `a`'s memory
 * (over a memmap: of the file) wherever NumPy's is; only `ravel` of an
 * array not contiguous in the order asked copies, as NumPy.
 * @module
 */
import type { NdArray } from './ndarray';
import type { Order } from './order';
import { AxisError, ValueError, describeValue } from './errors';
import { Slice } from './indexing';
import { isArray, requireOpen } from './internal';
import { asarray } from './array-coerce';
import { MAXDIMS, normalizeAxis } from './layout';

/** NumPy's `flip(m, axis=None)`: {@link NdArray.flip}, a view reversed along `axis` (every axis by default; a nested list `m` is converted first). */
export function flip<A extends NdArray>(m: A, axis?: number | readonly number[] | null): A;
export function flip(m: readonly unknown[], axis?: number | readonly number[] | null): NdArray;
export function flip(m: NdArray | readonly unknown[], axis?: number | readonly number[] | null): NdArray {
  return fromList(m).flip(axis);
}

/** NumPy's `fliplr(m)`: `m[:, ::-1]`, a view with the columns (axis 1) reversed (a nested list `m` is converted first, a new array). */
export function fliplr<A extends NdArray>(m: A): A;
export function fliplr(m: readonly unknown[]): NdArray;
export function fliplr(given: NdArray | readonly unknown[]): NdArray {
  const m = fromList(given);
  requireOpen(m);
  if (m.ndim < 2) throw new ValueError('Input must be >= 2-d.');
  return m.index(new Slice(), new Slice(null, null, -1));
}

/** A nested JS list (or a number) as an array, NumPy's array_like argument; an NdArray as given. */
function fromList(m: NdArray | readonly unknown[]): NdArray {
  return isArray(m) ? m : asarray(m as readonly unknown[]);
}

/** NumPy's `flipud(m)`: `m[::-1, ...]`, a view with the rows (axis 0) reversed (a nested list `m` is converted first). */
export function flipud<A extends NdArray>(m: A): A;
export function flipud(m: readonly unknown[]): NdArray;
export function flipud(given: NdArray | readonly unknown[]): NdArray {
  const m = fromList(given);
  requireOpen(m);
  if (m.ndim < 1) throw new ValueError('Input must be >= 1-d.');
  return m.index(new Slice(null, null, -1));
}

/** NumPy's `swapaxes(a, axis1, axis2)`: {@link NdArray.swapaxes}, a view (a nested list `a` is converted first). */
export function swapaxes<A extends NdArray>(a: A, axis1: number, axis2: number): A;
export function swapaxes(a: readonly unknown[], axis1: number, axis2: number): NdArray;
export function swapaxes(a: NdArray | readonly unknown[], axis1: number, axis2: number): NdArray {
  return fromList(a).swapaxes(axis1, axis2);
}

/** NumPy's `squeeze(a, axis=None)`: {@link NdArray.squeeze}, a view without length-1 axes (a nested list `a` is converted first). */
export function squeeze<A extends NdArray>(a: A, axis?: number | readonly number[] | null | { axis?: number | readonly number[] | null }): A;
export function squeeze(a: readonly unknown[], axis?: number | readonly number[] | null | { axis?: number | readonly number[] | null }): NdArray;
export function squeeze(a: NdArray | readonly unknown[], axis?: number | readonly number[] | null | { axis?: number | readonly number[] | null }): NdArray {
  return fromList(a).squeeze(axis);
}

/** NumPy's `expand_dims(a, axis)`: {@link NdArray.expandDims}, a view with length-1 axes inserted (a nested list `a` is converted first). */
export function expandDims<A extends NdArray>(a: A, axis: number | readonly number[]): A;
export function expandDims(a: readonly unknown[], axis: number | readonly number[]): NdArray;
export function expandDims(a: NdArray | readonly unknown[], axis: number | readonly number[]): NdArray {
  return fromList(a).expandDims(axis);
}

/** NumPy's `ravel(a, order='C')`: {@link NdArray.ravel}, a 1-d view when `a` is contiguous in `order`, else a copy (a nested list `a` is converted first). */
export function ravel<A extends NdArray>(a: A, order?: Order): A;
export function ravel(a: readonly unknown[], order?: Order): NdArray;
export function ravel(a: NdArray | readonly unknown[], order: Order = 'C'): NdArray {
  return fromList(a).ravel(order);
}

/** NumPy's normalize_axis_tuple(axes, ndim, argname): AxisError prefixed with the argument's name, duplicates refused. */
function axesArg(axes: number | readonly number[], ndim: number, name: string): number[] {
  const list: readonly number[] = typeof axes === 'number' ? [axes] : axes;
  if (!Array.isArray(list)) throw new TypeError(`${name} must be an integer or a list of integers, got ${describeValue(list)}`);
  // More axes than any array has repeat one (layout.ts normalizeAxes' rule):
  // refused before the list is read, which [...axes] did for a sparse list
  // of length 2^32-1 until V8 aborted (heap out of memory).
  if (list.length > MAXDIMS) throw new ValueError(`repeated axis in \`${name}\` argument`);
  const out = Array.from({ length: list.length }, (_, i) => list[i]).map((ax) => {
    try {
      return normalizeAxis(ax, ndim);
    } catch (e) {
      if (e instanceof AxisError) throw new AxisError(`${name}: ${e.message}`);
      throw e;
    }
  });
  if (new Set(out).size !== out.length) throw new ValueError(`repeated axis in \`${name}\` argument`);
  return out;
}

/**
 * NumPy's `moveaxis(a, source, destination)`: a view with the axes in
 * `source` moved to the positions in `destination` (the other axes keep
 * their order).
 *
 * @example
 * moveaxis(zeros([3, 4, 5]), 0, -1).shape; // [4, 5, 3]
 * @throws AxisError (`source: axis 3 is out of bounds ...`), ValueError for repeated axes or lists of different lengths.
 */
export function moveaxis<A extends NdArray>(a: A, source: number | readonly number[], destination: number | readonly number[]): A {
  requireOpen(a);
  const src = axesArg(source, a.ndim, 'source');
  const dst = axesArg(destination, a.ndim, 'destination');
  if (src.length !== dst.length) throw new ValueError('`source` and `destination` arguments must have the same number of elements');
  const order = [...Array(a.ndim).keys()].filter((n) => !src.includes(n));
  const pairs = dst.map((d, i) => [d, src[i]] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (const [d, s] of pairs) order.splice(d, 0, s);
  return a.transpose(order);
}

/**
 * NumPy's `rot90(m, k=1, axes=(0, 1))`: a view rotated by 90 degrees `k`
 * times in the plane of `axes`, from the first axis towards the second.
 *
 * @example
 * rot90(asarray([[1, 2], [3, 4]])).toArray(); // [[2, 4], [1, 3]]
 * @throws ValueError `Axes must be different.`, `len(axes) must be 2.`, `Axes=(0, 3) out of range for array of ndim=2.`
 */
export function rot90<A extends NdArray>(m: A, k?: number, axes?: readonly [number, number] | readonly number[]): A;
export function rot90(m: readonly unknown[], k?: number, axes?: readonly [number, number] | readonly number[]): NdArray;
export function rot90(given: NdArray | readonly unknown[], k = 1, axes: readonly [number, number] | readonly number[] = [0, 1]): NdArray {
  const m = fromList(given);
  requireOpen(m);
  if (!Number.isInteger(k)) throw new TypeError(`k must be an integer, got ${String(k)}`);
  if (axes.length !== 2) throw new ValueError('len(axes) must be 2.');
  const [a0, a1] = axes;
  const nd = m.ndim;
  if (a0 === a1 || Math.abs(a0 - a1) === nd) throw new ValueError('Axes must be different.');
  if (a0 >= nd || a0 < -nd || a1 >= nd || a1 < -nd) throw new ValueError(`Axes=(${a0}, ${a1}) out of range for array of ndim=${nd}.`);
  const turns = ((k % 4) + 4) % 4;
  if (turns === 0) return m.index(new Slice());
  if (turns === 2) return m.flip(a0).flip(a1);
  const perm = [...Array(nd).keys()];
  const i0 = a0 < 0 ? a0 + nd : a0;
  const i1 = a1 < 0 ? a1 + nd : a1;
  [perm[i0], perm[i1]] = [perm[i1], perm[i0]];
  return turns === 1 ? m.flip(a1).transpose(perm) : m.transpose(perm).flip(a1);
}
