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

/**
 * Each case's outcome here equals NumPy's (dtype, shape, bytes or error
 * class; strides not compared): the first five that differ are shown.
 * `NP_COMPARE_DEBUG=file` writes every difference to `file`.
 */
export function expectCasesLikeNumpy(cases: Case[]): void {
  const want = numpyOutcomes(cases).map(withoutStrides);
  const got = cases.map((c) => withoutStrides(jsOutcome(c)));
  const bad = cases.map((c, i) => ({ py: c.py, want: want[i], got: got[i] })).filter((x) => JSON.stringify(x.want) !== JSON.stringify(x.got));
  if (process.env.NP_COMPARE_DEBUG) require('fs').writeFileSync(process.env.NP_COMPARE_DEBUG, JSON.stringify(bad.map((b) => ({ ...b, py: b.py.replace(/bytes\.fromhex\('[0-9a-f]*'\)/g, 'B') })), null, 1));
  expect(bad.slice(0, 5)).toEqual([]);
}

/** A JS axis argument as Python source: `None`, `1` or `(0,2,)`. */
export const pyAxis = (axis: unknown): string => (Array.isArray(axis) ? `(${axis.join(',')},)` : String(axis ?? 'None'));
