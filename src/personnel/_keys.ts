/**
 * The matching keys of names stored in a dataset, for the lookups: a stored
 * name that is not a valid call sign (one that mixes scripts through
 * look-alike letters) has no key and so never matches.
 */
import { isContestedError } from '../errors/index.js';
import { callSignKeys } from './callSign.js';

/** The matching keys of a stored name; none when it is not a valid call sign. */
export function keysOrNone(name: string): string[] {
  try {
    return callSignKeys(name);
  } catch (error) {
    if (isContestedError(error)) return [];
    throw error;
  }
}
