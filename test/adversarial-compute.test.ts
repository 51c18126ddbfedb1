// Hostile calls into the compute APIs (ufuncs with out/where, take put
// compress nonzero where addAt bincount, sort argsort searchsorted unique
// concatenate stack, axis reductions with keepdims/dtype/out, the async
// variants): every case either gives NumPy's answer or NumPy's error class
// (message shape where NumPy's is stable), never a crash, a hang or a write
// outside an array. Calls that close a mapping under a running walk or kernel
// run in forked children, so a crash fails one test instead of the run.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import * as L from '../lib';
import { NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-adversarial-');

/** An array from a nested list: bool for booleans, else `dt` (f8 by default). */
function A(xs: unknown, dt?: string): NdArray {
  const shape: number[] = [];
  for (let x = xs; Array.isArray(x); x = x[0]) shape.push(x.length);
  const flat = Array.isArray(xs) ? (xs as unknown[]).flat(Infinity) : [xs];
  const t = dt ?? (typeof flat[0] === 'boolean' ? 'bool' : 'f8');
  const a = L.zeros(shape, t as 'f8');
  const f = a.reshape([flat.length]);
  flat.forEach((v, k) => f.set(k, (t === 'i8' || t === 'u8' ? BigInt(v as number) : v) as never));
  return a;
}

/** A view of a file-backed array whose mapping is already closed. */
function closedView(dt = 'f8', n = 4): NdArray {
  const m = L.memmap(tmp.path('closed.bin'), { dtype: dt as 'f8', mode: 'w+', shape: [n] });
  const v = m.index('::1');
  m.close();
  return v;
}

type Outcome = { ok: unknown } | { err: string; msg: string };

/** Plain JSON of a result: arrays as nested lists (bigints as numbers), tuples as lists. */
function plain(v: unknown): unknown {
  if (v instanceof NdArray) return { shape: v.shape, v: plain(v.toArray()) };
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  return v;
}

function outcome(f: () => unknown): Outcome {
  try {
    return { ok: plain(f()) };
  } catch (e) {
    return { err: (e as Error).constructor.name, msg: (e as Error).message };
  }
}

// NumPy's class -> the classes that answer it here (UFuncTypeError is a
// TypeError; NumPy's MemoryError for an impossible allocation is a RangeError).
const SAME_CLASS: Record<string, string[]> = {
  AxisError: ['AxisError'],
  IndexError: ['IndexError'],
  ValueError: ['ValueError', 'AxisError'],
  TypeError: ['TypeError', 'UFuncTypeError'],
  UFuncTypeError: ['UFuncTypeError'],
  MemoryError: ['MemoryError', 'RangeError'],
};

// [name, our call, NumPy's call (f8/i8/z helpers), compare the message too]
type Case = [string, () => unknown, string, boolean?];
const CASES: Case[] = [
  // take / put / compress / nonzero / addAt: hostile indices and axes.
  ['take: index below -n', () => L.take(L.arange(5), [-6]), 'np.take(np.arange(5), [-6])', true],
  ['take: float index array', () => L.take(L.arange(5), A([1, 2])), 'np.take(np.arange(5), f8([1, 2]))'],
  ['take: int64 index 2^62', () => L.take(L.arange(5), A([2n ** 62n], 'i8')), 'np.take(np.arange(5), i8([2**62]))'],
  ['take: uint64 index 2^64-1 (-1 as intp)', () => L.take(L.arange(5), A([2n ** 64n - 1n], 'u8')), "np.take(np.arange(5), np.array([2**64-1], 'u8'))"],
  ['take: clip from an empty axis', () => L.take(L.zeros([0]), [0], { mode: 'clip' }), "np.take(z(0), [0], mode='clip')", true],
  ['take: wrap from an empty axis', () => L.take(L.zeros([0]), [0], { mode: 'wrap' }), "np.take(z(0), [0], mode='wrap')", true],
  ['take: axis 2 of a 2-d array', () => L.take(L.zeros([2, 3]), [0], { axis: 2 }), 'np.take(z((2,3)), [0], axis=2)', true],
  ['take: axis -3 of a 2-d array', () => L.take(L.zeros([2, 3]), [0], { axis: -3 }), 'np.take(z((2,3)), [0], axis=-3)', true],
  ['take: bad mode', () => L.take(L.arange(5), [0], { mode: 'nope' as 'clip' }), "np.take(np.arange(5), [0], mode='nope')", true],
  ['take: 64 axes with 2-d indices would make 65', () => L.take(L.zeros(Array(64).fill(1)), L.zeros([1, 1], 'i8'), { axis: 0 }), 'np.take(z((1,)*64), z((1,1), "i8"), axis=0)'],
  ['put: into an empty array', () => L.put(L.zeros([0]), [0], 1), 'np.put(z(0), [0], 1)', true],
  ['put: index below -n', () => L.put(L.arange(5), [-6], 1), 'np.put(np.arange(5), [-6], 1)', true],
  ['compress: condition longer than the axis', () => L.compress([true, true, true, true, true, true], L.arange(5)), 'np.compress([True]*6, np.arange(5))', true],
  ['compress: 2-d condition', () => L.compress(A([[true]]), L.arange(5)), 'np.compress(np.array([[True]]), np.arange(5))', true],
  ['compress: 0-d array', () => L.compress([true], A(3)), 'np.compress([True], f8(3))'],
  ['nonzero: 0-d array', () => L.nonzero(A(3)), 'np.nonzero(f8(3))', true],
  ['nonzero: a zero-length axis', () => L.nonzero(L.zeros([3, 0])), 'np.nonzero(z((3,0)))'],
  ['addAt: index n', () => L.addAt(L.zeros([5]), A([5], 'i8'), 1), 'np.add.at(z(5), i8([5]), 1)', true],
  ['addAt: index below -n', () => L.addAt(L.zeros([5]), A([-6], 'i8'), 1), 'np.add.at(z(5), i8([-6]), 1)', true],
  ['addAt: float index array', () => L.addAt(L.zeros([5]), A([1]), 1), 'np.add.at(z(5), f8([1]), 1)', true],
  ['where: shapes that do not broadcast', () => L.where(A([true, false]), L.zeros([3]), 1), 'np.where(np.array([True, False]), z(3), 1)', true],
  // bincount: negative, huge, odd minlength.
  ['bincount: a negative value', () => L.bincount(A([1, -1], 'i8')), 'np.bincount(i8([1, -1]))', true],
  ['bincount: uint64 2^63 (negative as intp)', () => L.bincount(A([2n ** 63n], 'u8')), "np.bincount(np.array([2**63], 'u8'))", true],
  ['bincount: int64 minimum', () => L.bincount(A([-(2n ** 63n)], 'i8')), 'np.bincount(i8([-(2**63)]))', true],
  ['bincount: a value of 2^40 needs 8 TiB', () => L.bincount(A([2 ** 40], 'i8')), 'np.bincount(i8([2**40]))'],
  ['bincount: minlength 2^40', () => L.bincount(A([1], 'i8'), { minlength: 2 ** 40 }), 'np.bincount(i8([1]), minlength=2**40)'],
  ['bincount: negative minlength', () => L.bincount(A([1], 'i8'), { minlength: -1 }), 'np.bincount(i8([1]), minlength=-1)'],
  ['bincount: float minlength', () => L.bincount(A([1], 'i8'), { minlength: 2.5 }), 'np.bincount(i8([1]), minlength=2.5)'],
  ['bincount: float input', () => L.bincount(A([1, 2])), 'np.bincount(f8([1, 2]))'],
  ['bincount: 0-d input', () => L.bincount(A(1, 'i8')), 'np.bincount(i8(1))', true],
  ['bincount: empty input, minlength 3', () => L.bincount(L.zeros([0], 'i8'), { minlength: 3 }), 'np.bincount(z(0, "i8"), minlength=3)'],
  ['bincount: bools', () => L.bincount(A([true, false, true])), 'np.bincount(np.array([True, False, True]))'],
  ['bincount: weights of another length', () => L.bincount(A([1, 2], 'i8'), { weights: A([1]) }), 'np.bincount(i8([1, 2]), weights=f8([1]))', true],
  // sort / argsort / searchsorted / unique.
  ['sort: axis out of range', () => L.sort(L.zeros([2, 3]), { axis: 2 }), 'np.sort(z((2,3)), axis=2)', true],
  ['sort: 0-d along -1', () => L.sort(A(3)), 'np.sort(f8(3))', true],
  ['sort: 0-d flattened', () => L.sort(A(3), { axis: null }), 'np.sort(f8(3), axis=None)'],
  ['sort: NaN, ±0 and -inf', () => L.sort(A([NaN, -0, 0, -Infinity, 1, NaN])), 'np.sort(f8([np.nan, -0., 0., -np.inf, 1, np.nan]))'],
  ['sort: order on a non-record array', () => L.sort(A([1]), { order: ['x'] }), "np.sort(f8([1]), order=['x'])", true],
  ['searchsorted: NaNs in a and v', () => L.searchsorted(A([1, 2, NaN]), A([NaN, 2, 3, -Infinity])), 'np.searchsorted(f8([1, 2, np.nan]), f8([np.nan, 2, 3, -np.inf]))'],
  ['searchsorted: right of NaNs', () => L.searchsorted(A([1, 2, NaN, NaN]), A([NaN]), { side: 'right' }), "np.searchsorted(f8([1, 2, np.nan, np.nan]), f8([np.nan]), side='right')"],
  ['searchsorted: a sorter that is not a permutation', () => L.searchsorted(A([1, 2, 3]), A([2]), { sorter: A([5, 0, 0], 'i8') }), 'np.searchsorted(f8([1, 2, 3]), f8([2]), sorter=i8([5, 0, 0]))'],
  ['searchsorted: a negative sorter entry', () => L.searchsorted(A([1, 2, 3]), A([2]), { sorter: A([-1, 0, 1], 'i8') }), 'np.searchsorted(f8([1, 2, 3]), f8([2]), sorter=i8([-1, 0, 1]))'],
  ['searchsorted: a sorter of repeats', () => L.searchsorted(A([1, 2, 3]), A([2.5]), { sorter: A([0, 0, 0], 'i8') }), 'np.searchsorted(f8([1, 2, 3]), f8([2.5]), sorter=i8([0, 0, 0]))'],
  ['searchsorted: a sorter entry of 2^62', () => L.searchsorted(A([1, 2, 3]), A([2]), { sorter: A([2n ** 62n, 0n, 1n], 'i8') }), 'np.searchsorted(f8([1, 2, 3]), f8([2]), sorter=i8([2**62, 0, 1]))'],
  ['searchsorted: a short sorter', () => L.searchsorted(A([1, 2, 3]), A([2]), { sorter: A([0, 1], 'i8') }), 'np.searchsorted(f8([1, 2, 3]), f8([2]), sorter=i8([0, 1]))', true],
  ['searchsorted: a float sorter', () => L.searchsorted(A([1, 2, 3]), A([2]), { sorter: A([0, 1, 2]) }), 'np.searchsorted(f8([1, 2, 3]), f8([2]), sorter=f8([0, 1, 2]))', true],
  ['searchsorted: empty a', () => L.searchsorted(A([]), A([1])), 'np.searchsorted(f8([]), f8([1]))'],
  ['searchsorted: 0-d a', () => L.searchsorted(A(1), 1), 'np.searchsorted(f8(1), 1)', true],
  ['unique: NaN and -0 with index, inverse, counts', () => { const u = L.unique(A([NaN, -0, 0, NaN, 1]), { returnIndex: true, returnInverse: true, returnCounts: true }); return [u.values, u.index, u.inverse, u.counts]; }, 'np.unique(f8([np.nan, -0., 0., np.nan, 1]), return_index=True, return_inverse=True, return_counts=True)'],
  ['unique: empty', () => { const u = L.unique(A([]), { returnIndex: true, returnInverse: true, returnCounts: true }); return [u.values, u.index, u.inverse, u.counts]; }, 'np.unique(f8([]), return_index=True, return_inverse=True, return_counts=True)'],
  ['unique: 0-d with inverse', () => { const u = L.unique(A(5), { returnInverse: true }); return [u.values, u.inverse]; }, 'np.unique(f8(5), return_inverse=True)'],
  // concatenate / stack.
  ['concatenate: nothing', () => L.concatenate([]), 'np.concatenate([])', true],
  ['concatenate: axis out of range', () => L.concatenate([L.zeros([2]), L.zeros([2])], { axis: 1 }), 'np.concatenate([z(2), z(2)], axis=1)', true],
  ['concatenate: 0-d arrays', () => L.concatenate([A(1), A(2)]), 'np.concatenate([f8(1), f8(2)])', true],
  ['concatenate: 0-d arrays flattened', () => L.concatenate([A(1), A(2)], { axis: null }), 'np.concatenate([f8(1), f8(2)], axis=None)'],
  ['concatenate: zero-length axes', () => L.concatenate([L.zeros([0, 2]), L.zeros([0, 2])], { axis: 1 }), 'np.concatenate([z((0,2)), z((0,2))], axis=1)'],
  ['stack: nothing', () => L.stack([]), 'np.stack([])', true],
  ['stack: axis -3 of 1-d inputs', () => L.stack([L.zeros([2]), L.zeros([2])], { axis: -3 }), 'np.stack([z(2), z(2)], axis=-3)', true],
  ['stack: axis null', () => L.stack([L.zeros([2]), L.zeros([2])], { axis: null }), 'np.stack([z(2), z(2)], axis=None)'],
  ['stack: 64-d inputs would make 65', () => L.stack([L.zeros(Array(64).fill(1)), L.zeros(Array(64).fill(1))]), 'np.stack([z((1,)*64), z((1,)*64)])'],
  // Axis reductions: axes, out, dtype, empty and 0-d.
  ['sum: axis out of range', () => L.sum(L.zeros([2, 3]), 2), 'np.sum(z((2,3)), 2)', true],
  ['sum: a repeated axis', () => L.sum(L.zeros([2, 3]), [0, -2]), 'np.sum(z((2,3)), (0, -2))', true],
  ['sum: a float axis', () => L.sum(L.zeros([2, 3]), 1.5), 'np.sum(z((2,3)), 1.5)'],
  ['sum: axis 0 of a 0-d array', () => L.sum(A(3), 0), 'np.sum(f8(3), 0)'],
  ['sum: out of the wrong shape', () => L.sum(L.zeros([2, 3]), 0, { out: L.zeros([2]) }), 'np.sum(z((2,3)), 0, out=z(2))'],
  ['sum: keepdims with a reduced out', () => L.sum(L.zeros([2, 3]), 1, { keepdims: true, out: L.zeros([2]) }), 'np.sum(z((2,3)), 1, keepdims=True, out=z(2))'],
  ['sum: out int32 for floats (unsafe cast allowed)', () => L.sum(A([1.5, 2]), 0, { out: L.zeros([], 'i4') }), "np.sum(f8([1.5, 2]), 0, out=z((), 'i4'))"],
  ['sum: out is a row of the input', () => { const a = A([[1, 2], [3, 4]]); return L.sum(a, 0, { out: a.index(0) }); }, '(lambda a: np.sum(a, 0, out=a[0]))(f8([[1, 2], [3, 4]]))'],
  ['sum: unknown dtype', () => L.sum(L.zeros([2]), 0, { dtype: 'zz' as 'f8' }), "np.sum(z(2), 0, dtype='zz')"],
  ['sum: a zero-length axis', () => L.sum(L.zeros([0, 3]), 0), 'np.sum(z((0,3)), 0)'],
  ['min: over a zero-length axis', () => L.min(L.zeros([0, 3]), 0), 'np.min(z((0,3)), 0)', true],
  ['min: along a non-empty axis of an empty array', () => L.min(L.zeros([3, 0]), 0), 'np.min(z((3,0)), 0)'],
  ['argmax: empty', () => L.argmax(L.zeros([0])), 'np.argmax(z(0))', true],
  ['mean: empty', () => L.mean(L.zeros([0])), 'np.mean(z(0))'],
  ['sum: over all 64 axes', () => L.sum(L.zeros(Array(64).fill(1)), Array.from({ length: 64 }, (_, k) => k)), 'np.sum(z((1,)*64), tuple(range(64)))'],
  // Ufuncs: out aliasing, read-only/closed/wrong out, where masks.
  ['add: out is the input, read reversed', () => { const a = A([1, 2, 3, 4]); return L.add(a, a.index('::-1'), { out: a }); }, '(lambda a: np.add(a, a[::-1], out=a))(f8([1, 2, 3, 4]))'],
  ['add: out overlaps the input one element on', () => { const a = A([1, 2, 3, 4, 5]); L.add(a.index(':4'), 1, { out: a.index('1:') }); return a; }, '(lambda a: (np.add(a[:4], 1, out=a[1:]), a)[1])(f8([1, 2, 3, 4, 5]))'],
  ['add: out is what a broadcast input reads', () => { const a = A([1, 2, 3]); return L.add(L.broadcastTo(a.index(':1'), [3]), 1, { out: a }); }, '(lambda a: np.add(np.broadcast_to(a[:1], (3,)), 1, out=a))(f8([1, 2, 3]))'],
  ['add: out of a shape the inputs broadcast to', () => L.add(A([1, 2]), 1, { out: L.zeros([2, 2]) }), 'np.add(f8([1, 2]), 1, out=z((2,2)))'],
  ['add: out of another shape', () => L.add(A([1, 2]), 1, { out: L.zeros([3]) }), 'np.add(f8([1, 2]), 1, out=z(3))', true],
  ['add: out int32 for floats', () => L.add(A([1.5]), 1, { out: L.zeros([1], 'i4') }), "np.add(f8([1.5]), 1, out=z(1, 'i4'))", true],
  ['add: a where mask of another shape', () => L.add(A([1, 2]), 1, { out: L.zeros([2]), where: A([true, false, true]) }), 'np.add(f8([1, 2]), 1, out=z(2), where=np.array([True, False, True]))', true],
  ['add: a float where mask', () => L.add(A([1, 2]), 1, { out: L.zeros([2]), where: A([1, 0]) }), 'np.add(f8([1, 2]), 1, out=z(2), where=f8([1, 0]))', true],
  ['add: where false keeps out', () => L.add(A([1, 2]), 1, { out: A([7, 8]), where: false }), 'np.add(f8([1, 2]), 1, out=f8([7, 8]), where=False)'],
  ['logicalOr: where mask is out itself', () => { const o = A([true, false]); return L.logicalOr(A([true, true]), A([false, false]), { out: o, where: o }); }, '(lambda o: np.logical_or(np.array([True, True]), np.array([False, False]), out=o, where=o))(np.array([True, False]))'],
  ['add: 0 and 2 do not broadcast', () => L.add(L.zeros([0]), L.zeros([2])), 'np.add(z(0), z(2))', true],
  ['add: 65 axes by broadcasting', () => L.add(L.zeros(Array(64).fill(1)), L.zeros(Array(64).fill(1)).index('newaxis')), 'np.add(z((1,)*64), z((1,)*64)[None])'],
  ['floorDivide: int64 minimum by -1', () => L.floorDivide(A([-(2n ** 63n)], 'i8'), -1), 'np.floor_divide(i8([-(2**63)]), -1)'],
  ['remainder: integers by zero', () => L.remainder(A([1, -1, 0], 'i8'), 0), 'np.remainder(i8([1, -1, 0]), 0)'],
  ['power: integer to a negative power', () => L.power(A([2], 'i8'), -1), 'np.power(i8([2]), -1)', true],
  ['leftShift: by 64', () => L.leftShift(A([1], 'i8'), 64), 'np.left_shift(i8([1]), 64)'],
];

const PY_CASES = `
import warnings
warnings.simplefilter('ignore')
f8 = lambda x: np.array(x, 'f8'); i8 = lambda x: np.array(x, 'i8'); z = np.zeros
def plain(v):
    if isinstance(v, tuple): return [plain(x) for x in v]
    if isinstance(v, np.ndarray): return {'shape': list(v.shape), 'v': plain(v.tolist())}
    if isinstance(v, list): return [plain(x) for x in v]
    if isinstance(v, np.generic): return plain(v.item())
    if isinstance(v, float) and (v != v or v in (float('inf'), float('-inf'))): return repr(v)
    return v
out = []
for src in json.load(sys.stdin):
    try:
        out.append({'ok': plain(eval(src))})
    except Exception as e:
        out.append({'err': type(e).__name__, 'msg': str(e)})
print(json.dumps(out))
`;

describeWithNumpy('hostile compute calls answer as NumPy does', () => {
  const numpy = runNumpy<Outcome[]>(PY_CASES, JSON.stringify(CASES.map((c) => c[2])));
  // np.sum(..., out=0-d) and np.mean give NumPy scalars; ours are 0-d arrays: compare values.
  const scalar = (v: unknown): unknown => {
    const a = v as { shape?: number[]; v?: unknown } | null;
    return a !== null && typeof a === 'object' && Array.isArray(a.shape) && a.shape.length === 0 ? a.v : v;
  };
  test.each(CASES.map((c, i) => [c[0], i] as const))('%s', (_name, i) => {
    const [, ours, , sameMessage] = CASES[i];
    const got = outcome(ours);
    const want = numpy[i];
    if ('err' in want) {
      expect(got).toMatchObject({ err: expect.any(String) });
      const g = got as { err: string; msg: string };
      expect(SAME_CLASS[want.err] ?? [want.err]).toContain(g.err);
      if (sameMessage) expect(g.msg).toBe(want.msg);
    } else {
      expect(got).toHaveProperty('ok');
      expect(scalar((got as { ok: unknown }).ok)).toEqual(scalar(want.ok));
    }
  });
});

describe('closed mappings and bad arguments are refused with typed errors', () => {
  const closed = (f: () => unknown): void => expect(f).toThrow(expect.objectContaining({ code: 'ERR_CLOSED' }));
  test('index, sorter, where and out arrays over a closed mapping', () => {
    closed(() => L.take(L.arange(5), closedView('i8')));
    closed(() => L.put(L.arange(5), closedView('i8'), 1));
    closed(() => L.put(closedView(), [0], 1));
    closed(() => L.nonzero(closedView()));
    closed(() => L.bincount(closedView('i8')));
    closed(() => L.searchsorted(A([1, 2, 3]), A([2]), { sorter: closedView('i8', 3) }));
    closed(() => L.sort(closedView()));
    closed(() => L.unique(closedView()));
    closed(() => L.concatenate([L.zeros([2]), closedView()]));
    closed(() => L.sum(L.zeros([4, 3]), 1, { out: closedView() }));
    closed(() => L.add(closedView(), 1));
    closed(() => L.add(A([1, 2, 3, 4]), 1, { out: closedView() }));
    closed(() => L.add(A([1, 2, 3, 4]), 1, { out: L.zeros([4]), where: closedView('bool') }));
  });

  test('read-only outs and targets', () => {
    const ro = (): NdArray => L.broadcastTo(L.zeros([1]), [3]);
    for (const f of [() => L.put(ro(), [0], 1), () => L.addAt(ro(), A([0], 'i8'), 1), () => L.sortInPlace(ro()), () => L.add(A([1, 2, 3]), 1, { out: ro() })]) {
      expect(f).toThrow(expect.objectContaining({ code: 'ERR_READ_ONLY' }));
    }
    expect(() => L.sum(L.zeros([2, 3]), 0, { out: ro() })).toThrow(/read-only/);
  });

  test('threads 0, NaN, 1e9, 1.5 and a string are RangeErrors; a bad signal or onProgress a TypeError', async () => {
    for (const threads of [0, NaN, 1e9, 1.5, -1, '2']) {
      await expect(L.sumAsync(L.zeros([10]), { threads: threads as number })).rejects.toThrow(RangeError);
    }
    await expect(L.sumAsync(L.zeros([10]), { signal: {} as AbortSignal })).rejects.toThrow(TypeError);
    await expect(L.sumAsync(L.zeros([10]), { onProgress: 5 as never })).rejects.toThrow(TypeError);
  });

  test('an already aborted signal rejects with AbortError and writes no file', async () => {
    const c = new AbortController();
    c.abort();
    await expect(L.sumAsync(L.zeros([10]), { signal: c.signal })).rejects.toMatchObject({ name: 'AbortError', code: 'ABORT_ERR' });
    await expect(L.forEachAsync(L.zeros([10]), () => undefined, { signal: c.signal })).rejects.toMatchObject({ code: 'ABORT_ERR' });
    const p = tmp.path('aborted.npy');
    await expect(L.saveNpyAsync(p, L.zeros([3]), { signal: c.signal })).rejects.toMatchObject({ code: 'ABORT_ERR' });
    expect(fs.existsSync(p)).toBe(false);
  });

  test('saveNpy and saveNpyAsync to a folder fail before writing (EISDIR naming it); into a missing folder with ENOENT', async () => {
    const missing = path.join(tmp.dir, 'no', 'such', 'x.npy');
    await expect(L.saveNpyAsync(tmp.dir, L.zeros([3]))).rejects.toMatchObject({ code: 'EISDIR', syscall: 'open', path: tmp.dir });
    expect(() => L.saveNpy(tmp.dir, L.zeros([3]))).toThrow(expect.objectContaining({ code: 'EISDIR', path: tmp.dir }));
    await expect(L.saveNpyAsync(missing, L.zeros([3]))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(() => L.saveNpy(missing, L.zeros([3]))).toThrow(expect.objectContaining({ code: 'ENOENT', message: expect.stringContaining(missing) }));
    // No temporary left beside the folder (named after it: .<name>.<pid>.<hex>.tmp).
    expect(fs.readdirSync(path.dirname(tmp.dir)).filter((n) => n.startsWith(`.${path.basename(tmp.dir)}.`))).toEqual([]);
  });

  test('saveNpyAsync over a file another array maps leaves that array its old data', async () => {
    const p = tmp.path('mapped.npy');
    L.saveNpy(p, L.arange(0, 8, 1, 'f8'));
    const m = L.openNpy(p, { mode: 'r' });
    await L.saveNpyAsync(p, L.zeros([4], 'i4'));
    expect(m.toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    m.close();
    const back = L.openNpy(p);
    expect([back.dtype.str, back.toArray()]).toEqual(['<i4', [0, 0, 0, 0]]);
    (back as L.Memmap).close();
    // ... and saving an open mapping over its own file.
    const self = L.openNpy(p, { mode: 'r' });
    await L.saveNpyAsync(p, self);
    self.close();
    const again = L.openNpy(p);
    expect(again.toArray()).toEqual([0, 0, 0, 0]);
    (again as L.Memmap).close();
  });
});

/**
 * Runs `body` (an async function body with L, path, dir, out(x) in scope) in
 * a child node; returns its printed results, its exit status and signal.
 */
function child(body: string): { status: number | null; signal: NodeJS.Signals | null; results: unknown[]; stderr: string } {
  // dist/ as the other forked tests load it (npm ci and the tsc build make it).
  const dist = path.resolve(__dirname, '../dist/index.js');
  const script = `
const L = require(${JSON.stringify(dist)});
const path = require('path');
const dir = ${JSON.stringify(tmp.dir)};
const results = [];
const out = (x) => results.push(x);
const fail = (e) => out({ err: e && e.constructor && e.constructor.name, code: e && e.code });
const mm = (n, dt = 'f8') => { const m = L.memmap(path.join(dir, 'c' + process.pid + '-' + results.length + '-' + Math.random() + '.bin'), { dtype: dt, mode: 'w+', shape: [n] }); m.fill(1); return m; };
(async () => {
${body}
})().then(() => console.log(JSON.stringify(results)), (e) => { console.error(e); process.exit(3); });`;
  const r = spawnSync('/bin/sh', ['-c', 'ulimit -c 0; exec "$0" "$@"', process.execPath, '-e', script], { encoding: 'utf8', timeout: 120_000, cwd: path.resolve(__dirname, '..') });
  let results: unknown[] = [];
  try {
    results = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as unknown[];
  } catch {
    // left empty: the assertions below name the failure.
  }
  return { status: r.status, signal: r.signal, results, stderr: r.stderr };
}

describe('mappings closed under a running walk or kernel (forked children)', () => {
  test('a control child that closes nothing gets its answers', () => {
    const r = child(`
      const m = mm(1000);
      let n = 0; m.forEach(() => { n++; }); out(n);
      out(Number(await L.sumAsync(m)));
      m.close();`);
    expect([r.signal, r.status, r.results]).toEqual([null, 0, [1000, 1000]]);
  });

  test('forEach, reduce, forEachAsync and reduceAsync callbacks that close the mapping stop with ERR_CLOSED', () => {
    const r = child(`
      for (const run of [
        (m) => m.forEach((v, i) => { if (i === 10) m.close(); }),
        (m) => m.reshape([400, 500]).index('::-1, ::-3').forEach((v, i) => { if (i === 3) m.close(); }),
        (m) => m.reduce((acc, v, i) => { if (i === 10) m.close(); return acc + v; }, 0),
        (m) => L.forEachAsync(m, (v, i) => { if (i === 70000) m.close(); }),
        (m) => { const p = L.reduceAsync(m, (a, v) => a + v, 0); setImmediate(() => m.close()); return p; },
      ]) {
        const m = mm(200000);
        try { await run(m); out('no error'); } catch (e) { fail(e); }
      }`);
    expect([r.signal, r.status]).toEqual([null, 0]);
    expect(r.results).toEqual(Array(5).fill({ err: 'AccessError', code: 'ERR_CLOSED' }));
  });

  test('async kernels whose mapping closes at once, from onProgress, or whose signal aborts from onProgress', () => {
    const r = child(`
      const big = 4 << 20;
      for (const run of [
        (m) => { const p = L.sumAsync(m, { threads: 2 }); m.close(); return p; },
        (m) => { const p = L.fillAsync(m, 2, { threads: 2 }); m.close(); return p; },
        (m) => L.copyAsync(m, 'C', { onProgress: () => m.close() }).then((c) => c.size),
        (m) => L.fillAsync(m, 3, { onProgress: () => m.close() }),
        (m) => { const c = new AbortController(); return L.sumAsync(m.index('::-1'), { signal: c.signal, onProgress: () => c.abort() }); },
        (m) => { const c = new AbortController(); const p = L.astypeAsync(m, 'f4', 'C', { signal: c.signal, threads: 2 }); c.abort(); return p.then((x) => x.size); },
        (m) => L.saveNpyAsync(path.join(dir, 'closing' + process.pid + '.npy'), m, { onProgress: () => m.close() }),
      ]) {
        const m = mm(big);
        try { out(await run(m)); } catch (e) { fail(e); } finally { m.close(); }
      }`);
    expect([r.signal, r.status]).toEqual([null, 0]);
    expect(r.results).toHaveLength(7);
    const closedOr = (x: unknown, done: unknown): void => expect([{ err: 'AccessError', code: 'ERR_CLOSED' }, done]).toContainEqual(x);
    closedOr(r.results[0], 4 << 20);
    closedOr(r.results[1], null);
    closedOr(r.results[2], 4 << 20);
    closedOr(r.results[3], null);
    expect([{ err: 'AbortError', code: 'ABORT_ERR' }, 4 << 20]).toContainEqual(r.results[4]);
    expect(r.results[5]).toEqual({ err: 'AbortError', code: 'ABORT_ERR' });
    // saveNpyAsync writes whole or not at all: undefined (saved) or ERR_CLOSED.
    expect([{ err: 'AccessError', code: 'ERR_CLOSED' }, null]).toContainEqual(r.results[6] ?? null);
  });
});

describeWithNumpy('negative, zero and misaligned strides over mappings give NumPy values', () => {
  // One page of f8 (values (37 i) % 101) and of i8 (values i % 7), viewed
  // backwards: the kernels walk down from the last item of the mapping.
  const BODY = `
    const page = (dt) => { const m = L.memmap(path.join(dir, 'p' + Math.random() + '.bin'), { dtype: dt, mode: 'w+', shape: [512] }); for (let i = 0; i < 512; i++) m.set(i, dt === 'i8' ? BigInt(i % 7) : (i * 37) % 101); return m; };
    const packed = (n) => { const r = L.zeros([n], [['a', 'u1'], ['b', 'f8']]); const b = r.field('b'); for (let i = 0; i < n; i++) b.set(i, (i * 7919) % 1000); return b; };
    const total = (a) => a.toArray().flat(Infinity).reduce((s, v) => s + Number(v), 0);
    const cases = {
      take: () => total(L.take(page('f8').index('::-1'), L.arange(0, 512, 1, 'i8'))),
      takeNegIdx: () => total(L.take(page('f8'), page('i8').index('::-1'))),
      takeStride0: () => total(L.take(L.asStrided(page('f8'), [4096], [0]), L.arange(0, 4096, 7, 'i8'))),
      argsort: () => total(L.argsort(page('f8').index('::-3'))),
      unique: () => L.unique(page('f8').index('::-1')).values.size,
      searchsorted: () => total(L.searchsorted(L.sort(page('f8')), page('f8').index('::-1'))),
      bincountW: () => total(L.bincount(page('i8').index('::-1'), { weights: page('f8').index('::-1') })),
      flatnonzero: () => total(L.flatnonzero(L.greater(page('f8').index('::-1'), 50))),
      addOutSelf: () => { const a = page('f8'); L.add(a, a.index('::-1'), { out: a }); return total(a); },
      sumAxis: () => total(L.sum(page('f8').reshape([16, 32]).index('::-1'), 0)),
      putNeg: () => { const a = page('f8'); L.put(a.index('::-1'), L.arange(0, 512, 2, 'i8'), 1); return total(a); },
      addAtNeg: () => { const a = page('f8'); L.addAt(a.index('::-1'), page('i8'), 1); return total(a); },
      packedSort: () => total(L.sort(packed(3000)).index(':100')),
      packedArgsort: () => total(L.argsort(packed(3000)).index(':100')),
      packedMultiplyOut: () => { const b = packed(3000); L.multiply(b, 2, { out: b }); return total(b); },
      packedSumAxis: () => total(L.max(packed(3000).reshape([30, 100]), 0)),
      packedSumAsync: async () => Number(await L.sumAsync(packed(300000))),
      negFillAsync: async () => { const a = page('f8'); await L.fillAsync(a.index('::-2'), 1); return total(a); },
    };
    for (const [k, f] of Object.entries(cases)) { try { out([k, await f()]); } catch (e) { out([k, String(e)]); } }`;
  const PY = `
p = (np.arange(512) * 37 % 101).astype('f8'); q = (np.arange(512) % 7).astype('i8')
def packed(n): return (np.arange(n) * 7919 % 1000).astype('f8')
def put_neg():
    a = p.copy(); np.put(a[::-1], np.arange(0, 512, 2), 1); return a.sum()
def add_at_neg():
    a = p.copy(); np.add.at(a[::-1], q, 1); return a.sum()
def add_out_self():
    a = p.copy(); np.add(a, a[::-1], out=a); return a.sum()
def fill_neg():
    a = p.copy(); a[::-2] = 1; return a.sum()
r = {
  'take': np.take(p[::-1], np.arange(512)).sum(),
  'takeNegIdx': np.take(p, q[::-1]).sum(),
  'takeStride0': np.take(np.lib.stride_tricks.as_strided(p, (4096,), (0,)), np.arange(0, 4096, 7)).sum(),
  'argsort': np.argsort(p[::-3], kind='stable').sum(),
  'unique': np.unique(p[::-1]).size,
  'searchsorted': np.searchsorted(np.sort(p), p[::-1]).sum(),
  'bincountW': np.bincount(q[::-1], weights=p[::-1]).sum(),
  'flatnonzero': np.flatnonzero(p[::-1] > 50).sum(),
  'addOutSelf': add_out_self(),
  'sumAxis': np.sum(p.reshape(16, 32)[::-1], 0).sum(),
  'putNeg': put_neg(),
  'addAtNeg': add_at_neg(),
  'packedSort': np.sort(packed(3000))[:100].sum(),
  'packedArgsort': np.argsort(packed(3000), kind='stable')[:100].sum(),
  'packedMultiplyOut': (packed(3000) * 2).sum(),
  'packedSumAxis': np.max(packed(3000).reshape(30, 100), 0).sum(),
  'packedSumAsync': packed(300000).sum(),
  'negFillAsync': fill_neg(),
}
print(json.dumps([[k, float(v)] for k, v in r.items()]))`;
  test('each kernel over reversed, 0-stride and unaligned views of a one-page mapping', () => {
    const r = child(BODY);
    expect([r.signal, r.status]).toEqual([null, 0]);
    const want = runNumpy<[string, number][]>(PY);
    expect(r.results).toEqual(want);
  });
});
