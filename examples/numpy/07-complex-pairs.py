import numpy as np

z = np.zeros(3, dtype='<c8')
z[:] = [1 + 2j, 3 - 4j, 0.5 + 0j]

pairs = z.view('<f4')
print(pairs.tolist(), pairs.shape)

im = pairs[1::2]
print(im.tolist(), im.strides)

im *= -1
print(z.tolist())
print(z[1])
