// Workload: a column store (a float32 table written column-major, as Fortran
// or a columnar exporter writes it) as a NumPy user ports a feature pipeline:
// the file mapped in F order, columns as views, layout checks (strides,
// contiguity, ravel/reshape view-or-copy), per-column standardization by
// broadcasting with keepdims, an outer product by expandDims, selection of
// rows with compress/argwhere/take, put with wrap/clip, and results laid out
// as NumPy lays them out (the 'K' order of ufunc results, copy('F')).
import {
  argwhere, compress, divide, greater, mean, multiply, put, std, subtract, take, zeros, argmax, all, any,
  sharesMemory,
} from '../../lib';
import { memmap } from '../../lib/memmap';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-table-');
const ROWS = 4000;
const COLS = 6;

const PY = `
rng = np.random.default_rng(13)
t = np.asfortranarray(rng.normal(0, 10, (${ROWS}, ${COLS})).astype('<f4'))
t.T.tofile('table.f4')  # column after column

t = np.memmap('table.f4', dtype='<f4', mode='r', shape=(${ROWS}, ${COLS}), order='F')
out('t', t)
out('col2', t[:, 2])
out('row7', t[7])
z = (t - t.mean(axis=0, keepdims=True)) / t.std(axis=0, keepdims=True)
out('z', z)
out('zF', z.copy(order='F'))
out('flat_F', t.ravel(order='F')[:50])
out('flat_C', t.ravel()[:50])
out('reshaped', t.reshape(-1, 3, order='F')[:5])
out('outer', t[:4, 0][:, np.newaxis] * t[:4, 1][np.newaxis, :])
out('outer2', np.expand_dims(t[:4, 0], 1) * np.expand_dims(t[:4, 1], 0))
keep = t[:, 0] > 5
out('kept', np.compress(keep, t, axis=0))
out('aw', np.argwhere(t[:100] > 20))
out('take_rows', np.take(t, [3, 1, 3, -1], axis=0))
out('take_cols', t.take([5, 0], axis=1))
out('best', np.argmax(t, axis=1))
out('all_pos', np.all(t > -30, axis=0))
out('any_big', np.any(t > 35, axis=1)[:200])
buf = np.zeros(8, dtype='<f4')
np.put(buf, [1, 9, -20], [1.5, 2.5, 3.5], mode='wrap')
out('put_wrap', buf)
buf2 = np.zeros(8, dtype='<f4')
np.put(buf2, [1, 9, -20], [1.5, 2.5, 3.5], mode='clip')
out('put_clip', buf2)
`;

describeWithNumpy('workload: a column-major table', () => {
  test('F-order mapping, column views, standardization, selection and put match NumPy', () => {
    const w = new Workload(tmp, 'table', PY);
    const t = memmap(w.file('table.f4'), { dtype: '<f4', mode: 'r', shape: [ROWS, COLS], order: 'F' });
    w.same('t', t, { strides: true });
    expect(t.flags.fContiguous).toBe(true);
    w.same('col2', t.index(':, 2'), { strides: true });
    w.same('row7', t.index(7), { strides: true });
    const z = divide(subtract(t, mean(t, 0, { keepdims: true })), std(t, 0, { keepdims: true }));
    w.same('z', z, { strides: true });
    w.same('zF', z.copy('F'), { strides: true });
    const flatF = t.ravel('F');
    expect(sharesMemory(flatF, t)).toBe(true);
    w.same('flat_F', flatF.index(':50'));
    const flatC = t.ravel();
    expect(sharesMemory(flatC, t)).toBe(false);
    w.same('flat_C', flatC.index(':50'));
    w.same('reshaped', t.reshape([-1, 3], 'F').index(':5'), { strides: true });
    w.same('outer', multiply(t.index(':4, 0').index(':, null'), t.index(':4, 1').index('null, :')));
    w.same('outer2', multiply(t.index(':4, 0').expandDims(1), t.index(':4, 1').expandDims(0)));
    w.same('kept', compress(greater(t.index(':, 0'), 5), t, { axis: 0 }));
    w.same('aw', argwhere(greater(t.index(':100'), 20)));
    w.same('take_rows', take(t, [3, 1, 3, -1], { axis: 0 }), { strides: true });
    w.same('take_cols', t.take([5, 0], { axis: 1 }), { strides: true });
    w.same('best', argmax(t, 1));
    w.same('all_pos', all(greater(t, -30), 0));
    w.same('any_big', any(greater(t, 35), 1).index(':200'));
    const buf = zeros(8, '<f4');
    put(buf, [1, 9, -20], [1.5, 2.5, 3.5], { mode: 'wrap' });
    w.same('put_wrap', buf);
    const buf2 = zeros(8, '<f4');
    put(buf2, [1, 9, -20], [1.5, 2.5, 3.5], { mode: 'clip' });
    w.same('put_clip', buf2);
    t.close();
    w.allChecked();
  });
});
