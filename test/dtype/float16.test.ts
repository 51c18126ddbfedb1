// float16 against NumPy: every bit pattern decodes to NumPy's value, and
// encoding (one rounding, half to even) matches NumPy's float64 -> float16 cast.
import { float16Bits, float16Value, FLOAT16_MAX, FLOAT16_MIN_SUBNORMAL } from '../../lib/dtype/float16';
import { isnan, signbit, zeros } from '../../lib';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

const hexToF64 = (hex: string): Float64Array => new Float64Array(new Uint8Array(Buffer.from(hex, 'hex')).buffer);
const f64ToHex = (xs: number[]): string => Buffer.from(new Float64Array(xs).buffer).toString('hex');

describeWithNumpy('float16 vs NumPy', () => {
  test('all 65536 bit patterns decode to what NumPy says', () => {
    const want = hexToF64(runNumpy<string>(`print(json.dumps(np.arange(65536, dtype='<u2').view('<f2').astype('<f8').tobytes().hex()))`));
    for (let b = 0; b < 65536; b++) {
      if (!Object.is(float16Value(b), want[b])) throw new Error(`0x${b.toString(16)}: ${float16Value(b)} != ${want[b]}`);
    }
  });

  test('encoding matches NumPy for every midpoint, its neighbours and random doubles', () => {
    const xs: number[] = [NaN, -NaN, Infinity, -Infinity, 0, -0, FLOAT16_MAX, 65519.99, 65520, -65520, 1e300, 5e-324, 2049 + 2 ** -13];
    for (let b = 0; b < 0x7c00; b++) {
      const lo = float16Value(b);
      const hi = float16Value(b + 1);
      const mid = (lo + hi) / 2; // exact in float64
      xs.push(lo, -lo, mid, -mid, mid + mid * 2 ** -40, mid - mid * 2 ** -40);
    }
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 20000; i++) xs.push((rand() - 0.5) * 2 ** (Math.floor(rand() * 44) - 28));
    const want = Buffer.from(
      runNumpy<string>(`
import warnings
warnings.simplefilter('ignore')
x = np.frombuffer(bytes.fromhex(sys.stdin.read()), '<f8')
print(json.dumps(x.astype('<f2').view('<u2').astype('<u4').tobytes().hex()))`, f64ToHex(xs)),
      'hex',
    );
    const bits = new Uint32Array(new Uint8Array(want).buffer);
    for (let i = 0; i < xs.length; i++) {
      if (float16Bits(xs[i]) !== bits[i]) throw new Error(`${xs[i]}: 0x${float16Bits(xs[i]).toString(16)} != 0x${bits[i].toString(16)}`);
    }
  });
});

describe('float16', () => {
  test('round-trips every non-NaN pattern', () => {
    for (let b = 0; b < 65536; b++) {
      const v = float16Value(b);
      if (v === v && float16Bits(v) !== b) throw new Error(`0x${b.toString(16)}`);
    }
  });

  test('edge values', () => {
    expect(float16Value(0x7bff)).toBe(65504);
    expect(float16Bits(65504)).toBe(0x7bff);
    expect(float16Bits(65519)).toBe(0x7bff);
    expect(float16Bits(65520)).toBe(0x7c00); // tie between 65504 and 2^16 goes to even: inf
    expect(float16Bits(-1e9)).toBe(0xfc00);
    expect(float16Value(1)).toBe(FLOAT16_MIN_SUBNORMAL);
    expect(float16Bits(2 ** -24)).toBe(1);
    expect(float16Bits(2 ** -25)).toBe(0); // tie: to even (zero)
    expect(float16Bits(3 * 2 ** -25)).toBe(2); // tie: to even (2 * 2^-24)
    expect(float16Bits(-0)).toBe(0x8000);
    expect(float16Bits(NaN)).toBe(0x7e00);
    expect(float16Bits(1 + 2 ** -11)).toBe(0x3c00); // tie below: stays on even 1.0
    expect(float16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02); // tie above: rounds up to even
    expect(float16Bits(2049 + 2 ** -13)).toBe(0x6801); // one rounding: 2050, not 2048 via float32
  });
});

describe('float16 NaN payload', () => {
  // NumPy's half -> float -> half keeps a NaN's bits (npy_halfbits_to_doublebits
  // and back), and x86 arithmetic passes an input NaN through: the float16
  // result of floor_divide(0xffff NaN, 3.5) is 0xffff again (fuzz seed 8532).
  test('every NaN pattern survives a decode and encode', () => {
    for (let b = 0; b < 65536; b++) {
      if ((b & 0x7c00) !== 0x7c00 || (b & 0x3ff) === 0) continue;
      if (float16Bits(float16Value(b)) !== b) throw new Error(`0x${b.toString(16)} -> 0x${float16Bits(float16Value(b)).toString(16)}`);
    }
  });
});

describe('float16 NaN sign', () => {
  // NumPy's npy_halfbits_to_doublebits keeps a NaN's sign: signbit(a) equals
  // signbit(a.astype('f4')) for every float16 (test_half.py's test_nans_infs).
  const signOf = (x: number): number => new Uint8Array(new Float64Array([x]).buffer)[7] >> 7;
  test('a negative NaN decodes to a NaN with the sign bit set; a positive one without', () => {
    for (const b of [0xfc01, 0xfe00, 0xffff]) {
      expect(float16Value(b)).toBeNaN();
      expect(signOf(float16Value(b))).toBe(1);
    }
    for (const b of [0x7c01, 0x7e00, 0x7fff]) expect(signOf(float16Value(b))).toBe(0);
  });

  test('the sign survives a cast to float32 and float64, small (JS) and large (native) arrays', () => {
    for (const n of [3, 1 << 16]) {
      const a = zeros(n, 'u2');
      a.fill(0xfe00);
      for (const to of ['f4', 'f8'] as const) {
        expect(signbit(a.view('f2').astype(to)).toArray()).toEqual(new Array(n).fill(true));
        expect(isnan(a.view('f2').astype(to)).toArray()).toEqual(new Array(n).fill(true));
      }
    }
  });
});
