// Per-environment state of the addon (Node-API instance data). The main
// thread and every worker load the addon into their own env; each gets one
// EnvState, and an env cleanup hook marks it closing when the env is torn
// down, so native callbacks that still run then (finalizers, async work
// completions) touch no JS. It also holds the JS error classes that env's
// lib/native.ts handed over (a class belongs to one env's heap).
// Work in flight that must stop then (the async kernels) registers a
// closing hook here: one home for per-env lifetime.
#ifndef MMARRAY_ENV_STATE_H_
#define MMARRAY_ENV_STATE_H_

#include <napi.h>

#include <cstdint>
#include <memory>

namespace mmarray {

// Called once per env, from module init.
void InitEnvState(Napi::Env env);

// True once the env's cleanup hooks run (worker.terminate(), process.exit(),
// the end of the main thread), or when the state is missing.
bool EnvClosing(Napi::Env env);

// The AccessError class of lib/errors.ts, from setErrorClasses (addon.cc);
// a later call replaces it. nullptr before any call, or once closing.
void SetAccessErrorClass(Napi::Env env, Napi::Function cls);
napi_value AccessErrorClass(napi_env env);

// stop(arg) runs once, on the env's thread, when the env starts closing,
// unless RemoveClosingHook(env, stop, arg) ran first. Both calls from the
// env's JS thread. Added after the env started closing, it runs at once.
void AddClosingHook(Napi::Env env, void (*stop)(void*), void* arg);
void RemoveClosingHook(Napi::Env env, void (*stop)(void*), void* arg);

// Work in flight that JS names by a number (the async kernels' jobs, the
// saves): the env holds `item` from Hold until Release, and drops whatever is
// left when it is torn down (RAII: nothing to free by hand when a worker
// thread goes away). `kind` is the address of a constant the item's owner
// defines, one per item type: Held answers only for an id held with the same
// kind, so one module's id handed to another's function is "not held", never
// an item read as the wrong type. Hold returns the item's id (1, 2, ...; one
// sequence for every kind), or 0 when the state is missing; Held returns
// nullptr for an id not held (as that kind). All from the env's JS thread.
uint32_t Hold(Napi::Env env, const void* kind, std::shared_ptr<void> item);
std::shared_ptr<void> Held(Napi::Env env, const void* kind, uint32_t id);
void Release(Napi::Env env, uint32_t id);

}  // namespace mmarray

#endif  // MMARRAY_ENV_STATE_H_
