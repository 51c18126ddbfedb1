// Cross-checks shape functions with NumPy: each case is a Python expression
// and the JS call that should give the same result: for every array returned
// (one, or each of a list), the dtype, shape, strides, bytes and whether it
// shares memory with the case's source array (view or copy); or the same
// error class and message.
import { sharesMemory, type NdArray } from '../../lib';
import { hexOf } from './np-compare';
import { runNumpy } from './numpy';

/** One case: Python (numpy as np, the names of `setup` defined) and the JS call. */
export interface ShapeCase {
  py: string;
  js: () => unknown;
  /** The input whose memory a view would share (Python name), or none. */
  src?: string;
  /** The same input in JS. */
  srcJs?: () => NdArray;
}

/** One array of a result. */
export interface ArrayOutcome {
  dtype: string;
  shape: number[];
  strides: number[];
  hex: string;
  view: boolean | null;
}

/** What a case gave: its arrays (one for a single array), or an error. */
export interface ShapeOutcome {
  arrays?: ArrayOutcome[];
  single?: boolean;
  error?: string;
  message?: string;
}

/** NumPy's outcome of every case, in one python3 run after `setup`. */
export function numpyShapeOutcomes(setup: string, cases: readonly ShapeCase[]): ShapeOutcome[] {
  return runNumpy<ShapeOutcome[]>(
    `
${setup}
def one(a, src):
    a = np.asarray(a)
    # Zero-size arrays: strides are layout noise NumPy itself does not pin down.
    st = list(a.strides) if a.size > 0 else None
    return {'dtype': a.dtype.str, 'shape': list(a.shape), 'strides': st, 'hex': a.tobytes().hex(),
            'view': None if src is None or a.size == 0 else bool(np.shares_memory(a, src))}
out = []
for py, src in json.load(sys.stdin):
    try:
        r = eval(py)
        s = None if src is None else eval(src)
        if isinstance(r, (list, tuple)):
            out.append({'arrays': [one(x, s) for x in r], 'single': False})
        else:
            out.append({'arrays': [one(r, s)], 'single': True})
    except Exception as e:
        out.append({'error': 'AxisError' if type(e).__name__ == 'AxisError' else type(e).__name__, 'message': str(e)})
print(json.dumps(out))
`,
    JSON.stringify(cases.map((c) => [c.py, c.src ?? null])),
  );
}

function oneJs(a: NdArray, src: NdArray | null): ArrayOutcome {
  return {
    dtype: a.dtype.str,
    shape: [...a.shape],
    strides: (a.size > 0 ? [...a.strides] : null) as number[],
    hex: hexOf(a),
    view: src === null || a.size === 0 ? null : sharesMemory(a, src),
  };
}

/** What the JS call gave, in the shape of {@link ShapeOutcome}. */
export function jsShapeOutcome(c: ShapeCase): ShapeOutcome {
  try {
    const r = c.js() as NdArray | NdArray[];
    const src = c.srcJs ? c.srcJs() : null;
    if (Array.isArray(r)) return { arrays: r.map((x) => oneJs(x, src)), single: false };
    return { arrays: [oneJs(r, src)], single: true };
  } catch (e) {
    return { error: (e as Error).name, message: (e as Error).message };
  }
}

/** The inputs every shape-function table uses, in Python (names as in {@link inputs}). */
export const INPUTS_PY = `
A = np.arange(24, dtype='<i4').reshape(2, 3, 4)
B = np.arange(6).astype('>f8').reshape(2, 3)
T = A.T
V = np.arange(10)
Z = np.array(5, dtype='<i2')
S = A[:, ::2, 1:]
E = np.zeros((0, 3), dtype='u1')
U = np.arange(12, dtype='u1').reshape(3, 4)
F = np.asfortranarray(np.arange(12.0).reshape(3, 4))
BT = (np.arange(640000) % 256).astype('u1').reshape(800, 800)[::2, ::2].T
BF = np.asfortranarray(BT)
`;

/** The same inputs in JS. */
export function inputs(lib: typeof import('../../lib')): Record<'A' | 'B' | 'T' | 'V' | 'Z' | 'S' | 'E' | 'U' | 'F', NdArray> {
  const A = lib.arange(24, 'i4').reshape(2, 3, 4);
  return {
    A,
    B: lib.arange(6).astype('>f8').reshape(2, 3),
    T: A.T,
    V: lib.arange(10),
    Z: lib.asarray(5, 'i2'),
    S: A.index(lib.slice(), lib.slice(null, null, 2), lib.slice(1, null)),
    E: lib.zeros([0, 3], 'u1'),
    U: lib.arange(12, 'u1').reshape(3, 4),
    F: lib.arange(12, 'f8').reshape(3, 4).copy('F'),
  };
}

/**
 * Runs a table: `rows` are [python expression, JS call, source name or
 * undefined]; every row's outcome must equal NumPy's.
 */
export function expectLikeNumpy(rows: readonly (readonly [string, () => unknown, string?])[], input: Record<string, NdArray>): void {
  const cases: ShapeCase[] = rows.map(([py, js, src]) => ({ py, js, src, srcJs: src === undefined ? undefined : () => input[src] }));
  const want = numpyShapeOutcomes(INPUTS_PY, cases);
  cases.forEach((c, i) => {
    expect({ case: c.py, ...jsShapeOutcome(c) }).toEqual({ case: c.py, ...want[i] });
  });
}
