// The decompositions scale a matrix to a largest item near 1 before they
// iterate (native/linalg_eig.cc, native/linalg_decomp.cc): by a power of two
// applied with ldexp, so a matrix of subnormal items (whose factor 2^k is
// past a double's range) scales exactly. As a factor it was inf: eigvals
// hung, svd (and pinv, lstsq, cond, norm 2) did not converge, eigh gave NaN.
// NumPy's LAPACK answers all of them. QR's reflectors rescue a column of
// subnormal items as dlarfg does (its Q and R were NaN). Run in a child node
// with a time limit: the old build never returned.
import { runInChild } from './helpers/child';
import { describeWithNumpy, runNumpy } from './helpers/numpy';

const CALLS: [string, string, string][] = [
  // [name, NumPy expression of m (general), s (symmetric), b; our expression of L, m, s, b]
  ['eigvals', 'L.eigvals(m)', 'L.linalg.eigvals(m)'],
  ['eig values', 'L.eig(m)[0]', 'L.linalg.eig(m).eigenvalues'],
  ['complex eigvals', 'L.eigvals(m * 1j)', "L.linalg.eigvals(L.multiply(m, L.asarray({ re: 0, im: 1 }, 'c16')))"],
  ['eigvalsh', 'L.eigvalsh(s)', 'L.linalg.eigvalsh(s)'],
  ['eigh values', 'L.eigh(s)[0]', 'L.linalg.eigh(s).eigenvalues'],
  ['complex eigvalsh', 'L.eigvalsh(s * (1 + 0j))', "L.linalg.eigvalsh(L.multiply(s, L.asarray({ re: 1, im: 0 }, 'c16')))"],
  ['svdvals', 'L.svd(m, compute_uv=False)', 'L.linalg.svd(m, { computeUv: false })'],
  ['svd S', 'L.svd(m)[1]', 'L.linalg.svd(m).S'],
  ['complex svdvals', 'L.svd(m * 1j, compute_uv=False)', "L.linalg.svd(L.multiply(m, L.asarray({ re: 0, im: 1 }, 'c16')), { computeUv: false })"],
  ['cond', 'L.cond(m)', 'L.linalg.cond(m)'],
  ['norm 2', 'L.norm(m, 2)', 'L.linalg.norm(m, { ord: 2 })'],
  ['matrix_rank', 'L.matrix_rank(m)', 'L.linalg.matrixRank(m)'],
  ['lstsq', 'L.lstsq(m, b)[0]', 'L.linalg.lstsq(m, b).x'],
  // QR's reflectors (dlarfg's rescue of a tiny column: 1/(alpha - beta) overflowed to inf).
  ['qr R', 'L.qr(m)[1]', 'L.linalg.qr(m).R'],
  ['qr Q', 'L.qr(m)[0]', 'L.linalg.qr(m).Q'],
  ['qr raw tau', "L.qr(m, mode='raw')[1]", "L.linalg.qr(m, { mode: 'raw' }).tau"],
  ['complex qr R', 'L.qr(m * 1j)[1]', "L.linalg.qr(L.multiply(m, L.asarray({ re: 0, im: 1 }, 'c16'))).R"],
];

describeWithNumpy('linalg of subnormal matrices, as NumPy\'s LAPACK answers them', () => {
  test('eig, eigvals, eigh, svd, qr and what is made of them: values within 1e-9 relative, no hang', () => {
    const want = runNumpy<Record<string, unknown>>(`
L = np.linalg
m = np.array([[1e-310, 2e-310, 0], [3e-310, 1e-311, 4e-312], [0, 5e-312, 2e-310]])
s = np.array([[2e-310, 1e-310, 0], [1e-310, 3e-310, 1e-311], [0, 1e-311, 5e-311]])
b = np.array([1e-310, 0, 2e-311])
def flat(x):
    x = np.asarray(x)
    if x.dtype.kind == 'c':
        return sorted([[float(v.real), float(v.imag)] for v in x.ravel()])
    return sorted(float(v) for v in x.ravel())
print(json.dumps({${CALLS.map(([name, py]) => `${JSON.stringify(name)}: flat(${py})`).join(', ')}}))`);
    const r = runInChild(`
      const m = L.asarray([[1e-310, 2e-310, 0], [3e-310, 1e-311, 4e-312], [0, 5e-312, 2e-310]], 'f8');
      const s = L.asarray([[2e-310, 1e-310, 0], [1e-310, 3e-310, 1e-311], [0, 1e-311, 5e-311]], 'f8');
      const b = L.asarray([1e-310, 0, 2e-311], 'f8');
      const flat = (x) => {
        const v = x.ndim === 0 ? [x.get()] : x.reshape(-1).toArray();
        const o = v.map((z) => (typeof z === 'object' ? [z.re, z.im] : Number(z)));
        return o.sort((p, q) => (Array.isArray(p) ? p[0] - q[0] || p[1] - q[1] : p - q));
      };
      const out = {};
      ${CALLS.map(([name, , js]) => `try { out[${JSON.stringify(name)}] = flat(${js}); } catch (e) { out[${JSON.stringify(name)}] = e.constructor.name + ': ' + e.message; }`).join('\n      ')}
      return out;
    `);
    expect(r.signal).toBeNull();
    const got = JSON.parse(r.out) as Record<string, unknown>;
    for (const [name] of CALLS) {
      const w = (want[name] as unknown[]).flat() as number[];
      const g = got[name];
      expect([name, Array.isArray(g)]).toEqual([name, true]);
      const gv = (g as unknown[]).flat() as number[];
      expect([name, gv.length]).toEqual([name, w.length]);
      gv.forEach((x, i) => expect([name, i, Math.abs(x - w[i]) <= 1e-9 * Math.max(Math.abs(w[i]), 1e-320)]).toEqual([name, i, true]));
    }
  });
});
