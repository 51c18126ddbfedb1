// NumPy's own numpy/_core/tests/test_getlimits.py (NumPy 2.4), ported test by
// test: same names, same intent, the same values, reprs and errors.
//
// Mapping: np.finfo(t) -> finfo(t), np.iinfo(t) -> iinfo(t); a NumPy scalar
// type is its dtype spec (np.float32 -> 'f4', float -> 'f8', int -> 'i8');
// an instance c(1.2) is a JS number (1.2 is float64, 12 int64); id(a) ==
// id(b) -> toBe; getattr(f, 'smallest_normal') -> f.smallestNormal.
//
// Skipped (not counted as passing): the long double lines (no long double
// here); test_subnormal_warning (no warnings to record: smallestSubnormal is
// a plain number); test_regression_gh23108/gh23867 (Python hashing);
// TestRuntimeSubscriptable (types.GenericAlias has no JS counterpart).
import { finfo, iinfo, ValueError, type FInfo, type IInfo } from '../../lib';

const FLOAT_ATTRS = ['bits', 'eps', 'epsneg', 'iexp', 'machep', 'max', 'maxexp', 'min', 'minexp', 'negep', 'nexp', 'nmant', 'precision', 'resolution', 'tiny', 'smallestNormal', 'smallestSubnormal'] as const;

function assertFinfoEqual(f1: FInfo, f2: FInfo): void {
  for (const attr of FLOAT_ATTRS) expect([attr, f1[attr]]).toEqual([attr, f2[attr]]);
}

function assertIinfoEqual(i1: IInfo, i2: IInfo): void {
  for (const attr of ['bits', 'min', 'max'] as const) expect([attr, i1[attr]]).toEqual([attr, i2[attr]]);
}

describe('singletons', () => {
  test.each([['TestPythonFloat', 'f8'], ['TestHalf', 'f2'], ['TestSingle', 'f4'], ['TestDouble', 'float64']])('%s.test_singleton', (_, t) => {
    expect(finfo(t)).toBe(finfo(t));
  });
});

describe('TestFinfo', () => {
  test('test_basic', () => {
    const dts = [['f2', 'float16'], ['f4', 'float32'], ['f8', 'float64'], ['c8', 'complex64'], ['c16', 'complex128']];
    for (const [dt1, dt2] of dts) assertFinfoEqual(finfo(dt1), finfo(dt2));
    expect(() => finfo('i4')).toThrow(ValueError);
  });
});

describe('TestIinfo', () => {
  test('test_basic', () => {
    const dts = [['i1', 'int8'], ['i2', 'int16'], ['i4', 'int32'], ['i8', 'int64'], ['u1', 'uint8'], ['u2', 'uint16'], ['u4', 'uint32'], ['u8', 'uint64']];
    for (const [dt1, dt2] of dts) assertIinfoEqual(iinfo(dt1), iinfo(dt2));
    expect(() => iinfo('f4')).toThrow(ValueError);
  });

  test('test_unsigned_max', () => {
    // T(0) - T(1) wraps to the type's largest value.
    for (const [t, bits] of [['u1', 8], ['u2', 16], ['u4', 32], ['u8', 64]] as const) {
      const wrapped = BigInt.asUintN(bits, 0n - 1n);
      expect(BigInt(iinfo(t).max)).toBe(wrapped);
    }
  });
});

describe('TestRepr', () => {
  test('test_iinfo_repr', () => {
    expect(String(iinfo('int16'))).toBe('iinfo(min=-32768, max=32767, dtype=int16)');
  });

  test('test_finfo_repr', () => {
    expect(String(finfo('float32'))).toBe('finfo(resolution=1e-06, min=-3.4028235e+38, max=3.4028235e+38, dtype=float32)');
  });
});

test('test_instances', () => {
  // Test the finfo and iinfo results on numeric instances agree with the results on the corresponding types
  for (const c of ['i8', 'i2', 'i4', 'i8']) {
    const classIinfo = iinfo(c);
    const instanceIinfo = iinfo(c === 'i8' ? 12 : c); // int(12) is int64; np.int16(12) is its dtype here
    assertIinfoEqual(classIinfo, instanceIinfo);
  }
  for (const c of ['f8', 'f2', 'f4', 'f8']) {
    const classFinfo = finfo(c);
    const instanceFinfo = finfo(c === 'f8' ? 1.2 : c);
    assertFinfoEqual(classFinfo, instanceFinfo);
  }
  expect(() => iinfo(10.5)).toThrow(ValueError); // NumPy's iinfo(10.): a float
  expect(() => iinfo('hi')).toThrow(ValueError);
  expect(() => finfo(1n)).toThrow(ValueError); // np.int64(1)
});

test('test_plausible_finfo', () => {
  for (const ftype of ['f2', 'f4', 'f8', 'c8', 'c16']) {
    const info = finfo(ftype);
    expect(info.nmant).toBeGreaterThan(1);
    expect(info.minexp).toBeLessThan(-1);
    expect(info.maxexp).toBeGreaterThan(1);
  }
});
