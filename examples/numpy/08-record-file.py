import os
import shutil
import struct
import tempfile

import numpy as np

d = tempfile.mkdtemp(prefix='mmarray-example-')
file = os.path.join(d, 'readings.bin')
with open(file, 'wb') as fh:
    for id_, ts, value in [(1, 1700000000, 0.5), (2, 1700000060, 2.5), (3, 1700000120, -1.25)]:
        fh.write(struct.pack('<IId', id_, ts, value))

rec = np.dtype([('id', '<u4'), ('ts', '<u4'), ('value', '<f8')])
readings = np.memmap(file, dtype=rec, mode='r')
print(rec.itemsize, readings.size)
print(readings[1].tolist())
r = readings[1]
print(r['id'], r['value'])

value = readings['value']
print(value.tolist(), value.strides[0], np.shares_memory(value, readings))
print(readings['id'].tolist())

order = [('id', '<u4'), ('value', '<f8'), ('ts', '<u4')]
packed = np.dtype(order)
aligned = np.dtype(order, align=True)
offsets = lambda d: [d.fields[n][1] for n in d.names]
print('packed', packed.itemsize, offsets(packed))
print('aligned', aligned.itemsize, offsets(aligned), aligned.isalignedstruct)

del readings, value, r
shutil.rmtree(d)
