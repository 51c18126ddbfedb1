"""NumPy side of bench/w21_alloc.js: the same fresh-output ops, the last
`ring` results kept alive, `python3 numpy_alloc.py '{"n": N, "rounds": R,
"ring": K, "records": PATH}'` prints {key: [ms, ...], "cpu": {key: ms}}, "cpu"
holding this thread's CPU time per call (warm-up calls included)."""
import json
import sys
import time

import numpy as np

RECORD = np.dtype([("id", "<i8"), ("value", "<f8")])


CPU = {}


def measure(fn, rounds, ring, key):
    """Two warm-up calls, then `rounds` timed ones; the last `ring` results
    stay alive. Also records this thread's CPU ms per call in CPU[key]."""
    keep = [None] * ring
    out = []
    c0 = time.thread_time()
    for r in range(-2, rounds):
        t0 = time.perf_counter_ns()
        v = fn()
        t = (time.perf_counter_ns() - t0) / 1e6
        keep[r % ring] = v
        if r >= 0:
            out.append(t)
    CPU[key] = (time.thread_time() - c0) * 1e3 / (rounds + 2)
    return out


def main(p):
    n, rounds, ring = p["n"], p["rounds"], p["ring"]
    a = np.arange(n, dtype="<f8")
    b = a * 0.5
    rec = np.memmap(p["records"], RECORD, "r", shape=(n,))
    r = {
        "copy": measure(lambda: a.copy(), rounds, ring, "copy"),
        "astype": measure(lambda: a.astype("<f4"), rounds, ring, "astype"),
        "gather": measure(lambda: np.ascontiguousarray(rec["value"]), rounds, ring, "gather"),
        "add": measure(lambda: a + b, rounds, ring, "add"),
        "concat": measure(lambda: np.concatenate([a, b]), rounds, ring, "concat"),
    }
    del rec
    r["cpu"] = CPU
    return r


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))))
