/**
 * The contraction order of {@link einsum} with `optimize`, as NumPy's
 * `einsum_path` picks it (`numpy/_core/einsumfunc.py`: `_greedy_path`,
 * `_parse_possible_contraction`, `_update_other_results`,
 * `_find_contraction`, `_flop_count`), so the same pairs come out:
 *
 * - one or two operands, `optimize` false, or nothing to sum: one step
 *   over all operands;
 * - `'greedy'`: among the pairs that share a label (all pairs when none
 *   qualifies), the contraction removing the most elements, then the
 *   cheapest (NumPy's `(-removed_size, cost)`), refusing an intermediate
 *   larger than the largest input or output (NumPy's default memory limit)
 *   and a path costing more than the naive one; when no pair qualifies,
 *   the rest is one step. Each result goes to the end of the list.
 *
 * - `'optimal'`: NumPy's exhaustive search (`_optimal_path`), every order
 *   of pair contractions within the memory limit, the cheapest by NumPy's
 *   flop count (refused past OPTIMAL_MAX_PARTIAL partial paths: it is
 *   factorial in the operands).
 * @module
 */
import { KeyError, ValueError, repr } from './errors';

/** A label of an einsum term (a letter's char code, or a broadcast axis number). */
export type PathLabel = number;

/** One candidate contraction: its sort key, its positions, the term sets after it. */
type Candidate = [[number, number], [number, number], Set<PathLabel>[]];

const sizeOf = (labels: Iterable<PathLabel>, dims: ReadonlyMap<PathLabel, number>): number => {
  let s = 1;
  for (const l of labels) s *= dims.get(l)!;
  return s;
};

/** NumPy's `_find_contraction`: the result's labels, the term sets after, the labels removed and contracted. */
function findContraction(positions: readonly number[], sets: readonly Set<PathLabel>[], output: ReadonlySet<PathLabel>): [Set<PathLabel>, Set<PathLabel>[], Set<PathLabel>, Set<PathLabel>] {
  const contract = new Set<PathLabel>();
  const remain = new Set(output);
  const remaining: Set<PathLabel>[] = [];
  sets.forEach((s, i) => {
    if (positions.includes(i)) for (const l of s) contract.add(l);
    else {
      remaining.push(s);
      for (const l of s) remain.add(l);
    }
  });
  const result = new Set([...contract].filter((l) => remain.has(l)));
  const removed = new Set([...contract].filter((l) => !result.has(l)));
  remaining.push(result);
  return [result, remaining, removed, contract];
}

/** NumPy's `_flop_count`. */
function flopCount(contract: ReadonlySet<PathLabel>, inner: boolean, terms: number, dims: ReadonlyMap<PathLabel, number>): number {
  return sizeOf(contract, dims) * (Math.max(1, terms - 1) + (inner ? 1 : 0));
}

function possible(positions: [number, number], sets: readonly Set<PathLabel>[], output: ReadonlySet<PathLabel>, dims: ReadonlyMap<PathLabel, number>, limit: number, pathCost: number, naive: number): Candidate | null {
  const [result, after, removed, contract] = findContraction(positions, sets, output);
  const newSize = sizeOf(result, dims);
  if (newSize > limit) return null;
  const removedSize = positions.reduce((t, p) => t + sizeOf(sets[p], dims), 0) - newSize;
  const cost = flopCount(contract, removed.size > 0, 2, dims);
  if (pathCost + cost > naive) return null;
  return [[-removedSize, cost], positions, after];
}

const isDisjoint = (a: ReadonlySet<PathLabel>, b: ReadonlySet<PathLabel>): boolean => ![...a].some((l) => b.has(l));

const pairs = (n: number): [number, number][] => {
  const out: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push([i, j]);
  return out;
};

/** NumPy's `_greedy_path`. */
function greedyPath(start: readonly Set<PathLabel>[], output: ReadonlySet<PathLabel>, dims: ReadonlyMap<PathLabel, number>, limit: number): number[][] {
  if (start.length === 1) return [[0]];
  if (start.length === 2) return [[0, 1]];
  let sets = [...start];
  const naive = flopCount(findContraction([...sets.keys()], sets, output)[3], findContraction([...sets.keys()], sets, output)[2].size > 0, sets.length, dims);
  let combos: [number, number][] = pairs(sets.length);
  let known: Candidate[] = [];
  let pathCost = 0;
  const path: number[][] = [];
  for (let it = 0; it < start.length - 1; it++) {
    for (const p of combos) {
      if (isDisjoint(sets[p[0]], sets[p[1]])) continue;
      const r = possible(p, sets, output, dims, limit, pathCost, naive);
      if (r !== null) known.push(r);
    }
    if (known.length === 0) {
      for (const p of pairs(sets.length)) {
        const r = possible(p, sets, output, dims, limit, pathCost, naive);
        if (r !== null) known.push(r);
      }
      if (known.length === 0) {
        path.push([...sets.keys()]);
        break;
      }
    }
    let best = known[0];
    for (const k of known) if (k[0][0] < best[0][0] || (k[0][0] === best[0][0] && k[0][1] < best[0][1])) best = k;
    // NumPy's _update_other_results: the other candidates renumbered over the new list.
    const [bx, by] = best[1];
    const next: Candidate[] = [];
    for (const [cost, [x, y], con] of known) {
      if (x === bx || x === by || y === bx || y === by) continue;
      const c = [...con];
      c.splice(by - Number(by > x) - Number(by > y), 1);
      c.splice(bx - Number(bx > x) - Number(bx > y), 1);
      c.splice(c.length - 1, 0, best[2][best[2].length - 1]);
      next.push([cost, [x - Number(x > bx) - Number(x > by), y - Number(y > bx) - Number(y > by)], c]);
    }
    known = next;
    sets = best[2];
    const pos = sets.length - 1;
    combos = Array.from({ length: pos }, (_, i) => [i, pos] as [number, number]);
    path.push([...best[1]]);
    pathCost += best[0][1];
  }
  return path;
}

/** Most partial paths {@link optimalPath} holds at once: past it the search (factorial in the operands) is refused, not run for hours. */
export const OPTIMAL_MAX_PARTIAL = 1 << 20;

/**
 * NumPy's `_optimal_path`: every order of pair contractions whose
 * intermediates stay within `limit` elements, the cheapest total (the first
 * of equal ones, as Python's `min`); when no pair fits at some step, the
 * cheapest path so far and then one step over all that is left.
 */
function optimalPath(start: readonly Set<PathLabel>[], output: ReadonlySet<PathLabel>, dims: ReadonlyMap<PathLabel, number>, limit: number): number[][] {
  let full: [number, number[][], Set<PathLabel>[]][] = [[0, [], [...start]]];
  const cheapest = (list: typeof full): number[][] => list.reduce((b, r) => (r[0] < b[0] ? r : b))[1];
  for (let it = 0; it < start.length - 1; it++) {
    const next: typeof full = [];
    for (const [cost, positions, remaining] of full) {
      for (const con of pairs(start.length - it)) {
        const [result, after, removed, contract] = findContraction(con, remaining, output);
        if (sizeOf(result, dims) > limit) continue;
        next.push([cost + flopCount(contract, removed.size > 0, con.length, dims), [...positions, con], after]);
        if (next.length > OPTIMAL_MAX_PARTIAL) {
          throw new RangeError(`einsum_path: optimize 'optimal' over ${start.length} operands holds more than ${OPTIMAL_MAX_PARTIAL} partial paths; use 'greedy'`);
        }
      }
    }
    if (next.length === 0) return [...cheapest(full), Array.from({ length: start.length - it }, (_, i) => i)];
    full = next;
  }
  return cheapest(full);
}

/**
 * The steps of an explicit `['einsum_path', step, ...]`, each copied by
 * index. A step naming more operands than there are cannot be a contraction:
 * it is refused before it is read (a step claiming 2^32 - 1 items hung
 * the spread that copied it; adversarial pass 8). The rest is checked as the
 * steps run (einsum) or are costed (einsumPath).
 */
function explicitPath(path: readonly unknown[], operands: number): number[][] {
  const steps: number[][] = [];
  for (let s = 1; s < path.length; s++) {
    const step = path[s] as readonly unknown[];
    if (!Array.isArray(step) && !ArrayBuffer.isView(step)) throw new TypeError(`einsum: the path step ${repr(step)} is not a list of operand positions`);
    if (step.length > operands) throw new ValueError(`einsum: the path step of ${step.length} positions does not name operands among the ${operands} there are`);
    const copy: number[] = [];
    for (let i = 0; i < step.length; i++) copy.push(step[i] as number);
    steps.push(copy);
  }
  return steps;
}

/**
 * The contraction path for `optimize` over terms given as their label
 * lists (repeats kept: NumPy sizes a term by its subscript string).
 */
export function contractionPath(terms: readonly (readonly PathLabel[])[], output: readonly PathLabel[], dims: ReadonlyMap<PathLabel, number>, optimize: unknown): number[][] {
  const sets = terms.map((t) => new Set(t));
  const outSet = new Set(output);
  const all = new Set(terms.flat());
  let kind = optimize === true ? 'greedy' : optimize === undefined || optimize === null ? false : optimize;
  let limit = Math.max(...[...terms, output].map((t) => sizeOf(t, dims)));
  if (Array.isArray(kind)) {
    if (kind.length > 0 && kind[0] === 'einsum_path') {
      const path = explicitPath(kind, terms.length);
      // NumPy's einsum_path counts the operands the path leaves (test_path_type_input_invalid):
      // each step takes its operands out and appends one result.
      const left = path.reduce((n, step) => n - step.length + 1, terms.length);
      if (left > 1) throw new Error(`Invalid einsum_path is specified: ${left - 1} more operands has to be contracted.`);
      if (left < 1) throw new Error(`Invalid einsum_path is specified: it contracts ${1 - left} more operands than there are.`);
      return path;
    }
    if (kind.length === 2 && typeof kind[0] === 'string' && typeof kind[1] === 'number') {
      limit = Math.trunc(kind[1]);
      kind = kind[0];
    } else throw new TypeError(`Did not understand the path: ${String(kind)}`);
  }
  if (kind !== false && kind !== 'greedy' && kind !== 'optimal') {
    // NumPy: KeyError("Path name %s not found", path_type).
    if (typeof kind === 'string') throw new KeyError(`Path name ${kind} not found`);
    throw new TypeError(`Did not understand the path: ${String(kind)}`);
  }
  if (kind === false || terms.length <= 2 || (all.size === outSet.size && [...all].every((l) => outSet.has(l)))) return [[...terms.keys()]];
  return kind === 'optimal' ? optimalPath(sets, outSet, dims, limit) : greedyPath(sets, outSet, dims, limit);
}
