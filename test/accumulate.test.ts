// maximumAccumulate / minimumAccumulate against NumPy's np.maximum.accumulate
// and np.minimum.accumulate: dtypes (ints, uint64, bool, float16, >f8,
// complex), axes, F-ordered and reversed input (result strides), NaN
// propagation, signed-zero ties, dtype=, empty input, and the errors.
import * as mm from '../lib';
import * as npc from './helpers/np-compare';
import { arange, array, fromBuffer, maximumAccumulate, minimumAccumulate, UFuncTypeError, zeros, type NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { bytesOf } from './workloads/harness';
import { ORDER_VIEWS, expectLayoutsLikeNumpy, jsView, pyView, type LayoutCase } from './helpers/np-layout';

type Res = { dtype: string; shape: number[]; strides: number[]; hex: string } | { error: string; message: string };

function show(a: NdArray): Res {
  return { dtype: a.dtype.str, shape: [...a.shape], strides: [...a.strides], hex: Buffer.from(bytesOf(a)).toString('hex') };
}

const DTYPES = ['<i1', '<u2', '<i4', '<i8', '<u8', '|b1', '<f2', '<f4', '<f8', '>f8', '<c16'];

describeWithNumpy('maximumAccumulate / minimumAccumulate against NumPy', () => {
  const want = runNumpy<{ inputs: Record<string, string>; res: Record<string, Res> }>(`
rng = np.random.default_rng(4)
base = rng.normal(0, 40, (5, 6))
base[2, 3] = np.nan
base[0, 1] = -0.0
base[1, 1] = 0.0
inputs, res = {}, {}
def show(r):
    return {'dtype': r.dtype.str, 'shape': list(r.shape), 'strides': list(r.strides), 'hex': np.ascontiguousarray(r).tobytes().hex()}
def run(name, f):
    try:
        res[name] = show(f())
    except Exception as e:
        res[name] = {'error': type(e).__name__, 'message': str(e)}
for dt in ${JSON.stringify(DTYPES)}:
    d = np.dtype(dt)
    x = (base > 0) if d.kind == 'b' else (np.nan_to_num(np.abs(base)) if d.kind in 'iu' else (base if d.kind != 'i' else np.nan_to_num(base))).astype(d)
    if d.kind in 'iu' and d.kind == 'i':
        x = np.nan_to_num(base).astype(d)
    if d.kind == 'c':
        x = (base + 1j * base[::-1]).astype(d)
    inputs[dt] = x.tobytes().hex()
    for name, f in (('max', np.maximum), ('min', np.minimum)):
        run(f'{dt} {name} 0', lambda: f.accumulate(x))
        run(f'{dt} {name} 1', lambda: f.accumulate(x, axis=1))
        run(f'{dt} {name} -1 F', lambda: f.accumulate(np.asfortranarray(x), axis=-1))
        run(f'{dt} {name} 0 rev', lambda: f.accumulate(x[::-1, ::2], axis=0))
run('dtype f4', lambda: np.maximum.accumulate(np.arange(12, dtype='u1').reshape(3, 4), axis=1, dtype='f4'))
run('zeros', lambda: np.maximum.accumulate(np.array([-0.0, 0.0, -0.0])))
run('zeros min', lambda: np.minimum.accumulate(np.array([0.0, -0.0, 0.0])))
run('empty', lambda: np.maximum.accumulate(np.zeros((0, 3))))
run('scalar', lambda: np.maximum.accumulate(np.array(3.0)))
run('none', lambda: np.maximum.accumulate(np.zeros((2, 3)), axis=None))
run('axis', lambda: np.maximum.accumulate(np.zeros((2, 3)), axis=2))
print(json.dumps({'inputs': inputs, 'res': res}))
`);
  const x = (dt: string): NdArray => fromBuffer(new Uint8Array(Buffer.from(want.inputs[dt], 'hex')).buffer, dt as never).reshape(5, 6);
  const got = (f: () => NdArray): Res => {
    try {
      return show(f());
    } catch (e) {
      return { error: (e as Error).name, message: (e as Error).message };
    }
  };
  test.each(DTYPES)('%s: axes, F order, reversed input', (dt) => {
    for (const [name, f] of [['max', maximumAccumulate], ['min', minimumAccumulate]] as const) {
      expect({ k: `${dt} ${name} 0`, r: got(() => f(x(dt))) }).toEqual({ k: `${dt} ${name} 0`, r: want.res[`${dt} ${name} 0`] });
      expect({ k: `${dt} ${name} 1`, r: got(() => f(x(dt), 1)) }).toEqual({ k: `${dt} ${name} 1`, r: want.res[`${dt} ${name} 1`] });
      expect({ k: `${dt} ${name} -1 F`, r: got(() => f(x(dt).copy('F'), -1)) }).toEqual({ k: `${dt} ${name} -1 F`, r: want.res[`${dt} ${name} -1 F`] });
      expect({ k: `${dt} ${name} 0 rev`, r: got(() => f(x(dt).index('::-1, ::2'), 0)) }).toEqual({ k: `${dt} ${name} 0 rev`, r: want.res[`${dt} ${name} 0 rev`] });
    }
  });
  test('dtype option, signed zeros, empty input and errors', () => {
    expect(got(() => maximumAccumulate(arange(12, 'u1').reshape(3, 4), 1, { dtype: 'f4' }))).toEqual(want.res['dtype f4']);
    expect(got(() => maximumAccumulate(array([-0.0, 0.0, -0.0])))).toEqual(want.res.zeros);
    expect(got(() => minimumAccumulate(array([0.0, -0.0, 0.0])))).toEqual(want.res['zeros min']);
    expect(got(() => maximumAccumulate(array([], 'f8').reshape(0, 3)))).toEqual(want.res.empty);
    expect(got(() => maximumAccumulate(array(3.0)))).toEqual(want.res.scalar);
    expect(got(() => maximumAccumulate(array([[0, 0, 0], [0, 0, 0]], 'f8'), null))).toEqual(want.res.none);
    expect(got(() => maximumAccumulate(array([[0, 0, 0], [0, 0, 0]], 'f8'), 2))).toEqual(want.res.axis);
    expect(() => maximumAccumulate(array([1.5]), 0, { out: null } as never)).toThrow(/unexpected keyword argument 'out'/);
  });
});

describeWithNumpy('accumulate: found by the differential fuzzer (seeds 6001744, 6001970)', () => {
  test("axis null is the one axis of a 1-d array; records have no loop (NumPy's TypeError)", () => {
    npc.expectCasesLikeNumpy([
      { py: 'np.maximum.accumulate(np.array([3, 1, 5, 2], np.int8), axis=None)', js: () => mm.maximumAccumulate(mm.array([3, 1, 5, 2], 'i1'), null) },
      { py: "np.minimum.accumulate(np.array([3, 1, 5]), axis=None, dtype='f4')", js: () => mm.minimumAccumulate(mm.array([3, 1, 5]), null, { dtype: 'f4' }) },
      { py: 'np.maximum.accumulate(np.ones((2, 2)), axis=None)', js: () => mm.maximumAccumulate(mm.ones([2, 2]), null) },
      { py: "np.minimum.accumulate(np.zeros(3, [('a', '<i8')]))", js: () => mm.minimumAccumulate(mm.zeros([3], { names: ['a'], formats: ['<i8'] } as never)) },
    ]);
  });
});

describeWithNumpy("accumulate: the result laid out as NumPy's iterator allocates it (fuzz pass 9)", () => {
  test('every axis of transposed, reversed, strided and broadcast inputs (a broadcast axis keeps its place)', () => {
    const cases: LayoutCase[] = [];
    for (const v of ORDER_VIEWS) {
      for (let ax = 0; ax < jsView(v).ndim; ax++) {
        cases.push({ py: `np.maximum.accumulate(${pyView(v)}, axis=${ax})`, js: () => maximumAccumulate(jsView(v), ax) });
        cases.push({ py: `np.minimum.accumulate(${pyView(v)}, axis=${ax}, dtype='f4')`, js: () => minimumAccumulate(jsView(v), ax, { dtype: 'f4' }) });
      }
    }
    expectLayoutsLikeNumpy(cases);
  });
});

describe('maximumAccumulate with a dtype records cannot cast to (fuzz seed 9440867)', () => {
  test("NumPy's UFuncTypeError, empty arrays included; one field casts", () => {
    const two = [['a', '<f4'], ['b', '<u2']] as never;
    for (const shape of [[0, 2], [2, 2]]) {
      expect(() => maximumAccumulate(zeros(shape, two), -1, { dtype: 'f8' })).toThrow(
        new UFuncTypeError("Cannot cast ufunc 'maximum' input 0 from dtype([('a', '<f4'), ('b', '<u2')]) to dtype('float64') with casting rule 'unsafe'"),
      );
      expect(() => minimumAccumulate(zeros(shape, two), -1, { dtype: 'f8' })).toThrow(UFuncTypeError);
      expect(maximumAccumulate(zeros(shape, [['a', '<f4']] as never), -1, { dtype: 'f8' }).dtype.str).toBe('<f8');
    }
  });
});

describeWithNumpy("accumulate: NumPy's order of errors, the axes before the loop (fuzz seed 12147525)", () => {
  test('axis out of range before a record array\'s missing loop; lists of axes checked item by item; 0-d arrays', () => {
    const rec = "np.zeros((2, 3), dtype=[('a', '?')])";
    const jrec = (): NdArray => zeros([2, 3], { names: ['a'], formats: ['?'] } as never);
    const acc = (a: NdArray, axis: unknown): NdArray => minimumAccumulate(a, axis as never);
    npc.expectCasesLikeNumpy([
      { py: `np.minimum.accumulate(${rec}, axis=7)`, js: () => acc(jrec(), 7) },
      { py: `np.minimum.accumulate(${rec}, axis=None)`, js: () => acc(jrec(), null) },
      { py: `np.minimum.accumulate(${rec}, axis=(0, 1))`, js: () => acc(jrec(), [0, 1]) },
      { py: `np.minimum.accumulate(${rec}, axis=0)`, js: () => acc(jrec(), 0) },
      { py: 'np.minimum.accumulate(np.zeros((2, 3)), axis=(0, 5))', js: () => acc(zeros([2, 3]), [0, 5]) },
      { py: 'np.minimum.accumulate(np.zeros((2, 3)), axis=(0, 1))', js: () => acc(zeros([2, 3]), [0, 1]) },
      { py: 'np.minimum.accumulate(np.zeros((2, 3)), axis=(-1,))', js: () => acc(zeros([2, 3]), [-1]) },
      { py: 'np.maximum.accumulate(np.zeros(()), axis=7)', js: () => maximumAccumulate(zeros([]), 7) },
      { py: 'np.maximum.accumulate(np.zeros(()), axis=-1)', js: () => maximumAccumulate(zeros([]), -1) },
      { py: 'np.maximum.accumulate(np.zeros(()), axis=(0,))', js: () => maximumAccumulate(zeros([]), [0] as never) },
      { py: 'np.maximum.accumulate(np.zeros(()), axis=None)', js: () => maximumAccumulate(zeros([]), null) },
      { py: 'np.maximum.accumulate(np.arange(3.), axis=None)', js: () => maximumAccumulate(arange(3).astype('f8'), null) },
    ]);
  });
});
