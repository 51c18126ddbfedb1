// NumPy's own numpy/_core/tests/test_scalarprint.py (NumPy 2.4), the tests of
// np.format_float_positional and np.format_float_scientific (Dragon4),
// ported test by test: same names, same expected text.
//
// Mapping: np.float32(s) / np.float16(s) -> a 0-d array of that dtype
// (array(Number(s), 'float32')); np.float64(s) -> the JS number; keywords
// -> an options object (pad_left -> padLeft, min_digits -> minDigits, ...);
// NumPy's RuntimeError "Float formatting result too large" -> RangeError of
// that message.
//
// Left out (not counted as passing): TestRealScalars.test_str,
// test_scalar_cutoffs, test_gh_28679 and test_legacy_2_2_mode (the str()
// of NumPy scalar objects: mmarray's scalars are JS numbers), the float128
// parametrizations, test_ppc64_ibm_double_double128.
import { array } from '../../lib';
import { ValueError } from '../../lib/errors';
import { formatFloatPositional as fpos, formatFloatScientific as fsci } from '../../lib/float-digits';

type Tp = (s: string) => number | object;
const f16: Tp = (s) => array(Number(s), 'float16');
const f32: Tp = (s) => array(Number(s), 'float32');
const f64: Tp = (s) => Number(s);
const TYPES: [string, Tp][] = [['float16', f16], ['float32', f32], ['float64', f64]];

describe('TestRealScalars', () => {
  test('test_dragon4', () => {
    const fpos32 = (x: string | number, k: object = {}): string => fpos(f32(String(x)), k);
    const fsci32 = (x: string | number, k: object = {}): string => fsci(f32(String(x)), k);
    const fpos64 = (x: string | number, k: object = {}): string => fpos(f64(String(x)), k);
    const fsci64 = (x: string | number, k: object = {}): string => fsci(f64(String(x)), k);
    const preckwd = (prec: number): object => ({ unique: false, precision: prec });

    expect(fpos32('1.0')).toBe('1.');
    expect(fsci32('1.0')).toBe('1.e+00');
    expect(fpos32('10.234')).toBe('10.234');
    expect(fpos32('-10.234')).toBe('-10.234');
    expect(fsci32('10.234')).toBe('1.0234e+01');
    expect(fsci32('-10.234')).toBe('-1.0234e+01');
    expect(fpos32('1000.0')).toBe('1000.');
    expect(fpos32('1.0', { precision: 0 })).toBe('1.');
    expect(fsci32('1.0', { precision: 0 })).toBe('1.e+00');
    expect(fpos32('10.234', { precision: 0 })).toBe('10.');
    expect(fpos32('-10.234', { precision: 0 })).toBe('-10.');
    expect(fsci32('10.234', { precision: 0 })).toBe('1.e+01');
    expect(fsci32('-10.234', { precision: 0 })).toBe('-1.e+01');
    expect(fpos32('10.234', { precision: 2 })).toBe('10.23');
    expect(fsci32('-10.234', { precision: 2 })).toBe('-1.02e+01');
    expect(fsci64('9.9999999999999995e-08', preckwd(16))).toBe('9.9999999999999995e-08');
    expect(fsci64('9.8813129168249309e-324', preckwd(16))).toBe('9.8813129168249309e-324');
    expect(fsci64('9.9999999999999694e-311', preckwd(16))).toBe('9.9999999999999694e-311');

    // test rounding
    expect(fpos32('3.14159265358979323846', preckwd(10))).toBe('3.1415927410');
    expect(fsci32('3.14159265358979323846', preckwd(10))).toBe('3.1415927410e+00');
    expect(fpos64('3.14159265358979323846', preckwd(10))).toBe('3.1415926536');
    expect(fsci64('3.14159265358979323846', preckwd(10))).toBe('3.1415926536e+00');
    expect(fpos32('299792458.0', preckwd(5))).toBe('299792448.00000');
    expect(fsci32('299792458.0', preckwd(5))).toBe('2.99792e+08');
    expect(fpos64('299792458.0', preckwd(5))).toBe('299792458.00000');
    expect(fsci64('299792458.0', preckwd(5))).toBe('2.99792e+08');
    expect(fpos32('3.14159265358979323846', preckwd(25))).toBe('3.1415927410125732421875000');
    expect(fpos64('3.14159265358979323846', preckwd(50))).toBe('3.14159265358979311599796346854418516159057617187500');
    expect(fpos64('3.14159265358979323846')).toBe('3.141592653589793');

    // smallest numbers
    expect(fpos32(0.5 ** (126 + 23), { unique: false, precision: 149 })).toBe(
      '0.00000000000000000000000000000000000000000000140129846432' +
        '4817070923729583289916131280261941876515771757068283889791' +
        '08268586060148663818836212158203125',
    );
    const tiny = fpos64(5e-324, { unique: false, precision: 1074 });
    expect(tiny.length).toBe(1076);
    expect(tiny.startsWith(`0.${'0'.repeat(323)}49406564584124654417656`)).toBe(true);
    expect(tiny.endsWith('87538682506419718265533447265625')).toBe(true);

    // largest numbers
    const f32x = 3.4028234663852886e38;
    expect(fpos32(f32x, preckwd(0))).toBe('340282346638528859811704183484516925440.');
    expect(fpos64(1.7976931348623157e308, preckwd(0))).toBe(
      '1797693134862315708145274237317043567980705675258449965989' +
        '1747680315726078002853876058955863276687817154045895351438' +
        '2464234321326889464182768467546703537516986049910576551282' +
        '0762454900903893289440758685084551339423045832369032229481' +
        '6580855933212334827479782620414472316873817718091929988125' +
        '0404026184124858368.',
    );
    expect(fpos32(f32x)).toBe('340282350000000000000000000000000000000.');
    expect(fpos32(f32x, { unique: true, fractional: true, precision: 0 })).toBe('340282350000000000000000000000000000000.');
    expect(fpos32(f32x, { unique: true, fractional: true, precision: 4 })).toBe('340282350000000000000000000000000000000.');
    expect(fpos32(f32x, { unique: true, fractional: true, minDigits: 0 })).toBe('340282346638528859811704183484516925440.');
    expect(fpos32(f32x, { unique: true, fractional: true, minDigits: 4 })).toBe('340282346638528859811704183484516925440.0000');
    expect(fpos32(f32x, { unique: true, fractional: true, minDigits: 4, precision: 4 })).toBe('340282346638528859811704183484516925440.0000');
    expect(() => fpos32(f32x, { unique: true, fractional: false, precision: 0 })).toThrow(ValueError);
    expect(fpos32(f32x, { unique: true, fractional: false, precision: 4 })).toBe('340300000000000000000000000000000000000.');
    expect(fpos32(f32x, { unique: true, fractional: false, precision: 20 })).toBe('340282350000000000000000000000000000000.');
    expect(fpos32(f32x, { unique: true, fractional: false, minDigits: 4 })).toBe('340282350000000000000000000000000000000.');
    expect(fpos32(f32x, { unique: true, fractional: false, minDigits: 20 })).toBe('340282346638528859810000000000000000000.');
    expect(fpos32(f32x, { unique: true, fractional: false, minDigits: 15 })).toBe('340282346638529000000000000000000000000.');
    expect(fpos32(f32x, { unique: false, fractional: false, precision: 4 })).toBe('340300000000000000000000000000000000000.');

    // gh-18609: unique rounding kept when precision is given but no extra digits are needed
    const a = -(2 ** -97);
    expect(fsci64(a, { unique: true })).toBe('-6.310887241768095e-30');
    expect(fsci64(a, { unique: false, precision: 15 })).toBe('-6.310887241768094e-30');
    expect(fsci64(a, { unique: true, precision: 15 })).toBe('-6.310887241768095e-30');
    expect(fsci64(a, { unique: true, minDigits: 15 })).toBe('-6.310887241768095e-30');
    expect(fsci64(a, { unique: true, precision: 15, minDigits: 15 })).toBe('-6.310887241768095e-30');
    expect(fsci64(a, { unique: true, precision: 14 })).toBe('-6.31088724176809e-30');
    expect(fsci64(a, { unique: true, minDigits: 16 })).toBe('-6.3108872417680944e-30');
    expect(fsci64(a, { unique: true, precision: 16 })).toBe('-6.310887241768095e-30');
    expect(fsci64(a, { unique: true, minDigits: 14 })).toBe('-6.310887241768095e-30');
    expect(fsci64('1e120', { minDigits: 3 })).toBe('1.000e+120');
    expect(fsci64('1e100', { minDigits: 3 })).toBe('1.000e+100');

    // trailing zeros
    expect(fpos32('1.0', { unique: false, precision: 3 })).toBe('1.000');
    expect(fpos64('1.0', { unique: false, precision: 3 })).toBe('1.000');
    expect(fsci32('1.0', { unique: false, precision: 3 })).toBe('1.000e+00');
    expect(fsci64('1.0', { unique: false, precision: 3 })).toBe('1.000e+00');
    expect(fpos32('1.5', { unique: false, precision: 3 })).toBe('1.500');
    expect(fpos64('1.5', { unique: false, precision: 3 })).toBe('1.500');
    expect(fsci32('1.5', { unique: false, precision: 3 })).toBe('1.500e+00');
    expect(fsci64('1.5', { unique: false, precision: 3 })).toBe('1.500e+00');
    // gh-10713
    expect(fpos64('324', { unique: false, precision: 5, fractional: false })).toBe('324.00');
  });

  test.each(TYPES)('test_dragon4_positional_interface[%s]', (_name, tp) => {
    expect(fpos(tp('1.0'), { padLeft: 4, padRight: 4 })).toBe('   1.    ');
    expect(fpos(tp('-1.0'), { padLeft: 4, padRight: 4 })).toBe('  -1.    ');
    expect(fpos(tp('-10.2'), { padLeft: 4, padRight: 4 })).toBe(' -10.2   ');
    expect(fpos(tp('1.0'), { unique: false, precision: 4 })).toBe('1.0000');
  });

  test.each(TYPES)('test_dragon4_positional_interface_trim[%s]', (name, tp) => {
    const twelve = name !== 'float16' ? '1.2' : '1.2002';
    expect(fpos(tp('1.'), { unique: false, precision: 4, trim: 'k' })).toBe('1.0000');
    expect(fpos(tp('1.'), { unique: false, precision: 4, trim: '.' })).toBe('1.');
    expect(fpos(tp('1.2'), { unique: false, precision: 4, trim: '.' })).toBe(twelve);
    expect(fpos(tp('1.'), { unique: false, precision: 4, trim: '0' })).toBe('1.0');
    expect(fpos(tp('1.2'), { unique: false, precision: 4, trim: '0' })).toBe(twelve);
    expect(fpos(tp('1.'), { trim: '0' })).toBe('1.0');
    expect(fpos(tp('1.'), { unique: false, precision: 4, trim: '-' })).toBe('1');
    expect(fpos(tp('1.2'), { unique: false, precision: 4, trim: '-' })).toBe(twelve);
    expect(fpos(tp('1.'), { trim: '-' })).toBe('1');
    expect(fpos(tp('1.001'), { precision: 1, trim: '-' })).toBe('1');
  });

  for (const padVal of [10 ** 5, 2147483647]) {
    test.each(TYPES)(`test_dragon4_positional_interface_overflow[%s-${padVal}]`, (_name, tp) => {
      expect(() => fpos(tp('1.047'), { unique: false, precision: padVal })).toThrow('Float formatting result too large');
      expect(() => fpos(tp('1.047'), { precision: 2, padLeft: padVal })).toThrow('Float formatting result too large');
      expect(() => fpos(tp('1.047'), { precision: 2, padRight: padVal })).toThrow('Float formatting result too large');
    });
  }

  test.each(TYPES)('test_dragon4_scientific_interface[%s]', (_name, tp) => {
    expect(fsci(tp('1.23e1'), { expDigits: 5 })).toBe('1.23e+00001');
    expect(fsci(tp('1.0'), { unique: false, precision: 4 })).toBe('1.0000e+00');
  });
});
