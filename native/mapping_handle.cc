#include "mapping_handle.h"

#include <string>

#include "env_state.h"
#include "flush_worker.h"
#include "napi_util.h"

namespace mmarray {
namespace {

// Node 20 creates external ArrayBuffers through Buffer, which refuses more
// than 4 GiB; the JS layer asks for windows no larger than this.
constexpr double kMaxWindow = 4294967296.0;

// What each live mapping reports to V8 as external memory. The scarce
// resource is not bytes (the pages belong to the page cache) but entries
// against vm.max_map_count, and a dropped mapping is only unmapped once the GC
// collects its handle: a fixed cost per mapping makes V8 collect after about
// a thousand dropped ones (its external-memory trigger is 64 MiB) instead of
// never, whatever the mapped sizes.
constexpr int64_t kExternalCost = 64 * 1024;

bool ParseMode(const std::string& s, Mode* mode) {
  if (s == "r") *mode = Mode::kRead;
  else if (s == "r+") *mode = Mode::kReadWrite;
  else if (s == "w+") *mode = Mode::kCreate;
  else if (s == "c") *mode = Mode::kCopyOnWrite;
  else return false;
  return true;
}

bool ParseAdvice(const std::string& s, Advice* advice) {
  if (s == "normal") *advice = Advice::kNormal;
  else if (s == "sequential") *advice = Advice::kSequential;
  else if (s == "random") *advice = Advice::kRandom;
  else if (s == "willneed") *advice = Advice::kWillNeed;
  else if (s == "dontneed") *advice = Advice::kDontNeed;
  else return false;
  return true;
}

// Marks MappingHandle objects, so FromValue can tell them from any other
// wrapped object before unwrapping.
constexpr napi_type_tag kMappingHandleTag = {0x6d6d61727261795fULL, 0x68616e646c653031ULL};

void FinalizeWindow(napi_env /*env*/, void* /*data*/, void* hint) {
  // Each window holds one reference to the mapping; the last one out unmaps.
  // No Node-API call here, so this is safe at env teardown too.
  // SAFETY: hint is the heap shared_ptr Window allocated for this one buffer;
  // Node-API calls the finalizer once per buffer it took the hint for (Window
  // deletes it itself only when creation was refused before that).
  delete static_cast<std::shared_ptr<Mapping>*>(hint);
}

}  // namespace

Napi::Function MappingHandle::Init(Napi::Env env) {
  return DefineClass(env, "MappingHandle", {
      InstanceMethod<&MappingHandle::Window>("window"),
      InstanceMethod<&MappingHandle::Flush>("flush"),
      InstanceMethod<&MappingHandle::FlushAsync>("flushAsync"),
      InstanceMethod<&MappingHandle::Advise>("advise"),
      InstanceMethod<&MappingHandle::Close>("close"),
      InstanceAccessor<&MappingHandle::GetLength>("length"),
      InstanceAccessor<&MappingHandle::GetClosed>("closed"),
  });
}

MappingHandle::MappingHandle(const Napi::CallbackInfo& info)
    : Napi::ObjectWrap<MappingHandle>(info) {
  Napi::Env env = info.Env();
  napi_type_tag_object(env, info.This(), &kMappingHandleTag);
  if (info.Length() < 4 || !info[0].IsString() || !info[1].IsString()) {
    ThrowType(env, "MappingHandle(path, mode, offset, length)");
    return;
  }
  std::string path = info[0].As<Napi::String>().Utf8Value();
  Mode mode;
  if (!ParseMode(info[1].As<Napi::String>().Utf8Value(), &mode)) {
    ThrowValue(env, "mode must be one of 'r', 'r+', 'w+', 'c'");
    return;
  }
  double offset, length;
  if (!ToSize(info[2], false, &offset)) {
    ThrowRange(env, "offset must be an integer in [0, 2^53)");
    return;
  }
  if (!ToSize(info[3], true, &length)) {
    ThrowRange(env, "length must be an integer in [0, 2^53) or -1");
    return;
  }
  SysError err;
  mapping_ = Mapping::Open(path, mode, static_cast<int64_t>(offset),
                           static_cast<int64_t>(length), &err);
  if (!mapping_) {
    MakeError(env, err, path).ThrowAsJavaScriptException();
    return;
  }
  external_ = kExternalCost;
  Napi::MemoryManagement::AdjustExternalMemory(env, external_);
}

MappingHandle::~MappingHandle() {
  // The finalizer of a handle dropped without close(). At env teardown V8 no
  // longer needs the accounting (and the env may not take calls): skip it.
  // Built for NAPI_VERSION 8, this and FinalizeWindow run on a later turn of
  // the event loop (Node queues them with SetImmediate), never from the GC
  // itself: only NAPI_VERSION_EXPERIMENTAL modules get GC-time ("pure")
  // finalizers, and Node defers external ArrayBuffer finalizers even then.
  // So a synchronous loop cannot get dropped mappings back; the live-mapping
  // limit in Mapping::Open turns that into an error instead of an abort.
  if (!EnvClosing(Env())) ReleaseExternal(Env());
}

void MappingHandle::ReleaseExternal(Napi::Env env) {
  if (external_ == 0) return;
  Napi::MemoryManagement::AdjustExternalMemory(env, -external_);
  external_ = 0;
}

MappingHandle* MappingHandle::FromValue(Napi::Env env, Napi::Value v) {
  if (!v.IsObject()) return nullptr;
  bool tagged = false;
  if (napi_check_object_type_tag(env, v, &kMappingHandleTag, &tagged) != napi_ok || !tagged) return nullptr;
  // Raw napi_unwrap, not ObjectWrap::Unwrap: while a worker is terminated the
  // call fails, and node-addon-api's error path for a failure aborts.
  void* wrapped = nullptr;
  if (napi_unwrap(env, v, &wrapped) != napi_ok) return nullptr;
  // SAFETY: only the MappingHandle constructor sets this tag, on the object
  // it wraps, so the wrapped pointer is a live MappingHandle (the object `v`
  // is on the caller's stack, so it is not collected during the call).
  return static_cast<MappingHandle*>(wrapped);
}

bool MappingHandle::Range(const Napi::CallbackInfo& info, size_t first, size_t* start,
                          size_t* len) {
  Napi::Env env = info.Env();
  if (closed_ || !mapping_) {
    ThrowClosed(env, Path());
    return false;
  }
  // Integers below 2^53 from JS, compared in uint64 so nothing can overflow:
  // start <= total first, then len against what is left.
  const uint64_t total = mapping_->length();
  double d;
  uint64_t s = 0, n = 0;
  bool has_len = info.Length() > first + 1 && !info[first + 1].IsUndefined();
  if (info.Length() > first && !info[first].IsUndefined()) {
    if (!ToSize(info[first], false, &d)) {
      ThrowRange(env, "start must be a non-negative integer");
      return false;
    }
    s = static_cast<uint64_t>(d);
  }
  if (has_len) {
    if (!ToSize(info[first + 1], false, &d)) {
      ThrowRange(env, "length must be a non-negative integer");
      return false;
    }
    n = static_cast<uint64_t>(d);
  }
  if (s > total || (has_len && n > total - s)) {
    // s + n < 2^54: no overflow in the message either.
    ThrowRange(env, "range [" + std::to_string(s) + ", " + std::to_string(has_len ? s + n : total) +
                        ") is outside the mapping of " + std::to_string(total) + " bytes");
    return false;
  }
  *start = static_cast<size_t>(s);
  *len = static_cast<size_t>(has_len ? n : total - s);
  return true;
}

Napi::Value MappingHandle::Window(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  size_t start, len;
  if (!Range(info, 0, &start, &len)) return env.Undefined();
  if (static_cast<double>(len) > kMaxWindow || len == 0) {
    ThrowRange(env, "a window holds 1 byte to 4 GiB, not " + std::to_string(len));
    return env.Undefined();
  }
  auto* hint = new std::shared_ptr<Mapping>(mapping_);
  napi_value ab;
  // SAFETY: [start, start + len) was checked against the mapping above, and
  // the window's own reference (hint) keeps the pages mapped until its
  // finalizer runs, unless close() detaches the window first.
  napi_status status = napi_create_external_arraybuffer(
      env, mapping_->data() + start, len, FinalizeWindow, hint, &ab);
  if (status != napi_ok) {
    // Only when Node-API refused before taking the hint do we still own it:
    // on any later failure node::Buffer::New has already called (or queued)
    // FinalizeWindow, which deletes it, so deleting it here would be a
    // double free.
    if (status == napi_no_external_buffers_allowed) delete hint;
    if (env.IsExceptionPending()) return env.Undefined();
    Throw(env, ErrorCode::kNoExternalBuffers,
          "this runtime refuses external ArrayBuffers, so '" + mapping_->path() +
              "' cannot be mapped without a copy (napi status " + std::to_string(status) + ")");
    return env.Undefined();
  }
  Napi::ArrayBuffer buffer(env, ab);
  if (windows_.size() == windows_.capacity()) PruneWindows();
  windows_.push_back(Napi::Weak(buffer));
  return buffer;
}

void MappingHandle::PruneWindows() {
  // Drops the weak references of windows already collected, so a long-lived
  // mapping that hands out many short-lived windows does not grow without
  // bound. Called only when the vector is full: amortized O(1) per window.
  std::vector<Napi::Reference<Napi::ArrayBuffer>> live;
  live.reserve(windows_.size());
  for (auto& ref : windows_) {
    if (!ref.IsEmpty() && !ref.Value().IsEmpty()) live.push_back(std::move(ref));
  }
  windows_.swap(live);
}

Napi::Value MappingHandle::Flush(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  size_t start, len;
  if (!Range(info, 0, &start, &len)) return env.Undefined();
  SysError err;
  if (!mapping_->Sync(start, len, &err)) MakeError(env, err, mapping_->path()).ThrowAsJavaScriptException();
  return env.Undefined();
}

Napi::Value MappingHandle::FlushAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  size_t start, len;
  if (!Range(info, 0, &start, &len)) return env.Undefined();
  return FlushWorker::Start(env, mapping_, start, len);
}

Napi::Value MappingHandle::Advise(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Advice advice;
  if (info.Length() < 1 || !info[0].IsString() ||
      !ParseAdvice(info[0].As<Napi::String>().Utf8Value(), &advice)) {
    ThrowValue(env, "advice must be one of 'normal', 'sequential', 'random', 'willneed', "
                   "'dontneed'");
    return env.Undefined();
  }
  size_t start, len;
  if (!Range(info, 1, &start, &len)) return env.Undefined();
  SysError err;
  if (!mapping_->Advise(advice, start, len, &err)) MakeError(env, err, mapping_->path()).ThrowAsJavaScriptException();
  return env.Undefined();
}

Napi::Value MappingHandle::Close(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  if (closed_ || !mapping_) return env.Undefined();
  closed_ = true;
  // Detach before unmapping: every typed array over a window becomes
  // zero-length instead of pointing at memory that is about to go away.
  // SAFETY: windows_ holds a weak reference to every buffer Window handed out
  // (PruneWindows drops only collected ones), so after this loop no live JS
  // object points into the mapping. flushAsync workers hold the Mapping, never
  // a buffer, and a Sync after Unmap finds it closed.
  for (auto& ref : windows_) {
    if (ref.IsEmpty()) continue;
    Napi::ArrayBuffer buffer = ref.Value();
    if (!buffer.IsEmpty() && !buffer.IsDetached()) buffer.Detach();
  }
  windows_.clear();
  mapping_->Unmap();
  ReleaseExternal(env);
  return env.Undefined();
}

Napi::Value MappingHandle::GetLength(const Napi::CallbackInfo& info) {
  return Napi::Number::New(info.Env(), mapping_ ? static_cast<double>(mapping_->length()) : 0);
}

Napi::Value MappingHandle::GetClosed(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), closed_ || !mapping_);
}

}  // namespace mmarray
