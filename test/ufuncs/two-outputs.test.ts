// The two-output machinery (lib/ufuncs/two-outputs.ts) through divmod and
// modf: option checks, the out pair's entries, a mask and inputs that the
// first output overwrites (read before any write, as NumPy's one pass).
import { divmod } from '../../lib/ufuncs/divmod';
import { modf } from '../../lib/ufuncs/float-parts';
import { array, slice, zeros, type NdArray } from '../../lib';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';
import { ValueError } from '../../lib/errors';
import { vals } from '../helpers/np-array';

test("unknown options and bad out entries are NumPy's TypeError; a wrong-length pair a ValueError", () => {
  const x = array([1.5, -2.5]);
  expect(() => modf(x, { axis: 0 } as never)).toThrow(new TypeError("modf() got an unexpected keyword argument 'axis'"));
  expect(() => modf(x, { out: [zeros([2]), 3] as never })).toThrow(TypeError);
  expect(() => modf(x, { out: [zeros([2]), zeros([2]), zeros([2])] as never })).toThrow(ValueError);
  const [f, w] = modf(x, { out: [undefined, null] });
  expect(vals(f)).toEqual([0.5, -0.5]);
  expect(vals(w)).toEqual([1, -2]);
});

test('a mask that the first output overwrites still masks the second output as given', () => {
  // The mask lives in out[0]'s memory (a bool view of it would be odd; use an int8 out of the same bytes).
  const buf = zeros([4], 'i1');
  const mask = buf.view('?');
  mask.set([1, 0, 1, 0] as never);
  const a = array([1, 7, 1, 7], 'i1');
  const r = zeros([4], 'i1');
  divmod(a, 2, { out: [buf, r], where: mask });
  // The quotients (0) clear the mask's bytes; the remainders still follow the mask as given.
  expect(vals(buf)).toEqual([0, 0, 0, 0]);
  expect(vals(r)).toEqual([1, 0, 1, 0]);
});

test('both inputs the first output: the second output sees the originals', () => {
  const a = array([7, -7, 9, 4]);
  const [q, rem] = divmod(a, a.index('::-1'), { out: [a, null] });
  expect(q).toBe(a);
  expect(vals(a)).toEqual([1, -1, -2, 0]);
  expect(vals(rem)).toEqual([3, 2, -5, 4]);
});

describeWithNumpy('two outputs that overlap each other (or an input): the bytes NumPy leaves', () => {
  // NumPy writes both outputs element by element: where the starts differ the output
  // starting lower keeps the shared bytes; at one start the loop's order decides (the
  // float loops write out[1] first, so out[0] wins; integer divmod the other way).
  type Place = 'X' | [number, number | null, number];
  const layouts: [string, Place, Place][] = [
    ['same', [0, 6, 1], [0, 6, 1]],
    ['q above r', [1, 7, 1], [0, 6, 1]],
    ['q below r', [0, 6, 1], [1, 7, 1]],
    ['q below r by 3', [0, 6, 1], [3, 9, 1]],
    ['reversed q', [5, null, -1], [0, 6, 1]],
    ['both reversed, q above', [6, 0, -1], [5, null, -1]],
    ['x is the first out', 'X', [0, 6, 1]],
    ['x is the second out', [0, 6, 1], 'X'],
  ];
  const py = (p: Place): string => (p === 'X' ? 'X' : `o[${p[0]}:${p[1] === null ? '' : p[1]}:${p[2]}]`);
  const ops: [string, string][] = [['divmod', '<f8'], ['divmod', '<i8'], ['modf', '<f8']];
  test.each(ops.flatMap(([op, dt]) => layouts.map((l) => [op, dt, ...l] as const)))('%s %s: %s', (op, dt, _name, p0, p1) => {
    const xs = [7.5, -3.25, 10, 4.75, -8.5, 6];
    const ys = [2, 3, -4, 1.5, 2.5, 5];
    const want = runNumpy<number[][]>(`
dt = '${dt}'
X = np.array(${JSON.stringify(xs)}).astype(dt)
Y = np.array(${JSON.stringify(ys)}).astype(dt)
o = np.zeros(9, dt)
outs = (${py(p0)}, ${py(p1)})
if '${op}' == 'divmod': np.divmod(X, Y, out=outs)
else: np.modf(X, out=outs)
print(json.dumps([o.tolist(), X.tolist()]))`);
    const X = array(xs).astype(dt);
    const Y = array(ys).astype(dt);
    const o = zeros([9], dt);
    const view = (p: Place): NdArray => (p === 'X' ? X : o.index(slice(p[0], p[1], p[2])));
    const outs: [NdArray, NdArray] = [view(p0), view(p1)];
    if (op === 'divmod') divmod(X, Y, { out: outs });
    else modf(X, { out: outs });
    expect([(vals(o) as unknown[]).map(Number), (vals(X) as unknown[]).map(Number)]).toEqual(want);
  });
});
