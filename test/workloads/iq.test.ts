// Workload: radio I/Q samples (complex64, as an SDR writes them) as a NumPy
// user ports a demodulator front end: the file mapped as complex64 and as
// interleaved float32 pairs, .real / .imag views, power by abs and by
// z * conj(z), a frequency shift by a complex multiply, decimation by a
// strided view, magnitude thresholds, and the real parts scaled in place.
import {
  absolute, add, conjugate, greater, mean, multiply, square, sum, argmax, fromBuffer, sharesMemory, openNpy,
} from '../../lib';
import { memmap } from '../../lib/memmap';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-iq-');

const PY = `
import shutil
rng = np.random.default_rng(17)
n = 16384
t = np.arange(n)
z = (np.exp(2j * np.pi * 0.05 * t) + 0.1 * (rng.normal(size=n) + 1j * rng.normal(size=n))).astype('<c8')
z.tofile('iq.c8')
shutil.copy('iq.c8', 'iq_np.c8')

z = np.memmap('iq.c8', dtype='<c8', mode='r')
pairs = np.memmap('iq.c8', dtype='<f4', mode='r').reshape(-1, 2)
out('pairs', pairs)
out('re', z.real)
out('im', z.imag)
out('mag', np.abs(z))
out('pow', (z * np.conj(z)).real)
out('pow2', np.square(z.real) + np.square(z.imag))
lo = np.exp(-2j * np.pi * 0.05 * np.arange(n)).astype('<c8')
np.save('lo.npy', lo)
bb = z * lo
out('bb_re', bb.real)
out('bb_im', bb.imag)
np.save('bb.npy', bb)  # NumPy's own product: the mean and decimation below are checked on it
out('bbmean', bb.mean())
out('dec', bb[::8])
out('peak', np.argmax(np.abs(z)))
out('hot', np.abs(z) > 1.2)
out('realsum', z.real.sum())
w = np.memmap('iq_np.c8', dtype='<c8', mode='r+')
w.real *= 2
w.imag[::2] = 0
w.flush()
out('scaled', np.fromfile('iq_np.c8', dtype='<c8'))
out('imag_of_real', np.arange(4.0).imag)
`;

describeWithNumpy('workload: I/Q samples (complex64)', () => {
  test('real/imag views, power, mixing, decimation, in-place scaling match NumPy', () => {
    const w = new Workload(tmp, 'iq', PY);
    const z = memmap(w.file('iq.c8'), { dtype: '<c8', mode: 'r' });
    const flat = memmap(w.file('iq.c8'), { dtype: '<f4', mode: 'r' });
    w.same('pairs', flat.reshape(-1, 2));
    flat.close();
    w.same('re', z.real, { strides: true });
    w.same('im', z.imag, { strides: true });
    expect(sharesMemory(z.imag, z)).toBe(true);
    // README: |z| is V8's Math.hypot, within 2 ulp of NumPy's vector loop (not bit-identical).
    w.near('mag', absolute(z), 2);
    // README: NumPy's AVX-512 complex multiply fuses the multiply-add and may differ in the last bit.
    w.near('pow', multiply(z, conjugate(z)).real, 1);
    w.same('pow2', add(square(z.real), square(z.imag)));
    const lo = openNpy(w.file('lo.npy'), { mode: 'r' });
    const bb = multiply(z, lo);
    w.near('bb_re', bb.real, 1, 1);
    w.near('bb_im', bb.imag, 1, 1);
    const nbb = openNpy(w.file('bb.npy'), { mode: 'r' });
    w.same('bbmean', mean(nbb));
    w.same('dec', nbb.index('::8'), { strides: true });
    nbb.close();
    w.same('peak', argmax(absolute(z))); // the same peak despite the ulps
    w.same('hot', greater(absolute(z), 1.2));
    w.same('realsum', sum(z.real));
    const m = memmap(w.file('iq.c8'), { dtype: '<c8', mode: 'r+' });
    const re = m.real;
    multiply(re, 2, { out: re });
    m.imag.index('::2').fill(0);
    m.flush();
    m.close();
    const scaled = memmap(w.file('iq.c8'), { dtype: '<c8', mode: 'r' });
    w.same('scaled', scaled);
    const ir = fromBuffer(new Float64Array([0, 1, 2, 3]), '<f8').imag;
    w.same('imag_of_real', ir);
    expect(ir.flags.writeable).toBe(false);
    scaled.close();
    lo.close();
    z.close();
    w.allChecked();
  });
});
