/**
 * NumPy's `linspace(start, stop, count)` computed in float32 or float16, as
 * NumPy computes it for two scalars of that type (the outer edges of a
 * histogram of float32/float16 data): every step rounds to the type
 * (`delta`, `step = delta / div`, `i * step`, `+ start`; `i / div` first
 * when `step` underflows to 0), and the last item is `stop` itself.
 *
 * The result is allocated before the loop and written in place: a bin count
 * in the billions is the allocation's MemoryError at once, not a JS list of
 * that many numbers (a V8 heap abort or a minutes-long loop; adversarial pass 8).
 * @module
 */
import type { NdArray } from './ndarray';
import type { DType } from './dtype';
import { empty } from './create';
import { float16Bits, float16Value } from './dtype/float16';
import { slice } from './indexing';

/** Items written per typed array. */
const BLOCK = 1 << 24;

/** `count` items from `start` to `stop` (both already of `dt`'s precision) in `dt` (float32 or float16), native order. */
export function narrowLinspace(start: number, stop: number, count: number, dt: DType): NdArray {
  const native = dt.newbyteorder('=');
  const f4 = native.itemsize === 4;
  // float16 has no typed array: its bits are written into a uint16 array, then viewed.
  const res = empty([count], f4 ? native : 'u2') as NdArray;
  if (count === 0) return f4 ? res : res.view(native);
  const round = f4 ? Math.fround : (v: number): number => float16Value(float16Bits(v));
  const div = count - 1;
  const delta = round(stop - start);
  const step = round(delta / div);
  // One item (div 0): NumPy's y = arange(1) * delta + start, its start (a NaN only for an
  // infinite delta), not 0 * step with step = delta / 0 (histogramBinEdges of an estimator
  // whose width overflows: fuzz seed 10538002).
  const at = (i: number): number =>
    div === 0 ? round(round(i * delta) + start) : i === div ? stop : step === 0 ? round(round(round(i / div) * delta) + start) : round(round(i * step) + start);
  // A block at a time (one typed array may not span a whole 4 GiB result);
  // one loop per element type, so each stays monomorphic.
  for (let i0 = 0; i0 < count; i0 += BLOCK) {
    const i1 = Math.min(count, i0 + BLOCK);
    const block = res.index(slice(i0, i1)).typedArray();
    if (block instanceof Float32Array) {
      for (let i = i0; i < i1; i++) block[i - i0] = at(i);
    } else {
      const bits = block as Uint16Array;
      for (let i = i0; i < i1; i++) bits[i - i0] = float16Bits(at(i));
    }
  }
  return f4 ? res : res.view(native);
}
