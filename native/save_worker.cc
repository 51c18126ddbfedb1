#include "save_worker.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "env_state.h"
#include "kernels.h"
#include "kernel_plan.h"
#include "napi_util.h"
#include "pool_job.h"
#include "pool_yield.h"

namespace mmarray {
namespace {

// Bytes per pinned block: close() of the source mapping waits at most for
// one (well under a millisecond warm), and an abort stops within one.
constexpr int64_t kBlockBytes = int64_t{1} << 20;
// Bytes gathered per write() of a strided source.
constexpr int64_t kStagingBytes = int64_t{8} << 20;
// Bytes per writeback window (see SaveJob::Pace).
constexpr int64_t kWritebackBytes = int64_t{32} << 20;

// One save: what it reads, where it writes, and how far it got. Shared by
// the worker and the env's table, where JS names it by an id
// (kernelSaveAbort/kernelSaveProgress).
struct SaveJob {
  // The source, checked on the JS thread (see Check): element 0 at `base`,
  // C-order axes with length-1 axes dropped and mergeable axes merged; the
  // last axis is the row.
  KernelMemory memory;
  uint8_t* base = nullptr;
  std::vector<int64_t> shape, strides;
  int64_t itemsize = 1;
  int64_t size = 0;  // elements

  std::vector<uint8_t> header;
  std::string tmp, dest, dir, target;
  int mode = 0666;

  std::atomic<bool> abort{false};
  std::atomic<bool> closed{false};
  std::atomic<int64_t> done_bytes{0};
  int64_t total_bytes = 0;

  SysError err;
  std::string err_path;
  // Set by Run once the rename replaced the target: the save is done, and
  // an abort that came later changes nothing (Settle resolves).
  bool replaced = false;

  // The cursor of the C-order walk: the outer multi-index, the element
  // within the row, and the byte offset of the row's start from `base`.
  std::vector<int64_t> idx;
  int64_t pos = 0, row = 0;

  bool Fail(int code, const char* syscall, const std::string& path) {
    err.code = code;
    err.syscall = syscall;
    err_path = path;
    return false;
  }

  bool Stopped() const { return abort.load(std::memory_order_relaxed) || closed.load(std::memory_order_relaxed); }

  // write() until every byte is out (it may write less; EINTR retries).
  bool WriteAll(int fd, const uint8_t* p, int64_t n) {
    while (n > 0) {
      ssize_t w = ::write(fd, p, static_cast<size_t>(std::min<int64_t>(n, int64_t{1} << 30)));
      if (w < 0) {
        if (errno == EINTR) continue;
        return Fail(errno, "write", target);
      }
      p += w;
      n -= w;
      written += w;
    }
    return true;
  }

  // Writeback pacing (Linux): the file's dirty pages go to disk in windows
  // of kWritebackBytes as they are written, and each window waits for the
  // one before it, so dirty pages never pile up into one burst of writeback
  // at fsync, which held both cores of a small machine while the event loop
  // waited for one (issue #15). [0, waited) is on disk, [waited, kicked) is
  // being written back, [kicked, written) is dirty. fsync still makes the
  // whole file durable: this only starts writeback earlier.
  int64_t written = 0, kicked = 0, waited = 0;
  bool pacing = true;

  bool Pace(int fd) {
#if defined(__linux__)
    if (!pacing || written - kicked < kWritebackBytes) return true;
    if (::sync_file_range(fd, kicked, written - kicked, SYNC_FILE_RANGE_WRITE) != 0) return PaceFailed();
    if (kicked > waited &&
        ::sync_file_range(fd, waited, kicked - waited,
                          SYNC_FILE_RANGE_WAIT_BEFORE | SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER) != 0) {
      return PaceFailed();
    }
    waited = kicked;
    kicked = written;
#else
    (void)fd;
#endif
    return true;
  }

  // A filesystem or file that has no sync_file_range only loses the pacing;
  // any other failure is a write error (a wait consumes the file's writeback
  // error, which fsync would otherwise report).
  bool PaceFailed() {
    if (errno == EINVAL || errno == ESPIPE || errno == ENOSYS || errno == EOPNOTSUPP) {
      pacing = false;
      return true;
    }
    return Fail(errno, "sync_file_range", target);
  }

  // Copies the next n elements of the walk into d, advancing the cursor.
  void Gather(uint8_t* d, int64_t n) {
    const size_t outer = shape.size() - 1;
    const int64_t len = shape.back(), rs = strides.back();
    while (n > 0) {
      int64_t k = std::min(n, len - pos);
      // SAFETY: elements pos .. pos + k - 1 of the row at `row`, which Check
      // proved lie inside the memory; d has room for n >= k elements.
      const uint8_t* s = base + row + pos * rs;
      if (rs == itemsize) {
        std::memcpy(d, s, static_cast<size_t>(k * itemsize));
      } else {
        switch (itemsize) {
          case 1: for (int64_t i = 0; i < k; i++) d[i] = s[i * rs]; break;
          case 2: for (int64_t i = 0; i < k; i++) std::memcpy(d + 2 * i, s + i * rs, 2); break;
          case 4: for (int64_t i = 0; i < k; i++) std::memcpy(d + 4 * i, s + i * rs, 4); break;
          case 8: for (int64_t i = 0; i < k; i++) std::memcpy(d + 8 * i, s + i * rs, 8); break;
          default:
            for (int64_t i = 0; i < k; i++) std::memcpy(d + i * itemsize, s + i * rs, static_cast<size_t>(itemsize));
        }
      }
      d += k * itemsize;
      n -= k;
      pos += k;
      if (pos < len) continue;
      pos = 0;
      // The next row, as a C-order loop steps (no row follows the last one).
      for (size_t ax = outer; ax-- > 0;) {
        row += strides[ax];
        if (++idx[ax] < shape[ax]) break;
        row -= strides[ax] * shape[ax];
        idx[ax] = 0;
      }
    }
  }

  // Runs `fn` with the source pinned (a mapping: close() waits for it; a
  // close() before makes this stop). False when the source was closed.
  template <class Fn>
  bool Pinned(Fn fn) {
    if (!memory.mapping) return fn();
    auto pin = memory.mapping->Pin();
    if (memory.mapping->data() == nullptr) {
      closed = true;
      return false;
    }
    return fn();
  }

  // The elements in C order: straight from the source when it is one
  // contiguous row, else gathered into a staging buffer.
  bool WriteData(int fd) {
    if (size == 0 || itemsize == 0) return true;
    const bool contiguous = shape.size() == 1 && strides[0] == itemsize;
    const int64_t block = std::max<int64_t>(1, kBlockBytes / itemsize);
    if (contiguous) {
      for (int64_t e = 0; e < size; e += block) {
        if (Stopped()) return false;
        int64_t n = std::min(block, size - e);
        // SAFETY: elements e .. e + n - 1 of the contiguous row Check proved in bounds.
        if (!Pinned([&] { return WriteAll(fd, base + e * itemsize, n * itemsize); })) return false;
        done_bytes.fetch_add(n * itemsize, std::memory_order_relaxed);
        if (!Pace(fd)) return false;
        YieldToWaiting();  // pool_yield.h: the event loop runs before the next block
      }
      return true;
    }
    const int64_t per = std::max<int64_t>(block, kStagingBytes / itemsize / block * block);
    const int64_t cap = std::min(per, size);
    std::unique_ptr<uint8_t[]> staging(new (std::nothrow) uint8_t[static_cast<size_t>(cap * itemsize)]);
    if (!staging) return Fail(ENOMEM, "write", target);
    idx.assign(shape.size() - 1, 0);
    pos = 0;
    row = 0;
    for (int64_t e = 0; e < size;) {
      int64_t fill = 0;
      int64_t want = std::min(cap, size - e);
      while (fill < want) {
        if (Stopped()) return false;
        int64_t n = std::min(block, want - fill);
        if (!Pinned([&] {
              Gather(staging.get() + fill * itemsize, n);
              return true;
            })) {
          return false;
        }
        fill += n;
        YieldToWaiting();  // pool_yield.h
      }
      if (!WriteAll(fd, staging.get(), fill * itemsize)) return false;
      e += fill;
      done_bytes.fetch_add(fill * itemsize, std::memory_order_relaxed);
      if (!Pace(fd)) return false;
    }
    return true;
  }

  // The whole save; on any failure or stop the temporary file is removed
  // and the target is as it was.
  void Run() {
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) {
      Fail(errno, "open", tmp);
      return;
    }
    bool ok = WriteAll(fd, header.data(), static_cast<int64_t>(header.size())) && WriteData(fd) && !Stopped();
    if (ok && ::fsync(fd) != 0) ok = Fail(errno, "fsync", target);
    if (::close(fd) != 0 && ok) ok = Fail(errno, "close", target);
    if (ok && ::rename(tmp.c_str(), dest.c_str()) != 0) ok = Fail(errno, "rename", target);
    if (!ok) {
      ::unlink(tmp.c_str());
      return;
    }
    replaced = true;
    // The rename is the one step that changes the target; make it durable
    // (best effort: some filesystems refuse fsync on a folder).
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
      ::fsync(dfd);
      ::close(dfd);
    }
  }
};

// Checks the source layout as kernels.cc ReadLayout does (every byte of
// every element inside the memory, every partial offset sum within an
// int64), then coalesces it for the walk. Throws and returns false otherwise.
bool Check(Napi::Env env, int64_t offset, std::vector<int64_t> shape, std::vector<int64_t> strides, SaveJob* job) {
  if (shape.size() != strides.size() || offset < 0) {
    ThrowType(env, "kernelSaveAsync: bad offset or strides");
    return false;
  }
  int64_t size = 1;
  for (int64_t d : shape) {
    if (d < 0) {
      ThrowRange(env, "kernelSaveAsync: negative axis length");
      return false;
    }
    if (__builtin_mul_overflow(size, d, &size)) {
      ThrowRange(env, "kernelSaveAsync: the layout has more than 2^63 elements");
      return false;
    }
  }
  if (__builtin_mul_overflow(size, job->itemsize, &job->total_bytes)) {
    ThrowRange(env, "kernelSaveAsync: the layout has more than 2^63 bytes");
    return false;
  }
  job->size = size;
  if (size == 0) return true;
  if (const char* bad = LayoutSpanError(offset, shape, strides, job->itemsize, job->memory.length)) {
    ThrowRange(env, std::string("kernelSaveAsync: ") + bad);
    return false;
  }
  // SAFETY: LayoutSpanError put every item inside the memory, item 0 at offset
  // among them, so base + offset is inside it.
  job->base = job->memory.base + offset;
  // Coalesce in C order: drop length-1 axes, merge an axis into the next
  // when it steps exactly one whole run of the next.
  std::vector<int64_t> sh, st;
  for (size_t k = 0; k < shape.size(); k++) {
    if (shape[k] == 1) continue;
    if (!sh.empty()) {
      int64_t m;
      if (!__builtin_mul_overflow(shape[k], strides[k], &m) && sh.back() > 0 && st.back() == m) {
        sh.back() *= shape[k];
        st.back() = strides[k];
        continue;
      }
    }
    sh.push_back(shape[k]);
    st.push_back(strides[k]);
  }
  if (sh.empty()) {
    sh.push_back(1);
    st.push_back(job->itemsize);
  }
  job->shape = std::move(sh);
  job->strides = std::move(st);
  return true;
}

// Stops the save at its next block when the env is torn down; Settle then touches no JS.
void StopSave(void* arg) {
  // SAFETY: arg is the job of a SaveWorker not yet settled (Settle removes
  // the hook first), and that worker holds the job.
  static_cast<SaveJob*>(arg)->abort = true;
}

// Settles through `settle(error, undefined, doneBytes, totalBytes)` with
// SettleJob (pool_job.h), as async_kernels.cc KernelWorker does.
class SaveWorker : public Napi::AsyncWorker {
 public:
  SaveWorker(Napi::Env env, std::shared_ptr<SaveJob> job, uint32_t id, Napi::Function settle)
      : Napi::AsyncWorker(env, "mmarray.saveNpyAsync"), job_(std::move(job)), id_(id), settle_(Napi::Persistent(settle)) {
    AddClosingHook(env, StopSave, job_.get());
  }
  void Execute() override {
    PoolPriority low;  // pool_yield.h: restored before the thread goes back to libuv
    job_->Run();
  }
  void OnOK() override { Settle(); }
  void OnError(const Napi::Error& /*e*/) override { Settle(); }

 private:
  void Settle() {
    SettleJob(Env(), StopSave, job_.get(), id_, settle_, job_->done_bytes, job_->total_bytes,
              [&](napi_value* error, napi_value* /*value*/) {
                if (job_->err.code != 0) {
                  Napi::Error e = MakeError(Env(), job_->err, job_->err_path);
                  if (Env().IsExceptionPending() || e.IsEmpty()) return false;
                  *error = e.Value();
                } else if (job_->replaced) {
                  // Done: an abort or close() after the rename came too late to matter.
                } else if (job_->closed) {
                  Napi::Error e =
                      ClosedError(Env(), job_->memory.mapping ? job_->memory.mapping->path() : std::string());
                  if (e.IsEmpty()) return false;
                  *error = e.Value();
                } else if (job_->abort) {
                  *error = NewErrorValue(Env(), ErrorCode::kAborted, "The operation was aborted");
                  if (*error == nullptr) return false;
                }
                return true;
              });
  }

  std::shared_ptr<SaveJob> job_;
  uint32_t id_;
  Napi::FunctionReference settle_;
  LoopSlice slice_;  // on the JS thread, as KernelWorker's (pool_yield.h)
};

// The kind of the env-table items that are SaveJobs (env_state.h): the id
// of an async kernel job is no save's id.
const char kSaveKind = 0;

std::string ReadString(const Napi::Value& v, bool* ok) {
  if (!v.IsString()) {
    *ok = false;
    return std::string();
  }
  std::string s = v.As<Napi::String>().Utf8Value();
  // A NUL would cut the name short at the syscall: another file than asked.
  if (s.empty() || s.find('\0') != std::string::npos) *ok = false;
  return s;
}

// kernelSaveAsync(src, srcOffset, srcStrides, shape, itemsize, header,
// tmp, dest, dir, target, mode, settle) -> job id. Writes `header`
// then the layout's elements in C order into a new file `tmp` (O_EXCL,
// `mode` under the umask), fsyncs it, renames it to `dest` and fsyncs
// `dir`; errors name `tmp` (open) or `target`.
Napi::Value KernelSaveAsync(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  auto job = std::make_shared<SaveJob>();
  int64_t offset, itemsize, mode;
  std::vector<int64_t> shape, strides;
  bool ok = info.Length() >= 12 && ToInt(info[1], &offset) && ToInts(info[2], &strides) && ToInts(info[3], &shape) &&
            ToInt(info[4], &itemsize) && itemsize >= 0 && info[5].IsTypedArray() && ToInt(info[10], &mode) && mode >= 0 &&
            mode <= 07777 && info[11].IsFunction();
  if (ok) {
    job->tmp = ReadString(info[6], &ok);
    job->dest = ReadString(info[7], &ok);
    job->dir = ReadString(info[8], &ok);
    job->target = ReadString(info[9], &ok);
  }
  if (!ok) {
    ThrowType(env, "kernelSaveAsync(src, srcOffset, srcStrides, shape, itemsize, header, tmp, dest, dir, target, mode, settle): bad arguments");
    return env.Undefined();
  }
  job->itemsize = itemsize;
  job->mode = static_cast<int>(mode);
  if (!ReadKernelMemory(env, info[0], false, &job->memory)) return env.Undefined();
  if (!Check(env, offset, std::move(shape), std::move(strides), job.get())) return env.Undefined();
  Napi::TypedArray h = info[5].As<Napi::TypedArray>();
  // SAFETY: the header's bytes are copied here, on the JS thread, during the call.
  const uint8_t* hp = static_cast<const uint8_t*>(h.ArrayBuffer().Data()) + h.ByteOffset();
  if (h.ByteLength() > 0) job->header.assign(hp, hp + h.ByteLength());

  // The env holds the job while it is in flight (an id, not an external
  // object: a worker torn down mid-save frees it with the env's state).
  uint32_t id = Hold(env, &kSaveKind, job);
  if (id == 0) {
    ThrowType(env, "kernelSaveAsync: the addon's state for this thread is gone");
    return env.Undefined();
  }
  (new SaveWorker(env, job, id, info[11].As<Napi::Function>()))->Queue();  // deletes itself when done
  return Napi::Number::New(env, id);
}

// The save a JS id names while it is in flight; nullptr for a settled one
// (any later id is as well formed); nullptr and a TypeError pending for what
// is no id at all.
std::shared_ptr<SaveJob> JobOf(const Napi::CallbackInfo& info) {
  uint32_t id = JobIdArg(info, "a kernelSaveAsync job");
  if (id == 0) return nullptr;
  // SAFETY: only KernelSaveAsync holds items of kSaveKind in the env's table,
  // each a shared_ptr<SaveJob>; sharing the ownership keeps the job alive
  // while it is used here.
  return std::static_pointer_cast<SaveJob>(Held(info.Env(), &kSaveKind, id));
}

// kernelSaveAbort(job): the save stops at its next block and removes its
// temporary file (once it renamed, it has finished and stays done). A save
// that has settled is left as it is.
Napi::Value KernelSaveAbort(const Napi::CallbackInfo& info) {
  if (std::shared_ptr<SaveJob> job = JobOf(info)) job->abort = true;
  return info.Env().Undefined();
}

// kernelSaveProgress(job) -> [doneBytes, totalBytes] of the elements, or
// null once it settled (settle has the final figures).
Napi::Value KernelSaveProgress(const Napi::CallbackInfo& info) {
  return JobProgress(info.Env(), JobOf(info));
}

}  // namespace

void InitSaveWorker(Napi::Env env, Napi::Object exports) {
  exports.Set("kernelSaveAsync", Napi::Function::New<KernelSaveAsync>(env, "kernelSaveAsync"));
  exports.Set("kernelSaveAbort", Napi::Function::New<KernelSaveAbort>(env, "kernelSaveAbort"));
  exports.Set("kernelSaveProgress", Napi::Function::New<KernelSaveProgress>(env, "kernelSaveProgress"));
}

}  // namespace mmarray
