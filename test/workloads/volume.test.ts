// Workload: a 3-D volume (<f4) stored in C order (.npy), in Fortran order
// (.npy with fortran_order) and as a raw file mapped with order 'F': slices
// along each axis (views, strides as NumPy's), sums over two axes, means with
// a float64 accumulator, max projections, the global argmin and its
// (z, y, x) (unravelIndex, and the arithmetic without it), a contiguous copy of a
// strided sub-volume and a transposed reshape (a copy).
import {
  argmin, argmax, ascontiguousarray, floorDivide, max, mean, remainder, sum, stack, unravelIndex,
} from '../../lib';
import { memmap } from '../../lib/memmap';
import { openNpy } from '../../lib/npy/npy';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-volume-');
const SHAPE = [40, 50, 60] as const;

const PY = `
rng = np.random.default_rng(12)
vol = rng.normal(0, 1, ${JSON.stringify(SHAPE)}).astype('<f4')
vol[17, 3, 41] = -9.5
np.save('vol_c.npy', vol)
np.save('vol_f.npy', np.asfortranarray(vol))
np.asfortranarray(vol).tofile('vol_f.raw', format='')

v = np.load('vol_c.npy', mmap_mode='r')
vf = np.load('vol_f.npy', mmap_mode='r')
raw = np.memmap('vol_f.raw', dtype='<f4', mode='r', shape=v.shape, order='F')
out('vf', vf)
out('raw', raw)
out('z', v[10])
out('y', v[:, 20])
out('x', v[:, :, 30])
out('fz', vf[10])
out('fy', vf[:, 20])
out('fx', vf[:, :, 30])
out('s02', v.sum(axis=(0, 2)))
out('s02f', vf.sum(axis=(0, 2)))
out('s12', v.sum(axis=(1, 2)))
out('s0', v.sum(axis=0))
out('m64', v.mean(dtype=np.float64))
out('m64_axis0', v.mean(axis=0, dtype=np.float64))
out('m32', v.mean(axis=2))
out('mip', v.max(axis=0))
out('mipf', vf.max(axis=1))
i = v.argmin()
out('argmin', i)
out('unravel', np.array(np.unravel_index(i, v.shape)))
out('argmin_f', vf.argmin())
out('argmax_ax', vf.argmax(axis=2))
out('min_at', v[np.unravel_index(i, v.shape)])
sub = v[::2, 5:45:3, ::-4]
out('sub', sub)
out('sub_c', np.ascontiguousarray(sub))
out('tr', v.transpose(2, 0, 1).reshape(60, -1))
out('fc', vf.copy(order='C'))
`;

describeWithNumpy('workload: 3-D volume in C and F order', () => {
  test('slices, multi-axis sums, means with dtype, argmin unravel, copies match NumPy', () => {
    const w = new Workload(tmp, 'volume', PY);
    const v = openNpy(w.file('vol_c.npy'), { mode: 'r' });
    const vf = openNpy(w.file('vol_f.npy'), { mode: 'r' });
    const raw = memmap(w.file('vol_f.raw'), { dtype: '<f4', mode: 'r', shape: SHAPE, order: 'F' });
    w.same('vf', vf, { strides: true });
    w.same('raw', raw, { strides: true });
    w.same('z', v.index(10), { strides: true });
    w.same('y', v.index(':, 20'), { strides: true });
    w.same('x', v.index(':, :, 30'), { strides: true });
    w.same('fz', vf.index(10), { strides: true });
    w.same('fy', vf.index(':, 20'), { strides: true });
    w.same('fx', vf.index(':, :, 30'), { strides: true });
    w.same('s02', sum(v, [0, 2]));
    w.same('s02f', sum(vf, [0, 2]));
    w.same('s12', sum(v, [1, 2]));
    w.same('s0', sum(v, 0));
    w.same('m64', mean(v, null, { dtype: 'float64' }));
    w.same('m64_axis0', mean(v, 0, { dtype: 'float64' }));
    w.same('m32', mean(v, 2));
    w.same('mip', max(v, 0));
    w.same('mipf', max(vf, 1));
    const i = argmin(v);
    w.same('argmin', i);
    const [iz, iy, ix] = unravelIndex(i, v.shape);
    w.same('unravel', stack([iz, iy, ix]));
    // What a user writes without unravelIndex: the same coordinates.
    const [, ny, nx] = SHAPE;
    expect([floorDivide(i, ny * nx), remainder(floorDivide(i, nx), ny), remainder(i, nx)].map((x) => x.get())).toEqual([iz.get(), iy.get(), ix.get()]);
    w.same('argmin_f', argmin(vf));
    w.same('argmax_ax', argmax(vf, 2));
    w.same('min_at', v.index(Number(iz.get()), Number(iy.get()), Number(ix.get())));
    const sub = v.index('::2, 5:45:3, ::-4');
    w.same('sub', sub, { strides: true });
    w.same('sub_c', ascontiguousarray(sub), { strides: true });
    w.same('tr', v.transpose(2, 0, 1).reshape(60, -1), { strides: true });
    w.same('fc', vf.copy('C'), { strides: true });
    raw.close();
    vf.close();
    v.close();
    w.allChecked();
  });
});
