/**
 * Views of an existing array's memory under a new layout, NumPy's free
 * functions: asStrided (any strides, bounds-checked), broadcastTo (0 strides
 * on the stretched axes, read-only) and ascontiguousarray (a view when
 * C-contiguous, else a copy). Operation modules use them too, so this module
 * reaches arrays only through internal.ts (no import of ndarray.ts).
 * @module
 */
import { copyAs } from './copy';
import { ValueError, repr } from './errors';
import { pyShape } from './format';
import { derive, lockReadOnly, requireOpen, storageOf, writeFlagOf, NdArray as ArrayClass } from './internal';
import { readOptions } from './options';
import type { NdArray } from './ndarray';
import { byteBounds, checkShape, normalizeShape, shapeToSize, shapeToStrides } from './layout';

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
  options = readOptions(options, ['writeable']);
  requireOpen(a);
  const s = checkShape(shape);
  const st = strides === undefined || strides === null ? shapeToStrides(s, a.itemsize, 'C') : [...strides];
  if (st.length !== s.length) throw new ValueError(`shape ${pyShape(s)} and strides [${st.join(', ')}] differ in length`);
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
  requireOpen(a);
  const s = normalizeShape(shape);
  const fail = (): never => {
    throw new ValueError(
      `operands could not be broadcast together with remapped shapes [original->remapped]: ${pyShape(a.shape)}  and requested shape ${pyShape(s)}`,
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
  return derive(a, ArrayClass.prototype, a.dtype, s, strides, a.offset, false);
}

/**
 * NumPy's `ascontiguousarray`: a plain NdArray (subclasses are not kept, as
 * in NumPy) viewing `a`'s memory when `a` is C-contiguous (a 0-d array
 * becomes shape [1]), else a C-ordered copy.
 */
export function ascontiguousarray(a: NdArray): NdArray {
  requireOpen(a);
  if (a.ndim === 0) return derive(a, ArrayClass.prototype, a.dtype, [1], [a.itemsize], a.offset);
  if (a.flags.cContiguous) return derive(a, ArrayClass.prototype, a.dtype, a.shape, a.strides, a.offset);
  return copyAs(a, a.dtype, 'C');
}

