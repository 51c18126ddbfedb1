/**
 * NumPy's `ufunc.reduceat(a, indices, axis=0, dtype=None, out=None)` for the
 * reducing ufuncs: `addReduceat`, `multiplyReduceat`, `minimumReduceat`,
 * `maximumReduceat`, `logicalAndReduceat`, `logicalOrReduceat`,
 * `logicalXorReduceat`, `bitwiseAndReduceat`, `bitwiseOrReduceat`,
 * `bitwiseXorReduceat` (named as `maximumAccumulate` is: the ufunc, then the
 * method).
 *
 * NumPy's rules (`PyUFunc_Reduceat`):
 * - result `i` reduces `a[indices[i]:indices[i+1]]` along `axis`, the last
 *   one `a[indices[-1]:]`; where `indices[i] >= indices[i+1]` it is
 *   `a[indices[i]]` itself (cast to the result's dtype);
 * - every index must lie in `[0, a.shape[axis])` (IndexError `index 8
 *   out-of-bounds in add.reduceat [0, 8)`), negative ones too;
 * - the result has `a`'s shape with `axis` as long as `indices`; its dtype is
 *   the reduction's (add/multiply: bool and small integers widen to 64 bits,
 *   as `sum`), `dtype` when given, else `out`'s when given;
 * - a new result is laid out as NumPy's iterator allocates it: the axes
 *   other than `axis` in `a`'s memory order, `axis` in its place among them;
 * - a float sum is `a[s] + pairwise_sum(a[s+1:e])` along the axis, NumPy's
 *   reduce inner loop, so results are bit-identical to NumPy's (not to
 *   `sum(a[s:e])`, whose pairwise blocks start one element earlier).
 *
 * add, multiply, and integer minimum and maximum run every group of every
 * lane in one native call (native/reduceat_kernels.cc: a float sum is
 * `a[s] + pairwise(a[s+1:e])`, a float product item by item, integers wrap).
 * Float minimum and maximum, the logical and the bitwise ufuncs fold every
 * group by the ufunc's own native loop, in order, in one call
 * ({@link reduceatByLoop}); a float minimum/maximum group whose result holds
 * a zero or a NaN is then reduced again as below (NumPy's vector loops pick
 * a zero's sign by lane). Elsewhere (complex and float16, kernels off) each
 * group is one reduction (sum, prod, min, max, any, all) over its slice, or
 * for the bitwise and xor ufuncs a halving fold of ufunc calls (log2 of the
 * group's length of them): no per-element JS loop. That path is the
 * kernels' reference.
 * @module
 */
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { ValueError, iteratorCastError, repr } from './errors';
import { noReductionLoop } from './no-loop';
import { Slice, type IndexItem } from './indexing';
import { describeNonArray, isArray, requireOpen, requireWritable, storageOf } from './internal';
import type { NdArray } from './ndarray';
import { normalizeAxis } from './layout';
import { asarray } from './array-coerce';
import { pyShape } from './format';
import { readKnownOptions, axisArgs, type WithAxis } from './options';
import { allocateOrdered, readValues } from './compute-values';
import { typedArray } from './typed';
import { iterOutputOrder } from './broadcast';
import { canCast } from './promote';
import { all, any, max, min, prod, sum, sumDType } from './reduce-axis';
import { add, multiply } from './ufuncs/arith';
import { bitwiseAnd, bitwiseOr, bitwiseXor } from './ufuncs/bitwise';
import { moveaxis } from './axis-views';
import { afterCall, classOf, zeroOf } from './extreme-zero';
import { castCode, capturingKernels, isSwapped, nativeKernelsOn, regionOf } from './kernels';
import { kernelReduceat } from './native';
import { ufuncReduceatNative } from './index-kernels';
import { NEGATIVE_POWER, nativeAtOp } from './ufunc-native';
import { allocate } from './internal';
import { equal, logicalOr } from './ufuncs/compare';
import { isnan } from './ufuncs/math';
import { GroupStarts } from './group-starts';
import { releaseTemporary } from './release';
import { mayShareMemory } from './memory';
import { inspect } from 'util';
import type { Complex } from './value-types';

/** Options of the `*Reduceat` functions (NumPy's keywords). */
export interface ReduceatOptions {
  /** The axis along which the groups run (default 0). */
  axis?: number;
  /** The dtype the reduction runs in and the result has. */
  dtype?: DTypeLike | null;
  /** A writeable array of the result's shape to write into; it is returned. */
  out?: NdArray | null;
}

/**
 * Groups shorter than this on average (items per group, all lanes) are
 * folded by the ufunc's loop in one call; longer ones one reduction a group.
 */
const LOOP_GROUP_ITEMS = 4096;

/** The most bytes a bitwise or logical_xor group is copied in at a time (see reduceGroup). */
const FOLD_BLOCK_BYTES = 16 << 20;

type Op = 'add' | 'multiply' | 'minimum' | 'maximum' | 'logical_and' | 'logical_or' | 'logical_xor' | 'bitwise_and' | 'bitwise_or' | 'bitwise_xor';

const BITWISE: Partial<Record<Op, typeof bitwiseAnd>> = { bitwise_and: bitwiseAnd, bitwise_or: bitwiseOr, bitwise_xor: bitwiseXor, logical_xor: bitwiseXor };

/** `[:, ..., item, ...]` with `item` at `ax`. */
export function along(ndim: number, ax: number, item: IndexItem): IndexItem[] {
  const items: IndexItem[] = new Array<IndexItem>(ndim).fill(new Slice());
  items[ax] = item;
  return items;
}

/** The reduction's dtype for `op` over `dt` (no dtype or out given). */
function defaultDType(op: Op, dt: DType): DType {
  if (op === 'add' || op === 'multiply') return sumDType(dt, op, 'reduceat');
  if (op.startsWith('logical')) return toDType('?');
  if (op.startsWith('bitwise')) {
    if (!(dt.kind === 'b' || dt.kind === 'i' || dt.kind === 'u')) {
      throw new TypeError(`ufunc '${op}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''`);
    }
  }
  if (dt.isStructured || !'biufc'.includes(dt.kind)) throw noReductionLoop(op, dt, 'reduceat');
  return dt.newbyteorder('=');
}

/** Reduces `g` (at least 2 slices along `ax`) into `dst` (the group's result slice) with `op`. */
/**
 * NumPy's reduceat calls its minimum/maximum loop once per lane of a group,
 * along the axis from the lane's first item (contiguous: vector lanes;
 * strided: eight accumulators; `vector` when the input steps by one item
 * along the axis, or is byte-swapped, which NumPy buffers): a zero result of float32/float64 takes the sign that
 * call ends with (extreme-zero.ts).
 */
function signGroupZeros(g: NdArray, ax: number, dst: NdArray, vector: boolean): void {
  if (g.dtype.kind !== 'f' || (g.itemsize !== 4 && g.itemsize !== 8)) return;
  const moved = moveaxis(g, ax, -1);
  const nd = moved.ndim - 1;
  const n = moved.shape[nd];
  const idx = new Array<number>(nd).fill(0);
  for (let lane = 0; lane < dst.size; lane++) {
    if (lane > 0) {
      let d = nd - 1;
      while (++idx[d] === moved.shape[d]) idx[d--] = 0;
    }
    if (dst.get(...idx) !== 0) continue;
    const item = (i: number): number => moved.get(...idx, i) as number;
    const z = zeroOf(afterCall({ n: n - 1, vector, item: (i) => item(i + 1) }, classOf(item(0)), 64 / g.itemsize));
    if (z !== null) dst.set(idx, z);
  }
}

/** Whether (1 + 0j) * z has z's bits: both parts finite, and no zero whose sign the product flips. */
function unitExact(z: Complex): boolean {
  const { re, im } = z;
  if (!Number.isFinite(re) || !Number.isFinite(im)) return false;
  // re - 0 * im and im + 0 * re, as the complex product computes them.
  return Object.is(re - 0 * im, re) && Object.is(im + 0 * re, im);
}

function reduceGroup(op: Op, g: NdArray, ax: number, rt: DType, dst: NdArray): void {
  switch (op) {
    case 'add':
      if (rt.kind === 'f' || rt.kind === 'c') {
        // NumPy's reduce loop: the first slice, plus the pairwise sum of the rest along the axis
        // (with the axis last and contiguous, sum's pairwise blocks are NumPy's).
        const rest = g.index(...along(g.ndim, ax, new Slice(1, null)));
        if (rt.kind === 'f' && rt.itemsize === 2 && ax === g.ndim - 1) {
          // NumPy's float16 reduce loop (along the last axis) keeps the running sum in float32:
          // the first item plus the float32 pairwise sum of the rest, rounded to half once.
          const first32 = g.index(...along(g.ndim, ax, 0)).astype('<f4');
          add(first32, sum(rest, -1, { dtype: '<f4' }), { out: dst, casting: 'same_kind' });
          return;
        }
        const restLast = g.ndim === 1 ? rest : moveaxis(rest, ax, -1).astype(rt, 'C');
        add(g.index(...along(g.ndim, ax, 0)).astype(rt), sum(restLast, g.ndim === 1 ? 0 : -1, { dtype: rt }), { out: dst });
      } else {
        sum(g, ax, { dtype: rt, out: dst });
      }
      return;
    case 'multiply': {
      // NumPy's reduceat starts each lane from its first item, prod() from 1: the
      // same bits unless 1 * x differs from x (an inf or NaN part, or a signed zero
      // that 1 + 0j flips); then the lanes are folded in NumPy's order (fuzz seed 9826276).
      const first = g.index(...along(g.ndim, ax, 0)).astype(rt);
      if (rt.kind !== 'c' || (readValues(first) as Complex[]).every(unitExact)) {
        prod(g, ax, { dtype: rt, out: dst });
        return;
      }
      dst.set(first);
      for (let k = 1; k < g.shape[ax]; k++) multiply(dst, g.index(...along(g.ndim, ax, k)).astype(rt), { out: dst });
      return;
    }
    case 'minimum':
    case 'maximum': {
      const src = g.dtype.equals(rt) ? g : g.astype(rt);
      (op === 'minimum' ? min : max)(src, ax, { out: dst });
      signGroupZeros(src, ax, dst, g.strides[ax] === g.itemsize || !g.dtype.isnative);
      return;
    }
    case 'logical_and':
      all(g, ax, { out: dst });
      return;
    case 'logical_or':
      any(g, ax, { out: dst });
      return;
    default: {
      // bitwise and logical_xor: associative, commutative and exact, so each
      // block of slices is folded in halves and the blocks' results combined.
      // Block by block: a copy of the whole group (a 3 GiB mapping made a
      // 3 GiB temporary, and a group past 4 GiB could not be reduced at all;
      // found by adversarial pass 6) now costs at most FOLD_BLOCK_BYTES.
      const f = BITWISE[op]!;
      const wt = op === 'logical_xor' ? toDType('?') : rt;
      const n = g.shape[ax];
      const sliceBytes = Math.max(1, (g.size / n) * wt.itemsize);
      const per = Math.max(2, Math.floor(FOLD_BLOCK_BYTES / sliceBytes));
      let acc: NdArray | null = null;
      for (let start = 0; start < n; start += per) {
        const work = g.index(...along(g.ndim, ax, new Slice(start, Math.min(n, start + per)))).astype(wt);
        let m = work.shape[ax];
        while (m > 1) {
          const h = Math.floor(m / 2);
          const r = m - h;
          const lo = work.index(...along(work.ndim, ax, new Slice(0, h)));
          f(lo, work.index(...along(work.ndim, ax, new Slice(r, m))), { out: lo });
          m = r;
        }
        const first = work.index(...along(work.ndim, ax, 0));
        if (acc === null) acc = first;
        else f(acc, first, { out: acc });
      }
      dst.set(acc!);
    }
  }
}

/**
 * The axis order (outermost first) of the result NumPy allocates: its
 * reduceat iterates the result, `a` (stride 0 along `axis`) and the
 * indices (an intp vector, only along `axis`) in nditer's 'K' order
 * (PyUFunc_Reduceat's NpyIter_AdvancedNew), so the other axes keep `a`'s
 * memory order and `axis` keeps its place among them (fuzz pass 9).
 */
function resultOrder(a: NdArray, ax: number, m: number): number[] {
  const nd = a.ndim;
  const arr = a.strides.map((s, i) => (i === ax || a.shape[i] === 1 ? 0 : s));
  const ind = a.shape.map((_, i) => (i === ax && m > 1 ? 8 : 0));
  return iterOutputOrder(nd, [arr, ind], [...Array(nd).keys()]);
}

/** The kernel's op codes (native/reduceat_kernels.cc). */
const NATIVE_OP: Partial<Record<Op, number>> = { add: 0, multiply: 1, minimum: 2, maximum: 3 };

/**
 * Every group of `a` (starts `starts` along `ax`) reduced by the kernel into
 * `res` (a new native array of `rt`, the result's shape); false (nothing
 * written) when the kernel has no loop for it. The input is cast to `rt`
 * first when it is another type (NumPy's loop casts it too).
 */
function reduceatNative(op: Op, a: NdArray, ax: number, starts: GroupStarts, rt: DType, res: NdArray): boolean {
  const code = NATIVE_OP[op];
  if (code === undefined || capturingKernels() || starts.length === 0 || a.size === 0) return false;
  const rc = castCode(rt);
  const isFloat = rt.kind === 'f' && (rt.itemsize === 8 || rt.itemsize === 4);
  if (rc < 0 || isSwapped(rt) || !(isFloat || rt.kind === 'i' || rt.kind === 'u') || (isFloat && code >= 2)) return false;
  const ro = regionOf(storageOf(res), res.offset);
  if (ro === null) return false;
  const src = castCode(a.dtype) === rc ? a : a.astype(rt);
  try {
    const ri = regionOf(storageOf(src), src.offset);
    if (ri === null) return false;
    const last = (xs: readonly number[]): number[] => [...xs.filter((_, i) => i !== ax), xs[ax]];
    kernelReduceat(code, last(src.shape), starts.operand(), [ri.memory, ri.byteOffset, last(src.strides), rc, isSwapped(src.dtype)], [ro.memory, ro.byteOffset, last(res.strides), rc, false]);
    return true;
  } finally {
    if (src !== a) releaseTemporary(storageOf(src));
  }
}

/**
 * Every group of a reduceat by ufunc `name`'s native loop
 * (index_kernels.cc ufuncReduceat): `a` cast to `rdt` and laid out as [n,
 * lanes] (axis first), group i's first row copied into row i of the [groups,
 * lanes] result and the rest of the group folded into it in order. The rows
 * are `res` itself when it is of `rdt` and C-ordered with the axis first,
 * else a scratch moved into it. False when the ufunc has no native loop for
 * `rdt` or the kernels are off (nothing written).
 */
export function reduceatByLoop(name: string, a: NdArray, ax: number, starts: GroupStarts, rdt: DType, res: NdArray): boolean {
  const op = nativeAtOp(name, rdt, 2);
  if (op < 0 || capturingKernels() || !nativeKernelsOn()) return false;
  const n = a.shape[ax];
  const x = moveaxis(a.dtype.equals(rdt) ? a : a.astype(rdt, { casting: 'unsafe' }), ax, 0).reshape([n, -1]);
  const m = starts.length;
  // Straight into `res` when its groups' rows are [m, lanes] in C order (a 1-d
  // result, or axis 0 of a C-ordered one), else a [m, lanes] scratch moved into it.
  const front = moveaxis(res, ax, 0);
  const direct = res.dtype.equals(rdt) && front.flags.cContiguous;
  const rows = direct ? front.reshape([m, -1]) : allocate(rdt, [m, x.shape[1]]);
  const k = ufuncReduceatNative(op, rows, x, starts.operand());
  if (k === null) return false;
  if (k >= 0) throw new ValueError(NEGATIVE_POWER);
  if (!direct) res.set(moveaxis(rows.reshape([m, ...a.shape.filter((_, d) => d !== ax)]), 0, ax));
  return true;
}

/**
 * The groups of a float minimum/maximum reduceat whose result has a zero or
 * a NaN in some lane: the fold in order gives the value, but which zero (of
 * +0 and -0) and which NaN NumPy's loop keeps depends on its vector lanes
 * (signGroupZeros), so these groups are reduced again by reduceGroup.
 */
function groupsToRedo(res: NdArray, ax: number): number[] {
  const rows = moveaxis(res, ax, 0).reshape([res.shape[ax], -1]);
  // A new C-ordered bool array: its bytes (a list of 100k JS booleans was ~15% of a 100k-group call).
  const flags = typedArray(any(logicalOr(equal(rows, 0), isnan(rows)), 1).view('|u1')) as Uint8Array;
  const out: number[] = [];
  for (let i = 0; i < flags.length; i++) if (flags[i] !== 0) out.push(i);
  return out;
}

function reduceat(op: Op, fn: string, a0: unknown, indices: unknown, axisArg: number | WithAxis<ReduceatOptions, number> | null | undefined, more: readonly unknown[]): NdArray {
  // NumPy's positional dtype and out after the axis, or the options.
  const [axOpt, rest] = axisArgs<number | null, ReduceatOptions>(fn, ['dtype', 'out'], axisArg, more);
  const o = readKnownOptions(rest ?? {}, ['dtype', 'out'], fn);
  const a = isArray(a0) ? a0 : asarray(a0);
  requireOpen(a);
  if (a.ndim === 0) throw new TypeError('cannot reduceat on a scalar');
  const axis = axOpt ?? 0;
  if (typeof axis !== 'number') throw new TypeError(`${fn}: axis must be an integer, got ${repr(axis)}`);
  const ax = normalizeAxis(axis, a.ndim);
  const starts = GroupStarts.of(indices);
  // Again after the caller's list was read: its getters may have closed the input.
  requireOpen(a);
  const n = a.shape[ax];
  starts.check(n, op);
  const out = o.out ?? null;
  if (out !== null && !isArray(out)) throw new TypeError(`${fn}: out must be an NdArray, got ${describeNonArray(out)}`);
  starts.keepFrom(out);
  let rt = o.dtype !== undefined && o.dtype !== null ? toDType(o.dtype) : out !== null ? out.dtype.newbyteorder('=') : defaultDType(op, a.dtype);
  if (op.startsWith('bitwise') && o.dtype == null && out === null) rt = defaultDType(op, a.dtype);
  if (op.startsWith('logical') && (o.dtype == null)) rt = toDType('?');
  // A dtype names the loop (NumPy's signature (dt, dt) -> dt): logical ops have only bool
  // outputs, bitwise ones no float or complex loop.
  if (o.dtype != null && (op.startsWith('logical') ? rt.kind !== 'b' : op.startsWith('bitwise') && !'biu'.includes(rt.kind))) {
    throw new TypeError(`No loop matching the specified signature and casting was found for ufunc ${op}`);
  }
  // The input is cast to the loop's type item by item ('unsafe'); a record of several fields
  // has no such cast, even when there is no item to cast (fuzz seed 9960641).
  if (!canCast(a.dtype, rt, 'unsafe')) {
    if (op.startsWith('logical')) throw iteratorCastError(1, inspect(a.dtype), inspect(rt), 'unsafe');
    throw new TypeError(`Cannot cast ufunc '${op}' input 0 from ${inspect(a.dtype)} to ${inspect(rt)} with casting rule 'unsafe'`);
  }
  const shape = [...a.shape];
  shape[ax] = starts.length;
  if (out !== null) {
    requireWritable(out, 'output array is read-only');
    if (out.ndim !== shape.length || out.shape.some((d, i) => d !== shape[i])) {
      throw new ValueError(`${fn}: out has shape ${pyShape(out.shape)}, the result's is ${pyShape(shape)}`);
    }
    if (!canCast(rt, out.dtype, 'same_kind')) {
      throw new TypeError(`Cannot cast ufunc '${op}' output from ${inspect(rt)} to ${inspect(out.dtype)} with casting rule 'same_kind'`);
    }
  }
  // An out that shares memory with the input gets the result once it is
  // whole (NumPy's rule: as if the input were copied first). Written group
  // by group, a later group read items an earlier one had overwritten:
  // addReduceat(a, [3, 2, 1, 0], { out: a }) gave [3, 2, 2, 10], NumPy
  // [3, 2, 1, 6] (found by adversarial pass 6).
  const res = out !== null && out.dtype.equals(rt) && !mayShareMemory(a, out) ? out : allocateOrdered(rt, shape, resultOrder(a, ax, starts.length));
  const m = starts.length;
  // A float sum over several axes reads each group with the axis last and contiguous
  // (sum's pairwise rows are then NumPy's): one copy of the whole input, not one per group.
  let native = res.size > 0 && reduceatNative(op, a, ax, starts, rt, res);
  // The ops without a kernel of their own there, over short groups (any groups for the
  // bitwise ufuncs, whose per-group path is a halving fold over copies): every group by
  // the ufunc's loop, in order, in one call (an item costs 1-4 ns there, a group nothing;
  // a group of the per-group path below costs ~10 us, its items a vector reduction, which
  // stops early for any/all: logicalAnd.reduce is a reduceat with one group). Bitwise and
  // logical results are exact; a float minimum/maximum's zero or NaN lanes are redone
  // (their sign and payload follow NumPy's lanes).
  const shortGroups = a.size < m * LOOP_GROUP_ITEMS || op.startsWith('bitwise');
  const byLoop = !native && shortGroups && res.size > 0 && op !== 'add' && op !== 'multiply' && !(rt.kind === 'f' && rt.itemsize === 2) && reduceatByLoop(op, a, ax, starts, rt, res);
  if (byLoop && (op === 'minimum' || op === 'maximum') && rt.kind === 'f') {
    const sv = starts.values;
    for (const i of groupsToRedo(res, ax)) {
      const s = sv[i];
      const e = i + 1 < m ? sv[i + 1] : n;
      if (e - s > 1) reduceGroup(op, a.index(...along(a.ndim, ax, new Slice(s, e))), ax, rt, res.index(...along(res.ndim, ax, i)));
    }
  }
  native ||= byLoop;
  const lastAxis = !native && op === 'add' && (rt.kind === 'f' || rt.kind === 'c') && a.ndim > 1 && res.size > 0 ? moveaxis(a, ax, -1).astype(rt, 'C') : null;
  const half = rt.kind === 'f' && rt.itemsize === 2;
  if (res.size > 0 && !native) {
    const sv = starts.values;
    for (let i = 0; i < m; i++) {
      const s = sv[i];
      const e = i + 1 < m ? sv[i + 1] : n;
      const dst = res.index(...along(res.ndim, ax, i));
      if (e - s <= 1) {
        // indices[i] >= indices[i+1], or a group of one: a[indices[i]] itself.
        const first = a.index(...along(a.ndim, ax, s));
        dst.set(op === 'logical_and' || op === 'logical_or' || op === 'logical_xor' ? first.astype('?') : first.astype(rt));
        continue;
      }
      if (lastAxis !== null) {
        const w = lastAxis.ndim - 1;
        const rest = sum(lastAxis.index(...along(lastAxis.ndim, w, new Slice(s + 1, e))), -1, { dtype: half ? '<f4' : rt });
        // float16: the first item plus the float32 sum of the rest, rounded once, as along
        // the last axis (reduceGroup): reduceat runs the loop along the axis for each outer
        // item, whatever the axis (fuzz seed 9390876).
        if (half) add(lastAxis.index(...along(lastAxis.ndim, w, s)).astype('<f4'), rest, { out: dst, casting: 'same_kind' });
        else add(lastAxis.index(...along(lastAxis.ndim, w, s)), rest, { out: dst });
        continue;
      }
      reduceGroup(op, a.index(...along(a.ndim, ax, new Slice(s, e))), ax, rt, dst);
    }
  }
  if (out !== null && res !== out) {
    out.set(res);
    return out;
  }
  return res;
}

/**
 * NumPy's `np.add.reduceat(a, indices, axis=0, dtype=None, out=None)`: sums of
 * the groups that start at `indices` along `axis` (see the module comment for
 * NumPy's rules).
 *
 * @example
 * addReduceat(arange(8), [0, 4, 1, 5]).toArray(); // [6n, 4n, 10n, 18n]
 * @throws IndexError for an index outside `[0, a.shape[axis])`; TypeError for
 *   a 0-d array; AxisError for an axis out of range.
 */
export function addReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
export function addReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number>, options?: ReduceatOptions): NdArray;
export function addReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number> | null, ...rest: unknown[]): NdArray {
  return reduceat('add', 'addReduceat', a, indices, axis, rest);
}

/** NumPy's `np.multiply.reduceat`: products of the groups (see {@link addReduceat}). */
export function multiplyReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
export function multiplyReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number>, options?: ReduceatOptions): NdArray;
export function multiplyReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number> | null, ...rest: unknown[]): NdArray {
  return reduceat('multiply', 'multiplyReduceat', a, indices, axis, rest);
}

/** NumPy's `np.minimum.reduceat`: minima of the groups, NaN propagating (see {@link addReduceat}). */
export function minimumReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
export function minimumReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number>, options?: ReduceatOptions): NdArray;
export function minimumReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number> | null, ...rest: unknown[]): NdArray {
  return reduceat('minimum', 'minimumReduceat', a, indices, axis, rest);
}

/** NumPy's `np.maximum.reduceat`: maxima of the groups, NaN propagating (see {@link addReduceat}). */
export function maximumReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
export function maximumReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number>, options?: ReduceatOptions): NdArray;
export function maximumReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number> | null, ...rest: unknown[]): NdArray {
  return reduceat('maximum', 'maximumReduceat', a, indices, axis, rest);
}

/** NumPy's `np.logical_and.reduceat`: whether every item of each group is non-zero, as bools (see {@link addReduceat}). */
export function logicalAndReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
export function logicalAndReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number>, options?: ReduceatOptions): NdArray;
export function logicalAndReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number> | null, ...rest: unknown[]): NdArray {
  return reduceat('logical_and', 'logicalAndReduceat', a, indices, axis, rest);
}

/** NumPy's `np.logical_or.reduceat`: whether any item of each group is non-zero, as bools (see {@link addReduceat}). */
export function logicalOrReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
export function logicalOrReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number>, options?: ReduceatOptions): NdArray;
export function logicalOrReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number> | null, ...rest: unknown[]): NdArray {
  return reduceat('logical_or', 'logicalOrReduceat', a, indices, axis, rest);
}

/** NumPy's `np.logical_xor.reduceat`: whether each group holds an odd number of non-zero items, as bools (see {@link addReduceat}). */
export function logicalXorReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
export function logicalXorReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number>, options?: ReduceatOptions): NdArray;
export function logicalXorReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number> | null, ...rest: unknown[]): NdArray {
  return reduceat('logical_xor', 'logicalXorReduceat', a, indices, axis, rest);
}

/** NumPy's `np.bitwise_and.reduceat` over bools and integers (see {@link addReduceat}). */
export function bitwiseAndReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
export function bitwiseAndReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number>, options?: ReduceatOptions): NdArray;
export function bitwiseAndReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number> | null, ...rest: unknown[]): NdArray {
  return reduceat('bitwise_and', 'bitwiseAndReduceat', a, indices, axis, rest);
}

/** NumPy's `np.bitwise_or.reduceat` over bools and integers (see {@link addReduceat}). */
export function bitwiseOrReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
export function bitwiseOrReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number>, options?: ReduceatOptions): NdArray;
export function bitwiseOrReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number> | null, ...rest: unknown[]): NdArray {
  return reduceat('bitwise_or', 'bitwiseOrReduceat', a, indices, axis, rest);
}

/** NumPy's `np.bitwise_xor.reduceat` over bools and integers (see {@link addReduceat}). */
export function bitwiseXorReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | null, dtype?: DTypeLike | null, out?: NdArray | null): NdArray;
export function bitwiseXorReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number>, options?: ReduceatOptions): NdArray;
export function bitwiseXorReduceat(a: NdArray, indices: NdArray | readonly number[], axis?: number | WithAxis<ReduceatOptions, number> | null, ...rest: unknown[]): NdArray {
  return reduceat('bitwise_xor', 'bitwiseXorReduceat', a, indices, axis, rest);
}
