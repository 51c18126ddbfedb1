/**
 * NumPy's `np.ediff1d(ary, to_end=None, to_begin=None)`: the differences
 * of consecutive elements of the flattened `ary` (one native `subtract`
 * into the result), with `toBegin` and `toEnd` (flattened) put before and
 * after; the result keeps `ary`'s dtype, so each of them must cast to it
 * under `same_kind` (NumPy's message). Bools refuse, as `subtract` does.
 * @module
 */
import { asarray } from './array-coerce';
import { empty } from './create';
import { NdArray as ArrayClass, requireOpen } from './internal';
import type { NdArray } from './ndarray';
import { positionalOptions, readKnownOptions } from './options';
import { canCast, weakKind, type PyScalar } from './promote';
import { subtract } from './ufuncs/arith';

/** The options of {@link ediff1d} (NumPy's keywords). */
export interface Ediff1dOptions {
  /** Values appended after the differences. */
  toEnd?: NdArray | number | bigint | readonly unknown[] | null;
  /** Values put before the differences. */
  toBegin?: NdArray | number | bigint | readonly unknown[] | null;
}

function edge(name: 'to_begin' | 'to_end', v: unknown, dt: NdArray['dtype']): NdArray {
  const a = v instanceof ArrayClass ? v : asarray(v);
  requireOpen(a);
  // NumPy's np.asanyarray(to_begin): a JS number is an int64 or float64 array here.
  const ok = v instanceof ArrayClass || typeof v !== 'number' ? canCast(a.dtype, dt, 'same_kind') : canCast(weakKind(v as PyScalar) === 'f' ? 'f8' : 'i8', dt, 'same_kind');
  if (!ok) throw new TypeError(`dtype of \`${name}\` must be compatible with input \`ary\` under the \`same_kind\` rule.`);
  return a.ravel();
}

/** NumPy's `np.ediff1d(ary)`: `ary.flat[1:] - ary.flat[:-1]`, with `toBegin`/`toEnd` around it. */
export function ediff1d(ary: NdArray | readonly unknown[], toEnd?: Ediff1dOptions['toEnd'] | Ediff1dOptions, toBegin?: Ediff1dOptions['toBegin'] | Ediff1dOptions, options?: Ediff1dOptions): NdArray;
export function ediff1d(ary: NdArray | readonly unknown[], options?: Ediff1dOptions): NdArray;
export function ediff1d(ary: NdArray | readonly unknown[], ...rest: unknown[]): NdArray {
  // NumPy's positional to_end and to_begin (in that order), or the options.
  const o = readKnownOptions(positionalOptions<Ediff1dOptions>('ediff1d', ['toEnd', 'toBegin'], rest), ['toEnd', 'toBegin'], 'ediff1d');
  const a = (ary instanceof ArrayClass ? ary : asarray(ary)).ravel();
  requireOpen(a);
  const begin = o.toBegin === undefined || o.toBegin === null ? null : edge('to_begin', o.toBegin, a.dtype);
  const end = o.toEnd === undefined || o.toEnd === null ? null : edge('to_end', o.toEnd, a.dtype);
  if (begin === null && end === null) return subtract(a.index('1:'), a.index(':-1'));
  const lb = begin?.size ?? 0;
  const le = end?.size ?? 0;
  const ld = Math.max(a.size - 1, 0);
  const result = empty([ld + lb + le], a.dtype);
  if (begin !== null && lb > 0) result.index(`:${lb}`).set(begin as never);
  if (end !== null && le > 0) result.index(`${lb + ld}:`).set(end as never);
  subtract(a.index('1:'), a.index(':-1'), { out: result.index(`${lb}:${lb + ld}`) });
  return result;
}
