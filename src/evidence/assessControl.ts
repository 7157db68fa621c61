/**
 * An assessed control map: every claimant's claims laid over each other, and
 * each piece of ground given the state the claims and the evidence best
 * support — with how confident that is, and who and what supports and
 * disputes it. Where credible parties disagree and nothing decides, the
 * ground is `contested`: the assessment never guesses.
 *
 * @module
 */
import { engineRooted } from '../_lib/reroot.js';
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import type * as z from 'zod';
import { ClaimBasis, ControlStatus, type Claim } from '../claims/schema.js';
import { InformationCredibility, SourceReliability } from '../actors/schema.js';
import { ContestedError, type ContestedIssue, type IssuePath } from '../errors/index.js';
import { fromZodIssues } from '../_lib/zodIssues.js';
import type { AreaLike, ControlState, SimpleStyle } from '../control/types.js';
import type { Dataset } from '../dataset/schema.js';
import { compareClaimants } from '../diff/compareClaimants.js';
import { contains } from '../geometry/contains.js';
import { labelStyle, stateStyle } from '../style/palette.js';
import { resolveArea } from '../places/resolveArea.js';
import { resolveTime, type TimeRef } from '../time/timeRef.js';
import { appliesAt, knownAt, timeWindow } from '../time/_validAt.js';
import { score, type Candidate, type Voice } from './_score.js';
import { resolveWeights, type AssessmentWeights, type WeightOverrides } from './_weights.js';
import { setOwn } from '../_lib/records.js';
import { relationOf } from '../control/_relation.js';
import { datasetArg, objectArg } from '../_lib/args.js';


export { DEFAULT_WEIGHTS, type AssessmentWeights, type WeightOverrides } from './_weights.js';

/**
 * Options of {@link assessControl}.
 *
 * @category Evidence
 */
export interface AssessOptions {
  /**
   * The time assessed: a claim applies once the time it is about has ended
   * by then (as `controlMap` reads `asOf`), and evidence once its capture
   * time has.
   */
  asOf: TimeRef | Date;
  /**
   * The time the assessment is told from: only claims stated, and evidence
   * published (else captured), by then count. Defaults to `asOf`, so that
   * a summary published later cannot decide the ground; a later `knownAt`
   * opts in to hindsight.
   */
  knownAt?: TimeRef | Date;
  /** Assess only inside this area; the map then partitions it, ground nobody claims included. */
  within?: AreaLike;
  /** Overrides for {@link DEFAULT_WEIGHTS}. */
  weights?: WeightOverrides;
}

/**
 * The status of an assessed region: a control status, or `unclaimed` for
 * ground inside `within` that no claim covers.
 *
 * @category Evidence
 */
export type AssessedStatus = ControlState['status'] | 'unclaimed';

/**
 * How a region's status was reached — the words say who won:
 * - `uncontested`: one claimant alone speaks here, and the evidence does
 *   not outweigh it (a single claim is not an agreement);
 * - `agreed`: two or more claimants speak, and all say the same or things
 *   that can all be true (a denial of RU's control beside UA's control: the
 *   best-supported of them is the status);
 * - `upheld`: they disagree, and the status outweighs every rival by the
 *   `dominance` ratio (states consistent with it — see the table on
 *   `ControlStatus` — are not rivals); the rivals' candidates are
 *   `overruled`;
 * - `same-side`: they put the same side forward with different statuses
 *   (UA holds it; UA advances there) and neither outweighs the other: the
 *   ground is that side's, with the status that scores higher (on a tie,
 *   `advancing`, the lesser claim) — never `contested`;
 * - `undecided`: they disagree, different sides or a contested status are
 *   put forward, and nothing decides: `contested`;
 * - `refuted`: evidence outweighs every state put forward: `contested`;
 * - `unclaimed`: nobody speaks here.
 *
 * @category Evidence
 */
export type AssessmentVerdict = 'uncontested' | 'agreed' | 'same-side' | 'upheld' | 'undecided' | 'refuted' | 'unclaimed';

/**
 * What became of one state put forward for a region:
 * - `upheld`: it is the region's status;
 * - `consistent`: a denial consistent with the upheld status, lending it
 *   its weight ("RU does not hold it" beside "UA holds it");
 * - `overruled`: another status was upheld over it;
 * - `undecided` / `refuted`: nothing won (the region is `contested`, see
 *   {@link AssessmentVerdict}).
 *
 * @category Evidence
 */
export type CandidateOutcome = 'upheld' | 'consistent' | 'overruled' | 'undecided' | 'refuted';

/**
 * One state put forward for a region, with its weighing.
 *
 * @category Evidence
 */
export interface AssessedCandidate extends ControlState {
  /** What became of it: `upheld`, `consistent`, `overruled`, `undecided` or `refuted`. */
  outcome: CandidateOutcome;
  /** The claimants who say this. */
  claimants: string[];
  /** Their claims. */
  claims: string[];
  /** Denials consistent with this state (claim ids) that lend it their weight: "RU does not hold it" for "UA holds it". */
  lentBy: string[];
  /** Evidence located here that supports this state. */
  supportingEvidence: string[];
  /** Evidence located here that contradicts it. */
  disputingEvidence: string[];
  /** The sum of the claims' weights and the supporting evidence's, less the contradicting evidence's (never below 0). */
  score: number;
  /** 0–100: how well this state is supported, after what speaks against it. */
  confidence: number;
}

/**
 * Properties of one region of an assessed control map.
 *
 * @category Evidence
 */
export interface AssessedRegionProperties extends SimpleStyle {
  /** The assessed status. */
  status: AssessedStatus;
  /** The side that controls or advances. */
  side?: string;
  /** The sides fighting over contested ground, when two or more are known. */
  sides?: string[];
  /** How the status was reached. */
  verdict: AssessmentVerdict;
  /** 0–100: confidence in the status (0 for unclaimed ground). */
  confidence: number;
  /** Claims that say what the region's status says (and denials consistent with it). */
  supportingClaims: string[];
  /** Claims that say otherwise: where a status won, the claims it overruled. */
  disputingClaims: string[];
  /** Evidence located here that supports the status. */
  supportingEvidence: string[];
  /** Evidence located here that contradicts it, or supports another state. */
  disputingEvidence: string[];
  /** Every state put forward here, best score first. */
  candidates: AssessedCandidate[];
  /** Area, km². */
  km2: number;
}

/**
 * An assessed control map: a FeatureCollection of non-overlapping regions,
 * with the time assessed, the weights used and the km² of overlay slivers
 * left out (GeoJSON foreign members).
 *
 * @category Evidence
 */
export interface AssessedControlMap extends FeatureCollection<MultiPolygon, AssessedRegionProperties> {
  /** The time assessed, as given (a Date as an ISO string). */
  asOf: TimeRef;
  /** The weights used. */
  weights: AssessmentWeights;
  /** km² of slivers narrower than about 1 cm left out of the overlay. */
  sliversKm2: number;
  /**
   * km² of slivers (narrower than about 1 cm) that `controlMap` left out of
   * the claimants' maps (`compareClaimants`' `summary.claimSliversKm2`):
   * ground that claimant's map has no region for, so that claimant is
   * silent there in this assessment.
   */
  claimSliversKm2: number;
}

const DAY = 86_400_000;

/**
 * Assesses who controls what as of a time, weighing every claimant's claims
 * and the evidence.
 *
 * The ground is the N-way overlay of every claimant's control map as of
 * `asOf` (each claimant's latest word on each piece, as `controlMap` rules).
 * On each piece, the claimants' statements are grouped by what they say,
 * and each state is scored:
 * - a claimant's voice weighs `basis × reliability × credibility × recency`
 *   (its best claim here; the claimant actor's Admiralty reliability, the
 *   claim's credibility, and `0.5^(age / halfLifeDays)` with the age from
 *   the end of the claim's time to `asOf`);
 * - evidence located on the piece (a point inside it, or an area wholly
 *   inside it), whose capture time has ended by `asOf` and that was
 *   published (else captured) by `knownAt`, weighs
 *   `evidence × reliability × credibility × recency` of its source and
 *   itself, and counts for or against each state by the rules of
 *   `findContradictions` / `findSupport`;
 * - score = voices + supporting evidence − contradicting evidence (≥ 0).
 *
 * The best score wins when it is at least `dominance` times the runner-up's
 * (`upheld`; `agreed` when nobody disagrees, `uncontested` when only one
 * claimant speaks) — counting, in that comparison, only evidence that bears
 * differently on the two, since evidence consistent with both cannot decide
 * between them. Where the rivals put the same side forward with another
 * status (controlled vs advancing by UA), the ground is that side's with the
 * higher-scoring status (`same-side`; a tie goes to `advancing`); otherwise
 * the ground is `contested` (`undecided`), and when evidence outweighs every
 * state put forward it is `contested` too (`refuted`). No state is ever made
 * up that no claimant put forward. Each candidate says what became of it
 * (`outcome`: `upheld`, `consistent`, `overruled`, `undecided`, `refuted`).
 *
 * Confidence (0–100) of a state is `100 × strength × survival`: strength is
 * `1 − Π(1 − w)` over its voices and supporting evidence (independent
 * sources: more support never lowers it), survival `Π(1 − w)` over the
 * evidence against it and the voices of rival states. A lone recent
 * `assessed` claim from an `A` source has the STIX 2.1 confidence of its
 * credibility (1 → 90, 2 → 70, 3 → 50, 4 → 30, 5 → 10; 6 → 50). An
 * `undecided` region's confidence is the strength of the weaker of the two
 * leading states (the dispute is as credible as its weaker party), and a
 * `contested` state that wins is never less sure than that dispute would
 * have been (deciding for "contested" cannot make the ground less likely
 * fought over than failing to decide); a `refuted` one's is the strength of the evidence against; a `same-side`
 * one's is its status's, which the other status's voices lower (the side
 * is agreed, the status less so).
 *
 * @param dataset - claims, evidence, actors and places
 * @param options - `asOf` (required), `knownAt` (default `asOf`), `within`,
 *   `weights` (see {@link DEFAULT_WEIGHTS})
 * @returns the assessed map; with `within`, its regions partition `within`
 *   (unclaimed ground included, slivers counted in `sliversKm2`); with no
 *   claims and no `within`, no features
 * @throws {@link ContestedError} `invalid-input` for a weight out of range,
 *   an invalid time (an Invalid Date as `asOf` included), or — in data that
 *   did not come through `parseDataset` — a status, basis, credibility or
 *   reliability that does not exist, or `shows` that is not a list;
 *   `not-found` when a claimant is not an actor or an area
 *   names an unknown place
 * @category Evidence
 *
 * @example
 * ```ts
 * assessControl(dataset, { asOf: '2025-W49', within: 'pokrovsk' }).features.map((f) => [f.properties.status, f.properties.side, f.properties.confidence]);
 * //=> [['controlled', 'UA', 60], ['advancing', 'RU', 69]]
 * ```
 */
export function assessControl(dataset: Pick<Dataset, 'claims' | 'evidence' | 'actors' | 'places' | 'sides'>, options: AssessOptions): AssessedControlMap {
  datasetArg(dataset, ['claims', 'evidence', 'actors', 'places', 'sides']);
  objectArg(options, ['options'], 'options { asOf }');
  // One read of each option: a getter answering differently on a later read cannot pass a check and fail after it.
  options = { ...options };
  const weights = resolveWeights(options.weights);
  checkWeighedFields(dataset);
  if (options.asOf instanceof Date && Number.isNaN(options.asOf.getTime())) {
    throw new ContestedError('invalid-input', [{ code: 'invalid-time', path: ['options', 'asOf'], message: 'asOf is an Invalid Date (new Date(NaN)): pass a real date or an ISO 8601 string' }]);
  }
  const when = options.asOf instanceof Date ? { start: options.asOf.getTime(), end: options.asOf.getTime() } : spanOf(options.asOf);
  const recency = (time: TimeRef): number => 0.5 ** (Math.max(0, when.start - spanOf(time).end) / DAY / weights.halfLifeDays);
  const reliability = new Map((dataset.actors ?? []).map((a) => [a.id, weights.reliability[a.reliability ?? 'F']]));
  const credibility = (c: number | undefined): number => weights.credibility[String(c ?? 6) as keyof AssessmentWeights['credibility']];
  const colors: Record<string, string> = {};
  for (const side of dataset.sides ?? []) if (side.color !== undefined) setOwn(colors, side.id, side.color);

  const claims = new Map<string, Claim>();
  for (const c of dataset.claims ?? []) if (!claims.has(c.id)) claims.set(c.id, c);
  const claimWeight = (c: Claim): number =>
    weights.basis[c.basis] * (reliability.get(c.claimant) ?? weights.reliability.F) * credibility(c.credibility) * recency(c.validAt ?? c.statedAt);

  const window = timeWindow(options);
  const evidence = (dataset.evidence ?? [])
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => appliesAt(resolveTime(e.capturedAt), window) && knownAt(resolveTime(e.publishedAt ?? e.capturedAt), window))
    .map(({ e, i }) => {
      const area = e.area;
      return {
        evidence: e,
        weight: weights.evidence * (e.source === undefined ? weights.reliability.F : (reliability.get(e.source) ?? weights.reliability.F)) * credibility(e.credibility) * recency(e.capturedAt),
        at: e.position?.coordinates ?? (area === undefined ? undefined : engineRooted(['dataset', 'evidence', i, 'area'], () => resolveArea(dataset, area))),
      };
    });

  const claimants = [...new Set((dataset.claims ?? []).map((c) => c.claimant))];
  const compareOptions: Parameters<typeof compareClaimants>[2] = { asOf: options.asOf };
  if (options.knownAt !== undefined) compareOptions.knownAt = options.knownAt;
  if (options.within !== undefined) compareOptions.within = options.within;
  const overlay = compareClaimants(dataset, claimants, compareOptions);

  const features = overlay.regions.features.map((piece): Feature<MultiPolygon, AssessedRegionProperties> => {
    const voices: Voice[] = [];
    for (const claimant of claimants) {
      const view = piece.properties.says[claimant];
      if (view === null || view === undefined) continue;
      const state: ControlState = { status: view.status };
      if (view.side !== undefined) state.side = view.side;
      if (view.sides !== undefined) state.sides = view.sides;
      const weight = Math.max(0, ...view.claims.map((id) => { const c = claims.get(id); return c === undefined ? 0 : claimWeight(c); }));
      voices.push({ claimant, state, claims: [...view.claims], weight });
    }
    const here = evidence.filter((e) => e.at !== undefined && contains(piece.geometry, e.at));
    const scored = score(voices, here, weights.dominance);
    return regionFeature(piece.geometry, piece.properties.km2, scored, colors);
  });
  return {
    type: 'FeatureCollection',
    features,
    asOf: options.asOf instanceof Date ? options.asOf.toISOString() : options.asOf,
    weights,
    sliversKm2: overlay.summary.sliversKm2,
    claimSliversKm2: overlay.summary.claimSliversKm2,
  };
}

/**
 * The fields the weighing reads by name, checked on data that did not come
 * through `parseDataset`: an odd enum value (status `'taken'`, reliability
 * `'Z'`) would otherwise weigh as NaN or fail deep inside.
 */
function checkWeighedFields(dataset: Pick<Dataset, 'claims' | 'evidence' | 'actors'>): void {
  const issues: ContestedIssue[] = [];
  const check = (schema: z.ZodType, value: unknown, path: IssuePath, optional: boolean): void => {
    if (optional && value === undefined) return;
    const parsed = schema.safeParse(value);
    if (!parsed.success) issues.push(...fromZodIssues(parsed.error.issues, path));
  };
  (dataset.claims ?? []).forEach((c, i) => {
    check(ControlStatus, c.status, ['dataset', 'claims', i, 'status'], false);
    check(ClaimBasis, c.basis, ['dataset', 'claims', i, 'basis'], false);
    check(InformationCredibility, c.credibility, ['dataset', 'claims', i, 'credibility'], true);
  });
  (dataset.actors ?? []).forEach((a, i) => check(SourceReliability, a.reliability, ['dataset', 'actors', i, 'reliability'], true));
  (dataset.evidence ?? []).forEach((e, i) => {
    check(InformationCredibility, e.credibility, ['dataset', 'evidence', i, 'credibility'], true);
    if (!Array.isArray(e.shows)) issues.push({ code: 'invalid-type', path: ['dataset', 'evidence', i, 'shows'], message: 'expected a list of observations such as [{ kind: "presence", side: "UA" }]' });
  });
  if (issues.length > 0) throw new ContestedError('invalid-input', issues);
}

function spanOf(time: TimeRef): { start: number; end: number } {
  const r = resolveTime(time);
  return { start: r.start.getTime(), end: r.end.getTime() };
}

function regionFeature(
  geometry: MultiPolygon,
  km2: number,
  scored: ReturnType<typeof score>,
  colors: Readonly<Record<string, string>>,
): Feature<MultiPolygon, AssessedRegionProperties> {
  const ranked = [...scored.candidates].sort((a, b) => b.score - a.score);
  const candidates = ranked.map((c) => candidateOf(c, outcomeOf(c, scored)));
  const winner = scored.winner === undefined ? undefined : candidates[ranked.indexOf(scored.winner)];
  const supportingClaims = winner !== undefined ? [...winner.claims, ...winner.lentBy] : candidates.filter((c) => c.status === 'contested').flatMap((c) => c.claims);
  const disputingClaims = candidates.flatMap((c) => c.claims).filter((id) => !supportingClaims.includes(id));
  const supportingEvidence = winner !== undefined ? winner.supportingEvidence : unique(candidates.flatMap((c) => (c.status === 'contested' ? c.supportingEvidence : c.disputingEvidence)));
  const disputingEvidence = unique(
    winner !== undefined
      ? [...winner.disputingEvidence, ...candidates.filter((c) => c !== winner).flatMap((c) => c.supportingEvidence)]
      : candidates.filter((c) => c.status !== 'contested').flatMap((c) => c.supportingEvidence),
  ).filter((id) => !supportingEvidence.includes(id));
  const description = `${scored.verdict}; confidence ${scored.confidence}; claims: ${supportingClaims.join(', ') || '—'}; disputed by: ${disputingClaims.join(', ') || '—'}`;
  const style = scored.state === null ? labelStyle('unclaimed', description) : stateStyle(scored.state, description, colors);
  const properties: AssessedRegionProperties = {
    status: scored.state?.status ?? 'unclaimed',
    verdict: scored.verdict,
    confidence: scored.confidence,
    supportingClaims,
    disputingClaims,
    supportingEvidence,
    disputingEvidence,
    candidates,
    km2,
    ...style,
  };
  if (scored.state?.side !== undefined) properties.side = scored.state.side;
  if (scored.state?.sides !== undefined) properties.sides = scored.state.sides;
  return { type: 'Feature', geometry, properties };
}

function outcomeOf(c: Candidate, scored: ReturnType<typeof score>): CandidateOutcome {
  if (scored.verdict === 'undecided' || scored.verdict === 'refuted') return scored.verdict;
  if (c === scored.winner) return 'upheld';
  return scored.winner !== undefined && c.state.status === 'not-controlled' && relationOf(c.state, scored.winner.state) === 'consistent' ? 'consistent' : 'overruled';
}

function candidateOf(c: Candidate, outcome: CandidateOutcome): AssessedCandidate {
  const out: AssessedCandidate = {
    status: c.state.status,
    outcome,
    claimants: c.claimants,
    claims: c.claims,
    lentBy: c.lentBy,
    supportingEvidence: c.supporting.map((s) => s.id),
    disputingEvidence: c.contradicting.map((s) => s.id),
    score: c.score,
    confidence: c.confidence,
  };
  if (c.state.side !== undefined) out.side = c.state.side;
  if (c.state.sides !== undefined) out.sides = c.state.sides;
  return out;
}

const unique = (ids: readonly string[]): string[] => [...new Set(ids)];
