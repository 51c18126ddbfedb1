/**
 * Pure stride arithmetic, NumPy's conventions: strides in bytes (negative and
 * zero allowed), `offset` the byte address of element 0 inside its storage.
 * Everything here is O(ndim) and allocation-light; none of it touches data.
 * @module
 */
import type { DType } from './dtype';
import { AxisError, ValueError, describeValue, repr } from './errors';
import { iteratorShape } from './format';

/** Product of a shape (1 for 0-d). */
export function shapeToSize(shape: readonly number[]): number {
  let n = 1;
  for (let i = 0; i < shape.length; i++) n *= shape[i];
  return n;
}

/** Contiguous byte strides for `shape` in C (row-major) or F (column-major) order. */
export function shapeToStrides(shape: readonly number[], itemsize: number, order: 'C' | 'F' = 'C'): number[] {
  const ndim = shape.length;
  const strides = new Array<number>(ndim);
  let s = itemsize;
  if (order === 'C') {
    for (let i = ndim - 1; i >= 0; i--) {
      strides[i] = s;
      s *= Math.max(shape[i], 1);
    }
  } else {
    for (let i = 0; i < ndim; i++) {
      strides[i] = s;
      s *= Math.max(shape[i], 1);
    }
  }
  return strides;
}

/**
 * The lowest and one-past-highest byte an array addresses: [lo, hi).
 * An empty array addresses nothing and gives [offset, offset].
 */
export function byteBounds(offset: number, shape: readonly number[], strides: readonly number[], itemsize: number): [number, number] {
  let lo = offset;
  let hi = offset;
  for (let i = 0; i < shape.length; i++) {
    const n = shape[i];
    if (n === 0) return [offset, offset];
    const span = (n - 1) * strides[i];
    if (span < 0) lo += span;
    else hi += span;
  }
  return [lo, hi + itemsize];
}

/** NumPy's C-contiguity rule (length-1 axes ignore their stride; empty arrays are contiguous). */
export function isCContiguous(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  return isContiguous(shape, strides, itemsize, false);
}

/** NumPy's F-contiguity rule. */
export function isFContiguous(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  return isContiguous(shape, strides, itemsize, true);
}

/** Walks the axes fastest-first (last axis for C, first for F), checking each stride. */
function isContiguous(shape: readonly number[], strides: readonly number[], itemsize: number, fortran: boolean): boolean {
  if (isEmpty(shape)) return true;
  const ndim = shape.length;
  let expected = itemsize;
  for (let k = 0; k < ndim; k++) {
    const i = fortran ? k : ndim - 1 - k;
    const n = shape[i];
    if (n !== 1) {
      if (strides[i] !== expected) return false;
      expected *= n;
    }
  }
  return true;
}

function isEmpty(shape: readonly number[]): boolean {
  for (let i = 0; i < shape.length; i++) if (shape[i] === 0) return true;
  return false;
}

/**
 * NumPy's `aligned` flag: the data address and the strides of every axis
 * longer than 1 are multiples of `alignment`; empty arrays are aligned.
 */
export function isAligned(address: number, shape: readonly number[], strides: readonly number[], alignment: number): boolean {
  if (alignment <= 1) return true;
  if (isEmpty(shape)) return true;
  if (mod(address, alignment) !== 0) return false;
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] > 1 && mod(strides[i], alignment) !== 0) return false;
  }
  return true;
}

function mod(a: number, m: number): number {
  const r = a % m;
  return r < 0 ? r + m : r;
}

/** Normalizes an axis into [0, ndim), NumPy's AxisError otherwise (`argname`: NumPy's prefix naming the argument, as swapaxes' `axis2: `). */
export function normalizeAxis(axis: number, ndim: number, argname?: string): number {
  if (!Number.isInteger(axis)) throw new TypeError(`axis must be an integer, got ${describeValue(axis)}`);
  if (axis < -ndim || axis >= ndim) {
    throw new AxisError(`${argname === undefined ? '' : `${argname}: `}axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Normalizes a list of axes, rejecting repeats as NumPy does (`repeated`: its message for the caller, as transpose's). */
export function normalizeAxes(axes: readonly number[], ndim: number, repeated = 'repeated axis'): number[] {
  if (!Array.isArray(axes)) throw new TypeError(`axes must be a list of integers, got ${describeValue(axes)}`);
  // More axes than any array has repeat one (or name one that is not there):
  // refused before the walk, which map made over every hole of a sparse 2^32-1 list.
  if (axes.length > MAXDIMS) throw new ValueError(repeated);
  const out: number[] = [];
  for (let i = 0; i < axes.length; i++) out.push(normalizeAxis(axes[i], ndim));
  if (new Set(out).size !== out.length) throw new ValueError(repeated);
  return out;
}

/** Checks a shape given by a user: non-negative safe integers with a safe product. */
export function checkShape(shape: readonly number[], what = 'shape'): number[] {
  const out: number[] = [];
  if (Array.isArray(shape)) checkNdim(shape.length);
  else if (shape === null || typeof shape !== 'object' || typeof (shape as Iterable<unknown>)[Symbol.iterator] !== 'function') {
    throw new TypeError(`${what} must be a list of integers, got ${describeValue(shape)}`);
  }
  let size = 1;
  for (const item of shape as Iterable<unknown>) {
    // A bigint is NumPy's np.int64 entry (a shape read from an int64 array).
    const n = typeof item === 'bigint' && Number.isSafeInteger(Number(item)) ? Number(item) : item;
    if (typeof n !== 'number' || !Number.isInteger(n)) {
      throw new TypeError(`${what} must hold integers, got ${describeValue(n)}`);
    }
    const shown = () => (Array.isArray(shape) ? shape : [...out, n]).join(', ');
    if (n < 0) throw new ValueError(`negative dimensions are not allowed (${what} [${shown()}])`);
    // As NumPy: a 0 axis does not excuse the others (zeros((0, 2**62)) is too big).
    if (n !== 0) size *= n;
    if (size > Number.MAX_SAFE_INTEGER) {
      throw new ValueError(`array is too big: ${what} [${shown()}] has more than 2^53 elements`);
    }
    out.push(n);
    // An iterable that is not an array: stop as soon as it is too long (it may not end).
    if (out.length > MAXDIMS) checkNdim(out.length);
  }
  return out;
}

/** NumPy's `NPY_MAXDIMS`: the most axes an array (or a dtype's subarray) may have. */
export const MAXDIMS = 64;

/** Refuses more than {@link MAXDIMS} axes with NumPy's error. */
export function checkNdim(ndim: number): void {
  if (ndim > MAXDIMS) throw new ValueError(`maximum supported dimension for an ndarray is currently ${MAXDIMS}, found ${ndim}`);
}

/**
 * NumPy's `_attempt_nocopy_reshape`: strides for `newShape` viewing the same
 * elements in `order`, or null when only a copy can give that shape.
 */
export function reshapeStrides(
  oldShape: readonly number[],
  oldStrides: readonly number[],
  itemsize: number,
  newShape: readonly number[],
  order: 'C' | 'F',
): number[] | null {
  // Drop length-1 axes of the source; they constrain nothing.
  const os: number[] = [];
  const ost: number[] = [];
  for (let i = 0; i < oldShape.length; i++) {
    if (oldShape[i] !== 1) {
      os.push(oldShape[i]);
      ost.push(oldStrides[i]);
    }
  }
  const oldnd = os.length;
  const newnd = newShape.length;
  const newStrides = new Array<number>(newnd).fill(0);
  if (shapeToSize(oldShape) === 0) {
    // NumPy gives an empty array contiguous strides in the requested order.
    return shapeToStrides(newShape, itemsize, order);
  }
  let oi = 0;
  let oj = 1;
  let ni = 0;
  let nj = 1;
  while (ni < newnd && oi < oldnd) {
    let np_ = newShape[ni];
    let op = os[oi];
    while (np_ !== op) {
      if (np_ < op) np_ *= newShape[nj++];
      else op *= os[oj++];
    }
    // The old axes oi..oj-1 must be contiguous among themselves in `order`.
    for (let ok = oi; ok < oj - 1; ok++) {
      if (order === 'F') {
        if (ost[ok + 1] !== os[ok] * ost[ok]) return null;
      } else if (ost[ok] !== os[ok + 1] * ost[ok + 1]) {
        return null;
      }
    }
    if (order === 'F') {
      newStrides[ni] = ost[oi];
      for (let nk = ni + 1; nk < nj; nk++) newStrides[nk] = newStrides[nk - 1] * newShape[nk - 1];
    } else {
      newStrides[nj - 1] = ost[oj - 1];
      for (let nk = nj - 1; nk > ni; nk--) newStrides[nk - 1] = newStrides[nk] * newShape[nk];
    }
    ni = nj++;
    oi = oj++;
  }
  // Trailing length-1 axes of the result take the stride NumPy gives them.
  let last = ni >= 1 ? newStrides[ni - 1] : itemsize;
  if (order === 'F' && ni >= 1) last *= newShape[ni - 1];
  for (let nk = ni; nk < newnd; nk++) newStrides[nk] = last;
  return newStrides;
}

/** Strides of newly allocated data: contiguous, or all 0 when empty (NumPy 2.x). */
export function newStrides(shape: readonly number[], itemsize: number, order: 'C' | 'F'): number[] {
  if (shapeToSize(shape) === 0) return new Array<number>(shape.length).fill(0);
  return shapeToStrides(shape, itemsize, order);
}

/**
 * NumPy 2.x `view(dtype)` layout rules: the layout of an array of
 * `shape`/`strides` with items of `itemsize` bytes seen as `dt`. A different
 * itemsize rescales the last axis (which must be contiguous); a subarray
 * dtype appends its axes and gives its base as the view's dtype.
 */
export function viewLayout(
  shape: readonly number[],
  strides: readonly number[],
  itemsize: number,
  dt: DType,
): { dtype: DType; shape: readonly number[]; strides: readonly number[] } {
  const old = itemsize;
  // Same itemsize, no subarray: the layout is unchanged and can be shared.
  if (dt.itemsize === old && dt.shape.length === 0) return { dtype: dt, shape, strides };
  let sh = [...shape];
  let st = [...strides];
  if (dt.itemsize !== old) {
    if (sh.length === 0) {
      throw new ValueError('Changing the dtype of a 0d array is only supported if the itemsize is unchanged');
    }
    if (dt.shape.length > 0) {
      throw new ValueError('Changing the dtype to a subarray type is only supported if the total itemsize is unchanged');
    }
    const axis = sh.length - 1;
    if (sh[axis] !== 1 && shapeToSize(sh) !== 0 && st[axis] !== old) {
      throw new ValueError(
        `To change to a dtype of a different size, the last axis must be contiguous (cannot view a non-contiguous last axis as ${dt.str})`,
      );
    }
    if (dt.itemsize < old) {
      if (dt.itemsize === 0 || old % dt.itemsize !== 0) {
        throw new ValueError(`When changing to a smaller dtype, its size must be a divisor of the size of original dtype (${old} bytes → ${dt.str})`);
      }
      sh[axis] *= old / dt.itemsize;
      // A broadcast view can hold 2^53 elements; a smaller dtype multiplies that (NumPy refuses too).
      checkShape(sh);
    } else {
      const bytes = sh[axis] * old;
      if (bytes % dt.itemsize !== 0) {
        throw new ValueError(
          `When changing to a larger dtype, its size must be a divisor of the total size in bytes of the last axis of the array (${bytes} bytes → ${dt.str})`,
        );
      }
      sh[axis] = bytes / dt.itemsize;
    }
    st[axis] = dt.itemsize;
  }
  if (dt.shape.length > 0) {
    const sub = shapeToStrides(dt.shape, dt.base.itemsize, 'C');
    sh = checkShape([...sh, ...dt.shape]);
    st = [...st, ...sub];
    return { dtype: dt.base, shape: sh, strides: st };
  }
  return { dtype: dt, shape: sh, strides: st };
}

/** reshape's requested shape with its one `-1` axis resolved for `size` elements, or NumPy's error. */
export function fixUnknownDimension(req: readonly number[], size: number): number[] {
  checkNdim(req.length);
  let unknown = -1;
  let known = 1;
  for (let i = 0; i < req.length; i++) {
    const n = req[i];
    if (!Number.isInteger(n)) throw new TypeError(`shape must hold integers, got ${repr(n)}`);
    if (n < 0) {
      if (unknown !== -1) throw new ValueError('can only specify one unknown dimension');
      unknown = i;
    } else {
      known *= n;
    }
  }
  const fail = (): never => {
    throw new ValueError(`cannot reshape array of size ${size} into shape ${iteratorShape(req)}`);
  };
  const dims = [...req];
  if (unknown >= 0) {
    if (known === 0 || size % known !== 0) fail();
    dims[unknown] = size / known;
  } else if (known !== size) {
    fail();
  }
  return dims;
}

/**
 * For ravel('K'): when the layout is contiguous in some axis order with
 * positive strides (length-1 axes ignored), the offset of its lowest byte
 * (`offset` itself, as the strides are positive), else null.
 */
export function kContiguousStart(shape: readonly number[], strides: readonly number[], itemsize: number, offset: number): number | null {
  const axes: number[] = [];
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === 0) return offset;
    if (shape[i] !== 1) axes.push(i);
  }
  axes.sort((x, y) => Math.abs(strides[y]) - Math.abs(strides[x]));
  let expected = itemsize;
  for (let k = axes.length - 1; k >= 0; k--) {
    const i = axes[k];
    if (strides[i] !== expected) return null;
    expected *= shape[i];
  }
  return offset;
}

/**
 * NumPy's nditer axis order for 'K' (outermost first): larger |stride| outside,
 * and a 0 stride compares with nothing, so it keeps its C position.
 */
export function iterationOrder(strides: readonly number[]): number[] {
  const r = [...strides.keys()].reverse(); // innermost first, as the iterator stores axes
  for (let i0 = 1; i0 < r.length; i0++) {
    const s0 = Math.abs(strides[r[i0]]);
    let pos = i0;
    for (let i1 = i0 - 1; i1 >= 0; i1--) {
      const s1 = Math.abs(strides[r[i1]]);
      if (s0 === 0 || s1 === 0) continue;
      if (s1 <= s0) break;
      pos = i1;
    }
    if (pos !== i0) {
      const ax = r[i0];
      r.splice(i0, 1);
      r.splice(pos, 0, ax);
    }
  }
  return r.reverse();
}

/**
 * The walk NumPy's iterator takes over one operand (a reduction's input):
 * its axes in K order ({@link iterationOrder}; length-1 axes dropped, 0
 * strides decide nothing), neighbours merged where the outer one steps by
 * the whole inner one, outermost first. Strides keep their signs (a
 * reduction's iterator does not flip them). A 0-d or one-item layout is
 * `[]`, an empty one keeps its zero-length axis.
 */
export function iterationLayout(shape: readonly number[], strides: readonly number[]): { shape: number[]; strides: number[] } {
  if (shape.some((n) => n === 0)) return { shape: [0], strides: [0] };
  const order = iterationOrder(strides.map((st, i) => (shape[i] === 1 ? 0 : st)));
  const outShape: number[] = [];
  const outStrides: number[] = [];
  for (const ax of order) {
    const n = shape[ax];
    if (n === 1) continue;
    const last = outShape.length - 1;
    if (last >= 0 && outStrides[last] === strides[ax] * n) {
      outShape[last] *= n;
      outStrides[last] = strides[ax];
    } else {
      outShape.push(n);
      outStrides.push(strides[ax]);
    }
  }
  return { shape: outShape, strides: outStrides };
}

/** A shape argument (an integer or an array of integers) as a checked shape, with a clear error for anything else. */
export function normalizeShape(shape: number | readonly number[]): number[] {
  // An integer array of 0 or 1 axes is a shape too (NumPy takes a 0-d one through
  // operator.index: zeros(array(3)) is zeros(3)); bool is not an integer there. Read by
  // duck type: layout.ts sits below ndarray.ts.
  const arr = shape as unknown as { ndim?: unknown; dtype?: { kind?: unknown }; toArray?: () => unknown };
  if (typeof arr === 'object' && arr !== null && !Array.isArray(arr) && typeof arr.toArray === 'function' && (arr.ndim === 0 || arr.ndim === 1) && typeof arr.dtype === 'object') {
    if (arr.dtype.kind !== 'i' && arr.dtype.kind !== 'u') {
      throw new TypeError(arr.ndim === 0 ? `expected a sequence of integers or a single integer, got '${String(arr)}'` : `shape must hold integers, got an array of ${String((arr.dtype as { str?: unknown }).str)}`);
    }
    const v = arr.toArray();
    return checkShape(Array.isArray(v) ? v : [v as number]);
  }
  if (typeof shape !== 'number' && !Array.isArray(shape) && !(ArrayBuffer.isView(shape) && !(shape instanceof DataView))) {
    // zeros({ shape: [2, 3] }) is a common slip: say what was expected.
    throw new TypeError(`shape must be an integer or an array of integers, got ${repr(shape)}`);
  }
  return checkShape(typeof shape === 'number' ? [shape] : shape);
}

/**
 * The items of an integer (or bool) array of at most one dimension as
 * numbers, for arguments NumPy reads as a tuple of ints (`tile`'s reps,
 * `roll`'s shift and axis): a 0-d array is one item.
 */
export function arrayInts(v: { dtype: DType; ndim: number; size: number; toArray(): unknown }, what: string): number[] {
  if (!'iub'.includes(v.dtype.kind) || v.dtype.isStructured || v.ndim > 1) throw new TypeError(`${what} must be integers, got an array of dtype ${v.dtype.str} and ${v.ndim} dimensions`);
  const items = v.ndim === 0 ? [v.toArray()] : (v.toArray() as unknown[]);
  return items.map((x) => Number(x));
}

/**
 * Positions of `strides` in the order NumPy's PyArray_CreateSortedStridePerm
 * lays those axes out (outermost first): a stable sort by |stride|, largest
 * first, so a broadcast (stride-0) axis goes innermost. Advanced indexing
 * lays out its subspace (the axes the index leaves) this way.
 */
export function memoryOrder(strides: readonly number[]): number[] {
  return strides
    .map((st, i) => ({ i, s: Math.abs(st) }))
    .sort((x, y) => y.s - x.s || x.i - y.i)
    .map(({ i }) => i);
}
