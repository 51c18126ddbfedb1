// Copy accounting (lib/stats.ts): stats() counts the copies the library makes
// and the bytes they write; views count nothing; resetStats() zeroes the copy
// counters only.
import { arange, ascontiguousarray } from '../lib/create';
import { resetStats, stats } from '../lib/stats';

test('views copy nothing: slicing, transposing, reshaping a contiguous array, field views', () => {
  const a = arange(24, '<i4').reshape([4, 6]);
  resetStats();
  a.index('1:3, ::2');
  a.T;
  a.reshape([6, 4]);
  a.view('<u4');
  expect(stats().copies).toBe(0);
  expect(stats().copiedBytes).toBe(0);
});

test('copy() and astype() count one copy each with the bytes they wrote', () => {
  const a = arange(10, '<i2');
  resetStats();
  a.copy();
  a.astype('<f8');
  expect(stats()).toMatchObject({ copies: 2, copiedBytes: 10 * 2 + 10 * 8 });
});

test('ascontiguousarray copies only a non-contiguous input', () => {
  const a = arange(12, '<i4').reshape([3, 4]);
  resetStats();
  ascontiguousarray(a);
  expect(stats().copies).toBe(0);
  ascontiguousarray(a.T);
  expect(stats()).toMatchObject({ copies: 1, copiedBytes: 48 });
});

test('stats() is a snapshot: later copies do not change an earlier result', () => {
  resetStats();
  const before = stats();
  arange(4, '<i4').copy();
  expect(before.copies).toBe(0);
  expect(stats().copies).toBe(1);
});

test('resetStats() zeroes the copy counters and leaves the open-mapping count alone', () => {
  arange(4, '<i4').copy();
  const open = stats().openMappings;
  resetStats();
  expect(stats().copies).toBe(0);
  expect(stats().copiedBytes).toBe(0);
  expect(stats().openMappings).toBe(open);
});
