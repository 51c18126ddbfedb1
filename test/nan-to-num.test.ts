// nanToNum (lib/nan-to-num.ts) against NumPy over the float and complex
// dtypes with and without the replacement values; copy: false in place;
// NumPy's TestNanToNum (lib/tests/test_type_check.py), ported.
import * as mm from '../lib';
import * as npc from './helpers/np-compare';
import { nanToNum } from '../lib/nan-to-num';
import { array, divide, fromBuffer, isfinite } from '../lib';
import { AccessError } from '../lib/errors';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { hexOf } from './helpers/np-compare';

describeWithNumpy('nanToNum against NumPy', () => {
  test('float and complex dtypes, defaults and given values (cast as copyto casts them)', () => {
    const dts = ['<f8', '>f8', '<f4', '<f2', '<c16', '<c8', '>c16', '<i4', '|b1'];
    const opts = [{}, { nan: 10, posinf: 20, neginf: 30 }, { nan: 1e300, posinf: -1e300 }, { neginf: 0.1 }];
    const want = runNumpy<Record<string, { x: string; r: string[]; dtype: string }>>(`
import warnings
warnings.simplefilter('ignore')
edge = [0.0, -0.0, 1.5, np.inf, -np.inf, np.nan, -2.0]
z = np.array([complex(a, b) for a in edge for b in edge])
opts = ${JSON.stringify(opts)}
out = {}
for dt in ${JSON.stringify(dts)}:
    d = np.dtype(dt)
    x = (z if d.kind == 'c' else z.real).astype(d) if d.kind in 'fc' else np.arange(49).astype(d)
    out[dt] = {'x': x.tobytes().hex(), 'r': [np.nan_to_num(x, **o).tobytes().hex() for o in opts], 'dtype': np.nan_to_num(x).dtype.str}
print(json.dumps(out))
`);
    for (const [dt, w] of Object.entries(want)) {
      const x = fromBuffer(new Uint8Array(Buffer.from(w.x, 'hex')).buffer, dt as never);
      opts.forEach((o, k) => {
        const r = nanToNum(x, o);
        expect([dt, k, r.dtype.str, hexOf(r)]).toEqual([dt, k, w.dtype, w.r[k]]);
      });
    }
  });
});

test('copy: false replaces in place and returns x; a read-only x refuses; ints come back as they are', () => {
  const x = array([NaN, Infinity, 1]);
  expect(nanToNum(x, { copy: false })).toBe(x);
  expect(x.toArray()).toEqual([0, Number.MAX_VALUE, 1]);
  const y = array([NaN, 2]);
  y.flags.writeable = false;
  expect(() => nanToNum(y, { copy: false })).toThrow(AccessError);
  expect(nanToNum(y).toArray()).toEqual([0, 2]);
  const i = array([1, 2], 'i4');
  expect(nanToNum(i, { copy: false })).toBe(i);
  expect(() => nanToNum(x, { nan: 'x' as never })).toThrow(TypeError);
});

// numpy/lib/tests/test_type_check.py TestNanToNum.
describe('ported: test_type_check TestNanToNum', () => {
  const infs = (): ReturnType<typeof array> => divide(array([-1, 0, 1]), 0);
  test('test_generic', () => {
    let vals = nanToNum(infs()).toArray() as number[];
    expect(vals[0] < -1e10 && Number.isFinite(vals[0])).toBe(true);
    expect(vals[1]).toBe(0);
    expect(vals[2] > 1e10 && Number.isFinite(vals[2])).toBe(true);
    expect(nanToNum(infs(), { nan: 10, posinf: 20, neginf: 30 }).toArray()).toEqual([30, 10, 20]);
    const v = infs();
    expect(nanToNum(v, { copy: false })).toBe(v);
    vals = v.toArray() as number[];
    expect(vals[0] < -1e10 && vals[1] === 0 && vals[2] > 1e10).toBe(true);
    const v2 = infs();
    expect(nanToNum(v2, { copy: false, nan: 10, posinf: 20, neginf: 30 })).toBe(v2);
    expect(v2.toArray()).toEqual([30, 10, 20]);
  });
  test('test_array / test_integer / test_float / test_complex_good', () => {
    expect(nanToNum([1] as never).toArray()).toEqual([1n]);
    expect(nanToNum(1).toArray()).toBe(1n);
    expect(nanToNum(1.1, { nan: 10, posinf: 20, neginf: 30 }).toArray()).toBe(1.1);
    expect(nanToNum({ re: 1, im: 1 }).toArray()).toEqual({ re: 1, im: 1 });
  });
  test('test_complex_bad / bad2: every part finite', () => {
    const v = nanToNum(array([{ re: 1, im: Infinity }]));
    expect(isfinite(v).toArray()).toEqual([true]);
    const v2 = nanToNum(array([{ re: -Infinity, im: NaN }]));
    expect(isfinite(v2).toArray()).toEqual([true]);
  });
  test('test_do_not_rewrite_previous_keyword', () => {
    const vals = nanToNum(infs(), { nan: Infinity, posinf: 999 }).toArray() as number[];
    expect(vals[0] < -1e10 && Number.isFinite(vals[0])).toBe(true);
    expect(vals.slice(1)).toEqual([Infinity, 999]);
  });
});

describeWithNumpy('nanToNum: found by the differential fuzzer (seeds 6000023, 6000301)', () => {
  test("the copy keeps the input's memory order (np.array(x, copy=True) is order 'K'); a 0-d result is NumPy's scalar, native", () => {
    const f = mm.array([[1, NaN, 3], [Infinity, 5, -Infinity]], 'f4').T;
    const fa = (): mm.NdArray => mm.array([[1, NaN, 3], [Infinity, 5, -Infinity]], 'f4').T;
    expect(mm.nanToNum(f).strides).toEqual([4, 12]);
    npc.expectCasesLikeNumpy([
      { py: "np.nan_to_num(np.array([[1, np.nan, 3], [np.inf, 5, -np.inf]], 'f4').T)", js: () => mm.nanToNum(fa()) },
      { py: "np.asarray(np.nan_to_num(np.array(7, '>u2')))", js: () => mm.nanToNum(mm.array(7, '>u2')) },
      { py: "np.asarray(np.nan_to_num(np.array(np.nan, '>f8'), nan=2.5))", js: () => mm.nanToNum(mm.array(NaN, '>f8'), { nan: 2.5 }) },
      // A record scalar (np.void) keeps its dtype, byte order too (seed 9223592); a bytes scalar is as long as its value.
      {
        py: "np.asarray(np.nan_to_num(np.array((1.5, -2.0), dtype=[('a', '>f2'), ('b', '>f8')])))",
        js: () => mm.nanToNum(mm.array([[1.5, -2.0]], { names: ['a', 'b'], formats: ['>f2', '>f8'] }).reshape([])),
      },
      { py: "np.asarray(np.nan_to_num(np.array(b'ab', 'S3')))", js: () => mm.nanToNum(mm.array(['ab'], 'S3').reshape([])) },
      { py: "np.asarray(np.nan_to_num(np.array(b'', 'S3')))", js: () => mm.nanToNum(mm.array([''], 'S3').reshape([])) },
    ]);
  });
});
