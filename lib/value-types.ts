/**
 * Type-level only: the JS value type of an element, inferred from a dtype
 * spec written as a literal (see the README's value mapping). `'<f8'` gives
 * `number`, `'<i8'` `bigint`, `'?'` `boolean`, `'<c16'` {@link Complex},
 * `'S10'` `Uint8Array`, and a literal field list
 * (`[['x', '<f4'], ['n', '<i8']]`) a record type `{ x: number; n: bigint }`.
 * Anything TypeScript cannot read (a DType object, a dict, a comma string, a
 * spec held in a `string` variable) gives `unknown`, the wide type.
 * @module
 */

/** A complex element: `{ re, im }`. */
export interface Complex {
  re: number;
  im: number;
}

/** Spellings whose elements read as `number` (ints up to 32 bits and floats). */
export type NumberSpec =
  | 'i1' | 'i2' | 'i4' | 'u1' | 'u2' | 'u4' | 'f2' | 'f4' | 'f8'
  | 'b' | 'B' | 'h' | 'H' | 'i' | 'I' | 'e' | 'f' | 'd'
  | 'int8' | 'int16' | 'int32' | 'uint8' | 'uint16' | 'uint32' | 'byte' | 'ubyte' | 'short' | 'ushort'
  | 'intc' | 'uintc' | 'float16' | 'float32' | 'float64' | 'half' | 'single' | 'double' | 'float';

/** Spellings whose elements read as `bigint` (64-bit ints). */
export type BigIntSpec =
  | 'i8' | 'u8' | 'l' | 'L' | 'q' | 'Q' | 'p' | 'P' | 'n' | 'N'
  | 'int64' | 'uint64' | 'long' | 'ulong' | 'int_' | 'intp' | 'uintp' | 'int' | 'uint' | 'longlong' | 'ulonglong';

/** Spellings whose elements read as `boolean`. */
export type BoolSpec = 'b1' | '?' | 'bool' | 'bool_';
/** Spellings whose elements read as {@link Complex}. */
export type ComplexSpec = 'c8' | 'c16' | 'F' | 'D' | 'complex64' | 'complex128' | 'csingle' | 'cdouble' | 'complex';

/** The element type of one scalar spec without its byte-order prefix. */
export type ScalarValue<S extends string> = S extends NumberSpec
  ? number
  : S extends BigIntSpec
    ? bigint
    : S extends BoolSpec
      ? boolean
      : S extends ComplexSpec
        ? Complex
        : S extends `S${number}` | `a${number}` | `V${number}` | 'S' | 'V' | 'c' | 'bytes' | 'bytes_' | 'void'
          ? Uint8Array
          : unknown;

/** `[name, format]` / `[name, format, shape]` entries → `{ name: value }` (subarray fields: nested arrays). */
export type RecordValue<L extends readonly unknown[]> = {
  -readonly [E in L[number] as E extends readonly [infer N extends string, ...unknown[]] ? N : never]: E extends readonly [string, infer F]
    ? ValueOf<F>
    : E extends readonly [string, unknown, unknown]
      ? unknown[]
      : never;
};

/** The JS value type of one element of dtype spec `D` (`unknown` when it cannot be told). */
export type ValueOf<D> = string extends D
  ? unknown
  : D extends `${'<' | '>' | '=' | '|'}${infer S}`
    ? ScalarValue<S>
    : D extends string
      ? ScalarValue<D>
      : D extends readonly (readonly [string, unknown] | readonly [string, unknown, unknown])[]
        ? number extends D['length']
          ? unknown
          : RecordValue<D>
        : unknown;

/** What `sum()`, `min()` and `max()` give for elements of type `T`. */
export type SumOf<T> = [T] extends [bigint] ? bigint : [T] extends [number | boolean] ? number : number | bigint;
