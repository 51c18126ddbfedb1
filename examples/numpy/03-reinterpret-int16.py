import numpy as np

a = np.zeros(4, dtype='<i2')
a[:] = [1, 2, -1, 0x7fff]

wide = a.view('<i4')
print(wide.tolist(), wide.size)

wide[0] = 0x00030004
print(a.tolist())

bytes_ = a.view('<i1')
print(bytes_.tolist(), bytes_.size)

bytes_[1] = 1
print(a.tolist(), hex(a[0]))
