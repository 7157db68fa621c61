/**
 * Writing a caller's values as JSON text. `JSON.stringify` refuses a BigInt
 * with a `TypeError`; catching that would also catch a `TypeError` thrown
 * by the caller's own `toJSON` or getter (which must pass through
 * unchanged) and any bug of ours. So nothing is caught: a replacer meets
 * each value after its `toJSON` and refuses a BigInt itself.
 */
import type { ContestedError } from '../errors/index.js';

/**
 * `JSON.stringify(value, null, indent)`, except that a BigInt anywhere in
 * `value` throws `refuse(key, bigint)` (the key it is held under).
 */
export function jsonText(value: unknown, indent: number | undefined, refuse: (key: string, big: bigint) => ContestedError): string {
  return JSON.stringify(value, (key: string, member: unknown) => {
    if (typeof member === 'bigint') throw refuse(key, member);
    return member;
  }, indent);
}
