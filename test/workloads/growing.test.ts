// Workload: a record file that grows, as a logger and its reader port it from
// NumPy: create, append rows, reopen 'r+' (shape from the file size), update
// every tenth value in place, grow to a larger shape, shrink, read back; a
// .npy series saved and appended to; and the same records off a socket
// (recordStream over random-size chunks) against np.frombuffer of the bytes.
import * as fs from 'fs';
import { Readable } from 'stream';
import {
  add, multiply, appendNpy, arange, concatenate, fromBuffer, recordStream, saveNpy, zeros, PartialRecordError,
} from '../../lib';
import { memmap } from '../../lib/memmap';
import { openNpy } from '../../lib/npy/npy';
import type { NdArray } from '../../lib/ndarray';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-grow-');
const REC = [['id', '<u4'], ['value', '<f4'], ['flag', 'u1']] as const;

const PY = `
rec = np.dtype(T(${JSON.stringify(REC)}))
m = np.memmap('log.bin', dtype=rec, mode='w+', shape=(100,))
m['id'] = np.arange(100)
m['value'] = np.arange(100) * 0.5
m.flush(); del m
rows = np.zeros(50, rec)
rows['id'] = np.arange(100, 150); rows['value'] = -1.25; rows['flag'] = 1
with open('log.bin', 'ab') as f:
    rows.tofile(f)
m = np.memmap('log.bin', dtype=rec, mode='r+')
out('reopened_shape', np.array(m.shape))
m['value'][::10] += 1
m.flush(); del m
m = np.memmap('log.bin', dtype=rec, mode='r+', shape=(200,))
m[190] = (7, 7.5, 7)
m.flush(); del m
out('grown', np.fromfile('log.bin', dtype=rec))
os.truncate('log.bin', 180 * rec.itemsize)
out('shrunk', np.fromfile('log.bin', dtype=rec))

np.save('series.npy', np.arange(3, dtype='f8'))
s = np.concatenate([np.load('series.npy'), [3.0, 4.0]])
np.save('series.npy', s)
out('series', np.load('series.npy'))

raw = np.fromfile('log.bin', dtype=np.uint8)
out('stream', np.frombuffer(raw.tobytes(), dtype=rec))
err('partial', lambda: np.frombuffer(raw.tobytes()[:-3], dtype=rec))
`;

function chunks(bytes: Uint8Array, seed: number): Buffer[] {
  let x = seed;
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length;) {
    x = (x * 1103515245 + 12345) >>> 0;
    const n = Math.min(bytes.length - at, 1 + (x % 97));
    out.push(Buffer.from(bytes.subarray(at, at + n)));
    at += n;
  }
  return out;
}

async function collect(bytes: Uint8Array): Promise<NdArray> {
  const parts: NdArray[] = [];
  for await (const b of recordStream(Readable.from(chunks(bytes, 42)), REC, { batch: 64 })) parts.push(b.copy());
  return concatenate(parts);
}

describeWithNumpy('workload: a growing record file and its stream', () => {
  test('append, reopen, update, grow, shrink, .npy append and stream match NumPy', async () => {
    const w = new Workload(tmp, 'grow', PY);
    const p = w.file('log-js.bin');
    const m = memmap(p, { dtype: REC, mode: 'w+', shape: [100] });
    m.field('id').set(arange(100));
    m.field('value').set(multiply(arange(100), 0.5));
    m.append(rows());
    m.close();
    const r = memmap(p, { dtype: REC, mode: 'r+' });
    w.same('reopened_shape', fromBuffer(new BigInt64Array(r.shape.map(BigInt)), '<i8'));
    const every10 = r.field('value').index('::10');
    add(every10, 1, { out: every10 });
    r.flush();
    r.close();
    const g = memmap(p, { dtype: REC, mode: 'r+', shape: [200] });
    g.set(190, { id: 7, value: 7.5, flag: 7 });
    g.close();
    w.same('grown', readAll(p));
    const s2 = memmap(p, { dtype: REC, mode: 'r+' });
    s2.resize([180]);
    s2.close();
    w.same('shrunk', readAll(p));
    expect(fs.readFileSync(p)).toEqual(fs.readFileSync(w.file('log.bin')));

    const sp = w.file('series-js.npy');
    saveNpy(sp, arange(3, 'f8'));
    appendNpy(sp, [3, 4]);
    const series = openNpy(sp, { mode: 'r' });
    w.same('series', series);
    series.close();

    const bytes = fs.readFileSync(p);
    w.same('stream', await collect(bytes));
    await expect(collect(bytes.subarray(0, bytes.length - 3))).rejects.toThrow(PartialRecordError);
    w.raises('partial', () => fromBuffer(bytes.subarray(0, bytes.length - 3), REC), /multiple of element size/);
    w.allChecked();
  });
});

function rows(): NdArray {
  const r = zeros(50, REC);
  r.field('id').set(arange(100, 150));
  r.field('value').fill(-1.25);
  r.field('flag').fill(1);
  return r;
}

function readAll(p: string): NdArray {
  const m = memmap(p, { dtype: REC, mode: 'r' });
  const c = m.copy();
  m.close();
  return c;
}
