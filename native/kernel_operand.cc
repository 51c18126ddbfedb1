// See kernel_operand.h.
#include "kernel_operand.h"

#include <string>

#include "kernel_plan.h"
#include "napi_util.h"
#include "type_codes.h"

namespace mmarray {

bool ReadOperand(Napi::Env env, const char* kernel, const Napi::Value& v, const std::vector<int64_t>& shape, bool write, Operand* out) {
  int64_t off, type;
  uint32_t n = 0;
  Napi::Value item[5];
  bool read = ArrayLength(v, &n) && n == 5;
  for (uint32_t k = 0; read && k < 5; k++) read = ElementOf(v, k, &item[k]);
  if (!read) {
    ThrowType(env, std::string(kernel) + ": an operand must be [memory, byteOffset, strides, type, swap]");
    return false;
  }
  if (!ToInt(item[1], &off) || !ToInts(item[2], &out->strides) || !ToInt(item[3], &type)) {
    ThrowType(env, std::string(kernel) + ": bad operand offset, strides or type");
    return false;
  }
  return CheckOperand(env, kernel, item[0], off, type, ToBool(item[4]), shape, write, out);
}

bool CheckOperand(Napi::Env env, const char* kernel, const Napi::Value& memory, int64_t off, int64_t type, bool swap, const std::vector<int64_t>& shape,
                  bool write, Operand* out) {
  if (off < 0 || out->strides.size() != shape.size() || type < 0 || type >= types::kTypeCount) {
    ThrowType(env, std::string(kernel) + ": bad operand offset, strides or type");
    return false;
  }
  out->type = static_cast<int>(type);
  out->swap = swap;
  if (!ReadKernelMemory(env, memory, write, &out->memory)) return false;
  for (int64_t d : shape) {
    if (d == 0) return true;
  }
  if (const char* bad = LayoutSpanError(off, shape, out->strides, types::kItemsize[type], out->memory.length)) {
    ThrowRange(env, std::string(kernel) + ": " + bad);
    return false;
  }
  // SAFETY: LayoutSpanError put every item inside the memory, item 0 at off
  // among them, so base + off is inside it.
  out->base = out->memory.base + off;
  return true;
}

}  // namespace mmarray
