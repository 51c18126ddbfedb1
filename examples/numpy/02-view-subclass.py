import numpy as np


class Masked(np.ndarray):
    def __array_finalize__(self, obj):
        self.mask = getattr(obj, 'mask', None)

    def filled(self, fill):
        return [fill if self.mask is not None and self.mask[i] else x for i, x in enumerate(self.tolist())]


data = np.arange(5, dtype='<i2')
m = data.view(Masked)
print(type(m).__name__, np.shares_memory(m, data))
print('mask after view():', m.mask)

m.mask = np.zeros(5, dtype='?')
m.mask[1] = True
m.mask[3] = True
data[0] = 10
print(m.filled(-1))

v = m.view()
print(type(v).__name__, v.mask is m.mask)
print('plain view is Masked:', isinstance(m.view(np.ndarray), Masked))
