/**
 * NumPy's advanced ("fancy") indexing: integer-array and boolean-mask index
 * items mixed with basic ones, read (a copy), written (a scatter, the last
 * repeated index wins) or accumulated (`addAt`, NumPy's unbuffered
 * `np.add.at`), and the functions built on the same gather: `take`, `put`,
 * `compress`, `nonzero`, `argwhere`, `flatnonzero`.
 *
 * NumPy's rules, as implemented here:
 * - a boolean array of k dimensions stands for the k integer arrays of its
 *   `nonzero()`, and must match the k axes it indexes; a 0-d boolean adds an
 *   axis of length 1 (true) or 0 (false);
 * - once any array is present, plain integers are advanced items too (0-d);
 * - the index arrays broadcast together; their broadcast shape replaces the
 *   indexed axes where the first advanced item stands when all advanced
 *   items are adjacent, and goes first otherwise (`b[1, :, idx]` has shape
 *   `(len(idx), …)`);
 * - the result of a read is a new array laid out with the index dimensions
 *   outermost (C order) and the other dimensions in the source's memory order.
 * @module
 */
import { inspect } from 'util';
import { dtype as toDType, type DType } from './dtype';
import { makeCaster } from './cast';
import { broadcastTo } from './views';
import { asarray } from './array-coerce';
import { elementValue, fromValue, isElementPosition } from './assign';
import { IndexError, OverflowError, ValueError, repr } from './errors';
import { ellipsis, newaxis, parseIndex, Slice, VALID_INDICES, type IndexItem } from './indexing';
import { forEachOffset2 } from './iterate';
import { broadcastShape } from './broadcast';
import { ravelByKernels } from './flat-index';
import { MAXDIMS, memoryOrder, normalizeAxis, shapeToSize, shapeToStrides } from './layout';
import { tupleNoSpace } from './format';
import { codecOf, derive, ITERATOR_READ_ONLY, WRITEBACK_READ_ONLY, readOnlyError, requireArray, requireOpen, storageOf, writeFlagOf, NdArray as ArrayClass } from './internal';
import type { NdArray } from './ndarray';
import { canCast, isNumeric, numericType, resultType, weakKind, type PyScalar } from './promote';
import { UFuncTypeError } from './ufunc';
import {
  allocateOrdered,
  arithOf,
  BOOL,
  INTP,
  isNonZero,
  kOrder,
  offsetsOf,
  readValues,
  toIndex,
  writeValues,
} from './compute-values';
import { indicesOf, typedLayout } from './typed-reader';
import { NATIVE_MIN_ELEMENTS } from './kernels';
import { mayShareMemory } from './memory';
import { addAtNative, ufuncAtByKernel, compressNative, countNative, nonzeroNative, putNative, rowBytes, takeNative } from './index-kernels';
import { storesWholeItems } from './fresh-memory';
import { releaseTemporary } from './release';
import { positionalOptions, readKnownOptions } from './options';

/** One item of an advanced index: a basic item (or an index string of them), an index array, a JS list of ints / bools, or a JS boolean (Python's True/False: a 0-d mask). */
export type FancyItem = IndexItem | string | NdArray | boolean | readonly (number | bigint | boolean)[];

const WRITE_REFUSED = 'assignment destination is read-only';

/** True when `items` holds an array item (so the index is advanced, not basic). */
export function isFancy(items: readonly unknown[]): boolean {
  // Every item but one ellipsis consumes an axis or adds one, and an array
  // has at most 64 of each: a longer tuple is refused before it is walked (a
  // sparse list of length 2^32-1 given to set() was iterated hole by hole).
  if (items.length > 2 * MAXDIMS + 1) throw new IndexError(`too many indices for array: ${items.length} index items`);
  // A JS boolean is Python's True/False: a 0-d boolean index array.
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (it instanceof ArrayClass || Array.isArray(it) || typeof it === 'boolean') return true;
  }
  return false;
}


/** Checks a JS list index holds only integers and booleans, at any depth (NumPy refuses [0.5], ['1'], [slice]). */
function checkIndexList(it: readonly unknown[], depth = 0): void {
  // A list that holds itself would recurse until the stack overflows: NumPy's dimension limit first.
  if (depth >= MAXDIMS) throw new ValueError(`setting an array element with a sequence. The requested array would exceed the maximum number of dimension of ${MAXDIMS}.`);
  for (const x of it) {
    if (Array.isArray(x)) checkIndexList(x, depth + 1);
    else if (!(typeof x === 'bigint' || typeof x === 'boolean' || (typeof x === 'number' && Number.isInteger(x)))) throw new IndexError(VALID_INDICES);
  }
}

function asIndexArray(it: NdArray | readonly (number | bigint | boolean)[]): NdArray {
  if (it instanceof ArrayClass) return signedIndex(it);
  // Not a list (null, a number, a Symbol, ...): for...of below said only "it is not iterable".
  if (!Array.isArray(it)) throw new TypeError(`an index (or condition) must be an NdArray or a list of integers or booleans, got ${repr(it)}`);
  checkIndexList(it);
  const allBool = it.length > 0 && it.every((x) => typeof x === 'boolean');
  if (allBool) return fromValue(it as unknown[], BOOL);
  // The array NumPy makes of the list: int64, or uint64 when every integer
  // is 2^63 or more (then read as int64, below); beside smaller ones that is
  // float64, past 2^64 - 1 or below -2^63 an object array: not an index.
  const range = listRange(it);
  if (range === 'invalid') throw new IndexError(VALID_INDICES);
  return range === 'u64' ? signedIndex(fromValue(it as unknown[], UINT64)) : fromValue(it as unknown[], INTP);
}

const UINT64 = toDType('<u8');
const I64_MIN = -(2n ** 63n);
const U64_MIN = 2n ** 63n;
const U64_END = 2n ** 64n;

/** Which integer type NumPy's array of a checked index list has (see asIndexArray). */
function listRange(list: readonly unknown[]): 'i64' | 'u64' | 'invalid' {
  let small = false;
  let big = false;
  const walk = (l: readonly unknown[]): boolean => {
    for (const x of l) {
      if (Array.isArray(x)) {
        if (!walk(x)) return false;
        continue;
      }
      if (typeof x === 'boolean') continue;
      // Past ±2^53 a number is the integer it holds (2 ** 63 is 2^63 exactly).
      const v = typeof x === 'bigint' ? x : Math.abs(x as number) < 2 ** 53 ? null : BigInt(x as number);
      if (v === null || (v >= I64_MIN && v < U64_MIN)) small = true;
      else if (v >= U64_MIN && v < U64_END) big = true;
      else return false;
    }
    return true;
  };
  if (!walk(list) || (small && big)) return 'invalid';
  return big ? 'u64' : 'i64';
}

/**
 * NumPy converts an index array to intp by a 'same_kind' cast: uint64 is
 * read as int64, so 2^64 - 1 is -1 (the last item) and 2^63 is -2^63 (out
 * of bounds). A view, not a copy; other dtypes are returned as they are.
 */
function signedIndex(a: NdArray): NdArray {
  return a.dtype.kind === 'u' && a.dtype.itemsize === 8 && !a.dtype.isStructured ? a.view(a.dtype.isnative ? INTP : INTP.newbyteorder('>')) : a;
}

/**
 * Index array items with uint64 ones read as int64 (signedIndex): what every
 * path of a fancy index sees. A 0-d one is an integer to NumPy (Python's
 * `__index__`), so past a C long it is NumPy's OverflowError, not a wrap.
 */
function signedItems(items: readonly FancyItem[]): readonly FancyItem[] {
  const u64 = (it: unknown): it is NdArray => it instanceof ArrayClass && it.dtype.kind === 'u' && it.dtype.itemsize === 8 && !it.dtype.isStructured;
  if (!items.some(u64)) return items;
  return items.map((it) => {
    if (!u64(it)) return it;
    if (it.ndim === 0 && BigInt(it.toArray() as bigint | number) >= U64_MIN) throw new OverflowError('Python int too large to convert to C long');
    return signedIndex(it);
  });
}

/**
 * Item `i` (C order) of the index array `src`, exactly, for an error
 * message: the numbers the index paths read lose precision past 2^53
 * (index -9223372036854775808, not -9223372036854776000).
 */
function exactIndexText(src: NdArray | undefined, i: number, x: number): string {
  if (src === undefined || Math.abs(x) < 2 ** 53) return String(x);
  const coords = new Array<number>(src.ndim);
  for (let d = src.ndim - 1; d >= 0; d--) {
    coords[d] = i % src.shape[d];
    i = Math.floor(i / src.shape[d]);
  }
  return String(src.index(...coords).toArray());
}

/** The selection an advanced index makes: one storage offset per selected element, and the result's shape. */
interface Selection {
  /** Shape of the result (`a[key]`). */
  shape: number[];
  /** Storage byte offset of each selected element, in C order of `shape`. */
  offsets: number[];
  /** Axis order (outermost first) NumPy gives a new result array. */
  order: number[];
}

/**
 * Analyses `a[items]` (at least one array item) and lists the offsets it
 * selects. `beforeBounds` sees the result's shape before any index is checked
 * against its axis.
 */
export function select(a: NdArray, items: readonly FancyItem[], beforeBounds?: (shape: readonly number[]) => void): Selection {
  requireOpen(a);
  const basic: IndexItem[] = [];
  // Per advanced entry: its index values (numbers), shape, and which basic item stands for it.
  const adv: { values: number[] | Float64Array; shape: readonly number[]; item: number; mask?: { size: number; dim: number }; strides?: readonly number[]; int?: boolean; src?: NdArray }[] = [];
  const hasArray = isFancy(items);
  // Index strings among the items ('1:3', '..., ::2') stand for their parsed items.
  const flat = items.flatMap((it) => (typeof it === 'string' ? parseIndex(it) : [it]));
  // Boolean masks whose true positions are listed only once their lengths
  // match the axes they index: a mask of 2^26 items against an axis of 2
  // was walked for 26 s before NumPy's IndexError (piecewise's conditions).
  const masks: { arr: NdArray; first: number }[] = [];
  for (const raw of flat) {
    if (typeof raw === 'boolean') {
      // Python's True/False: a 0-d boolean array (a new axis of length 1 or 0).
      basic.push(newaxis);
      adv.push({ values: raw ? [0] : [], shape: [raw ? 1 : 0], item: basic.length - 1 });
      continue;
    }
    if (raw instanceof ArrayClass || Array.isArray(raw)) {
      const arr = asIndexArray(raw as NdArray);
      const k = arr.dtype.kind;
      if (k === 'b') {
        if (arr.ndim === 0) {
          basic.push(newaxis);
          adv.push({ values: arr.toArray() ? [0] : [], shape: [arr.toArray() ? 1 : 0], item: basic.length - 1 });
          continue;
        }
        masks.push({ arr, first: adv.length });
        for (let d = 0; d < arr.ndim; d++) {
          basic.push(new Slice());
          adv.push({ values: [], shape: [0], item: basic.length - 1, mask: { size: arr.shape[d], dim: d } });
        }
        continue;
      }
      if (k !== 'i' && k !== 'u') throw new IndexError('arrays used as indices must be of integer (or boolean) type');
      basic.push(new Slice());
      adv.push({ values: indicesOf(arr) ?? readValues(arr).map(toIndex), shape: arr.shape, item: basic.length - 1, strides: raw instanceof ArrayClass ? arr.strides : undefined, src: arr });
    } else if (typeof raw === 'number' && hasArray) {
      basic.push(new Slice());
      adv.push({ values: [raw], shape: [], item: basic.length - 1, int: true });
    } else {
      basic.push(raw as IndexItem);
    }
  }
  const view = a.index(...basic);
  // Which axis of the view each basic item became.
  const axisOf = new Array<number>(basic.length).fill(-1);
  let consumed = 0;
  for (const it of basic) if (it !== newaxis && it !== null && it !== ellipsis) consumed++;
  let out = 0;
  for (let k = 0; k < basic.length; k++) {
    const it = basic[k];
    if (it === ellipsis) out += a.ndim - consumed;
    else if (typeof it === 'number') continue;
    else axisOf[k] = out++;
  }
  const advAxes = adv.map((e) => axisOf[e.item]);
  // The axis of `a` each basic item indexes (NumPy names that one in the mask error).
  const srcAxisOf = new Array<number>(basic.length).fill(-1);
  let src = 0;
  for (let k = 0; k < basic.length; k++) {
    const it = basic[k];
    if (it === ellipsis) src += a.ndim - consumed;
    else if (it !== newaxis && it !== null) srcAxisOf[k] = src++;
  }
  for (let k = 0; k < adv.length; k++) {
    const m = adv[k].mask;
    const n = view.shape[advAxes[k]];
    if (m !== undefined && m.size !== n) {
      throw new IndexError(`boolean index did not match indexed array along axis ${srcAxisOf[adv[k].item]}; size of axis is ${n} but size of corresponding boolean axis is ${m.size}`);
    }
    // A plain integer is checked as NumPy parses the index, before the value's shape
    // (a[0, []] = [1, 2] on an empty axis 0 is the IndexError; fuzz seeds 3176 4412).
    const x = adv[k].int === true ? adv[k].values[0] : 0;
    if (adv[k].int === true && (x < -n || x >= n)) throw new IndexError(`index ${x} is out of bounds for axis ${srcAxisOf[adv[k].item]} with size ${n}`);
  }
  for (const { arr, first } of masks) {
    const coords = nonzeroValues(arr);
    for (let d = 0; d < coords.length; d++) {
      adv[first + d].values = coords[d];
      adv[first + d].shape = [coords[d].length];
    }
  }
  // Broadcast the index arrays.
  const nb = Math.max(0, ...adv.map((e) => e.shape.length));
  const bshape = new Array<number>(nb).fill(1);
  for (const e of adv) {
    const lead = nb - e.shape.length;
    e.shape.forEach((n, i) => {
      const t = bshape[lead + i];
      if (t === 1) bshape[lead + i] = n;
      else if (n !== t && n !== 1) {
        // NumPy lists the index arrays (an integer, or a 0-d array, is none), without spaces.
        const shapes = adv.filter((x) => x.shape.length > 0).map((x) => tupleNoSpace(x.shape));
        throw new IndexError(`shape mismatch: indexing arrays could not be broadcast together with shapes ${shapes.join(' ')} `);
      }
    });
  }
  const sorted = [...advAxes].sort((x, y) => x - y);
  const adjacent = sorted.every((x, i) => i === 0 || x === sorted[i - 1] + 1) && advAxes.every((x, i) => x === sorted[i]);
  const restAxes = [...view.shape.keys()].filter((ax) => !advAxes.includes(ax));
  // NumPy's iterator takes at most 64 operands: the index arrays and the result (or the subspace).
  if (restAxes.length === 0 && adv.length > 63) {
    throw new IndexError(`when no subspace is given, the number of index arrays cannot be above 63, but ${adv.length} index arrays found`);
  }
  const first = adjacent && sorted.length > 0 ? restAxes.filter((ax) => ax < sorted[0]).length : 0;
  const pre = restAxes.slice(0, first);
  const post = restAxes.slice(first);
  const shape = [...pre.map((ax) => view.shape[ax]), ...bshape, ...post.map((ax) => view.shape[ax])];
  // NumPy's setitem checks the value against the result's shape before the
  // index bounds (its iterator meets an out-of-range index only while storing).
  beforeBounds?.(shape);
  // Normalise and check every index against its axis; an empty broadcast takes no
  // item, and NumPy's iterator then meets no index to check (a[[5], []] of a 2 x 3
  // array is empty; fuzz seed 9841733).
  for (let k = 0; k < adv.length && shapeToSize(bshape) > 0; k++) {
    const n = view.shape[advAxes[k]];
    const v = adv[k].values;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      // NumPy names the axis of `a` (newaxis items are none of its axes).
      if (x < -n || x >= n) throw new IndexError(`index ${exactIndexText(adv[k].src, i, x)} is out of bounds for axis ${srcAxisOf[adv[k].item]} with size ${n}`);
      if (x < 0) v[i] = x + n;
    }
  }
  // Offsets of the index positions (C order of bshape).
  const nIdx = shapeToSize(bshape);
  const advOff = new Array<number>(nIdx).fill(0);
  for (let k = 0; k < adv.length; k++) {
    const e = adv[k];
    const stride = view.strides[advAxes[k]];
    const lead = nb - e.shape.length;
    // Element strides of this index array broadcast to bshape.
    const es = new Array<number>(nb).fill(0);
    let s = 1;
    for (let i = e.shape.length - 1; i >= 0; i--) {
      es[lead + i] = e.shape[i] === 1 ? 0 : s;
      s *= e.shape[i];
    }
    forEachIndex(bshape, es, (j, src) => {
      advOff[j] += e.values[src] * stride;
    });
  }
  const sub = (axes: number[]): NdArray => derive(view, ArrayClass.prototype, view.dtype, axes.map((ax) => view.shape[ax]), axes.map((ax) => view.strides[ax]), 0);
  const preOff = offsetsOf(sub(pre));
  const postOff = offsetsOf(sub(post));
  const offsets = new Array<number>(preOff.length * nIdx * postOff.length);
  let f = 0;
  for (const p of preOff) {
    for (let j = 0; j < nIdx; j++) {
      const base = view.offset + p + advOff[j];
      for (const q of postOff) offsets[f++] = base + q;
    }
  }
  // Layout: index dims outermost, the rest in the source's memory order as
  // NumPy's PyArray_CreateSortedStridePerm sorts the subspace: a stable sort by
  // |stride|, largest first, so a broadcast (stride-0) axis goes innermost
  // (fuzz seeds 13709 15663; 9230 9443 through an astype of such a result).
  const restPos = [...pre.map((_, i) => i), ...post.map((_, i) => pre.length + nb + i)];
  const restOrder = memoryOrder(restAxes.map((ax) => view.strides[ax])).map((i) => restPos[i]);
  // The index dims follow the index arrays' own layout only when they are
  // the whole result; beside a subspace NumPy lays them out in C order
  // (np.asfortranarray(a)[b.T] of a 3-d `a`: index dims C, subspace F).
  const indexDims = restAxes.length === 0 ? indexOrder(adv, bshape) : bshape.map((_, i) => i);
  const order = [...indexDims.map((i) => pre.length + i), ...restOrder];
  return { shape, offsets, order };
}


/** An index dtype `take` reads as intp under its 'safe' cast: signed integers, unsigned below 64 bits. */
function isTakeIndex(dt: DType): boolean {
  return dt.kind === 'i' || (dt.kind === 'u' && dt.itemsize < 8);
}

/**
 * The order (outermost first) of the index dimensions in a new result: the
 * memory order of the index arrays when they all agree on one (NumPy's
 * iterator keeps an F-ordered index array's order: `a[b.T]` is
 * F-contiguous), else C order. Lists and masks count as C-ordered.
 */
function indexOrder(adv: readonly { shape: readonly number[]; strides?: readonly number[] }[], bshape: readonly number[]): number[] {
  const c = bshape.map((_, i) => i);
  if (bshape.length < 2 || adv.length === 0) return c;
  let agreed: number[] | null = null;
  for (const e of adv) {
    if (e.shape.length === 0) continue; // an integer item: a 0-d index, no order
    if (e.strides === undefined) return c;
    const lead = bshape.length - e.shape.length;
    const st = bshape.map((_, i) => (i < lead || e.shape[i - lead] === 1 ? 0 : e.strides![i - lead]));
    if (st.every((x) => x === 0)) continue; // a broadcast scalar says nothing
    const o = kOrder(bshape, st);
    if (agreed !== null && o.some((x, i) => x !== agreed![i])) return c;
    agreed = o;
  }
  return agreed ?? c;
}

/** Calls fn(j, src) over a shape in C order: j the flat position, src the dot product with `strides`. */
function forEachIndex(shape: readonly number[], strides: readonly number[], fn: (j: number, src: number) => void): void {
  const n = shapeToSize(shape);
  if (n === 0) return;
  const nd = shape.length;
  const idx = new Array<number>(nd).fill(0);
  let src = 0;
  for (let j = 0; j < n; j++) {
    fn(j, src);
    for (let ax = nd - 1; ax >= 0; ax--) {
      idx[ax]++;
      src += strides[ax];
      if (idx[ax] < shape[ax]) break;
      src -= strides[ax] * shape[ax];
      idx[ax] = 0;
    }
  }
}

/** Copies the items at `offsets` of `a` into a new array of `shape` laid out in `order`. */
export function gather(a: NdArray, offsets: readonly number[], shape: readonly number[], order: readonly number[]): NdArray {
  const r = allocateOrdered(a.dtype, shape, order);
  if (offsets.length === 0) return r;
  const n = a.itemsize;
  const dst = storageOf(r).single!;
  const at = storageOf(a).cursor(n);
  let i = 0;
  forEachOffset2(r.shape, r.strides, 0, r.strides, 0, (d) => {
    const w = at(offsets[i++]);
    const s = offsets[i - 1] - w.start;
    dst.bytes.set(w.bytes.subarray(s, s + n), d);
  });
  return r;
}

/** `a[items]` with at least one array item: a new array (NumPy's advanced indexing). */
export function getitem(a: NdArray, items: readonly FancyItem[]): NdArray {
  items = signedItems(items);
  const fast = getitemByKernels(a, items);
  if (fast !== null) return fast;
  const s = select(a, items);
  return gather(a, s.offsets, s.shape, s.order);
}

/**
 * The forms of `a[key]` the kernels take, or null for the general path
 * (which also gives every error). Several adjacent index arrays, or a mask
 * after whole slices, are first one index into merged axes (`mergedIndex`);
 * whole slices then one index array are `takenAfterSlices`. One array over
 * the leading axes: a boolean mask over `a`'s leading
 * axes (its shape theirs) is `compress` of the flattened items, or `take`
 * of the flattened rows at the mask's true positions; an integer array is
 * `take` along the first axis. Both give NumPy's result when it is C-ordered:
 * a subspace whose strides do not grow, and an index array in C order when
 * it indexes every axis (NumPy's result follows its layout then); the items
 * in C order of the mask (or of the index array). A uint64 index array
 * arrives here as int64 (getitem's signedItems), as NumPy reads it.
 */
function getitemByKernels(a: NdArray, items: readonly FancyItem[]): NdArray | null {
  if (a.ndim === 0) return null;
  const merged = mergedIndex(a, items);
  if (merged !== null) [a, items] = merged;
  if (items.length !== 1) return takenAfterSlices(a, items);
  const key = items[0];
  if (!(key instanceof ArrayClass) || key.ndim === 0 || (key.dtype.kind === 'b' && key.ndim > a.ndim) || key.size < NATIVE_MIN_ELEMENTS) return null;
  requireOpen(a);
  requireOpen(key);
  const dt = key.dtype;
  // NumPy lays the subspace (the axes the key leaves) out in the source's
  // memory order (select's restOrder); take's result is C-ordered.
  if (!isCOrder(memoryOrder(a.strides.slice(dt.kind === 'b' ? key.ndim : 1)))) return null;
  if (dt.kind === 'b') {
    for (let d = 0; d < key.ndim; d++) if (key.shape[d] !== a.shape[d]) return null;
    const mask = key.reshape(-1);
    const inner = a.shape.slice(key.ndim);
    if (inner.length === 0) return compress(mask, a.reshape(-1));
    return take(a.reshape([mask.size, ...inner]), nonzero(mask)[0], { axis: 0 });
  }
  // take's result is C-ordered; without a subspace NumPy's index dims follow
  // the index array's layout (indexOrder), so that must be C order then.
  if (isTakeIndex(dt) && (a.ndim > 1 || isCOrder(indexOrder([{ shape: key.shape, strides: key.strides }], key.shape)))) {
    return take(a, key, { axis: 0 });
  }
  return null;
}

/**
 * `a[:, ..., :, idx]` (whole slices, then one integer array of 256 items or
 * more) by the kernels: `take` along that axis, then, unless it already is,
 * laid out as NumPy lays out an index after the first axis (select's order:
 * the index dims outermost in C order, the other axes in the source's memory
 * order). Null for any other key.
 */
function takenAfterSlices(a: NdArray, items: readonly FancyItem[]): NdArray | null {
  const flat = items.flatMap((it) => (typeof it === 'string' ? parseIndex(it) : [it]));
  const k = flat.length - 1;
  if (k < 1 || k >= a.ndim) return null;
  for (let i = 0; i < k; i++) {
    const it = flat[i];
    if (!(it instanceof Slice) || it.start !== null || it.stop !== null || (it.step !== null && it.step !== 1)) return null;
  }
  const key = flat[k];
  if (!(key instanceof ArrayClass) || key.ndim === 0 || key.size < NATIVE_MIN_ELEMENTS) return null;
  if (!isTakeIndex(key.dtype)) return null;
  requireOpen(a);
  requireOpen(key);
  // The result's other axes (those before the index, then those after it) in
  // the source's memory order, inside the index axis (taken flat, then split
  // into the index's own axes in C order).
  const rest = [...a.shape.keys()].filter((i) => i !== k);
  const restStrides = [...a.strides.slice(0, k), ...a.strides.slice(k + 1)];
  const order = [k, ...memoryOrder(restStrides).map((p) => rest[p])];
  const direct = takeByOuterRows(a, key, k, 'raise', order);
  if (direct !== null) return direct;
  const t = take(a, key, { axis: k });
  const nIdx = key.ndim;
  const tRest = [...t.shape.keys()].filter((i) => i < k || i >= k + nIdx);
  const tOrder = [...Array.from({ length: nIdx }, (_, j) => k + j), ...memoryOrder(restStrides).map((p) => tRest[p])];
  if (isCOrder(tOrder)) return t;
  const r = allocateOrdered(a.dtype, t.shape, tOrder, storesWholeItems(a.dtype));
  r.set(t);
  // The take's own memory goes back to the pool now, not at the next GC.
  releaseTemporary(storageOf(t));
  return r;
}

/** A whole slice (`:`), which keeps its axis as it is. */
function isWhole(it: unknown): boolean {
  return it instanceof Slice && it.start === null && it.stop === null && (it.step === null || it.step === 1);
}

/**
 * `a[:, …, :, i0, i1, …, :, …]` (whole slices or one ellipsis around two or
 * more adjacent integer arrays, their broadcast size 256 or more), and
 * `a[:, …, :, mask, :, …]` (a boolean mask of 256 items or more after at
 * least one whole slice, its shape that of the axes it indexes), as the same
 * selection by one integer index into a view of `a` whose indexed axes are
 * merged into one, which their strides must allow (each the next one's
 * stride times its length): the arrays' flat indices (`ravelByKernels`, a
 * negative index counting from the end of its axis), or the mask's
 * `flatnonzero`. The result's shape and values are the same; so is NumPy's
 * layout, except without other axes, where it follows the index arrays'
 * layout (only C order is merged then). Null for any other key, or an index
 * out of bounds (the general path names it).
 */
function mergedIndex(a: NdArray, items: readonly FancyItem[]): [NdArray, FancyItem[]] | null {
  let list: FancyItem[] = items.flatMap((it) => (typeof it === 'string' ? parseIndex(it) : [it]));
  const e = list.indexOf(ellipsis);
  if (e >= 0) {
    if (list.indexOf(ellipsis, e + 1) >= 0 || list.length - 1 > a.ndim) return null;
    // A mask stands for as many axes as it has.
    const used = list.reduce<number>((n, it) => n + (it === ellipsis ? 0 : it instanceof ArrayClass && it.dtype.kind === 'b' ? it.ndim : 1), 0);
    if (used > a.ndim) return null;
    list = [...list.slice(0, e), ...new Array<FancyItem>(a.ndim - used).fill(new Slice()), ...list.slice(e + 1)];
  }
  let k = 0;
  while (k < list.length && isWhole(list[k])) k++;
  const first = list[k];
  let m: number; // index items
  let span: number; // axes they index
  if (first instanceof ArrayClass && first.dtype.kind === 'b') {
    if (k === 0 || first.ndim === 0 || first.size < NATIVE_MIN_ELEMENTS) return null;
    m = 1;
    span = first.ndim;
  } else {
    m = 0;
    while (k + m < list.length && list[k + m] instanceof ArrayClass && isTakeIndex((list[k + m] as NdArray).dtype)) m++;
    if (m < 2) return null;
    span = m;
  }
  if (list.length - m + span > a.ndim || !list.slice(k + m).every(isWhole)) return null;
  for (let j = k; j < k + span - 1; j++) if (a.strides[j] !== a.strides[j + 1] * a.shape[j + 1]) return null;
  const dims = a.shape.slice(k, k + span);
  if (dims.includes(0)) return null;
  requireOpen(a);
  const arrays = list.slice(k, k + m) as NdArray[];
  arrays.forEach(requireOpen);
  let flat: NdArray;
  if (m === 1) {
    const mask = first as NdArray;
    if (mask.shape.some((n, d) => n !== dims[d])) return null;
    flat = flatnonzero(mask);
  } else {
    let shape: number[];
    try {
      shape = broadcastShape(arrays.map((x) => x.shape));
    } catch {
      return null;
    }
    if (m === a.ndim && !isCOrder(indexOrder(arrays, shape))) return null;
    const f = ravelByKernels(arrays, dims, shape, true);
    if (f === null || f === 'outside') return null;
    flat = f;
  }
  const merged = derive<NdArray>(
    a,
    ArrayClass.prototype,
    a.dtype,
    [...a.shape.slice(0, k), shapeToSize(dims), ...a.shape.slice(k + span)],
    [...a.strides.slice(0, k), a.strides[k + span - 1], ...a.strides.slice(k + span)],
    a.offset,
    writeFlagOf(a),
  );
  return [merged, [...list.slice(0, k), flat]];
}

function isCOrder(order: readonly number[]): boolean {
  return order.every((ax, i) => ax === i);
}

/**
 * `v` broadcast to `shape`, an advanced index's result, as NumPy's mapiter
 * takes a value array: one with more axes is first reshaped to its last
 * `shape.length` axes, which must hold as many items (leading length-1
 * axes, or any axes of an empty array: `a[[]] = zeros([2, 0])` is
 * accepted, `zeros([2, 1])` is not), then broadcast.
 */
export function toIndexResult(v: NdArray, shape: readonly number[]): NdArray {
  let w = v;
  if (w.ndim > shape.length) {
    const trailing = w.shape.slice(w.ndim - shape.length);
    if (shapeToSize(trailing) === w.size) w = w.size === 0 ? w.reshape(trailing) : w.index(...new Array<number>(w.ndim - shape.length).fill(0));
  }
  try {
    return broadcastTo(w, shape);
  } catch {
    throw new ValueError(`shape mismatch: value array of shape ${tupleNoSpace(v.shape)} could not be broadcast to indexing result of shape ${tupleNoSpace(shape)}`);
  }
}

/** Values (stored form of `dt`) of `value` broadcast to `shape`, in C order; checks every conversion first. */
function valuesFor(value: unknown, dt: DType, shape: readonly number[]): unknown[] {
  let src: NdArray;
  if (value instanceof ArrayClass) {
    src = value;
  } else {
    src = fromValue(value, dt);
  }
  const vals = readValues(toIndexResult(src, shape));
  if (src.dtype.equals(dt)) return vals;
  const c = makeCaster(src.dtype, dt);
  return vals.map(c);
}

function requireWritable(a: NdArray, message = WRITE_REFUSED): void {
  requireOpen(a);
  if (!writeFlagOf(a)) throw readOnlyError(a, message);
}

/** `a[items] = value` with at least one array item: a scatter; the last of repeated indices wins. */
export function setitem(a: NdArray, items: readonly FancyItem[], value: unknown): void {
  requireWritable(a);
  items = signedItems(items);
  // 0-d integer arrays at every axis name one element: NumPy's integer path checks
  // the bounds first, then converts the value as a scalar.
  const one = isElementPosition(a, items.flatMap((it) => (typeof it === 'string' ? parseIndex(it) : [it])));
  let vals: unknown[] = [];
  const check = (shape: readonly number[]): void => {
    vals = valuesFor(one ? elementValue(a.dtype, value) : value, a.dtype, shape);
  };
  if (!one && setitemByKernels(a, items, value)) return;
  const s = select(a, items, one ? undefined : check);
  if (one) check(s.shape);
  storeAt(a, s.offsets, vals);
}

/** Kinds whose values the kernels move as bytes once cast (numbers and bools). */
const PLAIN_KINDS = 'biufc';

/**
 * The one-array forms of `a[key] = value` by the put kernel, or false for
 * the general path (nothing written then): a boolean mask over the leading
 * axes of a C-contiguous (or 1-d) `a`, and an integer array (or several,
 * merged: `mergedIndex`) along the first axis of `a`, whose rows (the axes
 * after the indexed ones) move as runs of bytes; of numbers or bools. The
 * value is converted as the general path converts it (a scalar or list to
 * `a`'s dtype with NumPy's checks, an array cast unsafely), broadcast to the
 * result's shape (NumPy's shape error), and read whole before the first
 * store (a value that overlaps `a` is copied first); an index out of bounds
 * is NumPy's IndexError with nothing written; repeated indices: the last one
 * wins.
 */
function setitemByKernels(a: NdArray, items: readonly FancyItem[], value: unknown): boolean {
  if (a.ndim === 0 || !PLAIN_KINDS.includes(a.dtype.kind) || a.dtype.isStructured) return false;
  const merged = mergedIndex(a, items);
  if (merged !== null) [a, items] = merged;
  if (items.length !== 1) return putAfterSlices(a, items, value);
  const key = items[0];
  if (!(key instanceof ArrayClass) || key.ndim === 0 || key.size < NATIVE_MIN_ELEMENTS) return false;
  requireOpen(key);
  let flat: NdArray;
  let idx: NdArray;
  let shape: number[];
  if (key.dtype.kind === 'b') {
    if (key.ndim > a.ndim || key.shape.some((n, d) => n !== a.shape[d])) return false;
    if (a.ndim > 1 && !a.flags.cContiguous) return false;
    flat = a.ndim === 1 ? a : a.reshape([key.size, ...a.shape.slice(key.ndim)]);
    idx = flatnonzero(key);
    shape = [idx.size];
  } else if (isTakeIndex(key.dtype)) {
    flat = a;
    idx = key.ndim === 1 ? key : key.reshape(-1);
    shape = [...key.shape];
  } else {
    return false;
  }
  const rowShape = flat.shape.slice(1);
  shape.push(...rowShape);
  const src = kernelValue(value, a);
  if (src === null) return false;
  const v = toIndexResult(src, shape);
  // One row for every index (a scalar, or a row broadcast), else one each, in C order.
  const nIdx = shape.length - rowShape.length;
  const one = v.strides.slice(0, nIdx).every((st) => st === 0);
  const w = one ? v.index(...new Array<number>(nIdx).fill(0)) : v;
  const direct = w.dtype.equals(a.dtype) && (rowShape.length === 0 ? w.ndim <= 1 : w.flags.cContiguous);
  const vals = (direct ? w : w.astype(a.dtype, 'C')).reshape([one ? 1 : idx.size, ...rowShape]);
  // Reading the value ran the caller's code (a list's getters): the memory is checked again.
  requireWritable(a);
  const bad = putNative(flat, idx, vals, 'raise');
  if (bad === null) {
    // A mask with few true items (the kernel takes 256 indices or more):
    // put's own path, its indices known to be in range.
    if (key.dtype.kind !== 'b' || rowShape.length > 0) return false;
    put(flat, idx, vals);
    return true;
  }
  if (bad !== -1) throw new IndexError(`index ${String(idx.index(bad).toArray())} is out of bounds for axis 0 with size ${flat.shape[0]}`);
  return true;
}

/**
 * A value the put kernel can store into `a` once cast: an array of numbers or
 * bools (copied first when it overlaps `a`), or a scalar or list converted to
 * `a`'s dtype with NumPy's checks; null for other arrays (records, strings).
 */
function kernelValue(value: unknown, a: NdArray): NdArray | null {
  if (!(value instanceof ArrayClass)) return fromValue(value, a.dtype);
  requireOpen(value);
  if (!PLAIN_KINDS.includes(value.dtype.kind) || value.dtype.isStructured) return null;
  return mayShareMemory(value, a) ? value.copy() : value;
}

/**
 * `a[:, …, :, idx] = value` (whole slices, then one integer array of 256
 * items or more, of numbers or bools; setitemByKernels's rules) by the put
 * kernel, one call per position of the axes before the last sliced one, the
 * kernel walking that axis: every row of the axes after the index
 * (C-contiguous within a row) is a run of bytes. The value, cast to `a`'s
 * dtype, is read once for all positions when it does not vary along the
 * sliced axes (a scalar, a row of values), else in full. False when it does
 * not qualify (nothing written then).
 */
function putAfterSlices(a: NdArray, items: readonly FancyItem[], value: unknown): boolean {
  const flat = items.flatMap((it) => (typeof it === 'string' ? parseIndex(it) : [it]));
  const k = flat.length - 1;
  if (k < 1 || k >= a.ndim || !flat.slice(0, k).every(isWhole)) return false;
  const key = flat[k];
  if (!(key instanceof ArrayClass) || key.ndim === 0 || key.size < NATIVE_MIN_ELEMENTS || !isTakeIndex(key.dtype)) return false;
  requireOpen(key);
  const outer = a.shape.slice(0, k);
  const inner = a.shape.slice(k + 1);
  const count = shapeToSize(outer);
  if (count === 0 || a.shape[k] === 0) return false;
  // Rows the kernel cannot move as runs: known before the value is converted.
  if (!rowBytes(derive(a, ArrayClass.prototype, a.dtype, a.shape.slice(k), a.strides.slice(k), a.offset))) return false;
  const idx = key.ndim === 1 ? key : key.reshape(-1);
  const src = kernelValue(value, a);
  if (src === null) return false;
  const v = toIndexResult(src, [...outer, ...key.shape, ...inner]);
  // One set of values for every position of the sliced axes when it does not vary along them.
  const shared = v.strides.slice(0, k).every((st) => st === 0);
  let w = shared ? v.index(...new Array<number>(k).fill(0)) : v;
  // One row for every index, likewise.
  const at = shared ? 0 : k;
  const oneRow = w.strides.slice(at, at + key.ndim).every((st) => st === 0);
  if (oneRow) w = w.index(...new Array<IndexItem>(at).fill(new Slice()), ...new Array<number>(key.ndim).fill(0));
  const vals = w.dtype.equals(a.dtype) && w.flags.cContiguous ? w : w.astype(a.dtype, 'C');
  const m = oneRow ? 1 : idx.size;
  const rowShape = [m, ...inner];
  const rowStrides = shapeToStrides(rowShape, a.itemsize);
  const block = rowStrides[0] * m;
  // Reading the value ran the caller's code (a list's getters): the memory is checked again.
  requireWritable(a);
  const last = outer[k - 1];
  const pos = new Array<number>(k - 1).fill(0);
  for (let o = 0; o < count / last; o++) {
    let off = a.offset;
    for (let d = 0; d < k - 1; d++) off += pos[d] * a.strides[d];
    const target = derive(a, ArrayClass.prototype, a.dtype, a.shape.slice(k), a.strides.slice(k), off);
    const values = derive(vals, ArrayClass.prototype, vals.dtype, rowShape, rowStrides, vals.offset + (shared ? 0 : o * last * block));
    const bad = putNative(target, idx, values, 'raise', [last, a.strides[k - 1], shared ? 0 : block]);
    // The same shapes and strides at every position: the first call decides, before any write.
    if (bad === null) return false;
    if (bad !== -1) throw new IndexError(`index ${String(idx.index(bad).toArray())} is out of bounds for axis ${k} with size ${a.shape[k]}`);
    for (let q = k - 2; q >= 0; q--) {
      if (++pos[q] < outer[q]) break;
      pos[q] = 0;
    }
  }
  return true;
}

function storeAt(a: NdArray, offsets: readonly number[], vals: readonly unknown[]): void {
  const codec = codecOf(a);
  const conv = vals.map((v) => codec.convert(v));
  // Reading the caller's indices and values ran the caller's code (getters
  // of a list's items, which may close the mapping or release the array):
  // the memory is checked again before the first store.
  requireWritable(a);
  const at = storageOf(a).cursor(a.itemsize);
  for (let i = 0; i < offsets.length; i++) {
    const w = at(offsets[i]);
    codec.store(w.view, offsets[i] - w.start, conv[i] as never);
  }
}

/**
 * NumPy's `np.add.at(a, items, values)`: `a[items] += values` applied once
 * per index, so repeated indices accumulate. The addition runs in the
 * promoted dtype of `a` and `values` (Python-style scalars weak) and the sum
 * is cast back unsafely (`int8 127 + 1.5` gives -128), as NumPy does.
 * A JS list of values (`addAt(a, [idx], [1, 2, 3])`) becomes an array first
 * (int64 or float64, as NumPy's `asarray`) and must broadcast to the
 * selection ("array is not broadcastable to correct shape"); leaving the
 * values out is NumPy's "second operand needed for ufunc" ValueError.
 */
export function addAt(a: NdArray, items: AtItems, values0: NdArray | PyScalar | readonly unknown[] | ArrayBufferView): void {
  requireArray(a, 'addAt', 'a');
  // NumPy's order: the missing operand first, then the target, then the values as an array.
  if (values0 === undefined) throw new ValueError('second operand needed for ufunc');
  requireWritable(a, ITERATOR_READ_ONLY);
  // A JS list (or a typed array) is an array first, as NumPy's asarray makes one: int64 or float64, not a weak scalar.
  const values = Array.isArray(values0) || ArrayBuffer.isView(values0) ? asarray(values0 as never) : (values0 as NdArray | PyScalar);
  refuseRecordsAt(a.dtype, values);
  const loop = atLoop(a.dtype, values);
  const key = atKey(a, items);
  // An index array per axis of an N-d target: the kernel reads them all (any
  // layout of `a`); else, C-contiguous, the same updates through one flat index.
  if (a.ndim >= 2) {
    // A number is an array of the loop's dtype (NumPy's asarray), when that is `a`'s.
    const v = values instanceof ArrayClass ? values : typeof values === 'number' && loop.equals(a.dtype) ? asarray(values, loop) : null;
    if (v !== null && ufuncAtByKernel('add', a, key, v, loop)) return;
  }
  const flat = flatAtKey(a, key);
  if (flat !== null) {
    const v = values instanceof ArrayClass ? flatAtValues(values, flat.shape) : values;
    if (v !== null) {
      addAt(a.reshape([-1]), [flat.flat], v);
      return;
    }
  }
  if (nativeAddAt(a, key, values, loop)) return;
  if (fastAddAt(a, key, values, loop)) return;
  // Values of a's dtype (or safely cast to it): the add loop of that dtype in the kernel.
  if (values instanceof ArrayClass && ufuncAtByKernel('add', a, key, values, loop)) return;
  const s = atSelection(a, key);
  let vals: unknown[];
  if (values instanceof ArrayClass) {
    // ufunc.at broadcasts its values strictly (no extra leading 1s, which a[idx] = v drops).
    try {
      broadcastTo(values, s.shape);
    } catch {
      throw new ValueError('array is not broadcastable to correct shape');
    }
    vals = valuesFor(values, loop, s.shape);
  } else {
    // A Python int beside an int dtype wraps into it here (NumPy's add.at casts the scalar unsafely).
    vals = new Array<unknown>(s.offsets.length).fill(scalarIn(values, loop));
    if (s.offsets.length === 0) fromValue(values, loop);
  }
  const add = arithOf(loop).add;
  const toLoop = makeCaster(a.dtype, loop);
  const back = makeCaster(loop, a.dtype);
  const codec = codecOf(a);
  const at = storageOf(a).cursor(a.itemsize);
  for (let i = 0; i < s.offsets.length; i++) {
    const off = s.offsets[i];
    const w = at(off);
    const cur = toLoop(codec.read(w.view, off - w.start));
    codec.write(w.view, off - w.start, back(add(cur, vals[i])));
  }
}

/** What `addAt` and the other `ufunc.at` functions take as the index: one item, or a list of items (a tuple in NumPy). */
export type AtItems = NdArray | number | readonly FancyItem[];

/**
 * The index items of `ufunc.at(a, items, ...)`, uint64 index arrays read as
 * int64, as every path of a fancy index sees them. A list of more plain
 * numbers than `a` has axes is NumPy's `np.add.at(a, [2, 5, 2], 1)` written
 * as it is, where a JS list of items is NumPy's tuple: NumPy's IndexError
 * for that many indices, with how to pass one index array instead.
 */
export function atKey(a: NdArray, items: AtItems): readonly FancyItem[] {
  if (Array.isArray(items) && items.length > a.ndim && items.every((x) => typeof x === 'number' || typeof x === 'bigint')) {
    const list = items.map(String).join(', ');
    throw new IndexError(`too many indices for array: array is ${a.ndim}-dimensional, but ${items.length} were indexed (a list of items is NumPy's tuple: for the index array [${list}] pass [[${list}]] or an NdArray)`);
  }
  return signedItems(Array.isArray(items) ? items : [items as FancyItem]);
}

/**
 * `ufunc.at`'s key of one integer index array per axis of a C-contiguous
 * N-d `a` (arrays that broadcast, as `[rows[:, None], cols[None, :]]`; a 1-d
 * array per axis, a 2-d histogram's, goes to the kernel's ufuncAtMulti
 * first, which reads them in place) as the same
 * updates of `a.reshape(-1)`: one flat index (NumPy's
 * `ravel_multi_index` of the wrapped indices, by the kernels; int32 when
 * it fits, read in place by the kernel) and the
 * selection's shape, which the values broadcast to. Null when the key is
 * anything else, small, or holds an index out of bounds: the general path
 * then runs, with NumPy's errors.
 */
export function flatAtKey(a: NdArray, key: readonly FancyItem[]): { flat: NdArray; shape: number[] } | null {
  if (a.ndim < 2 || key.length !== a.ndim || !a.flags.cContiguous || a.size === 0) return null;
  const arrays: NdArray[] = [];
  for (const k of key) {
    if (!(k instanceof ArrayClass) || (k.dtype.kind !== 'i' && k.dtype.kind !== 'u')) return null;
    arrays.push(k);
  }
  let shape: number[];
  try {
    shape = broadcastShape(arrays.map((x) => x.shape));
  } catch {
    return null;
  }
  const f = ravelByKernels(arrays, a.shape, shape, true, true);
  return f === null || f === 'outside' ? null : { flat: f.reshape([-1]), shape };
}

/** Values of `ufunc.at` over a selection of `shape` as the 1-d values of its flat key, or null when they do not broadcast (the general path raises). */
export function flatAtValues(v: NdArray, shape: readonly number[]): NdArray | null {
  if (v.size === 1 && v.ndim <= shape.length) return v.reshape([]);
  try {
    return broadcastTo(v, shape).reshape([-1]);
  } catch {
    return null;
  }
}

/**
 * The items `ufunc.at(a, key, ...)` updates (NumPy's `a[key]`, a basic or an
 * advanced index; IndexError for an index out of range): their storage
 * offsets in C order of the index result, and its shape.
 */
export function atSelection(a: NdArray, key: readonly FancyItem[]): { shape: number[]; offsets: number[] } {
  return isFancy(key) ? select(a, key) : basicSelection(a, key as IndexItem[]);
}

/**
 * Records have no `add` loop: NumPy's add.at raises that TypeError before it
 * looks at the indices or the value's shape (fuzz seeds 20587 48873); a
 * Python scalar value shows as the array np.asarray makes of it.
 */
function refuseRecordsAt(dt: DType, values: NdArray | PyScalar): void {
  const vdt = values instanceof ArrayClass ? values.dtype : null;
  if (!dt.isStructured && !(vdt?.isStructured ?? false)) return;
  const k = vdt === null ? weakKind(values) : null;
  const other = vdt ?? (k === null ? null : numericType(k, k === 'b' ? 1 : k === 'c' ? 16 : 8));
  if (other === null) return;
  const py = (d: DType): string => (d.isStructured ? `dtype(${String(d)})` : `dtype('${String(d)}')`);
  throw new UFuncTypeError(`ufunc 'add' did not contain a loop with signature matching types (${py(dt)}, ${py(other)}) -> None`);
}

/**
 * The loop dtype of NumPy's `ufunc.at`: it makes an array of a Python scalar
 * value first (`np.asarray`: bool, int64 — uint64 past int64's range —,
 * float64 or complex128), so NEP 50's weak scalars do not apply there:
 * uint64 with a Python int adds in float64 (lossy past 2^53), float32 and
 * float16 with a Python scalar add in float64 and round once into the array.
 */
function atLoop(dt: DType, values: NdArray | PyScalar): DType {
  const k = values instanceof ArrayClass ? null : weakKind(values);
  // Bytes and void have no add loop: NumPy's no-loop UFuncTypeError, not a promotion error.
  const vdt = values instanceof ArrayClass ? values.dtype : k === null ? null : numericType(k, k === 'b' ? 1 : k === 'c' ? 16 : 8);
  if (!isNumeric(dt) || (vdt !== null && !isNumeric(vdt))) {
    throw new UFuncTypeError(`ufunc 'add' did not contain a loop with signature matching types (${inspect(dt)}, ${vdt === null ? 'None' : inspect(vdt)}) -> None`);
  }
  if (k === null) return resultType(dt, values as never);
  const big = k === 'i' && BigInt(values as number | bigint) >= 1n << 63n;
  return resultType(dt, big ? numericType('u', 8) : numericType(k, k === 'b' ? 1 : k === 'c' ? 16 : 8));
}

function scalarIn(v: PyScalar, dt: DType): unknown {
  if ((dt.kind === 'i' || dt.kind === 'u') && (typeof v === 'number' || typeof v === 'bigint') && Number.isInteger(Number(v))) {
    const b = BigInt(v);
    const w = dt.kind === 'i' ? BigInt.asIntN(dt.itemsize * 8, b) : BigInt.asUintN(dt.itemsize * 8, b);
    return dt.itemsize === 8 ? w : Number(w);
  }
  const probe = fromValue(v, dt);
  return probe.toArray();
}

function basicSelection(a: NdArray, items: readonly IndexItem[]): Selection {
  const v = a.index(...items);
  return { shape: [...v.shape], offsets: offsetsOf(v), order: [...v.shape.keys()] };
}

/** The kernel's `a[idx] += v` for a 1-d `a` of a float or small int dtype, a 1-d integer index and a scalar. */
function nativeAddAt(a: NdArray, key: readonly FancyItem[], values: NdArray | PyScalar, loop: DType): boolean {
  if (a.ndim !== 1 || key.length !== 1 || !(key[0] instanceof ArrayClass) || typeof values !== 'number') return false;
  // The kernel adds a float value in double and rounds once into float32 or
  // float64 (NumPy's float64 loop, cast back), and wraps an int value into an
  // int of up to 4 bytes (NumPy's int64 loop cast back gives the same bits).
  const k = a.dtype.kind;
  let v: number;
  if (k === 'f' && loop.kind === 'f' && loop.itemsize === 8) v = values;
  else if ((k === 'i' || k === 'u') && a.dtype.itemsize <= 4 && (loop.kind === 'i' || loop.kind === 'u')) v = scalarIn(values, a.dtype) as number;
  else return false;
  if (typeof v !== 'number') return false;
  const idx = key[0];
  const bad = addAtNative(a, idx, v);
  if (bad === null) return false;
  if (bad >= 0) throw new IndexError(`index ${String(idx.index(bad).toArray())} is out of bounds for axis 0 with size ${a.shape[0]}`);
  return true;
}

/** The typed-array loop of `a[idx] += v` for a 1-d `a`, a 1-d integer index and a scalar or matching 1-d `v`. */
function fastAddAt(a: NdArray, key: readonly FancyItem[], values: NdArray | PyScalar, loop: DType): boolean {
  if (a.ndim !== 1 || key.length !== 1 || !(key[0] instanceof ArrayClass) || !(loop.kind === 'f' && loop.itemsize === 8)) return false;
  const idx = key[0];
  if (idx.ndim !== 1 || (idx.dtype.kind !== 'i' && idx.dtype.kind !== 'u')) return false;
  // A float32 element += a double rounds once, as NumPy's float64 loop cast back does.
  if (a.dtype.kind !== 'f' || a.dtype.itemsize < 4 || typeof values !== 'number') return false;
  const t = typedLayout(a);
  const ia = indicesOf(idx);
  if (t === null || ia === null) return false;
  const n = a.shape[0];
  const bad = firstOutOfRange(ia, n);
  // Checked first: an error must leave `a` untouched.
  if (bad >= 0) throw new IndexError(`index ${String(idx.index(bad).toArray())} is out of bounds for axis 0 with size ${n}`);
  addScalarAt(t.array as Float64Array, t.start, t.strides[0], ia, n, values);
  return true;
}

// addAt's loops, each in a function of its own so V8 optimizes it at once.

/** The position of the first index outside [-n, n), or -1. */
function firstOutOfRange(ia: Float64Array, n: number): number {
  for (let i = 0; i < ia.length; i++) {
    const x = ia[i];
    if (x < -n || x >= n) return i;
  }
  return -1;
}

/** arr[start + idx * stride] += v for each index (negative ones count from the end). */
function addScalarAt(arr: Float64Array, start: number, stride: number, ia: Float64Array, n: number, v: number): void {
  for (let i = 0; i < ia.length; i++) {
    const x = ia[i];
    arr[start + (x < 0 ? x + n : x) * stride] += v;
  }
}

/** How `take` and `put` treat indices out of range. */
export type ClipMode = 'raise' | 'wrap' | 'clip';

function checkMode(mode: string): ClipMode {
  if (mode !== 'raise' && mode !== 'wrap' && mode !== 'clip') throw new ValueError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got ${repr(mode)})`);
  return mode;
}

function indexValues(ind: NdArray | number | readonly number[], what: string): { values: number[] | Float64Array; shape: number[] } {
  if (typeof ind === 'number') {
    if (!Number.isInteger(ind)) throw new TypeError(`${what}: indices must be integers, got ${ind}`);
    return { values: [ind], shape: [] };
  }
  const arr = asIndexArray(ind as NdArray);
  const k = arr.dtype.kind;
  if (!(k === 'i' || k === 'b' || k === 'u')) {
    throw new TypeError(`Cannot cast array data from ${inspect(arr.dtype)} to dtype('int64') according to the rule 'same_kind'`);
  }
  // NumPy casts uint64 indices to intp (same_kind): 2^63 and up wrap to
  // negatives, read exactly as bigints (2^64 - 1 is -1, not 2^64 - 2^64).
  const u64 = k === 'u' && arr.dtype.itemsize === 8;
  const fast = k === 'b' || u64 ? null : indicesOf(arr);
  const values = fast ?? readValues(arr).map((v) => (typeof v === 'boolean' ? Number(v) : typeof v === 'bigint' ? Number(BigInt.asIntN(64, v)) : toIndex(v)));
  return { values, shape: [...arr.shape] };
}

function fixIndex(x: number, n: number, mode: ClipMode, axis: number): number {
  if (mode === 'wrap') return n === 0 ? x : ((x % n) + n) % n;
  if (mode === 'clip') return x < 0 ? 0 : x >= n ? n - 1 : x;
  // Past 2^53 as the integer the number holds (-2^63 of a uint64 2^63, not -9223372036854776000).
  if (x < -n || x >= n) throw new IndexError(`index ${Math.abs(x) < 2 ** 53 ? x : BigInt(x)} is out of bounds for axis ${axis} with size ${n}`);
  return x < 0 ? x + n : x;
}

/** Options of {@link take}. */
export interface TakeOptions {
  /** The axis to take along; null (default) takes from the flattened array. */
  axis?: number | null;
  /** Out-of-range indices: 'raise' (default), 'wrap' or 'clip'. */
  mode?: ClipMode;
  /**
   * Where to put the result (NumPy's `out`): a writeable array of the result's
   * shape whose dtype casts safely to `a`'s. It may overlap `a` (the values
   * are gathered first); it is returned.
   */
  out?: NdArray | null;
}

/**
 * NumPy's `take(a, indices, axis, mode, out)`: a new C-contiguous array of shape
 * `a.shape[:axis] + indices.shape + a.shape[axis+1:]`, or that result in `out`.
 */
export function take(a: NdArray, indices: NdArray | number | readonly number[], axis?: number | null, out?: NdArray | null, mode?: ClipMode | null): NdArray;
export function take(a: NdArray, indices: NdArray | number | readonly number[], axis?: number | null | TakeOptions, options?: TakeOptions): NdArray;
export function take(a: NdArray, indices: NdArray | number | readonly number[], ...rest: unknown[]): NdArray {
  // NumPy's positional axis, out and mode (a.take(i, 1, null, 'clip')), or the options.
  const options = readKnownOptions(positionalOptions<TakeOptions>('take', ['axis', 'out', 'mode'], rest), ['axis', 'mode', 'out'], 'take');
  const out = options.out ?? null;
  if (out === null) {
    const r = takeNew(a, indices, options);
    // A 0-d result is NumPy's scalar, whose number is always in the host's byte
    // order (np.asarray(np.take(a_be, 1)).dtype is '<f4'); records stay as they are.
    return r.ndim === 0 && !r.dtype.isnative && !r.dtype.isStructured ? r.astype(r.dtype.newbyteorder('=')) : r;
  }
  if (!(out instanceof ArrayClass)) throw new TypeError(`take: out must be an NdArray, got ${repr(out)}`);
  requireOpen(a);
  requireOpen(out);
  // NumPy's order (PyArray_TakeFrom): out's shape, its cast, whether it can be written, then the indices.
  const mismatch = (shape: readonly number[]): boolean => shape.length !== out.shape.length || shape.some((n, i) => n !== out.shape[i]);
  const want = takeShape(a, indices, options.axis ?? null);
  if (want !== null && mismatch(want)) throw new ValueError('output array does not match result of ndarray.take');
  // out must convert to a's dtype under 'safe' casting (it is written back unsafely).
  if (!canCast(out.dtype, a.dtype, 'safe')) {
    throw new TypeError(`Cannot cast ${out.ndim === 0 ? 'scalar' : 'array data'} from ${inspect(out.dtype)} to ${inspect(a.dtype)} according to the rule 'safe'`);
  }
  if (!writeFlagOf(out)) throw readOnlyError(out, WRITEBACK_READ_ONLY);
  const r = takeNew(a, indices, options);
  if (mismatch(r.shape)) throw new ValueError('output array does not match result of ndarray.take');
  out.set(r);
  return out;
}

/** The shape of `take(a, indices, axis)`, or null when the indices do not read as an array (takeNew says why). */
function takeShape(a: NdArray, indices: NdArray | number | readonly number[], axis: number | null): number[] | null {
  let ishape: readonly number[];
  if (indices instanceof ArrayClass) ishape = indices.shape;
  else if (typeof indices === 'number' || typeof indices === 'bigint') ishape = [];
  else {
    try {
      ishape = asarray(indices).shape;
    } catch {
      return null;
    }
  }
  if (axis === null || a.ndim === 0) return [...ishape];
  const ax = normalizeAxis(axis, a.ndim);
  return [...a.shape.slice(0, ax), ...ishape, ...a.shape.slice(ax + 1)];
}

function takeNew(a: NdArray, indices: NdArray | number | readonly number[], options: TakeOptions): NdArray {
  requireOpen(a);
  const mode = checkMode(options.mode ?? 'raise');
  const axis = options.axis ?? null;
  // NumPy's PyArray_CheckAxis reads a 0-d array as 1-d along any axis it is given
  // (np.take(np.array(5.0), [0], axis=0) is [5.]; axis=1 names "dimension 1").
  const src = axis === null || a.ndim === 0 ? (a.ndim === 1 ? a : a.reshape(-1)) : a;
  const ax = axis === null ? 0 : normalizeAxis(axis, src.ndim);
  if (ax === 0 && src.shape[0] > 0 && indices instanceof ArrayClass && indices.ndim >= 1 && indices.size >= NATIVE_MIN_ELEMENTS) {
    // Items (or rows) along the first axis by the kernel, the indices read in
    // C order; filled whole when it takes them (-1), else dropped.
    const flat = indices.ndim === 1 ? indices : indices.reshape(-1);
    const inner = src.shape.slice(1);
    const r = allocateOrdered(src.dtype, [flat.shape[0], ...inner], [...src.shape.keys()], storesWholeItems(src.dtype));
    const bad = takeNative(src, flat, mode, r);
    if (bad === -1) return indices.ndim === 1 ? r : r.reshape([...indices.shape, ...inner]);
    if (bad !== null) throw new IndexError(`index ${String(flat.index(bad).toArray())} is out of bounds for axis ${ax} with size ${src.shape[0]}`);
  }
  if (ax > 0 && src.shape[ax] > 0 && indices instanceof ArrayClass && indices.ndim >= 1) {
    const r = takeByOuterRows(src, indices, ax, mode);
    if (r !== null) return r;
  }
  const { values, shape: ishape } = indexValues(indices, 'take');
  const n = src.shape[ax];
  const outer = src.shape.slice(0, ax);
  // Only a non-empty result needs an item from the empty axis (np.take(np.zeros((2, 0, 0)), [1], axis=1, mode='clip') is empty),
  // in every mode: NumPy checks the result's size before any index (np.take(np.zeros((5, 0)), [0], axis=1) says this too).
  if (n === 0 && values.length > 0 && !outer.includes(0) && !src.shape.slice(ax + 1).includes(0)) {
    throw new IndexError('cannot do a non-empty take from an empty axes.');
  }
  // NumPy checks (and wraps or clips) the indices once per outer row: with no outer
  // rows nothing is taken and no index is looked at (np.take(np.zeros((0, 1)), [5], axis=1)).
  if (!outer.includes(0)) for (let i = 0; i < values.length; i++) values[i] = fixIndex(values[i], n, mode, ax);
  const inner = src.shape.slice(ax + 1);
  const shape = [...outer, ...ishape, ...inner];
  const fast = takeFast(src, values, shape);
  if (fast !== null) return fast;
  const view = (dims: number[], strides: number[]): NdArray => derive(src, ArrayClass.prototype, src.dtype, dims, strides, 0);
  const outerOff = offsetsOf(view(outer, src.strides.slice(0, ax)));
  const innerOff = offsetsOf(view(inner, src.strides.slice(ax + 1)));
  const s = src.strides[ax];
  const offsets: number[] = [];
  for (const o of outerOff) for (const x of values) for (const q of innerOff) offsets.push(src.offset + o + x * s + q);
  return gather(src, offsets, shape, [...shape.keys()]);
}

/**
 * `take` along an axis `ax` > 0 by the kernel into a new array laid out in
 * `order` (outermost axis first; C by default): one call per position of the
 * axes before `ax - 1`, the kernel walking that axis itself, each position
 * moving the rows after `ax` (C-contiguous within a row, in the source and
 * in the result) into its place; null when it does not qualify (no
 * position, a small index, rows not contiguous). The first call checks the
 * indices and throws NumPy's IndexError before anything is kept.
 */
function takeByOuterRows(src: NdArray, indices: NdArray, ax: number, mode: 'raise' | 'wrap' | 'clip', order: readonly number[] = [...src.shape.keys()]): NdArray | null {
  const outer = src.shape.slice(0, ax);
  const inner = src.shape.slice(ax + 1);
  const count = shapeToSize(outer);
  if (count === 0 || src.shape[ax] === 0 || indices.size < NATIVE_MIN_ELEMENTS) return null;
  const rowShape = [src.shape[ax], ...inner];
  const rowStrides = src.strides.slice(ax);
  // Rows the kernel cannot move as runs: known before anything is allocated.
  if (!rowBytes(derive(src, ArrayClass.prototype, src.dtype, rowShape, rowStrides, src.offset))) return null;
  const flat = indices.ndim === 1 ? indices : indices.reshape(-1);
  const r = allocateOrdered(src.dtype, [...outer, flat.size, ...inner], order, storesWholeItems(src.dtype));
  // The kernel walks the last outer axis itself; the others are looped here.
  const last = outer[ax - 1];
  const pos = new Array<number>(ax - 1).fill(0);
  for (let o = 0; o < count / last; o++) {
    let off = src.offset;
    let at = r.offset;
    for (let d = 0; d < ax - 1; d++) {
      off += pos[d] * src.strides[d];
      at += pos[d] * r.strides[d];
    }
    const s = derive(src, ArrayClass.prototype, src.dtype, rowShape, rowStrides, off);
    const d = derive(r, ArrayClass.prototype, r.dtype, [flat.size, ...inner], r.strides.slice(ax), at);
    const bad = takeNative(s, flat, mode, d, [last, src.strides[ax - 1], r.strides[ax - 1]]);
    // The same shapes and strides at every position: the first call decides.
    if (bad === null) return null;
    if (bad !== -1) throw new IndexError(`index ${String(flat.index(bad).toArray())} is out of bounds for axis ${ax} with size ${src.shape[ax]}`);
    for (let k = ax - 2; k >= 0; k--) {
      if (++pos[k] < outer[k]) break;
      pos[k] = 0;
    }
  }
  if (indices.ndim === 1) return r;
  // The index axis split into the index's own axes, C-ordered within it: a view of r.
  const istrides = indices.shape.map((_, q) => shapeToSize(indices.shape.slice(q + 1)) * r.strides[ax]);
  return derive(r, ArrayClass.prototype, r.dtype, [...outer, ...indices.shape, ...inner], [...r.strides.slice(0, ax), ...istrides, ...r.strides.slice(ax + 1)], r.offset);
}

function takeFast(src: NdArray, values: ArrayLike<number>, shape: number[]): NdArray | null {
  if (src.ndim !== 1) return null;
  const t = typedLayout(src);
  if (t === null) return null;
  const r = allocateOrdered(src.dtype, shape, [...shape.keys()]);
  const rt = typedLayout(r);
  if (rt === null) return null;
  const d = rt.array as Float64Array;
  const s = t.array as Float64Array;
  const st = t.strides[0];
  for (let i = 0; i < values.length; i++) d[i] = s[t.start + values[i] * st];
  return r;
}

/** Options of {@link put}. */
export interface PutOptions {
  mode?: ClipMode;
}

/**
 * NumPy's `put(a, indices, values, mode)`: `a.flat[indices] = values`, the
 * values repeated cyclically; indices are into `a` in C order whatever its
 * layout. Checks everything before writing. `mode` positionally, as NumPy's,
 * or as `{ mode }`.
 */
export function put(a: NdArray, indices: NdArray | number | readonly number[], values: unknown, mode?: ClipMode | PutOptions | null): void {
  const m = checkMode(readKnownOptions(positionalOptions<PutOptions>('put', ['mode'], mode === undefined ? [] : [mode]), ['mode'], 'put').mode ?? 'raise');
  requireWritable(a, 'put: output array is read-only');
  // put casts its indices to intp with 'safe' casting (take and fancy indexing
  // accept uint64): a uint64 or float index array is a TypeError.
  if (indices instanceof ArrayClass && (indices.dtype.kind === 'u' ? indices.dtype.itemsize === 8 : indices.dtype.kind !== 'i' && indices.dtype.kind !== 'b')) {
    throw new TypeError(`Cannot cast array data from ${inspect(indices.dtype)} to dtype('int64') according to the rule 'safe'`);
  }
  if (putFast(a, indices, values, m)) return;
  const { values: idx } = indexValues(indices, 'put');
  const n = a.size;
  let vals: unknown[];
  if (values instanceof ArrayClass) {
    const c = values.dtype.equals(a.dtype) ? null : makeCaster(values.dtype, a.dtype);
    vals = readValues(values);
    if (c !== null) vals = vals.map(c);
  } else {
    vals = readValues(fromValue(values, a.dtype));
  }
  if (idx.length === 0 || vals.length === 0) return;
  if (n === 0) throw new IndexError('cannot replace elements of an empty array');
  const fixed = Array.from(idx, (x) => fixIndex(x, n, m, 0));
  // Each index's offset on its own, not a table of every element's: put of a
  // few items into a 2^33-item mapping built that table and failed with V8's
  // bare "Invalid array length" (fillDiagonal of a big mapping did).
  storeAt(
    a,
    fixed.map((x) => flatOffset(a, x)),
    fixed.map((_, i) => vals[i % vals.length]),
  );
}

/** The storage offset of the element at C-order flat index `x` of `a` (0 <= x < a.size). */
function flatOffset(a: NdArray, x: number): number {
  let off = a.offset;
  for (let d = a.ndim - 1; d >= 0; d--) {
    const n = a.shape[d];
    off += (x % n) * a.strides[d];
    x = Math.floor(x / n);
  }
  return off;
}

/**
 * put through the native scatter: an integer index array into a 1-d or
 * C-contiguous `a`; false (nothing written) when the operands do not
 * qualify. Values are converted to `a`'s dtype first, as the JS path does.
 */
function putFast(a: NdArray, indices: NdArray | number | readonly number[], values: unknown, mode: ClipMode): boolean {
  if (!(indices instanceof ArrayClass) || !(indices.dtype.kind === 'i' || indices.dtype.kind === 'u')) return false;
  const flat = a.ndim === 1 ? a : a.flags.cContiguous ? a.reshape(-1) : null;
  if (flat === null || a.size === 0) return false;
  const idx = indices.ndim === 1 ? indices : indices.reshape(-1);
  const v = values instanceof ArrayClass ? (values.dtype.equals(a.dtype) ? values : values.astype(a.dtype)) : fromValue(values, a.dtype);
  let bad: number | null;
  try {
    requireWritable(a, 'put: output array is read-only');
    bad = putNative(flat, idx, v.ndim === 1 ? v : v.reshape(-1), mode);
  } finally {
    // The converted values are dead once scattered (or refused): back to the pool now.
    if (v !== values) releaseTemporary(storageOf(v));
  }
  if (bad === null) return false;
  if (bad >= 0) throw new IndexError(`index ${String(idx.index(bad).toArray())} is out of bounds for axis 0 with size ${a.size}`);
  return true;
}

/**
 * NumPy's `putmask(a, mask, values)`: wherever `mask` is true, `a.flat[i] =
 * values.flat[i % values.size]`, `i` running over `a` in C order whatever
 * its layout, so the values repeat by position, not by the count of true
 * items (NumPy's rule; `a.set(mask, values)` instead takes one value per
 * true item). `mask` (an array of any dtype, read as truth values, or a JS
 * list) must hold as many items as `a`, in any shape: otherwise NumPy's
 * `ValueError: putmask: mask and data must be the same size`. An array of
 * `values` is cast to `a`'s dtype with 'safe' casting (a `TypeError`
 * otherwise, as NumPy's); a JS value or list is converted as `set()`
 * converts it (an int out of range is an `OverflowError`). No values writes
 * nothing. `mask` and `values` are read before the first write, so either
 * may overlap `a`. A read-only `a` is an `AccessError` (NumPy: ValueError).
 *
 * @example
 * const x = arange(6).reshape([2, 3]);
 * putmask(x, greater(x, 2), array([10, 20]));   // x = [[0, 1, 2], [20, 10, 20]]
 */
export function putmask(a: NdArray, mask: unknown, values: unknown): void {
  if (!(a instanceof ArrayClass)) throw new TypeError(`putmask: first argument must be an NdArray, got ${repr(a)}`);
  requireWritable(a, 'putmask: output array is read-only');
  const sizeError = (): ValueError => new ValueError('putmask: mask and data must be the same size');
  let truth: boolean[];
  if (mask instanceof ArrayClass) {
    // The size first: a mask of 2^40 items (a broadcast view) is refused, not read.
    requireOpen(mask);
    if (mask.size !== a.size) throw sizeError();
    truth = readValues(mask).map(isNonZero);
  } else {
    // Flattened with NumPy's nesting limit (a list that holds itself), each
    // length read once and checked against a's size before its items are read.
    const items: unknown[] = [];
    const flat = (v: unknown, depth: number): void => {
      if (!Array.isArray(v)) {
        if (typeof v === 'symbol') throw new TypeError(`putmask: mask item ${repr(v)} is not a truth value`);
        items.push(v);
        return;
      }
      if (depth === MAXDIMS) throw new ValueError(`setting an array element with a sequence. The requested array would exceed the maximum number of dimension of ${MAXDIMS}.`);
      const n = v.length;
      if (items.length + n > a.size) throw sizeError();
      for (let i = 0; i < n; i++) flat(v[i], depth + 1);
    };
    flat(mask, 0);
    truth = items.map((v) => isNonZero(typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' ? v : Number(v)));
  }
  if (truth.length !== a.size) throw sizeError();
  let vals: unknown[];
  if (values instanceof ArrayClass) {
    if (!canCast(values.dtype, a.dtype, 'safe')) {
      // NumPy says "scalar" for a 0-d array of values.
      throw new TypeError(`Cannot cast ${values.ndim === 0 ? 'scalar' : 'array data'} from ${inspect(values.dtype)} to ${inspect(a.dtype)} according to the rule 'safe'`);
    }
    vals = values.size > a.size ? firstValues(values, a.size) : readValues(values);
    if (!values.dtype.equals(a.dtype)) vals = vals.map(makeCaster(values.dtype, a.dtype));
  } else {
    refuseComplexValues(values, a.dtype);
    vals = readValues(fromValue(values, a.dtype));
  }
  if (vals.length === 0) return;
  const all = offsetsOf(a);
  const at: number[] = [];
  const put: unknown[] = [];
  for (let i = 0; i < truth.length; i++) {
    if (!truth[i]) continue;
    at.push(all[i]!);
    put.push(vals[i % vals.length]);
  }
  storeAt(a, at, put);
}

/**
 * putmask's JS values go through Python's float()/int() in NumPy: a complex
 * value (even 1+0j) into a float or integer array is a TypeError there, not
 * the real part an array cast keeps.
 */
function refuseComplexValues(values: unknown, dt: DType): void {
  if (dt.kind !== 'f' && dt.kind !== 'i' && dt.kind !== 'u') return;
  const isComplex = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v) && !ArrayBuffer.isView(v) && 're' in v && 'im' in v;
  // Bounded as fromValue bounds the values (a list that holds itself is its error, not a hang here).
  const stack: unknown[] = [values];
  for (let seen = 0; stack.length > 0 && seen < 1 << 20; seen++) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length && i < 1 << 20; i++) stack.push(v[i]);
    } else if (isComplex(v)) {
      throw new TypeError(dt.kind === 'f'
        ? "float() argument must be a string or a real number, not 'complex'"
        : "int() argument must be a string, a bytes-like object or a real number, not 'complex'");
    }
  }
}

/**
 * The first `n` items of `v` in C order (`n < v.size`): putmask uses no more,
 * and `v` may be a broadcast view of 2^40 items that no list can hold.
 */
function firstValues(v: NdArray, n: number): unknown[] {
  requireOpen(v);
  const out: unknown[] = [];
  const idx = new Array<number>(v.ndim).fill(0);
  for (let i = 0; i < n; i++) {
    out.push(v.get(...idx));
    for (let d = v.ndim - 1; d >= 0; d--) {
      if (++idx[d] < v.shape[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

/** Options of {@link compress}. */
export interface CompressOptions {
  /** The axis to select along; null (default) selects from the flattened array. */
  axis?: number | null;
  /** The array to write the result into (NumPy's `out=`): {@link take}'s rules, as NumPy's compress takes. */
  out?: NdArray | null;
}

/**
 * NumPy's `compress(condition, a, axis)`: the slices along `axis` where the
 * 1-d condition is true; a condition shorter than the axis selects from its
 * start, a longer one is an IndexError.
 */
export function compress(condition: NdArray | readonly (boolean | number)[], a: NdArray, axis?: number | null, out?: NdArray | null): NdArray;
export function compress(condition: NdArray | readonly (boolean | number)[], a: NdArray, axisArg?: number | null | CompressOptions, given?: CompressOptions): NdArray;
export function compress(condition: NdArray | readonly (boolean | number)[], a: NdArray, ...rest: unknown[]): NdArray {
  requireArray(a, 'compress', 'a');
  // NumPy's positional axis and out, or the options (the axis in them too).
  const options = readKnownOptions(positionalOptions<CompressOptions>('compress', ['axis', 'out'], rest), ['axis', 'out'], 'compress');
  const c = asIndexArray(condition as NdArray);
  if (c.ndim !== 1) throw new ValueError('condition must be a 1-d array');
  const axis = options.axis ?? null;
  const out = options.out ?? null;
  const src = axis === null ? a.reshape(-1) : a;
  const ax = axis === null ? 0 : normalizeAxis(axis, a.ndim);
  if (src.ndim === 1 && c.shape[0] <= src.shape[0] && out === null) {
    const count = countNative(c);
    if (count !== null) {
      // Filled whole when the kernel takes it, else dropped.
      const r = allocateOrdered(src.dtype, [count], [0], storesWholeItems(src.dtype));
      if (compressNative(c, src, r, count)) return r;
    }
  }
  const fast = out === null ? compressFast(c, src, ax) : null;
  if (fast !== null) return fast;
  // A condition longer than the axis is fine while its extra items are false: only a
  // true past the end is out of bounds, and take() says so, as NumPy's compress does.
  const flags = readValues(c).map(isNonZero);
  const picked: number[] = [];
  for (let i = 0; i < flags.length; i++) if (flags[i]) picked.push(i);
  return take(src, fromValue(picked, INTP), { axis: ax, out });
}

/** The typed-array loop of compress for a 1-d source and a bool condition as long as it. */
function compressFast(c: NdArray, src: NdArray, ax: number): NdArray | null {
  if (src.ndim !== 1 || ax !== 0 || c.dtype.kind !== 'b' || c.shape[0] !== src.shape[0]) return null;
  const tc = typedLayout(c);
  const ts = typedLayout(src);
  if (tc === null || ts === null || ts.array instanceof BigInt64Array || ts.array instanceof BigUint64Array) return null;
  const cond = tc.array as Uint8Array;
  const data = ts.array as Float64Array;
  const n = src.shape[0];
  const cs = tc.strides[0];
  let count = 0;
  for (let i = 0, p = tc.start; i < n; i++, p += cs) if (cond[p] !== 0) count++;
  const r = allocateOrdered(src.dtype, [count], [0]);
  if (count === 0) return r;
  const out = typedLayout(r)!.array as Float64Array;
  const ss = ts.strides[0];
  for (let i = 0, p = tc.start, q = ts.start, j = 0; i < n; i++, p += cs, q += ss) if (cond[p] !== 0) out[j++] = data[q];
  return r;
}

/** Coordinates of the non-zero elements of `a`, one list per axis (C order). */
function nonzeroValues(a: NdArray): number[][] {
  const vals = readValues(a);
  const nd = a.ndim;
  const coords: number[][] = Array.from({ length: nd }, () => []);
  const idx = new Array<number>(nd).fill(0);
  for (let i = 0; i < vals.length; i++) {
    if (isNonZero(vals[i])) for (let d = 0; d < nd; d++) coords[d].push(idx[d]);
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d] < a.shape[d]) break;
      idx[d] = 0;
    }
  }
  return coords;
}

/**
 * NumPy's `nonzero(a)`: one int64 array of indices per axis. A 0-d array is an
 * error (as NumPy 2). For 2 or more axes they are NumPy's columns of one
 * (count, ndim) array: views with stride `8 * ndim` (fuzz seed 21).
 */
export function nonzero(a: NdArray): NdArray[] {
  requireArray(a, 'nonzero', 'a');
  if (a.ndim === 0) throw new ValueError('Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.');
  const cols = nonzeroNative(a, false) ?? nonzeroValues(a).map((c) => fromValue(c.map(BigInt), INTP));
  if (a.ndim === 1) return cols;
  const all = allocateOrdered(INTP, [cols[0].size, a.ndim], [0, 1], true);
  return cols.map((c, d) => {
    const col = all.index(new Slice(), d);
    col.set(c);
    return col;
  });
}

/** NumPy's `argwhere(a)`: an `(n, a.ndim)` int64 array of the coordinates of the non-zero elements (F-ordered, as NumPy's). */
export function argwhere(a: NdArray): NdArray {
  requireArray(a, 'argwhere', 'a');
  if (a.ndim === 0) {
    const t = isNonZero(a.toArray());
    return allocateOrdered(INTP, [t ? 1 : 0, 0], [1, 0]);
  }
  const coords = nonzeroValues(a);
  const n = coords[0].length;
  const r = allocateOrdered(INTP, [n, a.ndim], [1, 0]);
  const vals: bigint[] = [];
  for (let i = 0; i < n; i++) for (let d = 0; d < a.ndim; d++) vals.push(BigInt(coords[d][i]));
  writeValues(r, vals);
  return r;
}

/** NumPy's `flatnonzero(a)`: int64 indices of the non-zero elements of the flattened array. */
export function flatnonzero(a: NdArray): NdArray {
  requireArray(a, 'flatnonzero', 'a');
  if (a.ndim > 0) {
    const native = nonzeroNative(a, true);
    if (native !== null) return native[0];
  }
  const vals = readValues(a);
  const out: bigint[] = [];
  for (let i = 0; i < vals.length; i++) if (isNonZero(vals[i])) out.push(BigInt(i));
  return fromValue(out, INTP);
}

