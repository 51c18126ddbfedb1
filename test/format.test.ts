// Python's text forms for messages (lib/format.ts): the one home of the tuple
// reprs NumPy prints in its errors.
import { pyShape, tupleNoSpace } from '../lib/format';

test("pyShape is Python's tuple repr: a trailing comma for one item, () for none", () => {
  expect(pyShape([3])).toBe('(3,)');
  expect(pyShape([2, 3])).toBe('(2, 3)');
  expect(pyShape([])).toBe('()');
  expect(pyShape([0, 1, 2])).toBe('(0, 1, 2)');
});

test('tupleNoSpace is the same without spaces, as NumPy prints shapes in broadcast errors', () => {
  expect(tupleNoSpace([3])).toBe('(3,)');
  expect(tupleNoSpace([2, 3])).toBe('(2,3)');
  expect(tupleNoSpace([])).toBe('()');
});
