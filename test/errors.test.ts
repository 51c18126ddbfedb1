// The library's error classes (lib/errors.ts): NumPy's names, a stable
// `code` on each, the subclass relations NumPy has, and repr() for messages.
import { AccessError, AxisError, IndexError, KeyError, OverflowError, TooHardError, ValueError, ZeroDivisionError, formatByteSize, repr } from '../lib/errors';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

test.each([
  [ValueError, 'ValueError', 'ERR_VALUE', Error],
  [IndexError, 'IndexError', 'ERR_INDEX', RangeError],
  [AxisError, 'AxisError', 'ERR_AXIS', ValueError],
  [KeyError, 'KeyError', 'ERR_KEY', Error],
  [OverflowError, 'OverflowError', 'ERR_OVERFLOW', RangeError],
  [TooHardError, 'TooHardError', 'ERR_TOO_HARD', Error],
  [ZeroDivisionError, 'ZeroDivisionError', 'ERR_ZERO_DIVISION', RangeError],
] as const)('%p: name %s, code %s, a kind of %p', (Cls, name, code, Parent) => {
  const e = new (Cls as new (m: string) => Error & { code: string })('what went wrong');
  expect(e).toBeInstanceOf(Parent);
  expect(e).toBeInstanceOf(Error);
  expect(e.name).toBe(name);
  expect(e.code).toBe(code);
  expect(e.message).toBe('what went wrong');
});

test('AccessError carries the code it was given: read-only writes and closed mappings', () => {
  const ro = new AccessError('ERR_READ_ONLY', 'assignment destination is read-only');
  const closed = new AccessError('ERR_CLOSED', "mapping of 'x' is closed");
  expect([ro.name, ro.code, closed.code]).toEqual(['AccessError', 'ERR_READ_ONLY', 'ERR_CLOSED']);
  expect(ro).toBeInstanceOf(Error);
});

test('repr() quotes strings, marks BigInts, brackets arrays and names byte arrays', () => {
  expect(repr('f32')).toBe("'f32'");
  expect(repr(5n)).toBe('5n');
  expect(repr([1, 'a', [2n]])).toBe("[1, 'a', [2n]]");
  expect(repr(new Uint8Array(3))).toBe('Uint8Array(3)');
  expect(repr({ shape: [2] })).toBe('{"shape":[2]}');
  expect(repr(null)).toBe('null');
  expect(repr(undefined)).toBe('undefined');
  expect(repr(1.5)).toBe('1.5');
});

test('repr() of an object JSON cannot hold falls back to String()', () => {
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  expect(repr(cyclic)).toBe('[object Object]');
});

describeWithNumpy("formatByteSize: NumPy's MemoryError sizes", () => {
  test('bytes, three significant digits with the point kept, whole digits from 1000, EiB at most', () => {
    const sizes = ['0', '1', '1023', '1024', '1536', '1048575', '1022976', '1023488', '1073419701452', '12345678901', '1200757082375992968', '9223372036854775807', '147573952589676412928'];
    const theirs = runNumpy<string[]>(`from numpy._core._exceptions import _ArrayMemoryError as E
print(json.dumps([E._size_to_string(int(x)) for x in ${JSON.stringify(sizes)}]))`);
    expect(sizes.map((s) => formatByteSize(BigInt(s)))).toEqual(theirs);
  });
});
