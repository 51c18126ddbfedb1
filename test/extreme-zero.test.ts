// Which zero a float max/min returns when its items hold both +0 and -0:
// the one NumPy's loop keeps (lib/extreme-zero.ts). NumPy's maximum/minimum
// loops take the second operand on a tie, in vector lanes for a contiguous
// call and in eight scalar accumulators otherwise, so the answer depends on
// the layout; these are NumPy 2.4's answers. nanmax/nanmin (fmax/fmin) share the
// layout with other tie rules in their scalar steps.
import * as lib from '../lib';
import type { NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

const sign = (v: number): string => (Object.is(v, -0) ? '-0' : String(v));
const signs = (r: NdArray): string[] => (r.toArray() as number[]).flat(3).map(sign);

describe('the zero of a max or min', () => {
  test('a short row keeps its last zero (NumPy: np.max([-0., 0.]) is 0., np.max([0., -0.]) is -0.)', () => {
    expect(sign(lib.array([-0, 0]).max() as number)).toBe('0');
    expect(sign(lib.array([0, -0]).max() as number)).toBe('-0');
    expect(sign(lib.array([-0, -0.5, 0]).max() as number)).toBe('0');
    expect(sign(lib.array([0, 1, -0], 'f4').min() as number)).toBe('-0');
  });

  test('a contiguous row of 17: the vector lanes decide (NumPy: -0.)', () => {
    // Item 0 starts every lane; items 1..16 fill two vectors of 8; lane 4
    // (item 5, -0) is written after lane 2 (item 11, +0) in the lane tree.
    const x = new Float64Array(17).fill(-1);
    x[5] = -0;
    x[11] = 0;
    expect(sign(lib.fromBuffer(x).max() as number)).toBe('-0');
    x[5] = 0;
    x[11] = -0;
    expect(sign(lib.fromBuffer(x).max() as number)).toBe('0');
  });

  test('along an axis: a reduced innermost axis per row, a kept one item by item (the later zero)', () => {
    const a = lib.array([[-0, -0.5, 0], [1.5, -3, -1]]);
    expect(signs(lib.max(a, 1))).toEqual(['0', '1.5']);
    expect(signs(lib.max(lib.array([[0, -1], [-0, -2]]), 0))).toEqual(['-0', '-1']);
    expect(signs(lib.max(lib.expandDims(a, 2), -2, { keepdims: true }))).toEqual(['0', '1.5']);
  });

  test('initial starts the running value: an item ties with it and wins (NumPy: np.min(-0., initial=0.) is -0.)', () => {
    expect(sign(lib.min(lib.array(-0, '>f8'), null, { initial: 0 }).item() as number)).toBe('-0');
    expect(sign(lib.max(lib.array([0, -0]), null, { initial: -0 }).item() as number)).toBe('-0');
  });

  test('maxAsync and minAsync give the same zero as max() and min()', async () => {
    const x = new Float32Array(100).fill(1);
    for (let i = 0; i < 100; i += 7) x[i] = i % 2 === 0 ? 0 : -0;
    const a = lib.fromBuffer(x, 'f4');
    expect(sign((await a.minAsync()) as number)).toBe(sign(a.min() as number));
    expect(sign((await a.maxAsync()) as number)).toBe(sign(a.max() as number));
  });

  test("nanmax and nanmin: NumPy's fmax/fmin loops, whose scalar steps keep the running value", () => {
    // NumPy 2.4: np.nanmin([0., -0.]) is 0., np.nanmin([-0., 0.]) is -0., np.nanmax([nan, -0., 0.]) is -0.
    expect(sign(lib.nanmin(lib.array([0, -0])).item() as number)).toBe('0');
    expect(sign(lib.nanmin(lib.array([-0, 0])).item() as number)).toBe('-0');
    expect(sign(lib.nanmax(lib.array([NaN, -0, 0])).item() as number)).toBe('-0');
    const x = new Float64Array(17).fill(-1);
    x[5] = -0;
    x[11] = 0;
    expect(sign(lib.nanmax(lib.fromBuffer(x)).item() as number)).toBe('-0');
    x[5] = 0;
    x[11] = -0;
    expect(sign(lib.nanmax(lib.fromBuffer(x)).item() as number)).toBe('0');
    // Strided: eight accumulators that each keep their first zero.
    const y = new Float64Array(20).fill(-1);
    for (let i = 0; i < 20; i += 2) y[i] = NaN;
    y[3] = 0;
    y[19] = -0;
    expect(sign(lib.nanmax(lib.fromBuffer(y).index('::-1')).item() as number)).toBe('0');
    expect(sign(lib.nanmax(lib.fromBuffer(y)).item() as number)).toBe('0');
  });

  test('float16 keeps the first zero (its loop keeps the first operand on a tie)', () => {
    expect(sign(lib.array([-0, 0], 'f2').max() as number)).toBe('-0');
    expect(sign(lib.array([0, -0], 'f2').max() as number)).toBe('0');
  });
});

interface Case {
  op: string;
  dt: string;
  hex: string;
  shape: number[];
  strides: number[];
  offset: number;
  axis: number | number[] | null;
  want: string;
}

type Axis = number | number[] | null;
const OPS: Record<string, (a: NdArray, axis: Axis) => NdArray | number> = {
  max: (a, ax) => lib.max(a, ax),
  min: (a, ax) => lib.min(a, ax),
  max_keep: (a, ax) => lib.max(a, ax, { keepdims: true }),
  min_init: (a, ax) => lib.min(a, ax, { initial: 0 }),
  max_init: (a, ax) => lib.max(a, ax, { initial: -0 }),
  ptp: (a, ax) => lib.ptp(a, ax),
  max_noarg: (a) => a.max() as number,
  min_noarg: (a) => a.min() as number,
  nanmax: (a, ax) => lib.nanmax(a, ax),
  nanmin: (a, ax) => lib.nanmin(a, ax),
};

describeWithNumpy('the zero of a max or min against NumPy', () => {
  test('random layouts of zeros and negatives: C, transposed, reversed, strided, byte-swapped, long rows', () => {
    const cases = runNumpy<Case[]>(`
import random
rng = random.Random(20261204)
ops = {
 'max': lambda a, ax: np.max(a, axis=ax), 'min': lambda a, ax: np.min(a, axis=ax),
 'max_keep': lambda a, ax: np.max(a, axis=ax, keepdims=True), 'min_init': lambda a, ax: np.min(a, axis=ax, initial=0.0),
 'max_init': lambda a, ax: np.max(a, axis=ax, initial=-0.0), 'ptp': lambda a, ax: np.ptp(a, axis=ax),
 'max_noarg': lambda a, ax: a.max(), 'min_noarg': lambda a, ax: a.min(),
 'nanmax': lambda a, ax: np.nanmax(a, axis=ax), 'nanmin': lambda a, ax: np.nanmin(a, axis=ax),
}
names = list(ops)
out = []
while len(out) < 600:
    dt = rng.choice(['<f8', '>f8', '<f4', '>f4'])
    big = rng.random() < 0.1
    shape = [rng.choice([1, 2, 3, 5, 8, 9, 17, 33, 70, 130] + ([1000, 9000, 20000] if big else [])) for _ in range(rng.randint(1, 3))]
    size = int(np.prod(shape))
    if size > 60000: continue
    op = names[len(out) % len(names)]
    pool = [-0.0, 0.0, 1.0, 2.0] if op.startswith('min') or op == 'nanmin' else [-0.0, 0.0, -1.0, -2.0]
    if op.startswith('nan'): pool = pool + [np.nan]
    if rng.random() < 0.2: pool = [-0.0, 0.0]
    k = rng.randint(1, 3)
    base = np.array([rng.choice(pool) for _ in range(size * k)], dtype=dt)
    a = base.reshape(shape + [k])[..., rng.randint(0, k - 1)]
    for _ in range(rng.randint(0, 3)):
        t = rng.choice(['T', 'rev', 'step'])
        if t == 'T' and a.ndim > 1: a = a.transpose(rng.sample(range(a.ndim), a.ndim))
        elif t == 'rev': a = np.flip(a, rng.randrange(a.ndim))
        elif t == 'step':
            sl = [slice(None)] * a.ndim
            sl[rng.randrange(a.ndim)] = slice(None, None, 2)
            a = a[tuple(sl)]
    if a.size == 0: continue
    r = rng.random()
    axis = None if r < 0.35 or op.endswith('noarg') else (rng.randrange(a.ndim) if r < 0.75 else tuple(sorted(rng.sample(range(a.ndim), rng.randint(1, a.ndim)))))
    if op.startswith('nan') and axis is not None:
        # nan*: only where a reduced axis is innermost (NumPy's scalar fmax steps elsewhere are not followed).
        long = [d for d in range(a.ndim) if a.shape[d] > 1]
        inner = min(long, key=lambda d: abs(a.strides[d])) if long else 0
        if inner not in (axis if isinstance(axis, tuple) else (axis,)): axis = None
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        res = np.asarray(ops[op](a, axis), dtype=a.dtype.newbyteorder('='))
    off = a.__array_interface__['data'][0] - base.__array_interface__['data'][0]
    out.append(dict(op=op, dt=dt, hex=base.tobytes().hex(), shape=list(a.shape), strides=list(a.strides), offset=int(off),
                    axis=list(axis) if isinstance(axis, tuple) else axis, want=[('-0' if v == 0 and np.signbit(v) else 'NaN' if v != v else repr(float(v))) for v in res.ravel()]))
print(json.dumps(out))
`);
    expect(cases.length).toBe(600);
    const bad: string[] = [];
    let zeros = 0;
    for (const c of cases) {
      const size = Number(c.dt.slice(2));
      const base = lib.fromBuffer(new Uint8Array(Buffer.from(c.hex, 'hex')), c.dt as never);
      const a = lib.asStrided(base.index(`${c.offset / size}:`), c.shape, c.strides);
      const r = OPS[c.op](a, c.axis);
      const got = typeof r === 'number' ? [r] : ((r.ravel().toArray() as number[]));
      const want = c.want as unknown as string[];
      zeros += want.filter((w) => w === '-0' || w === '0.0').length;
      const same = got.length === want.length && got.every((v, i) => (want[i] === '-0' ? Object.is(v, -0) : Object.is(Number(v), Number(want[i]))));
      if (!same) bad.push(`${c.op} ${c.dt} shape ${JSON.stringify(c.shape)} strides ${JSON.stringify(c.strides)} axis ${JSON.stringify(c.axis)}: ${got.slice(0, 20).map(sign).join(',')} against ${want.slice(0, 20).join(',')}`);
    }
    // Most results are zeros, both signs among them: the comparison above is about the sign.
    expect(zeros).toBeGreaterThan(1000);
    expect(bad).toEqual([]);
  });
});
