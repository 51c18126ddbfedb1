// Workload: audio DSP without FFT on a raw int16 mono stream: normalize to
// float32, a moving average by cumsum differences, an RMS envelope, peak
// detection with comparisons and nonzero, a gain with round + clip back to
// int16 (NumPy's half-to-even rounding, and the wrap a plain astype gives),
// and decimation by a strided view.
import {
  absolute, argmax, clip, concatenate, cumsum, divide, greater, greaterEqual, logicalAnd,
  multiply, nonzero, round, sqrt, subtract, zeros, mean, square, slidingWindowView, fromBuffer,
} from '../../lib';
import { memmap } from '../../lib/memmap';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-dsp-');
const K = 32;

const PY = `
rng = np.random.default_rng(44)
n = 96000
t = np.arange(n) / 48000.0
x = 9000 * np.sin(2 * np.pi * 220 * t) * (1 + (t > 1.0)) + rng.normal(0, 800, n)
x[::9000] += 14000
x = np.clip(np.round(x), -32768, 32767).astype('<i2')
x[:4] = [-32768, 32767, 0, -1]
x.tofile('in.pcm')

s = np.memmap('in.pcm', dtype='<i2', mode='r')
f = s.astype(np.float32) / 32768.0
out('f', f)
k = ${K}
c = np.cumsum(f, dtype=np.float64)
out('c', c)
ma = (c[k:] - c[:-k]) / k
out('ma', ma)
c0 = np.concatenate((np.zeros(1), c))
out('ma_full', (c0[k:] - c0[:-k]) / k)
env = np.sqrt(np.lib.stride_tricks.sliding_window_view(f.astype(np.float64) ** 2, 256)[::256].mean(axis=1))
out('env', env)
a = np.abs(f)
thr = 0.6
pk = (a[1:-1] > a[:-2]) & (a[1:-1] >= a[2:]) & (a[1:-1] > thr)
idx = np.nonzero(pk)[0] + 1
out('peaks', idx)
out('peak_vals', f[idx])
out('loudest', np.argmax(a))
g = f * np.float32(1.7)
out('g', g)
y = np.clip(np.round(g * 32767), -32768, 32767).astype('<i2')
out('y', y)
out('y_wrap', (g * 32767).astype('<i2'))
out('half', np.round(np.array([0.5, 1.5, 2.5, -0.5, -1.5, 32766.5, -32768.5], dtype='f4')))
out('dec', s[::4])
out('dec_mean', s.reshape(-1, 4).mean(axis=1))
out('rms', np.sqrt(np.mean(np.square(f, dtype=np.float64))))
`;

describeWithNumpy('workload: audio DSP without FFT', () => {
  test('normalize, moving average, envelope, peaks, round/clip to int16 match NumPy', () => {
    const w = new Workload(tmp, 'dsp', PY);
    const s = memmap(w.file('in.pcm'), { dtype: '<i2', mode: 'r' });
    const f = divide(s.astype('float32'), 32768.0);
    w.same('f', f);
    const c = cumsum(f, null, { dtype: 'float64' });
    w.same('c', c);
    w.same('ma', divide(subtract(c.index(`${K}:`), c.index(`:-${K}`)), K));
    const c0 = concatenate([zeros(1), c]);
    w.same('ma_full', divide(subtract(c0.index(`${K}:`), c0.index(`:-${K}`)), K));
    const env = sqrt(mean(slidingWindowView(square(f.astype('float64')), 256).index('::256'), 1));
    w.same('env', env);
    const a = absolute(f);
    const mid = a.index('1:-1');
    const pk = logicalAnd(logicalAnd(greater(mid, a.index(':-2')), greaterEqual(mid, a.index('2:'))), greater(mid, 0.6));
    const idx = nonzero(pk)[0].add(1);
    w.same('peaks', idx);
    w.same('peak_vals', f.index(idx));
    w.same('loudest', argmax(a));
    const g = multiply(f, Math.fround(1.7));
    w.same('g', g);
    w.same('y', clip(round(multiply(g, 32767)), -32768, 32767).astype('<i2'));
    w.same('y_wrap', multiply(g, 32767).astype('<i2'));
    const half = round(fromBuffer(new Float32Array([0.5, 1.5, 2.5, -0.5, -1.5, 32766.5, -32768.5]), '<f4'));
    w.same('half', half);
    w.same('dec', s.index('::4'));
    w.same('dec_mean', mean(s.reshape(-1, 4), 1));
    w.same('rms', sqrt(mean(square(f, { dtype: 'float64' }))));
    s.close();
    w.allChecked();
  });
});
