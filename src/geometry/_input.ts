/**
 * Reading the GeoJSON shapes callers hand to the geometry functions. Every
 * public function accepts a Geometry, a Feature or a FeatureCollection; this
 * module flattens them into plain polygon and line coordinate lists, each with
 * the path it came from, so that errors can point into the caller's input.
 * It also owns the one antimeridian rule the geometry layer applies (see
 * `checkEdges`), so that every function refuses the same inputs the same way.
 *
 * @module
 */
import type {
  Feature,
  FeatureCollection,
  Geometry,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { ContestedError, type ContestedIssue, type IssuePath } from '../errors/index.js';
import { DEFAULT_LIMITS, limitExceeded, type Limits } from '../_lib/limits.js';

/**
 * What the geometry functions accept: a GeoJSON geometry, a Feature or a
 * FeatureCollection. Features with a `null` geometry count as empty.
 *
 * @category Geometry
 */
export type GeometryInput = Geometry | Feature<Geometry | null> | FeatureCollection<Geometry | null>;

/**
 * An area as the boolean operations accept it: a Polygon or MultiPolygon,
 * alone, in a Feature, or in a FeatureCollection.
 *
 * @category Geometry
 */
export type AreaInput =
  | Polygon
  | MultiPolygon
  | Feature<Polygon | MultiPolygon | null>
  | FeatureCollection<Polygon | MultiPolygon | null>;

/** One geometry found inside an input, with where it was found. */
export interface LocatedGeometry {
  geometry: Geometry;
  path: IssuePath;
}

/** One polygon (outer ring then holes) with where it was found. */
export interface LocatedPolygon {
  rings: Position[][];
  path: IssuePath;
}

/** Flattens an input into its geometries, GeometryCollections opened. */
export function geometriesOf(input: GeometryInput, path: IssuePath = [], limits: Limits = DEFAULT_LIMITS): LocatedGeometry[] {
  const out: LocatedGeometry[] = [];
  collect(input, path, out, { limits, vertices: 0, features: 0, depth: 0 });
  return out;
}

/** Running totals of one input, checked against the limits as they grow. */
interface Tally {
  limits: Limits;
  vertices: number;
  features: number;
  depth: number;
}

/**
 * Counts the positions of a geometry from the lengths of its arrays (never
 * visiting a position), so an oversize input is refused before any work.
 */
function countVertices(geometry: { type: string; coordinates: unknown[] }, path: IssuePath, tally: Tally): void {
  const coordinates = geometry.coordinates;
  const len = (v: unknown): number => (Array.isArray(v) ? v.length : 0);
  let n = 0;
  switch (geometry.type) {
    case 'Point':
      n = 1;
      break;
    case 'MultiPoint':
    case 'LineString':
      n = coordinates.length;
      break;
    case 'MultiLineString':
    case 'Polygon':
      for (const part of coordinates) n += len(part);
      break;
    case 'MultiPolygon':
      for (const polygon of coordinates) if (Array.isArray(polygon)) for (const ring of polygon) n += len(ring);
      break;
  }
  tally.vertices += n;
  if (tally.vertices > tally.limits.maxVertices) throw limitExceeded('maxVertices', tally.limits.maxVertices, tally.vertices, path, true);
}

function collect(input: unknown, path: IssuePath, out: LocatedGeometry[], tally: Tally): void {
  if (tally.depth > tally.limits.maxDepth) throw limitExceeded('maxDepth', tally.limits.maxDepth, tally.depth, path, true);
  if (input === null || typeof input !== 'object') {
    throw invalidInput(path, `expected a GeoJSON Geometry, Feature or FeatureCollection; got ${describe(input)}`);
  }
  const value = input as { type?: unknown; geometry?: unknown; features?: unknown; geometries?: unknown };
  switch (value.type) {
    case 'FeatureCollection': {
      if (!Array.isArray(value.features)) throw invalidInput([...path, 'features'], 'a FeatureCollection needs a `features` array');
      tally.features += value.features.length;
      if (tally.features > tally.limits.maxFeatures) throw limitExceeded('maxFeatures', tally.limits.maxFeatures, tally.features, [...path, 'features'], true);
      nested(tally, () => (value.features as unknown[]).forEach((feature: unknown, index: number) => collect(feature, [...path, 'features', index], out, tally)));
      return;
    }
    case 'Feature':
      // A Feature without geometry is allowed by RFC 7946 and means "no place".
      if (value.geometry !== null && value.geometry !== undefined) nested(tally, () => collect(value.geometry, [...path, 'geometry'], out, tally));
      return;
    case 'GeometryCollection': {
      if (!Array.isArray(value.geometries)) throw invalidInput([...path, 'geometries'], 'a GeometryCollection needs a `geometries` array');
      tally.features += value.geometries.length;
      if (tally.features > tally.limits.maxFeatures) throw limitExceeded('maxFeatures', tally.limits.maxFeatures, tally.features, [...path, 'geometries'], true);
      nested(tally, () => (value.geometries as unknown[]).forEach((geometry: unknown, index: number) => collect(geometry, [...path, 'geometries', index], out, tally)));
      return;
    }
    case 'Point':
    case 'MultiPoint':
    case 'LineString':
    case 'MultiLineString':
    case 'Polygon':
    case 'MultiPolygon':
      if (!Array.isArray((value as { coordinates?: unknown }).coordinates)) {
        throw invalidInput([...path, 'coordinates'], `a ${value.type} needs a \`coordinates\` array`);
      }
      countVertices(value as { type: string; coordinates: unknown[] }, [...path, 'coordinates'], tally);
      out.push({ geometry: value as Geometry, path });
      return;
    default:
      throw invalidInput([...path, 'type'], `unknown GeoJSON type ${describe(value.type)}`);
  }
}

/** Runs `visit` one level deeper; GeometryCollections may nest, so depth is bounded. */
function nested(tally: Tally, visit: () => void): void {
  tally.depth += 1;
  visit();
  tally.depth -= 1;
}

/**
 * The polygons of an input. Points and lines are skipped when `others` is
 * 'skip' (area of a line is 0) and refused when it is 'refuse'.
 */
export function polygonsOf(input: GeometryInput, others: 'skip' | 'refuse', path: IssuePath = [], limits: Limits = DEFAULT_LIMITS): LocatedPolygon[] {
  const polygons: LocatedPolygon[] = [];
  for (const { geometry, path: at } of geometriesOf(input, path, limits)) {
    if (geometry.type === 'Polygon') polygons.push({ rings: geometry.coordinates, path: [...at, 'coordinates'] });
    else if (geometry.type === 'MultiPolygon') {
      geometry.coordinates.forEach((rings: unknown, index) => {
        // A polygon that is not a list of rings is refused here, with its path (it had been a TypeError later).
        if (!Array.isArray(rings)) throw invalidInput([...at, 'coordinates', index], `a MultiPolygon's polygon is a list of rings; got ${describe(rings)}`);
        polygons.push({ rings: rings as Position[][], path: [...at, 'coordinates', index] });
      });
    } else if (others === 'refuse') {
      throw new ContestedError('invalid-input', [
        { code: 'not-an-area', path: [...at, 'type'], message: `expected a Polygon or MultiPolygon; got a ${geometry.type}` },
      ]);
    }
  }
  return polygons;
}

/**
 * Checks the coordinates of a ring or line: finite, in range, and no edge
 * spanning more than 180° of longitude.
 *
 * Why refuse long edges: RFC 7946 edges are straight in lon/lat, so an edge
 * from 179° to −179° runs 358° the long way round through Greenwich. Data
 * like that almost always meant to cross the antimeridian, and RFC 7946
 * §3.1.9 says such shapes must be cut at ±180° instead. Rather than guess,
 * the geometry layer refuses them. The one exception is an edge running
 * from −180° to +180° exactly (a polar cap or a world-wide box), which is
 * what a correctly cut shape looks like.
 */
export function checkEdges(positions: readonly Position[], path: IssuePath): void {
  const issues: ContestedIssue[] = [];
  for (let i = 0; i < positions.length; i += 1) {
    const position = positions[i];
    const lon = position?.[0];
    const lat = position?.[1];
    if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
      issues.push({ code: 'non-finite-coordinate', path: [...path, i], message: `position ${i} is not a pair of finite numbers: ${describe(position)}` });
      continue;
    }
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      issues.push({ code: 'out-of-range', path: [...path, i], message: `position ${i} [${lon}, ${lat}] is outside lon [-180, 180], lat [-90, 90] (GeoJSON order is [lon, lat])` });
      continue;
    }
    const previous = i > 0 ? positions[i - 1] : undefined;
    // `?.`: the previous position may be null (reported above), which must not crash this one.
    const previousLon = previous?.[0];
    if (typeof previousLon === 'number' && Math.abs(lon - previousLon) > 180 && !(Math.abs(lon) === 180 && Math.abs(previousLon) === 180)) {
      issues.push({ code: 'antimeridian-crossing', path: [...path, i], message: antimeridianMessage(i, previousLon, lon) });
    }
    if (issues.length >= 20) break;
  }
  if (issues.length > 0) throw new ContestedError('invalid-geometry', issues);
}

/** The sentence used wherever an antimeridian-crossing edge is refused. */
export function antimeridianMessage(index: number, fromLon: number, toLon: number): string {
  return `the edge ending at position ${index} jumps from longitude ${fromLon} to ${toLon}, more than 180°: ` +
    'it looks like it crosses the antimeridian; cut the shape at ±180° as RFC 7946 §3.1.9 requires';
}

export function invalidInput(path: IssuePath, message: string): ContestedError {
  return new ContestedError('invalid-input', [{ code: 'invalid-type', path, message }]);
}

/** A short description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}
