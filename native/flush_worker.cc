#include "flush_worker.h"

#include <utility>

#include "errors.h"

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
  if (!mapping_->Sync(start_, len_, &err_)) SetError("flush failed");
}

void FlushWorker::OnOK() { deferred_.Resolve(Env().Undefined()); }

void FlushWorker::OnError(const Napi::Error& /*e*/) {
  deferred_.Reject(MakeError(Env(), err_, mapping_->path()).Value());
}

}  // namespace mmarray
