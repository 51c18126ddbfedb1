'use strict';
// W18: element-wise ufuncs on 10M elements (issue 18), each beside a
// hand-written typed-array loop and NumPy (bench/numpy_ufunc.py) in one run:
// - `x /= 255` as divide(x, 255, { out: x }) over float32 pixels (in place);
// - `px * qty` (float64 × int32 → a new float64 array), and the same into a
//   preallocated out (no temporary);
// - `np.sqrt(px)` (a new float64 array);
// - `(qty < 0).sum()`: a comparison giving a bool array, then its sum.
const path = require('path');
const { spawnSync } = require('child_process');

const mm = require('../dist');
const h = require('./harness');

function numpy(params) {
  const r = spawnSync('python3', [path.join(__dirname, 'numpy_ufunc.py'), JSON.stringify(params)], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    if (r.error || /No module named/.test(r.stderr)) return null;
    throw new Error(`numpy_ufunc.py failed:\n${r.stderr}`);
  }
  const out = {};
  for (const [k, v] of Object.entries(JSON.parse(r.stdout))) out[k] = h.stats(v);
  return out;
}

function w18(ctx) {
  const n = ctx.n10m;
  const rounds = ctx.rounds;
  const target = { ref: 'np', time: 1.0 };
  const x = mm.zeros([n], '<f4');
  const xt = x.typedArray();
  const resetX = () => {
    for (let i = 0; i < n; i++) xt[i] = i % 256;
  };
  const px = mm.zeros([n], '<f8');
  const qty = mm.zeros([n], '<i4');
  const pt = px.typedArray();
  const qt = qty.typedArray();
  for (let i = 0; i < n; i++) {
    pt[i] = (i % 1000) * 0.25 + 1;
    qt[i] = (i % 201) - 100;
  }
  const out = mm.zeros([n], '<f8');
  const ot = out.typedArray();
  const m = (fn, setup) => h.measure(fn, { rounds, setup, warmup: 2 });

  const rows = [];
  const np = numpy({ n, rounds });
  const check = (name, ok) => {
    if (!ok) throw new Error(`W18 ${name}: the library and the hand loop disagree`);
  };

  const divLib = m(() => mm.divide(x, 255, { out: x }), resetX);
  const first = xt[255];
  const divBase = m(() => {
    for (let i = 0; i < n; i++) xt[i] /= 255;
  }, resetX);
  check('divide', first === xt[255]);
  rows.push({ id: 'W18', name: 'x /= 255: divide(x, 255, { out: x }), 10M <f4', lib: divLib, base: divBase, np: np?.div_out, target });

  const mulLib = m(() => mm.multiply(px, qty));
  const mulBase = m(() => {
    const o = new Float64Array(n);
    for (let i = 0; i < n; i++) o[i] = pt[i] * qt[i];
    return o;
  });
  check('multiply', mulLib.result.get(12345) === mulBase.result[12345]);
  rows.push({ id: 'W18', name: 'px * qty: multiply(<f8, <i4), 10M, new array', lib: mulLib, base: mulBase, np: np?.mul, target });

  const mulOutLib = m(() => mm.multiply(px, qty, { out }));
  const mulOutBase = m(() => {
    for (let i = 0; i < n; i++) ot[i] = pt[i] * qt[i];
  });
  rows.push({ id: 'W18', name: 'px * qty into a preallocated out, 10M', lib: mulOutLib, base: mulOutBase, np: np?.mul_out, target });

  const sqrtLib = m(() => mm.sqrt(px));
  const sqrtBase = m(() => {
    const o = new Float64Array(n);
    for (let i = 0; i < n; i++) o[i] = Math.sqrt(pt[i]);
    return o;
  });
  rows.push({ id: 'W18', name: 'sqrt(px), 10M <f8, new array', lib: sqrtLib, base: sqrtBase, np: np?.sqrt, target });

  const cmpLib = m(() => mm.less(qty, 0).sum());
  const cmpBase = m(() => {
    let c = 0;
    for (let i = 0; i < n; i++) if (qt[i] < 0) c++;
    return c;
  });
  check('less+sum', Number(cmpLib.result) === cmpBase.result);
  rows.push({ id: 'W18', name: '(qty < 0).sum(), 10M <i4', lib: cmpLib, base: cmpBase, np: np?.cmp_sum, target, note: 'base counts without a bool array' });
  return rows;
}

module.exports = { W18: w18 };
