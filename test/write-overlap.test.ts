// The copy-if-overlap decision (lib/write-overlap.ts) against NumPy's own:
// nditer copies when the operand is not `out` element for element (same
// start, dtype and strides, `out` not overlapping itself) and
// may_share_memory(operand, out, max_work=1) is not a proven "no".
import { arange, asStrided, broadcastTo, fromBuffer, NdArray } from '../lib';
import { hasInternalOverlap, needsOverlapCopy } from '../lib/write-overlap';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

/** A pair over one base of 64 int16 items, in both languages. */
interface Pair {
  name: string;
  py: [string, string];
  js: (x: NdArray) => [NdArray, NdArray];
}

const PAIRS: Pair[] = [
  { name: 'the same view', py: ['x[:24]', 'x[:24]'], js: (x) => [x.index('0:24'), x.index('0:24')] },
  { name: 'shifted by one item', py: ['x[1:25]', 'x[:24]'], js: (x) => [x.index('1:25'), x.index('0:24')] },
  { name: 'reversed', py: ['x[:24][::-1]', 'x[:24]'], js: (x) => [x.index('0:24').index('::-1'), x.index('0:24')] },
  { name: 'transposed', py: ['x[:36].reshape(6, 6).T', 'x[:36].reshape(6, 6)'], js: (x) => [x.index('0:36').reshape([6, 6]).T, x.index('0:36').reshape([6, 6])] },
  { name: 'interleaved halves (no shared byte)', py: ['x[:48:2]', 'x[1:48:2]'], js: (x) => [x.index('0:48:2'), x.index('1:48:2')] },
  { name: 'disjoint halves', py: ['x[:32]', 'x[32:]'], js: (x) => [x.index('0:32'), x.index('32:')] },
  { name: 'out with a 1-byte stride over the input', py: ['x[:24]', 'ast(x, (24,), (1,))'], js: (x) => [x.index('0:24'), asStrided(x, [24], [1])] },
  { name: 'the same 1-byte-stride view twice', py: ['ast(x, (24,), (1,))', 'ast(x, (24,), (1,))'], js: (x) => [asStrided(x, [24], [1]), asStrided(x, [24], [1])] },
  { name: 'the same stride-0 view twice', py: ['ast(x, (24,), (0,))', 'ast(x, (24,), (0,))'], js: (x) => [asStrided(x, [24], [0]), asStrided(x, [24], [0])] },
  { name: 'same bytes, another dtype', py: ['x[:24]', 'x[:24].view(np.uint16)'], js: (x) => [x.index('0:24'), x.index('0:24').view('<u2')] },
  { name: 'a byte view inside one item', py: ['x[:24].view(np.int8)[1::2]', 'x[:24]'], js: (x) => [x.index('0:24').view('i1').index('1::2'), x.index('0:24')] },
];

describeWithNumpy('needsOverlapCopy: NumPy nditer COPY_IF_OVERLAP decision', () => {
  test('each pair decides as NumPy does', () => {
    const want = runNumpy<boolean[]>(
      `
from numpy.lib.stride_tricks import as_strided as ast
from numpy._core._multiarray_tests import internal_overlap
x = np.arange(64, dtype='<i2')
res = []
for a_src, o_src in json.load(sys.stdin):
    a, o = eval(a_src), eval(o_src)
    same = (a.__array_interface__['data'][0] == o.__array_interface__['data'][0] and a.shape == o.shape
            and a.strides == o.strides and a.dtype == o.dtype and not internal_overlap(o))
    res.append(bool(not same and np.may_share_memory(a, o, max_work=1)))
print(json.dumps(res))
`,
      JSON.stringify(PAIRS.map((p) => p.py)),
    );
    const x = arange(64, '<i2');
    const got = PAIRS.map((p) => needsOverlapCopy(...p.js(x)));
    expect(PAIRS.map((p, i) => `${p.name}: ${String(got[i])}`)).toEqual(PAIRS.map((p, i) => `${p.name}: ${String(want[i])}`));
  });
});

describe('needsOverlapCopy', () => {
  test('an array updated in place (same start, strides and dtype) needs no copy: the fast path stays', () => {
    const x = arange(1000, '<f8');
    expect(needsOverlapCopy(x, x)).toBe(false);
    const t = x.reshape([10, 100]).T;
    expect(needsOverlapCopy(t, t)).toBe(false);
  });

  test('arrays over different buffers, or over one buffer at distinct bytes, need none', () => {
    const buf = new ArrayBuffer(64);
    expect(needsOverlapCopy(fromBuffer(buf, '<i4', { count: 8 }), fromBuffer(buf, '<i4', { offset: 32, count: 8 }))).toBe(false);
    expect(needsOverlapCopy(fromBuffer(buf, '<i4', { count: 8 }), fromBuffer(buf, '<i4', { offset: 4, count: 8 }))).toBe(true);
    expect(needsOverlapCopy(arange(8, '<i4'), arange(8, '<i4'))).toBe(false);
  });

  test('a walk pairs a broadcast operand with out item for item only where the strides agree', () => {
    const x = arange(4, '<f8');
    const row = broadcastTo(x, [3, 4]);
    // x read along each row of out = x broadcast: every write lands on bytes later rows read.
    expect(needsOverlapCopy(x, row, { shape: [3, 4], inStrides: [0, 8], outStrides: row.strides })).toBe(true);
  });

  test('hasInternalOverlap: 0 strides and strides below the itemsize', () => {
    const x = arange(16, '<i4');
    expect(hasInternalOverlap(x)).toBe(false);
    expect(hasInternalOverlap(asStrided(x, [4], [0]))).toBe(true);
    expect(hasInternalOverlap(asStrided(x, [4], [2]))).toBe(true);
    expect(hasInternalOverlap(asStrided(x, [4, 4], [16, 4]))).toBe(false);
    expect(hasInternalOverlap(asStrided(x, [4, 4], [4, 8]))).toBe(true);
  });
});
