/**
 * One party's claims resolved into a control map: non-overlapping regions,
 * each saying who holds the ground and which claims say so.
 *
 * Claims of one party overlap — a city claimed in November, its northern
 * half claimed again in December. The rule is the library's one ordering of
 * claims: the claim about the later time wins (the later end of `validAt`),
 * then the later statement, then the smaller, more specific area (measured
 * before `within` clips it), then the claim id, so the result never depends
 * on input order or on the frame (the rule lives in `src/time/_claimOrder.ts`).
 * Where an overlap agrees (same status and side), the later claim is added
 * to the region's supporting claims; where it disagrees, the overruled part
 * is listed in `overruled`, never silently dropped.
 *
 * @module
 */
import { ContestedError } from '../errors/index.js';
import type { Claim } from '../claims/schema.js';
import { clip, type MultiPolygon2 } from '../geometry/_engine.js';
import type { Place } from '../places/schema.js';
import type { TimeRef } from '../time/timeRef.js';
import { resolveTimeAt } from '../time/_resolveAt.js';
import { appliesAt, knownAt, timeWindow } from '../time/_validAt.js';
import { byClaimPriority, claimRank, type ClaimRank } from '../time/_claimOrder.js';
import { stateStyle } from '../output/style.js';
import { boxesMeet, boxOf, coordinatesOf, cropToBox, dropSlivers, intersectCropped, km2Of, toGeometry, type AreaLike, type Box } from '../overlay/regions.js';
import { sameState } from '../overlay/state.js';
import type { ControlMap, ControlRegion, ControlState, OverruledPart } from './types.js';
import { claimantFilter, claimsArg, optionsArg } from '../_lib/args.js';

/**
 * Options of {@link controlMap}.
 *
 * @category Claims & diffs
 */
export interface ControlMapOptions {
  /**
   * The time the map describes: a claim applies once the time it is about
   * (`validAt`, else `statedAt`) has ended by then, so a claim about
   * August applies from the end of August. Without it, every claim applies.
   */
  asOf?: TimeRef | Date;
  /**
   * The time the map is told from: only claims stated (`statedAt`) by then
   * count. Defaults to `asOf`, so nothing stated after the moment the map
   * describes shapes it; a later `knownAt` opts in to hindsight (the
   * monthly summary published on 1 September, used for a map of August).
   */
  knownAt?: TimeRef | Date;
  /** Keep only the claims of this claimant (or these claimants). */
  claimant?: string | readonly string[];
  /** Clip the map to this area (GeoJSON, or an area expression over `places`). */
  within?: AreaLike;
  /** Places that claims' area expressions name, typically `dataset.places`. */
  places?: readonly Place[];
  /** Colours by side id for the simplestyle properties, e.g. from `dataset.sides`. */
  colors?: Readonly<Record<string, string>>;
}

interface Candidate {
  claim: Claim;
  coords: MultiPolygon2;
  box: Box;
  rank: ClaimRank;
}

interface Building {
  state: ControlState;
  claims: string[];
  claimants: Set<string>;
  coords: MultiPolygon2;
  box: Box;
}

/**
 * Resolves claims into non-overlapping regions of control.
 *
 * @param claims - the claims, typically one party's (see `claimant`)
 * @param options - time, claimant and area filters; the places that area
 *   expressions name
 * @returns a FeatureCollection of MultiPolygon regions whose properties
 *   carry `status`, `side` or `sides`, `claims` (ids, winning claim first),
 *   `km2` and simplestyle colours, plus `overruled`; no features when no
 *   claim applies
 * @throws {@link ContestedError} `invalid-input` when `claimant` is not an
 *   id or a list of ids; `not-found` when an area names an unknown
 *   place; `invalid-geometry` when an area cannot be resolved; each with the
 *   path `[claimIndex, 'area', …]`
 * @category Claims & diffs
 *
 * @example
 * ```ts
 * const map = controlMap(dataset.claims, { claimant: 'kremlin', places: dataset.places });
 * map.features.map((f) => [f.properties.status, f.properties.side]);
 * //=> [['controlled', 'RU']]
 * ```
 */
export function controlMap(claims: readonly Claim[], options: ControlMapOptions = {}): ControlMap {
  claimsArg(claims, []);
  optionsArg(options);
  const claimants = claimantFilter(options.claimant, ['claimant']);
  const window = timeWindow(options);
  const frame = options.within === undefined ? undefined : coordinatesOf(options.within, options.places, ['within']);
  const frameBox = frame === undefined ? undefined : boxOf(frame);

  const candidates: Candidate[] = [];
  claims.forEach((claim, index) => {
    if (claimants !== undefined && !claimants.has(claim.claimant)) return;
    const stated = resolveTimeAt(claim.statedAt, [index, 'statedAt']);
    const valid = claim.validAt === undefined ? stated : resolveTimeAt(claim.validAt, [index, 'validAt']);
    if (!appliesAt(valid, window) || !knownAt(stated, window)) return;
    let coords = coordinatesOf(claim.area, options.places, [index, 'area']);
    const rank = claimRank(claim, valid, stated, km2Of(coords));
    if (frame !== undefined && frameBox !== undefined) {
      coords = boxesMeet(boxOf(coords), frameBox) ? clip('intersection', [coords, frame]) : [];
    }
    if (coords.length === 0) return;
    candidates.push({ claim, coords, box: boxOf(coords), rank });
  });
  candidates.sort((a, b) => byClaimPriority(a.rank, b.rank));

  const regions: Building[] = [];
  const overruled = new Map<string, { by: Set<string>; km2: number }>();
  let slivers = 0;
  for (const c of candidates) {
    const state = stateOf(c.claim);
    const meeting = regions.filter((r) => boxesMeet(r.box, c.box));
    let rest = c.coords;
    if (meeting.length > 0) {
      // Only regions the claim really overlaps are cut away from it: bounding
      // boxes meet far more often than ground does (a gray-zone patch inside
      // the box of the whole occupied area), and a region whose intersection
      // with the claim is empty leaves the claim as it is. A region with the
      // very same coordinates (many claims naming one city) overlaps it whole,
      // and nothing of the claim is left: no engine call is needed.
      const overlapping: MultiPolygon2[] = [];
      let covered = false;
      for (const region of meeting) {
        const same = sameCoordinates(region.coords, c.coords);
        const overlap = same ? c.coords : intersectCropped(c.coords, c.box, region.coords, region.box);
        if (overlap.length === 0) continue;
        covered ||= same;
        overlapping.push(cropToBox(region.coords, c.box));
        if (sameState(region.state, state)) {
          region.claims.push(c.claim.id);
          region.claimants.add(c.claim.claimant);
        } else {
          const part = overruled.get(c.claim.id) ?? { by: new Set<string>(), km2: 0 };
          for (const id of region.claims) part.by.add(id);
          part.km2 += km2Of(same ? c.coords : overlap);
          overruled.set(c.claim.id, part);
        }
      }
      if (covered) {
        rest = [];
      } else if (overlapping.length > 0) {
        const cut = dropSlivers(clip('difference', [c.coords, ...overlapping]));
        rest = cut.kept;
        slivers += cut.droppedKm2;
      }
    }
    if (rest.length > 0) {
      regions.push({ state, claims: [c.claim.id], claimants: new Set([c.claim.claimant]), coords: rest, box: boxOf(rest) });
    }
  }
  const inferred = new Set(candidates.filter((c) => c.claim.basis === 'inferred').map((c) => c.claim.id));
  const map: ControlMap = {
    type: 'FeatureCollection',
    features: regions.map((r) => regionFeature(r, options.colors, inferred)),
    overruled: [...overruled].map(([claim, part]): OverruledPart => ({ claim, by: [...part.by], km2: part.km2 })),
    sliversKm2: slivers,
  };
  BUILT.add(map);
  return map;
}

/** Maps this function built: disjoint by construction, so the functions that take a map need not check them for overlaps. */
const BUILT = new WeakSet<object>();

/** Whether `map` is one `controlMap` returned (and so has no overlapping regions). */
export function builtByControlMap(map: object): boolean {
  return BUILT.has(map);
}

/** Whether two coordinate sets are the same, vertex for vertex. */
function sameCoordinates(a: MultiPolygon2, b: MultiPolygon2): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((polygon, p) => {
    const other = b[p]!;
    return polygon.length === other.length && polygon.every((ring, r) => {
      const otherRing = other[r]!;
      return ring.length === otherRing.length && ring.every((point, i) => point[0] === otherRing[i]![0] && point[1] === otherRing[i]![1]);
    });
  });
}

/** What a claim says, as a control state. */
export function stateOf(claim: Pick<Claim, 'status' | 'side' | 'sides'>): ControlState {
  const state: ControlState = { status: claim.status };
  if (claim.side !== undefined) state.side = claim.side;
  if (claim.sides !== undefined) state.sides = [...claim.sides].sort();
  return state;
}

function regionFeature(region: Building, colors: Readonly<Record<string, string>> | undefined, inferred: ReadonlySet<string>): ControlRegion {
  const km2 = km2Of(region.coords);
  const claimants = [...region.claimants];
  const properties: ControlRegion['properties'] = {
    ...region.state,
    claims: region.claims,
    km2,
    ...stateStyle(region.state, `${km2.toFixed(2)} km²; claims: ${region.claims.join(', ')}`, colors),
  };
  if (claimants.length === 1 && claimants[0] !== undefined) properties.claimant = claimants[0];
  // Ground only an importer's inference speaks for is marked, so that a change or a diff can tell it from the source's drawing.
  if (inferred.size > 0 && region.claims.every((id) => inferred.has(id))) properties.inferred = true;
  return { type: 'Feature', geometry: toGeometry(region.coords), properties };
}

/** Checks that a value has the shape of a control map, for functions that accept either claims or maps. */
export function isControlMap(value: unknown): value is ControlMap {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'FeatureCollection';
}

/** Throws unless `value` is a list of claims or a control map. */
export function assertClaimsOrMap(value: unknown, name: string): void {
  if (!Array.isArray(value) && !isControlMap(value)) {
    throw new ContestedError('invalid-input', [
      { code: 'invalid-type', path: [name], message: `${name} must be a list of claims or a control map (a FeatureCollection)` },
    ]);
  }
}
