// NumPy 2's array-API functions of np.linalg (lib/linalg-array-api.ts):
// each case beside NumPy's answer, computed here: shape, dtype, values (to
// 1e-12 relative), strides where the result is a view, and for bad input
// the error's class and message.
import * as lib from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

const { linalg } = lib;

interface Answer {
  shape?: number[];
  dtype?: string;
  values?: number[];
  strides?: number[];
  error?: [string, string];
}

// [name, NumPy expression (a, b, v, c: the inputs below), our call]
const CASES: [string, string, () => lib.NdArray][] = [];
const a = lib.arange(24, 'f8').reshape(2, 3, 4);
const b = lib.arange(1, 10, 1, 'f8').reshape(3, 3).add(lib.eye(3).multiply(10));
const v = lib.asarray([1, 2, 3], 'f8');
const c = lib.asarray([[1, 2], [3, 4]], 'i4');
const T = lib.arange(1, 17, 1, 'f8').reshape(2, 2, 2, 2).add(lib.eye(4).multiply(20).reshape(2, 2, 2, 2));
const NP_INPUTS = `
a = np.arange(24.).reshape(2, 3, 4)
b = np.arange(1., 10.).reshape(3, 3) + np.eye(3) * 10
v = np.array([1., 2., 3.])
c = np.array([[1, 2], [3, 4]], 'i4')
T = np.arange(1., 17.).reshape(2, 2, 2, 2) + (np.eye(4) * 20).reshape(2, 2, 2, 2)
`;
const add = (name: string, py: string, js: () => lib.NdArray): void => {
  CASES.push([name, py, js]);
};
add('diagonal', 'L.diagonal(a)', () => linalg.diagonal(a));
add('diagonal offset 1', 'L.diagonal(a, offset=1)', () => linalg.diagonal(a, { offset: 1 }));
add('diagonal offset -2', 'L.diagonal(a, offset=-2)', () => linalg.diagonal(a, { offset: -2 }));
add('diagonal of 1-d', 'L.diagonal(v)', () => linalg.diagonal(v));
add('trace', 'L.trace(a)', () => linalg.trace(a));
add('trace offset', 'L.trace(a, offset=1)', () => linalg.trace(a, { offset: 1 }));
add('trace int', 'L.trace(c)', () => linalg.trace(c));
add('trace dtype', "L.trace(c, dtype='f4')", () => linalg.trace(c, { dtype: 'f4' }));
add('matrix_transpose', 'L.matrix_transpose(a)', () => linalg.matrixTranspose(a));
add('matrix_transpose of 1-d', 'L.matrix_transpose(v)', () => linalg.matrixTranspose(v));
add('vecdot', 'L.vecdot(a, a)', () => linalg.vecdot(a, a));
add('vecdot axis 1', 'L.vecdot(a, a, axis=1)', () => linalg.vecdot(a, a, { axis: 1 }));
add('outer', 'L.outer(v, v)', () => linalg.outer(v, v));
add('outer of 2-d', 'L.outer(b, v)', () => linalg.outer(b, v));
add('cross', 'L.cross(b, v)', () => linalg.cross(b, v));
add('cross axis 0', 'L.cross(b, b, axis=0)', () => linalg.cross(b, b, { axis: 0 }));
add('cross of 2-vectors', 'L.cross(c, c)', () => linalg.cross(c, c));
add('cross axis out of range', 'L.cross(b, v, axis=2)', () => linalg.cross(b, v, { axis: 2 }));
add('matrix_norm', 'L.matrix_norm(a)', () => linalg.matrixNorm(a));
add('matrix_norm keepdims', 'L.matrix_norm(a, keepdims=True)', () => linalg.matrixNorm(a, { keepdims: true }));
add('matrix_norm ord 1', 'L.matrix_norm(a, ord=1)', () => linalg.matrixNorm(a, { ord: 1 }));
add('matrix_norm nuc', "L.matrix_norm(b, ord='nuc')", () => linalg.matrixNorm(b, { ord: 'nuc' }));
add('matrix_norm inf', 'L.matrix_norm(a, ord=np.inf)', () => linalg.matrixNorm(a, { ord: Infinity }));
add('matrix_norm of 1-d', 'L.matrix_norm(v)', () => linalg.matrixNorm(v));
add('vector_norm', 'L.vector_norm(a)', () => linalg.vectorNorm(a));
add('vector_norm keepdims', 'L.vector_norm(a, keepdims=True)', () => linalg.vectorNorm(a, { keepdims: true }));
add('vector_norm axis', 'L.vector_norm(a, axis=1)', () => linalg.vectorNorm(a, { axis: 1 }));
add('vector_norm axis -1 keepdims', 'L.vector_norm(a, axis=-1, keepdims=True)', () => linalg.vectorNorm(a, { axis: -1, keepdims: true }));
add('vector_norm two axes', 'L.vector_norm(a, axis=(0, 2))', () => linalg.vectorNorm(a, { axis: [0, 2] }));
add('vector_norm two axes keepdims', 'L.vector_norm(a, axis=(2, 0), keepdims=True)', () => linalg.vectorNorm(a, { axis: [2, 0], keepdims: true }));
add('vector_norm three axes', 'L.vector_norm(a, axis=(0, 1, 2), ord=1)', () => linalg.vectorNorm(a, { axis: [0, 1, 2], ord: 1 }));
add('vector_norm ord inf', 'L.vector_norm(a, axis=(0, 1), ord=np.inf)', () => linalg.vectorNorm(a, { axis: [0, 1], ord: Infinity }));
add('vector_norm ord 0', 'L.vector_norm(c - 1, ord=0)', () => linalg.vectorNorm(lib.subtract(c, 1), { ord: 0 }));
add('vector_norm ord 3', 'L.vector_norm(a, ord=3)', () => linalg.vectorNorm(a, { ord: 3 }));
add('vector_norm of 0-d', 'L.vector_norm(np.float64(-3))', () => linalg.vectorNorm(lib.asarray(-3, 'f8')));
add('vector_norm repeated axis', 'L.vector_norm(a, axis=(1, -2))', () => linalg.vectorNorm(a, { axis: [1, -2] }));
add('vector_norm axis out of range', 'L.vector_norm(a, axis=(0, 3))', () => linalg.vectorNorm(a, { axis: [0, 3] }));
add('vector_norm int', 'L.vector_norm(c)', () => linalg.vectorNorm(c));
add('tensorinv', 'L.tensorinv(T)', () => linalg.tensorinv(T));
add('tensorinv ind 1', 'L.tensorinv(b, ind=1)', () => linalg.tensorinv(b, 1));
add('tensorinv ind 0', 'L.tensorinv(b, ind=0)', () => linalg.tensorinv(b, 0));
add('tensorinv not square', 'L.tensorinv(a, ind=1)', () => linalg.tensorinv(a, 1));
add('tensorinv fractional ind', 'L.tensorinv(T, ind=1.5)', () => linalg.tensorinv(T, 1.5));
add('tensorsolve', 'L.tensorsolve(T, np.arange(4.).reshape(2, 2))', () => linalg.tensorsolve(T, lib.arange(4, 'f8').reshape(2, 2)));
add('tensorsolve axes', 'L.tensorsolve(T, np.arange(4.).reshape(2, 2), axes=(0,))', () => linalg.tensorsolve(T, lib.arange(4, 'f8').reshape(2, 2), [0]));
add('tensorsolve vector', 'L.tensorsolve(b, v)', () => linalg.tensorsolve(b, v));
add('tensorsolve bad shapes', 'L.tensorsolve(a, v)', () => linalg.tensorsolve(a, v));
add('tensorsolve axis a lacks', 'L.tensorsolve(T, np.ones((2, 2)), axes=(5,))', () => linalg.tensorsolve(T, lib.ones([2, 2]), [5]));
add('tensorsolve b with more axes', 'L.tensorsolve(np.eye(4), np.ones((2, 2, 2)))', () => linalg.tensorsolve(lib.eye(4), lib.ones([2, 2, 2])));

describeWithNumpy('np.linalg\'s array-API functions, as NumPy 2 answers them', () => {
  const script = `${NP_INPUTS}
L = np.linalg
out = {}
def run(name, f):
    try:
        r = np.asarray(f())
        d = {'shape': list(r.shape), 'dtype': r.dtype.str, 'values': [float(x) for x in r.ravel()]}
        if r.base is not None:
            d['strides'] = list(r.strides)
        out[name] = d
    except Exception as e:
        out[name] = {'error': [type(e).__name__, str(e)]}
${CASES.map(([name, py]) => `run(${JSON.stringify(name)}, lambda: ${py})`).join('\n')}
print(json.dumps(out))`;
  const want = runNumpy<Record<string, Answer>>(script);

  test.each(CASES.map(([name, , js]) => [name, js] as const))('%s', (name, js) => {
    const w = want[name];
    let r: lib.NdArray;
    try {
      r = js();
    } catch (e) {
      const err = e as Error;
      // NumPy's AxisError and IndexError are ours (Python's IndexError of a tuple index too).
      expect([err.constructor.name, err.message]).toEqual(w.error);
      return;
    }
    expect(w.error).toBeUndefined();
    expect(r.shape).toEqual(w.shape);
    expect(r.dtype.str).toBe(w.dtype);
    if (w.strides !== undefined) expect(r.strides).toEqual(w.strides);
    const got = (r.ndim === 0 ? [r.get()] : (r.reshape(-1).toArray() as unknown[])).map(Number);
    expect(got.length).toBe(w.values!.length);
    got.forEach((x, i) => expect(Math.abs(x - w.values![i])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(w.values![i]))));
  });
});
