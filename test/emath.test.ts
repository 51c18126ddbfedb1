// NumPy's np.emath (lib/emath.ts) against NumPy: each function over arrays of
// every real dtype with values inside and outside its real domain, and
// complex inputs, comparing dtypes, shapes and values.
import { array, emath, NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

interface Case {
  fn: string;
  args: { dtype: string; values: number[] }[];
  dtype: string;
  shape: number[];
  values: (number | [number, number] | string)[];
}

const num = (v: number | string): number => (typeof v === 'string' ? Number(v.replace('inf', 'Infinity')) : v);
const close = (a: number, b: number, tol: number): boolean => (Number.isNaN(a) && Number.isNaN(b)) || a === b || Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describeWithNumpy('emath against NumPy', () => {
  test('sqrt, log, log2, log10, logn, power, arccos, arcsin, arctanh over float16/32/64, int8/16/32/64, uint8, bool and complex inputs', () => {
    const cases = runNumpy<Case[]>(String.raw`
import random
rng = random.Random(38)
out = []
dtypes = ['<f2', '<f4', '<f8', '|i1', '<i2', '<i4', '<i8', '|u1', '|b1', '<c8', '<c16']
fns = ['sqrt', 'log', 'log2', 'log10', 'logn', 'power', 'arccos', 'arcsin', 'arctanh']
def enc(v):
    if isinstance(v, complex) or np.iscomplexobj(v): return [enc(v.real), enc(v.imag)]
    v = float(v)
    return v if np.isfinite(v) else str(v)
for t in range(300):
    fn = fns[t % len(fns)]
    nargs = 2 if fn in ('logn', 'power') else 1
    args = []
    n = rng.choice([1, 3, 5])
    for k in range(nargs):
        dt = rng.choice(dtypes)
        neg = rng.random() < 0.6
        if dt == '|b1': vals = [rng.random() < 0.5 for _ in range(n)]
        elif dt[1] in 'iu': vals = [rng.randint(-4 if neg and dt[1] == 'i' else 0, 6) for _ in range(n)]
        else: vals = [round(rng.uniform(-3 if neg else 0, 3), 3) for _ in range(n)]
        if fn == 'power' and k == 1 and dt[1] in 'iu': vals = [v % 4 - (1 if neg and dt[1] == 'i' else 0) for v in vals]
        a = np.array(vals).astype(dt)
        args.append(a)
    with np.errstate(all='ignore'):
        r = getattr(np.emath, fn)(*args)
    r = np.asarray(r)
    out.append(dict(fn=fn, args=[dict(dtype=a.dtype.str, values=[bool(v) if a.dtype.kind == 'b' else (enc(v) if a.dtype.kind == 'c' else float(v)) for v in a.tolist()]) for a in args],
                    dtype=r.dtype.str, shape=list(r.shape), values=[enc(v) for v in r.ravel().tolist()]))
print(json.dumps(out))
`);
    expect(cases).toHaveLength(300);
    const bad: string[] = [];
    for (const c of cases) {
      const args = c.args.map((a) => array(a.values.map((v) => (Array.isArray(v) ? { re: v[0], im: v[1] } : v)), a.dtype));
      const r = (emath as unknown as Record<string, (...x: NdArray[]) => NdArray>)[c.fn](...args);
      const tol = r.dtype.itemsize <= 4 || r.dtype.str === '<c8' ? 2e-3 : 1e-12;
      const got = r.ravel().toArray() as unknown[];
      const label = `${c.fn}(${c.args.map((a) => `${a.dtype} ${JSON.stringify(a.values)}`).join(', ')})`;
      if (r.dtype.str !== c.dtype || JSON.stringify(r.shape) !== JSON.stringify(c.shape)) {
        bad.push(`${label}: NumPy ${c.dtype} ${JSON.stringify(c.shape)}, mmarray ${r.dtype.str} ${JSON.stringify(r.shape)}`);
        continue;
      }
      c.values.forEach((w, i) => {
        const g = got[i] as number | { re: number; im: number };
        const ok = Array.isArray(w)
          ? typeof g === 'object' && close(g.re, num(w[0]), tol) && close(g.im, num(w[1]), tol)
          : close(Number(g), num(w), tol);
        if (!ok) bad.push(`${label}[${i}]: NumPy ${JSON.stringify(w)}, mmarray ${JSON.stringify(g)}`);
      });
    }
    expect(bad.slice(0, 10)).toEqual([]);
  });
});

describe('emath', () => {
  test("NumPy's docstring examples", () => {
    expect(emath.sqrt(-4).get()).toEqual({ re: 0, im: 2 });
    expect(emath.sqrt([-1, 4]).toArray()).toEqual([{ re: 0, im: 1 }, { re: 2, im: 0 }]);
    expect(emath.sqrt([1, 4]).toArray()).toEqual([1, 2]);
    expect(emath.log2([-4, -8, 8]).dtype.str).toBe('<c16');
    expect(emath.power([2, 4], -2).toArray()).toEqual([0.25, 0.0625]);
    expect(emath.power([2, 4], [2, 4]).toArray()).toEqual([4n, 256n]);
    expect((emath.arccos([1, 2]).toArray() as { re: number; im: number }[])[0]).toEqual({ re: 0, im: -0 });
  });
});
