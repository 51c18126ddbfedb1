// fromstring (text mode) against NumPy's np.fromstring(..., sep=...):
// dtypes, separators with whitespace, count; NumPy's errors.
import * as lib from '../lib';
import { fromstring } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLikeNumpy, inputs } from './helpers/np-shape';
import { runInChild } from './helpers/child';

describeWithNumpy('fromstring against NumPy', () => {
  const I = inputs(lib);
  test('separators, dtypes, count, errors', () => {
    expectLikeNumpy(
      [
        ["np.fromstring('1 2 3', sep=' ')", () => fromstring('1 2 3', { sep: ' ' })],
        ["np.fromstring('  1\\n 2\\t3  ', sep=' ')", () => fromstring('  1\n 2\t3  ', { sep: ' ' })],
        ["np.fromstring('1, 2 ,3', sep=',', dtype=np.int32)", () => fromstring('1, 2 ,3', { sep: ',', dtype: 'i4' })],
        // (NumPy 2.4's text mode stores a '>f4' item in native order under the '>f4' label, a bug not copied: '<f4' here.)
        ["np.fromstring('1.5;-2e3;inf;nan', sep=';', dtype='<f4')", () => fromstring('1.5;-2e3;inf;nan', { sep: ';', dtype: '<f4' })],
        ["np.fromstring('1,2,3,4', sep=',', count=2)", () => fromstring('1,2,3,4', { sep: ',', count: 2 })],
        ["np.fromstring('', sep=' ')", () => fromstring('', { sep: ' ' })],
        ["np.fromstring('9007199254740993 -5', sep=' ', dtype=np.int64)", () => fromstring('9007199254740993 -5', { sep: ' ', dtype: 'i8' })],
        ["np.fromstring('1 0 2', sep=' ', dtype=bool)", () => fromstring('1 0 2', { sep: ' ', dtype: '?' })],
        ["np.fromstring(b'12345678', dtype=np.uint8)", () => fromstring('12345678', { sep: '', dtype: 'u1' })],
        // Out of the item's range: no error; int64's or uint64's end, then a cast (a signed string item past
        // either end is int64's maximum, where fromfile saturates a negative one at the minimum).
        ["np.fromstring('300 99999999999', sep=' ', dtype=np.uint8)", () => fromstring('300 99999999999', { sep: ' ', dtype: 'u1' })],
        ["np.fromstring('300 -1 99999999999 -99999999999999999999999', sep=' ', dtype=np.int32)", () => fromstring('300 -1 99999999999 -99999999999999999999999', { sep: ' ', dtype: 'i4' })],
        ["np.fromstring('-0 +5', sep=' ', dtype=bool)", () => fromstring('-0 +5', { sep: ' ', dtype: '?' })],
        ["np.fromstring('-99999999999999999999999 18446744073709551616', sep=' ', dtype=np.int64)", () => fromstring('-99999999999999999999999 18446744073709551616', { sep: ' ', dtype: 'i8' })],
        ["np.fromstring('99999999999999999999999 9223372036854775808', sep=' ', dtype=np.uint64)", () => fromstring('99999999999999999999999 9223372036854775808', { sep: ' ', dtype: 'u8' })],
        // A separator that ends the text ends the items; complex items: real, real+imagj, imagj.
        ["np.fromstring('1,2,', sep=',')", () => fromstring('1,2,', { sep: ',' })],
        ["np.fromstring('1;2 ;', sep=';', dtype=np.int32)", () => fromstring('1;2 ;', { sep: ';', dtype: 'i4' })],
        ["np.fromstring('1+2j 3 2j -1.5e3-2.5e-1j inf+nanj', sep=' ', dtype=complex)", () => fromstring('1+2j 3 2j -1.5e3-2.5e-1j inf+nanj', { sep: ' ', dtype: 'c16' })],
        ["np.fromstring('1+2j,0.1', sep=',', dtype=np.complex64)", () => fromstring('1+2j,0.1', { sep: ',', dtype: 'c8' })],
      ],
      I,
    );
  });
});

test('unmatched data: NumPy\'s message, then which item', () => {
  expect(() => fromstring('1,2,x', { sep: ',' })).toThrow(/^string or file could not be read to its end due to unmatched data: item 2 is "x"/);
  // A sign before an unsigned item is unmatched data in a string, as NumPy's (fromfile reads '-1' as 255).
  expect(() => fromstring('1 -1', { sep: ' ', dtype: 'u1' })).toThrow(/^string or file could not be read to its end due to unmatched data: item 1 is "-1"/);
  expect(() => fromstring('+5', { sep: ' ', dtype: 'u8' })).toThrow(/^string or file could not be read to its end due to unmatched data: item 0 is "\+5"/);
  // Only a separator that ends the text: NumPy reads a -1 after '1,2, ', unmatched data here; nothing before it is an error.
  for (const t of ['1,2, ', '1,,', ',']) expect(() => fromstring(t, { sep: ',' })).toThrow(/^string or file could not be read to its end due to unmatched data/);
  // A complex item's j is lower case, and nothing stands around its parts.
  for (const t of ['1+2J', '(1+2j)', '-j', '1+ 2j']) expect(() => fromstring(t, { sep: ' ', dtype: 'c16' })).toThrow(/^string or file could not be read to its end due to unmatched data/);
});

test('fromstring needs sep and a string', () => {
  expect(() => fromstring('1 2', {} as never)).toThrow(/sep/);
  expect(() => fromstring(5 as never, { sep: ' ' })).toThrow(TypeError);
});

test('fromstring keeps none of the items: 4 million of them parse in a 96 MiB heap (a split of them all did not fit)', () => {
  // A forked child with a small heap: the old split held an array of every item (a
  // V8 out-of-memory crash here); now each item is dropped once parsed.
  const r = runInChild(`
    const s = new Array(4000000).fill('12.5').join(' ') + ' , ';
    const a = L.fromstring(s.slice(0, -3), { sep: ' ' });
    const b = L.fromstring('7 ,\\t8,9 , 10', { sep: ',', dtype: 'i2', count: 3 });
    return [a.size, a.get(0), a.get(3999999), b.toArray()];`, { heapMb: 96 });
  expect(r.signal).toBeNull();
  expect(JSON.parse(r.out)).toEqual([4000000, 12.5, 12.5, [7, 8, 9]]);
});
