// Workload: 16-bit grayscale image tiles, as a NumPy user processes a raw
// uint16 frame: a display window with clip, scaling to uint8 with rounding
// (and the truncating cast a user writes by mistake), a 3×3 box filter mean
// over slidingWindowView, the reshape/transpose tiling trick, a contiguous
// copy of the tiles, argmax per tile and its (row, col) inside the tile
// (unravelIndex, and the floorDivide/remainder a user writes without it).
import {
  argmax, ascontiguousarray, clip, floorDivide, max, mean, multiply, remainder, round, rint,
  slidingWindowView, subtract, sum, unravelIndex,
} from '../../lib';
import { memmap } from '../../lib/memmap';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload, bytesOf } from './harness';

const tmp = useTempDir('mmarray-wl-tiles-');
const H = 256;
const W = 384;
const T = 32;

const PY = `
rng = np.random.default_rng(9)
h, w, t = ${H}, ${W}, ${T}
img = rng.normal(2000, 700, (h, w)).clip(0, 65535).astype('<u2')
img[0, :6] = [0, 65535, 999, 1000, 3000, 3001]
img[100:104, 200:204] = 60000
img.tofile('img.raw')

im = np.memmap('img.raw', dtype='<u2', mode='r', shape=(h, w))
lo, hi = 1000, 3000
win = np.clip(im, lo, hi)
out('win', win)
scaled = (win.astype(np.float32) - lo) * np.float32(255 / (hi - lo))
out('scaled', scaled)
out('u8_round', np.round(scaled).astype('u1'))
out('u8_rint', np.rint(scaled).astype(np.uint8))
out('u8_trunc', scaled.astype('u1'))
sw = np.lib.stride_tricks.sliding_window_view(im, (3, 3))
out('sw', sw)
out('box', sw.mean(axis=(-2, -1)))
out('box_sum', sw.sum(axis=(2, 3)))
tiles = im.reshape(h // t, t, w // t, t).transpose(0, 2, 1, 3)
out('tiles', tiles)
c = np.ascontiguousarray(tiles)
out('c', c)
flat = c.reshape(h // t, w // t, t * t)
am = flat.argmax(axis=2)
out('am', am)
r, col = np.unravel_index(am, (t, t))
out('am_r', r)
out('am_c', col)
out('tmax', tiles.max(axis=(2, 3)))
out('tmean', tiles.mean(axis=(2, 3)))
out('tsum', tiles.sum(axis=(2, 3), dtype='<u8'))
`;

describeWithNumpy('workload: 16-bit image tiles', () => {
  test('window, uint8 scaling, box filter, tiling, argmax per tile match NumPy', () => {
    const w = new Workload(tmp, 'tiles', PY);
    const im = memmap(w.file('img.raw'), { dtype: '<u2', mode: 'r', shape: [H, W] });
    const lo = 1000;
    const hi = 3000;
    const win = clip(im, lo, hi);
    w.same('win', win);
    // np.float32(255 / 2000): the scale as a float32 array scalar.
    const scale = Math.fround(255 / (hi - lo));
    const scaled = multiply(subtract(win.astype('float32'), lo), scale);
    w.same('scaled', scaled);
    w.same('u8_round', round(scaled).astype('u1'));
    w.same('u8_rint', rint(scaled).astype('uint8'));
    w.same('u8_trunc', scaled.astype('u1'));
    const sw = slidingWindowView(im, [3, 3]);
    w.same('sw', sw);
    w.same('box', mean(sw, [-2, -1]));
    w.same('box_sum', sum(sw, [2, 3]));
    const tiles = im.reshape(H / T, T, W / T, T).transpose(0, 2, 1, 3);
    w.same('tiles', tiles, { strides: true });
    const c = ascontiguousarray(tiles);
    w.same('c', c, { strides: true });
    const flat = c.reshape(H / T, W / T, T * T);
    const am = argmax(flat, 2);
    w.same('am', am);
    const [r, col] = unravelIndex(am, [T, T]);
    w.same('am_r', r);
    w.same('am_c', col);
    expect(bytesOf(floorDivide(am, T))).toEqual(bytesOf(r));
    expect(bytesOf(remainder(am, T))).toEqual(bytesOf(col));
    w.same('tmax', max(tiles, [2, 3]));
    w.same('tmean', mean(tiles, [2, 3]));
    w.same('tsum', sum(tiles, [2, 3], { dtype: '<u8' }));
    im.close();
    w.allChecked();
  });
});
