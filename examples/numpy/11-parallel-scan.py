import os
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor

import numpy as np

ITEM = 4


def scan(file, start, count):
    part = np.memmap(file, dtype='<u4', mode='r', offset=start * ITEM, shape=count)
    return int(part.sum(dtype='u8')), int(part.max())


n = 1_000_003
workers = 4
d = tempfile.mkdtemp(prefix='mmarray-example-')
file = os.path.join(d, 'values.u4')
init = np.memmap(file, dtype='<u4', mode='w+', shape=n)
init[:] = (np.arange(n) * 7) % 1000
init.flush()
del init

per = -(-n // workers)
slices = [(start, min(per, n - start)) for start in range(0, n, per)]
with ThreadPoolExecutor(workers) as pool:
    results = list(pool.map(lambda s: scan(file, *s), slices))

total = sum(r[0] for r in results)
mx = max(r[1] for r in results)
whole = scan(file, 0, n)
print('slices:', [c for _, c in slices])
print('sum:', total, 'max:', mx)
print('same as one thread:', total == whole[0] and mx == whole[1])
shutil.rmtree(d)
