"""NumPy side of bench/w18_ufunc.js: the same element-wise ops on the same
data, `python3 numpy_ufunc.py '{"n": N, "rounds": R, "big": PATH,
"big_offset": OFF}'` prints {key: [ms, ...]}."""
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
    b = (i % 777) * 0.5 - 100
    out = np.empty(n, "<f8")
    r = {
        "add": measure(lambda: px + b, rounds),
        "sub": measure(lambda: px - b, rounds),
        "mul": measure(lambda: px * qty, rounds),
        "mul_out": measure(lambda: np.multiply(px, qty, out=out), rounds),
        "div_out": measure(lambda: np.divide(x, 255, out=x), rounds, reset_x),
        "less": measure(lambda: qty < 0, rounds),
        "cmp_sum": measure(lambda: (qty < 0).sum(), rounds),
        "eq": measure(lambda: px == b, rounds),
        "minimum": measure(lambda: np.minimum(px, b), rounds),
        "abs": measure(lambda: np.abs(qty), rounds),
        "neg": measure(lambda: -px, rounds),
        "square": measure(lambda: np.square(px), rounds),
        "sqrt": measure(lambda: np.sqrt(px), rounds),
        "exp": measure(lambda: np.exp(b), rounds),
        "log": measure(lambda: np.log(px), rounds),
        "pow_f8": measure(lambda: np.power(px, 2.5), rounds),
        "pow_i4": measure(lambda: np.power(qty, 3), rounds),
        "lshift": measure(lambda: np.left_shift(qty, 3), rounds),
    }
    neg = qty < 0
    r["where"] = measure(lambda: np.where(neg, px, b), rounds)
    z = (((np.arange(2 * n) % 1000) - 500) * 0.01).view("<c16")
    r["cmul"] = measure(lambda: np.multiply(z, z), rounds)
    r["cabs"] = measure(lambda: np.abs(z), rounds)
    del z
    g = (1 + (i % 13) * 1e-4).reshape(n // 1000, 1000)
    r["prod_axis"] = measure(lambda: g.prod(axis=1), rounds)
    del g
    if p.get("big"):
        big = np.memmap(p["big"], "u1", "r+")
        lo = p["big_offset"]
        u = big[lo:lo + 8 * n].view("<f8")
        w = big[lo + 8 * n:lo + 16 * n].view("<f8")
        r["big_add"] = measure(lambda: u + w, rounds)
        r["big_mul_inplace"] = measure(lambda: np.multiply(u, 1.0000001, out=u), rounds)
        r["big_less"] = measure(lambda: u < 100, rounds)
        r["big_sqrt"] = measure(lambda: np.sqrt(w), rounds)
        with np.errstate(invalid="ignore"):
            r["big_exp"] = measure(lambda: np.exp(w), rounds)
            r["big_log"] = measure(lambda: np.log(w), rounds)
            r["big_pow"] = measure(lambda: np.power(w, 2.5), rounds)
        del u, w, big
    return r


if __name__ == "__main__":
    print(json.dumps(main(json.loads(sys.argv[1]))))
