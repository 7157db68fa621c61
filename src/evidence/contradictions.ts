/**
 * Claims weighed against evidence, one claim and one piece of evidence at a
 * time: which evidence contradicts which claim, and which supports it, with
 * how far inside the claimed ground the evidence lies and how far apart in
 * time the two are.
 *
 * @module
 */
import type { MultiPolygon } from 'geojson';
import type { Claim } from '../claims/schema.js';
import { stateOf } from '../control/controlMap.js';
import type { Dataset } from '../dataset/schema.js';
import { ContestedError } from '../errors/index.js';
import { resolveArea } from '../places/resolveArea.js';
import { compareTimes, timeGapMinutes } from '../time/compare.js';
import { resolveTimeAt } from '../time/_resolveAt.js';
import { knownAt, timeWindow } from '../time/_validAt.js';
import type { TimeRef } from '../time/timeRef.js';
import { bearings, placement, type ContradictionCode, type EvidenceLocation, type SupportCode } from './_rules.js';
import type { Evidence } from './schema.js';
import { datasetArg, optionsArg } from '../_lib/args.js';

export type { ContradictionCode, SupportCode } from './_rules.js';

/**
 * Options of {@link findContradictions} and {@link findSupport}.
 *
 * @category Evidence
 */
export interface EvidenceOptions {
  /**
   * Minutes by which evidence may fall before or after the time a claim is
   * about and still bear on it, beyond what the two precisions already
   * allow. Default 1440 (one day). `0` keeps only evidence whose time span
   * overlaps the claim's.
   */
  timeTolerance?: number;
  /**
   * The time the findings are told from: only claims stated (`statedAt`)
   * and evidence published (`publishedAt`, else `capturedAt`) by then
   * count — a claim is not "contradicted" by a video nobody had seen yet.
   * Without it, everything counts.
   */
  knownAt?: TimeRef | Date;
}

/**
 * One piece of evidence bearing on one claim.
 *
 * @typeParam Code - the reason codes of the finding
 * @category Evidence
 */
export interface EvidenceFinding<Code extends string> {
  /** The claim's id. */
  claim: string;
  /** The evidence's id. */
  evidence: string;
  /** Why, in a sentence. */
  reason: string;
  /** Why, as a code: the strongest of `codes`. */
  code: Code;
  /** Every reason that applies, strongest first. */
  codes: Code[];
  /**
   * Geodesic distance in metres from the evidence to the edge of the
   * claimed area: positive inside (how deep inside), 0 on the edge, negative
   * outside (only a `refuted-by-later-evidence` finding can lie outside).
   * For evidence given as an area, the shortest distance between the two
   * edges.
   */
  distanceM: number;
  /**
   * Minutes between the evidence's capture and the time the claim is about
   * (see `timeGapMinutes`): `null` when their spans overlap.
   */
  timeGapMinutes: number | null;
  /** The position's accuracy radius in metres, when the evidence gives one: a `distanceM` smaller than this is within the error. */
  accuracyM?: number;
}

/**
 * Evidence against a claim; see {@link findContradictions} for the codes.
 *
 * @category Evidence
 */
export type Contradiction = EvidenceFinding<ContradictionCode>;

/**
 * Evidence for a claim; see {@link findSupport} for the codes.
 *
 * @category Evidence
 */
export type Support = EvidenceFinding<SupportCode>;

const DEFAULT_TOLERANCE = 1440;

interface Prepared {
  claims: { claim: Claim; area: () => MultiPolygon }[];
  evidence: { evidence: Evidence; location: () => EvidenceLocation }[];
  tolerance: number;
}

function prepare(dataset: Pick<Dataset, 'claims' | 'evidence' | 'places'>, options: EvidenceOptions): Prepared {
  datasetArg(dataset, ['claims', 'evidence', 'places']);
  const tolerance = optionsArg(options).timeTolerance ?? DEFAULT_TOLERANCE;
  if (!Number.isFinite(tolerance) || tolerance < 0) {
    throw new ContestedError('invalid-input', [
      { code: 'invalid-value', path: ['options', 'timeTolerance'], message: `timeTolerance is a number of minutes, 0 or more; got ${String(tolerance)}` },
    ]);
  }
  const window = timeWindow({ knownAt: options.knownAt }, ['options']);
  const lazy = <T>(make: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= make());
  };
  return {
    tolerance,
    claims: (dataset.claims ?? [])
      .filter((claim, i) => window.knownBy === undefined || knownAt(resolveTimeAt(claim.statedAt, ['dataset', 'claims', i, 'statedAt']), window))
      .map((claim) => ({ claim, area: lazy(() => resolveArea(dataset, claim.area)) })),
    evidence: (dataset.evidence ?? []).filter((evidence, i) =>
      window.knownBy === undefined || knownAt(resolveTimeAt(evidence.publishedAt ?? evidence.capturedAt, ['dataset', 'evidence', i, evidence.publishedAt === undefined ? 'capturedAt' : 'publishedAt']), window),
    ).map((evidence) => ({
      evidence,
      location: lazy((): EvidenceLocation => {
        const at = evidence.position?.coordinates;
        if (at !== undefined) return { kind: 'point', at };
        return { kind: 'area', area: evidence.area === undefined ? { type: 'MultiPolygon', coordinates: [] } : resolveArea(dataset, evidence.area) };
      }),
    })),
  };
}

const km = (m: number): string => (Math.abs(m) >= 1000 ? `${(m / 1000).toFixed(1)} km` : `${Math.round(m)} m`);

function inWords(code: ContradictionCode | SupportCode, claim: Claim, evidence: Evidence, distanceM: number): string {
  const where = distanceM === 0 ? 'on the edge of' : distanceM > 0 ? `${km(distanceM)} inside` : `${km(-distanceM)} outside`;
  const said =
    claim.status === 'contested'
      ? 'is contested'
      : claim.status === 'not-controlled'
        ? `is not held by ${claim.side ?? '?'}`
        : `is ${claim.status === 'controlled' ? 'held' : 'being advanced into'} by ${claim.side ?? '?'}`;
  const sides = (kind: string): string => [...new Set(evidence.shows.filter((s) => s.kind === kind && s.side !== undefined).map((s) => s.side))].join('/');
  const ground = `${where} ground ${claim.claimant} says ${said}`;
  switch (code) {
    case 'presence-of-other-side':
    case 'presence-of-denied-side':
      return `shows ${sides('presence')} present ${ground}`;
    case 'control-by-denied-side':
    case 'control-by-another-side':
      return `shows ${sides('control')} in control ${ground}`;
    case 'control-by-other-side':
      return `shows ${sides('control')} in control ${ground}`;
    case 'fighting-in-held-ground':
      return `shows fighting (a strike by the holder or enemy casualties) ${ground}`;
    case 'control-in-contested-ground':
      return `shows ${sides('control')} in firm control ${ground}`;
    case 'refuted-by-later-evidence':
      return `is cited against the claim by a claim that refutes it, and is not older than the claim (${where} the claimed ground)`;
    case 'presence-of-holder':
    case 'presence-of-advancing-side':
      return `shows ${sides('presence')} present ${ground}`;
    case 'control-by-holder':
      return `shows ${sides('control')} in control ${ground}`;
    case 'fighting-in-contested-ground':
      return `shows fighting ${ground}`;
  }
}

/**
 * Every claim that some evidence contradicts, one finding per claim and
 * evidence.
 *
 * Evidence bears on a claim when its capture time and the claim's time
 * (`validAt`, else `statedAt`) overlap at their precisions or lie within
 * `timeTolerance` minutes of each other, and when it lies inside the claimed
 * ground, its edge included (evidence given as an area must lie wholly
 * inside). Then, by what it shows (`code`):
 * - `control-by-other-side` / `presence-of-other-side`: a side is in
 *   control / present inside ground the claim says another side controls;
 * - `fighting-in-held-ground`: inside ground a side is said to control, that
 *   side strikes (its enemy is there), or another side takes casualties. A
 *   strike by the enemy, a strike by an unnamed side, or the holder's own
 *   casualties are not contradictions: held ground is shelled every day;
 * - `control-in-contested-ground`: a side visibly controls ground the claim
 *   calls contested;
 * - `presence-of-denied-side` / `control-by-denied-side`: the side a denial
 *   (`not-controlled`) says does not hold the ground is present / in control
 *   inside it;
 * - `refuted-by-later-evidence`: a claim that `refutes` this one cites the
 *   evidence, and the evidence is not older than this claim (beyond the
 *   tolerance) — wherever it lies. A claim dated before the evidence that
 *   refutes it is a claim the evidence overtook.
 *
 * @param dataset - claims, evidence and the places their areas name
 * @param options - `timeTolerance` in minutes (default 1440); `knownAt`,
 *   the time the findings are told from (default: everything counts)
 * @returns the contradictions, in the order of the dataset's claims, then
 *   its evidence; an empty array when nothing contradicts anything
 * @throws {@link ContestedError} `invalid-input` for a negative or
 *   non-finite `timeTolerance`; `not-found` / `invalid-geometry` when an
 *   area cannot be resolved
 * @category Evidence
 *
 * @example
 * ```ts
 * findContradictions(dataset).map((flag) => [flag.claim, flag.evidence, flag.code, Math.round(flag.distanceM), flag.timeGapMinutes]);
 * //=> [['kremlin-city-taken', 'flag-drone-feed', 'presence-of-other-side', 1195, null]]
 * ```
 */
export function findContradictions(dataset: Pick<Dataset, 'claims' | 'evidence' | 'places'>, options: EvidenceOptions = {}): Contradiction[] {
  const prepared = prepare(dataset, options);
  const cited = new Map<string, Set<string>>();
  for (const { claim } of prepared.claims) {
    for (const refuted of claim.refutes ?? []) {
      const set = cited.get(refuted) ?? new Set<string>();
      for (const e of claim.evidence ?? []) set.add(e);
      cited.set(refuted, set);
    }
  }
  return findings(prepared, 'contradicts', (claim, evidence, gap) => {
    if (!cited.get(claim.id)?.has(evidence.id)) return false;
    const tooOld = compareTimes(evidence.capturedAt, claim.validAt ?? claim.statedAt) === 'before' && gap !== null && gap > prepared.tolerance;
    return !tooOld;
  });
}

/**
 * Every claim that some evidence supports: the sibling of
 * {@link findContradictions}, with the same shape, the same time and place
 * rules, and these codes:
 * - `control-by-holder` / `presence-of-holder`: the side a claim says
 *   controls the ground is seen in control of it / present in it;
 * - `presence-of-advancing-side`: the side said to be advancing is present;
 * - `control-by-another-side`: a side other than the one a denial
 *   (`not-controlled`) names is seen in control;
 * - `fighting-in-contested-ground`: a strike or casualties inside ground
 *   claimed contested or being advanced into.
 *
 * @param dataset - claims, evidence and the places their areas name
 * @param options - `timeTolerance` in minutes (default 1440)
 * @returns the supporting findings, in the order of the dataset's claims,
 *   then its evidence; an empty array when nothing supports anything
 * @throws {@link ContestedError} as {@link findContradictions}
 * @category Evidence
 *
 * @example
 * ```ts
 * findSupport(dataset).map((s) => [s.claim, s.evidence, s.code]);
 * //=> [['ukraine-holds-north', 'flag-drone-feed', 'presence-of-holder']]
 * ```
 */
export function findSupport(dataset: Pick<Dataset, 'claims' | 'evidence' | 'places'>, options: EvidenceOptions = {}): Support[] {
  return findings(prepare(dataset, options), 'supports', () => false);
}

function findings(prepared: Prepared, bearing: 'contradicts', refuted: (claim: Claim, evidence: Evidence, gap: number | null) => boolean): Contradiction[];
function findings(prepared: Prepared, bearing: 'supports', refuted: (claim: Claim, evidence: Evidence, gap: number | null) => boolean): Support[];
function findings(
  prepared: Prepared,
  bearing: 'contradicts' | 'supports',
  refuted: (claim: Claim, evidence: Evidence, gap: number | null) => boolean,
): EvidenceFinding<ContradictionCode | SupportCode>[] {
  const out: EvidenceFinding<ContradictionCode | SupportCode>[] = [];
  for (const { claim, area } of prepared.claims) {
    const state = stateOf(claim);
    for (const { evidence, location } of prepared.evidence) {
      const gap = timeGapMinutes(evidence.capturedAt, claim.validAt ?? claim.statedAt);
      const inTime = gap === null || gap <= prepared.tolerance;
      const cited = refuted(claim, evidence, gap);
      if (!inTime && !cited) continue;
      const { contradicts, supports } = bearings(state, evidence);
      const geometric: (ContradictionCode | SupportCode)[] = inTime ? (bearing === 'contradicts' ? contradicts : supports) : [];
      if (geometric.length === 0 && !cited) continue;
      const { inside, distanceM } = placement(area(), location());
      const codes: (ContradictionCode | SupportCode)[] = inside ? [...geometric] : [];
      if (cited) codes.push('refuted-by-later-evidence');
      const code = codes[0];
      if (code === undefined) continue;
      const finding: EvidenceFinding<ContradictionCode | SupportCode> = {
        claim: claim.id,
        evidence: evidence.id,
        reason: `${evidence.id} ${inWords(code, claim, evidence, distanceM)}`,
        code,
        codes,
        distanceM,
        timeGapMinutes: gap,
      };
      if (evidence.position?.accuracyM !== undefined) finding.accuracyM = evidence.position.accuracyM;
      out.push(finding);
    }
  }
  return out;
}
