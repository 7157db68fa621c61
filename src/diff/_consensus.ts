/**
 * How the claimants who speak on one piece of ground add up: the label of
 * {@link compareClaimants}' regions. It reads only the states the speakers
 * put forward (never their order, nor the overlay that produced the piece),
 * so the overlay loop and the labelling can change apart.
 *
 * The rule, in order (the first that applies):
 *
 * | label | when |
 * | --- | --- |
 * | `silent` | nobody speaks |
 * | `agree` | all say the same (same status; same side where a side matters) |
 * | `disputed` | two put different sides forward (control or advance by different sides), or one says a side holds the ground and another denies it |
 * | `consistent` | they say different things that can all be true: denials beside what does not contradict them |
 * | `partial` | one says the ground is fought over (`contested`), another that the one side put forward holds it or advances into it |
 * | `agree-side` | all put the same side forward, with different statuses: controlled by X beside advancing by X (denials of another side may stand beside them) |
 *
 * `disputed` is therefore only ever said where different sides are put
 * forward, or where a side's control is denied by a speaker.
 */
import { agreementOf, relationOf } from '../control/_relation.js';
import type { ControlState } from '../control/types.js';

/**
 * How what the claimants say on a piece of ground adds up (see
 * `ComparisonRegionProperties.agreement`).
 *
 * @category Claims & diffs
 */
export type ComparisonAgreement = 'agree' | 'agree-side' | 'consistent' | 'partial' | 'disputed' | 'silent';

/** The label of a piece, the state all agree on (for `agree`), and the one side all who name a holder or an advancer put forward. */
export interface PieceLabel {
  agreement: ComparisonAgreement;
  /** For `agree`: the state all say (contested ground with the union of the sides any speaker names). */
  consensus: ControlState | null;
  /** For `agree`, `agree-side` and `consistent`: the one side put forward (controlled or advancing), when there is one. */
  side: string | null;
}

/** The side a state puts forward: the holder of `controlled`, the advancer of `advancing`; none otherwise. */
const forward = (state: ControlState): string | undefined => (state.status === 'controlled' || state.status === 'advancing' ? (state.side ?? '') : undefined);

/**
 * Labels a piece of ground from the states of the claimants who speak on it
 * (silent claimants left out). The answer depends on the states only as a
 * multiset: it is the same for every order of the claimants.
 */
export function labelPiece(states: readonly ControlState[]): PieceLabel {
  if (states.length === 0) return { agreement: 'silent', consensus: null, side: null };
  const sides = new Set<string>();
  for (const s of states) {
    const side = forward(s);
    if (side !== undefined) sides.add(side);
  }
  const only = sides.size === 1 ? [...sides][0]! : null;
  const side = only === '' ? null : only;
  const relation = agreementOf(states);
  if (relation === 'same') return { agreement: 'agree', consensus: consensusOf(states), side };
  if (relation === 'conflict' || sides.size > 1) return { agreement: 'disputed', consensus: null, side: null };
  if (relation === 'consistent') return { agreement: 'consistent', consensus: null, side };
  // Left: pairs that differ without opposing — controlled vs advancing by the
  // one side, or either of them vs contested.
  if (states.some((s) => s.status === 'contested')) return { agreement: 'partial', consensus: null, side: null };
  return { agreement: 'agree-side', consensus: null, side };
}

/**
 * The state everybody says, independent of who said it first: contested
 * ground carries the sorted union of the sides the speakers name (when two
 * or more are named); other states are the same in every speaker's mouth.
 */
function consensusOf(states: readonly ControlState[]): ControlState {
  const first = states[0]!;
  if (first.status !== 'contested') return { ...first };
  const sides = new Set<string>();
  for (const s of states) for (const side of s.sides ?? []) sides.add(side);
  return sides.size >= 2 ? { status: 'contested', sides: [...sides].sort() } : { status: 'contested' };
}

/** Whether two states put the same side forward (both controlled or advancing, by one side). */
export function sameSideForward(a: ControlState, b: ControlState): boolean {
  const x = forward(a);
  return x !== undefined && x === forward(b) && relationOf(a, b) !== 'conflict';
}
