// Float reductions against NumPy bit for bit, on random values of mixed
// magnitudes (so every change of summation order shows in the last bits)
// over random 3-d layouts: axes permuted, reversed, strided and long, every
// axis choice, both byte orders, float64/32/16 and int inputs. NumPy's
// iterator walks K order and buffers (a cast, a byte-swapped or unaligned
// layout, two or more rows shorter than its 8192-item buffer); the sums here
// must follow it wherever it goes (lib/buffered-sum.ts, lib/reduce-axis.ts).
import * as lib from '../lib';
import type { NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

interface Case {
  op: string;
  dt: string;
  hex: string;
  shape: number[];
  strides: number[];
  offset: number;
  axis: number | number[] | null;
  rdt: string;
  want: string;
}

type Axis = number | number[] | null;
const OPS: Record<string, (a: NdArray, axis: Axis) => NdArray> = {
  sum: (a, ax) => lib.sum(a, ax),
  sum_f8: (a, ax) => lib.sum(a, ax, { dtype: 'f8' }),
  mean: (a, ax) => lib.mean(a, ax),
  mean_f4: (a, ax) => lib.mean(a, ax, { dtype: 'f4' }),
  var: (a, ax) => lib.variance(a, ax),
  std1: (a, ax) => lib.std(a, ax, { ddof: 1 }),
  nansum: (a, ax) => lib.nansum(a, ax),
  nanmean: (a, ax) => lib.nanmean(a, ax),
  nanstd: (a, ax) => lib.nanstd(a, ax),
  prod: (a, ax) => lib.prod(a, ax),
  average: (a, ax) => lib.average(a, ax),
  median: (a, ax) => lib.median(a, ax),
};

describeWithNumpy('float reductions in NumPy order, bit for bit', () => {
  test('random 3-d layouts, dtypes and axes', () => {
    const cases = runNumpy<Case[]>(`
rng = np.random.default_rng(20261204)
ops = {
 'sum': lambda a, ax: np.sum(a, axis=ax),
 'sum_f8': lambda a, ax: np.sum(a, axis=ax, dtype='f8'),
 'mean': lambda a, ax: np.mean(a, axis=ax),
 'mean_f4': lambda a, ax: np.mean(a, axis=ax, dtype='f4'),
 'var': lambda a, ax: np.var(a, axis=ax),
 'std1': lambda a, ax: np.std(a, axis=ax, ddof=1),
 'nansum': lambda a, ax: np.nansum(a, axis=ax),
 'nanmean': lambda a, ax: np.nanmean(a, axis=ax),
 'nanstd': lambda a, ax: np.nanstd(a, axis=ax),
 'prod': lambda a, ax: np.prod(a, axis=ax),
 'average': lambda a, ax: np.average(a, axis=ax),
 'median': lambda a, ax: np.median(a, axis=ax),
}
names = list(ops)
out = []
t = 0
while len(out) < 360:
    t += 1
    dt = ['<f8', '<f4', '>f8', '<f2', '<i4', '>f4', '<i8'][t % 7]
    op = names[t % len(names)]
    if dt[1] == 'i' and op.startswith('nan'): continue
    shape = [int(x) for x in rng.integers(1, 9, 3)]
    if t % 4 == 0: shape[int(rng.integers(0, 3))] = int(rng.integers(100, 3000))
    n = int(np.prod(shape)) * 2
    if dt[1] == 'i':
        big = 2 ** 30 if dt[2] == '4' else 2 ** 62
        base = rng.integers(-big, big, size=n).astype(dt)
    else:
        base = (rng.standard_normal(n) * 10.0 ** rng.integers(-2, 4 if dt[2] == '2' else 9, size=n)).astype(dt)
        if op.startswith('nan'): base[rng.random(n) < 0.05] = np.nan
    a = base.reshape(shape + [2])[..., int(rng.integers(0, 2))] if rng.random() < 0.5 else base[: n // 2].reshape(shape)
    for ax in range(3):
        if rng.random() < 0.35: a = np.flip(a, ax)
    a = a.transpose(rng.permutation(3))
    r = rng.random()
    axis = None if r < 0.3 else (int(rng.integers(-3, 3)) if r < 0.65 else tuple(sorted(int(x) for x in rng.choice(3, 2, replace=False))))
    with np.errstate(all='ignore'):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            res = np.asarray(ops[op](a, axis))
    off = a.__array_interface__['data'][0] - base.__array_interface__['data'][0]
    out.append(dict(op=op, dt=dt, hex=base.tobytes().hex(), shape=list(a.shape), strides=list(a.strides), offset=int(off),
                    axis=list(axis) if isinstance(axis, tuple) else axis, rdt=res.dtype.str, want=np.ascontiguousarray(res).tobytes().hex()))
print(json.dumps(out))
`);
    expect(cases.length).toBe(360);
    const bad: string[] = [];
    for (const c of cases) {
      const size = Number(c.dt.slice(2));
      const base = lib.fromBuffer(new Uint8Array(Buffer.from(c.hex, 'hex')), c.dt as never);
      const a = lib.asStrided(base.index(`${c.offset / size}:`), c.shape, c.strides);
      const r = lib.asarray(OPS[c.op](a, c.axis));
      const got = Buffer.from(r.copy().tobytes()).toString('hex');
      if (r.dtype.str !== c.rdt || got !== c.want) bad.push(`${c.op} ${c.dt} shape ${JSON.stringify(c.shape)} strides ${JSON.stringify(c.strides)} axis ${JSON.stringify(c.axis)}: ${r.dtype.str} against ${c.rdt}`);
    }
    expect(bad).toEqual([]);
  });
});

describeWithNumpy('masked float reductions in NumPy order, bit for bit', () => {
  test('sum and mean with where (C- and F-ordered masks), a dtype or an initial, on random 3-d layouts', () => {
    const cases = runNumpy<(Case & { mask: string; maskF: boolean })[]>(`
rng = np.random.default_rng(1204)
out = []
for t in range(200):
    dt = ['<f8', '<f4', '>f8', '<i8'][t % 4]
    shape = [int(x) for x in rng.integers(1, 9, 3)]
    if t % 3 == 0: shape[int(rng.integers(0, 3))] = int(rng.integers(100, 3000))
    n = int(np.prod(shape)) * 2
    if dt[1] == 'i': base = rng.integers(-2 ** 62, 2 ** 62, size=n).astype(dt)
    else: base = (rng.standard_normal(n) * 10.0 ** rng.integers(-2, 9, size=n)).astype(dt)
    a = base.reshape(shape + [2])[..., 0] if rng.random() < 0.5 else base[: n // 2].reshape(shape)
    for ax in range(3):
        if rng.random() < 0.35: a = np.flip(a, ax)
    a = a.transpose(rng.permutation(3))
    mask = rng.random(a.shape) < 0.8
    maskF = bool(rng.random() < 0.3)
    if maskF: mask = np.asfortranarray(mask)
    r = rng.random()
    axis = None if r < 0.3 else (int(rng.integers(-3, 3)) if r < 0.65 else tuple(sorted(int(x) for x in rng.choice(3, 2, replace=False))))
    op = ['sum', 'sum_f8', 'mean', 'sum_init'][t % 4]
    kw = dict(axis=axis, where=mask)
    if op == 'sum_f8': kw['dtype'] = 'f8'
    if op == 'sum_init': kw['initial'] = 0.5
    with np.errstate(all='ignore'):
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            res = np.asarray((np.mean if op == 'mean' else np.sum)(a, **kw))
    off = a.__array_interface__['data'][0] - base.__array_interface__['data'][0]
    out.append(dict(op=op, dt=dt, hex=base.tobytes().hex(), shape=list(a.shape), strides=list(a.strides), offset=int(off),
                    axis=list(axis) if isinstance(axis, tuple) else axis, mask=mask.astype('u1').tobytes(order='A').hex(), maskF=maskF,
                    rdt=res.dtype.str, want=np.ascontiguousarray(res).tobytes().hex()))
print(json.dumps(out))
`);
    expect(cases.length).toBe(200);
    const bad: string[] = [];
    for (const c of cases) {
      const size = Number(c.dt.slice(2));
      const base = lib.fromBuffer(new Uint8Array(Buffer.from(c.hex, 'hex')), c.dt as never);
      const a = lib.asStrided(base.index(`${c.offset / size}:`), c.shape, c.strides);
      const flat = lib.fromBuffer(new Uint8Array(Buffer.from(c.mask, 'hex')), '|b1');
      const where = c.maskF ? flat.reshape([...c.shape].reverse()).T : flat.reshape(c.shape);
      const o = { where, ...(c.op === 'sum_f8' ? { dtype: 'f8' as const } : {}), ...(c.op === 'sum_init' ? { initial: 0.5 } : {}) };
      const r = lib.asarray(c.op === 'mean' ? lib.mean(a, c.axis, o) : lib.sum(a, c.axis, o));
      const got = Buffer.from(r.copy().tobytes()).toString('hex');
      if (r.dtype.str !== c.rdt || got !== c.want) bad.push(`${c.op} ${c.dt} shape ${JSON.stringify(c.shape)} strides ${JSON.stringify(c.strides)} axis ${JSON.stringify(c.axis)} F-mask ${c.maskF}`);
    }
    expect(bad).toEqual([]);
  });
});
