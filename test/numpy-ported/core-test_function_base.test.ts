// NumPy's own numpy/_core/tests/test_function_base.py (NumPy 2.4; lib's file of
// the same name is test_function_base.test.ts): class TestLinspace, ported test
// by test: same names, same intent, the same values and errors.
//
// Mapping: np.linspace(start, stop, num, endpoint=, retstep=, dtype=) ->
// linspace(start, stop, num, { endpoint, retstep, dtype }); len(y) -> y.shape[0];
// y[-1] -> y.get(-1); a NumPy scalar end point (np.int8(-120)) -> the JS number
// get() reads, a Python float here, as NumPy computes in float64 for both.
//
// Skipped (not counted as passing):
// - test_physical_quantities, test_subclass, test_array_interface, test_object: Python
//   operator overloading, subclasses as end points, __array_interface__ and object dtype.
import { arange, array, linspace, stack, ValueError, type NdArray } from '../../lib';
import { thrownBy } from '../helpers/thrown';

const list = (a: NdArray): unknown[] => a.toArray() as unknown[];

describe('TestLinspace', () => {
  test('test_basic', () => {
    expect(linspace(0, 10).shape[0]).toBe(50);
    expect(linspace(2, 10, 100).get(-1)).toBe(10);
    expect(linspace(2, 10, 50, { endpoint: false }).get(-1) as number).toBeLessThan(10);
    thrownBy(() => linspace(0, 10, -1), ValueError);
  });

  test('test_corner', () => {
    expect(list(linspace(0, 1, 1))).toEqual([0.0]);
    thrownBy(() => linspace(0, 1, 2.5), TypeError);
  });

  test('test_type', () => {
    const t1 = linspace(0, 1, 0).dtype;
    const t2 = linspace(0, 1, 1).dtype;
    const t3 = linspace(0, 1, 2).dtype;
    expect(t1.equals(t2)).toBe(true);
    expect(t2.equals(t3)).toBe(true);
  });

  test('test_dtype', () => {
    expect(linspace(0, 6, 50, { dtype: 'float32' }).dtype.name).toBe('float32');
    expect(linspace(0, 6, 50, { dtype: 'float64' }).dtype.name).toBe('float64');
    expect(linspace(0, 6, 50, { dtype: 'int32' }).dtype.name).toBe('int32');
  });

  test('test_start_stop_array_scalar', () => {
    const lim1 = array([-120, 100], 'int8');
    const lim2 = array([120, -100], 'int8');
    const lim3 = array([1200, 1000], 'uint16');
    const t1 = linspace(lim1.get(0) as number, lim1.get(1) as number, 5);
    const t2 = linspace(lim2.get(0) as number, lim2.get(1) as number, 5);
    const t3 = linspace(lim3.get(0) as number, lim3.get(1) as number, 5);
    expect(list(t1)).toEqual(list(linspace(-120.0, 100.0, 5)));
    expect(list(t2)).toEqual(list(linspace(120.0, -100.0, 5)));
    expect(list(t3)).toEqual(list(linspace(1200.0, 1000.0, 5)));
    expect(list(t1)).toEqual([-120, -65, -10, 45, 100]);
  });

  test('test_complex', () => {
    const lim1 = linspace({ re: 1, im: 2 }, { re: 3, im: 4 }, 5);
    const t1 = [[1.0, 2], [1.5, 2.5], [2.0, 3], [2.5, 3.5], [3.0, 4]].map(([re, im]) => ({ re, im }));
    const lim2 = linspace({ re: 0, im: 1 }, 10, 5);
    const t2 = [[0.0, 1], [2.5, 0.75], [5.0, 0.5], [7.5, 0.25], [10.0, 0]].map(([re, im]) => ({ re, im }));
    expect(list(lim1)).toEqual(t1);
    expect(list(lim2)).toEqual(t2);
  });

  test('test_denormal_numbers', () => {
    // stop = nextafter(ftype(0), ftype(1)) * 5: a denormal of each float type (a float64 end point here).
    for (const [ftype, tiny] of [['float16', 2 ** -24], ['float32', 2 ** -149], ['float64', 5e-324]] as const) {
      const y = linspace(0, tiny * 5, 10, { endpoint: false, dtype: ftype });
      expect(list(y).some((v) => v !== 0)).toBe(true);
    }
  });

  test('test_equivalent_to_arange', () => {
    for (let j = 0; j < 1000; j++) {
      expect(list(linspace(0, j, j + 1, { dtype: 'int64' }))).toEqual(list(arange(j + 1, 'int64')));
    }
  });

  test('test_retstep', () => {
    for (const num of [0, 1, 2]) {
      for (const ept of [false, true]) {
        const y = linspace(0, 1, num, { endpoint: ept, retstep: true });
        expect(Array.isArray(y) && y.length === 2).toBe(true);
        if (num === 2) {
          const y0Expect = ept ? [0.0, 1.0] : [0.0, 0.5];
          expect(list(y[0])).toEqual(y0Expect);
          expect(y[1]).toBe(y0Expect[1]);
        } else if (num === 1 && !ept) {
          expect(list(y[0])).toEqual([0.0]);
          expect(y[1]).toBe(1.0);
        } else {
          expect(list(y[0])).toEqual([0.0].slice(0, num));
          expect(y[1]).toBeNaN();
        }
      }
    }
  });

  test('test_round_negative', () => {
    const y = linspace(-1, 3, 8, { dtype: 'int64' });
    expect(list(y)).toEqual([-1n, -1n, 0n, 0n, 1n, 1n, 2n, 3n]);
  });

  test('test_start_stop_array', () => {
    const start = array([-120, 120], 'int8');
    const stop = array([100, -100], 'int8');
    const t1 = linspace(start, stop, 5);
    const t2 = stack([0, 1].map((i) => linspace(start.index(i), stop.index(i), 5)), { axis: 1 });
    expect(t1.shape).toEqual(t2.shape);
    expect(t1.toArray()).toEqual(t2.toArray());
    const t3 = linspace(start, stop.index(0), 5);
    const t4 = stack([0, 1].map((i) => linspace(start.index(i), stop.index(0), 5)), { axis: 1 });
    expect(t3.shape).toEqual(t4.shape);
    expect(t3.toArray()).toEqual(t4.toArray());
    const t5 = linspace(start, stop, 5, { axis: -1 });
    expect(t5.shape).toEqual(t2.T.shape);
    expect(t5.toArray()).toEqual(t2.T.toArray());
  });

  test('test_any_step_zero_and_not_mult_inplace', () => {
    // any_step_zero is True, _mult_inplace is False
    const start = array([0.0, 1.0]);
    const stop = array([2.0, 1.0]);
    const y = linspace(start, stop, 3);
    expect(y.toArray()).toEqual([[0.0, 1.0], [1.0, 1.0], [2.0, 1.0]]);
  });
  test.skip('test_physical_quantities, test_subclass, test_array_interface, test_object: Python protocols and object dtype', () => undefined);
});

describe('TestLinspace (array end points)', () => {
  test('test_start_stop_array', () => {
    const start = array([-120, 120], 'i1');
    const stop = array([100, -100], 'i1');
    const t1 = linspace(start, stop, 5);
    const t2 = stack([0, 1].map((i) => linspace(start.get(i) as number, stop.get(i) as number, 5)), { axis: 1 });
    expect(t1.toArray()).toEqual(t2.toArray());
    const t3 = linspace(start, stop.get(0) as number, 5);
    const t4 = stack([0, 1].map((i) => linspace(start.get(i) as number, stop.get(0) as number, 5)), { axis: 1 });
    expect(t3.toArray()).toEqual(t4.toArray());
    const t5 = linspace(start, stop, 5, { axis: -1 });
    expect(t5.toArray()).toEqual(t2.T.toArray());
  });
  test('test_any_step_zero_and_not_mult_inplace', () => {
    const y = linspace(array([0.0, 1.0]), array([2.0, 1.0]), 3);
    expect(y.toArray()).toEqual([[0.0, 1.0], [1.0, 1.0], [2.0, 1.0]]);
  });
});
