#include "mapping.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/statfs.h>
#endif

#include <cerrno>
#include <limits>
#include <utility>

namespace mmarray {
namespace {

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
      // No O_TRUNC: 'w+' empties the file only once nothing else can fail
      // (see Mapping::Open).
      return O_RDWR | O_CREAT | O_CLOEXEC;
  }
  return O_RDONLY | O_CLOEXEC;
}

// Opens `path` for `mode`, non-blocking. For 'w+' it tries O_EXCL first, so
// it knows whether this call created the file (`*created`).
int OpenFile(const std::string& path, Mode mode, bool* created) {
  const int flags = OpenFlags(mode) | O_NONBLOCK;
  *created = false;
  if (mode != Mode::kCreate) return open(path.c_str(), flags, 0666);
  const int fd = open(path.c_str(), flags | O_EXCL, 0666);
  if (fd >= 0) {
    *created = true;
    return fd;
  }
  if (errno != EEXIST) return -1;
  // It exists (or is a symlink, which O_EXCL never follows): open what is there.
  return open(path.c_str(), flags, 0666);
}

// Removes the file a failed 'w+' created, so the call leaves the directory as
// it found it; only if the path still names that file (same dev and inode).
class CreatedFile {
 public:
  CreatedFile(const std::string& path, bool created) : path_(path), armed_(created) {}
  ~CreatedFile() {
    struct stat st;
    if (armed_ && known_ && lstat(path_.c_str(), &st) == 0 && st.st_dev == id_.dev &&
        st.st_ino == id_.ino) {
      unlink(path_.c_str());
    }
  }
  CreatedFile(const CreatedFile&) = delete;
  CreatedFile& operator=(const CreatedFile&) = delete;
  void Identify(const struct stat& st) {
    id_ = FileId{st.st_dev, st.st_ino};
    known_ = true;
  }
  void Keep() { armed_ = false; }

 private:
  // SAFETY: a reference to Open's `path` argument, which outlives this
  // object (a local of Open, destroyed before Open returns).
  const std::string& path_;
  bool armed_;
  bool known_ = false;
  FileId id_{};
};

// Reserves the blocks of [from, end) of a file this call has just grown (or
// emptied), so that a full disk or a quota shows now, as ENOSPC/EDQUOT from
// Open, and not later as SIGBUS at the first store into a page the
// filesystem cannot back (a page of a sparse range is only allocated when it
// is written back, and a shared mapping has no other way to report that).
// Data already in the file is untouched (mode 0 only fills holes). A
// filesystem without fallocate keeps the range sparse, as before. Returns
// false with errno set on a real failure.
bool ReserveBlocks(int fd, int64_t from, int64_t end) {
#if defined(__linux__)
  if (end <= from) return true;
  // A range larger than the free space fails at once, without first taking
  // every free block of a shared disk and giving them back.
  struct statfs fs;
  if (fstatfs(fd, &fs) == 0) {
    const unsigned long long blocks = geteuid() == 0 ? fs.f_bfree : fs.f_bavail;
    const unsigned long long want = static_cast<unsigned long long>(end - from);
    if (fs.f_bsize > 0 && want / static_cast<unsigned long long>(fs.f_bsize) > blocks) {
      errno = ENOSPC;
      return false;
    }
  }
  for (;;) {
    if (fallocate(fd, 0, static_cast<off_t>(from), static_cast<off_t>(end - from)) == 0) return true;
    if (errno == EINTR) continue;
    return errno == EOPNOTSUPP || errno == ENOSYS;
  }
#else
  (void)fd;
  (void)from;
  (void)end;
  return true;
#endif
}

// What a non-regular file is, for the error that refuses it.
const char* FileKind(mode_t m) {
  if (S_ISFIFO(m)) return "a FIFO";
  if (S_ISSOCK(m)) return "a socket";
  if (S_ISCHR(m)) return "a character device";
  if (S_ISBLK(m)) return "a block device";
  return "not a regular file";
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

// Refuses a file that is not a regular file: EISDIR for a directory, ENODEV
// (what mmap would say) naming the kind for the rest.
std::shared_ptr<Mapping> NotRegular(const struct stat& st, SysError* err) {
  if (S_ISDIR(st.st_mode)) {
    Fail(err, EISDIR, "open");
    return nullptr;
  }
  Fail(err, ENODEV, "open");
  err->detail = std::string("not a regular file (") + FileKind(st.st_mode) +
                "): only regular files can be memory-mapped";
  return nullptr;
}

}  // namespace

size_t PageSize() {
  static const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  return page;
}

std::shared_ptr<Mapping> Mapping::Open(const std::string& path, Mode mode,
                                       int64_t offset, int64_t length,
                                       SysError* err) {
  if (path.find('\0') != std::string::npos) {
    // open() would stop at the NUL and act on another file ('x.bin\0.tmp'
    // truncating 'x.bin'); Node's fs refuses such paths the same way.
    err->kind = ErrorCode::kInvalidArgValue;
    err->message = "The argument 'path' must be a string without null bytes";
    return nullptr;
  }
  if (offset < 0) {
    err->kind = ErrorCode::kOutOfRange;
    err->message = "offset must be >= 0";
    return nullptr;
  }
  // O_NONBLOCK: opening a FIFO for reading blocks until a writer shows up
  // (forever, for most), and some character devices block too. Nothing is
  // read through this descriptor; the file type is checked right below,
  // before anything else uses it.
  struct stat st;
  bool created = false;
  Fd fd(OpenFile(path, mode, &created));
  CreatedFile created_file(path, created);
  if (fd.get() < 0) {
    const int saved = errno;
    // A socket cannot be opened at all (ENXIO): say what it is instead.
    if (saved == ENXIO && stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
      return NotRegular(st, err);
    }
    Fail(err, saved, "open");
    return nullptr;
  }
  if (fstat(fd.get(), &st) != 0) {
    Fail(err, errno, "fstat");
    return nullptr;
  }
  created_file.Identify(st);
  if (!S_ISREG(st.st_mode)) return NotRegular(st, err);
  // A regular file ignores O_NONBLOCK; clear it anyway, so the descriptor is
  // exactly what a blocking open would have given.
  const int fl = fcntl(fd.get(), F_GETFL);
  if (fl < 0 || fcntl(fd.get(), F_SETFL, fl & ~O_NONBLOCK) != 0) {
    Fail(err, errno, "fcntl");
    return nullptr;
  }
  const int64_t size = st.st_size;
  const bool grows = mode == Mode::kReadWrite || mode == Mode::kCreate;
  if (length < 0) {
    if (offset > size) {
      err->kind = ErrorCode::kOutOfRange;
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
    err->kind = ErrorCode::kOutOfRange;
    err->message = "offset + length overflows";
    return nullptr;
  }
  const int64_t end = offset + length;
  if (end > size && !grows) {
    err->kind = ErrorCode::kOutOfRange;
    err->message = "range [" + std::to_string(offset) + ", " + std::to_string(end) +
                   ") is past the end of the file (" + std::to_string(size) + " bytes)";
    return nullptr;
  }

  const size_t page = PageSize();
  const size_t delta = static_cast<size_t>(offset) % page;
  const size_t map_len = static_cast<size_t>(length) + delta;
  const int prot = mode == Mode::kRead ? PROT_READ : PROT_READ | PROT_WRITE;
  const int flags = mode == Mode::kCopyOnWrite ? MAP_PRIVATE : MAP_SHARED;
  const FileId id{st.st_dev, st.st_ino};

  // From the check below to the registration, no other thread of this process
  // can map this file: a 'w+' of another thread waits, then sees this mapping.
  LiveMappingsLock live;
  if (mode == Mode::kCreate && live.CountOf(id) > 0) {
    // Truncating the file would pull the pages from under those mappings:
    // their next access dies by SIGBUS (issue 12, item 2).
    const size_t n = live.CountOf(id);
    err->kind = ErrorCode::kMapped;
    err->message = "mode 'w+' would truncate a file this process still maps (" +
                   std::to_string(n) + (n == 1 ? " live mapping" : " live mappings") +
                   "; close() them first)";
    return nullptr;
  }
  if (live.Total() >= LiveMappingLimit()) {
    err->kind = ErrorCode::kMapLimit;
    err->message = "too many live mappings (" + std::to_string(live.Total()) +
                   "), close to vm.max_map_count: close() the arrays no longer needed, or let "
                   "the event loop turn so the garbage collector can unmap dropped ones";
    return nullptr;
  }
  // Map first: a MAP_SHARED mapping may extend past the end of the file (no
  // page of it is touched before the file is grown below), so a failed mmap
  // leaves the file untouched and needs no rollback.
  // SAFETY: map_len = length + delta >= 1 (length >= 1, checked above), the
  // file offset (offset - delta) is page-aligned, and offset + length was
  // checked not to overflow. The kernel picks the address (nullptr hint), so
  // no existing mapping is replaced. A shared range past EOF is valid to map;
  // no page of it is touched before the file is grown to `end` below.
  void* base = mmap(nullptr, map_len, prot, flags, fd.get(),
                    static_cast<off_t>(offset - static_cast<int64_t>(delta)));
  if (base == MAP_FAILED) {
    Fail(err, errno, "mmap");
    return nullptr;
  }
  // Owns the new range until the Mapping takes it: any failure below unmaps.
  // SAFETY: `base` is the start of exactly map_len bytes just mapped, and
  // delta + length = map_len, so data() covers [base + delta, base + map_len).
  auto mapping = std::shared_ptr<Mapping>(new Mapping(path, mode, id, static_cast<uint8_t*>(base),
                                                      map_len, delta, static_cast<size_t>(length)));
  if (grows) {
    // Grow only: another process may have grown the file since the fstat
    // above, and ftruncate to a smaller `end` would cut its data.
    struct stat now;
    if (fstat(fd.get(), &now) != 0) {
      Fail(err, errno, "fstat");
      mapping->UnmapUnregistered();
      return nullptr;
    }
    if (now.st_size < end && ftruncate(fd.get(), static_cast<off_t>(end)) != 0) {
      Fail(err, errno, "ftruncate");
      mapping->UnmapUnregistered();
      return nullptr;
    }
    const bool emptied = mode == Mode::kCreate && now.st_size > 0;
    if (emptied) {
      // 'w+' reads back zeros, like NumPy's (which opens with 'w+b'). The file
      // already holds `end` bytes, so growing it back after emptying it
      // cannot run out of room in the size limits; only now is old content lost.
      if (ftruncate(fd.get(), 0) != 0 || ftruncate(fd.get(), static_cast<off_t>(end)) != 0) {
        Fail(err, errno, "ftruncate");
        mapping->UnmapUnregistered();
        return nullptr;
      }
    }
    const int64_t fresh = emptied ? 0 : now.st_size;
    if (fresh < end && !ReserveBlocks(fd.get(), fresh, end)) {
      const int saved = errno;
      // Give the growth back (a 'w+' that emptied the file leaves it empty:
      // its old content was already gone). Only if no one grew it further.
      struct stat after;
      if (fstat(fd.get(), &after) == 0 && after.st_size == end) {
        if (ftruncate(fd.get(), static_cast<off_t>(emptied ? 0 : now.st_size)) != 0) {
          // The file keeps its sparse growth; the error below still stands.
        }
      }
      Fail(err, saved, "fallocate");
      mapping->UnmapUnregistered();
      return nullptr;
    }
  }
  live.Add(id);
  created_file.Keep();
  return mapping;
}

Mapping::Mapping(std::string path, Mode mode, FileId id, uint8_t* base, size_t map_len,
                 size_t delta, size_t length)
    : path_(std::move(path)), mode_(mode), id_(id), base_(base), map_len_(map_len),
      delta_(delta), length_(length) {}

Mapping::~Mapping() {
  std::lock_guard<std::mutex> lock(mu_);
  UnmapLocked(true);
}

bool Mapping::mapped() const {
  std::lock_guard<std::mutex> lock(mu_);
  return base_ != nullptr;
}

void Mapping::Unmap() {
  closing_.store(true, std::memory_order_relaxed);
  std::unique_lock<std::shared_mutex> pins(pin_mu_);  // no async kernel block in flight
  std::lock_guard<std::mutex> lock(mu_);
  UnmapLocked(true);
}

void Mapping::UnmapUnregistered() {
  std::lock_guard<std::mutex> lock(mu_);
  UnmapLocked(false);
}

void Mapping::UnmapLocked(bool registered) {
  if (base_ == nullptr) return;
  // SAFETY: base_/map_len_ are exactly what mmap returned and took; base_ is
  // cleared under the lock, so no second munmap and no Sync after this. The
  // JS side detached every window over it first (MappingHandle::Close), or
  // none is left (the last window's finalizer dropped the last reference).
  munmap(base_, map_len_);
  base_ = nullptr;
  if (registered) RemoveLiveMapping(id_);
}

void Mapping::PageRange(size_t start, size_t len, uint8_t** addr, size_t* n) const {
  // SAFETY: callers hold mu_ with base_ non-null and checked start <= length_
  // and len <= length_ - start, so abs + len <= delta_ + length_ = map_len_
  // (no overflow: map_len_ itself fits). aligned <= abs, so [*addr, *addr + *n)
  // lies inside [base_, base_ + map_len_), the range mmap returned.
  const size_t page = PageSize();
  const size_t abs = delta_ + start;
  const size_t aligned = abs - abs % page;
  *addr = base_ + aligned;
  *n = abs + len - aligned;
}

bool Mapping::OpenRange(size_t start, size_t len, const char* what, SysError* err) const {
  if (base_ == nullptr) {
    err->kind = ErrorCode::kClosed;
    return false;
  }
  // Written so nothing can overflow: start <= length_ first, then the rest.
  if (start > length_ || len > length_ - start) {
    err->kind = ErrorCode::kOutOfRange;
    err->message = std::string(what) + " range is outside the mapping";
    return false;
  }
  return true;
}

bool Mapping::Sync(size_t start, size_t len, SysError* err) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!OpenRange(start, len, "flush", err)) return false;
  if (len == 0) return true;
  uint8_t* addr;
  size_t n;
  PageRange(start, len, &addr, &n);
  // SAFETY: [addr, addr + n) is inside the live mapping (PageRange), and mu_
  // keeps Unmap from running until msync returns.
  if (msync(addr, n, MS_SYNC) != 0) return Fail(err, errno, "msync");
  return true;
}

bool Mapping::Advise(Advice advice, size_t start, size_t len, SysError* err) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!OpenRange(start, len, "advise", err)) return false;
  if (advice == Advice::kDontNeed && mode_ == Mode::kCopyOnWrite) {
    // On a private mapping MADV_DONTNEED throws away the caller's writes.
    err->message = "'dontneed' would discard the writes of a copy-on-write ('c') mapping";
    return false;
  }
  if (len == 0) return true;
  uint8_t* addr;
  size_t n;
  PageRange(start, len, &addr, &n);
  // SAFETY: as for msync in Sync; and MADV_DONTNEED, the one advice that
  // drops data, was refused above for private ('c') mappings.
  if (madvise(addr, n, Madvice(advice)) != 0) return Fail(err, errno, "madvise");
  return true;
}

bool Mapping::Resident(size_t start) const {
  std::lock_guard<std::mutex> lock(mu_);
  SysError err;
  if (!OpenRange(start, 1, "resident", &err)) return true;
  uint8_t* addr;
  size_t n;
  PageRange(start, 1, &addr, &n);
  unsigned char page = 0;
  // SAFETY: [addr, addr + n) is inside the live mapping (PageRange) and n <=
  // the page size (start's own page), so mincore writes one byte; mu_ keeps
  // Unmap from running until it returns.
  if (mincore(addr, n, &page) != 0) return true;
  return (page & 1) != 0;
}

}  // namespace mmarray
