/**
 * Do two strided arrays touch a common byte? Does one array reach the same
 * byte through two different elements? NumPy's `may_share_memory`,
 * `shares_memory` and internal-overlap test, as pure functions over byte
 * extents (no storage, no data read).
 *
 * ## The hard problem
 *
 * A byte of an array with byte strides `s`, shape `n`, itemsize `w` and
 * element 0 at `o` sits at `o + Σ s[i]·x[i] + k` with `0 ≤ x[i] < n[i]` and
 * `0 ≤ k < w`. Two arrays share a byte exactly when two such sums are equal,
 * i.e. when a linear equation with integer unknowns confined to boxes — a
 * *bounded linear Diophantine equation* — has a solution. Flipping each
 * negative-stride unknown (`x → n − 1 − x`) and moving everything to one side
 * gives the normal form used below:
 *
 *     Σ a[i]·x[i] = b,   a[i] > 0,   0 ≤ x[i] ≤ u[i]
 *
 * Deciding this is NP-hard (it contains subset-sum), so the exact answer is
 * three-valued — {@link Overlap} `'no' | 'yes' | 'too-hard'` — and every
 * exact entry point takes a work bound, as NumPy's `max_work` does.
 *
 * ## Two tiers
 *
 * - {@link boundsOverlap}: O(ndim) interval test of the two byte ranges. A
 *   `false` is final; a `true` only means "maybe".
 * - {@link solveOverlap} / {@link internalOverlap}: exact. The input is first
 *   simplified the way NumPy does (unknowns that cannot move are dropped,
 *   equal coefficients merged, everything divided by the common gcd, each
 *   bound trimmed to `b / a[i]`), then searched depth-first with gcd pruning
 *   (P. Ramachandran, "Use of Extended Euclidean Algorithm in Solving a
 *   System of Linear Diophantine Equations with Bounded Variables", ANTS
 *   2006): with the coefficients sorted large to small, the first `k`
 *   unknowns only ever appear through `gcd(a[0..k-1])·y`, so choosing `x[k]`
 *   reduces to a two-unknown equation whose solutions form one arithmetic
 *   progression. Slices of one well-behaved parent array leave at most one
 *   candidate per level, so the usual cases cost O(ndim).
 *
 * ## Arithmetic
 *
 * Offsets and strides can pass 2^40 (multi-GiB mappings), so products of two
 * of them do not fit a double. After trimming, every quantity the search
 * keeps is at most a small multiple of `b` (itself below the byte span of the
 * extents, which must be a safe integer), so plain numbers are exact — except
 * one product per search node, the modular step that picks the first
 * candidate; that one falls back to BigInt only when it would not be exact.
 * @module
 */
import { repr, TooHardError } from './errors';
import { byteBounds as layoutBounds } from './layout';

/**
 * An array's footprint in one buffer: byte offset of element 0 (absolute
 * within the storage), shape, byte strides (may be negative or 0), itemsize.
 * All values are safe integers; `shape` and `strides` have one entry per axis.
 */
export interface Extent {
  readonly offset: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly itemsize: number;
}

/**
 * Outcome of an exact overlap question: proven disjoint, proven to share a
 * byte, or given up because the work bound was reached.
 */
export type Overlap = 'no' | 'yes' | 'too-hard';

/** One unknown of the normal form: coefficient `a > 0`, range `0 ≤ x ≤ ub`. */
interface Term {
  a: number;
  ub: number;
}

/**
 * `[low, high)` byte bounds of `a`: the lowest byte it addresses and one past
 * the highest. An extent that addresses no byte (a zero-length axis, or
 * itemsize 0) gives the empty range `[offset, offset]`.
 * @throws RangeError when a field is not a safe integer, or the extent spans
 *   more bytes than a double counts exactly (2^53).
 */
export function byteBounds(a: Extent): [number, number] {
  return boundsOf(a, 'extent');
}

/**
 * O(ndim) bounds check, NumPy's `may_share_memory` (its `max_work=0`): `false`
 * when either extent addresses no byte or their byte ranges are disjoint,
 * `true` otherwise — which only means they *may* share memory.
 */
export function boundsOverlap(a: Extent, b: Extent): boolean {
  const [la, ha] = boundsOf(a, 'a');
  const [lb, hb] = boundsOf(b, 'b');
  return rangesMeet(la, ha, lb, hb);
}

/**
 * Exact: is there a byte addressed by both `a` and `b`? `maxWork` caps the
 * search as NumPy's `max_work` does — it counts the branches proven empty
 * before an answer is found. `Infinity` (the default)
 * is NumPy's exact `MAY_SHARE_EXACT`, `0` stops after the bounds check
 * (`'too-hard'` whenever the ranges meet). Returns `'too-hard'` when the
 * bound is hit before the answer is proven.
 * @throws RangeError for a malformed extent or `maxWork`.
 */
export function solveOverlap(a: Extent, b: Extent, maxWork: number = Infinity): Overlap {
  checkMaxWork(maxWork);
  const [la, ha] = boundsOf(a, 'a');
  const [lb, hb] = boundsOf(b, 'b');
  if (!rangesMeet(la, ha, lb, hb)) return 'no';
  if (maxWork === 0) return 'too-hard';

  // A common byte p satisfies p = la + Σ|sa|·xa + ka = lb + Σ|sb|·xb + kb once
  // every unknown counts up from its extent's low end. Replacing b's unknowns
  // by their mirror images (x → ub − x) gathers all of them on one side with
  // positive coefficients: Σ|sa|·xa + ka + Σ|sb|·xb' + kb' = hb − 1 − la.
  // Mirroring a's unknowns instead gives the same problem with right-hand side
  // ha − 1 − lb (the two add up to the sum of all coefficient·bound); the
  // smaller one trims the bounds harder. Both are ≥ 0 since the ranges meet.
  const rhs = Math.min(hb - 1 - la, ha - 1 - lb);
  const terms: Term[] = [];
  pushAxisTerms(a, terms);
  pushAxisTerms(b, terms);
  // Both itemsize offsets have coefficient 1; merged here, simplify would anyway.
  const withinItems = a.itemsize - 1 + (b.itemsize - 1);
  if (withinItems > 0) terms.push({ a: 1, ub: withinItems });

  const reduced = simplify(terms, rhs);
  if (reduced === null) return 'no';
  return search(reduced.terms, reduced.rhs, maxWork, null);
}

/**
 * Does some byte of `a` belong to two different elements of `a` (NumPy's
 * `solve_may_have_internal_overlap`)? True for broadcast (0-stride) axes of
 * length > 1 and for views whose itemsize exceeds a stride. Arrays with no
 * byte, or a single element, never overlap themselves. `maxWork` as in
 * {@link solveOverlap}; the O(ndim) shortcuts below answer even at `0`.
 * @throws RangeError for a malformed extent or `maxWork`.
 */
export function internalOverlap(a: Extent, maxWork: number = Infinity): Overlap {
  checkMaxWork(maxWork);
  const [low, high] = boundsOf(a, 'a');
  if (low === high) return 'no';

  const w = a.itemsize;
  const axes: Term[] = [];
  for (let i = 0; i < a.shape.length; i++) {
    const n = a.shape[i];
    if (n === 1) continue;
    const s = Math.abs(a.strides[i]);
    // Neighbours along this axis start fewer than w bytes apart (0 included).
    if (s < w) return 'yes';
    axes.push({ a: s, ub: n - 1 });
  }
  if (axes.length === 0) return 'no';

  // Nested layout: if every stride clears everything the smaller strides can
  // reach plus one item, two elements that differ first (from the top) on
  // axis k are at least |s_k| − span(<k) ≥ itemsize apart. C/F-contiguous
  // arrays, their transposes and step slices all land here.
  axes.sort(byCoefficientAscending);
  let span = 0;
  let nested = true;
  for (let k = 0; k < axes.length; k++) {
    // Two axes with one stride: (1, 0, …) and (0, 1, …) are the same address.
    if (k > 0 && axes[k].a === axes[k - 1].a) return 'yes';
    if (axes[k].a < span + w) nested = false;
    span += axes[k].a * axes[k].ub;
  }
  if (nested) return 'no';
  if (maxWork === 0) return 'too-hard';

  // Two elements x ≠ x' with the same address: Σ a·x = Σ a·x'. Mirroring x'
  // (x' → ub − x') and adding gives Σ a·z = Σ a·ub with z = x + (ub − x'),
  // 0 ≤ z ≤ 2·ub, and x ≠ x' exactly when z ≠ ub (the "trivial" solution).
  // The within-item offset joins as one more unknown of coefficient 1: the
  // same element cannot meet itself at two different offsets, so z ≠ ub
  // still means two different elements. Coefficients are distinct here
  // (checked above, and every stride ≥ itemsize > 1), so nothing is merged —
  // merging would blur which z is the trivial one.
  const terms: Term[] = axes;
  if (w > 1) terms.push({ a: 1, ub: w - 1 });
  let g = 0;
  for (const t of terms) g = gcd(g, t.a);
  let rhs = 0;
  for (const t of terms) {
    t.a /= g;
    rhs += t.a * t.ub;
  }
  terms.sort(byCoefficientDescending);
  const trivial = terms.map((t) => t.ub);
  // No z can pass rhs / a anyway; the trim gives the search its a·ub ≤ rhs.
  for (const t of terms) t.ub = Math.min(2 * t.ub, floorDiv(rhs, t.a));
  return search(terms, rhs, maxWork, trivial);
}

/**
 * {@link solveOverlap} as a yes/no answer, the way `np.shares_memory` reports
 * it: `'too-hard'` becomes a thrown {@link TooHardError}.
 * @throws TooHardError when `maxWork` is reached before the answer is proven.
 */
export function extentsShareMemory(a: Extent, b: Extent, maxWork: number = Infinity): boolean {
  const r = solveOverlap(a, b, maxWork);
  if (r === 'too-hard') {
    throw new TooHardError(`overlap not decided within maxWork=${maxWork} dead ends of the search; raise maxWork or pass Infinity`);
  }
  return r === 'yes';
}

// ---------------------------------------------------------------------------
// Validation and bounds

function boundsOf(e: Extent, name: string): [number, number] {
  const nd = e.shape.length;
  if (e.strides.length !== nd) {
    throw new RangeError(`${name}.strides must have one entry per axis (${nd}), got ${repr(e.strides)}`);
  }
  if (!Number.isSafeInteger(e.offset)) {
    throw new RangeError(`${name}.offset must be a safe integer, got ${repr(e.offset)}`);
  }
  if (!Number.isSafeInteger(e.itemsize) || e.itemsize < 0) {
    throw new RangeError(`${name}.itemsize must be a non-negative safe integer, got ${repr(e.itemsize)}`);
  }
  let empty = e.itemsize === 0;
  let exact = true;
  for (let i = 0; i < nd; i++) {
    const n = e.shape[i];
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`${name}.shape must hold non-negative safe integers, got ${repr(e.shape)}`);
    }
    if (!Number.isSafeInteger(e.strides[i])) {
      throw new RangeError(`${name}.strides must hold safe integers, got ${repr(e.strides)}`);
    }
    if (n === 0) empty = true;
    // An axis's reach past a safe integer is not exact (rounding is monotone: it stays past).
    else if (!Number.isSafeInteger(e.strides[i] * (n - 1))) exact = false;
  }
  if (empty) return [e.offset, e.offset];

  // The arithmetic is layout.ts's (the one home of byte bounds). It is exact
  // when every reach and both ends are safe integers: the low end only ever
  // moves down and the high end only up, so once a partial sum leaves the
  // safe range the final one is outside it too — it cannot come back in
  // range silently wrong.
  const [low, high] = layoutBounds(e.offset, e.shape, e.strides, e.itemsize);
  if (!exact || !Number.isSafeInteger(low) || !Number.isSafeInteger(high) || !Number.isSafeInteger(high - low)) {
    throw new RangeError(
      `${name} spans more than 2^53 bytes (offset ${e.offset}, shape ${repr(e.shape)}, strides ${repr(e.strides)})`,
    );
  }
  return [low, high];
}

function rangesMeet(la: number, ha: number, lb: number, hb: number): boolean {
  return la < ha && lb < hb && la < hb && lb < ha;
}

function checkMaxWork(maxWork: number): void {
  if (maxWork !== Infinity && !(Number.isSafeInteger(maxWork) && maxWork >= 0)) {
    throw new RangeError(`maxWork must be a non-negative integer or Infinity, got ${repr(maxWork)}`);
  }
}

/** Axes that can move the address: length > 1 and a non-zero stride. */
function pushAxisTerms(e: Extent, out: Term[]): void {
  for (let i = 0; i < e.shape.length; i++) {
    if (e.shape[i] > 1 && e.strides[i] !== 0) out.push({ a: Math.abs(e.strides[i]), ub: e.shape[i] - 1 });
  }
}

// ---------------------------------------------------------------------------
// Simplification and search

/**
 * Shrinks `Σ a·x = rhs` without changing whether it is solvable; `null` when
 * that is already decided as "no". Mutates `terms`.
 */
function simplify(terms: Term[], rhs: number): { terms: Term[]; rhs: number } | null {
  if (rhs < 0) return null;
  terms.sort(byCoefficientDescending);

  // Unknowns sharing a coefficient act as one whose bound is the sum.
  let m = 0;
  for (let j = 0; j < terms.length; j++) {
    if (m > 0 && terms[m - 1].a === terms[j].a) terms[m - 1].ub += terms[j].ub;
    else terms[m++] = terms[j];
  }
  terms.length = m;

  // Every left-hand side is a multiple of the common gcd.
  let g = 0;
  for (const t of terms) g = gcd(g, t.a);
  if (g > 1) {
    if (rhs % g !== 0) return null;
    rhs /= g;
    for (const t of terms) t.a /= g;
  }

  // No unknown can exceed rhs / a; one that cannot exceed 0 is pinned at 0.
  // The trim also keeps every a·ub ≤ rhs, which the search relies on for
  // exact arithmetic.
  let reach = 0;
  m = 0;
  for (const t of terms) {
    t.ub = Math.min(t.ub, floorDiv(rhs, t.a));
    if (t.ub > 0) {
      terms[m++] = t;
      reach += t.a * t.ub;
    }
  }
  terms.length = m;
  // Everything at its upper bound still falls short.
  if (reach < rhs) return null;
  return { terms, rhs };
}

/**
 * Depth-first search for `Σ terms[i].a·x[i] = rhs`, `0 ≤ x[i] ≤ ub[i]`, with
 * `terms` sorted by descending coefficient and `a·ub ≤ rhs` for each term.
 *
 * With `trivial` given, the solution `x = trivial` does not count (the
 * internal-overlap form, where `rhs = Σ a·trivial`). `maxWork` caps the
 * number of dead ends met before an answer.
 *
 * Level `k` fixes `x[k]` given `x[k+1..]`: the lower unknowns only contribute
 * `G[k-1]·y` with `G` the prefix gcd and `0 ≤ y ≤ Y[k-1]`, so
 * `G[k-1]·y + a[k]·x[k] = r` must hold. Dividing by `G[k] = gcd(G[k-1], a[k])`
 * leaves `p·y + q·x[k] = c` with `p ⊥ q`, whose solutions are
 * `x[k] ≡ c·q⁻¹ (mod p)` — one arithmetic progression, clipped by the bounds
 * of both `x[k]` and `y`. Level 1 needs no enumeration: there `y` is `x[0]`
 * itself, so any surviving candidate is a solution.
 */
function search(terms: readonly Term[], rhs: number, maxWork: number, trivial: readonly number[] | null): Overlap {
  const n = terms.length;
  if (n === 0) return rhs === 0 && trivial === null ? 'yes' : 'no';
  if (n === 1) {
    // The single solution is the trivial one whenever `trivial` is given.
    if (trivial !== null) return 'no';
    return rhs % terms[0].a === 0 && rhs / terms[0].a <= terms[0].ub ? 'yes' : 'no';
  }

  // Per level: prefix gcd, bound on the merged lower unknown y, and q⁻¹ mod p.
  // Y is capped at rhs / G: a tighter, still valid bound that keeps every
  // product below (small multiple of) rhs.
  const G = new Array<number>(n);
  const Y = new Array<number>(n);
  const P = new Array<number>(n);
  const Q = new Array<number>(n);
  const INV = new Array<number>(n);
  G[0] = terms[0].a;
  Y[0] = terms[0].ub;
  for (let k = 1; k < n; k++) {
    const g = gcd(G[k - 1], terms[k].a);
    G[k] = g;
    P[k] = G[k - 1] / g;
    Q[k] = terms[k].a / g;
    INV[k] = modInverse(Q[k] % P[k], P[k]);
    Y[k] = Math.min(floorDiv(rhs, g), P[k] * Y[k - 1] + Q[k] * terms[k].ub);
  }
  if (rhs % G[n - 1] !== 0) return 'no';

  // Work is counted as NumPy counts it: dead ends (nodes proven empty), with
  // the bound checked on entering a node. A straight descent to a solution
  // is therefore free, and maxWork = 1 allows exactly one dead end.
  let deadEnds = 0;
  const level = (k: number, r: number, onTrivial: boolean): Overlap => {
    if (deadEnds >= maxWork) return 'too-hard';
    const p = P[k];
    const q = Q[k];
    const c = r / G[k]; // exact: r is a multiple of G[k] by construction
    // Bounds on x[k]: x ≤ ub, q·x ≤ c (y ≥ 0), q·x ≥ c − p·Y[k-1] (y ≤ Y).
    const lo = Math.max(0, -floorDiv(p * Y[k - 1] - c, q));
    const hi = Math.min(terms[k].ub, floorDiv(c, q));
    // Largest candidate first, as NumPy does, so work counts stay comparable.
    const last = lo > hi ? -1 : hi - mod(hi - mulMod(c % p, INV[k], p), p);
    if (last < lo) {
      deadEnds++;
      return 'no';
    }

    if (k === 1) {
      // x[2..] trivial and x[1] = trivial[1] would force x[0] = trivial[0].
      if (!onTrivial || last - p >= lo || last !== (trivial as readonly number[])[1]) return 'yes';
      deadEnds++;
      return 'no';
    }
    const ak = terms[k].a;
    for (let x = last; x >= lo; x -= p) {
      const res = level(k - 1, r - ak * x, onTrivial && x === (trivial as readonly number[])[k]);
      if (res !== 'no') return res;
    }
    deadEnds++;
    return 'no';
  };
  return level(n - 1, rhs, trivial !== null);
}

// ---------------------------------------------------------------------------
// Exact integer helpers (safe-integer inputs)

function byCoefficientDescending(x: Term, y: Term): number {
  return y.a - x.a;
}

function byCoefficientAscending(x: Term, y: Term): number {
  return x.a - y.a;
}

function gcd(a: number, b: number): number {
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** Non-negative remainder. `%` is exact on safe integers; only the sign needs fixing. */
function mod(x: number, m: number): number {
  const r = x % m;
  return r < 0 ? r + m : r;
}

/**
 * ⌊x / m⌋ for m > 0. Not `Math.floor(x / m)`: near 2^53 the quotient rounds
 * and can land on the wrong side of an integer; `x − mod(x, m)` is an exact
 * multiple of m, so this division is exact.
 */
function floorDiv(x: number, m: number): number {
  return (x - mod(x, m)) / m;
}

/** x·y mod m for 0 ≤ x, y < m; BigInt only when the product is not exact. */
function mulMod(x: number, y: number, m: number): number {
  const prod = x * y;
  // A true product above 2^53 − 1 rounds to ≥ 2^53, so this test is exact.
  if (Number.isSafeInteger(prod)) return prod % m;
  return Number((BigInt(x) * BigInt(y)) % BigInt(m));
}

/** q⁻¹ mod p for coprime p ≥ 1, 0 ≤ q < p (extended Euclid; 0 when p = 1). */
function modInverse(q: number, p: number): number {
  if (p === 1) return 0;
  // Invariant: oldR ≡ oldS·q (mod p). Coefficients stay below p in magnitude.
  let oldR = q;
  let r = p;
  let oldS = 1;
  let s = 0;
  while (r !== 0) {
    const quot = floorDiv(oldR, r);
    [oldR, r] = [r, oldR - quot * r];
    [oldS, s] = [s, oldS - quot * s];
  }
  return mod(oldS, p);
}
