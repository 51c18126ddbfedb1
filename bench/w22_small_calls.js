'use strict';
// W22: the cost of one call on a small array (10 float64 items), where the
// planning around a kernel, not the kernel, is the time: ufuncs with an array
// and with a number, a three-input where, sort and argsort, a reduction to a
// 0-d array, an axis reduction of a 10 x 100 array; then ufuncs into an
// existing `out`, over 1000 items, and a 100 x 10 array minus a row of 10
// (broadcast), where the kernel is still less than the planning. Each round makes PER
// calls whose results are kept (a ring of 64, so the GC sees what a program
// that keeps its results makes it see), beside a hand-written typed-array
// loop (a new Float64Array per call, same ring) and NumPy (same calls, same
// ring) from the same run: figures are per call.
// `node bench/run.js --only W22` runs it.
const mm = require('../dist');
const h = require('./harness');

const PER = 2000;
const RING = 64;

function w22(ctx) {
  const rounds = Math.max(ctx.rounds, 9);
  const rows = [];
  const row = (name, lib, base, np, note) => rows.push({ id: 'W22', name, lib, base, np, target: { ref: 'np', time: 1.0 }, note });
  const n = 10;
  const x = Float64Array.from({ length: n }, (_, i) => ((i * 7) % 11) - 3.5);
  const y = Float64Array.from({ length: n }, (_, i) => ((i * 5) % 7) + 0.25);
  const grid = Float64Array.from({ length: 1000 }, (_, i) => (i * 13) % 17);
  const a = mm.fromBuffer(x);
  const b = mm.fromBuffer(y);
  const c = mm.less(a, 0);
  const cBytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) cBytes[i] = x[i] < 0 ? 1 : 0;
  const g = mm.fromBuffer(grid).reshape(10, 100);
  const o10 = mm.zeros([n]);
  const m = 1000;
  const xs = Float64Array.from({ length: m }, (_, i) => ((i * 7) % 11) - 3.5);
  const ys = Float64Array.from({ length: m }, (_, i) => ((i * 5) % 7) + 0.25);
  const am = mm.fromBuffer(xs);
  const bm = mm.fromBuffer(ys);
  const om = mm.zeros([m]);
  const oBuf = new Float64Array(m);
  const gm = am.reshape(100, 10);
  const rowv = bm.index(':10');
  // µs per call: PER calls a round, each result kept in the ring.
  const per = (fn) =>
    h.measure(
      () => {
        const kept = new Array(RING);
        for (let k = 0; k < PER; k++) kept[k & (RING - 1)] = fn();
        return kept;
      },
      { rounds, per: PER, warmup: 3 },
    );
  const cases = [
    ['add(a, b)', () => mm.add(a, b), () => { const o = new Float64Array(n); for (let i = 0; i < n; i++) o[i] = x[i] + y[i]; return o; }],
    ['add(a, 1)', () => mm.add(a, 1), () => { const o = new Float64Array(n); for (let i = 0; i < n; i++) o[i] = x[i] + 1; return o; }],
    ['less(a, 0)', () => mm.less(a, 0), () => { const o = new Uint8Array(n); for (let i = 0; i < n; i++) o[i] = x[i] < 0 ? 1 : 0; return o; }],
    ['sqrt(b)', () => mm.sqrt(b), () => { const o = new Float64Array(n); for (let i = 0; i < n; i++) o[i] = Math.sqrt(y[i]); return o; }],
    ['where(c, a, b)', () => mm.where(c, a, b), () => { const o = new Float64Array(n); for (let i = 0; i < n; i++) o[i] = cBytes[i] !== 0 ? x[i] : y[i]; return o; }],
    ['sort(a)', () => mm.sort(a), () => x.slice().sort()],
    ['argsort(a)', () => mm.argsort(a), () => Uint32Array.from(x.keys()).sort((i, j) => x[i] - x[j] || i - j)],
    ['sum(a) (a 0-d array)', () => mm.sum(a), () => { let s = 0; for (let i = 0; i < n; i++) s += x[i]; return new Float64Array([s]); }],
    ['g.sum({ axis: 1 }), 10x100', () => g.sum({ axis: 1 }), () => { const o = new Float64Array(10); for (let r = 0; r < 10; r++) { let s = 0; for (let j = 0; j < 100; j++) s += grid[r * 100 + j]; o[r] = s; } return o; }],
  ];
  // The same ring keeps each result (an out is the same array every call).
  const more = [
    ['add(a, b, { out }), 10 f8', () => mm.add(a, b, { out: o10 }), () => { const o = oBuf; for (let i = 0; i < n; i++) o[i] = x[i] + y[i]; return o; }],
    ['add(a, b), 1000 f8', () => mm.add(am, bm), () => { const o = new Float64Array(m); for (let i = 0; i < m; i++) o[i] = xs[i] + ys[i]; return o; }],
    ['add(a, b, { out }), 1000 f8', () => mm.add(am, bm, { out: om }), () => { const o = oBuf; for (let i = 0; i < m; i++) o[i] = xs[i] + ys[i]; return o; }],
    ['subtract(g, row), 100x10 f8 minus 10', () => mm.subtract(gm, rowv), () => { const o = new Float64Array(m); for (let r = 0; r < 100; r++) for (let j = 0; j < 10; j++) o[r * 10 + j] = xs[r * 10 + j] - ys[j]; return o; }],
  ];
  const measured = cases.map(([name, lib, base]) => [name, per(lib), per(base)]);
  const measuredMore = more.map(([name, lib, base]) => [name, per(lib), per(base)]);
  const np = h.runNumpy('W22', { x: [...x], y: [...y], grid: [...grid], xs: [...xs], ys: [...ys], rounds, per: PER, ring: RING });
  const keys = ['add', 'add_scalar', 'less', 'sqrt', 'where', 'sort', 'argsort', 'sum', 'sum_axis'];
  measured.forEach(([name, lib, base], i) => row(`${name}, 10 f8, one call`, lib, base, np?.[keys[i]], `${PER} calls a round, the last ${RING} results kept; base: a loop into a new typed array`));
  const moreKeys = ['add_out', 'add_1000', 'add_out_1000', 'subtract_row'];
  measuredMore.forEach(([name, lib, base], i) => row(`${name}, one call`, lib, base, np?.[moreKeys[i]], `${PER} calls a round, the last ${RING} results kept; base: the same loop in JS (into one array where the call has an out)`));
  return rows;
}

module.exports = { W22: w22 };
