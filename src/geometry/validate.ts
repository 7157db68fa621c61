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
import { ContestedError, type IssuePath } from '../errors/index.js';
import { MAX_CANDIDATE_PAIRS, overlappingParts } from './_parts.js';
import type { Ring2 } from './_engine.js';
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
 * whose ground overlaps, at the second of them, with the km²; or, where
 * more than 64 pairs of parts have overlapping boxes, one warning at the
 * MultiPolygon with the km² counted more than once: GEOS calls
 * that invalid, and `areaKm2` counts the overlap once for each part, while
 * every overlay reads the parts as their union; parts that only touch, at
 * points or along an edge, are fine). Parts are checked for overlap only
 * when each is free of errors: the parts whose boxes overlap are united
 * once by the clipping engine, and only an overlap beyond the grid's
 * rounding counts. `parts-unchecked` says when that check did not run:
 * more than 10,000 pairs of parts with overlapping boxes (such a union can
 * take seconds), a limit, or the engine failing.
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
  return checkGeometry(input, { parts: true });
}

/** What {@link checkGeometry} looks at beyond each polygon. */
export interface CheckOptions {
  /**
   * Whether the polygons of a MultiPolygon are checked for overlapping each
   * other (a union of them: off for the engine's own results, whose parts
   * never overlap, and where only errors are read).
   */
  parts: boolean;
}

/** {@link validateGeometry} with the parts check chosen: the library's internal callers. */
export function checkGeometry(input: unknown, options: CheckOptions): GeometryValidation {
  const problems: GeometryProblem[] = [];
  try {
    visit(input, [], problems, options);
  } catch (error) {
    // Only the stack running out (GeometryCollections nested thousands deep, or circular) is the input's problem;
    // an exception from the caller's getter or Proxy, and any bug of ours, passes through.
    if (!isStackOverflow(error)) throw error;
    problems.push({ code: 'too-deep', message: 'the input nests GeometryCollections too deep (or in a circle) to read without running out of stack', path: [], severity: 'error' });
  }
  return { valid: !problems.some((p) => p.severity === 'error'), problems };
}

function visit(input: unknown, path: IssuePath, problems: GeometryProblem[], options: CheckOptions): void {
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
      list('features')?.forEach((feature, index) => visit(feature, [...path, 'features', index], problems, options));
      return;
    case 'Feature': {
      const geometry = value['geometry'];
      if (geometry !== null) visit(geometry, [...path, 'geometry'], problems, options);
      return;
    }
    case 'GeometryCollection':
      list('geometries')?.forEach((geometry, index) => visit(geometry, [...path, 'geometries', index], problems, options));
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
      // The rings as each polygon's check read them: the parts are compared on that reading, never on a second one.
      const read = polygons.map((polygon, index) => checkPolygon(polygon, [...path, 'coordinates', index], problems));
      const sound = read.every((rings): rings is SoundRing[] => rings !== null) && !problems.slice(before).some((p) => p.severity === 'error');
      if (sound && options.parts) checkParts(read.map((rings) => rings.map(closed)), [...path, 'coordinates'], problems);
      return;
    }
    default:
      problems.push({ code: 'invalid-type', message: `unknown GeoJSON type ${quote(type)}`, path: [...path, 'type'], severity: 'error' });
  }
}

/**
 * Warns of a MultiPolygon's polygons whose ground overlaps
 * (`overlapping-parts`: each pair at its second polygon, or the whole
 * MultiPolygon when there are too many pairs to name), or that the check
 * could not run (`parts-unchecked`: a limit, or the engine failing).
 */
function checkParts(polygons: Ring2[][], path: IssuePath, problems: GeometryProblem[]): void {
  const consequence = 'areaKm2 counts that ground once for each; every overlay reads the parts as their union, and normalizeGeometry unites them';
  try {
    const found = overlappingParts(polygons);
    if (found === null) return;
    if (found.tooMany === true) {
      problems.push({ code: 'parts-unchecked', message: `whether the polygons overlap was not checked: more than ${MAX_CANDIDATE_PAIRS.toLocaleString('en-US')} pairs of them have overlapping boxes (compare areaKm2 with areaKm2 of their union to find out)`, path, severity: 'warning' });
      return;
    }
    if (found.pairs === null) {
      problems.push({ code: 'overlapping-parts', message: `polygons of this MultiPolygon overlap (GEOS calls this invalid): ${km2Text(found.km2)} km² counted more than once; ${consequence}`, path, severity: 'warning' });
      return;
    }
    for (const { first, second, km2 } of found.pairs) {
      problems.push({ code: 'overlapping-parts', message: `polygon ${second} overlaps polygon ${first} by ${km2Text(km2)} km² (GEOS calls this invalid): ${consequence}`, path: [...path, second], severity: 'warning' });
    }
  } catch (error) {
    if (!(error instanceof ContestedError)) throw error;
    problems.push({ code: 'parts-unchecked', message: `whether the polygons overlap could not be checked: ${error.issues[0]?.message ?? error.message}`, path, severity: 'warning' });
  }
}

const km2Text = (km2: number): string => String(Number(km2.toPrecision(3)));

/** A sound ring's points as a closed ring. */
const closed = (ring: SoundRing): Ring2 => [...ring.points, ring.points[0]!];

function checkLine(value: unknown, path: IssuePath, problems: GeometryProblem[]): void {
  const checked = checkPositions(value, path, problems);
  if (checked !== null && checked.count < 2) {
    problems.push({ code: 'too-few-positions', message: 'a line needs at least 2 positions', path, severity: 'error' });
  }
}

/** Checks a polygon; returns its rings as read when each is sound (null otherwise). */
function checkPolygon(value: unknown, path: IssuePath, problems: GeometryProblem[]): SoundRing[] | null {
  if (!Array.isArray(value)) {
    problems.push({ code: 'invalid-type', message: 'a polygon is an array of rings', path, severity: 'error' });
    return null;
  }
  if (value.length === 0) {
    problems.push({ code: 'too-few-positions', message: 'a polygon needs an outer ring', path, severity: 'error' });
    return null;
  }
  const rings: SoundRing[] = [];
  let sound = true;
  Array.from(value as unknown[]).forEach((ring: unknown, index: number) => {
    const checked = checkRing(ring, [...path, index], index > 0, problems);
    if (checked === null) sound = false;
    else rings.push(checked);
  });
  if (sound) checkTopology(rings, problems);
  return sound ? rings : null;
}
