/**
 * einsum's sublist form, `einsum(a, [0, 1], b, [1, 2], [0, 2])`: operands
 * each followed by a list of axis labels (integers 0–51, or `ellipsis` for
 * `...`), then optionally the output's list. Turned into the subscripts
 * string as NumPy's `einsum_list_to_subscripts` does (0–25 are `A`–`Z`,
 * 26–51 are `a`–`z`), with NumPy's errors for a label out of range or of
 * the wrong kind; einsum.ts then runs the string form.
 * @module
 */
import { ValueError, repr } from './errors';
import { ellipsis } from './indexing';

/** One sublist as subscript letters. */
function termOf(list: unknown): string {
  if (!Array.isArray(list)) throw new TypeError(`einsum: a sublist must be a list of integers (and ellipsis), got ${repr(list)}`);
  let s = '';
  for (const item of list as readonly unknown[]) {
    if (item === ellipsis) {
      s += '...';
      continue;
    }
    if (typeof item !== 'number' || !Number.isInteger(item)) {
      throw new TypeError('each subscript must be either an integer or an ellipsis to provide subscripts strings as lists');
    }
    if (item < 0 || item >= 52) throw new ValueError('subscript is not within the valid range [0, 52)');
    s += String.fromCharCode(item < 26 ? 65 + item : 97 + item - 26);
  }
  return s;
}

/**
 * The arguments of einsum's sublist form as `[subscripts, operands...]`
 * (the options object, if last, stays last). `args` starts with the first
 * operand.
 */
export function sublistArgs(args: readonly unknown[]): [string, unknown[]] {
  const last = args[args.length - 1];
  const hasOptions = args.length > 0 && last !== null && typeof last === 'object' && !Array.isArray(last) && !ArrayBuffer.isView(last) && Object.getPrototypeOf(last) === Object.prototype;
  const body = hasOptions ? args.slice(0, -1) : [...args];
  const ops: unknown[] = [];
  const terms: string[] = [];
  let k = 0;
  for (; k + 1 < body.length; k += 2) {
    ops.push(body[k]);
    terms.push(termOf(body[k + 1]));
  }
  let subscripts = terms.join(',');
  if (k < body.length) subscripts += `->${termOf(body[k])}`;
  return [subscripts, hasOptions ? [...ops, last] : ops];
}
