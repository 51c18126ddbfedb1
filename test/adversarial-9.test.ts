// Ninth adversarial pass: the newest surfaces (the linalg namespace, the
// polynomial functions, resize, the async ufunc front) under hostile sizes
// and lists. Each case here failed before its fix (a hang of minutes, a V8
// heap abort, or a wrong result); those that hung or aborted run in forked
// children with a time limit, beside a control.

import * as L from '../lib';
import { linalg } from '../lib';
import { polluted, runInChild, type ChildResult } from './helpers/child';
import { describeWithNumpy } from './helpers/numpy';
import { expectCasesLikeNumpy, type Case } from './helpers/np-compare';

const child = (body: string): ChildResult => runInChild(body, { heapMb: 1024 });

/** A list of length 2^32-1 holding `items` first and holes after (what `a.length = 2 ** 32 - 1` makes). */
const SPARSE = (items: string): string => `(() => { const a = [${items}]; a.length = 2 ** 32 - 1; return a; })()`;
/** A Proxy claiming 2^32-1 items, every one of them `item`. */
const CLAIMING = (item: string): string => `new Proxy([], { get(t, k) { return k === 'length' ? 2 ** 32 - 1 : typeof k === 'string' && /^\\d+$/.test(k) ? ${item} : t[k]; }, has() { return true; } })`;

describe('linalg.multiDot: a chain list that lies about its length', () => {
  test('control: a chain of 5 answers', () => {
    const m = L.asarray([
      [1, 1],
      [0, 1],
    ]);
    expect(linalg.multiDot([m, m, m, m, m]).toArray()).toEqual([
      [1n, 5n],
      [0n, 1n],
    ]);
  });

  test('a sparse list of length 2^32-1 (child): the MemoryError of its chain tables at once (map walked 2^32 holes: a hang)', () => {
    const r = child(`return L.linalg.multiDot(${SPARSE('L.eye(2), L.eye(2), L.eye(2)')});`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['MemoryError', expect.stringMatching(/^Unable to allocate 128\. EiB for an array with shape \(4294967295, 4294967295\) and data type float64/)]);
  });

  test('a Proxy claiming 2^32-1 arrays (child): the MemoryError of its chain tables before an item is read (a hang)', () => {
    const r = child(`return L.linalg.multiDot(${CLAIMING('L.eye(2)')});`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['MemoryError', expect.stringMatching(/^Unable to allocate 128\. EiB for an array with shape \(4294967295, 4294967295\) and data type float64 \(multi_dot\(\) of 4294967295 arrays/)]);
  });

  test('a short list with a hole: a TypeError naming the item (map skipped it and later code read undefined)', () => {
    const a: unknown[] = [L.eye(2), L.eye(2), L.eye(2), L.eye(2)];
    delete a[2];
    expect(() => linalg.multiDot(a)).toThrow(new TypeError('multi_dot(): arrays[2] is required'));
  });

  test('Object.prototype.out is not written by multiDot (it was taken as the out)', () => {
    const stray = L.zeros([2, 2]);
    const m = L.asarray([
      [1, 2],
      [3, 4],
    ]).astype('f8');
    const r = polluted('out', stray, () => linalg.multiDot([m, m, m]));
    expect(r).not.toBe(stray);
    expect(stray.toArray()).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(r.toArray()).toEqual([
      [37, 54],
      [81, 118],
    ]);
  });
});

describeWithNumpy('polyder past the degree, against NumPy', () => {
  test("each derivative past the degree is NumPy's empty array (dtype included)", () => {
    const cases: Case[] = [];
    for (const [p, js] of [
      ['[1, 2, 3]', () => [1, 2, 3]],
      ["np.array([1., 2.], 'f4')", () => L.asarray([1, 2], 'f4')],
      ['np.array([True])', () => L.asarray([true])],
      ['np.array([], dtype=np.uint8)', () => L.zeros([0], 'u1')],
    ] as const) {
      for (const m of [1, 2, 3, 4, 5, 9]) cases.push({ py: `np.polyder(${p}, ${m})`, js: () => L.polyder(js() as never, m) });
    }
    expectCasesLikeNumpy(cases);
  });

  test('polyder(p, 2^53 - 1) (child): the empty derivative at once (it looped 2^53 times; NumPy gives up at its recursion limit)', () => {
    const r = child(`const d = L.polyder([1, 2, 3], 2 ** 53 - 1); return [d.dtype.str, d.shape];`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['<i8', [0]]);
  });
});

describeWithNumpy('resize against NumPy, and without a list of its repeats', () => {
  test("the values, dtype and shape of NumPy's np.resize", () => {
    const cases: Case[] = [
      { py: "np.resize(np.arange(3, dtype='>u4'), (2, 5))", js: () => L.resize(L.arange(3, '>u4'), [2, 5]) },
      { py: 'np.resize(np.arange(6).reshape(2, 3), 4)', js: () => L.resize(L.arange(6).reshape(2, 3), 4) },
      { py: 'np.resize(np.arange(6).reshape(2, 3), (3, 7))', js: () => L.resize(L.arange(6).reshape(2, 3), [3, 7]) },
      { py: 'np.resize(np.arange(5)[::-2], (2, 2, 3))', js: () => L.resize(L.arange(5).index('::-2'), [2, 2, 3]) },
      { py: 'np.resize(np.arange(3.), 1000)', js: () => L.resize(L.arange(3, 'f8'), 1000) },
      { py: 'np.resize(np.arange(3.), 0)', js: () => L.resize(L.arange(3, 'f8'), 0) },
      { py: "np.resize(np.zeros(0, 'i2'), (2, 3))", js: () => L.resize(L.zeros([0], 'i2'), [2, 3]) },
      { py: 'np.resize([1, 2], (2, -1))', js: () => L.resize([1, 2], [2, -1]) },
      { py: 'np.resize([1], [1] * 65)', js: () => L.resize([1], new Array<number>(65).fill(1)) },
      { py: 'np.resize([1, 2, 3], np.array([2, 2]))', js: () => L.resize([1, 2, 3], L.asarray([2, 2]) as never) },
    ];
    expectCasesLikeNumpy(cases);
  });

  test('resize(ones(1, u1), 2^27) (child): 2^27 ones (a list of 2^27 operands for concatenate ran V8 out of heap)', () => {
    const r = child(`const a = L.resize(L.ones([1], 'u1'), [2 ** 27]); return [a.shape, a.dtype.str, Number(L.sum(a, null, { dtype: 'u8' }).get())];`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual([[2 ** 27], '|u1', 2 ** 27]);
  });

  test("a sparse new_shape of length 2^32-1 (child): NumPy's 64-axes ValueError at once (its spread made 2^32-1 undefineds)", () => {
    const r = child(`return L.resize([1], ${SPARSE('2')});`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['ValueError', 'maximum supported dimension for an ndarray is currently 64, found 4294967295']);
  });
});

describeWithNumpy('linalg.norm with an axis list longer than two', () => {
  test("NumPy's ValueError before an axis is read (a float among three axes was a TypeError)", () => {
    expectCasesLikeNumpy([
      { py: 'np.linalg.norm(np.ones((3, 3, 3)), axis=(0.5, 1, 2))', js: () => linalg.norm(L.ones([3, 3, 3]), { axis: [0.5, 1, 2] }) },
      { py: 'np.linalg.norm(np.ones((3, 3, 3)), axis=(0, 1, 2))', js: () => linalg.norm(L.ones([3, 3, 3]), { axis: [0, 1, 2] }) },
      { py: 'np.linalg.norm(np.ones((3, 3)), axis=(0, 1))', js: () => linalg.norm(L.ones([3, 3]), { axis: [0, 1] }) },
    ]);
  });

  test('a sparse axis list of length 2^32-1 (child): the ValueError at once (its spread hung)', () => {
    const r = child(`return L.linalg.norm(L.ones([3]), { axis: ${SPARSE('0')} });`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['ValueError', 'Improper number of dimensions to norm.']);
  });
});

describe('ufuncAsync: an inputs list that lies about its length', () => {
  test('control: two inputs', async () => {
    expect((await L.ufuncAsync(L.add, [L.ones([3]), 1])).toArray()).toEqual([2, 2, 2]);
  });

  test("a sparse list of length 2^32-1 (child): a rejection naming NumPy's NPY_MAXARGS at once (the spread hung)", () => {
    const r = child(`return L.ufuncAsync(L.add, ${SPARSE('L.ones([3]), 1')});`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['TypeError', "ufuncAsync(): 4294967295 inputs; a ufunc takes at most 64 operands (NumPy's NPY_MAXARGS)"]);
  });
});

describeWithNumpy('two-output ufuncs into one array twice: ufuncAsync as the sync call, both as NumPy', () => {
  const PY: Record<string, string> = {
    divmodInt: "x = np.arange(5000, dtype='i8') - 2500; np.divmod(x, 3, out=(x, x)); x",
    divmodFloat: 'x = np.arange(5000.) - 2500; np.divmod(x, 3, out=(x, x)); x',
    modf: 'x = (np.arange(5000.) - 2500) / 3; np.modf(x, out=(x, x)); x',
    shifted: 'x = np.arange(5001.) - 2500; np.divmod(x[1:], 3, out=(x[1:], x[:-1])); x',
  };
  const JS: Record<string, () => [L.NdArray, (o: L.NdArray) => [unknown, unknown[], object]]> = {
    divmodInt: () => [L.subtract(L.arange(5000), 2500), (x) => [L.divmod, [x, 3], { out: [x, x] }]],
    divmodFloat: () => [L.subtract(L.arange(5000, 'f8'), 2500), (x) => [L.divmod, [x, 3], { out: [x, x] }]],
    modf: () => [L.divide(L.subtract(L.arange(5000, 'f8'), 2500), 3), (x) => [L.modf, [x], { out: [x, x] }]],
    shifted: () => [L.subtract(L.arange(5001, 'f8'), 2500), (x) => [L.divmod, [x.index('1:'), 3], { out: [x.index('1:'), x.index(':-1')] }]],
  };
  // `x` after the call, and the statement (Python's exec) whose last line is it.
  const pyCase = (src: string): string => {
    const lines = src.split('; ');
    return `(lambda g: (exec('; '.join(${JSON.stringify(lines.slice(0, -1))}), g), g['x'])[1])({'np': np})`;
  };

  test('sync: as NumPy (the last write of each item wins, in NumPy loop order)', () => {
    expectCasesLikeNumpy(
      Object.keys(PY).map((k) => ({
        py: pyCase(PY[k]),
        js: () => {
          const [x, call] = JS[k]();
          const [f, ins, opts] = call(x);
          (f as (...a: unknown[]) => unknown)(...ins, opts);
          return x;
        },
      })),
    );
  });

  test('ufuncAsync: the same bytes as the sync call (it left the zeros its deferred kernels had not written yet)', async () => {
    for (const k of Object.keys(JS)) {
      const [x, call] = JS[k]();
      const [y] = JS[k]();
      const [f, ins, opts] = call(x);
      (f as (...a: unknown[]) => unknown)(...ins, opts);
      const [g, ins2, opts2] = call(y);
      await L.ufuncAsync(g as never, ins2, opts2);
      expect([k, y.toArray()]).toEqual([k, x.toArray()]);
    }
  });
});

describeWithNumpy('an NdArray given as the sequence of arrays to join', () => {
  test("control: its rows joined, as NumPy's", () => {
    expectCasesLikeNumpy([
      { py: 'np.vstack(np.arange(6).reshape(3, 2))', js: () => L.vstack(L.arange(6).reshape(3, 2)) },
      { py: 'np.hstack(np.arange(6).reshape(3, 2))', js: () => L.hstack(L.arange(6).reshape(3, 2)) },
      { py: 'np.concatenate(np.arange(12).reshape(3, 2, 2), axis=1)', js: () => L.concatenate(L.arange(12).reshape(3, 2, 2) as never, { axis: 1 }) },
      { py: 'np.stack(np.arange(6).reshape(3, 2), axis=1)', js: () => L.stack(L.arange(6).reshape(3, 2) as never, { axis: 1 }) },
      { py: 'np.lexsort(np.array([[[3, 1, 2], [1, 1, 0]], [[0, 0, 1], [2, 1, 1]]]))', js: () => L.lexsort(L.asarray([[[3, 1, 2], [1, 1, 0]], [[0, 0, 1], [2, 1, 1]]])) },
    ]);
  });

  test('a broadcast view of 2^31 rows (child): a MemoryError before its rows are listed, from each join (each listed 2^31 views: a hang, then a V8 heap abort)', () => {
    const rows = 'L.broadcastTo(L.asarray(1), [2 ** 31, 1])';
    for (const f of ['vstack', 'hstack', 'concatenate', 'stack']) {
      const r = child(`return L.${f}(${rows});`);
      expect(r.signal).toBeNull();
      expect([f, ...JSON.parse(r.out)]).toEqual([f, 'MemoryError', expect.stringMatching(/: an array of 2147483648 rows given as the sequence of arrays is 2147483648 views, at least 549755813888 bytes of JS heap/)]);
    }
  });

  test("lexsort of two keys of 2^31 rows (child): the MemoryError of its row starts (a JS list of 2^31 numbers: a hang)", () => {
    const key = 'L.broadcastTo(L.asarray(1), [2 ** 31, 2])';
    const r = child(`return L.lexsort([${key}, ${key}]);`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['MemoryError', expect.stringMatching(/^cannot allocate 17179869184 bytes/)]);
  });
});

describeWithNumpy('expandDims with an array as the axis', () => {
  test("NumPy's operator.index rule: a 0-d integer array is one axis, any other array its TypeError", () => {
    expectCasesLikeNumpy([
      { py: 'np.expand_dims(np.ones(3), np.array(1))', js: () => L.expandDims(L.ones([3]), L.asarray(1) as never) },
      { py: 'np.expand_dims(np.ones(3), np.array([0, 1]))', js: () => L.expandDims(L.ones([3]), L.asarray([0, 1]) as never) },
      { py: 'np.expand_dims(np.ones(3), (0, 2))', js: () => L.expandDims(L.ones([3]), [0, 2]) },
    ]);
  });

  test('a 2^31-item broadcast array as the axis (child): the TypeError at once (it was spread item by item: a hang)', () => {
    const r = child(`return L.expandDims(L.ones([3]), L.broadcastTo(L.asarray(0), [2 ** 31]));`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['TypeError', 'only integer scalar arrays can be converted to a scalar index']);
  });
});

describe('values read into a JS list: refused when the heap cannot hold them', () => {
  test('control: deleteItems with a 2-d index array', () => {
    expect(L.deleteItems(L.arange(4), L.asarray([[1], [3]])).toArray()).toEqual([0n, 2n]);
  });

  test('deleteItems with a 2^31-item 2-d index array (child, 1 GiB heap): a MemoryError naming the heap (was read into a list until V8 aborted)', () => {
    const r = child(`return L.deleteItems(L.ones([4]), L.broadcastTo(L.asarray(1), [2 ** 16, 2 ** 15]));`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toEqual(['MemoryError', expect.stringMatching(/^cannot read 2147483648 items \(shape \(65536, 32768\), <i8\) into a JS list: at least 68719476736 bytes of JS heap/)]);
  });
});
