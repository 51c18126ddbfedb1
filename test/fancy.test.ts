// Advanced indexing against NumPy: where the index dimensions land, copies on
// read, scatter and accumulation on write, take/put/compress/nonzero.
import { arange, broadcastTo, zeros, clip, fromBuffer, memmap, NdArray, slice, newaxis, ellipsis, AccessError, IndexError, ValueError } from '../lib';
import * as mm from '../lib';
import * as fs from 'fs';
import * as F from '../lib/fancy';
import * as R from '../lib/reduce-axis';
import * as S from '../lib/sort';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { jsOutcome, numpyOutcomes, type Case } from './helpers/np-compare';
import { encode, PY_ENCODE } from './helpers/values';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-fancy-');

const i8 = (xs: number[]): NdArray => fromBuffer(new BigInt64Array(xs.map(BigInt)), '<i8');

describeWithNumpy('advanced indexing matches NumPy', () => {
  test('shapes, values and copy semantics of mixed keys', () => {
    const a = arange(24, '<i4').reshape([2, 3, 4]);
    const idx = i8([1, 0]);
    const mask = fromBuffer(new Uint8Array([1, 0, 1]), '|b1');
    const ours = [
      a.index(idx),
      a.index(slice(), idx, slice(1, 3)),
      a.index(idx, slice(), i8([3, 1])),
      a.index(1, slice(), idx),
      a.index(ellipsis, idx),
      a.index(idx, newaxis, i8([2, 1])),
      a.index(':', mask),
      a.index(slice(), mask, i8([0, 3])),
      a.T.index(i8([3, 0])),
    ].map((r) => [[...r.shape], encode(r)]);
    const py = runNumpy<unknown>(`${PY_ENCODE}
a = np.arange(24, dtype='<i4').reshape(2, 3, 4)
idx = np.array([1, 0]); mask = np.array([True, False, True])
rs = [a[idx], a[:, idx, 1:3], a[idx, :, [3, 1]], a[1, :, idx], a[..., idx], a[idx, None, [2, 1]], a[:, mask], a[:, mask, [0, 3]], a.T[[3, 0]]]
print(json.dumps([[list(r.shape), encode(r)] for r in rs]))`);
    expect(ours).toEqual(py);
    const r = a.index(idx);
    expect(r.flags.ownData || r.base?.flags.ownData).toBe(true);
    r.set([0, 0, 0], 99);
    expect(a.get(1, 0, 0)).toBe(12);
  });

  test('setitem, addAt, take, put, compress, argwhere against NumPy', () => {
    const base = (): NdArray => arange(12, '<i2').reshape([3, 4]);
    const a1 = base();
    a1.set([i8([1, 1, 2])], fromBuffer(new Int16Array([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]), '<i2').reshape([3, 4]));
    const a2 = base();
    F.addAt(a2, [i8([0, 0, 2]), i8([1, 1, 3])], 10);
    const a3 = base();
    F.addAt(a3, [i8([0, 0])], 1.75);
    const a4 = base();
    F.put(a4.T, i8([0, 5, 13]), [-1, -2], { mode: 'wrap' });
    const a5 = base();
    const ours = [
      a1,
      a2,
      a3,
      a4,
      F.take(a5, i8([12, -13]), { mode: 'wrap' }),
      F.take(a5, i8([3, 0, 3]), { axis: 1, mode: 'clip' }),
      F.compress([true, false, true], a5, { axis: 0 }),
      F.argwhere(a5.index('::-1')),
      F.flatnonzero(a5),
    ].map((r) => [[...r.shape], [...r.strides], encode(r)]);
    const py = runNumpy<unknown>(`${PY_ENCODE}
base = lambda: np.arange(12, dtype='<i2').reshape(3, 4)
a1 = base(); a1[[1, 1, 2]] = np.arange(5, 17, dtype='<i2').reshape(3, 4)
a2 = base(); np.add.at(a2, ([0, 0, 2], [1, 1, 3]), 10)
a3 = base(); np.add.at(a3, [0, 0], 1.75)
a4 = base(); np.put(a4.T, [0, 5, 13], [-1, -2], mode='wrap')
a5 = base()
rs = [a1, a2, a3, a4, np.take(a5, [12, -13], mode='wrap'), np.take(a5, [3, 0, 3], axis=1, mode='clip'),
      np.compress([True, False, True], a5, axis=0), np.argwhere(a5[::-1]), np.flatnonzero(a5)]
print(json.dumps([[list(r.shape), list(r.strides), encode(r)] for r in rs]))`);
    expect(ours).toEqual(py);
  });
});

describeWithNumpy('a[mask] and a[idx] at kernel sizes (compress and take over the first axis) match NumPy', () => {
  // Every key here has at least 256 items, so the kernels take it: the same
  // shapes, strides, dtypes and values as NumPy's advanced indexing.
  test('masks over all or the leading axes, integer arrays of any shape, over C, F, strided, byte-swapped and record layouts', () => {
    const a1 = arange(600, '<f8');
    const a2 = arange(600, '<f4').reshape([30, 20]);
    const m1 = mm.equal(mm.remainder(arange(600), 3), 0);
    const m2 = mm.less(mm.remainder(arange(600), 7), 3).reshape([30, 20]);
    const lead = mm.equal(mm.remainder(arange(300), 2), 0).reshape([30, 10]);
    const be = arange(600, '>i2').reshape([20, 30]);
    const rec = zeros([600], [['x', '<f8'], ['y', '<i4']]);
    rec.field('x').set(arange(600, '<f8'));
    rec.field('y').set(mm.negative(arange(600, '<i4')));
    const idx = mm.subtract(mm.remainder(mm.multiply(arange(600), 7919), 600), 300);
    const rows = mm.subtract(mm.remainder(mm.multiply(arange(300, '<i4'), 13), 30), 15).reshape([20, 15]);
    const u16 = mm.remainder(mm.multiply(arange(400, '<u2'), 7), 20).astype('<u2');
    const cube = arange(3000, '<i8').reshape([30, 10, 10]);
    const ours = [
      a1.index(m1),
      a2.index(m2),
      a2.T.index(m2.T),
      a2.index('::-1, ::2').index(lead),
      a2.index(m2.index(':, 0')),
      be.index(m2.reshape([20, 30])),
      be.index(m2.reshape([20, 30]).index(':, 0').reshape(-1)),
      rec.index(m1),
      a1.index(idx),
      a2.index(rows),
      a2.T.index(u16),
      be.index('::-1').index(u16),
      rec.index(idx),
      cube.index(rows),
      cube.index('::2, :, ::3').index(mm.remainder(rows, 15)),
      a2.index(rows.T),
      a1.index(idx.reshape([20, 30]).index('::-1, ::2').T),
      cube.T.index(mm.remainder(rows, 10)),
      cube.T.index(mm.remainder(rows.T, 10)),
      cube.index(rows.T),
      cube.T.index(mm.less(mm.remainder(arange(100), 3), 2).reshape([10, 10])),
      a2.index(':', mm.remainder(idx, 20)),
      a2.T.index(':', mm.remainder(rows, 30)),
      cube.index(':', ':', mm.remainder(rows, 10)),
      cube.index(slice(), mm.remainder(rows.T, 10)),
      cube.copy('F').index(':', mm.subtract(mm.remainder(idx, 20), 10)),
      cube.index('::-1, :, ::2').index(':', ':', mm.remainder(idx, 5)),
    ].map((r) => [[...r.shape], [...r.strides], r.dtype.str, encode(r)]);
    const py = runNumpy<unknown>(`${PY_ENCODE}
a1 = np.arange(600, dtype='<f8'); a2 = np.arange(600, dtype='<f4').reshape(30, 20)
m1 = np.arange(600) % 3 == 0; m2 = (np.arange(600) % 7 < 3).reshape(30, 20)
lead = (np.arange(300) % 2 == 0).reshape(30, 10)
be = np.arange(600, dtype='>i2').reshape(20, 30)
rec = np.zeros(600, [('x', '<f8'), ('y', '<i4')]); rec['x'] = np.arange(600); rec['y'] = -np.arange(600)
idx = (np.arange(600) * 7919) % 600 - 300
rows = ((np.arange(300, dtype='<i4') * 13) % 30 - 15).reshape(20, 15)
u16 = ((np.arange(400, dtype='<u2') * 7) % 20).astype('<u2')
cube = np.arange(3000, dtype='<i8').reshape(30, 10, 10)
rs = [a1[m1], a2[m2], a2.T[m2.T], a2[::-1, ::2][lead], a2[m2[:, 0]], be[m2.reshape(20, 30)], be[m2.reshape(20, 30)[:, 0].reshape(-1)],
      rec[m1], a1[idx], a2[rows], a2.T[u16], be[::-1][u16], rec[idx], cube[rows], cube[::2, :, ::3][rows % 15],
      a2[rows.T], a1[idx.reshape(20, 30)[::-1, ::2].T], cube.T[rows % 10], cube.T[rows.T % 10], cube[rows.T],
      cube.T[(np.arange(100) % 3 < 2).reshape(10, 10)], a2[:, idx % 20], a2.T[:, rows % 30], cube[:, :, rows % 10], cube[:, rows.T % 10],
      np.asfortranarray(cube)[:, idx % 20 - 10], cube[::-1, :, ::2][:, :, idx % 5]]
print(json.dumps([[list(r.shape), list(r.strides), r.dtype.str, encode(r)] for r in rs]))`);
    expect(ours).toEqual(py);
    // A copy, as every advanced index: writing it leaves the source as it was.
    const r = a1.index(m1);
    r.set([0], -1);
    expect(a1.get(0)).toBe(0);
  });

  test("an index out of bounds is NumPy's IndexError, and nothing is made of it", () => {
    const a = arange(600, '<f8').reshape([300, 2]);
    const idx = mm.remainder(arange(400), 300);
    idx.set([377], 300);
    expect(() => a.index(idx)).toThrow(new IndexError('index 300 is out of bounds for axis 0 with size 300'));
    idx.set([377], -301);
    expect(() => a.index(idx)).toThrow(new IndexError('index -301 is out of bounds for axis 0 with size 300'));
    const cols = mm.remainder(arange(400), 2);
    cols.set([5], 2);
    expect(() => a.index(':', cols)).toThrow(new IndexError('index 2 is out of bounds for axis 1 with size 2'));
    const m = zeros([299], '|b1');
    expect(() => a.index(m)).toThrow(new IndexError('boolean index did not match indexed array along axis 0; size of axis is 300 but size of corresponding boolean axis is 299'));
  });
});

describeWithNumpy('a[mask] = v and a[idx] = v at kernel sizes (the put kernel) match NumPy', () => {
  test('scalars, lists, arrays, broadcast items and casts, repeated and negative indices, a value that overlaps the target', () => {
    const m1 = mm.equal(mm.remainder(arange(600), 3), 0);
    const m2 = mm.less(mm.remainder(arange(600), 7), 3).reshape([30, 20]);
    const idx = mm.subtract(mm.remainder(mm.multiply(arange(600), 7919), 600), 300);
    const rep = mm.remainder(arange(500, '<i4'), 50).reshape([25, 20]);
    const results: NdArray[] = [];
    const f8 = (): NdArray => arange(600, '<f8');
    let a = f8();
    a.set([m1], -1.5);
    results.push(a);
    a = arange(600, '>i2').reshape([30, 20]);
    a.set([m2], mm.negative(arange(Number(m2.sum()), '<f8')).astype('<f8'));
    results.push(a);
    a = arange(600, '<i8');
    a.set([m1], [7]);
    results.push(a);
    a = f8();
    a.set([idx], mm.multiply(arange(600, '<i4'), 2));
    results.push(a);
    a = arange(600, '<u1');
    a.set([rep], mm.add(arange(500, '<f4').reshape([25, 20]), 0.75));
    results.push(a);
    a = f8();
    a.set([idx], a.index('::-1'));
    results.push(a);
    a = f8().index('::2');
    a.set([mm.remainder(idx, 300)], 9);
    results.push(a);
    a = f8();
    a.set([mm.equal(mm.remainder(arange(600), 250), 7)], [1, 2, 3]);
    results.push(a);
    const py = runNumpy<unknown>(`${PY_ENCODE}
m1 = np.arange(600) % 3 == 0; m2 = (np.arange(600) % 7 < 3).reshape(30, 20)
idx = (np.arange(600) * 7919) % 600 - 300
rep = (np.arange(500, dtype='<i4') % 50).reshape(25, 20)
rs = []
a = np.arange(600, dtype='<f8'); a[m1] = -1.5; rs.append(a)
a = np.arange(600, dtype='>i2').reshape(30, 20); a[m2] = -np.arange(m2.sum(), dtype='<f8'); rs.append(a)
a = np.arange(600, dtype='<i8'); a[m1] = [7]; rs.append(a)
a = np.arange(600, dtype='<f8'); a[idx] = np.arange(600, dtype='<i4') * 2; rs.append(a)
a = np.arange(600, dtype='<u1'); a[rep] = np.arange(500, dtype='<f4').reshape(25, 20) + 0.75; rs.append(a)
a = np.arange(600, dtype='<f8'); a[idx] = a[::-1]; rs.append(a)
a = np.arange(600, dtype='<f8')[::2]; a[idx % 300] = 9; rs.append(a)
a = np.arange(600, dtype='<f8'); a[np.arange(600) % 250 == 7] = [1, 2, 3]; rs.append(a)
print(json.dumps([[r.dtype.str, encode(r)] for r in rs]))`);
    expect(results.map((r) => [r.dtype.str, encode(r)])).toEqual(py);
  });

  test("errors are NumPy's, before anything is written", () => {
    const a = arange(600, '<i1').index(':');
    const before = encode(a);
    const idx = mm.remainder(arange(400), 600);
    idx.set([399], 600);
    expect(() => a.set([idx], 1)).toThrow(new IndexError('index 600 is out of bounds for axis 0 with size 600'));
    idx.set([399], 5);
    expect(() => a.set([idx], 300)).toThrow(mm.OverflowError);
    expect(() => a.set([idx], 300)).toThrow(/integer 300 out of bounds for int8/);
    expect(() => a.set([idx], arange(3))).toThrow(new ValueError('shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (400,)'));
    const m = mm.greater(arange(600), 10);
    expect(() => a.set([m], arange(5))).toThrow(new ValueError('shape mismatch: value array of shape (5,) could not be broadcast to indexing result of shape (589,)'));
    expect(encode(a)).toEqual(before);
    const ro = arange(600, '<f8');
    ro.flags.writeable = false;
    expect(() => ro.set([m], 1)).toThrow(AccessError);
  });

  test("into an empty axis every index is out of bounds: NumPy's IndexError naming the first (fuzz seed 13300846)", () => {
    // The put kernel threw put's own "cannot replace elements of an empty array", as a RangeError.
    const want = runNumpy<string[]>(`
out = []
for f in [lambda: np.zeros(0).__setitem__(np.zeros((12, 25), '<u8'), 1),
          lambda: np.zeros(0).__setitem__(np.full(300, 5), [1]),
          lambda: np.zeros((2, 0)).__setitem__((slice(None), np.zeros(300, 'i8')), 1),
          lambda: np.put(np.zeros(0), np.zeros(300, 'i8'), 1)]:
    try: f(); out.append('ok')
    except Exception as e: out.append(type(e).__name__ + ': ' + str(e))
print(json.dumps(out))`);
    const got = [
      () => zeros([0]).set([zeros([12, 25], '<u8')], 1),
      () => zeros([0]).set([mm.full([300], 5)], [1]),
      () => zeros([2, 0]).set([slice(null), zeros([300], 'i8')], 1),
      () => mm.put(zeros([0]), zeros([300], 'i8'), 1),
    ].map((f) => {
      try {
        f();
        return 'ok';
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
    });
    expect(got).toEqual(want);
    // An empty index into an empty axis writes nothing, as NumPy's.
    expect(() => zeros([0]).set([zeros([0], 'i8')], 1)).not.toThrow();
  });
});

describeWithNumpy('several index arrays at kernel sizes (one flat index into the merged axes) match NumPy', () => {
  // a[rows, cols] and its kin with 256 results or more: the index arrays'
  // flat index into a view whose indexed axes are merged, then take or put.
  const PY_SETUP = `
cube = np.arange(4000, dtype='<f8').reshape(20, 10, 20)
r = (np.arange(600) * 7) % 20 - 10; c = (np.arange(600, dtype='<i4') * 13) % 10; z = (np.arange(600) * 11) % 20
rr = (np.arange(30) % 20).reshape(30, 1); cc = ((np.arange(40, dtype='<u2') * 3) % 10).astype('<u2').reshape(1, 40)
rf = np.asfortranarray(((np.arange(600) * 7) % 20).reshape(20, 30)); cf = np.asfortranarray(((np.arange(600) * 3) % 10).reshape(20, 30))
be = np.arange(4000, dtype='>i2').reshape(20, 10, 20)`;
  const setup = () => {
    const cube = arange(4000, '<f8').reshape([20, 10, 20]);
    const r = mm.subtract(mm.remainder(mm.multiply(arange(600), 7), 20), 10);
    const c = mm.remainder(mm.multiply(arange(600, '<i4'), 13), 10);
    const z = mm.remainder(mm.multiply(arange(600), 11), 20);
    const rr = mm.remainder(arange(30), 20).reshape([30, 1]);
    const cc = mm.remainder(mm.multiply(arange(40, '<u2'), 3), 10).astype('<u2').reshape([1, 40]);
    const rf = mm.remainder(mm.multiply(arange(600), 7), 20).reshape([20, 30]).copy('F');
    const cf = mm.remainder(mm.multiply(arange(600), 3), 10).reshape([20, 30]).copy('F');
    const be = arange(4000, '>i2').reshape([20, 10, 20]);
    return { cube, r, c, z, rr, cc, rf, cf, be };
  };

  test('reads: leading, after slices, beside an ellipsis, broadcast and F-ordered index arrays, views the merge cannot take', () => {
    const { cube, r, c, z, rr, cc, rf, cf, be } = setup();
    const ours = [
      cube.index(r, c),
      cube.index(r, c, z),
      cube.index(slice(), c, z),
      cube.index(ellipsis, c, z),
      cube.index(rr, cc),
      cube.index(rf, cf),
      cube.index(rf, cf, 0 as never),
      cube.index('::-1').index(r, c),
      cube.index(':, ::2').index(r, mm.remainder(c, 5)),
      cube.transpose([1, 0, 2]).index(c, r),
      cube.copy('F').index(r, c),
      be.index(r, c, z),
      be.index(r, c).index(':, :'),
    ].map((x) => [[...x.shape], [...x.strides], x.dtype.str, encode(x)]);
    const py = runNumpy<unknown>(`${PY_ENCODE}${PY_SETUP}
rs = [cube[r, c], cube[r, c, z], cube[:, c, z], cube[..., c, z], cube[rr, cc], cube[rf, cf], cube[rf, cf, 0], cube[::-1][r, c],
      cube[:, ::2][r, c % 5], cube.transpose(1, 0, 2)[c, r], np.asfortranarray(cube)[r, c], be[r, c, z], be[r, c][:, :]]
print(json.dumps([[list(x.shape), list(x.strides), x.dtype.str, encode(x)] for x in rs]))`);
    expect(ours).toEqual(py);
  });

  test('writes: scalars, rows, broadcast rows and one value each, repeated indices (the last wins), a value that overlaps the target', () => {
    const { cube, r, c, z, rr, cc } = setup();
    const results: NdArray[] = [];
    const fresh = (): NdArray => cube.copy();
    let a = fresh();
    a.set([r, c], -1);
    results.push(a);
    a = fresh();
    a.set([r, c], mm.negative(arange(20, '<f4')));
    results.push(a);
    a = fresh();
    a.set([r, c, z], mm.multiply(arange(600), 0.5));
    results.push(a);
    a = fresh();
    a.set([rr, cc], mm.add(arange(1200 * 20).reshape([30, 40, 20]), 0.25));
    results.push(a);
    a = fresh();
    a.set([r, c], a.index(z, c));
    results.push(a);
    a = arange(4000, '<i2').reshape([20, 10, 20]);
    a.set([r], arange(200, '<f8').reshape([10, 20]));
    results.push(a);
    a = arange(4000, '<u1').reshape([200, 20]);
    a.set([mm.remainder(arange(300), 200)], 7);
    results.push(a);
    a = arange(12000, '<f8').reshape([60, 10, 20]);
    a.set([mm.equal(mm.remainder(arange(600), 2), 0).reshape([60, 10])], arange(20, '<f8'));
    results.push(a);
    const py = runNumpy<unknown>(`${PY_ENCODE}${PY_SETUP}
rs = []
a = cube.copy(); a[r, c] = -1; rs.append(a)
a = cube.copy(); a[r, c] = -np.arange(20, dtype='<f4'); rs.append(a)
a = cube.copy(); a[r, c, z] = np.arange(600) * 0.5; rs.append(a)
a = cube.copy(); a[rr, cc] = np.arange(1200 * 20).reshape(30, 40, 20) + 0.25; rs.append(a)
a = cube.copy(); a[r, c] = a[z, c]; rs.append(a)
a = np.arange(4000, dtype='<i2').reshape(20, 10, 20); a[r] = np.arange(200, dtype='<f8').reshape(10, 20); rs.append(a)
a = np.arange(4000, dtype='<u1').reshape(200, 20); a[np.arange(300) % 200] = 7; rs.append(a)
a = np.arange(12000, dtype='<f8').reshape(60, 10, 20); a[(np.arange(600) % 2 == 0).reshape(60, 10)] = np.arange(20, dtype='<f8'); rs.append(a)
print(json.dumps([[x.dtype.str, encode(x)] for x in rs]))`);
    expect(results.map((x) => [x.dtype.str, encode(x)])).toEqual(py);
  });

  test('a mask after whole slices (its axes merged), read and written', () => {
    // Masks of 1200 and 600 items, 720 and 400 of them true: the kernels' sizes.
    const cube = arange(24000, '<f8').reshape([20, 30, 40]);
    const m2 = mm.less(mm.remainder(mm.multiply(arange(1200), 7), 5), 3).reshape([30, 40]);
    const m1 = mm.less(mm.remainder(arange(600), 3), 2);
    const wide = arange(12000, '<f4').reshape([20, 600]);
    const ours: unknown[] = [cube.index(slice(), m2), cube.index(ellipsis, m2), wide.index(slice(), m1), wide.T.copy().T.index(slice(), m1)].map((x) => [[...x.shape], [...x.strides], encode(x)]);
    let a = cube.copy();
    a.set([slice(), m2], -2);
    ours.push(encode(a));
    a = wide.copy();
    a.set([slice(), m1], mm.negative(arange(400, '<f8')));
    ours.push(encode(a));
    const py = runNumpy<unknown>(`${PY_ENCODE}${PY_SETUP}
cube = np.arange(24000, dtype='<f8').reshape(20, 30, 40)
m2 = ((np.arange(1200) * 7) % 5 < 3).reshape(30, 40); m1 = np.arange(600) % 3 < 2
wide = np.arange(12000, dtype='<f4').reshape(20, 600)
out = [[list(x.shape), list(x.strides), encode(x)] for x in [cube[:, m2], cube[..., m2], wide[:, m1], np.asfortranarray(wide)[:, m1]]]
a = cube.copy(); a[:, m2] = -2; out.append(encode(a))
a = wide.copy(); a[:, m1] = -np.arange(400, dtype='<f8'); out.append(encode(a))
print(json.dumps(out))`);
    expect(ours).toEqual(py);
  });

  test('writes after whole slices: a scalar, a row shared by every position, one value each, index arrays of two axes, repeated indices', () => {
    const { cube, c, z } = setup();
    const results: NdArray[] = [];
    const wide = arange(6000, '<f8').reshape([20, 300]);
    const cols = mm.subtract(mm.remainder(mm.multiply(arange(400), 7), 300), 150);
    let a = wide.copy();
    a.set([slice(), cols], 9);
    results.push(a);
    a = wide.copy();
    a.set([slice(), cols], mm.multiply(arange(400, '<i4'), -1));
    results.push(a);
    a = wide.copy();
    a.set([slice(), cols], mm.add(arange(8000, '<f4').reshape([20, 400]), 0.5));
    results.push(a);
    a = wide.copy();
    a.set([slice(), cols.reshape([20, 20])], arange(20, '<f8').reshape([20, 1, 1]));
    results.push(a);
    a = cube.copy();
    a.set([slice(), slice(), z], mm.negative(arange(600)));
    results.push(a);
    a = cube.copy();
    a.set([slice(), c], arange(20 * 600 * 20).reshape([20, 600, 20]));
    results.push(a);
    a = arange(4000, '>i2').reshape([20, 10, 20]);
    a.set([slice(), slice(), z], a.index(0, 0, z));
    results.push(a);
    const py = runNumpy<unknown>(`${PY_ENCODE}${PY_SETUP}
wide = np.arange(6000, dtype='<f8').reshape(20, 300)
cols = (np.arange(400) * 7) % 300 - 150
rs = []
a = wide.copy(); a[:, cols] = 9; rs.append(a)
a = wide.copy(); a[:, cols] = np.arange(400, dtype='<i4') * -1; rs.append(a)
a = wide.copy(); a[:, cols] = np.arange(8000, dtype='<f4').reshape(20, 400) + 0.5; rs.append(a)
a = wide.copy(); a[:, cols.reshape(20, 20)] = np.arange(20, dtype='<f8').reshape(20, 1, 1); rs.append(a)
a = cube.copy(); a[:, :, z] = -np.arange(600); rs.append(a)
a = cube.copy(); a[:, c] = np.arange(20 * 600 * 20).reshape(20, 600, 20); rs.append(a)
a = np.arange(4000, dtype='>i2').reshape(20, 10, 20); a[:, :, z] = a[0, 0, z]; rs.append(a)
print(json.dumps([[x.dtype.str, encode(x)] for x in rs]))`);
    expect(results.map((x) => [x.dtype.str, encode(x)])).toEqual(py);
  });

  test("an index out of bounds is NumPy's IndexError naming its axis, with nothing written", () => {
    const { cube, c, z } = setup();
    const badc = c.copy();
    badc.set([599], 10);
    expect(() => cube.index(z, badc)).toThrow(new IndexError('index 10 is out of bounds for axis 1 with size 10'));
    const bad = z.copy();
    bad.set([599], 20);
    expect(() => cube.index(slice(), c, bad)).toThrow(new IndexError('index 20 is out of bounds for axis 2 with size 20'));
    bad.set([599], -21);
    const before = encode(cube);
    expect(() => cube.set([slice(), c, bad], 0)).toThrow(new IndexError('index -21 is out of bounds for axis 2 with size 20'));
    expect(() => cube.set([slice(), slice(), bad], 0)).toThrow(new IndexError('index -21 is out of bounds for axis 2 with size 20'));
    expect(() => cube.set([slice(), slice(), z], arange(3))).toThrow(new ValueError('shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (20,10,600)'));
    expect(() => cube.set([bad, c], arange(3))).toThrow(new ValueError('shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (600,20)'));
    expect(encode(cube)).toEqual(before);
    expect(() => cube.index(c, arange(7))).toThrow(/shape mismatch: indexing arrays could not be broadcast together with shapes \(600,\) \(7,\)/);
  });
});

describeWithNumpy('the layout of an advanced-indexing result follows NumPy', () => {
  // The non-indexed axes are laid out as NumPy's PyArray_CreateSortedStridePerm
  // sorts them (|stride| largest first, stable): a broadcast axis goes innermost.
  test('over broadcast, transposed and reversed views (fuzz seeds 13709 15663 9230)', () => {
    const a = arange(15, '<i4').reshape([3, 1, 5]);
    const views: [string, NdArray][] = [
      ['np.broadcast_to(a, (2, 3, 2, 5))', broadcastTo(a, [2, 3, 2, 5])],
      ['np.broadcast_to(a, (2, 3, 2, 5)).transpose(1, 3, 0, 2)', broadcastTo(a, [2, 3, 2, 5]).transpose([1, 3, 0, 2])],
      ['np.broadcast_to(a[:, :, ::-1], (3, 4, 5))', broadcastTo(a.index(':, :, ::-1'), [3, 4, 5])],
      ['a.transpose(2, 1, 0)', a.transpose([2, 1, 0])],
    ];
    const ours = views.map(([, v]) => {
      const r = v.index(i8([1, 0, -1]));
      const r2 = v.index(slice(), i8([0, 0]));
      return [[...r.shape], [...r.strides], [...r2.shape], [...r2.strides], [...r.astype('<f8').strides]];
    });
    const py = runNumpy<unknown>(`${PY_ENCODE}
a = np.arange(15, dtype='<i4').reshape(3, 1, 5)
out = []
for v in [${views.map(([p]) => p).join(', ')}]:
    r = v[[1, 0, -1]]; r2 = v[:, [0, 0]]
    out.append([list(r.shape), list(r.strides), list(r2.shape), list(r2.strides), list(r.astype('<f8').strides)])
print(json.dumps(out))`);
    // Strides of length-1 axes are NumPy's internal choice (FORMAT.md): compare the others.
    const meaningful = (rows: unknown): unknown =>
      (rows as number[][][]).map((row) => [row[0], row[1].map((x, i) => (row[0][i] === 1 ? null : x)), row[2], row[3].map((x, i) => (row[2][i] === 1 ? null : x)), row[4].map((x, i) => (row[0][i] === 1 ? null : x))]);
    expect(meaningful(ours)).toEqual(meaningful(py));
  });

  test('index dims beside a subspace are C-ordered whatever the index array\'s layout; alone they follow it', () => {
    const c = arange(24, '<f8').reshape([2, 3, 4]);
    const f = c.copy('F');
    const jt = i8([0, 1, 1, 0]).reshape([2, 2]).T;
    const ours = [f.index(jt), c.index(jt), c.index(slice(), jt), f.index(i8([0, 1, 1])), arange(5, '<f8').index(jt)].map((r) => [[...r.shape], [...r.strides], encode(r)]);
    const py = runNumpy<unknown>(`${PY_ENCODE}
c = np.arange(24, dtype='<f8').reshape(2, 3, 4); f = np.asfortranarray(c)
jt = np.array([0, 1, 1, 0]).reshape(2, 2).T
print(json.dumps([[list(r.shape), list(r.strides), encode(r)] for r in [f[jt], c[jt], c[:, jt], f[[0, 1, 1]], np.arange(5.0)[jt]]]))`);
    expect(ours).toEqual(py);
  });
});

describeWithNumpy("nonzero's arrays are NumPy's: columns of one (count, ndim) int64 array (fuzz seed 21)", () => {
  test.each([[[6], 'small'], [[2, 3], 'small'], [[3, 1, 2], 'small'], [[40, 30], 'kernel']])('%j (%s)', (shape) => {
    const n = (shape as number[]).reduce((x, y) => x * y, 1);
    const a = fromBuffer(Float64Array.from({ length: n }, (_, i) => (i % 3 === 1 ? 0 : i)), '<f8').reshape(shape as number[]);
    const py = runNumpy<[number[], number[]][]>(`
a = np.array([0.0 if i % 3 == 1 else float(i) for i in range(${n})]).reshape(${JSON.stringify(shape)})
print(json.dumps([[list(x.strides), x[:5].tolist()] for x in np.nonzero(a)]))`);
    expect(F.nonzero(a).map((x) => [[...x.strides], (x.index(slice(0, 5)).toArray() as bigint[]).map(Number)])).toEqual(py);
  });
});

describe("addAt of records: NumPy's no-loop TypeError before the index and shape checks (fuzz seeds 20587 48873)", () => {
  test('record values, Python int and float values', () => {
    // As np.add.at(r, [5], v) raises in NumPy 2.4.6 for v = r, 1, 1.5 (index 5 is out of bounds too).
    const r = zeros([3], { names: ['a'], formats: ['<i4'] });
    const sig = (other: string): string => `ufunc 'add' did not contain a loop with signature matching types (dtype([('a', '<i4')]), ${other}) -> None`;
    expect(() => F.addAt(r, [i8([5])], r)).toThrow(new TypeError(sig("dtype([('a', '<i4')])")));
    expect(() => F.addAt(r, [i8([5])], 1)).toThrow(new TypeError(sig("dtype('int64')")));
    expect(() => F.addAt(r, [i8([5])], 1.5)).toThrow(new TypeError(sig("dtype('float64')")));
    expect(r.toArray()).toEqual([{ a: 0 }, { a: 0 }, { a: 0 }]);
  });
});

describe('setitem with arrays: a plain integer is bounds-checked before the value shape, index arrays after (NumPy 2.4.6; fuzz seeds 3176 4412)', () => {
  const none = zeros([0], '<i8');
  const at = (v: number): NdArray => fromBuffer(new BigInt64Array([BigInt(v)]), '<i8');
  test.each([
    ['a[0, []] on an empty axis 0', [0, 3, 3, 3], () => [0, none], new IndexError('index 0 is out of bounds for axis 0 with size 0')],
    ['a[[], 0] on an empty axis 0', [0, 3, 3, 3], () => [none, 0], /^shape mismatch: value array of shape \(2,\) could not be broadcast to indexing result of shape \(0,3,3\)/],
    ['a[5, []]', [2, 3, 3], () => [5, none], new IndexError('index 5 is out of bounds for axis 0 with size 2')],
    ['a[1, [7]]', [2, 3, 3], () => [1, at(7)], /^shape mismatch: value array of shape \(2,\) could not be broadcast to indexing result of shape \(1,3\)/],
  ] as const)('%s', (_name, shape, items, error) => {
    const a = zeros([...shape]);
    expect(() => a.set(items() as never, zeros([2]))).toThrow(error as never);
  });
});

describe('advanced indexing errors leave the array untouched', () => {
  test('out-of-bounds, mask length, broadcast mismatch, float index, read-only', () => {
    const a = arange(12, '<i2').reshape([3, 4]);
    expect(() => a.index(i8([3]))).toThrow(IndexError);
    expect(() => a.index(fromBuffer(new Uint8Array([1, 0]), '|b1'))).toThrow(/boolean index did not match/);
    expect(() => a.index(i8([0, 1]), i8([0, 1, 2]))).toThrow(/could not be broadcast/);
    expect(() => a.index(fromBuffer(new Float64Array([1])))).toThrow(/integer \(or boolean\)/);
    expect(() => a.set([i8([0, 5])], 1)).toThrow(IndexError);
    expect(() => F.addAt(a, [i8([0, 1])], fromBuffer(new Int16Array([1, 2, 3]), '<i2'))).toThrow(ValueError);
    expect(a.toArray()).toEqual(arange(12, '<i2').reshape([3, 4]).toArray());
    const ro = arange(4, '<f8');
    ro.flags.writeable = false;
    expect(() => F.addAt(ro, i8([0]), 1)).toThrow(AccessError);
    expect(() => F.put(ro, 0, 1)).toThrow(AccessError);
  });
});

test("addAt accumulates repeated indices through an 'r+' mapping of records", () => {
  const p = tmp.path('addat.bin');
  {
    const rec = { names: ['id', 'value'], formats: ['<i8', '<f8'] };
    const w = memmap(p, { dtype: rec, mode: 'w+', shape: [5] });
    w.close();
    const m = memmap(p, { dtype: rec, mode: 'r+' });
    F.addAt(m.field('value'), i8([1, 1, 4, 1]), 1);
    m.flush();
    m.close();
    const r = memmap(p, { dtype: rec, mode: 'r' });
    expect(r.field('value').toArray()).toEqual([0, 3, 0, 0, 1]);
    r.close();
  }
});

test('take, addAt, argmax, axis max and sort over a sparse 5 GiB mapping, window by window', () => {
  const p = tmp.path('big.bin');
  const size = 5 * 2 ** 30;
  const fd = fs.openSync(p, 'w');
  fs.ftruncateSync(fd, size);
  fs.closeSync(fd);
  const m = memmap(p, { dtype: '<f8', mode: 'r+' });
  try {
    const n = m.shape[0];
    const ends = i8([1, n - 1, 2 ** 28, n - 2 ** 20]);
    F.addAt(m, ends, 2.5);
    F.addAt(m, i8([n - 1]), 1);
    expect(F.take(m, ends).toArray()).toEqual([2.5, 3.5, 2.5, 2.5]);
    const strided = m.index(`::${2 ** 24}`); // 40 elements spread over the file
    expect(R.argmax(strided).toArray()).toBe(16n); // index 2^28 / 2^24
    expect(R.max(strided.reshape([4, 10]), 1).toArray()).toEqual([0, 2.5, 0, 0]);
    const sorted = S.sort(m.index(`${n - 8}:`));
    expect(sorted.toArray()).toEqual([0, 0, 0, 0, 0, 0, 0, 3.5]);
  } finally {
    m.close();
    fs.rmSync(p, { force: true });
  }
});

describe('take with out (NumPy\'s np.take(..., out=))', () => {
  test('writes the result into out and returns it, also when out overlaps the source', () => {
    const x = arange(5);
    const y = F.take(x, [1, 2, 3], { out: x.index('2:5'), mode: 'wrap' });
    expect(y.toArray()).toEqual([1n, 2n, 3n]);
    expect(x.toArray()).toEqual([0n, 1n, 1n, 2n, 3n]);
    const out = arange(3, 'i4').astype('i4');
    expect(F.take(arange(10), [9, 0], { out: out.index(':2') }).toArray()).toEqual([9, 0]);
    expect(out.toArray()).toEqual([9, 0, 2]);
  });

  test('refuses, before writing, a wrong shape, an unsafe dtype and a read-only out', () => {
    const x = arange(5);
    const out = arange(3);
    expect(() => F.take(x, [1, 2], { out })).toThrow(new ValueError('output array does not match result of ndarray.take'));
    expect(() => F.take(x, [1, 2], { out: arange(2, 'f4') })).toThrow("Cannot cast array data from dtype('float32') to dtype('int64') according to the rule 'safe'");
    const ro = arange(2);
    ro.flags.writeable = false;
    expect(() => F.take(x, [1, 2], { out: ro })).toThrow(AccessError);
    expect(out.toArray()).toEqual([0n, 1n, 2n]);
  });
});

describeWithNumpy("compress with out (NumPy's np.compress(..., out=), take's rules)", () => {
  test('writes the selection into out and returns it; a wrong shape or an unsafe dtype is refused before writing', () => {
    const py = runNumpy<unknown[]>(`${PY_ENCODE}
a = np.arange(6.0).reshape(2, 3)
def run(o, **k):
    try:
        r = np.compress([1, 0, 1], a, out=o, **k)
        return ['ok', r is o, encode(o)]
    except Exception as e:
        return [type(e).__name__, str(e)]
print(json.dumps([run(np.zeros((2, 2)), axis=1), run(np.zeros(4, 'f4')), run(np.zeros((2, 2), 'i8'), axis=1), run(np.zeros((2, 3)), axis=1), run(np.zeros(2, np.int8))]))`);
    const a = (): NdArray => arange(6).astype('f8').reshape([2, 3]);
    const run = (o: NdArray, axis?: number): unknown[] => {
      try {
        const r = F.compress([1, 0, 1], a(), { out: o, axis });
        return ['ok', r === o, encode(o)];
      } catch (e) {
        return [(e as Error).name, (e as Error).message];
      }
    };
    expect([run(zeros([2, 2]), 1), run(zeros([4], 'f4')), run(zeros([2, 2], 'i8'), 1), run(zeros([2, 3]), 1), run(zeros([2], 'i1'))]).toEqual(py);
  });
});

describeWithNumpy('NumPy 2.4 order of checks and loop dtypes the fuzzer found', () => {
  // ['ok', values] or the error's NumPy class and message.
  const outcome = (f: () => unknown): unknown[] => {
    try {
      const r = f();
      return r instanceof NdArray ? ['ok', encode(r)] : ['ok'];
    } catch (e) {
      return [(e as Error).name === 'UFuncTypeError' ? 'TypeError' : (e as Error).constructor.name, (e as Error).message];
    }
  };
  const PY_OUTCOME = `${PY_ENCODE}
def outcome(f):
    try:
        r = f()
        return ['ok'] if r is None else ['ok', encode(r)]
    except Exception as e:
        n = type(e).__name__
        return ['TypeError' if n == 'UFuncTypeError' else n, str(e)]
`;

  test('fancy setitem checks the value against the result shape before the index bounds (fuzz seed setitem)', () => {
    const a = arange(3, '<f8');
    const ours = [
      outcome(() => a.set([i8([5, 1])], arange(3, '<f8'))),
      outcome(() => a.set([i8([5, 1])], arange(2, '<f8'))),
      outcome(() => arange(6, '<f8').reshape([3, 2]).set([i8([5]), i8([1, 1, 1])], arange(4, '<f8'))),
    ];
    const py = runNumpy<unknown[]>(`${PY_OUTCOME}
a = np.arange(3.0)
def s1(): a[np.array([5, 1])] = np.arange(3.0)
def s2(): a[np.array([5, 1])] = np.arange(2.0)
def s3(): np.arange(6.0).reshape(3, 2)[np.array([5]), np.array([1, 1, 1])] = np.arange(4.0)
print(json.dumps([outcome(s1), outcome(s2), outcome(s3)]))`);
    expect(ours).toEqual(py);
    expect(a.toArray()).toEqual([0, 1, 2]);
  });

  test('a[i] = array of one or more dimensions is refused at an element position, bounds first (bool takes a size-1 truth)', () => {
    const cases: [string, number[], string][] = [
      ['<f8', [1], '1'], ['<f8', [1, 1], '1'], ['<i2', [1], '-1'], ['<c16', [1], '1'], ['<c8', [2], '1'],
      ['|b1', [1], '1'], ['|b1', [2], '1'], ['<f8', [1], '5'], ['<f8', [], '1'],
    ];
    const ours = cases.map(([dt, vshape, i]) =>
      outcome(() => {
        const a = arange(3, '<f8').astype(dt);
        a.set(i, arange(vshape.reduce((x, y) => x * y, 1), '<f8').reshape(vshape).astype('<f8'));
        // A 0-d index array at every axis is an element position too.
        if (i === '1') a.set([fromBuffer(new BigInt64Array([1n]), '<i8').reshape([])], arange(vshape.reduce((x, y) => x * y, 1), '<f8').reshape(vshape));
        return a;
      }),
    );
    const py = runNumpy<unknown[]>(`${PY_OUTCOME}
def run(dt, vshape, i):
    a = np.arange(3.0).astype(dt)
    a[int(i)] = np.arange(int(np.prod(vshape)), dtype='<f8').reshape(vshape)
    if i == '1': a[np.array(1)] = np.arange(int(np.prod(vshape)), dtype='<f8').reshape(vshape)
    return a
print(json.dumps([outcome(lambda c=c: run(*c)) for c in ${JSON.stringify(cases)}]))`);
    expect(ours).toEqual(py);
  });

  test('a[i] = a JS array (a Python list) at an element position: the item type\'s conversion error, bounds first, bool takes the list\'s truth', () => {
    const dts = ['|b1', '|i1', '<u8', '<i8', '<f2', '>f4', '<f8', '|S3', '|V2'];
    const values: unknown[] = [[0], [], [[0]], [1, 2]];
    const cases = dts.flatMap((dt) => values.flatMap((v) => ['1', '5'].map((i) => [dt, v, i] as const)));
    const ours = cases.map(([dt, v, i]) =>
      outcome(() => {
        const a = zeros(3, dt);
        a.set(Number(i), v);
        a.set([fromBuffer(new BigInt64Array([BigInt(i)]), '<i8').reshape([])], v);
        return a;
      }),
    );
    const py = runNumpy<unknown[]>(`${PY_OUTCOME}
def run(dt, v, i):
    a = np.zeros(3, dt)
    a[int(i)] = v
    a[np.array(int(i))] = v
    return a
print(json.dumps([outcome(lambda c=c: run(*c)) for c in ${JSON.stringify(cases)}]))`);
    expect(ours).toEqual(py);
  });

  test("addAt converts a Python scalar as np.asarray does: uint64 + int adds in float64, float16/float32 round once from float64", () => {
    const u = fromBuffer(new BigUint64Array([2n ** 53n + 1n, 5n, 2n ** 63n + 3n]), '<u8');
    const h = fromBuffer(new Float64Array([1, 1, 0.1])).astype('<f2');
    const f = fromBuffer(new Float64Array([1, 0.1, 3])).astype('<f4');
    const b = fromBuffer(new Float64Array([1, 0.1, 3])).astype('>f4');
    const idx = i8([0, 1, 2, 0]);
    F.addAt(u, idx, 1);
    F.addAt(h, idx, 2049);
    F.addAt(f, idx, 16777217);
    F.addAt(b, [idx], 0.1);
    const ours = [u, h, f, b].map((x) => encode(x));
    const py = runNumpy<unknown[]>(`${PY_ENCODE}
u = np.array([2**53 + 1, 5, 2**63 + 3], dtype='<u8'); h = np.array([1, 1, 0.1]).astype('<f2')
f = np.array([1, 0.1, 3]).astype('<f4'); b = np.array([1, 0.1, 3]).astype('>f4'); idx = np.array([0, 1, 2, 0])
np.add.at(u, idx, 1); np.add.at(h, idx, 2049); np.add.at(f, idx, 16777217); np.add.at(b, idx, 0.1)
print(json.dumps([encode(x) for x in (u, h, f, b)]))`);
    expect(ours).toEqual(py);
  });

  test('take of a 0-d array with an axis reads it as 1-d; clip of bool with no bounds; searchsorted of records for numbers', () => {
    const z = arange(6, '<f8').index(4);
    const rec = fromBuffer(new Uint16Array([1, 2, 3]), [['a', '<u2']] as never);
    const ours = [
      outcome(() => F.take(z, i8([0, 0]), { axis: 0 })),
      outcome(() => F.take(z, i8([0]), { axis: -1 })),
      outcome(() => F.take(z, i8([0]), { axis: 1 })),
      outcome(() => F.take(z, i8([3]), { axis: 0, mode: 'wrap' })),
      outcome(() => clip(fromBuffer(new Uint8Array([1, 0]), '|b1'), null, null)),
      outcome(() => clip(arange(2, '<i4'), null, null)),
      outcome(() => S.searchsorted(rec, 2)),
      outcome(() => S.searchsorted(rec, fromBuffer(new Float64Array([2.5])))),
      outcome(() => S.searchsorted(rec, fromBuffer(new Float64Array([])))),
      outcome(() => S.searchsorted(arange(3, '<f8'), rec)),
      outcome(() => S.searchsorted(rec, { re: 1, im: 2 })),
    ];
    const py = runNumpy<unknown[]>(`${PY_OUTCOME}
z = np.arange(6.0)[4]; z = np.asarray(z)
rec = np.array([(1,), (2,), (3,)], dtype=[('a', '<u2')])
print(json.dumps([outcome(f) for f in [
    lambda: np.take(z, [0, 0], axis=0), lambda: np.take(z, [0], axis=-1), lambda: np.take(z, [0], axis=1),
    lambda: np.take(z, [3], axis=0, mode='wrap'), lambda: np.clip(np.array([True, False]), None, None),
    lambda: np.clip(np.arange(2, dtype='<i4'), None, None), lambda: np.searchsorted(rec, 2),
    lambda: np.searchsorted(rec, np.array([2.5])), lambda: np.searchsorted(rec, np.array([])),
    lambda: np.searchsorted(np.arange(3.0), rec), lambda: np.searchsorted(rec, 1 + 2j)]]))`);
    expect(ours).toEqual(py);
  });
});

describe("putmask of a complex value into a real array is NumPy's TypeError (Python's float()/int() of a complex)", () => {
  test('JS complex values, in a list too, and a 0-d complex array', () => {
    const f = zeros([3], '<f8');
    // np.putmask(np.zeros(3), [1, 0, 1], 1j): TypeError float() argument must be a string or a real number, not 'complex'
    expect(() => F.putmask(f, [true, false, true], { re: 0, im: 1 })).toThrow(new TypeError("float() argument must be a string or a real number, not 'complex'"));
    expect(() => F.putmask(f, [true, false, true], { re: 1, im: 0 })).toThrow("float() argument must be a string or a real number, not 'complex'");
    expect(() => F.putmask(f.astype('<f2'), [true, false, true], [1, { re: 0, im: 1 }])).toThrow("float() argument must be a string or a real number, not 'complex'");
    expect(() => F.putmask(zeros([3], '|u1'), [true, false, true], { re: 0, im: 1 })).toThrow("int() argument must be a string, a bytes-like object or a real number, not 'complex'");
    // np.putmask(a, m, np.array(1j)): Cannot cast scalar from dtype('complex128') to dtype('float64') according to the rule 'safe'
    expect(() => F.putmask(f, [true, false, true], zeros([], '<c16'))).toThrow("Cannot cast scalar from dtype('complex128') to dtype('float64') according to the rule 'safe'");
    expect(() => F.putmask(f, [true, false, true], zeros([1], '<c16'))).toThrow("Cannot cast array data from dtype('complex128') to dtype('float64') according to the rule 'safe'");
    expect(f.toArray()).toEqual([0, 0, 0]);
    // bool takes Python's truth of a complex (np.putmask(np.zeros(3, bool), m, 1j) writes True)
    const b = zeros([3], '|b1');
    F.putmask(b, [true, false, true], { re: 0, im: 1 });
    expect(b.toArray()).toEqual([true, false, true]);
  });
});

test("argwhere of a 2^40-item broadcast view: a RangeError naming the size, not V8's 'Invalid array length'", () => {
  const big = broadcastTo(fromBuffer(new Uint8Array([1]), '|u1'), [2 ** 20, 2 ** 20]);
  expect(() => F.argwhere(big)).toThrow(new RangeError('cannot read 1099511627776 items (shape (1048576, 1048576), |u1) into memory: the values of at most 4294967295 items fit in a JS list'));
});

describeWithNumpy('putmask matches NumPy', () => {
  test('values repeat by flat position over any layout; mask of any dtype and shape; safe casts', () => {
    const run = (): unknown[] => {
      const out: unknown[] = [];
      // a transposed (F-order) target: positions run in a's C order
      let a: NdArray = zeros([2, 3], '<f8').T;
      F.putmask(a, R.any(arange(6).reshape([3, 2]).reshape([3, 2, 1]), 2).reshape([3, 2]), arange(6).astype('<f8'));
      out.push(encode(a));
      // an int mask (truth values), values shorter than the trues: by position, not by count
      a = arange(7).astype('<i2');
      F.putmask(a, fromBuffer(new Int32Array([0, 2, 0, -1, 1, 0, 5]), '<i4'), fromBuffer(new BigInt64Array([100n, 200n, 300n]), '<i8').astype('<i2'));
      out.push(encode(a));
      // a 2-d mask for a 1-d array of the same size, a strided target, a JS scalar
      a = arange(12).astype('<u1').index('::2');
      F.putmask(a, fromBuffer(new Uint8Array([1, 0, 0, 1, 1, 0]), '|b1').reshape([2, 3]), 250);
      out.push(encode(a));
      // a JS float into ints truncates, as NumPy's np.array(1.7, int)
      a = arange(3);
      F.putmask(a, [true, false, true], 1.7);
      out.push(encode(a));
      // no values: nothing written
      a = arange(3);
      F.putmask(a, [true, true, true], []);
      out.push(encode(a));
      return out;
    };
    const py = runNumpy<unknown[]>(`${PY_ENCODE}
out = []
a = np.zeros((2, 3)).T
np.putmask(a, np.arange(6).reshape(3, 2, 1).any(2), np.arange(6.))
out.append(encode(a))
a = np.arange(7).astype('<i2')
np.putmask(a, np.array([0, 2, 0, -1, 1, 0, 5], '<i4'), np.array([100, 200, 300]).astype('<i2'))
out.append(encode(a))
a = np.arange(12).astype('u1')[::2]
np.putmask(a, np.array([1, 0, 0, 1, 1, 0], bool).reshape(2, 3), 250)
out.append(encode(a))
a = np.arange(3)
np.putmask(a, [True, False, True], 1.7)
out.append(encode(a))
a = np.arange(3)
np.putmask(a, [True, True, True], [])
out.append(encode(a))
print(json.dumps(out))`);
    expect(run()).toEqual(py);
  });

  test('refusals write nothing: mask size, unsafe cast, out-of-range ints, read-only', () => {
    const a = arange(3).astype('<u1');
    expect(() => F.putmask(a, [true], 5)).toThrow('putmask: mask and data must be the same size');
    expect(() => F.putmask(a, [true, false, true], arange(2))).toThrow("Cannot cast array data from dtype('int64') to dtype('uint8') according to the rule 'safe'");
    expect(() => F.putmask(a, [true, false, true], 300)).toThrow(RangeError);
    expect(a.toArray()).toEqual([0, 1, 2]);
    a.flags.writeable = false;
    expect(() => F.putmask(a, [true, false, true], 1)).toThrow(AccessError);
    expect(() => F.putmask([1, 2] as never, [true, false], 1)).toThrow(TypeError);
  });
});

describe('an index broadcast to no item checks no bound, as NumPy (fuzz seed 9841733)', () => {
  test('a[[5], []] of a 2 x 3 array is empty; a non-empty index still checks', () => {
    const a = mm.zeros([2, 3]);
    // NumPy 2.4: np.zeros((2, 3))[np.array([5]), np.array([], int)].shape == (0,)
    expect(a.index(mm.array([5]), mm.array([], '<i8')).shape).toEqual([0]);
    a.set([mm.array([5]), mm.array([], '<i8')], 1);
    expect(mm.sum(a).item()).toBe(0);
    expect(() => a.index(mm.array([5]))).toThrow(new mm.IndexError('index 5 is out of bounds for axis 0 with size 2'));
    expect(() => mm.zeros([2, 0]).index(mm.array([5]), ':')).toThrow(mm.IndexError);
  });
});

describeWithNumpy('a value array with more axes than the index result, against NumPy', () => {
  // NumPy's mapiter reshapes such a value array to its last axes when the item
  // counts agree: leading length-1 axes, or any axes of an empty array
  // (np.insert(zeros(0), [], zeros((0, 0))) relies on it; fuzz seeds 9822271, 9841733).
  const CASES: [number[], 'empty' | 'one' | 'slice' | 'last', number[]][] = [
    [[0], 'empty', [0, 0]],
    [[0], 'empty', [2, 0]],
    [[0], 'empty', [2, 3]],
    [[5], 'empty', [3]],
    [[5], 'empty', [2, 0]],
    [[5], 'empty', [1, 2, 0]],
    [[5], 'empty', [2, 1]],
    [[3, 4], 'slice', [2, 4]],
    [[3, 4], 'slice', [0, 3]],
    [[3, 4], 'slice', [5, 0, 3]],
    [[3, 4], 'slice', [5, 0, 4]],
    [[3, 4], 'last', [3, 1]],
    [[5], 'one', [2, 0]],
    [[5], 'one', [1, 1, 1]],
    [[0, 3], 'empty', [2, 0]],
  ];
  test('accepted or refused with the same message, for 15 shapes', () => {
    const theirs = runNumpy<(string | null)[]>(`E = np.array([], dtype=np.intp)
out = []
for shape, idx, vshape in ${JSON.stringify(CASES.map(([s, i, v]) => [s, i, v]))}:
    a = np.zeros(shape)
    try:
        a[eval({'empty': 'E', 'one': 'np.array([1])', 'slice': '(E, slice(None))', 'last': '(slice(None), E)'}[idx])] = np.ones(vshape)
        out.append(None)
    except ValueError as e:
        out.append(str(e))
print(json.dumps(out))`);
    const E = zeros([0], '<i8');
    const items = { empty: [E], one: [mm.array([1])], slice: [E, slice()], last: [slice(), E] };
    const ours = CASES.map(([shape, idx, vshape]) => {
      try {
        zeros(shape).set(items[idx], mm.ones(vshape));
        return null;
      } catch (e) {
        expect(e).toBeInstanceOf(ValueError);
        return (e as Error).message;
      }
    });
    expect(ours).toEqual(theirs);
    expect(mm.insert(zeros([0], '<f4'), [], zeros([0, 0], '<f4')).shape).toEqual([0]);
  });
});

// NumPy casts an index array to intp 'same_kind': uint64 is read as int64, so
// 2^64 - 1 is -1 (the last item) and 2^63 is -2^63 (out of bounds, named
// exactly); a list is first the array NumPy makes of it (uint64 when every
// integer is 2^63 or more; beside smaller ones, or past 2^64 - 1, not an index).
{
  const U = 2n ** 64n - 1n;
  const cases: Case[] = [
    { py: "np.arange(10.)[np.full(3, 2**64-1, 'u8')]", js: () => arange(10, 'f8').index(mm.full(3, U, 'u8')) },
    { py: "np.arange(10.)[np.full(300, 2**64-2, '>u8')]", js: () => arange(10, 'f8').index(mm.full(300, U - 1n, '>u8')) },
    { py: "np.arange(10.)[np.full(3, 2**63, 'u8')]", js: () => arange(10, 'f8').index(mm.full(3, 2n ** 63n, 'u8')) },
    { py: "np.arange(10.)[np.full(300, 2**63, 'u8')]", js: () => arange(10, 'f8').index(mm.full(300, 2n ** 63n, 'u8')) },
    { py: "np.arange(100.).reshape(10, 10)[np.full(300, 2**64-1, 'u8'), np.arange(300) % 10]", js: () => arange(100, 'f8').reshape([10, 10]).index(mm.full(300, U, 'u8'), mm.remainder(arange(300), 10)) },
    { py: "np.arange(100.).reshape(10, 10)[np.full(3, -2**63, 'i8'), np.arange(3)]", js: () => arange(100, 'f8').reshape([10, 10]).index(mm.full(3, -(2n ** 63n), 'i8'), arange(3)) },
    { py: "np.arange(10.)[np.full(3, 2**62 + 1, 'i8')]", js: () => arange(10, 'f8').index(mm.full(3, 2n ** 62n + 1n, 'i8')) },
    { py: "np.take(np.arange(10.), np.array([2**63], 'u8'))", js: () => F.take(arange(10, 'f8'), mm.array([2n ** 63n], 'u8')) },
    { py: "np.take_along_axis(np.arange(10.), np.array([2**64-2], 'u8'), 0)", js: () => mm.takeAlongAxis(arange(10, 'f8'), mm.array([U - 1n], 'u8'), 0) },
    { py: "np.arange(10.)[np.array(2**64-1, 'u8')]", js: () => arange(10, 'f8').index(mm.array(U, 'u8')) },
    { py: "np.arange(10.)[np.array(5, 'u8')]", js: () => arange(10, 'f8').index(mm.array(5, 'u8')) },
    { py: "np.zeros((10, 10))[np.array(2**63, 'u8'), [1, 2]]", js: () => zeros([10, 10]).index(mm.array(2n ** 63n, 'u8'), [1, 2]) },
    { py: "(lambda b: (np.add.at(b, np.array(2**64-1, 'u8'), 1), b)[1])(np.zeros(10))", js: () => { const b = zeros(10); F.addAt(b, mm.array(U, 'u8'), 1); return b; } },
    { py: 'np.arange(10.)[[2**64-1]]', js: () => arange(10, 'f8').index([U]) },
    { py: 'np.arange(10.)[[True, 2**63]]', js: () => arange(10, 'f8').index([true, 2n ** 63n]) },
    { py: 'np.arange(10.)[[1, 2**63]]', js: () => arange(10, 'f8').index([1, 2n ** 63n]) },
    { py: 'np.arange(10.)[[2**64]]', js: () => arange(10, 'f8').index([2n ** 64n]) },
    { py: 'np.arange(10.)[[-2**63-1]]', js: () => arange(10, 'f8').index([-(2n ** 63n) - 1n]) },
    { py: "(lambda b: (b.__setitem__(np.full(3, 2**64-1, 'u8'), 7), b)[1])(np.zeros(10))", js: () => { const b = zeros(10); b.set([mm.full(3, U, 'u8')], 7); return b; } },
    { py: "(lambda b: (b.__setitem__(np.full(300, 2**64-3, 'u8'), 7), b)[1])(np.zeros(10))", js: () => { const b = zeros(10); b.set([mm.full(300, U - 2n, 'u8')], 7); return b; } },
    { py: "(lambda b: (np.add.at(b, np.full(3, 2**64-1, 'u8'), 1), b)[1])(np.zeros(10))", js: () => { const b = zeros(10); F.addAt(b, mm.full(3, U, 'u8'), 1); return b; } },
    { py: "(lambda b: (np.add.at(b, np.full(300, 2**64-1, 'u8'), 1), b)[1])(np.zeros(10))", js: () => { const b = zeros(10); F.addAt(b, mm.full(300, U, 'u8'), 1); return b; } },
    { py: "(lambda b: (np.put_along_axis(b, np.array([2**64-2], 'u8'), 5, 0), b)[1])(np.zeros(10))", js: () => { const b = zeros(10); mm.putAlongAxis(b, mm.array([U - 1n], 'u8'), 5, 0); return b; } },
  ];
  describeWithNumpy('uint64 index arrays and lists past 2^63 are read as NumPy reads them (int64, same_kind)', () => {
    const want = numpyOutcomes(cases);
    test.each(cases.map((c, i) => [c.py, i]))('%s', (_py, i) => {
      const w = want[i as number];
      const got = jsOutcome(cases[i as number]);
      if (w.error !== undefined) expect([got.error, got.message]).toEqual([w.error, w.message]);
      else expect(got).toEqual(w);
    });
  });
}
