// rint / floor / ceil / trunc against NumPy: result dtypes per input dtype
// (NumPy 2: floor/ceil/trunc keep ints and bools, rint computes in float),
// values bit for bit (ties to even, signed zeros, NaN/inf, float16/32,
// big-endian and strided inputs), complex rint, and the errors.
import { ceil, floor, rint, trunc } from '../../lib/ufuncs/rounding';
import { fromBuffer, zeros } from '../../lib/create';
import { UFuncTypeError } from '../../lib/ufunc';
import { roundHalfEven } from '../../lib/ufuncs/rounding';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';
import { bytesOf } from '../workloads/harness';

const FNS = { rint, floor, ceil, trunc } as const;
const VALUES = [0, -0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994, 2 ** 52 + 1, -(2 ** 53),
  1e300, -1e-300, 3.7, -3.7, Infinity, -Infinity, NaN, 4503599627370495.5, -4503599627370495.5, 1234.5, 0.1];
const DTYPES = ['<f8', '>f8', '<f4', '<f2', '<i1', '<u1', '<i2', '<i4', '>u4', '<i8', '<u8', '|b1', '<c8', '<c16'];

function hex(u: Uint8Array): string {
  return Buffer.from(u).toString('hex');
}

test('roundHalfEven: ties to even, the sign of zero kept', () => {
  expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.4, -0.4].map(roundHalfEven)).toEqual([0, 2, 2, -0, -2, -2, 0, -0]);
  expect(Object.is(roundHalfEven(-0.4), -0)).toBe(true);
  expect(Object.is(roundHalfEven(0.4), 0)).toBe(true);
  expect(roundHalfEven(NaN)).toBeNaN();
  expect(roundHalfEven(-Infinity)).toBe(-Infinity);
  expect(roundHalfEven(0.49999999999999994)).toBe(0);
  expect(roundHalfEven(4503599627370495.5)).toBe(4503599627370496);
});

describeWithNumpy('rounding ufuncs against NumPy', () => {
  test.each(Object.keys(FNS))('%s: dtype and bytes for each input dtype, or the same refusal', (name) => {
    const want = runNumpy<Record<string, { dtype: string; hex: string } | { error: string }>>(`
vals = ${JSON.stringify(VALUES.map((v) => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : Object.is(v, -0) ? '-0.0' : v)))}
vals = np.array([float(v) for v in vals])
out = {}
import warnings
warnings.simplefilter('ignore')
for dt in ${JSON.stringify(DTYPES)}:
    d = np.dtype(dt)
    if d.kind in 'iub':
        x = np.arange(-5, 20).astype(d) if d.kind != 'b' else np.array([0, 1, 1, 0], d)
    elif d.kind == 'c':
        x = (vals + 1j * vals[::-1]).astype(d)
    else:
        x = vals.astype(d)
    try:
        r = np.${name}(x[::-1])
        out[dt] = {'dtype': r.dtype.str, 'hex': np.ascontiguousarray(r).tobytes().hex()}
    except Exception as e:
        out[dt] = {'error': type(e).__name__}
print(json.dumps(out))
`);
    const f = FNS[name as keyof typeof FNS];
    for (const dt of DTYPES) {
      const src = runNumpyInput(dt);
      const w = want[dt];
      if ('error' in w) {
        // NumPy's no-loop TypeError is the library's UFuncTypeError (a TypeError).
        expect({ dt, error: w.error }).toEqual({ dt, error: 'TypeError' });
        expect(() => f(src.index('::-1'))).toThrow(UFuncTypeError);
        expect(() => f(src.index('::-1'))).toThrow(new RegExp(`ufunc '${name}' not supported for the input types`));
        continue;
      }
      const r = f(src.index('::-1'));
      expect({ dt, dtype: r.dtype.str, hex: hex(bytesOf(r)) }).toEqual({ dt, dtype: w.dtype, hex: w.hex });
    }
  });

  test('out and where work as for any ufunc (in place, masked)', () => {
    const a = fromBuffer(new Float64Array([0.5, 1.5, 2.5, -2.5]), '<f8');
    rint(a, { out: a, where: fromBuffer(new Uint8Array([1, 1, 0, 1]), '?') });
    expect(a.toArray()).toEqual([0, 2, 2.5, -2]);
    const i = zeros(3, '<i4');
    expect(() => rint(a, { out: i })).toThrow(UFuncTypeError);
  });
});

let inputs: Record<string, string> | undefined;
/** The inputs the NumPy side builds, as bytes from NumPy itself (one python run). */
function runNumpyInput(dt: string) {
  inputs ??= runNumpy<Record<string, string>>(`
vals = ${JSON.stringify(VALUES.map((v) => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : Object.is(v, -0) ? '-0.0' : v)))}
vals = np.array([float(v) for v in vals])
out = {}
for dt in ${JSON.stringify(DTYPES)}:
    d = np.dtype(dt)
    if d.kind in 'iub':
        x = np.arange(-5, 20).astype(d) if d.kind != 'b' else np.array([0, 1, 1, 0], d)
    elif d.kind == 'c':
        x = (vals + 1j * vals[::-1]).astype(d)
    else:
        x = vals.astype(d)
    out[dt] = x.tobytes().hex()
print(json.dumps(out))
`);
  return fromBuffer(new Uint8Array(Buffer.from(inputs[dt], 'hex')).buffer, dt as never);
}
