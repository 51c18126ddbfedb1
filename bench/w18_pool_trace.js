'use strict';
// W18 (bench/w18_ufunc.js, its NumPy side skipped) with the result pool
// traced: per measured library call, wall and process CPU, minor faults, what
// each poolBuffer request got (idle hit, reserve hit, fresh map, JS memory
// when null; `grown` for an addon with poolStats().grownHits, the mremap
// trial the notes describe), the time spent inside
// poolBuffer, the GC assist's runs and the load; then the pool's totals.
// The per-call figures behind docs/performance-notes.md's session 11. Compare
// two builds by running it with each (MMARRAY_ADDON_PATH, alternated):
//   node bench/w18_pool_trace.js > trace.txt
const path = require('path');
const cp = require('child_process');
const W = path.join(__dirname, '..');
const realSpawn = cp.spawnSync;
cp.spawnSync = (cmd, ...a) => (cmd === 'python3' ? { error: new Error('skipped'), status: null, stdout: '', stderr: '' } : realSpawn(cmd, ...a));
const native = require(path.join(W, 'dist/native'));
const gcw = require(path.join(W, 'dist/gc-wait'));
const h = require(path.join(W, 'bench/harness'));
const realPB = native.poolBuffer;
let events = [];
native.poolBuffer = (n, u, now) => {
  const s0 = native.poolStats();
  const t0 = process.hrtime.bigint();
  const r = realPB(n, u, now);
  const t = Number(process.hrtime.bigint() - t0) / 1e6;
  const s = native.poolStats();
  const what = r === null ? 'JS' : s.freshMaps > s0.freshMaps ? 'FRESH' : s.reserveHits > s0.reserveHits ? 'resv' : s.overHits > s0.overHits ? 'over' : (s.grownHits ?? 0) > (s0.grownHits ?? 0) ? 'grown' : 'idle';
  events.push(`${what}:${(n / 1e6).toFixed(0)}MB${t > 0.5 ? `(${t.toFixed(1)}ms)` : ''}${s.reserveMaps > s0.reserveMaps ? '+rm' : ''}`);
  return r;
};
const realMeasure = h.measure;
h.measure = (fn, opts) => {
  const label = fn.toString().replace(/\s+/g, ' ').slice(6, 70);
  let k = 0;
  const wrapped = () => {
    events = [];
    const g0 = gcw.gcAssistStats.runs;
    const f0 = process.resourceUsage().minorPageFault;
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const r = fn();
    const w = Number(process.hrtime.bigint() - t0) / 1e6;
    const c = process.cpuUsage(c0);
    const f = process.resourceUsage().minorPageFault - f0;
    const s = native.poolStats();
    if (/mm\./.test(label)) console.log(`${label.padEnd(64)} #${k} wall ${w.toFixed(1)} cpu ${((c.user + c.system) / 1e3).toFixed(1)} flt ${f} gc+${gcw.gcAssistStats.runs - g0} [${events.join(' ')}] idle ${(s.idleBytes / 1e6).toFixed(0)} use ${(s.inUseBytes / 1e6).toFixed(0)} load ${require('fs').readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}`);
    k++;
    return r;
  };
  return realMeasure(wrapped, opts);
};
const { W18 } = require(path.join(W, 'bench/w18_ufunc'));
const dir = new h.DataDir();
try {
  const rows = W18({ rounds: 5, n10m: 10_000_000, dir, quick: false });
  for (const r of rows) console.log(`ROW ${r.name}: lib median ${r.lib.median.toFixed(2)} min ${r.lib.min.toFixed(2)}`);
} finally {
  dir.remove();
}
const s = native.poolStats();
console.log(`TOTAL fresh ${s.freshMaps} reserveMaps ${s.reserveMaps} idleHits ${s.idleHits} reserveHits ${s.reserveHits} overHits ${s.overHits} grownHits ${s.grownHits ?? 0} gcAssist ${JSON.stringify(gcw.gcAssistStats)}`);
