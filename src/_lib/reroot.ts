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

/**
 * Runs `work`, which runs the clipping engine on input at `path` (a claim's
 * area, or a whole list when one run mixes several claims); a
 * `geometry-engine` error it throws comes out with `path` before every
 * issue's path, `what()` (the claim, or the claims the run mixed: `claims
 * "a", "b" and 3 more`) named in its message, and the engine's error as its
 * `cause`, so the user is pointed at the input that failed. Every other
 * error goes on unchanged: those already carry their path.
 */
export function engineRooted<T>(path: IssuePath, work: () => T, what?: () => string): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ContestedError && error.code === 'geometry-engine') throw engineErrorAt(error, path, what?.());
    throw error;
  }
}

/**
 * A `geometry-engine` error rooted at `path`, naming `on` (the claim or
 * claims the run mixed) in its message, with the engine's own error as its
 * `cause`: what {@link engineRooted} throws, for callers that catch the
 * error themselves.
 */
export function engineErrorAt(error: ContestedError, path: IssuePath, on?: string): ContestedError {
  const named = on === undefined ? '' : ` (on ${on})`;
  return new ContestedError(
    error.code,
    error.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path], message: `${issue.message}${named}` })),
    undefined,
    // Rooted twice (a claim's path, then the argument's name): the cause stays the engine's own error.
    { cause: error.cause ?? error },
  );
}

/** `ids` quoted for a message: the first `shown` of them and how many more. */
export function idList(ids: readonly string[], shown = 8): string {
  const quoted = ids.slice(0, shown).map((id) => JSON.stringify(id));
  return ids.length > shown ? `${quoted.join(', ')} and ${ids.length - shown} more` : quoted.join(', ');
}
