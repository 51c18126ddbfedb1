// Module init only: registers the native surface that lib/native.ts loads,
// and receives the JS error classes it throws (setErrorClasses).
#include <napi.h>
#include <sys/stat.h>

#include <string>

#include "accumulate_kernels.h"
#include "dot_kernels.h"
#include "linalg_decomp.h"
#include "linalg_eig.h"
#include "linalg_kernels.h"
#include "histogram_kernels.h"
#include "reduceat_kernels.h"
#include "async_kernels.h"
#include "correlate.h"
#include "env_state.h"
#include "index_kernels.h"
#include "kernels.h"
#include "live_mappings.h"
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

// liveMappingsOf(path): how many live mappings of the file at `path` (by
// st_dev and st_ino) this process holds, from every thread; -1 when it
// cannot be stat'ed. Shrinking a file (resize, the trim on close) asks it
// first: truncating under another live mapping would kill its next read of
// a page past the new end with SIGBUS.
Napi::Value LiveMappingsOf(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 1 || !info[0].IsString()) {
    mmarray::ThrowType(env, "liveMappingsOf(path): path must be a string");
    return env.Undefined();
  }
  std::string path = info[0].As<Napi::String>().Utf8Value();
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return Napi::Number::New(env, -1);
  mmarray::LiveMappingsLock live;
  return Napi::Number::New(env, static_cast<double>(live.CountOf(mmarray::FileId{st.st_dev, st.st_ino})));
}

// truncateUnmapped(path, length): truncates the file at `path` to `length`
// bytes only when no live mapping of it remains in this process, checked and
// done under the registry's lock (LiveMappingsLock). Returns the number of
// live mappings (0: truncated) or -errno. resize() and the trim on close()
// shrink files through it.
Napi::Value TruncateUnmapped(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (info.Length() < 2 || !info[0].IsString() || !info[1].IsNumber()) {
    mmarray::ThrowType(env, "truncateUnmapped(path, length): path must be a string and length a number");
    return env.Undefined();
  }
  std::string path = info[0].As<Napi::String>().Utf8Value();
  double length = info[1].As<Napi::Number>().DoubleValue();
  if (!(length >= 0 && length <= 9007199254740991.0) || length != static_cast<double>(static_cast<long long>(length))) {
    mmarray::ThrowType(env, "truncateUnmapped(path, length): length must be a safe non-negative integer");
    return env.Undefined();
  }
  long long r = mmarray::TruncateUnmapped(path.c_str(), static_cast<long long>(length));
  return Napi::Number::New(env, static_cast<double>(r));
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
  mmarray::InitAccumulateKernels(env, exports);
  mmarray::InitDotKernels(env, exports);
  mmarray::InitLinalgKernels(env, exports);
  mmarray::InitLinalgDecomp(env, exports);
  mmarray::InitLinalgEig(env, exports);
  mmarray::InitReduceatKernels(env, exports);
  mmarray::InitHistogramKernels(env, exports);
  mmarray::InitCorrelate(env, exports);
  exports.Set("setErrorClasses", Napi::Function::New<SetErrorClasses>(env, "setErrorClasses"));
  exports.Set("liveMappingsOf", Napi::Function::New<LiveMappingsOf>(env, "liveMappingsOf"));
  exports.Set("truncateUnmapped", Napi::Function::New<TruncateUnmapped>(env, "truncateUnmapped"));
  exports.Set("pageSize", Napi::Number::New(env, static_cast<double>(mmarray::PageSize())));
  return exports;
}

}  // namespace

NODE_API_MODULE(mmarray, Init)
