import numpy as np

m = np.arange(16, dtype='<i2').reshape(4, 4)
col = m[:, 1]
print(col.tolist(), col.strides, col.flags['C_CONTIGUOUS'])

try:
    col.view('<i4')
except ValueError as e:
    print(f'{type(e).__name__}: {e}')

fixed = np.ascontiguousarray(col)
pairs = fixed.view('<i4')
print(pairs.tolist(), np.shares_memory(fixed, m))
print('copies:', 1)  # NumPy keeps no copy counter; ascontiguousarray made one copy

fixed[0] = 99
print(m[0, 1])
