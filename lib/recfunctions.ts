/**
 * NumPy's `numpy.lib.recfunctions.structured_to_unstructured` and
 * `unstructured_to_structured`: a record array as a plain array with one
 * more axis holding its (flattened) fields, and back. As NumPy's, built from
 * views and casts: `structuredToUnstructured` returns a **view** of the
 * records when every field has the result's dtype and the fields sit at one
 * common stride (`x`, `y`, `z` float64 fields of a point record), else a
 * copy.
 * @module
 */
import { dtype as toDType, type DType, type DTypeLike } from './dtype';
import { NotImplementedError, ValueError } from './errors';
import { isArray, requireOpen } from './internal';
import type { NdArray } from './ndarray';
import { readKnownOptions } from './options';
import { resultType, type Casting } from './promote';
import { asarray } from './array-coerce';
import { asStrided, ascontiguousarray } from './views';

/** Options of {@link structuredToUnstructured}. */
export interface StructuredToUnstructuredOptions {
  /** The result's dtype (default: the result type of every field's dtype). */
  dtype?: DTypeLike | null;
  /** Always copy (default false: a view when the fields allow one). */
  copy?: boolean;
  /** The casting of the fields to `dtype` (default `'unsafe'`). */
  casting?: Casting;
}

/** Options of {@link unstructuredToStructured}. */
export interface UnstructuredToStructuredOptions {
  /** The record dtype of the result (default: one field of the input's dtype per item of the last axis). */
  dtype?: DTypeLike | null;
  /** The field names without `dtype` (default `f0`, `f1`, …). */
  names?: readonly string[] | null;
  /** Lay the default record out with C alignment (as NumPy's `align=True`). */
  align?: boolean;
  /** Always copy (default false). */
  copy?: boolean;
  /** The casting of the items into the fields (default `'unsafe'`). */
  casting?: Casting;
}

/** One leaf field: its element dtype (no subarray), item count (a subarray's, nested ones multiplied) and byte offset in the record. */
interface Leaf {
  base: DType;
  count: number;
  offset: number;
}

/**
 * NumPy's `_get_fields_and_offsets`: the leaf fields of a record dtype in
 * order, nested records flattened (a subarray of records as its records'
 * leaves, one record after the other), a subarray field (nested ones
 * included) as its element dtype and item count.
 */
function leaves(dt: DType, at = 0): Leaf[] {
  const out: Leaf[] = [];
  for (const name of dt.names ?? []) {
    const { dtype: f, offset } = dt.fields![name];
    let base = f;
    let count = 1;
    while (base.subdtype !== null) {
      count *= base.shape.reduce((p, s) => p * s, 1);
      base = base.base;
    }
    if (!base.isStructured) {
      out.push({ base, count, offset: at + offset });
    } else {
      const inner = leaves(base, at + offset);
      for (let i = 0; i < count; i++) for (const l of inner) out.push({ ...l, offset: l.offset + i * base.itemsize });
    }
  }
  return out;
}

/** A leaf's dtype as NumPy's `np.dtype((base, (count,)))`, of `base` or another element type. */
function leafType(l: Leaf, base: DType = l.base): DType {
  return toDType([base, [l.count]] as unknown as DTypeLike);
}

/** NumPy's `_common_stride`: the one stride between the leaves' items, or null. Subarrays are contiguous runs. */
function commonStride(fields: readonly Leaf[], itemsize: number): number | null {
  if (fields.length <= 1) return itemsize;
  const negative = fields[1].offset < fields[0].offset;
  const it = negative ? [...fields].reverse() : fields;
  let prev: number | null = null;
  let stride: number | null = null;
  for (const { offset, count } of it) {
    let end = offset;
    if (count !== 1) {
      if (negative) return null;
      if (stride === null) stride = itemsize;
      if (stride !== itemsize) return null;
      end = offset + (count - 1) * itemsize;
    }
    if (prev !== null) {
      const s = offset - prev;
      if (stride === null) stride = s;
      if (stride !== s) return null;
    }
    prev = end;
  }
  return negative ? -(stride as number) : (stride as number);
}

/** A record dtype of leaves `f0`, `f1`, … with the given formats, offsets and itemsize (packed without offsets). */
function recordOf(formats: readonly DType[], offsets: readonly number[] | null, itemsize: number | null): DType {
  const names = formats.map((_, i) => `f${i}`);
  const spec: Record<string, unknown> = { names, formats };
  if (offsets !== null) spec.offsets = offsets;
  if (itemsize !== null) spec.itemsize = itemsize;
  return toDType(spec as unknown as DTypeLike);
}

/**
 * NumPy's `structured_to_unstructured(arr, dtype=None, copy=False,
 * casting='unsafe')`: a record array as an array with one more axis, its
 * leaf fields in order (nested records flattened, a subarray field as its
 * items). The dtype is the result type of the fields unless given. A view
 * of the records (writes go through) when `copy` is false, every field has
 * that dtype and the fields are evenly spaced; else a new array of the
 * fields cast with `casting`.
 * @throws ValueError for a non-record array or a record without fields (NumPy's words); NotImplementedError for a record without fields given a dtype, as NumPy's.
 */
export function structuredToUnstructured(arr: NdArray, options: StructuredToUnstructuredOptions = {}): NdArray {
  const o = readKnownOptions(options, ['dtype', 'copy', 'casting'], 'structuredToUnstructured');
  if (!isArray(arr)) throw new TypeError('structuredToUnstructured(): arr must be an NdArray');
  requireOpen(arr);
  if (!arr.dtype.isStructured || arr.dtype.subdtype !== null) throw new ValueError('arr must be a structured array');
  const fields = leaves(arr.dtype);
  if (fields.length === 0) {
    if (o.dtype === undefined || o.dtype === null) throw new ValueError('arr has no fields. Unable to guess dtype');
    throw new NotImplementedError('arr with no fields is not supported');
  }
  const out = o.dtype === undefined || o.dtype === null ? resultType(...fields.map((f) => f.base)) : toDType(o.dtype);
  const n = fields.reduce((p, f) => p + f.count, 0);
  if (o.copy !== true && fields.every((f) => f.base.equals(out) && f.base.str === out.str)) {
    const stride = commonStride(fields, out.itemsize);
    if (stride !== null) {
      // As NumPy's: the records as bytes, from the first field on, strided over the items.
      const minOffset = Math.min(...fields.map((f) => f.offset));
      const bytes = arr.index('..., None').view('u1').index(`..., ${minOffset}:`);
      const v = asStrided(bytes, [...arr.shape, n, out.itemsize], [...arr.strides, Math.abs(stride), 1]).view(out).index('..., 0');
      return stride < 0 ? v.index('..., ::-1') : v;
    }
  }
  const flat = recordOf(fields.map((f) => leafType(f)), fields.map((f) => f.offset), arr.dtype.itemsize);
  const packed = recordOf(fields.map((f) => leafType(f, out)), null, null);
  const cast = arr.view(flat).astype(packed, { copy: o.copy === true, casting: o.casting ?? 'unsafe' });
  return cast.view([out, [n]] as unknown as DTypeLike);
}

/**
 * NumPy's `unstructured_to_structured(arr, dtype=None, names=None,
 * align=False, copy=False, casting='unsafe')`: the last axis of `arr` as
 * the leaf fields of a record (by default one field of `arr`'s dtype per
 * item, named `names` or `f0`, `f1`, …), the items cast with `casting`.
 * @throws ValueError for a 0-d array, a last axis that does not match the dtype's leaf count, both `dtype` and `names`, or `align` with a dtype that is not an aligned struct (NumPy's words); NotImplementedError for a last axis of length 0, as NumPy's.
 */
export function unstructuredToStructured(arr: NdArray | readonly unknown[], options: UnstructuredToStructuredOptions = {}): NdArray {
  const o = readKnownOptions(options, ['dtype', 'names', 'align', 'copy', 'casting'], 'unstructuredToStructured');
  const a = isArray(arr) ? arr : asarray(arr);
  requireOpen(a);
  if (a.ndim === 0) throw new ValueError('arr must have at least one dimension');
  const nElem = a.shape[a.ndim - 1];
  if (nElem === 0) throw new NotImplementedError('last axis with size 0 is not supported');
  let out: DType;
  let fields: Leaf[];
  if (o.dtype === undefined || o.dtype === null) {
    const names = o.names ?? Array.from({ length: nElem }, (_, i) => `f${i}`);
    out = toDType({ names, formats: names.map(() => a.dtype), ...(o.align === true ? { aligned: true } : {}) } as unknown as DTypeLike);
    fields = leaves(out);
  } else {
    if (o.names !== undefined && o.names !== null) throw new ValueError("don't supply both dtype and names");
    out = toDType(o.dtype);
    fields = leaves(out);
    if (nElem !== fields.reduce((p, f) => p + f.count, 0)) throw new ValueError('The length of the last dimension of arr must be equal to the number of fields in dtype');
    if (o.align === true && !out.isalignedstruct) throw new ValueError('align was True but dtype is not aligned');
  }
  const packed = recordOf(fields.map((f) => leafType(f, a.dtype)), null, null);
  const flat = recordOf(fields.map((f) => leafType(f)), fields.map((f) => f.offset), out.itemsize);
  const cast = ascontiguousarray(a).view(packed).astype(flat, { copy: o.copy === true, casting: o.casting ?? 'unsafe' });
  return cast.view(out).index('..., 0');
}
