/**
 * NumPy's `np.trim_zeros(filt, trim='fb', axis=None)`: the smallest
 * box holding every non-zero element, cut from the front (`'f'`), the
 * back (`'b'`) or both along each axis in `axis` (default: every axis);
 * a view of `filt`. An all-zero `filt` gives an empty view along those
 * axes. The box comes from one native `argwhere` and two axis reductions.
 * @module
 */
import { asarray } from './array-coerce';
import { ValueError } from './errors';
import { argwhere } from './fancy';
import { NdArray as ArrayClass, requireOpen } from './internal';
import { slice, type Slice } from './indexing';
import { normalizeAxes, normalizeAxis } from './layout';
import type { NdArray } from './ndarray';
import { positionalOptions, readKnownOptions } from './options';
import { max, min } from './reduce-axis';

/** The options of {@link trimZeros}. */
export interface TrimZerosOptions {
  /** `'f'` trims the front, `'b'` the back, `'fb'` (default) both. */
  trim?: string;
  /** The axes to trim (default: all). */
  axis?: number | readonly number[] | null;
}

/** NumPy's `np.trim_zeros(filt)`: a view of `filt` without its leading and/or trailing zeros along the axes. */
export function trimZeros(filt: NdArray | readonly unknown[], trim?: string | TrimZerosOptions | null, axis?: number | readonly number[] | TrimZerosOptions | null, options?: TrimZerosOptions): NdArray;
export function trimZeros(filt: NdArray | readonly unknown[], options?: TrimZerosOptions): NdArray;
export function trimZeros(filt: NdArray | readonly unknown[], ...rest: unknown[]): NdArray {
  // NumPy's positional trim and axis (trimZeros(a, 'b')), or the options.
  const o = readKnownOptions(positionalOptions<TrimZerosOptions>('trimZeros', ['trim', 'axis'], rest), ['trim', 'axis'], 'trimZeros');
  const a = filt instanceof ArrayClass ? filt : asarray(filt);
  requireOpen(a);
  if (o.trim !== undefined && typeof o.trim !== 'string') throw new TypeError(`trimZeros(): trim must be a string, got ${typeof o.trim}`);
  const trim = (o.trim ?? 'fb').toLowerCase();
  if (!['fb', 'bf', 'f', 'b'].includes(trim)) throw new ValueError(`unexpected character(s) in \`trim\`: '${trim}'`);
  const axes = o.axis === undefined || o.axis === null ? a.shape.map((_, i) => i) : typeof o.axis === 'number' ? [normalizeAxis(o.axis, a.ndim)] : normalizeAxes(o.axis, a.ndim, 'repeated axis in `axis` argument');
  if (axes.length === 0) return a;
  const nz = argwhere(a);
  let start: number[];
  let stop: (number | null)[];
  if (nz.shape[0] === 0) {
    start = a.shape.map(() => 0);
    stop = a.shape.map(() => 0);
  } else {
    const lo = (min(nz, { axis: 0 }).toArray() as bigint[]).map(Number);
    const hi = (max(nz, { axis: 0 }).toArray() as bigint[]).map((v) => Number(v) + 1);
    start = trim.includes('f') ? lo : a.shape.map(() => 0);
    stop = trim.includes('b') ? hi : a.shape.map(() => null);
  }
  const items: Slice[] = a.shape.map((_, ax) => (axes.includes(ax) ? slice(start[ax], stop[ax]) : slice(null, null)));
  return a.index(...items);
}
