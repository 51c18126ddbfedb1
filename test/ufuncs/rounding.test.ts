// rint / floor / ceil / trunc against NumPy: result dtypes per input dtype
// (NumPy 2: floor/ceil/trunc keep ints and bools, rint computes in float),
// values bit for bit (ties to even, signed zeros, NaN/inf, float16/32,
// big-endian and strided inputs), complex rint, and the errors.
import { around, ceil, floor, rint, round, trunc } from '../../lib/ufuncs/rounding';
import { asStrided, fromBuffer, zeros } from '../../lib/create';
import { dtype, slice, type NdArray } from '../../lib';
import { UFuncTypeError } from '../../lib/ufunc';
import { roundHalfEven } from '../../lib/ufuncs/rounding';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';
import { expectCasesLikeNumpy, type Case } from '../helpers/np-compare';
import { bytesOf } from '../workloads/harness';

const FNS = { rint, floor, ceil, trunc } as const;
const VALUES = [0, -0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994, 2 ** 52 + 1, -(2 ** 53),
  1e300, -1e-300, 3.7, -3.7, Infinity, -Infinity, NaN, 4503599627370495.5, -4503599627370495.5, 1234.5, 0.1];
const DTYPES = ['<f8', '>f8', '<f4', '<f2', '<i1', '<u1', '<i2', '<i4', '>u4', '<i8', '<u8', '|b1', '<c8', '<c16'];

function hex(u: Uint8Array): string {
  return Buffer.from(u).toString('hex');
}

test('roundHalfEven: ties to even, the sign of zero kept', () => {
  expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.4, -0.4].map(roundHalfEven)).toEqual([0, 2, 2, -0, -2, -2, 0, -0]);
  expect(Object.is(roundHalfEven(-0.4), -0)).toBe(true);
  expect(Object.is(roundHalfEven(0.4), 0)).toBe(true);
  expect(roundHalfEven(NaN)).toBeNaN();
  expect(roundHalfEven(-Infinity)).toBe(-Infinity);
  expect(roundHalfEven(0.49999999999999994)).toBe(0);
  expect(roundHalfEven(4503599627370495.5)).toBe(4503599627370496);
});

describeWithNumpy('rounding ufuncs against NumPy', () => {
  test.each(Object.keys(FNS))('%s: dtype and bytes for each input dtype, or the same refusal', (name) => {
    const want = runNumpy<Record<string, { dtype: string; hex: string } | { error: string }>>(`
vals = ${JSON.stringify(VALUES.map((v) => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : Object.is(v, -0) ? '-0.0' : v)))}
vals = np.array([float(v) for v in vals])
out = {}
import warnings
warnings.simplefilter('ignore')
for dt in ${JSON.stringify(DTYPES)}:
    d = np.dtype(dt)
    if d.kind in 'iub':
        x = np.arange(-5, 20).astype(d) if d.kind != 'b' else np.array([0, 1, 1, 0], d)
    elif d.kind == 'c':
        x = (vals + 1j * vals[::-1]).astype(d)
    else:
        x = vals.astype(d)
    try:
        r = np.${name}(x[::-1])
        out[dt] = {'dtype': r.dtype.str, 'hex': np.ascontiguousarray(r).tobytes().hex()}
    except Exception as e:
        out[dt] = {'error': type(e).__name__}
print(json.dumps(out))
`);
    const f = FNS[name as keyof typeof FNS];
    for (const dt of DTYPES) {
      const src = runNumpyInput(dt);
      const w = want[dt];
      if ('error' in w) {
        // NumPy's no-loop TypeError is the library's UFuncTypeError (a TypeError).
        expect({ dt, error: w.error }).toEqual({ dt, error: 'TypeError' });
        expect(() => f(src.index('::-1'))).toThrow(UFuncTypeError);
        expect(() => f(src.index('::-1'))).toThrow(new RegExp(`ufunc '${name}' not supported for the input types`));
        continue;
      }
      const r = f(src.index('::-1'));
      expect({ dt, dtype: r.dtype.str, hex: hex(bytesOf(r)) }).toEqual({ dt, dtype: w.dtype, hex: w.hex });
    }
  });

  test('out and where work as for any ufunc (in place, masked)', () => {
    const a = fromBuffer(new Float64Array([0.5, 1.5, 2.5, -2.5]), '<f8');
    rint(a, { out: a, where: fromBuffer(new Uint8Array([1, 1, 0, 1]), '?') });
    expect(a.toArray()).toEqual([0, 2, 2.5, -2]);
    const i = zeros(3, '<i4');
    expect(() => rint(a, { out: i })).toThrow(UFuncTypeError);
  });
});

let inputs: Record<string, string> | undefined;
/** The inputs the NumPy side builds, as bytes from NumPy itself (one python run). */
function runNumpyInput(dt: string) {
  inputs ??= runNumpy<Record<string, string>>(`
vals = ${JSON.stringify(VALUES.map((v) => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : Object.is(v, -0) ? '-0.0' : v)))}
vals = np.array([float(v) for v in vals])
out = {}
for dt in ${JSON.stringify(DTYPES)}:
    d = np.dtype(dt)
    if d.kind in 'iub':
        x = np.arange(-5, 20).astype(d) if d.kind != 'b' else np.array([0, 1, 1, 0], d)
    elif d.kind == 'c':
        x = (vals + 1j * vals[::-1]).astype(d)
    else:
        x = vals.astype(d)
    out[dt] = x.tobytes().hex()
print(json.dumps(out))
`);
  return fromBuffer(new Uint8Array(Buffer.from(inputs[dt], 'hex')).buffer, dt as never);
}

describeWithNumpy('round(a, decimals) against NumPy', () => {
  test('dtype and bytes for each dtype and decimals, or the same refusal', () => {
    const RDT = ['<f8', '>f8', '<f4', '<f2', '<i2', '<u1', '<i8', '|b1', '<c16', '<c8'];
    const DEC = [0, 1, 2, 3, -1, -2, 12];
    const want = runNumpy<Record<string, { input: string; dtype?: string; hex?: string; error?: string; message?: string }>>(`
import warnings
warnings.simplefilter('ignore')
rng = np.random.default_rng(6)
base = np.concatenate([[2.675, 0.125, 0.375, -0.125, 1234.5, -2.5, 1e15 + 0.5, 5e-324, np.inf, np.nan, -0.0, 12345.678],
                       rng.normal(0, 1000, 40).round(3)])
out = {}
for dt in ${JSON.stringify(RDT)}:
    d = np.dtype(dt)
    if d.kind == 'b': x = (base > 0)
    elif d.kind in 'iu': x = np.nan_to_num(np.abs(base) if d.kind == 'u' else base, posinf=0).clip(-100, 250 if d.kind == 'u' else 30000).astype(d)
    elif d.kind == 'c': x = (base + 1j * base[::-1]).astype(d)
    else: x = base.astype(d)
    for dec in ${JSON.stringify(DEC)}:
        key = dt + ' ' + str(dec)
        try:
            r = np.round(x, dec)
            out[key] = {'input': x.tobytes().hex(), 'dtype': r.dtype.str, 'hex': r.tobytes().hex()}
        except Exception as e:
            out[key] = {'input': x.tobytes().hex(), 'error': type(e).__name__, 'message': str(e)}
print(json.dumps(out))
`);
    const bad: string[] = [];
    for (const dt of RDT) {
      for (const dec of DEC) {
        const w = want[`${dt} ${dec}`];
        const x = fromBuffer(new Uint8Array(Buffer.from(w.input, 'hex')).buffer, dt as never);
        let got: Record<string, unknown>;
        try {
          const r = round(x, dec);
          got = { dtype: r.dtype.str, hex: hex(bytesOf(r)) };
        } catch (e) {
          got = { error: (e as Error).name === 'UFuncTypeError' ? 'UFuncTypeError' : (e as Error).name, message: (e as Error).message };
        }
        // (NumPy's private _UFuncOutputCastingError is its UFuncTypeError.)
        const expected = w.error !== undefined ? { error: w.error.replace('_UFuncOutputCastingError', 'UFuncTypeError'), message: w.message } : { dtype: w.dtype, hex: w.hex };
        if (JSON.stringify(got) !== JSON.stringify(expected)) bad.push(`${dt} ${dec}: numpy ${JSON.stringify(expected).slice(0, 160)} ours ${JSON.stringify(got).slice(0, 160)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  test('result layouts as NumPy: complex and integer copies keep the memory order, float arithmetic is C (fuzz seed 240)', () => {
    const DT = ['<f8', '<i4', '>u8', '<c16', '|b1'];
    const DEC = [0, 2, -1];
    const want = runNumpy<Record<string, number[]>>(`
out = {}
for dt in ${JSON.stringify(DT)}:
    d = np.dtype(dt)
    base = np.zeros(60 * d.itemsize, np.uint8).view(d)
    views = {'strided': np.lib.stride_tricks.as_strided(base, (4, 2, 1), (d.itemsize, 5 * d.itemsize, 10 * d.itemsize)),
             'reversedT': base[:12].reshape(3, 4)[:, ::-1].T}
    for name, v in views.items():
        for dec in ${JSON.stringify(DEC)}:
            try: out[f'{dt} {name} {dec}'] = list(np.round(v, dec).strides)
            except Exception: pass
print(json.dumps(out))`);
    const bad: string[] = [];
    for (const dt of DT) {
      const d = dtype(dt);
      const base = zeros([60], dt);
      const views: Record<string, NdArray> = {
        strided: asStrided(base, [4, 2, 1], [d.itemsize, 5 * d.itemsize, 10 * d.itemsize]),
        reversedT: base.index(slice(0, 12)).reshape([3, 4]).index(slice(null), slice(null, null, -1)).T,
      };
      for (const [name, v] of Object.entries(views)) {
        for (const dec of DEC) {
          const w = want[`${dt} ${name} ${dec}`];
          if (w === undefined) continue;
          const r = round(v, dec);
          // An axis of length 1 has no layout to compare.
          const got = r.strides.map((s, i) => (r.shape[i] === 1 ? null : s));
          const exp = w.map((s, i) => (r.shape[i] === 1 ? null : s));
          if (JSON.stringify(got) !== JSON.stringify(exp)) bad.push(`${dt} ${name} ${dec}: numpy ${JSON.stringify(exp)} ours ${JSON.stringify(got)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  test("round(px, 2) gives NumPy's bits (2.675 * 100 is 267.5: 2.68), not Python's round() (2.67); around is round", () => {
    const px = fromBuffer(new Float64Array([2.675, 1.005, 0.125]), '<f8');
    expect(round(px, 2).toArray()).toEqual([2.68, 1, 0.12]);
    expect(around(px, 1).toArray()).toEqual(round(px, 1).toArray());
    expect(() => round(px, 1.5)).toThrow(TypeError);
  });
});

describeWithNumpy('round(a, decimals, { out }) against NumPy\'s out=', () => {
  test('every step written into out (its dtype, same_kind), the shape rule, and the refusals', () => {
    const a = (): NdArray => fromBuffer(Float64Array.from([0.55, 1.55, -2.45, 2.675, 1e300, NaN]), '<f8').reshape([2, 3]);
    const pa = 'np.array([0.55, 1.55, -2.45, 2.675, 1e300, np.nan]).reshape(2, 3)';
    const ints = (): NdArray => fromBuffer(BigInt64Array.from([0n, 5n, 15n, -25n, 7n, 123n]), '<i8');
    const pi = 'np.array([0, 5, 15, -25, 7, 123])';
    const cplx = (): NdArray => fromBuffer(Float64Array.from([0.55, -1.45, 2.5, 3.25]), '<c16');
    const pc = 'np.array([0.55 - 1.45j, 2.5 + 3.25j])';
    /** NumPy's `np.round(x, d, out=o)` as an expression whose value is `o` after the call. */
    const py = (x: string, d: number, o: string): string => `(lambda o: (np.round(${x}, ${d}, out=o), o)[1])(${o})`;
    const cases: Case[] = [];
    for (const [d, o, js] of [
      [1, "np.zeros((2, 3), '<f4')", () => zeros([2, 3], '<f4')],
      [2, "np.zeros((2, 3), '>f8')", () => zeros([2, 3], '>f8')],
      [-1, 'np.zeros((2, 3))', () => zeros([2, 3])],
      [0, "np.zeros((2, 3), '<f2')", () => zeros([2, 3], '<f2')],
      [1, "np.zeros((2, 3), '<i8')", () => zeros([2, 3], '<i8')],
      [0, "np.zeros((2, 3), '<i8')", () => zeros([2, 3], '<i8')],
      [1, 'np.zeros((3, 2))', () => zeros([3, 2])],
      [1, 'np.zeros((6,))', () => zeros([6])],
      [1, 'np.zeros((4, 2, 3))', () => zeros([4, 2, 3])],
      [1, 'np.zeros((3, 2)).T', () => zeros([3, 2]).T],
    ] as [number, string, () => NdArray][]) {
      cases.push({ py: py(pa, d, o), js: () => { const out = js(); const r = round(a(), d, { out }); if (r !== out) throw new Error('not out'); return out; } });
    }
    for (const [d, o, js] of [
      [0, "np.zeros(6, '<i1')", () => zeros([6], '<i1')],
      [2, "np.zeros(6, '<f4')", () => zeros([6], '<f4')],
      [-1, "np.zeros(6, '<f4')", () => zeros([6], '<f4')],
      [-1, "np.zeros(6, '<i8')", () => zeros([6], '<i8')],
      [0, "np.zeros(6, '|b1')", () => zeros([6], '|b1')],
    ] as [number, string, () => NdArray][]) {
      cases.push({ py: py(pi, d, o), js: () => { const out = js(); round(ints(), d, { out }); return out; } });
    }
    cases.push(
      { py: py(pc, 1, "np.zeros(2, '<c8')"), js: () => { const out = zeros([2], '<c8'); round(cplx(), 1, { out }); return out; } },
      { py: py(pc, 1, 'np.zeros(2)'), js: () => { const out = zeros([2]); round(cplx(), 1, { out }); return out; } },
    );
    expectCasesLikeNumpy(cases);
  });

  test('a read-only out and a non-array out are refused before anything is written', () => {
    const ro = zeros([3]);
    ro.flags.writeable = false;
    expect(() => round(zeros([3]), 1, { out: ro })).toThrow('output array is read-only');
    expect(() => round(zeros([3]), 1, { out: [0, 0, 0] as never })).toThrow(TypeError);
    expect(() => round(zeros([3]), 1, { output: zeros([3]) } as never)).toThrow(TypeError);
    const out = zeros([3]);
    expect(zeros([3]).round(1, { out })).toBe(out);
  });
});

describe('trunc runs the native loop (modf\'s integral part): the bits of Math.trunc on both paths', () => {
  // 23 values repeated past UFUNC_NATIVE_MIN_ELEMENTS: the whole-array native walk; a few: the block loop.
  const many = Array.from({ length: 23 * 7 }, (_v, i) => VALUES[i % VALUES.length] * (i < 23 ? 1 : 1 + (i % 5) / 8));
  for (const dt of ['<f8', '>f8', '<f4', '<f2']) {
    for (const n of [5, many.length]) {
      test(`${dt}, ${n} elements, contiguous and strided`, () => {
        const src = zeros([n * 2], dt);
        for (let i = 0; i < n * 2; i++) src.set(i, many[i % many.length]);
        for (const x of [src, src.index(slice(null, null, 2))] as NdArray[]) {
          const got = trunc(x);
          expect(got.dtype.str).toBe(dt === '>f8' ? '<f8' : dt);
          const want = zeros(x.shape, got.dtype);
          for (let i = 0; i < x.size; i++) want.set(i, Math.trunc(x.get(i) as number));
          expect(hex(bytesOf(got))).toBe(hex(bytesOf(want)));
        }
      });
    }
  }
});

describe('round of a list or a number, as np.round of an array_like', () => {
  test('converted first (was a JS TypeError reading .ndim of the list)', () => {
    expect(round([1.25, 2.5], 1).toArray()).toEqual([1.2, 2.5]);
    expect(around(2.5).toArray()).toBe(2);
  });
});
