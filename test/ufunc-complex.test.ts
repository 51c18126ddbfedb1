// The native complex loops (native/ufunc_complex.cc, picked by
// lib/ufunc-native.ts) against the JS loops they replace (lib/ufuncs/, the
// reference) on random strided, flipped, byte-swapped and unaligned complex64
// and complex128 views, with out=, where=, broadcasting, scalars and in
// place; and against NumPy on the same inputs. Every comparison checks which
// path ran.
import * as fs from 'fs';
import * as path from 'path';
import * as api from '../lib';
import { dtype, ndarray, NdArray, zeros } from '../lib';
import { UFUNC_NATIVE_MIN_ELEMENTS } from '../lib/ufunc-native';
import { rng } from './helpers/bytes';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { useTempDir } from './helpers/tmp';
import { buildLayout, compareToReference, countUfuncCalls, jsReference, Layout, randomCallRun, randomStepLayout, resultValues as values } from './helpers/ufunc-layouts';

const tmp = useTempDir('mmarray-ufunc-complex-');

type Fn = (...x: unknown[]) => NdArray;
const fnOf = (name: string): Fn => (api as unknown as Record<string, Fn>)[name];

const BINARY = ['add', 'subtract', 'multiply', 'divide', 'equal', 'notEqual'];
const UNARY = ['negative', 'conjugate', 'absolute', 'square', 'isnan', 'isinf', 'isfinite'];
const COMPLEX_DTYPES = ['<c8', '>c8', '<c16', '>c16'];
// The other input is now and then real (it casts to the complex loop type).
const OTHER_DTYPES = [...COMPLEX_DTYPES, ...COMPLEX_DTYPES, '<f8', '>f4', '<i4', '|u1'];

/** Parts spread over many magnitudes, with a few specials (0, -0, ±inf, NaN) and duplicates for equal. */
function part(r: () => number): number {
  const u = r();
  if (u < 0.04) return [0, -0, Infinity, -Infinity, NaN][Math.floor(r() * 5)];
  if (u < 0.15) return Math.floor(r() * 7) - 3;
  return (r() - 0.5) * Math.exp((r() - 0.5) * 60);
}


/** Random contents for a view of `shape` with random steps (maybe flipped), maybe one byte off alignment. */
function randomLayout(r: () => number, shape: number[], dt: string): Layout {
  return randomStepLayout(r, shape, dt, (d, count) => {
    const base = zeros([count], d);
    if (d.kind === 'c') base.set(Array.from({ length: count }, () => ({ re: part(r), im: part(r) })));
    else if (d.kind === 'f') base.set(Array.from({ length: count }, () => part(r)));
    else base.set(Array.from({ length: count }, () => Math.floor(r() * 100)));
    return new Uint8Array(base.view('u1').typedArray() as Uint8Array);
  });
}

describe('native complex loops match the JS loops bit for bit', () => {
  test('random views of complex64 and complex128, both byte orders, out=, where=, broadcast, scalars, in place', () => {
    const r = rng(2424);
    let nativeRuns = 0;
    const failures: string[] = [];
    for (let t = 0; t < 400; t++) {
      const unary = r() < 0.4;
      const name = unary ? UNARY[Math.floor(r() * UNARY.length)] : BINARY[Math.floor(r() * BINARY.length)];
      const rows = 1 + Math.floor(r() * 12);
      const cols = Math.ceil((UFUNC_NATIVE_MIN_ELEMENTS + Math.floor(r() * 500)) / rows);
      const shape = r() < 0.3 ? [rows * cols] : [rows, cols];
      const a = randomLayout(r, shape, COMPLEX_DTYPES[Math.floor(r() * COMPLEX_DTYPES.length)]);
      const bShape = r() < 0.15 ? [] : r() < 0.2 ? shape.slice(1) : shape;
      const b = unary ? null : randomLayout(r, bShape, OTHER_DTYPES[Math.floor(r() * OTHER_DTYPES.length)]);
      const scalar = !unary && r() < 0.15 ? [{ re: 1.5, im: -2 }, { re: 0, im: 0 }, 3, -0.25, { re: NaN, im: 1 }][Math.floor(r() * 5)] : null;
      const mode = r(); // < 0.25: out=, < 0.4: out= and where=, < 0.5: in place on a
      const run = randomCallRun({
        fn: fnOf(name),
        args: () => {
          const x = buildLayout(a);
          const y = scalar !== null ? scalar : b === null ? null : buildLayout(b);
          return y === null ? [x] : [x, y];
        },
        mode,
        cuts: [0.25, 0.4, 0.5],
        out: (plain) => randomLayout(rng(t * 31 + 7), shape, [plain.str, plain.newbyteorder().str][t % 2]),
        where: () => randomLayout(rng(t * 31 + 8), shape.slice(t % 2), '|b1'),
      });
      const label = `#${t} ${name}(${a.dtype}${b ? `, ${b.dtype}` : ''}${scalar !== null ? `, ${JSON.stringify(scalar)}` : ''}) shape ${JSON.stringify(shape)} mode ${mode.toFixed(2)}`;
      if (compareToReference(run, label, failures).native) nativeRuns++;
    }
    expect(failures).toEqual([]);
    // Almost every draw runs natively (in-place results that cannot take the result type raise on both paths).
    expect(nativeRuns).toBeGreaterThan(300);
  });

  test('division by zero, infinite and NaN divisors, and |z| of the special values', () => {
    // Subnormal, smallest normal and near-overflow parts too: |z| scales by the larger part.
    const specials = [0, -0, 1, -2.5, Infinity, -Infinity, NaN, 5e-324, 1.7976931348623157e308, 3e-310, 2.2250738585072014e-308, -1e300, 1e-20];
    const pairs: { re: number; im: number }[] = [];
    for (const re of specials) for (const im of specials) pairs.push({ re, im });
    for (const dt of ['<c8', '>c16', '<c16']) {
      const a = zeros([pairs.length * pairs.length], dt);
      const b = zeros([pairs.length * pairs.length], dt);
      a.set(pairs.flatMap((p) => pairs.map(() => p)));
      b.set(pairs.flatMap(() => pairs));
      for (const run of [() => api.divide(a, b), () => api.multiply(a, b), () => api.absolute(b), () => api.square(b)]) {
        const want = jsReference(run);
        const got = countUfuncCalls(run);
        expect(got.calls).toBe(1);
        expect(values(got.value)).toEqual(values(want));
      }
    }
  });

  test('complex data aligned only to its part (8-byte offsets into a buffer) runs in place of the data too', () => {
    const r = rng(88);
    for (const offset of [0, 8, 16, 24]) {
      for (const dt of ['<c16', '<c8']) {
        const n = 300;
        const size = dtype(dt).itemsize;
        const bytes = new Uint8Array(n * size + 32);
        const src = zeros([n], dt);
        src.set(Array.from({ length: n }, () => ({ re: part(r), im: part(r) })));
        const make = (): NdArray => {
          const b = bytes.slice();
          b.set(src.view('u1').typedArray() as Uint8Array, offset);
          return ndarray([n], dt, b.subarray(offset, offset + n * size));
        };
        for (const run of [
          () => api.multiply(make(), make()),
          () => api.absolute(make()),
          () => {
            const x = make();
            api.divide(x, { re: 0.5, im: -3 }, { out: x });
            return x;
          },
        ]) {
          const want = jsReference(run);
          const got = countUfuncCalls(run);
          expect(got.calls).toBe(1);
          expect(values(got.value)).toEqual(values(want));
        }
      }
    }
  });

  test('order comparisons and minimum of complex stay in JS; where over complex too; sqrt, exp, log and power run natively', () => {
    const z = zeros([1000], '<c16');
    for (const run of [() => api.less(z, z), () => api.minimum(z, z)]) {
      expect(countUfuncCalls(run).calls).toBe(0);
    }
    for (const run of [() => api.sqrt(z), () => api.exp(z), () => api.log(z), () => api.power(z, 2)]) {
      expect(countUfuncCalls(run).calls).toBe(1);
    }
    expect(countUfuncCalls(() => api.where(zeros([1000], '?'), z, z)).calls).toBe(0);
    expect(countUfuncCalls(() => api.multiply(z, z)).calls).toBe(1);
    expect(countUfuncCalls(() => api.absolute(z)).value).toMatchObject({ shape: [1000] });
    expect((countUfuncCalls(() => api.absolute(z)).value as NdArray).dtype.str).toBe('<f8');
    expect((countUfuncCalls(() => api.absolute(zeros([1000], '<c8'))).value as NdArray).dtype.str).toBe('<f4');
  });
});

// ------------------------------------------------------------------ NumPy

/** Values of a real or complex array as [re, im] pairs or numbers, NaN as the string 'nan' (JSON). */
function plain(a: NdArray): unknown[] {
  const enc = (x: number): number | string => (Number.isNaN(x) ? 'nan' : x === Infinity ? 'inf' : x === -Infinity ? '-inf' : Object.is(x, -0) ? '-0' : x);
  return (a.toArray() as unknown[]).map((v) => {
    if (typeof v === 'boolean') return v;
    if (typeof v === 'number') return enc(v);
    if (typeof v === 'bigint') return Number(v);
    const c = v as { re: number; im: number };
    return [enc(c.re), enc(c.im)];
  });
}

/** The distance in units in the last place between two finite floats of `bits` (32 or 64). */
function ulps(x: number, y: number, bits: 32 | 64): number {
  const f = bits === 32 ? new Float32Array(2) : new Float64Array(2);
  f[0] = x;
  f[1] = y;
  const i = bits === 32 ? new Int32Array(f.buffer) : new BigInt64Array(f.buffer);
  return Math.abs(Number(BigInt(i[0]) - BigInt(i[1])));
}

describeWithNumpy('native complex loops against NumPy', () => {
  test.each(['<c8', '<c16'])('%s: add, subtract, divide (Smith), negative, conjugate, comparisons and classes as NumPy; multiply and square as its unfused loop; |z| within 2 ulp', (dt) => {
    const n = 4000;
    const r = rng(dt === '<c8' ? 8 : 16);
    const a = zeros([n], dt);
    const b = zeros([n], dt);
    a.set(Array.from({ length: n }, () => ({ re: part(r), im: part(r) })));
    b.set(Array.from({ length: n }, (_, i) => (i % 10 === 0 ? a.get(i) : { re: part(r), im: part(r) })));
    const dir = tmp.path(dt.slice(1));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'a.bin'), a.view('u1').typedArray() as Uint8Array);
    fs.writeFileSync(path.join(dir, 'b.bin'), b.view('u1').typedArray() as Uint8Array);

    const ours: Record<string, NdArray> = {};
    const ops: Record<string, () => NdArray> = {
      add: () => api.add(a, b),
      subtract: () => api.subtract(a, b),
      divide: () => api.divide(a, b),
      negative: () => api.negative(a),
      conjugate: () => api.conjugate(a),
      equal: () => api.equal(a, b),
      not_equal: () => api.notEqual(a, b),
      isnan: () => api.isnan(a),
      isinf: () => api.isinf(a),
      isfinite: () => api.isfinite(a),
      multiply: () => api.multiply(a, b),
      square: () => api.square(a),
      absolute: () => api.absolute(a),
    };
    for (const [k, run] of Object.entries(ops)) {
      const got = countUfuncCalls(run);
      expect([k, got.calls]).toEqual([k, 1]);
      ours[k] = got.value as NdArray;
    }
    const np = runNumpy<Record<string, unknown[]>>(
      String.raw`
dt = np.dtype(${JSON.stringify(dt)})
a = np.fromfile(${JSON.stringify(path.join(dir, 'a.bin'))}, dt)
b = np.fromfile(${JSON.stringify(path.join(dir, 'b.bin'))}, dt)
with np.errstate(all='ignore'):
    ar, ai, br, bi = a.real.copy(), a.imag.copy(), b.real.copy(), b.imag.copy()
    # NumPy's scalar complex loops round each product (its AVX-512 loops fuse
    # the multiply-add of multiply and square, which no JS loop can match).
    unfused_mul = np.empty(len(a), dt)
    unfused_mul.real, unfused_mul.imag = ar * br - ai * bi, ar * bi + ai * br
    unfused_sq = np.empty(len(a), dt)
    unfused_sq.real, unfused_sq.imag = ar * ar - ai * ai, ar * ai + ai * ar
    res = {
        'add': np.add(a, b), 'subtract': np.subtract(a, b), 'divide': np.divide(a, b), 'negative': np.negative(a), 'conjugate': np.conjugate(a),
        'equal': np.equal(a, b), 'not_equal': np.not_equal(a, b), 'isnan': np.isnan(a), 'isinf': np.isinf(a),
        'isfinite': np.isfinite(a), 'multiply': unfused_mul, 'square': unfused_sq, 'absolute': np.absolute(a),
    }
def enc(x):
    x = float(x)
    if x != x: return 'nan'
    if x == float('inf'): return 'inf'
    if x == float('-inf'): return '-inf'
    if x == 0 and str(x).startswith('-'): return '-0'
    return int(x) if x.is_integer() and abs(x) < 2**53 else x
out = {}
for k, v in res.items():
    if v.dtype == np.bool_: out[k] = [bool(x) for x in v]
    elif v.dtype.kind == 'c': out[k] = [[enc(x.real), enc(x.imag)] for x in v]
    else: out[k] = [enc(x) for x in v]
print(json.dumps(out))
`,
    );
    for (const k of Object.keys(ops)) {
      if (k === 'absolute') continue;
      expect([k, plain(ours[k])]).toEqual([k, np[k]]);
    }
    // |z|: V8's Math.hypot (the JS loop's) and NumPy's vector loop may round apart, by at most 2 ulp here.
    const bits = dt === '<c8' ? 32 : 64;
    const mine = plain(ours.absolute);
    let worst = 0;
    for (let i = 0; i < n; i++) {
      const x = mine[i];
      const y = np.absolute[i];
      if (typeof x === 'string' || typeof y === 'string') expect([i, x]).toEqual([i, y]);
      else worst = Math.max(worst, ulps(x as number, y as number, bits));
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  test('conjugate of real and bool arrays: the values themselves, in NumPy\'s dtype (bool computes in int8)', () => {
    const inputs: Record<string, NdArray> = {};
    for (const dt of ['?', 'u1', '>i2', '<i8', '<f2', '>f8', '>c8']) {
      const x = zeros([5], dt);
      x.set(dt === '?' ? [true, false, true, true, false] : dt.includes('c') ? [{ re: 1, im: 2 }, { re: -0, im: -0 }, 3, 4, 5] : [1, 0, 7, 100, 3]);
      inputs[dt] = x;
    }
    const ours = Object.fromEntries(Object.entries(inputs).map(([dt, x]) => [dt, { dtype: api.conjugate(x).dtype.str, values: plain(api.conjugate(x)) }]));
    const np = runNumpy<Record<string, unknown>>(String.raw`
def enc(x):
    if isinstance(x, (bool, np.bool_)): return bool(x)
    if isinstance(x, complex) or np.iscomplexobj(x): return [enc(x.real), enc(x.imag)]
    x = float(x)
    if x == 0 and str(x).startswith('-'): return '-0'
    return int(x) if x.is_integer() else x
vals = {'?': [True, False, True, True, False], 'c': [1+2j, complex(-0.0, -0.0), 3, 4, 5]}
out = {}
for dt in ['?', 'u1', '>i2', '<i8', '<f2', '>f8', '>c8']:
    x = np.array(vals['c'] if 'c' in dt else vals['?'] if dt == '?' else [1, 0, 7, 100, 3], dtype=dt)
    r = np.conjugate(x)
    out[dt] = {'dtype': r.dtype.str, 'values': [enc(v) for v in r]}
print(json.dumps(out))
`);
    expect(ours).toEqual(np);
  });
});

describeWithNumpy('complex exp, log and power at zeros, infinities, NaNs and huge values (C99 Annex G, as glibc)', () => {
  const PARTS = [0, -0, 1, -1, 0.5, 2.5, -2.5, 710, -710, 1e10, 1e300, -1e300, 1e308, 5e-324, 1e-310, Infinity, -Infinity, NaN];
  const grid = PARTS.flatMap((re) => PARTS.map((im) => [re, im]));
  const enc = (v: number): number | string => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : Object.is(v, -0) ? '-0' : v);
  const z = (dt: string, pairs: number[][]): NdArray => api.fromBuffer(new Float64Array(pairs.flat()), '<c16').astype(dt);
  const parts = (a: NdArray): (number | string)[][] => (a.astype('<c16').toArray() as { re: number; im: number }[]).map((c) => [enc(c.re), enc(c.im)]);
  // Non-finite parts and zeros exactly (sign included); finite ones to 1e-13 (c16) or 1e-6 (c8) relative:
  // glibc's last bits come from its own atan2/log/sin, which JS's Math does not reproduce.
  const near = (got: number | string, want: number | string, tol: number): boolean =>
    typeof got !== 'number' || typeof want !== 'number' || got === 0 || want === 0 ? got === want : Math.abs(got - want) <= tol * Math.abs(want);
  const check = (got: (number | string)[][], want: (number | string)[][], tol: number, what: string): void => {
    const bad = got.flatMap((g, i) => (near(g[0], want[i][0], tol) && near(g[1], want[i][1], tol) ? [] : [`${what} of ${JSON.stringify(grid[i].map(enc))}: ${JSON.stringify(g)} vs NumPy ${JSON.stringify(want[i])}`]));
    expect(bad).toEqual([]);
  };

  test.each(['<c8', '<c16'])('%s exp and log; c16 power by 1, 2, 3, -2, 2.5, 150 and 0.5+1j', (dt) => {
    const exps = [[1, 0], [2, 0], [3, 0], [-2, 0], [2.5, 0], [150, 0], [0.5, 1]];
    const py = runNumpy<{ exp: (number | string)[][]; log: (number | string)[][]; pow: (number | string)[][][] }>(`
import json, math, warnings
warnings.simplefilter('ignore')
def enc(v):
    v = float(v)
    if math.isnan(v): return 'nan'
    if math.isinf(v): return 'inf' if v > 0 else '-inf'
    if v == 0 and math.copysign(1, v) < 0: return '-0'
    return v
parts = lambda a: [[enc(c.real), enc(c.imag)] for c in a]
grid = json.loads(input())
z = np.array([complex(float(a), float(b)) for a, b in grid], dtype='${dt}')
out = {'exp': parts(np.exp(z)), 'log': parts(np.log(z)), 'pow': []}
if '${dt}' == '<c16':
    out['pow'] = [parts(np.power(z, np.array([complex(*e)], dtype='${dt}'))) for e in ${JSON.stringify(exps)}]
print(json.dumps(out))`, JSON.stringify(grid.map((p) => p.map((v) => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : Object.is(v, -0) ? '-0.0' : v)))));
    const tol = dt === '<c8' ? 1e-6 : 1e-13;
    const a = z(dt, grid);
    check(parts(api.exp(a)), py.exp, tol, 'exp');
    check(parts(api.log(a)), py.log, tol, 'log');
    if (dt === '<c16') exps.forEach((e, k) => check(parts(api.power(a, z(dt, [e]))), py.pow[k], 1e-9, `power ${e}`));
  });

  // glibc's csqrt scales parts past MAX/4 down and parts both under 2·MIN up
  // (fuzz: sqrt of 1e-310+1e-310j was 1e-4 relative off, of 1e308+1e308j inf).
  test.each(['<c8', '<c16'])('%s sqrt of huge, tiny and subnormal values as glibc csqrt', (dt) => {
    const more = [1e-160, -3e-170, 2.2e-308, -4e-308, 1e-315, 8.98e307, -1.7e308, 1e-40, 3e-44, 1e38, -3.3e38];
    const all = [...PARTS, ...more];
    const cells = all.flatMap((re) => all.map((im) => [re, im]));
    const py = runNumpy<(number | string)[][]>(`
import json, math, warnings
warnings.simplefilter('ignore')
def enc(v):
    v = float(v)
    if math.isnan(v): return 'nan'
    if math.isinf(v): return 'inf' if v > 0 else '-inf'
    if v == 0 and math.copysign(1, v) < 0: return '-0'
    return v
z = np.empty(len(g := json.loads(input())), dtype='${dt}')
z.real = [float(a) for a, b in g]
z.imag = [float(b) for a, b in g]
print(json.dumps([[enc(c.real), enc(c.imag)] for c in np.sqrt(z)]))`, JSON.stringify(cells.map((p) => p.map((v) => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : Object.is(v, -0) ? '-0.0' : v)))));
    const a = api.zeros([cells.length], dt);
    const re = a.real;
    const im = a.imag;
    cells.forEach(([x, y], i) => {
      re.set([i], x);
      im.set([i], y);
    });
    const got = parts(api.sqrt(a));
    const tol = dt === '<c8' ? 2 ** -23 : 2 ** -51;
    const bad = got.flatMap((g, i) => (near(g[0], py[i][0], tol) && near(g[1], py[i][1], tol) ? [] : [`sqrt of ${JSON.stringify(cells[i].map(enc))}: ${JSON.stringify(g)} vs NumPy ${JSON.stringify(py[i])}`]));
    expect(bad).toEqual([]);
  });
});
