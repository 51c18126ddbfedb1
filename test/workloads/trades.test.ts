// Workload: a trade log of records (ts <u8, sym <u2, px <f8, qty <i4), packed
// in a .npy and aligned in a raw file, processed as a NumPy user ports it:
// mask filters, VWAP per symbol with bincount(weights), top-k by argsort,
// unique with counts, a time window by searchsorted, a sort by ['sym', 'ts'],
// then in-place updates through an 'r+' mapping with addAt and fancy
// assignment.
import * as fs from 'fs';
import {
  absolute, argsort, bincount, divide, equal, greater, less, logicalAnd, multiply,
  searchsorted, sort, unique, addAt, take, fromBuffer, dtype,
} from '../../lib';
import { memmap } from '../../lib/memmap';
import { openNpy } from '../../lib/npy/npy';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-trades-');

const PY = `
rng = np.random.default_rng(7)
n = 20000
packed = np.dtype([('ts', '<u8'), ('sym', '<u2'), ('px', '<f8'), ('qty', '<i4')])
aligned = np.dtype(packed.descr, align=True)
rec = np.zeros(n, packed)
rec['ts'] = np.sort(rng.integers(1_700_000_000_000, 1_700_000_000_000 + 10**8, n))
rec['sym'] = rng.integers(0, 25, n)
rec['px'] = np.round(rng.uniform(10, 500, n), 2)
rec['qty'] = rng.integers(-500, 500, n)
np.save('trades.npy', rec)
rec.astype(aligned).tofile('trades_aligned.bin')
idx = rng.integers(0, n, 3000)
idx.astype('<i8').tofile('idx.bin')

m = np.load('trades.npy', mmap_mode='r')
buys = m[m['qty'] > 0]
out('buys', buys)
out('big_sells', m[(m['qty'] < -400) & (m['px'] > 250)])
notional = m['px'] * m['qty']
out('notional', notional)
gross = np.bincount(m['sym'], weights=m['px'] * np.abs(m['qty']))
vol = np.bincount(m['sym'], weights=np.abs(m['qty']))
out('gross', gross)
out('vol', vol)
out('vwap', gross / vol)
out('counts_by_sym', np.bincount(m['sym'], minlength=30))
order = np.argsort(notional, kind='stable')
out('order', order)
top = order[-10:][::-1]
out('top', m[top])
out('top_take', np.take(m, top))
u, c = np.unique(m['sym'], return_counts=True)
out('u', u)
out('c', c)
t0, t1 = 1_700_000_000_000 + 2 * 10**7, 1_700_000_000_000 + 3 * 10**7
lo, hi = np.searchsorted(m['ts'], [t0, t1])
out('window', m[lo:hi])
out('lohi', np.searchsorted(m['ts'], np.array([t0, t1], dtype='<u8')))
out('by_sym_ts', np.sort(m, order=['sym', 'ts']))
out('argsort_sym', np.argsort(m, order='sym', kind='stable'))

import shutil
shutil.copy('trades_aligned.bin', 'np_aligned.bin')  # the JS side updates trades_aligned.bin itself
a = np.memmap('np_aligned.bin', dtype=aligned, mode='r+')
np.add.at(a['qty'], idx, 1)
a['px'][a['sym'] == 3] = 0.0
a['qty'][idx[:5]] = [1, 2, 3, 4, 5]
a.flush()
del a
out('aligned_after', np.fromfile('np_aligned.bin', dtype=aligned))
`;

describeWithNumpy('workload: trade log', () => {
  test('filters, VWAP, top-k, unique, window, sort, r+ updates match NumPy', () => {
    const w = new Workload(tmp, 'trades', PY);
    const m = openNpy(w.file('trades.npy'), { mode: 'r' });
    const qty = m.field('qty');
    const px = m.field('px');
    const sym = m.field('sym');
    const ts = m.field('ts');

    w.same('buys', m.index(greater(qty, 0)));
    w.same('big_sells', m.index(logicalAnd(less(qty, -400), greater(px, 250))));
    const notional = multiply(px, qty);
    w.same('notional', notional);
    const gross = bincount(sym, { weights: multiply(px, absolute(qty)) });
    const vol = bincount(sym, { weights: absolute(qty) });
    w.same('gross', gross);
    w.same('vol', vol);
    w.same('vwap', divide(gross, vol));
    w.same('counts_by_sym', bincount(sym, { minlength: 30 }));
    const order = argsort(notional, { kind: 'stable' });
    w.same('order', order);
    const top = order.index('-10:').index('::-1');
    w.same('top', m.index(top));
    w.same('top_take', take(m, top));
    const { values, counts } = unique(sym, { returnCounts: true });
    w.same('u', values);
    w.same('c', counts!);
    const t0 = 1_700_000_000_000 + 2 * 10 ** 7;
    const t1 = 1_700_000_000_000 + 3 * 10 ** 7;
    const lohi = searchsorted(ts, fromBuffer(new BigUint64Array([BigInt(t0), BigInt(t1)]), '<u8'));
    w.same('lohi', lohi);
    const [lo, hi] = (lohi.toArray() as bigint[]).map(Number);
    w.same('window', m.index(`${lo}:${hi}`));
    w.same('by_sym_ts', sort(m, { order: ['sym', 'ts'] }));
    w.same('argsort_sym', argsort(m, { order: 'sym', kind: 'stable' }));

    const dt = m.dtype.descr;
    m.close();
    const idx = fromBuffer(fs.readFileSync(w.file('idx.bin')), '<i8');
    const aligned = dtype(dt as never, { align: true });
    const a = memmap(w.file('trades_aligned.bin'), { dtype: aligned, mode: 'r+' });
    addAt(a.field('qty'), idx, 1);
    a.field('px').set([equal(a.field('sym'), 3)], 0.0);
    a.field('qty').set([idx.index(':5')], [1, 2, 3, 4, 5]);
    a.flush();
    a.close();
    const after = memmap(w.file('trades_aligned.bin'), { dtype: aligned, mode: 'r' });
    w.same('aligned_after', after);
    after.close();
    w.allChecked();
  });
});

