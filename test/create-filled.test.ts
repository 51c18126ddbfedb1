// ones, full, zerosLike/emptyLike/onesLike/fullLike, eye, identity (lib/create.ts)
// and linspace (lib/linspace.ts) against NumPy: dtype, shape, strides and every byte.
import { arange, eye, full, fullLike, identity, linspace, ones, onesLike, zeros, zerosLike, emptyLike, Memmap, memmap, ValueError, AxisError } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { jsOutcome, numpyOutcomes, type Case } from './helpers/np-compare';
import { thrownBy } from './helpers/thrown';
import { useTempDir } from './helpers/tmp';
import { rng } from './helpers/bytes';

const c = (py: string, js: () => unknown): Case => ({ py, js });

const DTYPES = ['?', 'i1', 'u1', '>i2', 'u4', 'i8', 'u8', 'f2', 'f4', '>f8', 'c8', 'c16', 'S3'];

function compareAll(name: string, cases: Case[]): void {
  describeWithNumpy(name, () => {
    const expected = numpyOutcomes(cases);
    test.each(cases.map((k, i) => [k.py, i]))('%s', (_py, i) => {
      const want = expected[i as number];
      const got = jsOutcome(cases[i as number]);
      if (want.error !== undefined) expect(got.error).toBe(want.error);
      else expect(got).toEqual(want);
    });
  });
}

compareAll('ones and full match NumPy', [
  ...DTYPES.map((dt) => c(`np.ones((2, 3), '${dt}')`, () => ones([2, 3], dt))),
  c('np.ones(0)', () => ones(0)),
  c('np.ones(())', () => ones([])),
  c("np.ones((2, 3), order='F')", () => ones([2, 3], 'f8', 'F')),
  c("np.ones(2, 'i4,f8')", () => ones(2, 'i4,f8')),
  c('np.ones(-1)', () => ones(-1)),
  c('np.full(3, 2)', () => full(3, 2)),
  c('np.full(3, 2.5)', () => full(3, 2.5)),
  c('np.full(3, True)', () => full(3, true)),
  c('np.full(3, 2**63)', () => full(3, 2n ** 63n)),
  c('np.full(3, 1+2j)', () => full(3, { re: 1, im: 2 })),
  c("np.full(3, b'ab')", () => full(3, 'ab')),
  c("np.full(3, 2.5, 'i4')", () => full(3, 2.5, 'i4')),
  c("np.full(3, -1.5, 'f2')", () => full(3, -1.5, 'f2')),
  // full stores through copyto(casting='unsafe'), as fullLike does: a complex into real items
  // drops its imaginary part (a plain fill is Python's int()/float() TypeError), a float wraps.
  c("np.full(3, 1+2j, 'i8')", () => full(3, { re: 1, im: 2 }, 'i8')),
  c("np.full(3, 300+2j, 'i1')", () => full(3, { re: 300, im: 2 }, 'i1')),
  c("np.full(3, 2j, '?')", () => full(3, { re: 0, im: 2 }, '?')),
  c("np.full(3, 1+2j, 'f4')", () => full(3, { re: 1, im: 2 }, 'f4')),
  c("np.full((2, 2), [1+2j, 3], 'i8')", () => full([2, 2], [{ re: 1, im: 2 }, 3], 'i8')),
  c("np.full(2, 1+2j, 'f8,i4')", () => full(2, { re: 1, im: 2 }, 'f8,i4')),
  c("np.full(2, 1+2j, 'S3')", () => full(2, { re: 1, im: 2 }, 'S3')),
  c("np.full(3, -2.5, 'u4')", () => full(3, -2.5, 'u4')),
  c("np.full(3, 300, 'i1')", () => full(3, 300, 'i1')),
  c("np.full_like(np.zeros(2, 'i8'), [1+2j, 3])", () => fullLike(zeros(2, 'i8'), [{ re: 1, im: 2 }, 3])),
  c('np.full((2, 3), [1, 2, 3])', () => full([2, 3], [1, 2, 3])),
  c('np.full((2, 3), [1.5, 2, 3])', () => full([2, 3], [1.5, 2, 3])),
  c("np.full((2, 2), 7, order='F')", () => full([2, 2], 7, null, 'F')),
  c('np.full((), 4)', () => full([], 4)),
]);

const T = 'np.arange(24).reshape(2, 3, 4)';
const likeSources: [string, () => ReturnType<typeof arange>][] = [
  ['np.arange(6).reshape(2, 3)', () => arange(6).reshape([2, 3])],
  ['np.arange(6).reshape(2, 3).T', () => arange(6).reshape([2, 3]).T],
  [`${T}.transpose(1, 0, 2)`, () => arange(24).reshape([2, 3, 4]).transpose([1, 0, 2])],
  [`${T}[:, ::2, ::-1]`, () => arange(24).reshape([2, 3, 4]).index(':, ::2, ::-1')],
  [`${T}[:, :1]`, () => arange(24).reshape([2, 3, 4]).index(':, :1')],
  ['np.zeros((0, 3), "i8")', () => zeros([0, 3], 'i8')],
  ['np.arange(3)[1]', () => arange(3).index(1)],
];

compareAll('zerosLike, onesLike, emptyLike, fullLike match NumPy (order K keeps the memory order)', [
  ...likeSources.flatMap(([py, js]) => [
    c(`np.zeros_like(${py})`, () => zerosLike(js())),
    c(`np.ones_like(${py}, dtype='f4')`, () => onesLike(js(), { dtype: 'f4' })),
    c(`np.full_like(${py}, 2.5)`, () => fullLike(js(), 2.5)),
    c(`np.full_like(${py}, 2.5, dtype='f8')`, () => fullLike(js(), 2.5, { dtype: 'f8' })),
    c(`np.zeros_like(${py}, order='A')`, () => zerosLike(js(), { order: 'A' })),
    c(`np.ones_like(${py}, order='F')`, () => onesLike(js(), { order: 'F' })),
    c(`np.ones_like(${py}, order='C')`, () => onesLike(js(), { order: 'C' })),
  ]),
  c(`np.zeros_like(${T}.transpose(2, 0, 1), shape=(4, 2, 5))`, () => emptyLike(arange(24).reshape([2, 3, 4]).transpose([2, 0, 1]), { shape: [4, 2, 5] })),
  c(`np.ones_like(${T}.transpose(2, 0, 1), shape=(4, 6))`, () => onesLike(arange(24).reshape([2, 3, 4]).transpose([2, 0, 1]), { shape: [4, 6] })),
  c(`np.full_like(${T}, [1, 2, 3, 4])`, () => fullLike(arange(24).reshape([2, 3, 4]), [1, 2, 3, 4])),
  c("np.ones_like(np.zeros(2, '>i2'))", () => onesLike(zeros(2, '>i2'))),
  // copyto(res, fill_value, casting='unsafe'): an infinite float into ints is the float64 cast (x86's), not an error
  c("np.full_like(np.zeros(3, 'i8'), -np.inf)", () => fullLike(zeros(3, 'i8'), -Infinity)),
  c("np.full_like(np.zeros((2, 2), '>i4').T, np.inf)", () => fullLike(zeros([2, 2], '>i4').T, Infinity)),
  c("np.full_like(np.zeros(3, 'i1'), -1.5+0.5j)", () => fullLike(zeros(3, 'i1'), { re: -1.5, im: 0.5 })),
  c("np.full_like(np.zeros(2, [('a', '<i8'), ('b', '>f4')]), -np.inf)", () => fullLike(zeros(2, [['a', '<i8'], ['b', '>f4']] as never), -Infinity)),
  // a finite float into ints: the float64 cast too (fuzz 9004387), an int out of range NumPy's OverflowError
  c("np.full_like(np.zeros(3, 'u4'), -2.5)", () => fullLike(zeros(3, 'u4'), -2.5)),
  c("np.full_like(np.zeros(3, 'i1'), 200.5)", () => fullLike(zeros(3, 'i1'), 200.5)),
  c("np.full_like(np.zeros(3, 'u1'), -1)", () => fullLike(zeros(3, 'u1'), -1)),
  // a number into records: np.asarray(v) (int64, uint64 from 2**63, float64) cast into each field unsafely (fuzz 9001717)
  // -0 is the float -0.0: its sign reaches the float field (fuzz seed 9391777)
  ...([[-129, '-129'], [300, '300'], [-2.5, '-2.5'], [-0, '-0.0'], [2n ** 63n, '2**63'], [2n ** 64n, '2**64'], [-(2n ** 63n) - 1n, '-2**63 - 1']] as const).map(([v, py]) =>
    c(`np.full_like(np.zeros((2, 1), [('a', '>u4'), ('b', 'u1'), ('c', '<f4')]), ${py})`, () => fullLike(zeros([2, 1], [['a', '>u4'], ['b', '|u1'], ['c', '<f4']] as never), v))),
]);

compareAll('eye and identity match NumPy', [
  c('np.eye(3)', () => eye(3)),
  c('np.eye(0)', () => eye(0)),
  c('np.eye(2, 4)', () => eye(2, 4)),
  c('np.eye(4, 2)', () => eye(4, 2)),
  ...[-5, -2, -1, 1, 2, 3, 4].map((k) => c(`np.eye(3, 4, k=${k})`, () => eye(3, 4, k))),
  ...DTYPES.map((dt) => c(`np.eye(3, dtype='${dt}')`, () => eye(3, null, 0, dt))),
  c("np.eye(3, order='F')", () => eye(3, null, 0, 'f8', 'F')),
  c('np.eye(-1)', () => eye(-1)),
  c('np.identity(4)', () => identity(4)),
  c("np.identity(2, dtype='i2')", () => identity(2, 'i2')),
]);

const SPACES: [number | { re: number; im: number }, number | { re: number; im: number }, number][] = [
  [0, 1, 50], [0, 1, 5], [0, 1, 0], [0, 1, 1], [0, 1, 2], [-3.7, 11.1, 17], [1, -1, 9], [0.1, 0.7, 7], [5, 5, 4],
  [0, 5e-324, 4], [1e308, -1e308, 5], [0, Infinity, 3], [-2.5, 1e-17, 33], [1, 10, 1000],
  [{ re: 0, im: 1 }, 2, 3], [{ re: 1.5, im: -2 }, { re: -0.3, im: 7 }, 11],
];

function pyNum(v: number | { re: number; im: number }): string {
  const f = (x: number): string => (Number.isFinite(x) ? `${x}` : x > 0 ? "float('inf')" : "float('-inf')");
  return typeof v === 'number' ? f(v) : `complex(${f(v.re)}, ${f(v.im)})`;
}

/** Random end points over many magnitudes (deterministic), for bit-exactness beyond hand-picked cases. */
function randomSpaces(n: number): [number, number, number, boolean][] {
  const r = rng(7);
  const v = (): number => (r() - 0.5) * 10 ** Math.floor(r() * 40 - 20);
  return Array.from({ length: n }, () => [v(), v(), Math.floor(r() * 40), r() < 0.5]);
}

compareAll('linspace matches NumPy bit for bit on random end points', randomSpaces(150).map(([a, b, n, e]) =>
  c(`np.linspace(${a}, ${b}, ${n}, endpoint=${e ? 'True' : 'False'})`, () => linspace(a, b, n, { endpoint: e }))));

compareAll('linspace matches NumPy bit for bit', [
  ...SPACES.flatMap(([a, b, n]) => [
    c(`np.linspace(${pyNum(a)}, ${pyNum(b)}, ${n})`, () => linspace(a, b, n)),
    c(`np.linspace(${pyNum(a)}, ${pyNum(b)}, ${n}, endpoint=False)`, () => linspace(a, b, n, { endpoint: false })),
  ]),
  c('np.linspace(0, 10, 5, dtype=int)', () => linspace(0, 10, 5, { dtype: 'i8' })),
  c("np.linspace(-7, 10, 9, dtype='i2')", () => linspace(-7, 10, 9, { dtype: 'i2' })),
  c("np.linspace(0, 1, 7, dtype='f4')", () => linspace(0, 1, 7, { dtype: 'f4' })),
  c("np.linspace(0, 1, 7, dtype='f2')", () => linspace(0, 1, 7, { dtype: 'f2' })),
  c('np.linspace(0, 1, 4, axis=-1)', () => linspace(0, 1, 4, { axis: -1 })),
  c('np.linspace(2, 3)', () => linspace(2, 3)),
  c('np.linspace(0, 1, 5, retstep=True)', () => linspace(0, 1, 5, { retstep: true })),
  c('np.linspace(0, 1, -1)', () => linspace(0, 1, -1)),
]);

describe('linspace', () => {
  test('retstep gives NumPy\'s step (NaN with fewer than two intervals)', () => {
    const [y, step] = linspace(0, 1, 5, { retstep: true });
    expect([y.shape, step]).toEqual([[5], 0.25]);
    expect(linspace(0, 1, 1, { retstep: true })[1]).toBeNaN();
    expect(linspace(0, 1, 4, { endpoint: false, retstep: true })[1]).toBe(0.25);
  });

  test("an unsized 'S' dtype is sized as astype sizes float64 (np.linspace(0, 1, 0, dtype='S0').dtype is S32)", () => {
    expect(linspace(0, 1, 0, { dtype: 'S0' }).dtype.str).toBe('|S32');
    expect(linspace(0, 1, 0, { dtype: 'S' }).dtype.str).toBe('|S32');
    expect(linspace(0, 1, 0, { dtype: 'S5' }).dtype.str).toBe('|S5');
  });

  test("errors: NumPy's messages for a negative count, a float count and a bad axis", () => {
    expect(thrownBy(() => linspace(0, 1, -1), ValueError).message).toBe('Number of samples, -1, must be non-negative.');
    thrownBy(() => linspace(0, 1, 2.5), TypeError);
    expect(thrownBy(() => linspace(0, 1, 3, { axis: 1 }), AxisError).message).toMatch(/axis 1 is out of bounds for array of dimension 1/);
    thrownBy(() => linspace('a' as never, 1), TypeError);
  });
});

describe('*Like keep the prototype class, as NumPy subok=True', () => {
  const tmp = useTempDir();
  test('zerosLike of a plain array is a plain NdArray; of a Memmap, a Memmap with new memory', () => {
    expect(zerosLike(arange(3))).not.toBeInstanceOf(Memmap);
    const m = memmap(tmp.file(new Uint8Array([1, 2, 3, 4])), { mode: 'r' });
    const o = onesLike(m);
    expect(o).toBeInstanceOf(Memmap);
    expect([o.toArray(), o.flags.writeable, m.toArray()]).toEqual([[1, 1, 1, 1], true, [1, 2, 3, 4]]);
    m.close();
  });
});

describe('allocation limits go through zeros', () => {
  test('past 4 GiB is the RangeError of zeros, for each constructor', () => {
    const big = [2 ** 20, 2 ** 13];
    for (const f of [() => ones(big), () => full(big, 1.5), () => eye(2 ** 17), () => linspace(0, 1, 2 ** 30), () => zerosLike(zeros(1), { shape: big })]) {
      thrownBy(f, RangeError);
    }
  });

  test('eye checks its integers', () => {
    thrownBy(() => eye(2.5), TypeError);
    thrownBy(() => eye(2, 2, 0.5), TypeError);
  });
});

describeWithNumpy('zerosLike/emptyLike order K: NumPy\'s PyArray_NewLikeArray (|stride| descending, a 0 stride innermost)', () => {
  test('300 random strided layouts (broadcast, negative and size-1 axes) give NumPy\'s strides', () => {
    const { asStrided } = require('../lib') as typeof import('../lib');
    const r = rng(7);
    const cases: [number[], number[]][] = [];
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
    while (cases.length < 300) {
      const nd = 2 + Math.floor(r() * 3);
      cases.push([Array.from({ length: nd }, () => pick([1, 1, 2, 3])), Array.from({ length: nd }, () => pick([0, 2, 4, 6, 8, 24, -2, -8, 48]))]);
    }
    const want = runNumpy<number[][]>(`
base = np.zeros(10000, np.int16)
print(json.dumps([list(np.empty_like(np.lib.stride_tricks.as_strided(base[5000:], s, t)).strides) for s, t in json.loads(sys.stdin.read())]))`, JSON.stringify(cases));
    const base = zeros([10000], '<i2');
    const got = cases.map(([s, t]) => {
      const v = asStrided(base.index('5000:'), s, t);
      return [[...zerosLike(v).strides], [...emptyLike(v).strides]];
    });
    expect(got.map((g) => g[0])).toEqual(want);
    expect(got.map((g) => g[1])).toEqual(want);
  });
});
