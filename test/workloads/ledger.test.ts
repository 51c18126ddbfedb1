// Workload: a ledger update server. Sorted account ids and their balances live
// in .npy files; a batch of transactions is matched with searchsorted, new
// accounts are inserted in order (np.insert: not in the library, so
// concatenate + a stable sort), balances are updated through an 'r+' mapping
// with addAt and put, flushed and reopened; per-account running balances come
// from a stable argsort and cumsum.
import {
  addAt, argsort, concatenate, cumsum, equal, minimum, put, searchsorted, sort, take, unique,
  logicalNot, subtract, sum, flatnonzero, bincount, fromBuffer,
} from '../../lib';
import { memmap } from '../../lib/memmap';
import { openNpy } from '../../lib/npy/npy';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-ledger-');

const PY = `
rng = np.random.default_rng(5)
na = 3000
acct = np.sort(rng.choice(10**6, na, replace=False)).astype('<u8')
np.save('accounts.npy', acct)
np.round(rng.uniform(0, 1000, na), 2).astype('<f8').tofile('balances.f8')
m = 8000
tx = np.zeros(m, [('acct', '<u8'), ('amt', '<f8'), ('seq', '<u4')])
tx['acct'] = acct[rng.integers(0, na, m)]
tx['acct'][:40] = rng.integers(0, 10**6, 40)     # mostly unknown accounts
tx['acct'][40] = 10**6 + 5                       # past the end
tx['amt'] = np.round(rng.normal(0, 50, m), 2)
tx['seq'] = np.arange(m)
np.save('tx.npy', tx)

import shutil
shutil.copy('balances.f8', 'np_balances.f8')
a = np.load('accounts.npy', mmap_mode='r')
t = np.load('tx.npy', mmap_mode='r')
pos = np.searchsorted(a, t['acct'])
out('pos', pos)
pc = np.minimum(pos, len(a) - 1)
out('pc', pc)
known = a[pc] == t['acct']
out('known', known)
new = np.unique(t['acct'][~known])
out('new', new)
ins = np.searchsorted(a, new)
out('ins', ins)
out('a2', np.insert(a, ins, new))
out('pos_right', np.searchsorted(a, new, side='right'))
b = np.memmap('np_balances.f8', dtype='<f8', mode='r+')
np.add.at(b, pc[known], t['amt'][known])
np.put(b, [0, -1], [0.0, -1.5])
frozen = np.flatnonzero(b < 5)
out('frozen', frozen)
b[frozen] = 0
b.flush()
del b
b = np.memmap('np_balances.f8', dtype='<f8', mode='r')
out('balances', b)
out('total', b.sum())
o = np.argsort(t['acct'], kind='stable')
out('o', o)
amt = t['amt'][o]
run = np.cumsum(amt)
out('run', run)
acc = t['acct'][o]
first = np.concatenate(([True], acc[1:] != acc[:-1]))
out('first', first)
start = np.flatnonzero(first)
gid = np.cumsum(first) - 1
before = np.concatenate(([0.0], run))[start]
out('per_acct_run', run - before[gid])
out('per_acct_total', np.bincount(gid, weights=amt))
`;

describeWithNumpy('workload: ledger update server', () => {
  test('searchsorted matching, ordered insert, r+ addAt/put, flush, reopen, running balances match NumPy', () => {
    const w = new Workload(tmp, 'ledger', PY);
    const a = openNpy(w.file('accounts.npy'), { mode: 'r' });
    const t = openNpy(w.file('tx.npy'), { mode: 'r' });
    const tacct = t.field('acct');
    const pos = searchsorted(a, tacct);
    w.same('pos', pos);
    const pc = minimum(pos, a.shape[0] - 1);
    w.same('pc', pc);
    const known = equal(take(a, pc), tacct);
    w.same('known', known);
    const { values: fresh } = unique(tacct.index(logicalNot(known)));
    w.same('new', fresh);
    w.same('ins', searchsorted(a, fresh));
    // np.insert(a, searchsorted(a, new), new) keeps a sorted: concatenate and sort.
    w.same('a2', sort(concatenate([a, fresh])));
    w.same('pos_right', searchsorted(a, fresh, { side: 'right' }));

    const b = memmap(w.file('balances.f8'), { dtype: '<f8', mode: 'r+' });
    addAt(b, pc.index(known), t.field('amt').index(known));
    put(b, [0, -1], [0.0, -1.5]);
    const frozen = flatnonzero(b.less(5));
    w.same('frozen', frozen);
    b.set([frozen], 0);
    b.flush();
    b.close();
    const b2 = memmap(w.file('balances.f8'), { dtype: '<f8', mode: 'r' });
    w.same('balances', b2);
    w.same('total', sum(b2));
    b2.close();

    const o = argsort(tacct, { kind: 'stable' });
    w.same('o', o);
    const amt = take(t.field('amt'), o);
    const run = cumsum(amt);
    w.same('run', run);
    const acc = take(tacct, o);
    const first = concatenate([fromBuffer(new Uint8Array([1]), '?'), acc.index('1:').notEqual(acc.index(':-1'))]);
    w.same('first', first);
    const start = flatnonzero(first);
    const gid = subtract(cumsum(first), 1);
    const before = take(concatenate([fromBuffer(new Float64Array([0]), '<f8'), run]), start);
    w.same('per_acct_run', subtract(run, take(before, gid)));
    w.same('per_acct_total', bincount(gid, { weights: amt }));
    a.close();
    t.close();
    w.allChecked();
  });
});
