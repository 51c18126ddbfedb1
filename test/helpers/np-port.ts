// Helpers shared by the ported NumPy tests (test/numpy-ported/*): NumPy's
// `np.array(v, dtype)` and a comparable plain value of an array.
import type { NdArray } from '../../lib';
import { array as asArray } from '../../lib/array-coerce';

/** `np.array(v, dtype)`: nested lists (or an array) as a new array; dtype inferred when absent. */
export const arr = (v: unknown, dt?: string): NdArray => asArray(v, dt ?? null);

/** Nested lists with every bigint as a number (int64 items compare with NumPy's Python ints). */
export function plain(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'bigint') return Number(v);
  return v;
}

/** The values of `a` as nested lists of numbers (see {@link plain}). */
export const vals = (a: NdArray): unknown => plain(a.toArray());
