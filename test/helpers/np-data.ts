// Deterministic test data shared with NumPy: an array built in JS and the
// Python expression that rebuilds the same bytes (np.frombuffer of its hex).
import { fromBuffer } from '../../lib/create';
import type { NdArray } from '../../lib';
import { hexOf } from './np-compare';

/** An array and the Python expression giving the same dtype, shape and bytes. */
export interface Shared {
  arr: NdArray;
  py: string;
}

/** A small seeded generator (LCG), so cases are the same on every run. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `values` (numbers; NaN allowed) as an array of `dtype` and shape `shape`, with its Python twin. */
export function shared(values: readonly number[], dtype: string, shape: readonly number[]): Shared {
  const f = fromBuffer(new Float64Array(values).buffer, '<f8').reshape([...shape]);
  const arr = dtype === '<f8' ? f : f.astype(dtype);
  return { arr, py: `np.frombuffer(bytes.fromhex('${hexOf(arr)}'), dtype='${dtype}').reshape(${JSON.stringify(shape)})` };
}
