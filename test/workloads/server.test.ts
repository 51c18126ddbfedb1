// Workload: a record server's batch job, written with the async calls a
// server uses (README "Using it in a server"), against the same job in NumPy:
// sums and extrema of a field, a float32 cast, a copy of a strided view, a
// fill and an array assignment into a mapping, a byteswap, and the result
// saved with saveNpyAsync; the files and values must be NumPy's bytes.
import * as fs from 'fs';
import { openNpy, saveNpyAsync, zeros, arange, multiply } from '../../lib';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-server-');
const REC = [['id', '<u4'], ['t', '<f8'], ['v', '<f4']] as const;

const PY = `
import shutil
rng = np.random.default_rng(41)
rec = np.dtype(T(${JSON.stringify(REC)}))
r = np.zeros(50000, rec)
r['id'] = np.arange(50000)
r['t'] = np.cumsum(rng.exponential(0.01, 50000))
r['v'] = rng.normal(0, 1, 50000)
np.save('recs.npy', r)
shutil.copy('recs.npy', 'recs_np.npy')

m = np.load('recs.npy', mmap_mode='r')
out('tsum', np.sum(m['t']))
out('vmin', m['v'].min())
out('vmax', m['v'].max())
out('tmean', m['t'].mean())
out('t32', m['t'].astype('<f4'))
out('every3', m['v'][::3].copy())
out('swapped', m['id'].byteswap())
w = np.load('recs_np.npy', mmap_mode='r+')
w['v'][:1000] = 0.25
w['t'][1000:2000] = np.arange(1000, dtype='<f8') * 0.5
w.flush()
del w
out('after', np.load('recs_np.npy'))
np.save('t32.npy', m['t'][::7].astype('<f4'))
`;

describeWithNumpy('workload: a record server batch job with the async calls', () => {
  test('sumAsync, min/max/meanAsync, astypeAsync, copyAsync, byteswapAsync, fill/setAsync, saveNpyAsync match NumPy', async () => {
    const w = new Workload(tmp, 'server', PY);
    const m = openNpy(w.file('recs.npy'), { mode: 'r' });
    const t = m.field('t');
    const v = m.field('v');
    const tsum = await t.sumAsync();
    const asArray = (x: number, dt: '<f8' | '<f4'): ReturnType<typeof zeros> => {
      const z = zeros([], dt);
      z.set(x);
      return z;
    };
    w.same('tsum', asArray(tsum as number, '<f8'));
    w.same('vmin', asArray((await v.minAsync()) as number, '<f4'));
    w.same('vmax', asArray((await v.maxAsync()) as number, '<f4'));
    w.same('tmean', asArray(await t.meanAsync(), '<f8'));
    w.same('t32', await t.astypeAsync('<f4'));
    w.same('every3', await v.index('::3').copyAsync());
    w.same('swapped', await m.field('id').byteswapAsync());
    const p = w.file('recs_js.npy');
    fs.copyFileSync(w.file('recs.npy'), p);
    const r = openNpy(p, { mode: 'r+' });
    await r.field('v').index(':1000').fillAsync(0.25);
    await r.field('t').index('1000:2000').setAsync(multiply(arange(1000, 'f8'), 0.5));
    r.flush();
    r.close();
    const after = openNpy(p, { mode: 'r' });
    w.same('after', after);
    after.close();
    await saveNpyAsync(w.file('t32_js.npy'), t.index('::7').astype('<f4'));
    expect(fs.readFileSync(w.file('t32_js.npy'))).toEqual(fs.readFileSync(w.file('t32.npy')));
    m.close();
    w.allChecked();
  });
});
