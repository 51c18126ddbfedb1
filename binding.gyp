{
  "targets": [
    {
      "target_name": "mmarray",
      "sources": [
        "native/accumulate_kernels.cc",
        "native/kernel_operand.cc",
        "native/correlate.cc",
        "native/addon.cc",
        "native/dot_kernels.cc",
        "native/gemm.cc",
        "native/gemm_exact.cc",
        "native/group_starts.cc",
        "native/linalg_decomp.cc",
        "native/linalg_eig.cc",
        "native/linalg_kernels.cc",
        "native/async_kernels.cc",
        "native/env_state.cc",
        "native/flush_worker.cc",
        "native/histogram_kernels.cc",
        "native/index_kernels.cc",
        "native/kernels.cc",
        "native/live_mappings.cc",
        "native/mapping.cc",
        "native/mapping_handle.cc",
        "native/napi_util.cc",
        "native/pairwise.cc",
        "native/simd_sort.cc",
        "native/sort_kernels.cc",
        "native/ufunc_complex.cc",
        "native/ufunc_kernels.cc",
        "native/ufunc_math.cc",
        "native/transcendental.cc",
        "native/pool_buffer.cc",
        "native/read_ahead.cc",
        "native/reduceat_kernels.cc",
        "native/region_pool.cc",
        "native/save_worker.cc"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS", "NODE_ADDON_API_DISABLE_DEPRECATED", "NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS"],
      # -fno-math-errno: nothing reads errno after a math call, and with it GCC
      # keeps a scalar sqrt plus a libm call per negative input instead of
      # vsqrtpd (the optimize pragma in ufunc_kernels.cc does not lift that).
      "cflags_cc": ["-std=c++17", "-Wall", "-Wextra", "-O3", "-fno-math-errno", "-ffp-contract=off"],
      "cflags_cc!": ["-std=gnu++17", "-std=gnu++1y"],
      "conditions": [
        ["target_arch!='x64' and target_arch!='ia32'", {
          "defines": ["target_clones(...)=unused"]
        }],
        ["OS=='linux'", {
          "sources": ["native/glibc_compat.cc"],
          "ldflags": ["-static-libstdc++", "-Wl,--exclude-libs,ALL",
                      "-Wl,--wrap=fstat64", "-Wl,--wrap=stat64", "-Wl,--wrap=lstat64", "-Wl,--wrap=pthread_once",
                      "-Wl,--wrap=pthread_key_create", "-Wl,--wrap=pthread_key_delete",
                      "-Wl,--wrap=pthread_getspecific", "-Wl,--wrap=pthread_setspecific",
                      "-Wl,--wrap=pthread_rwlock_rdlock", "-Wl,--wrap=pthread_rwlock_wrlock",
                      "-Wl,--wrap=pthread_rwlock_unlock", "-Wl,--wrap=pthread_create",
                      "-Wl,--wrap=pthread_join", "-Wl,--wrap=pow",
                      "-Wl,--wrap=exp", "-Wl,--wrap=log", "-Wl,--wrap=exp2", "-Wl,--wrap=log2",
                      "-Wl,--wrap=hypot", "-Wl,--wrap=hypotf"]
        }]
      ],
      "xcode_settings": {
        "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
        "MACOSX_DEPLOYMENT_TARGET": "10.15",
        "OTHER_CPLUSPLUSFLAGS": ["-Wall", "-Wextra", "-O3", "-fno-math-errno", "-ffp-contract=off"]
      }
    }
  ]
}
