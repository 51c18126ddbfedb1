// ndindex / ndenumerate against NumPy's: the same indices in the same order,
// the same values, whatever the array's layout.
import * as lib from '../lib';
import { ndenumerate, ndindex } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { INPUTS_PY, inputs } from './helpers/np-shape';

const norm = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v);

describeWithNumpy('ndindex and ndenumerate against NumPy', () => {
  test('ndindex: shapes as arguments or one list, 0-d, zero-length axes', () => {
    const shapes: number[][] = [[2, 3], [3], [], [2, 0, 3], [1, 1, 2], [2, 2, 2]];
    const want = runNumpy<number[][][]>(`print(json.dumps([[list(i) for i in np.ndindex(*s)] for s in json.load(sys.stdin)]))`, JSON.stringify(shapes));
    shapes.forEach((s, i) => {
      expect([...ndindex(...s)]).toEqual(want[i]);
      expect([...ndindex(s)]).toEqual(want[i]);
    });
  });

  test('ndenumerate: indices and values of strided, transposed and 0-d arrays', () => {
    const I = inputs(lib);
    const names = ['A', 'T', 'S', 'Z', 'B', 'E'] as const;
    const want = runNumpy<[number[], number][][]>(`${INPUTS_PY}\nprint(json.dumps([[[list(i), v.item()] for i, v in np.ndenumerate(eval(n))] for n in json.load(sys.stdin)]))`, JSON.stringify(names));
    names.forEach((n, i) => {
      expect([...ndenumerate(I[n])].map(([idx, v]) => [idx, norm(v)])).toEqual(want[i]);
    });
  });
});

test('ndindex checks its shape at the call; each index is a fresh array', () => {
  expect(() => ndindex(2, -1)).toThrow(lib.ValueError);
  expect(() => ndindex(2.5)).toThrow(TypeError);
  const all = [...ndindex(2, 2)];
  all[0][0] = 9;
  expect(all[1]).toEqual([0, 1]);
  expect(() => ndenumerate([1, 2] as never)).toThrow(TypeError);
});
