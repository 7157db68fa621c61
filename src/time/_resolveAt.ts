/**
 * `resolveTime` for a time found inside a larger input (`[3, 'statedAt']`
 * for the fourth claim's), so that an invalid time is reported where it is.
 */
import { ContestedError, isContestedError, type IssuePath } from '../errors/index.js';
import { resolveTime, type ResolvedTime, type TimeRef } from './timeRef.js';

export function resolveTimeAt(ref: TimeRef, path: IssuePath): ResolvedTime {
  try {
    return resolveTime(ref);
  } catch (error) {
    if (isContestedError(error)) throw new ContestedError(error.code, error.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] })));
    throw error;
  }
}
