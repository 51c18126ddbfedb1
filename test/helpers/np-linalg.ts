// Cross-checks np.linalg functions with NumPy: the inputs are made by
// Python (`setup`), saved as .npy files (byte order and Fortran order kept)
// and opened read-only by the JS side through openNpy, so every case also
// reads a mapping it must never write. Each case's result (an array, a list
// of arrays, or an error) is compared: dtype and shape exactly, values
// within `tol · max(1, max |desired|)` (0: bit-equal; NaN/±inf must match).
import * as fs from 'fs';
import * as path from 'path';
import { openNpy, type NdArray } from '../../lib';
import { runNumpy } from './numpy';

/** One case: the Python expression (numpy as np, LA = np.linalg) and the JS call. */
export interface LinalgCase {
  py: string;
  js: (x: Record<string, NdArray>) => unknown;
  /** Relative tolerance (scaled by the largest desired magnitude); 0 for exact. */
  tol: number;
}

interface Outcome {
  arrays?: { dtype: string; shape: number[]; vals: (number | string)[] }[];
  error?: string;
  message?: string;
}

const PY = `
import math, os
setup, names, exprs, folder = json.load(sys.stdin)
LA = np.linalg
env = {'np': np, 'LA': LA}
exec(setup, env)
for n in names:
    np.save(os.path.join(folder, n + '.npy'), env[n])
def enc(v):
    v = float(v)
    return v if math.isfinite(v) else str(v)
def one(a):
    a = np.asarray(a)
    if a.dtype.kind == 'c':
        vals = [enc(t) for z in a.ravel() for t in (z.real, z.imag)]
    else:
        vals = [enc(t) for t in a.ravel()]
    return {'dtype': a.dtype.str, 'shape': list(a.shape), 'vals': vals}
out = []
for e in exprs:
    try:
        r = eval(e, env)
        out.append({'arrays': [one(x) for x in r] if isinstance(r, tuple) else [one(r)]})
    except Exception as ex:
        out.append({'error': type(ex).__name__, 'message': str(ex)})
print(json.dumps(out))
`;

function encode(v: number): number | string {
  if (Number.isFinite(v)) return v;
  return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
}

function valuesOf(a: NdArray): (number | string)[] {
  const flat = a.size === 0 ? [] : (a.reshape([a.size]).toArray() as unknown[]);
  const out: (number | string)[] = [];
  for (const v of flat) {
    if (typeof v === 'object' && v !== null && 're' in v) {
      const c = v as { re: number; im: number };
      out.push(encode(c.re), encode(c.im));
    } else out.push(encode(typeof v === 'bigint' ? Number(v) : typeof v === 'boolean' ? Number(v) : (v as number)));
  }
  return out;
}

function jsOutcome(c: LinalgCase, inputs: Record<string, NdArray>): Outcome {
  try {
    const r = c.js(inputs) as NdArray | NdArray[] | { sign: NdArray; logabsdet: NdArray };
    const list = Array.isArray(r) ? r : 'sign' in r && 'logabsdet' in r ? [r.sign, r.logabsdet] : [r as NdArray];
    return { arrays: list.map((a) => ({ dtype: a.dtype.str, shape: [...a.shape], vals: valuesOf(a) })) };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

/** True when `got` matches `want` within `tol` (scaled by max(1, max |want|)). */
function close(got: (number | string)[], want: (number | string)[], tol: number): boolean {
  if (got.length !== want.length) return false;
  let scale = 1;
  for (const w of want) if (typeof w === 'number') scale = Math.max(scale, Math.abs(w));
  for (let i = 0; i < got.length; i++) {
    const g = got[i];
    const w = want[i];
    if (typeof g === 'string' || typeof w === 'string') {
      if (g !== w) return false;
    } else if (tol === 0 ? !Object.is(g, w) && !(g === 0 && w === 0) : Math.abs(g - w) > tol * scale) return false;
  }
  return true;
}

/**
 * Runs `cases` against NumPy: `setup` (Python) defines the arrays named in
 * `names`, which the JS calls receive opened read-only from .npy files in `dir`.
 */
export function expectLinalgLikeNumpy(dir: string, setup: string, names: readonly string[], cases: readonly LinalgCase[]): void {
  const want = runNumpy<Outcome[]>(PY, JSON.stringify([setup, names, cases.map((c) => c.py), dir]));
  const inputs: Record<string, NdArray> = {};
  const before: Record<string, string> = {};
  for (const n of names) {
    const p = path.join(dir, `${n}.npy`);
    before[n] = fs.readFileSync(p).toString('hex');
    inputs[n] = openNpy(p, { mode: 'r' });
  }
  cases.forEach((c, i) => {
    const got = jsOutcome(c, inputs);
    const w = want[i];
    if (w.error !== undefined || got.error !== undefined) {
      expect({ case: c.py, error: got.error, message: got.message }).toEqual({ case: c.py, error: w.error, message: w.message });
      return;
    }
    const g = got.arrays ?? [];
    const ws = w.arrays ?? [];
    expect({ case: c.py, n: g.length, dtypes: g.map((a) => a.dtype), shapes: g.map((a) => a.shape) }).toEqual({ case: c.py, n: ws.length, dtypes: ws.map((a) => a.dtype), shapes: ws.map((a) => a.shape) });
    g.forEach((a, j) => {
      const ok = close(a.vals, ws[j].vals, c.tol);
      if (!ok) expect({ case: c.py, output: j, vals: a.vals }).toEqual({ case: c.py, output: j, vals: ws[j].vals });
    });
  });
  // The inputs were mapped read-only: their files are as Python wrote them.
  for (const n of names) expect(fs.readFileSync(path.join(dir, `${n}.npy`)).toString('hex')).toBe(before[n]);
}
