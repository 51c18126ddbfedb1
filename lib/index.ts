/**
 * mmarray: NumPy-grade strided arrays over memory-mapped files.
 * @packageDocumentation
 */
export { dtype, DType } from './dtype';
export { fromDescr } from './dtype';
export type { DTypeLike, DTypeKind, Field, Codec, ByteOrder, ByteOrderSpec, Descr, DescrEntry, DescrFormat, DescrList, DTypeDict, SubarraySpec, DTypeOptions } from './dtype';
export { NdArray, Flags } from './ndarray';
export type { Order, AstypeOptions, IndexSpec, ArrayClass, Retyped, FieldValue } from './ndarray';
export type { Complex, ValueOf, SumOf, ScalarValue, RecordValue, NumberSpec, BigIntSpec, BoolSpec, ComplexSpec } from './value-types';
export { slice, Slice, newaxis, ellipsis } from './indexing';
export type { IndexItem } from './indexing';
export { fromBuffer, ndarray, zeros, empty, ones, full, zerosLike, emptyLike, onesLike, fullLike, eye, identity, arange, asStrided, broadcastTo, broadcastArrays, slidingWindowView, ascontiguousarray } from './create';
export { array, asarray } from './array-coerce';
export type { ArrayOptions } from './array-coerce';
export { linspace } from './linspace';
export type { LinspaceOptions } from './linspace';
export { logspace, geomspace } from './logspace';
export type { LogspaceOptions, GeomspaceOptions, LogspaceEnd } from './logspace';
export { broadcastShapes } from './broadcast';
export type { FromBufferOptions, NdarrayOptions, LikeOptions, AsStridedOptions, SlidingWindowOptions } from './create';
export { sharesMemory, mayShareMemory } from './memory';
export { isclose, allclose, arrayEqual, arrayEquiv } from './isclose';
export type { CloseInput, IscloseOptions, ArrayEqualOptions } from './isclose';
export { stats, resetStats } from './stats';
export type { Stats } from './stats';
export {
  AccessError,
  AxisError,
  IndexError,
  KeyError,
  MemoryError,
  OverflowError,
  TooHardError,
  ValueError,
  ZeroDivisionError,
} from './errors';
export type { AccessErrorCode } from './errors';
export { memmap, Memmap } from './memmap';
export type { MemmapOptions, MemmapMode } from './memmap';
export { openNpy, createNpy, saveNpy, readNpyHeader } from './npy/npy';
export { appendNpy } from './npy/append';
export { saveNpyAsync, sumAsync, minAsync, maxAsync, meanAsync, copyAsync, astypeAsync, fillAsync, setAsync, byteswapAsync, forEachAsync, reduceAsync, AbortError, ITERATION_SLICE, PARALLEL_MIN_BYTES, PROGRESS_INTERVAL_MS } from './async';
export type { AstypeAsyncOptions, AsyncOptions } from './async';
export type { OpenNpyOptions, CreateNpyOptions } from './npy/npy';
export { MAX_HEADER_SIZE, ARRAY_ALIGN, GROWTH_AXIS_MAX_DIGITS, MAGIC_PREFIX, parseHeader, headerLength, formatHeader } from './npy/header';
export type { NpyHeader, HeaderOptions, Descr as NpyDescr, DescrField as NpyDescrField, DescrSubarray as NpyDescrSubarray } from './npy/header';
export type { AnyTypedArray, TypedArrayOptions, StridedTypedArray } from './typed';
export type { Advice } from './native';
export { describe, explain, type ArrayDescription, type MappingDescription, type StrideWarning, type NativeMode, type Overlap } from './inspect';
export { recordStream, recordWriter, PartialRecordError } from './stream';
export type { RecordStreamOptions, RecordWriter } from './stream';
export { sum, prod, mean, min, max, argmin, argmax, any, all, countNonzero } from './reduce-axis';
export { variance, std } from './variance';
export type { VarianceOptions } from './variance';
export { median, quantile, percentile, ptp } from './quantile';
export type { QuantileMethod, QuantileOptions, MedianOptions, QuantileQ } from './quantile';
export { average } from './average';
export type { AverageOptions } from './average';
export { nansum, nanprod, nancumsum, nancumprod, nanmin, nanmax, nanargmin, nanargmax, nanmean, nanvar, nanstd, nanmedian, nanquantile, nanpercentile } from './nan-reduce';
export type { NanReduceOptions, NanExtremaOptions, NanVarianceOptions } from './nan-reduce';
export { histogram, histogramBinEdges, digitize, HISTOGRAM_BLOCK } from './histogram';
export type { HistogramOptions, HistogramBinEdgesOptions, DigitizeOptions } from './histogram';
export { histogramdd, histogram2d } from './histogramdd';
export type { HistogramddOptions, Histogram2dOptions, HistogramddResult, HistogramddBins } from './histogramdd';
export { cumsum, cumprod } from './cumulative';
export { maximumAccumulate, minimumAccumulate } from './accumulate';
export type { AccumulateOptions } from './accumulate';
export { addReduceat, multiplyReduceat, minimumReduceat, maximumReduceat, logicalAndReduceat, logicalOrReduceat, logicalXorReduceat, bitwiseAndReduceat, bitwiseOrReduceat, bitwiseXorReduceat } from './reduceat';
export type { ReduceatOptions } from './reduceat';
export type { CumulativeOptions } from './cumulative';
export { diff } from './diff';
export type { DiffOptions } from './diff';
export { interp } from './interp';
export type { InterpOptions, InterpInput } from './interp';
export { trapezoid } from './trapezoid';
export type { TrapezoidOptions } from './trapezoid';
export { gradient } from './gradient';
export type { GradientOptions, GradientSpacing } from './gradient';
export { select } from './select';
export type { SelectCondition, SelectChoice } from './select';
export { choose } from './choose';
export type { ChooseOptions } from './choose';
export { piecewise } from './piecewise';
export type { PiecewiseFunction, PiecewiseConditions } from './piecewise';
export { cov, corrcoef } from './cov';
export type { CovOptions, CorrcoefOptions } from './cov';
export { convolve, correlate } from './convolve';
export type { ConvolveMode } from './convolve';
export type { Axis, ReduceOptions, ArgReduceOptions } from './reduce-axis';
export type { WithAxis } from './options';
export { take, put, putmask, compress, nonzero, argwhere, flatnonzero, addAt } from './fancy';
export type { FancyItem, ClipMode, TakeOptions, PutOptions, CompressOptions } from './fancy';
export { unravelIndex, ravelMultiIndex } from './ravel-index';
export type { UnravelIndexOptions, RavelMultiIndexOptions, RavelMode } from './ravel-index';
export { sort, sortInPlace, argsort, searchsorted, unique, bincount } from './sort';
export type { SortOptions, SearchsortedOptions, UniqueResult, UniqueOptions, BincountOptions } from './sort';
export { partition, argpartition } from './partition';
export type { Kth, PartitionOptions } from './partition';
export { lexsort } from './lexsort';
export type { LexsortOptions } from './lexsort';
export { isin, intersect1d, union1d, setdiff1d, setxor1d } from './set-ops';
export type { SetInput, IsinOptions, Intersect1dOptions, Intersect1dResult, SetOptions } from './set-ops';
export { concatenate, stack } from './join';
export type { JoinOptions } from './join';
export { atleast1d, atleast2d, atleast3d, hstack, vstack, dstack, columnStack } from './stack-helpers';
export type { StackOptions } from './stack-helpers';
export { block } from './block';
export type { BlockArrays } from './block';
export { split, arraySplit, hsplit, vsplit, dsplit } from './split';
export type { Sections } from './split';
export { repeat, tile } from './repeat';
export type { Repeats } from './repeat';
export { roll } from './roll';
export { insert, deleteItems, append } from './insert-delete';
export type { InsertDeleteOptions, ItemIndex } from './insert-delete';
export { pad } from './pad';
export type { PadMode, PadPairs, PadOptions } from './pad';
export { diagonal, diag, diagflat, trace, tri, tril, triu, trilIndices, triuIndices, diagIndices, fillDiagonal } from './diagonal';
export type { TraceOptions } from './diagonal';
export { matmul, dot, vdot, inner, outer, tensordot, kron, cross } from './linalg';
export type { MatmulOptions, CrossOptions } from './linalg';
// np.linalg: `linalg.det`, `linalg.solve`, ... (lib/linalg-namespace.ts); LinAlgError also top-level.
export * as linalg from './linalg-namespace';
export { LinAlgError } from './errors';
export type { NormOptions, NormOrd, SlogdetResult, CholeskyOptions, MultiDotOptions } from './linalg-namespace';
export { einsum, einsumPath } from './einsum';
export type { EinsumOptions, EinsumPathOptions } from './einsum';
export { meshgrid, indices } from './grids';
export type { MeshgridOptions, IndicesOptions } from './grids';
export { flip, fliplr, flipud, rot90, moveaxis, swapaxes, squeeze, expandDims, ravel } from './axis-views';
export { resultType, promoteTypes, canCast, DTypePromotionError } from './promote';
export type { PyScalar, Casting, PromoteOperand } from './promote';
export { UFuncTypeError } from './ufunc';
export type { UfuncInput, UfuncOptions } from './ufunc';
export type { UfuncOrder } from './ufunc-options';
export * from './ufuncs';
export { fix, isposinf, isneginf } from './ufunclike';
export type { UfuncLikeOptions } from './ufunclike';
export { real, imag, angle, iscomplex, isreal, iscomplexobj, isrealobj } from './complex-parts';
export type { AngleOptions } from './complex-parts';
export { nanToNum } from './nan-to-num';
export type { NanToNumOptions } from './nan-to-num';
export { copyto } from './copyto';
export type { CopytoOptions } from './copyto';
export { takeAlongAxis, putAlongAxis } from './along-axis';
export { extract, place } from './extract-place';
export { resize } from './resize';
export { ediff1d } from './ediff1d';
export type { Ediff1dOptions } from './ediff1d';
export { trimZeros } from './trim-zeros';
export type { TrimZerosOptions } from './trim-zeros';
export { packbits, unpackbits } from './bits';
export type { BitOrder, PackbitsOptions, UnpackbitsOptions } from './bits';
export { uniqueValues, uniqueCounts, uniqueInverse, uniqueAll } from './unique-api';
export type { UniqueAllResult } from './unique-api';
export { sinc, i0 } from './special-functions';
export { unwrap } from './unwrap';
export type { UnwrapOptions } from './unwrap';
