/**
 * One party's claims resolved into a control map: non-overlapping regions,
 * each saying who holds the ground and which claims say so.
 *
 * Claims of one party overlap — a city claimed in November, its northern
 * half claimed again in December. The rule is the library's one ordering of
 * claims: the claim about the later time wins (the later end of `validAt`),
 * then the later statement, then the smaller, more specific area (measured
 * on the whole area with `areaKm2`, before `within` clips it; a ring that crosses itself is measured by its
 * signed area there, so a bow-tie's lobes cancel: see the geometry guide), then the claim id, so the result never depends
 * on input order or on the frame (the rule lives in `src/time/_claimOrder.ts`).
 * Where an overlap agrees (same status and side), the later claim is added
 * to the region's supporting claims; where it disagrees, the overruled part
 * is listed in `overruled`, never silently dropped.
 *
 * @module
 */
import { ContestedError, type IssuePath } from '../errors/index.js';
import { engineRooted, idList } from '../_lib/reroot.js';
import type { Claim } from '../claims/schema.js';
import type { MultiPolygon2 } from '../geometry/_engine.js';
import type { Place } from '../places/schema.js';
import type { ResolvedTime, TimeRef } from '../time/timeRef.js';
import { resolveTimeAt } from '../time/_resolveAt.js';
import { appliesAt, knownAt, timeWindow } from '../time/_validAt.js';
import { byClaimPriority, claimRank, type ClaimRank } from '../time/_claimOrder.js';
import { stateStyle } from '../style/palette.js';
import { boxesMeet, boxOf, intersectCropped, km2Of, toGeometry, type AreaLike, type Box } from '../overlay/regions.js';
import { areaCoordinates } from '../geometry/boolean.js';
import { areaKm2 } from '../geometry/measure.js';
import { AreaResolver, resolveAreaAt } from '../places/_resolveAt.js';
import type { AreaInput } from '../geometry/_input.js';
import { paint } from '../overlay/paint.js';
import { sameState } from '../overlay/state.js';
import { onInputsGrid } from '../overlay/overlay.js';
import type { ControlMap, ControlRegion, ControlState, OverruledPart } from './types.js';
import { claimantFilter, claimsArg, optionsArg } from '../_lib/args.js';

/**
 * GeoJSON, or an area expression resolved against `places`, as checked 2-D
 * coordinates: how a frame (`within`) is read by every function that takes
 * one. Resolving names is the model's business, so it lives here, above
 * the overlay core, which only ever sees coordinates.
 */
export function coordinatesOf(area: AreaLike, places: readonly Place[] | undefined, path: IssuePath): MultiPolygon2 {
  if (isGeoJson(area)) return areaCoordinates(area, path);
  return areaCoordinates(resolveAreaAt({ places }, area, path), path);
}

function isGeoJson(value: AreaLike): value is AreaInput {
  return typeof value === 'object' && value !== null && 'type' in value;
}

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
  /**
   * Clip the map to this area (GeoJSON, or an area expression over `places`).
   * The frame comes first: each claim's area is resolved only as far as it
   * reaches into the frame's box, then cut to the frame, so a country-wide
   * claim costs what lies near the frame (the result inside it is the same).
   */
  within?: AreaLike;
  /** Places that claims' area expressions name, typically `dataset.places`. */
  places?: readonly Place[];
  /** Colours by side id for the simplestyle properties, e.g. from `dataset.sides`. */
  colors?: Readonly<Record<string, string>>;
}

interface Candidate {
  claim: Claim;
  /** Where the claim is in the claims given. */
  index: number;
  state: ControlState;
  coords: MultiPolygon2;
  box: Box;
  rank: ClaimRank;
}

interface Building {
  state: ControlState;
  claims: string[];
  claimants: Set<string>;
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
 *   claim applies. The regions are disjoint, and the functions that take a
 *   map trust them without the overlap check while the map's features are
 *   the ones this call returned (all or some: a filtered map is trusted),
 *   each with the geometry object and coordinates it was returned with;
 *   properties may change. A feature pushed in, copied or taken from
 *   another call, or a geometry replaced or edited in place, makes the map
 *   checked like a map read from a file
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
  return onInputsGrid([claims, options], () => {
    return controlMapIn(claims, options);
  });
}

/**
 * {@link controlMap} for the functions that build several maps in one call
 * (`diffClaims`, `compareClaimants`): they hand in the frame, already
 * read, and one {@link ClaimAreas} for all the maps, so that an area two
 * claimants name is resolved once and the frame is read once. `within` in
 * `options` is then not read.
 */
export function controlMapIn(claims: readonly Claim[], options: ControlMapOptions, shared?: ClaimAreas): ControlMap {
  claimsArg(claims, []);
  optionsArg(options);
  const claimants = claimantFilter(options.claimant, ['claimant']);
  const window = timeWindow(options);
  // Claims often share their areas (many claims naming one city) and their
  // times: each distinct area object, place id and time string is resolved
  // once per call, so the work follows what the input is, not how often it
  // repeats itself.
  const areas = shared ?? new ClaimAreas(options.places, options.within === undefined ? undefined : frameFrom(coordinatesOf(options.within, options.places, ['within'])));
  const times = new Map<unknown, ResolvedTime>();
  const timeOf = (value: Claim['statedAt'], path: IssuePath): ResolvedTime => {
    const key = typeof value === 'object' && value !== null && !(value instanceof Date) ? value : typeof value === 'string' ? `s${value}` : undefined;
    const known = key === undefined ? undefined : times.get(key);
    if (known !== undefined) return known;
    const resolved = resolveTimeAt(value, path);
    if (key !== undefined) times.set(key, resolved);
    return resolved;
  };
  const candidates: Candidate[] = [];
  claims.forEach((claim, index) => {
    if (claimants !== undefined && !claimants.has(claim.claimant)) return;
    const stated = timeOf(claim.statedAt, [index, 'statedAt']);
    const valid = claim.validAt === undefined ? stated : timeOf(claim.validAt, [index, 'validAt']);
    if (!appliesAt(valid, window) || !knownAt(stated, window)) return;
    const at = [index, 'area'];
    const named = (): string => `claim ${idList([claim.id])}`;
    const area = engineRooted(at, () => areas.resolve(claim.area, at), named);
    // The size that breaks a tie in time is measured only when a tie needs it.
    const rank = claimRank(claim, valid, stated, () => engineRooted(at, area.km2, named));
    if (area.coords.length === 0) return;
    candidates.push({ claim, index, state: stateOf(claim), coords: area.coords, box: area.box, rank });
  });
  candidates.sort((a, b) => byClaimPriority(a.rank, b.rank));

  // The overlay core paints the claims newest-first (the ordering of
  // src/time/); this module only says what an overlap means: an agreeing
  // claim supports the region, a disagreeing one is overruled there.
  const buildings = new Map<number, Building>();
  const buildingOf = (layer: number): Building => {
    let building = buildings.get(layer);
    if (building === undefined) {
      const c = candidates[layer]!;
      building = { state: c.state, claims: [c.claim.id], claimants: new Set([c.claim.claimant]) };
      buildings.set(layer, building);
    }
    return building;
  };
  const overruled = new Map<string, { by: Set<string>; km2: number }>();
  const dropped = { km2: 0 };
  // Each layer's runs mix its claim with the regions it is cut against: an
  // engine failure there is rooted at that claim's area and names them.
  const painted = paint(
    candidates,
    (layer, regionLayer, overlap) => {
      const c = candidates[layer]!;
      const region = buildingOf(regionLayer);
      if (sameState(region.state, c.state)) {
        region.claims.push(c.claim.id);
        region.claimants.add(c.claim.claimant);
      } else {
        // The claim that decides the ground overrules it there (the region's
        // first claim): listing every claim that agrees with it too would
        // make the answer grow with the square of the claims.
        const part = overruled.get(c.claim.id) ?? { by: new Set<string>(), km2: 0 };
        part.by.add(region.claims[0]!);
        part.km2 += km2Of(overlap);
        overruled.set(c.claim.id, part);
      }
    },
    dropped,
    (layer, under) => {
      const c = candidates[layer]!;
      const cutBy = [...new Set(under.map((l) => candidates[l]!.claim.id))];
      return { path: [c.index, 'area'], on: `claim ${idList([c.claim.id])}${cutBy.length === 0 ? '' : `, painted over claim${cutBy.length === 1 ? '' : 's'} ${idList(cutBy)}`}` };
    },
  );
  const inferred = new Set(candidates.filter((c) => c.claim.basis === 'inferred').map((c) => c.claim.id));
  const map: ControlMap = {
    type: 'FeatureCollection',
    features: painted.map((p) => regionFeature(buildingOf(p.layer), p.coords, options.colors, inferred)),
    overruled: [...overruled].map(([claim, part]): OverruledPart => ({ claim, by: [...part.by], km2: part.km2 })),
    sliversKm2: dropped.km2,
  };
  remember(map);
  return map;
}

/**
 * What `controlMap` remembers of each feature it returned, so that a map
 * made of its features is known to be disjoint without the overlap check:
 * which call returned it, its geometry object, that geometry's coordinates
 * array, and a hash of every coordinate (and of every array's length).
 */
interface BuiltFeature {
  call: object;
  geometry: object;
  type: string;
  coordinates: unknown;
  hash: CoordinateHash;
}

/** Two 32-bit lanes of {@link coordinateHash}: a 64-bit key. */
type CoordinateHash = readonly [number, number];

/** The features `controlMap` returned, by object; a feature no longer referenced is forgotten. */
const BUILT = new WeakMap<object, BuiltFeature>();

function remember(map: ControlMap): void {
  const call = {};
  for (const feature of map.features) BUILT.set(feature, { call, geometry: feature.geometry, type: feature.geometry.type, coordinates: feature.geometry.coordinates, hash: coordinateHash(feature.geometry.coordinates) });
}

const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);

/**
 * Two independent 32-bit hashes over the bits of every number and the
 * length of every array, as one 64-bit key: FNV-1a, and a second lane with
 * its own seed and an odd multiplier of its own (MurmurHash2's), each word
 * mixed in by xor and multiply. Any edit of a coordinate in place changes
 * the key but for a chance of about 2⁻⁶⁴.
 */
function coordinateHash(value: unknown): CoordinateHash {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  const visit = (v: unknown): void => {
    if (!Array.isArray(v)) {
      a = Math.imul(a ^ 0xffff, 0x01000193);
      b = Math.imul(b ^ 0xffff, 0x5bd1e995);
      return;
    }
    a = Math.imul(a ^ v.length, 0x01000193);
    b = Math.imul(b ^ v.length, 0x5bd1e995);
    for (let i = 0; i < v.length; i++) {
      const item: unknown = v[i];
      if (typeof item === 'number') {
        BITS[0] = item;
        const lo = WORDS[0]!;
        const hi = WORDS[1]!;
        a = Math.imul(Math.imul(a ^ lo, 0x01000193) ^ hi, 0x01000193);
        // The second lane takes the words the other way round, and each shifted product folded back in.
        b = Math.imul(b ^ hi, 0x5bd1e995);
        b = Math.imul((b ^ (b >>> 15)) ^ lo, 0x5bd1e995);
      } else {
        visit(item);
      }
    }
  };
  visit(value);
  return [a, b];
}

/**
 * Whether every region of `map` is known to be disjoint from the others
 * without checking: each feature is one that a single `controlMap` call
 * returned (the features of one call are disjoint by construction), none
 * appears twice, and each still has the geometry object, type, coordinates array
 * and coordinates it was returned with. So a map as returned, or filtered
 * (a subset of disjoint regions is disjoint), is trusted; a map with a
 * feature added, copied, taken from another call or with its geometry
 * replaced or edited is not, and the functions that take a map check it
 * for overlaps as they check a map from a file. Properties do not matter:
 * they cannot make two regions overlap. O(features + coordinates).
 */
export function builtByControlMap(map: object): boolean {
  const features: unknown = (map as { features?: unknown }).features;
  if (!Array.isArray(features)) return false;
  let call: object | undefined;
  const seen = new Set<object>();
  for (const feature of features as unknown[]) {
    if (typeof feature !== 'object' || feature === null || seen.has(feature)) return false;
    seen.add(feature);
    const built = BUILT.get(feature);
    if (built === undefined || (call !== undefined && built.call !== call)) return false;
    call = built.call;
    const geometry: unknown = (feature as { geometry?: unknown }).geometry;
    if (geometry !== built.geometry || (geometry as { type?: unknown }).type !== built.type) return false;
    const coordinates: unknown = (geometry as { coordinates?: unknown }).coordinates;
    if (coordinates !== built.coordinates) return false;
    const [a, b] = coordinateHash(coordinates);
    if (a !== built.hash[0] || b !== built.hash[1]) return false;
  }
  return true;
}

/** A comparison's frame (`within`), read: its coordinates and their box. */
export interface Frame {
  coords: MultiPolygon2;
  box: Box;
}

/** The frame of coordinates already read. */
export function frameFrom(coords: MultiPolygon2): Frame {
  return { coords, box: boxOf(coords) };
}

/**
 * Claims' areas resolved for one call (one map, or all the maps of one
 * comparison), by identity: the area object, the geometry of a
 * `{ geometry }` area, or the place id an area names. Only what an input
 * is decides what it resolves to, so a shared area is resolved once.
 *
 * With a frame, the frame comes first: each area is resolved only as far as
 * it reaches into the frame's box (see `AreaResolver`), then cut to the
 * frame, so a country-wide claim costs what lies near the frame. Ground
 * inside the frame is the same as resolving the whole area and cutting it
 * late (`test/properties/frame-first.test.ts` checks it). The size the
 * claim ordering reads is still measured on the whole area.
 */
export class ClaimAreas {
  private readonly byPlace = new Map<unknown, ResolvedArea>();
  private readonly byGeometry = new Map<unknown, ResolvedArea>();
  private readonly byObject = new Map<unknown, ResolvedArea>();
  private readonly resolver: AreaResolver;

  /**
   * @param places - the places area expressions name
   * @param frame - cut every area to this frame
   */
  constructor(
    places: readonly Place[] | undefined,
    readonly frame?: Frame,
  ) {
    this.resolver = new AreaResolver({ places }, frame?.box);
  }

  /** The area of a claim (at `path`), cut to the frame when there is one. */
  resolve(area: AreaLike, path: IssuePath): ResolvedArea {
    const [map, key] = this.slot(area);
    const known = map?.get(key);
    if (known !== undefined) return known;
    const resolved = this.compute(area, path);
    map?.set(key, resolved);
    return resolved;
  }

  private compute(area: AreaLike, path: IssuePath): ResolvedArea {
    const crop = this.resolver.crop;
    let coords: MultiPolygon2;
    let km2: () => number;
    const frame = this.frame;
    // An inline geometry cut to a frame is read and cut in one engine run:
    // the cut dissolves it as resolving it alone would (same ground, same
    // fill rule), so dissolving it first is a run for nothing.
    const operand = frame === undefined || typeof area !== 'object' || area === null || 'type' in area ? undefined : this.resolver.operand(area, path);
    if (typeof area === 'object' && area !== null && 'type' in area) {
      coords = areaCoordinates(area, path, crop);
      km2 = () => areaKm2(area);
    } else if (operand !== undefined) {
      coords = operand;
      km2 = () => this.resolver.rankKm2(area, path);
    } else {
      // The resolver's answer is the engine's own output (valid, on the
      // grid, already read once): it is not read again as an operand.
      coords = this.resolver.resolve(area, path).coordinates as MultiPolygon2;
      km2 = () => this.resolver.rankKm2(area, path);
    }
    let size: number | undefined;
    const measured = (): number => (size ??= km2());
    const box = boxOf(coords);
    if (frame === undefined) return { coords, box, km2: measured };
    // Both are cut to the overlap of their boxes first: only what can meet
    // the frame reaches the engine.
    const framed = boxesMeet(box, frame.box) ? intersectCropped(coords, box, frame.coords, frame.box) : [];
    return { coords: framed, box: boxOf(framed), km2: measured };
  }

  private slot(area: unknown): [Map<unknown, ResolvedArea> | undefined, unknown] {
    if (typeof area === 'string') return [this.byPlace, area];
    if (typeof area !== 'object' || area === null) return [undefined, undefined];
    if (!('type' in area) && Object.keys(area).length === 1) {
      const geometry: unknown = Object.getOwnPropertyDescriptor(area, 'geometry')?.value;
      if (typeof geometry === 'object' && geometry !== null) return [this.byGeometry, geometry];
    }
    return [this.byObject, area];
  }
}

/** A claim's area as a map is painted from it. */
interface ResolvedArea {
  /** The ground, cut to the frame when there is one. */
  coords: MultiPolygon2;
  box: Box;
  /** The whole area, km² (the claim ordering reads it before any clipping), measured on first call. */
  km2: () => number;
}

/** What a claim says, as a control state. */
export function stateOf(claim: Pick<Claim, 'status' | 'side' | 'sides'>): ControlState {
  const state: ControlState = { status: claim.status };
  if (claim.side !== undefined) state.side = claim.side;
  if (claim.sides !== undefined) state.sides = [...claim.sides].sort();
  return state;
}

function regionFeature(region: Building, coords: MultiPolygon2, colors: Readonly<Record<string, string>> | undefined, inferred: ReadonlySet<string>): ControlRegion {
  const km2 = km2Of(coords);
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
  return { type: 'Feature', geometry: toGeometry(coords), properties };
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
