// The errors the addon throws that are not an errno, by name. Plain C++ (no
// Node-API), so mapping.cc can report one; napi_util.cc holds the one table
// that gives each its JS class and `code` string.
#ifndef MMARRAY_ERROR_CODE_H_
#define MMARRAY_ERROR_CODE_H_

namespace mmarray {

enum class ErrorCode {
  kOutOfRange,         // RangeError ERR_OUT_OF_RANGE: a number outside its range
  kInvalidArgType,     // TypeError ERR_INVALID_ARG_TYPE: an argument of the wrong kind
  kInvalidArgValue,    // TypeError ERR_INVALID_ARG_VALUE: the right kind, a refused value
  kClosed,             // AccessError ERR_CLOSED: the mapping was closed
  kReadOnly,           // AccessError ERR_READ_ONLY: a write to a read-only mapping
  kMap,                // Error ERR_MMARRAY_MAP: a mapping refused for a reason no errno names
  kMapped,             // Error ERR_MMARRAY_MAPPED: 'w+' would truncate a file this process maps
  kMapLimit,           // Error ERR_MMARRAY_MAP_LIMIT: too close to vm.max_map_count
  kNoExternalBuffers,  // Error ERR_MMARRAY_NO_EXTERNAL_BUFFERS: the runtime refuses them
  kAborted,            // Error ABORT_ERR: an async kernel stopped by kernelAbort
};

}  // namespace mmarray

#endif  // MMARRAY_ERROR_CODE_H_
