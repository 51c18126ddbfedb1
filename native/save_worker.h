// saveNpyAsync's whole save as one job on libuv's pool: the temporary file
// opened beside the target, the header and the elements in C order written
// to it, fsync, rename over the target, fsync of the folder. The JS thread
// only starts it, polls its progress and settles it (lib/async.ts).
#ifndef MMARRAY_SAVE_WORKER_H_
#define MMARRAY_SAVE_WORKER_H_

#include <napi.h>

namespace mmarray {

// Adds kernelSaveAsync, kernelSaveAbort and kernelSaveProgress to `exports`.
void InitSaveWorker(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_SAVE_WORKER_H_
