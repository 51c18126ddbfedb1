// The JS mirror of the matrix-product kernel gives the native kernel's bits
// (native/dot_kernels.h's summation order) for float64 and float32, on
// shapes that cross its lane, register-tile and block edges.
import * as m from '../lib';
import { forceDotJs } from '../lib/dot-native';
import { dotGemm } from '../lib/native';
import { DOT_LANES } from '../lib/dot-kernel';

function rnd(shape: number[], dt: 'f8' | 'f4', seed: number): m.NdArray {
  let s = seed;
  const n = shape.reduce((a, b) => a * b, 1);
  const a = m.empty([n], dt);
  const t = a.typedArray() as Float64Array;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    t[i] = s / 2147483648 - 0.5;
  }
  return a.reshape(shape);
}

const hex = (a: m.NdArray): string => Buffer.from(a.typedArray().buffer as ArrayBuffer, a.typedArray().byteOffset, a.nbytes).toString('hex');

const SHAPES: [number, number, number][] = [[1, 1, 1], [3, 5, 1], [7, DOT_LANES * 2 + 1, 1], [5, 17, 3], [9, 300, 40], [4, 8, 16], [13, 257, 33], [7, 520, 70], [2, 1000, 1]];

test('native and JS products agree bit for bit (f8, f4)', () => {
  const bad: string[] = [];
  for (const dt of ['f8', 'f4'] as const) {
    for (const [n, k, mm] of SHAPES) {
      const a = rnd([n, k], dt, n * 7 + k);
      const b = rnd([k, mm], dt, mm + 3);
      const native = m.matmul(a, b);
      const was = forceDotJs(true);
      try {
        const js = m.matmul(a, b);
        if (hex(native) !== hex(js)) bad.push(`${dt} ${n}x${k}x${mm}`);
      } finally {
        forceDotJs(was);
      }
    }
  }
  expect(bad).toEqual([]);
});

test('the kernel refuses typed arrays too short for the product, of the wrong type, or overflowing sizes', () => {
  const f = new Float64Array(6);
  expect(() => dotGemm(0, f, 0, f, 0, f, 0, 2, 3, 2)).not.toThrow();
  // (The addon's errors come from Node's realm, not jest's: matched by message.)
  expect(() => dotGemm(0, f, 1, f, 0, f, 0, 2, 3, 2)).toThrow('dotGemm: A holds 6 items, the product needs 6 from 1');
  expect(() => dotGemm(0, f, 0, f, 0, new Float64Array(3), 0, 2, 3, 2)).toThrow('dotGemm: C holds 3 items, the product needs 4 from 0');
  expect(() => dotGemm(1, f, 0, f, 0, f, 0, 2, 3, 2)).toThrow("dotGemm: A must be a typed array of the kernel's type");
  expect(() => dotGemm(0, f, 0, f, 0, f, 0, 2 ** 40, 2 ** 40, 2)).toThrow("dotGemm: the product's sizes overflow");
  expect(() => dotGemm(0, f, -1, f, 0, f, 0, 1, 1, 1)).toThrow('dotGemm: A holds 6 items, the product needs 1 from -1');
});
