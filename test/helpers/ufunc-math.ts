// Compares the math ufuncs (lib/ufuncs/trig.ts, explog.ts, arith2.ts) with
// NumPy over every input dtype: NumPy builds the inputs and its results (as
// bytes); each result is checked element by element, exactly or within
// `ulps` units in the last place of the result type. Special values are
// exact either way: where NumPy gives ±0, ±inf or NaN (or an integer), so
// must the library (any NaN matches any NaN; `zeroSign: false` ignores the
// sign of a zero). Each call runs three layouts: the whole array (the
// native walk: more than 64 elements), a reversed strided view of it, and a
// 7-element slice (the JS iterator's blocks).
import { fromBuffer } from '../../lib/create';
import type { NdArray } from '../../lib/ndarray';
import type { UfuncInput, UfuncOptions } from '../../lib/ufunc';
import { float16Value } from '../../lib/dtype/float16';
import { runNumpy } from './numpy';
import { bytesOf } from '../workloads/harness';

export const MATH_DTYPES = ['<f8', '>f8', '<f4', '>f4', '<f2', '<i1', '<u1', '<i2', '<u2', '<i4', '>u4', '<i8', '<u8', '|b1', '<c8', '<c16', '>c16'];

/** Values each float input holds: specials first, then a spread. */
export const SPECIALS = ['0.0', '-0.0', 'inf', '-inf', 'nan', '1.0', '-1.0', '0.5', '-0.5', '2.0', '-2.0', '1e-10', '-1e-10', '5e-324', '1e-300', '3.0',
  '10.0', '-10.0', '100.0', '700.0', '-700.0', '1e300', '-1e300', '0.7853981633974483', '3.141592653589793', '-1.5707963267948966', '1e5', '65504.0', '1e-7'];

export interface MathCase {
  input: string[];
  dtype?: string;
  hex?: string;
  error?: string;
}

/**
 * The inputs and NumPy's results of `np.<name>` for each dtype: `nin` inputs
 * each. `call` is the Python expression of the result over the inputs `xs`
 * when it is not `np.<name>(*xs)` (one output of a two-output ufunc:
 * `np.modf(*xs)[0]`).
 */
export function numpyMath(name: string, nin: 1 | 2, dtypes: readonly string[] = MATH_DTYPES, call = `np.${name}(*xs)`): Record<string, MathCase> {
  return runNumpy<Record<string, MathCase>>(`
import warnings
warnings.simplefilter('ignore')
rng = np.random.default_rng(18)
sp = np.array([float(v) for v in ${JSON.stringify(SPECIALS)}])
base = np.concatenate([sp, rng.normal(0, 3, 40), rng.uniform(-1, 1, 20), rng.uniform(-1e4, 1e4, 8)])
out = {}
for dt in ${JSON.stringify(dtypes)}:
    d = np.dtype(dt)
    if d.kind == 'b':
        xs = [np.array([0, 1, 1, 0] * 25, d), np.array([1, 1, 0, 0] * 25, d)]
    elif d.kind in 'iu':
        lo = 0 if d.kind == 'u' else -50
        a = np.arange(lo, lo + 100).astype(d)
        a[:6] = [0, 1, np.iinfo(d).max, np.iinfo(d).min, 2, 3]
        xs = [a, np.roll(a, 7)]
        if ${nin} == 2 and d.kind == 'i':
            xs[1][:6] = [0, -1, -1, 2, 0, -3]
    else:
        sq = np.repeat(sp[:12], 12)[:100]
        if d.kind == 'c':
            xs = [(base + 1j * np.roll(base, 5)).astype(d), (np.roll(base, 3) - 1j * base).astype(d)]
            edge = (0.0, -0.0, 1.0, -1.0, np.inf, -np.inf, np.nan)
            xs[0][:49] = [complex(a, b) for a in edge for b in edge]
        elif ${nin} == 2:
            xs = [np.concatenate([np.tile(sp[:12], 12)[:100], base[:68]]).astype(d), np.concatenate([sq, np.roll(base, 11)[:68]]).astype(d)]
        else:
            xs = [base.astype(d), base.astype(d)]
    xs = xs[:${nin}]
    key = dt
    try:
        r = ${call}
        out[key] = {'input': [x.tobytes().hex() for x in xs], 'dtype': r.dtype.str, 'hex': r.tobytes().hex()}
    except Exception as e:
        out[key] = {'input': [x.tobytes().hex() for x in xs], 'error': type(e).__name__}
print(json.dumps(out))
`);
}

/** Ordered integer image of a float's bits (adjacent floats differ by 1). */
function ordered(bits: bigint, width: number): bigint {
  const sign = 1n << BigInt(width - 1);
  return bits & sign ? -(bits & (sign - 1n)) : bits;
}

/** The values of an array's bytes: per element (complex: per part) the number and its bit pattern. */
function parts(hex: string, dt: string): { v: number | bigint; bits: bigint; width: number; float: boolean }[] {
  const b = Buffer.from(hex, 'hex');
  const le = dt[0] !== '>';
  const kind = dt[1];
  const size = Number(dt.slice(2));
  const out: { v: number | bigint; bits: bigint; width: number; float: boolean }[] = [];
  const step = kind === 'c' ? size / 2 : size;
  for (let o = 0; o < b.length; o += step) {
    if (kind === 'f' || kind === 'c') {
      if (step === 8) out.push({ v: le ? b.readDoubleLE(o) : b.readDoubleBE(o), bits: le ? b.readBigUInt64LE(o) : b.readBigUInt64BE(o), width: 64, float: true });
      else if (step === 4) out.push({ v: le ? b.readFloatLE(o) : b.readFloatBE(o), bits: BigInt(le ? b.readUInt32LE(o) : b.readUInt32BE(o)), width: 32, float: true });
      else {
        const h = le ? b.readUInt16LE(o) : b.readUInt16BE(o);
        out.push({ v: float16Value(h), bits: BigInt(h), width: 16, float: true });
      }
    } else {
      let v = 0n;
      for (let k = 0; k < size; k++) v |= BigInt(b[o + (le ? k : size - 1 - k)]) << BigInt(8 * k);
      if (kind === 'i' && v & (1n << BigInt(8 * size - 1))) v -= 1n << BigInt(8 * size);
      out.push({ v, bits: v, width: 8 * size, float: false });
    }
  }
  return out;
}

export interface Tolerance {
  /** Units in the last place allowed for finite non-zero results (0: exact). */
  ulps: number;
  /** Whether the sign of a zero result must match (default true). */
  zeroSign?: boolean;
}

/** The mismatches between `got` and NumPy's result bytes `hex` of dtype `dt` (empty when they agree). */
export function mismatches(got: NdArray, dt: string, hex: string, tol: Tolerance, label: string): string[] {
  if (got.dtype.str !== dt) return [`${label}: dtype ${got.dtype.str}, NumPy ${dt}`];
  const mine = parts(Buffer.from(bytesOf(got)).toString('hex'), dt);
  const want = parts(hex, dt);
  const bad: string[] = [];
  want.forEach((w, i) => {
    const g = mine[i];
    if (!w.float) {
      if (g.v !== w.v) bad.push(`${label}[${i}]: ${g.v} vs NumPy ${w.v}`);
      return;
    }
    const wv = w.v as number;
    const gv = g.v as number;
    if (Number.isNaN(wv) || Number.isNaN(gv)) {
      if (Number.isNaN(wv) !== Number.isNaN(gv)) bad.push(`${label}[${i}]: ${gv} vs NumPy ${wv}`);
      return;
    }
    if (wv === 0 || !Number.isFinite(wv) || tol.ulps === 0) {
      const same = tol.zeroSign === false && wv === 0 ? gv === 0 : g.bits === w.bits;
      if (!same) bad.push(`${label}[${i}]: ${Object.is(gv, -0) ? '-0' : gv} vs NumPy ${Object.is(wv, -0) ? '-0' : wv} (exact)`);
      return;
    }
    const d = ordered(g.bits, w.width) - ordered(w.bits, w.width);
    if ((d < 0n ? -d : d) > BigInt(tol.ulps)) bad.push(`${label}[${i}]: ${gv} vs NumPy ${wv} (${d} ulp)`);
  });
  return bad;
}

type Fn = (...args: (UfuncInput | UfuncOptions | undefined)[]) => NdArray;

/** Checks `fn` against NumPy's `cases` over every dtype in three layouts; returns the mismatches. */
export function checkMath(fn: Fn, nin: 1 | 2, cases: Record<string, MathCase>, tol: Tolerance): string[] {
  const bad: string[] = [];
  for (const [dt, c] of Object.entries(cases)) {
    const xs = c.input.map((h) => fromBuffer(new Uint8Array(Buffer.from(h, 'hex')).buffer, dt as never));
    const run = (args: NdArray[]): NdArray | Error => {
      try {
        return fn(...args);
      } catch (e) {
        return e as Error;
      }
    };
    const whole = run(xs);
    if (c.error !== undefined) {
      if (!(whole instanceof TypeError)) bad.push(`${dt}: NumPy raised ${c.error}, the library ${whole instanceof Error ? whole.name : 'returned'}`);
      continue;
    }
    if (whole instanceof Error) {
      bad.push(`${dt}: ${whole.name}: ${whole.message}`);
      continue;
    }
    bad.push(...mismatches(whole, c.dtype as string, c.hex as string, tol, `${dt} whole`));
    // A reversed, strided view against the same elements of NumPy's result.
    const rev = run(xs.map((x) => x.index('::-3')));
    const wantRev = fromBuffer(new Uint8Array(Buffer.from(c.hex as string, 'hex')).buffer, c.dtype as never).index('::-3');
    if (rev instanceof Error) bad.push(`${dt} strided: ${rev.message}`);
    else bad.push(...mismatches(rev, c.dtype as string, Buffer.from(bytesOf(wantRev)).toString('hex'), tol, `${dt} strided`));
    const small = run(xs.map((x) => x.index('3:10')));
    const wantSmall = fromBuffer(new Uint8Array(Buffer.from(c.hex as string, 'hex')).buffer, c.dtype as never).index('3:10');
    if (small instanceof Error) bad.push(`${dt} small: ${small.message}`);
    else bad.push(...mismatches(small, c.dtype as string, Buffer.from(bytesOf(wantSmall)).toString('hex'), tol, `${dt} small`));
  }
  return bad;
}
