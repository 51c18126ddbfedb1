"""NumPy side of bench/w18_ufunc.js: the same element-wise ops on the same
data, `python3 numpy_ufunc.py '{"n": N, "rounds": R}'` prints {key: [ms, ...]}."""
import json
import sys

import numpy as np
from numpy_bench import measure as bench_measure


def measure(fn, rounds, setup=None):
    """numpy_bench's timing loop, with two warm-up calls."""
    return bench_measure(fn, rounds, setup=setup, warmup=2)


def main(p):
    n, rounds = p["n"], p["rounds"]
    i = np.arange(n)
    x = np.empty(n, "<f4")

    def reset_x():
        x[:] = i % 256

    px = (i % 1000) * 0.25 + 1
    qty = ((i % 201) - 100).astype("<i4")
    out = np.empty(n, "<f8")
    return {
        "div_out": measure(lambda: np.divide(x, 255, out=x), rounds, reset_x),
        "mul": measure(lambda: px * qty, rounds),
        "mul_out": measure(lambda: np.multiply(px, qty, out=out), rounds),
        "sqrt": measure(lambda: np.sqrt(px), rounds),
        "cmp_sum": measure(lambda: (qty < 0).sum(), rounds),
    }


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))))
