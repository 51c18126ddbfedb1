#include "errors.h"

#include <cctype>
#include <cerrno>
#include <cstring>

namespace mmarray {

const char* ErrnoName(int code) {
  switch (code) {
    case EACCES: return "EACCES";
    case EAGAIN: return "EAGAIN";
    case EBADF: return "EBADF";
    case EBUSY: return "EBUSY";
    case EEXIST: return "EEXIST";
    case EFBIG: return "EFBIG";
    case EINVAL: return "EINVAL";
    case EIO: return "EIO";
    case EISDIR: return "EISDIR";
    case ELOOP: return "ELOOP";
    case EMFILE: return "EMFILE";
    case ENAMETOOLONG: return "ENAMETOOLONG";
    case ENFILE: return "ENFILE";
    case ENODEV: return "ENODEV";
    case ENOENT: return "ENOENT";
    case ENOMEM: return "ENOMEM";
    case ENOSPC: return "ENOSPC";
    case ENOTDIR: return "ENOTDIR";
    case ENXIO: return "ENXIO";
    case EOVERFLOW: return "EOVERFLOW";
    case EPERM: return "EPERM";
    case EROFS: return "EROFS";
    case ETXTBSY: return "ETXTBSY";
    default: return "UNKNOWN";
  }
}

Napi::Error MakeError(Napi::Env env, const SysError& err, const std::string& path) {
  if (err.closed) {
    // A flushAsync queued before close() and run after it.
    Napi::Error e = Napi::Error::New(env, "mapping of '" + path + "' is closed");
    e.Set("code", Napi::String::New(env, "ERR_MMARRAY_CLOSED"));
    e.Set("path", Napi::String::New(env, path));
    return e;
  }
  if (err.invalid) {
    // Node's wording for the same refusal; the NUL shown escaped, as Node does.
    std::string shown;
    for (char c : path) shown += c == '\0' ? std::string("\\x00") : std::string(1, c);
    Napi::Error e = Napi::TypeError::New(env, err.message + ". Received '" + shown + "'");
    e.Set("code", Napi::String::New(env, "ERR_INVALID_ARG_VALUE"));
    return e;
  }
  if (err.code == 0) {
    std::string msg = err.message + " ('" + path + "')";
    if (err.range) {
      Napi::Error e = Napi::RangeError::New(env, msg);
      e.Set("code", Napi::String::New(env, "ERR_OUT_OF_RANGE"));
      e.Set("path", Napi::String::New(env, path));
      return e;
    }
    Napi::Error e = Napi::Error::New(env, msg);
    e.Set("code", Napi::String::New(env, err.custom ? err.custom : "ERR_MMARRAY_MAP"));
    e.Set("path", Napi::String::New(env, path));
    return e;
  }
  std::string text = err.detail.empty() ? std::strerror(err.code) : err.detail;
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  const char* name = ErrnoName(err.code);
  std::string msg = std::string(name) + ": " + text + ", " + err.syscall + " '" + path + "'";
  Napi::Error e = Napi::Error::New(env, msg);
  e.Set("code", Napi::String::New(env, name));
  e.Set("errno", Napi::Number::New(env, -err.code));
  e.Set("syscall", Napi::String::New(env, err.syscall));
  e.Set("path", Napi::String::New(env, path));
  return e;
}

}  // namespace mmarray
