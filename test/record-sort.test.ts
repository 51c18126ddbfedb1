// Record-order sorts through the native kernels (lib/record-sort.ts: one
// stable LSD argsort per field) against the comparator sort of lib/sort.ts
// and NumPy: `order` first, the other fields breaking ties in dtype order,
// NaN last and ±0 equal inside a float field, byte-swapped and bool fields.
import { fromBuffer, zeros, type NdArray } from '../lib';
import * as S from '../lib/sort';
import { fieldSequence, recordArgsortNative, recordLanesSortNative } from '../lib/record-sort';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { encode, PY_ENCODE } from './helpers/values';
import { jsPath } from './helpers/kernels';

const N = 2000;
const SPEC = { names: ['sym', 'ts', 'px', 'flag'], formats: ['<i2', '>u4', '<f8', '|b1'] };

function records(): NdArray {
  const rec = zeros([N], SPEC);
  const sym = new Int16Array(N);
  const ts = new Uint32Array(N);
  const px = new Float64Array(N);
  const flag = new Uint8Array(N);
  let x = 12345;
  for (let i = 0; i < N; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    sym[i] = (x % 7) - 3;
    ts[i] = (x >>> 8) % 13;
    const r = (x >>> 4) % 11;
    px[i] = r === 0 ? NaN : r === 1 ? -0 : r === 2 ? 0 : (r % 4) - 1.5;
    flag[i] = (x >>> 12) & 1;
  }
  rec.field('sym').set(fromBuffer(sym, '<i2'));
  rec.field('ts').set(fromBuffer(ts, '<u4'));
  rec.field('px').set(fromBuffer(px));
  rec.field('flag').set(fromBuffer(flag, '|b1'));
  return rec;
}

const ORDERS: (string[] | undefined)[] = [['sym', 'ts'], ['px'], undefined, ['ts', 'flag', 'sym'], ['flag']];

describeWithNumpy('record-order sorts equal the comparator sort and NumPy', () => {
  test('sort, argsort and in-place sort of a strided view, by each order', () => {
    const rec = records();
    const run = (): unknown[] =>
      ORDERS.flatMap((order) => {
        const view = rec.copy().index('::-2');
        S.sortInPlace(view, { order });
        return [S.sort(rec, { order }), S.argsort(rec, { order }), view].map((r) => [[...r.shape], r.dtype.str, encode(r)]);
      });
    const ours = run();
    expect(ours).toEqual(jsPath(run));
    const bytes = Buffer.from(rec.buffer).toString('hex');
    const py = runNumpy<unknown[]>(
      `${PY_ENCODE}
import sys
orders = [['sym', 'ts'], ['px'], None, ['ts', 'flag', 'sym'], ['flag']]
rec = np.frombuffer(bytes.fromhex(sys.stdin.read()), dtype=[('sym', '<i2'), ('ts', '>u4'), ('px', '<f8'), ('flag', '?')])
out = []
for order in orders:
    view = rec.copy()[::-2]
    view.sort(order=order, kind='stable')
    out += [[list(r.shape), r.dtype.str, encode(r)] for r in (np.sort(rec, order=order, kind='stable'), np.argsort(rec, order=order, kind='stable'), view)]
print(json.dumps(out))`,
      bytes,
    );
    expect(ours).toEqual(py);
  });
});

describeWithNumpy('n-d record sorts along each axis equal the comparator sort and NumPy', () => {
  test('sort, argsort and in-place sort of 3-d records and a strided 2-d view, along every axis', () => {
    const rec3 = records().reshape([10, 20, 10]);
    const view2 = records().reshape([40, 50]).index('::-3, 1::2');
    const cases: [NdArray, number, string[] | undefined][] = [
      [rec3, -1, ['sym', 'ts']], [rec3, 0, ['px']], [rec3, 1, undefined], [view2, 0, ['ts', 'flag', 'sym']], [view2, 1, ['flag']],
    ];
    const run = (): unknown[] =>
      cases.flatMap(([a, axis, order]) => {
        const inPlace = a.copy();
        S.sortInPlace(inPlace, { axis, order });
        return [S.sort(a, { axis, order }), S.argsort(a, { axis, order }), inPlace].map((r) => [[...r.shape], r.dtype.str, encode(r)]);
      });
    const ours = run();
    expect(ours).toEqual(jsPath(run));
    const py = runNumpy<unknown[]>(
      `${PY_ENCODE}
import sys
rec = np.frombuffer(bytes.fromhex(sys.stdin.read()), dtype=[('sym', '<i2'), ('ts', '>u4'), ('px', '<f8'), ('flag', '?')])
rec3 = rec.reshape(10, 20, 10); view2 = rec.reshape(40, 50)[::-3, 1::2]
cases = [(rec3, -1, ['sym', 'ts']), (rec3, 0, ['px']), (rec3, 1, None), (view2, 0, ['ts', 'flag', 'sym']), (view2, 1, ['flag'])]
out = []
for a, axis, order in cases:
    inplace = a.copy()
    inplace.sort(axis=axis, order=order, kind='stable')
    out += [[list(r.shape), r.dtype.str, encode(r)] for r in (np.sort(a, axis=axis, order=order, kind='stable'), np.argsort(a, axis=axis, order=order, kind='stable'), inplace)]
print(json.dumps(out))`,
      Buffer.from(records().buffer).toString('hex'),
    );
    expect(ours).toEqual(py);
  });

  test('the native path runs for n-d records (and declines below its size floor)', () => {
    const a = records().reshape([20, 100]);
    const out = zeros([20, 100], '<i8');
    expect(recordLanesSortNative(a, 1, ['sym'], out)).toBe(true);
    expect(recordLanesSortNative(records().index(':100').reshape([10, 10]), 1, ['sym'], null)).toBe(false);
    expect(recordLanesSortNative(records(), 0, ['sym'], null)).toBe(false);
  });
});

describe('recordArgsortNative', () => {
  test('the field sequence: order first, the rest in dtype order', () => {
    const rec = records();
    expect(fieldSequence(rec.dtype, ['ts', 'flag'])).toEqual(['ts', 'flag', 'sym', 'px']);
    expect(fieldSequence(rec.dtype, undefined)).toEqual(['sym', 'ts', 'px', 'flag']);
  });

  test('declines a field with no kernel (bytes), so the comparator sort runs', () => {
    const rec = zeros([300], { names: ['k', 'b'], formats: ['<i4', 'S3'] });
    expect(recordArgsortNative(rec, ['k', 'b'])).toBeNull();
    expect(recordArgsortNative(records(), ['sym'])).not.toBeNull();
  });
});

describeWithNumpy("a float16 field sorts NaN first, as NumPy's record compare (HALF_compare) does", () => {
  // Padded, offset and byte-swapped one-field records sorted in place by order (pass 3's open divergence).
  test.each([
    [{ names: ['a'], formats: ['>f2'], offsets: [0], itemsize: 3 }, 'b8aa6c7e609294e6087abc4eb062e4b6584a'],
    [{ names: ['a'], formats: ['<f2'], offsets: [2], itemsize: 4 }, '7500028456f8eaacbea0d2d42648bafc8ef0a224f6988a4c5e407274'],
    [{ names: ['a'], formats: ['>f2'], offsets: [0], itemsize: 2 }, 'c83a7c0e7022a476180accde'],
    [{ names: ['a', 'b'], formats: ['<f2', '|u1'], offsets: [0, 2], itemsize: 3 }, '007e01003c02007e00ff7c03'],
  ])('%j', (dt, hex) => {
    const py = runNumpy<string[]>(`
dt = np.dtype(${JSON.stringify(dt)})
a = np.frombuffer(bytearray.fromhex('${hex}'), dtype=dt)
out = []
f = lambda r: r['a'].astype('<f2').tobytes().hex()   # the field's bytes (a copy's padding is not NumPy's to pin)
b = a.copy(); b.sort(kind='stable', order=['a']); out.append(f(b))
out.append(f(np.sort(a, kind='stable')))
out.append(np.argsort(a, kind='stable').astype('<i8').tobytes().hex())
print(json.dumps(out))`);
    const a = fromBuffer(new Uint8Array(Buffer.from(hex, 'hex')), dt);
    const b = a.copy();
    S.sortInPlace(b, { order: ['a'] });
    const hexOf = (x: NdArray): string => Buffer.from(x.copy().view('|u1').toArray() as number[]).toString('hex');
    const field = (r: NdArray): string => hexOf(r.field('a').astype('<f2'));
    expect([field(b), field(S.sort(a)), hexOf(S.argsort(a).astype('<i8'))]).toEqual(py);
  });
});
