#include "flush_worker.h"

#include <utility>

#include "env_state.h"
#include "napi_util.h"

namespace mmarray {

Napi::Promise FlushWorker::Start(Napi::Env env, std::shared_ptr<Mapping> mapping, size_t start,
                                 size_t len) {
  auto* worker = new FlushWorker(env, std::move(mapping), start, len);
  Napi::Promise promise = worker->deferred_.Promise();
  worker->Queue();  // the worker deletes itself after OnOK/OnError
  return promise;
}

FlushWorker::FlushWorker(Napi::Env env, std::shared_ptr<Mapping> mapping, size_t start,
                         size_t len)
    : Napi::AsyncWorker(env, "mmarray.flushAsync"),
      mapping_(std::move(mapping)), start_(start), len_(len),
      deferred_(Napi::Promise::Deferred::New(env)) {}

void FlushWorker::Execute() {
  // SAFETY: runs on a libuv pool thread and touches no Node-API. mapping_
  // (a shared_ptr) keeps the Mapping object alive; Sync takes its mutex and
  // checks base_, so a close() on the JS thread either waits for this msync
  // or makes it report "closed": msync never sees an unmapped address.
  if (!mapping_->Sync(start_, len_, &err_)) SetError("flush failed");
}

// Both completions also run while the env is torn down (worker.terminate(), or
// process.exit() in a worker, with a flush in flight): Environment::CleanupHandles
// drains the thread pool when JS can no longer run, so settling the promise
// fails. Nobody is left to observe it; NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS
// (binding.gyp, CMakeLists.txt) makes node-addon-api drop that failure instead
// of aborting the whole process with "FATAL ERROR: ... napi_throw".
void FlushWorker::OnOK() {
  if (EnvClosing(Env())) return;
  deferred_.Resolve(Env().Undefined());
}

void FlushWorker::OnError(const Napi::Error& /*e*/) {
  if (EnvClosing(Env())) return;
  deferred_.Reject(MakeError(Env(), err_, mapping_->path()).Value());
}

}  // namespace mmarray
