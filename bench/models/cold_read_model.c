// The cold-read model behind the 2026-12-02 cold copy trace (issue #15,
// docs/performance-notes.md "Cold copy and astype, traced"): one sequential
// pass over the first GiB of a file mapped read-only, its pages evicted
// first (posix_fadvise DONTNEED), summing it as a cold sum() does. Prints the
// wall time, the process CPU and system time, and the minor faults of the
// pass (the faults say the page-cache folio size: 16 pages a fault is the
// 64 KiB fault-around of 4 KiB folios, ~800 a GiB are large folios mapped up
// to 2 MiB at a time).
//
//   gcc -O2 cold_read_model.c -o /tmp/cold_read_model
//   /tmp/cold_read_model FILE MODE     (FILE of at least 1 GiB; run the modes interleaved)
//
// MODE: 0 the faults' own readahead; 1 MADV_WILLNEED up to 32 MiB ahead in
// 4 MiB calls (native/read_ahead.cc); 2 MADV_SEQUENTIAL on the map; 3
// MADV_HUGEPAGE on the map.
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static double ms_of(struct timeval t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; }

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s FILE MODE\n", argv[0]);
    return 2;
  }
  int mode = atoi(argv[2]);
  int fd = open(argv[1], O_RDONLY);
  if (fd < 0) {
    perror("open");
    return 1;
  }
  const size_t len = (size_t)1 << 30, step = (size_t)4 << 20, ahead = (size_t)32 << 20;
  posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
  const double* p = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);
  if (p == MAP_FAILED) {
    perror("mmap");
    return 1;
  }
  if (mode == 2) madvise((void*)p, len, MADV_SEQUENTIAL);
  if (mode == 3) madvise((void*)p, len, MADV_HUGEPAGE);
  struct rusage r0, r1;
  getrusage(RUSAGE_SELF, &r0);
  double t0 = now_ms(), s = 0;
  size_t advised = 0;
  for (size_t i = 0; i < len / 8; i += 512) {
    size_t at = i * 8;
    if (mode == 1 && advised < len && at + ahead > advised) {
      size_t want = at + ahead < len ? at + ahead : len;
      for (; advised < want; advised += step) madvise((char*)p + advised, advised + step < want ? step : want - advised, MADV_WILLNEED);
      advised = want;
    }
    for (size_t j = i; j < i + 512; j++) s += p[j];
  }
  double ms = now_ms() - t0;
  getrusage(RUSAGE_SELF, &r1);
  printf("mode %d: %.0f ms, cpu %.0f ms, sys %.0f ms, %ld minor faults (sum %g)\n", mode, ms,
         ms_of(r1.ru_utime) - ms_of(r0.ru_utime) + ms_of(r1.ru_stime) - ms_of(r0.ru_stime),
         ms_of(r1.ru_stime) - ms_of(r0.ru_stime), r1.ru_minflt - r0.ru_minflt, s);
  munmap((void*)p, len);
  close(fd);
  return 0;
}
