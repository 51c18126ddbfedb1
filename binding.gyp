{
  "targets": [
    {
      "target_name": "mmarray",
      "sources": [
        "native/addon.cc",
        "native/async_kernels.cc",
        "native/errors.cc",
        "native/flush_worker.cc",
        "native/kernels.cc",
        "native/mapping.cc",
        "native/windows.cc"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NAPI_DISABLE_CPP_EXCEPTIONS", "NODE_ADDON_API_DISABLE_DEPRECATED"],
      "cflags_cc": ["-std=c++17", "-Wall", "-Wextra", "-O3"],
      "cflags_cc!": ["-std=gnu++17", "-std=gnu++1y"],
      "xcode_settings": {
        "CLANG_CXX_LANGUAGE_STANDARD": "c++17",
        "MACOSX_DEPLOYMENT_TARGET": "10.15",
        "OTHER_CPLUSPLUSFLAGS": ["-Wall", "-Wextra", "-O3"]
      }
    }
  ]
}
