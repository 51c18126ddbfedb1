#!/usr/bin/env node
'use strict';
// Worker threads torn down with async kernels in flight, for LeakSanitizer
// (scripts/test-asan.sh runs it with detect_leaks=1): whatever a job holds
// (its record, its settle callback) must be freed with the worker's env,
// not left behind because the promise could no longer settle.
const path = require('path');
const { Worker } = require('worker_threads');

const dist = path.resolve(__dirname, '../dist/index.js');
const src = `const L = require(${JSON.stringify(dist)});
const a = L.zeros([16 << 20], 'f8');
a.fillAsync(1, { threads: 2 });
a.sumAsync();
require('worker_threads').parentPort.postMessage(1);`;

(async () => {
  for (let i = 0; i < 4; i++) {
    const w = new Worker(src, { eval: true });
    await new Promise((r) => w.once('message', r));
    await w.terminate();
  }
  console.log('async teardown: 4 workers terminated with jobs in flight');
})();
