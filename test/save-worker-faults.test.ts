// native/save_worker.cc's writeback pacing when sync_file_range fails for
// real (SaveJob::PaceFailed): "not supported here" (EINVAL, ESPIPE, ENOSYS,
// EOPNOTSUPP) only turns the pacing off and the save completes; any other
// failure (EIO: the file's writeback failed) is a write error that names the
// file, leaves the target as it was and no temporary file behind.
//
// The failures come from the kernel's side of the call: strace's syscall
// fault injection (`-e inject=sync_file_range:error=E`) makes every
// sync_file_range of the child fail with E instead of running. No strace:
// a skip line is printed.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as mm from '../lib';
import { useTempDir } from './helpers/tmp';

const DIST = path.resolve(__dirname, '../dist');
const tmp = useTempDir('mmarray-save-faults-');

const INJECT = spawnSync('strace', ['-f', '-o', '/dev/null', '-e', 'inject=sync_file_range:error=EIO', 'true']).status === 0;

// 80 MiB of '<f8': the pacing windows are 32 MiB, so sync_file_range runs.
const COUNT = 10 << 20;

interface Outcome {
  ok: boolean;
  name?: string;
  code?: string;
  syscall?: string;
  errno?: number;
  path?: string;
  message?: string;
}

/** Runs saveNpyAsync of arange(COUNT) to `dst` in a child under strace with every sync_file_range failing with `errno`. */
function saveFailing(dst: string, errno: string, trace: string): Outcome {
  const child = `
    const L = require(${JSON.stringify(path.join(DIST, 'index.js'))});
    L.saveNpyAsync(${JSON.stringify(dst)}, L.arange(0, ${COUNT}, 1, '<f8')).then(
      () => process.stdout.write(JSON.stringify({ ok: true })),
      (e) => process.stdout.write(JSON.stringify({ ok: false, name: e.constructor.name, code: e.code, syscall: e.syscall, errno: e.errno, path: e.path, message: e.message })));
  `;
  const r = spawnSync('strace', ['-f', '-o', trace, '-e', 'trace=sync_file_range', '-e', `inject=sync_file_range:error=${errno}`, process.execPath, '-e', child],
    { encoding: 'utf8', timeout: 120_000 });
  expect(r.signal).toBeNull();
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Outcome;
}

/** How many sync_file_range calls the trace shows failing with `errno` (strace marks them "(INJECTED)"). */
function injected(trace: string, errno: string): number {
  return fs.readFileSync(trace, 'utf8').split('\n').filter((l) => l.includes('sync_file_range(') && l.includes(`= -1 ${errno}`) && l.includes('(INJECTED)')).length;
}

function temporaries(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'));
}

describe('saveNpyAsync when sync_file_range fails', () => {
  test('EIO: rejects with an fs-shaped error naming the file; the old target stays and no temporary is left', () => {
    if (!INJECT) {
      console.log('skipped: no strace with syscall fault injection');
      return;
    }
    const dir = tmp.path('eio');
    fs.mkdirSync(dir);
    const dst = path.join(dir, 'dst.npy');
    fs.writeFileSync(dst, 'old contents');
    const trace = path.join(dir, '..', 'eio-trace.txt');
    const out = saveFailing(dst, 'EIO', trace);
    expect(injected(trace, 'EIO')).toBe(1);
    expect(out).toMatchObject({ ok: false, name: 'Error', code: 'EIO', syscall: 'sync_file_range', path: dst });
    expect(out.errno).toBeLessThan(0);
    expect(out.message).toContain('EIO');
    expect(out.message).toContain('sync_file_range');
    expect(out.message).toContain(dst);
    expect(fs.readFileSync(dst, 'utf8')).toBe('old contents');
    expect(temporaries(dir)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(['dst.npy']);
  });

  test.each(['EINVAL', 'ENOSYS', 'EOPNOTSUPP', 'ESPIPE'])('%s: the pacing stops after the first call and the save completes with the bytes saveNpy writes', (errno) => {
    if (!INJECT) {
      console.log('skipped: no strace with syscall fault injection');
      return;
    }
    const dir = tmp.path(errno);
    fs.mkdirSync(dir);
    const dst = path.join(dir, 'dst.npy');
    fs.writeFileSync(dst, 'old contents');
    const trace = path.join(dir, '..', `${errno}-trace.txt`);
    expect(saveFailing(dst, errno, trace)).toEqual({ ok: true });
    expect(injected(trace, errno)).toBe(1);
    const want = tmp.path('want.npy');
    mm.saveNpy(want, mm.arange(0, COUNT, 1, '<f8'));
    expect(fs.readFileSync(dst).equals(fs.readFileSync(want))).toBe(true);
    expect(temporaries(dir)).toEqual([]);
    fs.rmSync(want);
    fs.rmSync(dst);
  });
});
