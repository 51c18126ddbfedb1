// .npy files: createNpy (header + zeroed data + an 'r+' memmap), saveNpy of
// any strided view (checked against np.load), openNpy of every version and
// its refusals of invalid files.
import * as fs from 'fs';
import {
  arange,
  broadcastTo,
  createNpy,
  dtype,
  fromBuffer,
  Memmap,
  NdArray,
  openNpy,
  readNpyHeader,
  saveNpy,
  saveNpyAsync,
  ValueError,
  zeros,
  type DTypeLike,
} from '../../lib';
import { ARRAY_ALIGN, formatHeader, MAGIC_PREFIX } from '../../lib/npy/header';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { thrownBy } from '../helpers/thrown';
import { encode as encodeValues, PY_ENCODE } from '../helpers/values';

const tmp = useTempDir('mmarray-npy-');

// Values are compared in one canonical form: see helpers/values.ts.
const encode = (a: NdArray): unknown => encodeValues(a);

/** What np.load makes of a file: shape, dtype.str, fortran flag and encoded values. */
function npLoad(path: string): { shape: number[]; str: string; descr: unknown; fortran: boolean; values: unknown } {
  return runNumpy(
    `${PY_ENCODE}
a = np.load(sys.argv[1] if len(sys.argv) > 1 else ${JSON.stringify(path)})
print(json.dumps({'shape': list(a.shape), 'str': a.dtype.str, 'descr': np.lib.format.dtype_to_descr(a.dtype),
                  'fortran': bool(a.flags.f_contiguous and not a.flags.c_contiguous), 'values': encode(a)}))`,
  );
}

/** A new array of `dtype` holding `values` (nested to `shape`). */
function array(shape: number | number[], dt: DTypeLike, values: unknown): NdArray {
  const a = zeros(shape, dt);
  a.set(values);
  return a;
}

function fileBytes(p: string): Buffer {
  return fs.readFileSync(p);
}

/** Runs `fn`, expects a ValueError whose message names `path` and matches `pattern`. */
function expectNpyError(path: string, pattern: RegExp, fn: () => unknown = () => openNpy(path)): void {
  const msg = thrownBy(fn, ValueError).message;
  expect(msg).toContain(`'${path}'`);
  expect(msg).toMatch(pattern);
}

/** A hand-built .npy file of any version (the writer only ever picks the oldest that fits). */
function npyBytes(version: [number, number], text: string, data: Uint8Array, align = ARRAY_ALIGN): Uint8Array {
  const enc = version[0] === 3 ? Buffer.from(text, 'utf8') : Buffer.from(text, 'latin1');
  const lenBytes = version[0] === 1 ? 2 : 4;
  const prefix = MAGIC_PREFIX.length + 2 + lenBytes;
  let total = prefix + enc.length + 1;
  total += (align - (total % align)) % align;
  const out = Buffer.alloc(total + data.length, 0x20);
  Buffer.from(MAGIC_PREFIX).copy(out, 0);
  out[6] = version[0];
  out[7] = version[1];
  if (lenBytes === 2) out.writeUInt16LE(total - prefix, 8);
  else out.writeUInt32LE(total - prefix, 8);
  enc.copy(out, prefix);
  out[total - 1] = 0x0a;
  Buffer.from(data).copy(out, total);
  return out;
}

// ------------------------------------------------------------------ createNpy

describe('createNpy', () => {
  test('replaces an existing file only once the new one is mapped; its filename is the path given; no temp file is left', () => {
    const dir = tmp.path('create-aside');
    fs.mkdirSync(dir);
    const p = `${dir}/a.npy`;
    fs.writeFileSync(p, 'old bytes');
    // Too large for the filesystem: refused by the free-space check (ENOSPC)
    // or, where that cannot tell, while growing the file aside (EFBIG).
    expect(() => createNpy(p, 'u1', [2 ** 50])).toThrow(/file too large|no space left on device/);
    expect(fs.readFileSync(p, 'latin1')).toBe('old bytes');
    expect(fs.readdirSync(dir)).toEqual(['a.npy']);
    const m = createNpy(p, '<i4', [5]);
    expect(m.filename).toBe(p);
    m.set([1, 2, 3, 4, 5]);
    m.flush();
    expect((openNpy(p) as Memmap).toArray()).toEqual([1, 2, 3, 4, 5]);
    expect(fs.readdirSync(dir)).toEqual(['a.npy']);
    m.close();
  });

  test('writes a valid header, data at a multiple of 64, zeros, and returns an r+ memmap', () => {
    const p = tmp.path('created.npy');
    const m = createNpy(p, '<f8', [3, 4]);
    expect(m).toBeInstanceOf(Memmap);
    expect(m.mode).toBe('r+');
    expect(m.shape).toEqual([3, 4]);
    expect(m.flags.writeable).toBe(true);
    const h = readNpyHeader(p);
    expect(h).toEqual({ version: [1, 0], descr: '<f8', fortranOrder: false, shape: [3, 4], dataOffset: h.dataOffset });
    expect(h.dataOffset % 64).toBe(0);
    expect(m.fileOffset).toBe(h.dataOffset);
    expect(fs.statSync(p).size).toBe(h.dataOffset + 96);
    expect(m.toArray()).toEqual([
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ]);
    const header = fileBytes(p).subarray(0, h.dataOffset);
    expect([...header.subarray(0, 6)]).toEqual([...MAGIC_PREFIX]);
    expect(header[header.length - 1]).toBe(0x0a);
    expect(header).toEqual(Buffer.from(formatHeader({ descr: '<f8', fortranOrder: false, shape: [3, 4] })));

    m.set('1, 2', 2.5);
    m.index(':, 0').set([7, 8, 9]);
    m.flush();
    m.close();
    const b = fileBytes(p);
    expect(b.readDoubleLE(h.dataOffset + 8 * (4 + 2))).toBe(2.5);
    expect(b.readDoubleLE(h.dataOffset + 8 * 8)).toBe(9);
    const r = openNpy(p) as Memmap;
    expect(r.toArray()).toEqual([
      [7, 0, 0, 0],
      [8, 0, 2.5, 0],
      [9, 0, 0, 0],
    ]);
    r.close();
  });

  test('a number shape, a record dtype, and Fortran order', () => {
    const p = tmp.path('rec.npy');
    const rec: DTypeLike = [
      ['id', '<u4'],
      ['pos', '<f4', [2]],
    ];
    const m = createNpy(p, rec, 5);
    expect(m.shape).toEqual([5]);
    m.set('4', { id: 9, pos: [1.5, -2] });
    m.close();
    const h = readNpyHeader(p);
    expect(h.descr).toEqual([
      ['id', '<u4'],
      ['pos', '<f4', [2]],
    ]);
    expect(h.shape).toEqual([5]);
    const r = openNpy(p);
    expect(r.get(4)).toEqual({ id: 9, pos: [1.5, -2] });
    (r as Memmap).close();

    const f = tmp.path('fortran.npy');
    const fm = createNpy(f, '<i2', [2, 3], { fortranOrder: true });
    expect(fm.strides).toEqual([2, 4]);
    fm.set([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    fm.close();
    expect(readNpyHeader(f).fortranOrder).toBe(true);
    const data = fileBytes(f).subarray(readNpyHeader(f).dataOffset);
    expect([...new Int16Array(new Uint8Array(data).buffer)]).toEqual([1, 4, 2, 5, 3, 6]);
    const fr = openNpy(f);
    expect(fr.flags.fContiguous).toBe(true);
    expect(fr.toArray()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    (fr as Memmap).close();
  });

  test('an empty shape writes the header alone and maps nothing (NumPy >= 2.2)', () => {
    const p = tmp.path('empty.npy');
    const m = createNpy(p, '<f4', [0, 3]);
    expect(m.shape).toEqual([0, 3]);
    expect(fs.statSync(p).size).toBe(readNpyHeader(p).dataOffset);
    m.flush();
    m.close();
  });

  test('overwrites an existing longer file: the size is exactly header + data', () => {
    const p = tmp.file(new Uint8Array(10000));
    const m = createNpy(p, 'u1', 10);
    m.close();
    const h = readNpyHeader(p);
    expect(fs.statSync(p).size).toBe(h.dataOffset + 10);
  });
});

describeWithNumpy('createNpy files read by NumPy', () => {
  test('np.load reads the header and the values written through the memmap', () => {
    const p = tmp.path('np-created.npy');
    const m = createNpy(p, '>i8', [2, 2]);
    m.set([
      [1n, -2n],
      [2n ** 62n, -(2n ** 63n)],
    ]);
    m.close();
    expect(npLoad(p)).toEqual({
      shape: [2, 2],
      str: '>i8',
      descr: '>i8',
      fortran: false,
      values: [
        ['1', '-2'],
        [String(2n ** 62n), String(-(2n ** 63n))],
      ],
    });
  });
});

// -------------------------------------------------------------------- saveNpy

describe('saveNpy', () => {
  test('round-trips through openNpy and picks C order unless only F-contiguous', () => {
    const a = arange(12, 'i4').reshape([3, 4]);
    const c = tmp.path('c.npy');
    saveNpy(c, a);
    expect(readNpyHeader(c).fortranOrder).toBe(false);
    const f = tmp.path('f.npy');
    saveNpy(f, a.T);
    expect(readNpyHeader(f)).toMatchObject({ fortranOrder: true, shape: [4, 3] });
    // The F-order file holds the bytes in memory order: those of `a`.
    const h = readNpyHeader(f);
    expect([...new Int32Array(new Uint8Array(fileBytes(f).subarray(h.dataOffset)).buffer)]).toEqual([...Array(12).keys()]);
    const back = openNpy(f);
    expect(back.toArray()).toEqual(a.T.toArray());
    (back as Memmap).close();
  });

  test('saves a strided view of a memmap without closing it', () => {
    const src = createNpy(tmp.path('src.npy'), '<u2', [6, 5]);
    src.set(arange(30, 'u2').reshape([6, 5]));
    const v = src.index('::-2, 1::2');
    const p = tmp.path('from-memmap.npy');
    saveNpy(p, v);
    const back = openNpy(p);
    expect(back.toArray()).toEqual(v.toArray());
    (back as Memmap).close();
    src.close();
    expect(() => saveNpy(tmp.path('closed.npy'), v)).toThrow(/is closed/);
  });

  test('a 0-d array and an empty array', () => {
    const z = tmp.path('0d.npy');
    saveNpy(z, array([], '<f8', 3.25));
    expect(readNpyHeader(z).shape).toEqual([]);
    const zr = openNpy(z);
    expect(zr.ndim).toBe(0);
    expect(zr.toArray()).toBe(3.25);
    (zr as Memmap).close();

    const e = tmp.path('empty.npy');
    saveNpy(e, zeros([0, 4], '<i4'));
    const h = readNpyHeader(e);
    expect(h.shape).toEqual([0, 4]);
    expect(fs.statSync(e).size).toBe(h.dataOffset);
    const er = openNpy(e);
    expect(er).toBeInstanceOf(Memmap);
    er.flush();
    expect(er.shape).toEqual([0, 4]);
    expect(er.flags.writeable).toBe(false);
    expect(openNpy(e, { mode: 'c' }).flags.writeable).toBe(true);
  });
});

describeWithNumpy('saveNpy files read by np.load', () => {
  const cases: [string, () => NdArray][] = [
    ['negative strides (2-d)', () => arange(20, '<i4').reshape([4, 5]).index('::-1, ::-2')],
    ['negative strides (1-d, f8 with specials)', () => array(6, '<f8', [0.5, NaN, -0, Infinity, -Infinity, 1e-300]).index('::-1')],
    ['Fortran order (transpose)', () => arange(24, '<f4').reshape([2, 3, 4]).T],
    ['Fortran copy of a 2-d array', () => arange(6, '>i2').reshape([2, 3]).copy('F')],
    ['non-contiguous: every other column', () => arange(24, '<u8').reshape([4, 6]).index(':, ::2')],
    ['a broadcast-like zero stride view', () => broadcastTo(arange(3, '<i8'), [4, 3])],
    ['structured records, strided', () => {
      const a = zeros(6, [['x', '<i4'], ['y', '>f8'], ['tag', 'S3']]);
      a.set([...Array(6).keys()].map((i) => ({ x: -i, y: i / 4, tag: Uint8Array.of(97 + i, 98) })));
      return a.index('::-2');
    }],
    ['aligned structured with padding', () => {
      const dt = dtype([['a', 'u1'], ['b', '<f8'], ['c', '<u2']], { align: true });
      const a = zeros(3, dt);
      a.set([{ a: 1, b: 2.5, c: 3 }, { a: 4, b: -5, c: 6 }, { a: 255, b: 0.125, c: 65535 }]);
      return a.index('::-1');
    }],
    ['a single field of a record array', () => {
      const a = zeros(4, [['p', '<u4'], ['q', '<c8']]);
      a.set([...Array(4).keys()].map((i) => ({ p: i, q: { re: i, im: -i } })));
      return a.field('q');
    }],
    ['0-d', () => array([], '<i2', -7)],
    ['0-d view of a structured element', () => {
      const a = zeros(2, [['k', '<u8']]);
      a.set([{ k: 5n }, { k: 2n ** 64n - 1n }]);
      return a.index('1');
    }],
    ['empty', () => zeros([3, 0], '<f8')],
    ['empty strided view', () => arange(10, 'u1').index('5:5')],
    ['bool and complex', () => array([2, 2], 'b1', [[true, false], [false, true]]).T],
    ['c16', () => array(2, '>c16', [{ re: 1, im: -2 }, { re: NaN, im: Infinity }])],
  ];

  test.each(cases)('%s', (_name, make) => {
    const a = make();
    const p = tmp.path('saved.npy');
    saveNpy(p, a);
    const loaded = npLoad(p);
    expect(loaded.shape).toEqual([...a.shape]);
    expect(loaded.str).toBe(a.dtype.str);
    expect(loaded.values).toEqual(encode(a));
    // The header's data starts on a multiple of 64 and the file is header + data.
    const h = readNpyHeader(p);
    expect(h.dataOffset % 64).toBe(0);
    expect(fs.statSync(p).size).toBe(h.dataOffset + a.nbytes);
  });
});

describe('the version option of saveNpy, saveNpyAsync and createNpy', () => {
  test('writes the version asked for; without one (or null) the oldest that holds the header', async () => {
    const a = arange(6, '<i4').reshape([2, 3]);
    for (const version of [[1, 0], [2, 0], [3, 0]] as const) {
      const p = tmp.path(`v${version[0]}.npy`);
      saveNpy(p, a, { version });
      expect(readNpyHeader(p)).toMatchObject({ version, shape: [2, 3] });
      expect((openNpy(p) as Memmap).toArray()).toEqual(a.toArray());
      const q = tmp.path(`async-v${version[0]}.npy`);
      await saveNpyAsync(q, a, { version });
      expect(fileBytes(q)).toEqual(fileBytes(p));
      const cp = tmp.path(`created-v${version[0]}.npy`);
      createNpy(cp, '<f8', [3], { version }).close();
      expect(readNpyHeader(cp).version).toEqual(version);
    }
    const none = tmp.path('none.npy');
    saveNpy(none, a, { version: null });
    expect(readNpyHeader(none).version).toEqual([1, 0]);
  });

  test('a bad version, or one that cannot hold the header, is a ValueError before the file is touched', async () => {
    const p = tmp.file(Buffer.from('old contents'), 'keep.npy');
    const a = arange(3, '<i8');
    for (const version of [[1, 1], [0, 0], [2, 2], [255, 255], '1.0'] as unknown as [1, 0][]) {
      expect(thrownBy(() => saveNpy(p, a, { version }), ValueError).message).toMatch(/^we only support format version \(1,0\), \(2,0\), and \(3,0\), not /);
      await expect(saveNpyAsync(p, a, { version })).rejects.toThrow(/we only support format version/);
      expect(() => createNpy(p, '<i8', [3], { version })).toThrow(/we only support format version/);
    }
    const named = zeros(2, [['\u6e29', '<f8']]);
    expect(() => saveNpy(p, named, { version: [1, 0] })).toThrow(/version 1\.0 .*"\u6e29" \(U\+6E29\)/);
    expect(() => createNpy(p, named.dtype, [2], { version: [2, 0] })).toThrow(/version 2\.0/);
    const wide: [string, string][] = [];
    for (let i = 0; i < 700; i++) wide.push([String(i).repeat(100), '<f8']);
    expect(() => createNpy(p, wide, [1], { version: [1, 0] })).toThrow(/^Header length \d+ too big for version=\(1, 0\)/);
    expect(fs.readFileSync(p, 'latin1')).toBe('old contents');
    expect(fs.readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describeWithNumpy('np.load reads each version', () => {
  test('a latin-1 field name under 3.0 (UTF-8) and 1.0 (latin-1)', () => {
    const a = zeros(2, [['\u00e9t\u00e9', '<f8']]);
    a.set([{ '\u00e9t\u00e9': 1.5 }, { '\u00e9t\u00e9': -2 }]);
    for (const version of [[1, 0], [2, 0], [3, 0]] as const) {
      const p = tmp.path(`latin-${version[0]}.npy`);
      saveNpy(p, a, { version });
      expect(runNumpy(`a = np.load(${JSON.stringify(p)})\nprint(json.dumps([a.dtype.names, a['\u00e9t\u00e9'].tolist()]))`)).toEqual([['\u00e9t\u00e9'], [1.5, -2]]);
    }
  });
});

// -------------------------------------------------------------------- openNpy

describe('openNpy', () => {
  const data = new Uint8Array(new Int32Array([1, -2, 3, -4, 5, -6]).buffer);
  const text = "{'descr': '<i4', 'fortran_order': False, 'shape': (2, 3), }";

  test.each([
    [[1, 0]],
    [[2, 0]],
    [[3, 0]],
  ] as [[number, number]][])('version %j opens', (version) => {
    const p = tmp.file(npyBytes(version, text, data));
    const h = readNpyHeader(p);
    expect(h.version).toEqual(version);
    const m = openNpy(p) as Memmap;
    expect(m.mode).toBe('r');
    expect(m.fileOffset).toBe(h.dataOffset);
    expect(m.toArray()).toEqual([
      [1, -2, 3],
      [-4, 5, -6],
    ]);
    m.close();
  });

  test('version 3.0 with a UTF-8 field name', () => {
    const t = "{'descr': [('température', '<i4')], 'fortran_order': False, 'shape': (6,), }";
    const p = tmp.file(npyBytes([3, 0], t, data));
    const m = openNpy(p) as Memmap;
    expect(m.field('température').toArray()).toEqual([1, -2, 3, -4, 5, -6]);
    m.close();
  });

  test('an old file aligned to 16 bytes still opens', () => {
    const p = tmp.file(npyBytes([1, 0], text, data, 16));
    const m = openNpy(p) as Memmap;
    expect(readNpyHeader(p).dataOffset % 16).toBe(0);
    expect(m.get(1, 2)).toBe(-6);
    m.close();
  });

  test('modes: r is read-only, r+ writes to the file, c never does', () => {
    const p = tmp.file(npyBytes([1, 0], text, data));
    const before = fileBytes(p);
    const off = readNpyHeader(p).dataOffset;
    const r = openNpy(p);
    expect(r.flags.writeable).toBe(false);
    expect(() => r.fill(0)).toThrow('assignment destination is read-only');
    (r as Memmap).close();

    const c = openNpy(p, { mode: 'c' }) as Memmap;
    c.fill(42);
    c.flush();
    expect(c.get(0, 0)).toBe(42);
    c.close();
    expect(fileBytes(p)).toEqual(before);

    const w = openNpy(p, { mode: 'r+' }) as Memmap;
    w.set('0, 1', 1000);
    w.flush();
    w.close();
    expect(fileBytes(p).readInt32LE(off + 4)).toBe(1000);
    expect(fs.statSync(p).size).toBe(before.length);
  });

  test('a bad mode is refused', () => {
    const p = tmp.file(npyBytes([1, 0], text, data));
    expect(() => openNpy(p, { mode: 'w+' as never })).toThrow(ValueError);
  });

  test('a missing file is an fs ENOENT error', () => {
    expect(() => openNpy(tmp.path('nope.npy'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
  });

  describe('invalid files: a clear ValueError naming the path, the file unchanged', () => {
    const good = (): Uint8Array => npyBytes([1, 0], text, data);
    const invalid: [string, () => Uint8Array, RegExp][] = [
      ['bad magic', () => {
        const b = good();
        b[1] = 0x4f;
        return b;
      }, /not a \.npy file: magic string/],
      ['not a .npy file at all', () => Buffer.from('hello, world\n'), /not a \.npy file/],
      ['an empty file', () => new Uint8Array(0), /truncated/],
      ['truncated in the magic', () => good().subarray(0, 4), /truncated/],
      ['truncated in the length field', () => good().subarray(0, 9), /truncated/],
      ['truncated in the header text', () => good().subarray(0, 40), /truncated: its \.npy header needs 128 bytes, got 40/],
      ['truncated data', () => good().subarray(0, 128 + 20), /too short for its header: shape \(2, 3\) of <i4 needs 152 bytes, the file has 148/],
      ['unknown version 4.0', () => {
        const b = good();
        b[6] = 4;
        return b;
      }, /version \(4, 0\); supported versions are \(1, 0\), \(2, 0\), \(3, 0\)/],
      ['unknown version 1.1', () => {
        const b = good();
        b[7] = 1;
        return b;
      }, /version \(1, 1\)/],
      ['object dtype', () => npyBytes([1, 0], "{'descr': '|O', 'fortran_order': False, 'shape': (6,), }", new Uint8Array(48)), /'\|O'|object/i],
      ['object dtype inside a record', () => npyBytes([1, 0], "{'descr': [('a', '<i4'), ('b', '|O')], 'fortran_order': False, 'shape': (2,), }", new Uint8Array(24)), /'\|O'|object/i],
      ['a shape that does not fit the file', () => npyBytes([1, 0], "{'descr': '<i4', 'fortran_order': False, 'shape': (2, 4), }", data), /needs 160 bytes, the file has 152/],
      ['a huge shape', () => npyBytes([1, 0], "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 4294967296), }", data), /array is too big: shape \[4294967296, 4294967296\] has more than 2\^53 elements/],
      ['a missing key', () => npyBytes([1, 0], "{'descr': '<i4', 'shape': (6,), }", data), /fortran_order/],
      ['an extra key', () => npyBytes([1, 0], "{'descr': '<i4', 'fortran_order': False, 'shape': (6,), 'x': 1, }", data), /'x'/],
      ['a negative shape', () => npyBytes([1, 0], "{'descr': '<i4', 'fortran_order': False, 'shape': (-6,), }", data), /shape/],
      ['an unknown descr', () => npyBytes([1, 0], "{'descr': '<q9', 'fortran_order': False, 'shape': (6,), }", data), /q9/],
      ['a header that is code, not a literal', () => npyBytes([1, 0], "__import__('os').system('true')", data), /cannot parse header|not a dict/],
    ];

    test.each(invalid)('%s', (_name, make, pattern) => {
      const p = tmp.file(make(), 'bad.npy');
      const before = fileBytes(p);
      expectNpyError(p, pattern);
      for (const mode of ['r+', 'c'] as const) expectNpyError(p, pattern, () => openNpy(p, { mode }));
      expect(fileBytes(p)).toEqual(before);
    });
  });

  test('an over-long header is refused unless maxHeaderSize is raised', () => {
    const t = `{'descr': '<i4', 'fortran_order': False, 'shape': (6,), }${' '.repeat(20000)}`;
    const p = tmp.file(npyBytes([2, 0], t, data));
    expectNpyError(p, /maxHeaderSize/);
    const m = openNpy(p, { maxHeaderSize: 30000 }) as Memmap;
    expect(m.toArray()).toEqual([1, -2, 3, -4, 5, -6]);
    m.close();
  });

  test('a big-endian, Fortran-order file', () => {
    const be = Buffer.alloc(12);
    [1, 2, 3, 4, 5, 6].forEach((v, i) => be.writeInt16BE(v, 2 * i));
    const p = tmp.file(npyBytes([1, 0], "{'descr': '>i2', 'fortran_order': True, 'shape': (2, 3), }", be));
    const m = openNpy(p) as Memmap;
    expect(m.dtype.str).toBe('>i2');
    expect(m.strides).toEqual([2, 4]);
    expect(m.toArray()).toEqual([
      [1, 3, 5],
      [2, 4, 6],
    ]);
    m.close();
  });

  test('fromBuffer arrays save too', () => {
    const a = fromBuffer(new Float32Array([1, 2, 3, 4]), '<f4').reshape([2, 2]);
    const p = tmp.path('fb.npy');
    saveNpy(p, a.index('::-1'));
    const m = openNpy(p) as Memmap;
    expect(m.toArray()).toEqual([
      [3, 4],
      [1, 2],
    ]);
    m.close();
  });
});

describe('saveNpy and createNpy options', () => {
  test("NumPy's spelling of an option is refused with the library's, before the file is touched", () => {
    const p = tmp.path('opts.npy');
    expect(() => saveNpy(p, arange(3), { fortran_order: true } as never)).toThrow(new TypeError("saveNpy() got an unexpected keyword argument 'fortran_order'"));
    expect(() => createNpy(p, '<f8', [2, 2], { fortran_order: true } as never)).toThrow(
      new TypeError("createNpy() got an unexpected keyword argument 'fortran_order' (mmarray spells it 'fortranOrder')"),
    );
    expect(fs.existsSync(p)).toBe(false);
  });
});
