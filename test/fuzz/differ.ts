// The fuzzer's comparison: a batch of programs goes to one python3 process
// (oracle.py, JSON in and out), each comes back with NumPy's `expect`, and
// lib/conformance/runner.ts replays it through the library and names every
// difference: dtype, shape, strides, offset, flags, values (float bits, NaN
// payloads ignored as NumPy's `tolist()` ignores them), shares/may-share
// memory, the buffer after writes, and where an error was raised. On top of the
// runner, the error's class must be the library's class for NumPy's exception
// (lib/errors.ts carries NumPy's names).
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { caseContext, runCase, type Case, type ExtraOps } from '../../lib/conformance/runner';
import { arrayOperand, operand, specialFloat } from '../../lib/conformance/compute-operands';
import * as api from '../../lib/index';
import { array, broadcastArrays, fromBuffer, openNpy, saveNpy, slidingWindowView, zeros, type NdArray, type UfuncInput, type UfuncOptions } from '../../lib/index';
import * as R from '../../lib/reduce-axis';
import * as S from '../../lib/sort';
import * as J from '../../lib/join';
import * as F from '../../lib/fancy';
import type { Json } from '../../lib/conformance/compute';
import { generate, type Program } from './program';

const ORACLE = path.join(__dirname, 'oracle.py');

/**
 * One program whose replay differs from NumPy. A kind that starts with
 * `unpinned:` is not a divergence: NumPy's own answer is undefined behaviour
 * there (see oracle.py); the fuzzer reports those apart and never fails on them.
 */
export interface Divergence {
  seed: number;
  /** A short key that groups divergences of one cause (the op and what differed). */
  kind: string;
  detail: string;
  program: Program;
  expect: { [k: string]: Json };
}

/**
 * NumPy at its x86-64 baseline (X86_V2): above it NumPy's results depend on the
 * CPU, e.g. its AVX2 complex multiply uses fused multiply-adds (seed 1089:
 * (1.5+3j)·z differs from NumPy's own baseline loop, and from the library, in
 * the last bit). The baseline loops round each operation, as the library does,
 * so answers do not change from one machine to the next.
 */
const BASELINE: NodeJS.ProcessEnv = process.arch === 'x64' ? { NPY_DISABLE_CPU_FEATURES: 'X86_V3 X86_V4 AVX512_ICL AVX512_SPR' } : {};

/** How long one batch may take NumPy (a hang is halved down like a crash). */
const ORACLE_TIMEOUT_MS = 120_000;

/** NumPy's answers for `programs`, from one python3 process. */
export function askNumpy(programs: readonly Program[]): { numpy: string; expects: { [k: string]: Json }[] } {
  // A timeout too: NumPy 2.4 hangs on some programs (np.take(np.zeros((2, 0, 0)), [1], axis=1, mode='wrap')).
  const run = (): SpawnSyncReturns<string> =>
    spawnSync('python3', [ORACLE], { input: JSON.stringify(programs), encoding: 'utf8', maxBuffer: 1 << 30, timeout: ORACLE_TIMEOUT_MS, env: { ...process.env, ...BASELINE } });
  let r = run();
  // A spawn that failed to start (EAGAIN on a loaded machine) has neither status nor signal: once more.
  if (r.error !== undefined && r.status === null && r.signal === null) r = run();
  if (r.error !== undefined && r.status === null && r.signal === null) throw new Error(`oracle.py could not run: ${r.error.message}`);
  if (r.signal !== null && programs.length > 1) {
    // NumPy itself crashed or hung on one program (FORMAT.md lists NumPy 2.4 crashes): halve
    // the batch until that program stands alone, so the others still get answers.
    const half = programs.length >> 1;
    const a = askNumpy(programs.slice(0, half));
    const b = askNumpy(programs.slice(half));
    return { numpy: a.numpy || b.numpy, expects: [...a.expects, ...b.expects] };
  }
  if (r.signal !== null) return { numpy: '', expects: [{ numpy_crash: r.signal }] };
  if (r.status !== 0) throw new Error(`oracle.py failed (status ${r.status}, signal ${r.signal}):\n${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout);
}

let scratch: string | undefined;

/** The fuzzer's own ops decode their operands as the shared ops do (FORMAT.md's operand forms). */
const opnd = (a: NdArray, v: Json): unknown => operand(a, v, caseContext);
const arr = (a: NdArray, v: Json): NdArray => arrayOperand(a, v, caseContext);

type Ufunc2 = (x1: UfuncInput, x2: UfuncInput, o?: UfuncOptions) => NdArray;
/** The ufuncs `ufunc_kw` calls, by NumPy's name. */
const UFUNCS: { [name: string]: Ufunc2 } = {
  add: api.add, subtract: api.subtract, multiply: api.multiply, divide: api.divide, floor_divide: api.floorDivide,
  remainder: api.remainder, power: api.power, minimum: api.minimum, maximum: api.maximum, less: api.less,
  equal: api.equal, logical_and: api.logicalAnd, bitwise_and: api.bitwiseAnd, left_shift: api.leftShift,
  negative: api.negative as unknown as Ufunc2, absolute: api.absolute as unknown as Ufunc2, sqrt: api.sqrt as unknown as Ufunc2,
  square: api.square as unknown as Ufunc2, rint: api.rint as unknown as Ufunc2, logical_not: api.logicalNot as unknown as Ufunc2,
};

/** A bool mask of `shape` from nested JS booleans (the fuzzer's `where=` operands). */
function mask(shape: readonly number[], values: Json): NdArray {
  const flat: number[] = [];
  const walk = (v: Json): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else flat.push(v ? 1 : 0);
  };
  walk(values);
  // The oracle's np.array(values, bool).reshape(shape): for an empty mask, array() of the nested
  // lists has zero strides, and the reshape (when the lists' shape is not `shape`) C strides;
  // either orders a reduction's result (fuzz seeds 10928006 11019076).
  if (flat.length === 0) return array(values as never, '|b1').reshape([...shape]);
  return fromBuffer(new Uint8Array(flat), '|b1').reshape([...shape]);
}

/**
 * The fuzzer's own ops, beyond the shared case language (oracle.py answers
 * each with NumPy):
 *
 *     ["npy_roundtrip"]                        np.load(BytesIO(np.save(a)))  -- a new array
 *     ["sliding_window_view", shape, axis]     np.lib.stride_tricks.sliding_window_view(a, shape, axis)
 *     ["broadcast_arrays", shape]              np.broadcast_arrays(a, np.zeros(shape, a.dtype))[0]
 *     ["unique_index"]                         np.unique(a, return_index=True)[1]
 *     ["reduce_initial", name, kw]             np.<name>(a, axis=, keepdims=, initial=, where=np.array(mask))
 *     ["searchsorted_sorter", v, kw]           np.searchsorted(a, v, side=, sorter=)  (sorter "argsort": a's stable argsort)
 *     ["astype_casting", dtype, casting]       a.astype(dtype, casting=)
 *     ["sort_kind", fn, kw]                    np.sort / np.argsort(a, axis=, kind=, stable=)
 *     ["concatenate_kw", arrays, kw]           np.concatenate(arrays, axis=, out=, dtype=, casting=)
 *     ["ufunc_kw", name, x1, x2, kw]           np.<name>(x1, x2, out=, where=, casting=, dtype=)
 *     ["putmask", mask, values]                np.putmask(a, mask, values)  -- writes a
 *     ["cumulative", name, axis, dtype]        np.cumsum / np.cumprod(a, axis, dtype=)
 *     ["diff", n, axis]                        np.diff(a, n, axis)
 *     ["variance", name, axis, kw]             np.var / np.std(a, axis, ddof=, keepdims=, dtype=)
 *     ["round", decimals]                      np.round(a, decimals)
 *     ["nonzero", k]                           np.nonzero(a)[k]
 *     ["np_call", name, args, kw, pick]        np.<name>(a, *args, **kw)[pick] (pick null: the result): the
 *                                              functions of session 4 (CALLS), generated for seeds >= NEW_FNS_FROM;
 *                                              a dotted name is NumPy's attribute path (`linalg.det`, `add.reduceat`);
 *                                              oracle.py SPECIAL lists the few called otherwise (einsum, partition_at)
 *     ["np_free", name, args, kw, pick]        np.<name>(*args, **kw)[pick]: FREE_CALLS, else an np_call function
 *                                              with args[0] as `a`
 */
type Kw = { [k: string]: Json };
/** np_call's keywords once decoded: `weights` is an array then. */
type Decoded = { [k: string]: unknown };
type Call = (a: NdArray, args: unknown[], kw: Decoded) => NdArray | NdArray[];
const reduceOpts = (kw: Decoded): object => ({ keepdims: kw.keepdims, ddof: kw.ddof, dtype: kw.dtype });
/** The nan-reductions' keywords of session 9's programs, given only when present (each family takes its own). */
const nanKeywords = (a: NdArray, kw: Decoded): object => ({
  ...(kw.initial !== undefined ? { initial: kw.initial } : {}),
  ...(kw.where !== undefined ? { where: arr(a, kw.where as Json) } : {}),
  ...(kw.correction !== undefined ? { correction: kw.correction } : {}),
});
const nanReduce = (f: unknown): Call => (a, _args, kw) => (f as (a: NdArray, axis: unknown, o: object) => NdArray)(a, kw.axis, { ...reduceOpts(kw), ...nanKeywords(a, kw) });
const qOpts = (kw: Decoded): object => ({ axis: kw.axis, keepdims: kw.keepdims, method: kw.method, ...(kw.weights !== undefined ? { weights: kw.weights } : {}) });
const mathUfunc = (f: unknown): Call => (a, args, kw) => {
  const o = { dtype: kw.dtype, casting: kw.casting } as UfuncOptions;
  return args.length === 0 ? (f as (x: UfuncInput, o: UfuncOptions) => NdArray)(a, o) : (f as Ufunc2)(a, args[0] as UfuncInput, o);
};
const MATH_UFUNCS = ['sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh', 'arcsinh', 'arccosh', 'arctanh', 'exp2', 'expm1', 'log2', 'log10', 'log1p', 'cbrt', 'floor', 'ceil', 'trunc', 'sign', 'reciprocal', 'deg2rad', 'rad2deg', 'arctan2', 'hypot', 'logaddexp', 'logaddexp2', 'fmod', 'copysign', 'fmax', 'fmin', 'heaviside', 'nextafter', 'gcd', 'lcm'];
const camel = (n: string): string => n.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());
const lib = api as unknown as { [name: string]: unknown };

const u = (x: unknown): never => (x === undefined ? undefined : x) as never;
/** np_call's functions of session 5. */
const SESSION5_CALLS: { [name: string]: Call } = {
  matmul: (a, [b], kw) => api.matmul(a, b, { dtype: u(kw.dtype) }),
  dot: (a, [b]) => api.dot(a, b),
  vdot: (a, [b]) => api.vdot(a, b),
  inner: (a, [b]) => api.inner(a, b),
  outer: (a, [b]) => api.outer(a, b),
  tensordot: (a, [b, axes]) => api.tensordot(a, b, axes as never),
  kron: (a, [b]) => api.kron(a, b),
  cross: (a, [b], kw) => api.cross(a, b, { axis: u(kw.axis) }),
  diagonal: (a, [offset, axis1, axis2]) => api.diagonal(a, u(offset), u(axis1), u(axis2)),
  diag: (a, [k]) => api.diag(a, k as number),
  diagflat: (a, [k]) => api.diagflat(a, k as number),
  trace: (a, [offset], kw) => api.trace(a, u(offset), undefined, undefined, { dtype: u(kw.dtype) }),
  tril: (a, [k]) => api.tril(a, k as number),
  triu: (a, [k]) => api.triu(a, k as number),
  fill_diagonal: (a, [val, wrap]) => {
    api.fillDiagonal(a, val, wrap as boolean);
    return a;
  },
  meshgrid: (a, args, kw) => api.meshgrid(a, ...args, { indexing: u(kw.indexing), sparse: u(kw.sparse), copy: u(kw.copy) }),
  interp: (a, [xp, fp], kw) => api.interp(a, xp as never, fp as never, { left: u(kw.left), right: u(kw.right), period: u(kw.period) }),
  convolve: (a, [v], kw) => api.convolve(a, v as never, u(kw.mode)),
  correlate: (a, [v], kw) => api.correlate(a, v as never, u(kw.mode)),
  cov: (a, _args, kw) => api.cov(a, { y: u(kw.y), rowvar: u(kw.rowvar), bias: u(kw.bias), ddof: u(kw.ddof), dtype: u(kw.dtype) } as never),
  corrcoef: (a, _args, kw) => api.corrcoef(a, { rowvar: u(kw.rowvar) }),
  choose: (a, [choices], kw) => api.choose(a, choices as never, { mode: u(kw.mode) }),
  piecewise: (a, [conds, funcs]) => api.piecewise(a, conds as never, funcs as never),
  gradient: (a, args, kw) => api.gradient(a, ...(args as never[]), { axis: u(kw.axis), edgeOrder: u(kw.edge_order) }) as NdArray | NdArray[],
  trapezoid: (a, _args, kw) => api.trapezoid(a, { x: u(kw.x), dx: u(kw.dx), axis: u(kw.axis) }),
  divmod: (a, [b]) => api.divmod(a, b as UfuncInput),
  modf: (a) => api.modf(a),
  frexp: (a) => api.frexp(a),
  ldexp: (a, [b]) => api.ldexp(a, b as UfuncInput),
  take_along_axis: (a, [idx, axis]) => api.takeAlongAxis(a, idx as NdArray, axis as number | null),
  put_along_axis: (a, [idx, vals, axis]) => {
    api.putAlongAxis(a, idx as NdArray, vals, axis as number | null);
    return a;
  },
  extract: (a, [cond]) => api.extract(cond as NdArray, a),
  place: (a, [mask, vals]) => {
    api.place(a, mask as NdArray, vals);
    return a;
  },
  resize: (a, [shape]) => api.resize(a, shape as never),
  ediff1d: (a, _args, kw) => api.ediff1d(a, { toEnd: u(kw.to_end), toBegin: u(kw.to_begin) }),
  trim_zeros: (a, _args, kw) => api.trimZeros(a, { trim: u(kw.trim), axis: u(kw.axis) }),
  packbits: (a, _args, kw) => api.packbits(a, { axis: u(kw.axis), bitorder: u(kw.bitorder) }),
  unpackbits: (a, _args, kw) => api.unpackbits(a, { axis: u(kw.axis), bitorder: u(kw.bitorder), count: u(kw.count) }),
  unique_values: (a) => api.uniqueValues(a),
  unique_counts: (a) => { const r = api.uniqueCounts(a); return [r.values, r.counts]; },
  unique_inverse: (a) => { const r = api.uniqueInverse(a); return [r.values, r.inverseIndices]; },
  unique_all: (a) => { const r = api.uniqueAll(a); return [r.values, r.indices, r.inverseIndices, r.counts]; },
  sinc: (a) => api.sinc(a),
  i0: (a) => api.i0(a),
  unwrap: (a, _args, kw) => api.unwrap(a, { discont: u(kw.discont), axis: u(kw.axis), period: u(kw.period) }),
};

/** The functions apply_along_axis calls, by NumPy's name (program.ts LANE_FNS). */
const LANE_FNS: { [name: string]: (v: NdArray) => NdArray } = {
  sum: (v) => api.sum(v),
  cumsum: (v) => api.cumsum(v),
  sort: (v) => S.sort(v),
  diff: (v) => api.diff(v),
  max: (v) => api.max(v),
  mean: (v) => api.mean(v),
  flip: (v) => api.flip(v),
};
/** NumPy's reduceat/accumulate methods by `ufunc.method`. */
const REDUCEAT: { [name: string]: unknown } = {
  add: api.addReduceat, multiply: api.multiplyReduceat, minimum: api.minimumReduceat, maximum: api.maximumReduceat,
  logical_and: api.logicalAndReduceat, logical_or: api.logicalOrReduceat, logical_xor: api.logicalXorReduceat,
  bitwise_and: api.bitwiseAndReduceat, bitwise_or: api.bitwiseOrReduceat, bitwise_xor: api.bitwiseXorReduceat,
};
/** A JS boolean or number result as NumPy's np.asarray of it (a 0-d bool or float64). */
const asArr = (r: unknown): NdArray => (r instanceof api.NdArray ? r : typeof r === 'boolean' ? api.array(r, '|b1') : api.array(r, '<f8'));
/** norm's `ord`: "inf"/"-inf" as the floats. */
const ordOf = (o: unknown): unknown => (o === 'inf' ? Infinity : o === '-inf' ? -Infinity : o);
/** np_call's functions of sessions 6-8 (program.ts randSession8Op); np_free calls them with its first argument as `a`. */
const SESSION8_CALLS: { [name: string]: Call } = {
  'linalg.det': (a) => api.linalg.det(a),
  'linalg.slogdet': (a) => {
    const r = api.linalg.slogdet(a);
    return [r.sign, r.logabsdet];
  },
  'linalg.inv': (a) => api.linalg.inv(a),
  'linalg.solve': (a, [b]) => api.linalg.solve(a, b),
  'linalg.cholesky': (a, _args, kw) => api.linalg.cholesky(a, { upper: u(kw.upper) }),
  'linalg.matrix_power': (a, [n]) => api.linalg.matrixPower(a, n as number),
  'linalg.norm': (a, _args, kw) => api.linalg.norm(a, { ord: ordOf(kw.ord) as never, axis: u(kw.axis), keepdims: u(kw.keepdims) }),
  vander: (a, _args, kw) => api.vander(a, (kw.N as number | undefined) ?? null, (kw.increasing as boolean | undefined) ?? false),
  polyval: (a, [x]) => api.polyval(a, x as never),
  polyadd: (a, [b]) => api.polyadd(a, b as never),
  polysub: (a, [b]) => api.polysub(a, b as never),
  polymul: (a, [b]) => api.polymul(a, b as never),
  polydiv: (a, [b]) => api.polydiv(a, b as never),
  polyder: (a, [m]) => api.polyder(a, u(m)),
  polyint: (a, [m]) => api.polyint(a, u(m)),
  poly: (a) => asArr(api.poly(a)),
  linspace: (a, [stop, num], kw) => api.linspace(a, stop as never, num as number, { endpoint: u(kw.endpoint), dtype: u(kw.dtype), axis: u(kw.axis) }),
  logspace: (a, [stop, num], kw) => api.logspace(a, stop as never, num as number, { endpoint: u(kw.endpoint), axis: u(kw.axis) } as never),
  geomspace: (a, [stop, num], kw) => api.geomspace(a, stop as never, num as number, { endpoint: u(kw.endpoint), axis: u(kw.axis) } as never),
  apply_along_axis: (a, [fn, axis]) => api.applyAlongAxis(LANE_FNS[fn as string], axis as number, a),
  rollaxis: (a, [axis, start]) => api.rollaxis(a, axis as number, start as number),
  fabs: mathUfunc(api.fabs), spacing: mathUfunc(api.spacing), bitwise_count: mathUfunc(api.bitwiseCount), float_power: mathUfunc(api.floatPower),
  fix: (a) => api.fix(a),
  isposinf: (a) => api.isposinf(a),
  isneginf: (a) => api.isneginf(a),
  iscomplex: (a) => api.iscomplex(a),
  isreal: (a) => api.isreal(a),
  iscomplexobj: (a) => asArr(api.iscomplexobj(a)),
  isrealobj: (a) => asArr(api.isrealobj(a)),
  angle: (a, _args, kw) => api.angle(a, { deg: u(kw.deg) }),
  real: (a) => api.real(a),
  imag: (a) => api.imag(a),
  sort_complex: (a) => api.sortComplex(a),
  real_if_close: (a, _args, kw) => api.realIfClose(a, u(kw.tol)),
  pad: (a, [pw], kw) => api.pad(a, pw as never, { mode: u(kw.mode), constantValues: u(kw.constant_values), endValues: u(kw.end_values), statLength: u(kw.stat_length), reflectType: u(kw.reflect_type) }),
  partition_at: (a, [kth], kw) => {
    const axis = kw.axis === undefined ? -1 : (kw.axis as number | null);
    return api.take(api.partition(a, kth as never, { axis }), kth as number[], { axis: axis as never });
  },
  lexsort: (a, _args, kw) => api.lexsort(a, { axis: u(kw.axis) }),
  insert: (a, [obj, values], kw) => api.insert(a, obj as never, values, 'axis' in kw ? { axis: kw.axis as number | null } : {}),
  delete: (a, [obj], kw) => api.deleteItems(a, obj as never, 'axis' in kw ? { axis: kw.axis as number | null } : {}),
  append: (a, [values], kw) => api.append(a, values, 'axis' in kw ? { axis: kw.axis as number | null } : {}),
  ...Object.fromEntries(Object.entries(REDUCEAT).map(([n, f]) => [`${n}.reduceat`, ((a, [idx], kw) => (f as (a: NdArray, i: unknown, o: object) => NdArray)(a, idx, { axis: u(kw.axis), dtype: u(kw.dtype) })) as Call])),
  'maximum.accumulate': (a, _args, kw) => api.maximumAccumulate(a, { axis: kw.axis === undefined ? 0 : (kw.axis as number | null), dtype: u(kw.dtype) }),
  'minimum.accumulate': (a, _args, kw) => api.minimumAccumulate(a, { axis: kw.axis === undefined ? 0 : (kw.axis as number | null), dtype: u(kw.dtype) }),
  isclose: (a, [b], kw) => api.isclose(a, b as never, { rtol: u(kw.rtol), atol: u(kw.atol), equalNan: u(kw.equal_nan) }),
  allclose: (a, [b], kw) => asArr(api.allclose(a, b as never, { rtol: u(kw.rtol), atol: u(kw.atol), equalNan: u(kw.equal_nan) })),
  array_equal: (a, [b], kw) => asArr(api.arrayEqual(a, b as never, { equalNan: u(kw.equal_nan) })),
  array_equiv: (a, [b]) => asArr(api.arrayEquiv(a, b as never)),
  nan_to_num: (a, _args, kw) => api.nanToNum(a, { nan: u(kw.nan), posinf: u(kw.posinf), neginf: u(kw.neginf) }),
  histogram_bin_edges: (a, _args, kw) => api.histogramBinEdges(a, { bins: kw.bins as never, range: kw.range as never }),
  atleast_1d: (a) => api.atleast1d(a),
  atleast_2d: (a) => api.atleast2d(a),
  atleast_3d: (a) => api.atleast3d(a),
  fliplr: (a) => api.fliplr(a),
  flipud: (a) => api.flipud(a),
  split: (a, [sections, axis]) => api.split(a, sections as never, u(axis)),
  array_split: (a, [sections, axis]) => api.arraySplit(a, sections as never, u(axis)),
  hsplit: (a, [sections]) => api.hsplit(a, sections as never),
  vsplit: (a, [sections]) => api.vsplit(a, sections as never),
  dsplit: (a, [sections]) => api.dsplit(a, sections as never),
  moveaxis: (a, [src, dst]) => api.moveaxis(a, src as number, dst as number),
  rot90: (a, [k, axes]) => api.rot90(a, k as number, u(axes)),
  copyto: (a, [src], kw) => {
    api.copyto(a, src, { casting: u(kw.casting), where: kw.where === undefined ? undefined : arr(a, kw.where as Json) } as never);
    return a;
  },
  ptp: (a, _args, kw) => api.ptp(a, { axis: u(kw.axis), keepdims: u(kw.keepdims) }),
  nancumsum: (a, _args, kw) => api.nancumsum(a, kw.axis === undefined ? null : (kw.axis as number | null), { dtype: u(kw.dtype) }),
  nancumprod: (a, _args, kw) => api.nancumprod(a, kw.axis === undefined ? null : (kw.axis as number | null), { dtype: u(kw.dtype) }),
  triu_indices_from: (a, [k]) => api.triuIndicesFrom(a, k as number),
  tril_indices_from: (a, [k]) => api.trilIndicesFrom(a, k as number),
  diag_indices_from: (a) => api.diagIndicesFrom(a),
};

/** np_free's functions of sessions 6-8 that take no leading array. */
const SESSION8_FREE: { [name: string]: (args: unknown[], kw: Decoded) => NdArray | NdArray[] } = {
  'linalg.multi_dot': ([arrays]) => api.linalg.multiDot(arrays as NdArray[]),
  einsum: (args, kw) => api.einsum(kw.subscripts as string, ...args, { dtype: u(kw.dtype), order: u(kw.order) }),
  bartlett: ([m]) => api.bartlett(m as number),
  blackman: ([m]) => api.blackman(m as number),
  hamming: ([m]) => api.hamming(m as number),
  hanning: ([m]) => api.hanning(m as number),
  kaiser: ([m, beta]) => api.kaiser(m as number, beta as number),
  ix_: (args) => api.ix_(...(args as NdArray[])),
  fromfunction: ([fn, shape], kw) => api.fromfunction((...c: NdArray[]) => (lib[camel(fn as string)] as (...x: NdArray[]) => NdArray)(...c), shape as number[], { dtype: u(kw.dtype) }),
  hstack: ([xs]) => api.hstack(xs as NdArray[]),
  vstack: ([xs]) => api.vstack(xs as NdArray[]),
  dstack: ([xs]) => api.dstack(xs as NdArray[]),
  column_stack: ([xs]) => api.columnStack(xs as NdArray[]),
};

/** np_call's functions of session 9 (program.ts randSession9Op); np_free calls them with its first argument as `a`. */
const SESSION9_CALLS: { [name: string]: Call } = {
  'linalg.qr': (a, _args, kw) => {
    if (kw.mode === 'r') return api.linalg.qr(a, { mode: 'r' });
    if (kw.mode === 'raw') {
      const r = api.linalg.qr(a, { mode: 'raw' });
      return [r.h, r.tau];
    }
    const r = api.linalg.qr(a, { mode: u(kw.mode) });
    return [r.Q, r.R];
  },
  'linalg.svd': (a, _args, kw) => {
    if (kw.compute_uv === false) return api.linalg.svd(a, { computeUv: false });
    const r = api.linalg.svd(a, { fullMatrices: u(kw.full_matrices) });
    return [r.U, r.S, r.Vh];
  },
  'linalg.svdvals': (a) => api.linalg.svdvals(a),
  'linalg.eigh': (a, _args, kw) => {
    const r = api.linalg.eigh(a, { UPLO: u(kw.UPLO) });
    return [r.eigenvalues, r.eigenvectors];
  },
  'linalg.eigvalsh': (a, _args, kw) => api.linalg.eigvalsh(a, { UPLO: u(kw.UPLO) }),
  'linalg.pinv': (a, _args, kw) => api.linalg.pinv(a, { rtol: u(kw.rtol), hermitian: u(kw.hermitian) }),
  'linalg.matrix_rank': (a, _args, kw) => api.linalg.matrixRank(a, { tol: u(kw.tol), rtol: u(kw.rtol), hermitian: u(kw.hermitian) }),
  'linalg.lstsq': (a, [b], kw) => {
    const r = api.linalg.lstsq(a, b, 'rcond' in kw ? { rcond: kw.rcond as number | null } : {});
    // NumPy's rank is the gufunc's int32 scalar
    return [r.x, r.residuals, api.array(r.rank, '<i4'), r.s];
  },
  'linalg.cond': (a, [p]) => api.linalg.cond(a, ordOf(p) as never),
  roots: (a) => api.roots(a),
  ...Object.fromEntries(['acos', 'asin', 'atan', 'acosh', 'asinh', 'atanh', 'bitwise_invert', 'pow', 'atan2', 'bitwise_left_shift', 'bitwise_right_shift', 'bitwise_not', 'mod'].map((n) => [n, mathUfunc(lib[camel(n)])])),
  permute_dims: (a, [axes]) => api.permuteDims(a, axes as number[]),
  matrix_transpose: (a) => api.matrixTranspose(a),
  unstack: (a, _args, kw) => api.unstack(a, { axis: u(kw.axis) }),
  vecdot: (a, [b], kw) => api.vecdot(a, b, { axis: u(kw.axis) }),
  matvec: (a, [v]) => api.matvec(a, v),
  cumulative_sum: (a, _args, kw) => api.cumulativeSum(a, { axis: u(kw.axis), dtype: u(kw.dtype), includeInitial: u(kw.include_initial) }),
  cumulative_prod: (a, _args, kw) => api.cumulativeProd(a, { axis: u(kw.axis), dtype: u(kw.dtype), includeInitial: u(kw.include_initial) }),
  astype: (a, [dt], kw) => api.astype(a, dt as string, { copy: u(kw.copy) }),
  amax: (a, _args, kw) => api.amax(a, kw.axis as never, { keepdims: u(kw.keepdims) }),
  amin: (a, _args, kw) => api.amin(a, kw.axis as never, { keepdims: u(kw.keepdims) }),
  reshape: (a, [shape], kw) => api.reshape(a, shape as number[], { order: u(kw.order) }),
  copy: (a, _args, kw) => api.copy(a, { order: u(kw.order) }),
  asfortranarray: (a) => api.asfortranarray(a),
  unique: (a, _args, kw) => {
    const r = api.unique(a, { axis: u(kw.axis), returnIndex: u(kw.return_index), returnInverse: u(kw.return_inverse), returnCounts: u(kw.return_counts) });
    const out = [r.values];
    if (kw.return_index) out.push(r.index!);
    if (kw.return_inverse) out.push(r.inverse!);
    if (kw.return_counts) out.push(r.counts!);
    return out.length === 1 ? r.values : out;
  },
};

/** np_free's functions of session 9 that take no leading array. */
const SESSION9_FREE: { [name: string]: (args: unknown[], kw: Decoded) => NdArray | NdArray[] } = {
  polyfit: ([x, y, deg], kw) => api.polyfit(x as NdArray, y as NdArray, deg as number, { w: u(kw.w) }),
  vecmat: ([v, x]) => api.vecmat(v, x),
  concat: ([xs], kw) => api.concat(xs as NdArray[], 'axis' in kw ? { axis: kw.axis as number | null } : {}),
};

/** A Python int result (np.ndim, np.size) as np.asarray of it: a 0-d int64. */
const intArr = (n: number): NdArray => api.array(n, '<i8');
/** A tuple of ints (np.shape, np.broadcast_shapes) as np.asarray of it: int64, or float64 when empty. */
const tupleArr = (t: readonly number[]): NdArray => (t.length === 0 ? api.zeros([0], '<f8') : api.array([...t], '<i8'));
/** The functions apply_over_axes calls, by NumPy's name (program.ts OVER_AXES_FNS). */
const OVER_AXES_FNS: { [name: string]: (v: NdArray, axis: number) => NdArray } = {
  sum: (v, axis) => api.sum(v, axis),
  prod: (v, axis) => api.prod(v, axis),
  max: (v, axis) => api.max(v, axis),
  min: (v, axis) => api.min(v, axis),
  mean: (v, axis) => api.mean(v, axis),
  any: (v, axis) => api.any(v, axis),
};
/** np_call's functions of the exports no earlier table reached (program.ts randSession10Op). */
const SESSION10_CALLS: { [name: string]: Call } = {
  zeros_like: (a, _args, kw) => api.zerosLike(a, { dtype: u(kw.dtype), order: u(kw.order), shape: u(kw.shape) }),
  ones_like: (a, _args, kw) => api.onesLike(a, { dtype: u(kw.dtype), order: u(kw.order), shape: u(kw.shape) }),
  full_like: (a, [v], kw) => api.fullLike(a, v, { dtype: u(kw.dtype), order: u(kw.order), shape: u(kw.shape) }),
  argpartition_at: (a, [kth], kw) => {
    const axis = kw.axis === undefined ? -1 : (kw.axis as number | null);
    const idx = api.argpartition(a, kth as never, { axis });
    return api.take(api.takeAlongAxis(a, idx, axis), kth as number[], { axis: axis as never });
  },
  histogramdd: (a, _args, kw) => {
    const r = api.histogramdd(a, { bins: kw.bins as never, density: u(kw.density) });
    return [r.hist, ...r.edges];
  },
  apply_over_axes: (a, [fn, axes]) => api.applyOverAxes(OVER_AXES_FNS[fn as string], a, axes as number[]),
  isfortran: (a) => asArr(api.isfortran(a)),
  ndim: (a) => intArr(api.ndim(a)),
  size: (a, [axis]) => intArr(api.size(a, u(axis))),
  shape: (a) => tupleArr(api.shape(a)),
};

/** np_free's functions of {@link SESSION10_CALLS}' range that take no leading array. */
const SESSION10_FREE: { [name: string]: (args: unknown[], kw: Decoded) => NdArray | NdArray[] } = {
  arange: (args, kw) => {
    const dt = u(kw.dtype);
    if (args.length === 1) return api.arange(args[0] as number, dt);
    if (args.length === 2) return api.arange(args[0] as number, args[1] as number, dt as never);
    return api.arange(args[0] as number, args[1] as number, args[2] as number, dt);
  },
  eye: ([n, m, k], kw) => api.eye(n as number, m as number | null, k as number, u(kw.dtype), u(kw.order)),
  identity: ([n], kw) => api.identity(n as number, u(kw.dtype)),
  ones: ([shape], kw) => api.ones(shape as number[], u(kw.dtype), u(kw.order)),
  block: ([rows]) => api.block(rows as never),
  histogram2d: ([x, y], kw) => {
    const r = api.histogram2d(x as NdArray, y as NdArray, { bins: kw.bins as never, range: kw.range as never, density: u(kw.density), weights: u(kw.weights) });
    return [r.hist, ...r.edges];
  },
  ravel_multi_index: ([idx, dims], kw) => api.ravelMultiIndex(idx as NdArray[], dims as number[], { mode: u(kw.mode), order: u(kw.order) }),
  broadcast_shapes: (shapes) => tupleArr(api.broadcastShapes(...(shapes as number[][]))),
};

/** np_call's functions: NumPy's name to the library's call (NumPy's keywords as its options). */
const CALLS: { [name: string]: Call } = {
  ...Object.fromEntries(['nanmin', 'nanmax', 'nansum', 'nanprod', 'nanmean', 'nanvar', 'nanstd', 'nanargmin', 'nanargmax'].map((n) => [n, nanReduce(lib[n])])),
  ...Object.fromEntries(MATH_UFUNCS.map((n) => [n, mathUfunc(lib[camel(n)])])),
  median: (a, _args, kw) => api.median(a, qOpts(kw) as never),
  nanmedian: (a, _args, kw) => api.nanmedian(a, qOpts(kw) as never),
  quantile: (a, [q], kw) => api.quantile(a, q as never, qOpts(kw) as never),
  percentile: (a, [q], kw) => api.percentile(a, q as never, qOpts(kw) as never),
  nanquantile: (a, [q], kw) => api.nanquantile(a, q as never, qOpts(kw) as never),
  nanpercentile: (a, [q], kw) => api.nanpercentile(a, q as never, qOpts(kw) as never),
  average: (a, _args, kw) => api.average(a, { axis: kw.axis as never, keepdims: kw.keepdims as never, weights: kw.weights as never }),
  histogram: (a, _args, kw) => api.histogram(a, { bins: kw.bins as never, range: kw.range as never, density: u(kw.density) }),
  digitize: (a, [bins], kw) => api.digitize(a, bins as never, { right: kw.right as never }),
  isin: (a, [t], kw) => api.isin(a, t as never, { invert: kw.invert as never }),
  intersect1d: (a, [b]) => api.intersect1d(a, b as never),
  union1d: (a, [b]) => api.union1d(a, b as never),
  setdiff1d: (a, [b]) => api.setdiff1d(a, b as never),
  setxor1d: (a, [b]) => api.setxor1d(a, b as never),
  repeat: (a, [r, axis]) => api.repeat(a, r as never, axis as never),
  tile: (a, [reps]) => api.tile(a, reps as never),
  roll: (a, [shift, axis]) => api.roll(a, shift as never, axis as never),
  array_split: (a, [sections, axis]) => api.arraySplit(a, sections as never, axis as never),
  unravel_index: (a, [shape]) => api.unravelIndex(a, shape as never),
  ...SESSION5_CALLS,
  ...SESSION8_CALLS,
  ...SESSION9_CALLS,
  ...SESSION10_CALLS,
};

/** np_free's functions (no `a`): NumPy's name to the library's call. */
const FREE_CALLS: { [name: string]: (args: unknown[], kw: Decoded) => NdArray | NdArray[] } = {
  tri: ([n, m, k], kw) => api.tri(n as number, m as number | null, k as number, kw.dtype as never),
  tril_indices: ([n, k, m]) => api.trilIndices(n as number, k as number, m as number | null),
  triu_indices: ([n, k, m]) => api.triuIndices(n as number, k as number, m as number | null),
  diag_indices: ([n, ndim]) => api.diagIndices(n as number, ndim as number),
  indices: ([dims], kw) => api.indices(dims as number[], { dtype: kw.dtype as never, sparse: kw.sparse as never }),
  logspace: ([start, stop, num], kw) => api.logspace(start as number, stop as number, num as number, { endpoint: kw.endpoint as never, base: kw.base as never, dtype: kw.dtype as never }),
  geomspace: ([start, stop, num], kw) => api.geomspace(start as number, stop as number, num as number, { endpoint: kw.endpoint as never, dtype: kw.dtype as never }),
  select: ([conds, choices, dflt]) => api.select(conds as never, choices as never, dflt as never),
  ...SESSION8_FREE,
  ...SESSION9_FREE,
  ...SESSION10_FREE,
};

/** np_call/np_free arguments: a list holding an operand is a list of operands; other lists and null as they are. */
function decodeArg(a: NdArray, x: Json): unknown {
  if (x === null) return x;
  // a name (apply_along_axis's and fromfunction's function) passes as it is
  if (typeof x === 'string' && x !== 'self' && specialFloat(x) === null) return x;
  if (Array.isArray(x)) {
    if (x.some((e) => e === 'self' || (e !== null && typeof e === 'object' && !Array.isArray(e)))) return x.map((e) => opnd(a, e));
    // block's rows of operands
    if (x.some((e) => Array.isArray(e) && hasOperand(e))) return x.map((e) => decodeArg(a, e));
    return x;
  }
  return opnd(a, x);
}
/** True when `x` is or holds an operand ('self' or an object) at any depth. */
function hasOperand(x: Json): boolean {
  return x === 'self' || (x !== null && typeof x === 'object' && (!Array.isArray(x) || x.some(hasOperand)));
}
/** Keywords that are operands (arrays) in np_call/np_free. */
const KW_OPERANDS = new Set(['weights', 'w', 'y', 'x', 'to_end', 'to_begin', 'fweights', 'aweights']);
function decodeKw(a: NdArray, kw: Kw): Decoded {
  const k: Decoded = {};
  for (const [key, v] of Object.entries(kw)) k[key] = key === 'weights' ? arr(a, v) : KW_OPERANDS.has(key) && v !== null && typeof v === 'object' ? opnd(a, v) : v;
  return k;
}
/** A result of a call: one array or one of a list of arrays. */
function picked(r: unknown, pick: Json): NdArray {
  // Python's r[pick] of a shorter tuple (np.unstack of an empty axis) is its IndexError.
  if (Array.isArray(r) && typeof pick === 'number' && pick >= r.length) throw new api.IndexError('tuple index out of range');
  return Array.isArray(r) ? (r[pick as number] as NdArray) : (r as NdArray);
}

export const FUZZ_OPS: ExtraOps = new Map<string, (a: NdArray, args: Json[]) => NdArray>([
  [
    'np_call',
    (a, [name, args, kw, pick]) => {
      const call = CALLS[name as string];
      if (call === undefined) throw new Error(`np_call: no library call for ${String(name)}`);
      // Lists (q, reps, bins) and null pass as they are; the rest is an operand (FORMAT.md's forms).
      const r = call(a, (args as Json[]).map((x) => decodeArg(a, x)), decodeKw(a, kw as Kw));
      return picked(r, pick);
    },
  ],
  [
    'np_free',
    (a, [name, args, kw, pick]) => {
      const decoded = (args as Json[]).map((x) => decodeArg(a, x));
      const call = FREE_CALLS[name as string];
      // np.<name>(x, *rest) of an np_call function: x stands for `a`
      if (call === undefined && CALLS[name as string] !== undefined) return picked(CALLS[name as string](decoded[0] as NdArray, decoded.slice(1), decodeKw(a, kw as Kw)), pick);
      if (call === undefined) throw new Error(`np_free: no library call for ${String(name)}`);
      return picked(call(decoded, decodeKw(a, kw as Kw)), pick);
    },
  ],
  [
    'npy_roundtrip',
    (a) => {
      scratch ??= fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-fuzz-'));
      const file = path.join(scratch, 'a.npy');
      saveNpy(file, a);
      const m = openNpy(file, { mode: 'r' });
      try {
        return m.copy('A');
      } finally {
        m.close();
        fs.rmSync(file);
      }
    },
  ],
  ['sliding_window_view', (a, [shape, axis]) => slidingWindowView(a, shape as number[], axis as number[] | number | null)],
  ['broadcast_arrays', (a, [shape]) => broadcastArrays(a, zeros(shape as number[], a.dtype))[0]],
  ['unique_index', (a) => S.unique(a, { returnIndex: true }).index!],
  [
    'searchsorted_sorter',
    (a, [v, kw]) => {
      const k = kw as { [key: string]: Json };
      const sorter = k.sorter === 'argsort' ? S.argsort(a, { kind: 'stable' }) : arr(a, k.sorter);
      return S.searchsorted(a, opnd(a, v) as NdArray, { side: k.side as 'left' | undefined, sorter });
    },
  ],
  ['astype_casting', (a, [dt, casting]) => a.astype(dt as never, { casting: casting as api.Casting })],
  [
    'sort_kind',
    (a, [fn, kw]) => {
      const k = kw as { [key: string]: Json };
      const o = { axis: k.axis as number | null | undefined, kind: k.kind as string | undefined, stable: k.stable as boolean | undefined };
      return fn === 'sort' ? S.sort(a, o) : S.argsort(a, o);
    },
  ],
  [
    'concatenate_kw',
    (a, [xs, kw]) => {
      const k = kw as { [key: string]: Json };
      const out = k.out === undefined ? undefined : arr(a, k.out);
      return J.concatenate((xs as Json[]).map((x) => arr(a, x)), { axis: k.axis as number | null | undefined, out, dtype: k.dtype as never, casting: k.casting as api.Casting | undefined });
    },
  ],
  [
    'ufunc_kw',
    (a, [name, x1, x2, kw]) => {
      const k = kw as { [key: string]: Json };
      const o: UfuncOptions = {};
      if (k.out !== undefined) o.out = arr(a, k.out);
      if (k.where !== undefined) o.where = opnd(a, k.where) as NdArray | boolean;
      if (k.casting !== undefined) o.casting = k.casting as api.Casting;
      if (k.dtype !== undefined) o.dtype = k.dtype as never;
      const fn = UFUNCS[name as string];
      return x2 === null ? (fn as (x: UfuncInput, o: UfuncOptions) => NdArray)(opnd(a, x1) as UfuncInput, o) : fn(opnd(a, x1) as UfuncInput, opnd(a, x2) as UfuncInput, o);
    },
  ],
  [
    'putmask',
    (a, [mask, values]) => {
      F.putmask(a, opnd(a, mask), opnd(a, values));
      return a;
    },
  ],
  ['cumulative', (a, [name, axis, dt]) => (name === 'cumsum' ? api.cumsum : api.cumprod)(a, axis as number | null, dt === null ? undefined : { dtype: dt as never })],
  ['diff', (a, [n, axis]) => api.diff(a, n as number, axis as number)],
  [
    'variance',
    (a, [name, axis, kw]) => {
      const k = kw as { [key: string]: Json };
      return (name === 'var' ? api.variance : api.std)(a, axis as R.Axis, { ddof: k.ddof as number | undefined, keepdims: k.keepdims as boolean | undefined, dtype: k.dtype as never });
    },
  ],
  ['round', (a, [decimals]) => api.round(a, decimals as number)],
  ['nonzero', (a, [k]) => F.nonzero(a)[k as number]],
  [
    'reduce_initial',
    (a, [name, kw]) => {
      const k = kw as { [key: string]: Json };
      const where = k.where === undefined ? undefined : mask(k.where_shape as number[], k.where);
      const f = { sum: R.sum, prod: R.prod, min: R.min, max: R.max }[name as 'sum'];
      return f(a, k.axis as R.Axis, { keepdims: k.keepdims as boolean | undefined, initial: k.initial as never, where } as R.ReduceOptions);
    },
  ],
]);

/**
 * The library's error classes for each NumPy exception class (FORMAT.md's `error`);
 * the thrown error must be one of them or extend one. AxisError is NumPy's subclass
 * of ValueError and IndexError, ours of ValueError only.
 */
const ERROR_CLASSES: { [numpy: string]: readonly string[] } = {
  ValueError: ['ValueError'],
  IndexError: ['IndexError'],
  AxisError: ['AxisError'],
  TypeError: ['TypeError'],
  DTypePromotionError: ['DTypePromotionError'],
  KeyError: ['KeyError'],
  OverflowError: ['OverflowError'],
};

/** The first op of a message like `op 2: expected dtype ...`. */
function kindOf(program: Program, expect: { [k: string]: Json }, detail: string): string {
  const m = /^op (\d+|undefined): (.*)$/s.exec(detail);
  const at = m && m[1] !== 'undefined' ? Number(m[1]) : program.ops.length - 1;
  const o = program.ops[at];
  const op = o === undefined ? 'source' : o[0] === 'np_call' || o[0] === 'np_free' ? `${o[0]} ${String(o[1])}` : o[0];
  const rest = m ? m[2] : detail;
  const what = /^expected (\w+)/.exec(rest)?.[1] ?? /^(unexpected \w+|threw \w+|values|the failing op)/.exec(rest)?.[1] ?? rest.slice(0, 40);
  const raised = expect.error !== undefined ? ` (numpy ${String(expect.error)})` : '';
  return `${String(op)}: ${what}${raised}`;
}

const ZERO_TIES = new Set(['min', 'max', 'unique']);
const SET_OPS = new Set(['union1d', 'intersect1d', 'setdiff1d', 'setxor1d']);

/** True when the library's values (replayed again) equal NumPy's once every -0 reads as 0. */
function sameButZeroSigns(want: Json | undefined, r: { detail?: string }): boolean {
  const got = / got (.*)$/s.exec(r.detail ?? '')?.[1];
  if (got === undefined || got.endsWith('…')) return false;
  const norm = (x: string): string => x.replace(/"-0"/g, '0');
  return norm(JSON.stringify(want)) === norm(got);
}

/** Replays one program against NumPy's answer; null when they agree. */
export function compare(seed: number, program: Program, expect: { [k: string]: Json }): Divergence | null {
  if (expect.numpy_crash !== undefined) {
    // NumPy has no answer to compare with (the program crashed it); kept apart, never a divergence.
    return { seed, kind: `unpinned: numpy crashed (${String(expect.numpy_crash)})`, detail: 'numpy crashed', program, expect };
  }
  if (expect.object_answer !== undefined) {
    // NumPy answered an object array (oracle.py): mmarray has no object dtype to compare it with.
    return { seed, kind: 'unpinned: NumPy answers an object array', detail: String(expect.object_answer), program, expect };
  }
  if (expect.oracle_error !== undefined) {
    return { seed, kind: 'oracle error', detail: String(expect.oracle_error), program, expect };
  }
  const c = { ...program, expect } as Case;
  let r;
  try {
    r = runCase(c, FUZZ_OPS);
  } catch (err) {
    return { seed, kind: 'runner crash', detail: (err as Error).stack ?? String(err), program, expect };
  }
  if (r.status !== 'passed') {
    const detail = r.detail ?? r.status;
    // NumPy's values are C undefined behaviour there (oracle.py): only the values and the
    // bytes written may differ (either or both); the dtype, shape, strides and errors still count.
    if (expect.unpinned !== undefined && /^op \d+: (expected values|buffer differs)[^;]*(; buffer differs[^;]*)?$/s.test(detail)) {
      return { seed, kind: `unpinned: ${String(expect.unpinned)}`, detail, program, expect };
    }
    // LAPACK's eigh on a NaN or inf (oracle.py): whether it converges is not NumPy's to pin either.
    if (/no defined answer/.test(String(expect.unpinned)) && /^op \d+: (expected \w+ \(Eigenvalues did not converge\) but nothing was thrown|unexpected LinAlgError)/.test(detail)) {
      return { seed, kind: `unpinned: ${String(expect.unpinned)}`, detail, program, expect };
    }
    // Which of +0 and -0 a tie keeps in the reductions min/max and in unique differs between
    // NumPy's own SIMD and scalar loops (FORMAT.md, "Exact float arithmetic"): not NumPy's to pin.
    // minimum/maximum/clip are compared: at the oracle's baseline their ties are fixed (arith.ts, clip.ts).
    const lastOp = program.ops[program.ops.length - 1];
    // The set ops of np_call are unique() of their inputs: the same tie.
    const last = lastOp?.[0] === 'np_call' && SET_OPS.has(String(lastOp[1])) ? 'unique' : String(lastOp?.[0]);
    if (ZERO_TIES.has(last) && /^op \d+: expected values [^;]*$/s.test(detail) && sameButZeroSigns(expect.values, r)) {
      return { seed, kind: 'unpinned: +0/-0 tie', detail, program, expect };
    }
    return { seed, kind: kindOf(program, expect, detail), detail, program, expect };
  }
  if (r.thrown !== undefined) {
    const want = ERROR_CLASSES[String(expect.error)] ?? [String(expect.error)];
    // README "Safety": writes to read-only memory throw `AccessError` (`ERR_READ_ONLY`,
    // "assignment destination is read-only") where NumPy raises ValueError with that text.
    const readOnly = r.thrown.name === 'AccessError' && expect.error === 'ValueError' && /read-only/.test(String(expect.message));
    if (!r.thrown.classes.some((c) => want.includes(c)) && !readOnly) {
      const op = program.ops[expect.error_op as number]?.[0];
      return {
        seed,
        kind: `${String(op)}: error class ${r.thrown.name} for numpy ${String(expect.error)}`,
        detail: `threw ${r.thrown.name}: ${r.thrown.message}; numpy ${String(expect.error)}: ${String(expect.message)}`,
        program,
        expect,
      };
    }
  }
  return null;
}

/** Generates, asks NumPy about and replays the programs of `seeds`: every divergence, and apart the unpinned ones. */
export function fuzzSeeds(seeds: readonly number[]): { numpy: string; divergences: Divergence[]; unpinned: Divergence[] } {
  const programs = seeds.map(generate);
  const { numpy, expects } = askNumpy(programs);
  const divergences: Divergence[] = [];
  const unpinned: Divergence[] = [];
  seeds.forEach((seed, i) => {
    const d = compare(seed, programs[i], expects[i]);
    if (d !== null) (d.kind.startsWith('unpinned:') ? unpinned : divergences).push(d);
  });
  return { numpy, divergences, unpinned };
}
