'use strict';
// Shape-function copies (repeat, tile, roll, insert, delete, append, pad) of a 100 MB float64 array, in CPU
// time per call on both sides, rounds interleaved: one JS round in this
// process (the main thread's CPU time), then one NumPy round in a python3
// child (its process_time around each call only), and so on. Shows that the bulk copies run in the
// native copy/take kernels (a per-element JS loop would be 10-50x NumPy).
// Not a timed test: figures for the report, rerun on a quiet machine.
// `node bench/shape_copies.js [--rounds N]`
const { spawnSync } = require('child_process');
const mm = require('../dist');

const N = 100 * 1024 * 1024 / 8; // 13,107,200 float64: 100 MiB
const ROWS = 3200;
const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 5;

const counts = Array.from({ length: N }, (_, i) => (i % 3 === 0 ? 2 : 1));
const counts10 = Array.from({ length: N / 10 }, (_, i) => (i % 3 === 0 ? 2 : 1));
const OPS = [
  ['repeat(a, 2)', 'np.repeat(a, 2)', (a) => mm.repeat(a, 2)],
  ['repeat(a2, 2, axis=0)', 'np.repeat(a2, 2, axis=0)', (a, a2) => mm.repeat(a2, 2, 0)],
  ['repeat(a2, 2, axis=1)', 'np.repeat(a2, 2, axis=1)', (a, a2) => mm.repeat(a2, 2, 1)],
  ['repeat(a, counts)', 'np.repeat(a, counts)', (a) => mm.repeat(a, counts)],
  ['repeat(a10, counts10, axis=0)', 'np.repeat(a10, counts10, axis=0)', (a) => mm.repeat(a.reshape(-1, 10), counts10, 0)],
  ['tile(a, 2)', 'np.tile(a, 2)', (a) => mm.tile(a, 2)],
  ['tile(a2, (2, 1))', 'np.tile(a2, (2, 1))', (a, a2) => mm.tile(a2, [2, 1])],
  ['roll(a, 12345)', 'np.roll(a, 12345)', (a) => mm.roll(a, 12345)],
  ['roll(a2, (7, 9), (0, 1))', 'np.roll(a2, (7, 9), axis=(0, 1))', (a, a2) => mm.roll(a2, [7, 9], [0, 1])],
  ['deleteItems(a, 12345)', 'np.delete(a, 12345)', (a) => mm.deleteItems(a, 12345)],
  ['deleteItems(a2, [7, 900], axis=0)', 'np.delete(a2, [7, 900], axis=0)', (a, a2) => mm.deleteItems(a2, [7, 900], { axis: 0 })],
  ['insert(a, 12345, 0)', 'np.insert(a, 12345, 0)', (a) => mm.insert(a, 12345, 0)],
  ['insert(a2, [7, 900], 0, axis=0)', 'np.insert(a2, [7, 900], 0, axis=0)', (a, a2) => mm.insert(a2, [7, 900], 0, { axis: 0 })],
  ['append(a, a)', 'np.append(a, a)', (a) => mm.append(a, a)],
  ['pad(a2, 64)', 'np.pad(a2, 64)', (a, a2) => mm.pad(a2, 64)],
  ["pad(a2, 64, 'reflect')", "np.pad(a2, 64, 'reflect')", (a, a2) => mm.pad(a2, 64, { mode: 'reflect' })],
];

// The calling thread's CPU time (/proc/thread-self/schedstat): V8's GC and
// compiler threads, busy with the 13M-element counts list, are left out.
const fs = require('fs');
const threadMs = () => Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
function cpuMs(fn) {
  const t0 = threadMs();
  const r = fn();
  const t = threadMs() - t0;
  r.release();
  return t;
}

const PY = `
import numpy as np, time, json, sys
N = ${N}
a = np.arange(N, dtype='<f8'); a2 = a.reshape(${ROWS}, -1)
counts = np.where(np.arange(N) % 3 == 0, 2, 1)
a10 = a.reshape(-1, 10); counts10 = np.where(np.arange(N // 10) % 3 == 0, 2, 1)
out = []
for expr in json.loads(sys.argv[1]):
    t = time.process_time(); r = eval(expr); dt = time.process_time() - t
    del r
    out.append(dt * 1000)
print(json.dumps(out))
`;

const a = mm.arange(N, 'f8');
const a2 = a.reshape(ROWS, -1);
const js = OPS.map(() => []);
const np = OPS.map(() => []);
// Round 0 is a warm-up on both sides (first touch of the result pool's pages, JIT), not counted.
for (let r = 0; r <= rounds; r++) {
  const jr = OPS.map(([, , fn]) => cpuMs(() => fn(a, a2)));
  const p = spawnSync('python3', ['-c', PY, JSON.stringify(OPS.map((o) => o[1]))], { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(p.stderr);
  if (r === 0) continue;
  jr.forEach((ms, i) => js[i].push(ms));
  JSON.parse(p.stdout).forEach((ms, i) => np[i].push(ms));
}
const med = (s) => [...s].sort((x, y) => x - y)[Math.floor(s.length / 2)];
const min = (s) => Math.min(...s);
console.log(`CPU ms per call, ${rounds} interleaved rounds, load ${require('os').loadavg()[0].toFixed(1)}`);
console.log('op | mmarray median (min) | NumPy median (min) | ratio of medians (of mins)');
OPS.forEach(([name], i) => {
  console.log(
    `${name} | ${med(js[i]).toFixed(1)} (${min(js[i]).toFixed(1)}) | ${med(np[i]).toFixed(1)} (${min(np[i]).toFixed(1)}) | ${(med(js[i]) / med(np[i])).toFixed(2)}x (${(min(js[i]) / min(np[i])).toFixed(2)}x)`,
  );
});
