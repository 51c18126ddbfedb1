// realIfClose, sortComplex (lib/complex-cast.ts) against NumPy: dtypes,
// values and view-or-copy for complex64/complex128 (either byte order) near
// and far from real, tol in epsilons and absolute, real inputs passed
// through; sortComplex's dtype table over the real dtypes, 2-d inputs sorted
// along the last axis, NaN and equal real parts; NumPy's 0-d AxisError.
import { array, AxisError, fromBuffer, realIfClose, sharesMemory, sortComplex } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { mismatches } from './helpers/ufunc-math';


describeWithNumpy('realIfClose / sortComplex against NumPy', () => {
  const DTS = ['<c8', '>c16', '<c16'];
  const TOLS = [100, 1000, 1, 1e-13, 0.5];
  test('realIfClose: which inputs become real, over dtypes and tol', () => {
    const want = runNumpy<Record<string, { x: string; r: string[] }>>(`
vals = np.array([2.1 + 4e-14j, 5.2 + 3e-15j, -1 - 1e-7j, 3 + 0j])
out = {}
for dt in json.loads('${JSON.stringify(DTS)}'):
    for k in range(1, 5):
        x = vals[:k].astype(dt)
        out[f'{dt} {k}'] = {'x': x.tobytes().hex(), 'r': [np.real_if_close(x, tol).dtype.str for tol in json.loads('${JSON.stringify(TOLS)}')]}
print(json.dumps(out))
`);
    for (const [key, w] of Object.entries(want)) {
      const dt = key.split(' ')[0];
      const x = fromBuffer(new Uint8Array(Buffer.from(w.x, 'hex')).buffer, dt as never);
      const got = TOLS.map((t) => realIfClose(x, t));
      expect([key, got.map((g) => g.dtype.str)]).toEqual([key, w.r]);
      for (const g of got) if (g.dtype.kind === 'f') expect(sharesMemory(g, x)).toBe(true);
    }
  });
  test('sortComplex: dtype table and values for real and complex inputs, 1-d and 2-d', () => {
    const REAL = ['|b1', '|i1', '|u1', '<i2', '>u2', '<i4', '<u4', '<i8', '<u8', '<f2', '<f4', '>f8', '<c8', '<c16'];
    const want = runNumpy<Record<string, { x: string; r: string; dt: string }>>(`
base = np.array([[5, 3, 6, 2], [1, 0, 1, 7]])
out = {}
for dt in json.loads('${JSON.stringify(REAL)}'):
    x = base.astype(dt)
    r = np.sort_complex(x)
    out[dt] = {'x': x.tobytes().hex(), 'r': r.tobytes().hex(), 'dt': r.dtype.str}
c = np.array([1 + 2j, 1 - 1j, np.nan + 0j, 0 + 5j, 1 + 0j])
r = np.sort_complex(c)
out['cplx'] = {'x': c.tobytes().hex(), 'r': r.tobytes().hex(), 'dt': r.dtype.str}
print(json.dumps(out))
`);
    for (const [dt, w] of Object.entries(want)) {
      const x = fromBuffer(new Uint8Array(Buffer.from(w.x, 'hex')).buffer, (dt === 'cplx' ? '<c16' : dt) as never);
      const xs = dt === 'cplx' ? x : x.reshape(2, 4);
      expect(mismatches(sortComplex(xs), w.dt, w.r, { ulps: 0 }, dt)).toEqual([]);
    }
  });
});

describe('realIfClose / sortComplex: identity and errors', () => {
  test('a real input comes back as itself; sortComplex copies', () => {
    const a = array([1, 2], 'f8');
    expect(realIfClose(a)).toBe(a);
    const c = array([{ re: 3, im: 0 }, { re: 1, im: 0 }]);
    expect(sharesMemory(sortComplex(c), c)).toBe(false);
    expect(c.toArray()).toEqual([{ re: 3, im: 0 }, { re: 1, im: 0 }]);
  });
  test('a 0-d input is sort\'s AxisError; a non-number tol a TypeError', () => {
    expect(() => sortComplex(array(3))).toThrow(AxisError);
    expect(() => realIfClose([1], '5' as never)).toThrow(TypeError);
  });
});
