/**
 * Copies and casts of whole arrays (NumPy's `copy`/`astype`, in C, F, A or K
 * order) and byteswap in place: the native bulk kernel when the layout
 * qualifies, else a JS loop that writes the same bytes.
 * @module
 */
import { makeCaster } from './cast';
import type { DType } from './dtype';
import { codecOf, makeArray, storageOf } from './internal';
import { forEachOffset, forEachOffset2 } from './iterate';
import { castNative, copyNative, flatUnits, NO_UNITS } from './kernels';
import { newStrides, shapeToSize, shapeToStrides } from './layout';
import type { NdArray } from './ndarray';
import { readOrder, type Order } from './order';
import { MemoryStorage } from './storage';
import { countCopy } from './stats';
import { storesWholeItems } from './fresh-memory';

/** Reverses the bytes of every scalar unit of every element (fields only). */
export function byteswapInPlace(a: NdArray): void {
  // Tables are built for the work there is: none for an empty array, runs
  // (one entry per subarray) before any per-unit list.
  if (shapeToSize(a.shape) === 0) return;
  const runs = a.dtype.swapRuns;
  let total = 0;
  for (const r of runs) total += r[2];
  if (total === 0) return;
  const st = storageOf(a);
  const n = a.itemsize;
  if (total > MAX_UNIT_TABLE) {
    byteswapRuns(a, runs);
    return;
  }
  const units = a.dtype.swapUnits;
  // The kernel swaps element by element in C order, as the loop below does.
  if (copyNative(st, a.offset, a.strides, st, a.offset, a.strides, a.shape, n, flatUnits(units))) return;
  const at = st.cursor(n);
  forEachOffset(a.shape, a.strides, a.offset, (off) => {
    const w = at(off);
    const b = w.bytes;
    const base = off - w.start;
    for (let k = 0; k < units.length; k++) {
      const u = units[k];
      let i = base + u[0];
      let j = i + u[1] - 1;
      while (i < j) {
        const t = b[i];
        b[i] = b[j];
        b[j] = t;
        i++;
        j--;
      }
    }
  });
}

/** Most swap units listed one by one (for the kernel); past it, items are swapped from their runs in JS. */
const MAX_UNIT_TABLE = 1 << 16;

/** byteswapInPlace for items of very many units, from the run-length table. */
function byteswapRuns(a: NdArray, runs: readonly (readonly [number, number, number, number])[]): void {
  const at = storageOf(a).cursor(a.itemsize);
  forEachOffset(a.shape, a.strides, a.offset, (off) => {
    const w = at(off);
    const b = w.bytes;
    const base = off - w.start;
    for (const [o, size, count, step] of runs) {
      for (let c = 0, u = base + o; c < count; c++, u += step) {
        for (let i = u, j = u + size - 1; i < j; i++, j--) {
          const t = b[i];
          b[i] = b[j];
          b[j] = t;
        }
      }
    }
  });
}

/** A cast between two byte orders of one plain numeric type (no fields, no subarray). */
function isByteOrderCast(from: DType, to: DType): boolean {
  if (from.isStructured || to.isStructured || from.subdtype !== null || to.subdtype !== null) return false;
  const k = from.kind;
  if (k !== to.kind || from.itemsize !== to.itemsize || (k !== 'i' && k !== 'u' && k !== 'f' && k !== 'c')) return false;
  return from.littleEndian !== to.littleEndian;
}

/** Strides of a new array laid out like `a` in NumPy's 'K' order (PyArray_NewLikeArray). */
export function kStrides(a: NdArray, itemsize: number): number[] {
  if (a.ndim <= 1 || a.flags.cContiguous) return newStrides(a.shape, itemsize, 'C');
  if (a.flags.fContiguous) return newStrides(a.shape, itemsize, 'F');
  if (shapeToSize(a.shape) === 0) return new Array<number>(a.ndim).fill(0);
  const perm = [...Array(a.ndim).keys()];
  // Stable sort, largest |stride| first: NumPy's PyArray_CreateSortedStridePerm.
  perm.sort((x, y) => Math.abs(a.strides[y]) - Math.abs(a.strides[x]));
  const permShape = perm.map((p) => a.shape[p]);
  const cs = shapeToStrides(permShape, itemsize, 'C');
  const out = new Array<number>(a.ndim);
  perm.forEach((p, i) => (out[p] = cs[i]));
  return out;
}

/**
 * A new owner holding `a`'s elements as `dt` (NumPy's `copy`/`astype` with
 * unsafe casting), laid out in `order`. `count` records it in stats().
 */
export function copyAs(a: NdArray, dt: DType, order: Order, count = true): NdArray {
  let ord = readOrder(order, 'C');
  if (ord === 'A') ord = a.flags.fContiguous && !a.flags.cContiguous ? 'F' : 'C';
  const strides = ord === 'K' ? kStrides(a, dt.itemsize) : newStrides(a.shape, dt.itemsize, ord as 'C' | 'F');
  const size = shapeToSize(a.shape);
  // A record cast NumPy cannot do is its TypeError even with no element to cast.
  if (size === 0 && !a.dtype.equals(dt) && (a.dtype.isStructured || dt.isStructured)) makeCaster(a.dtype, dt);
  // Every item is stored below (or the copy throws and is dropped).
  const storage = MemoryStorage.allocate(size * dt.itemsize, storesWholeItems(dt));
  const out = makeArray({ storage, dtype: dt, shape: a.shape, strides, offset: 0, base: null, writeable: true, ownData: true });
  if (count) countCopy(size * dt.itemsize);
  if (size === 0) return out;
  const st = storageOf(a);
  st.checkOpen();
  // Items of 0 bytes (V0): nothing to store, whatever the element count (NumPy: O(1) too).
  if (dt.itemsize === 0) return out;
  const dw = storage.single;
  const n = a.itemsize;
  const at = st.cursor(n);
  if (a.dtype.equals(dt) || (a.dtype.str === dt.str && !dt.isStructured && !a.dtype.isStructured)) {
    if (copyNative(st, a.offset, a.strides, storage, 0, strides, a.shape, n, NO_UNITS)) return out;
    forEachOffset2(a.shape, a.strides, a.offset, strides, 0, (so, dof) => {
      const sw = at(so);
      const s0 = so - sw.start;
      dw.bytes.set(sw.bytes.subarray(s0, s0 + n), dof);
    });
    return out;
  }
  if (isByteOrderCast(a.dtype, dt)) {
    // Same numbers, other byte order: the cast is a copy that reverses each scalar.
    if (copyNative(st, a.offset, a.strides, storage, 0, strides, a.shape, n, flatUnits(a.dtype.swapUnits))) return out;
  }
  if (castNative(st, a.offset, a.strides, a.dtype, storage, 0, strides, dt, a.shape)) return out;
  const cast = makeCaster(a.dtype, dt);
  const rd = codecOf(a);
  const wr = dt.codec;
  forEachOffset2(a.shape, a.strides, a.offset, strides, 0, (so, dof) => {
    const sw = at(so);
    wr.write(dw.view, dof, cast(rd.read(sw.view, so - sw.start)));
  });
  return out;
}
