/**
 * mmarray: NumPy-grade strided arrays over memory-mapped files.
 * @packageDocumentation
 */
export { dtype, DType } from './dtype';
export type { DTypeLike, DTypeKind, Field, Codec } from './dtype';
export { NdArray, Flags } from './ndarray';
export type { Order, IndexSpec, ArrayClass } from './ndarray';
export { slice, Slice, newaxis, ellipsis } from './indexing';
export type { IndexItem } from './indexing';
export { fromBuffer, ndarray, zeros, empty, arange, asStrided, broadcastTo, ascontiguousarray } from './create';
export type { FromBufferOptions, NdarrayOptions, AsStridedOptions } from './create';
export { sharesMemory, mayShareMemory } from './memory';
export { stats, resetStats } from './stats';
export type { Stats } from './stats';
export {
  AccessError,
  AxisError,
  IndexError,
  KeyError,
  OverflowError,
  TooHardError,
  ValueError,
} from './errors';
export type { AccessErrorCode } from './errors';
export { memmap, Memmap } from './memmap';
export type { MemmapOptions, MemmapMode } from './memmap';
export { openNpy, createNpy, saveNpy, readNpyHeader } from './npy/npy';
export type { OpenNpyOptions, CreateNpyOptions } from './npy/npy';
export { describe, explain, type ArrayDescription, type MappingDescription, type StrideWarning, type NativeMode, type Overlap } from './inspect';
