// What JS sees of a job on the thread pool (async_kernels.cc's kernel jobs,
// save_worker.cc's saves): its id, its progress, and the one way it settles
// the promise lib/async.ts made around it, through
// `settle(error, value, doneBytes, totalBytes)`.
//
// It settles through a function reference, not a napi_deferred: a deferred
// can only be freed by resolving it, which an env being torn down refuses,
// while the reference is freed with the worker in any case (RAII; the leak
// LeakSanitizer found on worker teardown). Raw N-API with every status
// checked and nothing thrown: this may run while a worker thread's
// environment is going away.
#ifndef MMARRAY_POOL_JOB_H_
#define MMARRAY_POOL_JOB_H_

#include <napi.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "env_state.h"
#include "napi_util.h"
#include "pool_yield.h"

namespace mmarray {

// Undoes what the job's worker took at its start (the closing hook
// `stop(job)`, the env table's `id`), then, unless the env is closing, calls
// `settle` with `outcome(&error, &value)`'s error or value (both start
// undefined; outcome returns false when it could not make them, and then
// nothing is called) and the job's progress.
template <typename Outcome>
void SettleJob(Napi::Env env, void (*stop)(void*), void* job, uint32_t id, const Napi::FunctionReference& settle,
               const std::atomic<int64_t>& done_bytes, int64_t total_bytes, Outcome outcome) {
  RemoveClosingHook(env, stop, job);
  Release(env, id);
  if (EnvClosing(env)) return;
  napi_value args[4];
  napi_get_undefined(env, &args[0]);
  napi_get_undefined(env, &args[1]);
  if (napi_create_double(env, static_cast<double>(done_bytes.load()), &args[2]) != napi_ok ||
      napi_create_double(env, static_cast<double>(total_bytes), &args[3]) != napi_ok) {
    return;
  }
  if (!outcome(&args[0], &args[1])) return;
  napi_value fn = settle.Value();
  napi_value recv;
  if (fn == nullptr || napi_get_undefined(env, &recv) != napi_ok) return;
  // An exception out of settle (it has none of its own) stays pending for
  // node-addon-api's completion wrapper to report as uncaught.
  napi_call_function(env, recv, fn, 4, args, nullptr);
}

// How a job that stops at its own checkpoints (PoolJobWorker's: sorts,
// unique, ufuncs) ended: it ran through, or an abort() or a close() of a
// mapping it uses (waiting to unmap) stopped it.
enum JobStop { kJobRunning = 0, kJobAborted = 1, kJobClosed = 2 };

// The rejection of a job that `stop` stopped (not kJobRunning): ERR_CLOSED
// naming the file whose mapping close() unmapped (`path`), or ABORT_ERR.
// Null when the error could not be made.
inline napi_value StoppedJobError(napi_env env, int stop, const std::string& path) {
  return stop == kJobClosed ? NewErrorValue(env, ErrorCode::kClosed, "mapping of '" + path + "' is closed")
                            : NewErrorValue(env, ErrorCode::kAborted, "The operation was aborted");
}

// The job id JS passed as info[0] (a whole number in [1, 2^32): a later id
// is as well formed as a held one); 0 with a TypeError "expected the id of
// <what>" pending for what is no id at all.
inline uint32_t JobIdArg(const Napi::CallbackInfo& info, const char* what) {
  double id = info.Length() > 0 && info[0].IsNumber() ? info[0].As<Napi::Number>().DoubleValue() : 0;
  if (!(id >= 1 && id <= 4294967295.0 && id == static_cast<double>(static_cast<uint32_t>(id)))) {
    ThrowType(info.Env(), std::string("expected the id of ") + what);
    return 0;
  }
  return static_cast<uint32_t>(id);
}

// `[doneBytes, totalBytes]` of a job still held, or null once it settled
// (settle has the final figures); undefined with the bad id's error pending.
template <typename J>
Napi::Value JobProgress(Napi::Env env, const std::shared_ptr<J>& job) {
  if (!job) return env.IsExceptionPending() ? env.Undefined() : env.Null();
  Napi::Array out = Napi::Array::New(env, 2);
  out.Set(0u, Napi::Number::New(env, static_cast<double>(job->done_bytes.load())));
  out.Set(1u, Napi::Number::New(env, static_cast<double>(job->total_bytes)));
  return out;
}


// The tasks of one job spread over pool threads (a `threads` option): the
// job's own worker and its helpers (PoolHelperWorker) claim task numbers
// from one counter, so which thread runs a task is left to the pool; the
// job's worker then waits until every task has run (Wait) before it lets
// go of what the tasks use (its mapping pins) and settles. A task that
// starts after a stop does nothing and still counts as run, so the wait
// ends; a helper the busy pool starts only after that finds no task left.
class PoolTasks {
 public:
  void Reset(int64_t tasks) {
    tasks_ = tasks;
    next_ = 0;
    done_ = 0;
  }

  // Claims and runs tasks (run(t), t in [0, tasks)) until none is left.
  template <class F>
  void Run(F run) {
    for (;;) {
      int64_t t = next_.fetch_add(1);
      if (t >= tasks_) return;
      run(t);
      if (done_.fetch_add(1) + 1 == tasks_) {
        std::lock_guard<std::mutex> lock(mu_);
        cv_.notify_all();
      }
    }
  }

  // Returns once every task has run (the job's worker, after its own Run).
  void Wait() {
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return done_.load() >= tasks_; });
  }

 private:
  int64_t tasks_ = 0;
  std::atomic<int64_t> next_{0};
  std::atomic<int64_t> done_{0};
  std::mutex mu_;
  std::condition_variable cv_;
};

// A helper of a job whose tasks are spread over pool threads: runs
// `J::Help()` (its share of the job's PoolTasks) on another pool thread,
// at the job's priority; it settles nothing (the job's worker does).
template <typename J>
class PoolHelperWorker : public Napi::AsyncWorker {
 public:
  PoolHelperWorker(Napi::Env env, std::shared_ptr<J> job)
      : Napi::AsyncWorker(env, "mmarray.poolHelper"), job_(std::move(job)) {}
  void Execute() override {
    PoolPriority low;  // pool_yield.h
    job_->Help();
  }
  void OnOK() override {}
  void OnError(const Napi::Error& /*e*/) override {}

 private:
  std::shared_ptr<J> job_;
};

// The worker of a job that runs on one pool thread and stops at its own
// checkpoints (sort_kernels.cc's sorts, ufunc_kernels.cc's ufuncs). J has
// `std::atomic<bool> abort`, `std::atomic<int64_t> done_bytes`,
// `int64_t total_bytes`, `void Run()` (the pool thread, at low priority) and
// `bool Outcome(napi_env, napi_value* error, napi_value* value)` (the JS
// thread, at settle: SettleJob's outcome), and `void Help()` (a helper
// thread's share of the job's PoolTasks, when `threads` > 1). The env's
// closing hook sets `abort`; the worker holds the job until it settles, and
// the env table holds it under `kind` for abort and progress calls by id.
template <typename J>
class PoolJobWorker : public Napi::AsyncWorker {
 public:
  // Holds `job` in the env table, queues its worker (which deletes itself
  // when done) and `helpers` PoolHelperWorkers (J::Help(): a job whose
  // tasks are spread over threads), and returns the job id; 0 with a
  // TypeError pending when the addon's state for this thread is gone.
  static uint32_t Queue(Napi::Env env, const char* kind, const char* name, std::shared_ptr<J> job,
                        Napi::Function settle, int helpers = 0) {
    uint32_t id = Hold(env, kind, job);
    if (id == 0) {
      ThrowType(env, std::string(name) + ": the addon's state for this thread is gone");
      return 0;
    }
    (new PoolJobWorker(env, name, job, id, settle))->Napi::AsyncWorker::Queue();
    for (int t = 0; t < helpers; t++) (new PoolHelperWorker<J>(env, job))->Queue();
    return id;
  }

  // The job held under `kind` with the id in info[0]; null once it settled,
  // or with the bad id's TypeError pending.
  static std::shared_ptr<J> Of(const Napi::CallbackInfo& info, const char* kind, const char* what) {
    uint32_t id = JobIdArg(info, what);
    if (id == 0) return nullptr;
    // SAFETY: only Queue<J> holds items of `kind` in the env's table (each
    // job type has its own kind tag), each a shared_ptr<J>.
    return std::static_pointer_cast<J>(Held(info.Env(), kind, id));
  }

  void Execute() override {
    PoolPriority low;  // pool_yield.h
    job_->Run();
  }
  void OnOK() override { Settle(); }
  void OnError(const Napi::Error& /*e*/) override { Settle(); }

 private:
  PoolJobWorker(Napi::Env env, const char* name, std::shared_ptr<J> job, uint32_t id, Napi::Function settle)
      : Napi::AsyncWorker(env, name), job_(std::move(job)), id_(id), settle_(Napi::Persistent(settle)) {
    AddClosingHook(env, Stop, job_.get());
  }

  static void Stop(void* arg) {
    // SAFETY: arg is the job of a worker not yet settled (Settle removes the
    // hook first), and that worker holds the job.
    static_cast<J*>(arg)->abort = true;
  }

  void Settle() {
    napi_env env = Env();
    SettleJob(Env(), Stop, job_.get(), id_, settle_, job_->done_bytes, job_->total_bytes,
              [&](napi_value* error, napi_value* value) { return job_->Outcome(env, error, value); });
  }

  std::shared_ptr<J> job_;
  uint32_t id_;
  Napi::FunctionReference settle_;
  LoopSlice slice_;  // on the JS thread, as KernelWorker's (pool_yield.h)
};

}  // namespace mmarray

#endif  // MMARRAY_POOL_JOB_H_
