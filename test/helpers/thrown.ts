/** Runs `fn`, expects it to throw an instance of `cls`, and returns that error for the checks that follow. */
export function thrownBy<E extends Error>(fn: () => unknown, cls: abstract new (...args: never[]) => E): E {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(cls);
  return caught as E;
}
