'use strict';
// What one full V8 collection costs the JS thread with a live heap of N MB
// of small objects (a server's state), beside a minor one: the price of
// lib/gc-wait.ts's GC assist, which runs a full collection before a large
// result would fault fresh memory, and only while the used heap is at most
// GC_ASSIST_HEAP_FRACTION of the request. Per heap size: wall ms, the
// process's CPU ms (V8's helper threads included) and the JS thread's, for
// 3 full and 2 minor collections (the first full one is left out: it also
// sweeps what building the heap left behind).
// `node bench/gc_cost.js [MB ...]` (default 20 100 500); Linux for the thread CPU.
const fs = require('fs');
const v8 = require('v8');
const vm = require('vm');

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

function jsThreadMs() {
  try {
    return Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

function time(fn) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const j0 = jsThreadMs();
  fn();
  const c = process.cpuUsage(c0);
  return { wall: Number(process.hrtime.bigint() - t0) / 1e6, cpu: (c.user + c.system) / 1000, js: jsThreadMs() - j0 };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[(xs.length - 1) >> 1];
const sizes = process.argv.slice(2).map(Number).filter((x) => x > 0);
console.log(`load ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
console.log('heap MB   full: wall / cpu / JS-thread cpu ms (median of 3)   minor: wall / cpu ms');
for (const mb of sizes.length ? sizes : [20, 100, 500]) {
  const heap = [];
  while (v8.getHeapStatistics().used_heap_size < mb * 2 ** 20) {
    const a = new Array(1000);
    for (let i = 0; i < 1000; i++) a[i] = { i, s: `x${i}`, n: [i] };
    heap.push(a);
  }
  gc();
  const full = [0, 1, 2].map(() => time(() => gc()));
  const minor = [0, 1].map(() => time(() => gc({ type: 'minor' })));
  const f = (xs, k) => median(xs.map((x) => x[k])).toFixed(1);
  console.log(`${String(mb).padStart(7)}   ${f(full, 'wall')} / ${f(full, 'cpu')} / ${f(full, 'js')}`.padEnd(60) + `${f(minor, 'wall')} / ${f(minor, 'cpu')}   (${heap.length} arrays kept)`);
  heap.length = 0;
}
