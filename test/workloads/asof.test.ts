// Workload: an as-of join of two sorted event streams (trades and quotes, each
// a .npy of records keyed by an int64 nanosecond timestamp), as a NumPy user
// writes it: searchsorted(side='right') - 1 for the last quote at or before
// each trade, clip and a validity mask for trades before the first quote,
// take of the matched fields, staleness, a forward fill of missing quote
// prices (maximumAccumulate of valid indices, and the running maximum by
// hand a user writes without it), and per-minute counts.
import {
  arange, bincount, clip, floorDivide, greaterEqual, isnan, logicalNot, multiply, searchsorted,
  subtract, take, where, zeros, sum, max, divide, add, maximumAccumulate,
} from '../../lib';
import { openNpy } from '../../lib/npy/npy';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload, bytesOf } from './harness';

const tmp = useTempDir('mmarray-wl-asof-');

const PY = `
rng = np.random.default_rng(99)
t0 = 1_700_000_000_000_000_000
nq, nt = 12000, 7000
q = np.zeros(nq, [('ts', '<i8'), ('bid', '<f8'), ('ask', '<f8')])
q['ts'] = t0 + np.sort(rng.integers(5 * 10**9, 3600 * 10**9, nq))
q['bid'] = np.round(100 + np.cumsum(rng.normal(0, 0.01, nq)), 2)
q['ask'] = q['bid'] + 0.01 * rng.integers(1, 4, nq)
q['bid'][rng.integers(0, nq, 200)] = np.nan
q['bid'][0] = 99.5
tr = np.zeros(nt, [('ts', '<i8'), ('px', '<f8'), ('qty', '<u4')])
tr['ts'] = t0 + np.sort(rng.integers(0, 3600 * 10**9, nt))
tr['ts'][100] = q['ts'][50]    # an exact hit: side='right' takes that quote
tr['px'] = np.round(100 + rng.normal(0, 0.5, nt), 2)
tr['qty'] = rng.integers(1, 1000, nt)
np.save('quotes.npy', q)
np.save('trades.npy', tr)

q = np.load('quotes.npy', mmap_mode='r')
tr = np.load('trades.npy', mmap_mode='r')
j = np.searchsorted(q['ts'], tr['ts'], side='right') - 1
out('j', j)
has = j >= 0
out('has', has)
jc = np.clip(j, 0, None)
out('jc', jc)
bid = np.where(has, q['bid'][jc], np.nan)
out('bid', bid)
stale = np.where(has, tr['ts'] - q['ts'][jc], -1)
out('stale', stale)
out('stale_ms_max', stale.max() // 10**6)
valid = ~np.isnan(q['bid'])
idx = np.where(valid, np.arange(nq), 0)
ff = np.maximum.accumulate(idx)
out('ff', ff)
bid_ff = q['bid'][ff]
out('bid_ff', bid_ff)
mid = (bid_ff + q['ask']) / 2
out('mid', mid)
slip = np.where(has, tr['px'] - mid[jc], 0.0)
out('slip', slip)
out('slip_cost', (slip * tr['qty']).sum())
minute = (tr['ts'] - t0) // (60 * 10**9)
out('minute', minute)
out('per_min', np.bincount(minute, minlength=60))
out('vol_per_min', np.bincount(minute, weights=tr['qty'], minlength=60))
out('early', (~has).sum())
`;

describeWithNumpy('workload: as-of join of event streams', () => {
  test('searchsorted as-of match, clip/where masking, forward fill, per-minute counts match NumPy', () => {
    const w = new Workload(tmp, 'asof', PY);
    const t0 = 1_700_000_000_000_000_000n;
    const q = openNpy(w.file('quotes.npy'), { mode: 'r' });
    const tr = openNpy(w.file('trades.npy'), { mode: 'r' });
    const nq = q.shape[0];
    const j = subtract(searchsorted(q.field('ts'), tr.field('ts'), { side: 'right' }), 1);
    w.same('j', j);
    const has = greaterEqual(j, 0);
    w.same('has', has);
    const jc = clip(j, 0, null);
    w.same('jc', jc);
    w.same('bid', where(has, take(q.field('bid'), jc), NaN));
    const stale = where(has, subtract(tr.field('ts'), take(q.field('ts'), jc)), -1);
    w.same('stale', stale);
    w.same('stale_ms_max', floorDivide(max(stale), 10 ** 6));
    const valid = logicalNot(isnan(q.field('bid')));
    const idx = where(valid, arange(nq), 0);
    const ff = maximumAccumulate(idx);
    w.same('ff', ff);
    // Without it: np.maximum.accumulate(idx) over int64 by hand, the same bytes.
    const byHand = zeros(nq, '<i8');
    const src = idx.typedArray() as BigInt64Array;
    const dst = byHand.typedArray() as BigInt64Array;
    let run = src[0];
    for (let i = 0; i < nq; i++) dst[i] = run = src[i] > run ? src[i] : run;
    expect(bytesOf(byHand)).toEqual(bytesOf(ff));
    const bidFf = take(q.field('bid'), ff);
    w.same('bid_ff', bidFf);
    const mid = divide(add(bidFf, q.field('ask')), 2);
    w.same('mid', mid);
    const slip = where(has, subtract(tr.field('px'), take(mid, jc)), 0.0);
    w.same('slip', slip);
    w.same('slip_cost', sum(multiply(slip, tr.field('qty'))));
    const minute = floorDivide(subtract(tr.field('ts'), t0), 60n * 10n ** 9n);
    w.same('minute', minute);
    w.same('per_min', bincount(minute, { minlength: 60 }));
    w.same('vol_per_min', bincount(minute, { weights: tr.field('qty'), minlength: 60 }));
    w.same('early', sum(logicalNot(has)));
    q.close();
    tr.close();
    w.allChecked();
  });
});
