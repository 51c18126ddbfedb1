/**
 * `order`: NumPy's memory-order argument, read in one place as NumPy's
 * `PyArray_OrderConverter` reads it for every function that takes one.
 * @module
 */
import { ValueError, repr } from './errors';

/** Memory orders: C (row-major), F (column-major), A (F if the input is F-contiguous and not C), K (keep the input's). */
export type Order = 'C' | 'F' | 'A' | 'K';

const ORDERS: readonly string[] = ['C', 'F', 'A', 'K'];

/**
 * An `order` argument as NumPy reads it: `undefined`/`null` is `fallback`;
 * one letter of `C`, `F`, `A`, `K` in either case is that order.
 * @throws TypeError when `order` is not a string; ValueError for any other string (`''`, `'X'`, `'CF'`, `'fortran'`).
 */
export function readOrder(order: unknown, fallback: Order): Order {
  if (order === undefined || order === null) return fallback;
  if (typeof order !== 'string') throw new TypeError(`order must be str, not ${typeof order}`);
  const up = order.length === 1 ? order.toUpperCase() : '';
  if (!ORDERS.includes(up)) throw new ValueError(`order must be one of 'C', 'F', 'A', or 'K' (got ${repr(order)})`);
  return up as Order;
}

/**
 * An `order` where only C or F has a meaning (a new array from a shape,
 * `ravelMultiIndex`): `A` and `K` are NumPy's "only 'C' or 'F' order is
 * permitted".
 * @throws as {@link readOrder}; ValueError for `A` or `K`.
 */
export function readCOrF(order: unknown, fallback: 'C' | 'F'): 'C' | 'F' {
  const o = readOrder(order, fallback);
  if (o === 'A' || o === 'K') throw new ValueError("only 'C' or 'F' order is permitted");
  return o;
}
