// One memory mapping of one file: the only owner of the mapped address range.
//
// No Node-API here: this class is plain C++ so it can be reasoned about (and
// sanitized) on its own. The JS-facing side lives in mapping_handle.cc.
#ifndef MMARRAY_MAPPING_H_
#define MMARRAY_MAPPING_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>

#include "error_code.h"
#include "live_mappings.h"

namespace mmarray {

// The OS page size: the mapping granularity, read once. Offsets are rounded
// down to it inside Mapping; JS gets it as the addon's `pageSize`.
size_t PageSize();

enum class Mode { kRead, kReadWrite, kCreate, kCopyOnWrite };

enum class Advice { kNormal, kSequential, kRandom, kWillNeed, kDontNeed };

// A failed system call, shaped after Node's fs errors.
struct SysError {
  int code = 0;                 // errno value; 0 means "no error"
  const char* syscall = "";     // the call that failed ("open", "mmap", ...)
  std::string message;          // set instead of code for non-errno failures
  ErrorCode kind = ErrorCode::kMap;  // with message (or kClosed): which error it is
  std::string detail;           // with code: says more than strerror(code) does
};

class Mapping {
 public:
  // Maps [offset, offset + length) of `path`. `length` < 0 means "to the end
  // of the file". The file descriptor is closed before this returns.
  //
  // Nothing that can fail runs after the file was changed: the file type and
  // every range are checked first, the mapping is made next (a shared mapping
  // may extend past the end of the file), and only then is the file grown
  // ('r+', 'w+') or emptied ('w+'). So a failed call leaves the file as it
  // was, with no rollback that could cut pages someone else just mapped.
  static std::shared_ptr<Mapping> Open(const std::string& path, Mode mode,
                                       int64_t offset, int64_t length,
                                       SysError* err);

  ~Mapping();
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;

  // The first byte the caller asked for (offset, not the page boundary below).
  // SAFETY: valid for [data(), data() + length()) while mapped(). Its users:
  // MappingHandle::Window and the sync kernels run on the JS thread, which is
  // also the only thread that unmaps (Close, finalizers), and Close detaches
  // every window before unmapping; an async kernel reads it (and uses the
  // pages) only under Pin(), which Unmap waits for, and stops on nullptr.
  uint8_t* data() const { return base_ ? base_ + delta_ : nullptr; }
  size_t length() const { return length_; }
  Mode mode() const { return mode_; }
  const std::string& path() const { return path_; }
  bool mapped() const;

  // msync(MS_SYNC) over [start, start + len) of the caller's range.
  bool Sync(size_t start, size_t len, SysError* err);
  // madvise over [start, start + len) of the caller's range.
  bool Advise(Advice advice, size_t start, size_t len, SysError* err);
  // Whether the page holding byte `start` of the caller's range is in memory
  // (mincore; for a file, in the page cache). True when it cannot tell, so a
  // caller deciding whether to prefetch does nothing then.
  bool Resident(size_t start) const;
  // munmap; idempotent. Waits for an in-flight Sync on another thread, and
  // for every outstanding Pin.
  void Unmap();

  // An async kernel's hold on the pages for one block of its work: while the
  // lock lives, Unmap waits; once Unmap has run, data() is nullptr under a
  // pin taken afterwards (async_kernels.cc stops and rejects ERR_CLOSED).
  std::shared_lock<std::shared_mutex> Pin() const { return std::shared_lock<std::shared_mutex>(pin_mu_); }
  // True once Unmap has been asked for (set before it waits for the pins):
  // a job that holds a pin across many blocks (an async sort's lanes) stops
  // at its next block instead of making close() wait for all of them.
  bool closing() const { return closing_.load(std::memory_order_relaxed); }

 private:
  Mapping(std::string path, Mode mode, FileId id, uint8_t* base, size_t map_len,
          size_t delta, size_t length);
  // Unmap for a mapping Open gave up on before registering it (and with the
  // registry lock held, which RemoveLiveMapping would take again).
  void UnmapUnregistered();
  // munmap under mu_; `registered`: also leave the live-mappings registry.
  void UnmapLocked(bool registered);
  // With mu_ held: false, with err set, when unmapped or when [start,
  // start + len) is not inside the caller's range (`what` names the call).
  bool OpenRange(size_t start, size_t len, const char* what, SysError* err) const;
  // Page-aligned sub-range covering [start, start + len) of the caller's range.
  void PageRange(size_t start, size_t len, uint8_t** addr, size_t* n) const;

  const std::string path_;
  const Mode mode_;
  const FileId id_;      // the file's entry in the live-mappings registry
  uint8_t* base_;        // page-aligned address returned by mmap (nullptr once unmapped)
  const size_t map_len_; // bytes passed to mmap
  const size_t delta_;   // offset - page boundary below it
  const size_t length_;  // bytes visible to the caller
  mutable std::mutex mu_;  // guards base_ against Unmap racing an off-thread Sync
  std::atomic<bool> closing_{false};
  mutable std::shared_mutex pin_mu_;  // shared by async kernel blocks, exclusive in Unmap
};

}  // namespace mmarray

#endif  // MMARRAY_MAPPING_H_
