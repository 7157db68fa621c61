/**
 * Sizes: area in km², perimeter, length and distance in metres. Areas are
 * exact on the WGS84 ellipsoid for SPEC's edge model (edges straight in
 * lon/lat, RFC 7946); perimeters, lengths and distances are geodesic, from
 * GeographicLib, between consecutive positions.
 *
 * @module
 */
import type { Feature, Point, Position } from 'geojson';
import type { IssuePath } from '../errors/index.js';
import { checkedRingIntegral, polygonAreaM2, WGS84_A } from './_area.js';
import { geodesicDistance } from './_geodesic.js';
import { checkEdges, geometriesOf, invalidInput, polygonsOf, type GeometryInput, type LocatedPolygon } from './_input.js';
import { checkPolygonRings } from './_operand.js';
import { ringContainsPoint } from './_pointInRing.js';

/**
 * A point as the distance functions accept it: a `[lon, lat]` position, a
 * Point geometry, or a Feature holding one.
 *
 * @category Geometry
 */
export type PointInput = Position | Point | Feature<Point>;

/**
 * The area of every polygon in the input, in km², exact on the WGS84
 * ellipsoid for edges straight in longitude/latitude (RFC 7946).
 *
 * Holes subtract. Winding does not matter: the first ring of a polygon
 * counts as positive area whichever way it runs, every later ring as a hole.
 * Rings need not repeat their first position; the closing edge is implied.
 * Overlapping polygons in one input are counted twice (use {@link union}
 * first to count ground once); {@link validateGeometry} warns of polygons
 * of one MultiPolygon that overlap (`overlapping-parts`, with the km²
 * counted twice), and {@link normalizeGeometry} unites them.
 *
 * A ring that crosses itself is not looked for: each ring is measured by
 * its signed area, so the two lobes of a bow-tie cancel (0 km²), where
 * {@link normalizeGeometry}, {@link union} and every overlay read it by the
 * even–odd rule (both lobes). Finding the crossing needs a sweep over the
 * ring's edges, which costs 15–70× this whole function on the DeepState
 * snapshots (measured), so it is left to {@link validateGeometry}
 * (`self-intersection`); measure `normalizeGeometry(input).geometry` to
 * get the even–odd figure. `controlMap` ranks claims by the even–odd
 * figure, the ground each claim paints.
 *
 * @param input - a Geometry, Feature or FeatureCollection
 * @returns the area in km²; 0 for points, lines, empty collections and
 *   features without geometry
 * @throws {@link ContestedError} `invalid-geometry` for a non-finite or
 *   out-of-range coordinate, an edge spanning more than 180° of longitude
 *   (antimeridian crossing), an unclosed ring (`unclosed-ring`: close it,
 *   or call {@link normalizeGeometry}) or a hole reaching outside its outer
 *   ring (`hole-outside-shell`), each with the ring's path; `invalid-input`
 *   when the input is not GeoJSON;
 *   `limit-exceeded` when it has more vertices, features or nesting than
 *   {@link DEFAULT_LIMITS} allows (5,000,000 vertices)
 * @category Geometry
 *
 * @example
 * ```ts
 * // A 0.1° × 0.1° cell at Pokrovsk (37.1° E, 48.3° N).
 * areaKm2({
 *   type: 'Polygon',
 *   coordinates: [[[37.1, 48.3], [37.2, 48.3], [37.2, 48.4], [37.1, 48.4], [37.1, 48.3]]],
 * });
 * //=> 82.418… (km²)
 * ```
 */
export function areaKm2(input: GeometryInput): number {
  let total = 0;
  for (const polygon of polygonsOf(input, 'skip')) total += checkedPolygonAreaM2(polygon);
  return total / 1e6;
}

const shellBox = new Float64Array(5);
const holeBox = new Float64Array(5);

/**
 * A polygon's area in m², checked by the rule of `checkPolygonRings` in the
 * same pass that measures it (the checks cost more than Turf's whole area
 * when run as a separate pass). Anything the one pass does not plainly
 * accept (a bad or missing position, a ring that is short or open, an edge
 * along ±180°, a hole leaving its shell's box or found outside it) goes to
 * `checkPolygonRings`, which names the problem, and is measured by the
 * unchecked integral only if that accepts it. The figure is the same, bit
 * for bit, on either path.
 */
function checkedPolygonAreaM2(polygon: LocatedPolygon): number {
  const rings = polygon.rings;
  const shell = rings[0];
  let area = shell === undefined ? 0 : ringAreaOf(checkedRingIntegral(shell, shellBox));
  for (let index = 1; index < rings.length && !Number.isNaN(area); index += 1) {
    const hole = rings[index]!;
    area -= ringAreaOf(checkedRingIntegral(hole, holeBox));
    if (!holeInsideShell(shell!, hole)) area = Number.NaN;
  }
  if (!Number.isNaN(area)) return area;
  checkPolygonRings(polygon);
  return polygonAreaM2(rings);
}

function ringAreaOf(integral: number): number {
  return (WGS84_A * WGS84_A / 2) * Math.abs(integral);
}

/** Whether a hole lies within its shell by checkPolygonRings' rule: inside the box, and the first vertex off the shell's boundary inside it. */
function holeInsideShell(shell: LocatedPolygon['rings'][number], hole: LocatedPolygon['rings'][number]): boolean {
  if (holeBox[0]! < shellBox[0]! || holeBox[1]! < shellBox[1]! || holeBox[2]! > shellBox[2]! || holeBox[3]! > shellBox[3]!) return false;
  for (const p of hole) {
    const placement = ringContainsPoint(shell, p[0]!, p[1]!);
    if (placement !== 'boundary') return placement === 'inside';
  }
  return true;
}

/**
 * The geodesic length of every ring of every polygon in the input (outer
 * rings and holes), in metres.
 *
 * Each edge is measured as the geodesic between its end points, which for
 * the short edges of real data is the length of the lon/lat-straight edge
 * to well under a millimetre per kilometre.
 *
 * @param input - a Geometry, Feature or FeatureCollection
 * @returns metres; 0 when the input has no polygon
 * @throws {@link ContestedError} `invalid-geometry` for bad coordinates
 *   (see {@link areaKm2}); `invalid-input` when the input is not GeoJSON
 * @category Geometry
 *
 * @example
 * ```ts
 * perimeterM({ type: 'Polygon', coordinates: [[[37, 48], [37.01, 48], [37.01, 48.01], [37, 48]]] });
 * //=> 3_197.2… (metres)
 * ```
 */
export function perimeterM(input: GeometryInput): number {
  let total = 0;
  for (const polygon of polygonsOf(input, 'skip')) {
    polygon.rings.forEach((ring, index) => {
      total += pathLength(ring, [...polygon.path, index], true);
    });
  }
  return total;
}

/**
 * The geodesic length of every LineString and MultiLineString in the input,
 * in metres. Polygon outlines are not lines here: use {@link perimeterM}.
 *
 * @param input - a Geometry, Feature or FeatureCollection
 * @returns metres; 0 when the input has no line
 * @throws {@link ContestedError} `invalid-geometry` for bad coordinates
 *   (see {@link areaKm2}); `invalid-input` when the input is not GeoJSON
 * @category Geometry
 *
 * @example
 * ```ts
 * lengthM({ type: 'LineString', coordinates: [[37.15, 48.28], [37.2, 48.28]] });
 * //=> 3_711.0… (metres)
 * ```
 */
export function lengthM(input: GeometryInput): number {
  let total = 0;
  for (const { geometry, path } of geometriesOf(input)) {
    if (geometry.type === 'LineString') total += pathLength(geometry.coordinates, [...path, 'coordinates'], false);
    else if (geometry.type === 'MultiLineString') {
      geometry.coordinates.forEach((line, index) => {
        total += pathLength(line, [...path, 'coordinates', index], false);
      });
    }
  }
  return total;
}

/**
 * The geodesic distance between two points on the WGS84 ellipsoid, in
 * metres (GeographicLib's inverse problem, accurate to about 15 nm).
 *
 * @param from - a `[lon, lat]` position, Point, or Feature holding a Point
 * @param to - the same
 * @returns metres; 0 for the same point
 * @throws {@link ContestedError} `invalid-input` when either is not a point;
 *   `invalid-geometry` when a coordinate is not finite or out of range
 * @category Geometry
 *
 * @example
 * ```ts
 * // Pokrovsk to Myrnohrad, centre to centre.
 * distanceM([37.18, 48.28], [37.26, 48.30]);
 * //=> 6_339.3… (metres)
 * ```
 */
export function distanceM(from: PointInput, to: PointInput): number {
  const a = pointPosition(from, ['from']);
  const b = pointPosition(to, ['to']);
  return geodesicDistance(a[0]!, a[1]!, b[0]!, b[1]!);
}

/** The position of a point input, checked. */
export function pointPosition(input: PointInput, path: IssuePath): Position {
  let position: unknown = input;
  if (!Array.isArray(input)) {
    if (input === null || typeof input !== 'object') throw invalidInput(path, 'expected a [lon, lat] position, a Point, or a Feature holding a Point');
    const value = input as { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null; coordinates?: unknown };
    const geometry = value.type === 'Feature' ? value.geometry : value;
    if (geometry?.type !== 'Point') throw invalidInput(path, 'expected a [lon, lat] position, a Point, or a Feature holding a Point');
    position = geometry.coordinates;
  }
  if (!Array.isArray(position)) throw invalidInput(path, 'a point needs [lon, lat] coordinates');
  checkEdges([position as Position], path);
  return position as Position;
}

function pathLength(positions: readonly Position[], path: IssuePath, closed: boolean): number {
  checkEdges(positions, path);
  let total = 0;
  for (let i = 1; i < positions.length; i += 1) {
    const a = positions[i - 1]!;
    const b = positions[i]!;
    total += geodesicDistance(a[0]!, a[1]!, b[0]!, b[1]!);
  }
  const first = positions[0];
  const last = positions[positions.length - 1];
  if (closed && first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1])) {
    total += geodesicDistance(last[0]!, last[1]!, first[0]!, first[1]!);
  }
  return total;
}
