// fma64/fma32 (lib/fma.ts): one rounding of the exact a·b + c, where the
// unfused expression rounds twice; checked on cases whose exact value is
// known, and against the native kernel's hardware FMA (a 1×1×1 product
// accumulates one fused multiply-add onto 0, a 1×2×1 onto the first product).
import { fma32, fma64 } from '../lib/fma';
import { dotGemm } from '../lib/native';

test('fused, not rounded twice: exact values', () => {
  const a = 1 + 2 ** -27;
  const b = 1 - 2 ** -27;
  expect(a * b - 1).toBe(0); // the product rounds to 1 first
  expect(fma64(a, b, -1)).toBe(-(2 ** -54));
  const f = Math.fround(1 + 2 ** -12);
  const g = Math.fround(1 - 2 ** -12);
  expect(fma32(f, g, -1)).toBe(-(2 ** -24));
  // Just above a float32 midpoint rounds up; the exact midpoint rounds to even.
  expect(fma32(1, 1, Math.fround(2 ** -24 + 2 ** -47))).toBe(Math.fround(1 + 2 ** -23));
  expect(fma32(1, 1, 2 ** -24)).toBe(1);
  // The double sum rounds (c far below the product) and the fused one must not round twice.
  expect(fma32(Math.fround(1 + 2 ** -23), Math.fround(1 + 2 ** -23), 2 ** -100)).toBe(Math.fround(1 + 2 ** -22));
  expect(fma64(1 + 2 ** -52, 1 + 2 ** -52, 2 ** -200)).toBe(1 + 2 ** -51);
  expect(Object.is(fma64(-1, 0, 0), 0)).toBe(true);
  expect(fma64(Infinity, 2, 1)).toBe(Infinity);
  expect(fma64(Infinity, 0, 1)).toBeNaN();
  expect(fma64(2 ** 600, 2 ** 600, -Infinity)).toBe(-Infinity);
});

test('the same bits as the hardware FMA of the native kernel, on random operands', () => {
  let s = 7;
  const r = (): number => {
    s = (s * 48271) % 2147483647;
    return (s / 2147483647 - 0.5) * 2 ** ((s % 41) - 20);
  };
  const bad: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const [a0, b0, a1, b1] = [r(), r(), r(), r()];
    // C = a0·b0 (fma onto 0: exact rounding of the product), then fma(a1, b1, C).
    const d = new Float64Array(1);
    dotGemm(0, Float64Array.of(a0, a1), 0, Float64Array.of(b0, b1), 0, d, 0, 1, 2, 2 - 1);
    // m = 1: lanes 0 and 1 each hold one product, folded lane0 + lane1.
    const want64 = fma64(a1, b1, 0) + fma64(a0, b0, 0);
    if (!Object.is(d[0], want64)) bad.push(`f8 lanes ${a0} ${b0} ${a1} ${b1}`);
    const c = new Float64Array(2);
    dotGemm(0, Float64Array.of(a0, a1), 0, Float64Array.of(b0, 0, b1, 0), 0, c, 0, 1, 2, 2);
    if (!Object.is(c[0], fma64(a1, b1, a0 * b0))) bad.push(`f8 ${a0} ${b0} ${a1} ${b1}`);
    const [fa0, fb0, fa1, fb1] = [a0, b0, a1, b1].map(Math.fround);
    const c4 = new Float32Array(2);
    dotGemm(1, Float32Array.of(fa0, fa1), 0, Float32Array.of(fb0, 0, fb1, 0), 0, c4, 0, 1, 2, 2);
    if (!Object.is(c4[0], fma32(fa1, fb1, Math.fround(fa0 * fb0)))) bad.push(`f4 ${fa0} ${fb0} ${fa1} ${fb1}`);
  }
  expect(bad).toEqual([]);
});
