#include "live_mappings.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <algorithm>
#include <fstream>
#include <limits>
#include <map>
#include <new>

namespace mmarray {
namespace {

// The registry's state lives in static storage, built on first use and never
// destroyed (workers may outlive static teardown at process exit), and never
// on the heap: a worker thread that loads the addon alone unloads it
// (dlclose) when it is terminated, and heap blocks held only by this
// library's statics were then lost, 96 bytes per worker (the mutex and the
// Registry; LeakSanitizer saw them after every terminated worker that had
// mapped a file). Once no mapping is live the map holds no node either.
template <typename T>
T& Immortal() {
  alignas(T) static unsigned char storage[sizeof(T)];
  // SAFETY: storage is sized and aligned for T; the object is constructed
  // once (thread-safe static init) and never destroyed, so the reference
  // stays valid for as long as the library is loaded.
  static T* object = new (storage) T();
  return *object;
}

std::mutex& Mutex() { return Immortal<std::mutex>(); }

struct Registry {
  std::map<FileId, size_t> count;  // file -> live mappings of it
  size_t total = 0;
};

Registry& TheRegistry() { return Immortal<Registry>(); }

}  // namespace

LiveMappingsLock::LiveMappingsLock() : lock_(Mutex()) {}

size_t LiveMappingsLock::CountOf(const FileId& id) const {
  const auto& count = TheRegistry().count;
  auto it = count.find(id);
  return it == count.end() ? 0 : it->second;
}

size_t LiveMappingsLock::Total() const { return TheRegistry().total; }

void LiveMappingsLock::Add(const FileId& id) {
  Registry& r = TheRegistry();
  r.count[id] += 1;
  r.total += 1;
}

void RemoveLiveMapping(const FileId& id) {
  std::lock_guard<std::mutex> lock(Mutex());
  Registry& r = TheRegistry();
  auto it = r.count.find(id);
  if (it == r.count.end()) return;
  if (--it->second == 0) r.count.erase(it);
  r.total -= 1;
}

long long TruncateUnmapped(const char* path, long long length) {
  if (length < 0) return -EINVAL;
  std::lock_guard<std::mutex> lock(Mutex());
  // The descriptor, not the path, is checked and truncated: a rename of
  // another file onto `path` in between cannot redirect the truncation.
  int fd = open(path, O_WRONLY | O_CLOEXEC);
  if (fd < 0) return -errno;
  struct stat st;
  long long result = 0;
  if (fstat(fd, &st) != 0) {
    result = -errno;
  } else {
    auto it = TheRegistry().count.find(FileId{st.st_dev, st.st_ino});
    if (it != TheRegistry().count.end()) {
      result = static_cast<long long>(it->second);
    } else {
      while (ftruncate(fd, static_cast<off_t>(length)) != 0) {
        if (errno == EINTR) continue;
        result = -errno;
        break;
      }
    }
  }
  close(fd);
  return result;
}

size_t LiveMappingLimit() {
  static const size_t limit = [] {
    // Linux: every mapping is one entry against vm.max_map_count (65530 by
    // default); at the limit mmap fails with ENOMEM, for V8 too, which then
    // aborts. Leave a quarter of it (at least 4096) to the runtime.
    std::ifstream in("/proc/sys/vm/max_map_count");
    long long max = 0;
    if (!(in >> max) || max <= 0) return std::numeric_limits<size_t>::max();
    const long long reserve = std::max<long long>(4096, max / 4);
    return static_cast<size_t>(std::max<long long>(max - reserve, 1));
  }();
  return limit;
}

}  // namespace mmarray
