import os
import shutil
import tempfile

import numpy as np

entry = [('seq', '<u4'), ('level', '<u4'), ('code', '<u4')]
d = tempfile.mkdtemp(prefix='mmarray-example-')
file = os.path.join(d, 'events.log')
np.array([1, 0, 200, 2, 1, 500, 3, 0, 200, 4, 1, 500], dtype='<u4').tofile(file)

log = np.memmap(file, dtype=entry, mode='r')
print(log.size, log.flags.writeable)
try:
    log['level'][0] = 9
except ValueError as e:
    print(f'refused: {e}')

work = np.array(log)
code = work['code']
level = work['level']
for i in range(work.size):
    if code[i] == 500:
        level[i] = 2
print(work.flags.writeable, np.shares_memory(work, log))
print(level.tolist())
print(log['level'].tolist())

del log
shutil.rmtree(d)
