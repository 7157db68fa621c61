/**
 * The weights `assessControl` gives claims and evidence, their defaults and
 * their checking. Kept apart from the assessment itself so the numbers can
 * be read, and overridden, in one place.
 */
import type { SourceReliability } from '../actors/schema.js';
import type { ClaimBasis } from '../claims/schema.js';
import { ContestedError, type ContestedIssue } from '../errors/index.js';
import { quote } from '../_lib/quote.js';

/**
 * How `assessControl` weighs what it is told. Every weight is a number from
 * 0 to 1 that multiplies into an item's weight; see {@link DEFAULT_WEIGHTS}.
 *
 * @category Evidence
 */
export interface AssessmentWeights {
  /** By a claim's basis: an `assessed` claim counts for more than a bare `claimed` one, and an importer's `inferred` ground for less. */
  basis: Record<ClaimBasis, number>;
  /** By the Admiralty source reliability of the claimant or the evidence's source (`F` also for none given). */
  reliability: Record<SourceReliability, number>;
  /** By Admiralty information credibility, keys `'1'`–`'6'` (`'6'` also for none given). */
  credibility: Record<'1' | '2' | '3' | '4' | '5' | '6', number>;
  /** What a piece of evidence counts for against a statement with the same reliability and credibility (an `assessed` claim counts 1). */
  evidence: number;
  /** Days after which an item's weight has halved, counted from the end of its time span to `asOf`. */
  halfLifeDays: number;
  /**
   * How many times the best-supported state's score must exceed the
   * runner-up's for it to win; below that the ground is `contested`. At
   * least 1.
   */
  dominance: number;
}

/**
 * The default weights.
 *
 * - `basis`: assessed 1, claimed 0.5 — ISW's separation: an unverified
 *   claim counts half; inferred 0.25 — ground the source did not draw but
 *   an importer concluded from its silence (DeepState's Ukrainian-held
 *   ground) counts half a bare claim: the source never said it, and its
 *   silence may be a gap in its drawing.
 * - `reliability`: A 1, B 0.9, C 0.75, D 0.5, E 0.25, F 0.6 — F ("cannot be
 *   judged") sits between C and D: unknown, not known to be bad.
 * - `credibility`: STIX 2.1's Admiralty mapping, as fractions: 1 → 0.9,
 *   2 → 0.7, 3 → 0.5, 4 → 0.3, 5 → 0.1; 6 ("truth cannot be judged"), which
 *   STIX leaves unmapped, → 0.5, the middle of the scale.
 * - `evidence` 1: an observation counts as much as an assessed statement of
 *   the same reliability and credibility.
 * - `halfLifeDays` 30: a front line a month old is worth half as much.
 * - `dominance` 1.5: to win, a state needs half as much support again as the
 *   runner-up; an assessed claim against a bare one of equal standing (2×)
 *   wins, two equal claims (1×) leave the ground contested.
 *
 * So a single recent `assessed` claim by an `A` source has exactly the STIX
 * confidence of its credibility (credibility 2 → 70).
 *
 * @example
 * ```ts
 * DEFAULT_WEIGHTS.halfLifeDays;
 * //=> 30
 * DEFAULT_WEIGHTS.reliability.F;
 * //=> 0.6
 * ```
 *
 * @category Evidence
 */
export const DEFAULT_WEIGHTS: AssessmentWeights = {
  basis: { assessed: 1, claimed: 0.5, inferred: 0.25 },
  reliability: { A: 1, B: 0.9, C: 0.75, D: 0.5, E: 0.25, F: 0.6 },
  credibility: { '1': 0.9, '2': 0.7, '3': 0.5, '4': 0.3, '5': 0.1, '6': 0.5 },
  evidence: 1,
  halfLifeDays: 30,
  dominance: 1.5,
};

/**
 * Overrides for some of the {@link AssessmentWeights}: any key, at any depth.
 *
 * @category Evidence
 */
export type WeightOverrides = {
  [K in keyof AssessmentWeights]?: AssessmentWeights[K] extends number ? number : Partial<AssessmentWeights[K]>;
};

/** Merges overrides into the defaults and checks every number. */
export function resolveWeights(overrides: WeightOverrides = {}): AssessmentWeights {
  const w: AssessmentWeights = {
    basis: { ...DEFAULT_WEIGHTS.basis, ...overrides.basis },
    reliability: { ...DEFAULT_WEIGHTS.reliability, ...overrides.reliability },
    credibility: { ...DEFAULT_WEIGHTS.credibility, ...overrides.credibility },
    evidence: overrides.evidence ?? DEFAULT_WEIGHTS.evidence,
    halfLifeDays: overrides.halfLifeDays ?? DEFAULT_WEIGHTS.halfLifeDays,
    dominance: overrides.dominance ?? DEFAULT_WEIGHTS.dominance,
  };
  const issues: ContestedIssue[] = [];
  const unit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 1) {
      issues.push({ code: 'invalid-value', path: ['weights', ...path], message: `a weight is a number from 0 to 1; got ${quote(value)}` });
    }
  };
  for (const group of ['basis', 'reliability', 'credibility'] as const) {
    for (const [key, value] of Object.entries(w[group])) unit(value, [group, key]);
  }
  unit(w.evidence, ['evidence']);
  if (!Number.isFinite(w.halfLifeDays) || w.halfLifeDays <= 0) {
    issues.push({ code: 'invalid-value', path: ['weights', 'halfLifeDays'], message: `halfLifeDays is a number of days above 0; got ${quote(w.halfLifeDays)}` });
  }
  if (!Number.isFinite(w.dominance) || w.dominance < 1) {
    issues.push({ code: 'invalid-value', path: ['weights', 'dominance'], message: `dominance is a ratio of 1 or more; got ${quote(w.dominance)}` });
  }
  if (issues.length > 0) throw new ContestedError('invalid-input', issues);
  return w;
}
