/**
 * One `'abort'` listener per AbortSignal, however many calls wait on it.
 *
 * A server passes one request's signal to every call it makes for that
 * request; with a listener per call, the eleventh concurrent call made Node
 * print `MaxListenersExceededWarning` (its EventTarget warns past
 * `events.defaultMaxListeners`), though each listener was removed when its
 * call ended. Here the signal gets one listener, added with the first
 * callback and removed with the last, which runs the callbacks registered
 * at the moment of the abort, in the order they came.
 */

interface Waiters {
  readonly callbacks: Set<() => void>;
  readonly listener: () => void;
}

const waiting = new WeakMap<AbortSignal, Waiters>();

/**
 * Calls `callback` once when `signal` aborts, or in a microtask when it
 * has aborted already (a job started a turn after its caller last looked at
 * the signal still stops). Returns the function that takes the callback
 * back (a no-op once it ran).
 */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  if (signal.aborted) {
    let wanted = true;
    queueMicrotask(() => {
      if (wanted) callback();
    });
    return () => {
      wanted = false;
    };
  }
  let w = waiting.get(signal);
  if (w === undefined) {
    const callbacks = new Set<() => void>();
    const listener = (): void => {
      waiting.delete(signal);
      for (const f of [...callbacks]) f();
      callbacks.clear();
    };
    w = { callbacks, listener };
    waiting.set(signal, w);
    signal.addEventListener('abort', listener, { once: true });
  }
  // A Set holds a function once: a wrapper makes each registration its own.
  const entry = (): void => callback();
  w.callbacks.add(entry);
  const mine = w;
  return () => {
    if (!mine.callbacks.delete(entry) || mine.callbacks.size !== 0 || waiting.get(signal) !== mine) return;
    // The last one: the signal's listener goes too, so a signal that outlives
    // its calls holds nothing of theirs.
    waiting.delete(signal);
    signal.removeEventListener('abort', mine.listener);
  };
}
