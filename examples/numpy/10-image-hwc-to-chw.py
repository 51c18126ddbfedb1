import numpy as np

h, w = 2, 3
img = np.arange(h * w * 3, dtype='u1').reshape(h, w, 3)

chw = img.transpose(2, 0, 1)
print(chw.shape, chw.strides, np.shares_memory(img, chw), chw.flags['C_CONTIGUOUS'])

keep = chw.astype('<f4')
x = chw.astype('<f4', order='C')
print(keep.strides, x.strides, x.flags['C_CONTIGUOUS'])
print('copies:', 2)  # NumPy keeps no copy counter: the two astype calls

x /= 2
print(x[0].tolist())
