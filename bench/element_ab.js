'use strict';
// Interleaved CPU-time A/B of the W1 (views retained) and W7 (per-element)
// rows between two builds, for a loaded machine where wall-clock W1/W7 runs
// are noise (issue 14). The build under test is a package directory holding
// dist/ (and build/, node_modules/, package.json, or links to them):
//
//   node bench/element_ab.js DIR_A DIR_B [--procs 5] [--rounds 5] [--only forEach,reduce]
//
// runs one process per build, alternating A, B, A, B, ..., each timing every
// row `rounds` times after two warm-up calls, and prints per row the fastest
// round, the median of all rounds and the median of the processes' medians,
// in ns per element (W1: per view) of process CPU time (user + system), so
// time spent waiting for a core is left out. The rows are W7's (and W1's)
// on 4M elements from files this script writes once under /tmp/element_ab/:
// `raw` rows are W7's hand-written loops over a typed array or DataView
// that V8 sees as a constant (it folds their map, length and data pointer).
// The `inline` rows pass a callback written inline (a new closure per call)
// after the rows with a hoisted one: the walk's one call site has then seen
// two callbacks and calls them without inlining (9-13 ns per element against
// 2-2.4 ns for the hoisted callback alone, in an A/B at load 25).
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { rawFieldLoops } = require('./raw-field');

function child(pkg, rounds, only) {
  const mm = require(path.resolve(pkg, 'dist'));
  const N = 4_000_000;
  const dir = '/tmp/element_ab';
  fs.mkdirSync(dir, { recursive: true });
  const recFile = path.join(dir, 'rec.bin');
  const pkFile = path.join(dir, 'pk.bin');
  if (!fs.existsSync(recFile)) {
    const b = new Float64Array(2 * N);
    for (let i = 0; i < 2 * N; i++) b[i] = ((i * 2654435761) % 1024) / 4 - 100;
    fs.writeFileSync(recFile, new Uint8Array(b.buffer));
  }
  if (!fs.existsSync(pkFile)) {
    const b = new Uint8Array(28 * N);
    const dv = new DataView(b.buffer);
    for (let i = 0; i < N; i++) dv.setFloat64(28 * i + 12, ((i * 2654435761) % 1024) / 4 - 100, true);
    fs.writeFileSync(pkFile, b);
  }
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) * 1e3; // ns
  };
  const out = {};
  function m(name, fn, per) {
    if (only && !only.some((o) => name.startsWith(o))) return;
    fn();
    fn();
    const r = [];
    for (let k = 0; k < rounds; k++) {
      const c0 = cpu();
      fn();
      r.push((cpu() - c0) / per);
    }
    out[name] = r;
  }

  // ---------------------------------------------------------------- W1
  {
    const k = 50_000;
    const big = mm.zeros([10_000_000], '<i2');
    const plainRec = mm.empty([1_000_000], { names: ['id', 'ts', 'value'], formats: ['<u4', '<u4', '<f8'] });
    const two = mm.zeros([1000, 1000], '<i2');
    const ring = new Array(1024).fill(null);
    const loop = (f) => () => {
      for (let i = 0; i < k; i++) ring[i & 1023] = f();
      return ring[0];
    };
    m('W1 view', loop(() => big.view('<i4')), k);
    m('W1 index', loop(() => big.index('1:-1:2')), k);
    m('W1 field', loop(() => plainRec.field('value')), k);
    m('W1 T', loop(() => two.T), k);
  }

  // ---------------------------------------------------------------- W7
  const rec = mm.memmap(recFile, { dtype: { names: ['a', 'value'], formats: ['<f8', '<f8'] }, mode: 'r', shape: [N] });
  const field = rec.field('value');
  const t = new Float64Array(rec.buffer, 0, 2 * N);
  let sink = 0;
  m('get s2', () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += field.get(i);
    sink += s;
  }, N);
  m('raw get s2', () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += t[2 * i + 1];
    sink += s;
  }, N);
  const PACKED = { names: ['a', 'b', 'value', 'c'], formats: ['<u4', '<f8', '<f8', '<u8'], offsets: [0, 4, 12, 20], itemsize: 28 };
  const packedMap = mm.memmap(pkFile, { dtype: PACKED, mode: 'r', shape: [N] });
  const packed = packedMap.field('value');
  const pdv = new DataView(packedMap.buffer, 0, 28 * N);
  m('get unal', () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += packed.get(i);
    sink += s;
  }, N);
  m('raw get unal', () => {
    let s = 0;
    for (let i = 0, o = 12; i < N; i++, o += 28) s += pdv.getFloat64(o, true);
    sink += s;
  }, N);
  m('get s2 again', () => {
    let s = 0;
    for (let i = 0; i < N; i++) s += field.get(i);
    sink += s;
  }, N);
  const alignedCopy = rec.copy();
  const packedCopy = packedMap.copy();
  const count = (each) => () => {
    let c = 0;
    each((x) => {
      if (x > 0) c++;
    });
    sink += c;
  };
  const add = (s, x) => s + x;
  const neg = (x) => -x;
  const twice = (x) => x * 2;
  for (const [what, view, writable, rb, fo, unaligned] of [
    ['s2', field, alignedCopy.field('value'), 16, 8, false],
    ['unal', packed, packedCopy.field('value'), 28, 12, true],
  ]) {
    const roBuf = unaligned ? packedMap.buffer : rec.buffer;
    const rwBuf = unaligned ? packedCopy.buffer : alignedCopy.buffer;
    const { rawEach, rawReduce, rawApply } = rawFieldLoops(roBuf, rwBuf, N, rb, fo, unaligned);
    m(`forEach ${what}`, count((fn) => view.forEach(fn)), N);
    m(`raw forEach ${what}`, count(rawEach), N);
    m(`reduce ${what}`, () => (sink += view.reduce(add, 0)), N);
    m(`raw reduce ${what}`, () => (sink += rawReduce(add, 0)), N);
    m(`apply ${what}`, () => writable.apply(neg), N);
    m(`raw apply ${what}`, () => rawApply(neg), N);
    m(`map ${what}`, () => view.map(twice), N);
    // Callbacks written inline: a new closure per call, as most programs pass them.
    m(`inline reduce ${what}`, () => (sink += view.reduce((s, x) => s + x, 0)), N);
    m(`inline apply ${what}`, () => writable.apply((x) => -x), N);
  }
  const ct = new Float64Array(alignedCopy.buffer, 0, 2 * N);
  m('set s2', () => {
    const w = alignedCopy.field('value');
    for (let i = 0; i < N; i++) w.set(i, i);
    sink += w.get(N - 1);
  }, N);
  m('raw set s2', () => {
    for (let i = 0, p = 1; i < N; i++, p += 2) ct[p] = i;
    sink += ct[2 * N - 1];
  }, N);
  rec.close();
  packedMap.close();
  return out;
}

const med = (a) => {
  const s = [...a].sort((x, y) => x - y);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

function main(argv) {
  if (argv[0] === '--child') {
    process.stdout.write(JSON.stringify(child(argv[1], Number(argv[2]), argv[3] ? argv[3].split(',') : null)) + '\n');
    return;
  }
  const dirs = [];
  const opt = { procs: 5, rounds: 5, only: '' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--procs') opt.procs = Number(argv[++i]);
    else if (argv[i] === '--rounds') opt.rounds = Number(argv[++i]);
    else if (argv[i] === '--only') opt.only = argv[++i];
    else dirs.push(argv[i]);
  }
  if (dirs.length !== 2) {
    console.error('usage: node bench/element_ab.js DIR_A DIR_B [--procs 5] [--rounds 5] [--only forEach,reduce]');
    process.exit(2);
  }
  const runs = [[], []];
  for (let p = 0; p < opt.procs; p++) {
    for (let k = 0; k < 2; k++) {
      const out = execFileSync(process.execPath, [__filename, '--child', dirs[k], String(opt.rounds), opt.only], { encoding: 'utf8', maxBuffer: 1 << 24 });
      runs[k].push(JSON.parse(out.trim().split('\n').pop()));
    }
  }
  const cell = (r, row) => {
    const all = r.flatMap((x) => x[row] ?? []);
    const pm = r.filter((x) => x[row]).map((x) => med(x[row]));
    return `${Math.min(...all).toFixed(2)} / ${med(all).toFixed(2)} / ${med(pm).toFixed(2)}`.padEnd(24);
  };
  console.log(`${'row'.padEnd(18)} ${'A: min / med / med of procs'.padEnd(28)} B (ns of CPU per element; W1 per view), ${opt.procs} processes each`);
  for (const row of Object.keys(runs[0][0])) console.log(`${row.padEnd(18)} ${cell(runs[0], row).padEnd(28)} ${cell(runs[1], row)}`);
}

main(process.argv.slice(2));
