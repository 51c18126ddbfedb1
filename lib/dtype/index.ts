/**
 * The dtype module: NumPy's data-type model (scalars, structured records,
 * subarrays) and the per-dtype codecs that read and write items.
 * @module
 */
export { DType, isDType } from './dtype';
export type {
  ByteOrder,
  ByteOrderSpec,
  Descr,
  DescrEntry,
  DescrFormat,
  DescrList,
  DTypeDict,
  DTypeKind,
  DTypeLike,
  Field,
  SubarraySpec,
} from './dtype';
export { dtype, fromDescr, type DTypeOptions } from './parse';
export type { Codec } from './codecs';
