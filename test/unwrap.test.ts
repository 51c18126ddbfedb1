// unwrap (lib/unwrap.ts) against NumPy (floats and ints, axes, period and
// discont; the same steps, so the same bits), and NumPy's TestUnwrap
// (lib/tests/test_function_base.py), ported.
import * as mm from '../lib';
import * as npc from './helpers/np-compare';
import { unwrap } from '../lib/unwrap';
import { array, diff, fromBuffer, remainder } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { hexOf } from './helpers/np-compare';
import { vals } from './helpers/np-array';

describeWithNumpy('unwrap against NumPy', () => {
  test('2-d floats along each axis, float32, ints with an int period, discont', () => {
    const want = runNumpy<{ x: string; y: string; out: string[]; d: string[] }>(`
rng = np.random.default_rng(3)
x = np.cumsum(rng.uniform(-4, 4, size=(6, 9)), axis=1)
y = rng.integers(0, 300, size=(4, 7))
rs = [np.unwrap(x), np.unwrap(x, axis=0), np.unwrap(x.astype(np.float32)), np.unwrap(x, discont=4.0), np.unwrap(x, period=5.0),
      np.unwrap(y, period=255), np.unwrap(y, period=250, discont=140), np.unwrap(y, period=7.5, axis=0)]
print(json.dumps({'x': x.tobytes().hex(), 'y': y.tobytes().hex(), 'out': [r.tobytes().hex() for r in rs], 'd': [r.dtype.str for r in rs]}))
`);
    const x = fromBuffer(new Uint8Array(Buffer.from(want.x, 'hex')).buffer, '<f8').reshape([6, 9]);
    const y = fromBuffer(new Uint8Array(Buffer.from(want.y, 'hex')).buffer, '<i8').reshape([4, 7]);
    const rs = [unwrap(x), unwrap(x, { axis: 0 }), unwrap(x.astype('f4')), unwrap(x, { discont: 4.0 }), unwrap(x, { period: 5.0 }),
      unwrap(y, { period: 255 }), unwrap(y, { period: 250, discont: 140 }), unwrap(y, { period: 7.5, axis: 0 })];
    rs.forEach((r, k) => expect([k, r.dtype.str, hexOf(r)]).toEqual([k, want.d[k], want.out[k]]));
  });
});

describe('ported: test_function_base TestUnwrap', () => {
  test('test_simple', () => {
    expect(vals(unwrap([1, 1 + 2 * Math.PI]))).toEqual([1, 1]);
    const r = unwrap(array(Array.from({ length: 10 }, (_, i) => (Math.sin(i * 12.9) + 1) * 50)));
    expect((diff(r).toArray() as number[]).every((d) => d < Math.PI)).toBe(true);
  });
  test('test_period', () => {
    expect(vals(unwrap([1, 1 + 256], { period: 255 }))).toEqual([1, 2]);
    const simple = array([0, 75, 150, 225, 300]);
    expect(vals(unwrap(remainder(simple, 255), { period: 255 }))).toEqual([0, 75, 150, 225, 300]);
    const uneven = remainder(array([0, 75, 150, 225, 300, 430]), 250);
    expect(vals(unwrap(uneven, { period: 250 }))).toEqual([0, 75, 150, 225, 300, 180]);
    const sm = unwrap(uneven, { period: 250, discont: 140 });
    expect(vals(sm)).toEqual([0, 75, 150, 225, 300, 430]);
    expect(sm.dtype.str).toBe(uneven.dtype.str);
  });
});

describeWithNumpy('unwrap: found by the differential fuzzer (seed 5005011)', () => {
  test('an int32 phase with an int period 1: -(1 // 2) is an int 0, so the loop stays integer and wraps as NumPy', () => {
    npc.expectCasesLikeNumpy([
      { py: "np.unwrap(np.array([2130706432, -771751937], 'i4'), period=1)", js: () => mm.unwrap(mm.array([2130706432, -771751937], 'i4'), { period: 1 }) },
      { py: "np.unwrap(np.array([[0, 5, -3], [7, 1, 2]], 'i2'), period=1, axis=0)", js: () => mm.unwrap(mm.array([[0, 5, -3], [7, 1, 2]], 'i2'), { period: 1, axis: 0 }) },
      { py: "np.unwrap(np.array([0, 5, -3, 7], 'i8'), period=1)", js: () => mm.unwrap(mm.array([0, 5, -3, 7], 'i8'), { period: 1 }) },
    ]);
  });
});
