// Binary logical ufuncs over records (lib/ufuncs/compare.ts): NumPy 2 casts
// each input to bool, a one-field record as its field (padding ignored).
import { fromBuffer, zeros } from '../../lib/create';
import { logicalAnd, logicalOr, logicalXor } from '../../lib/ufuncs/compare';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

describeWithNumpy('logical_and/or/xor of a one-field record: the truth of its field (fuzz seed 18280 of pass 3)', () => {
  test('values against NumPy; padding bytes do not count; several fields stay a TypeError', () => {
    const bytes = new Uint8Array(48);
    bytes[12 + 9] = 5; // padding of record 1
    bytes.set(new Uint8Array(new BigInt64Array([-9n]).buffer), 24);
    bytes.set(new Uint8Array(new BigInt64Array([3n]).buffer), 36);
    const dt = { names: ['a'], formats: ['<i8'], offsets: [0], itemsize: 12 };
    const py = runNumpy<boolean[][]>(`
r = np.frombuffer(bytes.fromhex('${Buffer.from(bytes).toString('hex')}'), dtype=${JSON.stringify(dt)})
h = np.array([0, 1, 0, 1], 'f2')
print(json.dumps([np.logical_and(h, r).tolist(), np.logical_or(h, r).tolist(), np.logical_xor(r, h).tolist(), np.logical_and(True, r).tolist()]))`);
    const r = fromBuffer(bytes, dt);
    const h = fromBuffer(new Uint16Array([0, 0x3c00, 0, 0x3c00]), '<f2');
    expect([logicalAnd(h, r).toArray(), logicalOr(h, r).toArray(), logicalXor(r, h).toArray(), logicalAnd(true, r).toArray()]).toEqual(py);
    expect(() => logicalAnd(zeros([2], [['a', '<f8'], ['b', '|u1']]), true)).toThrow(TypeError);
  });
});
