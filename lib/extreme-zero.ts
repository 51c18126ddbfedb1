/**
 * Which zero NumPy's float32/float64 `max`/`min` reductions return when the
 * result is zero and the items hold both +0 and -0.
 *
 * +0 and -0 compare equal, so the answer is whichever zero NumPy's loop
 * keeps, and that depends on how the loop is laid out. NumPy 2.4's
 * `maximum`/`minimum` loops (loops_minmax, AVX-512 build) take the second
 * operand on a tie (`_mm_max_sd`, `_mm512_max_pd`), and a reduction calls
 * them as follows:
 * - the running value starts as the first item (no `initial`), and each
 *   inner-loop call folds its items into it;
 * - a contiguous call (stride = itemsize) folds items into 64-byte vector
 *   lanes (item i into lane i mod L, where L = 8 for float64 and 16 for
 *   float32; every lane starts from the running value), combines the lanes
 *   in the fixed tree of `_mm512_reduce_max_pd`, then folds the items past
 *   the last whole vector one by one;
 * - any other call folds into 8 scalar accumulators (item i into i mod 8)
 *   combined pairwise, then into the running value, then the rest one by one.
 *
 * With "the second operand wins a tie", any such tree returns the last zero
 * in the order its leaves are written (a non-zero item is below zero here,
 * since the result is zero). So the sign is found by scanning the leaves
 * backwards from the end, which stops at the first zero met: one item when
 * the array is all zeros. The running value is a leaf at the start of every
 * lane of a vector call, so a call whose last lane holds no zero defers to
 * the calls before it.
 *
 * `fmax`/`fmin` (`nanmax`/`nanmin`) share the layout, but this build of
 * NumPy compiles their scalar steps to keep the first operand in places:
 * a contiguous call's tail, and a strided call's eight accumulators, keep
 * their first zero ({@link afterFmaxCall}; a NaN loses to everything there).
 *
 * Which calls NumPy makes (its iterator's walk, buffers, and the first item
 * it copies out) is in {@link wholeZeroCalls} (the whole array) and
 * reduce-axis.ts (along axes). float16 compares with `npy_half_ge`, whose
 * tie keeps the first operand: the first zero, which the plain fold already
 * gives.
 * @module
 */
import { NUMPY_BUFFER_ITEMS, bufferSpan } from './buffered-sum';

/**
 * Items one sign search reads at most. Past that (a zero result over more
 * items, most of them read before a zero decides), the result keeps the
 * sign the plain fold gave it, its first zero: the search stays a small
 * fraction of a reduction that the kernel runs at memory speed.
 */
export const ZERO_SCAN_ITEMS = 2 ** 24;

const EXHAUSTED: unique symbol = Symbol('zero scan exhausted');

/** `read`, stopping the search ({@link withinBudget}) at its {@link ZERO_SCAN_ITEMS}th call. */
export function budgetedReader<T>(read: (off: number) => T): (off: number) => T {
  let left = ZERO_SCAN_ITEMS;
  return (off) => {
    if (--left < 0) throw EXHAUSTED;
    return read(off);
  };
}

/** `fn()`, or null when its {@link budgetedReader} ran out. */
export function withinBudget<T>(fn: () => T): T | null {
  try {
    return fn();
  } catch (e) {
    if (e === EXHAUSTED) return null;
    throw e;
  }
}

/** A value's part in a zero max/min: 0 below (or above) zero, 1 for +0, 2 for -0. */
export type ZeroClass = 0 | 1 | 2;

/** A value's {@link ZeroClass}. */
export function classOf(v: number): ZeroClass {
  return v !== 0 ? 0 : Object.is(v, -0) ? 2 : 1;
}

/** One inner-loop call: `n` items, item `i` read by `item(i)`; `vector` for a contiguous call. */
export interface ZeroCall {
  n: number;
  vector: boolean;
  item: (i: number) => number;
}

// The lane order of `_mm512_reduce_max_pd` / `_ps` (GCC's halving tree, the
// second half's lanes first at each step), written left to right.
const LANES_8 = [6, 2, 4, 0, 7, 3, 5, 1];
const LANES_16 = [12, 4, 8, 0, 14, 6, 10, 2, 13, 5, 9, 1, 15, 7, 11, 3];

/** The last zero among items `lane`, `lane + step`, … below `end`, scanning back; 0 if none. */
function lastZero(c: ZeroCall, lane: number, step: number, end: number): ZeroClass {
  if (lane >= end) return 0;
  for (let i = lane + Math.floor((end - 1 - lane) / step) * step; i >= 0; i -= step) {
    const k = classOf(c.item(i));
    if (k !== 0) return k;
  }
  return 0;
}

/** The last zero of the tail `from .. n - 1`; 0 if none. */
function tailZero(c: ZeroCall, from: number): ZeroClass {
  for (let i = c.n - 1; i >= from; i--) {
    const k = classOf(c.item(i));
    if (k !== 0) return k;
  }
  return 0;
}

/**
 * The part of call `c`'s leaves written after its last running-value leaf:
 * the tail and the last lane of a vector call; the tail and every scalar
 * accumulator of another. 0 when none of them is a zero.
 */
function head(c: ZeroCall, lanes: number): ZeroClass {
  const unit = c.vector ? lanes : 8;
  const end = Math.floor(c.n / unit) * unit;
  const t = tailZero(c, end);
  if (t !== 0) return t;
  if (c.vector) {
    const order = lanes === 8 ? LANES_8 : LANES_16;
    return lastZero(c, order[order.length - 1], lanes, end);
  }
  for (let lane = 7; lane >= 0; lane--) {
    const k = lastZero(c, lane, 8, end);
    if (k !== 0) return k;
  }
  return 0;
}

/** A vector call's other lanes (each after a running-value leaf that was not a zero), last first. */
function rest(c: ZeroCall, lanes: number): ZeroClass {
  if (!c.vector) return 0;
  const order = lanes === 8 ? LANES_8 : LANES_16;
  const end = Math.floor(c.n / lanes) * lanes;
  for (let j = order.length - 2; j >= 0; j--) {
    const k = lastZero(c, order[j], lanes, end);
    if (k !== 0) return k;
  }
  return 0;
}

/** The running value after call `c` from `op`: the call's last zero, or `op` where it is written last. */
export function afterCall(c: ZeroCall, op: ZeroClass, lanes: number): ZeroClass {
  const h = head(c, lanes);
  if (h !== 0) return h;
  return op !== 0 ? op : rest(c, lanes);
}

/** The first zero among items `lane`, `lane + step`, … below `end`; 0 if none. */
function firstZero(c: ZeroCall, lane: number, step: number, end: number): ZeroClass {
  for (let i = lane; i < end; i += step) {
    const k = classOf(c.item(i));
    if (k !== 0) return k;
  }
  return 0;
}

/**
 * The running value after call `c` of NumPy's fmax/fmin reduce loop: the
 * vector lanes and their tree as {@link afterCall}'s, then a tail that keeps
 * the running value unless it is below zero (the first zero of the tail);
 * a strided call's eight accumulators each keep their first zero, the last
 * accumulator holding one wins, then the tail's last zero.
 */
export function afterFmaxCall(c: ZeroCall, op: ZeroClass, lanes: number): ZeroClass {
  if (c.vector) {
    const end = Math.floor(c.n / lanes) * lanes;
    const order = lanes === 8 ? LANES_8 : LANES_16;
    let r = lastZero(c, order[order.length - 1], lanes, end);
    if (r === 0) r = op;
    for (let j = order.length - 2; j >= 0 && r === 0; j--) r = lastZero(c, order[j], lanes, end);
    return r !== 0 ? r : firstZero(c, end, 1, c.n);
  }
  const end = Math.floor(c.n / 8) * 8;
  let m: ZeroClass = 0;
  for (let lane = 7; lane >= 0 && m === 0; lane--) m = firstZero(c, lane, 8, end);
  const t = tailZero(c, end);
  return t !== 0 ? t : m !== 0 ? m : op;
}

/**
 * Whether a tie in NumPy's fmax/fmin binary loop (not its reduce form) keeps
 * its first operand at item `t` past the call's last whole vector: what a
 * reduction with a kept axis innermost gets, one call over that axis per
 * reduced step, the running values as the first operand. The vector part's
 * tie takes the second; the scalar steps after it, as this build compiles
 * them, keep either, by position: measured on NumPy 2.4 (AVX-512),
 * `fmax.reduce` of `[[-0.] * n, [0.] * n]` and strided views of it. With
 * the three operands contiguous, float32 keeps the first at t = 0 only and
 * float64 everywhere but t = 3 and 6; strided, float32 never and float64 at
 * t = 0 only.
 */
export function fmaxTailKeepsFirst(itemsize: number, t: number, contiguous: boolean): boolean {
  if (itemsize === 4) return contiguous && t === 0;
  return contiguous ? t !== 3 && t !== 6 : t === 0;
}

/** +0 or -0 for a zero class; null for 0 (no zero was kept). */
export function zeroOf(k: ZeroClass): number | null {
  return k === 0 ? null : k === 2 ? -0 : 0;
}

/**
 * The zero NumPy's max/min returns after `count` calls (call `k` from
 * `callAt(k)`), the running value starting at `first` (the first item, or
 * `initial`): +0 or -0, or null when no leaf is a zero (the result is not zero).
 * `lanes`: 8 for float64, 16 for float32.
 */
export function zeroWinner(count: number, callAt: (k: number) => ZeroCall, first: number, lanes: number): number | null {
  // From the last call back: a call decides alone when a zero is written
  // after its last running-value leaf; otherwise it defers to the calls
  // before it, and then, if they end below zero, to its other lanes.
  const pending: ZeroCall[] = [];
  let w: ZeroClass = 0;
  let k = count - 1;
  for (; k >= 0; k--) {
    const c = callAt(k);
    w = head(c, lanes);
    if (w !== 0) break;
    pending.push(c);
  }
  if (k < 0) w = classOf(first);
  for (let j = pending.length - 1; j >= 0; j--) {
    if (w === 0) w = rest(pending[j], lanes);
  }
  return zeroOf(w);
}

/**
 * NumPy's inner-loop calls for a max/min over a whole walk (`shape`/`strides`
 * as `iterationLayout` gives them, strides in the units `read` takes; a
 * contiguous row steps by `unit`), without its first item, which starts the
 * running value (all of them after `initial` when one is given). `buffered`: NumPy copies the walk into its buffer (byte
 * swapped, unaligned, or two or more rows shorter than the buffer), and each
 * buffer is one contiguous call.
 */
export function wholeZeroCalls(
  read: (off: number) => number,
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  unit: number,
  buffered: boolean,
  initial?: number,
): { count: number; callAt: (k: number) => ZeroCall; first: number } {
  const skip = initial === undefined ? 1 : 0;
  const nd = shape.length;
  const size = shape.reduce((m, n) => m * n, 1);
  const row = nd === 0 ? 1 : shape[nd - 1];
  const at = (pos: number): number => {
    let off = offset;
    for (let d = nd - 1; d >= 0 && pos > 0; d--) {
      off += (pos % shape[d]) * strides[d];
      pos = Math.floor(pos / shape[d]);
    }
    return off;
  };
  // Calls as [lo, n) ranges of walk positions (the first call without position 0).
  let count: number;
  let range: (k: number) => [number, number];
  if (buffered && row < NUMPY_BUFFER_ITEMS) {
    const { per, span } = bufferSpan(shape);
    const pieces = Math.ceil(span / per);
    count = (size / span) * pieces;
    range = (k) => {
      const j = k % pieces;
      return [Math.floor(k / pieces) * span + j * per, Math.min(per, span - j * per)];
    };
  } else if (buffered) {
    const pieces = Math.ceil(row / NUMPY_BUFFER_ITEMS);
    count = (size / row) * pieces;
    range = (k) => {
      const j = k % pieces;
      return [Math.floor(k / pieces) * row + j * NUMPY_BUFFER_ITEMS, Math.min(NUMPY_BUFFER_ITEMS, row - j * NUMPY_BUFFER_ITEMS)];
    };
  } else {
    count = size / row;
    range = (k) => [k * row, row];
  }
  // A one-item walk steps by 0: NumPy's plain loop, never its vector reduce.
  const step = nd === 0 ? 0 : strides[nd - 1];
  const vector = nd > 0 && (buffered || step === unit);
  const callAt = (k: number): ZeroCall => {
    let [lo, n] = range(k);
    if (k === 0) {
      lo += skip;
      n -= skip;
    }
    if (!buffered) {
      const p = at(lo);
      return { n, vector, item: (i) => read(p + i * step) };
    }
    return { n, vector, item: (i) => read(at(lo + i)) };
  };
  if (initial !== undefined) return { count: size === 0 ? 0 : count, callAt, first: initial };
  return { count: size <= 1 ? 0 : count, callAt, first: read(offset) };
}
