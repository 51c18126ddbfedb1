// exp, log and float power (native/transcendental.cc through lib/ufunc-native.ts,
// on the whole-array walk and on each block of the JS iterator, which hands it
// to the same loop): the accuracy contract is within 1 ulp of
// the correctly rounded result, checked against mpmath (python3), and within
// NumPy's 4-ulp band of NumPy's own answers. Inputs cover the hard ranges:
// near overflow and underflow, subnormal results and inputs, around 1 for
// log, huge and negative exponents for power, and every special value.
// Every layout (strided, unaligned, byte-swapped, out=, where=,
// broadcasting, a mapping past 4 GiB) must give the contiguous native bits.
import * as api from '../lib';
import { memmap, ndarray, NdArray, zeros } from '../lib';
import { setNativeKernels } from '../lib/kernels';
import * as native from '../lib/native';
import { rng } from './helpers/bytes';
import { describeWithNumpy, runNumpy } from './helpers/numpy';
import { useTempDir } from './helpers/tmp';

const tmp = useTempDir('mmarray-transcendental-');

type Dt = '<f8' | '<f4';
type Op = 'exp' | 'log' | 'power';

/** The bits of a contiguous float array as an integer that orders like the value (+0 and -0 both 0), as FORMAT.md's `ord`. */
function ords(a: Float64Array | Float32Array): bigint[] {
  const out: bigint[] = [];
  if (a instanceof Float64Array) {
    const u = new BigInt64Array(a.buffer, a.byteOffset, a.length);
    for (const v of u) out.push(v < 0n ? -(v & 0x7fffffffffffffffn) : v);
  } else {
    const u = new Int32Array(a.buffer, a.byteOffset, a.length);
    for (const v of u) out.push(BigInt(v < 0 ? -(v & 0x7fffffff) : v));
  }
  return out;
}

/** Elements where `got` is more than `ulps` from `want` (NaN matches only NaN), as readable lines. */
function farther(x: ArrayLike<number>, got: Float64Array | Float32Array, want: Float64Array | Float32Array, ulps: number, label: string): string[] {
  const g = ords(got);
  const w = ords(want);
  const bad: string[] = [];
  for (let i = 0; i < got.length; i++) {
    const gn = got[i] !== got[i];
    const wn = want[i] !== want[i];
    if (gn || wn ? gn !== wn : (g[i] > w[i] ? g[i] - w[i] : w[i] - g[i]) > BigInt(ulps)) {
      if (bad.length < 5) bad.push(`${label}: x=${x[i]} got ${got[i]} want ${want[i]}`);
      else break;
    }
  }
  return bad;
}

function typed(dt: Dt, values: number[]): Float64Array | Float32Array {
  return dt === '<f8' ? Float64Array.from(values) : Float32Array.from(values);
}
function arrayOf(dt: Dt, values: Float64Array | Float32Array): NdArray {
  return ndarray([values.length], dt, new Uint8Array(values.buffer.slice(0)));
}
function floats(a: NdArray): Float64Array | Float32Array {
  return a.typedArray() as unknown as Float64Array | Float32Array;
}
function b64(a: Float64Array | Float32Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}
function fromB64(dt: Dt, s: string): Float64Array | Float32Array {
  const b = Buffer.from(s, 'base64');
  const copy = new Uint8Array(b);
  return dt === '<f8' ? new Float64Array(copy.buffer) : new Float32Array(copy.buffer);
}

/**
 * The operation over the whole array in one native walk, or with the kernels
 * off through the JS iterator's blocks, each of which it hands to the same
 * native loop (so either way the native loop must run).
 */
function run(op: Op, x: NdArray, y: NdArray | number | null, nativePath: boolean): NdArray {
  const spy = jest.spyOn(native, 'kernelUfunc');
  setNativeKernels(nativePath);
  try {
    const r = op === 'power' ? api.power(x, y as NdArray | number) : api[op](x);
    expect([op, x.dtype.str, spy.mock.calls.length > 0]).toEqual([op, x.dtype.str, true]);
    return r;
  } finally {
    setNativeKernels(true);
    spy.mockRestore();
  }
}

// ------------------------------------------------------------------ inputs

function uniform(r: () => number, n: number, lo: number, hi: number): number[] {
  return Array.from({ length: n }, () => lo + (hi - lo) * r());
}
/** Positive floats with random bits: every exponent, subnormals included. */
function randomPositive(r: () => number, n: number, dt: Dt): number[] {
  const out: number[] = [];
  const f = new Float64Array(1);
  const u = new Uint32Array(f.buffer);
  for (let i = 0; i < n; i++) {
    if (dt === '<f8') {
      u[0] = Math.floor(r() * 2 ** 32);
      u[1] = Math.floor(r() * 0x7ff00000);
      out.push(f[0]);
    } else {
      const g = new Float32Array(new Uint32Array([Math.floor(r() * 0x7f800000)]).buffer);
      out.push(g[0]);
    }
  }
  return out;
}

const SPECIAL = [0, -0, NaN, Infinity, -Infinity, 1, -1, 2, 0.5];

function inputs(op: Op, dt: Dt): { x: number[]; y: number[] | null } {
  const r = rng(op === 'exp' ? 11 : op === 'log' ? 12 : 13);
  const f8 = dt === '<f8';
  if (op === 'exp') {
    const x = [
      ...uniform(r, 600, f8 ? -746 : -104, f8 ? 710 : 89),
      ...uniform(r, 300, f8 ? 705 : 85, f8 ? 709.8 : 88.8), // near overflow
      ...uniform(r, 300, f8 ? -746 : -104, f8 ? -700 : -85), // subnormal results and underflow
      ...uniform(r, 200, -1, 1),
      ...uniform(r, 100, -1e-9, 1e-9),
      ...SPECIAL,
      ...(f8 ? [709.782712893384, 709.7827128933841, -745.1332191019411, -745.1332191019412, -708.3964185322641, 708, -708, 1e300, -1e300, 5e-324] : [88.72283, 88.72284, -103.97208, -103.97209, -87.33655, 1e30, -1e30]),
    ];
    return { x, y: null };
  }
  if (op === 'log') {
    const x = [
      ...randomPositive(r, 800, dt),
      ...uniform(r, 300, 0.98, 1.02), // around 1
      ...uniform(r, 100, 1 - 1e-6, 1 + 1e-6),
      ...randomPositive(r, 100, dt).map((v) => v * (f8 ? 2 ** -1000 : 2 ** -120)), // subnormal inputs
      ...SPECIAL,
      ...uniform(r, 20, -100, 0),
      ...(f8 ? [5e-324, 2 ** -1022, 1.7976931348623157e308, 1 + 2 ** -52, 1 - 2 ** -53] : [1.4e-45, 2 ** -126, 3.4028234663852886e38, 1 + 2 ** -23, 1 - 2 ** -24]),
    ];
    return { x, y: null };
  }
  const x: number[] = [];
  const y: number[] = [];
  const add = (a: number, b: number): void => {
    x.push(a);
    y.push(b);
  };
  for (let i = 0; i < 600; i++) add(uniform(r, 1, 0, 100)[0], uniform(r, 1, -30, 30)[0]);
  for (let i = 0; i < 300; i++) add(randomPositive(r, 1, dt)[0], uniform(r, 1, -3, 3)[0]);
  for (let i = 0; i < 200; i++) add(uniform(r, 1, -10, 10)[0], Math.round(uniform(r, 1, -40, 40)[0])); // negative bases, integer exponents
  for (let i = 0; i < 200; i++) add(uniform(r, 1, 0.5, 2)[0], uniform(r, 1, f8 ? -1100 : -160, f8 ? 1100 : 140)[0]); // huge exponents: overflow, underflow
  for (let i = 0; i < 100; i++) add(1 + uniform(r, 1, -1e-6, 1e-6)[0], uniform(r, 1, -1e7, 1e7)[0]);
  for (const a of [...SPECIAL, -8, 3, 1e-300, 1e300]) for (const b of [...SPECIAL, -3, 3, 1 / 3, -0.5, 2.5]) add(a, b);
  return { x, y };
}

// ------------------------------------------------------------------ reference

const REFERENCE = `
import base64, math
try:
    import mpmath
except ImportError:
    mpmath = None
p = json.load(sys.stdin)
dt = np.dtype(p['dt'])
x = np.frombuffer(base64.b64decode(p['x']), dt)
y = np.frombuffer(base64.b64decode(p['y']), dt) if p['y'] else None
op = p['op']
with np.errstate(all='ignore'):
    npv = np.exp(x) if op == 'exp' else np.log(x) if op == 'log' else np.power(x, y)
out = {'numpy': base64.b64encode(npv.tobytes()).decode(), 'mpmath': mpmath is not None}
if mpmath is not None:
    mpmath.mp.prec = 200
    f8 = dt == np.float64
    def rounded(v):
        # v (an mpf) correctly rounded to the float type, subnormals and overflow included.
        if v == 0:
            return 0.0
        e = int(mpmath.floor(mpmath.log(abs(v), 2)))
        q = max(e - (52 if f8 else 23), -1074 if f8 else -149)
        r = mpmath.nint(v / mpmath.mpf(2) ** q) * mpmath.mpf(2) ** q
        big = mpmath.mpf(2) ** (1024 if f8 else 128)
        if abs(r) >= big:
            return math.copysign(math.inf, float(v))
        return float(r)
    ref = np.empty_like(npv)
    for i in range(len(x)):
        a = float(x[i])
        b = None if y is None else float(y[i])
        special = not math.isfinite(a) or a == 0 or (b is not None and (not math.isfinite(b) or b == 0 or a == 1))
        if special or (op == 'log' and a < 0):
            ref[i] = npv[i]  # exact values (IEEE special cases), NumPy's
        elif op == 'exp':
            ref[i] = rounded(mpmath.exp(mpmath.mpf(a)))
        elif op == 'log':
            ref[i] = rounded(mpmath.log(mpmath.mpf(a)))
        elif a < 0 and b != math.floor(b):
            ref[i] = math.nan
        else:
            v = mpmath.power(mpmath.mpf(abs(a)), mpmath.mpf(b))
            if a < 0 and int(b) % 2 == 1:
                v = -v
            ref[i] = rounded(v) if v != 0 else math.copysign(0.0, v)
    out['ref'] = base64.b64encode(ref.tobytes()).decode()
print(json.dumps(out))
`;

describeWithNumpy('exp, log and power: within 1 ulp of the correctly rounded result and 4 ulp of NumPy', () => {
  for (const op of ['exp', 'log', 'power'] as const) {
    for (const dt of ['<f8', '<f4'] as const) {
      test(`${op} ${dt}: native and JS paths over the hard ranges`, () => {
        const { x, y } = inputs(op, dt);
        const xs = typed(dt, x);
        const ys = y === null ? null : typed(dt, y);
        const got = floats(run(op, arrayOf(dt, xs), ys && arrayOf(dt, ys), true));
        const js = floats(run(op, arrayOf(dt, xs), ys && arrayOf(dt, ys), false));
        const r = runNumpy<{ numpy: string; ref?: string; mpmath: boolean }>(REFERENCE, JSON.stringify({ op, dt, x: b64(xs), y: ys && b64(ys) }));
        const np = fromB64(dt, r.numpy);
        expect(farther(xs, got, np, 4, 'native vs NumPy')).toEqual([]);
        expect(farther(xs, js, np, 4, 'JS vs NumPy')).toEqual([]);
        if (!r.mpmath) {
          // eslint-disable-next-line no-console
          console.log(`SKIP ${op} ${dt} 1-ulp check: python3 has no mpmath`);
          return;
        }
        const ref = fromB64(dt, r.ref as string);
        expect(farther(xs, got, ref, 1, 'native vs mpmath')).toEqual([]);
        expect(farther(xs, js, ref, 1, 'JS vs mpmath')).toEqual([]);
      });
    }
  }

  for (const dt of ['<f8', '<f4'] as const) {
    test(`power ${dt} with a scalar exponent takes NumPy's fast paths: its bits exactly`, () => {
      const r = rng(21);
      const xs = typed(dt, [...uniform(r, 200, -50, 50), ...randomPositive(r, 100, dt), ...SPECIAL, 1e-310, -1e-310, 3e38]);
      const got: string[] = [];
      for (const e of [-1, 0, 0.5, 1, 2]) {
        for (const nativePath of [true, false]) got.push(b64(floats(run('power', arrayOf(dt, xs), e, nativePath))));
      }
      const want = runNumpy<string[]>(
        `import base64
p = json.load(sys.stdin)
dt = np.dtype(p['dt'])
x = np.frombuffer(base64.b64decode(p['x']), dt)
with np.errstate(all='ignore'):
    print(json.dumps([base64.b64encode(np.power(x, dt.type(e)).tobytes()).decode() for e in [-1, 0, 0.5, 1, 2] for _ in range(2)]))`,
        JSON.stringify({ dt, x: b64(xs) }),
      );
      expect(got).toEqual(want);
      // sqrt's signs, where C's pow differs: power(-0, 0.5) is -0, power(-inf, 0.5) NaN.
      const h = floats(api.power(arrayOf(dt, typed(dt, Array(70).fill(-0).concat([-Infinity]))), 0.5));
      expect([Object.is(h[0], -0), h[70]]).toEqual([true, NaN]);
    });
  }
});

// ------------------------------------------------------------------ layouts

describe('exp, log and power give the contiguous native bits on every layout', () => {
  const r = rng(31);
  const N = 300;
  const base = Float64Array.from([...uniform(r, N - 9, -30, 30), ...SPECIAL]);
  const pos = base.map((v) => Math.abs(v) * 3 + (v < 0 ? 1e-300 : 0));
  const expo = Float64Array.from(uniform(r, N, -4, 4));

  function bitsOf(a: NdArray): string {
    return b64(floats(a.copy()));
  }
  function want(op: Op, dt: Dt, x: Float64Array): string {
    const xs = arrayOf(dt, typed(dt, Array.from(x)));
    return bitsOf(op === 'power' ? api.power(xs, arrayOf(dt, typed(dt, Array.from(expo)))) : api[op](xs));
  }
  /** `values` (as dtype `dt`) in a view with the given byte order, one-byte misalignment and step. */
  function view(dt: Dt, values: Float64Array, swap: boolean, shift: number, step: number): NdArray {
    const isz = dt === '<f8' ? 8 : 4;
    const src = dt === '<f8' ? Float64Array.from(values) : Float32Array.from(values);
    const bytes = new Uint8Array(values.length * isz * Math.abs(step) + shift);
    const srcBytes = new Uint8Array(src.buffer);
    for (let i = 0; i < values.length; i++) {
      // Reversed: `::-k` starts from the last element, so element i sits k - 1 further in.
      const at = shift + (step < 0 ? (values.length - 1 - i) * -step - step - 1 : i * step) * isz;
      for (let b = 0; b < isz; b++) bytes[at + b] = srcBytes[i * isz + (swap ? isz - 1 - b : b)];
    }
    const full = ndarray([values.length * Math.abs(step)], swap ? (dt.replace('<', '>') as string) : dt, bytes.subarray(shift));
    return full.index(step > 0 ? `::${step}` : `::${step}`);
  }

  for (const op of ['exp', 'log', 'power'] as const) {
    for (const dt of ['<f8', '<f4'] as const) {
      test(`${op} ${dt}: byte-swapped, unaligned, strided, reversed, out= and where=`, () => {
        const x = op === 'log' ? pos : base;
        const expected = want(op, dt, x);
        const apply = (v: NdArray, opts?: Record<string, unknown>): NdArray => {
          const e = view(dt, expo, false, 0, 1);
          return op === 'power' ? (opts ? api.power(v, e, opts) : api.power(v, e)) : opts ? api[op](v, opts) : api[op](v);
        };
        for (const [swap, shift, step] of [
          [true, 0, 1],
          [false, 1, 1],
          [false, 0, 3],
          [true, 1, -2],
        ] as const) {
          const v = view(dt, x, swap, shift, step);
          const spy = jest.spyOn(native, 'kernelUfunc');
          try {
            expect([swap, shift, step, bitsOf(apply(v))]).toEqual([swap, shift, step, expected]);
            expect(spy).toHaveBeenCalled();
          } finally {
            spy.mockRestore();
          }
        }
        // out= of the other byte order, and where= leaving masked elements alone.
        const out = zeros([N], dt.replace('<', '>'));
        apply(view(dt, x, false, 0, 1), { out });
        expect(bitsOf(out.astype(dt))).toBe(expected);
        const masked = zeros([N], dt);
        masked.fill(7);
        const mask = zeros([N], '|b1');
        for (let i = 0; i < N; i += 2) mask.set(i, true);
        apply(view(dt, x, false, 0, 1), { out: masked, where: mask });
        const wantBits = fromB64(dt, expected);
        const m = floats(masked);
        for (let i = 0; i < N; i++) expect(Object.is(m[i], i % 2 === 0 ? wantBits[i] : 7)).toBe(true);
        // In place.
        const inplace = arrayOf(dt, typed(dt, Array.from(x)));
        op === 'power' ? api.power(inplace, arrayOf(dt, typed(dt, Array.from(expo))), { out: inplace }) : api[op](inplace, { out: inplace });
        expect(bitsOf(inplace)).toBe(expected);
      });
    }
  }

  // Under 64 items a call takes the JS iterator, whose loop hands each block
  // to the same native loop: V8's Math.exp, Math.log and Math.pow (the loops
  // before) differ from it in about one result in ten.
  for (const op of ['exp', 'log', 'power', 'floatPower'] as const) {
    for (const dt of op === 'floatPower' ? (['<f8'] as const) : (['<f8', '<f4'] as const)) {
      test(`${op} ${dt}: an array of 1 to 63 items gives the bits of the same items in a ${N}-item array`, () => {
        const x = op === 'log' ? pos : base;
        const call = (v: NdArray, e: NdArray): NdArray => (op === 'power' ? api.power(v, e) : op === 'floatPower' ? api.floatPower(v, e) : api[op](v));
        const whole = fromB64(dt, bitsOf(call(arrayOf(dt, typed(dt, Array.from(x))), arrayOf(dt, typed(dt, Array.from(expo))))));
        for (const n of [1, 2, 7, 63]) {
          for (let at = 0; at + n <= N; at += 37) {
            const part = call(arrayOf(dt, typed(dt, Array.from(x.subarray(at, at + n)))), arrayOf(dt, typed(dt, Array.from(expo.subarray(at, at + n)))));
            expect([n, at, bitsOf(part)]).toEqual([n, at, b64(whole.subarray(at, at + n))]);
          }
        }
        // A scalar exponent (NumPy's fast paths 2 and 0.5 included) on one item.
        if (op === 'power') {
          for (const e of [2.5, 2, 0.5, -1.5]) {
            const all = floats(api.power(arrayOf(dt, typed(dt, Array.from(x))), e));
            for (let i = 0; i < N; i += 13) expect(Object.is(floats(api.power(arrayOf(dt, typed(dt, [x[i]])), e))[0], all[i])).toBe(true);
          }
        }
      });
    }
  }

  // The blocks blend NaN, -inf and +inf into special lanes in vector form
  // (negative x for log, negative x with a non-integer exponent for power);
  // a row thick with them, every block holding some, must still agree with
  // the JS loops element for element, as must the lanes left to the scalar
  // path (subnormals, integer exponents of negative x, infinities).
  /** V8's Math.log and Math.pow (with C's pow(1, y) = 1 and pow(-1, ±inf) = 1) element by element, rounded to `dt`: an independent reference. */
  function mathOf(op: Op, dt: Dt, x: Float64Array | Float32Array, y: number | null | Float64Array | Float32Array): Float64Array | Float32Array {
    const cpow = (a: number, b: number): number => (a === 1 || (a === -1 && Math.abs(b) === Infinity) ? 1 : Math.pow(a, b));
    return typed(dt, Array.from(x, (v, i) => (op === 'log' ? Math.log(v) : cpow(v, typeof y === 'number' ? y : (y as Float64Array)[i]))));
  }

  test('rows a fifth negative and thick with special values agree with V8\'s Math within 1 ulp, on both walks', () => {
    const rr = rng(32);
    const M = 3000;
    const xs = Array.from({ length: M }, (_, i) => {
      const k = Math.floor(rr() * 20);
      if (k < 4) return -uniform(rr, 1, 1e-3, 1e3)[0];
      if (k === 4) return SPECIAL[i % SPECIAL.length];
      if (k === 5) return i % 2 ? 4e-310 : -4e-310;
      return uniform(rr, 1, 1e-3, 1e3)[0];
    });
    const es = Array.from({ length: M }, (_, i) => (i % 9 === 0 ? [2, 3, -1, NaN, Infinity, -Infinity, 0, 1e300, 2 ** 52 + 2][i % 81 / 9] : uniform(rr, 1, -4, 4)[0]));
    for (const dt of ['<f8', '<f4'] as const) {
      const x = typed(dt, xs);
      for (const [label, y] of [
        ['log', null],
        ['power 2.5', 2.5],
        ['power -0.75', -0.75],
        ['power 3', 3],
        ['power row', arrayOf(dt, typed(dt, es))],
      ] as const) {
        const op: Op = label === 'log' ? 'log' : 'power';
        const got = floats(run(op, arrayOf(dt, x), y, true));
        expect(farther(x, got, mathOf(op, dt, x, y === null || typeof y === 'number' ? y : floats(y)), 1, `${label} ${dt}`)).toEqual([]);
        expect(b64(floats(run(op, arrayOf(dt, x), y, false)))).toBe(b64(got));
      }
    }
  });

  test('power broadcasts a column of bases against a row of exponents', () => {
    const xs = arrayOf('<f8', Float64Array.from(pos.slice(0, 40))).reshape([40, 1]);
    const es = arrayOf('<f8', Float64Array.from(expo.slice(0, 30)));
    // The same pairs written out in full (1,200 of them: the native loop runs).
    const fullX = Float64Array.from({ length: 1200 }, (_, k) => pos[Math.floor(k / 30)]);
    const fullE = Float64Array.from({ length: 1200 }, (_, k) => expo[k % 30]);
    const want = api.power(arrayOf('<f8', fullX), arrayOf('<f8', fullE));
    expect(bitsOf(api.power(xs, es))).toBe(bitsOf(want));
  });

  // The AVX-512 power block runs 8 lanes at a time and a row's last 1 to 7
  // elements through masked loads: each element must get the same bits at
  // every lane and in every tail length, special values included.
  test('power <f8 gives an element the same bits at every lane and in every row tail', () => {
    const N = 120;
    const xs = Float64Array.from({ length: N }, (_, k) => (k % 5 === 4 ? SPECIAL[k % SPECIAL.length] : k % 7 === 3 ? -pos[k] : pos[k]));
    const es = Float64Array.from({ length: N }, (_, k) => (k % 11 === 5 ? Math.round(expo[k]) : expo[k]));
    const whole = floats(api.power(arrayOf('<f8', xs), arrayOf('<f8', es)));
    const wholeScalar = floats(api.power(arrayOf('<f8', xs), 2.5));
    for (let start = 0; start < 8; start++) {
      // 64 elements and more take the native loop; 64 .. 71 cover every tail length.
      for (let len = 64; len <= 72; len++) {
        const part = (v: Float64Array): NdArray => arrayOf('<f8', v.slice(start, start + len));
        expect([start, len, b64(floats(api.power(part(xs), part(es))))]).toEqual([start, len, b64(whole.slice(start, start + len))]);
        expect([start, len, b64(floats(api.power(part(xs), 2.5)))]).toEqual([start, len, b64(wholeScalar.slice(start, start + len))]);
      }
    }
  });

  test('a broadcast base or exponent over a row of several blocks gives the written-out bits', () => {
    // 1,000 elements: four of the kernel's 256-element blocks, the broadcast
    // operand's buffer filled once for all of them.
    const N = 1000;
    const xs = Float64Array.from({ length: N }, (_, k) => (k % 9 === 4 ? -pos[k % pos.length] : pos[k % pos.length]));
    const es = Float64Array.from({ length: N }, (_, k) => expo[k % expo.length]);
    for (const dt of ['<f8', '<f4'] as const) {
      for (const c of [2.5, -0.75, 3]) {
        const full = arrayOf(dt, typed(dt, Array(N).fill(c)));
        expect([dt, c, bitsOf(api.power(arrayOf(dt, typed(dt, Array.from(xs))), c))]).toEqual([
          dt,
          c,
          bitsOf(api.power(arrayOf(dt, typed(dt, Array.from(xs))), full)),
        ]);
        expect([dt, c, bitsOf(api.power(c, arrayOf(dt, typed(dt, Array.from(es)))))]).toEqual([
          dt,
          c,
          bitsOf(api.power(full, arrayOf(dt, typed(dt, Array.from(es))))),
        ]);
      }
    }
  });

  test('a view crossing the 4 GiB window edge of a sparse mapping', () => {
    const SIZE = 2 ** 32 + 2 ** 20;
    const lo = 2 ** 32 - 1024 - 3; // odd: unaligned
    const m = memmap(tmp.sparse(SIZE, 'edge.bin'), { dtype: 'u1', mode: 'r+' });
    try {
      const src = new Uint8Array(Float64Array.from(pos.slice(0, 256)).buffer);
      m.index(`${lo}:${lo + 2048}`).set(Array.from(src));
      const v = m.index(`${lo}:${lo + 2048}`).view('<f8');
      for (const op of ['exp', 'log', 'power'] as const) {
        const got = op === 'power' ? api.power(v, 2.5) : api[op](v);
        const mem = arrayOf('<f8', Float64Array.from(pos.slice(0, 256)));
        expect([op, bitsOf(got)]).toEqual([op, bitsOf(op === 'power' ? api.power(mem, 2.5) : api[op](mem))]);
      }
    } finally {
      m.close();
    }
  });
});
