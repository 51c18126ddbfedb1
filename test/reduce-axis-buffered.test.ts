// Sums whose items are cast on the way (ints to float64, a `dtype=`, a
// byte-swapped input) against NumPy, bit for bit. NumPy buffers only those:
// each result's items, in its iterator's order, go through an 8192-item
// buffer of whole rows, and each buffer is summed pairwise. Rows summed one
// by one round differently (fuzz seed 9556746). Both paths: the native
// kernel and the JS loop below its size threshold.
import { asStrided, fromBuffer, mean, sum, type NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

interface Case {
  hex: string;
  dtype: string;
  shape: number[];
  strides: number[];
  offset: number;
  axis: number | number[] | null;
  op: 'sum' | 'mean';
  rdtype: string | null;
  /** The result's float64 or float32 values in C order, as hex bytes. */
  want: string;
  wantDtype: string;
}

function build(c: Case): NdArray {
  const base = fromBuffer(new Uint8Array(Buffer.from(c.hex, 'hex')), '|u1');
  const itemsize = Number(c.dtype.slice(2));
  const bytes = base.shape[0] - c.offset;
  const items = base.index(`${c.offset}:${c.offset + bytes - (bytes % itemsize)}`).view(c.dtype as never);
  return asStrided(items, c.shape, c.strides);
}

function resultHex(r: NdArray): string {
  const c = r.copy();
  return Buffer.from(c.tobytes()).toString('hex');
}

describeWithNumpy('cast sums in NumPy buffered order', () => {
  test('random strided views, every axis choice, ints and floats cast', () => {
    const cases = runNumpy<Case[]>(`
rng = np.random.default_rng(20261204)
out = []
def case(shape, dt, axis, op, rdt, flips, perm, gap):
    n = int(np.prod(shape)) * gap
    it = np.dtype(dt).itemsize
    if np.dtype(dt).kind in 'iu':
        info = np.iinfo(dt)
        vals = rng.integers(info.min // 2, info.max // 2, size=n, dtype=np.dtype(dt).newbyteorder('='), endpoint=True)
    else:
        vals = rng.standard_normal(n) * 10.0 ** rng.integers(-3, 12, size=n)
    base = np.frombuffer(vals.astype(dt).tobytes(), dtype=dt)
    a = base.reshape(tuple(shape) + (gap,))[..., 0]
    for ax in flips: a = np.flip(a, ax)
    a = a.transpose(perm)
    offset = a.__array_interface__['data'][0] - base.__array_interface__['data'][0]
    kw = {} if rdt is None else {'dtype': rdt}
    r = np.asarray(getattr(np, op)(a, axis=tuple(axis) if isinstance(axis, list) else axis, **kw))
    out.append(dict(hex=base.tobytes().hex(), dtype=dt, shape=list(a.shape), strides=list(a.strides), offset=int(offset),
                    axis=axis, op=op, rdtype=rdt, want=np.ascontiguousarray(r).tobytes().hex(), wantDtype=r.dtype.str))
dts = ['<i8', '<i4', '<u2', '>i8', '<u8', '>f8', '<f4', '<f8']
for t in range(160):
    nd = int(rng.integers(2, 5))
    big = t % 4 == 0
    shape = [int(x) for x in rng.integers(1, 7, nd)]
    if big: shape[-1] = int(rng.choice([700, 3000, 8192, 9000]))
    dt = dts[t % len(dts)]
    flips = [ax for ax in range(nd) if rng.random() < 0.4]
    perm = [int(x) for x in rng.permutation(nd)]
    r = rng.random()
    axis = None if r < 0.4 else (int(rng.integers(0, nd)) if r < 0.7 else sorted(int(x) for x in rng.choice(nd, 2, replace=False)))
    op = 'mean' if (t // 8) % 2 == 0 else 'sum'
    kind = np.dtype(dt).kind
    rdt = None
    if kind == 'f':
        rdt = '<f4' if (np.dtype(dt).itemsize == 8 and t % 3 == 0) else '<f8'
        if np.dtype(dt).byteorder == '>' and t % 2 == 0: rdt = None
    elif op == 'sum':
        rdt = '<f8' if t % 3 else '<f4'
    case(shape, dt, axis, op, rdt, flips, perm, int(rng.integers(1, 3)))
print(json.dumps(out))
`);
    expect(cases.length).toBe(160);
    const bad: string[] = [];
    for (const c of cases) {
      const a = build(c);
      const opts = c.rdtype === null ? {} : { dtype: c.rdtype as never };
      const r = (c.op === 'sum' ? sum : mean)(a, c.axis, opts);
      const got = resultHex(r);
      if (r.dtype.str !== c.wantDtype || got !== c.want) {
        bad.push(`${c.op} ${c.dtype} shape ${JSON.stringify(c.shape)} strides ${JSON.stringify(c.strides)} axis ${JSON.stringify(c.axis)} dtype ${c.rdtype}: ${r.dtype.str} ${got.slice(0, 32)} want ${c.wantDtype} ${c.want.slice(0, 32)}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
