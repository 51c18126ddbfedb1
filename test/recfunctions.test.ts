// structuredToUnstructured / unstructuredToStructured (lib/recfunctions.ts)
// against numpy.lib.recfunctions at run time: shape, strides, dtype, values
// and view-or-copy for packed, nested, subarray, padded, reversed and
// byte-swapped records, and the round trip; writes through a view.
import * as mm from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

type Fields = unknown;
const RECORDS: Fields[] = [
  [['x', '<f8'], ['y', '<f8'], ['z', '<f8']],
  [['x', '<f4'], ['y', '<f8']],
  [['a', '<i4'], ['b', [['c', '<i4'], ['d', '<i4']]]],
  [['a', '<f8', [2]], ['b', '<f8']],
  { names: ['x', 'y'], formats: ['<i2', '<i2'], offsets: [4, 0], itemsize: 8 },
  { names: ['x', 'y', 'z'], formats: ['<i2', '<i2', '<i2'], offsets: [0, 4, 8], itemsize: 12 },
  [['a', '>i4'], ['b', '>i4']],
  [['a', '|u1'], ['b', '<i8'], ['c', '|b1']],
];
const OPTIONS = [{}, { copy: true }, { dtype: '<f8' }, { dtype: '<i2' }];

interface Outcome {
  ok: boolean;
  shape?: number[];
  strides?: number[];
  dt?: string;
  hex?: string;
  view?: boolean;
  back?: string;
  err?: string;
}

describeWithNumpy('structuredToUnstructured and unstructuredToStructured against NumPy', () => {
  test('every record layout and option: shape, strides, dtype, values, view or copy, and the round trip', () => {
    const want = runNumpy<{ input: string[]; out: Outcome[][] }>(`
import warnings
warnings.simplefilter('ignore')
from numpy.lib import recfunctions as rf
def dt(d):
    return np.dtype(d) if isinstance(d, dict) else np.dtype([tuple(f[:1]) + (dt(f[1]) if isinstance(f[1], list) else f[1],) + tuple(tuple(x) for x in f[2:]) for f in d])
inputs, out = [], []
for d in json.loads(${JSON.stringify(JSON.stringify(RECORDS))}):
    t = dt(d)
    a = np.frombuffer((np.arange(4 * t.itemsize) % 251).astype('u1').tobytes(), t).copy()
    inputs.append(a.tobytes().hex())
    row = []
    for kw in json.loads(${JSON.stringify(JSON.stringify(OPTIONS))}):
        try:
            u = rf.structured_to_unstructured(a, **kw)
            back = rf.unstructured_to_structured(u, t)
            row.append({'ok': True, 'shape': list(u.shape), 'strides': list(u.strides), 'dt': u.dtype.str, 'hex': np.ascontiguousarray(u).tobytes().hex(),
                        'view': bool(np.shares_memory(u, a)), 'back': np.ascontiguousarray(rf.structured_to_unstructured(back)).tobytes().hex()})
        except Exception as e:
            row.append({'ok': False, 'err': type(e).__name__})
    out.append(row)
print(json.dumps({'input': inputs, 'out': out}))`);
    RECORDS.forEach((spec, i) => {
      const t = mm.dtype(spec as never);
      const a = mm.ndarray([4], t, new Uint8Array(Buffer.from(want.input[i], 'hex'))).copy();
      OPTIONS.forEach((kw, j) => {
        let got: Outcome;
        try {
          const u = mm.structuredToUnstructured(a, kw as never);
          const back = mm.unstructuredToStructured(u, { dtype: t });
          got = {
            ok: true, shape: [...u.shape], strides: [...u.strides], dt: u.dtype.str, hex: Buffer.from(mm.ascontiguousarray(u).tobytes()).toString('hex'),
            view: mm.sharesMemory(u, a), back: Buffer.from(mm.ascontiguousarray(mm.structuredToUnstructured(back)).tobytes()).toString('hex'),
          };
        } catch (e) {
          got = { ok: false, err: (e as Error).name };
        }
        expect([i, j, got]).toEqual([i, j, want.out[i][j]]);
      });
    });
  });

  test('default record from the last axis: names, an explicit dtype with a subarray field, NumPy\'s refusals', () => {
    const want = runNumpy<unknown[]>(`
from numpy.lib import recfunctions as rf
u = np.arange(6, dtype='<i4').reshape(2, 3)
out = []
for kw in [{}, {'names': ['p', 'q', 'r']}, {'dtype': [('a', '<f8'), ('b', '<i2', (2,))]}, {'dtype': [('a', '<i4'), ('b', '<i4')]}, {'dtype': 'i4', 'names': ['a']}]:
    try:
        s = rf.unstructured_to_structured(u, **kw)
        out.append([list(s.shape), s.dtype.names, s.tobytes().hex()])
    except Exception as e:
        out.append([type(e).__name__, str(e)])
for a in [np.zeros(3), np.zeros((), 'i4')]:
    try: rf.structured_to_unstructured(a) if a.ndim else rf.unstructured_to_structured(a)
    except Exception as e: out.append([type(e).__name__, str(e)])
print(json.dumps(out))`);
    const u = mm.arange(6).astype('<i4').reshape([2, 3]);
    const got: unknown[] = [];
    for (const kw of [{}, { names: ['p', 'q', 'r'] }, { dtype: [['a', '<f8'], ['b', '<i2', [2]]] }, { dtype: [['a', '<i4'], ['b', '<i4']] }, { dtype: 'i4', names: ['a'] }]) {
      try {
        const s = mm.unstructuredToStructured(u, kw as never);
        got.push([[...s.shape], s.dtype.names, Buffer.from(s.tobytes()).toString('hex')]);
      } catch (e) {
        got.push([(e as Error).name, (e as Error).message]);
      }
    }
    for (const f of [() => mm.structuredToUnstructured(mm.zeros([3])), () => mm.unstructuredToStructured(mm.zeros([], 'i4'))]) {
      try {
        f();
      } catch (e) {
        got.push([(e as Error).name, (e as Error).message]);
      }
    }
    expect(got).toEqual(want);
  });
});

test('a view of the records: writes through it reach the records', () => {
  const pts = mm.zeros([3], [['x', '<f8'], ['y', '<f8'], ['z', '<f8']]);
  const xyz = mm.structuredToUnstructured(pts);
  expect([xyz.shape, xyz.strides, mm.sharesMemory(xyz, pts)]).toEqual([[3, 3], [24, 8], true]);
  xyz.index(':, 1').set(mm.array([1.5, 2.5, 3.5]));
  expect(pts.field('y').toArray()).toEqual([1.5, 2.5, 3.5]);
});

test("every refusal in NumPy's words (and its class)", () => {
  const rec = mm.zeros(2, [['a', '<i4'], ['b', '<i4']]);
  const empty = mm.zeros(3, mm.dtype([] as never));
  const cases: [() => unknown, string, string][] = [
    [() => mm.structuredToUnstructured(mm.zeros([3])), 'ValueError', 'arr must be a structured array'],
    [() => mm.structuredToUnstructured(empty), 'ValueError', 'arr has no fields. Unable to guess dtype'],
    [() => mm.structuredToUnstructured(empty, { dtype: 'i4' }), 'NotImplementedError', 'arr with no fields is not supported'],
    [() => mm.structuredToUnstructured([1, 2] as never), 'TypeError', 'structuredToUnstructured(): arr must be an NdArray'],
    [() => mm.unstructuredToStructured(mm.zeros([], 'i4')), 'ValueError', 'arr must have at least one dimension'],
    [() => mm.unstructuredToStructured(mm.zeros([3, 0], 'i4')), 'NotImplementedError', 'last axis with size 0 is not supported'],
    [() => mm.unstructuredToStructured(mm.zeros([2, 3], 'i4'), { dtype: rec.dtype }), 'ValueError', 'The length of the last dimension of arr must be equal to the number of fields in dtype'],
    [() => mm.unstructuredToStructured(mm.zeros([2, 2], 'i4'), { dtype: rec.dtype, names: ['x', 'y'] }), 'ValueError', "don't supply both dtype and names"],
    [() => mm.unstructuredToStructured(mm.zeros([2, 2], 'i4'), { dtype: mm.dtype({ names: ['a', 'b'], formats: ['u1', '<i4'] } as never), align: true }), 'ValueError', 'align was True but dtype is not aligned'],
  ];
  for (const [f, cls, msg] of cases) {
    let e: Error | null = null;
    try {
      f();
    } catch (x) {
      e = x as Error;
    }
    expect([e?.name, e?.message]).toEqual([cls, msg]);
  }
});
