// NumPy's own numpy/_core/tests/test_numerictypes.py (NumPy 2.4): the record
// creation and reading classes for the plain description (Pdescr), the empty
// field and multiple-field tests, ported test by test: same names, same
// intent, the same values and shapes.
//
// Mapping: np.zeros(shape, dtype=descr) -> zeros(shape, descr); h.dtype.descr
// -> h.dtype.descr (lists where NumPy has tuples); h.dtype['y'] ->
// h.dtype.fields.y.dtype; h['z'] -> h.field('z'); np.array(rows, dtype=descr)
// -> the rows set into zeros(shape, descr) (a record as a list of its field
// values, test/helpers/np-array.ts); a.dtype = descr -> a.view(descr);
// ary[['f0', 'f2']] -> ary.fields(['f0', 'f2']); .tolist() -> toArray() (a
// record reads as an object, README "Values"). normalize_descr's result is
// written out.
//
// Left out, not counted as passing:
// - TestCreateZerosNested, TestCreateValuesNested*, TestReadValuesNested*: the
//   nested description has a unicode field ('U8'); there is no unicode dtype.
// - CreateZeros' `.type == np.void` checks: there are no scalar type objects
//   (the name and char checks are kept).
// - TestMultipleFields.test_no_tuple: ary['f0', 'f1'] (a tuple of names) has no
//   spelling here; a list of names is `fields()`.
// - TestIsSubDType, TestIsDType, TestSctypeDict, TestMaximumSctype,
//   Test_sctype2char, test_issctype, TestDocStrings, TestScalarTypeNames,
//   TestScalarTypeOrder, TestBoolDefinition: np.issubdtype, np.isdtype, the
//   sctype helpers and the scalar type classes do not exist here.
import { arange, zeros, type NdArray } from '../../lib';
import { array, vals } from '../helpers/np-array';

const Pdescr = [
  ['x', 'i4', [2]],
  ['y', 'f8', [2, 2]],
  ['z', 'u1'],
];
// normalize_descr(Pdescr) on a little-endian machine.
const PdescrNormal = [
  ['x', '<i4', [2]],
  ['y', '<f8', [2, 2]],
  ['z', '|u1'],
];
const PbufferT = [
  [[3, 2], [[6, 4], [6, 4]], 8],
  [[4, 3], [[7, 5], [7, 5]], 9],
];

describe('TestCreateZerosPlain', () => {
  test('test_zeros0D', () => {
    const h = zeros([], Pdescr as never);
    expect(h.dtype.descr).toEqual(PdescrNormal);
    expect(h.dtype.fields!.x.dtype.name.slice(0, 4)).toBe('void');
    expect(h.dtype.fields!.x.dtype.char).toBe('V');
    expect(h.field('z').dtype.str).toBe('|u1');
    expect(h.field('z').shape).toEqual([]);
    expect(vals(h.field('z'))).toEqual(0);
  });

  test('test_zerosSD', () => {
    const h = zeros([2], Pdescr as never);
    expect(h.dtype.descr).toEqual(PdescrNormal);
    expect(h.dtype.fields!.y.dtype.name.slice(0, 4)).toBe('void');
    expect(h.dtype.fields!.y.dtype.char).toBe('V');
    expect(h.field('z').shape).toEqual([2]);
    expect(vals(h.field('z'))).toEqual([0, 0]);
  });

  test('test_zerosMD', () => {
    const h = zeros([2, 3], Pdescr as never);
    expect(h.dtype.descr).toEqual(PdescrNormal);
    expect(h.dtype.fields!.z.dtype.name).toBe('uint8');
    expect(h.dtype.fields!.z.dtype.char).toBe('B');
    expect(h.field('z').shape).toEqual([2, 3]);
    expect(vals(h.field('z'))).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ]);
  });
});

/** np.array(buffer, dtype=Pdescr), `rows` levels of lists around a record. */
function fromRecords(buffer: unknown, shape: number[]): NdArray {
  return array(buffer, Pdescr, shape);
}

describe.each([
  ['TestCreateValuesPlainSingle', false],
  ['TestCreateValuesPlainMultiple', true],
] as const)('%s', (_name, multipleRows) => {
  const buffer = multipleRows ? PbufferT : PbufferT[0];
  const rows = multipleRows ? [2] : [];

  test('test_tuple', () => {
    const h = fromRecords(buffer, rows);
    expect(h.dtype.descr).toEqual(PdescrNormal);
    expect(h.shape).toEqual(multipleRows ? [2] : []);
  });

  test('test_list_of_tuple', () => {
    const h = fromRecords([buffer], [1, ...rows]);
    expect(h.dtype.descr).toEqual(PdescrNormal);
    expect(h.shape).toEqual(multipleRows ? [1, 2] : [1]);
  });

  test('test_list_of_list_of_tuple', () => {
    const h = fromRecords([[buffer]], [1, 1, ...rows]);
    expect(h.dtype.descr).toEqual(PdescrNormal);
    expect(h.shape).toEqual(multipleRows ? [1, 1, 2] : [1, 1]);
  });
});

describe.each([
  ['TestReadValuesPlainSingle', false],
  ['TestReadValuesPlainMultiple', true],
] as const)('%s', (_name, multipleRows) => {
  test('test_access_fields', () => {
    if (!multipleRows) {
      const b = PbufferT[0];
      const h = fromRecords(b, []);
      expect(h.shape).toEqual([]);
      expect(vals(h.field('x'))).toEqual(vals(array(b[0], 'i4')));
      expect(h.field('x').dtype.str).toBe('<i4');
      expect(vals(h.field('y'))).toEqual(vals(array(b[1], 'f8')));
      expect(vals(h.field('z'))).toEqual(vals(array(b[2], 'u1')));
    } else {
      const h = fromRecords(PbufferT, [2]);
      expect(h.shape[0]).toBe(2);
      expect(vals(h.field('x'))).toEqual(vals(array([PbufferT[0][0], PbufferT[1][0]], 'i4')));
      expect(vals(h.field('y'))).toEqual(vals(array([PbufferT[0][1], PbufferT[1][1]], 'f8')));
      expect(vals(h.field('z'))).toEqual(vals(array([PbufferT[0][2], PbufferT[1][2]], 'u1')));
    }
  });
});

describe('TestEmptyField', () => {
  test('test_assign', () => {
    const a = arange(10, 'f4');
    const v = a.view([
      ['int', '<0i4'],
      ['float', '<2f4'],
    ] as never);
    expect(v.field('int').shape).toEqual([5, 0]);
    expect(v.field('float').shape).toEqual([5, 2]);
  });
});

describe('TestMultipleFields', () => {
  const ary = (): NdArray =>
    array(
      [
        [1, 2, 3, 4],
        [5, 6, 7, 8],
      ],
      'i4,f4,i2,c8',
      [2],
    );

  test('test_return', () => {
    const res = ary().fields(['f0', 'f2']).toArray();
    expect(res).toEqual([
      { f0: 1, f2: 3 },
      { f0: 5, f2: 7 },
    ]);
  });
});
