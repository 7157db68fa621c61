/**
 * The `ContestedError` a call throws, for tests that then read its code,
 * issues and paths. Anything else it throws is re-thrown, so a crash is
 * never mistaken for a refusal; a call that returns fails the test.
 */
import { isContestedError, type ContestedError } from '../src/errors/index.js';

export function thrown(run: () => unknown): ContestedError {
  try {
    run();
  } catch (error) {
    if (isContestedError(error)) return error;
    throw error;
  }
  throw new Error('expected a ContestedError');
}
