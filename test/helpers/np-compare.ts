// Compares array constructors with NumPy: each case pairs a Python
// expression with the JS call that should give the same array (dtype,
// shape, strides and every byte) or the same error (class and message).
import type { NdArray } from '../../lib';
import { storageOf } from '../../lib/internal';
import { runNumpy } from './numpy';

/** One case: the Python expression (numpy as np) and the JS call. */
export interface Case {
  py: string;
  js: () => unknown;
}

/** What NumPy gave: an array's layout and bytes, or an error. */
export interface Outcome {
  dtype?: string;
  shape?: number[];
  strides?: number[];
  hex?: string;
  error?: string;
  message?: string;
}

/** The bytes of `a` in C order, as hex (NumPy's `tobytes().hex()`). */
export function hexOf(a: NdArray): string {
  const c = a.copy('C');
  const dv = storageOf(c).single!.view;
  let s = '';
  for (let i = 0; i < c.nbytes; i++) s += dv.getUint8(c.offset + i).toString(16).padStart(2, '0');
  return s;
}

/** NumPy's outcome of every case's expression, in one python3 run. */
export function numpyOutcomes(cases: readonly Case[]): Outcome[] {
  return runNumpy<Outcome[]>(
    `
out = []
for src in json.load(sys.stdin):
    try:
        a = eval(src)
        if isinstance(a, tuple): a = a[0]
        out.append({'dtype': a.dtype.str if a.dtype.names is None else json.dumps(a.dtype.descr, separators=(',', ':')), 'shape': list(a.shape), 'strides': list(a.strides), 'hex': a.tobytes().hex()})
    except Exception as e:
        out.append({'error': type(e).__name__, 'message': str(e)})
print(json.dumps(out))
`,
    JSON.stringify(cases.map((c) => c.py)),
  );
}

/** What the JS call gave, in the shape of {@link Outcome}. */
export function jsOutcome(c: Case): Outcome {
  try {
    let a = c.js() as NdArray;
    if (Array.isArray(a)) a = a[0] as NdArray;
    const dt = a.dtype.isStructured ? JSON.stringify(a.dtype.descr) : a.dtype.str;
    return { dtype: dt, shape: [...a.shape], strides: [...a.strides], hex: hexOf(a) };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

/** An outcome without its strides, and the library's UFuncTypeError named TypeError (NumPy's is one). */
function withoutStrides(o: Outcome): Outcome {
  const { strides: _s, ...rest } = o;
  if (rest.error === 'UFuncTypeError') rest.error = 'TypeError';
  return rest;
}

/** Strides of the axes longer than 1 of a non-empty result (the conformance rule: NumPy's others depend on its code path). */
function comparedStrides(o: Outcome): Outcome {
  const rest = withoutStrides(o);
  if (o.strides === undefined || o.shape === undefined || o.shape.some((n) => n === 0)) return rest;
  return { ...rest, strides: o.strides.map((s, i) => (o.shape![i]! > 1 ? s : null)) as number[] };
}

/**
 * Each case's outcome here equals NumPy's (dtype, shape, bytes or error
 * class; strides not compared): the first five that differ are shown.
 * `NP_COMPARE_DEBUG=file` writes every difference to `file`.
 * `NP_COMPARE_STRIDES=1` compares strides too, as the conformance cases do
 * (axes longer than 1 of a non-empty result), and `NP_COMPARE_STRIDES_LOG=file`
 * appends one line per difference: an audit of layouts, not part of the
 * suite (einsum's results are C-contiguous where NumPy's `optimize` path
 * leaves its matmul's layout: README, einsum).
 */
export function expectCasesLikeNumpy(cases: Case[]): void {
  const keep = process.env.NP_COMPARE_STRIDES ? comparedStrides : withoutStrides;
  const want = numpyOutcomes(cases).map(keep);
  const got = cases.map((c) => keep(jsOutcome(c)));
  const bad = cases.map((c, i) => ({ py: c.py, want: want[i], got: got[i] })).filter((x) => JSON.stringify(x.want) !== JSON.stringify(x.got));
  if (process.env.NP_COMPARE_STRIDES_LOG) for (const b of bad) require('fs').appendFileSync(process.env.NP_COMPARE_STRIDES_LOG, JSON.stringify({ py: b.py.replace(/bytes\.fromhex\('[0-9a-f]*'\)/g, 'B').slice(0, 400), want: b.want.strides, got: b.got.strides, shape: b.want.shape, same: JSON.stringify({ ...b.want, strides: 0 }) === JSON.stringify({ ...b.got, strides: 0 }) }) + '\n');
  if (process.env.NP_COMPARE_DEBUG) require('fs').writeFileSync(process.env.NP_COMPARE_DEBUG, JSON.stringify(bad.map((b) => ({ ...b, py: b.py.replace(/bytes\.fromhex\('[0-9a-f]*'\)/g, 'B') })), null, 1));
  expect(bad.slice(0, 5)).toEqual([]);
}

/** A JS axis argument as Python source: `None`, `1` or `(0,2,)`. */
export const pyAxis = (axis: unknown): string => (Array.isArray(axis) ? `(${axis.join(',')},)` : String(axis ?? 'None'));
