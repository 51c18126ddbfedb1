#include "env_state.h"

namespace mmarray {
namespace {

struct EnvState {
  bool closing = false;
};

void MarkClosing(void* arg) {
  // SAFETY: arg is the EnvState registered below. Cleanup hooks run in reverse
  // order of registration, so this one (added at module init) runs before the
  // Node-API env's own teardown deletes the instance data.
  static_cast<EnvState*>(arg)->closing = true;
}

}  // namespace

void InitEnvState(Napi::Env env) {
  auto* state = new EnvState();
  // The env owns the state from here on and deletes it at teardown.
  env.SetInstanceData<EnvState>(state);
  napi_add_env_cleanup_hook(env, MarkClosing, state);
}

bool EnvClosing(Napi::Env env) {
  const EnvState* state = env.GetInstanceData<EnvState>();
  return state == nullptr || state->closing;
}

}  // namespace mmarray
