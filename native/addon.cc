// Module init only: registers the native surface that lib/native.ts loads.
#include <napi.h>

#include <unistd.h>

#include "async_kernels.h"
#include "env_state.h"
#include "index_kernels.h"
#include "kernels.h"
#include "windows.h"

namespace {

Napi::Object Init(Napi::Env env, Napi::Object exports) {
  mmarray::InitEnvState(env);
  exports.Set("MappingHandle", mmarray::MappingHandle::Init(env));
  mmarray::InitKernels(env, exports);
  mmarray::InitAsyncKernels(env, exports);
  mmarray::InitIndexKernels(env, exports);
  exports.Set("pageSize", Napi::Number::New(env, static_cast<double>(sysconf(_SC_PAGESIZE))));
  return exports;
}

}  // namespace

NODE_API_MODULE(mmarray, Init)
