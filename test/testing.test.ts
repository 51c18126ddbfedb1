import { AssertionError } from 'assert';
import * as fs from 'fs';
import {
  expectIsolated,
  expectNoCopies,
  expectReadOnly,
  expectSharesMemory,
  registerJestMatchers,
  withTempMemmap,
  type MmarrayMatchers,
} from '../lib/testing';
import { arange, broadcastTo, zeros } from '../lib/create';
import { stats } from '../lib/stats';
import type { NdArray } from '../lib/ndarray';

declare global {
  namespace jest {
    interface Matchers<R> extends MmarrayMatchers<R> {}
  }
}

registerJestMatchers(expect);

function thrown(fn: () => unknown): AssertionError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AssertionError);
    return e as AssertionError;
  }
  throw new Error('expected an AssertionError');
}

describe('expectSharesMemory / expectIsolated', () => {
  const a = zeros(6, '<i4');

  test('pass silently for a view and for a copy', () => {
    expectSharesMemory(a, a.index('2:'));
    expectIsolated(a, a.copy());
    expectIsolated(a.index('::2'), a.index('1::2'));
  });

  test('fail with the explanation of why', () => {
    const e = thrown(() => expectSharesMemory(a, a.copy()));
    expect(e.message).toBe('expected the arrays to share memory, but they do not. No shared memory: a lives in a 24-byte ArrayBuffer, b in a 24-byte ArrayBuffer. Writes through one never show in the other.');
    expect(e.operator).toBe('sharesMemory');
    const f = thrown(() => expectIsolated(a, a.index('1:')));
    expect(f.message).toMatch(/^expected the arrays to be isolated, but they share memory\. Shared memory: .*b is a view of a/);
  });
});

describe('the overlap assertions are bounded (issue 12 item 15)', () => {
  const a = arange(1000, '<i4');
  const x = a.index('::7');
  const y = a.index('3::11');
  const TOO_HARD = 'cannot tell whether the arrays share memory: the exact answer needs more than maxWork = 0 steps (mayShareMemory, the bounds check, says they may); pass a larger maxWork to search longer';

  test('past maxWork, both fail saying they could not tell', () => {
    const e = thrown(() => expectSharesMemory(x, y, { maxWork: 0 }));
    expect(e.message).toBe(`expected the arrays to share memory, but ${TOO_HARD}`);
    expect(e.actual).toBe('too hard');
    const f = thrown(() => expectIsolated(x, y, { maxWork: 0 }));
    expect(f.message).toBe(`expected the arrays to be isolated, but ${TOO_HARD}`);
  });

  test('within the default bound the exact answer decides', () => {
    expectSharesMemory(x, y); // 3 + 11k = 7j has solutions
    expectIsolated(a.index('::2'), a.index('1::2'));
  });

  test('a bad maxWork is a RangeError', () => {
    expect(() => expectIsolated(x, y, { maxWork: -1 })).toThrow('maxWork must be a non-negative integer, got -1');
  });
});

describe('expectReadOnly', () => {
  test('passes for a broadcast view, fails for a writeable array naming it', () => {
    expectReadOnly(broadcastTo(zeros(3, '<u2'), [2, 3]));
    const e = thrown(() => expectReadOnly(zeros(3, '<u2')));
    expect(e.message).toBe('expected a read-only array, but flags.writeable is true (NdArray<<u2> over memory)');
  });

  test('names the mapping and its mode', () => {
    withTempMemmap('<u2', 3, (m, p) => {
      expect(thrown(() => expectReadOnly(m)).message).toBe(`expected a read-only array, but flags.writeable is true (Memmap<<u2> over a mapping of '${p}' in mode 'w+')`);
    });
  });
});

describe('expectNoCopies', () => {
  test('returns the result when nothing was copied and leaves the counters alone', () => {
    const a = zeros([4, 4], '<f8');
    a.copy();
    const before = stats().copies;
    const v = expectNoCopies(() => a.T.index('1:3'));
    expect(v.shape).toEqual([2, 4]);
    expect(stats().copies).toBe(before);
  });

  test('fails naming the number of copies and bytes', () => {
    const a = zeros([4, 4], '<f8');
    const e = thrown(() => expectNoCopies(() => a.T.reshape(16)));
    expect(e.message).toBe('expected no copies, but 1 copy (128 bytes) was made');
    expect(e.actual).toBe(1);
  });

  test('awaits an async function', async () => {
    const a = zeros(4, '<u1');
    await expect(expectNoCopies(async () => a.index('1:'))).resolves.toBeDefined();
    await expect(expectNoCopies(async () => a.astype('<u2'))).rejects.toThrow('expected no copies, but 1 copy (8 bytes) was made');
  });
});

describe('withTempMemmap', () => {
  test('hands a writeable w+ mapping of the shape, then closes it and removes the file', () => {
    let kept: NdArray | undefined;
    let file = '';
    const r = withTempMemmap({ names: ['id', 'v'], formats: ['<u4', '<f8'] }, [2, 3], (m, p) => {
      expect(m.shape).toEqual([2, 3]);
      expect(m.mode).toBe('w+');
      expect(fs.statSync(p).size).toBe(2 * 3 * 12);
      m.set([0, 1], { id: 7, v: 1.5 });
      kept = m;
      file = p;
      return m.get(0, 1);
    });
    expect(r).toEqual({ id: 7, v: 1.5 });
    expect((kept as unknown as { closed: boolean }).closed).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
  });

  test('cleans up when fn throws', () => {
    let file = '';
    expect(() =>
      withTempMemmap('<u1', 4, (_m, p) => {
        file = p;
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(fs.existsSync(file)).toBe(false);
  });

  test('cleans up after an async fn settles, resolved or rejected', async () => {
    let file = '';
    await expect(
      withTempMemmap('<u4', 2, async (m, p) => {
        file = p;
        await m.flushAsync();
        return m.closed;
      }),
    ).resolves.toBe(false);
    expect(fs.existsSync(file)).toBe(false);
    await expect(withTempMemmap('<u4', 2, async () => Promise.reject(new Error('late')))).rejects.toThrow('late');
  });

  test('an empty shape maps as in NumPy >= 2.2: fn gets an empty Memmap, the file is removed after', () => {
    let seen = '';
    const shape = withTempMemmap('<u4', [0], (m, path) => {
      seen = path;
      m.flush();
      return m.shape;
    });
    expect(shape).toEqual([0]);
    expect(fs.existsSync(seen)).toBe(false);
  });
});

describe('jest matchers', () => {
  test('toShareMemoryWith and its negation', () => {
    const a = zeros(4, '<i2');
    expect(a.index('1:')).toShareMemoryWith(a);
    expect(a.copy()).not.toShareMemoryWith(a);
    expect(() => expect(a.copy()).toShareMemoryWith(a)).toThrow(/expected the arrays to share memory\. No shared memory/);
    expect(() => expect(a).not.toShareMemoryWith(a.index('::2'))).toThrow(/expected the arrays not to share memory\. Shared memory/);
  });

  test('toBeReadOnly and its negation', () => {
    const a = zeros(4, '<i2');
    expect(broadcastTo(a, [2, 4])).toBeReadOnly();
    expect(a).not.toBeReadOnly();
    expect(() => expect(a).toBeReadOnly()).toThrow('expected NdArray<<i2> to be read-only, but flags.writeable is true');
  });

  test('a non-array is a TypeError', () => {
    expect(() => expect(42).toBeReadOnly()).toThrow('received must be an NdArray, got [object Number]');
  });
});
