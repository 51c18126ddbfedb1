/**
 * How NumPy's ufunc machinery hands an operand to the inner loop: whether
 * the loop sees it with a zero stride (NumPy 2.4's `check_for_trivial_loop`,
 * `try_trivial_single_output_loop` and nditer's `npyiter_find_buffering_setup`).
 *
 * The values of one NumPy loop depend on that: `power`'s float loops take
 * fast paths (sqrt for an exponent of 0.5, 1/x for -1, x*x for 2) only when
 * the exponent reaches them with stride 0, and `sqrt(-inf)` is NaN where
 * `pow(-inf, 0.5)` is inf (`-0.0` gives -0 against +0). The exponent has
 * stride 0 when it is a scalar or a 0-d array; a 1-D or contiguous one of
 * the call's shape goes through the trivial loop with its own stride; one
 * broadcast along the innermost axis keeps stride 0 in the iterator unless
 * the iterator buffers it into a strided buffer, which it does when it grows
 * the inner loop over more axes than that operand walks with one stride. It
 * grows it when that is cheaper by its cost model: (1 + buffered operands)
 * per inner loop of up to 8192 items. So `power(a, col)` of a 100×100 `a`
 * and a (100, 1) `col` calls pow, and of a 3×10000 `a` takes sqrt; with a
 * byte-swapped, cast or unaligned operand (buffered anyway) the iterator
 * grows further. Before any of this, a 0-d or short 1-D input that needs a
 * cast is copied as cast (no longer buffered).
 * @module
 */
import type { DType } from './dtype';
import { isAligned, isCContiguous, isFContiguous } from './layout';
import type { NdArray } from './ndarray';
import { needsOverlapCopy } from './write-overlap';

/** NumPy's default buffer size in items (`np.getbufsize()`). */
const BUFFER_SIZE = 8192;

/** One operand of the iteration: its byte strides over the plan's axes, and whether NumPy buffers it anyway. */
export interface IterOperand {
  /** Byte strides over the plan's axes, outermost first (0 where broadcast). */
  readonly strides: readonly number[];
  /** NumPy's cast flag: another dtype than the loop's, the other byte order, or unaligned. */
  readonly cast: boolean;
}

/**
 * Whether NumPy's inner loop sees operand `k` with stride 0 in every call,
 * for an iteration already in nditer's order and coalesced (`shape` and each
 * operand's strides outermost first, no axis of length 1): an operand the
 * iterator leaves in place keeps its innermost stride; one it buffers has
 * stride 0 only when it is constant over the buffer's whole core.
 */
function iteratorStrideIsZero(shape: readonly number[], ops: readonly IterOperand[], k: number): boolean {
  const nd = shape.length;
  if (nd === 0) return true;
  // NumPy's axis data run innermost first: its dimension i is our axis nd - 1 - i.
  let cost = 1;
  for (const op of ops) if (op.cast) cost++;
  const single = ops.map(() => 1);
  let size = shape[nd - 1];
  let bestDim = 0;
  let bestCost = cost;
  let bestSize = size;
  for (let idim = 1; idim < nd; idim++) {
    // Ufunc iterators grow the inner loop: only buffering caps it.
    if (size >= BUFFER_SIZE && cost > 1) break;
    const prev = nd - idim;
    const ax = prev - 1;
    ops.forEach((op, i) => {
      if (single[i] !== idim) return;
      if (op.strides[prev] * shape[prev] === op.strides[ax]) single[i]++;
      else if (!op.cast) cost++;
    });
    size *= shape[ax];
    if (size === 0) break;
    const bufsize = size > BUFFER_SIZE && cost > 1 ? BUFFER_SIZE : size;
    if (cost * bestSize <= bestCost * bufsize) {
      bestCost = cost;
      bestSize = size;
      bestDim = idim;
    }
  }
  // Walked with one stride over the core (in place, or buffered as is): its
  // innermost stride. Else buffered item after item: the itemsize.
  return single[k] > bestDim && ops[k].strides[nd - 1] === 0;
}

/** One input or the output of a ufunc call, as NumPy's machinery receives it. */
export interface CallOperand {
  /** The array; null for a Python scalar (NumPy makes it a 0-d array of the loop type) or an output it allocates. */
  readonly arr: NdArray | null;
  /** Its loop type. */
  readonly t: DType;
}

/** A ufunc call: its inputs, its output, whether it has a `where` mask. */
export interface UfuncCall {
  readonly inputs: readonly CallOperand[];
  readonly out: CallOperand;
  readonly masked: boolean;
}

/** NumPy's cast flag: not the loop type's own storage (another dtype or byte order), or unaligned. */
function needsCast(o: CallOperand): boolean {
  const a = o.arr;
  if (a === null) return false;
  const d = a.dtype;
  const same = d.isnative && d.kind === o.t.kind && d.itemsize === o.t.itemsize;
  return !same || !isAligned(a.offset, a.shape, a.strides, d.alignment);
}

/** NumPy's items per buffer (`np.getbufsize()`), also the longest 1-D input it copies to cast. */
const SHORT_1D = BUFFER_SIZE;

/**
 * Whether NumPy's inner loop sees input `k` of `call` with stride 0 in every
 * call. `shape` and `ops` are ufunc.ts's plan (nditer's axis order,
 * coalesced, outermost first; the inputs, the output and the mask in that
 * order).
 */
export function loopStrideIsZero(call: UfuncCall, shape: readonly number[], ops: readonly (readonly number[])[], k: number): boolean {
  const nin = call.inputs.length;
  // check_for_trivial_loop (not for a masked call): a 0-d or short 1-D input that
  // needs a cast is copied as cast; any other operand that does rules the trivial loop out.
  const copied = new Array<boolean>(nin).fill(false);
  let trivial = !call.masked;
  for (let i = 0; trivial && i <= nin; i++) {
    const o = i < nin ? call.inputs[i] : call.out;
    if (!needsCast(o)) continue;
    const a = o.arr as NdArray;
    if (i < nin && (a.ndim === 0 || (a.ndim === 1 && a.shape[0] <= SHORT_1D))) copied[i] = true;
    else trivial = false;
  }
  if (trivial) {
    const stride = trivialStride(call, copied, k);
    if (stride !== null) return stride === 0;
  }
  const iterOps: IterOperand[] = ops.map((strides, i) => ({
    strides,
    cast: i < nin ? !copied[i] && needsCast(call.inputs[i]) : i === nin && needsCast(call.out),
  }));
  return iteratorStrideIsZero(shape, iterOps, k);
}

/**
 * try_trivial_single_output_loop: input `k`'s stride in the one loop call
 * over every operand, or null when the operands do not allow it (arrays of
 * other shapes, or not all contiguous in one order, 0-d inputs aside).
 */
function trivialStride(call: UfuncCall, copied: readonly boolean[], k: number): number | null {
  let shape: readonly number[] | null = null;
  let order = 0;
  const ops = [...call.inputs, call.out];
  for (let i = 0; i < ops.length; i++) {
    const a = ops[i].arr;
    if (a === null || (a.ndim === 0 && i < call.inputs.length)) continue;
    if (shape === null) shape = a.shape;
    else if (a.ndim !== shape.length || a.shape.some((n, j) => n !== (shape as readonly number[])[j])) return null;
    if (a.ndim === 1) continue;
    const flags = (isCContiguous(a.shape, a.strides, a.itemsize) ? 1 : 0) | (isFContiguous(a.shape, a.strides, a.itemsize) ? 2 : 0);
    if (flags === 0 || (order !== 0 && order !== flags)) return null;
    order = flags;
  }
  // A given output: not through an input it overlaps other than item for item, nor a 1-D one stepping back or over itself.
  const out = call.out.arr;
  if (out !== null) {
    if (call.inputs.some((o) => o.arr !== null && needsOverlapCopy(o.arr, out))) return null;
    if (out.ndim === 1 && out.strides[0] < out.itemsize && out.strides[0] !== 0) return null;
  }
  const a = call.inputs[k].arr;
  if (a === null || a.ndim === 0) return 0;
  if (a.ndim === 1) return copied[k] ? a.itemsize : a.strides[0];
  return a.itemsize;
}
