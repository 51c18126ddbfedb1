// Hostile lists for the adversarial tests: an item whose read runs an action
// first (closing or releasing the array the call is working on).

/** A copy of `items` whose item `k` is a getter that runs `act` first. */
export function trappedList<T>(items: readonly T[], k: number, act: () => void): T[] {
  const a = items.slice();
  Object.defineProperty(a, k, {
    get() {
      act();
      return items[k];
    },
    enumerable: true,
  });
  return a;
}
