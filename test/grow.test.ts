// Memmap.resize / append / refresh / follow: files that grow, on real temp
// files, with views taken before and after each change.
import { fork } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { AccessError, arange, fromBuffer, Memmap, memmap, stats, ValueError } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { useTempDir } from './helpers/tmp';
import { thrownBy } from './helpers/thrown';

const tmp = useTempDir('mmarray-grow-');

const REC = { names: ['id', 'v'], formats: ['<u4', '<f4'] };

function u4File(values: number[]): string {
  return tmp.file(new Uint8Array(Uint32Array.from(values).buffer));
}

function fileU4(p: string): number[] {
  const b = fs.readFileSync(p);
  return Array.from(new Uint32Array(b.buffer, b.byteOffset, b.length / 4));
}

function expectClosed(fn: () => unknown): void {
  expect(thrownBy(fn, AccessError).code).toBe('ERR_CLOSED');
}

/** A new 'w+' record file: from shape [0] where empty 'w+' arrays are legal, else from one row. */
function newLog(p: string, dtype: unknown): { m: Memmap; start: number } {
  try {
    return { m: memmap(p, { mode: 'w+', dtype: dtype as never, shape: [0] }), start: 0 };
  } catch (e) {
    if (!(e instanceof ValueError)) throw e;
    return { m: memmap(p, { mode: 'w+', dtype: dtype as never, shape: [1] }), start: 1 };
  }
}

describe('append', () => {
  test('appends to an existing 1-d file; close() trims the file to the records', () => {
    const p = u4File([1, 2, 3]);
    const m = memmap(p, { dtype: '<u4' });
    m.append([4, 5]);
    m.append(arange(6, 9, 'u4'));
    expect(m.shape).toEqual([8]);
    expect(m.toArray()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    // Ahead of the data the file holds zeros (the capacity), whole rows of them.
    expect(fs.statSync(p).size).toBe(64 * 1024);
    m.close();
    expect(fileU4(p)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  test('appending the array to itself doubles it (the source is read before the file grows under it)', () => {
    const p = u4File([1, 2, 3]);
    const m = memmap(p, { dtype: '<u4' });
    m.append(m);
    m.append(m.index('::-2')); // strided: converted through a copy
    expect(m.toArray()).toEqual([1, 2, 3, 1, 2, 3, 3, 1, 2]);
    m.close();
    expect(fileU4(p)).toEqual([1, 2, 3, 1, 2, 3, 3, 1, 2]);
  });

  test('closing through a view trims to the whole array, not to the view', () => {
    const p = u4File([1, 2]);
    const m = memmap(p, { dtype: '<u4' });
    m.append([3, 4, 5]);
    const v = m.index('0:1');
    v.close();
    expect(m.closed).toBe(true);
    expect(fileU4(p)).toEqual([1, 2, 3, 4, 5]);
  });

  test('records from a new w+ file, converted from objects, tuples and a record array', () => {
    const p = tmp.path('log.bin');
    const { m, start } = newLog(p, REC);
    m.append([{ id: 1, v: 0.5 }, [2, 1.5]]);
    const more = fromBuffer(new Uint8Array(16), REC);
    more.set([{ id: 3, v: 2.5 }, { id: 4, v: 3.5 }]);
    m.append(more);
    m.append(more.index(0)); // one row (a 0-d record)
    expect(m.shape).toEqual([start + 5]);
    expect((m.index(`${start}:`).toArray() as { id: number }[]).map((r) => r.id)).toEqual([1, 2, 3, 4, 3]);
    m.close();
    expect(fs.statSync(p).size).toBe((start + 5) * 8);
  });

  test('views taken before a growth stay valid and see the same bytes; writes flow both ways', () => {
    const p = u4File([10, 11, 12, 13]);
    const m = memmap(p, { dtype: '<u4' });
    const before = m.index('1:3');
    const typed = m.typedArray() as Uint32Array;
    for (let i = 0; i < 5; i++) m.append(new Array(40000).fill(i)); // past several capacities (64 KiB .. 1 MiB)
    expect(m.shape).toEqual([200004]);
    expect(before.toArray()).toEqual([11, 12]);
    expect(Array.from(typed)).toEqual([10, 11, 12, 13]);
    before.set([0], 99);
    expect(m.get(1)).toBe(99);
    m.set([2], 77);
    expect(before.get(1)).toBe(77);
    expect(typed[2]).toBe(77);
    const after = m.index('-2:');
    expect(after.toArray()).toEqual([4, 4]);
    m.close();
    expectClosed(() => before.get(0));
    expectClosed(() => after.get(0));
    expect(typed.length).toBe(0);
    expect(fs.statSync(p).size).toBe(200004 * 4);
  });

  test('the first axis of a 2-d file grows; rows must match', () => {
    const p = tmp.file(new Uint8Array(Float64Array.from([1, 2, 3, 4, 5, 6]).buffer));
    const m = memmap(p, { dtype: '<f8', shape: [2, 3] });
    m.append([[7, 8, 9]]);
    m.append(fromBuffer(new Uint8Array(Float64Array.from([10, 11, 12]).buffer), '<f8')); // one row
    expect(m.toArray()).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]);
    expect(() => m.append(arange(4, 'f8'))).toThrow('append() takes rows of shape [3]: an array of shape [k, 3] or one row, got shape [4]');
    expect(() => m.append([[1, 2]])).toThrow();
    m.close();
    expect(fs.statSync(p).size).toBe(4 * 3 * 8);
  });

  test('a bad value writes nothing and keeps the length', () => {
    const p = u4File([1, 2]);
    const m = memmap(p, { dtype: '<u4' });
    expect(() => m.append([3, 'x', 5])).toThrow();
    expect(() => m.append(5 as never)).toThrow('append() takes an NdArray or an array of rows (wrap a single row in [ ]), got 5');
    expect(m.toArray()).toEqual([1, 2]);
    m.append([]);
    m.close();
    expect(fileU4(p)).toEqual([1, 2]);
  });

  test('refused: views, read-only and copy-on-write maps, F order, and arrays with bytes after them', () => {
    const p = u4File([1, 2, 3, 4]);
    const r = memmap(p, { dtype: '<u4', mode: 'r' });
    expect(() => r.append([1])).toThrow(AccessError);
    r.close();
    const c = memmap(p, { dtype: '<u4', mode: 'c' });
    expect(() => c.append([1])).toThrow(/copy-on-write/);
    c.close();
    const m = memmap(p, { dtype: '<u4' });
    expect(() => m.index('1:').append([1])).toThrow(/this is a view of it/);
    m.close();
    const part = memmap(p, { dtype: '<u4', shape: [2] });
    expect(() => part.append([9])).toThrow(`'${p}' has 8 more bytes after the array (file 16 bytes, array ends at 8); only an array that ends at the end of its file can grow`);
    part.close();
    const f = memmap(p, { dtype: '<u4', shape: [2, 2], order: 'F' });
    expect(() => f.append([[1, 2]])).toThrow(/C-ordered/);
    f.close();
    expect(fileU4(p)).toEqual([1, 2, 3, 4]);
  });

  test('the open-mapping count follows the current mapping and returns to where it was', () => {
    const open0 = stats().openMappings;
    const bytes0 = stats().mappedBytes;
    const m = memmap(u4File([1]), { dtype: '<u4' });
    for (let i = 0; i < 3; i++) m.append(new Array(10000).fill(1));
    expect(stats().openMappings).toBe(open0 + 1);
    expect(stats().mappedBytes).toBe(bytes0 + 128 * 1024);
    m.close();
    expect(stats().openMappings).toBe(open0);
    expect(stats().mappedBytes).toBe(bytes0);
  });
});

describe('resize', () => {
  test('growing adds zeros and extends the file exactly; old views stay valid', () => {
    const p = u4File([1, 2, 3]);
    const m = memmap(p, { dtype: '<u4' });
    const v = m.index('::2');
    m.resize([2, 3]);
    expect(m.toArray()).toEqual([[1, 2, 3], [0, 0, 0]]);
    expect(fs.statSync(p).size).toBe(24);
    expect(v.toArray()).toEqual([1, 3]);
    m.close();
  });

  test('shrinking truncates the file; views and typed arrays taken before are closed, the memmap goes on', () => {
    const p = u4File([1, 2, 3, 4, 5, 6]);
    const m = memmap(p, { dtype: '<u4' });
    const v = m.index('4:');
    const typed = m.typedArray();
    m.resize(2);
    expect(fs.statSync(p).size).toBe(8);
    expectClosed(() => v.get(0));
    expect(typed.length).toBe(0);
    expect(m.toArray()).toEqual([1, 2]);
    m.append([9]);
    m.close();
    expect(fileU4(p)).toEqual([1, 2, 9]);
  });

  test('after appends, a shrink drops the capacity too', () => {
    const p = u4File([1]);
    const m = memmap(p, { dtype: '<u4' });
    m.append([2, 3, 4]);
    m.resize(2);
    expect(fs.statSync(p).size).toBe(8);
    m.resize(3);
    expect(m.toArray()).toEqual([1, 2, 0]);
    m.close();
    expect(fileU4(p)).toEqual([1, 2, 0]);
  });

  test('refuses an empty shape and bad shapes before touching the file', () => {
    const p = u4File([1, 2]);
    const m = memmap(p, { dtype: '<u4' });
    expect(() => m.resize(0)).toThrow(/empty array/);
    expect(() => m.resize([-1])).toThrow(/negative dimensions/);
    m.close();
    expect(fileU4(p)).toEqual([1, 2]);
  });
});

describe('refresh and follow (two processes)', () => {
  const writer = path.join(__dirname, 'helpers', 'grow-writer.js');

  test('a reader follows a writer process appending records', async () => {
    const p = tmp.file(new Uint8Array(new Uint32Array([0, 0]).buffer)); // record 0: id 0, v 0
    const r = memmap(p, { dtype: REC, mode: 'r' });
    expect(r.refresh()).toBe(0);
    const ac = new AbortController();
    const child = fork(writer, [p, '200', '7'], { stdio: 'inherit' });
    // Should the writer die early, stop following soon after: a failed
    // comparison below says what was missing, where waiting would hang.
    const exited = new Promise((res) => child.on('exit', res));
    void exited.then(() => setTimeout(() => ac.abort(), 5000).unref());
    const seen: number[] = [0];
    const first = r.index('0:1');
    for await (const rows of r.follow({ interval: 5, signal: ac.signal })) {
      for (const rec of rows.toArray() as { id: number; v: number }[]) {
        expect(rec.v).toBe(rec.id / 2);
        seen.push(rec.id);
      }
      if (seen.length === 201) ac.abort();
    }
    await exited;
    expect(seen).toEqual(Array.from({ length: 201 }, (_, i) => i));
    expect(r.shape).toEqual([201]);
    expect(first.toArray()).toEqual([{ id: 0, v: 0 }]);
    r.close();
  });

  test('follow() ends when its signal aborts or the memmap closes, with nothing new', async () => {
    const p = u4File([1]);
    const r = memmap(p, { dtype: '<u4', mode: 'r' });
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 20);
    const got: unknown[] = [];
    for await (const rows of r.follow({ interval: 1000, signal: ac.signal })) got.push(rows);
    setTimeout(() => r.close(), 20);
    for await (const rows of r.follow({ interval: 5 })) got.push(rows);
    expect(got).toEqual([]);
    const q = memmap(p, { dtype: '<u4', mode: 'r' });
    await expect(q.follow({ interval: -1 }).next()).rejects.toThrow('interval must be a number of milliseconds >= 0, got -1');
    q.close();
  });

  test('refresh counts only whole records and refuses a file that shrank', () => {
    const p = u4File([1, 2]);
    const r = memmap(p, { dtype: '<u4', mode: 'r' });
    fs.appendFileSync(p, Buffer.from([3, 0, 0, 0, 4, 0]));
    expect(r.refresh()).toBe(1);
    expect(r.toArray()).toEqual([1, 2, 3]);
    const c = memmap(p, { dtype: '<u4', mode: 'c', shape: [3] });
    expect(() => c.refresh()).toThrow(/copy-on-write/);
    c.close();
    r.close();
    const q = memmap(p, { dtype: '<u4', mode: 'r', shape: [2] });
    fs.truncateSync(p, 4);
    expect(() => q.refresh()).toThrow(/shrank to 4 bytes/);
    q.close();
  });
});

describeWithNumpy('NumPy reads what append wrote', () => {
  test('np.fromfile after close, and np.memmap of an untrimmed file (a crash) maps whole rows', () => {
    const p = tmp.path('rec.bin');
    const { m, start } = newLog(p, REC);
    const n = 3000;
    for (let i = 0; i < n; i += 100) m.append(Array.from({ length: 100 }, (_, j) => [i + j, (i + j) / 4]));
    // Before close the file holds whole zero rows past the data.
    const open = runNumpy<{ n: number; ids: number }>(`
a = np.memmap(${JSON.stringify(p)}, dtype=[('id','<u4'),('v','<f4')], mode='r')
print(json.dumps({'n': len(a), 'ids': int(a['id'][${start}:${start + n}].sum())}))`);
    expect(open.n).toBeGreaterThan(n);
    expect(open.ids).toBe((n * (n - 1)) / 2);
    m.close();
    const closed = runNumpy<{ n: number; ok: boolean }>(`
a = np.fromfile(${JSON.stringify(p)}, dtype=[('id','<u4'),('v','<f4')])[${start}:]
print(json.dumps({'n': len(a), 'ok': bool((a['id'] == np.arange(${n})).all() and (a['v'] == np.arange(${n}) / 4).all())}))`);
    expect(closed).toEqual({ n, ok: true });
  });
});

describe('growing an empty memmap (nothing mapped until the first rows)', () => {
  test("append to an empty 'r+' memmap maps the file; a view taken while empty closes with it", () => {
    const p = tmp.path('empty.bin');
    fs.writeFileSync(p, new Uint8Array(0));
    const m = memmap(p, { dtype: '<u4', mode: 'r+', shape: [0] });
    const before = m.index('0:');
    m.append([7, 8, 9]);
    expect(m.toArray()).toEqual([7, 8, 9]);
    expect(stats().openMappings).toBeGreaterThan(0);
    m.close();
    // NumPy's one filler byte is replaced by the rows, and the capacity trimmed.
    expect(fileU4(p)).toEqual([7, 8, 9]);
    expectClosed(() => before.toArray());
  });

  test('an empty memmap whose file goes on past it refuses to grow (those bytes are not its own)', () => {
    const p = u4File([1, 2, 3]);
    const m = memmap(p, { dtype: '<u4', mode: 'r+', shape: [0], offset: 4 });
    expect(() => m.append([5])).toThrow(/8 more bytes after the array/);
    m.close();
    expect(fileU4(p)).toEqual([1, 2, 3]);
  });

  test("an empty 'r' memmap refuses append with ERR_READ_ONLY; refresh() maps the rows the file gained", () => {
    const p = u4File([1]);
    const m = memmap(p, { dtype: '<u4', mode: 'r', shape: [0], offset: 4 });
    expect(() => m.append([5])).toThrow(AccessError);
    fs.appendFileSync(p, new Uint8Array(Uint32Array.from([2, 3]).buffer));
    expect(m.refresh()).toBe(2);
    expect(m.toArray()).toEqual([2, 3]);
    m.close();
  });
});
