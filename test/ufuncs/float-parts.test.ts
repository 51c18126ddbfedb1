// modf, frexp, ldexp, fabs (lib/ufuncs/float-parts.ts) against NumPy over
// every input dtype, bit for bit, in three layouts (the native walk, a
// strided view, the JS iterator's small blocks), with NumPy's refusals; the
// two-output `out` pair; and NumPy's own TestLDExp, TestFRExp, TestLdexp
// (numpy/_core/tests/test_umath.py), ported.
import { fabs, frexp, ldexp, modf } from '../../lib/ufuncs/float-parts';
import { array, arange, fromBuffer, ones, zeros } from '../../lib';
import { AccessError, ValueError } from '../../lib/errors';
import { UFuncTypeError } from '../../lib/ufunc';
import type { NdArray } from '../../lib/ndarray';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';
import { checkMath, numpyMath } from '../helpers/ufunc-math';
import { hexOf } from '../helpers/np-compare';

describeWithNumpy('float parts against NumPy', () => {
  test('fabs: every dtype bit for bit, complex refused', () => {
    expect(checkMath(fabs as never, 1, numpyMath('fabs', 1), { ulps: 0 })).toEqual([]);
  });
  test.each([0, 1])('modf output %i: every dtype bit for bit', (k) => {
    const fn = (x: NdArray): NdArray => modf(x)[k];
    expect(checkMath(fn as never, 1, numpyMath('modf', 1, undefined, `np.modf(*xs)[${k}]`), { ulps: 0 })).toEqual([]);
  });
  test.each([0, 1])('frexp output %i: every dtype bit for bit (int32 exponents)', (k) => {
    const fn = (x: NdArray): NdArray => frexp(x)[k];
    expect(checkMath(fn as never, 1, numpyMath('frexp', 1, undefined, `np.frexp(*xs)[${k}]`), { ulps: 0 })).toEqual([]);
  });

  test('ldexp: every float and int pairing, result dtypes and bits as NumPy (overflow, subnormals, huge exponents)', () => {
    const xs = ['<f2', '<f4', '>f4', '<f8', '>f8', '<i1', '<i4', '<u2', '|b1'];
    const es = ['<i1', '<u1', '<i2', '<i4', '>i4', '<i8', '|b1'];
    const want = runNumpy<Record<string, { x: string; e: string; dtype?: string; hex?: string; error?: string }>>(`
import warnings
warnings.simplefilter('ignore')
out = {}
base = np.array([0.0, -0.0, 1.0, -1.5, np.inf, -np.inf, np.nan, 3.0, 1e-300, 5e-324, 1e300, 0.75] * 9)
for xd in ${JSON.stringify(xs)}:
    for ed in ${JSON.stringify(es)}:
        x = base.astype(xd)
        info = np.iinfo(ed) if np.dtype(ed).kind in 'iu' else None
        if info is None:
            e = np.array([0, 1] * 54, ed)
        else:
            lo, hi = max(info.min, -1100), min(info.max, 1100)
            e = np.concatenate([np.array([0, 1, info.max, info.min, -1, 2, hi, lo]).astype(ed), np.linspace(lo, hi, 100).astype(ed)]).astype(ed)
        k = xd + ',' + ed
        try:
            r = np.ldexp(x, e)
            out[k] = {'x': x.tobytes().hex(), 'e': e.tobytes().hex(), 'dtype': r.dtype.str, 'hex': r.tobytes().hex()}
        except Exception as ex:
            out[k] = {'x': x.tobytes().hex(), 'e': e.tobytes().hex(), 'error': type(ex).__name__}
print(json.dumps(out))
`);
    const bad: string[] = [];
    for (const [k, c] of Object.entries(want)) {
      const [xd, ed] = k.split(',');
      const x = fromBuffer(new Uint8Array(Buffer.from(c.x, 'hex')).buffer, xd as never);
      const e = fromBuffer(new Uint8Array(Buffer.from(c.e, 'hex')).buffer, ed as never);
      for (const [label, a, b] of [['whole', x, e], ['strided', x.index('::-3'), e.index('::-3')], ['small', x.index('3:10'), e.index('3:10')]] as const) {
        let r: NdArray;
        try {
          r = ldexp(a, b);
        } catch (err) {
          if (c.error === undefined) bad.push(`${k} ${label}: ${(err as Error).message}`);
          continue;
        }
        if (c.error !== undefined) {
          bad.push(`${k}: NumPy raised ${c.error}`);
          break;
        }
        const w = fromBuffer(new Uint8Array(Buffer.from(c.hex as string, 'hex')).buffer, c.dtype as never);
        const wv = label === 'whole' ? w : label === 'strided' ? w.index('::-3') : w.index('3:10');
        if (r.dtype.str !== c.dtype) bad.push(`${k} ${label}: dtype ${r.dtype.str}, NumPy ${c.dtype}`);
        else if (hexOf(r) !== hexOf(wv.copy())) bad.push(`${k} ${label}: ${String(r.toArray())} vs NumPy ${String(wv.toArray())}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

test("ldexp refuses NumPy's way: a float or uint64 exponent, a complex mantissa", () => {
  const msg = "ufunc 'ldexp' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''";
  expect(() => ldexp(1.0, 2.5)).toThrow(new UFuncTypeError(msg));
  expect(() => ldexp(array([1.0]), array([2.5]))).toThrow(new UFuncTypeError(msg));
  expect(() => ldexp(array([1.0]), array([2], 'u8'))).toThrow(new UFuncTypeError(msg));
  expect(() => ldexp(array([{ re: 1, im: 0 }]), 2)).toThrow(new UFuncTypeError(msg));
});

test('the out pair: written in place, checked whole before any write, in-place inputs read first', () => {
  const x = array([2.5, -1.25, 7, -0.5]);
  const frac = zeros([4]);
  const whole = zeros([4]);
  const [f, w] = modf(x, { out: [frac, whole] });
  expect(f).toBe(frac);
  expect(w).toBe(whole);
  expect(frac.toArray()).toEqual([0.5, -0.25, 0, -0.5]);
  expect(whole.toArray()).toEqual([2, -1, 7, -0]);
  // out[0] is x itself: the second output still sees the original x.
  const y = array([2.5, -1.25, 7, -0.5]);
  const [, w2] = modf(y, { out: [y, null] });
  expect(y.toArray()).toEqual([0.5, -0.25, 0, -0.5]);
  expect(w2.toArray()).toEqual([2, -1, 7, -0]);
  // A bad second output: nothing written to the first.
  const keep = ones([4]);
  expect(() => modf(x, { out: [keep, zeros([3])] })).toThrow(ValueError);
  expect(keep.toArray()).toEqual([1, 1, 1, 1]);
  const ro = zeros([4]);
  ro.flags.writeable = false;
  expect(() => frexp(x, { out: [keep, ro] })).toThrow(AccessError);
  expect(keep.toArray()).toEqual([1, 1, 1, 1]);
  expect(() => frexp(x, { out: [keep, zeros([4], '?')] })).toThrow(new UFuncTypeError("Cannot cast ufunc 'frexp' output from dtype('int32') to dtype('bool') with casting rule 'same_kind'"));
  expect(keep.toArray()).toEqual([1, 1, 1, 1]);
  expect(() => modf(x, { out: [keep] as never })).toThrow(new ValueError("The 'out' tuple must have exactly one entry per ufunc output"));
  expect(() => modf(x, { out: keep as never })).toThrow(TypeError);
  // where: only the masked elements of both outputs.
  const m = array([true, false, true, false], '?');
  const o1 = ones([4]);
  const o2 = ones([4], 'i4');
  frexp(x, { out: [o1, o2], where: m });
  expect(o1.toArray()).toEqual([0.625, 1, 0.875, 1]);
  expect(o2.toArray()).toEqual([2, 1, 3, 1]);
});

// NumPy's TestLDExp, TestFRExp and TestLdexp (numpy/_core/tests/test_umath.py).
describe('ported: test_umath TestLDExp / TestFRExp / TestLdexp', () => {
  test.each([-4, -2, -1, 1, 2, 4].flatMap((s) => [['f4', s], ['f8', s]] as const))('ldexp %s stride %i into out', (dt, stride) => {
    const mant = array([0.125, 0.25, 0.5, 1, 1, 2, 4, 8], dt);
    const exp = array([3, 2, 1, 0, 0, -1, -2, -3], 'i4');
    const out = zeros([8], dt);
    const st = `::${stride}`;
    const r = ldexp(mant.index(st), exp.index(st), { out: out.index(st) });
    expect(r.toArray()).toEqual(ones([8], dt).index(st).toArray());
    expect(out.index(st).toArray()).toEqual(ones([8], dt).index(st).toArray());
  });
  test.each([-4, -2, -1, 1, 2, 4].flatMap((s) => [['f4', s], ['f8', s]] as const))('frexp %s stride %i into an out pair', (dt, stride) => {
    const arr = array([NaN, NaN, Infinity, -Infinity, 0, -0, 1, -1], dt);
    const st = `::${stride}`;
    const outMant = ones([8], dt);
    const outExp = array([2, 2, 2, 2, 2, 2, 2, 2], 'i4');
    const [mant, exp] = frexp(arr.index(st), { out: [outMant.index(st), outExp.index(st)] });
    const mantTrue = array([NaN, NaN, Infinity, -Infinity, 0, -0, 0.5, -0.5], dt).index(st);
    const expTrue = array([0, 0, 0, 0, 0, 0, 1, 1], 'i4').index(st);
    expect(hexOf(mant.copy())).toBe(hexOf(mantTrue.copy()));
    expect(exp.toArray()).toEqual(expTrue.toArray());
    expect(outExp.index(st).toArray()).toEqual(expTrue.toArray());
  });
  test('ldexp takes every int type and a Python int; overflows to inf and 0', () => {
    expect(ldexp(2.0, 3).toArray()).toBe(16);
    for (const tp of ['i1', 'i2', 'i4', 'i8']) {
      expect(ldexp(array(2, 'f4'), array(3, tp)).toArray()).toBe(16);
      expect(ldexp(array(2, 'f8'), array(3, tp)).toArray()).toBe(16);
    }
    expect(ldexp(2.0, 2n ** 63n - 1n).toArray()).toBe(Infinity);
    expect(ldexp(2.0, -(2n ** 63n)).toArray()).toBe(0);
  });
});

test('a large contiguous array (the native walk) matches the small-block path', () => {
  const x = arange(5000).astype('f8');
  const y = x.index('::-1');
  const [f, w] = modf(x.index('::7').copy());
  const [f2, w2] = modf(x.index('::7'));
  expect(hexOf(f)).toBe(hexOf(f2.copy()));
  expect(hexOf(w)).toBe(hexOf(w2.copy()));
  expect(frexp(y)[1].index('0:3').toArray()).toEqual([13, 13, 13]);
});
