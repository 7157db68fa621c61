/**
 * `normalizeGeometry`: repair what can be repaired, and say what was done.
 * Rings are closed, repeated points removed, rings that collapse to fewer
 * than three corners dropped, rings rewound to RFC 7946 order, and any
 * self-intersection, crossing of rings or hole outside its shell resolved
 * through the clipping engine (even–odd rule: a bow-tie becomes two
 * triangles, as GEOS's MakeValid does it), and polygons of one
 * MultiPolygon that overlap united (as every overlay reads them). Non-finite or out-of-range
 * coordinates and antimeridian crossings cannot be repaired without
 * guessing, and are refused.
 *
 * @module
 */
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { ContestedError, type IssuePath } from '../errors/index.js';
import type { MultiPolygon2 } from './_clean.js';
import { twiceSignedArea } from './_planar.js';
import { resolveRings } from './_engine.js';
import type { GeometryInput } from './_input.js';
import { checkGeometry, type validateGeometry } from './validate.js';
import { overlappingParts } from './_parts.js';
import { union } from './boolean.js';

/**
 * One thing {@link normalizeGeometry} changed.
 *
 * @category Geometry
 */
export interface GeometryRepair {
  /** `closed-ring`, `removed-duplicate-points`, `dropped-degenerate-ring`, `rewound-ring`, `resolved-self-intersection` or `united-overlapping-parts`. */
  code: string;
  /** A sentence for people. */
  message: string;
  /** Where in the input the repaired part was. */
  path: (string | number)[];
}

/**
 * A repaired geometry and what was done to it.
 *
 * @category Geometry
 */
export interface NormalizedGeometry<G extends GeometryInput = GeometryInput> {
  /** The repaired input; a new object, of the same kind as the input (a Polygon may become a MultiPolygon). */
  geometry: G;
  /** Every repair made; empty when the input was already normal. */
  repairs: GeometryRepair[];
}

/**
 * Repairs a geometry so that {@link validateGeometry} finds no error and no
 * warning (but `parts-unchecked`: parts it could not check for overlap are
 * left as they are), and lists what it did. Features keep their properties; the input
 * is not mutated.
 *
 * @param input - a Geometry, Feature or FeatureCollection
 * @returns `{ geometry, repairs }`; `repairs` is empty when nothing needed
 *   doing. A Polygon whose repair yields several parts becomes a
 *   MultiPolygon; one that yields nothing becomes an empty MultiPolygon
 * @throws {@link ContestedError} `invalid-geometry` for what cannot be
 *   repaired without guessing: non-finite or out-of-range coordinates,
 *   antimeridian crossings, malformed GeoJSON; `geometry-engine` if the
 *   clipping engine fails
 * @category Geometry
 *
 * @example
 * ```ts
 * const bowTie: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] };
 * const { geometry, repairs } = normalizeGeometry(bowTie);
 * geometry.type;               //=> 'MultiPolygon' (two triangles)
 * repairs.map((r) => r.code);  //=> ['rewound-ring', 'resolved-self-intersection']
 * ```
 */
export function normalizeGeometry<G extends GeometryInput>(input: G): NormalizedGeometry<G | MultiPolygon> {
  // Only errors are read here: the parts are checked for overlap once, after the rings are tidied.
  const fatal = checkGeometry(input, { parts: false }).problems.filter((p) => p.severity === 'error' && !REPAIRABLE.has(p.code));
  if (fatal.length > 0) {
    throw new ContestedError('invalid-geometry', fatal.map(({ code, path, message }) => ({ code, path, message })), 'normalizeGeometry cannot repair these without guessing');
  }
  const repairs: GeometryRepair[] = [];
  return { geometry: normalizeAny(input, [], repairs) as G | MultiPolygon, repairs };
}

/** Errors normalizeGeometry repairs; any other error is refused. */
const REPAIRABLE = new Set(['unclosed-ring', 'too-few-positions', 'self-intersection', 'rings-intersect', 'hole-outside-shell']);

function normalizeAny(input: GeometryInput, path: IssuePath, repairs: GeometryRepair[]): GeometryInput {
  if (input.type === 'FeatureCollection') {
    const features = input.features.map((feature, index) => normalizeAny(feature, [...path, 'features', index], repairs) as Feature<Geometry | null>);
    return { ...input, features } as FeatureCollection<Geometry | null>;
  }
  if (input.type === 'Feature') {
    if (input.geometry === null) return { ...input };
    return { ...input, geometry: normalizeAny(input.geometry, [...path, 'geometry'], repairs) as Geometry };
  }
  return normalizeShape(input, path, repairs);
}

function normalizeShape(geometry: Geometry, path: IssuePath, repairs: GeometryRepair[]): Geometry {
  switch (geometry.type) {
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map((g, i) => normalizeShape(g, [...path, 'geometries', i], repairs)) };
    case 'LineString':
      return { ...geometry, coordinates: withoutRepeats(geometry.coordinates, [...path, 'coordinates'], repairs) };
    case 'MultiLineString':
      return { ...geometry, coordinates: geometry.coordinates.map((line, i) => withoutRepeats(line, [...path, 'coordinates', i], repairs)) };
    case 'Polygon':
      return normalizeArea(geometry, [geometry.coordinates], [[...path, 'coordinates']], repairs);
    case 'MultiPolygon':
      return normalizeArea(geometry, geometry.coordinates, geometry.coordinates.map((_, i) => [...path, 'coordinates', i]), repairs);
    case 'MultiPoint':
      return { ...geometry, coordinates: geometry.coordinates.map((position) => [...position]) };
    default:
      return { ...geometry, coordinates: [...geometry.coordinates] };
  }
}

function normalizeArea(geometry: Polygon | MultiPolygon, polygons: Position[][][], paths: IssuePath[], repairs: GeometryRepair[]): Polygon | MultiPolygon {
  const tidy: Position[][][] = [];
  polygons.forEach((rings, p) => {
    const kept: Position[][] = [];
    for (let r = 0; r < rings.length; r += 1) {
      const ring = tidyRing(rings[r]!, [...paths[p]!, r], r > 0, repairs);
      if (ring === null && r === 0) break;
      if (ring !== null) kept.push(ring);
    }
    if (kept.length > 0) tidy.push(kept);
  });
  const tidied: MultiPolygon = { type: 'MultiPolygon', coordinates: tidy };
  const remaining = checkGeometry(tidied, { parts: false }).problems.filter((problem) => problem.severity === 'error');
  const multiPath = paths.length === 1 ? paths[0]! : paths[0]!.slice(0, -1);
  if (remaining.length === 0) {
    const united = unitedParts(tidy, multiPath, repairs);
    if (united !== null) return asArea(geometry, united);
    if (geometry.type === 'Polygon' && tidy.length === 1) return { ...geometry, coordinates: tidy[0]! };
    return geometry.type === 'MultiPolygon' ? { ...geometry, coordinates: tidy } : tidied;
  }
  const parts = tidy.map((rings) => rings.map((ring) => ring.map((q): [number, number] => [q[0]!, q[1]!])));
  const resolved: MultiPolygon2 = resolveRings(parts);
  const where = remaining.find((problem) => problem.at !== undefined)?.at;
  repairs.push({
    code: 'resolved-self-intersection',
    message: `${remaining.length} self-intersection(s) or crossing ring(s)${where === undefined ? '' : ` (first at [${where[0]}, ${where[1]}])`} resolved by the clipping engine into ${resolved.length} valid polygon(s)${tidy.length > 1 ? ', the polygons read as their union (any overlap of them counted once)' : ''}`,
    path: multiPath,
  });
  // resolveRings reads the parts as their union, as every overlay does: its polygons do not overlap.
  // Whether they did is recorded as on the valid path, from each part resolved on its own.
  if (parts.length > 1) recordOverlap(parts.map((part) => resolveRings([part])), multiPath, repairs);
  return asArea(geometry, resolved);
}

/**
 * Records `united-overlapping-parts` when the parts (each resolved on its
 * own into valid polygons that do not overlap one another) overlap each
 * other, as {@link unitedParts} does for valid parts: the parts named are
 * the input's, and the km² is what `areaKm2` of the parts each resolved
 * alone would count more than once.
 */
function recordOverlap(resolvedParts: readonly MultiPolygon2[], path: IssuePath, repairs: GeometryRepair[]): void {
  const owner = resolvedParts.flatMap((polygons, p) => polygons.map(() => p));
  const found = overlappingParts(resolvedParts.flat());
  if (found === null || found.tooMany === true) return;
  const pairs = found.pairs === null ? null : [...new Set(found.pairs.map((o) => `${owner[o.first]} and ${owner[o.second]}`))];
  repairs.push(unitedRepair(pairs, found.km2, undefined, path));
}

/** The `united-overlapping-parts` repair: the pairs of parts named (null: too many), the km² counted more than once, and how many polygons the union made (when known). */
function unitedRepair(pairs: readonly string[] | null, km2: number, polygons: number | undefined, path: IssuePath): GeometryRepair {
  const named = pairs === null ? 'more pairs than can be named' : `${pairs.slice(0, 3).join(', ')}${pairs.length > 3 ? ', …' : ''}`;
  return {
    code: 'united-overlapping-parts',
    message: `polygons overlapped (${named}; areaKm2 counted ${Number(km2.toPrecision(3))} km² more than once): united${polygons === undefined ? '' : ` into ${polygons} polygon(s)`}, as every overlay reads them`,
    path,
  };
}

/** The geometry with `coordinates` as its ground: a Polygon stays one where they are one polygon, else a MultiPolygon. */
function asArea(geometry: Polygon | MultiPolygon, coordinates: Position[][][]): Polygon | MultiPolygon {
  if (geometry.type === 'Polygon' && coordinates.length === 1) return { ...geometry, coordinates: coordinates[0]! };
  const { coordinates: _old, ...members } = geometry;
  return { ...members, type: 'MultiPolygon', coordinates } as MultiPolygon;
}

/**
 * The union of `polygons` when some of them overlap (GEOS calls that
 * invalid, and `areaKm2` would count the overlap twice), with the repair
 * recorded; null when none do.
 */
function unitedParts(polygons: Position[][][], path: IssuePath, repairs: GeometryRepair[]): Position[][][] | null {
  if (polygons.length < 2) return null;
  const found = overlappingParts(polygons.map((rings) => rings.map((ring) => ring.map((q): [number, number] => [q[0]!, q[1]!]))));
  // Unchecked (too many pairs of parts with overlapping boxes): left as they are, as validateGeometry says (`parts-unchecked`).
  if (found === null || found.tooMany === true) return null;
  const united = union({ type: 'MultiPolygon', coordinates: polygons }).coordinates;
  repairs.push(unitedRepair(found.pairs === null ? null : found.pairs.map((o) => `${o.first} and ${o.second}`), found.km2, united.length, path));
  return united;
}

/** Closes, de-duplicates and rewinds one ring; null when it collapses. */
function tidyRing(ring: Position[], path: IssuePath, isHole: boolean, repairs: GeometryRepair[]): Position[] | null {
  let out = withoutRepeats(ring, path, repairs);
  const first = out[0];
  const last = out[out.length - 1];
  if (first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1])) {
    out = [...out, [...first]];
    repairs.push({ code: 'closed-ring', message: 'ring was not closed: its first position was repeated at the end', path });
  }
  if (out.length < 4) {
    repairs.push({ code: 'dropped-degenerate-ring', message: `ring has fewer than 3 distinct corners and encloses nothing: dropped${isHole ? '' : ' with its holes'}`, path });
    return null;
  }
  const ccw = twiceSignedArea(out) > 0;
  if (ccw === isHole) {
    out.reverse();
    repairs.push({ code: 'rewound-ring', message: `ring rewound ${isHole ? 'clockwise (hole)' : 'counterclockwise (outer ring)'} as RFC 7946 asks`, path });
  }
  return out;
}

function withoutRepeats(positions: Position[], path: IssuePath, repairs: GeometryRepair[]): Position[] {
  const out: Position[] = [];
  for (const position of positions) {
    const previous = out[out.length - 1];
    if (previous === undefined || previous[0] !== position[0] || previous[1] !== position[1]) out.push([...position]);
  }
  const removed = positions.length - out.length;
  if (removed > 0) repairs.push({ code: 'removed-duplicate-points', message: `${removed} position(s) repeating the one before were removed`, path });
  return out;
}
