/**
 * NumPy basic indexing: integers, slices, `...` and `newaxis`, written as a
 * string (`'1:5:2, ::-1, ..., None, 3'`) or as values. Pure: it maps a
 * layout (shape, strides, offset) to the layout of the view.
 * @module
 */
import { IndexError, describeValue, quoteInput, repr } from './errors';

/** NumPy's IndexError for an index that is not one (a float, a string, an object). */
export const VALID_INDICES = 'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices';

/** get()'s IndexError for `index` on an axis of `size`: NumPy's words for one that is not an integer at all (`a[1.5]`, `a['x']`), else out of bounds. */
export function elementIndexError(index: unknown, axis: number, size: number): IndexError {
  if (typeof index !== 'number' || !Number.isInteger(index)) return new IndexError(`${VALID_INDICES}, got ${describeValue(index)}`);
  return new IndexError(`index ${index} is out of bounds for axis ${axis} with size ${size}`);
}

/** A Python slice `start:stop:step`; `null` parts take NumPy's defaults. */
export class Slice {
  constructor(
    readonly start: number | null = null,
    readonly stop: number | null = null,
    readonly step: number | null = null,
  ) {}

  toString(): string {
    const p = (v: number | null): string => (v === null ? '' : String(v));
    return this.step === null ? `${p(this.start)}:${p(this.stop)}` : `${p(this.start)}:${p(this.stop)}:${p(this.step)}`;
  }
}

/** `slice(stop)` or `slice(start, stop, step)`, like Python's `slice`. */
export function slice(start?: number | null, stop?: number | null, step?: number | null): Slice {
  if (stop === undefined && step === undefined) return new Slice(null, start ?? null, null);
  return new Slice(start ?? null, stop ?? null, step ?? null);
}

/** NumPy's `np.newaxis`: inserts a length-1 axis. `null` means the same. */
export const newaxis: unique symbol = Symbol('newaxis');
/** Python's `...`: as many full slices as the remaining axes need. */
export const ellipsis: unique symbol = Symbol('...');

/** One index item. */
export type IndexItem = number | Slice | typeof newaxis | typeof ellipsis | null;

/** A layout: what indexing reads and produces. */
export interface Layout {
  shape: number[];
  strides: number[];
  offset: number;
}

const INT = /^[+-]?\d+$/;
// Each part has one way to match: '\d+\.?\d*' backtracks quadratically on a long run of digits.
const FLOAT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The caller's text in a message, bounded (errors.ts). */
function quote(text: string): string {
  return quoteInput(text);
}

function parseInt_(text: string, spec: string): number {
  if (!INT.test(text)) throw new IndexError(`invalid index ${quote(text)} in ${quote(spec)}`);
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new IndexError(`index ${quote(text)} is too large in ${quote(spec)}`);
  return n;
}

/** Parses `'1:5:2, ::-1, ..., None, 3'` into index items. */
export function parseIndex(spec: string): IndexItem[] {
  if (typeof spec !== 'string') throw new TypeError(`index must be a string, got ${repr(spec)}`);
  const trimmed = spec.trim();
  if (trimmed === '' || trimmed === '()') return [];
  const parts = trimmed.split(',').map((p) => p.trim());
  // Python allows one trailing comma: 'a[1,]'.
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((part): IndexItem => {
    if (part === '...' || part === 'Ellipsis') return ellipsis;
    // 'null' too: the value form takes JS's null for newaxis, so a string may say it the same way.
    if (part === 'None' || part === 'newaxis' || part === 'np.newaxis' || part === 'null') return newaxis;
    if (part.includes(':')) {
      const bits = part.split(':').map((b) => b.trim());
      if (bits.length > 3) throw new IndexError(`invalid slice ${quote(part)} in ${quote(spec)}`);
      const [a, b, c] = bits;
      const v = (t: string | undefined): number | null => {
        if (t === undefined || t === '') return null;
        // Python's a[0.0:] is a TypeError (a float slice bound), a[0.0] an IndexError.
        if (!INT.test(t) && FLOAT.test(t)) throw new TypeError(`slice indices must be integers or None, got ${quote(t)} in ${quote(spec)}`);
        return parseInt_(t, spec);
      };
      return new Slice(v(a), v(b), v(c));
    }
    if (part === '') throw new IndexError(`empty index item in ${quote(spec)}`);
    return parseInt_(part, spec);
  });
}

/** Python's PySlice_AdjustIndices: [start, step, length] of a slice over `n`. */
export function adjustSlice(s: Slice, n: number): [number, number, number] {
  const step = s.step === null ? 1 : s.step;
  if (!Number.isInteger(step)) throw new TypeError(`slice step must be an integer, got ${repr(step)}`);
  if (step === 0) throw new IndexError('slice step cannot be zero');
  const lower = step < 0 ? -1 : 0;
  const upper = step < 0 ? n - 1 : n;
  const start = clampBound(s.start, step < 0 ? upper : lower, n, lower, upper);
  const stop = clampBound(s.stop, step < 0 ? lower : upper, n, lower, upper);
  let len = 0;
  if (step > 0) {
    if (start < stop) len = Math.floor((stop - start - 1) / step) + 1;
  } else if (stop < start) {
    len = Math.floor((start - stop - 1) / -step) + 1;
  }
  return [start, step, len];
}

/** One slice bound, defaulted and clamped into [lower, upper] as Python does. */
function clampBound(v: number | null, dflt: number, n: number, lower: number, upper: number): number {
  if (v === null) return dflt;
  if (!Number.isInteger(v)) throw new TypeError(`slice indices must be integers, got ${repr(v)}`);
  if (v < 0) {
    v += n;
    return v < lower ? lower : v;
  }
  return v > upper ? upper : v;
}

/**
 * Applies basic indexing to a layout. An integer on every axis gives a 0-d
 * layout (NumPy's `a[idx + (...,)]`), never a scalar.
 */
export function applyIndex(layout: Layout, items: readonly IndexItem[]): Layout {
  const { shape, strides } = layout;
  let offset = layout.offset;
  const ndim = shape.length;
  let consumed = 0;
  let ellipses = 0;
  let added = 0;
  let dropped = 0;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it === ellipsis) ellipses++;
    else if (it === newaxis || it === null) added++;
    else {
      consumed++;
      if (typeof it === 'number') dropped++;
    }
  }
  if (ellipses > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
  if (consumed > ndim) {
    throw new IndexError(`too many indices for array: array is ${ndim}-dimensional, but ${consumed} were indexed`);
  }
  // Sized up front: the result has ndim - integers + newaxes axes.
  const outNdim = ndim - dropped + added;
  if (outNdim > 64) throw new IndexError(`number of dimensions must be within [0, 64], indexing result would have ${outNdim}`);
  const outShape = new Array<number>(outNdim);
  const outStrides = new Array<number>(outNdim);
  let out = 0;
  let axis = 0;
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it === newaxis || it === null) {
      outShape[out] = 1;
      outStrides[out++] = 0;
    } else if (it === ellipsis) {
      for (const end = axis + ndim - consumed; axis < end; axis++) {
        outShape[out] = shape[axis];
        outStrides[out++] = strides[axis];
      }
    } else if (it instanceof Slice) {
      const [start, step, len] = adjustSlice(it, shape[axis]);
      // An empty slice is NumPy's 0:0:1: the pointer stays, the stride is the axis's.
      if (len > 0) offset += start * strides[axis];
      outShape[out] = len;
      // (A reversed 0 stride stays 0, not -0.)
      outStrides[out++] = len > 0 && strides[axis] !== 0 ? strides[axis] * step : strides[axis];
      axis++;
    } else if (typeof it === 'number') {
      if (!Number.isInteger(it)) throw new IndexError(`${VALID_INDICES}, got ${it}`);
      const n = shape[axis];
      if (it < -n || it >= n) throw new IndexError(`index ${it} is out of bounds for axis ${axis} with size ${n}`);
      offset += (it < 0 ? it + n : it) * strides[axis];
      axis++;
    } else {
      throw new IndexError(`${VALID_INDICES}, got ${repr(it)}`);
    }
  }
  for (; axis < ndim; axis++) {
    outShape[out] = shape[axis];
    outStrides[out++] = strides[axis];
  }
  return { shape: outShape, strides: outStrides, offset };
}
