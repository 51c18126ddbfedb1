'use strict';
// Interleaved CPU-time A/B of issue 18's steady-miss rows (W18/W20: the
// comparisons, in-place divide/multiply, log, power, arctan2, diff of bool,
// addReduceat, frames.max(1), argmax(1) of rows of 4096, take, put) between
// two builds of the addon, with NumPy's CPU time in the same run. For a
// loaded 2-core machine, where wall-clock rows are noise:
//
//   node bench/loop_ab.js A.node B.node [--procs 3] [--rounds 15] [--only less,equal] [--no-numpy]
//
// runs one process per build (MMARRAY_ADDON_PATH; dist/ of this tree),
// alternating A, B, NumPy, A, B, NumPy ..., each timing every row `rounds`
// times after two warm-up calls, and prints per row the median over the
// processes of each process's fastest round and median round, in ms of
// process CPU time (user + system: time waiting for a core is left out),
// with the minor page faults per call. `--env-b K=V` (repeatable) sets an
// environment variable for B's processes only (MMARRAY_AB_STREAM_MIN=bytes:
// that process's ufuncStreamMinBytes). New results are dropped to the GC
// each round, as bench/run.js's rows do (NumPy frees its own at once); the
// `rel` rows release() the previous result first.
const fs = require('fs');
const path = require('path');
const { runAb } = require('./ab_runner');
const { randomIndices: xorshift } = require('./harness');

const N = 10_000_000;
const DIR = '/tmp/loop_ab';

// The data, written once as raw files both sides read.
function writeData() {
  fs.mkdirSync(DIR, { recursive: true });
  const done = path.join(DIR, 'done');
  if (fs.existsSync(done)) return;
  const idx = xorshift(N, 4096, 777);
  const px = new Float64Array(N);
  const b = new Float64Array(N);
  const qty = new Int32Array(N);
  const x = new Float32Array(N);
  const a = new Float64Array(N);
  const pos = new Float64Array(N);
  const frames = new Uint8Array(N);
  const mask = new Uint8Array(N);
  for (let i = 0; i < N; i++) {
    px[i] = (i % 1000) * 0.25 + 1;
    b[i] = (i % 777) * 0.5 - 100;
    qty[i] = (i % 201) - 100;
    x[i] = i % 256;
    a[i] = (idx[i] - 2048) / 97 + (i % 11) * 1e-3;
    pos[i] = idx[i] / 16 + 0.5;
    frames[i] = idx[i] & 0xff;
    mask[i] = idx[i] & 1;
  }
  const pick = BigInt64Array.from(xorshift(1_000_000, N, 4242), (v) => BigInt(v));
  const vals = new Float64Array(1_000_000);
  for (let i = 0; i < vals.length; i++) vals[i] = i * 0.5;
  const starts = new BigInt64Array(100_000);
  for (let g = 0; g < starts.length; g++) starts[g] = BigInt(Math.floor((g * N) / starts.length));
  const rows = new Float64Array(2441 * 4096);
  const r = xorshift(rows.length, 1 << 20, 99);
  for (let i = 0; i < rows.length; i++) rows[i] = r[i] / 1024 - 512;
  for (const [k, v] of Object.entries({ px, b, qty, x, a, pos, frames, mask, pick, vals, starts, rows })) {
    fs.writeFileSync(path.join(DIR, `${k}.bin`), new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  }
  fs.writeFileSync(done, '');
}

function child(rounds, only) {
  const mm = require('../dist');
  const native = require('../dist/native');
  if (process.env.MMARRAY_AB_STREAM_MIN) native.ufuncStreamMinBytes(Number(process.env.MMARRAY_AB_STREAM_MIN));
  const read = (k, dtype, shape) => {
    const m = mm.memmap(path.join(DIR, `${k}.bin`), { dtype, mode: 'r', shape });
    const c = m.copy(); // pool memory (huge pages where the kernel gives them), as NumPy's fromfile arrays
    m.close();
    return c;
  };
  const px = read('px', '<f8');
  const b = read('b', '<f8');
  const qty = read('qty', '<i4');
  const x = read('x', '<f4');
  const x0 = x.copy();
  const a = read('a', '<f8');
  const pos = read('pos', '<f8');
  const frames = read('frames', '|u1', [10, 1000, 1000]);
  const mask = read('mask', '|b1');
  const pick = read('pick', '<i8');
  const vals = read('vals', '<f8');
  const startsList = Array.from(read('starts', '<i8').typedArray(), Number);
  const rows = read('rows', '<f8', [2441, 4096]);
  const u = px.copy();
  const target = a.copy();
  const mapFile = path.join(DIR, 'u-map.bin');
  fs.copyFileSync(path.join(DIR, 'px.bin'), mapFile);
  const um = mm.memmap(mapFile, { dtype: '<f8', mode: 'r+' });

  const cpu = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1e3; // ms
  };
  const faults = () => process.resourceUsage().minorPageFault;
  const out = {};
  let keep = null;
  function m(name, fn, { setup, release } = {}) {
    if (only && !only.some((o) => name.startsWith(o))) return;
    const r = [];
    let f = 0;
    for (let k = 0; k < rounds + 2; k++) {
      if (setup) setup();
      if (release && keep && typeof keep.release === 'function') keep.release();
      const f0 = faults();
      const c0 = cpu();
      const res = fn();
      const c1 = cpu();
      if (k >= 2) {
        r.push(c1 - c0);
        f += faults() - f0;
      }
      keep = res;
    }
    if (keep && release && typeof keep.release === 'function') keep.release();
    keep = null;
    out[name] = { cpu: r, faults: f / rounds };
  }
  const resetX = () => x.typedArray().set(x0.typedArray());
  m('less i4 new', () => mm.less(qty, 0));
  m('less i4 new rel', () => mm.less(qty, 0), { release: true });
  m('equal f8 new', () => mm.equal(px, b));
  m('divide f4 in place', () => mm.divide(x, 255, { out: x }), { setup: resetX });
  m('multiply f8 in place', () => mm.multiply(u, 1.0000001, { out: u }));
  m('multiply f8 in place map', () => mm.multiply(um, 1.0000001, { out: um }));
  m('log f8', () => mm.log(px));
  m('log f8 rel', () => mm.log(px), { release: true });
  m('power f8 2.5', () => mm.power(px, 2.5));
  m('arctan2 f8', () => mm.arctan2(a, pos));
  m('diff bool', () => mm.diff(mask));
  m('diff bool rel', () => mm.diff(mask), { release: true });
  m('addReduceat 100k', () => mm.addReduceat(a, startsList));
  m('frames.max(1) u1', () => frames.max(1));
  m('argmax(1) rows 4096', () => rows.argmax(1));
  m('take 1M', () => mm.take(a, pick));
  m('put 1M', () => mm.put(target, pick, vals));
  um.close();
  process.stdout.write(JSON.stringify(out));
}

const NUMPY = String.raw`
import json, sys, time, shutil
import numpy as np
D, rounds, only = sys.argv[1], int(sys.argv[2]), json.loads(sys.argv[3])
r = lambda k, dt: np.fromfile(D + '/' + k + '.bin', dt)
px, b, qty, x, a, pos = r('px', '<f8'), r('b', '<f8'), r('qty', '<i4'), r('x', '<f4'), r('a', '<f8'), r('pos', '<f8')
x0 = x.copy()
frames = r('frames', 'u1').reshape(10, 1000, 1000)
mask = r('mask', '?')
pick, vals, starts = r('pick', '<i8'), r('vals', '<f8'), r('starts', '<i8')
rows = r('rows', '<f8').reshape(2441, 4096)
u = px.copy()
target = a.copy()
shutil.copyfile(D + '/px.bin', D + '/u-np.bin')
um = np.memmap(D + '/u-np.bin', '<f8', 'r+')
out = {}
def m(name, fn, setup=None):
    if only and not any(name.startswith(o) for o in only):
        return
    res = []
    for k in range(rounds + 2):
        if setup: setup()
        c0 = time.process_time()
        fn()
        c1 = time.process_time()
        if k >= 2: res.append((c1 - c0) * 1e3)
    out[name] = {'cpu': res, 'faults': 0}
def reset(): x[:] = x0
m('less i4 new', lambda: np.less(qty, 0))
m('less i4 new rel', lambda: np.less(qty, 0))
m('equal f8 new', lambda: np.equal(px, b))
m('divide f4 in place', lambda: np.divide(x, 255, out=x), reset)
m('multiply f8 in place', lambda: np.multiply(u, 1.0000001, out=u))
m('multiply f8 in place map', lambda: np.multiply(um, 1.0000001, out=um))
m('log f8', lambda: np.log(px))
m('log f8 rel', lambda: np.log(px))
m('power f8 2.5', lambda: np.power(px, 2.5))
m('arctan2 f8', lambda: np.arctan2(a, pos))
m('diff bool', lambda: np.diff(mask))
m('diff bool rel', lambda: np.diff(mask))
m('addReduceat 100k', lambda: np.add.reduceat(a, starts))
m('frames.max(1) u1', lambda: frames.max(1))
m('argmax(1) rows 4096', lambda: rows.argmax(1))
m('take 1M', lambda: np.take(a, pick))
m('put 1M', lambda: np.put(target, pick, vals))
del um
print(json.dumps(out))
`;

function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--child') return child(Number(args[1]), args[2] ? args[2].split(',') : null);
  const envB = {};
  args.forEach((s, i) => {
    if (s === '--env-b') {
      const [k, v] = args[i + 1].split('=');
      envB[k] = v;
    }
  });
  runAb({
    script: __filename,
    args,
    usage: 'usage: node bench/loop_ab.js A.node B.node [--procs 3] [--rounds 15] [--only a,b] [--env-b K=V] [--no-numpy]',
    prepare: writeData,
    envOf: (side) => (side === 'B' ? envB : {}),
    numpyArgs: (rounds, only) => ['-c', NUMPY, DIR, String(rounds), JSON.stringify(only)],
  });
}

main();
