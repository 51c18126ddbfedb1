/**
 * The number tokens NumPy's text readers accept (`fromfile`/`fromstring`
 * with `sep`, `loadtxt`, the numbers inside `mgrid`'s slice strings), and
 * how a float token becomes its value. One home, so the readers agree.
 */

/** An integer token: digits with an optional sign. */
export const INT_TEXT = /^[+-]?\d+$/;

/** A float token: decimal or exponent form, `inf`/`infinity`, `nan` (any case, optional sign). */
export const FLOAT_TEXT = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)$/i;

/** The value of a token {@link FLOAT_TEXT} matched (JS spells infinity `Infinity`; `Number` reads `nan` as NaN). */
export function floatOfText(t: string): number {
  return Number(t.replace(/inf(inity)?$/i, 'Infinity'));
}
