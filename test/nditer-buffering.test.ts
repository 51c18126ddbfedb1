// Whether NumPy's power loop sees its exponent with stride 0 (and takes sqrt
// for 0.5, where pow(-inf, 0.5) is inf and sqrt(-inf) NaN): NumPy 2.4's
// trivial loop, its copies of short inputs to cast, and nditer's buffering
// cost model (lib/nditer-buffering.ts). Each expected value below is NumPy's.
import { array } from '../lib/array-coerce';
import { full } from '../lib/create';
import { power } from '../lib/ufuncs/arith';
import { slice } from '../lib/indexing';
import { repeat } from '../lib/repeat';
import type { NdArray } from '../lib/ndarray';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

const NEG = [-Infinity, -0, 4, -Infinity];

/** How many NaN, infinite and -0 items `r` holds. */
function census(r: NdArray): [number, number, number] {
  let nan = 0;
  let inf = 0;
  let neg0 = 0;
  for (const v of r.ravel().toArray() as number[]) {
    if (Number.isNaN(v)) nan++;
    else if (!Number.isFinite(v)) inf++;
    else if (Object.is(v, -0)) neg0++;
  }
  return [nan, inf, neg0];
}

describe("power's fast paths follow NumPy's iterator", () => {
  test('a scalar, a 0-d array and a broadcast 1-D exponent take sqrt', () => {
    const x = array(NEG);
    expect(power(x, 0.5).toArray()).toEqual([NaN, -0, 2, NaN]);
    expect(power(x, array(0.5)).toArray()).toEqual([NaN, -0, 2, NaN]);
    expect(power(x, array([0.5], '>f8')).toArray()).toEqual([NaN, -0, 2, NaN]);
    expect(power(x.astype('>f8'), array([0.5])).toArray()).toEqual([NaN, -0, 2, NaN]);
    expect(power(array(-Infinity), array(0.5)).item()).toBeNaN();
  });

  test('an exponent of the same shape is strided: pow', () => {
    expect(power(array([-Infinity]), array([0.5])).toArray()).toEqual([Infinity]);
    // The byte-swapped base is copied as cast first (a short 1-D input), then the trivial loop.
    expect(power(array([-Infinity], '>f8'), array([0.5])).toArray()).toEqual([Infinity]);
    expect(power(array(NEG), array([0.5, 0.5, 0.5, 0.5])).toArray()).toEqual([Infinity, 0, 2, Infinity]);
  });

  test('a 2-D column exponent: the iterator buffers it when growing the loop pays', () => {
    const col = full([2, 1], 0.5);
    // 4 items: one buffer of the whole, the column copied item by item.
    expect(power(array(NEG).reshape([2, 2]), col).toArray()).toEqual([
      [Infinity, 0],
      [2, Infinity],
    ]);
    // Rows of 10000: past a buffer, each row is a loop call with the column's stride 0.
    expect(census(power(full([3, 10000], -Infinity), full([3, 1], 0.5)))).toEqual([30000, 0, 0]);
    // Rows of 5000: plain operands keep them apart (2 per 5000 items beats 1 per 8192)…
    expect(census(power(full([3, 5000], -Infinity), full([3, 1], 0.5)))).toEqual([15000, 0, 0]);
    // …a byte-swapped base is buffered anyway, and growing to 8192 items pays.
    expect(census(power(full([3, 5000], -Infinity, '>f8'), full([3, 1], 0.5)))).toEqual([0, 15000, 0]);
    expect(census(power(full([100, 100], -Infinity), full([100, 1], 0.5)))).toEqual([0, 10000, 0]);
    expect(census(power(full([100, 100], -Infinity, 'f4'), full([100, 1], 0.5, 'f4')))).toEqual([0, 10000, 0]);
    // A byte-swapped 0-d exponent is constant over any buffer: sqrt.
    expect(census(power(full([100, 100], -Infinity), full([], 0.5, '>f8')))).toEqual([10000, 0, 0]);
  });

  test('one item of two axes goes through the iterator (stride 0); -0 keeps its sign under sqrt', () => {
    expect(power(full([1, 1], -Infinity, '>f8'), full([1, 1], 0.5)).item()).toBeNaN();
    expect(Object.is(power(full([1, 1], -0, '>f8'), full([1, 1], 0.5)).item(), -0)).toBe(true);
    expect(power(full([2, 1], -Infinity, '>f8'), full([2, 1], 0.5)).toArray()).toEqual([[Infinity], [Infinity]]);
  });

  test('a given out stepping back rules the trivial loop out', () => {
    const out = full([1], 7, 'f8').index(slice(null, null, -1));
    power(array([-Infinity], '>f8'), array([0.5], 'f4'), { out });
    expect(out.toArray()).toEqual([NaN]);
  });

  test('where= skips the trivial loop', () => {
    const out = full([4], 7, 'f8');
    power(array(NEG), array([0.5, 0.5, 0.5, 0.5]), { out, where: array([true, true, false, true]) });
    expect(out.toArray()).toEqual([Infinity, 0, 7, Infinity]);
  });
});

describeWithNumpy("power's fast paths against NumPy over random layouts", () => {
  test('every -inf, -1 and -0 item as NumPy gives it', () => {
    // Random shapes, broadcasts, byte orders, dtypes, F-order, reversed and
    // stepped views, outs and masks, made alike on both sides; the census of
    // the masked result (a new array under a mask is NumPy's garbage: out is given).
    const cases = runNumpy<{ x: Layout; p: Layout | null; o: Layout | null; m: Layout | null; census: [number, number, number] }[]>(`
import random, warnings
warnings.filterwarnings('ignore')
random.seed(29)
vals = np.array([-np.inf, -0.0, 4.0, 2.25, -1.0])
def build(d):
    n = int(np.prod(d['shape']))
    a = {'x': np.resize(vals, n), 'p': np.full(n, 0.5), 'm': np.arange(n) % 3 != 1, 'o': np.full(n, 7.0)}[d['kind']]
    a = a.reshape(d['shape']).astype(d['dtype'])
    if d['step'] is not None:
        sl = [slice(None)] * a.ndim; sl[d['step']] = slice(None, None, 2)
        a = np.repeat(a, 2, axis=d['step'])[tuple(sl)]
    if d['perm'] is not None:
        a = a.transpose(d['perm']).copy().transpose(np.argsort(d['perm']))
    if d['flip'] is not None:
        sl = [slice(None)] * a.ndim; sl[d['flip']] = slice(None, None, -1)
        a = a[tuple(sl)]
    return a
def desc(kind, shape, dtypes):
    nd = len(shape)
    perm = None
    if nd > 1 and random.random() < 0.3:
        perm = list(range(nd)); random.shuffle(perm)
    return {'kind': kind, 'shape': shape, 'dtype': random.choice(dtypes), 'perm': perm,
            'flip': random.randrange(nd) if nd and random.random() < 0.2 else None,
            'step': random.randrange(nd) if nd and random.random() < 0.15 else None}
out = []
while len(out) < 300:
    nd = random.randint(0, 4)
    shape = [random.choice([1, 2, 3, 5, 64, 130, 3000, 9000]) for _ in range(nd)]
    while np.prod(shape) > 100000:
        shape[random.randrange(nd)] = random.choice([1, 2, 3, 7])
    def sub():
        s = [n if random.random() < 0.4 else 1 for n in shape]
        return s[random.randint(0, nd):] if random.random() < 0.2 else s
    x = desc('x', shape if random.random() < 0.7 else sub(), ['<f8', '<f8', '>f8', '<f4', '<i4'])
    p = None if random.random() < 0.1 else desc('p', sub() if random.random() < 0.8 else shape, ['<f8', '<f8', '>f8', '<f4'])
    if p is None:
        x['shape'] = shape
    bshape = list(np.broadcast_shapes(tuple(x['shape']), tuple(p['shape']) if p else ()))
    m = desc('m', sub(), ['|b1']) if random.random() < 0.2 else None
    o = desc('o', bshape, ['<f8', '>f8', '<f4']) if m or random.random() < 0.3 else None
    kw = {}
    if o: kw['out'] = build(o)
    if m: kw['where'] = build(m)
    try:
        r = np.power(build(x), build(p) if p else 0.5, **kw).ravel()
    except Exception:
        continue
    if r.dtype.kind != 'f':
        continue
    census = [int(np.isnan(r).sum()), int(np.isinf(r).sum()), int(((r == 0) & np.signbit(r)).sum())]
    out.append({'x': x, 'p': p, 'o': o, 'm': m, 'census': census})
print(json.dumps(out))
`);
    const bad = cases.filter((c) => {
      const options: { out?: NdArray; where?: NdArray } = {};
      if (c.o !== null) options.out = build(c.o);
      if (c.m !== null) options.where = build(c.m);
      const r = power(build(c.x), c.p === null ? 0.5 : build(c.p), options);
      return census(r).join() !== c.census.join();
    });
    expect(cases.length).toBe(300);
    expect(bad).toEqual([]);
  });
});

interface Layout {
  kind: 'x' | 'p' | 'm' | 'o';
  shape: number[];
  dtype: string;
  perm: number[] | null;
  flip: number | null;
  step: number | null;
}

/** The array the NumPy script's build() makes of `d`. */
function build(d: Layout): NdArray {
  const n = d.shape.reduce((a, b) => a * b, 1);
  const items = Array.from({ length: n }, (_, i) => (d.kind === 'x' ? [-Infinity, -0, 4, 2.25, -1][i % 5] : d.kind === 'p' ? 0.5 : d.kind === 'm' ? i % 3 !== 1 : 7));
  let a = array(items as never).reshape(d.shape).astype(d.dtype);
  const every = (ax: number, step: number) => d.shape.map((_, i) => slice(null, null, i === ax ? step : null));
  if (d.step !== null) a = repeat(a, 2, d.step).index(...every(d.step, 2));
  if (d.perm !== null) {
    const inv = d.perm.map((_, i) => (d.perm as number[]).indexOf(i));
    a = a.transpose(d.perm).copy().transpose(inv);
  }
  if (d.flip !== null) a = a.index(...every(d.flip, -1));
  return a;
}
