#!/usr/bin/env python3
"""NumPy's answers for a batch of fuzz programs: JSON cases on stdin, JSON on stdout.

A program is a conformance case without `expect` (../shared/conformance/FORMAT.md):
buffer_hex, source, ops. For each one this prints NumPy's `expect`, computed by
numpy/replay_compute.py (a byte-identical copy of the shared conformance replayer,
so the fuzzer and the contract mean the same thing by every op), plus one op of its
own:

    ["npy_roundtrip"]   np.load(BytesIO(np.save(a)))  -- a new array

A case NumPy itself cannot replay (a bug of this script, never a NumPy error: those
are answers) is given as {"oracle_error": text}. Output: {"numpy": version,
"expects": [...]} in input order.
"""

import io
import json
import os
import sys
import traceback

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "numpy"))
import numpy as np                                        # noqa: E402
import replay_compute as C                                # noqa: E402

_apply = C.apply


def apply(run, a, op):
    if op[0] == "npy_roundtrip":
        f = io.BytesIO()
        np.save(f, a)
        f.seek(0)
        return np.load(f)
    return _apply(run, a, op)


C.apply = apply


def main():
    cases = json.load(sys.stdin)
    out = []
    for case in cases:
        try:
            out.append(C.replay(case))
        except Exception:                                # noqa: BLE001 - reported, not hidden
            out.append({"oracle_error": traceback.format_exc(limit=3)})
    json.dump({"numpy": np.__version__, "expects": out}, sys.stdout, allow_nan=False)


if __name__ == "__main__":
    main()
