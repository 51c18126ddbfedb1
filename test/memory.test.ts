// Do two arrays share memory? (lib/memory.ts) mayShareMemory is NumPy's
// bounds check, sharesMemory the exact answer; both work across arrays made
// separately over one ArrayBuffer.
import { arange, broadcastTo, fromBuffer, zeros } from '../lib/create';
import { OverflowError, TooHardError, ValueError } from '../lib/errors';
import { mayShareMemory, sharesMemory } from '../lib/memory';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

describe('mayShareMemory and sharesMemory', () => {
  test('a[::2] and a[1::2] interleave: bounds overlap, no byte is shared', () => {
    const a = arange(10, '<i4');
    expect(mayShareMemory(a.index('::2'), a.index('1::2'))).toBe(true);
    expect(sharesMemory(a.index('::2'), a.index('1::2'))).toBe(false);
  });

  test('an array shares memory with itself and with any view of its bytes', () => {
    const a = arange(10, '<i4');
    expect(sharesMemory(a, a)).toBe(true);
    expect(sharesMemory(a, a.index('::-1'))).toBe(true);
    expect(sharesMemory(a.index('3'), a.view('u1').index('13'))).toBe(true);
  });

  test('two halves of an array share nothing and their bounds do not overlap', () => {
    const a = arange(10, '<i4');
    expect(mayShareMemory(a.index(':5'), a.index('5:'))).toBe(false);
    expect(sharesMemory(a.index(':5'), a.index('5:'))).toBe(false);
  });

  test('a copy shares nothing with its source', () => {
    const a = arange(10, '<i4');
    expect(mayShareMemory(a, a.copy())).toBe(false);
  });

  test('record fields interleave like strided slices', () => {
    const r = zeros(4, [['id', '<u4'], ['ts', '<u4'], ['value', '<f8']]);
    expect(mayShareMemory(r.field('id'), r.field('ts'))).toBe(true);
    expect(sharesMemory(r.field('id'), r.field('ts'))).toBe(false);
    expect(sharesMemory(r.field('value'), r)).toBe(true);
  });

  test('partial byte overlap counts: int32 element 1 and the int16 at bytes 6..7', () => {
    const a = arange(4, '<i4');
    expect(sharesMemory(a.index('1:2'), a.view('<i2').index('3:4'))).toBe(true);
    expect(sharesMemory(a.index('1:2'), a.view('<i2').index('4:5'))).toBe(false);
  });

  test('arrays made separately over one ArrayBuffer are compared by address', () => {
    const buf = new ArrayBuffer(16);
    const a = fromBuffer(buf, '<u4');
    const b = fromBuffer(new Uint8Array(buf, 8, 8), '<u4');
    expect(sharesMemory(a.index('2'), b.index('0'))).toBe(true);
    expect(sharesMemory(a.index(':2'), b)).toBe(false);
    expect(mayShareMemory(a, b)).toBe(true);
  });

  test('different buffers never share', () => {
    expect(mayShareMemory(zeros(4), zeros(4))).toBe(false);
    expect(sharesMemory(fromBuffer(new ArrayBuffer(8)), fromBuffer(new ArrayBuffer(8)))).toBe(false);
  });

  test('empty arrays share nothing', () => {
    const a = arange(10, '<i4');
    expect(sharesMemory(a.index('3:3'), a)).toBe(false);
    expect(mayShareMemory(a.index('3:3'), a)).toBe(false);
  });

  test('a broadcast view shares the bytes of its source', () => {
    const a = arange(3, '<f8');
    expect(sharesMemory(broadcastTo(a, [100, 3]).index('50, 2'), a.index('2'))).toBe(true);
  });

  test('maxWork bounds the exact search: past it, TooHardError', () => {
    const a = arange(1000, '<i4');
    const x = a.index('::7');
    const y = a.index('3::11');
    expect(() => sharesMemory(x, y, 0)).toThrow(TooHardError);
    expect(typeof sharesMemory(x, y)).toBe('boolean');
  });

  test("maxWork as NumPy reads max_work: -1 exact, 0 bounds; mayShareMemory answers true when the bound runs out", () => {
    const a = arange(10, '<f8');
    const [even, odd] = [a.index('::2'), a.index('1::2')];
    // np.may_share_memory(x[::2], x[1::2], max_work=w) for w = None, 0, -1, -2, 5
    expect(mayShareMemory(even, odd)).toBe(true);
    expect(mayShareMemory(even, odd, 0)).toBe(true);
    expect(mayShareMemory(even, odd, -1)).toBe(false);
    expect(mayShareMemory(even, odd, -2)).toBe(false);
    expect(mayShareMemory(even, odd, 5)).toBe(false);
    expect(sharesMemory(even, odd, -1)).toBe(false);
    expect(() => sharesMemory(even, odd, 0)).toThrow(TooHardError);
    // NumPy: ValueError 'Invalid value for max_work', 'max_work must be an integer', OverflowError past C ssize_t
    expect(() => mayShareMemory(even, odd, -3)).toThrow(ValueError);
    expect(() => sharesMemory(even, odd, 1.5)).toThrow(ValueError);
    expect(() => mayShareMemory(even, odd, 2 ** 63)).toThrow(OverflowError);
  });
});

interface PairCase {
  x: string;
  y: string;
  may: boolean;
  shares: boolean;
}

describeWithNumpy('memory against NumPy', () => {
  test('may_share_memory and shares_memory for random pairs of views of one buffer', () => {
    const cases = runNumpy<PairCase[]>(String.raw`
import random
rng = random.Random(8)
def view():
    dt = rng.choice(['u1', '<i2', '<i4', '<f8'])
    n = 480 // np.dtype(dt).itemsize
    shape = rng.choice([(n,), (n // 4, 4), (4, n // 4), (2, 3, n // 6)])
    idx = []
    for s in shape:
        a, b = sorted(rng.sample(range(-s, s + 1), 2))
        step = rng.choice([1, 1, 2, 3, -1, -2, 5])
        idx.append(f'{a}:{b}:{step}' if step > 0 else f'{b}:{a}:{step}')
    return dt, shape, ', '.join(idx)
out = []
buf = bytearray(480)
for _ in range(300):
    (d1, s1, i1), (d2, s2, i2) = view(), view()
    x = eval(f'np.frombuffer(buf, d1).reshape(s1)[{i1}]')
    y = eval(f'np.frombuffer(buf, d2).reshape(s2)[{i2}]')
    out.append(dict(x=f'{d1}|{",".join(map(str, s1))}|{i1}', y=f'{d2}|{",".join(map(str, s2))}|{i2}',
                    may=bool(np.may_share_memory(x, y)), shares=bool(np.shares_memory(x, y))))
print(json.dumps(out))
`);
    const buf = new ArrayBuffer(480);
    const make = (spec: string) => {
      const [dt, shape, idx] = spec.split('|');
      return fromBuffer(buf, dt).reshape(shape.split(',').map(Number)).index(idx);
    };
    let shared = 0;
    for (const k of cases) {
      const x = make(k.x);
      const y = make(k.y);
      expect({ ...k, may: mayShareMemory(x, y), shares: sharesMemory(x, y) }).toEqual(k);
      if (k.shares) shared++;
    }
    expect(shared).toBeGreaterThan(30);
    expect(shared).toBeLessThan(cases.length - 30);
  });
});
