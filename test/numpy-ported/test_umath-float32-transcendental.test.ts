// NumPy's own numpy/_core/tests/test_umath.py (NumPy 2.4),
// TestAVXFloat32Transcendental, ported: float32 exp, log, sin and cos
// against the float64 result rounded to float32, over NumPy's own random
// inputs (np.random.seed(42), made by NumPy at test time), within NumPy's
// ULP bounds; sin and cos into their own input (out=x); every stride from
// -4 to 4 over arrays of 2 to 99 items.
//
// Mapping: assert_array_max_ulp -> the largest sign-magnitude distance of
// the float32 bit patterns (NaN never appears: the inputs are finite and
// exp's stay under 88.1); assert_array_almost_equal_nulp(x, y, nulp) ->
// |x - y| <= nulp * spacing(max(|x|, |y|)), NumPy's rule; x[::jj] ->
// x.index(mm.slice(null, null, jj)).
import * as mm from '../../lib';
import type { NdArray } from '../../lib';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

const float32 = (hex: string): NdArray => mm.fromBuffer(Buffer.from(hex, 'hex'), 'float32');

function maxUlp32(a: NdArray, b: NdArray): number {
  const x = a.view('int32').toArray() as number[];
  const y = b.view('int32').toArray() as number[];
  const ord = (v: number): number => (v < 0 ? -(v & 0x7fffffff) : v);
  let max = 0;
  for (let i = 0; i < x.length; i++) max = Math.max(max, Math.abs(ord(x[i]) - ord(y[i])));
  return max;
}

/** NumPy's assert_array_almost_equal_nulp: |x - y| <= nulp * spacing(max(|x|, |y|)). */
function almostEqualNulp(a: NdArray, b: NdArray, nulp: number): boolean {
  const x = a.toArray() as number[];
  const y = b.toArray() as number[];
  const spacing = (v: number): number => {
    const f = Math.fround(v);
    const up = new Float32Array([f]);
    const bits = new Int32Array(up.buffer);
    bits[0] += 1;
    return up[0] - f;
  };
  return x.every((v, i) => Math.abs(v - y[i]) <= nulp * spacing(Math.max(Math.abs(v), Math.abs(y[i]))));
}

describeWithNumpy('TestAVXFloat32Transcendental', () => {
  const rounded = (f: (x: NdArray) => NdArray, x32: NdArray): NdArray => f(x32.astype('float64')).astype('float32');

  test('test_exp_float32', () => {
    const x = float32(runNumpy<string>('np.random.seed(42)\nprint(json.dumps(np.float32(np.random.uniform(low=0.0, high=88.1, size=1000000)).tobytes().hex()))'));
    expect(x.size).toBe(1000000);
    expect(maxUlp32(mm.exp(x), rounded(mm.exp, x))).toBeLessThanOrEqual(3);
  });

  test('test_log_float32', () => {
    const x = float32(runNumpy<string>('np.random.seed(42)\nprint(json.dumps(np.float32(np.random.uniform(low=0.0, high=1000, size=1000000)).tobytes().hex()))'));
    expect(maxUlp32(mm.log(x), rounded(mm.log, x))).toBeLessThanOrEqual(4);
  });

  test('test_sincos_float32 (with elements past 117435.992, and out= its own input)', () => {
    const x = float32(
      runNumpy<string>(`
np.random.seed(42)
N = 1000000
M = np.int_(N / 20)
index = np.random.randint(low=0, high=N, size=M)
x_f32 = np.float32(np.random.uniform(low=-100., high=100., size=N))
x_f32[index] = np.float32(10E+10 * np.random.rand(M))
print(json.dumps(x_f32.tobytes().hex()))`),
    );
    const sinWant = rounded(mm.sin, x);
    const cosWant = rounded(mm.cos, x);
    expect(maxUlp32(mm.sin(x), sinWant)).toBeLessThanOrEqual(2);
    expect(maxUlp32(mm.cos(x), cosWant)).toBeLessThanOrEqual(2);
    // aliasing (NumPy issue #17761)
    const tx = x.copy();
    expect(maxUlp32(mm.sin(x, { out: x }), sinWant)).toBeLessThanOrEqual(2);
    expect(maxUlp32(mm.cos(tx, { out: tx }), cosWant)).toBeLessThanOrEqual(2);
  });

  test('test_strided_float32', () => {
    const sets = runNumpy<string[]>(`
np.random.seed(42)
out = []
for ii in np.arange(2, 100):
    out.append(np.float32(np.random.uniform(low=0.01, high=88.1, size=ii)).tobytes().hex())
print(json.dumps(out))`);
    expect(sets.length).toBe(98);
    for (const hex of sets) {
      const x = float32(hex);
      const large = x.copy();
      large.index(mm.slice(3, -1, 4)).fill(120000.0);
      const expTrue = mm.exp(x);
      const logTrue = mm.log(x);
      const sinTrue = mm.sin(large);
      const cosTrue = mm.cos(large);
      for (const jj of [-4, -3, -2, -1, 1, 2, 3, 4]) {
        const s = mm.slice(null, null, jj);
        expect(almostEqualNulp(mm.exp(x.index(s)), expTrue.index(s), 2)).toBe(true);
        expect(almostEqualNulp(mm.log(x.index(s)), logTrue.index(s), 2)).toBe(true);
        expect(almostEqualNulp(mm.sin(large.index(s)), sinTrue.index(s), 2)).toBe(true);
        expect(almostEqualNulp(mm.cos(large.index(s)), cosTrue.index(s), 2)).toBe(true);
      }
    }
  });
});

describe('the helpers', () => {
  test('maxUlp32 and almostEqualNulp count float32 steps', () => {
    const one = mm.array([1, 2], 'float32');
    const next = mm.array([1 + 2 ** -23, 2 + 3 * 2 ** -22], 'float32');
    expect(maxUlp32(one, next)).toBe(3);
    expect(almostEqualNulp(one, next, 3)).toBe(true);
    expect(almostEqualNulp(one, next, 2)).toBe(false);
  });
});
