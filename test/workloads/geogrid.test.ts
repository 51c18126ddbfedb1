// Workload: GPS points binned on a lat/lon grid, as a NumPy user writes a 2-D
// histogram by hand: cell indices by floor division, out-of-area points
// masked, the flat cell number (ravelMultiIndex), per-cell counts and
// mean speed with bincount, the busiest cell back as (row, col)
// (unravelIndex), a float32 point cloud's bounding box, and the grid
// flipped north-up with a negative-stride view.
import {
  argmax, bincount, divide, floor, greaterEqual, less, logicalAnd, max, min, multiply, subtract,
  add, sum, stack, where, countNonzero, argsort, take, mean, ravelMultiIndex, unravelIndex,
} from '../../lib';
import { openNpy } from '../../lib/npy/npy';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload, bytesOf } from './harness';

const tmp = useTempDir('mmarray-wl-geogrid-');
const NR = 40;
const NC = 64;

const PY = `
rng = np.random.default_rng(77)
n = 50000
p = np.zeros(n, [('lat', '<f8'), ('lon', '<f8'), ('speed', '<f4'), ('alt', '<f4')])
p['lat'] = rng.normal(59.91, 0.03, n)
p['lon'] = rng.normal(10.75, 0.06, n)
p['speed'] = rng.gamma(2, 4, n).astype('f4')
p['alt'] = rng.normal(50, 20, n).astype('f4')
np.save('points.npy', p)

p = np.load('points.npy', mmap_mode='r')
lat0, lon0, d = 59.85, 10.62, 0.004
nr, nc = ${NR}, ${NC}
r = np.floor((p['lat'] - lat0) / d).astype(np.int64)
c = np.floor((p['lon'] - lon0) / d).astype(np.int64)
out('r', r)
ok = (r >= 0) & (r < nr) & (c >= 0) & (c < nc)
out('n_ok', np.count_nonzero(ok))
cell = np.ravel_multi_index((r[ok], c[ok]), (nr, nc))
out('cell', cell)
cnt = np.bincount(cell, minlength=nr * nc).reshape(nr, nc)
out('cnt', cnt)
spd = np.bincount(cell, weights=p['speed'][ok], minlength=nr * nc).reshape(nr, nc)
with np.errstate(invalid='ignore', divide='ignore'):
    mean_spd = spd / cnt
out('mean_spd', mean_spd)
busiest = np.unravel_index(np.argmax(cnt), cnt.shape)
out('busiest', np.array(busiest))
out('north_up', cnt[::-1])
out('row_tot', cnt.sum(axis=1))
xyz = np.stack([p['lon'].astype('f4'), p['lat'].astype('f4'), p['alt']], axis=1)
out('xyz', xyz)
out('bbox', np.stack([xyz.min(axis=0), xyz.max(axis=0)]))
out('center', xyz.mean(axis=0))
order = np.argsort(cell, kind='stable')
out('by_cell', p[ok][order][:200])
out('fast', np.where(p['speed'] > 20, p['speed'], 0).sum())
`;

describeWithNumpy('workload: GPS points on a grid', () => {
  test('cell binning, ravel/unravel by hand, per-cell counts and means, bbox match NumPy', () => {
    const w = new Workload(tmp, 'geogrid', PY);
    const p = openNpy(w.file('points.npy'), { mode: 'r' });
    const lat0 = 59.85;
    const lon0 = 10.62;
    const d = 0.004;
    const r = floor(divide(subtract(p.field('lat'), lat0), d)).astype('int64');
    const c = floor(divide(subtract(p.field('lon'), lon0), d)).astype('int64');
    w.same('r', r);
    const ok = logicalAnd(logicalAnd(greaterEqual(r, 0), less(r, NR)), logicalAnd(greaterEqual(c, 0), less(c, NC)));
    w.same('n_ok', countNonzero(ok));
    const cell = ravelMultiIndex([r.index(ok), c.index(ok)], [NR, NC]);
    w.same('cell', cell);
    // Without ravelMultiIndex: r * nc + c, the same numbers.
    expect(bytesOf(add(multiply(r.index(ok), NC), c.index(ok)))).toEqual(bytesOf(cell));
    const cnt = bincount(cell, { minlength: NR * NC }).reshape(NR, NC);
    w.same('cnt', cnt);
    const spd = bincount(cell, { weights: p.field('speed').index(ok), minlength: NR * NC }).reshape(NR, NC);
    w.same('mean_spd', divide(spd, cnt));
    const am = argmax(cnt);
    w.same('busiest', stack(unravelIndex(am, cnt.shape)));
    w.same('north_up', cnt.index('::-1'), { strides: true });
    w.same('row_tot', sum(cnt, 1));
    const xyz = stack([p.field('lon').astype('f4'), p.field('lat').astype('f4'), p.field('alt')], { axis: 1 });
    w.same('xyz', xyz);
    w.same('bbox', stack([min(xyz, 0), max(xyz, 0)]));
    w.same('center', mean(xyz, 0));
    const order = argsort(cell, { kind: 'stable' });
    w.same('by_cell', take(p.index(ok), order).index(':200'));
    w.same('fast', sum(where(p.field('speed').greater(20), p.field('speed'), 0)));
    p.close();
    w.allChecked();
  });
});
