/**
 * NumPy's `flatiter` (`a.flat`): an array's elements seen as one C-order
 * sequence, whatever its strides.
 *
 * Reads by flat position: `get(i)` is one element's value; `index(spec)`
 * (a slice, an index string, an integer list or array, a boolean mask) is a
 * new array of the elements named, as NumPy's `a.flat[spec]` (a copy, never
 * a view). `set(spec, values)` writes through to the array, NumPy's
 * `a.flat[spec] = values`: the values are cast as NumPy's do (unsafe) and
 * repeated when fewer than the places named (extra ones are ignored).
 * Iterating gives each value in turn with `index` and `coords` telling the
 * position of the next one; `copy()` is a flattened copy; `base` is the
 * array.
 *
 * The positions a spec names are found by indexing a 1-d array of flat
 * positions with it (so slices, masks and errors follow the library's own
 * 1-d indexing), then read by `take` and written by `put`, which are
 * NumPy's flat-index operations (take with no axis; put repeats values).
 * @module
 */
import type { NdArray } from './ndarray';
import { dtype as toDType } from './dtype';
import { IndexError, describeValue, listItems } from './errors';
import { NdArray as ArrayClass, allocate, requireOpen } from './internal';
import { copyAs } from './copy';
import { flatnonzero, take, put, type FancyItem } from './fancy';
import { Slice, VALID_INDICES, applyIndex, parseIndex, type IndexItem } from './indexing';
import { max, min } from './reduce-axis';

/** Anything NumPy takes as a 1-d index: an integer, a slice or index string, an integer list or array, a mask. */
export type FlatIndex = number | IndexItem | FancyItem;

const I32 = toDType('<i4');
const I64 = toDType('<i8');

/** NumPy's `a.flat`: see the module's notes. */
export class FlatIter<T = unknown> implements IterableIterator<T> {
  readonly #base: NdArray<T>;
  #next = 0;

  /** @internal Made by {@link NdArray.flat}. */
  constructor(base: NdArray<T>) {
    this.#base = base;
  }

  /** The array this iterates over (NumPy's `flat.base`). */
  get base(): NdArray<T> {
    return this.#base;
  }

  /** How many elements (NumPy's `len(a.flat)`, the array's size). */
  get length(): number {
    return this.#base.size;
  }

  /** The flat position of the next element iteration gives (NumPy's `flat.index`). */
  get index(): number {
    return this.#next;
  }

  /** The array index of the next element iteration gives (NumPy's `flat.coords`). */
  get coords(): number[] {
    return unravel(this.#next, this.#base.shape);
  }

  /** The next element, as an iterator. */
  next(): IteratorResult<T, undefined> {
    requireOpen(this.#base);
    if (this.#next >= this.#base.size) return { done: true, value: undefined };
    const v = this.#base.get(...unravel(this.#next, this.#base.shape));
    this.#next += 1;
    return { done: false, value: v };
  }

  [Symbol.iterator](): this {
    return this;
  }

  /**
   * The element at flat position `i` (negative counts from the end) as a
   * value, or, for any other index, a new array of the elements it names.
   * @throws IndexError for a position out of range.
   */
  get(i: number): T;
  get(spec: Exclude<FlatIndex, number>): NdArray<T>;
  get(spec: FlatIndex): T | NdArray<T> {
    const a = this.#base;
    requireOpen(a);
    if (typeof spec === 'number') {
      const size = a.size;
      if (!Number.isInteger(spec)) throw new IndexError(`${VALID_INDICES}, got ${describeValue(spec)}`);
      if (spec < -size || spec >= size) throw flatIndexError(spec, size);
      return a.get(...unravel(spec < 0 ? spec + size : spec, a.shape));
    }
    return take(a, checkPositions(this.#positions(spec), a.size)) as NdArray<T>;
  }

  /**
   * NumPy's `a.flat[spec] = values`: writes `values` (cast to the array's
   * dtype, repeated when fewer than the places) at the flat positions
   * `spec` names. `set(values)` alone writes every position (NumPy's
   * `a.flat = values`).
   * @throws AccessError for a read-only array; IndexError for a position out of range.
   */
  set(values: unknown): void;
  set(spec: FlatIndex, values: unknown): void;
  set(spec: unknown, values?: unknown): void {
    const a = this.#base;
    requireOpen(a);
    if (arguments.length === 1) {
      put(a, this.#positions(':'), spec);
      return;
    }
    if (typeof spec === 'number') {
      const size = a.size;
      if (!Number.isInteger(spec)) throw new IndexError(`${VALID_INDICES}, got ${describeValue(spec)}`);
      if (spec < -size || spec >= size) throw flatIndexError(spec, size);
    }
    put(a, checkPositions(this.#positions(spec as FlatIndex), a.size), values);
  }

  /** NumPy's `flat.copy()`: a new 1-d array of the elements in C order. */
  copy(): NdArray<T> {
    const a = this.#base;
    requireOpen(a);
    return copyAs(a.ravel('C'), a.dtype, 'C') as NdArray<T>;
  }

  /** The flat positions `spec` names, as take and put read them (else an integer array: indexing an array of every position). */
  #positions(spec: FlatIndex): NdArray | number | readonly number[] {
    const n = this.#base.size;
    // A slice names an arithmetic run of positions: only those are made (a.flat[:3] of a
    // 10^9-element array is 3 positions, not 10^9).
    if (spec instanceof Slice || (typeof spec === 'string' && /^[\s\d:+-]*$/.test(spec) && spec.includes(':'))) {
      const l = applyIndex({ shape: [n], strides: [1], offset: 0 }, spec instanceof Slice ? [spec] : parseIndex(spec));
      if (l.shape.length === 1) {
        const len = l.shape[0];
        const run = allocate(n < 2 ** 31 ? I32 : I64, [len]);
        const r = run.typedArray() as Int32Array | BigInt64Array;
        if (r instanceof Int32Array) for (let i = 0; i < len; i++) r[i] = l.offset + i * l.strides[0];
        else for (let i = 0; i < len; i++) r[i] = BigInt(l.offset + i * l.strides[0]);
        return run;
      }
    }
    // An integer, a list of integers or an integer array already names flat positions, and a 1-d
    // mask of every position names those of its true items: take and put read them as they are
    // (a.flat.set(5, 7) of a mapped 3e9-element array made 3e9 positions: a MemoryError).
    if (typeof spec === 'number') return spec;
    if (Array.isArray(spec)) {
      const items = listItems(spec as readonly unknown[], 'flat index', (v) => v);
      if (items.every((v) => typeof v === 'number' && Number.isInteger(v))) return items as number[];
      spec = items as FlatIndex;
    } else if (spec instanceof ArrayClass) {
      const k = spec.dtype.kind;
      if (!spec.dtype.isStructured && (k === 'i' || (k === 'u' && spec.dtype.itemsize < 8))) return spec;
      if (k === 'b' && spec.ndim === 1 && spec.shape[0] === n) return flatnonzero(spec);
    }
    const all = allocate(n < 2 ** 31 ? I32 : I64, [n]);
    const t = all.typedArray() as Int32Array | BigInt64Array;
    if (t instanceof Int32Array) for (let i = 0; i < n; i++) t[i] = i;
    else for (let i = 0; i < n; i++) t[i] = BigInt(i);
    return all.index(spec as never);
  }
}

/** NumPy's flat iterator's words for a position out of range (no axis: it counts every item). */
function flatIndexError(i: number | bigint, size: number): IndexError {
  return new IndexError(`index ${i} is out of bounds for size ${size}`);
}

/**
 * `pos` when every position lies in [-size, size), else NumPy's flat-iterator
 * IndexError naming the first (C order) that does not: take and put would
 * name an axis, and put of an empty array says it is empty, where
 * `a.flat[[10]]` says "index 10 is out of bounds for size 6".
 */
function checkPositions<P extends NdArray | number | readonly number[]>(pos: P, size: number): P {
  if (typeof pos === 'number') {
    if (pos < -size || pos >= size) throw flatIndexError(pos, size);
    return pos;
  }
  if (Array.isArray(pos)) {
    for (const i of pos as readonly number[]) if (i < -size || i >= size) throw flatIndexError(i, size);
    return pos;
  }
  const a = pos as NdArray;
  if (a.size === 0 || (Number(min(a)) >= -size && Number(max(a)) < size)) return pos;
  for (const v of a.flat) {
    const i = Number(v as number | bigint);
    if (i < -size || i >= size) throw flatIndexError(v as number | bigint, size);
  }
  return pos;
}

/** The C-order index of flat position `i` in `shape`. */
function unravel(i: number, shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  for (let k = shape.length - 1; k >= 0; k--) {
    out[k] = i % shape[k];
    i = Math.floor(i / shape[k]);
  }
  return out;
}
