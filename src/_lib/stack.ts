/**
 * The last line against recursion deeper than the stack: the limits refuse
 * deep input before recursive code sees it, but a caller may lift them
 * (`maxDepth: Infinity`), and some readers (zod's schemas) recurse. A stack
 * overflow inside `work` comes out as `limit-exceeded` instead of a
 * `RangeError`; every other error passes through unchanged.
 */
import { ContestedError, type IssuePath } from '../errors/index.js';

/** Whether `error` is the engine running out of stack (V8, SpiderMonkey and JavaScriptCore word it differently). */
export function isStackOverflow(error: unknown): boolean {
  if (!(error instanceof RangeError || (error instanceof Error && error.name === 'InternalError'))) return false;
  return /call stack|too much recursion|stack size/i.test(error.message);
}

/** Runs `work`; a stack overflow becomes `ContestedError('limit-exceeded')` at `path`. */
export function withinStack<T>(work: () => T, path: IssuePath = [], what = 'the input'): T {
  try {
    return work();
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    throw new ContestedError('limit-exceeded', [
      { code: 'too-deep', path, message: `${what} nests too deep to read without running out of stack: keep limits.maxDepth (and maxAreaDepth) at their defaults or lower` },
    ]);
  }
}
