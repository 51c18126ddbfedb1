#!/usr/bin/env python3
"""NumPy's answers for a batch of fuzz programs: JSON cases on stdin, JSON on stdout.

A program is a conformance case without `expect` (../shared/conformance/FORMAT.md):
buffer_hex, source, ops. For each one this prints NumPy's `expect`, computed by
numpy/replay_compute.py (a byte-identical copy of the shared conformance replayer,
so the fuzzer and the contract mean the same thing by every op), plus one op of its
own:

    ["npy_roundtrip"]   np.load(BytesIO(np.save(a)))  -- a new array

When an op's values are undefined behaviour in NumPy's C (a float -> int cast
of NaN/inf/out-of-range values warns "invalid value encountered in cast"), the
answer says so in "unpinned": NumPy has no one value there to match.

A case NumPy itself cannot replay (a bug of this script, never a NumPy error: those
are answers) is given as {"oracle_error": text}. Output: {"numpy": version,
"expects": [...]} in input order.
"""

import io
import json
import os
import resource
import sys
import traceback
import warnings

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "numpy"))
import numpy as np                                        # noqa: E402
import replay_compute as C                                # noqa: E402

_apply = C.apply
unpinned = []      # why the current case's values are not NumPy's to pin


def own_op(run, a, op):
    """The fuzzer's own ops (differ.ts FUZZ_OPS lists them); None for the shared ones."""
    name = op[0]
    if name == "searchsorted_sorter":
        kw = dict(op[2])
        sorter = kw.pop("sorter")
        kw["sorter"] = np.argsort(a, kind="stable") if sorter == "argsort" else C.operand(run, a, sorter)
        return np.asarray(np.searchsorted(a, C.operand(run, a, op[1]), **kw))
    if name == "astype_casting":
        return a.astype(C.R.to_dtype(op[1]), casting=op[2])
    if name == "sort_kind":
        kw = C.kwargs(run, a, op[2])
        return (np.sort if op[1] == "sort" else np.argsort)(a, **kw)
    if name == "concatenate_kw":
        return np.concatenate([C.operand(run, a, v) for v in op[1]], **C.kwargs(run, a, op[2]))
    if name == "ufunc_kw":
        ins = [C.operand(run, a, v) for v in op[2:4] if v is not None]
        return np.asarray(getattr(np, op[1])(*ins, **C.kwargs(run, a, op[4])))
    if name == "putmask":
        run.stored.append(a)
        np.putmask(a, C.operand(run, a, op[1]), C.operand(run, a, op[2]))
        return a
    if name == "cumulative":
        kw = {} if op[3] is None else {"dtype": C.R.to_dtype(op[3])}
        return getattr(np, op[1])(a, op[2], **kw)
    if name == "diff":
        return np.diff(a, op[1], op[2])
    if name == "variance":
        kw = C.kwargs(run, a, op[3])
        axis = tuple(op[2]) if isinstance(op[2], list) else op[2]
        return np.asarray(getattr(np, op[1])(a, axis, **kw))
    if name == "round":
        return np.asarray(np.round(a, op[1]))
    if name == "nonzero":
        return np.nonzero(a)[op[1]]
    if name in ("np_call", "np_free"):
        # lists (q, reps, bins) and None as they are, a list holding an operand a list of
        # operands; the rest is an operand (FORMAT.md's forms)
        args = [decode_arg(run, a, x) for x in op[2]]
        kw = C.kwargs(run, a, op[3])
        for k in KW_OPERANDS:
            if isinstance(kw.get(k), (dict, str)):
                kw[k] = C.operand(run, a, kw[k])
        for k in ("range", "reps", "shift"):
            if isinstance(kw.get(k), list):
                kw[k] = tuple(kw[k])
        args = [tuple(x) if isinstance(x, list) and op[1] in ("tile", "roll", "unravel_index", "resize", "tensordot") else x for x in args]
        if op[1] in ("linalg.eigh", "linalg.eigvalsh") and not all_finite(args[0] if name == "np_free" else a):
            # LAPACK's syevd/heevd on a NaN or inf iterate to no defined answer: [[nan, 1], [1, 2]]
            # gives the finite [-1.41, 1.41], [[inf]] gives [inf], a 3 x 3 with one inf is
            # "did not converge" for eigvalsh yet NaNs for eigh (NumPy 2.4.6, OpenBLAS).
            unpinned.append("eigh/eigvalsh of a matrix with nan/inf (LAPACK's iteration, no defined answer)")
        if op[1] in SPECIAL:
            r = SPECIAL[op[1]](None if name == "np_free" else a, args, kw)
        elif name == "np_free":
            r = np_fn(op[1])(*args, **kw)
        elif op[1] in WRITING_CALLS:
            run.stored.append(a)
            np_fn(op[1])(a, *args, **kw)
            r = a
        elif op[1] == "extract":
            r = np.extract(args[0], a)
        else:
            r = np_fn(op[1])(a, *args, **kw)
        r = np.asarray(r if op[4] is None else r[op[4]])
        if op[1] == "unique_values":
            # NumPy 2.4 takes a hash table for integers: its order is the table's (the Array API
            # leaves it unspecified); the library's is sorted, so the values compare sorted
            r = np.sort(r)
        return r
    if name == "npy_roundtrip":
        f = io.BytesIO()
        np.save(f, a)
        f.seek(0)
        return np.load(f)
    if name == "sliding_window_view":
        shape, axis = op[1], op[2]
        return np.lib.stride_tricks.sliding_window_view(a, shape, axis=None if axis is None else axis)
    if name == "broadcast_arrays":
        return np.broadcast_arrays(a, np.zeros(op[1], a.dtype))[0]
    if name == "unique_index":
        return np.unique(a, return_index=True)[1]
    if name == "reduce_initial":
        kw = dict(op[2])
        if "where" in kw:
            kw["where"] = np.array(kw["where"], dtype=bool).reshape(kw.pop("where_shape"))
        if "axis" in kw and isinstance(kw["axis"], list):
            kw["axis"] = tuple(kw["axis"])
        return np.asarray(getattr(np, op[1])(a, **kw))
    return None


KW_OPERANDS = ("y", "x", "w", "to_end", "to_begin", "fweights", "aweights")


def np_fn(name):
    """NumPy's function by its dotted name: `linalg.det`, `add.reduceat`."""
    f = np
    for part in name.split("."):
        f = getattr(f, part)
    return f


def _partition_at(a, args, kw):
    # the partitioned order away from kth is the algorithm's own: only the kth items
    axis = kw.get("axis", -1)
    return np.take(np.partition(a, args[0], axis=axis), args[0], axis=axis)


def _argpartition_at(a, args, kw):
    # argpartition's order of ties is the algorithm's own: the values it puts at kth
    axis = kw.get("axis", -1)
    idx = np.argpartition(a, args[0], axis=axis)
    return np.take(np.take_along_axis(a, idx, axis=axis), args[0], axis=axis)


def _norm(a, args, kw):
    if kw.get("ord") in ("inf", "-inf"):
        kw["ord"] = float(kw["ord"])
    return np.linalg.norm(a, *args, **kw)


# np_call/np_free functions whose call is not np.<name>(a, *args, **kw) (program.ts randSession8Op)
SPECIAL = {
    "einsum": lambda a, args, kw: np.einsum(kw.pop("subscripts"), *args, **kw),
    "apply_along_axis": lambda a, args, kw: np.apply_along_axis(getattr(np, args[0]), args[1], a),
    "fromfunction": lambda a, args, kw: np.fromfunction(getattr(np, args[0]), tuple(args[1]), **kw),
    "partition_at": _partition_at,
    "argpartition_at": _argpartition_at,
    "apply_over_axes": lambda a, args, kw: np.apply_over_axes(getattr(np, args[0]), a, args[1]),
    "linalg.norm": _norm,
}
# np_call's functions that write into `a` (and return None): the result is `a`
WRITING_CALLS = {"fill_diagonal", "put_along_axis", "place", "copyto"}


def decode_arg(run, a, x):
    if x is None:
        return x
    if isinstance(x, str) and x not in ("self", "nan", "inf", "-inf", "-0"):
        return x                      # a name: apply_along_axis's and fromfunction's function
    if isinstance(x, list):
        if any(e == "self" or isinstance(e, dict) for e in x):
            return [C.operand(run, a, e) for e in x]
        if any(isinstance(e, list) and has_operand(e) for e in x):
            return [decode_arg(run, a, e) for e in x]     # block's rows of operands
        return x
    return C.operand(run, a, x)


def has_operand(x):
    return x == "self" or isinstance(x, dict) or (isinstance(x, list) and any(has_operand(e) for e in x))


OWN_OPS = {"npy_roundtrip", "sliding_window_view", "broadcast_arrays", "unique_index", "reduce_initial",
           "searchsorted_sorter", "astype_casting", "sort_kind", "concatenate_kw", "ufunc_kw", "putmask",
           "cumulative", "diff", "variance", "round", "nonzero", "np_call", "np_free"}
# own ops that write into the source's buffer (its bytes are compared after them)
OWN_WRITING = {"putmask"}


class ObjectAnswer(BaseException):
    """NumPy's answer is an object array, which mmarray has no dtype for (kept apart, unpinned)."""


class Refused(BaseException):
    """A program the oracle will not hand NumPy (replay_compute's `except Exception` lets it through)."""


# bins past this would have NumPy allocate (and the answer list) gigabytes; the generator
# does not make such programs (program.ts binsTooMany), this stops one that slips through.
MAX_BINS = 2 ** 24


def apply(run, a, op):
    if op[0] == "bincount" and a.size and a.dtype.kind in "iu" and int(a.max()) >= MAX_BINS:
        raise Refused(f"bincount of a value >= {MAX_BINS}: NumPy would allocate {8 * (int(a.max()) + 1)} bytes")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result, error = (own_op(run, a, op) if op[0] in OWN_OPS else _apply(run, a, op)), None
        except Exception as exc:                         # noqa: BLE001 - re-raised below
            result, error = None, exc
    for w in caught:
        # A float -> int cast of NaN, inf or an out-of-range value is undefined in C:
        # NumPy's contiguous (SIMD) and strided loops give different integers for the
        # same float (nan -> uint32 is 2147483648 in one, 0 in the other). add.at of a
        # Python int into uint64 adds in float64 and casts back (2**64 - 9 + 9 is 2**64,
        # out of range): there the warning names the ufunc method ("in at").
        text = str(w.message)
        if "invalid value encountered in cast" in text or (
                "invalid value encountered in at" in text and a.dtype.kind in "iu"):
            unpinned.append("float -> int cast of nan/inf/out-of-range (C undefined)")
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if op[0] == "put" and has_gaps(a.dtype) and error is None:
        # np.put converts the values to an array of a's dtype (fresh memory, not
        # zeroed) and copies whole items: the bytes between fields are whatever
        # that allocation held ("010101", "452126" from one run to the next).
        unpinned.append("put of records: the bytes between fields are uninitialised memory")
    if error is not None:
        raise error
    if isinstance(result, np.ndarray) and result.dtype == object:
        # convolve/polymul of a one-field record: NumPy multiplies the items as Python
        # tuples and answers an object array of empty tuples (fuzz seeds 11303391,
        # 12630281). mmarray has no object dtype: there is no answer to compare with.
        raise ObjectAnswer(f"{op[1] if op[0] == 'np_call' else op[0]} of {a.dtype}")
    return result


def all_finite(x):
    """True unless x is a numeric array holding a NaN or an infinity."""
    try:
        x = np.asarray(x)
        return x.dtype.kind not in "fc" or bool(np.isfinite(x).all())
    except Exception:                                    # noqa: BLE001 - records, lists of mixed things
        return True


def has_gaps(dt):
    """True when a structured dtype's fields leave bytes of its items uncovered."""
    if dt.names is None:
        return False
    covered = set()
    for name in dt.names:
        sub, off = dt.fields[name][:2]
        covered.update(range(off, off + sub.itemsize))
    return len(covered) < dt.itemsize


def writes(op):
    return op[0] in OWN_WRITING or (op[0] == "np_call" and op[1] in WRITING_CALLS) or (op[0] in ("ufunc_kw", "concatenate_kw") and "out" in op[-1]) or _writes(op)


# np_call's inexact math (FORMAT.md's values_ulp): NumPy's SIMD and the library's loops may
# round differently in the last bits; the exact ones (floor, fmax, gcd, ...) stay exact.
APPROX_CALLS = {"sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh",
                "arccosh", "arctanh", "exp2", "expm1", "log2", "log10", "log1p", "cbrt", "arctan2",
                "hypot", "logaddexp", "logaddexp2", "deg2rad", "rad2deg",
                # session 5's inexact functions: transcendental, or sums whose order NumPy's BLAS/SIMD picks
                "sinc", "i0", "interp", "cov", "corrcoef", "logspace", "geomspace", "unwrap", "gradient",
                "trapezoid", "matmul", "dot", "vdot", "inner", "tensordot", "convolve", "correlate", "trace",
                # sessions 6-8's: LAPACK's blocked factorizations, BLAS sums, cos/exp/i0, eigvals
                "linalg.det", "linalg.slogdet", "linalg.inv", "linalg.solve", "linalg.cholesky", "linalg.norm",
                "linalg.multi_dot", "linalg.matrix_power", "einsum", "bartlett", "blackman", "hamming", "hanning",
                "kaiser", "poly", "float_power", "angle", "logspace", "geomspace",
                # session 9's: decompositions (LAPACK's against the library's Householder, Jacobi, hqr),
                # what stands on them, and the array-API names of inexact functions
                "linalg.qr", "linalg.svd", "linalg.svdvals", "linalg.eigh", "linalg.eigvalsh", "linalg.pinv",
                "linalg.lstsq", "linalg.cond", "polyfit", "roots", "acos", "asin", "atan", "acosh", "asinh",
                "atanh", "pow", "atan2", "vecdot", "matvec", "vecmat"}
_approximate = C.approximate


def approximate(op, before, result):
    if op[0] in ("np_call", "np_free"):
        return op[1] in APPROX_CALLS and result.dtype.kind in "fc"
    return _approximate(op, before, result)


C.approximate = approximate
_writes = C.writes
C.apply = apply
C.writes = writes


def main():
    # The machine is shared: a program that slips past the generator's guards must
    # not take NumPy to tens of GiB (a MemoryError answer shows up as a divergence).
    resource.setrlimit(resource.RLIMIT_AS, (8 << 30, 8 << 30))
    cases = json.load(sys.stdin)
    # LAPACK's xerbla prints to the C stdout (OpenBLAS: "** On entry to DLASCL parameter
    # number 4 had an illegal value" for an SVD of inf/NaN, fuzz seeds 7000000+): the
    # answers go to the real stdout, fd 1 points at stderr while NumPy runs.
    sys.stdout.flush()
    answers = os.fdopen(os.dup(1), "w")
    os.dup2(2, 1)
    out = []
    for case in cases:
        try:
            unpinned.clear()
            e = C.replay(case)
            if unpinned:
                e["unpinned"] = unpinned[0]
            out.append(e)
        except Refused as r:
            out.append({"oracle_error": f"refused: {r}"})
        except ObjectAnswer as o:
            out.append({"object_answer": str(o)})
        except Exception:                                # noqa: BLE001 - reported, not hidden
            out.append({"oracle_error": traceback.format_exc(limit=3)})
    json.dump({"numpy": np.__version__, "expects": out}, answers, allow_nan=False)
    answers.close()


if __name__ == "__main__":
    main()
