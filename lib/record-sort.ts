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
import { argsortNative, takeNative } from './index-kernels';
import { elementCode, NATIVE_MIN_ELEMENTS } from './kernels';
import { makeArray } from './internal';
import type { NdArray } from './ndarray';
import { MemoryStorage } from './storage';
import { dtype as toDType } from './dtype';

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
  if (seq.length === 0 || seq.some((n) => elementCode(dt.fields![n].dtype) < 0)) return null;
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
