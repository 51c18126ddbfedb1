// real, imag, angle, iscomplex, isreal, iscomplexobj, isrealobj
// (lib/complex-parts.ts): views with NumPy's dtype, strides, offset and
// writeability; values against NumPy; NumPy's TestReal, TestImag,
// TestIscomplex, TestIsreal, TestIscomplexobj (lib/tests/test_type_check.py)
// and TestAngle (lib/tests/test_function_base.py), ported.
import { angle, imag, iscomplex, iscomplexobj, isreal, isrealobj, real } from '../lib/complex-parts';
import { array, arange, fromBuffer, sharesMemory, zeros } from '../lib';
import { AccessError } from '../lib/errors';
import { describeWithNumpy, NUMPY_BASELINE, runNumpy } from './helpers/numpy';
import { mismatches } from './helpers/ufunc-math';
import { bytesOf } from './helpers/async-arrays';

const C = (re: number, im: number): { re: number; im: number } => ({ re, im });

test('real and imag of a complex array are writeable views: half the itemsize, the same strides, imag one part further', () => {
  const c = array([C(1, 2), C(3, 4), C(5, 6), C(7, 8)], 'c16');
  const r = real(c);
  const i = imag(c);
  expect(r.dtype.str).toBe('<f8');
  expect(r.strides).toEqual([16]);
  expect(i.offset - r.offset).toBe(8);
  expect(sharesMemory(r, c)).toBe(true);
  expect(r.toArray()).toEqual([1, 3, 5, 7]);
  expect(i.toArray()).toEqual([2, 4, 6, 8]);
  i.set(1, -9);
  r.index('2:').set(0 as never);
  expect(c.toArray()).toEqual([C(1, 2), C(3, -9), C(0, 6), C(0, 8)]);
  // complex64, big-endian, a strided view.
  const b = array([C(1, -1), C(2, -2), C(3, -3)], '>c8').index('::2');
  expect(real(b).dtype.str).toBe('>f4');
  expect(imag(b).strides).toEqual([16]);
  expect(imag(b).toArray()).toEqual([-1, -3]);
  // A read-only complex array gives read-only parts.
  c.flags.writeable = false;
  expect(() => real(c).set(0, 1)).toThrow(AccessError);
});

test('real input: real() is the array itself, imag() a new read-only array of zeros', () => {
  const a = arange(4).astype('f4');
  expect(real(a)).toBe(a);
  const z = imag(a);
  expect(z.dtype.str).toBe('<f4');
  expect(z.toArray()).toEqual([0, 0, 0, 0]);
  expect(z.flags.writeable).toBe(false);
  expect(sharesMemory(z, a)).toBe(false);
  expect(real(3).toArray()).toBe(3n);
  expect(imag(C(1, 2)).toArray()).toBe(2);
});

describeWithNumpy('angle, iscomplex, isreal against NumPy', () => {
  test('angle over complex and real dtypes, radians and degrees: dtypes, values within 4 ulp (arctan2), specials exact', () => {
    const dts = ['<c16', '<c8', '>c16', '<f8', '<f4', '<f2', '<i1', '<i8', '<u2', '|b1'];
    const want = runNumpy<Record<string, { x: string; rad: string; deg: string; dtype: string }>>(`
import warnings
warnings.simplefilter('ignore')
edge = [0.0, -0.0, 1.0, -1.0, np.inf, -np.inf, np.nan, 2.5]
z = np.array([complex(a, b) for a in edge for b in edge])
out = {}
for dt in ${JSON.stringify(dts)}:
    x = (z if np.dtype(dt).kind == 'c' else np.nan_to_num(z.real, posinf=7, neginf=-3)).astype(dt)
    out[dt] = {'x': x.tobytes().hex(), 'rad': np.angle(x).tobytes().hex(), 'deg': np.angle(x, deg=True).tobytes().hex(), 'dtype': np.angle(x).dtype.str}
print(json.dumps(out))
`, undefined, NUMPY_BASELINE);
    for (const [dt, w] of Object.entries(want)) {
      const x = fromBuffer(new Uint8Array(Buffer.from(w.x, 'hex')).buffer, dt as never);
      const rad = angle(x);
      expect([dt, rad.dtype.str]).toEqual([dt, w.dtype]);
      // arctan2's promise (test/ufuncs/trig.test.ts): within 4 ulp, special values exact.
      expect(mismatches(rad, w.dtype, w.rad, { ulps: 4 }, `${dt} rad`)).toEqual([]);
      expect(mismatches(angle(x, { deg: true }), w.dtype, w.deg, { ulps: 4 }, `${dt} deg`)).toEqual([]);
    }
  });
});

describeWithNumpy('imag and isreal of records, voids and F-ordered arrays against NumPy', () => {
  test("imag: zeroed memory of a's dtype, F-ordered for an F-only-contiguous input, read-only; isreal of records/voids: TypeError", () => {
    const want = runNumpy<{ imag: { dtype: string; strides: number[]; writeable: boolean; hex: string }[]; isreal: string[] }>(`

rec = np.array([(1, 2.5), (3, -1)], dtype=[('a', '<i4'), ('b', '>f8')])
f = np.asfortranarray(np.arange(6.).reshape(2, 3).astype('>f4'))
v = np.frombuffer(bytes(range(8)), 'V4')
out = {'imag': [], 'isreal': []}
for x in [rec, f, v, f[:, ::2], np.arange(4, dtype='u2')]:
    im = x.imag
    out['imag'].append({'dtype': im.dtype.str, 'strides': list(im.strides), 'writeable': bool(im.flags.writeable), 'hex': im.tobytes().hex()})
for x in [rec, v]:
    try:
        np.isreal(x); out['isreal'].append('ok')
    except TypeError as e:
        out['isreal'].append(str(e))
print(json.dumps(out))
`);
    const rec = zeros([2], [['a', '<i4'], ['b', '>f8']] as never);
    rec.field('a').set(array([1, 3]));
    rec.field('b').set(array([2.5, -1]));
    const f = arange(6, 'f8').reshape([2, 3]).astype('>f4', { order: 'F' });
    const v = fromBuffer(new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]).buffer, 'V4');
    const got = [rec, f, v, f.index(':, ::2'), arange(4, 'u2')].map((x) => {
      const im = imag(x);
      return { dtype: im.dtype.str, strides: [...im.strides], writeable: im.flags.writeable, hex: Buffer.from(bytesOf(im)).toString('hex') };
    });
    expect(got).toEqual(want.imag);
    expect([rec, v].map((x) => {
      try {
        isreal(x);
        return 'ok';
      } catch (e) {
        expect(e).toBeInstanceOf(TypeError);
        return (e as Error).message;
      }
    })).toEqual(want.isreal);
  });
});

describe('ported: test_type_check TestReal / TestImag / TestIscomplex / TestIsreal / TestIscomplexobj', () => {
  test('TestReal / TestImag', () => {
    const y = array([0.25, 0.5, 0.75]);
    expect(real(y).toArray()).toEqual(y.toArray());
    expect(imag(y).toArray()).toEqual([0, 0, 0]);
    const c = array([C(0.5, 0.25), C(0.75, 0.125)]);
    expect(real(c).toArray()).toEqual([0.5, 0.75]);
    expect(imag(c).toArray()).toEqual([0.25, 0.125]);
    expect(real(C(1, 1)).toArray()).toBe(1);
    expect(imag(C(1, 1)).toArray()).toBe(1);
  });
  test('TestIscomplex / TestIsreal', () => {
    expect(iscomplex(array([-1, 0, 1])).toArray()).toEqual([false, false, false]);
    expect(iscomplex(array([C(0, -1), C(1, 0), C(0, 0)])).toArray()).toEqual([true, false, false]);
    expect(isreal(array([C(-1, 0), C(0, 0), C(0, 1)])).toArray()).toEqual([true, true, false]);
    expect(isreal(array([C(0, -1), C(1, 0), C(0, 0)])).toArray()).toEqual([false, true, true]);
    expect(isreal(array([1, 2], 'i2')).toArray()).toEqual([true, true]);
  });
  test('TestIscomplexobj', () => {
    expect(iscomplexobj(array([-1, 0, 1]))).toBe(false);
    expect(iscomplexobj(array([C(0, -1), C(0, 0), C(-1, 0)]))).toBe(true);
    expect(iscomplexobj(1.0)).toBe(false);
    expect(iscomplexobj(C(1, 0))).toBe(true);
    expect(iscomplexobj([3, C(1, 0), true])).toBe(true);
    expect(iscomplexobj([3, 1, true])).toBe(false);
    expect(isrealobj(array([1.5]))).toBe(true);
    expect(isrealobj(zeros([2], 'c8'))).toBe(false);
  });
});

// numpy/lib/tests/test_function_base.py TestAngle.test_basic.
test('ported: test_function_base TestAngle', () => {
  const x = [C(1, 3), C(Math.SQRT2 / 2, Math.SQRT2 / 2), C(1, 0), C(0, 1), C(-1, 0), C(-1, 4), C(-1, -4)];
  const y = angle(array(x));
  const yo = [Math.atan(3 / 1), Math.atan(1), 0, Math.PI / 2, Math.PI, -Math.atan(4) + Math.PI, Math.atan(4) - Math.PI];
  const z = angle(array(x), { deg: true });
  const zo = yo.map((v) => (v * 180) / Math.PI);
  (y.toArray() as number[]).forEach((v, i) => expect(v).toBeCloseTo(yo[i], 11));
  (z.toArray() as number[]).forEach((v, i) => expect(v).toBeCloseTo(zo[i], 9));
});

describe("isreal of a real array: all true, laid out in order 'A' as NumPy's imag (fuzz seed 9761976)", () => {
  test('Fortran for a Fortran array, C otherwise (strided, transposed 3-d, reversed)', () => {
    // NumPy 2.4: np.isreal(np.zeros((2, 4), '>i8').T).strides == (1, 4); a transposed 3-d array's is C.
    expect(isreal(zeros([2, 4], '>i8').T).strides).toEqual([1, 4]);
    expect(isreal(zeros([3, 4, 5]).transpose([1, 0, 2])).strides).toEqual([15, 5, 1]);
    expect(isreal(zeros([4, 6]).index('::2, ::-1')).strides).toEqual([6, 1]);
    expect(isreal(zeros([2, 4], '>i8').T).toArray()).toEqual([[true, true], [true, true], [true, true], [true, true]]);
  });
});
