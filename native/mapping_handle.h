// Exposes a Mapping to JS as an object with lazily created external
// ArrayBuffer windows over sub-ranges of the one mapping.
#ifndef MMARRAY_MAPPING_HANDLE_H_
#define MMARRAY_MAPPING_HANDLE_H_

#include <napi.h>

#include <memory>
#include <string>
#include <vector>

#include "mapping.h"

namespace mmarray {

class MappingHandle : public Napi::ObjectWrap<MappingHandle> {
 public:
  static Napi::Function Init(Napi::Env env);

  // new MappingHandle(path, mode, offset, length); length -1 = rest of file.
  explicit MappingHandle(const Napi::CallbackInfo& info);
  ~MappingHandle() override;

  // For the bulk kernels (kernels.cc): the MappingHandle that `v` is, or
  // nullptr when it is anything else (checked by a type tag, so no other
  // object is ever unwrapped as one).
  static MappingHandle* FromValue(Napi::Env env, Napi::Value v);
  // The mapping while it is open, else nullptr. Shared, so a kernel holding
  // it keeps the pages mapped for the length of its call.
  std::shared_ptr<Mapping> OpenMapping() const { return closed_ ? nullptr : mapping_; }
  // The mapped file's path, also once closed (for the closed error); empty
  // when the constructor failed.
  std::string Path() const { return mapping_ ? mapping_->path() : std::string(); }

 private:
  Napi::Value Window(const Napi::CallbackInfo& info);
  Napi::Value Flush(const Napi::CallbackInfo& info);
  Napi::Value FlushAsync(const Napi::CallbackInfo& info);
  Napi::Value Advise(const Napi::CallbackInfo& info);
  Napi::Value Close(const Napi::CallbackInfo& info);
  Napi::Value GetLength(const Napi::CallbackInfo& info);
  Napi::Value GetClosed(const Napi::CallbackInfo& info);

  // Reads (start, len) arguments at `first` and checks them against the
  // mapping; throws and returns false when they are bad or the mapping closed.
  bool Range(const Napi::CallbackInfo& info, size_t first, size_t* start, size_t* len);

  // Forgets windows the GC already collected (see windows_).
  void PruneWindows();
  // Takes back what the constructor reported to V8 as external memory.
  void ReleaseExternal(Napi::Env env);

  std::shared_ptr<Mapping> mapping_;
  // Weak references to every window handed out, so close() can detach them.
  std::vector<Napi::Reference<Napi::ArrayBuffer>> windows_;
  bool closed_ = false;
  int64_t external_ = 0;  // bytes reported to V8 for this mapping, until close or finalize
};

}  // namespace mmarray

#endif  // MMARRAY_MAPPING_HANDLE_H_
