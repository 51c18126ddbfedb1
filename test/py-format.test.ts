// Python's %-formatting (lib/py-format.ts, savetxt's fmt) against Python
// itself: every conversion of a spread of doubles, halfway cases, integers
// past 2**53, and the flags.
import { formatValue, parseFormat, formatPieces } from '../lib/py-format';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

const SPECS = ['%.18e', '%e', '%.3f', '%f', '%.0f', '%#.0f', '%g', '%.3g', '%#g', '%.10g', '%G', '%E', '%10.4f', '%-10.2e|', '%+.2f', '% .1e', '%010.3f', '%d', '%5d', '%-5d|', '%+d', '%s', '%.17g', '%.0e', '%F'];
const VALUES = [0, -0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 1e-5, 123456.789, 1e21, 1.5e22, -9.87654321e-300, 5e-324, 1.7976931348623157e308, 0.1, 2 / 3, 1e16, 12345678901234567890, Infinity, -Infinity, NaN, 999.9995, 0.0005];

describeWithNumpy("Python's % formatting", () => {
  test('floats under every conversion match Python (ties to even, exponents, flags, inf and nan)', () => {
    const cases: [string, number][] = [];
    for (const s of SPECS) for (const v of VALUES) cases.push([s, v]);
    // Each double as JS's shortest text, which Python's float() reads back exactly ('-0', 'Infinity', 'NaN' included).
    const want = runNumpy<string[]>(`
out = []
for s, v in json.load(sys.stdin):
    try:
        out.append(s % float(v))
    except Exception as e:
        out.append(type(e).__name__)
print(json.dumps(out))
`, JSON.stringify(cases.map(([s, v]) => [s, Object.is(v, -0) ? '-0' : String(v)])));
    cases.forEach(([s, v], i) => {
      let got: string;
      try {
        got = formatPieces(parseFormat(s), [v]);
      } catch (e) {
        got = (e as Error).name === 'RangeError' ? 'OverflowError' : (e as Error).name;
      }
      expect({ s, v, got }).toEqual({ s, v, got: want[i] });
    });
  });

  test('random doubles and short decimals (the fast path and its tie fallback) match Python', () => {
    let seed = 12345;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const values: number[] = [];
    for (let i = 0; i < 1500; i++) values.push((rnd() - 0.5) * 10 ** Math.floor(rnd() * 40 - 20));
    // Short decimals and binary fractions: exact decimals that stop at a 5, the ties.
    for (let i = 0; i < 300; i++) values.push(Math.floor(rnd() * 2000) / 8, Math.floor(rnd() * 100000) / 1024, Math.floor(rnd() * 1e6) + 0.5);
    const specs = ['%.18e', '%.17g', '%.6f', '%.2e', '%.1f', '%.3f', '%g', '%.0e'];
    const cases = specs.flatMap((sp) => values.map((v) => [sp, String(v)] as const));
    const want = runNumpy<string[]>('print(json.dumps([s % float(v) for s, v in json.load(sys.stdin)]))', JSON.stringify(cases));
    const got = cases.map(([sp, v]) => formatPieces(parseFormat(sp), [Number(v)]));
    const bad = got.map((g, i) => [cases[i], g, want[i]]).filter(([, g, w]) => g !== w);
    expect(bad).toEqual([]);
  });

  test('integers (bigint past 2**53) and bools', () => {
    const ints = [0n, 7n, -7n, 2n ** 63n - 1n, -(2n ** 63n), 2n ** 64n - 1n];
    const specs = ['%d', '%x', '%#o', '%X', '%#x', '%.3e', '%s', '%08d', '%.20g'];
    const want = runNumpy<string[]>(`print(json.dumps([s % v for s in ${JSON.stringify(specs)} for v in [${ints.join(', ')}, True, False]]))`);
    const got: string[] = [];
    for (const s of specs) for (const v of [...ints, true, false]) got.push(formatPieces(parseFormat(s), [v]));
    expect(got).toEqual(want);
  });
});

test('a bad conversion is a ValueError', () => {
  expect(() => parseFormat('%q')).toThrow(/unsupported format character 'q'/);
  expect(() => parseFormat('%')).toThrow(/incomplete format/);
  expect(formatValue({ flags: '', width: 0, precision: 2, type: 'f' }, 1.005)).toBe('1.00');
});
