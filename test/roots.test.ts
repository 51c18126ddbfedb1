// roots against NumPy's np.roots: the roots sorted (np.sort / sort:
// lexicographic for complex; the order is eigvals', which may differ from
// LAPACK's), real and complex (real coefficients with complex roots, complex
// coefficients), leading zeros trimmed, trailing zeros as zero
// roots, constants and all-zero input (empty), a 2-d input's error.
// Tolerance 1e-9 of the largest magnitude (companion matrices of
// well-separated roots).
import * as lib from '../lib';
import { describeWithNumpy } from './helpers/numpy';
import { expectLinalgLikeNumpy, type LinalgCase } from './helpers/np-linalg';
import { useTempDir } from './helpers/tmp';

const TOL = 1e-9;

describeWithNumpy('roots against NumPy', () => {
  const tmp = useTempDir('mmarray-roots-');
  const run = (cases: LinalgCase[]): void => expectLinalgLikeNumpy(tmp.dir, 'Z = np.zeros(1)', ['Z'], cases);

  test('roots: values (sorted), trimming, constants', () => {
    const polys = ['[1, -3, 2]', '[1, 0, 1]', '[0, 0, 1, -6, 11, -6, 0, 0]', '[2.5, 0, -1, 4, 7]', '[3]', '[0, 0]', '[1, 0]', '[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]'];
    const cases: LinalgCase[] = polys.map((p) => ({ py: `np.sort(np.roots(${p}))`, js: () => lib.sort(lib.roots(JSON.parse(p) as number[])), tol: TOL }));
    cases.push({ py: 'np.roots(np.ones((2, 2)))', js: () => lib.roots(lib.ones([2, 2])), tol: 0 });
    // Complex coefficients: a complex companion matrix, complex roots (also when they are real).
    const cpolys: [string, lib.NdArray][] = [
      ['[1+1j, 2, 3-1j]', lib.asarray([{ re: 1, im: 1 }, 2, { re: 3, im: -1 }])],
      ['[1j, 0, -4j]', lib.asarray([{ re: 0, im: 1 }, 0, { re: 0, im: -4 }])],
      ['[0, 2j, 1, 0]', lib.asarray([0, { re: 0, im: 2 }, 1, 0])],
      ['[1, -1j, 2, -2j, 1+0.5j]', lib.asarray([1, { re: 0, im: -1 }, 2, { re: 0, im: -2 }, { re: 1, im: 0.5 }])],
    ];
    for (const [p, a] of cpolys) cases.push({ py: `np.sort(np.roots(np.array(${p})))`, js: () => lib.sort(lib.roots(a)), tol: TOL });
    cases.push({ py: 'np.roots(np.array([2j]))', js: () => lib.roots(lib.asarray([{ re: 0, im: 2 }])), tol: 0 });
    // One-field records and bools cast to float64 (their zero records trimmed too).
    const rec = { names: ['a'], formats: ['>u4'] };
    cases.push(
      {
        py: "np.sort(np.roots(np.array([(0,), (1,), (4294967293,), (2,), (0,)], dtype=[('a', '>u4')])))",
        js: () => lib.sort(lib.roots(lib.fromBuffer(new Uint8Array([0, 0, 0, 0, 0, 0, 0, 1, 255, 255, 255, 253, 0, 0, 0, 2, 0, 0, 0, 0]), rec))),
        tol: TOL,
      },
      { py: 'np.roots(np.array([False, True, True]))', js: () => lib.roots(lib.asarray([false, true, true])), tol: TOL },
    );
    run(cases);
  });
});
