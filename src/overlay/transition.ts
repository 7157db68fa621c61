/**
 * The transition table of a change of control, one piece of ground at a
 * time: who gains it, who loses it, and what else happened to the side that
 * held it. `controlChange` and `changeByRegion` both count by it, so the
 * two cannot drift apart. The table itself is documented on
 * `controlChange`.
 *
 * @module
 */
import type { ControlState } from './types.js';

/** What a change from `from` to `to` means for the sides. */
export interface Transition {
  /** The side that holds the ground after and did not before. */
  gainer: string | undefined;
  /** The side that held it before and lost it: another side or no claim (or a denial) holds it after. */
  loser: string | undefined;
  /** The side that held it before and now only fights over it (contested, or another side advancing) or advances there itself. */
  released: { side: string; to: 'contested' | 'advancing' } | undefined;
}

/** Reads one piece's change by the transition table. */
export function transitionOf(from: ControlState | null | undefined, to: ControlState | null | undefined): Transition {
  const heldBefore = from?.status === 'controlled' ? from.side : undefined;
  const heldAfter = to?.status === 'controlled' ? to.side : undefined;
  const gainer = heldAfter !== undefined && heldAfter !== heldBefore ? heldAfter : undefined;
  if (heldBefore === undefined || heldBefore === heldAfter) return { gainer, loser: undefined, released: undefined };
  if (to?.status === 'advancing' && to.side === heldBefore) return { gainer, loser: undefined, released: { side: heldBefore, to: 'advancing' } };
  if (to?.status === 'contested' || to?.status === 'advancing') return { gainer, loser: undefined, released: { side: heldBefore, to: 'contested' } };
  return { gainer, loser: heldBefore, released: undefined };
}
