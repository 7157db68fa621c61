/**
 * When two parties say the same of a piece of ground. Every overlay labels
 * its pieces with states and compares them by these rules, so they live
 * with the overlay core, below the domain modules that use them.
 *
 * @module
 */
import type { ControlState } from './types.js';

/** Two states say the same thing: same status, and the same side where a side matters. */
export function sameState(a: ControlState, b: ControlState): boolean {
  if (a.status !== b.status) return false;
  if (a.status === 'contested') return true;
  return a.side === b.side;
}

/**
 * The class of ground {@link sameState} compares: two states with the same
 * class say the same thing.
 */
export function stateClass(state: ControlState): string {
  return state.status === 'contested' ? 'contested' : `${state.status}\u0000${state.side ?? ''}`;
}
