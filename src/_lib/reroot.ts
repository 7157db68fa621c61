/**
 * Re-rooting errors: a ContestedError raised deep inside a call reports paths
 * relative to what that inner code was given; the caller knows where that
 * was in its own input (`['a', 3, 'area']` for the fourth claim of party A)
 * and prefixes it, so the user is pointed at the right place.
 */
import { ContestedError, type IssuePath } from '../errors/index.js';

/** `error` with `prefix` before every issue's path. */
export function reroot(error: ContestedError, prefix: IssuePath): ContestedError {
  if (prefix.length === 0) return error;
  return new ContestedError(error.code, error.issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] })));
}

/** Runs `work`; a ContestedError it throws comes out with `prefix` before every issue's path. */
export function rerooted<T>(prefix: IssuePath, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ContestedError && prefix.length > 0) {
      throw new ContestedError(error.code, error.issues.map((issue) => ({ ...issue, path: [...prefix, ...issue.path] })));
    }
    throw error;
  }
}
