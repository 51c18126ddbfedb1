/**
 * Record-order sorts (`sort`/`argsort` with `{ order }`, and records with no
 * `order`) by the native kernels: NumPy compares records field by field, the
 * fields of `order` first and then the others in their dtype order, so a
 * stable sort by that sequence is an LSD pass per field, least significant
 * first: a stable argsort of the field's values in the current order
 * (native/index_kernels.cc argsort), composed with that order. Each field
 * must be a plain numeric one; otherwise the caller runs its comparator
 * sort (lib/sort.ts), which gives the same order.
 * @internal
 * @module
 */
import type { DType } from './dtype';
import { allocateOrdered } from './compute-values';
import { copyAs } from './copy';
import { argsortNative, takeNative } from './index-kernels';
import { elementCode, NATIVE_MIN_ELEMENTS } from './kernels';
import { makeArray } from './internal';
import type { NdArray } from './ndarray';
import { MemoryStorage } from './storage';
import { dtype as toDType } from './dtype';
import { int64From } from './typed-reader';

const U4 = toDType('<u4');

/** The fields a record dtype is compared by, most significant first. */
export function fieldSequence(dt: DType, order: readonly string[] | undefined): string[] {
  const first = order ?? [];
  return [...first, ...(dt.names ?? []).filter((n) => !first.includes(n))];
}

/** A 1-d array over the Uint32Array's memory (no copy). */
function indexArray(idx: Uint32Array): NdArray {
  return makeArray({
    storage: new MemoryStorage(idx.buffer as ArrayBuffer, idx.byteOffset, idx.byteLength), dtype: U4,
    shape: [idx.length], strides: [4], offset: 0, base: null, writeable: true, ownData: true,
  });
}

/**
 * The stable argsort of the 1-d record array `a` compared by the fields
 * `seq` (most significant first), or null when a field has no kernel or `a`
 * does not qualify.
 */
export function recordArgsortNative(a: NdArray, seq: readonly string[]): Uint32Array | null {
  const dt = a.dtype;
  if (a.ndim !== 1 || a.size < NATIVE_MIN_ELEMENTS || a.size > 0xffffffff || dt.fields === null) return null;
  // float16 fields: NumPy's record compare (HALF_compare) puts NaN first, the kernel last.
  const half = (f: DType): boolean => f.kind === 'f' && f.itemsize === 2;
  if (seq.length === 0 || seq.some((n) => elementCode(dt.fields![n].dtype) < 0 || half(dt.fields![n].dtype))) return null;
  let perm: Uint32Array | null = null;
  let gathered: NdArray | null = null;
  for (let k = seq.length - 1; k >= 0; k--) {
    const f = a.field(seq[k]);
    let src = f;
    if (perm !== null) {
      // The field's values in the current order, gathered into a contiguous buffer reused across fields of one itemsize.
      if (gathered === null || gathered.dtype !== f.dtype) gathered = allocateOrdered(f.dtype, [a.size], [0], true);
      if (takeNative(f, indexArray(perm), 'raise', gathered) !== -1) return null;
      src = gathered;
    }
    const idx = argsortNative(src);
    if (idx === null) return null;
    if (perm === null) {
      perm = idx;
    } else {
      for (let i = 0; i < idx.length; i++) idx[i] = perm[idx[i]];
      perm = idx;
    }
  }
  return perm;
}

/**
 * Sorts the 1-d record array `a` in place by the fields `seq`; false
 * (nothing written) when it does not qualify.
 */
export function recordSortNative(a: NdArray, seq: readonly string[]): boolean {
  const perm = recordArgsortNative(a, seq);
  if (perm === null) return false;
  const sorted = allocateOrdered(a.dtype, [a.size], [0], true);
  if (takeNative(a, indexArray(perm), 'raise', sorted) !== -1) return false;
  a.set(sorted);
  return true;
}

/**
 * The lane-major copy of the n-d record array `a` (the axis `axis` moved
 * last, C order, flattened) and the permutation that sorts each lane of it
 * by the fields `seq` (global positions in the copy, lane by lane), or null
 * when a field has no kernel or `a` does not qualify. One stable argsort of
 * the whole copy by the fields, then a stable bucket pass by lane: the lane
 * is the most significant key of the copy's order, so each lane's items
 * stay in the order the fields give them (NumPy sorts each lane apart).
 */
function recordLanesArgsort(a: NdArray, axis: number, seq: readonly string[]): { flat: NdArray; perm: Uint32Array; axes: number[] } | null {
  const n = a.size;
  const len = a.shape[axis];
  if (n < NATIVE_MIN_ELEMENTS || n > 0xffffffff || len === 0) return null;
  const axes = [...Array(a.ndim).keys()].filter((k) => k !== axis).concat(axis);
  const flat = copyAs(a.transpose(axes), a.dtype, 'C').reshape([n]);
  const global = recordArgsortNative(flat, seq);
  if (global === null) return null;
  const fill = new Uint32Array(n / len);
  const perm = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const p = global[i];
    const lane = Math.floor(p / len);
    perm[lane * len + fill[lane]++] = p;
  }
  return { flat, perm, axes };
}

/**
 * Sorts the n-d (n >= 2) record array `a` along `axis` in place by the fields
 * `seq`, or with `out` (an int64 array of `a`'s shape) writes the argsort
 * there instead (each lane's indices along `axis`); false (nothing written)
 * when it does not qualify.
 */
export function recordLanesSortNative(a: NdArray, axis: number, seq: readonly string[], out: NdArray | null): boolean {
  if (a.ndim < 2 || a.dtype.fields === null || seq.length === 0) return false;
  const r = recordLanesArgsort(a, axis, seq);
  if (r === null) return false;
  const { flat, perm, axes } = r;
  const moved = [...axes.map((k) => a.shape[k])];
  if (out !== null) {
    const len = a.shape[axis];
    const local = new Float64Array(perm.length);
    for (let i = 0; i < perm.length; i++) local[i] = perm[i] - (i - (i % len));
    out.transpose(axes).set(int64From(moved, local));
    return true;
  }
  const sorted = allocateOrdered(a.dtype, [a.size], [0], true);
  if (takeNative(flat, indexArray(perm), 'raise', sorted) !== -1) return false;
  a.transpose(axes).set(sorted.reshape(moved));
  return true;
}
