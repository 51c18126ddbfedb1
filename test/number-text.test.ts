// lib/number-text.ts: astype from bytes ('S') to numbers reads each item as
// Python's int(), float() and complex() do, with NumPy's errors, against NumPy.
import { zeros, type NdArray } from '../lib';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

const ITEMS = [
  '12', ' 7 ', '-3', '+4', '007', '1_000', '\t5\n', '\u000b5\u000c', '300', '-1', '255', '-128', '65535', '-32769', '2147483648', '4294967296',
  '9223372036854775807', '9223372036854775808', '-9223372036854775808', '-9223372036854775809', '18446744073709551615', '18446744073709551616',
  '1.5', '', 'abc', '0x10', '1e3', '1__0', '_1', '1_', "a'b", 'a\u0000b', '\u00ff', '\u001c5', 'True',
  ' inf', '-Infinity', 'INF', 'nan', '+nan', '-nan', '.5', '5.', '1.e5', '00.5', '1_0.5', '1._5', '1e_5', '1e1_0', 'infinit', 'nan(0)', '0.1', '1e40', '1e400', '-0', '-0.0', '65520', '1e-46',
  '\u00c3(', '\u00c3', '\u00e0\u0080\u0080', '\u00ed\u00a0\u0080', '\u00c3\u00a9', '\u00f0\u009f\u0098\u0080', '\u00f8',
  'j', '-j', '2j', '1+2j', '(1+2j)', ' 1.5-2J ', 'inf+nanj', '1_0+2j', '1 + 2j', '1e+5+2e-1j', '( 3-j )', '1+', '+j', 'nanj', '1j2',
];
const TARGETS = ['|i1', '<u1', '>i2', '<u2', '<i4', '<u4', '<i8', '<u8', '<f2', '<f4', '>f8', '<c8', '<c16', '|b1'];
const W = 24;

type Outcome = { values: string[] } | { error: string; message: string };

// Every number as text that keeps its bits: floats as float.hex, NaN as 'nan' (its sign is the parse's own).
const PY = String.raw`
import json, math, warnings
warnings.simplefilter('ignore')
items = json.loads(input())
def txt(x):
    if isinstance(x, complex): return txt(x.real) + ',' + txt(x.imag)
    if isinstance(x, float): return 'nan' if math.isnan(x) else x.hex()
    return str(x)
out = {}
for t in ${JSON.stringify(TARGETS)}:
    row = []
    for it in items:
        a = np.array([it.encode('latin1')], 'S${W}')
        try:
            row.append({'values': [txt(v) for v in a.astype(t).tolist()]})
        except Exception as e:
            row.append({'error': type(e).__name__, 'message': str(e)})
    out[t] = row
print(json.dumps(out))
`;

/** Python's float.hex() of a double. */
function floatHex(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return `${sign}0x0.0p+0`;
  const b = new DataView(new ArrayBuffer(8));
  b.setFloat64(0, Math.abs(x));
  const bits = b.getBigUint64(0);
  let e = Number(bits >> 52n);
  const m = bits & ((1n << 52n) - 1n);
  let lead = '1';
  if (e === 0) {
    lead = '0';
    e = -1022;
  } else {
    e -= 1023;
  }
  const frac = m.toString(16).padStart(13, '0');
  return `${sign}0x${lead}.${frac}p${e >= 0 ? '+' : ''}${e}`;
}

function txt(v: unknown, integer = false): string {
  if (typeof v === 'object' && v !== null && 're' in v) {
    const z = v as { re: number; im: number };
    return `${txt(z.re)},${txt(z.im)}`;
  }
  if (typeof v === 'number') return integer ? String(v) : floatHex(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return String(v);
}

describeWithNumpy("astype from bytes to numbers: Python's int(), float() and complex() of each item, against NumPy", () => {
  test(`${ITEMS.length} texts into ${TARGETS.length} types: the same values or the same error`, () => {
    const theirs = runNumpy<Record<string, Outcome[]>>(PY, JSON.stringify(ITEMS));
    const bad: unknown[] = [];
    for (const t of TARGETS) {
      ITEMS.forEach((it, i) => {
        const a: NdArray = zeros(1, `S${W}`);
        a.set([0], Buffer.from(it, 'latin1'));
        let ours: Outcome;
        try {
          ours = { values: (a.astype(t).toArray() as unknown[]).map((v) => txt(v, /[iu]/.test(t))) };
        } catch (e) {
          ours = { error: (e as Error).name, message: (e as Error).message };
        }
        if (JSON.stringify(ours) !== JSON.stringify(theirs[t][i])) bad.push({ t, item: it, ours, theirs: theirs[t][i] });
      });
    }
    if (process.env.TEXT_NUMBER_DEBUG) require('fs').writeFileSync(process.env.TEXT_NUMBER_DEBUG, JSON.stringify(bad, null, 0).replace(/\},\{/g, '},\n{'));
    expect(bad).toEqual([]);
  });
});
