// trimZeros (lib/trim-zeros.ts) against NumPy (n-d, every trim and axis
// choice; a view), and NumPy's TestTrimZeros basics
// (lib/tests/test_function_base.py), ported.
import { trimZeros } from '../lib/trim-zeros';
import { array, sharesMemory, zeros } from '../lib';
import { ValueError } from '../lib/errors';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { vals } from './helpers/np-array';

describeWithNumpy('trimZeros against NumPy', () => {
  test('a 3-d block of non-zeros, every trim and axis', () => {
    const trims = ['fb', 'f', 'b', 'BF'];
    const axes = [null, 0, 1, 2, -1, [0, 2]];
    const want = runNumpy<{ data: number[][][]; out: unknown[] }>(`
data = np.zeros((5, 6, 7))
data[1:3, 2:5, 3:4] = 1 + np.arange(6).reshape(2, 3, 1)
data[2, 4, 3] = 0
out = []
for t in json.loads('${JSON.stringify(trims)}'):
    for ax in json.loads('${JSON.stringify(axes)}'):
        out.append(np.trim_zeros(data, trim=t, axis=tuple(ax) if isinstance(ax, list) else ax).tolist())
print(json.dumps({'data': data.tolist(), 'out': out}))
`);
    const data = array(want.data);
    let k = 0;
    for (const trim of trims) {
      for (const axis of axes) {
        const r = trimZeros(data, { trim, axis });
        expect([trim, axis, vals(r)]).toEqual([trim, axis, want.out[k++]]);
        expect(sharesMemory(r, data) || r.size === 0).toBe(true);
      }
    }
  });
});

// numpy/lib/tests/test_function_base.py TestTrimZeros.
describe('ported: test_function_base TestTrimZeros', () => {
  const a = [0, 0, 1, 0, 2, 3, 4, 0];
  test.each(['i8', 'f8', 'c16'])('test_basic / test_leading_skip / test_trailing_skip (%s)', (dt) => {
    const x = array(a, dt as never);
    const re = (r: ReturnType<typeof trimZeros>): unknown => (vals(r) as unknown[]).map((v) => (typeof v === 'object' && v !== null ? (v as { re: number }).re : v));
    expect(re(trimZeros(x))).toEqual([1, 0, 2, 3, 4]);
    expect(re(trimZeros(x, { trim: 'f' }))).toEqual([1, 0, 2, 3, 4, 0]);
    expect(re(trimZeros(x, { trim: 'b' }))).toEqual([0, 0, 1, 0, 2, 3, 4]);
  });
  test('test_all_zero / test_size_zero / test_no_trim', () => {
    expect(trimZeros(zeros([5])).shape).toEqual([0]);
    expect(trimZeros(zeros([0])).shape).toEqual([0]);
    expect(vals(trimZeros(array([1, 2, 3])))).toEqual([1, 2, 3]);
    expect(() => trimZeros(array([0, 1]), { trim: 'abc' })).toThrow(new ValueError("unexpected character(s) in `trim`: 'abc'"));
    expect(vals(trimZeros(array([0, 1, 0]), { axis: [] }))).toEqual([0, 1, 0]);
  });
});
