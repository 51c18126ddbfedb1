/**
 * `nanminAsync`/`nanmaxAsync`: NumPy's `np.nanmin(a)`/`np.nanmax(a)` of
 * every item on the thread pool, through lib/async.ts's job runner (a
 * module of its own: async.ts is NdArray's door to the pool, and the NaN
 * functions build on NdArray).
 * @module
 */
import { extreme, run, type AsyncOptions } from './async';
import { isArray } from './internal';
import { reduceNative, ReduceOp } from './kernels';
import { nanmax, nanmin } from './nan-reduce';
import type { NdArray } from './ndarray';

/**
 * `nanmin(a)`/`nanmax(a)` of every item on the thread pool: NumPy's
 * fmin/fmax reduction by the reduction kernel (float32/float64; integer and
 * bool arrays take minAsync/maxAsync's route, as their nanmin is min). The
 * two answers whose bits depend on NumPy's loop, a zero when `a` holds both
 * zeros and NaN when every item is one, are then found by the sync function
 * on the JS thread, as are float16 and complex arrays.
 */
function nanExtremeAsync(name: string, a: NdArray, options: AsyncOptions, isMin: boolean): Promise<number | bigint> {
  if (isArray(a) && 'iub'.includes(a.dtype.kind)) return extreme(name, a, options, () => (isMin ? a.min() : a.max()));
  const whole = (): number | bigint => (isMin ? nanmin(a) : nanmax(a)).get() as number | bigint;
  const op = isMin ? ReduceOp.NanMin : ReduceOp.NanMax;
  return run(
    name, a, options,
    () => (reduceNative(a, op) === null ? whole() : 0),
    (_v, r) => (typeof r === 'number' && !Number.isNaN(r) ? r : whole()),
    // Anything but the one reduction (a view the kernel does not take): the sync function.
    (calls) => calls.length !== 1 || calls[0].kind !== 'reduce',
  );
}

/** {@link nanmin} of every item (`nanmin(a).get()`) on the thread pool. */
export function nanminAsync(a: NdArray, options: AsyncOptions = {}): Promise<number | bigint> {
  return nanExtremeAsync('nanminAsync', a, options, true);
}

/** {@link nanmax} of every item (`nanmax(a).get()`) on the thread pool. */
export function nanmaxAsync(a: NdArray, options: AsyncOptions = {}): Promise<number | bigint> {
  return nanExtremeAsync('nanmaxAsync', a, options, false);
}
