// Hostile targets, sizes and callbacks that used to end the process or
// destroy what they were given: saving over a FIFO (as root, over a device
// node), an onProgress that throws in the progress timer, a dtype spec that
// holds itself, native scratch buffers past the machine's memory. Cases
// that crashed run in forked children, with a control child beside them.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import * as L from '../lib';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-limits-');

/**
 * Runs `body` in a child node over dist/ (L and fs in scope); its last stdout
 * line, exit status and signal. `fileLimitKiB` sets RLIMIT_FSIZE (`ulimit -f`).
 */
function child(body: string, fileLimitKiB?: number): { status: number | null; signal: NodeJS.Signals | null; out: string; stderr: string } {
  const dist = path.resolve(__dirname, '../dist/index.js');
  const script = `const L = require(${JSON.stringify(dist)});\nconst fs = require('fs');\n(async () => {\n${body}\n})().then((r) => console.log(JSON.stringify(r)), (e) => { console.error(e); process.exit(3); });`;
  // (bash counts `ulimit -f` in KiB; POSIX shells such as dash in 512-byte blocks.)
  const limit = fileLimitKiB === undefined ? '' : `ulimit -f ${fileLimitKiB}; `;
  const r = spawnSync('bash', ['-c', `ulimit -c 0; ${limit}exec "$0" "$@"`, process.execPath, '-e', script], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, signal: r.signal, out: r.stdout.trim().split('\n').pop() ?? '', stderr: r.stderr };
}

describe('saving over a target that is not a regular file', () => {
  const fifo = (): string | null => {
    const p = tmp.path('fifo');
    const r = spawnSync('mkfifo', [p]);
    return r.status === 0 ? p : null;
  };

  test('saveNpy, saveNpyAsync and createNpy refuse a FIFO (ENODEV) and leave it a FIFO', async () => {
    const p = fifo();
    if (p === null) {
      console.log('skipped: mkfifo is not available here');
      return;
    }
    // The atomic replace renamed a regular file over the FIFO (and, as root,
    // over /dev/null: the device node was gone).
    expect(() => L.saveNpy(p, L.arange(3))).toThrow(expect.objectContaining({ code: 'ENODEV', path: p }));
    await expect(L.saveNpyAsync(p, L.arange(3))).rejects.toMatchObject({ code: 'ENODEV' });
    expect(() => L.createNpy(p, 'f8', [3])).toThrow(/not a regular file \(a FIFO\)/);
    expect(fs.lstatSync(p).isFIFO()).toBe(true);
    // No temporary file left beside it.
    expect(fs.readdirSync(path.dirname(p)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('a regular file is still replaced', () => {
    const p = tmp.path('x.npy');
    fs.writeFileSync(p, 'old');
    L.saveNpy(p, L.arange(3));
    expect(L.openNpy(p).toArray()).toEqual([0n, 1n, 2n]);
  });
});

describe('dtype specs that nest without end', () => {
  test('a cyclic list spec and a 10^5-deep one are a ValueError naming the limit', () => {
    const cyclic: unknown[] = [['a', '<f8']];
    cyclic.push(['b', cyclic]);
    expect(() => L.dtype(cyclic as L.DTypeLike)).toThrow(/dtype spec nests deeper than 64 levels/);
    expect(() => L.fromDescr(cyclic as L.Descr)).toThrow(L.ValueError);
    let deep: unknown = '<f8';
    for (let i = 0; i < 100_000; i++) deep = [['a', deep]];
    expect(() => L.dtype(deep as L.DTypeLike)).toThrow(L.ValueError);
  });

  test('63 levels still parse', () => {
    let spec: unknown = '<f8';
    for (let i = 0; i < 62; i++) spec = [['a', spec]];
    expect(L.dtype(spec as L.DTypeLike).itemsize).toBe(8);
  });
});

describe('an onProgress that throws (forked children)', () => {
  test('fillAsync and setAsync reject with its error; the process lives', () => {
    // Before: the progress timer's exception was uncaught and the process died (exit 1).
    const r = child(`
      const out = [];
      for (const run of [(a, o) => a.fillAsync(1, o), (a, o) => a.setAsync(2, o), (a, o) => a.copyAsync('C', o)]) {
        const a = L.zeros([1 << 23]);
        try {
          await run(a, { threads: 1, onProgress() { throw new Error('boom'); } });
          out.push('resolved');
        } catch (e) {
          out.push(e.message);
        }
      }
      return out;`);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    const res = JSON.parse(r.out) as string[];
    // A job that finished before the first tick reports once at the end, and that throw rejects too.
    expect(res).toEqual(['boom', 'boom', 'boom']);
  });
});

describe('native scratch memory past the machine (forked children)', () => {
  test('control: unique of a small broadcast view answers', () => {
    const r = child(`return L.unique(L.broadcastTo(L.arange(3, 'f8'), [4, 3])).values.toArray();`);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toEqual([0, 1, 2]);
  });

  test('unique of a 2^40-item broadcast view: a RangeError, not SIGABRT', () => {
    // The kernel's std::vector scratch threw std::bad_alloc in an addon built without exceptions: abort.
    const r = child(`try { L.unique(L.broadcastTo(L.zeros([1]), [2 ** 40])); return 'answered'; } catch (e) { return [e.constructor.name, e.code, e.message]; }`);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    const [name, , message] = JSON.parse(r.out) as string[];
    expect(name).toBe('RangeError');
    expect(message).toMatch(/unique: needs \d+ bytes of scratch memory/);
  });
});

describe('no truncation under another live mapping of the file (forked children)', () => {
  test('resize() to fewer elements while another memmap maps the file: ERR_MMARRAY_MAPPED, nothing changed', () => {
    // Before: the file was truncated and the other memmap's next read died of SIGBUS.
    const p = tmp.path('shrink.bin');
    const r = child(`
      const m1 = L.memmap(${JSON.stringify(p)}, { dtype: 'f8', mode: 'w+', shape: [1 << 16] });
      m1.fill(1);
      const m2 = L.memmap(${JSON.stringify(p)}, { dtype: 'f8', mode: 'r' });
      let code = null;
      try { m1.resize(4); } catch (e) { code = e.code; }
      const out = [code, m1.shape[0], m2.sum(), m1.sum()];
      m2.close();
      m1.resize(4);
      out.push(m1.shape[0], require('fs').statSync(${JSON.stringify(p)}).size);
      return out;`);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toEqual(['ERR_MMARRAY_MAPPED', 65536, 65536, 65536, 4, 32]);
  });

  test('close() after append() keeps the file whole while another memmap maps its tail', () => {
    const p = tmp.path('trim.bin');
    const r = child(`
      const fs = require('fs');
      const m1 = L.memmap(${JSON.stringify(p)}, { dtype: 'f8', mode: 'w+', shape: [4] });
      m1.append(L.zeros([10]).index(':'));
      const m2 = L.memmap(${JSON.stringify(p)}, { dtype: 'f8', mode: 'r' });
      const mapped = m2.size;
      m1.close();
      const out = [mapped > 14, m2.sum(), fs.statSync(${JSON.stringify(p)}).size === mapped * 8];
      m2.close();
      // With nothing else mapping the file, the trim on close happens as before.
      const q = ${JSON.stringify(p)} + '.2';
      const m3 = L.memmap(q, { dtype: 'f8', mode: 'w+', shape: [4] });
      m3.append([1, 2]);
      m3.close();
      out.push(fs.statSync(q).size);
      return out;`);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(JSON.parse(r.out)).toEqual([true, 0, true, 48]);
  });
});

describe('an allocation the machine cannot make', () => {
  test('zeros(2**40) is a RangeError saying how much was asked for', () => {
    expect(() => L.zeros(2 ** 40)).toThrow(RangeError);
    expect(() => L.zeros(2 ** 40)).toThrow(/cannot allocate 8796093022208 bytes \(8192\.0 GiB\) for a new array/);
  });
});

describe('a full disk or the file size limit (forked children)', () => {
  // The error of each call in the child: [class, code, message names the file].
  const caught = `const caught = async (f, file) => { try { await f(); return 'no error'; } catch (e) { return [e.constructor.name, e.code, String(e.message).includes(file)]; } };`;

  test('saveNpy and saveNpyAsync of a 1-element array broadcast to 2^50 elements: ENOSPC before a byte is written', async () => {
    const p = tmp.path('huge.npy');
    const big = L.broadcastTo(L.zeros(1, '<f8'), [2 ** 50]);
    for (const save of [() => L.saveNpy(p, big), () => L.saveNpyAsync(p, big)]) {
      let e: NodeJS.ErrnoException | undefined;
      try {
        await save();
      } catch (err) {
        e = err as NodeJS.ErrnoException;
      }
      expect(e?.code).toBe('ENOSPC');
      expect(e?.path).toBe(p);
      expect(e?.message).toMatch(/needs 9007199254741120 bytes and its filesystem has \d+ free; nothing was written/);
      expect(fs.readdirSync(tmp.dir).filter((f) => f.includes('huge'))).toEqual([]);
    }
  });

  test('control: under a 1 MiB file size limit, a 512 KiB save, create and append succeed', () => {
    const dir = tmp.path('fsz-ok');
    fs.mkdirSync(dir);
    const r = child(
      `const p = ${JSON.stringify(dir)} + '/a.npy';
      L.saveNpy(p, L.zeros(1 << 16, '<f8'));
      L.appendNpy(p, L.zeros(1000, '<f8'));
      const m = L.createNpy(${JSON.stringify(dir)} + '/b.npy', '<f8', [1 << 16]); m.fill(1); m.close();
      return [L.readNpyHeader(p).shape, fs.readdirSync(${JSON.stringify(dir)}).sort()];`,
      1024,
    );
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.out)).toEqual([[(1 << 16) + 1000], ['a.npy', 'b.npy']]);
  });

  // Node ignores SIGXFSZ, so a write past RLIMIT_FSIZE fails with EFBIG (or
  // stops short, then fails); each call must report it and leave what was there.
  test('past a 1 MiB file size limit: EFBIG naming the file, the old files whole, no temporary left, the process alive', () => {
    const dir = tmp.path('fsz');
    fs.mkdirSync(dir);
    const r = child(
      `${caught}
      const d = ${JSON.stringify(dir)};
      L.saveNpy(d + '/a.npy', L.arange(10, '<f8'));
      L.saveNpy(d + '/c.npy', L.arange(10, '<f8'));
      const big = L.zeros(1 << 18, '<f8');
      const out = [];
      out.push(await caught(() => L.saveNpy(d + '/a.npy', big), 'a.npy'));
      out.push(await caught(() => L.saveNpyAsync(d + '/a.npy', big), 'a.npy'));
      out.push(await caught(() => L.createNpy(d + '/b.npy', '<f8', [1 << 18]), 'b.npy'));
      out.push(await caught(() => L.memmap(d + '/m.bin', '<f8', { mode: 'w+', shape: [1 << 18] }), 'm.bin'));
      out.push(await caught(() => L.appendNpy(d + '/c.npy', big), 'c.npy'));
      const a = L.openNpy(d + '/a.npy'); const c = L.openNpy(d + '/c.npy');
      out.push([a.shape, a.get(9), c.shape, c.get(9), fs.statSync(d + '/c.npy').size]);
      a.close(); c.close();
      out.push(fs.readdirSync(d).sort());
      return out;`,
      1024,
    );
    expect(r.signal).toBeNull();
    const out = JSON.parse(r.out) as unknown[];
    for (const e of out.slice(0, 5)) expect(e).toEqual(['Error', 'EFBIG', true]);
    expect(out[5]).toEqual([[10], 9, [10], 9, 128 + 80]);
    expect(out[6]).toEqual(['a.npy', 'c.npy']);
  });
});

/** A 4 MiB tmpfs at a fresh folder, or null where mounting is not allowed (not root, no tmpfs). */
function smallFilesystem(): string | null {
  // Made while the tests are collected (to know whether to skip), so not in `tmp`.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-small-fs-'));
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { encoding: 'utf8' });
  if (r.status === 0) return dir;
  fs.rmdirSync(dir);
  return null;
}

describe('a full disk under a new mapping (forked children, on a 4 MiB tmpfs)', () => {
  const dir = smallFilesystem();
  if (dir === null) console.log('skipped: cannot mount a 4 MiB tmpfs here (needs root): the full-disk mapping tests do not run');
  afterAll(() => {
    if (dir === null) return;
    spawnSync('umount', [dir]);
    fs.rmdirSync(dir);
  });
  const onSmallFs = dir === null ? test.skip : test;

  // A grown range was sparse: the first store into a page the filesystem
  // could not back killed the process with SIGBUS. Its blocks are now
  // reserved (fallocate) when the file grows, so the open fails instead.
  onSmallFs("memmap 'w+', createNpy, 'r+' with a larger shape and append past the free space: ENOSPC, files as they were", () => {
    const r = child(`
      const d = ${JSON.stringify(dir)};
      const caught = (f) => { try { f(); return 'no error'; } catch (e) { return [e.code, e.syscall ?? null]; } };
      const out = [];
      out.push(caught(() => L.memmap(d + '/w.bin', '<f8', { mode: 'w+', shape: [1 << 20] }).fill(1)));
      out.push(caught(() => L.createNpy(d + '/c.npy', '<f8', [1 << 20]).fill(1)));
      const g = L.memmap(d + '/g.bin', 'u1', { mode: 'w+', shape: [1 << 20] }); g.fill(7); g.close();
      out.push(caught(() => L.memmap(d + '/g.bin', 'u1', { mode: 'r+', shape: [8 << 20] }).fill(1)));
      out.push(fs.statSync(d + '/g.bin').size);
      // 2.5 MiB of rows, then one more: the doubled capacity does not fit, the row does.
      const m = L.createNpy(d + '/a.npy', '<f8', [5 << 16]); m.fill(2);
      m.append([5]);
      out.push([m.shape, m.get(-1), m.get(0)]);
      m.close();
      out.push(fs.readdirSync(d).sort());
      for (const f of fs.readdirSync(d)) fs.rmSync(d + '/' + f);
      return out;`);
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.out)).toEqual([
      ['ENOSPC', 'fallocate'],
      ['ENOSPC', 'fallocate'],
      ['ENOSPC', 'fallocate'],
      1 << 20,
      [[(5 << 16) + 1], 5, 2],
      ['a.npy', 'g.bin'],
    ]);
  });

  onSmallFs('control: a mapping that fits is created, filled and read back', () => {
    const r = child(`
      const m = L.memmap(${JSON.stringify(dir)} + '/ok.bin', '<f8', { mode: 'w+', shape: [1 << 13] });
      m.fill(3); const v = m.get(-1); m.close(); fs.rmSync(${JSON.stringify(dir)} + '/ok.bin');
      return v;`);
    expect(r.signal).toBeNull();
    expect(JSON.parse(r.out)).toBe(3);
  });
});
