// lib/npy/header.ts against NumPy itself: NumPy writes headers (np.save and
// its format module), we parse them and compare with what NumPy reads back;
// we write headers and compare them byte for byte with NumPy's, and NumPy
// loads files made from our headers. Every refusal is pinned down by class
// and by a message fragment that includes the path.
import * as fs from 'fs';
import { ValueError } from '../../lib/errors';
import {
  ARRAY_ALIGN,
  Descr,
  MAGIC_LEN,
  MAGIC_PREFIX,
  MAX_HEADER_SIZE,
  NpyHeader,
  formatHeader,
  headerLength,
  parseHeader,
} from '../../lib/npy/header';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { thrownBy } from '../helpers/thrown';

const tmp = useTempDir('mmarray-npy-header-');

/** A header with arbitrary text and version, the way a hostile or broken writer would make it. */
function rawHeader(text: string | Uint8Array, version: [number, number] = [1, 0]): Uint8Array {
  const body = typeof text === 'string' ? Buffer.from(text, version[0] === 3 ? 'utf8' : 'latin1') : text;
  const lengthBytes = version[0] === 1 ? 2 : 4;
  const out = Buffer.alloc(MAGIC_LEN + lengthBytes + body.length);
  out.set(MAGIC_PREFIX, 0);
  out[6] = version[0];
  out[7] = version[1];
  if (lengthBytes === 2) out.writeUInt16LE(body.length, 8);
  else out.writeUInt32LE(body.length, 8);
  out.set(body, MAGIC_LEN + lengthBytes);
  return out;
}

/** The header dict text with one value replaced. */
function dictText(overrides: { descr?: string; fortran_order?: string; shape?: string } = {}): string {
  const descr = overrides.descr ?? "'<i4'";
  const fo = overrides.fortran_order ?? 'False';
  const shape = overrides.shape ?? '(3,)';
  return `{'descr': ${descr}, 'fortran_order': ${fo}, 'shape': ${shape}, }\n`;
}

/** Writes `bytes` to a temp file and parses what is read back, so errors carry a real path. */
function parseFile(bytes: Uint8Array, options?: { maxHeaderSize?: number }): NpyHeader {
  const p = tmp.file(bytes, 'case.npy');
  return parseHeader(new Uint8Array(fs.readFileSync(p)), p, options);
}

/** Expects parseFile to throw a ValueError whose message has the path and every fragment. */
function expectRefused(bytes: Uint8Array, fragments: string[], options?: { maxHeaderSize?: number }): void {
  const p = tmp.file(bytes, 'bad.npy');
  const message = thrownBy(() => parseHeader(new Uint8Array(fs.readFileSync(p)), p, options), ValueError).message;
  expect(message).toContain(`'${p}'`);
  for (const f of fragments) expect(message).toContain(f);
}

// ---------------------------------------------------------------------------

interface NumpyCase {
  id: string;
  /** Python expression for the dtype (np in scope). */
  dtype: string;
  /** Python expression for the shape. */
  shape: string;
  fortran: boolean;
  /** Also write a real file with np.save (keep these small). */
  save?: boolean;
  /** Field titles are dropped by parseHeader, so our re-written header differs from NumPy's. */
  titles?: boolean;
  maxHeaderSize?: number;
  version: [number, number];
}

const NUMERIC = [
  '?', 'i1', '<i2', '<i4', '<i8', 'u1', '<u2', '<u4', '<u8',
  '<f2', '<f4', '<f8', '<f16', '<c8', '<c16', '<c32',
  '<M8[ns]', '<M8[D]', '<m8[s]', '<U5', 'S7', 'V12',
  '>i2', '>i4', '>u8', '>f4', '>f8', '>c16', '>M8[us]', '>U3',
];

const CASES: NumpyCase[] = [
  ...NUMERIC.map((t): NumpyCase => ({ id: `dtype ${t}`, dtype: `np.dtype('${t}')`, shape: '(2, 3)', fortran: false, save: true, version: [1, 0] })),
  { id: 'fortran order 2-d', dtype: "np.dtype('<f8')", shape: '(4, 5)', fortran: true, save: true, version: [1, 0] },
  { id: 'fortran order 3-d big-endian', dtype: "np.dtype('>i4')", shape: '(2, 3, 4)', fortran: true, save: true, version: [1, 0] },
  { id: '0-d shape ()', dtype: "np.dtype('<f8')", shape: '()', fortran: false, save: true, version: [1, 0] },
  { id: 'empty shape (0,)', dtype: "np.dtype('<i4')", shape: '(0,)', fortran: false, save: true, version: [1, 0] },
  { id: 'empty shape (0, 5)', dtype: "np.dtype('<u2')", shape: '(0, 5)', fortran: false, save: true, version: [1, 0] },
  { id: 'large shape beyond 2**32', dtype: "np.dtype('<f4')", shape: '(2**40, 3)', fortran: false, version: [1, 0] },
  { id: 'large fortran shape, growth axis last', dtype: "np.dtype('<i8')", shape: '(3, 2**45 + 7)', fortran: true, version: [1, 0] },
  { id: 'largest safe dimension 2**53 - 1', dtype: "np.dtype('u1')", shape: '(2**53 - 1,)', fortran: false, version: [1, 0] },
  { id: 'structured simple', dtype: "np.dtype([('a', '<i4'), ('b', '<f8')])", shape: '(3,)', fortran: false, save: true, version: [1, 0] },
  {
    id: 'structured nested',
    dtype: "np.dtype([('pos', [('x', '<f4'), ('y', '<f4'), ('tag', [('k', 'S3'), ('v', '>u2')])]), ('id', '<i8')])",
    shape: '(2, 2)', fortran: false, save: true, version: [1, 0],
  },
  {
    id: 'structured subarray fields',
    dtype: "np.dtype([('m', '<f8', (2, 3)), ('v', '<i2', (4,)), ('s', [('a', 'u1')], (2,))])",
    shape: '(2,)', fortran: false, save: true, version: [1, 0],
  },
  {
    id: 'structured padded with gaps (offsets, itemsize)',
    dtype: "np.dtype({'names': ['a', 'b', 'c'], 'formats': ['u1', '<f8', '>i2'], 'offsets': [0, 8, 20], 'itemsize': 32})",
    shape: '(5,)', fortran: false, save: true, version: [1, 0],
  },
  {
    id: 'structured aligned',
    dtype: "np.dtype([('a', 'u1'), ('b', '<i4'), ('c', 'u1'), ('d', '<f8')], align=True)",
    shape: '(3,)', fortran: false, save: true, version: [1, 0],
  },
  {
    id: 'structured with titles',
    dtype: "np.dtype({'names': ['a', 'b'], 'formats': ['<i4', '<f4'], 'titles': ['Alpha', 'Beta']})",
    shape: '(2,)', fortran: false, save: true, titles: true, version: [1, 0],
  },
  {
    id: 'structured fortran order',
    dtype: "np.dtype([('a', '<i4'), ('b', 'S2')])",
    shape: '(3, 2)', fortran: true, save: true, version: [1, 0],
  },
  {
    id: 'latin-1 names that repr escapes stay version 1.0',
    dtype:
      "np.dtype([(n, '<i4') for n in ['it\\'s', 'q\"uote', 'both\\'\"', 'back\\\\slash', 'tab\\there', 'nl\\nx', " +
      "'\\x00nul', 'del\\x7f', 'x\\x85', 'nbsp\\xa0', 'soft\\xad', 'caf\\xe9']])",
    shape: '(3,)', fortran: false, save: true, version: [1, 0],
  },
  {
    id: 'non-latin-1 names need version 3.0',
    dtype:
      "np.dtype([(n, '<i4') for n in ['\\u6e29\\u5ea6', '\\U0001F600', 'zw\\u200b', 'tag\\U000e0001', 'ls\\u2028', 'x\\ud7ff', '\\u03bb']])",
    shape: '(2,)', fortran: false, save: true, version: [3, 0],
  },
  {
    id: 'header over 65535 bytes needs version 2.0',
    dtype: "np.dtype([('field_%05d' % i, '<f4') for i in range(4000)])",
    shape: '(2,)', fortran: false, save: true, maxHeaderSize: 1 << 20, version: [2, 0],
  },
  {
    id: 'huge header with a non-latin-1 name needs version 3.0',
    dtype: "np.dtype([('\\u03bb_%05d' % i, '<f4') for i in range(4000)])",
    shape: '(2,)', fortran: false, save: true, maxHeaderSize: 1 << 20, version: [3, 0],
  },
];

interface NumpyResult {
  /** NumPy's bytes: the np.save file's header, or _write_array_header's output. */
  header: string;
  /** The np.save file, when the case has one. */
  path: string | null;
  version: [number, number];
  descr: Descr;
  fortranOrder: boolean;
  shape: number[];
  dataOffset: number;
}

// Write each case with NumPy, then read it back with NumPy's reader; descr
// titles are dropped in the expected value because parseHeader drops them.
const NUMPY_WRITE_AND_READ = `
import base64, io, os, warnings
from numpy.lib import _format_impl as F
warnings.simplefilter('ignore')
cases, outdir = json.load(sys.stdin)

def norm(d):
    if isinstance(d, str):
        return d
    out = []
    for f in d:
        name = f[0][1] if isinstance(f[0], tuple) else f[0]
        item = [name, norm(f[1])]
        if len(f) == 3:
            item.append(list(f[2]))
        out.append(item)
    return out

results = []
for i, c in enumerate(cases):
    dt = eval(c['dtype'])
    shape = eval(c['shape'])
    path = None
    if c.get('save'):
        path = os.path.join(outdir, 'np-%d.npy' % i)
        np.save(path, np.zeros(shape, dt, order='F' if c['fortran'] else 'C'))
        with open(path, 'rb') as fp:
            data = fp.read()
    else:
        buf = io.BytesIO()
        F._write_array_header(buf, {'descr': F.dtype_to_descr(dt), 'fortran_order': c['fortran'], 'shape': shape})
        data = buf.getvalue()
    fp = io.BytesIO(data)
    version = F.read_magic(fp)
    rshape, rfortran, rdtype = F._read_array_header(fp, version, max_header_size=c.get('maxHeaderSize', 10000))
    offset = fp.tell()
    results.append({
        'header': base64.b64encode(data[:offset]).decode(),
        'path': path,
        'version': list(version),
        'descr': norm(F.dtype_to_descr(rdtype)),
        'fortranOrder': rfortran,
        'shape': list(rshape),
        'dataOffset': offset,
    })
print(json.dumps(results))
`;

describeWithNumpy('headers NumPy writes', () => {
  let results: NumpyResult[];
  beforeAll(() => {
    results = runNumpy<NumpyResult[]>(NUMPY_WRITE_AND_READ, JSON.stringify([CASES, tmp.dir]));
  });

  describe.each(CASES.map((c, i) => [c.id, c, i] as const))('%s', (_id, c, i) => {
    test('parseHeader reads what NumPy reads', () => {
      const r = results[i]!;
      const bytes = r.path !== null ? new Uint8Array(fs.readFileSync(r.path)) : new Uint8Array(Buffer.from(r.header, 'base64'));
      const h = parseHeader(bytes, r.path ?? `<${c.id}>`, { maxHeaderSize: c.maxHeaderSize });
      expect(h).toEqual({
        version: r.version,
        descr: r.descr,
        fortranOrder: r.fortranOrder,
        shape: r.shape,
        dataOffset: r.dataOffset,
      });
      expect(h.version).toEqual(c.version);
      expect(h.dataOffset % ARRAY_ALIGN).toBe(0);
      expect(headerLength(bytes.subarray(0, 12), r.path ?? undefined, { maxHeaderSize: c.maxHeaderSize })).toBe(r.dataOffset);
    });

    if (!c.titles) {
      test('formatHeader writes the same bytes as NumPy', () => {
        const r = results[i]!;
        const ours = formatHeader({ descr: r.descr, fortranOrder: r.fortranOrder, shape: r.shape });
        expect(Buffer.from(ours).equals(Buffer.from(r.header, 'base64'))).toBe(true);
      });
    }
  });

  test('a header over the default cap is refused, as NumPy refuses it', () => {
    const big = results[CASES.findIndex((c) => c.version[0] === 2)]!;
    const message = thrownBy(() => parseHeader(new Uint8Array(fs.readFileSync(big.path!)), big.path!), ValueError).message;
    expect(message).toContain(`'${big.path}'`);
    expect(message).toContain(`maxHeaderSize of ${MAX_HEADER_SIZE}`);
  });
});

// ---------------------------------------------------------------------------

interface LoadCase {
  id: string;
  /** Python expression building the array (np in scope). */
  array: string;
}

const LOAD_CASES: LoadCase[] = [
  { id: 'int32 vector', array: "np.arange(7, dtype='<i4')" },
  { id: 'big-endian float 2-d', array: "np.arange(12, dtype='>f8').reshape(3, 4) / 7" },
  { id: 'fortran-order 3-d', array: "np.asfortranarray(np.arange(24, dtype='<i2').reshape(2, 3, 4))" },
  { id: '0-d', array: "np.array(3.5, dtype='<f4')" },
  { id: 'empty', array: "np.zeros((0, 3), dtype='<u8')" },
  { id: 'complex', array: "(np.arange(6) + 1j * np.arange(6)[::-1]).astype('<c16')" },
  { id: 'bytes strings', array: "np.array([b'ab', b'cde', b''], dtype='S3')" },
  {
    id: 'structured nested with subarray and gaps',
    array:
      "np.array([(1, (2.5, b'x'), [1, 2, 3]), (4, (5.5, b'yz'), [4, 5, 6])], dtype=np.dtype({'names': ['a', 'b', 'c'], " +
      "'formats': ['<i4', [('f', '>f8'), ('s', 'S2')], ('<u2', (3,))], 'offsets': [0, 8, 24], 'itemsize': 40}))",
  },
  { id: 'non-latin-1 field name', array: "np.array([(1, 2.0)], dtype=[('\\u03bb', '<i8'), ('\\u6e29\\u5ea6', '<f4')])" },
  { id: 'datetime', array: "np.array(['2024-01-02', '1970-01-01'], dtype='<M8[D]')" },
];

describeWithNumpy('NumPy loads files made from formatHeader', () => {
  test.each(LOAD_CASES.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    // NumPy gives the header values and the data bytes...
    const spec = runNumpy<{ descr: Descr; fortranOrder: boolean; shape: number[]; data: string }>(`
import base64, warnings
from numpy.lib import _format_impl as F
warnings.simplefilter('ignore')
a = ${c.array}
d = F.header_data_from_array_1_0(a)
print(json.dumps({'descr': d['descr'], 'fortranOrder': d['fortran_order'], 'shape': list(d['shape']),
                  'data': base64.b64encode(a.tobytes(order='F' if d['fortran_order'] else 'C')).decode()}))
`);
    const descr = JSON.parse(JSON.stringify(spec.descr)) as Descr; // tuples came as lists already
    // ...we write the file...
    const header = formatHeader({ descr, fortranOrder: spec.fortranOrder, shape: spec.shape });
    const p = tmp.file(Buffer.concat([header, Buffer.from(spec.data, 'base64')]), 'ours.npy');
    // ...and NumPy loads it, eagerly and as a memmap, and finds the same array.
    const check = runNumpy<{ equal: boolean; mapped: boolean; dtype: boolean; fortran: boolean }>(`
import warnings
warnings.simplefilter('ignore')
a = ${c.array}
b = np.load(${JSON.stringify(p)})
m = np.load(${JSON.stringify(p)}, mmap_mode='r')
def same(x, y):
    # Field by field: the gaps of a padded structured dtype hold garbage.
    if x.dtype.names is not None:
        return x.shape == y.shape and all(same(x[n], y[n]) for n in x.dtype.names)
    return x.shape == y.shape and x.tobytes() == y.tobytes()
print(json.dumps({'equal': bool(same(a, b)), 'mapped': bool(same(a, m)), 'dtype': bool(a.dtype == b.dtype == m.dtype),
                  'fortran': bool(b.flags.f_contiguous == a.flags.f_contiguous)}))
`);
    expect(check).toEqual({ equal: true, mapped: true, dtype: true, fortran: true });
  });
});

// ---------------------------------------------------------------------------

describe('parseHeader', () => {
  test('reads a header followed by data, and ignores the data', () => {
    const header = formatHeader({ descr: '<i4', fortranOrder: false, shape: [3] });
    const file = Buffer.concat([header, Buffer.alloc(12, 0xff)]);
    expect(parseFile(file)).toEqual({ version: [1, 0], descr: '<i4', fortranOrder: false, shape: [3], dataOffset: 128 });
  });

  test('reads headers written by hand: double quotes, u prefixes, escapes, no trailing comma', () => {
    const text = `{"descr":[(u'a\\x41\\u00e9\\101', "<i4"), ('', '|V4')],"fortran_order":True,"shape":(2,3)}`;
    expect(parseFile(rawHeader(text))).toMatchObject({
      descr: [['aAéA', '<i4'], ['', '|V4']],
      fortranOrder: true,
      shape: [2, 3],
    });
  });

  test('keeps the name of a (title, name) pair', () => {
    const h = parseFile(rawHeader(dictText({ descr: "[(('Title', 'x'), '<i4'), ('y', '<f8', (2,))]" })));
    expect(h.descr).toEqual([['x', '<i4'], ['y', '<f8', [2]]]);
  });

  test('accepts an int subarray shape as NumPy does, and returns it as a 1-tuple', () => {
    expect(parseFile(rawHeader(dictText({ descr: "[('y', '<f8', 4)]" }))).descr).toEqual([['y', '<f8', [4]]]);
  });

  test("accepts Python 2's long suffix in version 1.0, like NumPy", () => {
    expect(parseFile(rawHeader(dictText({ shape: '(3L, 4L)' }))).shape).toEqual([3, 4]);
  });

  test("drops the suffix as NumPy's token filter does: `L` after a number, spaces between; `l` is refused", () => {
    expect(parseFile(rawHeader(dictText({ shape: '(3 L, 4L)', descr: "[('a', '<i4', (2L,))]" }))).shape).toEqual([3, 4]);
    expectRefused(rawHeader(dictText({ shape: '(3l,)' })), ['cannot parse header']);
  });

  test('reads raw strings (r prefix) as ast.literal_eval does: descr, field names, keys', () => {
    const h = parseFile(rawHeader(`{r'descr': [(r'a\\b', R"<i4")], 'fortran_order': False, 'shape': (2,)}`));
    expect(h.descr).toEqual([['a\\b', '<i4']]);
    expect(h.shape).toEqual([2]);
  });

  test("refuses Python 2's long suffix in version 3.0, like NumPy", () => {
    expectRefused(rawHeader(dictText({ shape: '(3L, 4L)' }), [3, 0]), ['cannot parse header']);
  });

  test('headers aligned to 16 (old NumPy) are read; only the length field says where data starts', () => {
    const text = "{'descr': '<i4', 'fortran_order': False, 'shape': (3,), }   \n";
    const h = parseFile(rawHeader(text));
    expect(h.dataOffset).toBe(10 + text.length);
  });
});

describe('parseHeader refuses', () => {
  test('a file that is not .npy, quoting the magic string', () => {
    expectRefused(new Uint8Array(Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1')), [
      'is not a .npy file: magic string',
      "b'\\x89PNG\\r\\n'",
    ]);
  });

  test('a short file that is not .npy', () => {
    expectRefused(new Uint8Array(Buffer.from('{}')), ['is not a .npy file', "b'{}'"]);
  });

  test('an empty file, as truncated', () => {
    expectRefused(new Uint8Array(0), ['is truncated', 'got 0']);
  });

  test.each([
    [[4, 0], '(4, 0)'],
    [[1, 1], '(1, 1)'],
    [[0, 0], '(0, 0)'],
  ] as const)('unsupported version %j', (version, quoted) => {
    expectRefused(rawHeader(dictText(), [version[0], version[1]]), ['format version', quoted]);
  });

  test('a truncated header, saying how many bytes were expected', () => {
    const full = formatHeader({ descr: '<f8', fortranOrder: false, shape: [10] });
    expectRefused(full.subarray(0, 50), ['is truncated', `needs ${full.length} bytes, got 50`]);
  });

  test('a prefix too short for the length field', () => {
    const full = rawHeader(dictText(), [2, 0]);
    expectRefused(full.subarray(0, 10), ['is truncated', 'starts with 12 bytes, got 10']);
  });

  test('text that is not a dict', () => {
    expectRefused(rawHeader("['descr', 'fortran_order', 'shape']\n"), [
      "header is not a dict: ['descr', 'fortran_order', 'shape']",
    ]);
  });

  test('code instead of a literal, without evaluating it', () => {
    expectRefused(rawHeader("__import__('os').system('echo pwned')\n"), [
      'cannot parse header',
      '__import__',
    ]);
  });

  test('broken syntax, quoting the text', () => {
    expectRefused(rawHeader("{'descr': '<i4', 'shape': (3,\n"), ['cannot parse header', "'shape': (3,"]);
  });

  test('a missing key, quoting the keys', () => {
    expectRefused(rawHeader("{'descr': '<i4', 'shape': (3,)}\n"), [
      "got ['descr', 'shape']",
      "missing 'fortran_order'",
    ]);
  });

  test('an extra key, quoting it', () => {
    expectRefused(rawHeader("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), 'extra': 1}\n"), [
      "unexpected 'extra'",
    ]);
  });

  test('a non-str key', () => {
    expectRefused(rawHeader("{'descr': '<i4', 'fortran_order': False, 'shape': (3,), 7: 1}\n"), ['unexpected 7']);
  });

  test('a repeated key', () => {
    expectRefused(rawHeader("{'descr': '<i4', 'descr': '<f8', 'fortran_order': False, 'shape': (3,)}\n"), [
      "key 'descr' appears more than once",
    ]);
  });

  test.each([
    ['an int', '42', '42'],
    ['None', 'None', 'None'],
    ['a tuple', "('<i4', (2,))", "('<i4', (2,))"],
    ['a field that is not a pair', "[('a',)]", "[('a',)]"],
    ['a field with a non-str name', "[(3, '<i4')]", "[(3, '<i4')]"],
    ['a field with a list shape', "[('a', '<i4', [2])]", "shape of field 'a' is not a tuple of non-negative ints: [2]"],
    ['a nested field of the wrong kind', "[('a', [('b', 1.5)])]", "[('a', [('b', 1.5)])]"],
  ])('a descr that is %s', (_what, descr, quoted) => {
    expectRefused(rawHeader(dictText({ descr })), [quoted]);
  });

  test.each([
    ["'|O'", "'|O'"],
    ["'O'", "'O'"],
    ["[('a', '<i4'), ('b', '|O')]", "[('a', '<i4'), ('b', '|O')]"],
    ["[('a', [('deep', '|O8')])]", "'|O8'"],
  ])('an object dtype in descr %s', (descr, quoted) => {
    expectRefused(rawHeader(dictText({ descr })), ['object arrays', 'cannot be memory-mapped', quoted]);
  });

  test.each([
    ['a list', '[3]', '[3]'],
    ['a negative dimension', '(3, -1)', '(3, -1)'],
    ['a float dimension', '(3.0,)', '(3.0,)'],
    ['a bool dimension', '(True,)', '(True,)'],
    ['a str', "'3'", "'3'"],
    ['None', 'None', 'None'],
  ])('a shape that is %s', (_what, shape, quoted) => {
    expectRefused(rawHeader(dictText({ shape })), [`shape is not a tuple of non-negative ints: ${quoted}`]);
  });

  test('a dimension above 2**53 - 1, quoting it', () => {
    expectRefused(rawHeader(dictText({ shape: '(2, 9007199254740992)' })), ['9007199254740992', '2**53 - 1']);
  });

  test.each([
    ['0', '0'],
    ["'False'", "'False'"],
    ['None', 'None'],
  ])('a fortran_order of %s', (fo, quoted) => {
    expectRefused(rawHeader(dictText({ fortran_order: fo })), [`fortran_order is not a bool: ${quoted}`]);
  });

  test('a header over the size cap, and reads it once the cap is raised', () => {
    const text = dictText() + ' '.repeat(MAX_HEADER_SIZE);
    const bytes = rawHeader(text, [2, 0]);
    expectRefused(bytes, [`${text.length} characters`, `maxHeaderSize of ${MAX_HEADER_SIZE}`]);
    expect(parseFile(bytes, { maxHeaderSize: text.length }).shape).toEqual([3]);
    expectRefused(bytes, [`maxHeaderSize of ${text.length - 1}`], { maxHeaderSize: text.length - 1 });
  });

  test('a version 3.0 header counts characters, not bytes, against the cap', () => {
    const text = `{'descr': [('${'λ'.repeat(3000)}', '<i4')], 'fortran_order': False, 'shape': (3,), }\n`;
    expect(Buffer.byteLength(text)).toBeGreaterThan(6000);
    expect(parseFile(rawHeader(text, [3, 0]), { maxHeaderSize: text.length }).shape).toEqual([3]);
  });

  test('a header nested deeper than the depth cap', () => {
    const deep = "[('a', ".repeat(100) + "'<i4'" + ')]'.repeat(100);
    expectRefused(rawHeader(dictText({ descr: deep }), [2, 0]), ['cannot parse header', 'deeper than'], {
      maxHeaderSize: 1 << 20,
    });
  });

  test('a version 3.0 header that is not UTF-8', () => {
    const bytes = rawHeader(Buffer.concat([Buffer.from("{'descr': [('"), Buffer.from([0xff, 0xfe]), Buffer.from("', '<i4')], }")]), [3, 0]);
    expectRefused(bytes, ['must be UTF-8']);
  });

  test('a bad maxHeaderSize with a RangeError', () => {
    expect(() => parseHeader(formatHeader({ descr: '<i4', fortranOrder: false, shape: [] }), 'x.npy', { maxHeaderSize: -1 })).toThrow(
      RangeError,
    );
  });
});

describe('headerLength', () => {
  test('needs only the first 12 bytes', () => {
    const full = formatHeader({ descr: '<i4', fortranOrder: false, shape: [3, 4] });
    expect(headerLength(full.subarray(0, 12), 'a.npy')).toBe(full.length);
    expect(headerLength(full.subarray(0, 10), 'a.npy')).toBe(full.length); // 1.0: a 2-byte length
  });

  test('refuses a length field beyond the cap before anyone reads that many bytes', () => {
    const prefix = new Uint8Array(12);
    prefix.set(MAGIC_PREFIX);
    prefix.set([2, 0, 0xff, 0xff, 0xff, 0xff], 6);
    expect(() => headerLength(prefix, '/data/huge.npy')).toThrow(ValueError);
    expect(() => headerLength(prefix, '/data/huge.npy')).toThrow(/'\/data\/huge\.npy'.*4294967295 characters/);
  });

  test('refuses a bad magic string and a bad version, naming the path', () => {
    expect(() => headerLength(new Uint8Array(12), '/data/zeros.bin')).toThrow(/'\/data\/zeros\.bin' is not a \.npy file/);
    const v9 = new Uint8Array(12);
    v9.set(MAGIC_PREFIX);
    v9[6] = 9;
    expect(() => headerLength(v9, '/data/v9.npy')).toThrow(/'\/data\/v9\.npy' uses \.npy format version \(9, 0\)/);
  });
});

describe('formatHeader', () => {
  test("writes NumPy's dict text, padded to 64 and ended by a newline", () => {
    const h = Buffer.from(formatHeader({ descr: '<i4', fortranOrder: false, shape: [3] }));
    expect(h.length % ARRAY_ALIGN).toBe(0);
    expect(h.subarray(0, 8)).toEqual(Buffer.from('\x93NUMPY\x01\x00', 'latin1'));
    expect(h.readUInt16LE(8)).toBe(h.length - 10);
    expect(h.subarray(10).toString('latin1')).toMatch(/^\{'descr': '<i4', 'fortran_order': False, 'shape': \(3,\), \} +\n$/);
  });

  test.each([
    [[], '()'],
    [[3], '(3,)'],
    [[2, 3], '(2, 3)'],
  ])('writes shape %j as the tuple %s', (shape, tuple) => {
    const text = Buffer.from(formatHeader({ descr: '<f8', fortranOrder: false, shape })).toString('latin1');
    expect(text).toContain(`'shape': ${tuple}, }`);
  });

  test('round-trips through parseHeader', () => {
    const descr: Descr = [['a', '<i4'], ['', '|V4'], ['b', [['x', '>f8'], ['y', 'S3', [2, 2]]]], ['λ', '<u2', [3]]];
    const bytes = formatHeader({ descr, fortranOrder: true, shape: [0, 2 ** 40] });
    expect(parseHeader(bytes, 'rt.npy')).toEqual({
      version: [3, 0],
      descr,
      fortranOrder: true,
      shape: [0, 2 ** 40],
      dataOffset: bytes.length,
    });
  });

  test('refuses an object dtype', () => {
    expect(() => formatHeader({ descr: [['a', '|O']], fortranOrder: false, shape: [1] })).toThrow(ValueError);
    expect(() => formatHeader({ descr: '|O', fortranOrder: false, shape: [1] })).toThrow(/cannot be memory-mapped/);
  });

  test('refuses bad shapes and orders with TypeError and RangeError', () => {
    expect(() => formatHeader({ descr: '<i4', fortranOrder: false, shape: [1.5] })).toThrow(TypeError);
    expect(() => formatHeader({ descr: '<i4', fortranOrder: false, shape: [-1] })).toThrow(RangeError);
    expect(() => formatHeader({ descr: '<i4', fortranOrder: false, shape: [2 ** 53] })).toThrow(RangeError);
    expect(() => formatHeader({ descr: '<i4', fortranOrder: 'no' as unknown as boolean, shape: [1] })).toThrow(TypeError);
    expect(() => formatHeader({ descr: [['a']] as unknown as Descr, fortranOrder: false, shape: [1] })).toThrow(TypeError);
  });
});

// ---------------------------------------------------------------------------

describeWithNumpy("formatHeader with a version: NumPy's format.write_array(..., version=)", () => {
  const VERSION_CASES = [
    { id: 'int32 2-d', array: "np.arange(6, dtype='<i4').reshape(2, 3)" },
    { id: 'fortran-order', array: "np.asfortranarray(np.ones((2, 3), dtype='>f8'))" },
    { id: '0-d', array: "np.array(1.5, dtype='<f4')" },
    { id: 'latin-1 field name', array: "np.zeros(2, dtype=[('\\u00e9t\\u00e9', '<f8')])" },
    { id: 'non-latin-1 field name', array: "np.zeros(2, dtype=[('\\u6e29', '<f8')])" },
    { id: 'header past 65535 bytes', array: "np.zeros(3, dtype=[(f'{i}' * 100, '<f8') for i in range(700)])" },
  ];
  const VERSIONS: ([1, 0] | [2, 0] | [3, 0])[] = [
    [1, 0],
    [2, 0],
    [3, 0],
  ];
  type Written = { descr: Descr; fortranOrder: boolean; shape: number[]; headers: (string | null)[] };
  let written: Written[];
  beforeAll(() => {
    written = runNumpy<Written[]>(`
import base64, io, sys
from numpy.lib import _format_impl as F
cases, versions = json.loads(sys.stdin.read())
out = []
for expr in cases:
    a = eval(expr)
    d = F.header_data_from_array_1_0(a)
    headers = []
    for v in versions:
        f = io.BytesIO()
        try:
            F._write_array_header(f, d, tuple(v))
            headers.append(base64.b64encode(f.getvalue()).decode())
        except ValueError:  # UnicodeEncodeError is one
            headers.append(None)
    out.append({'descr': d['descr'], 'fortranOrder': d['fortran_order'], 'shape': list(d['shape']), 'headers': headers})
print(json.dumps(out))
`, JSON.stringify([VERSION_CASES.map((c) => c.array), VERSIONS]));
  });

  describe.each(VERSION_CASES.map((c, i) => [c.id, i] as const))('%s', (_id, i) => {
    test.each(VERSIONS.map((v, j) => [v.join('.'), v, j] as const))('version %s: the same bytes, or a ValueError where NumPy raises one', (_v, version, j) => {
      const w = written[i]!;
      const expected = w.headers[j];
      const make = (): Uint8Array => formatHeader({ descr: w.descr, fortranOrder: w.fortranOrder, shape: w.shape, version });
      if (expected === null) {
        expect(make).toThrow(ValueError);
      } else {
        const ours = make();
        expect(Buffer.from(ours).toString('base64')).toBe(expected);
        expect(parseHeader(ours, 'v.npy', { maxHeaderSize: ours.length }).version).toEqual(version);
      }
    });
  });

  test('every case had a version NumPy could write (the cases are not all refusals)', () => {
    for (const w of written) expect(w.headers.some((h) => h !== null)).toBe(true);
  });
});

describe('formatHeader refuses a bad version', () => {
  const header = { descr: '<i8' as Descr, fortranOrder: false, shape: [1] };
  test.each([[[1, 1]], [[0, 0]], [[0, 1]], [[2, 2]], [[255, 255]], [[1]], [[1, 0, 0]], ['1.0'], [3]])('%j', (version) => {
    const e = thrownBy(() => formatHeader({ ...header, version: version as unknown as [1, 0] }), ValueError);
    expect(e.message).toMatch(/^we only support format version \(1,0\), \(2,0\), and \(3,0\), not /);
  });

  test("names the character that version 1.0 or 2.0 cannot hold, and NumPy's length for a header too long for 1.0", () => {
    const named = { descr: [['\u6e29', '<f8']] as Descr, fortranOrder: false, shape: [2] };
    expect(thrownBy(() => formatHeader({ ...named, version: [2, 0] }), ValueError).message).toContain('"\u6e29" (U+6E29)');
    const long = { descr: [['x'.repeat(256 * 256), '<i8']] as Descr, fortranOrder: false, shape: [] };
    expect(thrownBy(() => formatHeader({ ...long, version: [1, 0] }), ValueError).message).toMatch(/^Header length \d+ too big for version=\(1, 0\)/);
    // Without a version, the oldest that holds it; null is NumPy's version=None.
    expect(parseHeader(formatHeader({ ...long, version: null }), 'l.npy', { maxHeaderSize: 1e6 }).version).toEqual([2, 0]);
  });
});
