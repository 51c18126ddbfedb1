/**
 * Writing values into an array: `set` (assignment with NumPy's broadcasting)
 * and `fill`, and turning nested JS values into a scratch array. Every write
 * here runs after NdArray checked `writeable`; every value is converted into
 * a scratch array first, so a bad value throws before the first byte is
 * written; a source that may overlap the target (same buffer, or the same
 * file mapped twice) is copied first.
 * @module
 */
import * as fs from 'fs';
import { types } from 'util';
import { copyAs } from './copy';
import type { DType } from './dtype';
import { ValueError } from './errors';
import { tupleNoSpace } from './format';
import { releaseTemporary } from './release';
import { allocate, isArray, requireOpen, storageOf } from './internal';
import { forEachOffset2 } from './iterate';
import { castNative, copyNative, NO_UNITS } from './kernels';
import { MAXDIMS, shapeToSize } from './layout';
import { mayShareMemory } from './memory';
import type { NdArray } from './ndarray';
import { boundsOverlap } from './overlap';
import { weakKind } from './promote';
import { isPlainObject, isWholeRecordList } from './record-value';
import type { MappingInfo, Window } from './storage';

/** Is `v` one element of `dt` (rather than a level of nested arrays)? */
function isElement(v: unknown, dt: DType): boolean {
  if (!Array.isArray(v)) return true;
  if (dt.kind === 'c') return v.length === 2 && !Array.isArray(v[0]) && !Array.isArray(v[1]) && !isPlainObject(v[0]);
  if (dt.isStructured) {
    const names = dt.names as readonly string[];
    if (v.length !== names.length) return false;
    if (isWholeRecordList(v, dt)) return false;
    return names.every((name, i) => {
      const f = (dt.fields as NonNullable<DType['fields']>)[name].dtype;
      const x = v[i];
      if (f.shape.length > 0) return true;
      if (f.isStructured) return Array.isArray(x) || isPlainObject(x);
      if (f.kind === 'c') return !Array.isArray(x) || x.length === 2;
      return !Array.isArray(x) && !isPlainObject(x);
    });
  }
  return false;
}

function inferShape(v: unknown, dt: DType): number[] {
  const shape: number[] = [];
  let cur = v;
  while (!isElement(cur, dt)) {
    const arr = cur as unknown[];
    // A list that holds itself (or nests past NumPy's limit) would grow the
    // shape until V8 aborts the process: NumPy's error instead.
    if (shape.length === MAXDIMS) {
      throw new ValueError(`setting an array element with a sequence. The requested array would exceed the maximum number of dimension of ${MAXDIMS}.`);
    }
    shape.push(arr.length);
    if (arr.length === 0) break;
    cur = arr[0];
  }
  return shape;
}

/** Encodes a JS value (scalar or nested arrays) into a new C-contiguous array of `dt`. */
export function fromValue(v: unknown, dt: DType): NdArray {
  const shape = inferShape(v, dt);
  const out = allocate(dt, shape);
  const w = storageOf(out).single as Window;
  const codec = dt.codec;
  const n = dt.itemsize;
  let pos = 0;
  const walk = (x: unknown, axis: number): void => {
    if (axis === shape.length) {
      if (!isElement(x, dt)) throw inhomogeneous(shape);
      codec.write(w.view, pos, x);
      pos += n;
      return;
    }
    const len = shape[axis];
    if (!Array.isArray(x) || isElement(x, dt) || x.length !== len) throw inhomogeneous(shape);
    // Indexed up to the length checked (not iterated): a getter that grows or
    // shrinks a list while it is read cannot walk past `out` or leave items unwritten.
    for (let i = 0; i < len; i++) walk(x[i], axis + 1);
    if (x.length !== len) throw inhomogeneous(shape);
  };
  walk(v, 0);
  return out;
}

function inhomogeneous(shape: number[]): ValueError {
  return new ValueError(
    `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${shape.length} dimensions`,
  );
}

/**
 * Same memory and overlapping byte bounds: a source that must be copied
 * before writing. Beyond {@link mayShareMemory} (one buffer), two cases JS
 * cannot see through count as overlapping too: distinct SharedArrayBuffer
 * objects, and two mappings of one file.
 */
function mayOverlap(a: NdArray, b: NdArray): boolean {
  if (storageOf(a) !== storageOf(b)) {
    const wa = storageOf(a).single;
    const wb = storageOf(b).single;
    // Distinct SharedArrayBuffer objects may be one block of memory
    // (structuredClone, postMessage) and JS cannot tell: assume they overlap.
    if (wa !== null && wb !== null && wa.buffer !== wb.buffer && types.isSharedArrayBuffer(wa.buffer) && types.isSharedArrayBuffer(wb.buffer)) return true;
    // Two mappings of one file share its pages.
    const ma = storageOf(a).mapping;
    const mb = storageOf(b).mapping;
    if (ma !== null && mb !== null) return sameFileRange(a, ma, b, mb);
  }
  return mayShareMemory(a, b);
}

/**
 * Whether two arrays over mappings may address the same bytes of one file:
 * the same file (device and inode; a file that cannot be stat'ed counts as
 * the same) and overlapping file byte ranges.
 */
function sameFileRange(a: NdArray, ma: MappingInfo, b: NdArray, mb: MappingInfo): boolean {
  try {
    const sa = fs.statSync(ma.path);
    const sb = fs.statSync(mb.path);
    if (sa.dev !== sb.dev || sa.ino !== sb.ino) return false;
  } catch {
    // Renamed or removed since it was mapped: cannot tell, so assume the worst.
  }
  return boundsOverlap(
    { offset: a.offset + ma.offset, shape: a.shape, strides: a.strides, itemsize: a.itemsize },
    { offset: b.offset + mb.offset, shape: b.shape, strides: b.strides, itemsize: b.itemsize },
  );
}

/** Strides that broadcast `src` to `shape` (NumPy's rules for assignment). */
function broadcastStrides(src: NdArray, shape: readonly number[]): number[] {
  let sShape = [...src.shape];
  let sStrides = [...src.strides];
  // Assignment drops leading length-1 axes of a source with more axes than the target.
  while (sShape.length > shape.length && sShape[0] === 1) {
    sShape = sShape.slice(1);
    sStrides = sStrides.slice(1);
  }
  const fail = (): never => {
    throw new ValueError(`could not broadcast input array from shape ${tupleNoSpace(src.shape)} into shape ${tupleNoSpace(shape)}`);
  };
  if (sShape.length > shape.length) fail();
  const out = new Array<number>(shape.length).fill(0);
  const lead = shape.length - sShape.length;
  for (let i = 0; i < sShape.length; i++) {
    const n = sShape[i];
    const t = shape[lead + i];
    if (n === t) out[lead + i] = n === 1 ? 0 : sStrides[i];
    else if (n === 1) out[lead + i] = 0;
    else fail();
  }
  return out;
}

/**
 * A flat JS array of scalars given for one record, of another length than
 * the record's fields: NumPy's error for a tuple of that length (the JS
 * array is the library's tuple; broadcasting it as a level would write one
 * scalar into every field, or fail with a broadcast message).
 */
function checkRecordLength(dt: DType, value: unknown): void {
  if (!dt.isStructured || !Array.isArray(value) || isElement(value, dt)) return;
  // Scalars of any field: numbers, bigints, booleans, bytes (a Buffer), { re, im } (not a record object, a list or an array).
  const scalar = (x: unknown): boolean => !Array.isArray(x) && !isArray(x) && (!isPlainObject(x) || weakKind(x) === 'c');
  if (value.length > 0 && value.every(scalar)) {
    throw new ValueError(`could not assign tuple of length ${value.length} to structure with ${(dt.names as readonly string[]).length} fields.`);
  }
}

/** `target[...] = value` (target already checked writeable). */
export function assign(target: NdArray, value: unknown): void {
  const dt = target.dtype;
  if (target.ndim === 0) checkRecordLength(dt, value);
  let src: NdArray;
  if (isArray(value)) {
    requireOpen(value);
    if (!value.dtype.equals(dt) && !mayOverlap(value, target)) {
      // Cast straight into the target (nothing can fail midway: the kernel checks everything first).
      const strides = broadcastStrides(value, target.shape);
      if (castNative(storageOf(value), value.offset, strides, value.dtype, storageOf(target), target.offset, target.strides, dt, target.shape)) return;
    }
    if (!value.dtype.equals(dt)) src = copyAs(value, dt, 'K', false);
    else if (mayOverlap(value, target)) src = copyAs(value, dt, 'K', false);
    else src = value;
  } else {
    src = fromValue(value, dt);
  }
  const strides = broadcastStrides(src, target.shape);
  try {
    copyBytes(src, strides, target);
  } finally {
    // A copy made here (a cast, an overlap, a converted value) is dead now:
    // its pool region goes back at once, as NumPy frees its temporary.
    if (src !== value) releaseTemporary(storageOf(src));
  }
}

/**
 * Whether `items` (index items after parsing) name one element of `target`:
 * an integer (a Python int or a 0-d integer array) for every axis. NumPy then
 * checks the bounds first and converts the value as a scalar
 * ({@link elementValue}).
 */
export function isElementPosition(target: NdArray, items: readonly unknown[]): boolean {
  if (items.length !== target.ndim) return false;
  for (const it of items) {
    const int = typeof it === 'number' || typeof it === 'bigint' || (isArray(it) && it.ndim === 0 && (it.dtype.kind === 'i' || it.dtype.kind === 'u'));
    if (!int) return false;
  }
  return true;
}

/**
 * The value to store for `a[i, j] = value` at one element position (after
 * the bounds check, as NumPy): NumPy 2.4 converts it as a scalar, so a
 * sequence is refused even at size 1, with the error of the item type's
 * conversion — an array of one or more dimensions: `ValueError` (complex:
 * `TypeError`; bool takes the truth of a size-1 array); a JS array (a Python
 * list): float and bytes `ValueError`, int, uint and void `TypeError`, bool
 * takes the list's truth (non-empty is `true`). Records take an array whole,
 * and a complex item a JS `[re, im]` (README "Values").
 */
export function elementValue(dt: DType, value: unknown): unknown {
  if (dt.isStructured) {
    checkRecordLength(dt, value);
    return value;
  }
  if (isArray(value)) {
    if (value.ndim === 0) return value;
    if (dt.kind === 'c') throw new TypeError('only 0-dimensional arrays can be converted to Python scalars');
    if (dt.kind === 'b' && value.size === 1) return value;
    throw new ValueError('setting an array element with a sequence.');
  }
  if (!Array.isArray(value)) return value;
  switch (dt.kind) {
    case 'c':
      return value;
    case 'b':
      return value.length > 0;
    case 'i':
    case 'u':
      throw new TypeError("int() argument must be a string, a bytes-like object or a real number, not 'list'");
    case 'V':
      throw new TypeError("a bytes-like object is required, not 'list'");
    case 'S':
      throw new ValueError('setting an array element with a sequence');
    default:
      throw new ValueError('setting an array element with a sequence.');
  }
}

/** Every element of `target` = one scalar. */
export function fillScalar(target: NdArray, value: unknown): void {
  const dt = target.dtype;
  const one = isArray(value) ? value : fromValue(value, dt);
  if (isArray(one) && one.size !== 1) throw new ValueError('fill() takes a scalar value');
  const src = isArray(value) ? copyAs(value, dt, 'C', false) : one;
  copyBytes(src, new Array<number>(target.ndim).fill(0), target);
}

/**
 * Copies element bytes from `src` (walked with `srcStrides` over the target's
 * shape) into `dst`. Records copy their fields' bytes only: padding keeps its
 * old content, as NumPy's structured assignment does.
 */
function copyBytes(src: NdArray, srcStrides: readonly number[], dst: NdArray): void {
  const ss = storageOf(src);
  const ds = storageOf(dst);
  if (ds.closed) ds.checkOpen();
  if (ss.closed) ss.checkOpen();
  // Nothing to copy: build no per-item table (a record's can be large).
  if (shapeToSize(dst.shape) === 0 || dst.itemsize === 0) return;
  const segs = dst.dtype.segmentRuns;
  const n = dst.itemsize;
  // Whole items (no padding to spare): the kernel copies them in bulk.
  const whole = segs.length === 1 && segs[0][0] === 0 && segs[0][1] === n && segs[0][2] === 1;
  if (whole && copyNative(ss, src.offset, srcStrides, ds, dst.offset, dst.strides, dst.shape, n, NO_UNITS)) return;
  const sAt = ss.cursor(n);
  const dAt = ds.cursor(n);
  forEachOffset2(dst.shape, srcStrides, src.offset, dst.strides, dst.offset, (so, dof) => {
    const sw = sAt(so);
    const dw = dAt(dof);
    const sb = sw.bytes;
    const db = dw.bytes;
    const sBase = so - sw.start;
    const dBase = dof - dw.start;
    for (let k = 0; k < segs.length; k++) {
      const seg = segs[k];
      const len = seg[1];
      const count = seg[2];
      const step = seg[3];
      for (let c = 0, off = seg[0]; c < count; c++, off += step) {
        for (let j = 0; j < len; j++) db[dBase + off + j] = sb[sBase + off + j];
      }
    }
  });
}
