// The native sort loops (native/sort_kernels.cc through lib/sort-kernels.ts)
// against the JS path of lib/sort.ts and NumPy's kind='stable': every plain
// numeric dtype in both byte orders, lanes along every axis of plain,
// reversed-and-strided and unaligned views, short lanes (insertion sort) and
// long ones (radix passes), NaN last, ±0 and ties in input order, complex
// numbers in NumPy's NaN classes.
import { fromBuffer, zeros, type NdArray } from '../lib';
import * as S from '../lib/sort';
import { sortLanesNative } from '../lib/sort-kernels';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { encode, PY_ENCODE } from './helpers/values';
import { jsPath } from './helpers/kernels';

const SHAPE = [4, 30, 40];
const N = SHAPE[0] * SHAPE[1] * SHAPE[2];

/** Deterministic floats with many ties, NaNs, ±0 and ±inf. */
function floats(seed: number): Float64Array {
  const out = new Float64Array(N);
  let x = seed >>> 0;
  for (let i = 0; i < N; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    const r = x % 40;
    out[i] = r === 0 ? NaN : r === 1 ? -0 : r === 2 ? 0 : r === 3 ? -Infinity : r === 4 ? Infinity : r < 20 ? (x % 9) - 4 : (x / 2 ** 32 - 0.5) * 1e4;
  }
  return out;
}

/** Deterministic int64s over the whole range, with ties. */
function ints(seed: number): BigInt64Array {
  const out = new BigInt64Array(N);
  let x = seed >>> 0;
  for (let i = 0; i < N; i++) {
    x = (Math.imul(x, 22695477) + 1) >>> 0;
    const y = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x % 3 === 0 ? BigInt((x % 11) - 5) : (BigInt(x) << 32n) | BigInt(y);
  }
  return out;
}

const hex = (t: ArrayBufferView): string => Buffer.from(t.buffer, t.byteOffset, t.byteLength).toString('hex');

const FLOATS = ['<f8', '>f8', '<f4', '>f4', '<f2', '>f2'];
const INTS = ['|i1', '|u1', '<i2', '>u2', '<i4', '>u4', '<i8', '>i8', '<u8', '|b1'];
const COMPLEX = ['<c16', '>c16', '<c8', '>c8'];
const VIEWS = { plain: '...', strided: '::-1, :, ::3' } as const;
const AXES = [0, 1, 2, null] as const;

type Case = [spec: string, view: keyof typeof VIEWS, op: 'sort' | 'argsort', axis: number | null];

function cases(): Case[] {
  const out: Case[] = [];
  for (const spec of [...FLOATS, ...INTS, ...COMPLEX]) {
    for (const view of Object.keys(VIEWS) as (keyof typeof VIEWS)[]) {
      // Reversed strides on every axis; lanes of each length.
      const axes = view === 'plain' ? AXES : [0, 2];
      for (const op of ['sort', 'argsort'] as const) for (const axis of axes) out.push([spec, view, op, axis]);
    }
  }
  return out;
}

describeWithNumpy('native lane sorts equal the JS path and NumPy', () => {
  const f = floats(7);
  const g = floats(99);
  const i8 = ints(5);
  const c = new Float64Array(2 * N);
  for (let k = 0; k < N; k++) {
    c[2 * k] = f[k];
    c[2 * k + 1] = g[k];
  }
  const base = {
    f: fromBuffer(f).reshape(SHAPE),
    i: fromBuffer(i8, '<i8').reshape(SHAPE),
    c: fromBuffer(c, '<c16').reshape(SHAPE),
  };
  const arrayOf = (spec: string): NdArray => {
    const src = FLOATS.includes(spec) ? base.f : COMPLEX.includes(spec) ? base.c : base.i;
    return src.astype(spec);
  };
  const run = (): unknown[] =>
    cases().map(([spec, view, op, axis]) => {
      const a = arrayOf(spec).index(VIEWS[view]);
      const r = op === 'sort' ? S.sort(a, { axis }) : S.argsort(a, { axis });
      return [[...r.shape], r.dtype.str, encode(r)];
    });
  const ours = run();
  const js = jsPath(run);
  const py = runNumpy<unknown[]>(
    `${PY_ENCODE}
import sys
f, g, i8, cases = json.loads(sys.stdin.read())
shape = (4, 30, 40)
f = np.frombuffer(bytes.fromhex(f), '<f8').reshape(shape)
g = np.frombuffer(bytes.fromhex(g), '<f8').reshape(shape)
i8 = np.frombuffer(bytes.fromhex(i8), '<i8').reshape(shape)
c = np.empty(shape, '<c16'); c.real = f; c.imag = g  # each part exactly as stored
views = {'plain': (Ellipsis,), 'strided': (slice(None, None, -1), slice(None), slice(None, None, 3))}
out = []
with np.errstate(all='ignore'):
    for spec, view, op, axis in cases:
        src = f if spec[1] == 'f' else c if spec[1] == 'c' else i8
        a = src.astype(spec)[views[view]]
        r = np.sort(a, axis=axis, kind='stable') if op == 'sort' else np.argsort(a, axis=axis, kind='stable')
        out.append([list(r.shape), r.dtype.str, encode(r)])
print(json.dumps(out))`,
    JSON.stringify([hex(f), hex(g), hex(i8), cases()]),
  );

  test.each(cases().map((cs, k) => [cs.join(' '), k] as const))('%s', (_, k) => {
    expect(ours[k]).toEqual(js[k]);
    expect(ours[k]).toEqual(py[k]);
  });
});

describeWithNumpy('native lane sorts of unaligned fields and in place', () => {
  test('an unaligned >f8 field of packed records, along each axis, copy and in place', () => {
    const f = floats(3);
    const rec = zeros([N], { names: ['pad', 'x'], formats: ['|u1', '>f8'] });
    rec.field('x').set(fromBuffer(f));
    const run = (): unknown[] => {
      const x = rec.copy().field('x').reshape(SHAPE);
      const rs: NdArray[] = [S.sort(x, { axis: 1 }), S.argsort(x, { axis: 0 }), S.argsort(x, { axis: 2 })];
      S.sortInPlace(x, { axis: 1 });
      rs.push(x);
      return rs.map((r) => encode(r));
    };
    const ours = run();
    expect(ours).toEqual(jsPath(run));
    const py = runNumpy<unknown[]>(
      `${PY_ENCODE}
import sys
f = np.frombuffer(bytes.fromhex(sys.stdin.read()), '<f8')
rec = np.zeros(f.size, dtype=[('pad', 'u1'), ('x', '>f8')]); rec['x'] = f
x = rec['x'].reshape(4, 30, 40)
rs = [np.sort(x, axis=1, kind='stable'), np.argsort(x, axis=0, kind='stable'), np.argsort(x, axis=2, kind='stable')]
x.sort(axis=1, kind='stable'); rs.append(x)
print(json.dumps([encode(r) for r in rs]))`,
      hex(f),
    );
    expect(ours).toEqual(py);
  });
});

describeWithNumpy('native unique equals the JS path and NumPy', () => {
  const f = floats(21);
  const i8 = ints(8);
  const specs = [...FLOATS, ...INTS];
  const run = (): unknown[] =>
    specs.flatMap((spec) => {
      const src = FLOATS.includes(spec) ? fromBuffer(f).reshape(SHAPE) : fromBuffer(i8, '<i8').reshape(SHAPE);
      // Few distinct values in the integer case, so runs are long.
      const a = (FLOATS.includes(spec) ? src : src.astype('|i1')).astype(spec);
      const all = S.unique(a.index(VIEWS.strided), { returnCounts: true, returnInverse: true, returnIndex: true });
      return [S.unique(a).values, all.values, all.index!, all.inverse!, all.counts!].map((r) => [[...r.shape], r.dtype.str, encode(r)]);
    });
  const ours = run();
  const js = jsPath(run);
  const py = runNumpy<unknown[]>(
    `${PY_ENCODE}
import sys
f, i8, specs = json.loads(sys.stdin.read())
shape = (4, 30, 40)
f = np.frombuffer(bytes.fromhex(f), '<f8').reshape(shape)
i8 = np.frombuffer(bytes.fromhex(i8), '<i8').reshape(shape)
out = []
with np.errstate(all='ignore'):
    for spec in specs:
        a = (f if spec[1] == 'f' else i8.astype('i1')).astype(spec)
        v, ix, inv, c = np.unique(a[::-1, :, ::3], return_index=True, return_inverse=True, return_counts=True)
        out += [[list(r.shape), r.dtype.str, encode(r)] for r in (np.unique(a), v, ix, inv, c)]
print(json.dumps(out))`,
    JSON.stringify([hex(f), hex(i8), specs]),
  );

  test.each(specs.map((spec, k) => [spec, k] as const))('%s: values, index, inverse, counts', (_, k) => {
    const mine = ours.slice(5 * k, 5 * k + 5);
    expect(mine).toEqual(js.slice(5 * k, 5 * k + 5));
    // Which zero NumPy keeps without return_index depends on its hash table
    // or its unstable sort (+0 and -0 are one value); with it (a stable
    // sort) it is the first in C order, as here.
    const unsigned = (r: unknown): unknown => JSON.parse(JSON.stringify(r).replace(/"-0"/g, '0'));
    expect(unsigned(mine[0])).toEqual(unsigned(py[5 * k]));
    expect(mine.slice(1)).toEqual(py.slice(5 * k + 1, 5 * k + 5));
  });
});

describe('sortLanesNative', () => {
  test('keeps the bits of -0 and of each NaN, in input order', () => {
    const bits = new BigUint64Array(600);
    for (let k = 0; k < bits.length; k++) bits[k] = [0x7ff8000000000001n, 0x8000000000000000n, 0n, 0xfff8000000000002n, 0x3ff0000000000000n][k % 5];
    const a = fromBuffer(new Float64Array(bits.buffer));
    const r = S.sort(a);
    const out = new BigUint64Array(r.typedArray().buffer, r.typedArray().byteOffset, 600);
    const expected = [
      ...Array.from({ length: 240 }, (_, k) => (k % 2 === 0 ? 0x8000000000000000n : 0n)),
      ...Array.from({ length: 120 }, () => 0x3ff0000000000000n),
      ...Array.from({ length: 240 }, (_, k) => (k % 2 === 0 ? 0x7ff8000000000001n : 0xfff8000000000002n)),
    ];
    expect([...out]).toEqual(expected);
  });

  test('declines what it has no loop for: records, empty arrays; sorts a short lane too', () => {
    const rec = zeros([300], { names: ['a'], formats: ['<i4'] });
    expect(sortLanesNative(rec, 0, rec, false)).toBe(false);
    expect(sortLanesNative(fromBuffer(new Float64Array(0)), 0, fromBuffer(new Float64Array(0)), false)).toBe(false);
    // Below 256 items too: the JS fallback took 300-800 µs for 10 keys (a 65536-counter radix pass).
    const tiny = fromBuffer(Float64Array.of(3, NaN, -0, 1, 0, -2));
    expect(sortLanesNative(tiny, 0, tiny, false)).toBe(true);
    expect(Array.from(tiny.toArray() as number[], (v) => (Object.is(v, -0) ? '-0' : String(v)))).toEqual(['-2', '-0', '0', '1', '3', 'NaN']);
  });
});

describeWithNumpy('native value sorts in blocks of neighbouring lanes (a sort along axis 0)', () => {
  // 120-item lanes (radix passes) in 37 columns: two whole blocks of 16
  // lanes and a tail of 5; views that flip, stride, misalign and swap bytes,
  // and an in-place sort, each equal to the JS path and to NumPy.
  const ROWS = 120;
  const COLS = 37;
  const f = floats(11).subarray(0, ROWS * COLS);
  const i8 = ints(13).subarray(0, ROWS * COLS);
  const SPECS = ['<f8', '>f8', '<f4', '>f2', '<i2', '>u4', '<i8', '|u1'];
  const VIEWS0 = ['...', '::-1, ::-1', '1::2, ::3', ':, 1:'];
  const cases: [string, string][] = SPECS.flatMap((spec) => VIEWS0.map((v) => [spec, v] as [string, string]));
  const run = (): unknown[] => {
    const out: unknown[] = [];
    for (const [spec, view] of cases) {
      // Integers from int64s (a float's cast to an integer type is not the question here).
      const x = (spec[1] === 'f' ? fromBuffer(f) : fromBuffer(i8, '<i8')).reshape([ROWS, COLS]).astype(spec);
      out.push(encode(S.sort(x.index(view), { axis: 0 })));
    }
    // An unaligned >f8 field, sorted along axis 0 into a copy and in place.
    const rec = zeros([ROWS * COLS], { names: ['pad', 'x'], formats: ['|u1', '>f8'] });
    rec.field('x').set(fromBuffer(f));
    const x = rec.field('x').reshape([ROWS, COLS]);
    out.push(encode(S.sort(x, { axis: 0 })));
    S.sortInPlace(x.index('::-1'), { axis: 0 });
    out.push(encode(x));
    return out;
  };
  const ours = run();
  const js = jsPath(run);
  const py = runNumpy<unknown[]>(
    `${PY_ENCODE}
import sys
f, i8, cases = json.loads(sys.stdin.read())
f = np.frombuffer(bytes.fromhex(f), '<f8').reshape(120, 37)
i8 = np.frombuffer(bytes.fromhex(i8), '<i8').reshape(120, 37)
views = {'...': (Ellipsis,), '::-1, ::-1': (slice(None, None, -1), slice(None, None, -1)),
         '1::2, ::3': (slice(1, None, 2), slice(None, None, 3)), ':, 1:': (slice(None), slice(1, None))}
out = []
with np.errstate(all='ignore'):
    for spec, view in cases:
        src = f if spec[1] == 'f' else i8
        out.append(encode(np.sort(src.astype(spec)[views[view]], axis=0, kind='stable')))
rec = np.zeros(f.size, dtype=[('pad', 'u1'), ('x', '>f8')]); rec['x'] = f.ravel()
x = rec['x'].reshape(120, 37)
out.append(encode(np.sort(x, axis=0, kind='stable')))
x[::-1].sort(axis=0, kind='stable')
out.append(encode(x))
print(json.dumps(out))`,
    JSON.stringify([hex(f), hex(i8), cases]),
  );

  test.each([...cases.map((c) => c.join(' ')), 'unaligned >f8 field', 'unaligned >f8 field in place, flipped'].map((name, k) => [name, k] as const))(
    '%s',
    (_, k) => {
      expect(ours[k]).toEqual(js[k]);
      expect(ours[k]).toEqual(py[k]);
    },
  );

  test('the lanes hold NaNs, both zeros and ties (the path under test meets them)', () => {
    expect(f.some((v) => Number.isNaN(v))).toBe(true);
    expect(f.some((v) => Object.is(v, -0))).toBe(true);
    expect(f.some((v) => Object.is(v, 0))).toBe(true);
  });
});

// unique without index or inverse hashes the keys when there are few distinct
// values (native/sort_kernels.cc KeyTable) and sorts them otherwise; with
// returnIndex it always sorts. Both must give the same bits: the values in
// order, each zero and NaN as the first of its kind in C order, the counts.
describe('native unique by hashing equals unique by sorting', () => {
  /** n float64 values from `distinct` choices (±0 and NaNs of several payloads among them), then `tail` all different. */
  function fewValues(n: number, distinct: number, tail: number, seed: number): Float64Array {
    const out = new Float64Array(n + tail);
    const bits = new DataView(out.buffer);
    let x = seed >>> 0;
    for (let i = 0; i < n; i++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      const r = x % distinct;
      if (r === 0) out[i] = x & 256 ? -0 : 0;
      else if (r === 1) bits.setBigUint64(8 * i, 0x7ff8000000000000n | BigInt(x & 0xffff) | (x & 512 ? 1n << 63n : 0n), true);
      else out[i] = (r - distinct / 2) / 4;
    }
    for (let i = 0; i < tail; i++) out[n + i] = 1e6 + i;
    return out;
  }
  const same = (a: NdArray): void => {
    const byHash = S.unique(a);
    const byHashCounts = S.unique(a, { returnCounts: true });
    const bySort = S.unique(a, { returnIndex: true, returnCounts: true });
    const h = (r: NdArray): string => hex(new Uint8Array(r.copy().buffer as ArrayBuffer, 0, r.size * r.itemsize));
    expect(h(byHash.values)).toBe(h(bySort.values));
    expect(h(byHashCounts.values)).toBe(h(bySort.values));
    expect(h(byHashCounts.counts!)).toBe(h(bySort.counts!));
  };

  test.each(['<f8', '>f8', '<f4', '>u4', '<i4', '<i8', '>u8'])('%s: few distinct values, plain and reversed-strided, and past the table limit', (spec) => {
    for (const [n, distinct, tail] of [
      [5000, 3, 0],
      [20000, 40, 0],
      [60000, 5000, 0],
      [200000, 70000, 0],
      [100000, 10, 70000],
    ]) {
      const f = fewValues(n, distinct, tail, n + distinct);
      const src = spec[1] === 'f' ? fromBuffer(f) : fromBuffer(f).astype('<f8');
      const a = spec[1] === 'f' ? src.astype(spec) : fromBuffer(Float64Array.from(f, (v) => (Number.isFinite(v) ? Math.round(v * 4) : 7))).astype(spec);
      same(a);
      same(a.index('::-3'));
      same(a.reshape([-1, 10 * (n + tail > 100000 ? 2 : 1)]).T);
    }
  });
});
