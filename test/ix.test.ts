// ix_ (lib/ix.ts) against NumPy: shapes, dtypes and values of the reshaped
// index arrays for int, bool and empty sequences; indexing with them picks
// NumPy's cross-product block; an NdArray argument is reshaped as a view;
// NumPy's error for a non-1-d argument.
import { arange, array, ix_, ValueError, zeros } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

const plain = (v: unknown): unknown => (Array.isArray(v) ? v.map(plain) : typeof v === 'bigint' ? Number(v) : v);

describeWithNumpy('ix_ against NumPy', () => {
  test('int, bool and empty arguments: shapes, dtypes, values, and the block they index', () => {
    const want = runNumpy<unknown>(`
a = np.arange(30).reshape(5, 6)
r = np.ix_([0, 3, 4], [True, False, True, False, False, True])
e = np.ix_([], np.array([1, 2], 'u1'), [2])
print(json.dumps({'r': [[list(x.shape), x.dtype.str, x.tolist()] for x in r], 'block': a[r].tolist(), 'e': [[list(x.shape), x.dtype.str] for x in e]}))
`);
    const a = arange(30).reshape(5, 6);
    const r = ix_([0, 3, 4], [true, false, true, false, false, true]);
    const e = ix_([], array([1, 2], 'u1'), [2]);
    expect({
      r: r.map((x) => [x.shape, x.dtype.str, plain(x.toArray())]),
      block: plain(a.index(...r).toArray()),
      e: e.map((x) => [x.shape, x.dtype.str]),
    }).toEqual(want);
  });
});

describe('ix_: views and errors', () => {
  test('an NdArray argument comes back reshaped as a view of itself', () => {
    const i = array([1, 2], 'i8');
    const [v] = ix_(i);
    v.set([0], 9);
    expect(i.get(0)).toBe(9n);
  });
  test('a 2-d argument is NumPy\'s ValueError', () => {
    expect(() => ix_(zeros([2, 2], 'i8'))).toThrow(new ValueError('Cross index must be 1 dimensional'));
    expect(() => ix_([[1, 2]])).toThrow(ValueError);
  });
});
