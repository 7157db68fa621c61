/**
 * Evidence and what it says about claims: the evidence schema, the
 * contradictions and support it gives claims, the assessed control map that
 * weighs claims against each other and the evidence, and schema.org
 * `ClaimReview` output for fact-checkers. See `docs/evidence.md`.
 *
 * @module
 */
export * from './schema.js';
export {
  findContradictions,
  findSupport,
  type Contradiction,
  type ContradictionCode,
  type EvidenceFinding,
  type EvidenceOptions,
  type Support,
  type SupportCode,
} from './contradictions.js';
export {
  assessControl,
  DEFAULT_WEIGHTS,
  type AssessedCandidate,
  type AssessedControlMap,
  type AssessedRegionProperties,
  type AssessedStatus,
  type AssessmentVerdict,
  type CandidateOutcome,
  type AssessmentWeights,
  type AssessOptions,
  type WeightOverrides,
} from './assessControl.js';
export { ClaimReviewInput, ReviewVerdict, toClaimReview, type ClaimReviewJsonLd, type SchemaOrgAgent } from './claimReview.js';
