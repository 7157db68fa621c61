/**
 * How two statements of control about the same ground relate: the same
 * thing, two things that can both be true (a denial and whatever does not
 * contradict it), two different things about the same side, or opposed.
 * The diff labels, the N-way consensus and the evidence scoring all ask this
 * one question, so the table on `ControlStatus` is implemented once, here,
 * and not inside any overlay loop.
 */
import { sameState } from '../overlay/state.js';
import type { ControlState } from './types.js';

/**
 * - `same`: the two say the same (see `sameState`);
 * - `consistent`: different, and both can be true — a denial of X against
 *   anything but X's control;
 * - `conflict`: opposed — control by different sides, or a denial of X
 *   against X's control;
 * - `differs`: different, neither consistent nor opposed (controlled against
 *   contested, advancing against controlled).
 */
export type StateRelation = 'same' | 'consistent' | 'conflict' | 'differs';

/** How `a` and `b` relate; symmetric. */
export function relationOf(a: ControlState, b: ControlState): StateRelation {
  if (sameState(a, b)) return 'same';
  if (a.status === 'not-controlled' || b.status === 'not-controlled') {
    const [denial, other] = a.status === 'not-controlled' ? [a, b] : [b, a];
    return other.status === 'controlled' && other.side === denial.side ? 'conflict' : 'consistent';
  }
  if (a.status === 'controlled' && b.status === 'controlled') return 'conflict';
  return 'differs';
}

/**
 * What several statements about one piece of ground add up to: `same` when
 * all say the same, `consistent` when every pair is the same or consistent,
 * `conflict` when some pair is opposed, else `differs`. An empty or
 * one-statement list is `same`.
 */
export function agreementOf(states: readonly ControlState[]): StateRelation {
  let worst: StateRelation = 'same';
  const rank: Record<StateRelation, number> = { same: 0, consistent: 1, differs: 2, conflict: 3 };
  for (let i = 0; i < states.length; i++) {
    for (let j = i + 1; j < states.length; j++) {
      const r = relationOf(states[i]!, states[j]!);
      if (rank[r] > rank[worst]) worst = r;
    }
  }
  return worst;
}
