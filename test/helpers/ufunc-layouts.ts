import { DType, dtype, ndarray, NdArray } from '../../lib';
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

/**
 * A random view of `shape`: steps 1, 2, -1 or -3 (maybe flipped) over a base
 * of `count` items whose bytes `fill(d, count)` gives, maybe one byte off
 * alignment.
 */
export function randomStepLayout(
  r: () => number,
  shape: number[],
  dt: string,
  fill: (d: DType, count: number) => Uint8Array,
): Layout {
  const d = dtype(dt);
  const steps = shape.map(() => [1, 1, 2, -1, -3][Math.floor(r() * 5)]);
  const count = shape.reduce((x, n, i) => x * Math.max(1, n * Math.abs(steps[i])), 1);
  const bytes = fill(d, count);
  return { dtype: dt, shape, steps, shift: r() < 0.3 ? 1 : 0, bytes };
}

/**
 * Random bytes for `count` items of `d`: bools 0 or 1; half the integers small
 * (below `smallBelow`: zeros, equal pairs, in-range shift counts); floats keep
 * random bits (NaN, inf, subnormals, -0).
 */
export function randomItemBytes(r: () => number, d: DType, count: number, smallBelow: number): Uint8Array {
  const nbytes = count * d.itemsize;
  const bytes = new Uint8Array(nbytes);
  for (let i = 0; i < nbytes; i++) bytes[i] = Math.floor(r() * 256);
  if (d.kind === 'b') for (let i = 0; i < nbytes; i++) bytes[i] &= 1;
  if (d.kind === 'i' || d.kind === 'u') {
    for (let i = 0; i < nbytes; i += d.itemsize) {
      if (r() < 0.5) {
        bytes.fill(0, i, i + d.itemsize);
        bytes[d.byteorder === '>' ? i + d.itemsize - 1 : i] = Math.floor(r() * smallBelow);
      }
    }
  }
  return bytes;
}

/** A result as plain data for toEqual: dtype, shape and values, or the error's name and message. */
export function resultValues(x: NdArray | Error): unknown {
  if (x instanceof Error) return `${x.name}: ${x.message}`;
  return { dtype: x.dtype.str, shape: x.shape, values: x.toArray() };
}

/** One random ufunc call, rebuilt on every run so each path starts from the same data. */
export interface RandomCall {
  fn: (...x: unknown[]) => NdArray;
  /** Fresh arguments. */
  args: () => unknown[];
  /**
   * In [0, 1): below `cuts[0]` the call writes into out=, below `cuts[1]` into
   * out= under where=, below `cuts[2]` in place into its first argument;
   * otherwise it returns a new array.
   */
  mode: number;
  cuts: [number, number, number];
  /** The out= layout, given the dtype of the call's plain result. */
  out: (plain: DType) => Layout;
  /** The where= layout. */
  where: () => Layout;
}

/** The call `c` describes, as a function that makes its arguments afresh and returns its result. */
export function randomCallRun(c: RandomCall): () => NdArray {
  return () => {
    const args = c.args();
    if (c.mode < c.cuts[1]) {
      const plain = c.fn(...args);
      const out = buildLayout(c.out(plain.dtype));
      c.fn(...args, c.mode < c.cuts[0] ? { out } : { out, where: buildLayout(c.where()) });
      return out;
    }
    if (c.mode < c.cuts[2]) {
      c.fn(...args, { out: args[0] });
      return args[0] as NdArray;
    }
    return c.fn(...args);
  };
}

/**
 * `run` on the JS loops (the reference), then as dispatched: whether the
 * native kernel ran and the reference result; `label` goes to `failures`
 * when `check(got, want)` throws (by default, unless their resultValues are
 * equal).
 */
export function compareToReference(
  run: () => NdArray,
  label: string,
  failures: string[],
  check: (got: NdArray | Error, want: NdArray | Error) => void = (got, want) => expect(resultValues(got)).toEqual(resultValues(want)),
): { native: boolean; want: NdArray | Error } {
  const want = jsReference(run);
  const got = countUfuncCalls(run);
  try {
    check(got.value, want);
  } catch {
    failures.push(label);
  }
  return { native: got.calls > 0, want };
}
