// Sorting and grouping against NumPy: stable order with NaN last and ±0
// ties, records by fields, searchsorted sides, unique with counts and
// inverse, bincount with weights.
import { TempDir } from './helpers/tmp';
import { arange, fromBuffer, memmap, Memmap, zeros, NdArray, AccessError, ValueError } from '../lib';
import * as S from '../lib/sort';
import { describeWithNumpy, NUMPY_BASELINE, runNumpy } from './helpers/numpy';
import { encode, PY_ENCODE } from './helpers/values';
import { jsPath } from './helpers/kernels';

function randomF8(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const r = x % 50;
    out[i] = r === 0 ? NaN : r === 1 ? -0 : r === 2 ? 0 : r < 10 ? (x % 7) - 3 : (x / 2 ** 32 - 0.5) * 1e6;
  }
  return out;
}

const hex = (t: ArrayBufferView): string => Buffer.from(t.buffer, t.byteOffset, t.byteLength).toString('hex');

describeWithNumpy('sorting matches NumPy', () => {
  test('stable argsort and sort of floats with NaN, ±0 and ties; ints along an axis', () => {
    const data = randomF8(3000, 11);
    const a = fromBuffer(data);
    const m = a.reshape([30, 100]);
    const ints = m.astype('<i4');
    const ours = [
      S.argsort(a),
      S.sort(a),
      S.argsort(m, { axis: 0 }),
      S.sort(m.T, { axis: 1 }),
      S.sort(ints, { axis: null }),
      S.argsort(ints.astype('>i8'), { axis: 1 }),
      S.sort(m.astype('<f4').index('::-1'), { axis: 0 }),
    ].map((r) => [[...r.shape], encode(r)]);
    const py = runNumpy<unknown>(
      `${PY_ENCODE}
a = np.frombuffer(bytes.fromhex(sys.stdin.read()), '<f8')
m = a.reshape(30, 100); ints = m.astype('<i4')
rs = [np.argsort(a, kind='stable'), np.sort(a, kind='stable'), np.argsort(m, axis=0, kind='stable'), np.sort(m.T, axis=1, kind='stable'),
      np.sort(ints, axis=None), np.argsort(ints.astype('>i8'), axis=1, kind='stable'), np.sort(m.astype('<f4')[::-1], axis=0, kind='stable')]
print(json.dumps([[list(r.shape), encode(r)] for r in rs]))`,
      hex(data),
    );
    expect(ours).toEqual(py);
  });

  test('long 1-d argsorts and unique with index and inverse (the bucket pass of 8-byte keys): skewed, clustered, sorted, tied, NaN and ±0 data', () => {
    // Lanes past 65,536 items sort 8-byte keys by one MSD bucket pass and a
    // vector sort per bucket; a bucket still past 65,536 (skewed data) takes
    // another pass. Each case is built to reach one of those branches.
    const n = 300_000;
    const tmp = new TempDir('sort-long');
    try {
      const rnd = randomF8(n, 99);
      const cases: [string, string, ArrayLike<number> | BigInt64Array][] = [
        ['random with NaN, ±0 and ties', '<f8', rnd],
        // 90% of the items in a range 1e-300 wide: the big bucket recurses.
        ['skewed', '<f8', Float64Array.from(rnd, (v, i) => (i % 10 ? 1 + ((i * 7919) % n) * 2 ** -40 : v))],
        ['clustered: a few values', '<f8', Float64Array.from(rnd, (v, i) => (i * 7919) % 5)],
        ['already ascending', '<f8', Float64Array.from(rnd, (_, i) => i / 3)],
        ['ascending but for the last item', '<f8', Float64Array.from(rnd, (_, i) => (i === n - 1 ? -1 : i))],
        ['descending with ties', '<f8', Float64Array.from(rnd, (_, i) => -Math.floor(i / 4))],
        ['all equal', '<f8', new Float64Array(n).fill(2.5)],
        ['int64 across the sign, byte-swapped', '>i8', BigInt64Array.from(rnd, (v, i) => BigInt(Math.trunc(Number.isNaN(v) ? i : v)) * 1_000_003n - 7n)],
      ];
      const files: string[] = [];
      const ours: unknown[] = [];
      for (const [name, dtype, values] of cases) {
        let a = dtype === '<f8' ? fromBuffer(Float64Array.from(values as ArrayLike<number>)) : fromBuffer(values as BigInt64Array, '<i8');
        if (dtype === '>i8') a = a.astype('>i8');
        files.push(tmp.path(`${files.length}.bin`));
        a.tofile(files[files.length - 1]);
        const u = S.unique(a, { returnIndex: true, returnInverse: true, returnCounts: true });
        ours.push([name, hex(S.argsort(a).tobytes()), hex(S.sort(a).tobytes()), [u.values, u.index!, u.inverse!, u.counts!].map((r) => hex(r.tobytes()))]);
      }
      const py = runNumpy<unknown[]>(`
out = []
for (name, dtype), f in zip(${JSON.stringify(cases.map(([nm, dt]) => [nm, dt]))}, ${JSON.stringify(files)}):
    a = np.fromfile(f, dtype=dtype)
    v, i, inv, c = np.unique(a, return_index=True, return_inverse=True, return_counts=True)
    h = lambda r: np.ascontiguousarray(r).tobytes().hex()
    out.append([name, h(np.argsort(a, kind='stable').astype('<i8')), h(np.sort(a, kind='stable')), [h(v), h(i.astype('<i8')), h(inv.astype('<i8')), h(c.astype('<i8'))]])
print(json.dumps(out))
`);
      for (let c = 0; c < cases.length; c++) expect(ours[c]).toEqual(py[c]);
    } finally {
      tmp.remove();
    }
  });

  test('sync sorts of contiguous lanes sort where the values lie (a mapping in place, a copy in its result): ±0 in input order, NaN payloads last in input order, every 4- and 8-byte type', () => {
    // These lanes take no scratch but a float lane's zeros and NaNs, so the
    // lane's own bytes carry the keys: a zero's sign, a NaN's payload and the
    // count of negatives (where the zeros go back) are all checked here.
    const n = 5_000;
    const base = randomF8(n, 7);
    const f8 = Float64Array.from(base, (v, i) => (i % 97 === 3 ? -0 : v));
    const bits = new DataView(f8.buffer);
    // NaNs with payloads and either sign: they keep their bits, in input order.
    for (let i = 11; i < n; i += 131) bits.setBigUint64(i * 8, 0x7ff8000000000000n | BigInt(i) | (i % 2 ? 1n << 63n : 0n), true);
    const f4 = Float32Array.from(f8);
    const f4bits = new DataView(f4.buffer);
    for (let i = 13; i < n; i += 149) f4bits.setUint32(i * 4, (0x7fc00000 | i | (i % 2 ? 0x80000000 : 0)) >>> 0, true);
    const tmp = new TempDir('sort-in-dst');
    try {
      const cases: [string, Uint8Array][] = [
        ['<f8', new Uint8Array(f8.buffer)],
        ['<f4', new Uint8Array(f4.buffer)],
        ['<i8', new Uint8Array(BigInt64Array.from(base, (v, i) => BigInt(Number.isFinite(v) ? Math.trunc(v * 1e9) : i) * 7n).buffer)],
        ['<u8', new Uint8Array(BigUint64Array.from(base, (v, i) => BigInt.asUintN(64, BigInt(Number.isFinite(v) ? Math.trunc(v * 1e9) : -i))).buffer)],
        ['<i4', new Uint8Array(Int32Array.from(base, (v, i) => (Number.isFinite(v) ? v * 2000 : -i) | 0).buffer)],
        ['<u4', new Uint8Array(Uint32Array.from(base, (v, i) => (Number.isFinite(v) ? v * 4000 : i) >>> 0).buffer)],
      ];
      const files = cases.map(([dt, bytes]) => tmp.file(bytes, `${dt.slice(1)}.bin`));
      const ours = cases.map(([dtype], c) => {
        const file = files[c];
        const copy1d = S.sort(memmap(file, { dtype, mode: 'r' }));
        const copy2d = S.sort(memmap(file, { dtype, mode: 'r', shape: [50, 100] }), { axis: 1 });
        const m = memmap(tmp.file(cases[c][1]), { dtype, mode: 'r+' });
        S.sortInPlace(m);
        const inPlace = hex(new Uint8Array(m.tobytes()));
        m.close();
        return [dtype, hex(copy1d.tobytes()), hex(copy2d.tobytes()), inPlace];
      });
      const py = runNumpy<unknown[]>(`
out = []
for dt, f in zip(${JSON.stringify(cases.map(([dt]) => dt))}, ${JSON.stringify(files)}):
    a = np.fromfile(f, dtype=dt)
    h = lambda r: np.ascontiguousarray(r).tobytes().hex()
    out.append([dt, h(np.sort(a, kind='stable')), h(np.sort(a.reshape(50, 100), axis=1, kind='stable')), h(np.sort(a, kind='stable'))])
print(json.dumps(out))
`);
      for (let c = 0; c < cases.length; c++) expect(ours[c]).toEqual(py[c]);
    } finally {
      tmp.remove();
    }
  });

  test('records by order, unique with counts and inverse, searchsorted, bincount', () => {
    const rec = zeros([6], { names: ['sym', 'ts', 'px'], formats: ['<i2', '<u4', '<f8'] });
    rec.set([
      { sym: 2, ts: 5, px: 1.5 },
      { sym: 1, ts: 9, px: NaN },
      { sym: 2, ts: 1, px: -1 },
      { sym: 1, ts: 9, px: 0.5 },
      { sym: 3, ts: 0, px: 2 },
      { sym: 1, ts: 2, px: 7 },
    ]);
    const f = fromBuffer(new Float64Array([3, NaN, 1, 3, NaN, -0, 0, 1]));
    const sorted = S.sort(f);
    const u = S.unique(f.reshape([2, 4]), { returnCounts: true, returnInverse: true });
    const x = fromBuffer(new Uint8Array([1, 3, 1, 0, 7]), '|u1');
    const w = fromBuffer(new Float32Array([0.5, 1, 2, -1, 0.25]), '<f4');
    const ours = [
      S.argsort(rec, { order: ['sym'] }),
      S.argsort(rec, { order: ['sym', 'ts'] }),
      S.argsort(rec),
      S.searchsorted(sorted, fromBuffer(new Float64Array([NaN, 0, 1, 4])), { side: 'left' }),
      S.searchsorted(sorted, 1, { side: 'right' }),
      u.values,
      u.counts!,
      u.inverse!,
      S.bincount(x),
      S.bincount(x, { weights: w, minlength: 10 }),
    ].map((r) => [[...r.shape], r.dtype.str, encode(r)]);
    const py = runNumpy<unknown>(`${PY_ENCODE}
rec = np.array([(2, 5, 1.5), (1, 9, np.nan), (2, 1, -1), (1, 9, 0.5), (3, 0, 2), (1, 2, 7)], dtype=[('sym', '<i2'), ('ts', '<u4'), ('px', '<f8')])
f = np.array([3, np.nan, 1, 3, np.nan, -0.0, 0, 1]); s = np.sort(f)
v, inv, c = np.unique(f.reshape(2, 4), return_counts=True, return_inverse=True)
x = np.array([1, 3, 1, 0, 7], dtype='u1'); w = np.array([0.5, 1, 2, -1, 0.25], dtype='<f4')
rs = [np.argsort(rec, order=['sym'], kind='stable'), np.argsort(rec, order=['sym', 'ts'], kind='stable'), np.argsort(rec, kind='stable'),
      np.searchsorted(s, [np.nan, 0, 1, 4]), np.asarray(np.searchsorted(s, 1, side='right')), v, c, inv,
      np.bincount(x), np.bincount(x, weights=w, minlength=10)]
print(json.dumps([[list(r.shape), r.dtype.str, encode(r)] for r in rs]))`);
    expect(ours).toEqual(py);
  });
});

describeWithNumpy('searchsorted gives NumPy\'s answers', () => {
  // NumPy starts each search at the last answer while the keys ascend, so an
  // unsorted `a` still has one defined answer; both paths must give it.
  test.each([
    ['the kernel', false],
    ['the JS reference', true],
  ])('unsorted a and keys in any order, both sides, through %s', (_, js) => {
    const n = 300;
    const a = new Float64Array(n);
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = ((i * 7919) % 101) - 50;
      v[i] = ((i * 104729) % 131) - 65;
    }
    a[17] = NaN;
    v[5] = NaN;
    const run = (): unknown[] =>
      (['left', 'right'] as const).flatMap((side) => [
        S.searchsorted(fromBuffer(a), fromBuffer(v), { side }),
        S.searchsorted(fromBuffer(a), fromBuffer(v).astype('<i4'), { side }),
      ]).map((r) => encode(r));
    const ours = js ? jsPath(run) : run();
    const py = runNumpy<unknown>(`${PY_ENCODE}
n = 300; i = np.arange(n)
a = ((i * 7919) % 101 - 50).astype('f8'); v = ((i * 104729) % 131 - 65).astype('f8'); a[17] = np.nan; v[5] = np.nan
rs = [np.searchsorted(a, k, side=s) for s in ('left', 'right') for k in (v, v.astype('<i4'))]
print(json.dumps([encode(r) for r in rs]))`);
    expect(ours).toEqual(py);
  });
});

describeWithNumpy('searchsorted of ascending keys in a sorted a (the galloping search)', () => {
  test('ties, NaN in both, keys past both ends, both sides, float and int types, kernel and JS paths', () => {
    const n = 5000;
    const a = new Float64Array(n);
    for (let i = 0; i < n; i++) a[i] = i < n - 7 ? Math.floor(i / 13) - 100 + (i % 5 === 0 ? 0 : 0.25) : NaN;
    a.subarray(0, n - 7).sort();
    const v = new Float64Array(300);
    for (let i = 0; i < v.length; i++) v[i] = i < 297 ? -110 + i * 1.3 - (i % 7 === 0 ? 1.3 : 0) : NaN;
    const A = fromBuffer(a);
    const V = fromBuffer(v);
    const run = (): unknown[] =>
      (['left', 'right'] as const).flatMap((side) => [
        S.searchsorted(A, V, { side }),
        S.searchsorted(A.astype('>f4'), V.astype('<f4'), { side }),
        S.searchsorted(A.index(':-7').astype('<i8'), V.index(':-3').astype('<i8'), { side }),
        S.searchsorted(A.index(':-7').astype('<i2'), V.index(':-3').astype('<i4'), { side }),
      ]).map((r) => encode(r));
    const ours = run();
    expect(jsPath(run)).toEqual(ours);
    const py = runNumpy<unknown>(
      `${PY_ENCODE}
import sys
a, v = (np.frombuffer(bytes.fromhex(h), '<f8') for h in sys.stdin.read().split())
with np.errstate(all='ignore'):
    rs = [r for side in ('left', 'right') for r in (np.searchsorted(a, v, side), np.searchsorted(a.astype('>f4'), v.astype('<f4'), side),
          np.searchsorted(a[:-7].astype('<i8'), v[:-3].astype('<i8'), side), np.searchsorted(a[:-7].astype('<i2'), v[:-3].astype('<i4'), side))]
print(json.dumps([encode(r) for r in rs]))`,
      `${hex(a)} ${hex(v)}`,
    );
    expect(ours).toEqual(py);
  });
});

describeWithNumpy('searchsorted with a sorter gives NumPy\'s answers and errors', () => {
  test('a sorting sorter, a sorter that does not sort, both sides, kernel and JS paths', () => {
    const n = 400;
    const a = new Float64Array(n);
    const v = new Float64Array(n);
    const perm = new BigInt64Array(n);
    for (let i = 0; i < n; i++) {
      a[i] = ((i * 7919) % 97) - 40;
      v[i] = ((i * 104729) % 131) - 65;
      perm[i] = BigInt((i * 37) % n);
    }
    a[11] = NaN;
    const A = fromBuffer(a);
    const run = (): unknown[] =>
      (['left', 'right'] as const).flatMap((side) => [
        S.searchsorted(A, fromBuffer(v), { side, sorter: S.argsort(A) }),
        S.searchsorted(A, fromBuffer(v).astype('<i4'), { side, sorter: S.argsort(A).astype('>u4') }),
        S.searchsorted(A, fromBuffer(v), { side, sorter: fromBuffer(perm, '<i8') }),
        S.searchsorted(A, 3, { side, sorter: S.argsort(A) }),
      ]).map((r) => [[...r.shape], encode(r)]);
    const ours = run();
    expect(jsPath(run)).toEqual(ours);
    const py = runNumpy<unknown>(`${PY_ENCODE}
n = 400; i = np.arange(n)
a = ((i * 7919) % 97 - 40).astype('f8'); v = ((i * 104729) % 131 - 65).astype('f8'); a[11] = np.nan; perm = (i * 37) % n
s = np.argsort(a, kind='stable')
rs = [r for side in ('left', 'right') for r in (np.searchsorted(a, v, side, s), np.searchsorted(a, v.astype('<i4'), side, s.astype('>u4')),
      np.searchsorted(a, v, side, perm), np.asarray(np.searchsorted(a, 3, side, s)))]
print(json.dumps([[list(r.shape), encode(r)] for r in rs]))`);
    expect(ours).toEqual(py);
  });

  test('bad sorters: NumPy\'s messages; an index out of range fails only when a search probes it', () => {
    const a = fromBuffer(new Float64Array([1, 2, 3, 4, 5, 6, 7, 8]));
    const sorter = (xs: number[]): NdArray => fromBuffer(BigInt64Array.from(xs, BigInt), '<i8');
    expect(() => S.searchsorted(a, 2, { sorter: sorter([0, 1]) })).toThrow(new ValueError('sorter.size must equal a.size'));
    expect(() => S.searchsorted(a, 2, { sorter: a })).toThrow(new TypeError('sorter must only contain integers'));
    // uint64 does not cast safely to intp: NumPy's ValueError (fuzz seed 1322); uint32 does.
    expect(() => S.searchsorted(a, 2, { sorter: sorter([0, 1, 2, 3, 4, 5, 6, 7]).astype('<u8') })).toThrow(new ValueError('could not parse sorter argument'));
    expect(S.searchsorted(a, 2, { sorter: sorter([0, 1, 2, 3, 4, 5, 6, 7]).astype('<u4') }).toArray()).toBe(1n);
    expect(() => S.searchsorted(a, 2, { sorter: sorter([0, 1, 2, 3, 4, 5, 6, 7]).reshape([2, 4]) })).toThrow(new TypeError('could not parse sorter argument'));
    expect(() => S.searchsorted(a, 9, { sorter: sorter([0, 1, 2, 3, 4, 5, 6, -1]) })).toThrow(new ValueError('Sorter index out of range.'));
    const py = runNumpy<unknown>(`${PY_ENCODE}
a = np.arange(1, 9).astype('f8')
print(json.dumps(encode(np.asarray(np.searchsorted(a, 0, sorter=[0, 1, 2, 3, 4, 5, 6, 99])))))`);
    expect(encode(S.searchsorted(a, 0, { sorter: sorter([0, 1, 2, 3, 4, 5, 6, 99]) }))).toEqual(py);
  });

  test('the same through the kernel (300 items): a probed bad index throws, an unprobed one does not', () => {
    const a = fromBuffer(Float64Array.from({ length: 300 }, (_, i) => i));
    const keys = fromBuffer(new Float64Array([0.5, 1.5, 2.5]));
    const idx = Array.from({ length: 300 }, (_, i) => i);
    const bad = (at: number): NdArray => fromBuffer(BigInt64Array.from(idx, (i) => (i === at ? -1n : BigInt(i))), '<i8');
    for (const run of [(f: () => unknown) => f(), jsPath]) {
      expect(() => run(() => S.searchsorted(a, keys, { sorter: bad(150) }))).toThrow(new ValueError('Sorter index out of range.'));
      expect(encode(run(() => S.searchsorted(a, keys, { sorter: bad(299) })) as NdArray)).toEqual(['1', '2', '3']);
    }
  });
});

describeWithNumpy("unique of complex values: NumPy 2.4's hash table (first of each group kept, then sorted)", () => {
  // 2+0j and 2-0j are one group (the first kept), every NaN-holding value one;
  // a byte-swapped dtype is grouped by its bytes read natively (fuzz seeds 23558 5857 11126).
  test.each(['<c16', '>c16', '<c8', '>c8'])('%s', (dt) => {
    const py = runNumpy<[string, unknown][]>(`${PY_ENCODE}
nan, inf = np.nan, np.inf
rows = [[complex(2, -0.0), 2 + 0j, 1 + 1j], [2 + 0j, complex(2, -0.0)], [complex(nan, -1), complex(1.5, nan), 1 + 1j, complex(nan, -1)],
        [complex(1024, nan), complex(inf, nan), complex(nan, -2), 1 + 2j, complex(nan, -2), complex(nan, nan)], [complex(-0.0, 0.0), complex(0.0, -0.0), 3j]]
out = []
for r in rows:
    a = np.array(r).astype('${dt}')
    out.append([a.tobytes().hex(), encode(np.unique(a))])
print(json.dumps(out))`, undefined, NUMPY_BASELINE);
    // Two kept values that differ only in a zero's sign (a swapped dtype) come out of
    // NumPy's hash table in its own order: their order is not NumPy's to pin (FORMAT.md's
    // +0/-0 ties), so there the signs are compared as the fuzzer does, apart.
    const zeros = (x: unknown): string => (dt[0] === '>' ? JSON.stringify(x).replace(/"-0"/g, '0') : JSON.stringify(x));
    for (const [hex, want] of py) {
      const a = fromBuffer(new Uint8Array(Buffer.from(hex, 'hex')), dt);
      expect([hex, zeros(encode(S.unique(a).values))]).toEqual([hex, zeros(want)]);
    }
  });
});

describeWithNumpy('unique of bool bytes other than 0/1 (a view of u1 as bool): NumPy sorts the raw bytes, splits by truth', () => {
  // The true group starts at its smallest byte: that byte's first position is its
  // index, and that byte the value kept (np.unique(u1.view(bool), return_index=True)).
  test.each([[5, 1, 3, 0, 2, 0], [7, 7, 2, 9], [0, 0], [4, 0, 4, 1, 1, 0, 200]])('%j', (...bytes) => {
    const py = runNumpy<[number[], number[], number[], number[], number[]][]>(`
a = np.array(${JSON.stringify(bytes)}, np.uint8).view(bool)
out = []
for kw in ({'return_index': True}, {'return_counts': True}, {'return_inverse': True}):
    v, x = np.unique(a, **kw)
    out.append([v.view(np.uint8).tolist(), x.tolist()])
print(json.dumps(out))`);
    const a = fromBuffer(new Uint8Array(bytes), '|u1').view('|b1');
    const got = (['returnIndex', 'returnCounts', 'returnInverse'] as const).map((k) => {
      const r = S.unique(a, { [k]: true });
      const x = k === 'returnIndex' ? r.index! : k === 'returnCounts' ? r.counts! : r.inverse!;
      return [r.values.view('|u1').toArray(), (x.toArray() as bigint[]).map(Number)];
    });
    expect(got).toEqual(py);
  });
});

// A sync sort of 1- and 2-byte integer lanes at least as long as their value
// range sorts them by counting (one read, one write); shorter lanes and async
// sorts take the radix passes. Both give the typed-array sort's values.
describe('long 1- and 2-byte integer lanes sort by counting', () => {
  const REF = { i1: Int8Array, u1: Uint8Array, i2: Int16Array, u2: Uint16Array } as const;
  test.each(['<i2', '>i2', '<u2', '>u2', '|i1', '|u1'])('%s: 1-d, strided, 2-d along each axis, in place, async', async (dt) => {
    const Ref = REF[dt.slice(1) as keyof typeof REF];
    const n = 70001;
    let x = 99;
    const words = Uint16Array.from({ length: 2 * n }, () => {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      return x % 5 === 0 ? 0x8000 : x % 7 === 0 ? 0xffff : x >>> 16;
    });
    const all = fromBuffer(words.buffer, `<u${Math.min(2, Number(dt[2]))}`).astype(dt);
    const want = (v: NdArray): string => hex(Ref.from(v.toArray() as number[]).sort());
    const got = (v: NdArray): string => hex(Ref.from(v.toArray() as number[]));
    const a = all.index(`:${n}`);
    const strided = all.index('::2');
    for (const v of [a, strided, a.index('::-1')]) expect(got(S.sort(v))).toBe(want(v));
    const m = all.index(`:${2 * Math.floor(n / 2) * 2}`).reshape([2, -1]);
    const byRow = S.sort(m, { axis: 1 });
    for (const r of [0, 1]) expect(got(byRow.index(r))).toBe(want(m.index(r)));
    const t = m.T.copy(); // [lanes, 2]: sort along axis 0, lanes of 2 * (n - 1)
    const byCol = S.sort(t, { axis: 0 });
    for (const c of [0, 1]) expect(got(byCol.index(`:, ${c}`))).toBe(want(t.index(`:, ${c}`)));
    const inPlace = a.copy();
    inPlace.sort();
    expect(got(inPlace)).toBe(want(a));
    const async = a.copy();
    await async.sortAsync();
    expect(got(async)).toBe(want(a));
  });
});

describe('sorting errors', () => {
  test('read-only in-place sort, order on plain arrays, bad side, bincount input', () => {
    const a = fromBuffer(new Float64Array([3, 1, 2]));
    a.flags.writeable = false;
    expect(() => S.sortInPlace(a)).toThrow(AccessError);
    expect(() => S.sort(a, { order: ['x'] })).toThrow('Cannot specify order when the array has no fields.');
    expect(() => S.searchsorted(a, 1, { side: 'middle' as 'left' })).toThrow(ValueError);
    expect(() => S.bincount(a)).toThrow(TypeError);
    expect(() => S.bincount(fromBuffer(new Int16Array([1, -1]), '<i2'))).toThrow(ValueError);
    expect(() => S.sort(zeros([]))).toThrow(/axis/);
    expect((S.argsort(zeros([])) as NdArray).toArray()).toEqual([0n]);
  });

  test('bincount of bool bytes other than 0/1 counts them as 1, as NumPy casts to intp (fuzz seed 8845)', () => {
    // np.bincount(np.frombuffer(b'\\xab\\x00\\x02', '?')) is [1, 2]; with weights the same bins.
    const b = fromBuffer(new Uint8Array([0xab, 0, 2]), '|b1');
    expect(S.bincount(b).toArray()).toEqual([1n, 2n]);
    expect(S.bincount(b, { weights: fromBuffer(new Float64Array([0.5, 1, 2])) }).toArray()).toEqual([1, 2.5]);
    const big = fromBuffer(new Uint8Array(Array.from({ length: 5000 }, (_, i) => (i % 3) * 0x7f)), '|b1');
    expect(S.bincount(big).toArray()).toEqual([1667n, 3333n]);
  });

  test('in-place sort of a strided view sorts only its elements', () => {
    const a = fromBuffer(new Float64Array([5, 0, 4, 0, 3, 0]));
    S.sortInPlace(a.index('::2'));
    expect(a.toArray()).toEqual([3, 0, 4, 0, 5, 0]);
  });
});

test("unique's values keep a subclass (NumPy's np.unique of an ndarray subclass), but a Memmap's are a plain NdArray", () => {
  class Sub extends NdArray {}
  const a = arange(5).view(Sub);
  expect(S.unique(a).values).toBeInstanceOf(Sub);
  const t = new TempDir();
  const m = memmap(t.path('unique.bin'), { dtype: '<f8', mode: 'w+', shape: [4] });
  try {
    const u = S.unique(m).values;
    expect(Object.getPrototypeOf(u)).toBe(NdArray.prototype);
    class MSub extends Memmap {}
    expect(S.unique(m.view(MSub)).values).toBeInstanceOf(MSub);
  } finally {
    m.close();
    t.remove();
  }
});

describeWithNumpy('sorts move bool bytes and float16 NaN payloads as NumPy does', () => {
  test('bool items order by their byte (3 after 1, 220 last) in sort, sort in place, argsort and searchsorted; float16 NaNs keep their bits', () => {
    const bytes = [3, 1, 220, 0, 1, 2, 0, 7];
    const halves = [0x7e00, 0x7c01, 0xfe00, 0x7e01, 0x3c00, 0xfc01, 0x7fff, 0x0000];
    const b = (): NdArray => fromBuffer(new Uint8Array(bytes), '|b1');
    const h = (): NdArray => fromBuffer(new Uint16Array(halves), '<f2');
    const inPlace = (a: NdArray): NdArray => {
      S.sortInPlace(a);
      return a;
    };
    const u1 = (a: NdArray): number[] => a.view('|u1').toArray() as number[];
    const u2 = (a: NdArray): number[] => a.view('<u2').toArray() as number[];
    const ours = [
      u1(S.sort(b())), u1(inPlace(b())), (S.argsort(b()).toArray() as bigint[]).map(Number),
      [true, false].flatMap((v) => ['left', 'right'].map((side) => Number(S.searchsorted(S.sort(b()), v, { side: side as 'left' | 'right' }).toArray()))),
      u2(S.sort(h())), u2(inPlace(h())), (S.argsort(h()).toArray() as bigint[]).map(Number),
    ];
    // NumPy's float16 sort is CPU-dependent above its x86-64 baseline (its AVX-512 sort
    // writes one NaN's bits over all of them): asked at the baseline, as the fuzzer asks.
    const script = `import numpy as np, json
b = lambda: np.array(${JSON.stringify(bytes)}, dtype=np.uint8).view(bool)
h = lambda: np.array(${JSON.stringify(halves)}, dtype='<u2').view('<f2')
def inplace(a):
    a.sort()
    return a
out = [np.sort(b()).view(np.uint8).tolist(), inplace(b()).view(np.uint8).tolist(), np.argsort(b()).tolist(),
       [int(np.searchsorted(np.sort(b()), v, side=s)) for v in (True, False) for s in ('left', 'right')],
       np.sort(h()).view('<u2').tolist(), inplace(h()).view('<u2').tolist(), np.argsort(h()).tolist()]
print(json.dumps(out))`;
    const py = runNumpy<number[][]>(`
import os, subprocess
env = dict(os.environ, **({'NPY_DISABLE_CPU_FEATURES': 'X86_V3 X86_V4 AVX512_ICL AVX512_SPR'} if ${process.arch === 'x64' ? 'True' : 'False'} else {}))
print(subprocess.run([sys.executable, '-c', sys.stdin.read()], env=env, capture_output=True, text=True, check=True).stdout)`, script);
    expect(ours).toEqual(py);
  });
});

describeWithNumpy('unique of records and along an axis: a NaN field is unequal to everything (NumPy\'s aux[1:] != aux[:-1])', () => {
  // Fuzz 9010283: unique along an axis of NaN columns merged them into one; NumPy keeps one per NaN column.
  test('values, index, inverse and counts as NumPy', () => {
    const want = runNumpy<unknown[][]>(`
out = []
a = np.array([[np.nan, np.nan, 1.], [2., 2., 0.]])
r = np.array([(np.nan, 1), (np.nan, 1), (1., 2)], dtype=[('a', 'f8'), ('b', 'i4')])
for u in (np.unique(a, axis=1, return_index=True, return_inverse=True, return_counts=True),
          np.unique(a.astype('f4').T, axis=0, return_index=True, return_inverse=True, return_counts=True),
          np.unique(r, return_index=True, return_inverse=True, return_counts=True)):
    out.append([u[0].tobytes().hex(), list(u[0].shape)] + [x.tolist() for x in u[1:]])
print(json.dumps(out))
`);
    const hex = (x: NdArray): string => Buffer.from(x.tobytes()).toString('hex');
    const base = fromBuffer(new Float64Array([NaN, NaN, 1, 2, 2, 0]).buffer, '<f8').reshape([2, 3]);
    const r = zeros([3], [['a', '<f8'], ['b', '<i4']] as never);
    r.set([0], { a: NaN, b: 1 } as never);
    r.set([1], { a: NaN, b: 1 } as never);
    r.set([2], { a: 1, b: 2 } as never);
    const all = { returnIndex: true, returnInverse: true, returnCounts: true };
    const got = [S.unique(base, { axis: 1, ...all }), S.unique(base.astype('<f4').T, { axis: 0, ...all }), S.unique(r, all)].map((u) => [
      hex(u.values), [...u.values.shape], ...[u.index!, u.inverse!, u.counts!].map((x) => (x.toArray() as unknown[]).flat(3).map(Number)),
    ]);
    expect(got).toEqual(want.map((w) => [w[0], w[1], ...(w.slice(2) as unknown[][]).map((x) => x.flat(3))]));
  });
});
