'use strict';
// Interleaved CPU-time A/B of the axis reductions (issue 18: sum, mean,
// min/max, argmax, any/all along an axis, addReduceat) between two builds
// of the addon, with NumPy's CPU time in the same run; bench/loop_ab.js's
// method for the element-wise rows:
//
//   node bench/axis_ab.js A.node B.node [--dist-a DIR] [--procs 3] [--rounds 15] [--only sum,argmax] [--no-numpy]
//
// One process per build (MMARRAY_ADDON_PATH; dist/ of this tree, or for A
// a saved copy of the old one with --dist-a, for a change in lib/) and one
// NumPy process, alternating A, B, NumPy, A, B, NumPy ...; each times every
// row `rounds` times after two warm-up calls. Printed per row: the median
// over the processes of each process's fastest and median round, in ms of
// process CPU time (user + system), and the minor page faults per call.
// The arrays are copies in pool memory (huge pages where the kernel gives
// them), NumPy's are np.fromfile arrays (huge pages too).
const fs = require('fs');
const path = require('path');
const { runAb } = require('./ab_runner');
const { randomIndices: xorshift } = require('./harness');

const N = 10_000_000;
const DIR = '/tmp/axis_ab';

// [name, mmarray call, NumPy expression]; M is 1000x10000 f8 (W20's; M4
// the same in 4 KiB pages: a JS buffer, NumPy's an anonymous mmap), R
// 2441x4096 f8, F 10x1000x1000 u1, B/Z/O 1000x10000 bool (random, all
// false, all true), a the flat M, starts 100k group starts.
const ROWS = [
  ['sum(1) f8', (d, mm) => d.M.sum(1), 'M.sum(1)'],
  ['sum(1) f8 4k', (d, mm) => d.M4.sum(1), 'M4.sum(1)'],
  ['sum(0) f8', (d, mm) => d.M.sum(0), 'M.sum(0)'],
  ['mean(1) f8', (d, mm) => d.M.mean(1), 'M.mean(1)'],
  ['mean(0) f8', (d, mm) => d.M.mean(0), 'M.mean(0)'],
  ['max(1) f8', (d, mm) => d.M.max(1), 'M.max(1)'],
  ['max(0) f8', (d, mm) => d.M.max(0), 'M.max(0)'],
  ['min(0) f8', (d, mm) => d.M.min(0), 'M.min(0)'],
  ['argmax(1) f8', (d, mm) => d.M.argmax(1), 'M.argmax(1)'],
  ['argmax(1) f8 4k', (d, mm) => d.M4.argmax(1), 'M4.argmax(1)'],
  ['argmin(1) f8', (d, mm) => d.M.argmin(1), 'M.argmin(1)'],
  ['argmax(1) rows 4096', (d, mm) => d.R.argmax(1), 'R.argmax(1)'],
  ['frames.max(1) u1', (d, mm) => d.F.max(1), 'F.max(1)'],
  ['any(1) random', (d, mm) => d.B.any(1), 'B.any(1)'],
  ['all(1) random', (d, mm) => d.B.all(1), 'B.all(1)'],
  ['any(1) false', (d, mm) => d.Z.any(1), 'Z.any(1)'],
  ['all(1) true', (d, mm) => d.O.all(1), 'O.all(1)'],
  ['any(0) false', (d, mm) => d.Z.any(0), 'Z.any(0)'],
  ['all(0) true', (d, mm) => d.O.all(0), 'O.all(0)'],
  ['addReduceat 100k', (d, mm) => mm.addReduceat(d.a, d.starts), 'np.add.reduceat(a, starts)'],
];

// The data, written once as raw files both sides read (W20's f8 values).
function writeData() {
  fs.mkdirSync(DIR, { recursive: true });
  const done = path.join(DIR, 'done');
  if (fs.existsSync(done)) return;
  const idx = xorshift(N, 4096, 777);
  const f8 = new Float64Array(N);
  const frames = new Uint8Array(N);
  const mask = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    f8[i] = idx[i] / 8 - 200 + (i % 7) * 1e-3;
    frames[i] = idx[i] & 0xff;
    mask[i] = (idx[i] & 1023) !== 0 ? 1 : 0;
  }
  const rows = new Float64Array(2441 * 4096);
  const r = xorshift(rows.length, 1 << 20, 99);
  for (let i = 0; i < rows.length; i++) rows[i] = r[i] / 1024 - 512;
  const starts = new BigInt64Array(100_000);
  for (let g = 0; g < starts.length; g++) starts[g] = BigInt(Math.floor((g * N) / starts.length));
  for (const [k, v] of Object.entries({ f8, frames, mask, rows, starts })) {
    fs.writeFileSync(path.join(DIR, `${k}.bin`), new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }
  fs.writeFileSync(done, '');
}

function child(rounds, only) {
  const mm = require(process.env.MMARRAY_AB_DIST || '../dist');
  const read = (k, dtype, shape) => {
    const m = mm.memmap(path.join(DIR, `${k}.bin`), { dtype, mode: 'r', shape });
    const c = m.copy(); // pool memory, as NumPy's fromfile arrays are its own
    m.close();
    return c;
  };
  const M = read('f8', '<f8', [1000, 10000]);
  const d = {
    M,
    M4: mm.fromBuffer(M.typedArray().slice()).reshape([1000, 10000]),
    a: M.reshape([N]),
    R: read('rows', '<f8', [2441, 4096]),
    F: read('frames', '|u1', [10, 1000, 1000]),
    B: read('mask', '|b1', [1000, 10000]),
    Z: mm.zeros([1000, 10000], '|b1'),
    O: mm.ones([1000, 10000], '|b1'),
    starts: Array.from(read('starts', '<i8').typedArray(), Number),
  };
  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1e3; // ms
  };
  const faults = () => process.resourceUsage().minorPageFault;
  const out = {};
  for (const [name, fn] of ROWS) {
    if (only && !only.some((o) => name.startsWith(o))) continue;
    const r = [];
    let f = 0;
    for (let k = 0; k < rounds + 2; k++) {
      const f0 = faults();
      const c0 = cpu();
      fn(d, mm);
      const c1 = cpu();
      if (k >= 2) {
        r.push(c1 - c0);
        f += faults() - f0;
      }
    }
    out[name] = { cpu: r, faults: f / rounds };
  }
  process.stdout.write(JSON.stringify(out));
}

const NUMPY = String.raw`
import json, mmap, sys, time
import numpy as np
D, rounds, only, rows = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3]), json.loads(sys.argv[4])
r = lambda k, dt: np.fromfile(D + '/' + k + '.bin', dt)
M = r('f8', '<f8').reshape(1000, 10000)
a = M.reshape(-1)
small_pages = mmap.mmap(-1, M.nbytes)
M4 = np.frombuffer(small_pages, '<f8').reshape(M.shape)
M4[...] = M
R = r('rows', '<f8').reshape(2441, 4096)
F = r('frames', 'u1').reshape(10, 1000, 1000)
B = r('mask', '?').reshape(1000, 10000)
Z = np.zeros((1000, 10000), '?')
O = np.ones((1000, 10000), '?')
starts = r('starts', '<i8')
out = {}
for name, expr in rows:
    if only and not any(name.startswith(o) for o in only):
        continue
    fn = eval('lambda: ' + expr)
    res = []
    for k in range(rounds + 2):
        c0 = time.process_time()
        fn()
        c1 = time.process_time()
        if k >= 2: res.append((c1 - c0) * 1e3)
    out[name] = {'cpu': res, 'faults': 0}
print(json.dumps(out))
`;

function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(Number(args[1]), args[2] ? args[2].split(',') : null);
  const npRows = JSON.stringify(ROWS.map(([name, , expr]) => [name, expr]));
  runAb({
    script: __filename,
    args,
    usage: 'usage: node bench/axis_ab.js A.node B.node [--procs 3] [--rounds 15] [--only a,b] [--dist-a OLD_DIST] [--no-numpy]',
    prepare: writeData,
    envOf: (side, opt) => (side === 'A' && opt('--dist-a', '') ? { MMARRAY_AB_DIST: path.resolve(opt('--dist-a', '')) } : {}),
    numpyArgs: (rounds, only) => ['-c', NUMPY, DIR, String(rounds), JSON.stringify(only), npRows],
    nameWidth: 22,
    ratio: true,
  });
}

main();
