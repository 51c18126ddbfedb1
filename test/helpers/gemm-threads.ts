// The products' thread cap (lib/dot-native.ts setDotThreads) stepped through
// 1, 2, 4, 1, 2: `run`'s results (e.g. hex of an array's bytes) must be the same
// on every step, as gemm.h promises; the cap is restored afterwards.
import type { NdArray } from '../../lib';
import { setDotThreads } from '../../lib/dot-native';

/** An array's bytes in C order as hex: equal strings are equal bits. */
export function hexBits(x: NdArray): string {
  return Buffer.from(x.copy().ravel().view('u1').typedArray() as Uint8Array).toString('hex');
}

/** Expects `run()` to give the same result on 1, 2 and 4 threads and on every run. */
export function expectSameOnEveryThreadCount<T>(run: () => T): void {
  const was = setDotThreads(1);
  try {
    const one = run();
    for (const t of [2, 4, 1, 2]) {
      setDotThreads(t);
      expect(run()).toEqual(one);
    }
  } finally {
    setDotThreads(was);
  }
}
