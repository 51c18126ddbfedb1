// msync off the main thread: an AsyncWorker on libuv's pool settling a Promise.
#ifndef MMARRAY_FLUSH_WORKER_H_
#define MMARRAY_FLUSH_WORKER_H_

#include <napi.h>

#include <memory>

#include "mapping.h"

namespace mmarray {

class FlushWorker : public Napi::AsyncWorker {
 public:
  static Napi::Value Start(Napi::Env env, std::shared_ptr<Mapping> mapping, size_t start,
                           size_t len);

 protected:
  void Execute() override;
  void OnOK() override;
  void OnError(const Napi::Error& e) override;

 private:
  FlushWorker(Napi::Env env, std::shared_ptr<Mapping> mapping, size_t start, size_t len);
  static Napi::Value Executor(const Napi::CallbackInfo& info);
  void Settle(bool ok);

  // Holding the mapping keeps the Mapping object alive; its mutex makes a
  // concurrent close() wait for this msync instead of unmapping under it.
  std::shared_ptr<Mapping> mapping_;
  size_t start_;
  size_t len_;
  SysError err_;
  // The promise's resolve and reject functions, not a napi_deferred: a
  // deferred is freed only by settling it, which an env being torn down
  // refuses (it leaked on worker teardown), while references go with the
  // worker in any case (RAII, as native/async_kernels.cc).
  Napi::FunctionReference resolve_;
  Napi::FunctionReference reject_;
};

}  // namespace mmarray

#endif  // MMARRAY_FLUSH_WORKER_H_
