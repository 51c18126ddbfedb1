#include "async_kernels.h"

#if defined(__unix__) || defined(__APPLE__)
#include <sys/mman.h>
#include <unistd.h>
#endif

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

#include "env_state.h"
#include "kernel_plan.h"
#include "napi_util.h"
#include "pool_job.h"
#include "pool_yield.h"
#include "read_ahead.h"

namespace mmarray {
namespace {

// Bytes one claim covers: the abort/close latency and the progress step.
constexpr int64_t kTaskBytes = int64_t{1} << 20;

enum Status { kRunning = 0, kDone = 1, kAborted = 2, kClosed = 3 };

// One async kernel call, shared by its coordinator and helper workers (each
// holds a shared_ptr, so a helper the pool starts late still finds it).
//
// The units run in waves: the coordinator publishes a wave, every thread
// claims tasks (runs of consecutive units) from it under `mu`, and when the
// wave is complete the coordinator folds its partials in unit order. Which
// thread ran a unit never matters; the fold order is fixed.
struct Job {
  std::unique_ptr<KernelPlan> plan;
  std::atomic<bool> abort{false};
  std::atomic<bool> closed{false};
  std::atomic<int64_t> done_bytes{0};
  int64_t total_bytes = 0;
  int64_t task_units = 1;
  int64_t wave_units = 1;
  std::vector<Partial> partials;

  std::mutex mu;
  std::condition_variable cv;
  int64_t wave_begin = 0, wave_end = 0, next = 0, completed = 0;
  bool finished = false;
  // Bytes of the plan's read span advised so far (AdviseReadAhead).
  int64_t advised = 0;

  // Claims and runs tasks of the current wave until none is left.
  void RunTasks() {
    for (;;) {
      int64_t b, e, w0, ra_from = 0, ra_to = 0;
      {
        std::lock_guard<std::mutex> lock(mu);
        if (next >= wave_end) return;
        b = next;
        e = std::min(next + task_units, wave_end);
        next = e;
        w0 = wave_begin;
        int64_t span = plan->read_span();
        if (span > 0 && advised < span) {
          // Where this task ends in the span (units walk it in about
          // proportion), plus the distance; 128-bit: e * span may pass 2^63.
          int64_t at = static_cast<int64_t>(static_cast<__int128>(e) * span / plan->units());
          int64_t want = std::min(span, at + ReadAheadBytes());
          if (want - advised >= kReadAheadStep || (want == span && want > advised)) {
            ra_from = std::max(advised, at);
            ra_to = want;
            advised = want;
          }
        }
      }
      if (!abort.load(std::memory_order_relaxed) && !closed.load(std::memory_order_relaxed)) {
        // Hold every mapping for this block: close() waits for it, and a
        // close() that ran before sees us stop here.
        std::vector<std::shared_lock<std::shared_mutex>> pins;
        bool open = true;
        for (const auto& m : plan->mappings()) {
          pins.push_back(m->Pin());
          if (m->data() == nullptr) open = false;
        }
        if (!open) {
          closed = true;
        } else {
          if (ra_to > ra_from) AdviseReadAhead(*plan, ra_from, ra_to);
          // SAFETY: every mapping the plan reads or writes is pinned and was
          // still mapped under the pin, so Unmap waits until this block is
          // done; the plan's ArrayBuffers are held by lib/async.ts until the
          // promise settles (and untransferable); ReadLayout checked every
          // address a unit forms.
          int64_t elements = 0;
          for (int64_t u = b; u < e; u++) elements += plan->unit_elements(u);
          plan->RunUnits(b, e - b, &partials[b - w0]);
          done_bytes.fetch_add(elements * plan->element_bytes(), std::memory_order_relaxed);
        }
        // Pins released: a waiting JS thread runs before the next block.
        YieldToWaiting();
      }
      std::lock_guard<std::mutex> lock(mu);
      completed += e - b;
      if (completed == wave_end - wave_begin) cv.notify_all();
    }
  }

  // The coordinator: every wave, then the end for the helpers.
  void Coordinate() {
    int64_t units = plan->units();
    for (int64_t w = 0; w < units; w += wave_units) {
      {
        std::lock_guard<std::mutex> lock(mu);
        wave_begin = w;
        wave_end = std::min(w + wave_units, units);
        next = w;
        completed = 0;
      }
      cv.notify_all();
      RunTasks();
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return completed == wave_end - wave_begin; });
      }
      if (abort || closed) break;
      plan->Fold(partials.data(), w, std::min(wave_units, units - w));
    }
    {
      std::lock_guard<std::mutex> lock(mu);
      finished = true;
    }
    cv.notify_all();
  }

  // A helper: runs the tasks of each wave it finds until the job is over.
  void Help() {
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(mu);
        cv.wait(lock, [&] { return finished || next < wave_end; });
        if (finished) return;
      }
      RunTasks();
    }
  }
};

// The kind of the env-table items that are Jobs (env_state.h).
const char kJobKind = 0;

// Worker teardown (an env closing hook, env_state.h): stop the work at the
// next block; Settle then sees EnvClosing and touches no JS.
void StopJob(void* arg) {
  // SAFETY: arg is the job of a KernelWorker not yet settled (Settle removes
  // the hook first), and that worker holds the job.
  static_cast<Job*>(arg)->abort = true;
}

class HelperWorker : public Napi::AsyncWorker {
 public:
  HelperWorker(Napi::Env env, std::shared_ptr<Job> job)
      : Napi::AsyncWorker(env, "mmarray.kernelHelper"), job_(std::move(job)) {}
  void Execute() override {
    PoolPriority low;  // pool_yield.h: restored before the thread goes back to libuv
    job_->Help();
  }
  void OnOK() override {}
  void OnError(const Napi::Error& /*e*/) override {}

 private:
  std::shared_ptr<Job> job_;
};

// Runs a job's coordinator on the pool and settles it with SettleJob
// (pool_job.h): `settle(error, value, doneBytes, totalBytes)`.
class KernelWorker : public Napi::AsyncWorker {
 public:
  KernelWorker(Napi::Env env, std::shared_ptr<Job> job, uint32_t id, Napi::Function settle)
      : Napi::AsyncWorker(env, "mmarray.kernelAsync"), job_(std::move(job)), id_(id), settle_(Napi::Persistent(settle)) {
    AddClosingHook(env, StopJob, job_.get());
  }
  void Execute() override {
    PoolPriority low;  // pool_yield.h
    job_->Coordinate();
  }
  void OnOK() override { Settle(); }
  void OnError(const Napi::Error& /*e*/) override { Settle(); }

 private:
  // Raw N-API with every status checked and nothing thrown (pool_job.h).
  void Settle() {
    napi_env env = Env();
    SettleJob(Env(), StopJob, job_.get(), id_, settle_, job_->done_bytes, job_->total_bytes,
              [&](napi_value* error, napi_value* value) {
                if (job_->closed || job_->abort) {
                  *error = job_->closed
                               ? NewErrorValue(env, ErrorCode::kClosed, "mapping of '" + ClosedPath() + "' is closed")
                               : NewErrorValue(env, ErrorCode::kAborted, "The operation was aborted");
                  return *error != nullptr;
                }
                Napi::Value r = job_->plan->Result(Env());
                if (Env().IsExceptionPending()) return napi_get_and_clear_last_exception(env, error) == napi_ok;
                *value = r;
                return true;
              });
  }

  // The path of a mapping the job uses that close() unmapped (JS thread:
  // nothing unmaps concurrently).
  std::string ClosedPath() const {
    for (const auto& m : job_->plan->mappings()) {
      if (!m->mapped()) return m->path();
    }
    return job_->plan->mappings().empty() ? std::string() : job_->plan->mappings()[0]->path();
  }

  std::shared_ptr<Job> job_;
  uint32_t id_;
  Napi::FunctionReference settle_;
  // Made and destroyed on the JS thread (the worker is deleted there after
  // it settles): the loop's short slice while the job runs (pool_yield.h).
  LoopSlice slice_;
};

// Starts `plan` over `threads` pool threads, to settle through `settle`;
// returns the job's id (kernelAbort, kernelProgress).
Napi::Value Start(Napi::Env env, std::unique_ptr<KernelPlan> plan, const Napi::Value& threads_arg, const Napi::Value& settle) {
  if (!plan) return env.Undefined();  // the plan threw
  if (!settle.IsFunction()) {
    ThrowType(env, "expected a settle function after the thread count");
    return env.Undefined();
  }
  int64_t threads = 1;
  if (threads_arg.IsNumber()) {
    double t = threads_arg.As<Napi::Number>().DoubleValue();
    if (t >= 1 && t <= 1024) threads = static_cast<int64_t>(t);
  }
  auto job = std::make_shared<Job>();
  job->plan = std::move(plan);
  KernelPlan* p = job->plan.get();
  int64_t per = p->units_per_row();
  int64_t unit_bytes = std::max<int64_t>(1, p->units() > 0 ? p->unit_elements(0) * p->element_bytes() : 1);
  job->task_units = std::max<int64_t>(1, kTaskBytes / unit_bytes);
  job->wave_units = WaveUnits(*p);
  job->partials.resize(static_cast<size_t>(std::min(job->wave_units, std::max<int64_t>(p->units(), 1))));
  // Total elements = units / per rows of the row's elements.
  int64_t row_elements = 0;
  for (int64_t k = 0; k < per && p->units() > 0; k++) row_elements += p->unit_elements(k);
  job->total_bytes = p->units() / per * row_elements * p->element_bytes();
  if (threads > 1 && p->units() <= job->task_units) threads = 1;  // one task: nothing to share

  uint32_t id = Hold(env, &kJobKind, job);
  if (id == 0) {
    ThrowType(env, "the addon's per-environment state is missing");
    return env.Undefined();
  }
  (new KernelWorker(env, job, id, settle.As<Napi::Function>()))->Queue();  // deletes itself when done
  for (int64_t t = 1; t < threads; t++) (new HelperWorker(env, job))->Queue();
  return Napi::Number::New(env, id);
}

// The job a JS id names while it is in flight; nullptr for a settled one
// (any later id is as well formed); nullptr and a TypeError pending for what
// is no id at all.
std::shared_ptr<Job> JobOf(const Napi::CallbackInfo& info) {
  uint32_t id = JobIdArg(info, "an async kernel job");
  if (id == 0) return nullptr;
  // SAFETY: only Start holds items of kJobKind in the env's table, each a
  // shared_ptr<Job>; sharing the ownership keeps the job alive while it is
  // used here.
  return std::static_pointer_cast<Job>(Held(info.Env(), &kJobKind, id));
}

// kernelReduceAsync(...kernelReduce's arguments, threads, settle) -> job id
Napi::Value KernelReduceAsync(const Napi::CallbackInfo& info) { return Start(info.Env(), PlanReduce(info), info[7], info[8]); }
// kernelCopyAsync(...kernelCopy's arguments, threads, settle) -> job id
Napi::Value KernelCopyAsync(const Napi::CallbackInfo& info) { return Start(info.Env(), PlanCopy(info), info[9], info[10]); }
// kernelCastAsync(...kernelCast's arguments, threads, settle) -> job id
Napi::Value KernelCastAsync(const Napi::CallbackInfo& info) { return Start(info.Env(), PlanCast(info), info[11], info[12]); }

// kernelAbort(job): the work stops at the next block; settle gets ABORT_ERR.
// A job that has settled is left as it is.
Napi::Value KernelAbort(const Napi::CallbackInfo& info) {
  std::shared_ptr<Job> job = JobOf(info);
  if (job) job->abort = true;
  return info.Env().Undefined();
}

// kernelPoolNice() -> the nice value a pool thread runs a job at (0: left
// as it is; pool_yield.h).
Napi::Value KernelPoolNice(const Napi::CallbackInfo& info) { return Napi::Number::New(info.Env(), PoolNice()); }

// kernelLoopSlice() -> the slice (ns) the JS thread asks for while a job
// runs, 0 when off (pool_yield.h).
Napi::Value KernelLoopSlice(const Napi::CallbackInfo& info) { return Napi::Number::New(info.Env(), static_cast<double>(LoopSliceNs())); }

// kernelReadAhead() -> [distance, advisedBytes, advises]: the read-ahead
// distance in bytes (0: off) and, over the process, the bytes advised and
// the madvise calls made (AdviseReadAhead).
Napi::Value KernelReadAhead(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Array out = Napi::Array::New(env, 3);
  out.Set(uint32_t{0}, Napi::Number::New(env, static_cast<double>(ReadAheadBytes())));
  out.Set(uint32_t{1}, Napi::Number::New(env, static_cast<double>(advised_bytes.load(std::memory_order_relaxed))));
  out.Set(uint32_t{2}, Napi::Number::New(env, static_cast<double>(advise_calls.load(std::memory_order_relaxed))));
  return out;
}

// kernelProgress(job) -> [doneBytes, totalBytes], or null once it settled
// (settle has the final figures).
Napi::Value KernelProgress(const Napi::CallbackInfo& info) {
  return JobProgress(info.Env(), JobOf(info));
}

}  // namespace

void InitAsyncKernels(Napi::Env env, Napi::Object exports) {
  (void)PoolNice();  // reads MMARRAY_POOL_NICE and MMARRAY_LOOP_SLICE_US here, on the JS thread (pool_yield.h)
  (void)LoopSliceNs();
  (void)ReadAheadBytes();  // reads MMARRAY_READ_AHEAD_MB on the JS thread
  exports.Set("kernelReduceAsync", Napi::Function::New<KernelReduceAsync>(env, "kernelReduceAsync"));
  exports.Set("kernelCopyAsync", Napi::Function::New<KernelCopyAsync>(env, "kernelCopyAsync"));
  exports.Set("kernelCastAsync", Napi::Function::New<KernelCastAsync>(env, "kernelCastAsync"));
  exports.Set("kernelAbort", Napi::Function::New<KernelAbort>(env, "kernelAbort"));
  exports.Set("kernelProgress", Napi::Function::New<KernelProgress>(env, "kernelProgress"));
  exports.Set("kernelPoolNice", Napi::Function::New<KernelPoolNice>(env, "kernelPoolNice"));
  exports.Set("kernelLoopSlice", Napi::Function::New<KernelLoopSlice>(env, "kernelLoopSlice"));
  exports.Set("kernelReadAhead", Napi::Function::New<KernelReadAhead>(env, "kernelReadAhead"));
}

}  // namespace mmarray
