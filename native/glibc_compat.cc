// Lets one Linux build of the addon load on every glibc >= 2.28 (Node 20's
// own floor) although this machine compiles against a newer glibc. Linked
// into Linux builds only (binding.gyp), together with -static-libstdc++
// -static-libgcc, so the binary needs no GLIBCXX_/CXXABI_ version either.
// `npm run check:glibc` (scripts/check-glibc.js) fails the build when a newer
// symbol version creeps in; that is the place to learn what to add here.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

// musl (Alpine) keeps no symbol versions; nothing here applies to it.
#if defined(__GLIBC__)

// The kernel's `struct stat` is glibc's `struct stat64` on the 64-bit ports
// this file serves (x86_64: 144 bytes, aarch64: 128 bytes, both the kernel's
// layout); the wrapper below relies on it.
#if defined(__x86_64__)
static_assert(sizeof(struct stat64) == 144, "x86_64 struct stat64 is the kernel's struct stat");
#elif defined(__aarch64__)
static_assert(sizeof(struct stat64) == 128, "aarch64 struct stat64 is the kernel's struct stat");
#else
#error "glibc_compat.cc: only x86_64 and aarch64 Linux are checked; add the port's layout check"
#endif

extern "C" {

// glibc 2.33 made fstat a real exported function (fstat64@GLIBC_2.33); older
// glibc only had __fxstat64, which its headers called inline. Linking with
// -Wl,--wrap=fstat64 routes our calls here instead, and this does what every
// glibc version does underneath: the fstat system call.
__attribute__((visibility("hidden"))) int __wrap_fstat64(int fd, struct stat64* buf) {
  // SAFETY: `buf` is the caller's struct stat64, which has the kernel's
  // struct stat layout (checked above); the kernel writes only within it.
  return static_cast<int>(syscall(SYS_fstat, fd, buf));
}

// GCC >= 11's libstdc++ (headers and the static archive) reads
// __libc_single_threaded (GLIBC_2.32) to skip atomic reference counting in a
// single-threaded process. Our own hidden definition satisfies those
// references inside this binary; it always says "maybe multi-threaded" (0),
// so atomics are always used, which is the safe answer.
__attribute__((visibility("hidden"))) char __libc_single_threaded = 0;

}  // extern "C"

// libstdc++'s std::__throw_* helpers live in one archive member
// (functexcept.o) that drags in its string, locale and std::random_device
// code, and with it arc4random (GLIBC_2.36), getentropy, _dl_find_object and
// the GLIBC_2.34 pthread symbols. The addon is built with -fno-exceptions, so
// any of these throws could only end in std::terminate; ending the process
// here, with the reason, is the same outcome without the baggage. The set is
// what the inline library code we use calls; a new one shows up as a
// duplicate-symbol link error or in `npm run check:glibc`.
namespace std {
namespace {
[[noreturn]] void Die(const char* what, const char* detail) {
  std::fprintf(stderr, "mmarray: fatal: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
  std::abort();
}
}  // namespace
#define MMARRAY_HIDDEN __attribute__((visibility("hidden")))
MMARRAY_HIDDEN void __throw_bad_alloc() { Die("std::bad_alloc", nullptr); }
MMARRAY_HIDDEN void __throw_bad_array_new_length() { Die("std::bad_array_new_length", nullptr); }
MMARRAY_HIDDEN void __throw_length_error(const char* s) { Die("std::length_error", s); }
MMARRAY_HIDDEN void __throw_logic_error(const char* s) { Die("std::logic_error", s); }
MMARRAY_HIDDEN void __throw_out_of_range(const char* s) { Die("std::out_of_range", s); }
MMARRAY_HIDDEN void __throw_out_of_range_fmt(const char* s, ...) { Die("std::out_of_range", s); }
MMARRAY_HIDDEN void __throw_invalid_argument(const char* s) { Die("std::invalid_argument", s); }
MMARRAY_HIDDEN void __throw_system_error(int e) { Die("std::system_error", std::strerror(e)); }
#undef MMARRAY_HIDDEN
}  // namespace std

#endif  // __GLIBC__
