// The scheduler model behind native/pool_yield.h (issue #15): one "event
// loop" thread that sleeps 1 ms at a time beside K "pool" threads copying
// 1 MiB blocks with a sched_yield after each, as the async kernels do. Prints
// the sleeper's longest gap (and the run-queue wait inside it, from its
// /proc schedstat), p99 and median gap, its mean run-queue wait per wakeup,
// and the pool threads' copy throughput.
//
//   gcc -O2 -pthread sched_model.c -o /tmp/sched_model
//   /tmp/sched_model MODE ARG K SECONDS     e.g. /tmp/sched_model jsslice 100 2 2
//
// MODE: base (nothing changed); nice N (pool threads at nice N, restored);
// slice US (pool threads' own sched_runtime); batch (pool threads
// SCHED_BATCH); jsslice US (the sleeper's sched_runtime: what LoopSlice
// does); both N (pool nice N and the sleeper's 100 µs slice). Run each mode
// in interleaved rounds, under `setsid -w` so the model has an autogroup of
// its own as a server would (without it, nice values weigh it against
// everything else of the shell's session), and `taskset -c 0` to force the
// sleeper and the pool onto one core.
#define _GNU_SOURCE
#include <sched.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <stdint.h>
#include <stdatomic.h>
#include <linux/sched.h>

struct sched_attr_ { uint32_t size, sched_policy; uint64_t sched_flags; int32_t sched_nice; uint32_t sched_priority; uint64_t sched_runtime, sched_deadline, sched_period; uint32_t util_min, util_max; };
static int set_attr(pid_t tid, int policy, uint64_t runtime) {
  struct sched_attr_ a; memset(&a, 0, sizeof a); a.size = sizeof a; a.sched_policy = policy; a.sched_runtime = runtime;
  a.sched_nice = getpriority(PRIO_PROCESS, tid);
  return syscall(SYS_sched_setattr, tid, &a, 0);
}
static double now_ms(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec * 1e3 + t.tv_nsec / 1e6; }
static const char* mode; static int arg; static atomic_int stop; static atomic_long blocks;
static void sched3(pid_t tid, double* cpu, double* wait, long* n) {
  char p[64], b[128]; snprintf(p, sizeof p, "/proc/self/task/%d/schedstat", tid);
  FILE* f = fopen(p, "r"); unsigned long long c, w, k; fscanf(f, "%llu %llu %llu", &c, &w, &k); fclose(f);
  *cpu = c / 1e6; *wait = w / 1e6; *n = k; (void)b;
}
static void* worker(void* x) {
  pid_t tid = syscall(SYS_gettid);
  if (!strcmp(mode, "nice") || !strcmp(mode, "both")) setpriority(PRIO_PROCESS, tid, arg);
  else if (!strcmp(mode, "slice")) { if (set_attr(tid, SCHED_NORMAL, (uint64_t)arg * 1000)) perror("setattr"); }
  else if (!strcmp(mode, "batch")) set_attr(tid, SCHED_BATCH, 0);
  size_t n = 64 << 20; char* a = malloc(n); char* b = malloc(n); memset(a, 1, n); memset(b, 2, n);
  for (size_t o = 0; !stop; o = (o + (1 << 20)) % n) { memcpy(b + o, a + o, 1 << 20); blocks++; sched_yield(); }
  if (!strcmp(mode, "nice") && setpriority(PRIO_PROCESS, tid, 0)) perror("restore");
  return x;
}
static int cmp(const void* p, const void* q) { double a = *(double*)p, b = *(double*)q; return a < b ? -1 : a > b; }
int main(int argc, char** argv) {
  mode = argv[1]; arg = argc > 2 ? atoi(argv[2]) : 0; int K = argc > 3 ? atoi(argv[3]) : 1; double secs = argc > 4 ? atof(argv[4]) : 2;
  pid_t me = syscall(SYS_gettid);
  if (!strcmp(mode, "jsslice") || !strcmp(mode, "both")) if (set_attr(me, SCHED_NORMAL, (uint64_t)(strcmp(mode,"both") ? arg : 100) * 1000)) perror("setattr");
  pthread_t th[16]; for (int i = 0; i < K; i++) pthread_create(&th[i], 0, worker, 0);
  usleep(50000);
  static double gaps[100000]; int g = 0; double c0, w0, c1, w1; long n0, n1; sched3(me, &c0, &w0, &n0);
  long b0 = blocks; double t0 = now_ms(), last = t0, maxg = 0, maxw = 0, lw = w0;
  while (now_ms() - t0 < secs * 1e3 && g < 100000) {
    struct timespec d = {0, 1000000}; nanosleep(&d, 0);
    double t = now_ms(), c, w; long k; sched3(me, &c, &w, &k);
    gaps[g++] = t - last; if (t - last > maxg) { maxg = t - last; maxw = w - lw; } last = t; lw = w;
  }
  double t1 = now_ms(); long b1 = blocks; sched3(me, &c1, &w1, &n1); stop = 1;
  for (int i = 0; i < K; i++) pthread_join(th[i], 0);
  qsort(gaps, g, sizeof(double), cmp);
  printf("%-8s %5d K=%d  max %6.2f ms (wait %5.2f)  p99 %5.2f  p50 %4.2f  wait/run %5.3f ms  pool %5.2f GB/s\n", mode, arg, K, maxg, maxw,
         gaps[(int)(g * 0.99)], gaps[g / 2], (w1 - w0) / (n1 - n0), (b1 - b0) * 1048576.0 / 1e9 / ((t1 - t0) / 1e3));
  return 0;
}
