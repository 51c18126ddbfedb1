// NumPy parity details of NdArray (issue 13): ravel's copy is an owner,
// multi-field views of aligned structs keep isalignedstruct, the base
// arrayFinalize, and error classes of a few refusals.
import { inspect } from 'util';
import { arange, ndarray, zeros } from '../lib/create';
import { dtype } from '../lib/dtype';
import { KeyError, ValueError } from '../lib/errors';
import { NdArray } from '../lib/ndarray';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

const RAVELS: [string, (a: NdArray) => NdArray][] = [
  ['a.T.ravel()', (a) => a.T.ravel()],
  ['a[:, ::2].ravel()', (a) => a.index(':, ::2').ravel()],
  ['a.ravel("F")', (a) => a.ravel('F')],
  ['a[::-1].ravel("K")', (a) => a.index('::-1').ravel('K')],
  ['a.T[:, ::2].ravel("A")', (a) => a.T.index(':, ::2').ravel('A')],
  ['a[:0, ::2].ravel()', (a) => a.index(':0, ::2').ravel()],
  ['a.ravel()', (a) => a.ravel()],
];

describeWithNumpy('NdArray parity against NumPy', () => {
  test('ravel that copies returns the owner of the copy (flags.owndata, base None); one that views does not', () => {
    const want = runNumpy<{ own: boolean; baseNone: boolean; strides: number[]; values: number[] }[]>(`
a = np.arange(12, dtype='<i2').reshape(3, 4)
out = []
for r in [${RAVELS.map(([e]) => e).join(', ')}]:
    out.append(dict(own=bool(r.flags.owndata), baseNone=r.base is None, strides=list(r.strides), values=r.tolist()))
print(json.dumps(out))
`);
    const got = RAVELS.map(([, f]) => {
      const r = f(arange(12, '<i2').reshape([3, 4]));
      return { own: r.flags.ownData, baseNone: r.base === null, strides: [...r.strides], values: r.toArray() };
    });
    expect(got).toEqual(want);
  });

  test("multi-field views keep the aligned struct's isalignedstruct, with alignment 1, and print as NumPy does", () => {
    const want = runNumpy<[boolean, number, string, string][]>(`
out = []
for aligned in (True, False):
    a = np.zeros(3, np.dtype([('a', 'u1'), ('b', '<i8'), ('c', '<i4')], align=aligned))
    for names in (['b', 'c'], ['c', 'a'], ['a', 'b', 'c']):
        d = a[names].dtype
        out.append([bool(d.isalignedstruct), d.alignment, str(d), repr(d)])
print(json.dumps(out))
`);
    const got: [boolean, number, string, string][] = [];
    for (const align of [true, false]) {
      const a = zeros(3, dtype([['a', 'u1'], ['b', '<i8'], ['c', '<i4']], { align }));
      for (const names of [['b', 'c'], ['c', 'a'], ['a', 'b', 'c']]) {
        const d = a.fields(names).dtype;
        got.push([d.isalignedstruct, d.alignment, String(d), inspect(d)]);
      }
    }
    expect(got).toEqual(want);
  });
});

test('a ravel copy keeps the subclass and is its own owner', () => {
  class Tagged extends NdArray {}
  const r = arange(12, '<i2').reshape([3, 4]).view(Tagged).T.ravel();
  expect(r).toBeInstanceOf(Tagged);
  expect(r.base).toBeNull();
  expect(r.flags.ownData).toBe(true);
});

test('fields() with names that are not strings is a TypeError; an unknown name stays a KeyError', () => {
  const a = zeros(2, [['a', '<i4'], ['b', '<i4']]);
  expect(() => a.fields([1, 2] as never)).toThrow(TypeError);
  expect(() => a.fields('a' as never)).toThrow(TypeError);
  expect(() => a.fields(['q'])).toThrow(KeyError);
});

test("ndarray() reaching outside its buffer is NumPy's TypeError (too small a buffer) or ValueError (strides leaving it)", () => {
  expect(() => ndarray([3], '<u4', new ArrayBuffer(8))).toThrow(TypeError);
  expect(() => ndarray([3], '<u4', new ArrayBuffer(8))).toThrow('buffer is too small for requested array');
  expect(() => ndarray([2], 'u1', new ArrayBuffer(8), { offset: 1, strides: [-2] })).toThrow(
    'strides is incompatible with shape of requested array and size of buffer: bytes [-1, 2) of a 8-byte buffer',
  );
});

test('a subclass can call super.arrayFinalize(from), as NumPy subclasses call ndarray.__array_finalize__', () => {
  const seen: (NdArray | null)[] = [];
  class Child extends NdArray {
    override arrayFinalize(from: NdArray | null): void {
      super.arrayFinalize(from);
      seen.push(from);
    }
  }
  const a = arange(4, 'u1');
  const c = a.view(Child);
  expect(seen).toEqual([a]);
  expect(NdArray.prototype.arrayFinalize.call(c, null)).toBeUndefined();
});
