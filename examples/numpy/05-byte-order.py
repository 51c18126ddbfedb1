import numpy as np

raw = bytearray([0x00, 0x00, 0x01, 0x02, 0xde, 0xad, 0xbe, 0xef])
be = np.frombuffer(raw, dtype='>u4')
le = np.frombuffer(raw, dtype='<u4')
print('>u4', be.tolist())
print('<u4', le.tolist())

relabeled = be.view(be.dtype.newbyteorder())
print(relabeled.dtype.str, relabeled.tolist())

swapped = be.byteswap()
print(swapped.dtype.str, swapped.tolist())

native = be.byteswap().view(be.dtype.newbyteorder())
print(native.dtype.str, native.tolist(), native.view('u1').tolist())
print(be.astype('<u4').tolist())

be.byteswap(inplace=True)
print(list(raw))
