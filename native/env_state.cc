#include "env_state.h"

#include <algorithm>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mmarray {
namespace {

using Hook = std::pair<void (*)(void*), void*>;

struct EnvState {
  bool closing = false;
  // Strong: the class lives as long as the env. Deleted with the state by
  // the env's instance-data finalizer (Node-API allows that there).
  Napi::FunctionReference access_error;
  // Only the env's JS thread touches these (cleanup hooks run there too).
  std::vector<Hook> hooks;
  // Hold/Release; ids are never reused within an env (2^32 before a wrap).
  std::unordered_map<uint32_t, std::pair<const void*, std::shared_ptr<void>>> held;  // id -> (kind, item)
  uint32_t last_id = 0;
};

void MarkClosing(void* arg) {
  // SAFETY: arg is the EnvState registered below. Cleanup hooks run in reverse
  // order of registration, so this one (added at module init) runs before the
  // Node-API env's own teardown deletes the instance data.
  auto* state = static_cast<EnvState*>(arg);
  state->closing = true;
  std::vector<Hook> hooks;
  hooks.swap(state->hooks);
  for (const Hook& h : hooks) h.first(h.second);
}

}  // namespace

void InitEnvState(Napi::Env env) {
  auto* state = new EnvState();
  // The env owns the state from here on and deletes it at teardown.
  env.SetInstanceData<EnvState>(state);
  napi_add_env_cleanup_hook(env, MarkClosing, state);
}

// SAFETY (every GetInstanceData<EnvState> here): instance data is per addon
// and per env, and only InitEnvState sets this addon's, to an EnvState that
// lives until the env's teardown deletes it.
bool EnvClosing(Napi::Env env) {
  const EnvState* state = env.GetInstanceData<EnvState>();
  return state == nullptr || state->closing;
}

void SetAccessErrorClass(Napi::Env env, Napi::Function cls) {
  EnvState* state = env.GetInstanceData<EnvState>();
  if (state != nullptr) state->access_error = Napi::Persistent(cls);
}

napi_value AccessErrorClass(napi_env env) {
  const EnvState* state = Napi::Env(env).GetInstanceData<EnvState>();
  if (state == nullptr || state->closing || state->access_error.IsEmpty()) return nullptr;
  napi_value cls;
  if (napi_get_reference_value(env, state->access_error, &cls) != napi_ok) return nullptr;
  return cls;
}

void AddClosingHook(Napi::Env env, void (*stop)(void*), void* arg) {
  EnvState* state = env.GetInstanceData<EnvState>();
  if (state == nullptr || state->closing) {
    stop(arg);
    return;
  }
  state->hooks.emplace_back(stop, arg);
}

void RemoveClosingHook(Napi::Env env, void (*stop)(void*), void* arg) {
  EnvState* state = env.GetInstanceData<EnvState>();
  if (state == nullptr) return;
  auto& h = state->hooks;
  h.erase(std::remove(h.begin(), h.end(), Hook(stop, arg)), h.end());
}

uint32_t Hold(Napi::Env env, const void* kind, std::shared_ptr<void> item) {
  EnvState* state = env.GetInstanceData<EnvState>();
  if (state == nullptr) return 0;
  if (++state->last_id == 0) ++state->last_id;  // 0 means "none"
  state->held[state->last_id] = {kind, std::move(item)};
  return state->last_id;
}

std::shared_ptr<void> Held(Napi::Env env, const void* kind, uint32_t id) {
  EnvState* state = env.GetInstanceData<EnvState>();
  if (state == nullptr) return nullptr;
  auto it = state->held.find(id);
  return it == state->held.end() || it->second.first != kind ? nullptr : it->second.second;
}

void Release(Napi::Env env, uint32_t id) {
  EnvState* state = env.GetInstanceData<EnvState>();
  if (state != nullptr) state->held.erase(id);
}

}  // namespace mmarray
