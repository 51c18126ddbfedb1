/**
 * NumPy's `ndindex` and `ndenumerate` as JS iterators: every index of a
 * shape in C order (the last axis fastest), and every element of an array
 * with its index. An index is a fresh `number[]` each step (NumPy's tuple),
 * so a caller may keep it; a 0-d shape has one index, `[]`; a shape with a
 * 0 axis has none.
 * @module
 */
import type { NdArray } from './ndarray';
import { checkShape } from './layout';
import { requireArray, requireOpen } from './internal';

/** The shape argument of ndindex: `ndindex(2, 3)` or `ndindex([2, 3])`, as NumPy's. */
function shapeArg(args: readonly (number | readonly number[])[]): number[] {
  if (args.length === 1 && typeof args[0] !== 'number') return checkShape(args[0] as readonly number[]);
  return checkShape(args as readonly number[]);
}

/** Every index of `shape` in C order (checked before the first step). */
function* indicesOf(shape: readonly number[]): Generator<number[], void, undefined> {
  const n = shape.length;
  if (shape.some((d) => d === 0)) return;
  const idx = new Array<number>(n).fill(0);
  for (;;) {
    yield idx.slice();
    let k = n - 1;
    while (k >= 0 && ++idx[k] === shape[k]) idx[k--] = 0;
    if (k < 0) return;
  }
}

/**
 * NumPy's `np.ndindex(*shape)`: an iterator over every index of `shape`
 * in C order, each an array of numbers. The shape may be given as
 * arguments or as one array.
 * @example [...ndindex(2, 2)] // [[0, 0], [0, 1], [1, 0], [1, 1]]
 * @throws TypeError for an entry that is not an integer; ValueError for a negative one (at the call, not the first step).
 */
export function ndindex(...shape: number[]): IterableIterator<number[]>;
export function ndindex(shape: readonly number[]): IterableIterator<number[]>;
export function ndindex(...args: (number | readonly number[])[]): IterableIterator<number[]> {
  return indicesOf(shapeArg(args));
}

/**
 * NumPy's `np.ndenumerate(a)`: an iterator of `[index, value]` pairs over
 * every element of `a` in C order, whatever its memory layout; the value
 * as `a.get(...index)` reads it.
 * @example for (const [[i, j], v] of ndenumerate(a)) ...
 * @throws TypeError when `a` is not an NdArray.
 */
export function ndenumerate<T>(a: NdArray<T>): IterableIterator<[number[], T]> {
  requireArray(a, 'ndenumerate', 'a');
  requireOpen(a);
  return pairsOf(a);
}

function* pairsOf<T>(a: NdArray<T>): Generator<[number[], T], void, undefined> {
  for (const idx of indicesOf(a.shape)) yield [idx, a.get(...idx)];
}
