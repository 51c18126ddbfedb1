// Workload: daily closes of several tickers (days × tickers <f8, NaN where a
// ticker did not trade), as a quant ports it: log returns (log, diff), NaN
// masking (np.nanmean: a sum over where(isfinite) / countNonzero here),
// rolling mean/std over slidingWindowView along axis 0, cumulative log
// wealth and the drawdown from its running peak (maximumAccumulate, and the
// row-by-row maximum with out= a user writes without it), the worst day per
// ticker and an annualized volatility.
import {
  argmin, countNonzero, cumsum, diff, divide, isfinite, log, maximum, min, mean, multiply, std,
  subtract, sum, where, slidingWindowView, emptyLike, argmax, take, greater, maximumAccumulate,
} from '../../lib';
import { openNpy } from '../../lib/npy/npy';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload, bytesOf } from './harness';

const tmp = useTempDir('mmarray-wl-finance-');
const WIN = 20;

const PY = `
rng = np.random.default_rng(8)
n, k = 1500, 6
steps = rng.normal(0.0003, 0.015, (n, k))
steps[700:760, 2] -= 0.02
px = 100 * np.exp(np.cumsum(steps, axis=0))
px[rng.integers(0, n, 30), rng.integers(0, k, 30)] = np.nan
px[:5, 4] = np.nan
np.save('px.npy', np.round(px, 4))

p = np.load('px.npy', mmap_mode='r')
out('logp', np.log(p))
lr = np.diff(np.log(p), axis=0)
out('lr', lr)
lr = np.load('out/lr.npy')    # both sides go on from NumPy's log returns
ok = np.isfinite(lr)
out('n_ok', np.count_nonzero(ok, axis=0))
out('nanmean', np.where(ok, lr, 0.0).sum(axis=0) / np.count_nonzero(ok, axis=0))
out('nanmean_ref', np.nanmean(lr, axis=0))
r0 = np.where(ok, lr, 0.0)
out('r0', r0)
win = ${WIN}
sw = np.lib.stride_tricks.sliding_window_view(r0, win, axis=0)
out('sw_shape_strides', sw)
out('roll_mean', sw.mean(axis=-1))
out('roll_std', sw.std(axis=-1))
out('roll_std1', sw.std(axis=2, ddof=1))
cum = np.cumsum(r0, axis=0)
out('cum', cum)
peak = np.maximum.accumulate(cum, axis=0)
out('peak', peak)
dd = cum - peak
out('dd', dd)
out('mdd', dd.min(axis=0))
out('mdd_day', dd.argmin(axis=0))
out('peak_day', np.argmax(cum[:dd.argmin(axis=0)[2] + 1, 2]))
out('vol', r0.std(axis=0) * np.sqrt(252))
out('worst', r0.argmin(axis=0))
out('up_days', (r0 > 0).sum(axis=0))
`;

describeWithNumpy('workload: finance returns, rolling std, drawdown', () => {
  test('log returns, NaN masking, rolling std, drawdown match NumPy', () => {
    const w = new Workload(tmp, 'finance', PY);
    const p = openNpy(w.file('px.npy'), { mode: 'r' });
    // log is within 1 ulp of the correctly rounded value, not NumPy's bits (README).
    w.near('logp', log(p), 1);
    // A difference of logs near 4.6: exact to the logs' own ulp (scale 4..8), two of them.
    w.near('lr', diff(log(p), { axis: 0 }), 2, 4);
    p.close();
    const lr = openNpy(w.file('out/lr.npy'), { mode: 'r' });
    const ok = isfinite(lr);
    w.same('n_ok', countNonzero(ok, 0));
    const nanmean = divide(sum(where(ok, lr, 0.0), 0), countNonzero(ok, 0));
    w.same('nanmean', nanmean);
    w.same('nanmean_ref', nanmean);
    const r0 = where(ok, lr, 0.0);
    w.same('r0', r0);
    const sw = slidingWindowView(r0, WIN, { axis: 0 });   // NumPy's axis=0 keyword
    w.same('sw_shape_strides', sw, { strides: true });
    w.same('roll_mean', mean(sw, -1));
    w.same('roll_std', std(sw, -1));
    w.same('roll_std1', std(sw, 2, { ddof: 1 }));
    const cum = cumsum(r0, 0);
    w.same('cum', cum);
    const peak = maximumAccumulate(cum, 0);
    w.same('peak', peak);
    // Without it: np.maximum.accumulate(cum, axis=0) row by row, the same bytes.
    const byHand = emptyLike(cum);
    byHand.index(0).set(cum.index(0));
    for (let i = 1; i < cum.shape[0]; i++) maximum(byHand.index(i - 1), cum.index(i), { out: byHand.index(i) });
    expect(bytesOf(byHand)).toEqual(bytesOf(peak));
    const dd = subtract(cum, peak);
    w.same('dd', dd);
    w.same('mdd', min(dd, 0));
    const mddDay = argmin(dd, 0);
    w.same('mdd_day', mddDay);
    w.same('peak_day', argmax(cum.index(`:${Number(take(mddDay, 2).get()) + 1}, 2`)));
    w.same('vol', multiply(std(r0, 0), Math.sqrt(252)));
    w.same('worst', argmin(r0, 0));
    w.same('up_days', sum(greater(r0, 0), 0));
    lr.close();
    w.allChecked();
  });
});
