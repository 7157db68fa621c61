/**
 * Claims weighed against evidence, one claim and one piece of evidence at a
 * time: which evidence contradicts which claim, and which supports it, with
 * how far inside the claimed ground the evidence lies and how far apart in
 * time the two are.
 *
 * @module
 */
import { engineRooted } from '../_lib/reroot.js';
import type { MultiPolygon } from 'geojson';
import type { Claim } from '../claims/schema.js';
import { stateOf } from '../control/controlMap.js';
import type { Dataset } from '../dataset/schema.js';
import { ContestedError, isContestedError } from '../errors/index.js';
import { resolveArea } from '../places/resolveArea.js';
import { compareTimes, timeGapMinutes } from '../time/compare.js';
import { resolveTimeAt } from '../time/_resolveAt.js';
import { knownAt, timeWindow } from '../time/_validAt.js';
import type { TimeRef } from '../time/timeRef.js';
import { resolveTime } from '../time/timeRef.js';
import Flatbush from 'flatbush';
import { bearings, groundOf, placement, type ContradictionCode, type EvidenceLocation, type Ground, type SupportCode } from './_rules.js';
import { checkEdges } from '../geometry/_input.js';
import type { Evidence } from './schema.js';
import { datasetArg, describeValue, listArg, objectsArg, optionsArg } from '../_lib/args.js';

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
   * outside — only a position with an `accuracyM` can lie outside, and by
   * no more than that radius. For evidence given as an area, the shortest
   * distance between the two edges.
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

/** A time as milliseconds, resolved once per claim or evidence rather than once per pair. */
interface Span {
  start: number;
  end: number;
}

interface Prepared {
  claims: { claim: Claim; at: number; area: () => MultiPolygon; ground: () => Ground; time: () => Span }[];
  evidence: { evidence: Evidence; location: () => EvidenceLocation; time: () => Span }[];
  tolerance: number;
  /** Evidence filmed at a point, by the box its accuracy radius reaches; the rest is in `unindexed`. */
  index: Flatbush | undefined;
  /** Dataset index of each item of `index`. */
  indexed: number[];
  /** Evidence given as an area (or with a position the index cannot read): checked against every claim. */
  unindexed: number[];
}

/** Remembers what `make` returns; an error is not remembered, so it is thrown again where the value is next needed. */
const lazy = <T>(make: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= make());
};

function spanOf(ref: TimeRef, memo: Map<string, Span>): Span {
  // Thousands of pieces of evidence share a handful of dates: a string is resolved once.
  const known = typeof ref === 'string' ? memo.get(ref) : undefined;
  if (known !== undefined) return known;
  const r = resolveTime(ref);
  const span = { start: r.start.getTime(), end: r.end.getTime() };
  if (typeof ref === 'string') memo.set(ref, span);
  return span;
}

/** Metres per degree of latitude, rounded down (the least is 110,574 m at the equator): a box in degrees from it never falls short. */
const METRES_PER_DEGREE = 110_000;

/** A usable accuracy radius: a finite number above 0, else 0 (no radius). */
function accuracyOf(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/** As `timeGapMinutes`, on resolved spans. */
function gapMinutes(x: Span, y: Span): number | null {
  if (x.end <= y.start) return (y.start - x.end) / 60_000;
  if (y.end <= x.start) return (x.start - y.end) / 60_000;
  return null;
}

/** A list copied, each object in it copied (shallow): one read of each field. A hole stays a hole's `undefined`, for the guards to report. */
function copies<T>(list: readonly T[] | undefined): T[] | undefined {
  if (!Array.isArray(list)) return list as T[] | undefined;
  return Array.from(list, (item: T) => (item !== null && typeof item === 'object' && !Array.isArray(item) ? { ...item } : item));
}

/**
 * The dataset as one read of every field the findings use: lists, claims,
 * evidence, positions and observations are copied before they are checked,
 * so that a getter answering differently on each read cannot pass a check
 * and then fail where it is used. (An exception thrown by a caller's getter
 * passes through unchanged.)
 */
function readOnce(dataset: Pick<Dataset, 'claims' | 'evidence' | 'places'>): Pick<Dataset, 'claims' | 'evidence' | 'places'> {
  if (dataset === null || typeof dataset !== 'object') return dataset;
  const evidence = copies(dataset.evidence)?.map((e) => {
    if (e === null || typeof e !== 'object') return e;
    const position: unknown = e.position;
    const copy = { ...e, shows: copies(e.shows) as Evidence['shows'] };
    if (position !== null && typeof position === 'object') {
      const p = { ...(position as NonNullable<Evidence['position']>) };
      if (Array.isArray(p.coordinates)) p.coordinates = Array.from(p.coordinates) as typeof p.coordinates;
      copy.position = p;
    }
    return copy;
  });
  const claims = copies(dataset.claims)?.map((c) => (c === null || typeof c !== 'object' ? c : { ...c, refutes: copies(c.refutes), evidence: copies(c.evidence) }));
  return { claims, evidence, places: dataset.places } as Pick<Dataset, 'claims' | 'evidence' | 'places'>;
}

function prepare(input: Pick<Dataset, 'claims' | 'evidence' | 'places'>, options: EvidenceOptions): Prepared {
  const dataset = readOnce(input);
  datasetArg(dataset, ['claims', 'evidence', 'places']);
  const tolerance = optionsArg(options).timeTolerance ?? DEFAULT_TOLERANCE;
  if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
    throw new ContestedError('invalid-input', [
      { code: 'invalid-value', path: ['options', 'timeTolerance'], message: `timeTolerance is a number of minutes, 0 or more; got ${describeValue(tolerance)}` },
    ]);
  }
  const window = timeWindow({ knownAt: options.knownAt }, ['options']);
  const memo = new Map<string, Span>();
  // Only what was stated (claims) or published (evidence) by knownAt counts; `at` keeps the dataset index.
  const claims = (dataset.claims ?? []).flatMap((claim, i) => {
    listArg(claim.refutes, ['dataset', 'claims', i, 'refutes']);
    listArg(claim.evidence, ['dataset', 'claims', i, 'evidence']);
    if (window.knownBy !== undefined && !knownAt(resolveTimeAt(claim.statedAt, ['dataset', 'claims', i, 'statedAt']), window)) return [];
    const area = lazy(() => engineRooted(['dataset', 'claims', i, 'area'], () => resolveArea(dataset, claim.area)));
    return [{ claim, at: i, area, ground: lazy(() => groundOf(area())), time: lazy(() => spanOf(claim.validAt ?? claim.statedAt, memo)) }];
  });
  const evidence = (dataset.evidence ?? []).flatMap((evidence, i) => {
    objectsArg(evidence.shows, ['dataset', 'evidence', i, 'shows'], 'a list of observations such as [{ kind: "presence", side: "UA" }]');
    const published = evidence.publishedAt ?? evidence.capturedAt;
    if (window.knownBy !== undefined && !knownAt(resolveTimeAt(published, ['dataset', 'evidence', i, evidence.publishedAt === undefined ? 'capturedAt' : 'publishedAt']), window)) return [];
    return [{
      evidence,
      time: lazy(() => spanOf(evidence.capturedAt, memo)),
      location: lazy((): EvidenceLocation => {
        const at = evidence.position?.coordinates;
        if (at !== undefined) {
          checkEdges([at], ['dataset', 'evidence', i, 'position', 'coordinates']);
          return { kind: 'point', at, accuracyM: accuracyOf(evidence.position?.accuracyM) };
        }
        const area = evidence.area;
        return { kind: 'area', area: area === undefined ? { type: 'MultiPolygon', coordinates: [] } : engineRooted(['dataset', 'evidence', i, 'area'], () => resolveArea(dataset, area)) };
      }),
    }];
  });
  const indexed: number[] = [];
  const unindexed: number[] = [];
  evidence.forEach(({ evidence: e }, i) => {
    const at: unknown = e.position?.coordinates;
    const readable = Array.isArray(at) && Number.isFinite(at[0]) && Number.isFinite(at[1]);
    (readable ? indexed : unindexed).push(i);
  });
  let index: Flatbush | undefined;
  if (indexed.length > 0 && claims.length > 0) {
    index = new Flatbush(indexed.length);
    for (const i of indexed) {
      const position = evidence[i]?.evidence.position;
      const [x, y] = position?.coordinates as [number, number];
      // Evidence within its accuracy radius of a claim's edge bears on the claim: the box reaches that far.
      const reach = accuracyOf(position?.accuracyM);
      const dy = reach / METRES_PER_DEGREE;
      const cos = Math.cos((Math.min(90, Math.abs(y) + dy) * Math.PI) / 180);
      const dx = reach === 0 ? 0 : cos > 1e-9 ? Math.min(360, dy / cos) : 360;
      index.add(x - dx, y - dy, x + dx, y + dy);
    }
    index.finish();
  }
  return { tolerance, claims, evidence, index, indexed, unindexed };
}

/**
 * The evidence that can bear on a claim, as dataset indices in dataset
 * order: what lies in the claimed area's bounding box (by the index, each
 * position widened by its accuracy radius) and what is given as an area.
 * Evidence outside the box can neither lie inside the area (containment is
 * decided in lon/lat, the same plane as the box) nor within its accuracy
 * of it, and so bears on the claim in no way, not even when cited. When the area cannot be resolved, every piece of
 * evidence is a candidate, so that the error comes where it always did: at
 * the first pair that needs the area. A `geometry-engine` failure is not
 * such a problem of the input: it is thrown at once, never retried.
 */
function candidates(prepared: Prepared, area: () => MultiPolygon): Iterable<number> {
  const all = prepared.evidence.length;
  let ground: MultiPolygon;
  try {
    ground = area();
  } catch (error) {
    // An engine failure is not the area's problem, and is not retried at
    // each pair: it is thrown on now, as the dataset's area check does.
    if (isContestedError(error) && error.code !== 'geometry-engine') return Array.from({ length: all }, (_, i) => i);
    throw error;
  }
  const picked = new Set<number>(prepared.unindexed);
  const box = boundsOf(ground);
  if (box !== undefined && prepared.index !== undefined) {
    // A hair of slack: the exact test that follows decides; the box only must not miss.
    const pad = 1e-9;
    for (const hit of prepared.index.search(box[0] - pad, box[1] - pad, box[2] + pad, box[3] + pad)) picked.add(prepared.indexed[hit] as number);
  }
  return [...picked].sort((a, b) => a - b);
}

/** [west, south, east, north] of an area's outer rings; `undefined` when it is empty. */
function boundsOf(area: MultiPolygon): [number, number, number, number] | undefined {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const polygon of area.coordinates) {
    for (const [x, y] of polygon[0] ?? []) {
      if ((x as number) < w) w = x as number;
      if ((x as number) > e) e = x as number;
      if ((y as number) < s) s = y as number;
      if ((y as number) > n) n = y as number;
    }
  }
  return w <= e && s <= n ? [w, s, e, n] : undefined;
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
 * ground, its edge included, or — a position with an accuracy radius
 * (`position.accuracyM`) — outside by no more than that radius (evidence
 * given as an area must lie wholly inside). Evidence anywhere else bears on
 * the claim in no way, whatever cites it: a position 1,500 km from the
 * ground (a swapped `[lat, lon]`, say) contradicts nothing. Then, by what it
 * shows (`code`):
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
 *   tolerance), and it lies in or near the ground as above. A claim dated
 *   before the evidence that refutes it is a claim the evidence overtook.
 *
 * @param dataset - claims, evidence and the places their areas name
 * @param options - `timeTolerance` in minutes (default 1440); `knownAt`,
 *   the time the findings are told from (default: everything counts)
 * @returns the contradictions, in the order of the dataset's claims, then
 *   its evidence; an empty array when nothing contradicts anything
 * @throws {@link ContestedError} `invalid-input` for a negative or
 *   non-finite `timeTolerance`, an evidence's `shows` that is not a list of
 *   objects, a claim's `refutes` or `evidence` that is not a list, or a
 *   time that is not one; `not-found` / `invalid-geometry` when an area
 *   cannot be resolved (and some evidence needs it)
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
    if (!cited.get(claim.claim.id)?.has(evidence.evidence.id)) return false;
    const tooOld = evidence.time().end <= claim.time().start && gap !== null && gap > prepared.tolerance;
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

type ClaimItem = Prepared['claims'][number];
type EvidenceItem = Prepared['evidence'][number];
type Refuted = (claim: ClaimItem, evidence: EvidenceItem, gap: number | null) => boolean;

function findings(prepared: Prepared, bearing: 'contradicts', refuted: Refuted): Contradiction[];
function findings(prepared: Prepared, bearing: 'supports', refuted: Refuted): Support[];
function findings(prepared: Prepared, bearing: 'contradicts' | 'supports', refuted: Refuted): EvidenceFinding<ContradictionCode | SupportCode>[] {
  const out: EvidenceFinding<ContradictionCode | SupportCode>[] = [];
  if (prepared.evidence.length === 0 || prepared.claims.length === 0) return out;
  // Every time is read once, up front: a malformed one is an error whichever pairs the index skips.
  for (const item of prepared.claims) item.time();
  for (const entry of prepared.evidence) entry.time();
  for (const item of prepared.claims) {
    const { claim, area } = item;
    const state = stateOf(claim);
    for (const e of candidates(prepared, area)) {
      const entry = prepared.evidence[e] as EvidenceItem;
      const { evidence, location } = entry;
      const gap = gapMinutes(entry.time(), item.time());
      const inTime = gap === null || gap <= prepared.tolerance;
      const cited = refuted(item, entry, gap);
      if (!inTime && !cited) continue;
      const { contradicts, supports } = bearings(state, evidence);
      const geometric: (ContradictionCode | SupportCode)[] = inTime ? (bearing === 'contradicts' ? contradicts : supports) : [];
      if (geometric.length === 0 && !cited) continue;
      // Inside the ground, or within the position's accuracy of its edge; evidence anywhere else bears on nothing.
      const where = placement(item.ground(), location());
      if (where === undefined) continue;
      const { distanceM } = where;
      const codes: (ContradictionCode | SupportCode)[] = [...geometric];
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
      const accuracyM = evidence.position?.accuracyM;
      if (accuracyM !== undefined) finding.accuracyM = accuracyM;
      out.push(finding);
    }
  }
  return out;
}
