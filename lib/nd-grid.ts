/**
 * NumPy's `mgrid` and `ogrid` (its `nd_grid`): grids of values from
 * slices. JavaScript has no slice syntax, so where NumPy writes
 * `np.mgrid[0:5, 0:1:5j]` this module takes the same slices as index
 * strings, `mgrid('0:5, 0:1:5j')` or `mgrid('0:5', '0:1:5j')` (the form
 * `NdArray.index` reads), or as {@link Slice} objects, `mgrid(slice(0, 5))`.
 *
 * Each slice is `start:stop:step`: `start` defaults to 0 and `step` to 1;
 * a step written `Nj` (NumPy's complex step) means N points from `start`
 * to `stop` inclusive, as linspace. One slice gives one 1-d array (NumPy's
 * arange, or the N points); several give, for mgrid, one dense array of
 * shape `[k, n0, n1, ...]` and, for ogrid, k arrays each of length n_i
 * along its own axis and 1 along the others. The dtype is NumPy's
 * `result_type` of the slice's numbers as Python scalars: int64 when every
 * one is an integer, float64 when any is a float or a step is `Nj`. In a
 * string, `1.0` is a float; a JS number is a float only when it is not an
 * integer (`slice(0, 1.0)` reads as ints): use a string to say `1.0`.
 * @module
 */
import type { NdArray } from './ndarray';
import { dtype as toDType } from './dtype';
import { OverflowError, ValueError, ZeroDivisionError, describeValue } from './errors';
import { Slice, newaxis } from './indexing';
import { allocate } from './internal';
import { checkShape } from './layout';
import { arange } from './create';
import { FLOAT_TEXT, INT_TEXT, floatOfText } from './number-text';

/** One number of a slice, and whether Python would see a float. */
interface Num {
  v: number;
  float: boolean;
}

/** A parsed slice: `points` is N for a step written `Nj`. */
interface GridKey {
  start: Num | null;
  stop: Num | null;
  step: Num | null;
  points: number | null;
}

/** One slice of {@link mgrid}/{@link ogrid}: an index string (`'0:5'`, `'0:1:5j'`, several joined by commas) or a {@link Slice}. */
export type GridSlice = string | Slice;

const POINTS_TEXT = /^[+-]?(\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?j$/i;

function numOf(text: string, fn: string, whole: string): Num | null {
  const t = text.trim();
  if (t === '') return null;
  if (INT_TEXT.test(t)) {
    // NumPy reads a slice's integers as C longs: past int64 is its OverflowError (the grid was made of wrapped values).
    const b = BigInt(t);
    if (b < -(2n ** 63n) || b >= 2n ** 63n) throw new OverflowError(`${fn}(): ${t} in the slice ${JSON.stringify(whole)}: Python int too large to convert to C long`);
    return { v: Number(t), float: false };
  }
  if (FLOAT_TEXT.test(t)) return { v: floatOfText(t), float: true };
  throw new ValueError(`${fn}(): ${JSON.stringify(t)} in the slice ${JSON.stringify(whole)} is not a number`);
}

function keysOf(args: readonly GridSlice[], fn: string): GridKey[] {
  const keys: GridKey[] = [];
  for (const a of args) {
    if (a instanceof Slice) {
      const n = (v: number | null): Num | null => {
        if (v === null) return null;
        if (typeof v !== 'number') throw new TypeError(`${fn}(): a slice's start, stop and step must be numbers, got ${describeValue(v)}`);
        return { v, float: !Number.isInteger(v) };
      };
      keys.push({ start: n(a.start), stop: n(a.stop), step: n(a.step), points: null });
    } else if (typeof a === 'string') {
      const parts = a.split(',');
      // A trailing comma makes a tuple of one slice, as NumPy's mgrid[0:5, ]: the grid form.
      if (parts.length > 1 && parts[parts.length - 1].trim() === '') parts.pop();
      for (const part of parts) {
        const p = part.split(':');
        if (p.length < 2 || p.length > 3) throw new ValueError(`${fn}(): ${JSON.stringify(part.trim())} is not a slice 'start:stop' or 'start:stop:step'`);
        const stepText = (p[2] ?? '').trim();
        const pm = POINTS_TEXT.exec(stepText);
        keys.push({
          start: numOf(p[0], fn, part.trim()),
          stop: numOf(p[1], fn, part.trim()),
          step: pm ? null : numOf(stepText, fn, part.trim()),
          points: pm ? Math.trunc(Math.abs(Number(stepText.slice(0, -1)))) : null,
        });
      }
    } else {
      throw new TypeError(`${fn}(): each slice must be an index string such as '0:5' or '0:1:5j', or a slice(), got ${describeValue(a)}`);
    }
  }
  return keys;
}

const I8 = toDType('<i8');
const F8 = toDType('<f8');

/** start, step and count of one axis: value i is `i * step + start`. */
interface Axis {
  start: number;
  step: number;
  n: number;
}

function axisOf(k: GridKey, fn: string): Axis {
  if (k.stop === null) throw new TypeError(`${fn}(): every slice needs a stop`);
  const start = k.start?.v ?? 0;
  if (k.points !== null) {
    const n = k.points;
    return { start, step: n !== 1 ? (k.stop.v - start) / (n - 1) : 1, n };
  }
  const step = k.step?.v ?? 1;
  if (step === 0) throw new ZeroDivisionError('division by zero');
  return { start, step, n: Math.ceil((k.stop.v - start) / step) };
}

function isFloat(k: GridKey): boolean {
  return k.points !== null || !!k.start?.float || !!k.stop?.float || !!k.step?.float;
}

/** Fills `out` (C order, `[.., n_axis, ..]`) with `i * step + start` of each element's index `i` on `axis`. */
function fill(out: NdArray, axis: number, ax: Axis, lead: number): void {
  const t = out.typedArray() as Float64Array | BigInt64Array;
  const shape = out.shape.slice(lead);
  let inner = 1;
  for (let k = axis + 1; k < shape.length; k++) inner *= shape[k];
  const base = lead === 1 ? axis * shape.reduce((p, d) => p * d, 1) : 0;
  const total = shape.reduce((p, d) => p * d, 1);
  if (t instanceof Float64Array) {
    for (let j = 0; j < total; j++) t[base + j] = Math.floor(j / inner) % ax.n * ax.step + ax.start;
  } else {
    const step = BigInt(ax.step);
    const start = BigInt(ax.start);
    for (let j = 0; j < total; j++) t[base + j] = BigInt(Math.floor(j / inner) % ax.n) * step + start;
  }
}

function grid(args: readonly GridSlice[], sparse: boolean, fn: string): NdArray | NdArray[] {
  const keys = keysOf(args, fn);
  if (keys.length === 0) throw new TypeError(`${fn}() needs at least one slice`);
  if (keys.length === 1 && !(typeof args[0] === 'string' && args[0].includes(','))) {
    const k = keys[0];
    const ax = axisOf(k, fn);
    if (k.points === null) return arange(ax.start, k.stop!.v, ax.step, isFloat(k) ? F8 : I8);
    const out = allocate(F8, [ax.n]);
    fill(out, 0, ax, 0);
    return out;
  }
  const axes = keys.map((k) => axisOf(k, fn));
  // NumPy's int() of each length: a NaN or infinite one is its error, not a shape (ogrid('0:nan, 0:2')
  // allocated a NaN-long line and threw ERR_CLOSED, "detached").
  for (const ax of axes) {
    if (Number.isNaN(ax.n)) throw new ValueError(`${fn}(): cannot convert float NaN to integer (the length of a slice)`);
    if (!Number.isFinite(ax.n)) throw new OverflowError(`${fn}(): cannot convert float infinity to integer (the length of a slice)`);
  }
  const dt = keys.some(isFloat) ? F8 : I8;
  if (sparse) {
    // NumPy's: a 1-d arange per axis, viewed with new axes around it (stride 0 on them).
    return axes.map((ax, i) => {
      const n = Math.max(0, ax.n);
      const line = allocate(dt, [n]);
      if (n > 0) fill(line, 0, { ...ax, n }, 0);
      return line.index(...axes.map((_, j) => (j === i ? new Slice() : newaxis)));
    });
  }
  // NumPy's indices(size): a negative length is its ValueError.
  if (axes.some((ax) => ax.n < 0)) throw new ValueError('negative dimensions are not allowed');
  const size = checkShape(axes.map((ax) => ax.n));
  const out = allocate(dt, [axes.length, ...size]);
  if (out.size > 0) axes.forEach((ax, i) => fill(out, i, ax, 1));
  return out;
}

/**
 * NumPy's `np.mgrid[...]`: a dense grid of the values each slice gives
 * (see the module's notes for the call form and the dtype).
 * @example mgrid('0:2, 0:3') // shape [2, 2, 3]: mgrid(...)[0] the row index, [1] the column
 * @example mgrid('-1:1:5j') // [-1, -0.5, 0, 0.5, 1]
 * @throws ValueError for a slice string that does not parse or a negative length; ZeroDivisionError for a step of 0.
 */
export function mgrid(...slices: GridSlice[]): NdArray {
  return grid(slices, false, 'mgrid') as NdArray;
}

/**
 * NumPy's `np.ogrid[...]`: the open (sparse) grid, one array per slice
 * shaped to broadcast against the others; one slice gives one 1-d array,
 * as NumPy's (see the module's notes).
 * @example ogrid('0:2, 0:3') // [array of shape [2, 1], array of shape [1, 3]]
 */
export function ogrid(...slices: GridSlice[]): NdArray | NdArray[] {
  return grid(slices, true, 'ogrid');
}
