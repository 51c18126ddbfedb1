// lib/abort-listeners.ts: every call that takes a `signal` shares one
// 'abort' listener per signal, so a server may pass one request's signal to
// any number of concurrent calls without Node's MaxListenersExceededWarning,
// and a signal that outlives its calls keeps no listener of theirs.
import { getEventListeners } from 'events';
import * as mm from '../lib';
import { onAbort } from '../lib/abort-listeners';
import { randomArray } from './helpers/async-arrays';

describe('onAbort', () => {
  test('runs each callback once, in order, and adds one listener to the signal however many wait', () => {
    const ac = new AbortController();
    const seen: number[] = [];
    const stops = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((i) => onAbort(ac.signal, () => seen.push(i)));
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(1);
    stops[3]();
    ac.abort();
    expect(seen).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9, 10, 11]);
    ac.abort();
    stops[0]();  // after the abort: a no-op
    expect(seen).toHaveLength(11);
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
  });

  test('a signal that has aborted already: the callback runs in a microtask, unless taken back first; no listener is added', async () => {
    const ac = new AbortController();
    ac.abort();
    const seen: string[] = [];
    onAbort(ac.signal, () => seen.push('kept'));
    const stop = onAbort(ac.signal, () => seen.push('taken back'));
    expect(seen).toEqual([]);
    stop();
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
    await Promise.resolve();
    expect(seen).toEqual(['kept']);
  });

  test('the same callback registered twice runs twice; taking back the last one removes the listener', () => {
    const ac = new AbortController();
    let n = 0;
    const f = (): void => {
      n++;
    };
    const a = onAbort(ac.signal, f);
    const b = onAbort(ac.signal, f);
    a();
    a();  // twice: still only its own registration
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(1);
    b();
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
    const c = onAbort(ac.signal, f);  // a new first waiter adds it again
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(1);
    ac.abort();
    expect(n).toBe(1);
    c();
  });
});

describe('one signal over many async calls', () => {
  test('40 concurrent calls on one signal: no MaxListenersExceededWarning, and an abort rejects every pending one', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error): void => {
      warnings.push(w);
    };
    process.on('warning', onWarning);
    try {
      const a = randomArray('<f8', [1 << 20], 7);
      const ac = new AbortController();
      // Writers on one array queue behind each other, so most are still waiting when the abort comes.
      const calls = Array.from({ length: 40 }, (_, i) => mm.fillAsync(a, i, { signal: ac.signal }).then(() => 'done', (e: unknown) => e));
      const sums = Array.from({ length: 10 }, () => mm.sumAsync(a, { signal: ac.signal }).then(() => 'done', (e: unknown) => e));
      expect(getEventListeners(ac.signal, 'abort').length).toBeLessThanOrEqual(1);
      ac.abort();
      const settled = await Promise.all([...calls, ...sums]);
      const aborted = settled.filter((e) => e instanceof Error && e.name === 'AbortError');
      expect(aborted.length + settled.filter((e) => e === 'done').length).toBe(50);
      expect(aborted.length).toBeGreaterThan(30);
      expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
      await new Promise((r) => setImmediate(r));
      expect(warnings.filter((w) => w.name === 'MaxListenersExceededWarning')).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  test('a signal that is never aborted keeps no listener once its calls end', async () => {
    const a = randomArray('<f8', [1 << 16], 3);
    const ac = new AbortController();
    await Promise.all(Array.from({ length: 20 }, () => mm.sumAsync(a, { signal: ac.signal })));
    expect(getEventListeners(ac.signal, 'abort')).toHaveLength(0);
  });
});
