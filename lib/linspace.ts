/**
 * NumPy's `linspace`, bit for bit: the samples are computed in float64 (or
 * complex128 for a complex end point) exactly as numpy/_core/function_base.py
 * does — `step = (stop - start) / div`, sample `i` is `i * step + start`
 * (`(i / div) * delta + start` when the step underflows to 0, gh-5437),
 * the last one set to `stop` when `endpoint` — then floored for an integer
 * dtype and cast (unsafe) to the dtype asked.
 * @module
 */
import { dtype as toDType, type DTypeLike } from './dtype';
import { AxisError, ValueError, repr } from './errors';
import { allocate, storageOf } from './internal';
import type { NdArray } from './ndarray';
import { copyAs } from './copy';
import { sizedFlexible } from './cast';
import { positionalOptions, readKnownOptions } from './options';
import type { Complex, ValueOf } from './value-types';
import { isSpaceArray, linspaceArrays, type SpaceArray } from './linspace-array';

/** Options of {@link linspace}. */
export interface LinspaceOptions<D extends DTypeLike = DTypeLike> {
  /** Include `stop` as the last sample (default `true`). */
  endpoint?: boolean;
  /** Also return the spacing: the result is `[samples, step]` (NaN when fewer than two intervals). */
  retstep?: boolean;
  /** The result's dtype (default float64, complex128 for a complex end point); integer dtypes floor the samples first. */
  dtype?: D;
  /** Where the samples go in the result: 0 or -1 for the 1-d result of scalar end points; any axis of the result for array ones. */
  axis?: number;
}


function parts(v: unknown, what: string): [number, number, boolean] {
  if (typeof v === 'number') return [v, 0, false];
  if (typeof v === 'bigint') return [Number(v), 0, false];
  if (typeof v === 'boolean') return [v ? 1 : 0, 0, false];
  if (v !== null && typeof v === 'object' && typeof (v as Complex).re === 'number' && typeof (v as Complex).im === 'number') {
    return [(v as Complex).re, (v as Complex).im, true];
  }
  throw new TypeError(`linspace: ${what} must be a number, bigint, boolean or { re, im }, got ${repr(v)}`);
}

/** NumPy's complex division by a real (as a complex with 0 imaginary part): Smith's method with ratio 0. */
function cdivReal(re: number, im: number, d: number): [number, number] {
  const scl = 1.0 / (d + 0 * 0);
  return [(re + im * 0) * scl, (im - re * 0) * scl];
}

/**
 * NumPy's `linspace(start, stop, num=50)`: `num` evenly spaced samples over
 * `[start, stop]` (or `[start, stop)` without `endpoint`), with NumPy's exact
 * float64 values. With `retstep: true` the result is `[samples, step]`.
 * Array end points (NdArrays or lists) broadcast: the result has shape
 * `(num, ...broadcast shape)` with the samples along `axis`, in the end
 * points' inexact dtype (float32 stays float32), and `step` is an array.
 * @throws ValueError for a negative `num`; TypeError for a non-integer one; AxisError for an axis other than 0 or -1
 */
export function linspace(start: SpaceArray | number | bigint | boolean | Complex, stop: SpaceArray | number | bigint | boolean | Complex, num: number, endpoint: boolean | null | undefined, retstep: true, dtype?: DTypeLike | null, axis?: number): [NdArray, NdArray | number | Complex];
export function linspace(start: SpaceArray | number | bigint | boolean | Complex, stop: SpaceArray | number | bigint | boolean | Complex, num: number, endpoint: boolean | null | undefined, retstep?: false | null, dtype?: DTypeLike | null, axis?: number): NdArray;
export function linspace<const D extends DTypeLike = 'f8'>(start: number | bigint | boolean | Complex, stop: number | bigint | boolean | Complex, num?: number, options?: LinspaceOptions<D> & { retstep?: false }): NdArray<ValueOf<D>>;
export function linspace<const D extends DTypeLike = 'f8'>(start: number | bigint | boolean, stop: number | bigint | boolean, num: number, options: LinspaceOptions<D> & { retstep: true }): [NdArray<ValueOf<D>>, number];
export function linspace<const D extends DTypeLike = 'c16'>(start: number | bigint | boolean | Complex, stop: number | bigint | boolean | Complex, num: number, options: LinspaceOptions<D> & { retstep: true }): [NdArray<ValueOf<D>>, number | Complex];
export function linspace(start: SpaceArray | number | bigint | boolean | Complex, stop: SpaceArray | number | bigint | boolean | Complex, num?: number, options?: LinspaceOptions & { retstep?: false }): NdArray;
export function linspace(start: SpaceArray | number | bigint | boolean | Complex, stop: SpaceArray | number | bigint | boolean | Complex, num: number, options: LinspaceOptions & { retstep: true }): [NdArray, NdArray | number];
export function linspace(start: SpaceArray | number | bigint | boolean | Complex, stop: SpaceArray | number | bigint | boolean | Complex, num = 50, ...rest: unknown[]): NdArray | [NdArray, NdArray | number | Complex] {
  // NumPy's positional endpoint, retstep, dtype and axis, or the options.
  const o = readKnownOptions(positionalOptions<LinspaceOptions>('linspace', ['endpoint', 'retstep', 'dtype', 'axis'], rest), ['endpoint', 'retstep', 'dtype', 'axis'], 'linspace');
  if (isSpaceArray(start) || isSpaceArray(stop)) {
    // Array end points: NumPy's broadcasting path, step by step with ufuncs (lib/linspace-array.ts).
    const r = linspaceArrays(start, stop, num, o.endpoint ?? true, o.axis ?? 0, o.dtype);
    return o.retstep === true ? [r.y, r.step] : r.y;
  }
  if (typeof num !== 'number' || !Number.isSafeInteger(num)) throw new TypeError(`'${typeof num === 'number' ? 'float' : typeof num}' object cannot be interpreted as an integer (linspace num ${repr(num)})`);
  if (num < 0) throw new ValueError(`Number of samples, ${num}, must be non-negative.`);
  const endpoint = o.endpoint ?? true;
  const axis = o.axis ?? 0;
  if (axis !== 0 && axis !== -1) throw new AxisError(`destination: axis ${repr(axis)} is out of bounds for array of dimension 1`);
  const [sr, si, sc] = parts(start, 'start');
  const [er, ei, ec] = parts(stop, 'stop');
  const complex = sc || ec;
  const div = endpoint ? num - 1 : num;
  const calc = toDType(complex ? '<c16' : '<f8');
  const out = allocate(calc, [num]);
  const view = storageOf(out).single!.view;
  const dr = er - sr;
  const di = ei - si;
  let step: number | Complex;
  if (!complex) {
    const st = div > 0 ? dr / div : NaN;
    step = st;
    for (let i = 0; i < num; i++) {
      const y = div > 0 ? (st === 0 ? (i / div) * dr : i * st) : i * dr;
      view.setFloat64(i * 8, y + sr, true);
    }
    if (endpoint && num > 1) view.setFloat64((num - 1) * 8, er, true);
  } else {
    let str = NaN;
    let sti = NaN;
    if (div > 0) [str, sti] = cdivReal(dr, di, div);
    step = { re: str, im: sti };
    const zero = div > 0 && str === 0 && sti === 0;
    for (let i = 0; i < num; i++) {
      // y (i + 0j) times a complex c: (i*c.re - 0*c.im, i*c.im + 0*c.re)
      let yr: number;
      let yi: number;
      if (div > 0 && zero) {
        const [qr, qi] = cdivReal(i, 0, div);
        yr = qr * dr - qi * di;
        yi = qr * di + qi * dr;
      } else {
        const [cr, ci] = div > 0 ? [str, sti] : [dr, di];
        yr = i * cr - 0 * ci;
        yi = i * ci + 0 * cr;
      }
      view.setFloat64(i * 16, yr + sr, true);
      view.setFloat64(i * 16 + 8, yi + si, true);
    }
    if (endpoint && num > 1) {
      view.setFloat64((num - 1) * 16, er, true);
      view.setFloat64((num - 1) * 16 + 8, ei, true);
    }
  }
  let result: NdArray = out;
  if (o.dtype !== undefined && o.dtype !== null) {
    // An unsized 'S'/'U' (S0) is sized for float64 items as astype sizes it (NumPy: S32).
    const dt = sizedFlexible(calc, toDType(o.dtype));
    if ((dt.kind === 'i' || dt.kind === 'u') && !complex) {
      for (let i = 0; i < num; i++) view.setFloat64(i * 8, Math.floor(view.getFloat64(i * 8, true)), true);
    }
    if (!dt.equals(calc)) result = copyAs(out, dt, 'K');
  }
  // NumPy's step is a float64 (complex128) scalar; a complex one is given as { re, im }.
  return o.retstep === true ? [result, step] : result;
}
