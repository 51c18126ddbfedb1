// Memmaps of empty arrays (lib/empty-mapping.ts): NumPy >= 2.2 maps them
// (gh-27723) in every mode, with an offset too, and leaves the file at a size
// this test asks NumPy for.
import * as fs from 'fs';
import { AccessError, ValueError } from '../lib/errors';
import { memmap, Memmap, type MemmapMode } from '../lib/memmap';
import { createNpy, openNpy } from '../lib/npy/npy';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-empty-');

/** [mode, initial file size or null for no file, shape, offset, order]. */
const CASES: [MemmapMode, number | null, number[] | null, number, 'C' | 'F'][] = [
  ['w+', null, [0], 0, 'C'],
  ['w+', 100, [0, 3], 10, 'C'],
  ['w+', null, [2, 0], 5000, 'F'],
  ['r+', 0, [0], 0, 'C'],
  ['r+', 0, null, 0, 'C'],
  ['r+', 3, [0, 4], 4096 + 7, 'C'],
  ['r+', 50, [0], 20, 'C'],
  ['r', 8, [0, 3], 0, 'C'],
  ['r', 8, [0, 3], 8, 'C'],
  ['r', 8, [0, 3], 9, 'C'],
  ['r', 0, null, 0, 'C'],
  ['c', 8, [3, 0], 2, 'F'],
  ['c', 0, [0], 0, 'C'],
  ['r+', null, [0], 0, 'C'],
];

interface Answer {
  error?: string;
  shape?: number[];
  strides?: number[];
  offset?: number;
  writeable?: boolean;
  /** File size afterwards, or null when there is no file. */
  size: number | null;
}

describeWithNumpy('memmap of an empty array against NumPy', () => {
  test.each(CASES)("mode '%s', file of %p bytes, shape %p, offset %p, order %s", (mode, initial, shape, offset, order) => {
    const theirs = tmp.path('numpy.bin');
    const ours = tmp.path('ours.bin');
    if (initial !== null) {
      fs.writeFileSync(theirs, new Uint8Array(initial));
      fs.writeFileSync(ours, new Uint8Array(initial));
    }
    const want = runNumpy<Answer>(`
import os
p, mode, shape, offset, order = json.loads(sys.stdin.read())
r = {}
try:
    m = np.memmap(p, dtype='<f4', mode=mode, shape=None if shape is None else tuple(shape), offset=offset, order=order)
    r = dict(shape=list(m.shape), strides=list(m.strides), offset=m.offset, writeable=bool(m.flags.writeable))
except Exception as e:
    r = dict(error=type(e).__name__)
r['size'] = os.path.getsize(p) if os.path.exists(p) else None
print(json.dumps(r))
`, JSON.stringify([theirs, mode, shape, offset, order]));
    let got: Answer;
    try {
      const m = memmap(ours, { dtype: '<f4', mode, shape: shape ?? undefined, offset, order });
      got = { shape: [...m.shape], strides: [...m.strides], offset: m.fileOffset!, writeable: m.flags.writeable, size: 0 };
      expect(m.filename).toBe(ours);
      expect(m.mode).toBe(mode);
      m.flush();
      m.close();
      expect(() => m.flush()).toThrow(AccessError);
    } catch (e) {
      const err = e as Error & { code?: string };
      got = { error: err.code === 'ENOENT' ? 'FileNotFoundError' : err instanceof ValueError ? 'ValueError' : err.name, size: 0 };
    }
    got.size = fs.existsSync(ours) ? fs.statSync(ours).size : null;
    expect(got).toEqual(want);
  });

  test("openNpy of an empty array is a Memmap with flush(), as NumPy's open_memmap gives; createNpy makes one", () => {
    const p = tmp.path('empty.npy');
    const c = createNpy(p, '<f8', [0, 2]);
    c.close();
    const want = runNumpy<{ size: number; shape: number[] }>(`
from numpy.lib.format import open_memmap
p = sys.stdin.read()
m = open_memmap(p, mode='r')
print(json.dumps(dict(size=len(open(p, 'rb').read()), shape=list(m.shape))))
`, p);
    for (const mode of ['r', 'r+', 'c'] as const) {
      const m = openNpy(p, { mode });
      expect(m).toBeInstanceOf(Memmap);
      expect(m.shape).toEqual(want.shape);
      expect(m.flags.writeable).toBe(mode !== 'r');
      m.flush();
      m.close();
    }
    expect(fs.statSync(p).size).toBe(want.size);
  });
});

describe('the file checks of any mapping', () => {
  test("'w+' of an empty array on a file this process maps is refused (ERR_MMARRAY_MAPPED) and the file kept", () => {
    const p = tmp.file(new Uint8Array([1, 2, 3, 4]));
    const live = memmap(p, { dtype: 'u1', mode: 'r+' });
    let caught: unknown;
    try {
      memmap(p, { dtype: 'u1', mode: 'w+', shape: [0] });
    } catch (e) {
      caught = e;
    }
    expect((caught as { code?: string }).code).toBe('ERR_MMARRAY_MAPPED');
    expect(Array.from(fs.readFileSync(p))).toEqual([1, 2, 3, 4]);
    expect(live.toArray()).toEqual([1, 2, 3, 4]);
    live.close();
  });

  test('an empty array over a directory is refused as any mapping is (EISDIR), in every mode', () => {
    for (const mode of ['r', 'r+', 'c'] as const) {
      expect(() => memmap(tmp.dir, { dtype: 'u1', mode, shape: [0] })).toThrow(expect.objectContaining({ code: 'EISDIR' }));
    }
  });
});

describe('createNpy of an empty array over an existing file', () => {
  test('replaces it aside with a valid .npy of the empty array (the old bytes are gone only once it is built)', () => {
    const p = tmp.file(new Uint8Array(100).fill(7));
    const c = createNpy(p, '<f8', [0, 3]);
    expect(c).toBeInstanceOf(Memmap);
    expect(c.filename).toBe(p);
    expect(c.shape).toEqual([0, 3]);
    c.close();
    const back = openNpy(p);
    expect(back.shape).toEqual([0, 3]);
    expect(back.dtype.str).toBe('<f8');
    back.close();
    // Only the header: the 100 old bytes did not survive, nor did a temporary file.
    expect(fs.statSync(p).size % 64).toBe(0);
    expect(fs.readdirSync(tmp.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
