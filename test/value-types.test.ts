// Type-level checks of the element types inferred from dtype literals
// (lib/value-types.ts). `tsc -p tsconfig.json --noEmit` and ts-jest compile
// this file: a wrong inference is a compile error, and the runtime checks
// confirm the values really have the inferred types.
import { arange, fromBuffer, ndarray, zeros } from '../lib/create';
import { dtype } from '../lib/dtype';
import { memmap, type Memmap } from '../lib/memmap';
import type { NdArray } from '../lib/ndarray';
import { createNpy, openNpy } from '../lib/npy/npy';
import type { Complex, ValueOf } from '../lib/value-types';
import { useTempDir } from './helpers/tmp';

/** true exactly when A and B are the same type. */
type Equals<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
function assertType<A, B>(ok: Equals<A, B>): void {
  expect(ok).toBe(true);
}

const tmp = useTempDir('mmarray-types-');

test('scalar dtype literals give their JS value type', () => {
  assertType<ValueOf<'<f8'>, number>(true);
  assertType<ValueOf<'f4'>, number>(true);
  assertType<ValueOf<'>i2'>, number>(true);
  assertType<ValueOf<'uint32'>, number>(true);
  assertType<ValueOf<'<i8'>, bigint>(true);
  assertType<ValueOf<'u8'>, bigint>(true);
  assertType<ValueOf<'int64'>, bigint>(true);
  assertType<ValueOf<'?'>, boolean>(true);
  assertType<ValueOf<'|b1'>, boolean>(true);
  assertType<ValueOf<'<c16'>, Complex>(true);
  assertType<ValueOf<'|S10'>, Uint8Array>(true);
  assertType<ValueOf<'V8'>, Uint8Array>(true);
  // What cannot be told stays wide.
  assertType<ValueOf<string>, unknown>(true);
  assertType<ValueOf<'i4, f8'>, unknown>(true);
  assertType<ValueOf<ReturnType<typeof dtype>>, unknown>(true);
});

test('zeros, arange, fromBuffer and ndarray infer the element type; the default dtypes too', () => {
  const f = zeros(3, '<f8');
  assertType<typeof f, NdArray<number>>(true);
  const x: number = f.get(0);
  expect(x).toBe(0);
  // sum() without arguments (the axis form returns an array).
  const total = f.sum();
  assertType<typeof total, number>(true);
  const i = arange(4, '<i8');
  const s: bigint = i.sum();
  expect(s).toBe(6n);
  const d = arange(3);
  assertType<typeof d, NdArray<bigint>>(true);
  const dflt = zeros(2);
  assertType<typeof dflt, NdArray<number>>(true);
  const b = fromBuffer(new Uint8Array(2), '?');
  const flag: boolean = b.get(1);
  expect(flag).toBe(false);
  const c = ndarray([1], '<c8', new ArrayBuffer(8));
  const z: Complex = c.get(0);
  expect(z).toEqual({ re: 0, im: 0 });
  f.forEach((v) => {
    const n: number = v;
    expect(typeof n).toBe('number');
  });
  expect(f.reduce((acc, v) => acc + v, 0)).toBe(0);
});

test('records from a literal field list; field() and astype() retype', () => {
  const r = zeros(2, [['x', '<f4'], ['n', '<i8'], ['ok', '?']]);
  assertType<ReturnType<typeof r.get>, { x: number; n: bigint; ok: boolean }>(true);
  const rec = r.get(0);
  expect(rec).toEqual({ x: 0, n: 0n, ok: false });
  const n = r.field('n');
  const v: bigint = n.get(1);
  expect(v).toBe(0n);
  const asF = arange(3, '<i4').astype('<f8');
  assertType<ReturnType<typeof asF.get>, number>(true);
  const viewed = zeros(2, '<f8').view('<i8');
  assertType<ReturnType<typeof viewed.get>, bigint>(true);
  // A view keeping the dtype keeps the type.
  const t = zeros([2, 2], '<u2').T.index('0');
  assertType<ReturnType<typeof t.get>, number>(true);
});

test('memmap, createNpy and openNpy: Memmaps, typed where the dtype is a literal', () => {
  const p = tmp.file(new Uint8Array(16));
  const m = memmap(p, { dtype: '<f8', mode: 'r' });
  assertType<typeof m, Memmap<number>>(true);
  const u = memmap(p, { mode: 'r' });
  assertType<typeof u, Memmap<number>>(true);
  const pos = memmap(p, '<i8', { mode: 'r' });
  assertType<ReturnType<typeof pos.get>, bigint>(true);
  // A field of a Memmap keeps the Memmap's own members.
  const rec = memmap(p, { dtype: [['a', '<i4'], ['b', '<f4']], mode: 'r' }).field('b');
  const fb: number = rec.get(0);
  expect(fb).toBe(0);
  expect(rec.filename).toBe(p);
  rec.close();
  m.close();
  u.close();
  pos.close();
  const q = tmp.path('t.npy');
  const c = createNpy(q, '<u8', 2);
  const big: bigint = c.get(0);
  expect(big).toBe(0n);
  c.close();
  const o = openNpy(q);
  o.close(); // openNpy always gives a Memmap: close() type-checks
  expect(o.closed).toBe(true);
});
