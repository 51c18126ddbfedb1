// fromstring (text mode) against NumPy's np.fromstring(..., sep=...):
// dtypes, separators with whitespace, count; NumPy's errors.
import * as lib from '../lib';
import { fromstring } from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLikeNumpy, inputs } from './helpers/np-shape';

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
      ],
      I,
    );
  });
});

test('unmatched data: NumPy\'s message, then which item', () => {
  expect(() => fromstring('1,2,x', { sep: ',' })).toThrow(/^string or file could not be read to its end due to unmatched data: item 2 is "x"/);
});

test('fromstring needs sep and a string', () => {
  expect(() => fromstring('1 2', {} as never)).toThrow(/sep/);
  expect(() => fromstring(5 as never, { sep: ' ' })).toThrow(TypeError);
});
