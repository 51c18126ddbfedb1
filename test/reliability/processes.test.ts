// Several processes, one file: nothing is lost.
//
// - Crash durability: a child writes records through a 'r+' mapping, flushes,
//   says "flushed" and keeps scribbling elsewhere; the parent kills it with
//   SIGKILL at that moment and reads every flushed record back from the file.
// - Concurrency: two processes map the same file 'r+' and each increments
//   counters in its own records 100,000 times. The records interleave (and
//   are packed, 7 bytes, so counters straddle words and cache lines): a store
//   that touched a neighbour's bytes would lose the other process's updates.
import { spawn, type ChildProcessWithoutNullStreams } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { dtype } from '../../lib';
import { memmap } from '../../lib/memmap';
import { openNpy } from '../../lib/npy/npy';
import { useTempDir } from '../helpers/tmp';

const DIST = path.resolve(__dirname, '../../dist');
const tmp = useTempDir('mmarray-processes-');
jest.setTimeout(30_000);

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'memmap.js'))) throw new Error(`build dist first (npx tsc -p tsconfig.build.json): ${DIST} is missing`);
});

const PRELUDE = `
  const L = require(${JSON.stringify(path.join(DIST, 'index.js'))});
  const { memmap } = require(${JSON.stringify(path.join(DIST, 'memmap.js'))});
  const npy = require(${JSON.stringify(path.join(DIST, 'npy/npy.js'))});
  const REC = L.dtype([['seq', '<u4'], ['value', '<f8'], ['check', '>u4']]);
  const COUNTED = L.dtype([['id', '<u2'], ['counter', '<u4'], ['tag', 'u1']]);
  const checkOf = (i) => ((Math.imul(i, 2654435761) >>> 0) ^ 0xa5a5a5a5) >>> 0;
`;

const REC_DTYPE = dtype([
  ['seq', '<u4'],
  ['value', '<f8'],
  ['check', '>u4'],
]);
const REC_SIZE = REC_DTYPE.itemsize;

interface Child {
  proc: ChildProcessWithoutNullStreams;
  /** Resolves with the first stdout line equal to `line`. */
  waitFor(line: string): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>;
}

const live = new Set<ChildProcessWithoutNullStreams>();
// A failed test must not leave a child scribbling forever.
afterEach(() => {
  for (const p of live) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  live.clear();
});

function start(body: string, env: Record<string, string>): Child {
  const proc = spawn(process.execPath, ['-e', PRELUDE + body], { env: { ...process.env, ...env }, stdio: 'pipe' });
  live.add(proc);
  let stdout = '';
  let stderr = '';
  const waiters: { line: string; resolve: () => void }[] = [];
  proc.stdout.setEncoding('utf8');
  proc.stderr.setEncoding('utf8');
  proc.stdout.on('data', (d: string) => {
    stdout += d;
    const lines = stdout.split('\n');
    for (const w of [...waiters]) {
      if (lines.includes(w.line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  proc.stderr.on('data', (d: string) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>((resolve) =>
    proc.on('close', (code, signal) => resolve({ code, signal, stderr, stdout })),
  );
  return {
    proc,
    exited,
    waitFor: (line) =>
      new Promise<void>((resolve, reject) => {
        if (stdout.split('\n').includes(line)) return resolve();
        waiters.push({ line, resolve });
        void exited.then((r) => reject(new Error(`child exited (${r.code ?? r.signal}) before printing '${line}':\n${r.stderr}`)));
      }),
  };
}

describe('crash durability: what was flushed survives SIGKILL', () => {
  const N = 20_000;

  test.each([
    ['flush()', 'm.flush();'],
    ['flushAsync()', 'await m.flushAsync();'],
    ['flush() of a view', "m.index('::-1').flush();"],
  ])(`${N} records written through 'r+', then %s, then SIGKILL`, async (_label, flush) => {
    const file = tmp.sparse(REC_SIZE * N * 2, 'durable.bin');
    const child = start(
      `(async () => {
        const m = memmap(process.env.FILE, { mode: 'r+', dtype: REC });
        const n = Number(process.env.N);
        const seq = m.field('seq'), value = m.field('value'), check = m.field('check');
        for (let i = 0; i < n; i++) {
          seq.index(i).set(i + 1);
          value.index(i).set(i * 1.5 - 7);
          check.index(i).set(checkOf(i));
        }
        ${flush}
        process.stdout.write('flushed\\n');
        // Keep writing the second half until killed: a kill mid-write must not touch the first.
        for (let k = 0; ; k++) {
          const i = n + (k % n);
          seq.index(i).set(k >>> 0);
          if (k % 4096 === 0) await new Promise((r) => setImmediate(r));
        }
      })();`,
      { FILE: file, N: String(N) },
    );
    await child.waitFor('flushed');
    child.proc.kill('SIGKILL');
    const r = await child.exited;
    expect(r.signal).toBe('SIGKILL');

    const m = memmap(file, { mode: 'r', dtype: REC_DTYPE });
    try {
      const bad: string[] = [];
      const seq = m.field('seq');
      const value = m.field('value');
      const check = m.field('check');
      for (let i = 0; i < N && bad.length < 5; i++) {
        const got = [seq.get(i), value.get(i), check.get(i)];
        const want = [i + 1, i * 1.5 - 7, ((Math.imul(i, 2654435761) >>> 0) ^ 0xa5a5a5a5) >>> 0];
        if (got.some((x, k) => x !== want[k])) bad.push(`record ${i}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
      }
      expect(bad).toEqual([]);
    } finally {
      m.close();
    }
  });

  test(`a .npy made with createNpy, filled, flushed, then SIGKILL: openNpy reads it all back`, async () => {
    const file = path.join(tmp.dir, 'durable.npy');
    const child = start(
      `const m = npy.createNpy(process.env.FILE, '<f4', [200, 50]);
       m.set(m.map((_v, i) => i / 4));
       m.flush();
       process.stdout.write('flushed\\n');
       setInterval(() => m.index('0, 0').set(-1), 1);`,
      { FILE: file },
    );
    await child.waitFor('flushed');
    child.proc.kill('SIGKILL');
    expect((await child.exited).signal).toBe('SIGKILL');
    const a = openNpy(file);
    try {
      expect(a.shape).toEqual([200, 50]);
      let wrong = 0;
      a.forEach((v, i) => {
        if (i !== 0 && v !== i / 4) wrong++;
      });
      expect(wrong).toBe(0);
    } finally {
      (a as { close?: () => void }).close?.();
    }
  });
});

describe('two processes, one file, disjoint records', () => {
  const UPDATES = 100_000;
  const RECORDS_EACH = 50;

  test(`each process increments its own interleaved records ${UPDATES} times: no update lost`, async () => {
    const counted = dtype([
      ['id', '<u2'],
      ['counter', '<u4'],
      ['tag', 'u1'],
    ]);
    expect(counted.itemsize).toBe(7);
    const file = tmp.sparse(counted.itemsize * RECORDS_EACH * 2, 'shared.bin');
    const body = `
      const me = Number(process.env.ME);
      const m = memmap(process.env.FILE, { mode: 'r+', dtype: COUNTED });
      // Record k*2 + me is mine: the two processes' records alternate.
      const mine = m.index(me + '::2');
      const counter = mine.field('counter');
      const views = Array.from({ length: mine.shape[0] }, (_, k) => counter.index(k));
      mine.field('id').apply((_v, k) => k * 2 + me);
      process.stdout.write('ready\\n');
      process.stdin.once('data', () => {
        const t0 = Date.now();
        for (let i = 0; i < ${UPDATES}; i++) {
          const v = views[i % views.length];
          v.set(v.get() + 1);
          // The neighbour's tag byte sits right next to my counter: write mine too.
          if (i % 7 === 0) mine.field('tag').index(i % views.length).set(me + 1);
        }
        m.flush();
        process.stdout.write(JSON.stringify({ me, t0, t1: Date.now() }) + '\\ndone\\n');
        m.close();
        process.stdin.destroy();
      });
    `;
    const a = start(body, { FILE: file, ME: '0' });
    const b = start(body, { FILE: file, ME: '1' });
    await Promise.all([a.waitFor('ready'), b.waitFor('ready')]);
    // Both are mapped and waiting: release them together so their loops overlap.
    a.proc.stdin.end('go\n');
    b.proc.stdin.end('go\n');
    const [ra, rb] = await Promise.all([a.exited, b.exited]);
    expect({ code: ra.code, stderr: ra.stderr }).toEqual({ code: 0, stderr: '' });
    expect({ code: rb.code, stderr: rb.stderr }).toEqual({ code: 0, stderr: '' });
    const [ta, tb] = [ra, rb].map((r) => JSON.parse(r.stdout.split('\n')[1]) as { me: number; t0: number; t1: number });
    const overlap = Math.min(ta.t1, tb.t1) - Math.max(ta.t0, tb.t0);
    // eslint-disable-next-line no-console
    console.log(`processes: 2 × ${UPDATES} increments on interleaved 7-byte records in ${ta.t1 - ta.t0} ms / ${tb.t1 - tb.t0} ms, running together for ${Math.max(overlap, 0)} ms`);

    const m = memmap(file, { mode: 'r', dtype: counted });
    try {
      const ids = m.field('id').toArray() as number[];
      const counters = m.field('counter').toArray() as number[];
      const tags = m.field('tag').toArray() as number[];
      expect(ids).toEqual(ids.map((_v, k) => k));
      const per = UPDATES / RECORDS_EACH;
      expect(counters).toEqual(counters.map(() => per));
      expect(counters.reduce((s, x) => s + x, 0)).toBe(2 * UPDATES);
      expect(tags).toEqual(tags.map((_v, k) => (k % 2) + 1));
    } finally {
      m.close();
    }
  });
});
