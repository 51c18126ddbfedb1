/**
 * NumPy's `out=` for the order statistics (`quantile`, `percentile`,
 * `median`, `ptp` and their `nan*` forms): the result computed as without
 * `out`, then written into it, which must be writeable and have the
 * result's shape. The cast follows the NumPy operation that writes `out`:
 * `median` ends in `mean(..., out=)`, which casts unsafely; the quantiles
 * (`add` of the interpolation) and `ptp` (`subtract`) cast under
 * `'same_kind'`, with the ufunc's TypeError otherwise.
 * @module
 */
import { inspect } from 'util';
import type { NdArray } from './ndarray';
import { ValueError } from './errors';
import { WRITEBACK_READ_ONLY, describeNonArray, isArray, requireWritable } from './internal';
import { canCast } from './promote';
import { UFuncTypeError } from './ufunc';
import { tupleNoSpace } from './format';

/** The `out` option split from the others (read once). */
export function splitOut<O extends { out?: NdArray | null }>(options: O | undefined): [NdArray | null, Omit<O, 'out'> | undefined] {
  if (options === undefined || options === null || typeof options !== 'object' || !('out' in options)) return [null, options];
  // An out inherited from a polluted Object.prototype is not the caller's (lib/options.ts's
  // rule): `in` saw it, and median, ptp, quantile, percentile and their nan forms wrote
  // their result into that stranger's array (found by adversarial pass 6).
  if (Object.prototype.hasOwnProperty.call(Object.prototype, 'out') && !Object.prototype.hasOwnProperty.call(options, 'out')) return [null, options];
  const { out, ...rest } = options;
  if (out !== undefined && out !== null && !isArray(out)) throw new TypeError(`out must be an NdArray, got ${describeNonArray(out)}`);
  return [out ?? null, rest];
}

/**
 * `r`, or `r` written into `out` under the cast of `ufunc` (null: unsafe).
 * With `broadcast`, `out` may be any shape `r` broadcasts to (NumPy's
 * interpolating quantiles end in a ufunc with `out=`, whose inputs broadcast
 * to it; the nan forms assign `out[...] = result`); else its shape must be
 * `r`'s (a reduction's or a take's `out`).
 */
export function intoOut(r: NdArray, out: NdArray | null, ufunc: string | null, broadcast = false, readOnly: 'output' | 'assignment' | 'writeback' = ufunc === null ? 'assignment' : 'output'): NdArray {
  if (out === null) return r;
  // Where NumPy's last step is a ufunc or a reduction with out= it says "output array is
  // read-only" (median, quantile, ptp); where it assigns `out[...] = r`, the assignment's
  // words (nanmedian, nanquantile); where it is a take(out=), take's (quantile 'lower').
  requireWritable(out, readOnly === 'output' ? 'output array is read-only' : readOnly === 'writeback' ? WRITEBACK_READ_ONLY : undefined);
  const fits = broadcast
    ? r.ndim <= out.ndim && r.shape.every((n, i) => n === 1 || n === out.shape[out.ndim - r.ndim + i])
    : out.ndim === r.ndim && out.shape.every((n, i) => n === r.shape[i]);
  if (!fits) {
    throw new ValueError(`non-broadcastable output operand with shape ${tupleNoSpace(out.shape)} doesn't match the broadcast shape ${tupleNoSpace(r.shape)}`);
  }
  if (ufunc !== null && !canCast(r.dtype, out.dtype, 'same_kind')) {
    throw new UFuncTypeError(`Cannot cast ufunc '${ufunc}' output from ${inspect(r.dtype)} to ${inspect(out.dtype)} with casting rule 'same_kind'`);
  }
  out.set(r);
  return out;
}

/**
 * NumPy's error for a reduction's `out` whose shape is not the result's, as
 * its iterator words it for `ufunc`: the wrong number of dimensions, a
 * length-1 axis where the result has more (the reduction is not enabled
 * there), a kept reduced axis that is not 1, the remapped shapes (`out`'s
 * axes placed among `a`'s, `newaxis` at each reduced one) when two lengths
 * differ, else (`out` longer where `a` has 1) `a` not broadcasting to it.
 */
export function reductionOutError(out: NdArray, shape: readonly number[], axes: readonly number[], keepdims: boolean, ufunc: string): ValueError {
  const expected = keepdims ? shape.length : shape.length - axes.length;
  if (out.ndim !== expected) {
    return new ValueError(`output parameter for reduction operation ${ufunc} has the wrong number of dimensions: Found ${out.ndim} but expected ${expected}${keepdims ? " (must match the operand's when keepdims=True)" : ''}`);
  }
  // out's size on each axis of `a` (null: newaxis), and out's own axis there.
  const reduced = new Set(axes);
  const mapped: (number | null)[] = [];
  const own: number[] = [];
  for (let d = 0, j = 0; d < shape.length; d++) {
    if (!keepdims && reduced.has(d)) {
      mapped.push(null);
      own.push(-1);
    } else {
      mapped.push(out.shape[j]);
      own.push(j++);
    }
  }
  for (let d = 0; d < shape.length; d++) {
    const o = mapped[d];
    if (o !== null && o !== shape[d] && o !== 1 && shape[d] !== 1) {
      let first = 0;
      while (first < mapped.length && mapped[first] === null) first++;
      const shown = mapped.slice(first).map((x) => (x === null ? 'newaxis' : String(x)));
      return new ValueError(`operands could not be broadcast together with remapped shapes [original->remapped]: ${tupleNoSpace(out.shape)}->(${shown.join(',')}) ${tupleNoSpace(shape)} `);
    }
  }
  for (let d = 0; d < shape.length; d++) {
    const o = mapped[d];
    if (o === null) continue;
    if (reduced.has(d) && o !== 1) return new ValueError(`operand was set up as a reduction along axis ${d}, but the length of the axis is ${o} (it has to be 1)`);
    if (!reduced.has(d) && o === 1 && shape[d] !== 1) {
      return new ValueError(`output operand requires a reduction along dimension ${own[d]}, but the reduction is not enabled. The dimension size of 1 does not match the expected output shape.`);
    }
  }
  const broadcast = shape.map((n, d) => Math.max(n, mapped[d] ?? n));
  return new ValueError(`non-broadcastable operand with shape ${tupleNoSpace(shape)} doesn't match the broadcast shape ${tupleNoSpace(broadcast)}`);
}
