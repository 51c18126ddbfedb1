// Lets one Linux build of the addon load on every glibc >= 2.28 (Node 20's
// own floor) although this machine compiles against a newer glibc. Linked
// into Linux builds only (binding.gyp), together with -static-libstdc++, so
// the binary needs no GLIBCXX_/CXXABI_ version either.
//
// The static C++ runtime and our own code reach a few glibc functions whose
// default symbol version is newer than 2.28. Each is handled here, at link
// level, without touching the code that calls it:
//   fstat64, stat64, lstat64  GLIBC_2.33  -Wl,--wrap: the system call itself
//   pthread_once, pthread_key_create/delete, pthread_get/setspecific,
//   pthread_create, pthread_join,
//   pthread_rwlock_rdlock/wrlock/unlock
//                             GLIBC_2.34  -Wl,--wrap: the same function under
//                                         its original version (.symver)
//   __libc_single_threaded    GLIBC_2.32  a private definition
//   arc4random                GLIBC_2.36  a private definition (getrandom)
//   pow (libm)                GLIBC_2.29  -Wl,--wrap: the original version
//                                         (the same algorithm in glibc >= 2.28,
//                                         behind the errno-setting wrapper)
//   exp log exp2 log2 (libm)  GLIBC_2.29  the same (ufunc_math.cc)
//   hypot hypotf (libm)       GLIBC_2.35  the same (ufunc_math.cc)
// `npm run check:glibc` (scripts/check-glibc.js) fails the build when another
// one appears; add it here the same way.
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

// musl (Alpine) keeps no symbol versions; nothing here applies to it.
#if defined(__GLIBC__)

// The kernel's `struct stat` is glibc's `struct stat64` on the 64-bit ports
// this file serves (x86_64: 144 bytes, aarch64: 128 bytes, both the kernel's
// layout); the stat wrappers below rely on it. The base version is the one
// every symbol of the port had when it first shipped.
#if defined(__x86_64__)
static_assert(sizeof(struct stat64) == 144, "x86_64 struct stat64 is the kernel's struct stat");
#define MMARRAY_GLIBC_BASE "GLIBC_2.2.5"
#elif defined(__aarch64__)
static_assert(sizeof(struct stat64) == 128, "aarch64 struct stat64 is the kernel's struct stat");
#define MMARRAY_GLIBC_BASE "GLIBC_2.17"
#else
#error "glibc_compat.cc: only x86_64 and aarch64 Linux are checked; add the port's layout check"
#endif

#define MMARRAY_HIDDEN __attribute__((visibility("hidden")))

extern "C" {

// glibc 2.33 made the stat family real exported functions; before, its
// headers called __fxstat64 and friends inline. Every glibc version ends in
// the same system calls, which these make directly (errno set by syscall()).
// SAFETY: `buf` is the caller's struct stat64, which has the kernel's struct
// stat layout (checked above), and `path` its NUL-terminated string; the
// kernel writes only within `buf`.
MMARRAY_HIDDEN int __wrap_fstat64(int fd, struct stat64* buf) {
  return static_cast<int>(syscall(SYS_fstat, fd, buf));
}
MMARRAY_HIDDEN int __wrap_stat64(const char* path, struct stat64* buf) {
  return static_cast<int>(syscall(SYS_newfstatat, AT_FDCWD, path, buf, 0));
}
MMARRAY_HIDDEN int __wrap_lstat64(const char* path, struct stat64* buf) {
  return static_cast<int>(syscall(SYS_newfstatat, AT_FDCWD, path, buf, AT_SYMLINK_NOFOLLOW));
}

// glibc 2.34 moved pthread_once from libpthread into libc under a new
// version; the old version is still exported (libc, or libpthread before
// 2.34, which Node itself links). libstdc++'s locale and once code calls it.
int mmarray_pthread_once_base(pthread_once_t* once, void (*init)(void));
__asm__(".symver mmarray_pthread_once_base, pthread_once@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN int __wrap_pthread_once(pthread_once_t* once, void (*init)(void)) {
  return mmarray_pthread_once_base(once, init);
}

// SAFETY (pthread_once above, every forwarder below): the pointers pass unchanged to the same
// function's original version, whose signature and ABI they share.
// The same move, for the thread-specific keys and reader-writer locks that
// std::shared_mutex (the async kernels' per-mapping lock) and the static
// libstdc++ reach. Each forwards to the function's original version.
int mmarray_pthread_key_create_base(pthread_key_t* key, void (*destructor)(void*));
__asm__(".symver mmarray_pthread_key_create_base, pthread_key_create@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN int __wrap_pthread_key_create(pthread_key_t* key, void (*destructor)(void*)) {
  return mmarray_pthread_key_create_base(key, destructor);
}
int mmarray_pthread_key_delete_base(pthread_key_t key);
__asm__(".symver mmarray_pthread_key_delete_base, pthread_key_delete@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN int __wrap_pthread_key_delete(pthread_key_t key) {
  return mmarray_pthread_key_delete_base(key);
}
void* mmarray_pthread_getspecific_base(pthread_key_t key);
__asm__(".symver mmarray_pthread_getspecific_base, pthread_getspecific@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN void* __wrap_pthread_getspecific(pthread_key_t key) {
  return mmarray_pthread_getspecific_base(key);
}
int mmarray_pthread_setspecific_base(pthread_key_t key, const void* value);
__asm__(".symver mmarray_pthread_setspecific_base, pthread_setspecific@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN int __wrap_pthread_setspecific(pthread_key_t key, const void* value) {
  return mmarray_pthread_setspecific_base(key, value);
}
int mmarray_pthread_rwlock_rdlock_base(pthread_rwlock_t* lock);
__asm__(".symver mmarray_pthread_rwlock_rdlock_base, pthread_rwlock_rdlock@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN int __wrap_pthread_rwlock_rdlock(pthread_rwlock_t* lock) {
  return mmarray_pthread_rwlock_rdlock_base(lock);
}
int mmarray_pthread_rwlock_wrlock_base(pthread_rwlock_t* lock);
__asm__(".symver mmarray_pthread_rwlock_wrlock_base, pthread_rwlock_wrlock@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN int __wrap_pthread_rwlock_wrlock(pthread_rwlock_t* lock) {
  return mmarray_pthread_rwlock_wrlock_base(lock);
}
int mmarray_pthread_rwlock_unlock_base(pthread_rwlock_t* lock);
__asm__(".symver mmarray_pthread_rwlock_unlock_base, pthread_rwlock_unlock@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN int __wrap_pthread_rwlock_unlock(pthread_rwlock_t* lock) {
  return mmarray_pthread_rwlock_unlock_base(lock);
}

// The same for pthread_create/pthread_join, which pool_yield.h's one-time
// probe thread reaches (glibc 2.34 moved them into libc under a new version).
int mmarray_pthread_create_base(pthread_t* thread, const pthread_attr_t* attr, void* (*start)(void*), void* arg);
__asm__(".symver mmarray_pthread_create_base, pthread_create@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN int __wrap_pthread_create(pthread_t* thread, const pthread_attr_t* attr, void* (*start)(void*), void* arg) {
  return mmarray_pthread_create_base(thread, attr, start, arg);
}
int mmarray_pthread_join_base(pthread_t thread, void** result);
__asm__(".symver mmarray_pthread_join_base, pthread_join@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN int __wrap_pthread_join(pthread_t thread, void** result) {
  return mmarray_pthread_join_base(thread, result);
}

// glibc 2.29 gave pow a new version without the old SVID error wrapper;
// the original version is exported still (transcendental.cc's float power
// calls pow). From glibc 2.28 both run the same correctly-rounding-or-close
// pow (within 0.52 ulp); the old wrapper only sets errno besides, which
// nothing here reads. Before 2.28 pow was a different, also sub-ulp, one.
double mmarray_pow_base(double x, double y);
__asm__(".symver mmarray_pow_base, pow@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN double __wrap_pow(double x, double y) { return mmarray_pow_base(x, y); }

// The same for the math ufuncs' libm calls (ufunc_math.cc): glibc 2.29 gave
// exp, log, exp2 and log2, and 2.35 hypot and hypotf, new versions without
// the SVID error wrapper; the original versions run the same computation on
// the glibc they load against, and set errno besides, which nothing reads.
double mmarray_exp_base(double x);
__asm__(".symver mmarray_exp_base, exp@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN double __wrap_exp(double x) { return mmarray_exp_base(x); }
double mmarray_log_base(double x);
__asm__(".symver mmarray_log_base, log@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN double __wrap_log(double x) { return mmarray_log_base(x); }
double mmarray_exp2_base(double x);
__asm__(".symver mmarray_exp2_base, exp2@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN double __wrap_exp2(double x) { return mmarray_exp2_base(x); }
double mmarray_log2_base(double x);
__asm__(".symver mmarray_log2_base, log2@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN double __wrap_log2(double x) { return mmarray_log2_base(x); }
double mmarray_hypot_base(double x, double y);
__asm__(".symver mmarray_hypot_base, hypot@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN double __wrap_hypot(double x, double y) { return mmarray_hypot_base(x, y); }
float mmarray_hypotf_base(float x, float y);
__asm__(".symver mmarray_hypotf_base, hypotf@" MMARRAY_GLIBC_BASE);
MMARRAY_HIDDEN float __wrap_hypotf(float x, float y) { return mmarray_hypotf_base(x, y); }

// GCC >= 11's libstdc++ (headers and the static archive) reads
// __libc_single_threaded to skip atomic reference counting in a
// single-threaded process. This private definition satisfies those
// references inside the binary and always says "maybe multi-threaded" (0),
// so atomics are always used: the safe answer.
MMARRAY_HIDDEN char __libc_single_threaded = 0;

// std::random_device in the static libstdc++ (linked in with its string
// code, never used by the addon) calls arc4random. This private one takes
// the kernel's random bytes as glibc 2.36's does; getrandom cannot fail on
// a 4-byte request except by interruption, and arc4random has no way to
// report an error, so anything else ends the process.
MMARRAY_HIDDEN uint32_t arc4random(void) {
  uint32_t value;
  for (;;) {
    // SAFETY: getrandom writes at most sizeof(value) bytes into `value`.
    long got = syscall(SYS_getrandom, &value, sizeof(value), 0);
    if (got == static_cast<long>(sizeof(value))) return value;
    if (got < 0 && errno == EINTR) continue;
    std::abort();
  }
}

}  // extern "C"

#endif  // __GLIBC__
