// Hostile targets, sizes and callbacks that used to end the process or
// destroy what they were given: saving over a FIFO (as root, over a device
// node), an onProgress that throws in the progress timer, a dtype spec that
// holds itself, native scratch buffers past the machine's memory. Cases
// that crashed run in forked children, with a control child beside them.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import * as L from '../lib';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-limits-');

/** Runs `body` in a child node over dist/ (L in scope); its last stdout line, exit status and signal. */
function child(body: string): { status: number | null; signal: NodeJS.Signals | null; out: string; stderr: string } {
  const dist = path.resolve(__dirname, '../dist/index.js');
  const script = `const L = require(${JSON.stringify(dist)});\n(async () => {\n${body}\n})().then((r) => console.log(JSON.stringify(r)), (e) => { console.error(e); process.exit(3); });`;
  const r = spawnSync('/bin/sh', ['-c', 'ulimit -c 0; exec "$0" "$@"', process.execPath, '-e', script], { encoding: 'utf8', timeout: 120_000 });
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
