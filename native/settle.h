// The end of an async job on the pool (async_kernels.cc KernelWorker,
// save_worker.cc SaveWorker): one way to settle the promise lib/async.ts made
// around it, through `settle(error, value, doneBytes, totalBytes)`.
//
// A function reference, not a napi_deferred: a deferred can only be freed by
// resolving it, which an env being torn down refuses, while the reference is
// freed with the worker in any case (RAII; the leak LeakSanitizer found on
// worker teardown). Raw N-API with every status checked and nothing thrown:
// this may run while a worker thread's environment is going away.
#ifndef MMARRAY_SETTLE_H_
#define MMARRAY_SETTLE_H_

#include <napi.h>

#include <atomic>
#include <cstdint>

#include "env_state.h"

namespace mmarray {

// Undoes what the job's worker took at its start (the closing hook
// `stop(job)`, the env table's `id`), then, unless the env is closing, calls
// `settle` with `outcome(&error, &value)`'s error or value (both start
// undefined; outcome returns false when it could not make them, and then
// nothing is called) and the job's progress.
template <typename Outcome>
void SettleJob(Napi::Env env, void (*stop)(void*), void* job, uint32_t id, const Napi::FunctionReference& settle,
               const std::atomic<int64_t>& done_bytes, int64_t total_bytes, Outcome outcome) {
  RemoveClosingHook(env, stop, job);
  Release(env, id);
  if (EnvClosing(env)) return;
  napi_value args[4];
  napi_get_undefined(env, &args[0]);
  napi_get_undefined(env, &args[1]);
  if (napi_create_double(env, static_cast<double>(done_bytes.load()), &args[2]) != napi_ok ||
      napi_create_double(env, static_cast<double>(total_bytes), &args[3]) != napi_ok) {
    return;
  }
  if (!outcome(&args[0], &args[1])) return;
  napi_value fn = settle.Value();
  napi_value recv;
  if (fn == nullptr || napi_get_undefined(env, &recv) != napi_ok) return;
  // An exception out of settle (it has none of its own) stays pending for
  // node-addon-api's completion wrapper to report as uncaught.
  napi_call_function(env, recv, fn, 4, args, nullptr);
}

}  // namespace mmarray

#endif  // MMARRAY_SETTLE_H_
