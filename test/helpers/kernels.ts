import { setNativeKernels } from '../../lib/kernels';

/** Runs `f` with the native kernels off: the JS reference path every kernel must equal. */
export function jsPath<T>(f: () => T): T {
  setNativeKernels(false);
  try {
    return f();
  } finally {
    setNativeKernels(true);
  }
}
