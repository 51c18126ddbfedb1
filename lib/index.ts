/**
 * mmarray: NumPy-grade strided arrays over memory-mapped files.
 * @packageDocumentation
 */
export { dtype, DType } from './dtype';
export { fromDescr } from './dtype';
export type { DTypeLike, DTypeKind, Field, Codec, ByteOrder, ByteOrderSpec, Descr, DescrEntry, DescrFormat, DescrList, DTypeDict, SubarraySpec, DTypeOptions } from './dtype';
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
export { saveNpyAsync, sumAsync, minAsync, maxAsync, meanAsync, copyAsync, astypeAsync, fillAsync, setAsync, byteswapAsync, forEachAsync, reduceAsync, AbortError } from './async';
export type { AsyncOptions } from './async';
export type { OpenNpyOptions, CreateNpyOptions } from './npy/npy';
export { MAX_HEADER_SIZE, ARRAY_ALIGN, GROWTH_AXIS_MAX_DIGITS, MAGIC_PREFIX, parseHeader, headerLength, formatHeader } from './npy/header';
export type { NpyHeader, HeaderOptions, Descr as NpyDescr, DescrField as NpyDescrField } from './npy/header';
export type { AnyTypedArray, TypedArrayOptions, StridedTypedArray } from './elementwise';
export type { Advice } from './native';
export { describe, explain, type ArrayDescription, type MappingDescription, type StrideWarning, type NativeMode, type Overlap } from './inspect';
