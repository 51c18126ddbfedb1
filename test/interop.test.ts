// NumPy interop both ways: files NumPy writes open here with NumPy's values;
// files written here (createNpy + in-place record updates) load in NumPy
// exactly; a live Python process and this one share a mapping; copy-on-write
// never reaches the file.
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as fs from 'fs';
import { createInterface, type Interface } from 'readline';
import { createNpy, Memmap, memmap, NdArray, openNpy, readNpyHeader, type DTypeLike } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { useTempDir } from './helpers/tmp';
import { encode as encodeValues, PY_ENCODE } from './helpers/values';

const tmp = useTempDir('mmarray-interop-');

// Values are compared in one canonical form: see helpers/values.ts.
const encode = (a: NdArray): unknown => encodeValues(a, true);

interface Loaded {
  shape: number[];
  str: string;
  fortran: boolean;
  values: unknown;
}

/** np.load of each path: shape, dtype.str, Fortran flag and encoded values. */
function npLoadAll(paths: string[]): Loaded[] {
  return runNumpy<Loaded[]>(
    `${PY_ENCODE}
out = []
for p in json.load(sys.stdin):
    a = np.load(p)
    out.append({'shape': list(a.shape), 'str': a.dtype.str,
                'fortran': bool(a.ndim > 1 and a.flags.f_contiguous and not a.flags.c_contiguous),
                'values': encode(a)})
print(json.dumps(out))`,
    JSON.stringify(paths),
  );
}

// ---------------------------------------------------- NumPy writes, we read

/**
 * name → Python expression of the array NumPy saves. Values include each
 * dtype's extremes and the float specials.
 */
const NUMPY_ARRAYS: Record<string, string> = {
  b1: "np.array([True, False, True, True], dtype='b1')",
  i1: "np.array([-128, -1, 0, 127], dtype='i1')",
  u1: "np.array([0, 1, 128, 255], dtype='u1')",
  i2: "np.array([-32768, -1, 0, 32767], dtype='<i2')",
  '>i2': "np.array([-32768, -2, 1, 32767], dtype='>i2')",
  u2: "np.array([0, 1, 40000, 65535], dtype='<u2')",
  i4: "np.array([-2**31, -1, 0, 2**31 - 1], dtype='<i4')",
  u4: "np.array([0, 1, 2**31, 2**32 - 1], dtype='<u4')",
  i8: "np.array([-2**63, -1, 2**53 + 1, 2**63 - 1], dtype='<i8')",
  u8: "np.array([0, 2**53 + 1, 2**63, 2**64 - 1], dtype='<u8')",
  f2: "np.array([0.0, -0.0, 1.5, 65504, 6e-8, np.nan, np.inf, -np.inf], dtype='<f2')",
  f4: "np.array([0.1, -0.0, 3.4e38, 1e-45, np.nan, -np.inf], dtype='<f4')",
  '>f8': "np.array([0.1, -0.0, 1.7976931348623157e308, 5e-324, np.nan, np.inf], dtype='>f8')",
  c8: "np.array([1+2j, -0.5j, complex(np.nan, np.inf), complex(-np.inf, -0.0)], dtype='<c8')",
  c16: "np.array([1+2j, 0.1-0.2j, complex(np.nan, 1), complex(1e308, -5e-324)], dtype='<c16')",
  '>c8': "np.array([1+2j, -3.5+0.25j], dtype='>c8')",
  '>u8': "np.array([1, 2**64 - 1], dtype='>u8')",
  '>f2': "np.array([1.0, -2.5, np.inf], dtype='>f2')",
  S5: "np.array([b'', b'a', b'hello', b'a\\x00b', b'\\xff\\x00\\x00'], dtype='S5')",
  V3: "np.array([b'\\x00\\x01\\x02', b'abc', b'\\xff\\x00\\xff'], dtype='V3')",
  'f8 2-d': "np.arange(12, dtype='<f8').reshape(3, 4) / 3",
  'Fortran i4': "np.asfortranarray(np.arange(24, dtype='<i4').reshape(2, 3, 4))",
  'Fortran >f8 2-d': "np.asfortranarray(np.arange(6, dtype='>f8').reshape(2, 3) - 2.5)",
  '0-d f8': "np.array(2.75)",
  '0-d i8': "np.array(-2**62, dtype='<i8')",
  '0-d record': "np.array((1, 2.5), dtype=[('a', '<i4'), ('b', '>f8')])",
  'empty f4': "np.zeros((0,), dtype='<f4')",
  'empty 2-d': "np.zeros((3, 0), dtype='>i2')",
  'empty record': "np.zeros((0, 2), dtype=[('a', '<i4')])",
  'record': "np.array([(1, 2.5, b'xy'), (7, np.nan, b'')], dtype=[('id', '<u4'), ('v', '<f8'), ('tag', 'S2')])",
  'record big-endian': "np.array([(1, -2, 3.5), (2**31, 2**62, -0.0)], dtype=[('a', '>u4'), ('b', '>i8'), ('c', '>f4')])",
  'record nested + subarray':
    "np.array([((1, [2, 3]), [[1, 2, 3], [4, 5, 6]], b'ab'), ((-1, [255, 0]), [[0.5, -0.5, 0], [np.inf, np.nan, -0.0]], b'z')], " +
    "dtype=[('x', [('p', '<i2'), ('q', 'u1', (2,))]), ('m', '<f4', (2, 3)), ('s', 'S2')])",
  'record aligned with padding': "np.array([(1, 2.5, 3), (255, -1e300, 65535)], dtype=np.dtype([('a', 'u1'), ('b', '<f8'), ('c', '<u2')], align=True))",
  'record with offsets and gaps': "np.array([(7, -9)], dtype=np.dtype({'names': ['a', 'b'], 'formats': ['u1', '<i4'], 'offsets': [0, 8], 'itemsize': 16}))",
  'record with complex and bool fields': "np.array([(True, 1-1j, 3), (False, np.nan*1j, -3)], dtype=[('ok', '?'), ('z', '<c16'), ('n', 'i1')])",
  'record subarray of records': "np.array([([(1, 2), (3, 4)],)], dtype=[('r', [('u', '<u2'), ('v', '>i4')], (2,))])",
  'Fortran record': "np.asfortranarray(np.array([[(1, 2.0), (3, 4.0)], [(5, 6.0), (7, 8.0)]], dtype=[('a', '<i2'), ('b', '<f8')]))",
  'strided source': "np.arange(40, dtype='<u2').reshape(5, 8)[::-2, 1::3]",
  'version 2.0': "('v2', np.arange(5, dtype='<i4'))",
  'version 3.0 utf-8 names': "('v3', np.array([(1, 2.0)], dtype=[('température', '<i4'), ('日本', '<f8')]))",
};

describeWithNumpy('NumPy writes .npy files, openNpy reads the same values', () => {
  let files: Record<string, Loaded & { path: string; version: [number, number] }>;

  beforeAll(() => {
    const dir = tmp.path('numpy-written');
    fs.mkdirSync(dir);
    const entries = Object.entries(NUMPY_ARRAYS).map(([name, expr], i) => [name, `${dir}/${i}.npy`, expr]);
    files = runNumpy(
      `${PY_ENCODE}
out = {}
for name, path, expr in json.load(sys.stdin):
    a = eval(expr)
    version = None
    if isinstance(a, tuple):
        version = {'v2': (2, 0), 'v3': (3, 0)}[a[0]]
        a = a[1]
    if version is None:
        np.save(path, a)
    else:
        with open(path, 'wb') as f:
            np.lib.format.write_array(f, a, version=version)
    with open(path, 'rb') as f:
        v = list(np.lib.format.read_magic(f))
    out[name] = {'path': path, 'version': v, 'shape': list(a.shape), 'str': a.dtype.str,
                 'fortran': bool(a.ndim > 1 and a.flags.f_contiguous and not a.flags.c_contiguous),
                 'values': encode(a)}
print(json.dumps(out))`,
      JSON.stringify(entries),
    );
  });

  test.each(Object.keys(NUMPY_ARRAYS))('%s', (name) => {
    const f = files[name];
    const before = fs.readFileSync(f.path);
    const h = readNpyHeader(f.path);
    expect(h.version).toEqual(f.version);
    expect(h.fortranOrder).toBe(f.fortran);
    const a = openNpy(f.path);
    try {
      expect(a.shape).toEqual(f.shape);
      expect(a.dtype.str).toBe(f.str);
      expect(a.flags.writeable).toBe(false);
      if (f.fortran) expect(a.flags.fContiguous).toBe(true);
      if (a.size > 0) {
        expect(a).toBeInstanceOf(Memmap);
        expect((a as Memmap).fileOffset).toBe(h.dataOffset);
      }
      expect(encode(a)).toEqual(f.values);
    } finally {
      if (a instanceof Memmap) a.close();
    }
    expect(fs.readFileSync(f.path)).toEqual(before);
  });

  test('the JS value types: bigint, {re, im}, Uint8Array, plain-object records', () => {
    const rec = openNpy(files['record with complex and bool fields'].path) as Memmap;
    expect(rec.get(0)).toEqual({ ok: true, z: { re: 1, im: -1 }, n: 3 });
    rec.close();
    const i8 = openNpy(files.i8.path) as Memmap;
    expect(i8.get(0)).toBe(-(2n ** 63n));
    expect(i8.get(2)).toBe(2n ** 53n + 1n);
    i8.close();
    const s = openNpy(files.S5.path) as Memmap;
    expect(s.get(3)).toEqual(Uint8Array.of(0x61, 0, 0x62));
    expect(s.get(0)).toEqual(new Uint8Array(0));
    s.close();
    const v = openNpy(files.V3.path) as Memmap;
    expect(v.get(1)).toEqual(Uint8Array.from(Buffer.from('abc')));
    v.close();
    const padded = openNpy(files['record aligned with padding'].path) as Memmap;
    expect(padded.itemsize).toBe(24);
    expect(padded.dtype.fields!.b.offset).toBe(8);
    expect(padded.get(1)).toEqual({ a: 255, b: -1e300, c: 65535 });
    padded.close();
  });

  test('field views and slices of a NumPy file match NumPy indexing', () => {
    const f = files['record nested + subarray'];
    const a = openNpy(f.path) as Memmap;
    const got = {
      p: a.field('x').field('p').toArray(),
      q: a.field('x').field('q').index('::-1').toArray(),
      m: encode(a.field('m').index(':, 1, ::2')),
    };
    const want = runNumpy<typeof got>(
      `${PY_ENCODE}
a = np.load(${JSON.stringify(f.path)})
print(json.dumps({'p': a['x']['p'].tolist(), 'q': a['x']['q'][::-1].tolist(), 'm': encode(a['m'][:, 1, ::2])}))`,
    );
    expect(got).toEqual(want);
    a.close();
  });
});

// ---------------------------------------------------- we write, NumPy reads

describeWithNumpy('createNpy + in-place record updates, read by NumPy', () => {
  const REC: DTypeLike = [
    ['id', '<u4'],
    ['ts', '>i8'],
    ['value', '<f8'],
    ['flags', 'u1', [3]],
    ['name', 'S4'],
  ];

  test('np.load reads exactly what was written through the r+ memmap', () => {
    const p = tmp.path('records.npy');
    const m = createNpy(p, REC, 50);
    for (let i = 0; i < 50; i++) {
      m.set(`${i}`, { id: i, ts: BigInt(i) * -1_000_000_007n, value: i / 8, flags: [i & 1, 2, 255], name: Buffer.from(`r${i}`) });
    }
    m.close();

    // Reopen 'r+' and update in place, through field views and strided slices.
    const u = openNpy(p, { mode: 'r+' }) as Memmap;
    u.field('value').index('::5').apply((v) => -(v as number));
    u.field('ts').set('-1', 2n ** 62n);
    u.field('flags').index(':, 1').fill(7);
    u.set('10', { id: 4_000_000_000, ts: -(2n ** 63n), value: NaN, flags: [0, 0, 0], name: Uint8Array.of(0, 0xff) });
    u.flush();
    const ours = encode(u);
    u.close();

    const [loaded] = npLoadAll([p]);
    expect(loaded.shape).toEqual([50]);
    expect(loaded.str).toBe('|V27');
    expect(loaded.values).toEqual(ours);
    const spot = runNumpy<unknown[]>(
      `a = np.load(${JSON.stringify(p)})
print(json.dumps([int(a['id'][10]), str(a['ts'][10]), str(a['ts'][-1]), a['value'][5], a['flags'][3].tolist(), a['name'][10].hex(), a.dtype.descr]))`,
    );
    expect(spot).toEqual([
      4_000_000_000,
      String(-(2n ** 63n)),
      String(2n ** 62n),
      -5 / 8,
      [1, 7, 255],
      '00ff',
      [
        ['id', '<u4'],
        ['ts', '>i8'],
        ['value', '<f8'],
        ['flags', '|u1', [3]],
        ['name', '|S4'],
      ],
    ]);
  });

  test('Fortran-order, big-endian, 3-d: np.load agrees', () => {
    const p = tmp.path('fortran.npy');
    const m = createNpy(p, '>f4', [2, 3, 4], { fortranOrder: true });
    m.apply((_v, i) => i * 0.5 - 3);
    m.index('1, ::2, ::-1').fill(-0);
    const ours = encode(m);
    m.close();
    const [loaded] = npLoadAll([p]);
    expect(loaded).toEqual({ shape: [2, 3, 4], str: '>f4', fortran: true, values: ours });
  });

  test('every scalar dtype written here reads the same in NumPy', () => {
    const cases: [DTypeLike, unknown[]][] = [
      ['b1', [true, false]],
      ['i1', [-128, 127]],
      ['>u2', [1, 65535]],
      ['<i8', [-(2n ** 63n), 2n ** 63n - 1n]],
      ['>u8', [0n, 2n ** 64n - 1n]],
      ['<f2', [65504, -0, NaN]],
      ['<c8', [{ re: 1, im: -1 }, { re: Infinity, im: NaN }]],
      ['>c16', [{ re: 0.1, im: 1e-310 }]],
      ['S3', [Uint8Array.of(1, 2), Buffer.from('abc')]],
      ['V2', [Uint8Array.of(0, 255), Uint8Array.of(9, 8)]],
    ];
    const paths = cases.map(([dt, values]) => {
      const p = tmp.path('scalar.npy');
      const m = createNpy(p, dt, values.length);
      m.set(values);
      m.close();
      return p;
    });
    const loaded = npLoadAll(paths);
    cases.forEach((_case, i) => {
      const a = openNpy(paths[i]) as Memmap;
      expect(loaded[i].str).toBe(a.dtype.str);
      expect(loaded[i].values).toEqual(encode(a));
      a.close();
    });
  });
});

// ------------------------------------------------ two live processes, one file

/** A Python child holding an np.memmap of a file open and taking JSON commands on stdin. */
class PythonMapper {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: Interface;
  private readonly pending: ((line: string) => void)[] = [];
  private readonly queued: string[] = [];
  private stderr = '';

  constructor(path: string, dtype: string, mode: 'r' | 'r+', offset = 0) {
    const script = `
import numpy as np, json, sys, ast
dt = ast.literal_eval(sys.argv[2]) if sys.argv[2].startswith('[') else sys.argv[2]
m = np.memmap(sys.argv[1], dtype=dt, mode=sys.argv[3], offset=int(sys.argv[4]))
print(json.dumps('ready'), flush=True)
for line in sys.stdin:
    cmd = json.loads(line)
    op = cmd['op']
    if op == 'set':
        m[cmd['i']] = cmd['v']
        m.flush()
        print(json.dumps('ok'), flush=True)
    elif op == 'get':
        print(json.dumps(m[cmd['i']].item()), flush=True)
    elif op == 'quit':
        break
del m
`;
    this.child = spawn('python3', ['-c', script, path, dtype, mode, String(offset)]);
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.lines = createInterface({ input: this.child.stdout });
    this.lines.on('line', (line) => {
      const waiter = this.pending.shift();
      if (waiter) waiter(line);
      else this.queued.push(line);
    });
  }

  private next(): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`python exited (${code}): ${this.stderr}`));
      this.child.once('exit', onExit);
      const take = (line: string): void => {
        this.child.off('exit', onExit);
        resolve(JSON.parse(line));
      };
      const q = this.queued.shift();
      if (q !== undefined) take(q);
      else this.pending.push(take);
    });
  }

  ready(): Promise<unknown> {
    return this.next();
  }

  async set(i: number, v: number): Promise<void> {
    this.child.stdin.write(`${JSON.stringify({ op: 'set', i, v })}\n`);
    expect(await this.next()).toBe('ok');
  }

  async get(i: number): Promise<unknown> {
    this.child.stdin.write(`${JSON.stringify({ op: 'get', i })}\n`);
    return this.next();
  }

  async quit(): Promise<void> {
    const exited = new Promise<number | null>((resolve) => this.child.once('exit', resolve));
    this.child.stdin.end(`${JSON.stringify({ op: 'quit' })}\n`);
    expect(await exited).toBe(0);
    this.lines.close();
  }
}

describeWithNumpy('two live processes on one file', () => {
  test.each(['r', 'r+'] as const)("a Python np.memmap r+ writes, our already-open '%s' memmap sees it", async (ourMode) => {
    const p = tmp.file(new Uint8Array(new Float64Array([0, 1, 2, 3, 4, 5, 6, 7]).buffer));
    const ours = memmap(p, { dtype: '<f8', mode: ourMode });
    const py = new PythonMapper(p, '<f8', 'r+');
    try {
      expect(await py.ready()).toBe('ready');
      expect(ours.get(3)).toBe(3);
      await py.set(3, -123.25);
      expect(ours.get(3)).toBe(-123.25);
      await py.set(7, Math.PI);
      expect(ours.get(7)).toBe(Math.PI);
      expect(ours.index('::-4').toArray()).toEqual([Math.PI, -123.25]);
      if (ourMode === 'r+') {
        // And the other way: our store is seen by the live Python mapping.
        ours.set('0', 42.5);
        expect(await py.get(0)).toBe(42.5);
      }
      await py.quit();
      expect(ours.get(3)).toBe(-123.25);
    } finally {
      ours.close();
    }
    expect(fs.readFileSync(p).readDoubleLE(24)).toBe(-123.25);
  });

  test('records at an unaligned offset, both sides writing different fields', async () => {
    const rec: DTypeLike = [
      ['id', '<u4'],
      ['value', '<f8'],
    ];
    const header = Buffer.from('HDR');
    const p = tmp.file(Buffer.concat([header, Buffer.alloc(12 * 4)]));
    const ours = memmap(p, { dtype: rec, mode: 'r+', offset: 3 });
    const py = new PythonMapper(p, "[('id', '<u4'), ('value', '<f8')]", 'r+', 3);
    try {
      await py.ready();
      ours.field('id').set([10, 11, 12, 13]);
      expect(await py.get(2)).toEqual([12, 0]);
      ours.field('value').set('3', -0.5);
      expect(await py.get(3)).toEqual([13, -0.5]);
      await py.quit();
    } finally {
      ours.close();
    }
    const b = fs.readFileSync(p);
    expect(b.subarray(0, 3).toString()).toBe('HDR');
    expect(b.readUInt32LE(3 + 12 * 2)).toBe(12);
    expect(b.readDoubleLE(3 + 12 * 3 + 4)).toBe(-0.5);
  });
});

// --------------------------------------------------------- copy-on-write

describeWithNumpy("'c' mode writes never reach the file", () => {
  test('memmap c: NumPy reads the original values after writes and flush', () => {
    const p = tmp.path('cow.npy');
    runNumpy(`np.save(${JSON.stringify(p)}, np.arange(10, dtype='<i4')); print(1)`);
    const before = fs.readFileSync(p);
    const h = readNpyHeader(p);
    const c = memmap(p, { dtype: '<i4', mode: 'c', offset: h.dataOffset });
    c.fill(-1);
    c.set('3', 99);
    c.flush();
    expect(c.get(3)).toBe(99);
    expect(c.get(4)).toBe(-1);
    const [loaded] = npLoadAll([p]);
    expect(loaded.values).toEqual([...Array(10).keys()].map(String));
    c.close();
    expect(fs.readFileSync(p)).toEqual(before);
  });

  test('openNpy c: writes to records stay private, a second mapping sees the file', () => {
    const p = tmp.path('cow-rec.npy');
    runNumpy(`np.save(${JSON.stringify(p)}, np.array([(1, 1.5), (2, 2.5)], dtype=[('a', '<i2'), ('b', '<f8')])); print(1)`);
    const c = openNpy(p, { mode: 'c' }) as Memmap;
    const r = openNpy(p, { mode: 'r' }) as Memmap;
    c.field('b').fill(0);
    c.set('0', { a: -5, b: 7 });
    expect(c.toArray()).toEqual([
      { a: -5, b: 7 },
      { a: 2, b: 0 },
    ]);
    expect(r.toArray()).toEqual([
      { a: 1, b: 1.5 },
      { a: 2, b: 2.5 },
    ]);
    c.flush();
    c.close();
    r.close();
    const [loaded] = npLoadAll([p]);
    expect(loaded.values).toEqual([
      ['1', 1.5],
      ['2', 2.5],
    ]);
  });
});
