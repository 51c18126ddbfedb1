import numpy as np

a = np.arange(6, dtype='<i4')
v = a.view()

print('v is a:', v is a)
print('v.base is a:', v.base is a)
print('shares memory:', np.shares_memory(a, v))

v[0] = 100
print(a.tolist())

c = a.copy()
c[1] = -1
print(a.tolist())
print('copy shares memory:', np.shares_memory(a, c))
print('c.base:', c.base)
