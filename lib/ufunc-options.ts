/**
 * The keyword arguments of a ufunc call, checked as NumPy checks them before
 * anything is resolved or written.
 *
 * | option | NumPy | accepted here |
 * | --- | --- | --- |
 * | `out` | `out=` | an NdArray or null (checked by the call) |
 * | `where` | `where=` | a bool NdArray, a boolean or null (checked by the call) |
 * | `casting` | `casting=` | `'no' 'equiv' 'safe' 'same_kind' 'unsafe'`; default `'same_kind'` |
 * | `dtype` | `dtype=` | the output dtype (selects the loop); a general type only |
 * | `order` | `order=` | `'K' 'A' 'C' 'F'` (either case) or null: the layout of a new result |
 * | `subok` | `subok=` | a boolean (results are always plain arrays here) |
 *
 * Any other key is NumPy's `TypeError: add() got an unexpected keyword
 * argument 'axis'`; `signature=` is refused by name (not supported here).
 * @module
 */
import { dtype as toDType, DType, type DTypeLike } from './dtype';
import { ValueError, repr } from './errors';
import { readOrder } from './order';
import type { Casting } from './promote';
import { readOptions } from './options';
import { isArray } from './internal';

/** The layout of a new result: NumPy's `order=` of a ufunc. */
export type UfuncOrder = 'K' | 'A' | 'C' | 'F';

/** The options after the checks: `dtype` native, `order` upper case. */
export interface CheckedUfuncOptions {
  casting: Casting;
  /** True when `casting` or `dtype` was given: only then are input casts checked (the default loop casts safely). */
  checkInputs: boolean;
  dtype: DType | null;
  order: UfuncOrder;
}

const KNOWN = new Set(['out', 'where', 'casting', 'dtype', 'order', 'subok']);
const CASTINGS: readonly Casting[] = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];
/** NumPy's TypeError for a `dtype` with a byte order (ufuncs and their reductions). */
export const DETAIL_MESSAGE =
  'The `dtype` and `signature` arguments to ufuncs only select the general DType and not details such as the byte order or time unit. You can avoid this error by using the scalar types `np.float64` or the dtype string notation.';

/**
 * NumPy's positional outputs (`np.add(a, b, c)`, `np.modf(x, o1, o2)`):
 * here options come as an object, so anything else after the inputs (an
 * array, a list, a number, a string) would be silently dropped; a TypeError.
 */
export function refusePositionalOut(name: string, options: unknown): void {
  if (options === null || options === undefined) return;
  if (typeof options !== 'object' || Array.isArray(options) || ArrayBuffer.isView(options) || isArray(options)) {
    const what = isArray(options) ? 'an NdArray' : Array.isArray(options) ? 'a list' : repr(options);
    throw new TypeError(`${name}() takes its inputs then an options object ({ out, where, casting, dtype, order }), got ${what} after the inputs`);
  }
}

/** Checks `options` of ufunc `name` (NumPy's messages); the caller checks `out` and `where` themselves. */
export function checkUfuncOptions(name: string, options: object): CheckedUfuncOptions {
  // null is no options, as everywhere (Object.keys(null) was V8's bare TypeError).
  if (options === null || options === undefined) options = {};
  else refusePositionalOut(name, options);
  for (const key of Object.keys(options)) {
    if (key === 'signature') throw new TypeError(`${name}(): the 'signature' argument is not supported; use 'dtype' to select the output type`);
    if (!KNOWN.has(key)) throw new TypeError(`${name}() got an unexpected keyword argument '${key}'`);
  }
  // Each value read once (a getter runs once), before any check of the arrays (lib/options.ts).
  const o = readOptions(options as Record<string, unknown>, ['casting', 'dtype', 'order', 'subok']);
  let casting: Casting = 'same_kind';
  if (o.casting !== undefined) {
    if (typeof o.casting !== 'string') throw new TypeError(`casting must be str, not ${o.casting === null ? 'null' : typeof o.casting}`);
    if (!CASTINGS.includes(o.casting as Casting)) throw new ValueError(`casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got '${o.casting}')`);
    casting = o.casting as Casting;
  }
  const order: UfuncOrder = readOrder(o.order, 'K');
  if (o.subok !== undefined && typeof o.subok !== 'boolean') throw new TypeError("'subok' must be a boolean");
  let dt: DType | null = null;
  if (o.dtype !== undefined && o.dtype !== null) {
    const given = o.dtype;
    dt = toDType(given as DTypeLike);
    // A byte order other than the host's is a detail, spelled as a string or a DType ('>f8' and
    // np.dtype('>f8') are refused alike; '>i1' has no byte order and is fine).
    const detailed = (!dt.isnative && dt.byteorder !== '|') || dt.fields !== null || dt.subdtype !== null || ((dt.kind === 'S' || dt.kind === 'V') && dt.itemsize !== 0);
    if (detailed) throw new TypeError(DETAIL_MESSAGE);
    if (!dt.isnative) dt = dt.newbyteorder('=');
  }
  return { casting, checkInputs: o.casting !== undefined || dt !== null, dtype: dt, order };
}
