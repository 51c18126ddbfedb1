// Workload: a float64 sensor series with gaps (NaN), as an analyst ports it:
// differences through shifted views, moving sums through slidingWindowView,
// where/nonzero for events, minimum/maximum against thresholds, NaN rules of
// max/argmax, dropping NaNs by mask, and a daily reshape with axis stats.
import {
  argmax, argmin, countNonzero, greater, invert, isnan, logicalNot, max, maximum, mean, min, minimum,
  nonzero, diff, slidingWindowView, subtract, sum, where, flatnonzero, less, std, variance, divide,
} from '../../lib';
import { memmap } from '../../lib/memmap';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-ts-');

const PY = `
rng = np.random.default_rng(5)
n = 24 * 60
s = np.cumsum(rng.normal(0, 1, n)) + 20
s[[100, 101, 700]] = np.nan
s.astype('<f8').tofile('series.f8')

s = np.memmap('series.f8', dtype='<f8', mode='r')
d = s[1:] - s[:-1]
out('d', d)
out('d_np', np.diff(s))
out('dd', np.diff(s, 2))
win = np.lib.stride_tricks.sliding_window_view(s, 5)
out('win', win)
out('mov', win.sum(axis=-1))
ok = s[~np.isnan(s)]
out('ok', ok)
out('ok2', s[np.logical_not(np.isnan(s))])
okwin = np.lib.stride_tricks.sliding_window_view(ok, 60)
out('movmean', okwin.mean(axis=1))
out('max', s.max())
out('argmax', np.argmax(s))
out('argmin', s.argmin())
out('okmax', ok.max())
out('okargmax', ok.argmax())
out('ups', np.where(d > 0.5, d, 0.0))
out('events', np.nonzero(d > 2)[0])
out('events_flat', np.flatnonzero(d < -2))
out('nnan', np.count_nonzero(np.isnan(s)))
out('capped', np.minimum(np.maximum(s, 15.0), 25.0))
daily = ok[:1440 - 3 - 57].reshape(-1, 60)
out('hourly_mean', daily.mean(axis=1))
out('hourly_range', daily.max(axis=1) - daily.min(axis=1))
out('hourly_sum_keep', daily.sum(axis=1, keepdims=True))
out('hourly_std', daily.std(axis=1, ddof=1))
out('zscore', (daily - daily.mean(axis=1, keepdims=True)) / daily.std(axis=1, keepdims=True))
out('okvar', np.var(ok))
`;

describeWithNumpy('workload: time series with gaps', () => {
  test('diffs, moving windows, NaN rules, events, hourly stats match NumPy', () => {
    const w = new Workload(tmp, 'ts', PY);
    const s = memmap(w.file('series.f8'), { dtype: '<f8', mode: 'r' });
    const d = subtract(s.index('1:'), s.index(':-1'));
    w.same('d', d);
    w.same('d_np', diff(s));
    w.same('dd', diff(s, 2));
    const win = slidingWindowView(s, 5);
    w.same('win', win, { strides: true });
    expect(win.flags.writeable).toBe(false);
    w.same('mov', sum(win, -1));
    const ok = s.index(invert(isnan(s)));
    w.same('ok', ok);
    w.same('ok2', s.index(logicalNot(isnan(s))));
    w.same('movmean', mean(slidingWindowView(ok, 60), 1));
    w.same('max', max(s));
    w.same('argmax', argmax(s));
    w.same('argmin', argmin(s));
    w.same('okmax', max(ok));
    w.same('okargmax', argmax(ok));
    w.same('ups', where(greater(d, 0.5), d, 0.0));
    w.same('events', nonzero(greater(d, 2))[0]);
    w.same('events_flat', flatnonzero(less(d, -2)));
    w.same('nnan', countNonzero(isnan(s)));
    w.same('capped', minimum(maximum(s, 15.0), 25.0));
    const daily = ok.index(`:${1440 - 3 - 57}`).reshape(-1, 60);
    w.same('hourly_mean', mean(daily, 1));
    w.same('hourly_range', subtract(max(daily, 1), min(daily, 1)));
    w.same('hourly_sum_keep', sum(daily, 1, { keepdims: true }));
    w.same('hourly_std', std(daily, 1, { ddof: 1 }));
    w.same('zscore', divide(subtract(daily, mean(daily, 1, { keepdims: true })), std(daily, 1, { keepdims: true })));
    w.same('okvar', variance(ok));
    s.close();
    w.allChecked();
  });
});
