/**
 * NumPy's `einsum` (`numpy/_core/src/multiarray/einsum.c.src`, the
 * `c_einsum` path NumPy takes by default) and `einsum_path`
 * (`numpy/_core/einsumfunc.py`).
 *
 * The subscripts are read as NumPy's C parser reads them, with its error
 * words: a comma-separated term of letters per operand (spaces ignored),
 * `...` standing for the operand's leading unlabelled axes (broadcast
 * right-aligned across operands, as NumPy's iterator does), then `->` and
 * the output's letters; with no `->` the output is every letter seen once,
 * in character-code order (capitals first), after the broadcast axes.
 * A letter repeated within one operand takes its diagonal (a view whose
 * stride is the sum of the repeated axes' strides).
 *
 * One operand whose letters all reach the output, with no `out` and no
 * other `dtype`, is returned as a view, as NumPy returns it
 * (`einsum('ii->i', a)`, `einsum('ij->ji', a)`: writeable when `a` is).
 * Otherwise the operands are cast to the result dtype (NumPy's
 * `result_type`, or `dtype` under `casting`, default `'safe'`), each
 * operand's private letters summed out, then the operands contracted two
 * at a time: left to right (`optimize: false`, NumPy's default), or the
 * pairs NumPy's greedy `einsum_path` picks (`optimize: true`,
 * `'greedy'`, `'optimal'` or an explicit `einsumPath` list; `einsum-path.ts`). A pair with
 * letters to contract is one (batched) `matmul` call (the native GEMM
 * kernels); a pair with none is one broadcast `multiply` (outer products,
 * element-wise products). A new result is laid out as NumPy's iterator
 * allocates it: with `order: 'K'` (the default) the output's letters in the
 * operands' memory order over every letter, summed ones too (`optimize`
 * aside: C there); `'C'`, `'F'`, or `'A'` (Fortran over Fortran operands)
 * as named. Or `out`.
 *
 * Float sums add in the GEMM's order, not NumPy's einsum loop order: the
 * values agree to rounding, not to the bit (integers exactly, wrapping in
 * the result dtype as NumPy's do).
 * @module
 */
import { inspect } from 'util';
import type { NdArray } from './ndarray';
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { ValueError, iteratorCastError, repr } from './errors';
import { readOrder } from './order';
import { derive, isArray, ITERATOR_READ_ONLY, requireOpen, requireWritable, storageOf, writeFlagOf } from './internal';
import { readKnownOptions } from './options';
import { asarray } from './array-coerce';
import { canCast, DTypePromotionError, resultType, type Casting } from './promote';
import { dot, matmul } from './linalg';
import { add, multiply } from './ufuncs/arith';
import { sum } from './reduce-axis';
import { sum as sumAll } from './reduce';
import { FLOAT64, allocateOrdered, scalarArray } from './compute-values';
import { copyto } from './copyto';
import { contractionPath } from './einsum-path';
import { sublistArgs } from './einsum-sublist';
import { iterOutputOrder, kOrderStrides } from './broadcast';
import { iteratorShape } from './format';

/** Options of {@link einsum}, as NumPy's keywords. */
export interface EinsumOptions {
  /** Where to write the result (its shape must be the output's; cast under `casting`). */
  out?: NdArray | null;
  /** The dtype to compute in and return (default: the operands' `resultType`). */
  dtype?: DTypeLike | null;
  /**
   * The result's memory order: `'C'`, `'F'`, `'A'` or `'K'` (default `'K'`: the output's letters
   * in the operands' memory order, as NumPy's iterator allocates it; `'A'` is Fortran when every
   * operand is F-contiguous, 1-d ones included).
   */
  order?: 'C' | 'F' | 'A' | 'K';
  /** The casting rule for the operands and `out` (default `'safe'`). */
  casting?: Casting;
  /**
   * The contraction order: false (default, left to right, NumPy's default),
   * true / `'greedy'` (NumPy's greedy einsum_path), `'optimal'` (its exhaustive search), or a path
   * from {@link einsumPath} (`['einsum_path', [0, 1], ...]`).
   */
  optimize?: boolean | 'greedy' | 'optimal' | readonly unknown[];
}

/** Options of {@link einsumPath}. */
export interface EinsumPathOptions {
  /** `'greedy'` (default, also true), `'optimal'` (NumPy's exhaustive search), or false (left to right). */
  optimize?: boolean | 'greedy' | 'optimal' | readonly unknown[];
}

/** A label: a letter's char code, or `BROADCAST + i` for the i-th broadcast axis of the output. */
type Label = number;
const BROADCAST = 1000;

/** NumPy's NPY_MAXARGS: einsum takes fewer operands than this. */
const MAX_OPERANDS = 64;

const CASTINGS = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'];

const isLetter = (c: string): boolean => /^[A-Za-z]$/.test(c);

/**
 * The operands' common dtype. Bytes beside a number: NumPy promotes them to
 * bytes (S32 for a float64), which einsum then calls "invalid data type for
 * einsum"; a void or record beside anything else stays the promotion error.
 */
function einsumType(ops: readonly NdArray[]): DType {
  try {
    return resultType(...ops.map((a) => a.dtype));
  } catch (e) {
    if (e instanceof DTypePromotionError && ops.every((a) => a.dtype.kind !== 'V')) throw new TypeError('invalid data type for einsum');
    throw e;
  }
}

/** One operand's term parsed: its letters by axis, 0 for an axis under the ellipsis. */
function parseTerm(term: string, ndim: number, iop: number): number[] {
  const labels: number[] = [];
  let ellipsis = -1;
  for (let i = 0; i < term.length; i++) {
    const c = term[i];
    if (isLetter(c)) {
      if (labels.length >= ndim) throw new ValueError(`einstein sum subscripts string contains too many subscripts for operand ${iop}`);
      labels.push(c.charCodeAt(0));
    } else if (c === '.') {
      if (ellipsis !== -1 || i + 2 >= term.length || term[++i] !== '.' || term[++i] !== '.') {
        throw new ValueError(`einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in operand ${iop}`);
      }
      ellipsis = labels.length;
    } else if (c !== ' ') {
      throw new ValueError(`invalid subscript '${c}' in einstein sum subscripts string, subscripts must be letters`);
    }
  }
  if (ellipsis === -1) {
    if (labels.length !== ndim) throw new ValueError("operand has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
    return labels;
  }
  const fill = ndim - labels.length;
  return [...labels.slice(0, ellipsis), ...new Array<number>(fill).fill(0), ...labels.slice(ellipsis)];
}

/** The parsed subscripts: labels per operand (broadcast axes numbered) and the output's. */
interface Parsed {
  ops: Label[][];
  output: Label[];
  /** How often each letter occurs over all operands. */
  counts: Map<number, number>;
}

function parseSubscripts(subscripts: string, ndims: readonly number[]): Parsed {
  const nop = ndims.length;
  const raw: number[][] = [];
  const counts = new Map<number, number>();
  let rest = subscripts;
  for (let iop = 0; iop < nop; iop++) {
    let length = rest.search(/[,-]/);
    if (length === -1) length = rest.length;
    // NumPy's own words, swapped as its C parser has them.
    if (iop === nop - 1 && rest[length] === ',') throw new ValueError('more operands provided to einstein sum function than specified in the subscripts string');
    if (iop < nop - 1 && rest[length] !== ',') throw new ValueError('fewer operands provided to einstein sum function than specified in the subscripts string');
    const labels = parseTerm(rest.slice(0, length), ndims[iop], iop);
    for (const l of labels) if (l !== 0) counts.set(l, (counts.get(l) ?? 0) + 1);
    raw.push(labels);
    rest = rest.slice(length + (iop < nop - 1 ? 1 : 0));
  }
  const nb = Math.max(0, ...raw.map((l) => l.filter((x) => x === 0).length));
  let output: Label[] = [];
  if (rest.length === 0) {
    output = Array.from({ length: nb }, (_, i) => BROADCAST + i);
    for (const l of [...counts.keys()].sort((a, b) => a - b)) if (counts.get(l) === 1) output.push(l);
  } else {
    if (!rest.startsWith('->')) throw new ValueError("einstein sum subscript string does not contain proper '->' output specified");
    const out = rest.slice(2);
    let ellipsis = -1;
    for (let i = 0; i < out.length; i++) {
      const c = out[i];
      if (isLetter(c)) {
        if (out.indexOf(c, i + 1) !== -1) throw new ValueError(`einstein sum subscripts string includes output subscript '${c}' multiple times`);
        if (!counts.has(c.charCodeAt(0))) throw new ValueError(`einstein sum subscripts string included output subscript '${c}' which never appeared in an input`);
        output.push(c.charCodeAt(0));
      } else if (c === '.') {
        if (ellipsis !== -1 || i + 2 >= out.length || out[++i] !== '.' || out[++i] !== '.') {
          throw new ValueError("einstein sum subscripts string contains a '.' that is not part of an ellipsis ('...') in the output");
        }
        ellipsis = output.length;
        for (let b = 0; b < nb; b++) output.push(BROADCAST + b);
      } else if (c !== ' ') {
        throw new ValueError(`invalid subscript '${c}' in einstein sum subscripts string, subscripts must be letters`);
      }
    }
    if (ellipsis === -1 && nb > 0) throw new ValueError("output has more dimensions than subscripts given in einstein sum, but no '...' ellipsis provided to broadcast the extra dimensions.");
  }
  // Each operand's broadcast axes are the output's last ones (right-aligned).
  const ops = raw.map((labels) => {
    const m = labels.filter((x) => x === 0).length;
    let j = 0;
    return labels.map((l) => (l === 0 ? BROADCAST + nb - m + j++ : l));
  });
  return { ops, output, counts };
}

/** An operand and its labels, one per axis, none repeated. */
interface Term {
  a: NdArray;
  labels: Label[];
}

/** A view with `shape`/`strides` over `a`'s memory (writeable when `a` is and `writeable`). */
function view(a: NdArray, shape: number[], strides: number[], writeable: boolean): NdArray {
  return derive<NdArray>(a, Object.getPrototypeOf(a) as object, a.dtype, shape, strides, a.offset, writeable && writeFlagOf(a));
}

/** NumPy's `get_combined_dims_view`: repeated labels become one axis, the sum of their strides (a diagonal). */
function combine(a: NdArray, labels: Label[]): Term {
  const out: Label[] = [];
  const shape: number[] = [];
  const strides: number[] = [];
  labels.forEach((l, i) => {
    const k = out.indexOf(l);
    if (k === -1) {
      out.push(l);
      shape.push(a.shape[i]);
      strides.push(a.strides[i]);
    } else {
      if (shape[k] !== a.shape[i]) throw new ValueError(`dimensions in single operand for collapsing index '${String.fromCharCode(l)}' don't match (${shape[k]} != ${a.shape[i]})`);
      strides[k] += a.strides[i];
    }
  });
  return out.length === labels.length ? { a, labels } : { a: view(a, shape, strides, true), labels: out };
}

/** NumPy's nditer broadcast error over the operands as einsum lays them out. */
function broadcastError(terms: readonly Term[], iter: readonly Label[], out: NdArray | null, output: readonly Label[]): ValueError {
  let msg = 'operands could not be broadcast together with remapped shapes [original->remapped]: ';
  for (const t of terms) msg += `${iteratorShape(t.a.shape)}->${iteratorShape(iter.map((l) => { const k = t.labels.indexOf(l); return k === -1 ? -1 : t.a.shape[k]; }))} `;
  if (out !== null) msg += `${iteratorShape(out.shape)}->${iteratorShape(iter.map((l) => { const k = output.indexOf(l); return k === -1 ? -1 : out.shape[k]; }))} `;
  return new ValueError(msg);
}

/** Each operand's label sizes made one (a size-1 axis stretched by a 0 stride, as NumPy's iterator broadcasts). */
function broadcastTerms(terms: Term[], sizes: Map<Label, number>): Term[] {
  return terms.map((t) => {
    const stretch = t.labels.some((l, i) => t.a.shape[i] !== sizes.get(l));
    if (!stretch) return t;
    const shape = t.labels.map((l) => sizes.get(l)!);
    const strides = t.labels.map((l, i) => (t.a.shape[i] === sizes.get(l) ? t.a.strides[i] : 0));
    return { a: view(t.a, shape, strides, false), labels: t.labels };
  });
}

/** Sums out the axes of `t` whose labels are not in `keep`. */
function sumOut(t: Term, keep: ReadonlySet<Label>, dt: DType): Term {
  const axes = t.labels.flatMap((l, i) => (keep.has(l) ? [] : [i]));
  if (axes.length === 0) return t;
  // Every axis summed: the whole-array reduction (no axis bookkeeping).
  const r = axes.length === t.labels.length ? sum(t.a, undefined, { dtype: dt }) : sum(t.a, axes, { dtype: dt });
  return { a: r, labels: t.labels.filter((l) => keep.has(l)) };
}

const product = (xs: readonly number[]): number => xs.reduce((x, y) => x * y, 1);

/** The contraction of two terms over their shared labels not in `keep`: one matmul, or one broadcast multiply. */
function contractPair(x: Term, y: Term, keep: ReadonlySet<Label>, dt: DType): Term {
  const inY = new Set(y.labels);
  const inX = new Set(x.labels);
  const batch = x.labels.filter((l) => inY.has(l) && keep.has(l));
  const summed = x.labels.filter((l) => inY.has(l) && !keep.has(l));
  const xs = sumOut(x, new Set([...keep, ...y.labels]), dt);
  const ys = sumOut(y, new Set([...keep, ...x.labels]), dt);
  const xFree = xs.labels.filter((l) => !inY.has(l));
  const yFree = ys.labels.filter((l) => !inX.has(l));
  const size = (t: Term, l: Label): number => t.a.shape[t.labels.indexOf(l)];
  const perm = (t: Term, ls: Label[]): NdArray => t.a.transpose(ls.map((l) => t.labels.indexOf(l)));
  const batchDims = batch.map((l) => size(xs, l));
  const xDims = xFree.map((l) => size(xs, l));
  const yDims = yFree.map((l) => size(ys, l));
  const labels = [...batch, ...xFree, ...yFree];
  if (summed.length === 0) {
    const a = perm(xs, [...batch, ...xFree]).reshape([...batchDims, ...xDims, ...yDims.map(() => 1)]);
    const b = perm(ys, [...batch, ...yFree]).reshape([...batchDims, ...xDims.map(() => 1), ...yDims]);
    return { a: multiply(a, b), labels };
  }
  const k = product(summed.map((l) => size(xs, l)));
  const m = product(xDims);
  const n = product(yDims);
  const nb = product(batchDims);
  const lead = batch.length === 0 ? [] : [nb];
  const a = perm(xs, [...batch, ...xFree, ...summed]).reshape([...lead, m, k]);
  const b = perm(ys, [...batch, ...summed, ...yFree]).reshape([...lead, k, n]);
  const r = matmul(a, b, { dtype: dt, casting: 'unsafe' });
  return { a: r.reshape([...batchDims, ...xDims, ...yDims]), labels };
}

/** Operands as arrays (a number or list as NumPy's `asarray`: int64/float64, not weak). */
function operands(list: readonly unknown[]): NdArray[] {
  return list.map((x) => {
    const a = isArray(x) ? x : asarray(x as never);
    requireOpen(a);
    return a;
  });
}

/** Splits einsum's arguments: the operands, then an options object when the last argument is one. */
function splitArgs(args: readonly unknown[]): [unknown[], EinsumOptions] {
  const last = args[args.length - 1];
  if (args.length > 0 && last !== null && typeof last === 'object' && !isArray(last) && !Array.isArray(last) && !ArrayBuffer.isView(last)) {
    return [args.slice(0, -1), last as EinsumOptions];
  }
  return [[...args], {}];
}

/**
 * NumPy's `np.einsum(subscripts, *operands, out=None, dtype=None, order='K',
 * casting='safe', optimize=False)`: the Einstein summation the subscripts
 * describe (`'ij,jk->ik'` matrix product, `'ii'` trace, `'ii->i'` diagonal,
 * `'i,i'` inner product, `'i,j->ij'` outer product, `'ij->ji'` transpose,
 * `'...ij,...jk'` batched products; no `->`: NumPy's implicit output).
 * Options go last, as an object: `einsum('ij,jk', a, b, { optimize: true })`.
 *
 * One operand whose letters all reach the output is returned as a view
 * (writeable when the operand is), as NumPy's; otherwise a new array in
 * NumPy's result dtype (or `dtype`), or `out`.
 *
 * @example
 * einsum('ij,jk->ik', asarray([[1, 2], [3, 4]]), asarray([[1], [1]])).toArray(); // [[3], [7]]
 * einsum('ii', asarray([[1, 2], [3, 4]])).get(); // 5
 * @throws ValueError with NumPy's words for bad subscripts (`invalid subscript '2' in einstein sum
 *   subscripts string, subscripts must be letters`), too many or too few operands, mismatched
 *   sizes (`operands could not be broadcast together with remapped shapes ...`; with `optimize`,
 *   `Size of label 'j' for operand 1 (3) does not match previous terms (4).`); TypeError for a
 *   refused cast (`Iterator operand 0 dtype could not be cast from dtype('float64') to dtype('int32')
 *   according to the rule 'safe'`).
 */
export function einsum(subscripts: string, ...args: unknown[]): NdArray;
/** The sublist form: `einsum(a, [0, 1], b, [1, 2], [0, 2], options?)` (lib/einsum-sublist.ts). */
export function einsum(operand: unknown, sublist: readonly (number | symbol)[], ...rest: unknown[]): NdArray;
export function einsum(subscripts: unknown, ...args: unknown[]): NdArray {
  if (typeof subscripts !== 'string' && Array.isArray(args[0])) {
    const [s, rest] = sublistArgs([subscripts, ...args]);
    return einsum(s, ...rest);
  }
  const quick = quickEinsum(subscripts, args);
  if (quick !== null) return quick;
  const [list, given] = splitArgs(args);
  const o = readKnownOptions(given, ['out', 'dtype', 'order', 'casting', 'optimize'], 'einsum');
  if (typeof subscripts !== 'string') throw new TypeError(`einsum: subscripts must be a string, got ${repr(subscripts)}`);
  if (list.length === 0) throw new ValueError('must specify the einstein sum subscripts string and at least one operand');
  const order = readOrder(o.order, 'K');
  const casting = o.casting ?? 'safe';
  if (!CASTINGS.includes(casting)) throw new ValueError(`casting must be one of 'no', 'equiv', 'safe', 'same_kind', 'unsafe' (got ${repr(casting)})`);
  const out = o.out ?? null;
  if (out !== null) {
    if (!isArray(out)) throw new TypeError(`out must be an NdArray, got ${repr(out)}`);
    requireOpen(out);
    requireWritable(out, ITERATOR_READ_ONLY);
  }
  const ops = operands(list);
  if (ops.length >= MAX_OPERANDS) throw new ValueError('too many operands');
  const parsed = parseSubscripts(subscripts, ops.map((a) => a.ndim));
  const { output } = parsed;
  let terms = ops.map((a, i) => combine(a, parsed.ops[i]));
  const combined = terms;
  if (out !== null && out.ndim !== output.length) throw new ValueError(`out parameter does not have the correct number of dimensions, has ${out.ndim} but should have ${output.length}`);
  // The label sizes, broadcast as NumPy's iterator does (1 stretches).
  const summedLabels = [...new Set(terms.flatMap((t) => t.labels))].filter((l) => !output.includes(l)).sort((a, b) => a - b);
  const iter = [...output, ...summedLabels];
  const sizes = new Map<Label, number>();
  const optimizing = o.optimize !== undefined && o.optimize !== false;
  terms.forEach((t, iop) => {
    t.labels.forEach((l, i) => {
      const d = t.a.shape[i];
      const prev = sizes.get(l);
      if (prev === undefined || prev === 1) sizes.set(l, prev === undefined || d !== 1 ? d : prev);
      else if (d !== 1 && d !== prev) {
        if (optimizing && l < BROADCAST) throw new ValueError(`Size of label '${String.fromCharCode(l)}' for operand ${iop} (${prev}) does not match previous terms (${d}).`);
        throw broadcastError(terms, iter, out, output);
      }
    });
  });
  if (out !== null) {
    output.forEach((l, i) => {
      const d = out.shape[i];
      const s = sizes.get(l)!;
      if (d === s) return;
      if (d === 1) throw new ValueError(`output operand requires a reduction along dimension ${i}, but the reduction is not enabled. The dimension size of 1 does not match the expected output shape.`);
      if (s !== 1) throw broadcastError(terms, iter, out, output);
      sizes.set(l, d);
    });
  }
  // NumPy plans the path (and checks `optimize`) before anything else.
  const path = contractionPath(parsed.ops, output, sizes, o.optimize ?? false);
  const dt = o.dtype === undefined || o.dtype === null ? einsumType(ops) : toDType(o.dtype);
  // One operand, nothing summed: NumPy's get_single_op_view.
  // NumPy's c_einsum returns this view before it looks at `dtype`, `order` or `casting`.
  if (terms.length === 1 && out === null && terms[0].labels.every((l) => output.includes(l)) && terms[0].labels.length === output.length) {
    const t = terms[0];
    const axes = output.map((l) => t.labels.indexOf(l));
    const v = view(t.a, axes.map((k) => t.a.shape[k]), axes.map((k) => t.a.strides[k]), true);
    // A 0-d view goes back as NumPy's scalar (PyArray_Return): a copy, native
    // byte order; but a void scalar (records, 'V') refers to the array's
    // bytes, as this view does.
    return v.ndim === 0 && v.dtype.kind !== 'V' ? v.astype(v.dtype.newbyteorder('=')) : v;
  }
  // NumPy's c_einsum has no sum-of-products loop for a plain void, and starts its output
  // from a bool False cast 'safe' into dt, which bytes or a record refuse.
  if (!'biufc'.includes(dt.kind)) {
    if (dt.kind === 'V' && !dt.isStructured) throw new TypeError('invalid data type for einsum');
    // Bytes promoted from a number beside bytes (S of the number's text): NumPy's einsum has no loop for that pair.
    if (dt.kind === 'S' && ops.some((a) => 'biufc'.includes(a.dtype.kind) && !a.dtype.isStructured)) throw new TypeError('invalid data type for einsum');
    throw new TypeError(`Cannot cast scalar from dtype('bool') to ${inspect(dt)} according to the rule 'safe'`);
  }
  ops.forEach((a, i) => {
    if (!canCast(a.dtype, dt, casting)) throw iteratorCastError(i, inspect(a.dtype), inspect(dt), casting);
  });
  if (out !== null && !canCast(dt, out.dtype, casting)) {
    throw new TypeError(`Iterator requested dtype could not be cast from ${inspect(dt)} to ${inspect(out.dtype)}, the operand ${ops.length} dtype, according to the rule '${casting}'`);
  }
  terms = broadcastTerms(terms, sizes).map((t) => (t.a.dtype.equals(dt) ? t : { a: t.a.astype(dt), labels: t.labels }));
  // A summed letter of length 0: NumPy's c_einsum adds no product at all, so every item is 0,
  // even beside an inf (a private letter summed first gave 0, and 0 * inf NaN; fuzz seed 9377316).
  // With `optimize` NumPy's own steps do give that NaN.
  let steps = path;
  if (!optimizing && [...sizes].some(([l, d]) => d === 0 && !output.includes(l))) {
    terms = [{ a: allocateOrdered(dt, output.map((l) => sizes.get(l)!), output.map((_, k) => k)), labels: [...output] }];
    steps = [];
  }
  // Each operand's private letters first: summed before any product.
  terms = terms.map((t, i) => {
    const keep = new Set<Label>(output);
    terms.forEach((u, j) => { if (j !== i) for (const l of u.labels) keep.add(l); });
    return sumOut(t, keep, dt);
  });
  for (const step of steps) {
    if (step.length === 0 || new Set(step).size !== step.length || step.some((i) => !Number.isInteger(i) || !(i in terms))) {
      throw new ValueError(`einsum: the path step ${repr(step)} does not name operands among the ${terms.length} left`);
    }
    // A step of more than two operands is folded left to right.
    const rest = terms.filter((_, k) => !step.includes(k));
    let acc = terms[step[0]];
    for (let s = 1; s < step.length; s++) {
      const keep = new Set<Label>(output);
      for (const u of rest) for (const l of u.labels) keep.add(l);
      for (let r = s + 1; r < step.length; r++) for (const l of terms[step[r]].labels) keep.add(l);
      acc = contractPair(acc, terms[step[s]], keep, dt);
    }
    terms = [...rest, acc];
  }
  if (terms.length !== 1) throw new ValueError(`einsum: the path leaves ${terms.length} operands uncontracted`);
  const last = sumOut(terms[0], new Set(output), dt);
  let r = last.a.transpose(output.map((l) => last.labels.indexOf(l)));
  if (!r.dtype.equals(dt)) r = r.astype(dt);
  // A new array, never a view of an operand (when no product or sum made one).
  // 'A' is Fortran when every operand is F-contiguous, 1-d ones included (NumPy's iterator:
  // einsum('i,j', x, y, order='A') is F; test_output_order; fuzz seed 9719893).
  const fortran = order === 'F' || (order === 'A' && ops.every((a) => a.flags.fContiguous));
  // 'K' (the default): the layout NumPy's iterator allocates, the output's letters in 'K'
  // order of the operands' strides over every letter, summed ones too (fuzz pass 9:
  // einsum('ij,ij->ji', x, y) of C operands is F there, not C). With `optimize` NumPy's
  // layout is its last step's, not followed here.
  const kLayout = order === 'K' && out === null && !optimizing && r.ndim >= 2 ? iterOutputOrder(iter.length, combined.map((t) => iterStrides(t, iter)), output.map((_, k) => k)) : null;
  const shared = ops.some((a) => sharesBuffer(a, r));
  if (kLayout !== null) {
    const want = kOrderStrides(r.shape, r.itemsize, [...kLayout].reverse());
    if (shared || r.shape.some((d, i) => d > 1 && r.strides[i] !== want[i])) {
      const k = allocateOrdered(r.dtype, r.shape, kLayout, true);
      k.set(r);
      r = k;
    }
  } else if (shared || !(out !== null || (fortran ? r.flags.fContiguous : r.flags.cContiguous))) {
    r = r.copy(fortran ? 'F' : 'C');
  }
  // NumPy's c_einsum adds every product into a zeroed output: a -0 product or sum comes out
  // +0. With `optimize`, a last step of two operands is NumPy's bmm_einsum (multiply or
  // matmul), which keeps a -0 product.
  const bmm = optimizing && path.length > 0 && path[path.length - 1].length === 2;
  if (dt.kind === 'f' && r.ndim === 0 && !bmm) {
    // A 0-d sum (a trace, a dot): one item to look at, not a ufunc call.
    if (Object.is(r.get(), -0)) r.set(0);
  } else if ((dt.kind === 'f' || dt.kind === 'c') && !bmm) {
    add(r, 0, { out: r });
  }
  if (out !== null) {
    copyto(out, r, { casting: 'unsafe' });
    return out;
  }
  // NumPy returns a 0-d result as a scalar: np.asarray of it is in native byte order.
  if (r.ndim === 0 && !r.dtype.isnative) r = r.astype(r.dtype.newbyteorder('='));
  return r;
}

// A trace ('ii') or inner product ('i,i') of float64 arrays with no options: the
// calls the general path below ends in (the same sum, the same matmul, so the same
// bits), without its parse, planner, label sets and option reads. Those cost
// ~25-40 us a call once warm and several times that in the first calls (the bench's
// 'ii' row measured 0.3 ms a call against NumPy's 23 us).
const TRACE = /^([A-Za-z])\1(->)?$/;
const INNER = /^([A-Za-z]),\1(->)?$/;

/** einsum's trace and inner product of native float64 operands, or null for the general path. */
function quickEinsum(subscripts: unknown, args: readonly unknown[]): NdArray | null {
  if (typeof subscripts !== 'string' || subscripts.length > 5) return null;
  const a = args[0];
  if (!isArray(a) || !a.dtype.equals(FLOAT64)) return null;
  if (args.length === 1) {
    if (a.ndim !== 2 || a.shape[0] !== a.shape[1] || !TRACE.test(subscripts)) return null;
    requireOpen(a);
    // The diagonal as combine() makes it; summed as sumOut()'s full reduction.
    const d = view(a, [a.shape[0]], [a.strides[0] + a.strides[1]], false);
    // NumPy's c_einsum adds into a zeroed output: a -0 sum comes out +0.
    return scalarArray(FLOAT64, (sumAll(d) as number) + 0);
  }
  const b = args[1];
  if (args.length !== 2 || !isArray(b) || !b.dtype.equals(FLOAT64) || a.ndim !== 1 || b.ndim !== 1 || a.shape[0] !== b.shape[0] || a.shape[0] === 0) return null;
  if (!INNER.test(subscripts)) return null;
  requireOpen(a);
  requireOpen(b);
  // dot() of the two vectors: the same kernel call and bits as contractPair()'s matmul of
  // a 1 x k by a k x 1, without matmul's broadcasting front (~20 us of JS a call; over
  // 10M items the kernel's memory is the cost either way).
  return scalarArray(FLOAT64, (dot(a, b).get() as number) + 0);
}

/**
 * A term's byte strides over the iteration's letters `iter`, as NumPy's
 * iterator sees its operand view: 0 for a letter it lacks or holds with
 * length 1 (broadcast).
 */
function iterStrides(t: Term, iter: readonly Label[]): number[] {
  return iter.map((l) => {
    const i = t.labels.indexOf(l);
    return i < 0 || t.a.shape[i] === 1 ? 0 : t.a.strides[i];
  });
}

/** Whether `r` is a view over the same storage as `a`. */
function sharesBuffer(a: NdArray, r: NdArray): boolean {
  return storageOf(a) === storageOf(r);
}

/**
 * NumPy's `np.einsum_path(subscripts, *operands, optimize='greedy')`: the
 * contraction order {@link einsum} takes, as `[path, description]`:
 * `path` is NumPy's list (`['einsum_path', [0, 1], [0, 1]]`, each step the
 * positions of the operands contracted next in the shrinking list, the
 * result appended last; NumPy's tuples are arrays), usable as einsum's
 * `optimize`. `'greedy'` (the default) is NumPy's greedy search, the same
 * path, or with `'optimal'` NumPy's exhaustive search. The description string is shorter than NumPy's report (the
 * contraction and the steps, without the FLOP estimates).
 *
 * @example
 * einsumPath('ij,jk,kl->il', a, b, c)[0]; // ['einsum_path', [1, 2], [0, 1]] for a (2,3), b (3,4), c (4,5)
 */
export function einsumPath(subscripts: string, ...args: unknown[]): [unknown[], string];
/** The sublist form, as {@link einsum}'s. */
export function einsumPath(operand: unknown, sublist: readonly (number | symbol)[], ...rest: unknown[]): [unknown[], string];
export function einsumPath(subscripts: unknown, ...args: unknown[]): [unknown[], string] {
  if (typeof subscripts !== 'string' && Array.isArray(args[0])) {
    const [s, rest] = sublistArgs([subscripts, ...args]);
    return einsumPath(s, ...rest);
  }
  const [list, given] = splitArgs(args);
  const o = readKnownOptions(given as EinsumPathOptions, ['optimize'], 'einsumPath');
  if (typeof subscripts !== 'string') throw new TypeError(`einsumPath: subscripts must be a string, got ${repr(subscripts)}`);
  if (list.length === 0) throw new ValueError('must specify the einstein sum subscripts string and at least one operand');
  const ops = operands(list);
  const parsed = parseSubscripts(subscripts, ops.map((a) => a.ndim));
  const terms = ops.map((a, i) => combine(a, parsed.ops[i]));
  const dims = new Map<Label, number>();
  terms.forEach((t, iop) => t.labels.forEach((l, i) => {
    const d = t.a.shape[i];
    const prev = dims.get(l);
    if (prev === undefined || prev === 1) dims.set(l, d);
    else if (d !== 1 && d !== prev) throw new ValueError(`Size of label '${l >= BROADCAST ? '.' : String.fromCharCode(l)}' for operand ${iop} (${prev}) does not match previous terms (${d}).`);
  }));
  const optimize = o.optimize === undefined ? 'greedy' : o.optimize;
  const path = contractionPath(parsed.ops, parsed.output, dims, optimize);
  const name = (ls: readonly Label[]): string => ls.map((l) => (l >= BROADCAST ? '.' : String.fromCharCode(l))).join('');
  const lines = [`  Complete contraction:  ${parsed.ops.map(name).join(',')}->${name(parsed.output)}`];
  for (const p of path) lines.push(`  contract: ${JSON.stringify(p)}`);
  return [['einsum_path', ...path], lines.join('\n')];
}
