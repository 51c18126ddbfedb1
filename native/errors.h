// Turns a SysError into a JS exception shaped like Node's fs errors:
// message "ENOENT: no such file or directory, open '/x'", plus code, errno
// (negative, as libuv reports it), syscall and path.
#ifndef MMARRAY_ERRORS_H_
#define MMARRAY_ERRORS_H_

#include <napi.h>

#include <string>

#include "mapping.h"

namespace mmarray {

const char* ErrnoName(int code);

Napi::Error MakeError(Napi::Env env, const SysError& err, const std::string& path);

}  // namespace mmarray

#endif  // MMARRAY_ERRORS_H_
