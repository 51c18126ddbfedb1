// NumPy's own numpy/_core/tests/test_umath_accuracy.py (NumPy 2.4), ported:
// the transcendental ufuncs against NumPy's validation sets (the
// umath-validation-set-*.csv files shipped in numpy/_core/tests/data, read
// from the installed NumPy: inputs and correctly rounded outputs as hex bit
// patterns, with the largest error in ULP allowed for each), and every
// float16 value through each unary float ufunc against the float32 result
// cast to float16, within 1 ULP.
//
// Mapping: np.<name> -> the camelCase ufunc (logical_not -> logicalNot);
// assert_array_max_ulp -> maxUlp below, NumPy's nulp_diff: the distance of
// the two bit patterns read as sign-magnitude integers, every NaN equal to
// every NaN. The rows of a file are not shuffled (NumPy permutes them only
// to vary the SIMD lanes; the checks here are per item).
//
// Left out: test_validate_transcendentals' platform skip (NumPy runs it on
// x86-64 with AVX only; these are mmarray's own loops, so it runs
// everywhere), `_ones_like` (a private NumPy ufunc), and the tests of
// object-dtype and long double loops (no such dtypes here).
import * as fs from 'fs';
import * as path from 'path';
import * as mm from '../../lib';
import type { NdArray } from '../../lib';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

type Unary = (x: NdArray) => NdArray;
const ufunc = (name: string): Unary => {
  const f = (mm as unknown as Record<string, Unary | undefined>)[name];
  if (typeof f !== 'function') throw new Error(`mmarray has no ufunc ${name}`);
  return f;
};

/** NumPy's nulp_diff for float32 (bits as int32) or float64 (bits as int64). */
function ulpDistances(got: NdArray, want: NdArray, width: 16 | 32 | 64): bigint[] {
  const signBit = 1n << BigInt(width - 1);
  const expMask = width === 16 ? 0x7c00n : width === 32 ? 0x7f800000n : 0x7ff0000000000000n;
  const fracMask = width === 16 ? 0x3ffn : width === 32 ? 0x7fffffn : 0xfffffffffffffn;
  const unsigned = width === 16 ? 'uint16' : width === 32 ? 'uint32' : 'uint64';
  const bitsOf = (a: NdArray): bigint[] => (a.view(unsigned).toArray() as (number | bigint)[]).map((v) => BigInt(v));
  const ordered = (b: bigint): bigint | null => {
    if ((b & expMask) === expMask && (b & fracMask) !== 0n) return null; // NaN
    return b & signBit ? -(b & ~signBit) : b;
  };
  const g = bitsOf(got);
  const w = bitsOf(want);
  return g.map((gb, i) => {
    const x = ordered(gb);
    const y = ordered(w[i]);
    if (x === null && y === null) return 0n;
    if (x === null || y === null) return 1n << 62n; // a NaN against a number
    return x > y ? x - y : y - x;
  });
}

function maxUlp(got: NdArray, want: NdArray, width: 16 | 32 | 64): { max: bigint; at: number } {
  const d = ulpDistances(got, want, width);
  let max = 0n;
  let at = -1;
  d.forEach((v, i) => {
    if (v > max) {
      max = v;
      at = i;
    }
  });
  return { max, at };
}

describeWithNumpy('TestAccuracy', () => {
  const dataDir = runNumpy<string>(
    "import os\nprint(json.dumps(os.path.join(os.path.dirname(np._core.__file__), 'tests', 'data')))",
  );
  const files = fs.readdirSync(dataDir).filter((f) => f.startsWith('umath-validation-set-') && f.endsWith('.csv'));

  test('the validation sets are there (one per transcendental)', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  describe('test_validate_transcendentals', () => {
    for (const file of files) {
      const npname = path.basename(file, '.csv').split('-')[3];
      test(npname, () => {
        const rows = fs
          .readFileSync(path.join(dataDir, file), 'utf8')
          .split('\n')
          .filter((r) => r.length > 0 && r[0] !== '$' && r[0] !== '#')
          .slice(1) // the header
          .map((r) => r.split(','));
        const fn = ufunc(npname);
        let checked = 0;
        for (const [type, dtype, width] of [
          ['np.float32', 'float32', 32],
          ['np.float64', 'float64', 64],
        ] as const) {
          const subset = rows.filter((r) => r[0].trim() === type);
          if (subset.length === 0) continue;
          const unsigned = width === 32 ? 'uint32' : 'uint64';
          const bits = (col: number): NdArray =>
            mm.array(subset.map((r) => BigInt(r[col].trim())), unsigned).view(dtype);
          const input = bits(1);
          const output = bits(2);
          const allowed = BigInt(Math.max(...subset.map((r) => Number(r[3]))));
          const got = fn(input);
          expect(got.dtype.toString()).toBe(dtype);
          const { max, at } = maxUlp(got, output, width);
          if (max > allowed) {
            throw new Error(
              `${npname}(${type}) differs by ${max} ULP (allowed ${allowed}) at input ${subset[at][1]}: ` +
                `got ${String(got.get(at))}, want ${String(output.get(at))}`,
            );
          }
          checked += subset.length;
        }
        expect(checked).toBeGreaterThan(0);
      });
    }
  });

  describe('test_validate_fp16_transcendentals', () => {
    // NumPy's UNARY_OBJECT_UFUNCS less invert, bitwise_count and _ones_like.
    const UNARY = runNumpy<string[]>(
      'U = [o for o in np._core.umath.__dict__.values() if isinstance(o, np.ufunc)]\n' +
        "U = [u.__name__ for u in U if 'O->O' in u.types and u not in (np.invert, np.bitwise_count)]\n" +
        "print(json.dumps(sorted(set(u for u in U if not u.startswith('_')))))",
    );
    const camel = (s: string): string => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    const every16 = mm.arange(0, 65536, 1, 'int32').astype('uint16').view('float16');
    const as32 = every16.astype('float32');

    test('the ufunc list is NumPy\'s', () => {
      expect(UNARY).toEqual(expect.arrayContaining(['sin', 'cbrt', 'logical_not', 'reciprocal', 'rint']));
    });

    for (const name of UNARY) {
      test(name, () => {
        const fn = ufunc(camel(name));
        const r16 = fn(every16);
        const r32 = fn(as32);
        if (r16.dtype.toString() === 'bool') {
          // logical_not: no ULPs, the same truth values
          expect(r16.toArray()).toEqual(r32.toArray());
          return;
        }
        expect(r16.dtype.toString()).toBe('float16');
        const { max, at } = maxUlp(r16, r32.astype('float16'), 16);
        if (max > 1n) {
          throw new Error(`${name}(float16) differs by ${max} ULP at ${String(every16.get(at))}`);
        }
      });
    }
  });
});

describe('maxUlp (NumPy nulp_diff)', () => {
  test('counts representable floats between two values, NaNs equal', () => {
    const a = mm.array([1, 1, 0, -0, Number.NaN, -1], 'float32');
    const eps = 2 ** -23;
    const b = mm.array([1 + eps, 1 + 3 * eps, 2 ** -149, 2 ** -149, -Number.NaN, -1 - eps], 'float32');
    expect(ulpDistances(a, b, 32)).toEqual([1n, 3n, 1n, 1n, 0n, 1n]);
    expect(ulpDistances(mm.array([Number.NaN], 'float64'), mm.array([0], 'float64'), 64)[0]).toBeGreaterThan(1n << 60n);
  });
});
