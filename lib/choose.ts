/**
 * NumPy's `choose(a, choices, out=None, mode='raise')`: element by element,
 * `choices[a[i]][i]` with `a` and every choice broadcast together. The
 * result dtype is `result_type` of the choices (numbers weak, cast to it
 * unsafely as NumPy's `PyArray_ConvertToCommonType` does); `a` must cast
 * safely to int64. `mode` is NumPy's clipmode: `'raise'` refuses an index
 * outside `[0, n)` before anything is written, `'wrap'` takes it modulo `n`
 * (floored), `'clip'` clamps it. With `out` the result is cast into it
 * (unsafe, as NumPy forces the cast) and `out` is returned.
 *
 * The selection is one `where` ufunc per choice over the broadcast shape
 * (no per-element JS loop): n passes for n choices.
 * @module
 */
import type { NdArray } from './ndarray';
import { asarray } from './array-coerce';
import { allocate, isArray, requireOpen, requireWritable } from './internal';
import { broadcastArrays } from './views';
import { canCast, resultType, type PyScalar } from './promote';
import { where } from './ufuncs/where';
import { equal } from './ufuncs/compare';
import { remainder } from './ufuncs/arith';
import { clip } from './ufuncs/clip';
import { any } from './reduce-axis';
import { logicalOr, less, greaterEqual } from './ufuncs/compare';
import { ValueError, repr } from './errors';
import { positionalOptions, readKnownOptions } from './options';
import type { ClipMode } from './fancy';

/** Options of {@link choose}, as NumPy's keywords. */
export interface ChooseOptions {
  /** Where to put the result (its shape must be the broadcast shape); returned. */
  out?: NdArray | null;
  /** What an index outside `[0, n)` does: `'raise'` (default), `'wrap'` or `'clip'`. */
  mode?: ClipMode;
}

/** NumPy's NPY_MAXARGS: the most arrays (the index array and the choices) choose takes. */
const MAX_CHOICES = 64;

/**
 * NumPy's `np.choose(a, choices, out=None, mode='raise')`.
 *
 * @example
 * choose(asarray([2, 0, 1]), [[1, 2, 3], [10, 20, 30], [100, 200, 300]]).toArray(); // [100, 2, 30]
 * @throws ValueError for no choices, an index out of range under `'raise'`, a bad mode or shapes that do not broadcast; TypeError for a non-integer `a` or an `out` of the wrong shape
 */
export function choose(a: NdArray | number | readonly unknown[], choices: readonly (NdArray | PyScalar | readonly unknown[])[], out?: NdArray | null, mode?: ChooseOptions['mode'] | null): NdArray;
export function choose(a: NdArray | number | readonly unknown[], choices: readonly (NdArray | PyScalar | readonly unknown[])[], options?: ChooseOptions): NdArray;
export function choose(a: NdArray | number | readonly unknown[], choices: readonly (NdArray | PyScalar | readonly unknown[])[], ...rest: unknown[]): NdArray {
  // NumPy's positional out and mode, or the options.
  const o = readKnownOptions(positionalOptions<ChooseOptions>('choose', ['out', 'mode'], rest), ['out', 'mode'], 'choose');
  const mode = o.mode ?? 'raise';
  if (mode !== 'raise' && mode !== 'wrap' && mode !== 'clip') throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got ${repr(mode)})`);
  const idx0 = isArray(a) ? a : asarray(a);
  requireOpen(idx0);
  if (!Array.isArray(choices) && !isArray(choices)) throw new TypeError(`choose() choices must be a list of arrays, got ${repr(choices)}`);
  // NumPy's NPY_MAXARGS: `a` and the choices are at most 64 arrays. Checked
  // before the list is made: 10^5 choices overflowed the call stack (a bare
  // RangeError), and an array of choices of 2^31 rows was a list of 2^31 views.
  const count = isArray(choices) ? ((choices as NdArray).shape[0] ?? 0) : choices.length;
  if (count >= MAX_CHOICES) throw new ValueError(`Need at least 0 and at most ${MAX_CHOICES} array objects.`);
  const list: (NdArray | PyScalar)[] = isArray(choices) ? [...Array((choices as NdArray).shape[0] ?? 0).keys()].map((i) => (choices as NdArray).index(i)) : choices.map((c) => (isArray(c) || typeof c !== 'object' || !Array.isArray(c) ? (c as NdArray | PyScalar) : asarray(c)));
  const n = list.length;
  if (n === 0) throw new ValueError('0-length sequence.');
  for (const c of list) if (isArray(c)) requireOpen(c);
  // NumPy's PyArray_Choose: the choices' common type (its DTypePromotionError) before a's cast to intp.
  const dtype = resultType(...list);
  if (!canCast(idx0.dtype, 'i8', 'safe')) throw new TypeError(`Cannot cast array data from dtype('${idx0.dtype.name}') to dtype('int64') according to the rule 'safe'`);
  // A number is converted to the common dtype unsafely (300 among int8 choices is 44), as NumPy's PyArray_ConvertToCommonType does.
  const arrays = list.map((c) => (isArray(c) ? c : asarray(c).astype(dtype)));
  // The choices first, then a: NumPy's broadcast error names them in this order.
  const all = broadcastArrays(...arrays, idx0.astype('<i8', 'K'));
  const idx = all[n];
  const bc = all.slice(0, n);
  let k = idx;
  if (mode === 'raise') {
    if (idx.size > 0 && (any(logicalOr(less(idx, 0), greaterEqual(idx, n))).get() as boolean)) throw new ValueError('invalid entry in choice array');
  } else if (mode === 'wrap') {
    k = remainder(idx, n);
  } else {
    k = clip(idx, 0, n - 1);
  }
  const out = o.out ?? null;
  if (out !== null) {
    requireOpen(out);
    if (out.ndim !== idx.ndim || out.shape.some((s, i) => s !== idx.shape[i])) throw new TypeError('choose: invalid shape for output array.');
    requireWritable(out, 'output array is read-only');
  }
  let result = allocate(dtype, [...idx.shape]);
  result.set(bc[n - 1]);
  for (let i = n - 2; i >= 0; i--) result = where(equal(k, i), bc[i], result);
  if (!result.dtype.equals(dtype)) result = result.astype(dtype);
  if (out === null) return result;
  out.set(result);
  return out;
}
