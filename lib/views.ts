/**
 * Views of an existing array's memory under a new layout, NumPy's free
 * functions: asStrided (any strides, bounds-checked), broadcastTo (0 strides
 * on the stretched axes, read-only), broadcastArrays (the same for several
 * arrays at once), slidingWindowView (overlapping windows over asStrided)
 * and ascontiguousarray (a view when
 * C-contiguous, else a copy). Operation modules use them too, so this module
 * reaches arrays only through internal.ts (no import of ndarray.ts).
 * @module
 */
import { broadcastShapeList } from './broadcast';
import { copyAs } from './copy';
import { ValueError, repr } from './errors';
import { pyShape, tupleNoSpace } from './format';
import { derive, lockReadOnly, requireOpen, storageOf, writeFlagOf, NdArray as ArrayClass } from './internal';
import { optionsWithValue, readKnownOptions } from './options';
import { asarray } from './array-coerce';
import { dtype as toDType, type DTypeLike } from './dtype';
import type { NdArray } from './ndarray';
import { byteBounds, checkShape, MAXDIMS, normalizeAxis, normalizeShape, shapeToSize, shapeToStrides } from './layout';

/** Options of {@link asStrided}. */
export interface AsStridedOptions {
  /** Default true: the result is writeable when `a` is. */
  writeable?: boolean;
}

/**
 * NumPy's `as_strided`, checked: a view of `a`'s memory with any shape and
 * byte strides, starting at `a`'s element 0. Unlike NumPy, every byte the
 * view can address must lie inside the buffer (RangeError otherwise). The
 * result is a plain NdArray, as NumPy's (`subok=False`).
 */
export function asStrided(a: NdArray, shape: readonly number[], strides?: readonly number[] | null, options: AsStridedOptions = {}): NdArray {
  options = readKnownOptions(options, ['writeable'], 'asStrided');
  requireOpen(a);
  const s = checkShape(shape);
  let st: number[];
  if (strides === undefined || strides === null) {
    st = shapeToStrides(s, a.itemsize, 'C');
  } else {
    // Checked as a list and by its length before it is copied: spreading a
    // non-list was V8's bare "strides is not iterable", a sparse 2^32-1 list a long walk.
    if (!Array.isArray(strides) && !(ArrayBuffer.isView(strides) && !(strides instanceof DataView))) {
      throw new TypeError(`strides must be a list of integers, got ${repr(strides)}`);
    }
    const list = strides as ArrayLike<number>;
    const n = list.length;
    if (n !== s.length) {
      const shown = n <= s.length + 8 ? `[${Array.from({ length: n }, (_, i) => list[i]).join(', ')}]` : `of length ${n}`;
      throw new ValueError(`shape ${pyShape(s)} and strides ${shown} differ in length`);
    }
    st = Array.from({ length: n }, (_, i) => list[i]);
  }
  for (const x of st) if (!Number.isSafeInteger(x)) throw new TypeError(`strides must hold integers, got ${repr(x)}`);
  const [lo, hi] = byteBounds(a.offset, s, st, a.itemsize);
  if (shapeToSize(s) > 0 && (lo < 0 || hi > storageOf(a).byteLength)) {
    throw new RangeError(
      `as_strided view reaches bytes [${lo}, ${hi}) outside the buffer's [0, ${storageOf(a).byteLength}) (shape ${pyShape(s)}, strides [${st.join(', ')}], offset ${a.offset})`,
    );
  }
  const writeable = (options.writeable ?? true) && writeFlagOf(a);
  const out = derive<NdArray>(a, ArrayClass.prototype, a.dtype, s, st, a.offset, writeable);
  // As in NumPy, `writeable: false` is for good: the flag cannot be set back.
  if (options.writeable === false) lockReadOnly(out);
  return out;
}

/** NumPy's `broadcast_to`: a read-only plain NdArray view with 0 strides on the broadcast axes. */
export function broadcastTo(a: NdArray, shape: number | readonly number[]): NdArray {
  return broadcastView(a, shape, false);
}

/**
 * NumPy's `broadcast_arrays(*arrays)`: every array as a view of the shape
 * they broadcast to (0 strides on the stretched axes). An array that already
 * has that shape is returned itself, as NumPy does. A stretched view is
 * writeable when its input is, as in NumPy (which warns on the first write,
 * and plans to make them read-only): one write reaches every element that
 * shares the stretched memory.
 *
 * @example
 * const [x, y] = broadcastArrays(row, column); // both (3, 3)
 * @throws ValueError for arrays whose shapes do not broadcast, in NumPy's words
 *   (`shape mismatch: ... Mismatch is between arg 0 with shape (3,) and arg 1 with shape (4,).`).
 */
export function broadcastArrays(...arrays: NdArray[]): NdArray[] {
  return broadcastArrayList(arrays);
}

/** {@link broadcastArrays} of a list: no spread, so 10^5 or more arrays do not overflow the JS stack. */
export function broadcastArrayList(arrays: readonly NdArray[]): NdArray[] {
  for (const a of arrays) requireOpen(a);
  const shape = broadcastShapeList(arrays.map((a) => a.shape));
  return arrays.map((a) => (sameShape(a.shape, shape) ? a : broadcastView(a, shape, writeFlagOf(a))));
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

function broadcastView(a: NdArray, shape: number | readonly number[], writeable: boolean): NdArray {
  requireOpen(a);
  const s = normalizeShape(shape);
  const fail = (): never => {
    throw new ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${tupleNoSpace(a.shape)}  and requested shape ${tupleNoSpace(s)}`,
    );
  };
  if (a.ndim > s.length) {
    throw new ValueError(`input operand has more dimensions than allowed by the axis remapping (${pyShape(a.shape)} → ${pyShape(s)})`);
  }
  const lead = s.length - a.ndim;
  const strides = new Array<number>(s.length).fill(0);
  for (let i = 0; i < a.ndim; i++) {
    const n = a.shape[i];
    const t = s[lead + i];
    // A length-1 axis gets stride 0 even when it stays length 1, as NumPy's iterator sets it.
    if (n === 1) strides[lead + i] = 0;
    else if (n === t) strides[lead + i] = a.strides[i];
    else fail();
  }
  return derive(a, ArrayClass.prototype, a.dtype, s, strides, a.offset, writeable);
}

/** Options of {@link slidingWindowView}. */
export interface SlidingWindowOptions {
  /** The axes the window slides over, as the positional `axis` (NumPy's `axis=` keyword). */
  axis?: number | readonly number[] | null;
  /** Default false (NumPy's default): the windows overlap, so writes would reach several of them. */
  writeable?: boolean;
}

/**
 * NumPy's `lib.stride_tricks.sliding_window_view(x, window_shape, axis)`:
 * a view of every window of `windowShape` sliding over `axis` (every axis
 * when omitted; an axis may repeat). The result has `x`'s axes, each
 * shortened by its window length - 1, followed by one axis per window
 * length; no data is copied.
 *
 * @example
 * slidingWindowView(arange(5), 2).toArray(); // [[0, 1], [1, 2], [2, 3], [3, 4]]
 * @throws ValueError for a negative window length, a window longer than its
 *   axis, or window and axis counts that differ (NumPy's messages).
 * `axis` may also come as an option, as NumPy's keyword is written:
 * `slidingWindowView(x, 20, { axis: 0 })` is `slidingWindowView(x, 20, 0)`.
 * @throws AxisError for an axis out of range.
 */
/**
 * A copy of a list of at most 64 items (a result has at most 64 axes),
 * refused as a list and by its length before it is copied: spreading a
 * non-list was V8's bare "is not iterable", and a sparse list of length
 * 2^32-1 was spread until V8 aborted out of heap.
 */
function smallList(v: unknown, what: string): number[] {
  if (!Array.isArray(v) && !(ArrayBuffer.isView(v) && !(v instanceof DataView))) throw new TypeError(`${what} must be an integer or a list of integers, got ${repr(v)}`);
  const list = v as ArrayLike<number>;
  if (list.length > MAXDIMS) throw new ValueError(`maximum supported dimension for an ndarray is currently ${MAXDIMS}, found ${list.length} (${what})`);
  return Array.from({ length: list.length }, (_, i) => list[i]);
}

export function slidingWindowView(
  x: NdArray,
  windowShape: number | readonly number[],
  axisOrOptions?: number | readonly number[] | null | SlidingWindowOptions,
  given: SlidingWindowOptions = {},
): NdArray {
  const inline = axisOrOptions !== null && typeof axisOrOptions === 'object' && !Array.isArray(axisOrOptions);
  if (inline && given !== undefined && Object.keys(given).length > 0) {
    throw new TypeError('slidingWindowView(): options given twice (as the third and the fourth argument)');
  }
  const options = readKnownOptions((inline ? axisOrOptions : given) as SlidingWindowOptions, inline ? ['axis', 'writeable'] : ['writeable'], 'slidingWindowView');
  const axis = inline ? options.axis : (axisOrOptions as number | readonly number[] | null | undefined);
  requireOpen(x);
  const window = typeof windowShape === 'number' ? [windowShape] : smallList(windowShape, 'window_shape');
  for (const w of window) if (!Number.isInteger(w)) throw new TypeError(`window_shape must hold integers, got ${repr(w)}`);
  if (window.some((w) => w < 0)) throw new ValueError('`window_shape` cannot contain negative values');
  let axes: number[];
  if (axis === undefined || axis === null) {
    axes = Array.from({ length: x.ndim }, (_, i) => i);
    if (window.length !== axes.length) {
      throw new ValueError(
        `Since axis is \`None\`, must provide window_shape for all dimensions of \`x\`; got ${window.length} window_shape elements and \`x.ndim\` is ${x.ndim}.`,
      );
    }
  } else {
    // Repeats allowed, as NumPy's normalize_axis_tuple(..., allow_duplicate=True).
    axes = (typeof axis === 'number' ? [axis] : smallList(axis, 'axis')).map((a) => normalizeAxis(a, x.ndim));
    if (window.length !== axes.length) {
      throw new ValueError(
        `Must provide matching length window_shape and axis; got ${window.length} window_shape elements and ${axes.length} axes elements.`,
      );
    }
  }
  const outStrides = [...x.strides, ...axes.map((ax) => x.strides[ax])];
  const trimmed = [...x.shape];
  axes.forEach((ax, i) => {
    if (trimmed[ax] < window[i]) throw new ValueError('window shape cannot be larger than input array shape');
    trimmed[ax] -= window[i] - 1;
  });
  return asStrided(x, [...trimmed, ...window], outStrides, { writeable: options.writeable ?? false });
}

/** NumPy's `dtype=` of {@link ascontiguousarray} and `asfortranarray`, as an option. */
export interface AsContiguousOptions {
  /** The dtype of the result: a copy cast to it (NumPy's `np.array(a, dtype)`, unsafe casting) unless `a` has it. */
  dtype?: DTypeLike | null;
}

/**
 * `a` as an open NdArray of the `dtype` that `name`'s positional slot or
 * options give (NumPy's `dtype=` of ascontiguousarray and asfortranarray):
 * `a` itself when it already has it (or none is given), else a copy cast to
 * it in `order` (NumPy's unsafe `np.array(a, dtype)`); anything else through
 * {@link asarray}.
 */
export function ofDType(name: string, a: unknown, dtypeArg: DTypeLike | null | AsContiguousOptions | undefined, options: AsContiguousOptions | undefined, order: 'C' | 'F'): NdArray {
  const { dtype = null } = readKnownOptions(optionsWithValue(name, 'dtype', dtypeArg, options) ?? {}, ['dtype'], name);
  const x = a instanceof ArrayClass ? (a as NdArray) : asarray(a, dtype);
  requireOpen(x);
  if (dtype === null) return x;
  const dt = toDType(dtype);
  return dt.equals(x.dtype) ? x : copyAs(x, dt, order);
}

/**
 * NumPy's `ascontiguousarray(a, dtype=None)`: a plain NdArray (subclasses
 * are not kept, as in NumPy) viewing `a`'s memory when `a` is C-contiguous
 * and of `dtype` (a 0-d array becomes shape [1]), else a C-ordered copy
 * (cast to `dtype`). `a` may be anything {@link asarray} takes; `dtype`
 * positionally, as NumPy's, or `{ dtype }`.
 */
export function ascontiguousarray(a: unknown, dtypeArg?: DTypeLike | null | AsContiguousOptions, options?: AsContiguousOptions): NdArray {
  const x = ofDType('ascontiguousarray', a, dtypeArg, options, 'C');
  if (x.ndim === 0) return derive(x, ArrayClass.prototype, x.dtype, [1], [x.itemsize], x.offset);
  if (x.flags.cContiguous) return derive(x, ArrayClass.prototype, x.dtype, x.shape, x.strides, x.offset);
  return copyAs(x, x.dtype, 'C');
}

