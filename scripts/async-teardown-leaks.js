#!/usr/bin/env node
'use strict';
// Worker threads torn down with async work in flight, for LeakSanitizer
// (scripts/test-asan.sh runs it with detect_leaks=1): whatever a job holds
// (its record, its settle callback, a flush's promise functions) must be
// freed with the worker's env, not left behind because the promise could no
// longer settle. Three kinds of work: async kernels, flushAsync (an msync on
// the pool, native/flush_worker.cc) and saveNpyAsync (one pool job,
// native/save_worker.cc).
//
// flushAsync runs in a child process whose main thread loads the addon too,
// so LeakSanitizer sees what the flush itself leaves (before the fix: the
// napi_deferred of every flush in flight, 8 bytes each). memmapOpen runs
// unpinned: each terminated worker unloads the addon with a mapping still
// open (before the fix, native/live_mappings.cc's mutex and registry, 96
// bytes on the heap held only by the library's statics, leaked each time).
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { Worker } = require('worker_threads');

const dist = path.resolve(__dirname, '../dist/index.js');
const prelude = `const L = require(${JSON.stringify(dist)});
const { parentPort, workerData } = require('worker_threads');
const path = require('path');`;
const cases = {
  kernels: `const a = L.zeros([16 << 20], 'f8');
a.fillAsync(1, { threads: 2 });
a.sumAsync();`,
  // 64 MiB of dirty pages: the msync is still running when the worker goes.
  flushAsync: `const m = L.memmap(path.join(workerData.dir, 'flush-' + workerData.i + '.bin'), { dtype: 'u1', mode: 'w+', shape: [64 << 20] });
m.fill(7);
m.flushAsync();`,
  memmapOpen: `const m = L.memmap(path.join(workerData.dir, 'open-' + workerData.i + '.bin'), { dtype: 'u1', mode: 'w+', shape: [4096] });
m.fill(1);`,
  saveNpyAsync: `const a = L.arange(0, 8 << 20, 1, 'f8');
L.saveNpyAsync(path.join(workerData.dir, 'save-' + workerData.i + '.npy'), a.index('::2'));`,
};

const pinned = process.argv.includes('--pinned');
if (pinned) require(dist);

(async () => {
  if (process.argv.length < 3) {
    // The default run: every case but flushAsync here, flushAsync pinned in a child.
    const r = spawnSync(process.execPath, [__filename, '--pinned', 'flushAsync'], { stdio: 'inherit' });
    if (r.status !== 0) {
      process.exitCode = r.status ?? 1;
      return;
    }
  }
  const only = process.argv.length < 3 ? Object.keys(cases).filter((n) => n !== 'flushAsync') : process.argv.slice(2);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-teardown-'));
  try {
    // `node scripts/async-teardown-leaks.js [--pinned] flushAsync`: one case only.
    for (const [name, body] of Object.entries(cases).filter(([n]) => only.includes(n))) {
      for (let i = 0; i < 4; i++) {
        const w = new Worker(`${prelude}\n${body}\nparentPort.postMessage(1);`, { eval: true, workerData: { dir, i } });
        // 'exit' too: a worker whose work ended at once exits in the turn of its message.
        await new Promise((r) => { w.once('message', r); w.once('exit', r); });
        await w.terminate();
      }
      console.log(`async teardown: 4 workers terminated with ${name} in flight`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
})();
