// NumPy's words: where a call fails as NumPy's does, the message is NumPy's
// text (a mapping's file and mode may follow it, and a few add what there is
// after NumPy's words, as an unknown field lists the fields). Each case runs
// the same call in NumPy and here and compares the messages exactly.
import * as mm from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

/** A float64 3x4 array with writes refused (NumPy: `flags.writeable = False`). */
function readOnly(): mm.NdArray {
  const a = mm.arange(12).astype('f8').reshape([3, 4]);
  a.flags.writeable = false;
  return a;
}
const PY_RO = '(lambda a: (a.flags.__setattr__("writeable", False), a)[1])(np.arange(12.).reshape(3, 4))';

const RECORDS = (): mm.NdArray => mm.zeros(3, [['a', '<i4'], ['b', '<f8']]);
const PY_RECORDS = "np.zeros(3, [('a', '<i4'), ('b', '<f8')])";

/** [what, NumPy's call (`ro` a read-only 3x4 float64 array, `rec` records), ours]. */
const CASES: [string, string, () => unknown][] = [
  // Writes into read-only memory: each function's own words.
  ['sort in place', 'ro.sort()', () => readOnly().sort()],
  ['partition in place', 'ro.partition(1)', () => readOnly().partition(1)],
  ['put', 'np.put(ro, [0], 1)', () => mm.put(readOnly(), [0], 1)],
  ['putmask', 'np.putmask(ro, ro > 1, 1)', () => { const a = readOnly(); mm.putmask(a, mm.greater(a, 1), 1); }],
  ['add.at', 'np.add.at(ro, [0], 1)', () => mm.addAt(readOnly(), [mm.array([0])], 1)],
  ['maximum.at', 'np.maximum.at(ro, [0], 1)', () => mm.maximumAt(readOnly(), [mm.array([0])], 1)],
  ['negative.at', 'np.negative.at(ro, [0])', () => mm.negativeAt(readOnly(), [mm.array([0])])],
  ['byteswap in place', 'ro.byteswap(True)', () => readOnly().byteswap(true)],
  ['fill_diagonal', 'np.fill_diagonal(ro, 1)', () => mm.fillDiagonal(readOnly(), 1)],
  ['setitem', 'ro.__setitem__(0, 1)', () => readOnly().set(0, 1)],
  ['a ufunc out', 'np.add(1, 1, out=ro[0])', () => mm.add(1, 1, { out: readOnly().index(0) })],
  ['a reduction out', 'np.sum(np.ones((3, 4)), axis=0, out=ro[0])', () => mm.sum(mm.ones([3, 4]), 0, { out: readOnly().index(0) })],
  ['cumsum out', 'np.cumsum(np.ones(4), out=ro[0])', () => mm.cumsum(mm.ones([4]), undefined, { out: readOnly().index(0) })],
  ['reduceat out', 'np.add.reduceat(np.ones(4), [0, 2], out=ro[0, :2])', () => mm.addReduceat(mm.ones([4]), [0, 2], { out: readOnly().index('0, :2') })],
  ['matmul out', 'np.matmul(np.ones((3, 3)), np.ones((3, 4)), out=ro)', () => mm.matmul(mm.ones([3, 3]), mm.ones([3, 4]), { out: readOnly() })],
  ['einsum out', "np.einsum('ij->ij', np.ones((3, 4)), out=ro)", () => mm.einsum('ij->ij', mm.ones([3, 4]), { out: readOnly() })],
  ['choose out', 'np.choose([0, 0, 0, 0], [np.ones(4)], out=ro[0])', () => mm.choose([0, 0, 0, 0], [mm.ones([4])], { out: readOnly().index(0) })],
  // Where NumPy writes through a temporary copy (take, compress, place, argmax's out), its
  // words for that; median's out is a reduction's, nanmedian's an assignment.
  ['take out', 'np.take(np.arange(5.), [0, 1, 2, 3], out=ro[0])', () => mm.take(mm.arange(5).astype('f8'), [0, 1, 2, 3], { out: readOnly().index(0) })],
  ['take out of the wrong shape, read-only (the shape first)', 'np.take(np.arange(5.), [0], out=ro[0])', () => mm.take(mm.arange(5).astype('f8'), [0], { out: readOnly().index(0) })],
  ['take out of an unsafe dtype (0-d: a "scalar")', "np.take(np.arange(5, dtype='i4'), 0, out=np.zeros(()))", () => mm.take(mm.arange(5, 'i4'), 0, { out: mm.zeros([]) })],
  ['take out, read-only, an index out of range (the out first)', 'np.take(np.arange(5.), [9, 0, 0, 0], out=ro[0])', () => mm.take(mm.arange(5).astype('f8'), [9, 0, 0, 0], { out: readOnly().index(0) })],
  ['compress out', 'np.compress([1, 1, 1, 1], np.ones(4), out=ro[0])', () => mm.compress([1, 1, 1, 1], mm.ones([4]), { out: readOnly().index(0) })],
  ['place', 'np.place(ro, ro > 5, [0])', () => mm.place(readOnly(), mm.greater(readOnly(), 5), [0])],
  ['argmax out', 'np.argmax(np.ones((3, 4)), axis=0, out=(lambda a: (a.flags.__setattr__("writeable", False), a)[1])(np.zeros(4, np.intp)))', () => mm.argmax(mm.ones([3, 4]), 0, { out: (() => { const o = mm.zeros([4], 'i8'); o.flags.writeable = false; return o; })() })],
  ['argmin into a 0-d float out', 'np.argmin(np.ones(3), out=np.zeros(()))', () => mm.argmin(mm.ones([3]), null, { out: mm.zeros([]) })],
  ['median out', 'np.median(np.ones((4, 3)), axis=0, out=ro[0, :3])', () => mm.median(mm.ones([4, 3]), 0, { out: readOnly().index('0, :3') })],
  ['nanmedian out', 'np.nanmedian(np.ones((4, 3)), axis=0, out=ro[0, :3])', () => mm.nanmedian(mm.ones([4, 3]), 0, { out: readOnly().index('0, :3') })],
  ["quantile(method='lower') out", "np.quantile(np.ones((4, 3)), 0.5, axis=0, method='lower', out=ro[0, :3])", () => mm.quantile(mm.ones([4, 3]), 0.5, 0, { method: 'lower', out: readOnly().index('0, :3') })],
  ['nanquantile out', 'np.nanquantile(np.ones((4, 3)), 0.5, axis=0, out=ro[0, :3])', () => mm.nanquantile(mm.ones([4, 3]), 0.5, 0, { out: readOnly().index('0, :3') })],
  // Axes.
  ['transpose with a repeated axis', 'np.zeros((2, 3)).transpose(1, 1)', () => mm.zeros([2, 3]).transpose([1, 1])],
  ['squeeze with a repeated axis', 'np.zeros((1, 1, 2)).squeeze((0, 0))', () => mm.zeros([1, 1, 2]).squeeze([0, 0])],
  ['swapaxes: the second axis out of range', 'np.zeros((2, 3)).swapaxes(0, 2)', () => mm.zeros([2, 3]).swapaxes(0, 2)],
  ['swapaxes: the first axis of a 0-d array', 'np.zeros(()).swapaxes(-1, 0)', () => mm.zeros([]).swapaxes(-1, 0)],
  // Sorting and searching.
  ['sort by an unknown field', `np.sort(${PY_RECORDS}, order=['nope'])`, () => mm.sort(RECORDS(), { order: ['nope'] })],
  ['argsort by a field twice', `np.argsort(${PY_RECORDS}, order=['a', 'a'])`, () => mm.argsort(RECORDS(), { order: ['a', 'a'] })],
  ['searchsorted with a bad side', "np.searchsorted(np.arange(3), 1, side='middle')", () => mm.searchsorted(mm.arange(3), 1, { side: 'middle' as 'left' })],
  // Python ints past a C long, and past the dtype.
  ['int64 + 2**63', 'np.add(np.zeros(2, np.int64), 2**63)', () => mm.add(mm.zeros([2], 'i8'), 2n ** 63n)],
  ['int8 + 2**63', 'np.add(np.zeros(2, np.int8), 2**63)', () => mm.add(mm.zeros([2], 'i1'), 2n ** 63n)],
  ['uint32 + 2**63 (an unsigned type reads it first)', 'np.add(np.zeros(2, np.uint32), 2**63)', () => mm.add(mm.zeros([2], 'u4'), 2n ** 63n)],
  ['uint32 item set to 2**63', '(lambda a: a.__setitem__(0, 2**63))(np.zeros(2, np.uint32))', () => mm.zeros([2], 'u4').set(0, 2n ** 63n)],
  ['int16 item set to -2**63', '(lambda a: a.__setitem__(0, -2**63))(np.zeros(2, np.int16))', () => mm.zeros([2], 'i2').set(0, -(2n ** 63n))],
  // A reduction's dtype with a byte order.
  ["sum(dtype='>f8')", "np.sum(np.ones(3), dtype='>f8')", () => mm.sum(mm.ones([3]), null, { dtype: '>f8' })],
  // A reduction's out of the wrong shape: NumPy's iterator words, by the ufunc's name.
  ['sum(axis=0) into out of the wrong length', 'np.sum(np.zeros((2, 3)), axis=0, out=np.zeros(2))', () => mm.sum(mm.zeros([2, 3]), 0, { out: mm.zeros([2]) })],
  ['prod(axis=1) into out of a wrong axis (remapped)', 'np.prod(np.zeros((2, 3, 4)), axis=1, out=np.zeros((2, 5)))', () => mm.prod(mm.zeros([2, 3, 4]), 1, { out: mm.zeros([2, 5]) })],
  ['max over axes (0, 2) into out of the wrong length', 'np.max(np.zeros((2, 3, 4)), axis=(0, 2), out=np.zeros(4))', () => mm.max(mm.zeros([2, 3, 4]), [0, 2], { out: mm.zeros([4]) })],
  ['any into out of too many axes', 'np.any(np.zeros((2, 3)), axis=0, out=np.zeros((3, 1), bool))', () => mm.any(mm.zeros([2, 3]), 0, { out: mm.zeros([3, 1], '?') })],
  ['all with keepdims into out of too few axes', 'np.all(np.zeros((2, 3)), axis=0, out=np.zeros(3, bool), keepdims=True)', () => mm.all(mm.zeros([2, 3]), 0, { out: mm.zeros([3], '?'), keepdims: true })],
  ['mean with keepdims into out whose reduced axis is not 1', 'np.mean(np.zeros((2, 3)), axis=0, out=np.zeros((2, 3)), keepdims=True)', () => mm.mean(mm.zeros([2, 3]), 0, { out: mm.zeros([2, 3]), keepdims: true })],
  ['min into a length-1 out where the result has 3', 'np.min(np.zeros((2, 3)), axis=0, out=np.zeros(1))', () => mm.min(mm.zeros([2, 3]), 0, { out: mm.zeros([1]) })],
  ['sum of a length-1 axis into a longer out', 'np.sum(np.ones((2, 1)), axis=0, out=np.zeros(3))', () => mm.sum(mm.ones([2, 1]), 0, { out: mm.zeros([3]) })],
  // Fancy indexing: the axis of the array (newaxis is none), the index arrays' shapes.
  ['an index out of range after newaxis', 'np.zeros((3, 4))[None, :, [5]]', () => mm.zeros([3, 4]).index(null, ':', mm.array([5]))],
  ['index arrays that do not broadcast, beside an integer', 'np.zeros((3, 4, 5))[[0, 1], 0, [0, 1, 2]]', () => mm.zeros([3, 4, 5]).index(mm.array([0, 1]), 0, mm.array([0, 1, 2]))],
  ['2-d index arrays that do not broadcast', 'np.zeros((3, 4))[np.zeros(3, int), np.zeros((2, 2), int)]', () => mm.zeros([3, 4]).index(mm.zeros([3], 'i8'), mm.zeros([2, 2], 'i8'))],
];

/** The message of what `f` throws (none of these arrays is a mapping, so no file and mode follow). */
function messageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return (e as Error).message;
  }
  return '(no error)';
}

describeWithNumpy("NumPy's words", () => {
  let numpy: string[];
  beforeAll(() => {
    numpy = runNumpy<string[]>(`
import sys
out = []
for src in json.loads(sys.stdin.read()):
    ro = ${PY_RO}
    try:
        eval(src)
        out.append('(no error)')
    except Exception as e:
        out.append(str(e))
print(json.dumps(out))
`, JSON.stringify(CASES.map((c) => c[1])));
  });

  test.each(CASES.map(([what, , js], i) => [what, js, i] as const))('%s', (_what, js, i) => {
    expect(messageOf(js)).toBe(numpy[i]);
  });

  test('an unknown field: NumPy\'s words first, then the fields there are', () => {
    const want = runNumpy<string>(`
try:
    ${PY_RECORDS}['nope']
except ValueError as e:
    print(json.dumps(str(e)))
`);
    expect(want).toBe('no field of name nope');
    expect(messageOf(() => RECORDS().field('nope'))).toBe(`${want}; fields are 'a', 'b'`);
  });

  test("a field of a plain array, or an index that is not an integer: NumPy's IndexError words first, then what was given", () => {
    const want = runNumpy<string[]>(`
out = []
for f in (lambda: np.zeros(3)['x'], lambda: np.zeros(3)[['x']], lambda: np.zeros(3)[1.5], lambda: np.zeros((2, 2))[float('nan'), 0]):
    try:
        f()
    except IndexError as e:
        out.append(str(e))
print(json.dumps(out))
`);
    expect(want).toHaveLength(4);
    const calls = [() => mm.zeros([3]).field('x'), () => mm.zeros([3]).fields(['x']), () => mm.zeros([3]).get(1.5), () => mm.zeros([2, 2]).get(NaN, 0)];
    calls.forEach((f, i) => {
      expect(f).toThrow(mm.IndexError);
      expect(messageOf(f).startsWith(want[i])).toBe(true);
    });
    expect(messageOf(calls[0])).toBe(`${want[0]}: dtype <f8 has no fields (field x)`);
    expect(messageOf(calls[2])).toBe(`${want[2]}, got 1.5`);
  });
});
