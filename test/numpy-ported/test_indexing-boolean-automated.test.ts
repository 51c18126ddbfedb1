// NumPy's own numpy/_core/tests/test_indexing.py (NumPy 2.4),
// TestMultiIndexingAutomated.test_boolean, ported: the 0-d half as written,
// and the three _check_multi_index calls (NumPy compares with its Python
// reference of indexing) compared with NumPy itself at run time: the result's
// shape and values, or the exception class, for getting and for setting.
//
// Mapping: a[np.array(True)] -> a.index(asarray(true)); a[idx] = v ->
// a.set([idx], v); _create_array -> arange(prod(shape)).reshape(shape) with
// NumPy's shape (3, 1, 5, 6); np.zeros_like(a, dtype=bool)[..., 0] and
// [None, ...] -> the same views here.
import { arange, asarray, ellipsis, IndexError, NdArray, newaxis, zerosLike } from '../../lib';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';
import { vals } from '../helpers/np-array';

describe('TestMultiIndexingAutomated', () => {
  test('test_boolean (0-d)', () => {
    const a = asarray(5);
    expect(vals(a.index(asarray(true)))).toEqual([5]);
    a.set([asarray(true)], 1);
    expect(vals(a)).toBe(1);
  });
});

describeWithNumpy('TestMultiIndexingAutomated against NumPy', () => {
  test('test_boolean (_check_multi_index with all-false masks)', () => {
    const want = runNumpy<unknown[]>(`
a = np.arange(np.prod([3, 1, 5, 6])).reshape(3, 1, 5, 6)
out = []
for idx in [np.zeros_like(a, dtype=bool), np.zeros_like(a, dtype=bool)[..., 0], np.zeros_like(a, dtype=bool)[None, ...]]:
    try:
        r = a[idx]
        out.append([list(r.shape), r.tolist()])
    except Exception as e:
        out.append(type(e).__name__)
    b = a.copy()
    try:
        b[idx] = -1
        out.append(bool((b == a).all()))
    except Exception as e:
        out.append(type(e).__name__)
print(json.dumps(out))
`);
    const make = (): NdArray => arange(3 * 1 * 5 * 6).reshape(3, 1, 5, 6);
    const a = make();
    const masks = [zerosLike(a, { dtype: '?' }), zerosLike(a, { dtype: '?' }).index('..., 0'), zerosLike(a, { dtype: '?' }).index(newaxis, ellipsis)];
    const got: unknown[] = [];
    for (const idx of masks) {
      try {
        const r = a.index(idx);
        got.push([r.shape, vals(r)]);
      } catch (e) {
        got.push(e instanceof IndexError ? 'IndexError' : (e as Error).name);
      }
      const b = make();
      try {
        b.set([idx], -1);
        got.push(JSON.stringify(vals(b)) === JSON.stringify(vals(a)));
      } catch (e) {
        got.push(e instanceof IndexError ? 'IndexError' : (e as Error).name);
      }
    }
    expect(got).toEqual(want);
  });
});
