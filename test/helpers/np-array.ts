// NumPy's np.array(values, dtype) for the ported NumPy tests: the library's
// array() with this helper's explicit-dtype default of int64; `shape`
// (np.array(...).reshape, or a broadcast fill) keeps the zeros().set() form.
import { array as npArray, zeros, type NdArray } from '../../lib';

/** The shape of a nested list, as np.array infers it (the first item of each level). */
export function shapeOf(v: unknown): number[] {
  return Array.isArray(v) ? [v.length, ...(v.length > 0 && Array.isArray(v[0]) ? shapeOf(v[0]) : [])] : [];
}

/** np.array(values, dtype=dt); `shape` overrides the inferred one (np.array(...).reshape). */
export function array(values: unknown, dt: string | readonly unknown[] = 'i8', shape?: number[]): NdArray {
  if (shape === undefined) return npArray(values, dt as never) as NdArray;
  const a = zeros(shape, dt as never) as NdArray;
  a.set(values as never);
  return a;
}

/** An array's values with int64 bigints as numbers, for toEqual against plain lists. */
export function vals(a: NdArray): unknown {
  const f = (v: unknown): unknown => (Array.isArray(v) ? v.map(f) : typeof v === 'bigint' ? Number(v) : v);
  return f(a.toArray());
}
