// Workload: a binary log with a big-endian file header, records mixing byte
// orders, and an unaligned trailer section, read from one Buffer as a NumPy
// user does with np.frombuffer(buf, dtype, count, offset) and .view():
// header fields, records at an offset, raw words reinterpreted, byte order
// normalized (astype / byteswap + view), sorting and unique on big-endian
// data (the result keeps the input's byte order), unaligned float64 at an odd
// offset, and frombuffer's errors for a short or misaligned buffer.
import * as fs from 'fs';
import {
  argsort, fromBuffer, sort, unique, sum, max, bincount, diff, cumsum, dtype,
} from '../../lib';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-binlog-');

const HDR = [['magic', 'S4'], ['ver', '>u2'], ['flags', 'u1'], ['pad', 'u1'], ['nrec', '>u4'], ['t0', '>f8']] as const;
const REC = [['seq', '>i4'], ['val', '<f4'], ['chan', '>u2'], ['kind', 'u1'], ['pad', 'V1']] as const;

const PY = `
rng = np.random.default_rng(2)
hdr = np.dtype(T(${JSON.stringify(HDR)}))
rec = np.dtype(T(${JSON.stringify(REC)}))
nrec = 3000
h = np.zeros(1, hdr)
h[0] = (b'MLOG', 3, 0x81, 0, nrec, 1.7e9 + 0.25)
r = np.zeros(nrec, rec)
r['seq'] = np.arange(nrec) * 3 - 4000
r['val'] = rng.normal(0, 100, nrec).astype('f4')
r['chan'] = rng.integers(0, 12, nrec) * 300
r['kind'] = rng.integers(0, 4, nrec)
tail = rng.normal(0, 1, 100).astype('<f8')
with open('log.bin', 'wb') as f:
    f.write(h.tobytes()); f.write(r.tobytes()); f.write(b'\\x00\\x00\\x00'); f.write(tail.tobytes())

buf = open('log.bin', 'rb').read()
H = np.frombuffer(buf, dtype=hdr, count=1)
out('H', H)
n = int(H['nrec'][0])
R = np.frombuffer(buf, dtype=rec, count=n, offset=hdr.itemsize)
out('R', R)
out('seq', R['seq'])
out('seq_native', R['seq'].astype('<i4'))
out('seq_swapped', R['seq'].byteswap().view('<i4'))
out('seq_nbo', R['seq'].view(R['seq'].dtype.newbyteorder('<')))
raw = np.frombuffer(buf, dtype='>u4', count=5, offset=0)
out('raw', raw)
words = np.frombuffer(buf, dtype='u1', count=n * rec.itemsize, offset=hdr.itemsize).reshape(n, rec.itemsize)
out('words_seq', words[:, 0:4].view('>i4'))
out('words_chan', words[:, 8:10].view('>u2')[:, 0])
chan = R['chan']
out('chan_sorted', np.sort(chan))
out('chan_argsort', np.argsort(chan, kind='stable'))
u, c = np.unique(chan, return_counts=True)
out('chan_u', u)
out('chan_c', c)
out('chan_bincount', np.bincount(chan // 300))
out('val_sum_by_kind', np.bincount(R['kind'], weights=R['val']))
out('seq_step', np.diff(R['seq']))
out('seq_cum', np.cumsum(R['seq']))
out('chan_max', chan.max())
off = hdr.itemsize + n * rec.itemsize + 3
T8 = np.frombuffer(buf, dtype='<f8', offset=off)
out('tail', T8)
out('tail_aligned', T8.flags.aligned)
out('tail_sum', T8.sum())
err('short', lambda: np.frombuffer(buf, dtype='<f8', offset=len(buf) - 3))
err('count', lambda: np.frombuffer(buf, dtype='<f8', count=10**6, offset=off))
err('offset', lambda: np.frombuffer(buf, dtype='u1', offset=len(buf) + 1))
err('multiple', lambda: np.frombuffer(buf[:off + 13], dtype='<f8', offset=off))
`;

describeWithNumpy('workload: mixed-endian binary log', () => {
  test('header, records at an offset, byte-order views, unaligned trailer, frombuffer errors match NumPy', () => {
    const w = new Workload(tmp, 'binlog', PY);
    const buf = fs.readFileSync(w.file('log.bin'));
    const hdr = dtype(HDR);
    const rec = dtype(REC);
    const H = fromBuffer(buf, hdr, { count: 1 });
    w.same('H', H);
    const n = (H.get(0) as { nrec: number }).nrec;
    const R = fromBuffer(buf, rec, { count: n, offset: hdr.itemsize });
    w.same('R', R);
    const seq = R.field('seq');
    w.same('seq', seq);
    w.same('seq_native', seq.astype('<i4'));
    w.same('seq_swapped', seq.byteswap().view('<i4'));
    w.same('seq_nbo', seq.view(seq.dtype.newbyteorder('<')));
    w.same('raw', fromBuffer(buf, '>u4', { count: 5, offset: 0 }));
    const words = fromBuffer(buf, 'u1', { count: n * rec.itemsize, offset: hdr.itemsize }).reshape(n, rec.itemsize);
    w.same('words_seq', words.index(':, 0:4').view('>i4'));
    w.same('words_chan', words.index(':, 8:10').view('>u2').index(':, 0'));
    const chan = R.field('chan');
    w.same('chan_sorted', sort(chan));
    w.same('chan_argsort', argsort(chan, { kind: 'stable' }));
    const { values: u, counts: c } = unique(chan, { returnCounts: true });
    w.same('chan_u', u);
    w.same('chan_c', c!);
    w.same('chan_bincount', bincount(chan.floorDivide(300)));
    w.same('val_sum_by_kind', bincount(R.field('kind'), { weights: R.field('val') }));
    w.same('seq_step', diff(seq));
    w.same('seq_cum', cumsum(seq));
    w.same('chan_max', max(chan));
    const off = hdr.itemsize + n * rec.itemsize + 3;
    const t8 = fromBuffer(buf, '<f8', { offset: off });
    w.same('tail', t8);
    w.same('tail_aligned', fromBuffer(new Uint8Array([t8.flags.aligned ? 1 : 0]), '?').reshape([]));
    w.same('tail_sum', sum(t8));
    w.raises('short', () => fromBuffer(buf, '<f8', { offset: buf.length - 3 }));
    w.raises('count', () => fromBuffer(buf, '<f8', { count: 10 ** 6, offset: off }));
    w.raises('offset', () => fromBuffer(buf, 'u1', { offset: buf.length + 1 }));
    w.raises('multiple', () => fromBuffer(buf.subarray(0, off + 13), '<f8', { offset: off }));
    w.allChecked();
  });
});
