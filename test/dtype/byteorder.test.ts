// DType.byteorder after newbyteorder(): NumPy stores the order it was asked
// for ('<' stays '<' even on a little-endian host; a swap gives the explicit
// opposite; '=' gives native), while dtype('<f8') itself reports '='.
import { inspect } from 'util';
import { dtype } from '../../lib/dtype';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

const SPECS = ['<f8', '>f8', '=i4', '>i2', '|u1', '|S3', '<c8', '>c16', '?'];
const CHAINS = [['<'], ['>'], ['='], ['S'], ['S', 'S'], ['|'], ['<', 'S'], ['>', '='], ['little'], ['native'], ['B'], ['I']];

describeWithNumpy('newbyteorder byteorder against NumPy', () => {
  test(`${SPECS.length} dtypes x ${CHAINS.length} chains: byteorder, isnative, str, repr, equality`, () => {
    const want = runNumpy<unknown[][]>(`
specs, chains = json.loads(sys.stdin.read())
out = []
for s in specs:
    row = []
    for ch in chains:
        d = np.dtype(s)
        for o in ch: d = d.newbyteorder(o)
        row.append([d.byteorder, bool(d.isnative), str(d), repr(d), bool(d == np.dtype(s))])
    out.append(row)
print(json.dumps(out))
`, JSON.stringify([SPECS, CHAINS]));
    const got = SPECS.map((s) =>
      CHAINS.map((ch) => {
        let d = dtype(s);
        for (const o of ch) d = d.newbyteorder(o as 'S');
        return [d.byteorder, d.isnative, String(d), inspect(d), d.equals(s)];
      }),
    );
    expect(got).toEqual(want);
  });

  test('record fields keep the asked-for order too', () => {
    const want = runNumpy<string>(`print(json.dumps(np.dtype([('a', '<f8'), ('b', 'u1')]).newbyteorder('<')['a'].byteorder))`);
    expect(dtype([['a', '<f8'], ['b', 'u1']]).newbyteorder('<').fields!.a.dtype.byteorder).toBe(want);
  });
});
