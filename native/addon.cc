// Module init only: registers the native surface that lib/native.ts loads,
// and receives the JS error classes it throws (setErrorClasses).
#include <napi.h>

#include "async_kernels.h"
#include "env_state.h"
#include "index_kernels.h"
#include "kernels.h"
#include "mapping.h"
#include "mapping_handle.h"
#include "napi_util.h"
#include "sort_kernels.h"
#include "ufunc_kernels.h"
#include "pool_buffer.h"
#include "save_worker.h"

namespace {

// setErrorClasses({ AccessError }): the class of lib/errors.ts that native
// code throws for a closed mapping and a read-only write, called by
// lib/native.ts right after loading (better-sqlite3's
// setErrorConstructor(SqliteError)). Per env: a worker hands over its own.
Napi::Value SetErrorClasses(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Value cls = info.Length() > 0 && info[0].IsObject()
                        ? info[0].As<Napi::Object>().Get("AccessError")
                        : env.Undefined();
  if (env.IsExceptionPending()) return env.Undefined();
  if (!cls.IsFunction()) {
    mmarray::ThrowType(env, "setErrorClasses({ AccessError }): AccessError must be a class");
    return env.Undefined();
  }
  mmarray::SetAccessErrorClass(env, cls.As<Napi::Function>());
  return env.Undefined();
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  mmarray::InitEnvState(env);
  exports.Set("MappingHandle", mmarray::MappingHandle::Init(env));
  mmarray::InitKernels(env, exports);
  mmarray::InitAsyncKernels(env, exports);
  mmarray::InitSaveWorker(env, exports);
  mmarray::InitIndexKernels(env, exports);
  mmarray::InitSortKernels(env, exports);
  mmarray::InitPoolBuffer(env, exports);
  mmarray::InitUfuncKernels(env, exports);
  exports.Set("setErrorClasses", Napi::Function::New<SetErrorClasses>(env, "setErrorClasses"));
  exports.Set("pageSize", Napi::Number::New(env, static_cast<double>(mmarray::PageSize())));
  return exports;
}

}  // namespace

NODE_API_MODULE(mmarray, Init)
