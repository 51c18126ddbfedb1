// Asks the kernel for transparent huge pages under a fresh ArrayBuffer.
#ifndef MMARRAY_HUGEPAGES_H_
#define MMARRAY_HUGEPAGES_H_

#include <napi.h>

namespace mmarray {

void InitHugepages(Napi::Env env, Napi::Object exports);

}  // namespace mmarray

#endif  // MMARRAY_HUGEPAGES_H_
