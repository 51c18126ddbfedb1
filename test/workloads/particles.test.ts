// Workload: a particle snapshot of nested records (id <u4, pos <f4 (3,),
// vel <f8 (3,), cell <i2 (2, 2), alive ?) as a simulation post-processor
// ports it: subarray fields as (n, 3) views, speeds and distances by axis
// reductions, masked and initial-valued reductions (sum/min/max with where
// and initial), per-cell statistics over several axes with keepdims, a kick
// applied in place through a 'r+' mapping, sort by id, and the 3-D cube
// reductions (prod, any/all, argmin along an axis, mean in float64 of f4).
import {
  absolute, add, all, any, stack, argmin, argsort, greater, less, logicalAnd, max, mean, min, multiply, prod, sqrt, square, sum,
  sort, where,
} from '../../lib';
import { memmap } from '../../lib/memmap';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-particles-');
const REC = [['id', '<u4'], ['pos', '<f4', [3]], ['vel', '<f8', [3]], ['cell', '<i2', [2, 2]], ['alive', '?']] as const;

const PY = `
import shutil
rng = np.random.default_rng(31)
rec = np.dtype(T(${JSON.stringify(REC)}))
n = 3000
p = np.zeros(n, rec)
p['id'] = rng.permutation(n)
p['pos'] = rng.uniform(-50, 50, (n, 3))
p['vel'] = rng.normal(0, 3, (n, 3))
p['cell'] = rng.integers(-4, 5, (n, 2, 2))
p['alive'] = rng.random(n) > 0.1
p.tofile('snap.bin')
shutil.copy('snap.bin', 'snap_np.bin')

p = np.memmap('snap.bin', dtype=rec, mode='r')
pos = p['pos']
out('pos', pos)
speed = np.sqrt(np.sum(np.square(p['vel']), axis=1))
out('speed', speed)
out('r', np.sqrt((pos.astype(np.float64) ** 2).sum(axis=-1)))
out('ke_alive', np.sum(0.5 * speed ** 2, where=p['alive']))
out('vmax_alive', np.max(speed, where=p['alive'], initial=0.0))
out('vmin_init', np.min(speed, initial=0.5))
out('posmean', pos.mean(axis=0, dtype=np.float64))
out('posmean32', pos.mean(axis=0))
out('box', np.stack([pos.min(axis=0), pos.max(axis=0)]))
out('cellsum', p['cell'].sum(axis=(1, 2)))
out('cellsum_keep', p['cell'].sum(axis=(0, 2), keepdims=True))
out('cellprod', np.prod(p['cell'][:20], axis=-1))
out('cell_any', np.any(p['cell'] < -3, axis=(1, 2)))
out('cell_all', np.all(p['cell'] > -5, axis=0))
out('closest', np.argmin(np.abs(pos), axis=0))
out('inside', np.where((np.abs(pos) < 10).all(axis=1) & p['alive'], p['id'], -1))
out('by_id', np.sort(p, order='id')[:50])
out('order', np.argsort(p['id'])[:50])

w = np.memmap('snap_np.bin', dtype=rec, mode='r+')
w['vel'][w['alive']] *= 1.5
w['pos'] += (w['vel'] * 0.1).astype(np.float32)
w['cell'][:, 0, 1] = 7
w.flush()
out('after', np.fromfile('snap_np.bin', dtype=rec))
`;

describeWithNumpy('workload: nested particle records', () => {
  test('subarray fields, masked reductions, multi-axis stats, in-place kick match NumPy', () => {
    const w = new Workload(tmp, 'particles', PY);
    const p = memmap(w.file('snap.bin'), { dtype: REC, mode: 'r' });
    const pos = p.field('pos');
    const alive = p.field('alive');
    w.same('pos', pos, { strides: true });
    const speed = sqrt(sum(square(p.field('vel')), 1));
    w.same('speed', speed);
    w.same('r', sqrt(sum(square(pos.astype('float64')), -1)));
    // NumPy adds each run of unmasked items' pairwise sum to the accumulator (lib/reduce-initial.ts).
    w.same('ke_alive', sum(multiply(0.5, square(speed)), null, { where: alive }));
    w.same('vmax_alive', max(speed, null, { where: alive, initial: 0.0 }));
    w.same('vmin_init', min(speed, null, { initial: 0.5 }));
    w.same('posmean', mean(pos, 0, { dtype: 'float64' }));
    w.same('posmean32', mean(pos, 0));
    w.same('box', stack([min(pos, 0), max(pos, 0)]));
    const cell = p.field('cell');
    w.same('cellsum', sum(cell, [1, 2]));
    w.same('cellsum_keep', sum(cell, [0, 2], { keepdims: true }));
    w.same('cellprod', prod(cell.index(':20'), -1));
    w.same('cell_any', any(less(cell, -3), [1, 2]));
    w.same('cell_all', all(greater(cell, -5), 0));
    w.same('closest', argmin(absolute(pos), 0));
    const inBox = logicalAnd(all(less(absolute(pos), 10), 1), alive);
    w.same('inside', where(inBox, p.field('id'), -1));
    w.same('by_id', sort(p, { order: 'id' }).index(':50'));
    w.same('order', argsort(p.field('id')).index(':50'));
    p.close();

    const m = memmap(w.file('snap.bin'), { dtype: REC, mode: 'r+' });
    const vel = m.field('vel');
    const live = m.field('alive');
    vel.set([live], multiply(vel.index(live), 1.5));
    const mpos = m.field('pos');
    add(mpos, multiply(vel, 0.1).astype('float32'), { out: mpos });
    m.field('cell').index(':, 0, 1').fill(7);
    m.flush();
    m.close();
    const after = memmap(w.file('snap.bin'), { dtype: REC, mode: 'r' });
    w.same('after', after);
    after.close();
    w.allChecked();
  });
});
