/**
 * NumPy's `np.vectorize(pyfunc, otypes, excluded, signature)`: a function
 * of scalars made into one of arrays. The vectorized function converts each
 * argument to an array (except the positions in `excluded`, passed as
 * they are), broadcasts them, calls `fn` once per element in C order with
 * the elements' values, and gathers the results into new arrays of the
 * broadcast shape (a 0-d array for scalar arguments, as NumPy's).
 *
 * A JS array returned by `fn` is a tuple of outputs (NumPy's tuple): the
 * call then returns one array per output. Each output's dtype is
 * `otypes`' entry when given (typecodes such as `'d'`, or dtypes); without
 * it, NumPy uses the dtype of the first result alone, but a JS number does
 * not say whether it is a float (`2 * 1.0` is `2`), so here the dtype is
 * the one {@link array} finds for all the results of that output (int64 for
 * integer numbers only, float64 once one is not an integer, bool for
 * booleans, complex for `{re, im}`...). As NumPy's, a size-0 call needs
 * `otypes`.
 *
 * `signature` (NumPy's generalized form, e.g. `'(n),(n)->()'`): the named
 * core axes at the end of each argument are handed to `fn` as arrays
 * (views), the other axes broadcast; each output's core shape comes from
 * the signature's names, checked against what `fn` returns.
 * @module
 */
import type { NdArray } from './ndarray';
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { ValueError, checkListLength, describeValue, listItems } from './errors';
import { allocate, requireFunction } from './internal';
import { readKnownOptions } from './options';
import { array, asarray } from './array-coerce';
import { broadcastShapes } from './broadcast';
import { broadcastTo } from './views';
import { ndindex } from './ndindex';
import { promoteTypes } from './promote';

/** Options of {@link vectorize}, NumPy's keywords. */
export interface VectorizeOptions {
  /** The output dtypes: a string of typecodes (`'d'`, `'ff'`) or a list of dtypes, one per output. */
  otypes?: string | readonly DTypeLike[] | null;
  /** Argument positions passed to `fn` as given, not vectorized. */
  excluded?: readonly number[] | null;
  /** NumPy's generalized-ufunc signature, such as `'(n),(n)->()'` or `'(m,n)->(n),(m)'`. */
  signature?: string | null;
}

/** A function {@link vectorize} made: call it with arrays; `pyfunc`, `otypes`, `excluded`, `signature` as NumPy's attributes. */
export interface Vectorized {
  (...args: unknown[]): NdArray | NdArray[];
  readonly pyfunc: (...args: never[]) => unknown;
  readonly otypes: DType[] | null;
  readonly excluded: ReadonlySet<number>;
  readonly signature: string | null;
}

/** A parsed signature: each input's and output's core axis names. */
interface Signature {
  inputs: string[][];
  outputs: string[][];
}

const DIM_LIST = /^\((\s*\w+\s*(?:,\s*\w+\s*)*)?\)$/;

/** NumPy's `_parse_gufunc_signature`. */
function parseSignature(sig: string): Signature {
  const [ins, outs, ...rest] = sig.replace(/\s+/g, '').split('->');
  const side = (s: string): string[][] => {
    const parts = s.match(/\([^()]*\)/g) ?? [];
    if (parts.join(',') !== s || !parts.every((p) => DIM_LIST.test(p))) throw new ValueError(`not a valid gufunc signature: ${sig}`);
    return parts.map((p) => (p === '()' ? [] : p.slice(1, -1).split(',')));
  };
  if (outs === undefined || rest.length > 0) throw new ValueError(`not a valid gufunc signature: ${sig}`);
  return { inputs: side(ins), outputs: side(outs) };
}

/** NumPy's NPY_MAXARGS: the most operands (inputs and outputs) of a ufunc, so of a vectorized function. */
const MAX_OPERANDS = 64;

function otypesOf(o: string | readonly DTypeLike[] | null | undefined): DType[] | null {
  if (o === null || o === undefined) return null;
  // NumPy's limit (NPY_MAXARGS: a ufunc of more than 64 operands), before a code is read: a Proxy or
  // sparse list claiming 2^32-1 otypes (or a string of 10^8 codes) was walked until the heap ran out.
  if (typeof o === 'string' || Array.isArray(o)) {
    if (o.length > MAX_OPERANDS) throw new ValueError(`Cannot construct a ufunc with more than ${MAX_OPERANDS} operands (requested number were: outputs = ${o.length})`);
    return typeof o === 'string' ? [...o].map((c) => toDType(c)) : listItems(o as readonly DTypeLike[], 'vectorize(): otypes', (d) => toDType(d as DTypeLike));
  }
  throw new ValueError(`Invalid otype specified: ${describeValue(o)}`);
}

/**
 * NumPy's `np.vectorize`: `fn` made to take arrays (see the module's notes).
 * @example vectorize((a: number, b: number) => (a > b ? a - b : a + b))([1, 2, 3, 4], 2) // [3, 4, 1, 2]
 * @throws TypeError when `fn` is not a function; ValueError for a bad otypes or signature (at once), and at call time for a size-0 call without otypes.
 */
export function vectorize(fn: (...args: never[]) => unknown, options: VectorizeOptions = {}): Vectorized {
  requireFunction(fn, 'vectorize', 'pyfunc');
  const o = readKnownOptions(options, ['otypes', 'excluded', 'signature'], 'vectorize');
  const otypes = otypesOf(o.otypes);
  const position = (e: unknown): number => {
    if (typeof e !== 'number' || !Number.isSafeInteger(e) || e < 0) throw new TypeError(`vectorize(): excluded holds argument positions (integers >= 0), got ${describeValue(e)}`);
    return e;
  };
  const excluded = new Set<number>(o.excluded === undefined || o.excluded === null ? [] : Array.isArray(o.excluded) ? listItems(o.excluded as readonly unknown[], 'vectorize(): excluded', position) : [...(o.excluded as Iterable<unknown>)].map(position));
  const signature = o.signature ?? null;
  const sig = signature === null ? null : parseSignature(signature);
  const call = (...args: unknown[]): NdArray | NdArray[] => {
    const positions = args.map((_, i) => i).filter((i) => !excluded.has(i));
    const arrays = positions.map((i) => asarray(args[i]));
    const at = (vals: readonly unknown[]): unknown[] => {
      const full = args.slice();
      positions.forEach((p, k) => (full[p] = vals[k]));
      return full;
    };
    if (sig !== null) return callCore(fn, sig, arrays, at, otypes);
    const shape = broadcastShapes(...arrays.map((a) => a.shape));
    const wide = arrays.map((a) => broadcastTo(a, shape));
    const size = shape.reduce((p, d) => p * d, 1);
    // Each call's value is kept until the result is made: more calls than an array in memory holds
    // is refused before the first (a 2^40-element broadcast called fn until the heap ran out).
    checkListLength(size, 'vectorize()');
    if (size === 0) {
      if (otypes === null) throw new ValueError('cannot call `vectorize` on size 0 inputs unless `otypes` is set');
      return otypes.length === 1 ? allocate(otypes[0], shape) : otypes.map((d) => allocate(d, shape));
    }
    let outs: unknown[][] | null = null;
    let tuple = false;
    for (const idx of ndindex(shape)) {
      const r = fn(...(at(wide.map((a) => a.get(...idx))) as never[]));
      if (outs === null) {
        tuple = Array.isArray(r);
        outs = tuple ? (r as unknown[]).map(() => []) : [[]];
      }
      const rs = tuple ? (r as unknown[]) : [r];
      if (!Array.isArray(rs) || rs.length !== outs.length) throw new ValueError(`vectorize(): the function returned ${describeValue(r)} where an earlier call gave ${outs.length} output${outs.length === 1 ? '' : 's'}`);
      rs.forEach((v, k) => outs![k].push(v));
    }
    if (otypes !== null && otypes.length !== outs!.length) throw new ValueError(`Wrong number of outputs from pyfunc: expected ${otypes.length}, got ${outs!.length}`);
    const res = outs!.map((vals, k) => gather(vals, shape, otypes === null ? null : otypes[k]));
    return tuple ? res : res[0];
  };
  return Object.assign(call, { pyfunc: fn, otypes, excluded: excluded as ReadonlySet<number>, signature }) as Vectorized;
}

/** The values of one output as an array of `shape` (scalar values: one element each). */
function gather(vals: readonly unknown[], shape: readonly number[], dt: DType | null): NdArray {
  const flat = array(vals, dt);
  if (flat.ndim !== 1) throw new ValueError('setting an array element with a sequence.');
  return flat.reshape([...shape]).copy();
}

/** The signature form: core axes at the end of each argument, loop axes broadcast, `fn` called with arrays. */
function callCore(fn: (...args: never[]) => unknown, sig: Signature, arrays: NdArray[], at: (vals: readonly unknown[]) => unknown[], otypes: DType[] | null): NdArray | NdArray[] {
  if (arrays.length !== sig.inputs.length) throw new TypeError(`wrong number of positional arguments: expected ${sig.inputs.length}, got ${arrays.length}`);
  const sizes = new Map<string, number>();
  const loopShapes = arrays.map((a, i) => {
    const core = sig.inputs[i];
    if (a.ndim < core.length) throw new ValueError(`input with core dimensions (${core.join(', ')}) needs at least ${core.length} dimensions, got ${a.ndim}`);
    core.forEach((name, k) => {
      const d = a.shape[a.ndim - core.length + k];
      const seen = sizes.get(name);
      if (seen !== undefined && seen !== d) throw new ValueError(`inconsistent size for core dimension '${name}': ${d} vs ${seen}`);
      sizes.set(name, d);
    });
    return a.shape.slice(0, a.ndim - core.length);
  });
  const loop = broadcastShapes(...loopShapes);
  const wide = arrays.map((a, i) => broadcastTo(a, [...loop, ...a.shape.slice(loopShapes[i].length)]));
  const nout = sig.outputs.length;
  const results: NdArray[][] = sig.outputs.map(() => []);
  const loopSize = loop.reduce((p, d) => p * d, 1);
  checkListLength(loopSize, 'vectorize()');
  for (const idx of ndindex(loop)) {
    const r = fn(...(at(wide.map((a) => (idx.length === 0 ? a : a.index(...idx)))) as never[]));
    const rs = nout === 1 ? [r] : (r as unknown[]);
    if (!Array.isArray(rs) || rs.length !== nout) throw new ValueError(`wrong number of outputs from the function: expected ${nout}`);
    rs.forEach((v, k) => {
      const x = asarray(v);
      const core = sig.outputs[k];
      if (x.ndim !== core.length) throw new ValueError(`wrong number of dimensions on output ${k}: expected ${core.length}, got ${x.ndim}`);
      core.forEach((name, j) => {
        const seen = sizes.get(name);
        if (seen !== undefined && seen !== x.shape[j]) throw new ValueError(`inconsistent size for core dimension '${name}': ${x.shape[j]} vs ${seen}`);
        sizes.set(name, x.shape[j]);
      });
      results[k].push(x);
    });
    // The first call tells each output's size: a result more than an array in memory holds is refused
    // before the other calls (1e5 calls each giving 1e5 values were kept until the heap ran out).
    if (results.length > 0 && results[0].length === 1) for (const r of results) checkListLength(loopSize * r[0].size, 'vectorize()');
  }
  const outs = sig.outputs.map((core, k) => {
    const coreShape = core.map((name) => {
      const d = sizes.get(name);
      if (d === undefined) throw new ValueError(`cannot call \`vectorize\` with a signature including new output dimensions on size 0 inputs`);
      return d;
    });
    const shape = [...loop, ...coreShape];
    const dt = otypes !== null ? otypes[k] : results[k].length > 0 ? results[k].map((x) => x.dtype).reduce((a, b) => promoteTypes(a, b)) : null;
    if (dt === null) throw new ValueError('cannot call `vectorize` on size 0 inputs unless `otypes` is set');
    const out = allocate(dt, shape);
    let n = 0;
    for (const idx of ndindex(loop)) {
      const x = results[k][n++];
      (idx.length === 0 ? out : out.index(...idx)).set(x);
    }
    return out;
  });
  return nout === 1 ? outs[0] : outs;
}
