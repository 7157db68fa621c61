/**
 * `validateGeometry`: everything wrong with a GeoJSON geometry, each
 * problem with a path into the input and, where it has one, the `[lon, lat]`
 * where it is. It throws nothing of its own: anything that is not GeoJSON
 * is itself reported as a problem. An exception thrown by the caller's own
 * getter or Proxy passes through unchanged, as does any bug of ours: only
 * running out of stack on input nested too deep is turned into a problem.
 *
 * @module
 */
import type { Position } from 'geojson';
import { ContestedError, type IssuePath } from '../errors/index.js';
import { overlappingParts } from './_parts.js';
import { checkPositions, checkRing, checkTopology, positionProblem, type GeometryProblem, type SoundRing } from './_ringChecks.js';
import { quote, word } from '../_lib/quote.js';
import { isStackOverflow } from '../_lib/stack.js';

export type { GeometryProblem } from './_ringChecks.js';

/**
 * What {@link validateGeometry} found.
 *
 * @category Geometry
 */
export interface GeometryValidation {
  /** False when any problem is an `error`; warnings alone leave it true. */
  valid: boolean;
  /** Every problem, errors and warnings, in input order. */
  problems: GeometryProblem[];
}

/**
 * Checks a GeoJSON Geometry, Feature or FeatureCollection and reports every
 * problem with its location.
 *
 * Errors (`valid: false`): `invalid-type`, `invalid-position`,
 * `non-finite-coordinate`, `out-of-range`, `too-few-positions` (lines need
 * 2, rings 4), `unclosed-ring`, `antimeridian-crossing` (an edge spanning
 * more than 180° of longitude, which the geometry functions refuse),
 * `self-intersection` (a ring crossing, touching or running back along
 * itself; `at` is the crossing point), `rings-intersect` (a hole crossing
 * its shell or another hole; rings may touch at single points),
 * `hole-outside-shell`, and `too-deep` (GeometryCollections nested so deep,
 * or in a circle, that reading them runs out of stack). Warnings: `duplicate-point` (a position repeating
 * the one before it), `wrong-winding` (RFC 7946 asks for outer rings
 * counterclockwise and holes clockwise, but tells readers to accept
 * either), and `overlapping-parts` (two polygons of one MultiPolygon
 * whose ground overlaps, at the second of them, with the km²: GEOS calls
 * that invalid, and `areaKm2` counts the overlap once for each part, while
 * every overlay reads the parts as their union; parts that only touch, at
 * points or along an edge, are fine). Parts are checked for overlap only
 * when each is free of errors, through the clipping engine for pairs whose
 * boxes overlap; `parts-unchecked` says when that check could not run (a
 * limit, or the engine failing).
 *
 * @param input - any value; typically a Geometry, Feature or FeatureCollection
 * @returns `{ valid, problems }`; `{ valid: true, problems: [] }` for a
 *   clean geometry or an empty collection
 * @throws nothing of its own (anything that is not GeoJSON is reported as a
 *   problem); an exception from the caller's own getter or Proxy passes
 *   through unchanged
 * @category Geometry
 *
 * @example
 * ```ts
 * validateGeometry({ type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] });
 * //=> { valid: false, problems: [{ code: 'wrong-winding', … }, { code: 'self-intersection', at: [1, 1], path: ['coordinates', 0, 0], … }] }
 * ```
 */
export function validateGeometry(input: unknown): GeometryValidation {
  const problems: GeometryProblem[] = [];
  try {
    visit(input, [], problems);
  } catch (error) {
    // Only the stack running out (GeometryCollections nested thousands deep, or circular) is the input's problem;
    // an exception from the caller's getter or Proxy, and any bug of ours, passes through.
    if (!isStackOverflow(error)) throw error;
    problems.push({ code: 'too-deep', message: 'the input nests GeometryCollections too deep (or in a circle) to read without running out of stack', path: [], severity: 'error' });
  }
  return { valid: !problems.some((p) => p.severity === 'error'), problems };
}

function visit(input: unknown, path: IssuePath, problems: GeometryProblem[]): void {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    problems.push({ code: 'invalid-type', message: 'expected a GeoJSON object (Geometry, Feature or FeatureCollection)', path, severity: 'error' });
    return;
  }
  const value = input as Record<string, unknown>;
  // Each member is read once: a getter that answers differently on a later read is judged on its first answer.
  const type = value['type'];
  const list = (key: string): unknown[] | null => {
    const member = value[key];
    // Array.from turns the holes of a sparse array into undefined, which is then reported where it is.
    if (Array.isArray(member)) return Array.from(member as unknown[]);
    problems.push({ code: 'invalid-type', message: `a ${word(type)} needs a \`${key}\` array`, path: [...path, key], severity: 'error' });
    return null;
  };
  switch (type) {
    case 'FeatureCollection':
      list('features')?.forEach((feature, index) => visit(feature, [...path, 'features', index], problems));
      return;
    case 'Feature': {
      const geometry = value['geometry'];
      if (geometry !== null) visit(geometry, [...path, 'geometry'], problems);
      return;
    }
    case 'GeometryCollection':
      list('geometries')?.forEach((geometry, index) => visit(geometry, [...path, 'geometries', index], problems));
      return;
    case 'Point': {
      const problem = positionProblem(value['coordinates'], [...path, 'coordinates']);
      if (problem !== null) problems.push(problem);
      return;
    }
    case 'MultiPoint':
      list('coordinates')?.forEach((position, index) => {
        const problem = positionProblem(position, [...path, 'coordinates', index]);
        if (problem !== null) problems.push(problem);
      });
      return;
    case 'LineString': {
      const line = list('coordinates');
      if (line !== null) checkLine(line, [...path, 'coordinates'], problems);
      return;
    }
    case 'MultiLineString':
      list('coordinates')?.forEach((line, index) => checkLine(line, [...path, 'coordinates', index], problems));
      return;
    case 'Polygon': {
      const rings = list('coordinates');
      if (rings !== null) checkPolygon(rings, [...path, 'coordinates'], problems);
      return;
    }
    case 'MultiPolygon': {
      const polygons = list('coordinates');
      if (polygons === null) return;
      const before = problems.length;
      polygons.forEach((polygon, index) => checkPolygon(polygon, [...path, 'coordinates', index], problems));
      // Only parts that are sound on their own are checked for overlapping each other.
      if (!problems.slice(before).some((p) => p.severity === 'error')) checkParts(polygons as Position[][][], [...path, 'coordinates'], problems);
      return;
    }
    default:
      problems.push({ code: 'invalid-type', message: `unknown GeoJSON type ${quote(type)}`, path: [...path, 'type'], severity: 'error' });
  }
}

/**
 * Warns of each pair of a MultiPolygon's polygons whose ground overlaps
 * (`overlapping-parts`, at the second of the two), or that the overlap
 * could not be checked (`parts-unchecked`: a limit, or the engine failing).
 */
function checkParts(polygons: Position[][][], path: IssuePath, problems: GeometryProblem[]): void {
  try {
    for (const { first, second, km2 } of overlappingParts(polygons)) {
      problems.push({
        code: 'overlapping-parts',
        message: `polygon ${second} overlaps polygon ${first} by ${Number(km2.toPrecision(3))} km² (GEOS calls this invalid): areaKm2 counts that ground once for each; every overlay reads the parts as their union, and normalizeGeometry unites them`,
        path: [...path, second],
        severity: 'warning',
      });
    }
  } catch (error) {
    if (!(error instanceof ContestedError)) throw error;
    problems.push({ code: 'parts-unchecked', message: `whether the polygons overlap could not be checked: ${error.message.split('\n')[0]}`, path, severity: 'warning' });
  }
}

function checkLine(value: unknown, path: IssuePath, problems: GeometryProblem[]): void {
  const checked = checkPositions(value, path, problems);
  if (checked !== null && checked.count < 2) {
    problems.push({ code: 'too-few-positions', message: 'a line needs at least 2 positions', path, severity: 'error' });
  }
}

function checkPolygon(value: unknown, path: IssuePath, problems: GeometryProblem[]): void {
  if (!Array.isArray(value)) {
    problems.push({ code: 'invalid-type', message: 'a polygon is an array of rings', path, severity: 'error' });
    return;
  }
  if (value.length === 0) {
    problems.push({ code: 'too-few-positions', message: 'a polygon needs an outer ring', path, severity: 'error' });
    return;
  }
  const rings: SoundRing[] = [];
  let sound = true;
  Array.from(value as unknown[]).forEach((ring: unknown, index: number) => {
    const checked = checkRing(ring, [...path, index], index > 0, problems);
    if (checked === null) sound = false;
    else rings.push(checked);
  });
  if (sound) checkTopology(rings, problems);
}
