/**
 * The `linalg` namespace: NumPy's `np.linalg`, its functions in camelCase
 * (`linalg.matrixPower` is `np.linalg.matrix_power`). Import it as
 * `import { linalg } from 'mmarray'` and call `linalg.solve(a, b)`.
 * `matmul` and `tensordot` are the top-level ones; `outer` and `cross` are
 * NumPy's stricter linalg forms (1-d operands; 3-vectors), and `diagonal`,
 * `trace`, `matrixTranspose`, `vecdot`, `matrixNorm`, `vectorNorm`,
 * `tensorinv` and `tensorsolve` work on matrices as NumPy's linalg ones do
 * (lib/linalg-array-api.ts).
 * @module
 */
export { norm } from './linalg-norm';
export type { NormOptions, NormOrd } from './linalg-norm';
export { det, slogdet, inv, solve, cholesky } from './linalg-solve';
export type { SlogdetResult, CholeskyOptions } from './linalg-solve';
export { matrixPower, multiDot } from './linalg-chain';
export type { MultiDotOptions } from './linalg-chain';
export { qr } from './linalg-qr';
export type { QrMode, QrOptions, QRResult, QrRawResult } from './linalg-qr';
export { svd, svdvals } from './linalg-svd';
export type { SvdOptions, SVDResult } from './linalg-svd';
export { eigh, eigvalsh } from './linalg-eigh';
export { eigvals } from './linalg-eigvals';
export { eig } from './linalg-eig';
export type { EigResult } from './linalg-eig';
export type { EighOptions, EighResult } from './linalg-eigh';
export { pinv, matrixRank } from './linalg-pinv';
export type { PinvOptions, MatrixRankOptions } from './linalg-pinv';
export { lstsq } from './linalg-lstsq';
export type { LstsqOptions, LstsqResult } from './linalg-lstsq';
export { cond } from './linalg-cond';
export { matmul, tensordot } from './linalg';
export { cross, diagonal, matrixNorm, matrixTranspose, outer, tensorinv, tensorsolve, trace, vecdot, vectorNorm } from './linalg-array-api';
export type { MatrixDiagonalOptions, MatrixNormOptions, MatrixTraceOptions, VectorAxisOptions, VectorNormOptions } from './linalg-array-api';
export { LinAlgError } from './errors';
