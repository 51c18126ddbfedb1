// Float64 sums of layouts NumPy's iterator buffers follow its buffered
// order: whole rows per np.getbufsize()-item buffer (a longer row in pieces
// of that many), each buffer summed pairwise, the buffer sums added in order.
// NumPy buffers an unaligned layout (a <f8 at offset 12 of a 28-byte record)
// and one of two or more rows shorter than the buffer (a matrix slice). The
// kernel (BufferedSumPlan in native/kernels.cc, sync and async) and the JS
// mirror (lib/buffered-sum.ts) are checked bit for bit against NumPy itself
// at the buffer edges; a layout that walks as one row (aligned), or as rows
// of a buffer or more, keeps the whole-row pairwise order, as NumPy's.
import { asStrided, broadcastTo, fromBuffer, sum as sumAxis } from '../lib';
import { bufferedPairwiseSum, isNumpyAligned, NUMPY_BUFFER_ITEMS } from '../lib/buffered-sum';
import { ReduceOp } from '../lib/kernels';
import { pairwiseSum, reduceJSForTest } from '../lib/reduce';
import { rng } from './helpers/bytes';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { useTempDir } from './helpers/tmp';
import * as fs from 'fs';

const tmp = useTempDir('mmarray-buffered-sum-');

interface Case {
  label: string;
  dt: '<f8' | '>f8';
  itemsize: number; // record size in bytes
  off: number; // the value's offset in the record
  shift: number; // the first record's offset in the buffer
  shape: number[];
  cols?: number; // records per row in memory (2-d: more than shape[1] leaves a gap between rows)
}

const SIZES = [8191, 8192, 8193, 3 * 8192 + 5];
const LAYOUTS: Omit<Case, 'label' | 'shape'>[] = [
  { dt: '<f8', itemsize: 28, off: 12, shift: 0 }, // packed record, unaligned
  { dt: '>f8', itemsize: 28, off: 12, shift: 0 },
  { dt: '<f8', itemsize: 12, off: 4, shift: 0 },
  { dt: '<f8', itemsize: 9, off: 1, shift: 0 }, // odd stride
  { dt: '<f8', itemsize: 8, off: 0, shift: 4 }, // contiguous at an unaligned address
  { dt: '<f8', itemsize: 24, off: 8, shift: 0 }, // aligned strided field
  { dt: '<f8', itemsize: 16, off: 0, shift: 8 },
];

function cases(): Case[] {
  const out: Case[] = [];
  for (const l of LAYOUTS) {
    for (const n of SIZES) out.push({ ...l, label: `${l.dt} at ${l.off} of ${l.itemsize}, shift ${l.shift}, n=${n}`, shape: [n] });
  }
  // 2-d: rows of 100 of 120 records, so NumPy cannot merge the axes; its
  // buffers take 81 whole rows each, aligned or not.
  out.push({ dt: '<f8', itemsize: 28, off: 12, shift: 0, label: '<f8 at 12 of 28, 300x100 of 300x120', shape: [300, 100], cols: 120 });
  out.push({ dt: '<f8', itemsize: 8, off: 0, shift: 0, label: '<f8, 300x100 of 300x120', shape: [300, 100], cols: 120 });
  out.push({ dt: '>f8', itemsize: 24, off: 8, shift: 0, label: '>f8 at 8 of 24, 300x100 of 300x120', shape: [300, 100], cols: 120 });
  // Rows of a buffer or more: whole rows in place when aligned, pieces of 8192 when not.
  out.push({ dt: '<f8', itemsize: 8, off: 0, shift: 0, label: '<f8, 3x9000 of 3x9001', shape: [3, 9000], cols: 9001 });
  out.push({ dt: '<f8', itemsize: 28, off: 12, shift: 0, label: '<f8 at 12 of 28, 3x9000 of 3x9001', shape: [3, 9000], cols: 9001 });
  return out;
}

/** Bytes holding the case's values (mixed magnitudes, so orders differ in the last bits). */
function records(c: Case): number {
  return c.shape.length === 1 ? c.shape[0] : c.shape[0] * (c.cols ?? c.shape[1]);
}

function bytesOf(c: Case, seed: number): { buf: ArrayBuffer; size: number } {
  const size = records(c);
  const buf = new ArrayBuffer(c.shift + size * c.itemsize);
  const dv = new DataView(buf);
  const r = rng(seed);
  for (let i = 0; i < size; i++) dv.setFloat64(c.shift + i * c.itemsize + c.off, (r() - 0.3) * 10 ** Math.floor(r() * 12), c.dt === '<f8');
  return { buf, size };
}

function viewOf(c: Case, buf: ArrayBuffer) {
  const tail = c.itemsize - c.off - 8;
  const spec: [string, string][] = [];
  if (c.off > 0) spec.push(['pad', `V${c.off}`]);
  spec.push(['value', c.dt]);
  if (tail > 0) spec.push(['tail', `V${tail}`]);
  const f = fromBuffer(new Uint8Array(buf, c.shift, records(c) * c.itemsize), spec).field('value');
  return c.shape.length === 1 ? f : f.reshape([c.shape[0], c.cols ?? c.shape[1]]).index(`:, :${c.shape[1]}`);
}

function bits(x: number): string {
  const dv = new DataView(new ArrayBuffer(8));
  dv.setFloat64(0, x);
  return dv.getBigUint64(0).toString(16);
}

describe('isNumpyAligned', () => {
  it('needs the address and every stride of an axis longer than one to be multiples', () => {
    expect(isNumpyAligned(8, [10], [24], 8)).toBe(true);
    expect(isNumpyAligned(12, [10], [28], 8)).toBe(false);
    expect(isNumpyAligned(8, [10], [28], 8)).toBe(false);
    expect(isNumpyAligned(0, [1, 10], [7, 8], 8)).toBe(true); // a length-1 axis's stride does not count
  });
});

describe('bufferedPairwiseSum', () => {
  it('equals the whole-row pairwise sum (lib/reduce.ts pairwiseSum) up to one buffer, and chunk sums added in order past it', () => {
    const r = rng(3);
    const v = Float64Array.from({ length: 3 * NUMPY_BUFFER_ITEMS + 5 }, () => (r() - 0.5) * 10 ** Math.floor(r() * 10));
    const read = (i: number): number => v[i];
    expect(bufferedPairwiseSum(read, [NUMPY_BUFFER_ITEMS], [1], 0)).toBe(pairwiseSum(read, 0, NUMPY_BUFFER_ITEMS, 1));
    let chunks = 0;
    for (let i = 0; i < v.length; i += NUMPY_BUFFER_ITEMS) chunks += pairwiseSum(read, i, Math.min(NUMPY_BUFFER_ITEMS, v.length - i), 1);
    expect(bufferedPairwiseSum(read, [v.length], [1], 0)).toBe(chunks);
    expect(chunks).not.toBe(pairwiseSum(read, 0, v.length, 1)); // the orders do differ on this data
  });
});

describeWithNumpy('float64 sums equal NumPy on unaligned and aligned strided layouts', () => {
  it('kernel and JS mirror give NumPy\'s bits at the buffer-size edges, 1-d and 2-d', () => {
    const all = cases();
    const ours: { native: string; js: string; mirror: string; rowwise: string; aligned: boolean }[] = [];
    const spec: { path: string; dt: string; off: number; shape: number[]; strides: number[] }[] = [];
    all.forEach((c, k) => {
      const { buf } = bytesOf(c, k + 1);
      const x = viewOf(c, buf);
      const dv = new DataView(buf);
      const read = (o: number): number => dv.getFloat64(o, c.dt === '<f8');
      const strides = c.shape.length === 1 ? [c.itemsize] : [(c.cols ?? c.shape[1]) * c.itemsize, c.itemsize];
      const start = c.shift + c.off;
      let rowwise = 0;
      for (let i = 0; i < (c.shape.length === 1 ? 1 : c.shape[0]); i++) rowwise += pairwiseSum(read, start + i * (strides.length === 2 ? strides[0] : 0), c.shape[c.shape.length - 1], c.itemsize);
      ours.push({
        native: bits(x.sum() as number),
        js: bits(reduceJSForTest(x, ReduceOp.Sum)),
        mirror: bits(bufferedPairwiseSum(read, c.shape, strides, start)),
        rowwise: bits(rowwise),
        aligned: isNumpyAligned(start, c.shape, strides, 8),
      });
      const path = tmp.path(`case${k}.bin`);
      fs.writeFileSync(path, new Uint8Array(buf));
      spec.push({ path, dt: c.dt, off: start, shape: c.shape, strides });
    });
    const np = runNumpy<{ sum: string; aligned: boolean }[]>(
      `out = []
for c in json.loads(sys.stdin.read()):
    raw = np.fromfile(c['path'], np.uint8)
    v = np.ndarray(tuple(c['shape']), dtype=c['dt'], buffer=raw, offset=c['off'], strides=tuple(c['strides']))
    s = float(v.sum())
    out.append({'sum': '%x' % np.array(s).view(np.uint64), 'aligned': bool(v.flags.aligned)})
print(json.dumps(out))`,
      JSON.stringify(spec),
    );
    all.forEach((c, k) => {
      expect([c.label, ours[k].aligned]).toEqual([c.label, np[k].aligned]);
      expect([c.label, 'kernel', ours[k].native]).toEqual([c.label, 'kernel', np[k].sum]);
      // The JS paths: the buffered mirror where NumPy buffers, the row-wise pairwise sum elsewhere.
      const buffered = !ours[k].aligned || (c.shape.length === 2 && c.shape[1] < NUMPY_BUFFER_ITEMS);
      expect([c.label, 'JS', buffered ? ours[k].mirror : ours[k].rowwise]).toEqual([c.label, 'JS', np[k].sum]);
      // lib/reduce.ts's JS path (used below the kernel's size threshold or without the addon) picks between them.
      expect([c.label, 'JS path', ours[k].js]).toEqual([c.label, 'JS path', np[k].sum]);
    });
    // The cases past one buffer really tell the orders apart, aligned ones too.
    expect(all.some((c, k) => !ours[k].aligned && ours[k].rowwise !== ours[k].mirror)).toBe(true);
    expect(all.some((c, k) => ours[k].aligned && c.shape.length === 2 && ours[k].rowwise !== ours[k].mirror)).toBe(true);
  });
});

describe('the buffered kernel, sync and async', () => {
  it('gives the same bits from sum() and sumAsync() on the cases above, whatever the thread count', async () => {
    const all = cases();
    for (let k = 0; k < all.length; k++) {
      const c = all[k];
      const x = viewOf(c, bytesOf(c, k + 1).buf);
      const sync = bits(x.sum() as number);
      expect([c.label, bits((await x.sumAsync()) as number)]).toEqual([c.label, sync]);
      expect([c.label, bits((await x.sumAsync({ threads: 3 })) as number)]).toEqual([c.label, sync]);
    }
  });

  it('adds the chunk sums in order past one fold wave of chunks (65,536), the last chunk partial', async () => {
    // One unaligned <f8 broadcast to 65,539 chunks and 5 items: the kernel
    // lays out its 8192-item chunks as rows of 65,536 units, the last row
    // padded. The order is NumPy's: each chunk pairwise, the sums added in order.
    const buf = new ArrayBuffer(28);
    new DataView(buf).setFloat64(12, 0.1, true);
    const one = fromBuffer(new Uint8Array(buf), [['pad', 'V12'], ['value', '<f8'], ['tail', 'V8']]).field('value');
    const chunks = 65536 + 3;
    const x = broadcastTo(one, [chunks * NUMPY_BUFFER_ITEMS + 5]);
    const read = (): number => 0.1;
    const full = pairwiseSum(read, 0, NUMPY_BUFFER_ITEMS, 0);
    let want = 0;
    for (let i = 0; i < chunks; i++) want += full;
    want += pairwiseSum(read, 0, 5, 0);
    expect(bits(x.sum() as number)).toBe(bits(want));
    expect(bits((await x.sumAsync({ threads: 2 })) as number)).toBe(bits(want));
    // The order shows: one pairwise sum over the row gives other bits.
    expect(bits(pairwiseSum(read, 0, x.size, 0))).not.toBe(bits(want));
  });
});

describeWithNumpy("sums walk NumPy's iterator order", () => {
  it('transposed, reversed, sliced, contiguous and 1-d arrays of float64, float32 (both byte orders) and float16: sum(), sumAsync(), sum(a, null), mean() and meanAsync() give NumPy\'s bits', async () => {
    const cases = runNumpy<{ hex: string; dt: string; shape: number[]; strides: number[]; offset: number; label: string; sum: number; mean: number }[]>(`
rng = np.random.default_rng(11)
out = []
kinds = ['contiguous', 'transposed', 'column slice', 'reversed columns, sliced', 'reversed rows', 'every other row, transposed', '1-d past two buffers', '1-d, every other']
for t in range(80):
    dt = ['<f8', '<f4', '>f8', '>f4', '<f2'][t % 5]
    kind = kinds[(t // 4) % len(kinds)]
    r = int(rng.integers(2, 60)); c = int(rng.integers(2, 400))
    if kind.startswith('1-d'): r, c = 1, int(rng.integers(16400, 30000))
    base = (rng.standard_normal(r * c) * 10.0 ** rng.integers(-3, 17 if dt[2] != '2' else 3, size=r * c)).astype(dt)
    a = base.reshape(r, c)
    if kind == 'transposed': a = a.T
    elif kind == 'column slice': a = a[:, :c - 1]
    elif kind == 'reversed columns, sliced': a = a[:, ::-1][:, :c - 1]
    elif kind == 'reversed rows': a = a[::-1]
    elif kind == 'every other row, transposed': a = a[::2].T
    elif kind == '1-d past two buffers': a = a[0]
    elif kind == '1-d, every other': a = a[0, ::2]
    off = a.__array_interface__['data'][0] - base.__array_interface__['data'][0]
    out.append(dict(hex=base.tobytes().hex(), dt=dt, shape=list(a.shape), strides=list(a.strides), offset=int(off), label=kind,
                    sum=float(np.sum(a)), mean=float(np.mean(a))))
print(json.dumps(out))
`);
    let tellApart = 0;
    for (const c of cases) {
      const size = Number(c.dt.slice(2));
      const base = fromBuffer(new Uint8Array(Buffer.from(c.hex, 'hex')), c.dt as never);
      const a = asStrided(base.index(`${c.offset / size}:`), c.shape, c.strides);
      const label = `${c.dt} ${c.label} ${JSON.stringify(c.shape)} ${JSON.stringify(c.strides)}`;
      expect([label, bits(a.sum() as number)]).toEqual([label, bits(c.sum)]);
      // float16 takes the axis path (NumPy's half loop), not the whole-array kernel's.
      if (size > 2) expect([label, bits(reduceJSForTest(a, ReduceOp.Sum))]).toEqual([label, bits(c.sum)]);
      expect([label, bits((await a.sumAsync({ threads: 2 })) as number)]).toEqual([label, bits(c.sum)]);
      expect([label, bits(sumAxis(a, null).get() as number)]).toEqual([label, bits(c.sum)]);
      expect([label, bits(a.mean())]).toEqual([label, bits(c.mean)]);
      expect([label, bits(await a.meanAsync())]).toEqual([label, bits(c.mean)]);
      // Row by row in C order, in float64 (what sum() did before), gives other bits for most of these.
      let rows = 0;
      if (a.ndim === 1) rows = pairwiseSum((o) => Number(base.get(o / size)), a.offset - base.offset, a.shape[0], a.strides[0]);
      else for (let i = 0; i < c.shape[0]; i++) rows += pairwiseSum((o) => Number(base.get(o / size)), a.index(i).offset - base.offset, c.shape[1], c.strides[1]);
      if (bits(rows) !== bits(c.sum)) tellApart++;
    }
    expect(tellApart).toBeGreaterThan(40);
  });
});
