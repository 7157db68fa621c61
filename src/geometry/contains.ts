/**
 * Whether an area holds a point or a geometry — the test behind "a flag
 * filmed inside ground the Kremlin claims". Boundary rule: the boundary
 * belongs to the area (the area is a closed set, as in OGC's `covers`), so
 * a point exactly on the edge of a claim counts as inside it.
 *
 * @module
 */
import type { Position } from 'geojson';
import type { MultiPolygon2 } from './_clean.js';
import { clip } from './_engine.js';
import { checkEdges, geometriesOf, type AreaInput, type GeometryInput } from './_input.js';
import { areaPlacement } from './_pointInRing.js';
import { findMeetings, type Segment } from './_segments.js';
import { areaCoordinates } from './boolean.js';

/**
 * Whether every point of `what` lies in `area`, the area's boundary
 * included.
 *
 * A point on the boundary is contained; a line is contained when it never
 * leaves the area (running along the boundary is fine); a polygon is
 * contained when no part of it lies outside. Positions are tested in
 * lon/lat, the same edge model as every other geometry function.
 *
 * @param area - the area
 * @param what - a `[lon, lat]` position, or any Geometry, Feature or
 *   FeatureCollection
 * @returns true when all of `what` lies in the area; false for an empty
 *   area; true for an empty `what` (nothing lies outside)
 * @throws {@link ContestedError} `invalid-input` when `area` holds a point
 *   or line; `invalid-geometry` for bad coordinates
 * @category Geometry
 *
 * @example
 * ```ts
 * const city: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] };
 * contains(city, [1, 1]);  //=> true
 * contains(city, [2, 1]);  //=> true (on the boundary)
 * contains(city, [3, 1]);  //=> false
 * ```
 */
export function contains(area: AreaInput, what: Position | GeometryInput): boolean {
  const shape = areaCoordinates(area, ['area']);
  if (shape.length === 0) return false;
  if (Array.isArray(what)) {
    checkEdges([what as Position], ['what']);
    return areaPlacement(shape, what[0]!, what[1]!) !== 'outside';
  }
  for (const { geometry, path } of geometriesOf(what as GeometryInput, ['what'])) {
    switch (geometry.type) {
      case 'Point':
        checkEdges([geometry.coordinates], path);
        if (areaPlacement(shape, geometry.coordinates[0]!, geometry.coordinates[1]!) === 'outside') return false;
        break;
      case 'MultiPoint':
        checkEdges(geometry.coordinates, path);
        if (geometry.coordinates.some((p) => areaPlacement(shape, p[0]!, p[1]!) === 'outside')) return false;
        break;
      case 'LineString':
        checkEdges(geometry.coordinates, path);
        if (!lineInside(shape, geometry.coordinates)) return false;
        break;
      case 'MultiLineString':
        geometry.coordinates.forEach((line, index) => checkEdges(line, [...path, 'coordinates', index]));
        if (!geometry.coordinates.every((line) => lineInside(shape, line))) return false;
        break;
      default: {
        const rest = clip('difference', [areaCoordinates({ type: 'Feature', properties: null, geometry } as AreaInput, path), shape]);
        if (rest.length > 0) return false;
      }
    }
  }
  return true;
}

/**
 * Whether a line stays in the area: cut each segment wherever it meets the
 * area's boundary, and test the middle of every piece (a piece lies wholly
 * inside or wholly outside, since it meets the boundary only at its ends).
 */
function lineInside(shape: MultiPolygon2, line: readonly Position[]): boolean {
  if (line.some((p) => areaPlacement(shape, p[0]!, p[1]!) === 'outside')) return false;
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < line.length; i += 1) {
    segments.push({ ax: line[i]![0]!, ay: line[i]![1]!, bx: line[i + 1]![0]!, by: line[i + 1]![1]!, ring: -1, edge: i });
  }
  for (const polygon of shape) {
    for (const ring of polygon) {
      for (let i = 0; i + 1 < ring.length; i += 1) {
        segments.push({ ax: ring[i]![0], ay: ring[i]![1], bx: ring[i + 1]![0], by: ring[i + 1]![1], ring: 0, edge: i });
      }
    }
  }
  const cuts = new Map<number, number[]>();
  for (const meeting of findMeetings(segments, (m) => (m.first.ring === -1) !== (m.second.ring === -1), Infinity)) {
    const lineSegment = meeting.first.ring === -1 ? meeting.first : meeting.second;
    const length = Math.hypot(lineSegment.bx - lineSegment.ax, lineSegment.by - lineSegment.ay);
    const t = Math.hypot(meeting.at[0] - lineSegment.ax, meeting.at[1] - lineSegment.ay) / length;
    cuts.set(lineSegment.edge, [...(cuts.get(lineSegment.edge) ?? []), t]);
    if (meeting.contact === 'overlap') {
      const other = meeting.first.ring === -1 ? meeting.second : meeting.first;
      for (const [x, y] of [[other.ax, other.ay], [other.bx, other.by]] as const) {
        cuts.get(lineSegment.edge)!.push(Math.hypot(x - lineSegment.ax, y - lineSegment.ay) / length);
      }
    }
  }
  for (const [edge, ts] of cuts) {
    const segment = segments[edge]!;
    const sorted = [0, ...ts.filter((t) => t > 0 && t < 1), 1].sort((p, q) => p - q);
    for (let k = 0; k + 1 < sorted.length; k += 1) {
      const mid = (sorted[k]! + sorted[k + 1]!) / 2;
      const x = segment.ax + mid * (segment.bx - segment.ax);
      const y = segment.ay + mid * (segment.by - segment.ay);
      if (areaPlacement(shape, x, y) === 'outside') return false;
    }
  }
  return true;
}
