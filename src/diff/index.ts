/**
 * Claim diffs: pairwise (`diffClaims`) and N-way (`compareClaimants`).
 *
 * @module
 */
export {
  diffClaims,
  DIFF_LABELS,
  type ClaimDiff,
  type DiffLabel,
  type DiffOptions,
  type DiffRegionProperties,
  type LabelTotal,
  type PartyTotals,
  type PartyView,
} from './diffClaims.js';
export { compareClaimants, type ClaimantComparison, type CompareOptions, type ComparisonRegionProperties } from './compareClaimants.js';
export type { ComparisonAgreement } from './_consensus.js';
