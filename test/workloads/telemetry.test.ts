// Workload: sensor telemetry, per-device records (id <u4, t <f8, v 3×<f4)
// in a .npy, as a NumPy user processes it: sort by (id, t), group
// boundaries with diff/nonzero, per-group min/max/mean where NumPy writes
// np.add.reduceat / np.minimum.reduceat (not in the library: per-group
// reductions over slices, or bincount over the group number), lexsort's
// workaround (two stable argsorts), and a resampling to 1-second buckets with
// unique(returnInverse) + bincount(weights).
import {
  argsort, bincount, concatenate, diff, divide, floor, fromBuffer, max, min, multiply, add,
  nonzero, take, unique, zeros, sum, cumsum, notEqual, subtract, sqrt, power, floorDivide,
} from '../../lib';
import { openNpy } from '../../lib/npy/npy';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-telemetry-');

const PY = `
rng = np.random.default_rng(21)
n = 40000
dt = np.dtype([('id', '<u4'), ('t', '<f8'), ('v', '<f4', (3,))])
r = np.zeros(n, dt)
r['id'] = rng.integers(100, 160, n)
r['t'] = np.round(rng.uniform(0, 600, n), 3)
r['t'][:50] = 12.5   # ties in t for the stable sort
r['v'] = rng.normal(0, 9.81, (n, 3)).astype('<f4')
np.save('tele.npy', r)

r = np.load('tele.npy', mmap_mode='r')
out('v_field', r['v'])
order = np.argsort(r, order=['id', 't'], kind='stable')
out('order', order)
# lexsort((t, id)): the sort keys last-first
out('lexsort', np.lexsort((r['t'], r['id'])))
s = r[order]
out('sorted', s)
ids = s['id']
b = np.nonzero(np.diff(ids))[0] + 1
out('bounds', b)
starts = np.concatenate(([0], b))
out('starts', starts)
ends = np.concatenate((b, [n]))
out('counts', ends - starts)
v = s['v']
out('gmin', np.minimum.reduceat(v, starts, axis=0))
out('gmax', np.maximum.reduceat(v, starts, axis=0))
out('gsum', np.add.reduceat(v.astype('f8'), starts, axis=0))
out('gmean', np.add.reduceat(v.astype('f8'), starts, axis=0) / (ends - starts)[:, None])
grp = np.cumsum(np.concatenate(([0], np.diff(ids) != 0)))
out('grp', grp)
out('gsum_bincount', np.bincount(grp, weights=v[:, 0]))
out('mag', np.sqrt((v.astype('f8') ** 2).sum(axis=1)))
# resample: per (device, second) bucket mean of axis 0
sec = np.floor(s['t']).astype('<i8')
key = ids.astype('<i8') * 1000 + sec
u, inv, cnt = np.unique(key, return_inverse=True, return_counts=True)
out('u', u)
out('inv', inv)
out('cnt', cnt)
out('bucket_mean', np.bincount(inv, weights=v[:, 0]) / cnt)
out('dev_of_bucket', u // 1000)
out('last_t', s['t'][ends - 1])
out('span', s['t'][ends - 1] - s['t'][starts])
`;

describeWithNumpy('workload: sensor telemetry', () => {
  test('sort by (id, t), group boundaries, per-group reductions, resampling match NumPy', () => {
    const w = new Workload(tmp, 'telemetry', PY);
    const r = openNpy(w.file('tele.npy'), { mode: 'r' });
    const n = r.shape[0];
    w.same('v_field', r.field('v'));
    const order = argsort(r, { order: ['id', 't'], kind: 'stable' });
    w.same('order', order);
    // np.lexsort((t, id)): sort by the last key, stably, after the first.
    const byT = argsort(r.field('t'), { kind: 'stable' });
    const lex = take(byT, argsort(take(r.field('id'), byT), { kind: 'stable' }));
    w.same('lexsort', lex);
    const s = r.index(order);
    w.same('sorted', s);
    const ids = s.field('id');
    const [nz] = nonzero(diff(ids));
    const b = add(nz, 1);
    w.same('bounds', b);
    const starts = concatenate([zeros(1, '<i8'), b]);
    w.same('starts', starts);
    const ends = concatenate([b, fromBuffer(new BigInt64Array([BigInt(n)]), '<i8')]);
    const counts = subtract(ends, starts);
    w.same('counts', counts);
    const v = s.field('v');
    // np.minimum.reduceat(v, starts, axis=0): one reduction per group slice.
    const st = (starts.toArray() as bigint[]).map(Number);
    const en = (ends.toArray() as bigint[]).map(Number);
    const perGroup = (f: (x: typeof v) => ReturnType<typeof min>) => concatenate(st.map((a, i) => f(v.index(`${a}:${en[i]}`)).expandDims(0)));
    w.same('gmin', perGroup((x) => min(x, 0)));
    w.same('gmax', perGroup((x) => max(x, 0)));
    const v8 = v.astype('f8');
    const gsum = concatenate(st.map((a, i) => sum(v8.index(`${a}:${en[i]}`), 0).expandDims(0)));
    w.same('gsum', gsum);
    w.same('gmean', divide(gsum, counts.index(':, null')));
    // The group number of each row, as a NumPy user writes it without reduceat.
    const grp = cumsum(concatenate([zeros(1, '?'), notEqual(diff(ids), 0)]));
    w.same('grp', grp);
    w.same('gsum_bincount', bincount(grp, { weights: v.index(':, 0') }));
    w.same('mag', sqrt(sum(power(v8, 2), 1)));
    const sec = floor(s.field('t')).astype('<i8');
    const key = add(multiply(ids.astype('<i8'), 1000), sec);
    const { values: u, inverse: inv, counts: cnt } = unique(key, { returnInverse: true, returnCounts: true });
    w.same('u', u);
    w.same('inv', inv!);
    w.same('cnt', cnt!);
    w.same('bucket_mean', divide(bincount(inv!, { weights: v.index(':, 0') }), cnt!));
    w.same('dev_of_bucket', floorDivide(u, 1000));
    const tt = s.field('t');
    w.same('last_t', take(tt, subtract(ends, 1)));
    w.same('span', subtract(take(tt, subtract(ends, 1)), take(tt, starts)));
    r.close();
    w.allChecked();
  });
});
