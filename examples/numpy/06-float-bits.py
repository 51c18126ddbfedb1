import numpy as np

f = np.zeros(5, dtype='<f4')
f[:] = [1.0, -2.0, 0.15625, np.inf, 2.0 ** -149]

bits = f.view('<u4')
print([hex(b) for b in bits.tolist()])

EXPONENT = 0x7F800000
exponent = (bits & EXPONENT) >> 23
print(exponent.tolist())

bits ^= 0x80000000
print(f.tolist())
