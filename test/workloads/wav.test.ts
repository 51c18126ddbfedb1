// Workload: a WAV file (int16 stereo) as a NumPy user handles it: the header
// parsed with a structured dtype, the samples mapped after it, deinterleaved,
// normalized to float32, mixed, gained, clipped, converted back to int16 and
// written to a new file (saveNpy and a 'w+' memmap).
import * as fs from 'fs';
import {
  absolute, add, clip, max, mean, multiply, sqrt, square, stack, divide, floorDivide, saveNpy,
} from '../../lib';
import { memmap } from '../../lib/memmap';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-wav-');

const HEADER = [
  ['riff', 'S4'], ['size', '<u4'], ['wave', 'S4'], ['fmt', 'S4'], ['fmtsize', '<u4'],
  ['format', '<u2'], ['channels', '<u2'], ['rate', '<u4'], ['byterate', '<u4'],
  ['blockalign', '<u2'], ['bits', '<u2'], ['data', 'S4'], ['datasize', '<u4'],
] as const;

const PY = `
rng = np.random.default_rng(3)
n = 48000
t = np.arange(n) / 48000.0
l = (np.sin(2 * np.pi * 440 * t) * 30000 + rng.normal(0, 2000, n)).clip(-32768, 32767).astype('<i2')
r = (np.sin(2 * np.pi * 660 * t) * 20000).astype('<i2')
l[:4] = [-32768, 32767, -32767, 0]
data = np.stack([l, r], axis=1).tobytes()
hdr = np.dtype(T(${JSON.stringify(HEADER)}))
h = np.zeros(1, hdr)
h[0] = (b'RIFF', 36 + len(data), b'WAVE', b'fmt ', 16, 1, 2, 48000, 48000 * 4, 4, 16, b'data', len(data))
with open('in.wav', 'wb') as f:
    f.write(h.tobytes()); f.write(data)

h = np.fromfile('in.wav', dtype=hdr, count=1)
out('hdr', h)
ch = int(h['channels'][0])
s = np.memmap('in.wav', dtype='<i2', mode='r', offset=hdr.itemsize, shape=(int(h['datasize'][0]) // (2 * ch), ch))
out('left', s[:, 0])
out('peak', np.abs(s).max(axis=0))
lf = s[:, 0].astype(np.float32) / 32768
rf = s[:, 1].astype('float32') / 32768
out('lf', lf)
mono = (lf + rf) * 0.5
out('mono', mono)
out('rms', np.sqrt(np.mean(np.square(mono.astype(np.float64)))))
loud = np.clip(mono * 1.8, -1, 1)
out('loud', loud)
back = (loud * 32767).astype('<i2')
out('back', back)
st = np.stack([back, (rf * 32767).astype('<i2')], axis=1)
out('st', st)
np.save('mix.npy', st)
o = np.memmap('out.raw', dtype='<i2', mode='w+', shape=st.shape)
o[:] = st
o[:, 1] //= 2
o.flush()
del o
out('outraw', np.fromfile('out.raw', dtype='<i2').reshape(st.shape))
`;

describeWithNumpy('workload: WAV file', () => {
  test('header, deinterleave, normalize, mix, clip, back to int16 match NumPy', () => {
    const w = new Workload(tmp, 'wav', PY);
    const h = memmap(w.file('in.wav'), { dtype: HEADER, mode: 'r', shape: [1] });
    w.same('hdr', h);
    const hv = h.get(0);
    const ch = hv.channels;
    const s = memmap(w.file('in.wav'), {
      dtype: '<i2', mode: 'r', offset: h.itemsize, shape: [hv.datasize / (2 * ch), ch],
    });
    w.same('left', s.index(':, 0'));
    w.same('peak', max(absolute(s), 0));
    const lf = divide(s.index(':, 0').astype('float32'), 32768);
    const rf = divide(s.index(':, 1').astype('float32'), 32768);
    w.same('lf', lf);
    const mono = multiply(add(lf, rf), 0.5);
    w.same('mono', mono);
    w.same('rms', sqrt(mean(square(mono.astype('float64')))));
    const loud = clip(multiply(mono, 1.8), -1, 1);
    w.same('loud', loud);
    const back = multiply(loud, 32767).astype('<i2');
    w.same('back', back);
    const st = stack([back, multiply(rf, 32767).astype('<i2')], { axis: 1 });
    w.same('st', st);
    saveNpy(w.file('mix-js.npy'), st);
    expect(fs.readFileSync(w.file('mix-js.npy'))).toEqual(fs.readFileSync(w.file('mix.npy')));
    const o = memmap(w.file('out-js.raw'), { dtype: '<i2', mode: 'w+', shape: st.shape });
    o.set(st);
    const c1 = o.index(':, 1');
    floorDivide(c1, 2, { out: c1 });
    o.flush();
    o.close();
    const back2 = memmap(w.file('out-js.raw'), { dtype: '<i2', mode: 'r', shape: st.shape });
    w.same('outraw', back2);
    back2.close();
    s.close();
    h.close();
    w.allChecked();
  });
});
