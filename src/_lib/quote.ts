/**
 * Quoting the caller's values in messages. A message shows a short excerpt
 * of the offending value — never all of it (an error must not grow with
 * its input) — and never fails, whatever the value is: a BigInt, a Symbol,
 * an object without a prototype, a circular one.
 */

/** The longest excerpt of a string quoted in a message, in characters. */
const MAX_QUOTE = 60;

/** A string quoted with JSON escapes, cut to an excerpt when long; any other value described in a few words. */
export function quote(value: unknown, max = MAX_QUOTE): string {
  if (typeof value === 'string') {
    if (value.length <= max) return JSON.stringify(value);
    return `${JSON.stringify(value.slice(0, max))}… (${value.length.toLocaleString('en-US')} characters)`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  if (typeof value === 'bigint') return `${value.toString().slice(0, max)}n`;
  if (typeof value === 'symbol') return 'a Symbol';
  if (Array.isArray(value)) return `an array of ${value.length.toLocaleString('en-US')}`;
  return typeof value === 'function' ? 'a function' : 'an object';
}

/** A short plain word (letters, digits, `-`, `_`, `.`) shown as it is, for kinds and ids in running text; anything else as {@link quote} shows it. */
export function word(value: unknown): string {
  return typeof value === 'string' && /^[\p{L}\p{N}_.-]{1,60}$/u.test(value) ? value : quote(value);
}
