// Workload: chunked calibration of a raw multi-channel recording (a 100-byte
// header, then int16 ADC counts, rows × channels), as a NumPy user streams a
// file too big for memory: the row count from the file size, a memmap at an
// unaligned offset, per-channel gain/offset broadcast over each block of rows
// into a 'w+' float32 output memmap, running min/max/sum and saturation counts
// across blocks, then the output reopened for per-channel mean and std, a
// decimated copy, and the reshape mistake a size that does not divide makes.
import * as fs from 'fs';
import {
  add, countNonzero, equal, logicalOr, max, maximum, mean, min, minimum, multiply, std, subtract,
  sum, zeros, fromBuffer,
} from '../../lib';
import { memmap } from '../../lib/memmap';
import { openNpy } from '../../lib/npy/npy';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-chunked-');
const CH = 12;
const HEADER = 100;
const BLOCK = 4096;

const PY = `
rng = np.random.default_rng(5)
ch, rows = ${CH}, 50_000
x = rng.normal(0, 6000, (rows, ch)).round().clip(-32768, 32767).astype('<i2')
x[rng.integers(0, rows, 40), rng.integers(0, ch, 40)] = 32767
x[rng.integers(0, rows, 40), rng.integers(0, ch, 40)] = -32768
with open('rec.bin', 'wb') as f:
    f.write(b'REC1' + bytes(${HEADER} - 4)); f.write(x.tobytes())
gain = (1 + rng.normal(0, 0.01, ch)).astype('<f4')
offset = rng.normal(0, 3, ch).astype('<f4')
np.save('gain.npy', gain)
np.save('offset.npy', offset)

import os
hdr, block = ${HEADER}, ${BLOCK}
n = (os.path.getsize('rec.bin') - hdr) // (2 * ch)
out('n', n)
s = np.memmap('rec.bin', dtype='<i2', mode='r', offset=hdr, shape=(n, ch))
o = np.memmap('np_cal.f4', dtype='<f4', mode='w+', shape=(n, ch))
lo = np.full(ch, np.inf, dtype='<f4')
hi = np.full(ch, -np.inf, dtype='<f4')
tot = np.zeros(ch)
sat = np.zeros(ch, dtype=np.int64)
for i in range(0, n, block):
    b = s[i:i + block]
    c = (b - offset) * gain
    o[i:i + block] = c
    lo = np.minimum(lo, c.min(axis=0))
    hi = np.maximum(hi, c.max(axis=0))
    tot += c.sum(axis=0, dtype=np.float64)
    sat += np.count_nonzero((b == 32767) | (b == -32768), axis=0)
o.flush()
del o
out('lo', lo)
out('hi', hi)
out('tot', tot)
out('sat', sat)
cal = np.memmap('np_cal.f4', dtype='<f4', mode='r', shape=(n, ch))
out('cal', cal)
out('cal_mean', cal.mean(axis=0, dtype=np.float64))
out('cal_std', cal.std(axis=0))
out('cal_std64', cal.std(axis=0, dtype=np.float64, ddof=1))
out('dec', cal[::10, ::3].copy())
err('reshape', lambda: s.reshape(-1, 7))
`;

describeWithNumpy('workload: chunked calibration of a raw recording', () => {
  test('row count from file size, unaligned offset, block-wise calibration into w+, running stats match NumPy', () => {
    const w = new Workload(tmp, 'chunked', PY);
    const gain = openNpy(w.file('gain.npy'), { mode: 'r' });
    const offset = openNpy(w.file('offset.npy'), { mode: 'r' });
    const n = Math.floor((fs.statSync(w.file('rec.bin')).size - HEADER) / (2 * CH));
    w.same('n', fromBuffer(new BigInt64Array([BigInt(n)]), '<i8').reshape([]));
    const s = memmap(w.file('rec.bin'), { dtype: '<i2', mode: 'r', offset: HEADER, shape: [n, CH] });
    const o = memmap(w.file('js_cal.f4'), { dtype: '<f4', mode: 'w+', shape: [n, CH] });
    let lo = zeros(CH, '<f4').add(Infinity);
    let hi = zeros(CH, '<f4').add(-Infinity);
    const tot = zeros(CH);
    const sat = zeros(CH, 'int64');
    for (let i = 0; i < n; i += BLOCK) {
      const b = s.index(`${i}:${i + BLOCK}`);
      const c = multiply(subtract(b, offset), gain);
      o.index(`${i}:${i + BLOCK}`).set(c);
      lo = minimum(lo, min(c, 0));
      hi = maximum(hi, max(c, 0));
      add(tot, sum(c, 0, { dtype: 'float64' }), { out: tot });
      add(sat, countNonzero(logicalOr(equal(b, 32767), equal(b, -32768)), 0), { out: sat });
    }
    o.flush();
    o.close();
    w.same('lo', lo);
    w.same('hi', hi);
    w.same('tot', tot);
    w.same('sat', sat);
    const cal = memmap(w.file('js_cal.f4'), { dtype: '<f4', mode: 'r', shape: [n, CH] });
    w.same('cal', cal);
    w.same('cal_mean', mean(cal, 0, { dtype: 'float64' }));
    w.same('cal_std', std(cal, 0));
    w.same('cal_std64', std(cal, 0, { dtype: 'float64', ddof: 1 }));
    w.same('dec', cal.index('::10, ::3').copy());
    w.raises('reshape', () => s.reshape(-1, 7));
    for (const a of [cal, s, gain, offset]) a.close();
    w.allChecked();
  });
});
