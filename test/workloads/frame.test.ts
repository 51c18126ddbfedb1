// Workload: RGB frames (uint8, HWC; a 480x270 frame stands in for 4K to keep
// CI small) as an image pipeline ports them: per-channel means, normalize to
// float32, gamma through power, contrast and clip, back to uint8 (truncating
// and rounding), planar CHW by transpose, frames joined by stack and
// concatenate, and uint8 arithmetic that wraps.
import {
  add, ceil, clip, round, concatenate, divide, floor, mean, max, multiply, power, rint, stack, subtract, absolute, trunc,
} from '../../lib';
import { memmap } from '../../lib/memmap';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-frame-');
const H = 270;
const W = 480;

const PY = `
rng = np.random.default_rng(11)
H, W = ${H}, ${W}
f1 = rng.integers(0, 256, (H, W, 3), dtype=np.uint8)
f2 = (f1.astype(np.int16) + rng.integers(-20, 21, (H, W, 3))).clip(0, 255).astype(np.uint8)
f1.tofile('f1.rgb'); f2.tofile('f2.rgb')

a = np.memmap('f1.rgb', dtype=np.uint8, mode='r', shape=(H, W, 3))
b = np.memmap('f2.rgb', dtype='uint8', mode='r', shape=(H, W, 3))
out('chmean', a.mean(axis=(0, 1)))
out('chmax', a.max(axis=2))
x = a.astype(np.float32) / 255
out('x', x)
g = np.power(x, 0.5)
out('g', g)
c = np.clip((g - 0.5) * 1.2 + 0.5, 0, 1)
out('c', c)
out('u8_trunc', (c * 255).astype(np.uint8))
out('u8_rint', np.rint(c * 255).astype(np.uint8))
out('u8_round', np.round(c * 255).astype(np.uint8))
out('c_2dp', np.round(c, 2))
out('u8_floor', np.floor(c * 255 + 0.5).astype(np.uint8))
out('ceil_f4', np.ceil(x * 10))
out('trunc_i', np.trunc(a[0, :8]))
planar = a.transpose(2, 0, 1)
out('planar', planar)
out('planar_c', np.ascontiguousarray(planar))
out('frames', np.stack([a, b]))
out('wide', np.concatenate([a, b], axis=1))
out('wrap', a + 100)
out('wrap2', a + np.uint8(100))
d = np.abs(a.astype(np.int16) - b)
out('diff', d)
out('mad', d.mean())
out('diff_u8', np.abs(a - b))
`;

describeWithNumpy('workload: RGB frames', () => {
  test('means, normalize, gamma, clip, back to uint8, planar, stack match NumPy', () => {
    const w = new Workload(tmp, 'frame', PY);
    const a = memmap(w.file('f1.rgb'), { dtype: 'uint8', mode: 'r', shape: [H, W, 3] });
    const b = memmap(w.file('f2.rgb'), { dtype: 'uint8', mode: 'r', shape: [H, W, 3] });
    w.same('chmean', mean(a, [0, 1]));
    w.same('chmax', max(a, 2));
    const x = divide(a.astype('float32'), 255);
    w.same('x', x);
    const g = power(x, 0.5);
    w.same('g', g);
    const c = clip(add(multiply(subtract(g, 0.5), 1.2), 0.5), 0, 1);
    w.same('c', c);
    w.same('u8_trunc', multiply(c, 255).astype('uint8'));
    w.same('u8_rint', rint(multiply(c, 255)).astype('uint8'));
    w.same('u8_round', round(multiply(c, 255)).astype('uint8'));
    w.same('c_2dp', round(c, 2));
    w.same('u8_floor', floor(add(multiply(c, 255), 0.5)).astype('uint8'));
    w.same('ceil_f4', ceil(multiply(x, 10)));
    w.same('trunc_i', trunc(a.index('0, :8')));
    const planar = a.transpose(2, 0, 1);
    w.same('planar', planar, { strides: true });
    w.same('planar_c', planar.copy('C'), { strides: true });
    w.same('frames', stack([a, b]));
    w.same('wide', concatenate([a, b], { axis: 1 }));
    w.same('wrap', add(a, 100));
    w.same('wrap2', add(a, 100));
    const d = absolute(subtract(a.astype('int16'), b));
    w.same('diff', d);
    w.same('mad', mean(d));
    w.same('diff_u8', absolute(subtract(a, b)));
    a.close();
    b.close();
    w.allChecked();
  });
});
