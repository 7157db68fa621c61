/**
 * Writing a caller's values as JSON text. `JSON.stringify` refuses a BigInt
 * or a cycle with a `TypeError`; catching that would also catch a
 * `TypeError` thrown by the caller's own `toJSON` or getter (which must pass
 * through unchanged) and any bug of ours. So nothing is caught: a replacer
 * meets each value after its `toJSON` and refuses a BigInt, or an object
 * inside itself, before `JSON.stringify` does. (The input was walked for
 * cycles already, but a getter may answer with a circular value on the
 * second read that writing it makes.)
 */
import type { ContestedError } from '../errors/index.js';

/** What {@link jsonText} throws for a value JSON cannot hold, given the key it is held under. */
export interface JsonRefusals {
  bigint: (key: string, big: bigint) => ContestedError;
  circular: (key: string) => ContestedError;
}

/** `JSON.stringify(value, null, indent)`, except that a BigInt or a cycle throws the caller's ContestedError. */
export function jsonText(value: unknown, indent: number | undefined, refuse: JsonRefusals): string {
  // The objects being written, outermost first: `this` in the replacer is the one holding `member`, so every
  // object opened after it is finished.
  const open: unknown[] = [];
  return JSON.stringify(value, function (this: unknown, key: string, member: unknown) {
    while (open.length > 0 && open[open.length - 1] !== this) open.pop();
    if (typeof member === 'bigint') throw refuse.bigint(key, member);
    if (member !== null && typeof member === 'object') {
      if (open.includes(member)) throw refuse.circular(key);
      open.push(member);
    }
    return member;
  }, indent);
}
