/**
 * The per-element walks behind forEach, reduce, apply and map: a view is cut
 * into blocks that each lie inside one JS window, and every block runs one
 * plain loop per innermost row, written once per operation and per way of
 * reading:
 *
 * - typed: plain numeric dtypes in this host's byte order (not bool) whose
 *   offset and strides are multiples of the itemsize read `ta[p]` from a
 *   typed array over the block, with element strides;
 * - view: everything else (unaligned fields of packed records, the other
 *   byte order, bool, float16, complex, records) reads through the codec and
 *   the window's DataView.
 *
 * No window lookup, no closure per element and no codec call on the typed
 * tier: what is left per element is the user's callback. Each loop is its own
 * function so that V8 keeps one call site (and one set of type feedback) per
 * operation and tier; a generic loop taking a "read" function would see every
 * dtype of the program at one site.
 *
 * A callback may close the mapping (or detach the buffer) under the walk: a
 * DataView then throws, a typed array reads `undefined`. The typed loops stop
 * at such a read and report it; the callers turn both into ERR_CLOSED.
 * @internal
 * @module
 */
import type { Codec } from './dtype';
import { forEachRow } from './iterate';
import { byteBounds } from './layout';
import { WINDOW_STEP, type Storage } from './storage';
import type { AnyTypedArray } from './typed';

/** A typed array constructor from typed.ts's table. */
type TypedCtor = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => AnyTypedArray;

/** A layout: shape, byte strides, byte offset. */
type Visit = (shape: readonly number[], strides: readonly number[], offset: number) => void;

/**
 * Calls `fn` for consecutive pieces of the layout, in C index order, each
 * spanning at most `maxSpan` bytes (so each fits one window): the layout
 * itself when it does, else runs of its first axis, recursing into single
 * sub-arrays too wide themselves (down to single elements).
 */
export function forEachBlock(
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  itemsize: number,
  maxSpan: number,
  fn: Visit,
): void {
  const [lo, hi] = byteBounds(offset, shape, strides, itemsize);
  if (hi - lo <= maxSpan || shape.length === 0) {
    fn(shape, strides, offset);
    return;
  }
  const rest = shape.slice(1);
  const restStrides = strides.slice(1);
  const [rlo, rhi] = byteBounds(0, rest, restStrides, itemsize);
  const sub = rhi - rlo;
  const n0 = shape[0];
  const s0 = strides[0];
  if (sub > maxSpan) {
    for (let k = 0; k < n0; k++) forEachBlock(rest, restStrides, offset + k * s0, itemsize, maxSpan, fn);
    return;
  }
  // m sub-arrays s0 apart span sub + (m - 1)·|s0| bytes (s0 ≠ 0: the whole would fit otherwise).
  const m = Math.floor((maxSpan - sub) / Math.abs(s0)) + 1;
  for (let k = 0; k < n0; k += m) fn([Math.min(m, n0 - k), ...rest], strides, offset + k * s0);
}

/**
 * One block's memory, as the typed tier (element units) or the view tier
 * (byte units) reads it. Both count from the block's first byte, so every
 * position and stride inside a block is below 2^31 (a block spans at most
 * WINDOW_STEP bytes): the row loops take them as int32 (`| 0`, exact here).
 * Offsets from the window's start could reach 4 GiB, and loops over doubles
 * ran 3-4x slower than the same loops over int32.
 */
interface Block {
  /** Typed array over the block's bytes, or null for the view tier. */
  ta: AnyTypedArray | null;
  dv: DataView;
  /** Offset of the block's element 0: an element index into `ta`, else a byte offset into `dv`. */
  start: number;
  /** Strides in the same unit as `start`. */
  strides: number[];
}

/**
 * Walks the view in blocks, giving each its memory. `ctor` is the typed
 * array of the dtype when it may take the typed tier (native order, not
 * bool), else null.
 */
function forEachBlockMemory(
  st: Storage,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  itemsize: number,
  ctor: TypedCtor | null,
  fn: (b: Block, shape: readonly number[]) => void,
): void {
  forEachBlock(shape, strides, offset, itemsize, WINDOW_STEP, (bShape, bStrides, bOffset) => {
    const [lo, hi] = byteBounds(bOffset, bShape, bStrides, itemsize);
    if (hi === lo) return;
    const w = st.single ?? st.window(lo, hi - lo);
    const at = w.bufferOffset + (lo - w.start);
    if (ctor !== null && at % itemsize === 0 && bStrides.every((s) => s % itemsize === 0)) {
      const ta = new ctor(w.buffer, at, (hi - lo) / itemsize);
      fn({ ta, dv: w.view, start: (bOffset - lo) / itemsize, strides: bStrides.map((s) => s / itemsize) }, bShape);
    } else {
      const dv = new DataView(w.buffer, at, hi - lo);
      fn({ ta: null, dv, start: bOffset - lo, strides: bStrides as number[] }, bShape);
    }
  });
}

/** The arguments every walk takes: where the view is and how its items read. */
export interface WalkSource {
  st: Storage;
  shape: readonly number[];
  strides: readonly number[];
  offset: number;
  itemsize: number;
  codec: Codec;
  ctor: TypedCtor | null;
}

/** Thrown inside a walk when a typed array read `undefined`: its buffer was detached (the mapping closed). */
export class Detached extends Error {}

/** The largest int32: a flat index up to it stays an int32 in the row loops. */
const INT32_MAX = 0x7fffffff;

// ---------------------------------------------------------------- forEach

// forEach's run loops count k from 0 to n as an int32 (`n = n | 0`: a run
// is at most RUN items) and pass the flat index as i + k, in int32 too
// (`(i + k) | 0`) while the run's last index is below 2^31, which is every
// run of a view of fewer than 2^31 elements (a longer one's later runs take
// the second loop, in doubles). They counted the flat index itself (j from i
// to i + n), which saved an add per element, but `j < i + n` over two tagged
// parameters kept j tagged, with a Smi check of the bound per element, and
// an `i + k` over a tagged i costs a Smi check and an overflow check per
// element even when the callback ignores the index (V8 keeps it for the
// inlined callback's deopt state). The int32 count: unaligned forEach 5.82 ->
// 5.42 ns, stride-2 unchanged (median of 15 rounds in 3 processes,
// bench/element_ab.js, load 20); the int32 index on top: 5.6 -> 5.1 ns and
// 5.3 -> 5.0 ns (medians of three 9-round processes each, load 23). reduce
// and apply take the same int32 index over their whole rows (stride-2
// reduce 2.3 -> 2.05 ns, same measure).
//
// In every row loop of this file the position steps as `p = (p + s) | 0`
// after an entry `p = p | 0`, not as `p += s` on the parameter: a parameter
// enters the loop as a tagged value of any type, and with `p += s` V8 kept
// the position tagged around the loop (untag, Smi check and retag per
// element, as --print-opt-code shows); the int32 form lets it stay an int32.
// Exact: positions inside a block are below 2^31 (see Block), and the one
// step past a row's last element may wrap but is never read.

function forEachTyped(ta: AnyTypedArray, p: number, n: number, s: number, fn: (v: unknown, i: number) => void, i: number): void {
  p = p | 0;
  s = s | 0;
  n = n | 0;
  if (i <= INT32_MAX - n) {
    i = i | 0;
    for (let k = 0; k < n; k++) {
      const v = ta[p];
      if (v === undefined) throw new Detached();
      fn(v, (i + k) | 0);
      p = (p + s) | 0;
    }
    return;
  }
  for (let k = 0; k < n; k++) {
    const v = ta[p];
    if (v === undefined) throw new Detached();
    fn(v, i + k);
    p = (p + s) | 0;
  }
}

function forEachView(dv: DataView, read: Codec['read'], o: number, n: number, s: number, fn: (v: unknown, i: number) => void, i: number): void {
  o = o | 0;
  s = s | 0;
  n = n | 0;
  if (i <= INT32_MAX - n) {
    i = i | 0;
    for (let k = 0; k < n; k++) {
      fn(read(dv, o), (i + k) | 0);
      o = (o + s) | 0;
    }
    return;
  }
  for (let k = 0; k < n; k++) {
    fn(read(dv, o), i + k);
    o = (o + s) | 0;
  }
}

/**
 * Elements per call of forEach's row loops. A long row is passed in runs of
 * RUN so that the row loop is called often and V8 optimizes it as a
 * function. Called once per forEach with a whole 10M-element row, it ran in
 * on-stack-replacement code: each forEach passes a new closure (a callback
 * written inline is a new function per call), the next call deopts the code
 * compiled for the last one ("wrong call target"), the loop is compiled
 * again on the stack, and that code keeps the position and the flat index
 * tagged (a shift and a Smi check each, spilled, per element). With runs:
 * W7 forEach 1.29x (stride-2) and 1.45x (unaligned) faster by median in an
 * interleaved A/B (5 processes each, load 25). reduce and apply measured no
 * gain (5-10% slower with the suite's hoisted callbacks), so they keep one
 * call per row.
 */
const RUN = 4096;

/** Calls `fn(value, i)` for every element in C index order. */
export function walkForEach(src: WalkSource, fn: (value: unknown, i: number) => void): void {
  const read = src.codec.read;
  let i = 0;
  forEachBlockMemory(src.st, src.shape, src.strides, src.offset, src.itemsize, src.ctor, (b, shape) => {
    const ta = b.ta;
    if (ta !== null) {
      forEachRow(shape, b.strides, b.start, (p, n, s) => {
        for (let k = 0; k < n; k += RUN) {
          const m = n - k < RUN ? n - k : RUN;
          forEachTyped(ta, (p + k * s) | 0, m, s | 0, fn, i);
          i += m;
        }
      });
    } else {
      const dv = b.dv;
      forEachRow(shape, b.strides, b.start, (o, n, s) => {
        for (let k = 0; k < n; k += RUN) {
          const m = n - k < RUN ? n - k : RUN;
          forEachView(dv, read, (o + k * s) | 0, m, s | 0, fn, i);
          i += m;
        }
      });
    }
  });
}

// ---------------------------------------------------------------- reduce

function reduceTyped<T>(ta: AnyTypedArray, p: number, n: number, s: number, fn: (acc: T, v: unknown, i: number) => T, acc: T, i: number): T {
  p = p | 0;
  s = s | 0;
  if (i <= INT32_MAX - n) {
    // As in forEach: the count and the flat index in int32 (n | 0 is exact: n <= INT32_MAX - i).
    n = n | 0;
    i = i | 0;
    for (let k = 0; k < n; k++) {
      const v = ta[p];
      if (v === undefined) throw new Detached();
      acc = fn(acc, v, (i + k) | 0);
      p = (p + s) | 0;
    }
    return acc;
  }
  for (let k = 0; k < n; k++) {
    const v = ta[p];
    if (v === undefined) throw new Detached();
    acc = fn(acc, v, i + k);
    p = (p + s) | 0;
  }
  return acc;
}

function reduceView<T>(
  dv: DataView,
  read: Codec['read'],
  o: number,
  n: number,
  s: number,
  fn: (acc: T, v: unknown, i: number) => T,
  acc: T,
  i: number,
): T {
  o = o | 0;
  s = s | 0;
  if (i <= INT32_MAX - n) {
    n = n | 0;
    i = i | 0;
    for (let k = 0; k < n; k++) {
      acc = fn(acc, read(dv, o), (i + k) | 0);
      o = (o + s) | 0;
    }
    return acc;
  }
  for (let k = 0; k < n; k++) {
    acc = fn(acc, read(dv, o), i + k);
    o = (o + s) | 0;
  }
  return acc;
}

/** Folds every element into an accumulator, in C index order. */
export function walkReduce<T>(src: WalkSource, fn: (acc: T, value: unknown, i: number) => T, initial: T): T {
  const read = src.codec.read;
  let acc = initial;
  let i = 0;
  forEachBlockMemory(src.st, src.shape, src.strides, src.offset, src.itemsize, src.ctor, (b, shape) => {
    const ta = b.ta;
    if (ta !== null) {
      forEachRow(shape, b.strides, b.start, (p, n, s) => {
        acc = reduceTyped(ta, p | 0, n, s | 0, fn, acc, i);
        i += n;
      });
    } else {
      const dv = b.dv;
      forEachRow(shape, b.strides, b.start, (o, n, s) => {
        acc = reduceView(dv, read, o | 0, n, s | 0, fn, acc, i);
        i += n;
      });
    }
  });
  return acc;
}

// ---------------------------------------------------------------- apply

function applyTyped(
  ta: AnyTypedArray,
  p: number,
  n: number,
  s: number,
  fn: (v: unknown, i: number) => unknown,
  convert: Codec['convert'],
  i: number,
): void {
  p = p | 0;
  s = s | 0;
  if (i <= INT32_MAX - n) {
    n = n | 0;
    i = i | 0;
    for (let k = 0; k < n; k++) {
      const v = ta[p];
      if (v === undefined) throw new Detached();
      // A converted value stores into the typed array exactly as the codec's store would put it.
      ta[p] = convert(fn(v, (i + k) | 0)) as never;
      p = (p + s) | 0;
    }
    return;
  }
  for (let k = 0; k < n; k++) {
    const v = ta[p];
    if (v === undefined) throw new Detached();
    ta[p] = convert(fn(v, i + k)) as never;
    p = (p + s) | 0;
  }
}

function applyView(dv: DataView, codec: Codec, o: number, n: number, s: number, fn: (v: unknown, i: number) => unknown, i: number): void {
  const read = codec.read;
  const write = codec.write;
  o = o | 0;
  s = s | 0;
  if (i <= INT32_MAX - n) {
    n = n | 0;
    i = i | 0;
    for (let k = 0; k < n; k++) {
      write(dv, o, fn(read(dv, o), (i + k) | 0));
      o = (o + s) | 0;
    }
    return;
  }
  for (let k = 0; k < n; k++) {
    write(dv, o, fn(read(dv, o), i + k));
    o = (o + s) | 0;
  }
}

/** Replaces every element with `fn(value, i)` in C index order, storing as it goes (the caller checks writeable). */
export function walkApply(src: WalkSource, fn: (value: unknown, i: number) => unknown): void {
  const codec = src.codec;
  const convert = codec.convert;
  let i = 0;
  forEachBlockMemory(src.st, src.shape, src.strides, src.offset, src.itemsize, src.ctor, (b, shape) => {
    const ta = b.ta;
    if (ta !== null) {
      forEachRow(shape, b.strides, b.start, (p, n, s) => {
        applyTyped(ta, p | 0, n, s | 0, fn, convert, i);
        i += n;
      });
    } else {
      const dv = b.dv;
      forEachRow(shape, b.strides, b.start, (o, n, s) => {
        applyView(dv, codec, o | 0, n, s | 0, fn, i);
        i += n;
      });
    }
  });
}

// ---------------------------------------------------------------- map

/** Where map's results go: a typed array (element `i`) or a codec at byte `i · itemsize`. */
export interface MapSink {
  ta: AnyTypedArray | null;
  dv: DataView;
  codec: Codec;
  itemsize: number;
}

function mapTyped(ta: AnyTypedArray, p: number, n: number, s: number, fn: (v: unknown, i: number) => unknown, out: MapSink, i: number): void {
  const ota = out.ta;
  const convert = out.codec.convert;
  const write = out.codec.write;
  const odv = out.dv;
  const on = out.itemsize;
  p = p | 0;
  s = s | 0;
  // The output's tier is tested once per row, not per element.
  if (ota !== null) {
    for (let j = i, end = i + n; j < end; j++) {
      const v = ta[p];
      if (v === undefined) throw new Detached();
      ota[j] = convert(fn(v, j)) as never;
      p = (p + s) | 0;
    }
    return;
  }
  for (let j = i, end = i + n; j < end; j++) {
    const v = ta[p];
    if (v === undefined) throw new Detached();
    write(odv, j * on, fn(v, j));
    p = (p + s) | 0;
  }
}

function mapView(dv: DataView, read: Codec['read'], o: number, n: number, s: number, fn: (v: unknown, i: number) => unknown, out: MapSink, i: number): void {
  const ota = out.ta;
  const convert = out.codec.convert;
  const write = out.codec.write;
  const odv = out.dv;
  const on = out.itemsize;
  o = o | 0;
  s = s | 0;
  if (ota !== null) {
    for (let j = i, end = i + n; j < end; j++) {
      ota[j] = convert(fn(read(dv, o), j)) as never;
      o = (o + s) | 0;
    }
    return;
  }
  for (let j = i, end = i + n; j < end; j++) {
    write(odv, j * on, fn(read(dv, o), j));
    o = (o + s) | 0;
  }
}

/** Stores `fn(value, i)` of every element, in C index order, as element `i` of `out`. */
export function walkMap(src: WalkSource, fn: (value: unknown, i: number) => unknown, out: MapSink): void {
  const read = src.codec.read;
  let i = 0;
  forEachBlockMemory(src.st, src.shape, src.strides, src.offset, src.itemsize, src.ctor, (b, shape) => {
    const ta = b.ta;
    if (ta !== null) {
      forEachRow(shape, b.strides, b.start, (p, n, s) => {
        mapTyped(ta, p | 0, n, s | 0, fn, out, i);
        i += n;
      });
    } else {
      const dv = b.dv;
      forEachRow(shape, b.strides, b.start, (o, n, s) => {
        mapView(dv, read, o | 0, n, s | 0, fn, out, i);
        i += n;
      });
    }
  });
}
