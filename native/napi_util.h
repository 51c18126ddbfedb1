// The addon's one set of argument readers and throw helpers, and its one
// table of error codes (napi_util.cc, kErrors), as better-sqlite3 keeps one
// set of macros for every native object.
//
// Every error the addon throws carries a stable `code`:
// - a failed system call is shaped like Node's fs errors: message
//   "ENOENT: no such file or directory, open '/x'", plus code (the errno
//   name), errno (negative, as libuv reports it), syscall and path
//   (MakeError);
// - anything else is one ErrorCode (error_code.h): a bad argument throws
//   Node's own codes (ERR_OUT_OF_RANGE, ERR_INVALID_ARG_TYPE,
//   ERR_INVALID_ARG_VALUE), as fs does; a closed mapping or a write to a
//   read-only one throws the library's AccessError (lib/errors.ts) with its
//   code, an instance of the very class lib/native.ts handed to the addon at
//   load (setErrorClasses), so no JS re-wraps it.
#ifndef MMARRAY_NAPI_UTIL_H_
#define MMARRAY_NAPI_UTIL_H_

#include <napi.h>

#include <cstdint>
#include <string>
#include <vector>

#include "error_code.h"
#include "mapping.h"

namespace mmarray {

// ------------------------------------------------------------ argument readers

// An integer-valued number of magnitude below 2^53 (so exact as a double).
bool ToInt(const Napi::Value& v, int64_t* out);

// An array of at most 64 (NumPy's NPY_MAXDIMS) such integers.
bool ToInts(const Napi::Value& v, std::vector<int64_t>* out);

// ToInt's rule for a double already read (an element of a Float64Array).
bool IntOfDouble(double d, int64_t* out);

// A Float64Array's elements and their count, with one Node-API call (a
// detached one has none): false when `v` is not a Float64Array.
bool ReadFloat64s(const Napi::Value& v, const double** data, size_t* length);

// A non-negative integer below 2^53, or -1 when `allow_minus_one`.
bool ToSize(const Napi::Value& v, bool allow_minus_one, double* out);

// A flag argument: a boolean read without calling into JS (any other value is
// coerced as JS truthiness). Readers here use only Node-API calls that work
// while a worker thread is being terminated: a call that needs JS (coercion,
// element access) fails then, and node-addon-api's error path for that
// failure aborts the process (seen as SIGABRT in test/async.test.ts).
bool ToBool(const Napi::Value& v);

// Element `i` of an array, through raw Node-API: false (nothing thrown) when
// the read fails, e.g. while the environment is going away.
bool ElementOf(const Napi::Value& array, uint32_t i, Napi::Value* out);

// The length of an array, the same way: false when `v` is not an array or the
// read fails.
bool ArrayLength(const Napi::Value& v, uint32_t* out);

// Whether `bytes` of scratch memory (a kernel's std::vector buffers) may be
// asked for; otherwise throws a RangeError naming `what` and returns false.
// The addon is built without C++ exceptions, so a std::bad_alloc from a
// vector cannot be caught: it aborts the process (seen: unique() of a
// broadcast view of 2^40 items). The kernel-side limit is this machine's
// physical memory, which the kernel's heuristic overcommit refuses past
// anyway; call it before the first allocation that grows with the data.
bool CheckScratch(Napi::Env env, const char* what, uint64_t bytes);

// ------------------------------------------------------------------- errors

// The error `code` stands for, with `message`: an instance of the class its
// row of the table names (AccessError: the one setErrorClasses installed, or
// a plain Error named AccessError before that). Raw Node-API that throws
// nothing: nullptr when the env cannot make it (going away, say).
napi_value NewErrorValue(napi_env env, ErrorCode code, const std::string& message);

// The same as a Napi::Error (an empty one when NewErrorValue failed).
Napi::Error NewError(Napi::Env env, ErrorCode code, const std::string& message);

void Throw(Napi::Env env, ErrorCode code, const std::string& message);
// RangeError, ERR_OUT_OF_RANGE.
void ThrowRange(Napi::Env env, const std::string& message);
// TypeError, ERR_INVALID_ARG_TYPE: an argument of the wrong kind.
void ThrowType(Napi::Env env, const std::string& message);
// TypeError, ERR_INVALID_ARG_VALUE: the right kind with a refused value.
void ThrowValue(Napi::Env env, const std::string& message);
// The error of the table row whose code string is `code` ("ERR_OUT_OF_RANGE",
// "ERR_CLOSED", ...; the old "ERR_MMARRAY_CLOSED" and "ERR_MMARRAY_READ_ONLY"
// are read as ERR_CLOSED and ERR_READ_ONLY); a plain Error for any other.
void ThrowCode(Napi::Env env, const char* code, const std::string& message);

// AccessError ERR_CLOSED, "mapping of '<path>' is closed" (the words of
// lib/storage.ts closedError), with `path`.
Napi::Error ClosedError(Napi::Env env, const std::string& path);
void ThrowClosed(Napi::Env env, const std::string& path);
// AccessError ERR_READ_ONLY for a write into the mapping of `path`.
void ThrowReadOnly(Napi::Env env, const std::string& path);

// The errno name ("ENOENT"), or "UNKNOWN".
const char* ErrnoName(int code);

// A SysError as a JS error: fs-shaped for an errno, else its ErrorCode with
// the path quoted in the message and set as `path`.
Napi::Error MakeError(Napi::Env env, const SysError& err, const std::string& path);

}  // namespace mmarray

#endif  // MMARRAY_NAPI_UTIL_H_
