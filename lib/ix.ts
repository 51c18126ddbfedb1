/**
 * NumPy's `ix_(*args)` (`numpy/lib/_index_tricks_impl.py`): 1-d index
 * sequences reshaped to broadcast against each other, for indexing the
 * cross product (`a.index(...ix_(rows, cols))` is NumPy's `a[np.ix_(rows,
 * cols)]`). A boolean sequence becomes its nonzero positions; an empty JS
 * list becomes an empty int64 array (NumPy's intp, not its float default);
 * an NdArray argument is reshaped as a view of itself.
 * @module
 */
import { asarray } from './array-coerce';
import { ValueError } from './errors';
import { NdArray as ArrayClass, requireOpen } from './internal';
import type { NdArray } from './ndarray';

/**
 * NumPy's `np.ix_(*args)`: argument `k` (1-d) reshaped to length-1 axes
 * everywhere but axis `k`.
 *
 * @example
 * const [r, c] = ix_([0, 1], [2, 4]); // shapes [2, 1] and [1, 2]
 * a.index(r, c); // the 2×2 block of rows 0-1 and columns 2, 4
 * @throws ValueError for an argument that is not 1-d
 */
export function ix_(...args: (NdArray | readonly unknown[])[]): NdArray[] {
  const nd = args.length;
  return args.map((arg, k) => {
    let a: NdArray;
    if (arg instanceof ArrayClass) {
      requireOpen(arg);
      a = arg;
    } else {
      a = asarray(arg as never);
      if (a.size === 0) a = a.astype('<i8');
    }
    if (a.ndim !== 1) throw new ValueError('Cross index must be 1 dimensional');
    if (a.dtype.kind === 'b') a = a.nonzero()[0];
    return a.reshape([...new Array<number>(k).fill(1), a.size, ...new Array<number>(nd - k - 1).fill(1)]);
  });
}
