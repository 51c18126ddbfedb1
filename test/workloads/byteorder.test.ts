// Workload: big-endian input (a network capture / a file from a big-endian
// instrument) as a NumPy user reads it: records with '>' fields mapped as
// they are, computed on (results in native order), sorted and searched,
// converted to native order by astype and by byteswap + a view with the
// other byte order, and the reinterpretation trap (a view that only relabels).
import * as fs from 'fs';
import {
  add, argsort, dtype, fromBuffer, multiply, searchsorted, sort, sum, unique, greater, mean,
} from '../../lib';
import { memmap } from '../../lib/memmap';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-be-');

const REC = [['id', '>u4'], ['val', '>f8'], ['code', '>i2'], ['stamp', '>i8']] as const;

const PY = `
rng = np.random.default_rng(9)
n = 5000
rec = np.dtype(T(${JSON.stringify(REC)}))
r = np.zeros(n, rec)
r['id'] = rng.permutation(n) * 3
r['val'] = rng.normal(0, 100, n)
r['code'] = rng.integers(-300, 300, n)
r['stamp'] = np.sort(rng.integers(-2**40, 2**40, n))
r.tofile('be.bin')
np.arange(16, dtype='>u2').tofile('words.bin')

m = np.memmap('be.bin', dtype=rec, mode='r')
out('m', m)
out('val2', m['val'] * 2)
out('code_plus', m['code'] + 1)
out('valsum', m['val'].sum())
out('valmean', np.mean(m['val']))
out('pos', m[m['val'] > 0]['id'])
out('id_sorted', np.sort(m['id']))
out('id_order', np.argsort(m['id'], kind='stable'))
out('by_code', np.sort(m, order='code'))
u, inv = np.unique(m['code'], return_inverse=True)
out('u', u)
out('inv', inv)
out('ss', np.searchsorted(m['stamp'], np.array([-2**39, 0, 2**39], dtype='>i8')))
out('native', m.astype(rec.newbyteorder('<')))
out('native_eq', m.astype(rec.newbyteorder('=')))
sw = m['val'].byteswap().view(m['val'].dtype.newbyteorder())
out('sw', sw)
out('relabel', m['val'].view('<f8'))
out('nbo', m['code'].view(m['code'].dtype.newbyteorder('<')))
w = np.fromfile('words.bin', dtype='>u2')
out('w_as_u4', w.view('>u4'))
out('w_as_le', w.view('<u2'))
out('wsum', w.astype(np.int32).sum())
`;

describeWithNumpy('workload: big-endian records', () => {
  test('big-endian fields compute, sort, search and convert as in NumPy', () => {
    const w = new Workload(tmp, 'be', PY);
    const m = memmap(w.file('be.bin'), { dtype: REC, mode: 'r' });
    w.same('m', m);
    const val = m.field('val');
    w.same('val2', multiply(val, 2));
    w.same('code_plus', add(m.field('code'), 1));
    w.same('valsum', sum(val));
    w.same('valmean', mean(val));
    w.same('pos', m.index(greater(val, 0)).field('id'));
    w.same('id_sorted', sort(m.field('id')));
    w.same('id_order', argsort(m.field('id'), { kind: 'stable' }));
    w.same('by_code', sort(m, { order: 'code' }));
    const { values, inverse } = unique(m.field('code'), { returnInverse: true });
    w.same('u', values);
    w.same('inv', inverse!);
    const keys = fromBuffer(new BigInt64Array([-(2n ** 39n), 0n, 2n ** 39n]), '<i8').astype('>i8');
    w.same('ss', searchsorted(m.field('stamp'), keys));
    const rec = dtype(REC);
    w.same('native', m.astype(rec.newbyteorder('<')));
    w.same('native_eq', m.astype(rec.newbyteorder('=')));
    w.same('sw', val.byteswap().view(val.dtype.newbyteorder()));
    w.same('relabel', val.view('<f8'));
    w.same('nbo', m.field('code').view(m.field('code').dtype.newbyteorder('<')));
    const words = fromBuffer(fs.readFileSync(w.file('words.bin')), '>u2');
    w.same('w_as_u4', words.view('>u4'));
    w.same('w_as_le', words.view('<u2'));
    w.same('wsum', sum(words.astype('int32')));
    m.close();
    w.allChecked();
  });
});
