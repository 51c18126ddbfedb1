// .npz archives (lib/npy/npz.ts) with NumPy at run time, both ways: NumPy's
// savez/savez_compressed read here, ours read by np.load (keys, dtypes,
// shapes, Fortran order, bytes); load of .npy files; mmapMode mapping stored
// members; replacing an archive a live array maps; NumPy's refusals
// (object arrays under allow_pickle=False, a pickle, a missing key).
import * as fs from 'fs';
import { AccessError, KeyError, Memmap, NpzFile, ValueError, asarray, load, savez, savezCompressed, saveNpy, zeros } from '../../lib';
import type { NdArray } from '../../lib';
import { setZip64Threshold } from '../../lib/npy/zip';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';
import { hexOf } from '../helpers/np-compare';
import { seeded, shared } from '../helpers/np-data';
import { TempDir } from '../helpers/tmp';

const tmp = new TempDir('mmarray-npz-');
afterAll(() => tmp.remove());

function data(shape: number[], seed: number, dtype: string): ReturnType<typeof shared> {
  const r = seeded(seed);
  const n = shape.reduce((p, s) => p * s, 1);
  return shared(Array.from({ length: n }, () => Math.floor(r() * 200) - 100), dtype, shape);
}

interface Member {
  dtype: string;
  shape: number[];
  fortran: boolean;
  hex: string;
}

const describeArray = (a: NdArray): Member => ({
  dtype: a.dtype.isStructured ? JSON.stringify(a.dtype.descr) : a.dtype.str,
  shape: [...a.shape],
  fortran: a.flags.fContiguous && !a.flags.cContiguous && a.ndim > 1,
  hex: hexOf(a),
});

const PY_DESCRIBE = `
def describe(a):
    return {'dtype': a.dtype.str if a.dtype.names is None else json.dumps(a.dtype.descr, separators=(',', ':')),
            'shape': list(a.shape), 'fortran': bool(a.flags.f_contiguous and not a.flags.c_contiguous and a.ndim > 1),
            'hex': a.tobytes().hex()}
`;

// The same arrays on both sides: ints in several dtypes and byte orders, a
// Fortran-ordered matrix, a strided view, a 0-d array, an empty one, a record.
function arrays(): { py: string; js: Record<string, NdArray> } {
  const a = data([3, 4], 1, '>i4');
  const b = data([5], 2, '<f2');
  const c = data([2, 3, 2], 3, '<c16');
  const rec = zeros(3, [['x', '<i2'], ['y', '>f8']]);
  rec.field('x').set(asarray([1, -2, 3], '<i2'));
  rec.field('y').set(asarray([0.5, 1e300, -0.0], '>f8'));
  return {
    py: `{'a': ${a.py}, 'b': ${b.py}, 'c': ${c.py}, 'f': np.asfortranarray(${a.py}), 'v': ${c.py}[:, ::-1, 1],
      'z': np.array(7, 'u8'), 'e': np.zeros((0, 3), 'i1'), 'r': np.array([(1, 0.5), (-2, 1e300), (3, -0.0)], [('x', '<i2'), ('y', '>f8')]),
      'non ascii é': np.arange(3, dtype='u1'), 'dir/inner': np.arange(2, dtype='i8')}`,
    js: {
      a: a.arr, b: b.arr, c: c.arr, f: a.arr.copy('F'), v: c.arr.index(':, ::-1, 1'), z: asarray(7n, '<u8'),
      e: zeros([0, 3], '|i1'), r: rec, 'non ascii é': asarray([0, 1, 2], '|u1'), 'dir/inner': asarray([0, 1], '<i8'),
    },
  };
}

describeWithNumpy('.npz interop with NumPy', () => {
  for (const compressed of [false, true]) {
    const fn = compressed ? 'savez_compressed' : 'savez';
    test(`NumPy's ${fn} read here: keys, dtypes, shapes, order and bytes`, () => {
      const p = tmp.path(`np-${fn}.npz`);
      const { py } = arrays();
      const want = runNumpy<{ files: string[]; members: Member[] }>(`${PY_DESCRIBE}
d = ${py}
np.${fn}(${JSON.stringify(p)}, np.arange(4, dtype='<i2'), **d)
with np.load(${JSON.stringify(p)}) as z:
    print(json.dumps({'files': z.files, 'members': [describe(z[k]) for k in z.files]}))
`);
      const z = load(p) as NpzFile;
      expect(z).toBeInstanceOf(NpzFile);
      expect([...z.files]).toEqual(want.files);
      expect(z.files.map((k) => describeArray(z.get(k)))).toEqual(want.members);
      z.close();
    });

    test(`our ${compressed ? 'savezCompressed' : 'savez'} read by np.load: keys, dtypes, shapes, order and bytes (and back here)`, () => {
      const p = tmp.path(`js-${fn}.npz`);
      const { js } = arrays();
      (compressed ? savezCompressed : savez)(p, js);
      const want = runNumpy<{ files: string[]; members: Member[]; methods: number[] }>(`${PY_DESCRIBE}
import zipfile
with np.load(${JSON.stringify(p)}) as z:
    files = z.files
    members = [describe(z[k]) for k in files]
with zipfile.ZipFile(${JSON.stringify(p)}) as f:
    assert f.testzip() is None
    methods = [i.compress_type for i in f.infolist()]
print(json.dumps({'files': files, 'members': members, 'methods': methods}))
`);
      expect(want.files).toEqual(Object.keys(js));
      expect(want.members).toEqual(Object.values(js).map(describeArray));
      expect(want.methods).toEqual(Object.keys(js).map(() => (compressed ? 8 : 0)));
      const z = load(p) as NpzFile;
      expect(z.files.map((k) => describeArray(z.get(k)))).toEqual(want.members);
      z.close();
    });
  }

  test('positional arrays are arr_0, arr_1, ...; one array is arr_0; a path without .npz gets it', () => {
    const p = tmp.path('positional');
    savez(p, [asarray([1, 2], '<i4'), [[1.5]]]);
    expect(fs.existsSync(p)).toBe(false);
    const want = runNumpy<unknown>(`${PY_DESCRIBE}
with np.load(${JSON.stringify(`${p}.npz`)}) as z:
    print(json.dumps([z.files, [describe(z[k]) for k in z.files]]))
`);
    expect(want).toEqual([['arr_0', 'arr_1'], [describeArray(asarray([1, 2], '<i4')), describeArray(asarray([[1.5]]))]]);
    const q = tmp.path('one.npz');
    savez(q, asarray([3], '<u2'));
    expect((load(q) as NpzFile).files).toEqual(['arr_0']);
  });

  test('zip64 fields throughout (sizes, offsets, end record) are read by NumPy and here', () => {
    const p = tmp.path('zip64.npz');
    const old = setZip64Threshold(0);
    try {
      savez(p, { a: asarray([1, 2, 3], '<i8'), b: zeros([2, 2], '>f4') });
    } finally {
      setZip64Threshold(old);
    }
    const want = runNumpy<unknown>(`${PY_DESCRIBE}
import zipfile
with zipfile.ZipFile(${JSON.stringify(p)}) as f:
    assert f.testzip() is None
with np.load(${JSON.stringify(p)}) as z:
    print(json.dumps([describe(z[k]) for k in z.files]))
`);
    const z = load(p) as NpzFile;
    expect(z.files.map((k) => describeArray(z.get(k)))).toEqual(want);
    expect(want).toEqual([describeArray(asarray([1, 2, 3], '<i8')), describeArray(zeros([2, 2], '>f4'))]);
  });

  test("NumPy's refusals: an object array under allow_pickle=False, a pickle, a missing key", () => {
    const p = tmp.path('object.npz');
    const q = tmp.path('pickle.bin');
    const want = runNumpy<string[]>(`
np.savez(${JSON.stringify(p)}, o=np.array([1, 'x'], dtype=object), i=np.arange(2))
import pickle
with open(${JSON.stringify(q)}, 'wb') as f: pickle.dump([1, 2], f)
out = []
with np.load(${JSON.stringify(p)}) as z:
    for k in ['o', 'missing']:
        try: z[k]
        except Exception as e: out.append(type(e).__name__ + ': ' + str(e.args[0]))
try: np.load(${JSON.stringify(q)})
except Exception as e: out.append(type(e).__name__ + ': ' + str(e))
print(json.dumps(out))
`);
    const z = load(p) as NpzFile;
    expect(z.get('i').toArray()).toEqual([0n, 1n]);
    const got: string[] = [];
    for (const k of ['o', 'missing']) {
      try {
        z.get(k);
      } catch (e) {
        got.push(`${(e as Error).name}: ${(e as Error).message}`);
      }
    }
    try {
      load(q);
    } catch (e) {
      got.push(`${(e as Error).name}: ${(e as Error).message}`);
    }
    // NumPy's text first; ours adds which member or file.
    expect(got.map((g, i) => g.startsWith(want[i]))).toEqual([true, true, true]);
    expect(got[0]).toContain(p);
    expect(got[2]).toContain(q);
  });

  test("members named without .npy: an array when the bytes start with the .npy magic (NumPy's NpzFile), else bytes()", () => {
    const p = tmp.path('names.npz');
    const files = runNumpy<string[]>(`
import io, zipfile
with zipfile.ZipFile(${JSON.stringify(p)}, 'w') as z:
    for name, a, method in [('plain', np.arange(3, dtype='<i2'), zipfile.ZIP_STORED), ('packed', np.arange(4.0), zipfile.ZIP_DEFLATED), ('x.npy.npy', np.arange(2, dtype='u1'), zipfile.ZIP_STORED)]:
        b = io.BytesIO(); np.save(b, a); z.writestr(name, b.getvalue(), compress_type=method)
    z.writestr('notes.txt', b'not an array')
with np.load(${JSON.stringify(p)}) as z:
    assert z['plain'].tolist() == [0, 1, 2] and z['packed'].tolist() == [0.0, 1.0, 2.0, 3.0] and z['x.npy'].tolist() == [0, 1]
    assert z['notes.txt'] == b'not an array'
    print(json.dumps(z.files))
`);
    const z = load(p) as NpzFile;
    expect([...z.files]).toEqual(files);
    expect(z.get('plain').toArray()).toEqual([0, 1, 2]);
    expect(z.get('packed').toArray()).toEqual([0, 1, 2, 3]);
    expect(z.get('x.npy').toArray()).toEqual([0, 1]);
    // NumPy returns such a member's bytes from z[key]; get() always returns an array, so it points at bytes().
    expect(() => z.get('notes.txt')).toThrow(/member "notes\.txt" of '.*names\.npz' is not a \.npy file \(its bytes do not start with the \.npy magic\): read its bytes with bytes\("notes\.txt"\)/);
    expect(z.bytes('notes.txt').toString()).toBe('not an array');
    z.close();
    const m = load(p, { mmapMode: 'r' }) as NpzFile;
    const plain = m.get('plain');
    expect(plain).toBeInstanceOf(Memmap);
    expect(plain.toArray()).toEqual([0, 1, 2]);
    (plain as Memmap).close();
    m.close();
  });
});

describe('load: .npy files, mmapMode, lifetimes', () => {
  test('a .npy file: in memory by default (a plain NdArray), a Memmap with mmapMode', () => {
    const p = tmp.path('a.npy');
    saveNpy(p, asarray([[1, 2], [3, 4]], '>i2').transpose());
    const a = load(p) as NdArray;
    expect(a).not.toBeInstanceOf(Memmap);
    expect(a.toArray()).toEqual([[1, 3], [2, 4]]);
    expect(a.flags.fContiguous).toBe(true);
    const m = load(p, { mmapMode: 'r' }) as Memmap;
    expect(m).toBeInstanceOf(Memmap);
    expect(m.toArray()).toEqual([[1, 3], [2, 4]]);
    m.close();
  });

  test('mmapMode maps stored members at their offset; deflated ones are read into memory', () => {
    const p = tmp.path('mapped.npz');
    const q = tmp.path('packed.npz');
    const x = asarray([[1.5, 2.5, 3.5], [4, 5, 6]], '<f8');
    savez(p, { x, y: asarray([9], '|u1') });
    savezCompressed(q, { x });
    const z = load(p, { mmapMode: 'r' }) as NpzFile;
    const mx = z.get('x');
    expect(mx).toBeInstanceOf(Memmap);
    expect(mx.toArray()).toEqual(x.toArray());
    expect(mx.flags.writeable).toBe(false);
    expect(z.get('y.npy').toArray()).toEqual([9]);
    const c = (load(q, { mmapMode: 'r' }) as NpzFile).get('x');
    expect(c).not.toBeInstanceOf(Memmap);
    expect(c.toArray()).toEqual(x.toArray());
    expect(() => load(p, { mmapMode: 'r+' })).toThrow(ValueError);
    (mx as Memmap).close();
  });

  test('saving over an archive a live array maps keeps the mapping whole (atomic replace)', () => {
    const p = tmp.path('live.npz');
    savez(p, { a: asarray([1, 2, 3, 4], '<i4') });
    const m = (load(p, { mmapMode: 'r' }) as NpzFile).get('a');
    savez(p, { a: asarray([5, 6], '<i4'), b: asarray([1], '<i4') });
    expect(m.toArray()).toEqual([1, 2, 3, 4]);
    expect((load(p) as NpzFile).get('a').toArray()).toEqual([5, 6]);
    (m as Memmap).close();
  });

  test('members are read on each get; close() is idempotent and later gets refuse', () => {
    const p = tmp.path('close.npz');
    savez(p, { a: asarray([1], '<i4') });
    const z = load(p) as NpzFile;
    const a1 = z.get('a');
    const a2 = z.get('a');
    expect(a1).not.toBe(a2);
    a1.set(0, 7);
    expect(a2.get(0)).toBe(1);
    expect(z.has('a') && z.has('a.npy') && !z.has('b')).toBe(true);
    expect([...z]).toEqual(['a']);
    z.close();
    z.close();
    expect(z.closed).toBe(true);
    expect(() => z.get('a')).toThrow(AccessError);
    expect(() => z.get('b')).toThrow(new KeyError('b is not a file in the archive'));
  });

  test('an empty file, a bad option, allowPickle', () => {
    const p = tmp.file(new Uint8Array(0), 'empty.npy');
    expect(() => load(p)).toThrow(ValueError);
    expect(() => load(p, { allowPickle: true as false })).toThrow(ValueError);
    expect(() => load(p, { mmapMode: 'w' as 'r' })).toThrow(ValueError);
    expect(() => load(p, { bogus: 1 } as object)).toThrow(TypeError);
  });
});
