// Workload: the mistakes a NumPy user makes while porting, made on purpose.
// Each must fail as NumPy fails: the same exception class (the library's
// classes carry NumPy's names) and NumPy's message, and nothing written.
import * as fs from 'fs';
import {
  add, argsort, arange, bincount, concatenate, fromBuffer, stack, take, zeros, put, sum, max,
  broadcastTo, unique,
} from '../../lib';
import { memmap } from '../../lib/memmap';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-err-');

const PY = `
a = np.arange(12, dtype='<f8').reshape(3, 4)
np.arange(6, dtype='<i4').tofile('ro.bin')
ro = np.memmap('ro.bin', dtype='<i4', mode='r')
i8 = np.zeros(3, dtype='int8')
err('broadcast', lambda: a + np.arange(3))
err('reshape', lambda: a.reshape(5, 3))
err('index', lambda: a[3])
err('index_neg', lambda: a[0, -5])
err('fancy_oob', lambda: a[np.array([0, 3])])
err('axis', lambda: a.sum(axis=2))
err('readonly', lambda: ro.__setitem__(0, 1))
err('overflow', lambda: i8.__setitem__(0, 300))
err('ufunc_overflow', lambda: np.add(i8, 300))
err('concat', lambda: np.concatenate([a, np.zeros((3, 3))]))
err('concat_ndim', lambda: np.concatenate([a, np.zeros(4)]))
err('stack', lambda: np.stack([a, np.zeros((4, 3))]))
err('take_oob', lambda: np.take(np.arange(5), [7]))
err('put_oob', lambda: np.put(np.zeros(3), [5], 1))
err('bincount_neg', lambda: np.bincount(np.array([1, -1])))
err('bincount_float', lambda: np.bincount(np.array([1.0, 2.0])))
err('max_empty', lambda: np.zeros(0).max())
err('mask_shape', lambda: a[np.array([True, False])])
err('broadcast_to', lambda: np.broadcast_to(np.arange(3), (2, 4)))
err('set_shape', lambda: a.__setitem__(slice(None), np.arange(3)))
err('argsort_axis', lambda: np.argsort(a, axis=2))
err('unique_axis_kw', lambda: np.unique(a, return_count=True))
`;

describeWithNumpy('workload: porting mistakes fail as in NumPy', () => {
  test("each mistake raises NumPy's class with NumPy's message, and writes nothing", () => {
    const w = new Workload(tmp, 'err', PY);
    const a = arange(12, 'f8').reshape(3, 4);
    const p = w.file('ro-js.bin');
    fs.copyFileSync(w.file('ro.bin'), p);
    const ro = memmap(p, { dtype: '<i4', mode: 'r' });
    const i8 = zeros(3, 'int8');
    const exact = (name: string): string => w.message(name);
    const failures: string[] = [];
    const check = (name: string, fn: () => unknown, message?: RegExp | string, documented?: string): Error | undefined => {
      try {
        return w.raises(name, fn, message, documented).ours;
      } catch (e) {
        failures.push(`${name}: ${(e as Error).message.replace(/\s+/g, ' ').slice(0, 300)}`);
        return undefined;
      }
    };
    check('broadcast', () => add(a, arange(3)), exact('broadcast'));
    check('reshape', () => a.reshape(5, 3), exact('reshape'));
    check('index', () => a.index(3), exact('index'));
    check('index_neg', () => a.get(0, -5), exact('index_neg'));
    check('fancy_oob', () => a.index(fromBuffer(new BigInt64Array([0n, 3n]), '<i8')), exact('fancy_oob'));
    check('axis', () => sum(a, 2), exact('axis'));
    // README (Errors): a write to read-only memory is AccessError ERR_READ_ONLY, NumPy's message.
    expect(check('readonly', () => ro.set(0, 1), exact('readonly'), 'AccessError')).toMatchObject({ code: 'ERR_READ_ONLY' });
    // Deliberate (test/traps.test.ts): the message does not mention Python.
    check('overflow', () => i8.set(0, 300), /^Python integer 300 out of bounds for int8$/);
    check('ufunc_overflow', () => add(i8, 300), exact('ufunc_overflow'));
    check('concat', () => concatenate([a, zeros([3, 3])]), exact('concat'));
    check('concat_ndim', () => concatenate([a, zeros(4)]), exact('concat_ndim'));
    check('stack', () => stack([a, zeros([4, 3])]), exact('stack'));
    check('take_oob', () => take(arange(5), [7]), exact('take_oob'));
    check('put_oob', () => put(zeros(3), [5], 1), exact('put_oob'));
    check('bincount_neg', () => bincount(fromBuffer(new BigInt64Array([1n, -1n]), '<i8')), exact('bincount_neg'));
    check('bincount_float', () => bincount(fromBuffer(new Float64Array([1, 2]), '<f8')), exact('bincount_float'));
    check('max_empty', () => max(zeros(0)), exact('max_empty'));
    check('mask_shape', () => a.index(fromBuffer(new Uint8Array([1, 0]), '?')), exact('mask_shape'));
    check('broadcast_to', () => broadcastTo(arange(3), [2, 4]), exact('broadcast_to'));
    check('set_shape', () => a.set(arange(3)), exact('set_shape'));
    check('argsort_axis', () => argsort(a, { axis: 2 }), exact('argsort_axis'));
    check('unique_axis_kw', () => unique(a, { return_count: true } as never), /unexpected keyword argument 'return_count'/);
    expect(failures).toEqual([]);
    expect(ro.toArray()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(i8.toArray()).toEqual([0, 0, 0]);
    expect(a.toArray()).toEqual([[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]]);
    ro.close();
    w.allChecked();
  });
});
