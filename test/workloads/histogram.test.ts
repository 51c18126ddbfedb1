// Workload: latency logs binned and summarized as a NumPy user ports a
// report: bins by searchsorted (np.digitize's rule), counts by bincount with
// minlength, a CDF by cumsum, percentiles by sort and index, running totals
// and products by cumsum/cumprod along axes, int32 counters that wrap, and
// the busiest bucket by argmax.
import {
  argmax, bincount, cumprod, cumsum, divide, fromBuffer, searchsorted, sort, multiply, greaterEqual, countNonzero,
} from '../../lib';
import { memmap } from '../../lib/memmap';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-hist-');
const EDGES = [0, 1, 2, 5, 10, 20, 50, 100, 200, 500];

const PY = `
rng = np.random.default_rng(21)
lat = rng.lognormal(2.5, 1.2, 30000).astype('<f4')
lat.tofile('lat.f4')
per_min = rng.integers(0, 2**30, (60, 24), dtype='<i4')
per_min.tofile('per_min.i4')

lat = np.fromfile('lat.f4', dtype='<f4')
edges = np.array(${JSON.stringify(EDGES)}, dtype='<f8')
b = np.searchsorted(edges, lat, side='right')
out('bins', b)
out('dig', np.digitize(lat, edges))
counts = np.bincount(b, minlength=len(edges) + 1)
out('counts', counts)
cdf = np.cumsum(counts) / counts.sum()
out('cdf', cdf)
s = np.sort(lat)
out('p50_p99', s[[int(0.5 * (len(s) - 1)), int(0.99 * (len(s) - 1))]])
out('busiest', np.argmax(counts))
out('slow', np.count_nonzero(lat >= 100))
pm = np.fromfile('per_min.i4', dtype='<i4').reshape(60, 24)
out('running', np.cumsum(pm, axis=0))
out('running_i4', np.cumsum(pm, axis=0, dtype='<i4'))
out('hourly_total', np.cumsum(pm, axis=1)[:, -1])
out('growth', np.cumprod(np.full(10, 1.1, dtype='<f4')))
out('flat', np.cumsum(pm[:3]))
`;

describeWithNumpy('workload: latency histogram and running totals', () => {
  test('bins, counts, CDF, percentiles, cumsum/cumprod match NumPy', () => {
    const w = new Workload(tmp, 'hist', PY);
    const lat = memmap(w.file('lat.f4'), { dtype: '<f4', mode: 'r' });
    const edges = fromBuffer(new Float64Array(EDGES), '<f8');
    const b = searchsorted(edges, lat, { side: 'right' });
    w.same('bins', b);
    w.same('dig', b);
    const counts = bincount(b, { minlength: EDGES.length + 1 });
    w.same('counts', counts);
    w.same('cdf', divide(cumsum(counts), counts.sum() as bigint));
    const s = sort(lat);
    const n = s.shape[0];
    w.same('p50_p99', s.index([Math.trunc(0.5 * (n - 1)), Math.trunc(0.99 * (n - 1))]));
    w.same('busiest', argmax(counts));
    w.same('slow', countNonzero(greaterEqual(lat, 100)));
    const pm = memmap(w.file('per_min.i4'), { dtype: '<i4', mode: 'r', shape: [60, 24] });
    w.same('running', cumsum(pm, 0));
    w.same('running_i4', cumsum(pm, 0, { dtype: '<i4' }));
    w.same('hourly_total', cumsum(pm, 1).index(':, -1'));
    w.same('growth', cumprod(multiply(fromBuffer(new Float32Array(10).fill(1), '<f4'), 1.1)));
    w.same('flat', cumsum(pm.index(':3')));
    lat.close();
    pm.close();
    w.allChecked();
  });
});
