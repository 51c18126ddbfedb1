// tobytes against NumPy's ndarray.tobytes: the same bytes for every layout
// and order; item(), flatten() and array(..., { ndmin }) against NumPy too.
import * as lib from '../lib';
import { array } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { INPUTS_PY, expectLikeNumpy, inputs } from './helpers/np-shape';

type Out = { ok: unknown } | { error: string; message: string };

function ours(f: () => unknown): Out {
  try {
    const v = f();
    return { ok: typeof v === 'bigint' ? Number(v) : v };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

function numpy(exprs: string[]): Out[] {
  return runNumpy<Out[]>(`${INPUTS_PY}
out = []
for e in json.load(sys.stdin):
    try:
        v = eval(e)
        out.append({'ok': v.hex() if isinstance(v, bytes) else v})
    except Exception as ex:
        out.append({'error': type(ex).__name__, 'message': str(ex)})
print(json.dumps(out))
`, JSON.stringify(exprs));
}

describeWithNumpy('tobytes, item, flatten, ndmin against NumPy', () => {
  const I = inputs(lib);
  test('tobytes: C, F, A and K of contiguous, transposed, strided, big-endian, 0-d and empty arrays', () => {
    const cases: [string, () => unknown][] = [];
    for (const n of ['A', 'B', 'T', 'S', 'Z', 'E', 'U', 'F'] as const) {
      for (const o of ['C', 'F', 'A', 'K'] as const) cases.push([`${n}.tobytes(order='${o}')`, () => I[n].tobytes(o).toString('hex')]);
    }
    cases.push([`A.tobytes(order='X')`, () => I.A.tobytes('X' as never).toString('hex')]);
    const want = numpy(cases.map((c) => c[0]));
    cases.forEach(([py, f], i) => expect({ py, ...ours(f) }).toEqual({ py, ...want[i] }));
  });

  test('item: no index, a flat index, one index per axis, errors', () => {
    const cases: [string, () => unknown][] = [
      ['Z.item()', () => I.Z.item()],
      ['A.item(5)', () => I.A.item(5)],
      ['A.item(-1)', () => I.A.item(-1)],
      ['T.item(5)', () => I.T.item(5)],
      ['S.item(3)', () => I.S.item(3)],
      ['A.item(1, 2, 3)', () => I.A.item(1, 2, 3)],
      ['A.item((1, 2, 3))', () => I.A.item([1, 2, 3])],
      ['B.item(1, -1)', () => I.B.item(1, -1)],
      ['A.item()', () => I.A.item()],
      ['A.item(24)', () => I.A.item(24)],
      ['A.item(1, 2)', () => I.A.item(1, 2)],
      ['V.item(-11)', () => I.V.item(-11)],
    ];
    const want = numpy(cases.map((c) => c[0]));
    cases.forEach(([py, f], i) => expect({ py, ...ours(f) }).toEqual({ py, ...want[i] }));
  });

  test('flatten and array(..., ndmin) give NumPy\'s arrays', () => {
    expectLikeNumpy(
      [
        ['A.flatten()', () => I.A.flatten(), 'A'],
        ["T.flatten('F')", () => I.T.flatten('F'), 'T'],
        ["F.flatten('A')", () => I.F.flatten('A'), 'F'],
        ["S.flatten('K')", () => I.S.flatten('K'), 'S'],
        ['np.array([1, 2], ndmin=3)', () => array([1, 2], null, { ndmin: 3 })],
        ['np.array(5.5, ndmin=2)', () => array(5.5, null, { ndmin: 2 })],
        ['np.array(B, ndmin=1)', () => array(I.B, null, { ndmin: 1 })],
        ['np.array(V, ndmin=2, copy=False)', () => array(I.V, null, { ndmin: 2, copy: false }), 'V'],
        ['np.array(V, ndmin=65)', () => array(I.V, null, { ndmin: 65 })],
      ],
      I,
    );
  });
});

test('array(..., { ndmin }) refuses a count of axes that is not an integer, naming the option', () => {
  expect(() => array([1, 2], null, { ndmin: 1.5 })).toThrow(/^array\(\): ndmin must be an integer, got 1\.5$/);
  expect(() => array([1, 2], null, { ndmin: '2' as never })).toThrow(TypeError);
});
