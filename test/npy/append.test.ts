// appendNpy and append() on .npy memmaps: the header's shape follows the
// rows, np.load reads the file after every append, and a crash between the
// rows and the header never leaves a header claiming rows the file lacks.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { appendNpy, arange, createNpy, fromBuffer, Memmap, openNpy, readNpyHeader, saveNpy, ValueError, zeros } from '../../lib';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('mmarray-npy-append-');
const DIST = path.resolve(__dirname, '../../dist');

/** np.load's view of the file: shape and values as nested lists. */
function npLoad(p: string): { shape: number[]; values: unknown } {
  return runNumpy(`a = np.load(${JSON.stringify(p)})\nprint(json.dumps({'shape': list(a.shape), 'values': a.tolist()}))`);
}

/** A v1.0 header for <u4 shape (n,) with no room to spare: the dict and '\n', no padding (readers do not insist on alignment). */
function tightU4(n: number, values: number[]): string {
  const text = `{'descr': '<u4', 'fortran_order': False, 'shape': (${n},), }`;
  const head = Buffer.alloc(10);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(head);
  head.writeUInt16LE(text.length + 1, 8);
  return tmp.file(Buffer.concat([head, Buffer.from(text + '\n', 'latin1'), Buffer.from(Uint32Array.from(values).buffer)]), 'tight.npy');
}

describe('appendNpy', () => {
  test('grows a file saved with a growth-padded header in place: same data offset, new shape', () => {
    const p = tmp.path('a.npy');
    saveNpy(p, arange(3, 'u4'));
    const before = readNpyHeader(p);
    expect(appendNpy(p, [3, 4])).toEqual([5]);
    expect(appendNpy(p, arange(5, 8, 'u4'))).toEqual([8]);
    expect(appendNpy(p, arange(8, 9, 'i8'))).toEqual([9]); // cast to the file's dtype
    const after = readNpyHeader(p);
    expect(after.dataOffset).toBe(before.dataOffset);
    expect(after.shape).toEqual([9]);
    expect((openNpy(p) as Memmap).toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('rows of a 2-d file; a mismatched row shape is refused before writing', () => {
    const p = tmp.path('b.npy');
    saveNpy(p, zeros([2, 3], '<f8'));
    appendNpy(p, [[1, 2, 3]]);
    appendNpy(p, fromBuffer(new Uint8Array(Float64Array.from([4, 5, 6]).buffer), '<f8')); // one row
    const size = fs.statSync(p).size;
    expect(() => appendNpy(p, arange(4, 'f8'))).toThrow(/takes rows of shape \(3,\)/);
    expect(() => appendNpy(p, 7 as never)).toThrow(TypeError);
    expect(fs.statSync(p).size).toBe(size);
    expect((openNpy(p) as Memmap).toArray()).toEqual([[0, 0, 0], [0, 0, 0], [1, 2, 3], [4, 5, 6]]);
  });

  test('an old header without room is rewritten beside the file and renamed over it', () => {
    const p = tightU4(9, [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const ino = fs.statSync(p).ino;
    expect(appendNpy(p, [9])).toEqual([10]);
    expect(fs.statSync(p).ino).not.toBe(ino);
    expect(readNpyHeader(p).dataOffset % 64).toBe(0);
    expect((openNpy(p) as Memmap).toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(fs.readdirSync(path.dirname(p)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('refuses 0-d and Fortran-ordered files', () => {
    const z = tmp.path('z.npy');
    saveNpy(z, zeros([], 'f8'));
    expect(() => appendNpy(z, [1])).toThrow(/0-d/);
    const f = tmp.path('f.npy');
    saveNpy(f, zeros([3, 2], 'f8').T.copy('F'));
    expect(() => appendNpy(f, [[1, 2, 3]])).toThrow(/Fortran-ordered/);
  });
});

describe('appending keeps the file\'s format version', () => {
  test('in place (appendNpy and append()), a 3.0 header with a latin-1 name included', () => {
    const dt: [string, string][] = [['\u00e9', '<f8']];
    const p = tmp.path('v3.npy');
    saveNpy(p, zeros(2, dt), { version: [3, 0] });
    const offset = readNpyHeader(p).dataOffset;
    expect(appendNpy(p, zeros(3, dt))).toEqual([5]);
    const m = openNpy(p, { mode: 'r+' }) as Memmap;
    m.append(zeros(2, dt)); // was refused as "no room": the header was re-encoded as latin-1
    m.close();
    expect(readNpyHeader(p)).toMatchObject({ version: [3, 0], shape: [7], dataOffset: offset });
    const q = tmp.path('v2.npy');
    saveNpy(q, arange(3, '<u2'), { version: [2, 0] });
    appendNpy(q, [3]);
    expect(readNpyHeader(q)).toMatchObject({ version: [2, 0], shape: [4] });
    expect((openNpy(q) as Memmap).toArray()).toEqual([0, 1, 2, 3]);
  });

  test('a rewrite too: a 2.0 file stays 2.0', () => {
    // A 2.0 header with no room to spare: the file is rewritten.
    const text = "{'descr': '<u1', 'fortran_order': False, 'shape': (9,), }";
    const head = Buffer.alloc(12);
    Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 2, 0]).copy(head);
    head.writeUInt32LE(text.length + 1, 8);
    const p = tmp.file(Buffer.concat([head, Buffer.from(text + '\n', 'latin1'), Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9])]), 'tight2.npy');
    const ino = fs.statSync(p).ino;
    appendNpy(p, [10]);
    expect(fs.statSync(p).ino).not.toBe(ino);
    expect(readNpyHeader(p)).toMatchObject({ version: [2, 0], shape: [10] });
    expect((openNpy(p) as Memmap).toArray()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });
});

describe('append() on a .npy memmap', () => {
  test('openNpy r+: the header follows each append; close() trims the capacity', () => {
    const p = tmp.path('m.npy');
    saveNpy(p, arange(4, '<i4'));
    const m = openNpy(p, { mode: 'r+' }) as Memmap;
    const head = m.index(':2');
    m.append([4, 5, 6]);
    expect(readNpyHeader(p).shape).toEqual([7]);
    m.append(arange(7, 10, '<i4'));
    expect(readNpyHeader(p).shape).toEqual([10]);
    expect(head.toArray()).toEqual([0, 1]);
    expect(() => m.resize(12)).toThrow(/a \.npy memmap grows with append/);
    const offset = readNpyHeader(p).dataOffset;
    m.close();
    expect(fs.statSync(p).size).toBe(offset + 40);
    expect((openNpy(p) as Memmap).toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  test('createNpy memmaps grow the same way', () => {
    const p = tmp.path('c.npy');
    const m = createNpy(p, '<f4', [1, 2]);
    m.append([[1, 2], [3, 4]]);
    m.close();
    expect(readNpyHeader(p).shape).toEqual([3, 2]);
    expect((openNpy(p) as Memmap).toArray()).toEqual([[0, 0], [1, 2], [3, 4]]);
  });

  test('a header without room refuses before writing a byte', () => {
    const p = tightU4(9, [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    const bytes = fs.readFileSync(p);
    const m = openNpy(p, { mode: 'r+' }) as Memmap;
    expect(() => m.append([9])).toThrow(ValueError);
    expect(() => m.append([9])).toThrow(/has no room for 10 rows; close the memmap and use appendNpy\(\)/);
    expect(m.shape).toEqual([9]);
    m.close();
    expect(fs.readFileSync(p)).toEqual(bytes);
  });
});

describeWithNumpy('np.load after every append', () => {
  test('appendNpy and memmap append, records and rewrites: np.load agrees each time', () => {
    const p = tmp.path('rec.npy');
    runNumpy(`np.save(${JSON.stringify(p)}, np.zeros(2, dtype=[('id','<u4'),('v','<f8')]))\nprint('null')`);
    appendNpy(p, [[1, 0.5]]);
    expect(npLoad(p)).toEqual({ shape: [3], values: [[0, 0], [0, 0], [1, 0.5]] });
    const m = openNpy(p, { mode: 'r+' }) as Memmap;
    m.append([{ id: 2, v: 1.5 }]);
    // Loadable while the memmap is open (the capacity's zeros are past what the header claims).
    expect(npLoad(p)).toEqual({ shape: [4], values: [[0, 0], [0, 0], [1, 0.5], [2, 1.5]] });
    m.close();
    const q = tightU4(9, [0, 1, 2, 3, 4, 5, 6, 7, 8]);
    appendNpy(q, [9, 10]);
    expect(npLoad(q)).toEqual({ shape: [11], values: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
  });
});

describeWithNumpy('a crash between the rows and the header', () => {
  // The child appends rows of 1000 f8 (row i holds i) and, on the armed
  // append, dies by SIGKILL at the header write: the rows are on disk, the
  // header is not.
  function crashChild(p: string, via: 'appendNpy' | 'memmap', appends: number, armAt: number): { signal: string | null; status: number | null; stderr: string } {
    const body = `
      const fs = require('fs');
      const L = require(${JSON.stringify(path.join(DIST, 'index.js'))});
      const p = ${JSON.stringify(p)};
      const headerEnd = L.readNpyHeader(p).dataOffset;
      let armed = false;
      const write = fs.writeSync;
      fs.writeSync = function (fd, buf, off, len, pos) {
        if (armed && typeof pos === 'number' && pos < headerEnd) process.kill(process.pid, 'SIGKILL');
        return write.apply(fs, arguments);
      };
      const m = ${via === 'memmap' ? 'L.openNpy(p, { mode: "r+" })' : 'null'};
      for (let i = 0; i < ${appends}; i++) {
        armed = i === ${armAt};
        const row = L.zeros([1, 1000], '<f8'); row.fill(i + 1);
        ${via === 'memmap' ? 'm.append(row);' : 'L.appendNpy(p, row);'}
      }
      ${via === 'memmap' ? 'm.close();' : ''}
    `;
    const r = spawnSync(process.execPath, ['-e', body], { encoding: 'utf8' });
    return { signal: r.signal, status: r.status, stderr: r.stderr };
  }

  for (const via of ['appendNpy', 'memmap'] as const) {
    test(`${via}: killed at the 4th header write, np.load gives the 3 rows before it (control: not armed, all 5)`, () => {
      if (!fs.existsSync(path.join(DIST, 'npy', 'append.js'))) throw new Error(`build dist first (npx tsc -p tsconfig.build.json): ${DIST}`);
      const p = tmp.path(`crash-${via}.npy`);
      const control = tmp.path(`control-${via}.npy`);
      for (const f of [p, control]) saveNpy(f, zeros([1, 1000], '<f8'));
      const ok = crashChild(control, via, 5, -1);
      expect(ok).toEqual({ signal: null, status: 0, stderr: '' });
      const dead = crashChild(p, via, 5, 3);
      expect(dead.signal).toBe('SIGKILL');
      // The 4th row reached the file; the header does not claim it.
      expect(fs.statSync(p).size).toBeGreaterThanOrEqual(readNpyHeader(p).dataOffset + 5 * 8000);
      const check = `
for name in ${JSON.stringify([p, control])}:
    a = np.load(name)
    print(json.dumps([list(a.shape), [float(r[0]) for r in a], bool((a == a[:, :1]).all())]))`;
      const out = spawnSync('python3', ['-c', `import numpy as np, json\n${check}`], { encoding: 'utf8' });
      expect(out.stderr).toBe('');
      const [crashed, full] = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
      expect(crashed).toEqual([[4, 1000], [0, 1, 2, 3], true]);
      expect(full).toEqual([[6, 1000], [0, 1, 2, 3, 4, 5], true]);
    });
  }
});

describe('appending to an empty .npy memmap', () => {
  test('createNpy and openNpy r+ of an empty array: the header follows the first append', () => {
    const p = tmp.path('empty.npy');
    const m = createNpy(p, '<i4', [0, 2]);
    m.append([[1, 2]]);
    m.close();
    expect(readNpyHeader(p).shape).toEqual([1, 2]);
    const e = tmp.path('empty2.npy');
    createNpy(e, '<f8', [0]).close();
    const r = openNpy(e, { mode: 'r+' });
    r.append([0.5, 1.5]);
    r.close();
    expect(readNpyHeader(e).shape).toEqual([2]);
    for (const [f, want] of [[e, [0.5, 1.5]], [p, [[1, 2]]]] as const) {
      const a = openNpy(f);
      expect(a.toArray()).toEqual(want);
      a.close();
    }
  });
});
