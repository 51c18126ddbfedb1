// descr round trips: `descr_to_dtype(dt.descr) == dt` for subarray fields
// whose base is a record or another subarray, through fromDescr, dtype(),
// saveNpy and openNpy, against NumPy's own descr, str and .npy bytes.
import * as fs from 'fs';
import { zeros } from '../../lib/create';
import { dtype, fromDescr } from '../../lib/dtype';
import { formatHeader, parseHeader } from '../../lib/npy/header';
import { openNpy, saveNpy } from '../../lib/npy/npy';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('mmarray-descr-');

/** NumPy constructors of dtypes whose descr nests (Python expressions). */
const DTYPES = [
  "np.dtype([('c', ('<f8', (5,)), (2,))])",
  "np.dtype([('c', (('>i2', (5,)), (3,)), (2,))])",
  "np.dtype([('x', {'names': ['a', 'b'], 'formats': ['i1', 'i1'], 'offsets': [0, 4], 'itemsize': 8}, (3,))])",
  "np.dtype([('y', np.dtype([('x', ('<i2', (2,)), (3,))]), (2,))])",
  "np.dtype([('y', (np.dtype([('a', '<i4'), ('b', '>f8')], align=True), (2,)), (3,)), ('z', 'u1')])",
  "np.dtype([('a', '<i4'), ('b', [('c', '<f4', (2, 2)), ('d', 'S3')]), ('e', '<c16', (2,))])",
  "np.dtype([('a', 'u1'), ('b', '<i8')], align=True)",
  "np.dtype([('p', [('q', ('<f2', (2,)), (2,))], (1,))])",
];

interface Want {
  descr: unknown;
  /** str() of NumPy's descr_to_dtype(descr) (a descr does not carry align=True). */
  str: string;
  itemsize: number;
  /** np.save of np.zeros(2, dt), hex. */
  npy: string;
}

describeWithNumpy('descr round trips against NumPy', () => {
  const want = runNumpy<Want[]>(`
import io
out = []
for dt in [${DTYPES.join(', ')}]:
    back = np.lib.format.descr_to_dtype(dt.descr)
    assert back == dt
    f = io.BytesIO()
    np.save(f, np.zeros(2, dt))
    out.append(dict(descr=dt.descr, str=str(back), itemsize=dt.itemsize, npy=f.getvalue().hex()))
print(json.dumps(out))
`);

  test.each(DTYPES.map((expr, i) => [expr, i] as const))('%s: fromDescr(descr) has the same descr, str and itemsize', (_expr, i) => {
    const w = want[i];
    const dt = fromDescr(w.descr);
    expect({ descr: dt.descr, str: dt.toString(), itemsize: dt.itemsize }).toEqual({ descr: w.descr, str: w.str, itemsize: w.itemsize });
    // dtype() takes the same list (tuples written as arrays), as np.dtype(dt.descr) does without gaps.
    expect(dtype(w.descr as never).itemsize).toBe(w.itemsize);
  });

  test.each(DTYPES.map((expr, i) => [expr, i] as const))('%s: saveNpy writes NumPy bytes and openNpy reads NumPy files', (_expr, i) => {
    const w = want[i];
    const dt = fromDescr(w.descr);
    const ours = tmp.path('ours.npy');
    saveNpy(ours, zeros(2, dt));
    expect(fs.readFileSync(ours).toString('hex')).toBe(w.npy);
    const theirs = tmp.file(new Uint8Array(Buffer.from(w.npy, 'hex')), 'theirs.npy');
    const m = openNpy(theirs);
    expect(m.dtype.equals(dt)).toBe(true);
    expect(m.dtype.descr).toEqual(w.descr);
    m.close();
  });
});

test('a typed-array shape in a subarray spec works as memmap() takes one', () => {
  expect(dtype({ base: '<f4', shape: new Int32Array([2, 3]) }).shape).toEqual([2, 3]);
  expect(dtype([['a', '<i2', new Uint8Array([4])]] as never).fields!.a.dtype.shape).toEqual([4]);
  expect(dtype({ base: '<f4', shape: new BigInt64Array([2n]) as never }).shape).toEqual([2]);
});

test('[base, shape] is a subarray wherever a format goes; a field list is not mistaken for one', () => {
  expect(dtype(['<f8', [5]] as never).shape).toEqual([5]);
  expect(dtype([['c', ['<f8', [5]], [2]]] as never).fields!.c.dtype.toString()).toBe("(('<f8', (5,)), (2,))");
  expect(dtype([['a', '<i4'], ['b', '<i4']]).names).toEqual(['a', 'b']);
});

test('a (descr, shape) tuple as a field type survives formatHeader and parseHeader (at the top it stays refused: header.test.ts)', () => {
  const header = formatHeader({ descr: [['c', ['<f8', [5]], [2]]], fortranOrder: false, shape: [1] });
  expect(new TextDecoder('latin1').decode(header)).toContain("'descr': [('c', ('<f8', (5,)), (2,))]");
  expect(parseHeader(header).descr).toEqual([['c', ['<f8', [5]], [2]]]);
});

describeWithNumpy('descr round trips of random nested dtypes against NumPy', () => {
  test('200 random dtypes (records, padding, align, subarrays of records and of subarrays): descr, str, itemsize and .npy bytes', () => {
    const want = runNumpy<Want[]>(String.raw`
import io, random
rng = random.Random(13)
SCALARS = ['|b1', '|i1', '<u2', '>i4', '<f4', '>f8', '<c8', '<i8', '|S3', '|V2', '<f2']
def scalar(): return rng.choice(SCALARS)
def shape(): return tuple(rng.randint(1, 3) for _ in range(rng.randint(1, 2)))
def fmt(depth):
    r = rng.random()
    if depth < 3 and r < 0.3: return struct(depth + 1)
    if depth < 3 and r < 0.45: return (fmt(depth + 1), shape())
    return scalar()
def struct(depth):
    n = rng.randint(1, 3)
    names = rng.sample(['a', 'b', 'id', 'x', 'y', 'z'], n)
    fields = [(nm, fmt(depth)) + ((shape(),) if rng.random() < 0.3 else ()) for nm in names]
    dt = np.dtype(fields, align=rng.random() < 0.3)
    if rng.random() < 0.3:
        offsets, at = [], 0
        for nm in dt.names:
            at += rng.randint(0, 3)
            offsets.append(at)
            at += dt.fields[nm][0].itemsize
        dt = np.dtype({'names': list(dt.names), 'formats': [dt.fields[nm][0] for nm in dt.names], 'offsets': offsets, 'itemsize': at + rng.randint(0, 4)})
    return dt
out = []
while len(out) < 200:
    dt = struct(0)
    back = np.lib.format.descr_to_dtype(dt.descr)
    assert back == dt
    f = io.BytesIO()
    np.save(f, np.zeros(2, dt))
    out.append(dict(descr=dt.descr, str=str(back), itemsize=dt.itemsize, npy=f.getvalue().hex()))
print(json.dumps(out))
`);
    expect(want).toHaveLength(200);
    const bad: string[] = [];
    for (const w of want) {
      const dt = fromDescr(w.descr);
      const p = tmp.path('r.npy');
      saveNpy(p, zeros(2, dt));
      const opened = openNpy(p);
      const same = JSON.stringify(dt.descr) === JSON.stringify(w.descr) && dt.toString() === w.str && dt.itemsize === w.itemsize &&
        fs.readFileSync(p).toString('hex') === w.npy && opened.dtype.equals(dt);
      opened.close();
      if (!same) bad.push(w.str);
    }
    expect(bad).toEqual([]);
  });
});
