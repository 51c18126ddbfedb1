// packbits, unpackbits (lib/bits.ts) against NumPy over every axis, bit
// order and count, and NumPy's test_packbits.py, ported.
import { packbits, unpackbits } from '../lib/bits';
import { array, empty, fromBuffer } from '../lib';
import { ValueError } from '../lib/errors';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { hexOf } from './helpers/np-compare';
import { vals } from './helpers/np-array';

describeWithNumpy('packbits / unpackbits against NumPy', () => {
  test('random 3-d inputs of every int dtype, every axis and null, both bit orders, counts', () => {
    const want = runNumpy<{ src: Record<string, string>; packed: Record<string, string>; u: string; unpacked: Record<string, string> }>(`
rng = np.random.default_rng(6)
base = rng.integers(-3, 3, size=(5, 9, 11))
base[base < 0] = 0
src, packed = {}, {}
for dt in ['|b1', '<i1', '<u1', '<i4', '>u2', '<i8']:
    a = base.astype(dt)
    src[dt] = a.tobytes().hex()
    for ax in [None, 0, 1, 2, -1]:
        for bo in ['big', 'little']:
            packed[f'{dt},{ax},{bo}'] = np.packbits(a, axis=ax, bitorder=bo).tobytes().hex() + '|' + str(list(np.packbits(a, axis=ax, bitorder=bo).shape))
u = rng.integers(0, 256, size=(3, 4, 5)).astype(np.uint8)
unpacked = {}
for ax in [None, 0, 1, 2]:
    for bo in ['big', 'little']:
        for count in [None, 0, 3, 13, -5, 50]:
            r = np.unpackbits(u, axis=ax, bitorder=bo, count=count)
            unpacked[f'{ax},{bo},{count}'] = r.tobytes().hex() + '|' + str(list(r.shape))
print(json.dumps({'src': src, 'packed': packed, 'u': u.tobytes().hex(), 'unpacked': unpacked}))
`);
    const bad: string[] = [];
    for (const [k, w] of Object.entries(want.packed)) {
      const [dt, ax, bo] = k.split(',');
      const a = fromBuffer(new Uint8Array(Buffer.from(want.src[dt], 'hex')).buffer, dt as never).reshape([5, 9, 11]);
      const r = packbits(a, { axis: ax === 'None' ? null : Number(ax), bitorder: bo as never });
      const got = `${hexOf(r)}|[${r.shape.join(', ')}]`;
      if (got !== w) bad.push(k);
    }
    const u = fromBuffer(new Uint8Array(Buffer.from(want.u, 'hex')).buffer, 'u1').reshape([3, 4, 5]);
    for (const [k, w] of Object.entries(want.unpacked)) {
      const [ax, bo, count] = k.split(',');
      const r = unpackbits(u, { axis: ax === 'None' ? null : Number(ax), bitorder: bo as never, count: count === 'None' ? null : Number(count) });
      if (`${hexOf(r)}|[${r.shape.join(', ')}]` !== w) bad.push(k);
    }
    expect(bad).toEqual([]);
  });

  test('the result is F-ordered for an F-ordered (not C-ordered) input along an axis, as NumPy allocates it', () => {
    const want = runNumpy<string[][]>(`
a = np.arange(24, dtype='u1').reshape(2, 3, 4)
ins = [a, a.copy('F'), a.transpose(2, 0, 1), a.copy('F')[::-1], a[:, :1, :].copy('F')]
print(json.dumps([[str(np.packbits(x, axis=ax).strides) + str(np.unpackbits(x, axis=ax).strides) for ax in [0, 1, -1, None]] for x in ins]))`);
    const a = array(Array.from({ length: 24 }, (_, i) => i), 'u1').reshape([2, 3, 4]);
    const ins = [a, a.copy('F'), a.transpose([2, 0, 1]), a.copy('F').index('::-1'), a.index(':, :1, :').copy('F')];
    const py = (st: readonly number[]): string => (st.length === 1 ? `(${st[0]},)` : `(${st.join(', ')})`);
    const got = ins.map((x) => [0, 1, -1, null].map((axis) => py(packbits(x, { axis }).strides) + py(unpackbits(x, { axis }).strides)));
    expect(got).toEqual(want);
  });
});

// numpy/lib/tests/test_packbits.py.
describe('ported: test_packbits', () => {
  const a = [[[1, 0, 1], [0, 1, 0]], [[1, 1, 0], [0, 0, 1]]];
  test('test_packbits', () => {
    for (const dt of ['?', 'i1', 'u1', 'i2', 'u2', 'i4', 'u4', 'i8', 'u8']) {
      const b = packbits(array(a, dt as never), { axis: -1 });
      expect(b.dtype.str).toBe('|u1');
      expect(vals(b)).toEqual([[[160], [64]], [[192], [32]]]);
    }
    expect(() => packbits(array(a, 'f8'))).toThrow(new TypeError('Expected an input array of integer or boolean data type'));
  });
  test('test_packbits_empty / test_packbits_empty_with_axis', () => {
    const shapes: [number[], number[][]][] = [
      [[0], [[0]]],
      [[10, 20, 0], [[2, 20, 0], [10, 3, 0], [10, 20, 0]]],
      [[10, 0, 20], [[2, 0, 20], [10, 0, 20], [10, 0, 3]]],
      [[0, 10, 20], [[0, 10, 20], [0, 2, 20], [0, 10, 3]]],
      [[20, 0, 0], [[3, 0, 0], [20, 0, 0], [20, 0, 0]]],
      [[0, 0, 0], [[0, 0, 0], [0, 0, 0], [0, 0, 0]]],
    ];
    for (const dt of ['?', 'i1', 'u1', 'i4', 'u8']) {
      for (const [inShape, outShapes] of shapes) {
        expect(packbits(empty(inShape, dt as never)).shape).toEqual([0]);
        outShapes.forEach((out, ax) => {
          const b = packbits(empty(inShape, dt as never), { axis: ax });
          expect([dt, inShape, ax, b.dtype.str, b.shape]).toEqual([dt, inShape, ax, '|u1', out]);
        });
      }
    }
  });
  test('test_unpackbits / test_pack_unpack_order', () => {
    const u = array([[2], [7], [23]], 'u1');
    const b = unpackbits(u, { axis: 1 });
    expect(b.dtype.str).toBe('|u1');
    expect(vals(b)).toEqual([[0, 0, 0, 0, 0, 0, 1, 0], [0, 0, 0, 0, 0, 1, 1, 1], [0, 0, 0, 1, 0, 1, 1, 1]]);
    const little = unpackbits(u, { axis: 1, bitorder: 'little' });
    expect(vals(little)).toEqual(vals(b.index(':, ::-1')));
    expect(vals(packbits(little, { axis: 1, bitorder: 'little' }))).toEqual(vals(u));
    expect(vals(packbits(b, { axis: 1, bitorder: 'big' }))).toEqual(vals(u));
    expect(() => unpackbits(u, { bitorder: 'r' as never })).toThrow(ValueError);
    expect(() => unpackbits(u, { bitorder: 10 as never })).toThrow(TypeError);
    expect(() => unpackbits(array([1], 'i1'))).toThrow(new TypeError('Expected an input array of unsigned byte data type'));
    expect(() => unpackbits(u, { axis: 1, count: -9 })).toThrow(new ValueError('-count larger than number of elements'));
  });
  test('test_unpackbits_empty / _with_axis', () => {
    expect(unpackbits(empty([0], 'u1')).shape).toEqual([0]);
    const shapes: [number[][], number[]][] = [
      [[[2, 24, 0], [16, 3, 0], [16, 24, 0]], [16, 24, 0]],
      [[[0, 16, 24], [0, 2, 24], [0, 16, 3]], [0, 16, 24]],
      [[[3, 0, 0], [24, 0, 0], [24, 0, 0]], [24, 0, 0]],
    ];
    for (const [ins, out] of shapes) ins.forEach((s, ax) => expect(unpackbits(empty(s, 'u1'), { axis: ax }).shape).toEqual(out));
  });
});
