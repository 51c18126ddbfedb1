/**
 * Layouts shared between views made the same way. A program makes views of
 * one array again and again (`a.index('1:-1:2')` in a loop, `m.T` per
 * call); each used to build its own shape and strides arrays, which cost
 * more than the view object itself, in allocation and in the young
 * generation's copying while the views are alive.
 *
 * Why sharing is safe: an array's layout arrays are never changed in place.
 * Every operation builds new ones, `derive` shares its inputs as they are
 * (a field view already shares its parent's), and the public `shape` and
 * `strides` getters hand them out frozen. So a result computed from the
 * same input arrays (compared by identity) and the same operation is the
 * same value and can be the same object.
 *
 * Each memo keeps one last input and its result: a hit costs a few identity
 * compares, a miss costs what the operation cost before plus the stores. The
 * index memo keeps one such entry per index string, in a bounded map (the
 * parse of the string was already cached there: parsing costs more than the
 * view). Offsets are not memoised: an index's offset change (`delta`) is
 * added to the source's own offset, so views of the same layout at other
 * offsets (the rows of a matrix, fields of records) share one entry. The
 * last field looked up by name is kept too: a record dtype's fields are a
 * null-prototype (dictionary) object, whose lookup cost as much as the view.
 * @module
 */
import { dtype as toDType, DType, type DTypeLike, type Field } from './dtype';
import { applyIndex, parseIndex, type IndexItem } from './indexing';
import { viewLayout } from './layout';

/** The layout of a view relative to its source: shape, strides and the byte offset added to the source's. */
export interface RelativeLayout {
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly delta: number;
}

/** One index string: its parsed items and the last layout it was applied to. */
class IndexMemo implements RelativeLayout {
  inShape: readonly number[] | null = null;
  inStrides: readonly number[] | null = null;
  shape: readonly number[] = [];
  strides: readonly number[] = [];
  delta = 0;

  constructor(readonly items: readonly IndexItem[]) {}
}

const indexMemos = new Map<string, IndexMemo>();
/** Bounds of the index map: entries, and key length (a longer string is parsed each time). */
const INDEX_ENTRIES = 512;
const INDEX_KEY_LENGTH = 256;

/**
 * The layout of basic index string `spec` applied to (`shape`, `strides`):
 * NumPy's `a[spec]` (see {@link applyIndex}), shared with the last view made
 * by the same string from the same layout arrays.
 * @throws IndexError for a bad string or an index out of bounds (nothing is memoised then).
 */
export function indexLayout(spec: string, shape: readonly number[], strides: readonly number[]): RelativeLayout {
  let m = indexMemos.get(spec);
  if (m === undefined) m = parsed(spec);
  if (m.inShape === shape && m.inStrides === strides) return m;
  return applyInto(m, shape, strides);
}

/** A new memo for an index string not seen yet (or too long to keep). */
function parsed(spec: string): IndexMemo {
  const m = new IndexMemo(Object.freeze(parseIndex(spec)));
  if (spec.length <= INDEX_KEY_LENGTH) {
    if (indexMemos.size >= INDEX_ENTRIES) indexMemos.clear();
    indexMemos.set(spec, m);
  }
  return m;
}

/** indexLayout's miss, out of line: the hit is inlined into every `index(string)` (see accessOf in ndarray.ts). */
function applyInto(m: IndexMemo, shape: readonly number[], strides: readonly number[]): IndexMemo {
  const l = applyIndex({ shape: shape as number[], strides: strides as number[], offset: 0 }, m.items);
  m.inShape = shape;
  m.inStrides = strides;
  m.shape = l.shape;
  m.strides = l.strides;
  m.delta = l.offset;
  return m;
}

/** The last `view(dtype)` layout change: its input arrays, itemsize and dtype spec (a string or a DType), and its result (plain variables: a miss allocates nothing more). */
let viewShape: readonly number[] | null = null;
let viewStrides: readonly number[] | null = null;
let viewItemsize = 0;
let viewSpec: string | DType | null = null;
let viewOut: ReturnType<typeof viewLayout> | null = null;

/**
 * The dtype `spec` names and {@link viewLayout} (NumPy's `view(dtype)`
 * rules) of (`shape`, `strides`, `itemsize`) seen as it, shared with the
 * last call made with the same layout arrays, itemsize and spec. Only a
 * string or a DType is remembered (both stand for one immutable DType);
 * a list or record spec could be changed between calls, so it is parsed.
 * @throws TypeError for a bad spec, ValueError as viewLayout (nothing is memoised then).
 */
export function sharedViewLayout(shape: readonly number[], strides: readonly number[], itemsize: number, spec: DTypeLike): ReturnType<typeof viewLayout> {
  if (spec === viewSpec && shape === viewShape && strides === viewStrides && itemsize === viewItemsize) return viewOut!;
  return viewMiss(shape, strides, itemsize, spec);
}

/** sharedViewLayout's miss, out of line (see indexLayout). */
function viewMiss(shape: readonly number[], strides: readonly number[], itemsize: number, spec: DTypeLike): ReturnType<typeof viewLayout> {
  const out = viewLayout(shape, strides, itemsize, toDType(spec));
  if (typeof spec === 'string' || spec instanceof DType) {
    viewShape = shape;
    viewStrides = strides;
    viewItemsize = itemsize;
    viewSpec = spec;
    viewOut = out;
  }
  return out;
}

/** The last default transpose (axes reversed): its input arrays and its result, one object reused. */
class Reversal {
  inShape: readonly number[] | null = null;
  inStrides: readonly number[] | null = null;
  shape: readonly number[] = [];
  strides: readonly number[] = [];
}
const reversal = new Reversal();

/**
 * `shape` and `strides` with their axes reversed (the default transpose,
 * `T`), shared with the last call made with the same arrays. Read the
 * result at once: the next call reuses the object.
 */
export function reversedLayout(shape: readonly number[], strides: readonly number[]): { readonly shape: readonly number[]; readonly strides: readonly number[] } {
  const r = reversal;
  if (shape !== r.inShape || strides !== r.inStrides) reverseInto(r, shape, strides);
  return r;
}

/** reversedLayout's miss, out of line: the hit is inlined into every `T` (see accessOf in ndarray.ts). */
function reverseInto(r: Reversal, shape: readonly number[], strides: readonly number[]): void {
  const n = shape.length;
  const sh = new Array<number>(n);
  const st = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    sh[i] = shape[n - 1 - i];
    st[i] = strides[n - 1 - i];
  }
  r.inShape = shape;
  r.inStrides = strides;
  r.shape = sh;
  r.strides = st;
}

/** The last field found by name, and its dtype (DTypes are immutable: the same DType and name give the same field). */
let fieldDt: DType | null = null;
let fieldName = '';
let fieldOut: Field | undefined;

/** Field `name` of `dt` (its dtype and byte offset), or undefined when `dt` has no such field. */
export function fieldOf(dt: DType, name: string): Field | undefined {
  if (dt === fieldDt && name === fieldName) return fieldOut;
  return fieldMiss(dt, name);
}

/** fieldOf's miss, out of line (see indexLayout). */
function fieldMiss(dt: DType, name: string): Field | undefined {
  const fields = dt.fields;
  if (fields === null || !Object.prototype.hasOwnProperty.call(fields, name)) return undefined;
  const f = fields[name];
  fieldDt = dt;
  fieldName = name;
  fieldOut = f;
  return f;
}
