#include "flush_worker.h"

#include <utility>

#include "env_state.h"
#include "napi_util.h"

namespace mmarray {

Napi::Value FlushWorker::Start(Napi::Env env, std::shared_ptr<Mapping> mapping, size_t start,
                               size_t len) {
  auto* worker = new FlushWorker(env, std::move(mapping), start, len);
  // new Promise(executor): the executor keeps resolve and reject in the worker.
  Napi::Value ctor = env.Global().Get("Promise");
  Napi::Function executor = Napi::Function::New<Executor>(env, "flushAsync", worker);
  Napi::Value promise = env.IsExceptionPending() || !ctor.IsFunction()
                            ? env.Undefined()
                            : Napi::Value(ctor.As<Napi::Function>().New({executor}));
  if (env.IsExceptionPending() || worker->resolve_.IsEmpty() || worker->reject_.IsEmpty()) {
    delete worker;  // never queued: nothing else holds it
    if (!env.IsExceptionPending()) ThrowType(env, "flushAsync: could not create its promise");
    return env.Undefined();
  }
  worker->Queue();  // the worker deletes itself after OnOK/OnError
  return promise;
}

Napi::Value FlushWorker::Executor(const Napi::CallbackInfo& info) {
  // SAFETY: Data() is the worker Start made, not yet queued (so not deleted):
  // the Promise constructor calls the executor synchronously inside Start.
  auto* worker = static_cast<FlushWorker*>(info.Data());
  if (info.Length() >= 2 && info[0].IsFunction() && info[1].IsFunction() && worker->resolve_.IsEmpty()) {
    worker->resolve_ = Napi::Persistent(info[0].As<Napi::Function>());
    worker->reject_ = Napi::Persistent(info[1].As<Napi::Function>());
  }
  return info.Env().Undefined();
}

FlushWorker::FlushWorker(Napi::Env env, std::shared_ptr<Mapping> mapping, size_t start,
                         size_t len)
    : Napi::AsyncWorker(env, "mmarray.flushAsync"),
      mapping_(std::move(mapping)), start_(start), len_(len) {}

void FlushWorker::Execute() {
  // SAFETY: runs on a libuv pool thread and touches no Node-API. mapping_
  // (a shared_ptr) keeps the Mapping object alive; Sync takes its mutex and
  // checks base_, so a close() on the JS thread either waits for this msync
  // or makes it report "closed": msync never sees an unmapped address.
  if (!mapping_->Sync(start_, len_, &err_)) SetError("flush failed");
}

// Both completions also run while the env is torn down (worker.terminate(), or
// process.exit() in a worker, with a flush in flight): Environment::CleanupHandles
// drains the thread pool when JS can no longer run. Nobody is left to observe
// the promise then: Settle calls nothing, and the references go with the worker.
void FlushWorker::OnOK() { Settle(true); }

void FlushWorker::OnError(const Napi::Error& /*e*/) { Settle(false); }

void FlushWorker::Settle(bool ok) {
  if (EnvClosing(Env())) return;
  if (ok) {
    resolve_.Call({Env().Undefined()});
  } else {
    reject_.Call({MakeError(Env(), err_, mapping_->path()).Value()});
  }
  // An exception out of resolve/reject (they throw none of their own) stays
  // pending for node-addon-api's completion wrapper to report as uncaught.
}

}  // namespace mmarray
