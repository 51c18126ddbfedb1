// A worker terminated while it is inside a native call: the call's remaining
// argument reads must fail quietly (the call throws or returns), never abort
// the process (native/napi_util.h: ToBool, ArrayLength, ElementOf).
//
// Made deterministic without a native hook: the strides array of a
// kernelReduce call has a getter that is fs.readSync bound to a FIFO, so the
// worker's thread blocks in read(2) inside the kernel's argument reads. The
// parent waits until /proc shows that thread in read() on that fd, calls
// terminate() (Node marks the environment as stopping at once), and only then
// writes the 8 bytes that let read() return (8: the stride). The getter
// returns without running any more JS, so the kernel goes on reading its
// arguments in an environment that can no longer call into JS:
// node-addon-api's ToBoolean() failed there and its error path aborted
// ("FATAL ERROR: Error::New napi_get_last_error_info", in PlanReduce), which
// the racy 20-termination child in test/async.test.ts hit about once in 30
// runs before commit 36f85d9.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { useTempDir } from './helpers/tmp';

const DIST = path.resolve(__dirname, '../dist');
const tmp = useTempDir();

// read(2)'s syscall number, as /proc/<pid>/task/<tid>/syscall shows it.
const READ_SYSCALL: Partial<Record<string, number>> = { x64: 0, arm64: 63 };

function canRun(): string | null {
  if (process.platform !== 'linux') return 'not Linux';
  if (READ_SYSCALL[process.arch] === undefined) return `no read(2) number for ${process.arch}`;
  if (!fs.existsSync(`/proc/self/task/${process.pid}/syscall`)) return 'no /proc/<pid>/task/<tid>/syscall';
  if (spawnSync('mkfifo', ['--version']).status !== 0) return 'no mkfifo';
  return null;
}

// The child: one worker, blocked in the getter, then either released
// (`terminate` false: the control, the kernel returns its sum) or terminated
// first and then released.
function child(dir: string, terminate: boolean): string {
  return `
    const { Worker } = require('worker_threads');
    const fs = require('fs');
    const { execFileSync } = require('child_process');
    const fifo = ${JSON.stringify(path.join(dir, terminate ? 'fifo-t' : 'fifo-c'))};
    execFileSync('mkfifo', [fifo]);
    const src = \`
      const { workerData, parentPort } = require('worker_threads');
      const fs = require('fs');
      const N = require(\${JSON.stringify(${JSON.stringify(path.join(DIST, 'native.js'))})});
      const fd = fs.openSync(workerData.fifo, 'r+');
      const strides = [8];
      Object.defineProperty(strides, 0, { get: fs.readSync.bind(null, fd, Buffer.alloc(8), 0, 8, null) });
      const buf = new Float64Array([1, 2, 3, 4]).buffer;
      Atomics.store(new Int32Array(workerData.sab), 0, fd);
      // kernelReduce(memory, byteOffset, strides, shape, type f8 = 0, swap, op sum = 0)
      parentPort.postMessage(N.kernelReduce(buf, 0, strides, [4], 0, false, 0));
    \`;
    (async () => {
      const sab = new SharedArrayBuffer(4);
      const flag = new Int32Array(sab);
      const w = new Worker(src, { eval: true, workerData: { sab, fifo } });
      const got = new Promise((r) => w.once('message', r));
      w.on('error', (e) => { console.error(e); process.exit(3); });
      while (Atomics.load(flag, 0) === 0) await Atomics.waitAsync(flag, 0, 0, 1000).value;
      const fd = Atomics.load(flag, 0);
      let inside = false;
      for (let t = 0; t < 20000 && !inside; t++) {
        for (const tid of fs.readdirSync('/proc/self/task')) {
          let s = '';
          try { s = fs.readFileSync('/proc/self/task/' + tid + '/syscall', 'utf8'); } catch {}
          const f = s.split(' ');
          if (Number(f[0]) === ${READ_SYSCALL[process.arch]} && Number(f[1]) === fd) inside = true;
        }
        if (!inside) await new Promise((r) => setTimeout(r, 1));
      }
      const stopped = ${terminate} ? w.terminate() : null;
      const wfd = fs.openSync(fifo, 'r+');
      fs.writeSync(wfd, Buffer.alloc(8));
      const out = { inside, result: stopped ? null : await got };
      if (stopped) await stopped;
      fs.closeSync(wfd);
      process.stdout.write(JSON.stringify(out));
    })();
  `;
}

describe('a worker terminated inside a native call', () => {
  const skip = canRun();

  test('control: released without termination, the kernel reads the getter stride and returns its sum', () => {
    if (skip) {
      console.log(`skipped: ${skip}`);
      return;
    }
    // The getter returns 8, the bytes the parent wrote in one write: the stride.
    const r = spawnSync(process.execPath, ['-e', child(tmp.dir, false)], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ inside: true, result: 10 });
  });

  test('terminate() while it blocks in an argument read: the kernel returns, the process lives', () => {
    if (skip) {
      console.log(`skipped: ${skip}`);
      return;
    }
    const r = spawnSync(process.execPath, ['-e', child(tmp.dir, true)], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).not.toMatch(/FATAL ERROR/);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ inside: true, result: null });
  });
});
