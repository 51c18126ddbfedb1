#include "napi_util.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <unistd.h>

#include "env_state.h"

namespace mmarray {
namespace {

enum class Class { kError, kTypeError, kRangeError, kAccessError };

struct ErrorRow {
  ErrorCode code;
  Class cls;
  const char* name;  // the JS `code`
};

// The one table: every ErrorCode with its JS class and code, in enum order.
constexpr ErrorRow kErrors[] = {
    {ErrorCode::kOutOfRange, Class::kRangeError, "ERR_OUT_OF_RANGE"},
    {ErrorCode::kInvalidArgType, Class::kTypeError, "ERR_INVALID_ARG_TYPE"},
    {ErrorCode::kInvalidArgValue, Class::kTypeError, "ERR_INVALID_ARG_VALUE"},
    {ErrorCode::kClosed, Class::kAccessError, "ERR_CLOSED"},
    {ErrorCode::kReadOnly, Class::kAccessError, "ERR_READ_ONLY"},
    {ErrorCode::kMap, Class::kError, "ERR_MMARRAY_MAP"},
    {ErrorCode::kMapped, Class::kError, "ERR_MMARRAY_MAPPED"},
    {ErrorCode::kMapLimit, Class::kError, "ERR_MMARRAY_MAP_LIMIT"},
    {ErrorCode::kNoExternalBuffers, Class::kError, "ERR_MMARRAY_NO_EXTERNAL_BUFFERS"},
    {ErrorCode::kAborted, Class::kError, "ABORT_ERR"},
};

constexpr bool TableInOrder() {
  for (size_t i = 0; i < sizeof(kErrors) / sizeof(kErrors[0]); i++) {
    if (static_cast<size_t>(kErrors[i].code) != i) return false;
  }
  return true;
}
static_assert(TableInOrder(), "kErrors must list every ErrorCode in enum order");
static_assert(sizeof(kErrors) / sizeof(kErrors[0]) == static_cast<size_t>(ErrorCode::kAborted) + 1,
              "kErrors must list every ErrorCode");

const ErrorRow& RowOf(ErrorCode code) { return kErrors[static_cast<size_t>(code)]; }

bool SetString(napi_env env, napi_value obj, const char* key, const char* value) {
  napi_value v;
  return napi_create_string_utf8(env, value, NAPI_AUTO_LENGTH, &v) == napi_ok &&
         napi_set_named_property(env, obj, key, v) == napi_ok;
}

}  // namespace

bool IntOfDouble(double d, int64_t* out) {
  if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) > 9007199254740991.0) return false;
  *out = static_cast<int64_t>(d);
  return true;
}

bool ToInt(const Napi::Value& v, int64_t* out) {
  if (!v.IsNumber()) return false;
  return IntOfDouble(v.As<Napi::Number>().DoubleValue(), out);
}

bool ReadFloat64s(const Napi::Value& v, const double** data, size_t* length) {
  bool is = false;
  if (napi_is_typedarray(v.Env(), v, &is) != napi_ok || !is) return false;
  napi_typedarray_type type;
  void* p = nullptr;
  size_t n = 0;
  if (napi_get_typedarray_info(v.Env(), v, &type, &n, &p, nullptr, nullptr) != napi_ok || type != napi_float64_array) return false;
  // SAFETY: V8 puts a typed array's `length` elements at `p` inside its
  // buffer (8-byte aligned: a Float64Array's byteOffset is a multiple of 8);
  // a detached one reports no data.
  *data = p == nullptr ? nullptr : static_cast<const double*>(p);
  *length = p == nullptr ? 0 : n;
  return true;
}

bool ToInts(const Napi::Value& v, std::vector<int64_t>* out) {
  uint32_t n;
  if (!ArrayLength(v, &n)) return false;
  if (n > 64) return false;  // NumPy's NPY_MAXDIMS
  out->resize(n);
  for (uint32_t i = 0; i < n; i++) {
    Napi::Value item;
    if (!ElementOf(v, i, &item) || !ToInt(item, &(*out)[i])) return false;
  }
  return true;
}

bool ToBool(const Napi::Value& v) {
  bool b;
  if (napi_get_value_bool(v.Env(), v, &b) == napi_ok) return b;
  napi_value coerced;
  return napi_coerce_to_bool(v.Env(), v, &coerced) == napi_ok && napi_get_value_bool(v.Env(), coerced, &b) == napi_ok && b;
}

bool ArrayLength(const Napi::Value& v, uint32_t* out) {
  return v.IsArray() && napi_get_array_length(v.Env(), v, out) == napi_ok;
}

bool ElementOf(const Napi::Value& array, uint32_t i, Napi::Value* out) {
  napi_value item;
  if (napi_get_element(array.Env(), array, i, &item) != napi_ok) return false;
  *out = Napi::Value(array.Env(), item);
  return true;
}

bool ToSize(const Napi::Value& v, bool allow_minus_one, double* out) {
  int64_t i;
  if (!ToInt(v, &i)) return false;
  if (i < 0 && !(allow_minus_one && i == -1)) return false;
  *out = static_cast<double>(i);
  return true;
}

napi_value NewErrorValue(napi_env env, ErrorCode code, const std::string& message) {
  const ErrorRow& row = RowOf(code);
  napi_value c, m, e = nullptr;
  if (napi_create_string_utf8(env, row.name, NAPI_AUTO_LENGTH, &c) != napi_ok ||
      napi_create_string_utf8(env, message.data(), message.size(), &m) != napi_ok) {
    return nullptr;
  }
  switch (row.cls) {
    case Class::kRangeError:
      if (napi_create_range_error(env, c, m, &e) != napi_ok) return nullptr;
      return e;
    case Class::kTypeError:
      if (napi_create_type_error(env, c, m, &e) != napi_ok) return nullptr;
      return e;
    case Class::kAccessError: {
      // new AccessError(code, message): its own name, code and stack.
      napi_value cls = AccessErrorClass(env);
      if (cls != nullptr) {
        napi_value argv[2] = {c, m};
        if (napi_new_instance(env, cls, 2, argv, &e) == napi_ok) return e;
        // A class that throws from its constructor: fall back to a plain one.
        bool pending = false;
        napi_value ignored;
        if (napi_is_exception_pending(env, &pending) == napi_ok && pending) {
          napi_get_and_clear_last_exception(env, &ignored);
        }
      }
      // Before lib/native.ts installed the class (an addon loaded by path).
      if (napi_create_error(env, c, m, &e) != napi_ok || !SetString(env, e, "name", "AccessError")) {
        return nullptr;
      }
      return e;
    }
    case Class::kError:
      break;
  }
  if (napi_create_error(env, c, m, &e) != napi_ok) return nullptr;
  return e;
}

Napi::Error NewError(Napi::Env env, ErrorCode code, const std::string& message) {
  return Napi::Error(env, NewErrorValue(env, code, message));
}

void Throw(Napi::Env env, ErrorCode code, const std::string& message) {
  NewError(env, code, message).ThrowAsJavaScriptException();
}

void ThrowRange(Napi::Env env, const std::string& message) { Throw(env, ErrorCode::kOutOfRange, message); }

bool CheckScratch(Napi::Env env, const char* what, uint64_t bytes) {
  // Asked once: sysconf(_SC_PHYS_PAGES) is a sysinfo system call, which cost
  // more than a whole sort of a short lane.
  static const uint64_t limit = [] {
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long page = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && page > 0 ? static_cast<uint64_t>(pages) * static_cast<uint64_t>(page) : uint64_t{1} << 46;
  }();
  if (bytes <= limit) return true;
  ThrowRange(env, std::string(what) + ": needs " + std::to_string(bytes) + " bytes of scratch memory, more than this machine's " +
                      std::to_string(limit) + " bytes of RAM");
  return false;
}

void ThrowType(Napi::Env env, const std::string& message) { Throw(env, ErrorCode::kInvalidArgType, message); }

void ThrowValue(Napi::Env env, const std::string& message) { Throw(env, ErrorCode::kInvalidArgValue, message); }

void ThrowCode(Napi::Env env, const char* code, const std::string& message) {
  std::string name(code);
  if (name == "ERR_MMARRAY_CLOSED") name = "ERR_CLOSED";
  if (name == "ERR_MMARRAY_READ_ONLY") name = "ERR_READ_ONLY";
  for (const ErrorRow& row : kErrors) {
    if (name == row.name) return Throw(env, row.code, message);
  }
  Napi::Error e = Napi::Error::New(env, message);
  e.Set("code", Napi::String::New(env, code));
  e.ThrowAsJavaScriptException();
}

Napi::Error ClosedError(Napi::Env env, const std::string& path) {
  Napi::Error e = NewError(env, ErrorCode::kClosed, "mapping of '" + path + "' is closed");
  if (!e.IsEmpty()) e.Set("path", Napi::String::New(env, path));
  return e;
}

void ThrowClosed(Napi::Env env, const std::string& path) { ClosedError(env, path).ThrowAsJavaScriptException(); }

void ThrowReadOnly(Napi::Env env, const std::string& path) {
  Napi::Error e = NewError(env, ErrorCode::kReadOnly, "the mapping of '" + path + "' is read-only");
  if (!e.IsEmpty()) e.Set("path", Napi::String::New(env, path));
  e.ThrowAsJavaScriptException();
}

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
  if (err.code == 0) {
    if (err.kind == ErrorCode::kClosed) return ClosedError(env, path);  // a flushAsync queued before close()
    if (err.kind == ErrorCode::kInvalidArgValue) {
      // Node's wording for the same refusal; the NUL shown escaped, as Node does.
      std::string shown;
      for (char c : path) shown += c == '\0' ? std::string("\\x00") : std::string(1, c);
      return NewError(env, err.kind, err.message + ". Received '" + shown + "'");
    }
    Napi::Error e = NewError(env, err.kind, err.message + " ('" + path + "')");
    if (!e.IsEmpty()) e.Set("path", Napi::String::New(env, path));
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
