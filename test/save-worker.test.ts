// native/save_worker.cc, through saveNpyAsync (lib/async.ts): the one pool
// job that gathers, writes, fsyncs and renames writes the bytes saveNpy
// writes for every layout, reports monotone progress, aborts and survives
// close() of its source leaving the target as it was and no temporary file,
// and names the file in its errors.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as mm from '../lib';
import type { NdArray } from '../lib';
import { kernelSaveAbort, kernelSaveProgress, type SaveJob } from '../lib/native';
import { rng } from './helpers/bytes';
import { useTempDir } from './helpers/tmp';

const DIST = path.resolve(__dirname, '../dist');
const tmp = useTempDir('mmarray-save-worker-');

function temporaries(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));
}

/** `a` with random bytes. */
function randomBytes(a: NdArray, seed: number): NdArray {
  const r = rng(seed);
  const bytes = new Uint8Array(a.buffer, a.offset, a.nbytes);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(r() * 256);
  return a;
}

async function expectSameFile(v: NdArray): Promise<void> {
  const p1 = tmp.path('sync.npy');
  const p2 = tmp.path('async.npy');
  mm.saveNpy(p1, v);
  await mm.saveNpyAsync(p2, v);
  const want = fs.readFileSync(p1);
  const got = fs.readFileSync(p2);
  if (!got.equals(want)) throw new Error(`${v.dtype.str} shape ${JSON.stringify(v.shape)} strides ${JSON.stringify(v.strides)}: bytes differ`);
  fs.rmSync(p1);
  fs.rmSync(p2);
}

describe('saveNpyAsync writes what saveNpy writes', () => {
  test('every item size, both byte orders, strided, reversed, transposed, broadcast and empty views', async () => {
    for (const dt of ['|u1', '<i2', '>i2', '<f4', '>f4', '<f8', '>c16', '|b1', '|V3', '|S12']) {
      const a = randomBytes(mm.zeros([37, 41, 3], dt), dt.length);
      const views = [a, a.index('::-1, 2::3, :'), a.index(':, ::-2, 1'), a.transpose(), a.transpose([1, 0, 2]),
        a.index('5, 7, 1'), a.index('3:3'), a.index('::2').copy('F')];
      for (const v of views) await expectSameFile(v);
    }
    const row = mm.arange(0, 5, 1, '<i4');
    await expectSameFile(mm.broadcastTo(row, [4, 5]));
  });

  test('a mapped source, contiguous and strided, larger than one staging buffer', async () => {
    const p = tmp.path('src.npy');
    mm.saveNpy(p, mm.arange(0, 3 << 20, 1, '<f8').reshape([3 << 10, 1 << 10]));
    const m = mm.openNpy(p) as mm.Memmap;
    try {
      for (const v of [m, m.index('::-1, 1::3'), m.transpose()]) await expectSameFile(v);
    } finally {
      m.close();
    }
  });
});

describe('saveNpyAsync as one pool job', () => {
  test('progress is monotone and ends at the total; a contiguous save of its own mapped input works', async () => {
    const p = tmp.path('self.npy');
    mm.saveNpy(p, mm.arange(0, 4 << 20, 1, '<f8'));
    const m = mm.openNpy(p) as mm.Memmap;
    const seen: [number, number][] = [];
    await mm.saveNpyAsync(p, m.index('::-1'), { onProgress: (d, t) => seen.push([d, t]) });
    m.close();
    expect(seen.length).toBeGreaterThan(0);
    for (let i = 1; i < seen.length; i++) expect(seen[i][0]).toBeGreaterThan(seen[i - 1][0]);
    expect(seen[seen.length - 1]).toEqual([32 << 20, 32 << 20]);
    const back = mm.openNpy(p) as mm.Memmap;
    expect(back.get(0)).toBe((4 << 20) - 1);
    expect(back.get((4 << 20) - 1)).toBe(0);
    back.close();
    expect(temporaries(path.dirname(p))).toEqual([]);
  });

  test('an abort during the work rejects with AbortError, keeps the old file and removes the temporary', async () => {
    const q = tmp.path('keep.npy');
    fs.writeFileSync(q, 'old contents');
    const a = mm.zeros([8 << 20], '<f8').index('::2');
    let aborted = 0;
    for (let i = 0; i < 5; i++) {
      const c = new AbortController();
      const pr = mm.saveNpyAsync(q, a, { signal: c.signal });
      setTimeout(() => c.abort(), i);
      const r = await pr.then(() => 'done', (e: Error) => e);
      if (r === 'done') {
        fs.writeFileSync(q, 'old contents');
        continue;
      }
      expect(r).toBeInstanceOf(mm.AbortError);
      expect(fs.readFileSync(q, 'utf8')).toBe('old contents');
      aborted++;
    }
    expect(aborted).toBeGreaterThan(0);
    expect(temporaries(path.dirname(q))).toEqual([]);
  });

  test('close() of the source during the work: ERR_CLOSED naming it, or done; the target whole either way', async () => {
    const p = tmp.path('src.npy');
    mm.saveNpy(p, mm.arange(0, 4 << 20, 1, '<f8'));
    const q = tmp.path('dst.npy');
    let closed = 0;
    for (let i = 0; i < 10; i++) {
      fs.writeFileSync(q, 'old contents');
      const m = mm.openNpy(p) as mm.Memmap;
      const pr = mm.saveNpyAsync(q, m.index('::-1'));
      await new Promise((r) => setTimeout(r, i % 3));
      m.close();
      const r = await pr.then(() => null, (e: { code?: string; message: string }) => e);
      if (r === null) {
        expect(fs.statSync(q).size).toBe(128 + (32 << 20));
      } else {
        expect(r.code).toBe('ERR_CLOSED');
        expect(r.message).toContain(p);
        expect(fs.readFileSync(q, 'utf8')).toBe('old contents');
        closed++;
      }
    }
    expect(closed).toBeGreaterThan(0);
    expect(temporaries(path.dirname(q))).toEqual([]);
  });

  test('a missing folder rejects with an fs-shaped error naming the file, before anything is written', async () => {
    const missing = path.join(tmp.path('nowhere'), 'x.npy');
    const e = await mm.saveNpyAsync(missing, mm.arange(0, 10, 1, '<i4')).then(() => null, (x: NodeJS.ErrnoException) => x);
    expect(e).toMatchObject({ code: 'ENOENT', syscall: 'open' });
    expect(e!.message).toContain(path.dirname(missing));
    expect(e!.path).toContain(path.dirname(missing));
  });

  test('threads is checked as in the other async calls', async () => {
    await expect(mm.saveNpyAsync(tmp.path('t.npy'), mm.zeros([3]), { threads: 0 })).rejects.toBeInstanceOf(RangeError);
  });

  test('the control functions refuse anything but the id of a save', () => {
    // The addon's TypeError is of the main realm, not jest's: match the code.
    expect(() => kernelSaveAbort({} as unknown as SaveJob)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE', message: 'expected the id of a kernelSaveAsync job' }));
    expect(() => kernelSaveProgress(0.5 as SaveJob)).toThrow(expect.objectContaining({ code: 'ERR_INVALID_ARG_TYPE' }));
    // A well-formed id no save holds (settled, never made, or an async
    // kernel's job) is no save: nothing to abort, no progress.
    expect(kernelSaveProgress(4000000000 as SaveJob)).toBeNull();
    expect(() => kernelSaveAbort(4000000000 as SaveJob)).not.toThrow();
  });

  test('a forked child closing the source mid-save 300 times lives, and leaves no temporary', () => {
    const dir = tmp.path('fork');
    fs.mkdirSync(dir);
    const src = path.join(dir, 'src.npy');
    mm.saveNpy(src, mm.arange(0, 1 << 20, 1, '<f4'));
    const child = `
      const L = require(${JSON.stringify(path.join(DIST, 'index.js'))});
      (async () => {
        const out = { done: 0, closed: 0 };
        for (let i = 0; i < 300; i++) {
          const m = L.openNpy(${JSON.stringify(src)});
          const work = L.saveNpyAsync(${JSON.stringify(path.join(dir, 'dst.npy'))}, i % 2 ? m : m.index('::-3'));
          await new Promise((r) => (i % 3 ? setImmediate(r) : r()));
          m.close();
          await work.then(() => out.done++, (e) => { if (e.code !== 'ERR_CLOSED') throw e; out.closed++; });
        }
        process.stdout.write(JSON.stringify(out));
      })().catch((e) => { console.error(e); process.exit(3); });
    `;
    const r = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8', timeout: 120_000 });
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { done: number; closed: number };
    expect(out.done + out.closed).toBe(300);
    expect(temporaries(dir)).toEqual([]);
  });
});

// Writeback pacing (save_worker.cc SaveJob::Pace): every 32 MiB written, the
// new window goes to disk and the one before it is waited for. It changes
// when pages reach the disk, never what the file holds or how it is made
// durable: fsync of the temporary after the last window, then the rename,
// then fsync of the folder.
const STRACE = spawnSync('strace', ['-f', '-o', '/dev/null', 'true']).status === 0;

describe('saveNpyAsync paces its writeback', () => {
  test('contiguous and strided saves over several windows write what saveNpy writes', async () => {
    const big = mm.arange(0, 10 << 20, 1, '<f8');
    for (const v of [big, big.index('::-1'), big.reshape([1 << 10, 10 << 10]).transpose()]) await expectSameFile(v);
  });

  (STRACE ? test : test.skip)('under strace: windows paced with sync_file_range, then fsync, rename and the folder fsync, in that order', () => {
    const dir = tmp.path('paced');
    fs.mkdirSync(dir);
    const dst = path.join(dir, 'dst.npy');
    const trace = path.join(dir, 'trace.txt');
    const child = `
      const L = require(${JSON.stringify(path.join(DIST, 'index.js'))});
      L.saveNpyAsync(${JSON.stringify(dst)}, L.arange(0, 10 << 20, 1, '<f8')).then(() => process.stdout.write('ok'));
    `;
    const r = spawnSync('strace', ['-f', '-o', trace, '-e', 'trace=sync_file_range,fsync,rename,renameat,renameat2', process.execPath, '-e', child],
      { encoding: 'utf8', timeout: 120_000 });
    expect(r.stdout).toBe('ok');
    const want = tmp.path('want.npy');
    mm.saveNpy(want, mm.arange(0, 10 << 20, 1, '<f8'));
    expect(fs.readFileSync(dst).equals(fs.readFileSync(want))).toBe(true);
    // One call a line ("pid name(args"); a call another thread interrupts
    // shows as "<unfinished ...>" where it started, which keeps the order.
    const calls = fs.readFileSync(trace, 'utf8').split('\n')
      .map((l) => /^\d+\s+(sync_file_range|fsync|rename\w*)\((\S+?),/.exec(l) ?? /^\d+\s+(fsync)\((\d+)\)/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ name: m[1], arg: m[2] }));
    const paced = calls.filter((c) => c.name === 'sync_file_range');
    // 80 MiB: windows kicked at 32 and 64 MiB, the first waited for at 64.
    expect(paced.length).toBeGreaterThanOrEqual(3);
    const fd = paced[0].arg;
    expect(paced.every((c) => c.arg === fd)).toBe(true);
    const lastPaced = calls.lastIndexOf(paced[paced.length - 1]);
    const fileSync = calls.findIndex((c) => c.name === 'fsync' && c.arg === fd);
    const rename = calls.findIndex((c) => c.name.startsWith('rename'));
    const dirSync = calls.findIndex((c, i) => i > rename && c.name === 'fsync');
    expect(lastPaced).toBeLessThan(fileSync);
    expect(fileSync).toBeLessThan(rename);
    expect(rename).toBeLessThan(dirSync);
    expect(temporaries(dir)).toEqual([]);
  });
});
