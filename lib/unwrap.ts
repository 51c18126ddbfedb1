/**
 * NumPy's `np.unwrap(p, discont=None, axis=-1, period=2π)`: adds or
 * subtracts whole periods along `axis` wherever a step jumps by more than
 * `discont` (default period/2), so the phase runs on. NumPy's steps, each a
 * native pass: `diff`, the step reduced into [-period/2, period/2)
 * (`remainder`), the half-period boundary set by the sign of the step
 * (`copyto` with a mask), the correction zeroed for small steps, and its
 * `cumsum` added to `p` (a new array of `result_type(diff, period)`;
 * integer `p` and `period` stay integers, as NumPy's).
 * @module
 */
import { asarray } from './array-coerce';
import { copyto } from './copyto';
import { cumsum } from './cumulative';
import { diff } from './diff';
import { NdArray as ArrayClass, requireOpen } from './internal';
import { normalizeAxis } from './layout';
import type { NdArray } from './ndarray';
import { positionalOptions, readKnownOptions } from './options';
import { resultType } from './promote';
import { absolute, add, remainder, subtract } from './ufuncs/arith';
import { bitwiseAnd } from './ufuncs/bitwise';
import { equal, greater, less } from './ufuncs/compare';

/** The options of {@link unwrap} (NumPy's keywords). */
export interface UnwrapOptions {
  /** The smallest jump that is unwrapped (default period / 2; smaller values count as period / 2). */
  discont?: number | null;
  /** The axis to unwrap along (default -1). */
  axis?: number;
  /** The period (default 2π). */
  period?: number;
}

/** NumPy's `np.unwrap(p)`: `p` with jumps larger than `discont` along `axis` taken back by whole periods. */
export function unwrap(p: NdArray | readonly unknown[], discont?: number | null, axis?: number | null, options?: Pick<UnwrapOptions, 'period'>): NdArray;
export function unwrap(p: NdArray | readonly unknown[], options?: UnwrapOptions): NdArray;
export function unwrap(p: NdArray | readonly unknown[], ...rest: unknown[]): NdArray {
  // NumPy's positional discont and axis (period is keyword-only), or the options.
  const o = readKnownOptions(positionalOptions<UnwrapOptions>('unwrap', ['discont', 'axis'], rest), ['discont', 'axis', 'period'], 'unwrap');
  const a = p instanceof ArrayClass ? p : asarray(p);
  requireOpen(a);
  const period = o.period ?? 2 * Math.PI;
  if (typeof period !== 'number') throw new TypeError(`unwrap(): period must be a number, got ${typeof period}`);
  const axis = normalizeAxis(o.axis ?? -1, a.ndim);
  const dd = diff(a, { axis });
  const discont = o.discont ?? period / 2;
  const dt = resultType(dd, period);
  let high: number;
  let low: number;
  let ambiguous: boolean;
  if (dt.kind === 'i' || dt.kind === 'u') {
    high = Math.floor(period / 2);
    ambiguous = period - 2 * high === 0;
    // NumPy's -(period // 2) is a Python int: 0, never the float -0 a JS `-0` stands for (period 1
    // took the loop to float64, and the wrapped int32 sum then went through a float cast)
    low = 0 - high;
  } else {
    high = period / 2;
    ambiguous = true;
    low = -high;
  }
  const ddmod = add(remainder(subtract(dd, low), period), low);
  if (ambiguous) copyto(ddmod, high, { where: bitwiseAnd(equal(ddmod, low), greater(dd, 0)) });
  const correct = subtract(ddmod, dd);
  copyto(correct, 0, { where: less(absolute(dd), discont) });
  const up = a.astype(dt);
  const tail = a.shape.map((_, i) => (i === axis ? '1:' : ':')).join(',');
  up.index(tail).set(add(a.index(tail), cumsum(correct, { axis })) as never);
  return up;
}
