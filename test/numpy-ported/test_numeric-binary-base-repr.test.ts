// NumPy's own numpy/_core/tests/test_numeric.py (NumPy 2.4): classes
// TestBinaryRepr and TestBaseRepr, ported test by test (same names, intent
// and values). np.int64(x) / np.int8(x) -> a bigint or number.
//
// Skipped (not counted as passing): none.
import { baseRepr, binaryRepr, ValueError } from '../../lib';

describe('TestBinaryRepr', () => {
  test('test_zero', () => expect(binaryRepr(0)).toBe('0'));
  test('test_positive', () => {
    expect(binaryRepr(10)).toBe('1010');
    expect(binaryRepr(12522)).toBe('11000011101010');
    expect(binaryRepr(10736848)).toBe('101000111101010011010000');
  });
  test('test_negative', () => {
    expect(binaryRepr(-1)).toBe('-1');
    expect(binaryRepr(-10)).toBe('-1010');
    expect(binaryRepr(-12522)).toBe('-11000011101010');
    expect(binaryRepr(-10736848)).toBe('-101000111101010011010000');
  });
  test('test_sufficient_width', () => {
    expect(binaryRepr(0, 5)).toBe('00000');
    expect(binaryRepr(10, 7)).toBe('0001010');
    expect(binaryRepr(-5, 7)).toBe('1111011');
  });
  test('test_neg_width_boundaries', () => {
    expect(binaryRepr(-128, 8)).toBe('10000000');
    for (let width = 1; width < 11; width++) {
      expect(binaryRepr(-(2 ** (width - 1)), width)).toBe(`1${'0'.repeat(width - 1)}`);
    }
  });
  test('test_large_neg_int64', () => {
    expect(binaryRepr(-(2n ** 62n), 64)).toBe(`11${'0'.repeat(62)}`);
  });
});

describe('TestBaseRepr', () => {
  test('test_base3', () => expect(baseRepr(3 ** 5, 3)).toBe('100000'));
  test('test_positive', () => {
    expect(baseRepr(12, 10)).toBe('12');
    expect(baseRepr(12, 10, 4)).toBe('000012');
    expect(baseRepr(12, 4)).toBe('30');
    expect(baseRepr(3731624803700888, 36)).toBe('10QR0ROFCEW');
  });
  test('test_negative', () => {
    expect(baseRepr(-12, 10)).toBe('-12');
    expect(baseRepr(-12, 10, 4)).toBe('-000012');
    expect(baseRepr(-12, 4)).toBe('-30');
  });
  test('test_base_range', () => {
    expect(() => baseRepr(1, 1)).toThrow(ValueError);
    expect(() => baseRepr(1, 37)).toThrow(ValueError);
  });
  test('test_minimal_signed_int', () => expect(baseRepr(-128)).toBe('-10000000'));
});
