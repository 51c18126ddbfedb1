'use strict';
// W18: element-wise ufuncs (issue 18), each beside a hand-written typed-array
// loop and NumPy (bench/numpy_ufunc.py) in one run. Every result is returned
// from the timed function, so neither side can skip the work.
// - 10M elements in memory: a new result array per call (as `a + b` in NumPy),
//   into a preallocated out, and in place (`x /= 255`);
// - 10M float64 of a > 4 GiB sparse mapping, the view straddling the 4 GiB
//   window edge: the library hands the kernel the whole mapping; the hand
//   loop runs over a typed array of a second mapping of just that range (the
//   way a user gets one), NumPy over np.memmap of the same file.
const fs = require('fs');
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

// The big file: 4 GiB + 64 MiB, sparse except the 160 MB of float64 around
// the 4 GiB edge that the workload reads.
const BIG_BYTES = 2 ** 32 + 2 ** 26;
const EDGE = 2 ** 32;

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
  const b = mm.zeros([n], '<f8');
  const pt = px.typedArray();
  const qt = qty.typedArray();
  const bt = b.typedArray();
  for (let i = 0; i < n; i++) {
    pt[i] = (i % 1000) * 0.25 + 1;
    qt[i] = (i % 201) - 100;
    bt[i] = (i % 777) * 0.5 - 100;
  }
  const out = mm.zeros([n], '<f8');
  const ot = out.typedArray();
  const m = (fn, setup) => h.measure(fn, { rounds, setup, warmup: 2 });

  const bigPath = ctx.dir.path('w18-big.bin');
  fs.writeFileSync(bigPath, '');
  fs.truncateSync(bigPath, BIG_BYTES);
  const bigOffset = EDGE - (n / 2) * 8; // n/2 float64 on each side of the edge
  {
    const fill = mm.memmap(bigPath, { dtype: '<f8', mode: 'r+', offset: bigOffset, shape: [2 * n] });
    const ft = fill.typedArray();
    for (let i = 0; i < 2 * n; i++) ft[i] = (i % 1000) * 0.25 - 50;
    fill.flush();
    fill.close();
  }

  const rows = [];
  const np = numpy({ n, rounds, big: bigPath, big_offset: bigOffset });
  const check = (name, ok) => {
    if (!ok) throw new Error(`W18 ${name}: the library and the hand loop disagree`);
  };
  const row = (name, lib, base, key, note) => rows.push({ id: 'W18', name, lib, base, np: np?.[key], target, note });
  const newF8 = (f) => () => {
    const o = new Float64Array(n);
    for (let i = 0; i < n; i++) o[i] = f(i);
    return o;
  };

  // ---------------------------------------------------------------- 10M in memory
  {
    const lib = m(() => mm.add(px, b));
    const base = m(() => {
      const o = new Float64Array(n);
      for (let i = 0; i < n; i++) o[i] = pt[i] + bt[i];
      return o;
    });
    check('add', lib.result.get(12345) === base.result[12345]);
    row('add(a, b), 10M <f8, new array', lib, base, 'add');
  }
  {
    const lib = m(() => mm.subtract(px, b));
    const base = m(() => {
      const o = new Float64Array(n);
      for (let i = 0; i < n; i++) o[i] = pt[i] - bt[i];
      return o;
    });
    check('subtract', lib.result.get(12345) === base.result[12345]);
    row('subtract(a, b), 10M <f8, new array', lib, base, 'sub');
  }
  {
    const lib = m(() => mm.multiply(px, qty));
    const base = m(() => {
      const o = new Float64Array(n);
      for (let i = 0; i < n; i++) o[i] = pt[i] * qt[i];
      return o;
    });
    check('multiply', lib.result.get(12345) === base.result[12345]);
    row('px * qty: multiply(<f8, <i4), 10M, new array', lib, base, 'mul');
  }
  {
    const lib = m(() => mm.multiply(px, qty, { out }));
    const base = m(() => {
      for (let i = 0; i < n; i++) ot[i] = pt[i] * qt[i];
      return ot;
    });
    row('px * qty into a preallocated out, 10M', lib, base, 'mul_out');
  }
  {
    const lib = m(() => mm.divide(x, 255, { out: x }), resetX);
    const first = xt[255];
    const base = m(() => {
      for (let i = 0; i < n; i++) xt[i] /= 255;
      return xt;
    }, resetX);
    check('divide', first === xt[255]);
    row('x /= 255: divide(x, 255, { out: x }), 10M <f4', lib, base, 'div_out');
  }
  {
    const lib = m(() => mm.less(qty, 0));
    const base = m(() => {
      const o = new Uint8Array(n);
      for (let i = 0; i < n; i++) o[i] = qt[i] < 0 ? 1 : 0;
      return o;
    });
    check('less', lib.result.get(100) === (base.result[100] === 1));
    row('qty < 0: less(<i4, 0), 10M, new bool array', lib, base, 'less');
  }
  {
    const lib = m(() => mm.less(qty, 0).sum());
    const base = m(() => {
      let c = 0;
      for (let i = 0; i < n; i++) if (qt[i] < 0) c++;
      return c;
    });
    check('less+sum', Number(lib.result) === base.result);
    row('(qty < 0).sum(), 10M <i4', lib, base, 'cmp_sum', 'base counts without a bool array');
  }
  {
    const lib = m(() => mm.equal(px, b));
    const base = m(() => {
      const o = new Uint8Array(n);
      for (let i = 0; i < n; i++) o[i] = pt[i] === bt[i] ? 1 : 0;
      return o;
    });
    row('equal(a, b), 10M <f8, new bool array', lib, base, 'eq');
  }
  {
    const lib = m(() => mm.minimum(px, b));
    const base = m(newF8((i) => {
      const u = pt[i];
      const v = bt[i];
      return u <= v || u !== u ? u : v;
    }));
    check('minimum', lib.result.get(777) === base.result[777]);
    row('minimum(a, b), 10M <f8, new array', lib, base, 'minimum');
  }
  {
    const lib = m(() => mm.abs(qty));
    const base = m(() => {
      const o = new Int32Array(n);
      for (let i = 0; i < n; i++) o[i] = Math.abs(qt[i]);
      return o;
    });
    row('abs(qty), 10M <i4, new array', lib, base, 'abs');
  }
  {
    const lib = m(() => mm.negative(px));
    const base = m(newF8((i) => -pt[i]));
    row('negative(a), 10M <f8, new array', lib, base, 'neg');
  }
  {
    const lib = m(() => mm.square(px));
    const base = m(newF8((i) => pt[i] * pt[i]));
    row('square(a), 10M <f8, new array', lib, base, 'square');
  }
  {
    const lib = m(() => mm.sqrt(px));
    const base = m(newF8((i) => Math.sqrt(pt[i])));
    row('sqrt(px), 10M <f8, new array', lib, base, 'sqrt');
  }

  // exp, log and float power run native/transcendental.cc, within 1 ulp of
  // Math.exp, Math.log and Math.pow (each within 1 ulp of the exact result),
  // so those checks allow 1 ulp. Shifts, integer power, where, complex
  // multiply and abs run natively too.
  const near = (x, y) => x === y || (x !== x && y !== y) || Math.abs(x - y) <= Math.abs(y) * 2 ** -52;
  {
    const lib = m(() => mm.exp(b));
    const base = m(newF8((i) => Math.exp(bt[i])));
    check('exp', near(lib.result.get(4321), base.result[4321]));
    row('exp(b), 10M <f8, new array', lib, base, 'exp');
  }
  {
    const lib = m(() => mm.log(px));
    const base = m(newF8((i) => Math.log(pt[i])));
    check('log', near(lib.result.get(4321), base.result[4321]));
    row('log(px), 10M <f8, new array', lib, base, 'log');
  }
  {
    const lib = m(() => mm.power(px, 2.5));
    const base = m(newF8((i) => Math.pow(pt[i], 2.5)));
    check('power', near(lib.result.get(4321), base.result[4321]));
    row('power(px, 2.5), 10M <f8, new array', lib, base, 'pow_f8');
  }
  {
    const lib = m(() => mm.power(qty, 3));
    const base = m(() => {
      const o = new Int32Array(n);
      for (let i = 0; i < n; i++) o[i] = Math.imul(Math.imul(qt[i], qt[i]), qt[i]);
      return o;
    });
    check('power int', lib.result.get(4321) === base.result[4321]);
    row('power(qty, 3), 10M <i4, new array', lib, base, 'pow_i4');
  }
  {
    const lib = m(() => mm.leftShift(qty, 3));
    const base = m(() => {
      const o = new Int32Array(n);
      for (let i = 0; i < n; i++) o[i] = qt[i] << 3;
      return o;
    });
    check('leftShift', lib.result.get(4321) === base.result[4321]);
    row('leftShift(qty, 3), 10M <i4, new array', lib, base, 'lshift');
  }
  {
    const neg = mm.less(qty, 0);
    const nt = neg.typedArray();
    const lib = m(() => mm.where(neg, px, b));
    const base = m(newF8((i) => (nt[i] !== 0 ? pt[i] : bt[i])));
    check('where', lib.result.get(4321) === base.result[4321]);
    row('where(qty < 0, px, b), 10M <f8, new array', lib, base, 'where');
  }

  // The fresh-output rows again, releasing each round's previous result as
  // NumPy's rebinding (`r = np.add(a, b)`) frees it: its pool region is reused
  // at once instead of after a GC and a later event-loop turn (the rows above
  // measure what a program that never calls release() gets). NumPy's figure
  // is the plain row's, from the same script.
  const rebinding = (f) => {
    let prev = null;
    return () => {
      const r = f();
      if (prev !== null) prev.release();
      prev = r;
      return r;
    };
  };
  for (const [name, f, key] of [
    ['add(a, b), 10M <f8', () => mm.add(px, b), 'add'],
    ['subtract(a, b), 10M <f8', () => mm.subtract(px, b), 'sub'],
    ['qty < 0: less(<i4, 0), 10M', () => mm.less(qty, 0), 'less'],
    ['abs(qty), 10M <i4', () => mm.abs(qty), 'abs'],
    ['negative(a), 10M <f8', () => mm.negative(px), 'neg'],
    ['leftShift(qty, 3), 10M <i4', () => mm.leftShift(qty, 3), 'lshift'],
  ]) {
    const lib = m(rebinding(f));
    row(`${name}, new array, previous one release()d`, lib, null, key, 'NumPy: the plain row\'s rounds (rebinding frees)');
  }
  {
    // (no typed array holds complex: the raw loop reads the interleaved parts)
    const zt = new Float64Array(2 * n);
    for (let i = 0; i < 2 * n; i++) zt[i] = ((i % 1000) - 500) * 0.01;
    const z = mm.ndarray([n], '<c16', new Uint8Array(zt.buffer));
    const lib = m(() => mm.multiply(z, z));
    const base = m(() => {
      const o = new Float64Array(2 * n);
      for (let i = 0; i < 2 * n; i += 2) {
        const re = zt[i];
        const im = zt[i + 1];
        o[i] = re * re - im * im;
        o[i + 1] = re * im + im * re;
      }
      return o;
    });
    row('multiply(z, z), 10M <c16, new array', lib, base, 'cmul');
    const libAbs = m(() => mm.absolute(z));
    const baseAbs = m(() => {
      const o = new Float64Array(n);
      for (let i = 0; i < n; i++) o[i] = Math.hypot(zt[2 * i], zt[2 * i + 1]);
      return o;
    });
    check('complex abs', libAbs.result.get(4321) === baseAbs.result[4321]);
    row('abs(z), 10M <c16, new <f8 array', libAbs, baseAbs, 'cabs');
  }
  {
    const g = mm.zeros([n], '<f8');
    const gt = g.typedArray();
    for (let i = 0; i < n; i++) gt[i] = 1 + (i % 13) * 1e-4;
    const rowsOf = g.reshape([n / 1000, 1000]);
    const lib = m(() => rowsOf.prod(1));
    const base = m(() => {
      const o = new Float64Array(n / 1000);
      for (let r = 0, k = 0; r < n / 1000; r++) {
        let p = 1;
        for (let c = 0; c < 1000; c++, k++) p *= gt[k];
        o[r] = p;
      }
      return o;
    });
    row('prod(axis=1) of 10M <f8 as 10,000 x 1,000', lib, base, 'prod_axis');
  }

  // ---------------------------------------------------------------- > 4 GiB mapping
  const big = mm.memmap(bigPath, { dtype: 'u1', mode: 'r+' });
  const region = mm.memmap(bigPath, { dtype: '<f8', mode: 'r+', offset: bigOffset, shape: [2 * n] });
  try {
    // u (n float64 straddling the 4 GiB edge) and w (the n after it), as views of the whole mapping.
    const lo = EDGE - (n / 2) * 8;
    const u = big.index(`${lo}:${lo + 8 * n}`).view('<f8');
    const w = big.index(`${lo + 8 * n}:${lo + 16 * n}`).view('<f8');
    const rt = region.typedArray();
    const ut = rt.subarray(0, n);
    const wt = rt.subarray(n, 2 * n);
    {
      const lib = m(() => mm.add(u, w));
      const base = m(newF8((i) => ut[i] + wt[i]));
      check('big add', lib.result.get(n / 2) === base.result[n / 2]);
      row('add(u, w), 10M <f8 across the 4 GiB edge of a 4.06 GiB mapping', lib, base, 'big_add');
    }
    {
      const lib = m(() => mm.multiply(u, 1.0000001, { out: u }));
      const base = m(() => {
        for (let i = 0; i < n; i++) ut[i] *= 1.0000001;
        return ut;
      });
      row('multiply(u, c, { out: u }) in place, same mapping', lib, base, 'big_mul_inplace');
    }
    {
      const lib = m(() => mm.less(u, 100));
      const base = m(() => {
        const o = new Uint8Array(n);
        for (let i = 0; i < n; i++) o[i] = ut[i] < 100 ? 1 : 0;
        return o;
      });
      row('less(u, 100), same mapping, new bool array', lib, base, 'big_less');
    }
    {
      const lib = m(() => mm.sqrt(w));
      const base = m(newF8((i) => Math.sqrt(wt[i])));
      row('sqrt(w), same mapping, new array', lib, base, 'big_sqrt');
    }
    // w holds (i % 1000) * 0.25 - 50: a fifth is negative, whose log and
    // non-integer power are NaN (on both sides).
    {
      const lib = m(() => mm.exp(w));
      const base = m(newF8((i) => Math.exp(wt[i])));
      check('big exp', near(lib.result.get(n / 2), base.result[n / 2]));
      row('exp(w), same mapping, new array', lib, base, 'big_exp');
    }
    {
      const lib = m(() => mm.log(w));
      const base = m(newF8((i) => Math.log(wt[i])));
      check('big log', near(lib.result.get(n / 2), base.result[n / 2]));
      row('log(w), same mapping, new array', lib, base, 'big_log');
    }
    {
      const lib = m(() => mm.power(w, 2.5));
      const base = m(newF8((i) => Math.pow(wt[i], 2.5)));
      check('big power', near(lib.result.get(n / 2), base.result[n / 2]));
      row('power(w, 2.5), same mapping, new array', lib, base, 'big_pow');
    }
  } finally {
    region.close();
    big.close();
    fs.rmSync(bigPath, { force: true });
  }
  return rows;
}

module.exports = { W18: w18 };
