// Eighth adversarial pass: the histograms' bin counts in the billions, lists
// that lie about their length, and the newest compute paths under hostile
// sizes. Each case here failed before its fix (a V8 heap abort or a loop of
// minutes where an error was due at once); those run in forked children with
// a time limit, beside a control.

import * as L from '../lib';
import { ValueError } from '../lib';
import { runInChild, type ChildResult } from './helpers/child';
import { describeWithNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';

const child = (body: string): ChildResult => runInChild(body, { heapMb: 1024 });

describe('histogram edges of float32/float16 data: allocated before they are computed', () => {
  test('control: 4 float32 bins', () => {
    const { hist, edges } = L.histogramdd(L.asarray([[0], [1], [2]], 'f4'), { bins: 4 });
    expect(edges[0].dtype.str).toBe('<f4');
    expect(hist.toArray()).toEqual([1, 0, 1, 1]);
  });

  test('histogramdd of a float32 column, bins 2^30 (child): the MemoryError of its 4 GiB of edges (was a JS list of 2^30 numbers: a V8 heap abort or minutes)', () => {
    const r = child(`return L.histogramdd(L.ones([3, 1], 'f4'), { bins: 2 ** 30 });`);
    expect(r.signal).toBeNull();
    const [cls, msg] = JSON.parse(r.out) as [string, string];
    expect(cls).toBe('MemoryError');
    expect(msg).toMatch(/^cannot allocate 4294967300 bytes/);
  });

  test('histogram of float32 data, bins 2^31 (child): the MemoryError naming the 8 GiB (was a JS list of 2^31 numbers)', () => {
    const r = child(`return L.histogram(L.ones([3], 'f4'), { bins: 2 ** 31 });`);
    expect(r.signal).toBeNull();
    const [cls, msg] = JSON.parse(r.out) as [string, string];
    expect(cls).toBe('MemoryError');
    expect(msg).toMatch(/^cannot allocate 8589934596 bytes/);
  });

  test("histogramdd of two float32 columns, bins 2^30 each (child): NumPy's ValueError for (2^30 + 2)^2 int64 counts, past intp bytes, before any edge is made (was the list of 2^30 numbers first)", () => {
    const r = child(`return L.histogramdd(L.ones([3, 2], 'f4'), { bins: 2 ** 30 });`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['ValueError', 'array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.']);
  });

  test("a total from counts and edge lists mixed: NumPy's refusal of the counts' allocation before 8 GiB of edges are made; a count refused on its own keeps its error", () => {
    // NumPy 2.4: (2^24 + 2) * 4 * (2^30 + 2) counts fit intp and their bytes do, so bincount's allocation fails.
    expect(() => L.histogramdd(L.ones([3, 3]), { bins: [2 ** 24, [0, 1, 2], 2 ** 30] })).toThrow('Unable to allocate 512. PiB for an array with shape (72057602762080272,) and data type int64');
    expect(() => L.histogramdd(L.ones([3, 2]), { bins: [4, 0] })).toThrow(new ValueError('`bins[1]` must be positive, when an integer'));
    expect(() => L.histogramdd(L.ones([3, 2]), { bins: [4, 2 ** 40] })).toThrow(new ValueError('Maximum allowed size exceeded (1099511627776 bins)'));
  });
});

describeWithNumpy('histogram edges of float32/float16 data against NumPy (the in-place edge loop)', () => {
  test('histogramdd and histogram edges and counts, bit for bit', () => {
    const xs = '[[0.1, 7.25], [3.3, -1.5], [2.2, 0.0], [9.9, 4.75]]';
    const cases: Case[] = [];
    for (const dt of ['f4', 'f2', '>f4']) {
      for (const bins of [1, 3, 7, 1000]) {
        cases.push({ py: `np.histogramdd(np.array(${xs}, '${dt}'), bins=${bins})[1][0]`, js: () => L.histogramdd(L.asarray(JSON.parse(xs), dt), { bins }).edges[0] });
        cases.push({ py: `np.histogramdd(np.array(${xs}, '${dt}'), bins=${bins})[1][1]`, js: () => L.histogramdd(L.asarray(JSON.parse(xs), dt), { bins }).edges[1] });
        cases.push({ py: `np.histogramdd(np.array(${xs}, '${dt}'), bins=${bins})[0]`, js: () => L.histogramdd(L.asarray(JSON.parse(xs), dt), { bins }).hist.copy() });
        cases.push({ py: `np.histogram(np.array(${xs}, '${dt}').ravel(), bins=${bins})[1]`, js: () => L.histogram(L.asarray(JSON.parse(xs), dt).ravel(), { bins })[1] });
        cases.push({ py: `np.histogram(np.array(${xs}, '${dt}').ravel(), bins=${bins})[0]`, js: () => L.histogram(L.asarray(JSON.parse(xs), dt).ravel(), { bins })[0] });
      }
    }
    // One value (the range widened by 0.5) and a tiny range where the float16 step underflows.
    cases.push({ py: `np.histogramdd(np.array([[3.0]], 'f2'), bins=5)[1][0]`, js: () => L.histogramdd(L.asarray([[3]], 'f2'), { bins: 5 }).edges[0] });
    cases.push({ py: `np.histogram(np.array([1.0, 1.0009765625], 'f2'), bins=3000)[1]`, js: () => L.histogram(L.asarray([1, 1.0009765625], 'f2'), { bins: 3000 })[1] });
    expectCasesLikeNumpy(cases);
  });
});

describe('histogramdd of a list of columns that lies about its length', () => {
  test('control: a list of two columns', () => {
    expect(L.histogramdd([[0, 1], [1, 0]], { bins: 2 }).hist.toArray()).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  test("a sparse list of length 2^32 - 1 (child): asarray's TypeError at its first hole (was a walk of 2^32 indices: minutes)", () => {
    const r = child(`const a = [[1, 2]]; a.length = 2 ** 32 - 1; return L.histogramdd(a);`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['TypeError', 'array(): cannot make an array element of undefined (expected a number, bigint, boolean, { re, im }, string, Uint8Array, list or NdArray)']);
  });
});

describe("einsum's explicit path: a step is checked before it is copied", () => {
  test('control: a valid path', () => {
    const o = L.ones([2]);
    expect(L.einsum('i,i,i', o, o, o, { optimize: ['einsum_path', [0, 1], [0, 1]] }).get()).toBe(2);
  });

  test('a step claiming 2^32 - 1 positions (child): a ValueError naming the count, from einsum and einsumPath (was a spread of 2^32 items: a hang)', () => {
    const proxy = "new Proxy([0, 1], { get(t, k) { return k === 'length' ? 2 ** 32 - 1 : t[k]; } })";
    const want = ['ValueError', 'einsum: the path step of 4294967295 positions does not name operands among the 3 there are'];
    const r = child(`const o = L.ones([2]); return L.einsum('i,i,i', o, o, o, { optimize: ['einsum_path', ${proxy}] });`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(want);
    const p = child(`const o = L.ones([2]); return L.einsumPath('i,i,i', o, o, o, { optimize: ['einsum_path', ${proxy}] });`);
    expect(p.signal).toBeNull();
    expect(JSON.parse(p.out)).toEqual(want);
  });

  test("a step that is not a list: a TypeError naming it (was V8's 'number 5 is not iterable')", () => {
    const o = L.ones([2]);
    expect(() => L.einsum('i,i,i', o, o, o, { optimize: ['einsum_path', 5 as never] })).toThrow(new TypeError('einsum: the path step 5 is not a list of operand positions'));
  });
});

describeWithNumpy('histogramdd with NaN among the edges, against NumPy', () => {
  test("a float32 range whose width overflows: NumPy's 'invalid entry in coordinates array' (was an all-zero histogram in 2-d, bincount's negative-list error in 1-d); given NaN edges count as NumPy's", () => {
    const cases: Case[] = [
      { py: `np.histogramdd(np.array([[0, -3e38], [1, 3e38]], 'f4'), bins=3)[0]`, js: () => L.histogramdd(L.asarray([[0, -3e38], [1, 3e38]], 'f4'), { bins: 3 }).hist },
      { py: `np.histogramdd(np.array([[-3e38, 0], [3e38, 1]], 'f4'), bins=3)[0]`, js: () => L.histogramdd(L.asarray([[-3e38, 0], [3e38, 1]], 'f4'), { bins: 3 }).hist },
      { py: `np.histogram2d(np.array([-3e38, 3e38], 'f4'), np.array([0, 1], 'f4'), bins=3)[0]`, js: () => L.histogram2d(L.asarray([-3e38, 3e38], 'f4'), L.asarray([0, 1], 'f4'), { bins: 3 }).hist },
    ];
    for (const e of ['[np.nan, 0, np.nan]', '[0, np.nan, 2]', '[0, 1, np.nan]']) {
      const je = JSON.parse(e.replace(/np\.nan/g, 'null')).map((v: number | null) => (v === null ? NaN : v));
      cases.push({ py: `np.histogramdd(np.array([[0.], [1.], [2.], [np.nan]]), bins=[${e}])[0]`, js: () => L.histogramdd(L.asarray([[0], [1], [2], [NaN]]), { bins: [je] }).hist.copy() });
      cases.push({ py: `np.histogramdd(np.array([[1., 1.], [0., 2.]]), bins=[[0, 1, 2], ${e}])[0]`, js: () => L.histogramdd(L.asarray([[1, 1], [0, 2]]), { bins: [[0, 1, 2], je] }).hist.copy() });
    }
    expectCasesLikeNumpy(cases);
  });
});
