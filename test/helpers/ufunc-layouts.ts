import { dtype, ndarray, NdArray } from '../../lib';
import * as native from '../../lib/native';
import { jsPath } from './kernels';

/** How to build a view: a random base (maybe one byte off alignment) and steps. */
export interface Layout {
  dtype: string;
  shape: number[];
  steps: number[];
  shift: number;
  bytes: Uint8Array;
}

/** A fresh array of the layout (its own copy of the bytes, so each path starts from the same data). */
export function buildLayout(l: Layout): NdArray {
  const d = dtype(l.dtype);
  const buf = new Uint8Array(l.bytes.length + l.shift);
  buf.set(l.bytes, l.shift);
  const baseShape = l.shape.map((n, i) => Math.max(1, n * Math.abs(l.steps[i])));
  const base = ndarray(baseShape, d, buf.subarray(l.shift));
  if (l.shape.length === 0) return base;
  const v = base.index(l.steps.map((s) => `::${s}`).join(','));
  // Trim to the wanted shape (a step of 3 over 3n items gives n).
  return v.index(l.shape.map((n) => `:${n}`).join(','));
}

/** `fn`'s result (or the error it threw) and how many times it called the native ufunc kernel. */
export function countUfuncCalls<T>(fn: () => T): { value: T | Error; calls: number } {
  const spy = jest.spyOn(native, 'kernelUfunc');
  try {
    let value: T | Error;
    try {
      value = fn();
    } catch (e) {
      value = e as Error;
    }
    return { value, calls: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

/** `fn`'s result (or the error it threw) on the JS loops, the native kernels off. */
export function jsReference<T>(fn: () => T): T | Error {
  try {
    return jsPath(fn);
  } catch (e) {
    return e as Error;
  }
}
