'use strict';
// The result pool over W18-shaped rows: minimum, abs, negative and square of
// 10M items, 7 calls each (as W18's 2 warm-ups + 5 rounds), the hand loop's 7
// rounds between rows, each call's result kept until the next replaces it.
// Prints per call the wall and process CPU time and the pool's counters
// (fresh and reserve mappings, idle hits), then the totals: the figures of
// the pool's warm floor in docs/performance-notes.md. Compare two builds by
// running it with each (MMARRAY_ADDON_PATH, alternated).
//   node bench/pool_rows.js
const mm = require('../dist');
const { poolStats } = require('../dist/native');
const n = 10_000_000;
const px = mm.zeros([n], '<f8'), b = mm.zeros([n], '<f8'), qty = mm.zeros([n], '<i4');
const pt = px.typedArray(), bt = b.typedArray(), qt = qty.typedArray();
for (let i = 0; i < n; i++) { pt[i] = (i % 1000) * 0.25 + 1; qt[i] = (i % 201) - 100; bt[i] = (i % 777) * 0.5 - 100; }
function row(name, fn) {
  let last;
  for (let r = 0; r < 7; r++) {
    const s0 = poolStats(); const c0 = process.cpuUsage(); const t0 = process.hrtime.bigint();
    last = fn();
    const w = Number(process.hrtime.bigint() - t0) / 1e6; const c = process.cpuUsage(c0); const s = poolStats();
    console.log(`${name} r${r} wall ${w.toFixed(1)} cpu ${((c.user + c.system) / 1000).toFixed(1)} fresh+${s.freshMaps - s0.freshMaps} resv+${s.reserveHits - s0.reserveHits} idle+${s.idleHits - s0.idleHits} over+${s.overHits-s0.overHits} idleMB ${(s.idleBytes / 1e6).toFixed(0)} inUseMB ${(s.inUseBytes / 1e6).toFixed(0)} horizon ${s.idleHorizonMs}`);
  }
  return last;
}
const base = () => { const o = new Float64Array(n); for (let i = 0; i < n; i++) o[i] = Math.min(pt[i], bt[i]); return o; };
row('minimum', () => mm.minimum(px, b));
for (let r = 0; r < 7; r++) base();
row('abs', () => mm.abs(qty));
for (let r = 0; r < 7; r++) base();
row('negative', () => mm.negative(px));
row('square', () => mm.square(px));
{ const s = poolStats(); const c = process.cpuUsage(); console.log(`TOTAL fresh ${s.freshMaps} reserveMaps ${s.reserveMaps} idleHits ${s.idleHits} reserveHits ${s.reserveHits} cpu ${((c.user + c.system) / 1000).toFixed(0)} ms`); }
