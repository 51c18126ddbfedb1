// Workload: a columnar CSV-to-npy pipeline. Parsed chunks arrive as one .npy
// per column per chunk; the pipeline creates each output column with
// createNpy from the first chunk and grows it with appendNpy (NumPy users
// np.save the np.concatenate of the chunks: the files must load the same),
// then dictionary-encodes the city column with unique(returnInverse), sums
// per city with bincount(weights), filters rows with boolean masks across
// columns, and cleans values with where.
import * as fs from 'fs';
import {
  appendNpy, bincount, concatenate, createNpy, divide, greater, less, logicalAnd, logicalOr,
  multiply, unique, where, equal, countNonzero, isnan, sum, argmax, take, compress, logicalNot, array,
} from '../../lib';
import { openNpy } from '../../lib/npy/npy';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-columnar-');
const CHUNKS = 4;
const COLS = ['city', 'price', 'qty', 'day'] as const;

const PY = `
rng = np.random.default_rng(17)
cities = np.array([b'Oslo', b'Lima', b'Pune', b'Quito', b'Accra', b'Hanoi', b'Bern'], dtype='S6')
chunks = []
for k in range(${CHUNKS}):
    m = int(rng.integers(2000, 5000))
    c = {
        'city': cities[rng.integers(0, len(cities) - (k == 0), m)],
        'price': np.round(rng.lognormal(3, 1, m), 2),
        'qty': rng.integers(-3, 40, m).astype('<i4'),
        'day': rng.integers(0, 365, m).astype('<u2'),
    }
    c['price'][rng.integers(0, m, 5)] = np.nan
    for name, v in c.items():
        np.save(f'chunk{k}_{name}.npy', v)
    chunks.append(c)
cols = {name: np.concatenate([c[name] for c in chunks]) for name in ${JSON.stringify(COLS)}}
for name, v in cols.items():
    np.save(f'np_{name}.npy', v)

city = np.load('np_city.npy', mmap_mode='r')
price = np.load('np_price.npy', mmap_mode='r')
qty = np.load('np_qty.npy', mmap_mode='r')
day = np.load('np_day.npy', mmap_mode='r')
names, code = np.unique(city, return_inverse=True)
out('names', names)
out('code', code)
valid = ~np.isnan(price)
out('n_nan', np.count_nonzero(~valid))
p = np.where(valid, price, 0.0)
out('p', p)
q = np.where(qty < 0, 0, qty)
out('q', q)
rev = p * q
out('rev', rev)
by_city = np.bincount(code, weights=rev, minlength=len(names))
out('by_city', by_city)
out('units', np.bincount(code, weights=q))
best = names[np.argmax(by_city)]          # np.bytes_: its own length
out('best', np.array(best, dtype=names.dtype))
out('best_len', len(best))
sel = (q > 10) & ((day < 31) | (day >= 334)) & valid
out('sel_count', sel.sum())
out('winter_city', city[sel])
out('winter_rev', rev[sel])
out('winter_compress', np.compress(sel, rev))
out('oslo_rev', rev[city == b'Oslo'].sum())
out('avg_price', np.bincount(code, weights=p) / np.bincount(code))
out('cat', np.concatenate([rev[:10], rev[-10:]]))
`;

describeWithNumpy('workload: columnar CSV-to-npy pipeline', () => {
  test('createNpy + appendNpy columns, dictionary encoding, group sums, mask filters match NumPy', () => {
    const w = new Workload(tmp, 'columnar', PY);
    for (const name of COLS) {
      const path = w.file(`js_${name}.npy`);
      const first = openNpy(w.file(`chunk0_${name}.npy`), { mode: 'r' });
      const out = createNpy(path, first.dtype, first.shape);
      out.set(first);
      out.close();
      first.close();
      for (let k = 1; k < CHUNKS; k++) {
        const c = openNpy(w.file(`chunk${k}_${name}.npy`), { mode: 'r' });
        appendNpy(path, c);
        c.close();
      }
      // The same .npy bytes as NumPy's np.save of the concatenation.
      expect({ name, bytes: fs.readFileSync(path) }).toEqual({ name, bytes: fs.readFileSync(w.file(`np_${name}.npy`)) });
    }
    const city = openNpy(w.file('js_city.npy'), { mode: 'r' });
    const price = openNpy(w.file('js_price.npy'), { mode: 'r' });
    const qty = openNpy(w.file('js_qty.npy'), { mode: 'r' });
    const day = openNpy(w.file('js_day.npy'), { mode: 'r' });
    const { values: names, inverse: code } = unique(city, { returnInverse: true });
    w.same('names', names);
    w.same('code', code!);
    const valid = logicalNot(isnan(price));
    w.same('n_nan', countNonzero(isnan(price)));
    const p = where(valid, price, 0.0);
    w.same('p', p);
    const q = where(less(qty, 0), 0, qty);
    w.same('q', q);
    const rev = multiply(p, q);
    w.same('rev', rev);
    const byCity = bincount(code!, { weights: rev, minlength: names.shape[0] });
    w.same('by_city', byCity);
    w.same('units', bincount(code!, { weights: q }));
    const best = take(names, argmax(byCity));
    w.same('best', best);
    // get() strips the trailing NULs, as NumPy's bytes scalar does.
    w.same('best_len', array((best.get() as Uint8Array).length));
    const sel = logicalAnd(logicalAnd(greater(q, 10), logicalOr(less(day, 31), day.greaterEqual(334))), valid);
    w.same('sel_count', sum(sel));
    w.same('winter_city', city.index(sel));
    w.same('winter_rev', rev.index(sel));
    w.same('winter_compress', compress(sel, rev));
    w.same('oslo_rev', sum(rev.index(equal(city, array('Oslo')))));
    w.same('avg_price', divide(bincount(code!, { weights: p }), bincount(code!)));
    w.same('cat', concatenate([rev.index(':10'), rev.index('-10:')]));
    for (const a of [city, price, qty, day]) a.close();
    w.allChecked();
  });
});
