// A generalized ufunc's `out=`: matvec, vecmat and vecdot take NumPy's
// `out`, `dtype` and `casting` as matmul does, with NumPy's checks and
// words (core dimensions, the iterator's remapped shapes, a reduction it
// refuses), and write the result as if the inputs were copied first.
import * as mm from '../lib';
import { AccessError } from '../lib/errors';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

const ones = (shape: number[]): mm.NdArray => mm.ones(shape);

/** [what, NumPy's expression, ours]: each either returns an array or throws. */
const CASES: [string, string, () => mm.NdArray][] = [
  ['matvec into out', 'np.matvec(np.arange(9.).reshape(3, 3), np.arange(3.), out=np.zeros(3))', () => mm.matvec(mm.arange(9).astype('f8').reshape([3, 3]), mm.arange(3).astype('f8'), { out: mm.zeros([3]) })],
  ['matvec into a larger stack (broadcast)', 'np.matvec(np.ones((3, 3)), np.ones(3), out=np.zeros((2, 3)))', () => mm.matvec(ones([3, 3]), ones([3]), { out: mm.zeros([2, 3]) })],
  ['matvec: out core length wrong', 'np.matvec(np.ones((3, 3)), np.ones(3), out=np.zeros(4))', () => mm.matvec(ones([3, 3]), ones([3]), { out: mm.zeros([4]) })],
  ['matvec: 0-d out', 'np.matvec(np.ones((3, 3)), np.ones(3), out=np.zeros(()))', () => mm.matvec(ones([3, 3]), ones([3]), { out: mm.zeros([]) })],
  ['matvec: float into int out', 'np.matvec(np.ones((3, 3)), np.ones(3), out=np.zeros(3, int))', () => mm.matvec(ones([3, 3]), ones([3]), { out: mm.zeros([3], 'i8') })],
  ["matvec: float into int out, casting='unsafe'", "np.matvec(np.full((3, 3), 1.5), np.ones(3), out=np.zeros(3, int), casting='unsafe')", () => mm.matvec(mm.full([3, 3], 1.5), ones([3]), { out: mm.zeros([3], 'i8'), casting: 'unsafe' })],
  ['matvec in float32', "np.matvec(np.full((3, 3), 0.1), np.ones(3), dtype='f4')", () => mm.matvec(mm.full([3, 3], 0.1), ones([3]), { dtype: 'f4' })],
  ['matvec: a stack out lacks', 'np.matvec(np.ones((2, 3, 3)), np.ones(3), out=np.zeros(3))', () => mm.matvec(ones([2, 3, 3]), ones([3]), { out: mm.zeros([3]) })],
  ['matvec: stacks that do not broadcast with out', 'np.matvec(np.ones((2, 4, 3, 3)), np.ones(3), out=np.zeros((5, 3)))', () => mm.matvec(ones([2, 4, 3, 3]), ones([3]), { out: mm.zeros([5, 3]) })],
  ['matvec: input stacks that do not broadcast', 'np.matvec(np.ones((2, 3, 3)), np.ones((4, 3)))', () => mm.matvec(ones([2, 3, 3]), ones([4, 3]))],
  ['vecmat into out', 'np.vecmat(np.arange(3.), np.arange(9.).reshape(3, 3), out=np.zeros(3))', () => mm.vecmat(mm.arange(3).astype('f8'), mm.arange(9).astype('f8').reshape([3, 3]), { out: mm.zeros([3]) })],
  ['vecmat: out core length wrong', 'np.vecmat(np.ones(3), np.ones((3, 3)), out=np.zeros(2))', () => mm.vecmat(ones([3]), ones([3, 3]), { out: mm.zeros([2]) })],
  ['vecmat: input stacks that do not broadcast', 'np.vecmat(np.ones((2, 3)), np.ones((4, 3, 3)))', () => mm.vecmat(ones([2, 3]), ones([4, 3, 3]))],
  ['vecdot into out', 'np.vecdot(np.arange(6.).reshape(2, 3), np.arange(3.), out=np.zeros(2))', () => mm.vecdot(mm.arange(6).astype('f8').reshape([2, 3]), mm.arange(3).astype('f8'), { out: mm.zeros([2]) })],
  ['vecdot along axis 0 into out', 'np.vecdot(np.arange(9.).reshape(3, 3), np.arange(3.), axis=0, out=np.zeros(3))', () => mm.vecdot(mm.arange(9).astype('f8').reshape([3, 3]), mm.arange(3).astype('f8'), { axis: 0, out: mm.zeros([3]) })],
  ['vecdot into a longer out', 'np.vecdot(np.ones((2, 3)), np.ones(3), out=np.zeros(4))', () => mm.vecdot(ones([2, 3]), ones([3]), { out: mm.zeros([4]) })],
  ['vecdot into a 0-d out, one vector', 'np.vecdot(np.ones((1, 3)), np.ones(3), out=np.zeros(()))', () => mm.vecdot(ones([1, 3]), ones([3]), { out: mm.zeros([]) })],
  ['vecdot into a 0-d out, three vectors', 'np.vecdot(np.ones((3, 3)), np.ones(3), out=np.zeros(()))', () => mm.vecdot(ones([3, 3]), ones([3]), { out: mm.zeros([]) })],
  ["vecdot with dtype='i4'", "np.vecdot(np.ones((3, 3)), np.ones(3), dtype='i4')", () => mm.vecdot(ones([3, 3]), ones([3]), { dtype: 'i4' })],
  ['vecdot of complex into out', 'np.vecdot(np.array([1+2j, 3-1j]), np.array([2j, 1+1j]), out=np.zeros((), complex))', () => mm.vecdot(mm.array([{ re: 1, im: 2 }, { re: 3, im: -1 }], 'c16'), mm.array([{ re: 0, im: 2 }, { re: 1, im: 1 }], 'c16'), { out: mm.zeros([], 'c16') })],
  ['matmul: stacks that do not broadcast with out', 'np.matmul(np.ones((2, 3, 3)), np.ones((3, 3)), out=np.zeros((4, 3, 3)))', () => mm.matmul(ones([2, 3, 3]), ones([3, 3]), { out: mm.zeros([4, 3, 3]) })],
  ['matmul: a stack out lacks', 'np.matmul(np.ones((2, 3, 3)), np.ones((3, 3)), out=np.zeros((3, 3)))', () => mm.matmul(ones([2, 3, 3]), ones([3, 3]), { out: mm.zeros([3, 3]) })],
  ['matmul: a length-1 out stack where the result has none (NumPy test_empty_out)', 'np.matmul(np.ones((0, 1, 1)), np.ones((0, 1, 1)), out=np.ones((1, 1, 1)))', () => mm.matmul(ones([0, 1, 1]), ones([0, 1, 1]), { out: ones([1, 1, 1]) })],
  ['matvec: a length-1 out stack where the result has 2', 'np.matvec(np.ones((2, 3, 3)), np.ones(3), out=np.zeros((1, 3)))', () => mm.matvec(ones([2, 3, 3]), ones([3]), { out: mm.zeros([1, 3]) })],
  ['matvec: a length-1 out stack and a stack out lacks', 'np.matvec(np.ones((2, 4, 3, 3)), np.ones(3), out=np.zeros((1, 3)))', () => mm.matvec(ones([2, 4, 3, 3]), ones([3]), { out: mm.zeros([1, 3]) })],
  ['matvec: a length-1 input stack into a longer out, one out lacks', 'np.matvec(np.ones((2, 1, 3, 3)), np.ones(3), out=np.zeros((5, 3)))', () => mm.matvec(ones([2, 1, 3, 3]), ones([3]), { out: mm.zeros([5, 3]) })],
  ['matvec: inputs that do not broadcast, with out', 'np.matvec(np.ones((2, 1, 3, 3)), np.ones((4, 1, 3)), out=np.zeros((5, 3)))', () => mm.matvec(ones([2, 1, 3, 3]), ones([4, 1, 3]), { out: mm.zeros([5, 3]) })],
  ['vecdot: a length-1 out axis inside', 'np.vecdot(np.ones((4, 2, 3)), np.ones(3), out=np.zeros((4, 1)))', () => mm.vecdot(ones([4, 2, 3]), ones([3]), { out: mm.zeros([4, 1]) })],
  ['vecdot: out longer on its own axis, 1 where the result has 2', 'np.vecdot(np.ones((2, 3)), np.ones(3), out=np.zeros((5, 1)))', () => mm.vecdot(ones([2, 3]), ones([3]), { out: mm.zeros([5, 1]) })],
  ['vecdot: a 2-long result into a (3, 2) out', 'np.vecdot(np.arange(6.).reshape(2, 3), np.ones(3), out=np.zeros((3, 2)))', () => mm.vecdot(mm.arange(6).astype('f8').reshape([2, 3]), ones([3]), { out: mm.zeros([3, 2]) })],
  ['matmul: input stacks that do not broadcast', 'np.matmul(np.ones((2, 3, 3)), np.ones((4, 5, 3, 3)))', () => mm.matmul(ones([2, 3, 3]), ones([4, 5, 3, 3]))],
  ['matmul: input stacks that do not broadcast, with out', 'np.matmul(np.ones((2, 3, 4)), np.ones((5, 4, 3)), out=np.zeros((2, 3, 3)))', () => mm.matmul(ones([2, 3, 4]), ones([5, 4, 3]), { out: mm.zeros([2, 3, 3]) })],
  // NumPy's axes=: where each operand's core axes are.
  ['matvec with axes', 'np.matvec(np.arange(6.).reshape(2, 3).T, np.arange(3.).reshape(1, 3).T, axes=[(-1, -2), -2, -1])', () => mm.matvec(mm.arange(6).astype('f8').reshape([2, 3]).T, mm.arange(3).astype('f8').reshape([1, 3]).T, { axes: [[-1, -2], -2, -1] })],
  ['matvec with axes, the output axis first', 'np.matvec(np.ones((3, 2, 4)), np.arange(3.), axes=[(0, 2), 0, 0])', () => mm.matvec(mm.ones([3, 2, 4]), mm.arange(3).astype('f8'), { axes: [[0, 2], 0, 0] })],
  ['matvec with axes into out', 'np.matvec(np.ones((3, 2, 4)), np.arange(3.), axes=[(0, 2), 0, 0], out=np.zeros((4, 2)))', () => mm.matvec(mm.ones([3, 2, 4]), mm.arange(3).astype('f8'), { axes: [[0, 2], 0, 0], out: mm.zeros([4, 2]) })],
  ['matvec: axes without the output entry', 'np.matvec(np.ones((2, 3)).T, np.ones((1, 3)).T, axes=[(-1, -2), -2])', () => mm.matvec(ones([2, 3]).T, ones([1, 3]).T, { axes: [[-1, -2], -2] })],
  ['matvec: one axis for a matrix', 'np.matvec(np.ones((2, 3)).T, np.ones((1, 3)).T, axes=[(-1,), -2, -1])', () => mm.matvec(ones([2, 3]).T, ones([1, 3]).T, { axes: [[-1], -2, -1] })],
  ['matvec: a repeated axis', 'np.matvec(np.ones((2, 3)).T, np.ones((1, 3)).T, axes=[(-1, -1), -2, -1])', () => mm.matvec(ones([2, 3]).T, ones([1, 3]).T, { axes: [[-1, -1], -2, -1] })],
  ['matvec: an axes entry that is not an integer', 'np.matvec(np.ones((3, 2)), np.ones(3), axes=[(-2, -1), -1.5, -1])', () => mm.matvec(ones([3, 2]), ones([3]), { axes: [[-2, -1], -1.5, -1] })],
  ['matvec: an axis out of range', 'np.matvec(np.ones((2, 3)).T, np.ones((1, 3)).T, axes=[(-1, 5), -2, -1])', () => mm.matvec(ones([2, 3]).T, ones([1, 3]).T, { axes: [[-1, 5], -2, -1] })],
  ['vecdot with axes (no output entry)', 'np.vecdot(np.arange(6.).reshape(3, 2), np.arange(3.).reshape(3, 1), axes=[0, 0])', () => mm.vecdot(mm.arange(6).astype('f8').reshape([3, 2]), mm.arange(3).astype('f8').reshape([3, 1]), { axes: [0, 0] })],
  ['vecdot with axes and an empty output entry', 'np.vecdot(np.arange(6.).reshape(2, 3), np.arange(3.), axes=[-1, -1, ()])', () => mm.vecdot(mm.arange(6).astype('f8').reshape([2, 3]), mm.arange(3).astype('f8'), { axes: [-1, -1, []] })],
  ['vecdot with axis and axes', 'np.vecdot(np.ones((2, 3)), np.ones(3), axes=[-1, -1], axis=-1)', () => mm.vecdot(ones([2, 3]), ones([3]), { axes: [-1, -1], axis: -1 })],
  ['vecmat with axes, a core mismatch', 'np.vecmat(np.ones((1, 3)).T, np.ones((2, 3)), axes=[0, (0, 1), 0])', () => mm.vecmat(ones([1, 3]).T, ones([2, 3]), { axes: [0, [0, 1], 0] })],
];

type Answer = { error: string; message: string } | { dtype: string; shape: number[]; values: unknown };

function answer(f: () => mm.NdArray): Answer {
  try {
    const r = f();
    // A complex item as NumPy's answer gives it, [re, im]; an int64 as a number.
    const plain = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(plain);
      if (typeof v === 'bigint') return Number(v);
      return v !== null && typeof v === 'object' ? [(v as mm.Complex).re, (v as mm.Complex).im] : v;
    };
    return { dtype: r.dtype.str, shape: [...r.shape], values: plain(r.toArray()) };
  } catch (e) {
    return { error: (e as Error).name === 'UFuncTypeError' ? 'UFuncTypeError' : (e as Error).name, message: (e as Error).message };
  }
}

describeWithNumpy("gufunc out: NumPy's results and words", () => {
  let numpy: Answer[];
  beforeAll(() => {
    numpy = runNumpy<Answer[]>(`
import sys
def plain(v):
    if isinstance(v, list):
        return [plain(x) for x in v]
    if isinstance(v, complex):
        return [v.real, v.imag]
    return v
out = []
for src in json.loads(sys.stdin.read()):
    try:
        r = eval(src)
        out.append({'dtype': r.dtype.str, 'shape': list(r.shape), 'values': plain(r.tolist())})
    except Exception as e:
        out.append({'error': type(e).__name__, 'message': str(e)})
print(json.dumps(out))
`, JSON.stringify(CASES.map((c) => c[1])));
  });

  test.each(CASES.map(([what, , js], i) => [what, js, i] as const))('%s', (_what, js, i) => {
    expect(answer(js)).toEqual(numpy[i]);
  });
});

describe('gufunc out', () => {
  test('the result is stored in out and out is returned', () => {
    const out = mm.zeros([2]);
    const r = mm.matvec(mm.array([[1, 2], [3, 4]]), mm.array([1, 1]), { out });
    expect(r).toBe(out);
    expect(out.toArray()).toEqual([3, 7]);
  });

  test('an out that is one of the inputs gets the result as if the inputs were copied first', () => {
    const v = mm.array([1, 1], 'f8');
    mm.matvec(mm.array([[1, 2], [3, 4]], 'f8'), v, { out: v });
    expect(v.toArray()).toEqual([3, 7]);
    const w = mm.array([1, 2], 'f8');
    mm.vecmat(w, mm.array([[1, 2], [3, 4]], 'f8'), { out: w });
    expect(w.toArray()).toEqual([7, 10]);
  });

  test('a read-only out is refused before anything is computed, in NumPy\'s words', () => {
    const out = mm.zeros([2]);
    out.flags.writeable = false;
    expect(() => mm.matvec(mm.ones([2, 2]), mm.ones([2]), { out })).toThrow(AccessError);
    expect(() => mm.vecmat(mm.ones([2]), mm.ones([2, 2]), { out })).toThrow('output array is read-only');
    expect(() => mm.vecdot(mm.ones([2, 2]), mm.ones([2]), { out })).toThrow('output array is read-only');
    expect(out.toArray()).toEqual([0, 0]);
  });

  test('an unknown option is a TypeError (it was silently ignored), and linalg.vecdot takes only axis', () => {
    expect(() => mm.matvec(mm.ones([2, 2]), mm.ones([2]), { outt: mm.zeros([2]) } as never)).toThrow("matvec() got an unexpected keyword argument 'outt'");
    expect(() => mm.linalg.vecdot(mm.ones([2]), mm.ones([2]), { out: mm.zeros([]) } as never)).toThrow("vecdot() got an unexpected keyword argument 'out'");
    expect(mm.linalg.vecdot(mm.ones([2, 2]), mm.ones([2]), { axis: 0 }).toArray()).toEqual([2, 2]);
  });

  test('dot and outer take out positionally (NumPy) or as { out }', () => {
    const o = mm.zeros([]);
    expect(mm.dot(mm.ones([3]), mm.ones([3]), { out: o })).toBe(o);
    expect(o.get()).toBe(3);
    const p = mm.zeros([2, 2]);
    expect(mm.outer(mm.ones([2]), mm.ones([2]), { out: p })).toBe(p);
    expect(p.toArray()).toEqual([[1, 1], [1, 1]]);
    expect(() => mm.dot(mm.ones([3]), mm.ones([3]), { into: o } as never)).toThrow(TypeError);
  });
});
