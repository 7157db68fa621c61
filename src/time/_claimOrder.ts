/**
 * The one ordering of overlapping claims, shared by every function that
 * resolves claims into a map (`controlMap`, and through it `diffClaims`,
 * `compareClaimants`, `controlChange`, `assessControl`, `controlAsOf`).
 * Where claims overlap, the first in this order decides the ground:
 *
 * 1. the claim about the later time: the later END of the `validAt` (else
 *    `statedAt`) span, so a monthly summary for August outranks a daily
 *    snapshot of 15 August, and ties with one of 31 August;
 * 2. then the later statement: the later end, then the later start, of
 *    `statedAt`;
 * 3. then the more specific, smaller area, measured on the claim's whole
 *    area before any `within` clipping (so a frame never changes which
 *    claim wins), as `areaKm2` measures it: an inline geometry or a place's
 *    geometry as given, an expression by the ground it resolves to; it is
 *    measured only when the times tie;
 * 4. then the claim id, so the result never depends on input order.
 */
import type { Claim } from '../claims/schema.js';
import type { ResolvedTime } from './timeRef.js';

/** What the ordering reads of a claim, in epoch ms and km². */
export interface ClaimRank {
  id: string;
  validEnd: number;
  statedEnd: number;
  statedStart: number;
  /**
   * The whole claimed area, km², before any clipping: measured when a tie
   * in time first needs it (and remembered by the caller), since a
   * country-wide area costs a pass over all of it.
   */
  km2: () => number;
}

/** The rank of a claim from its resolved times and unclipped area. */
export function claimRank(claim: Pick<Claim, 'id'>, valid: ResolvedTime, stated: ResolvedTime, km2: () => number): ClaimRank {
  return { id: claim.id, validEnd: valid.end.getTime(), statedEnd: stated.end.getTime(), statedStart: stated.start.getTime(), km2 };
}

/** Negative when `a` outranks `b`: sort ascending to put the deciding claim first. */
export function byClaimPriority(a: ClaimRank, b: ClaimRank): number {
  return (
    b.validEnd - a.validEnd ||
    b.statedEnd - a.statedEnd ||
    b.statedStart - a.statedStart ||
    a.km2() - b.km2() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
