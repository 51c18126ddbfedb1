// The trigonometric ufuncs (lib/ufuncs/trig.ts) against NumPy over every
// input dtype: result dtypes (ints and bools through float16/32/64), values
// within 4 ulp (NumPy's own SIMD band; both are within about 1 ulp of the
// true value), special values exactly, degrees/radians bit for bit, complex
// through C's csin ... catanh; the whole array (native walk), a strided
// reversed view and a small slice (JS blocks); out/where/dtype/casting.
import * as trig from '../../lib/ufuncs/trig';
import { fromBuffer, zeros } from '../../lib/create';
import { memmap, type NdArray } from '../../lib';
import { useTempDir } from '../helpers/tmp';
import { countUfuncCalls } from '../helpers/ufunc-layouts';
import { UFuncTypeError } from '../../lib/ufunc';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';
import { checkMath, numpyMath } from '../helpers/ufunc-math';

const UNARY = ['sin', 'cos', 'tan', 'arcsin', 'arccos', 'arctan', 'sinh', 'cosh', 'tanh', 'arcsinh', 'arccosh', 'arctanh'] as const;
const EXACT = ['degrees', 'rad2deg', 'radians', 'deg2rad'] as const;

describeWithNumpy('trig ufuncs against NumPy', () => {
  test.each(UNARY)('%s: every dtype within 4 ulp, specials exact', (name) => {
    expect(checkMath(trig[name] as never, 1, numpyMath(name, 1), { ulps: 4 })).toEqual([]);
  });
  test.each(['arctan2', 'hypot'] as const)('%s: every dtype within 4 ulp, special pairs exact', (name) => {
    expect(checkMath(trig[name] as never, 2, numpyMath(name, 2), { ulps: 4 })).toEqual([]);
  });
  test.each(EXACT)('%s: bit for bit (NumPy multiplies by its constant)', (name) => {
    expect(checkMath(trig[name] as never, 1, numpyMath(name, 1), { ulps: 0 })).toEqual([]);
  });

  test('out, where, dtype and casting as for any ufunc', () => {
    const a = fromBuffer(new Float64Array([0, 1, 2, 3]), '<f8');
    const out = zeros(4, '<f4');
    trig.sin(a, { out, where: fromBuffer(new Uint8Array([1, 0, 1, 1]), '?'), casting: 'same_kind' });
    expect(Array.from(out.toArray() as number[])).toEqual([0, 0, Math.fround(Math.sin(2)), Math.fround(Math.sin(3))]);
    expect(() => trig.sin(a, { out: zeros(4, '<i4') })).toThrow(UFuncTypeError);
    expect(trig.cos(fromBuffer(new Int32Array([0, 1]), '<i4'), { dtype: 'f4' }).dtype.str).toBe('<f4');
    expect(() => trig.arctan2(a, fromBuffer(new Float32Array([1]), '<f4'), { casting: 'no' })).toThrow(/Cannot cast ufunc 'arctan2' input 1/);
    // A JS scalar is a weak Python float: float32 stays float32.
    expect(trig.arctan2(fromBuffer(new Float32Array([1, -1]), '<f4'), 2).dtype.str).toBe('<f4');
  });

  test('complex64 goes through csinf: NumPy within 4 ulp on a large grid', () => {
    const w = runNumpy<{ x: string; r: string }>(`
x = (np.linspace(-5, 5, 200)[:, None] + 1j * np.linspace(-3, 3, 50)[None, :]).astype('c8').ravel()
print(json.dumps({'x': x.tobytes().hex(), 'r': np.sin(x).tobytes().hex()}))
`);
    const x = fromBuffer(new Uint8Array(Buffer.from(w.x, 'hex')).buffer, '<c8');
    const r = trig.sin(x);
    const got = new Float32Array(r.copy().buffer as ArrayBuffer);
    const want = new Float32Array(new Uint8Array(Buffer.from(w.r, 'hex')).buffer);
    let worst = 0;
    for (let i = 0; i < want.length; i++) {
      const ulp = Math.abs(want[i]) * 2 ** -23 || 2 ** -149;
      worst = Math.max(worst, Math.abs(got[i] - want[i]) / ulp);
    }
    expect(worst).toBeLessThanOrEqual(4);
  });
});

test('bools and ints have no own loop: they compute in float16 / float32 / float64', () => {
  expect(trig.sin(fromBuffer(new Uint8Array([1, 0]), '?')).dtype.str).toBe('<f2');
  expect(trig.sin(fromBuffer(new Int16Array([1, 0]), '<i2')).dtype.str).toBe('<f4');
  expect(trig.sin(fromBuffer(new Int32Array([1, 0]), '<i4')).dtype.str).toBe('<f8');
  expect(() => trig.hypot(fromBuffer(new Float64Array([1, 0]), '<c16'), 1)).toThrow(UFuncTypeError);
  expect(() => trig.degrees(fromBuffer(new Float64Array([1, 0]), '<c16'))).toThrow(/ufunc 'degrees' not supported/);
});

describe('past 4 GiB: a sparse mapping', () => {
  const tmp = useTempDir('mmarray-trig-');
  const SIZE = 2 ** 32 + 2 ** 20;

  test('sin and arctan2 over a strided float64 view spanning more than 4 GiB, in one kernel call', () => {
    const m = memmap(tmp.sparse(SIZE, 'span.bin'), { dtype: 'u1', mode: 'r+' });
    try {
      // One element every 16 MiB, 257 in all; each on its own page.
      const v = m.view('<f8').index(`::${2 ** 21}`);
      for (const i of [0, 1, 200, v.size - 1]) v.set(String(i), i / 7 - 3);
      const small = v.copy();
      const got = countUfuncCalls(() => trig.sin(v));
      expect(got.calls).toBe(1);
      expect((got.value as NdArray).toArray()).toEqual(trig.sin(small).toArray());
      const at = countUfuncCalls(() => trig.arctan2(v, v.index('::-1'), { out: zeros([v.size], '<f4') }));
      expect(at.calls).toBe(1);
      expect((at.value as NdArray).toArray()).toEqual(trig.arctan2(small, small.index('::-1'), { out: zeros([v.size], '<f4') }).toArray());
    } finally {
      m.close();
    }
  });
});

describeWithNumpy('the NumPy comparison itself', () => {
  test('catches a wrong function, an off-by-5-ulp result and a wrong zero sign', () => {
    expect(checkMath(trig.cos as never, 1, numpyMath('sin', 1, ['<f8']), { ulps: 4 }).length).toBeGreaterThan(50);
    const nudged = (x: NdArray): NdArray => {
      const r = trig.sin(x);
      if (r.size < 41) return r;
      const v = r.index('40');
      v.set([], (v.toArray() as number) * (1 + 5 * 2 ** -52));
      return r;
    };
    expect(checkMath(nudged as never, 1, numpyMath('sin', 1, ['<f8']), { ulps: 4 })).toEqual([expect.stringContaining('whole[40]')]);
    const flipped = (x: NdArray): NdArray => trig.sin(x).multiply(-1);
    expect(checkMath(flipped as never, 1, numpyMath('sin', 1, ['<f8']), { ulps: 4 })).toEqual(expect.arrayContaining([expect.stringContaining('whole[0]: -0 vs NumPy 0 (exact)')]));
  });
});

test('arrays over a SharedArrayBuffer (which the kernel cannot reach) give the same values, in and out', () => {
  const sab = new SharedArrayBuffer(8 * 100);
  new Float64Array(sab).forEach((_, i, f) => (f[i] = i / 10 - 3));
  const a = fromBuffer(sab, '<f8');
  const plain = a.copy();
  expect(trig.arctan2(a, a.index('::-1')).toArray()).toEqual(trig.arctan2(plain, plain.index('::-1')).toArray());
  const out = fromBuffer(new SharedArrayBuffer(8 * 100), '<f8');
  trig.sin(a, { out });
  expect(out.toArray()).toEqual(trig.sin(plain).toArray());
  const z = fromBuffer(new SharedArrayBuffer(16 * 5), '<c16');
  z.set([{ re: 1, im: 2 }, { re: -1, im: 0 }, { re: 0, im: 0 }, { re: 3, im: -4 }, { re: 0.5, im: 0.5 }] as never);
  expect(trig.tanh(z).toArray()).toEqual(trig.tanh(z.copy()).toArray());
});

// float32 sin and cos run NumPy's own float32 loop (native/ufunc_math.cc
// SinCosNumpy: Cody-Waite reduction and NumPy's polynomials in fused
// multiply-adds, |x| <= 117435.992 for sin, 71476.0625 for cos) and the C
// library's sinf/cosf past that: the contiguous loop (this CPU's clone), a
// strided view (gathered, then the same loop) and in place give the same
// bits, each within NumPy's documented 1.49 ulp of the true value (so at
// most 2 float steps from V8's double sin/cos rounded to float).
const SIN_SPECIALS = [0, -0, 1e-45, -1e-45, 1.1754942e-38, 65536, -65536, 65536.0078125, 71476.0625, 71476.07, -117435.99, 117436, 1e30, -3e38, Infinity, -Infinity, NaN, Math.PI / 2, 3 * Math.PI / 2, 102940.0];

/** 2^20 float32 inputs up to 2^17 in magnitude (past both reduction ranges), both signs, every 64th a special value; as a stride-2 view. */
function sinInputs(): NdArray {
  const n = 1 << 20;
  const bits = new Uint32Array(2 * n);
  let s = 7;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    bits[2 * i] = (s % 0x48000000) | (i & 1 ? 0x80000000 : 0);
    bits[2 * i + 1] = 0;
  }
  const f = new Float32Array(bits.buffer);
  for (let i = 0; i < n; i += 64) f[2 * i] = SIN_SPECIALS[(i / 64) % SIN_SPECIALS.length];
  return fromBuffer(f, '<f4').index('::2');
}

test('float32 sin and cos: the vector loop, the strided form and in place agree bit for bit, within 2 float steps of fround(Math.sin(x))', () => {
  const x = sinInputs();
  for (const [name, ref] of [['sin', Math.sin], ['cos', Math.cos]] as const) {
    const strided = countUfuncCalls(() => trig[name](x));
    expect(strided.calls).toBe(1);
    const contiguous = trig[name](x.copy());
    const inPlace = x.copy();
    trig[name](inPlace, { out: inPlace });
    const got = (strided.value as NdArray).toArray() as number[];
    expect(Array.from(contiguous.toArray() as number[])).toEqual(got);
    expect(Array.from(inPlace.toArray() as number[])).toEqual(got);
    const xs = x.toArray() as number[];
    const f32 = new Float32Array(2);
    const u32 = new Int32Array(f32.buffer);
    const far: string[] = [];
    for (let i = 0; i < xs.length; i++) {
      f32[0] = got[i];
      f32[1] = Math.fround(ref(xs[i]));
      if (Number.isNaN(f32[0]) || Number.isNaN(f32[1])) {
        if (!(Number.isNaN(f32[0]) && Number.isNaN(f32[1]))) far.push(`${name}(${xs[i]}): ${got[i]}`);
        continue;
      }
      const d = Math.abs((u32[0] < 0 ? -2147483648 - u32[0] : u32[0]) - (u32[1] < 0 ? -2147483648 - u32[1] : u32[1]));
      if (d > 2 || (xs[i] === 0 && !Object.is(got[i], xs[i]) && name === 'sin')) far.push(`${name}(${xs[i]}): ${got[i]} vs ${f32[1]}`);
    }
    expect(far.slice(0, 10)).toEqual([]);
  }
});

describeWithNumpy('float32 sin and cos against NumPy', () => {
  // NumPy runs that loop where the CPU has FMA3 (AVX2 or AVX-512 dispatch;
  // arm64 too) and the C library's sinf/cosf otherwise: there the bits are
  // NumPy's exactly, elsewhere within its 4-ulp band.
  test('NumPy\'s bits exactly (NaN as NaN) where NumPy runs its FMA loop', () => {
    const x = sinInputs().copy();
    const w = runNumpy<{ fma: boolean; sin: string; cos: string }>(`
x = np.frombuffer(bytes.fromhex(sys.stdin.read()), '<f4')
f = np._core._multiarray_umath.__cpu_features__
fma = bool(f.get('FMA3') and f.get('AVX2')) or bool(f.get('ASIMD'))
print(json.dumps({'fma': fma, 'sin': np.sin(x).tobytes().hex(), 'cos': np.cos(x).tobytes().hex()}))
`, Buffer.from(x.buffer, x.offset, x.nbytes).toString('hex'));
    const xs = x.toArray() as number[];
    for (const name of ['sin', 'cos'] as const) {
      const want = new Float32Array(new Uint8Array(Buffer.from(w[name], 'hex')).buffer);
      const got = new Float32Array((trig[name](x).copy().buffer as ArrayBuffer).slice(0));
      const wb = new Uint32Array(want.buffer), gb = new Uint32Array(got.buffer);
      const bad: string[] = [];
      let worst = 0;
      for (let i = 0; i < want.length; i++) {
        if (Number.isNaN(want[i]) && Number.isNaN(got[i])) continue;
        if (wb[i] !== gb[i]) bad.push(`${name}(${xs[i]}): ${got[i]} vs NumPy ${want[i]}`);
        worst = Math.max(worst, Math.abs(got[i] - want[i]) / (Math.abs(want[i]) * 2 ** -23 || 2 ** -149));
      }
      if (w.fma) expect(bad.slice(0, 10)).toEqual([]);
      else expect(worst).toBeLessThanOrEqual(4);
    }
  });
});

// float64 arctan2 runs fdlibm's atan2 (V8's Math.atan2 is the same code) as
// a vectorised loop over pairs of finite normal parts whose ratio is within
// 2^±58 (native/ufunc_math.cc Atan2Ordinary), the C library's atan2 for the
// rest: there it equals Math.atan2 bit for bit, and the contiguous loop,
// strided views and a broadcast scalar agree.
test('float64 arctan2: fdlibm\'s bits (Math.atan2) over ordinary pairs, the vector loop and the strided scalar form agree', () => {
  const n = 1 << 18;
  const f = new Float64Array(4 * n);
  let s = 5;
  const rnd = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  for (let i = 0; i < 2 * n; i++) f[2 * i] = (rnd() - 0.5) * Math.exp((rnd() - 0.5) * (i % 3 === 0 ? 100 : 10));
  const specials = [0, -0, Infinity, -Infinity, NaN, 5e-324, 1e300, -1e-300, 1, -1];
  for (let i = 0; i < 2 * n; i += 53) f[2 * i] = specials[(i / 53) % specials.length];
  const all = fromBuffer(f, '<f8').index('::2');
  const y = all.index(`:${n}`);
  const x = all.index(`${n}:`);
  const strided = trig.arctan2(y, x).toArray() as number[];
  const contiguous = trig.arctan2(y.copy(), x.copy()).toArray() as number[];
  expect(contiguous).toEqual(strided);
  const ys = y.toArray() as number[];
  const xs = x.toArray() as number[];
  const ordinary = (a: number, b: number): boolean => {
    const t = Math.abs(a / b);
    const normal = (v: number): boolean => Math.abs(v) >= 2.2250738585072014e-308 && Math.abs(v) <= Number.MAX_VALUE;
    return normal(a) && normal(b) && t >= 2 ** -58 && t <= 2 ** 58;
  };
  const bad: string[] = [];
  let count = 0;
  for (let i = 0; i < n; i++) {
    if (!ordinary(ys[i], xs[i])) continue;
    count++;
    if (!Object.is(strided[i], Math.atan2(ys[i], xs[i]))) bad.push(`arctan2(${ys[i]}, ${xs[i]}): ${strided[i]} vs ${Math.atan2(ys[i], xs[i])}`);
  }
  expect(bad.slice(0, 10)).toEqual([]);
  expect(count).toBeGreaterThan(n * 0.8);
  // A broadcast scalar divisor: the element-by-element form, the same bits as the arrays.
  const scalarX = fromBuffer(new Float64Array(n).fill(-2.5), '<f8');
  expect(trig.arctan2(y.copy(), -2.5).toArray()).toEqual(trig.arctan2(y.copy(), scalarX).toArray());
});

// The contiguous float64 arctan2 loop computes a block's values and its range
// check in one pass into a buffer, patches the pairs out of range (zeros,
// infinities, NaN, subnormals, extreme ratios) with the C library's atan2 and
// then stores the block: in place (out is an input), into a strided out, and
// with a broadcast scalar, every bit equals the element-by-element form's.
test('float64 arctan2: the fused contiguous loop (in place, strided out, broadcast scalar) gives the element-wise form\'s bits', () => {
  const n = 5000;
  const f = new Float64Array(2 * n);
  let s = 11;
  const rnd = (): number => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  const specials = [0, -0, Infinity, -Infinity, NaN, 5e-324, -5e-324, 1e300, -1e-300, 1e-310];
  for (let i = 0; i < 2 * n; i++) f[i] = (rnd() - 0.5) * Math.exp((rnd() - 0.5) * 20);
  // Specials in some blocks of 1024 only (the others take the loop unpatched).
  for (let i = 0; i < n; i += 37) if ((i >> 10) % 2 === 0) f[i] = specials[(i / 37) % specials.length];
  for (let i = n + 5; i < 2 * n; i += 41) if ((i >> 10) % 2 === 1) f[i] = specials[(i / 41) % specials.length];
  const pair = fromBuffer(f, '<f8');
  const y = pair.index(`:${n}`);
  const x = pair.index(`${n}:`);
  // The reference: inputs strided (both reversed twice), so the element-by-element form.
  const yr = y.index('::-1').copy().index('::-1');
  const xr = x.index('::-1').copy().index('::-1');
  const want = trig.arctan2(yr, xr).toArray() as number[];
  const same = (got: number[], ref: number[]): string[] => {
    const bad: string[] = [];
    for (let i = 0; i < ref.length; i++) if (!Object.is(got[i], ref[i])) bad.push(`${i}: ${got[i]} vs ${ref[i]}`);
    return bad.slice(0, 5);
  };
  expect(same(trig.arctan2(y, x).toArray() as number[], want)).toEqual([]);
  const inPlace = y.copy();
  trig.arctan2(inPlace, x, { out: inPlace });
  expect(same(inPlace.toArray() as number[], want)).toEqual([]);
  const inPlace2 = x.copy();
  trig.arctan2(y, inPlace2, { out: inPlace2 });
  expect(same(inPlace2.toArray() as number[], want)).toEqual([]);
  const wide = zeros([2 * n], '<f8');
  trig.arctan2(y, x, { out: wide.index('::2') });
  expect(same(wide.index('::2').toArray() as number[], want)).toEqual([]);
  for (const c of [-2.5, 0, -0, Infinity, NaN, 1e-310]) {
    const ref = trig.arctan2(yr, c).toArray() as number[];
    expect(same(trig.arctan2(y, c).toArray() as number[], ref)).toEqual([]);
    const refC = trig.arctan2(c, xr).toArray() as number[];
    expect(same(trig.arctan2(c, x).toArray() as number[], refC)).toEqual([]);
  }
});
