#include "mapping.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <limits>
#include <utility>

namespace mmarray {
namespace {

size_t PageSize() {
  static const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return page;
}

bool Fail(SysError* err, int code, const char* syscall) {
  err->code = code;
  err->syscall = syscall;
  return false;
}

// Closes the descriptor on every path out of Open: the mapping keeps the file
// alive by itself, so no descriptor outlives the call.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

int OpenFlags(Mode mode) {
  switch (mode) {
    case Mode::kRead:
    case Mode::kCopyOnWrite:
      return O_RDONLY | O_CLOEXEC;
    case Mode::kReadWrite:
      return O_RDWR | O_CLOEXEC;
    case Mode::kCreate:
      return O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC;
  }
  return O_RDONLY | O_CLOEXEC;
}

int Madvice(Advice advice) {
  switch (advice) {
    case Advice::kNormal: return MADV_NORMAL;
    case Advice::kSequential: return MADV_SEQUENTIAL;
    case Advice::kRandom: return MADV_RANDOM;
    case Advice::kWillNeed: return MADV_WILLNEED;
    case Advice::kDontNeed: return MADV_DONTNEED;
  }
  return MADV_NORMAL;
}

}  // namespace

std::shared_ptr<Mapping> Mapping::Open(const std::string& path, Mode mode,
                                       int64_t offset, int64_t length,
                                       SysError* err) {
  if (offset < 0) {
    err->range = true;
    err->message = "offset must be >= 0";
    return nullptr;
  }
  Fd fd(open(path.c_str(), OpenFlags(mode), 0666));
  if (fd.get() < 0) {
    Fail(err, errno, "open");
    return nullptr;
  }
  struct stat st;
  if (fstat(fd.get(), &st) != 0) {
    Fail(err, errno, "fstat");
    return nullptr;
  }
  if (S_ISDIR(st.st_mode)) {
    Fail(err, EISDIR, "open");
    return nullptr;
  }
  if (!S_ISREG(st.st_mode)) {
    Fail(err, ENODEV, "mmap");
    return nullptr;
  }
  const int64_t size = st.st_size;
  const bool grows = mode == Mode::kReadWrite || mode == Mode::kCreate;
  if (length < 0) {
    if (offset > size) {
      err->range = true;
      err->message = "offset " + std::to_string(offset) +
                     " is past the end of the file (" + std::to_string(size) + " bytes)";
      return nullptr;
    }
    length = size - offset;
  }
  if (length == 0) {
    err->message = "cannot map an empty file";
    return nullptr;
  }
  if (length > std::numeric_limits<int64_t>::max() - offset) {
    err->range = true;
    err->message = "offset + length overflows";
    return nullptr;
  }
  const int64_t end = offset + length;
  if (end > size) {
    if (!grows) {
      err->range = true;
      err->message = "range [" + std::to_string(offset) + ", " + std::to_string(end) +
                     ") is past the end of the file (" + std::to_string(size) + " bytes)";
      return nullptr;
    }
    // Like NumPy's memmap: 'r+' and 'w+' extend the file to hold the range.
    if (ftruncate(fd.get(), static_cast<off_t>(end)) != 0) {
      Fail(err, errno, "ftruncate");
      return nullptr;
    }
  }

  const size_t page = PageSize();
  const size_t delta = static_cast<size_t>(offset) % page;
  const size_t map_len = static_cast<size_t>(length) + delta;
  const int prot = mode == Mode::kRead ? PROT_READ : PROT_READ | PROT_WRITE;
  const int flags = mode == Mode::kCopyOnWrite ? MAP_PRIVATE : MAP_SHARED;
  void* base = mmap(nullptr, map_len, prot, flags, fd.get(),
                    static_cast<off_t>(offset - static_cast<int64_t>(delta)));
  if (base == MAP_FAILED) {
    const int saved = errno;
    // A failed map must leave the file as it found it: undo the growth above
    // ('w+' truncated the file at open, so its old content is gone either way).
    if (grows && end > size && ftruncate(fd.get(), static_cast<off_t>(size)) != 0) {
      // Nothing better to do: report the mmap failure, which is the cause.
    }
    Fail(err, saved, "mmap");
    return nullptr;
  }
  return std::shared_ptr<Mapping>(new Mapping(path, mode, static_cast<uint8_t*>(base),
                                              map_len, delta, static_cast<size_t>(length)));
}

Mapping::Mapping(std::string path, Mode mode, uint8_t* base, size_t map_len,
                 size_t delta, size_t length)
    : path_(std::move(path)), mode_(mode), base_(base), map_len_(map_len),
      delta_(delta), length_(length) {}

Mapping::~Mapping() { Unmap(); }

bool Mapping::mapped() const {
  std::lock_guard<std::mutex> lock(mu_);
  return base_ != nullptr;
}

void Mapping::Unmap() {
  std::unique_lock<std::shared_mutex> pins(pin_mu_);  // no async kernel block in flight
  std::lock_guard<std::mutex> lock(mu_);
  if (base_ == nullptr) return;
  // SAFETY: base_/map_len_ are exactly what mmap returned and took; base_ is
  // cleared under the lock, so no second munmap and no Sync after this.
  munmap(base_, map_len_);
  base_ = nullptr;
}

void Mapping::PageRange(size_t start, size_t len, uint8_t** addr, size_t* n) const {
  const size_t page = PageSize();
  const size_t abs = delta_ + start;
  const size_t aligned = abs - abs % page;
  *addr = base_ + aligned;
  *n = abs + len - aligned;
}

bool Mapping::Sync(size_t start, size_t len, SysError* err) {
  std::lock_guard<std::mutex> lock(mu_);
  if (base_ == nullptr) {
    err->closed = true;
    return false;
  }
  if (start > length_ || len > length_ - start) {
    err->range = true;
    err->message = "flush range is outside the mapping";
    return false;
  }
  if (len == 0) return true;
  uint8_t* addr;
  size_t n;
  PageRange(start, len, &addr, &n);
  if (msync(addr, n, MS_SYNC) != 0) return Fail(err, errno, "msync");
  return true;
}

bool Mapping::Advise(Advice advice, size_t start, size_t len, SysError* err) {
  std::lock_guard<std::mutex> lock(mu_);
  if (base_ == nullptr) {
    err->closed = true;
    return false;
  }
  if (start > length_ || len > length_ - start) {
    err->range = true;
    err->message = "advise range is outside the mapping";
    return false;
  }
  if (advice == Advice::kDontNeed && mode_ == Mode::kCopyOnWrite) {
    // On a private mapping MADV_DONTNEED throws away the caller's writes.
    err->message = "'dontneed' would discard the writes of a copy-on-write ('c') mapping";
    return false;
  }
  if (len == 0) return true;
  uint8_t* addr;
  size_t n;
  PageRange(start, len, &addr, &n);
  if (madvise(addr, n, Madvice(advice)) != 0) return Fail(err, errno, "madvise");
  return true;
}

}  // namespace mmarray
