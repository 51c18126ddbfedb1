// The registry of this process's live mappings, by file identity
// (st_dev, st_ino). Process-wide, not per env: workers are threads of one
// process, and a truncation by any of them kills every thread that maps the
// file (SIGBUS on the next access of a page past the new end).
//
// Mapping::Open uses it to refuse 'w+' (O_TRUNC) on a file this process maps,
// and to refuse a new mapping when the process nears vm.max_map_count, where
// the next mmap of V8 itself would fail and abort the process.
#ifndef MMARRAY_LIVE_MAPPINGS_H_
#define MMARRAY_LIVE_MAPPINGS_H_

#include <sys/types.h>

#include <cstddef>
#include <cstdint>
#include <mutex>

namespace mmarray {

struct FileId {
  dev_t dev;
  ino_t ino;
  bool operator<(const FileId& o) const { return dev != o.dev ? dev < o.dev : ino < o.ino; }
};

// One Open's critical section. The mmap, any truncation and the registration
// all happen while it is held, so no other thread can map the file between
// the "nobody maps it" check and the truncation.
class LiveMappingsLock {
 public:
  LiveMappingsLock();
  LiveMappingsLock(const LiveMappingsLock&) = delete;
  LiveMappingsLock& operator=(const LiveMappingsLock&) = delete;

  size_t CountOf(const FileId& id) const;  // live mappings of that file
  size_t Total() const;                    // live mappings of any file
  void Add(const FileId& id);

 private:
  std::lock_guard<std::mutex> lock_;
};

// Forgets one mapping of `id` (after its munmap).
void RemoveLiveMapping(const FileId& id);

// Shrinks (or extends) the file at `path` to `length` bytes only while this
// process holds no live mapping of it: opened, checked and truncated under
// the registry's lock, so no thread can map it between the check and the
// truncation (a mapping reaching past the new end would die of SIGBUS).
// Returns the number of live mappings (0: truncated), or -errno when the
// open or the truncation failed.
long long TruncateUnmapped(const char* path, long long length);

// How many live mappings the process may hold: vm.max_map_count less a
// reserve for the runtime's own mappings (V8's heap, thread stacks, libraries);
// unlimited where the kernel has no such limit to read.
size_t LiveMappingLimit();

}  // namespace mmarray

#endif  // MMARRAY_LIVE_MAPPINGS_H_
