/**
 * The checks `validateGeometry` runs on positions, rings and polygons, each
 * returning problems rather than throwing, so that arbitrary JSON can be
 * examined in one pass. Structural checks (positions, closing, length,
 * repeats, winding, antimeridian) are per ring; topological ones
 * (self-intersection, rings crossing, holes outside their shell) are per
 * polygon and run only once its coordinates are sound.
 *
 * @module
 */
import type { IssuePath } from '../errors/index.js';
import { antimeridianMessage } from './_input.js';
import { twiceSignedArea } from './_planar.js';
import { RingLocator } from './_pointInRing.js';
import { quote } from '../_lib/quote.js';
import { findMeetings, isJoint, type Segment } from './_segments.js';

/**
 * One problem `validateGeometry` found.
 *
 * @category Geometry
 */
export interface GeometryProblem {
  /** Kind of problem, e.g. `self-intersection`, `unclosed-ring`, `wrong-winding`. */
  code: string;
  /** A sentence for people: what is wrong and what would be right. */
  message: string;
  /** Where in the input: `['coordinates', 0, 17]` is vertex 17 of the outer ring. */
  path: (string | number)[];
  /** The `[lon, lat]` of the problem, where it has one (a crossing point). */
  at?: [number, number];
  /** `error` makes the geometry invalid; `warning` is reported but accepted. */
  severity: 'error' | 'warning';
}

/** A ring whose positions are all finite and in range, ready for topology. */
export interface SoundRing {
  points: [number, number][];
  /** Index in the input of each point (repeats removed). */
  source: number[];
  path: IssuePath;
}

const MAX_PER_RING = 20;


/** The problem with a position (an array of 2 or 3 finite numbers in range), or null when it is sound. */
export function positionProblem(value: unknown, path: IssuePath): GeometryProblem | null {
  return readPosition(value, path);
}

const isFiniteNumber = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/** Where {@link readPosition} leaves a sound position's lon and lat: no array is made per position only to be checked. */
const lastRead = { lon: 0, lat: 0 };

/**
 * A position's problem, or null when it is sound (its lon and lat are then
 * in `lastRead`, to be taken before the next call). Its length and each
 * element are read once, so that an element that answers differently on a
 * second read cannot pass the check and be used as something else.
 */
function readPosition(value: unknown, path: IssuePath): GeometryProblem | null {
  const length = Array.isArray(value) ? (value as unknown[]).length : 0;
  if (length < 2 || length > 3) {
    return { code: 'invalid-position', message: 'a position is [lon, lat] or [lon, lat, altitude]', path, severity: 'error' };
  }
  const lon: unknown = (value as unknown[])[0];
  const lat: unknown = (value as unknown[])[1];
  const altitude: unknown = length === 3 ? (value as unknown[])[2] : 0;
  if (!isFiniteNumber(lon) || !isFiniteNumber(lat) || !isFiniteNumber(altitude)) {
    const numbers = length === 3 ? [lon, lat, altitude] : [lon, lat];
    return { code: 'non-finite-coordinate', message: `position [${numbers.map((n) => quote(n, 20)).join(', ')}] holds a value that is not a finite number`, path, severity: 'error' };
  }
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    return { code: 'out-of-range', message: `position [${lon}, ${lat}] is outside lon [-180, 180], lat [-90, 90] (GeoJSON order is [lon, lat])`, path, at: [lon, lat], severity: 'error' };
  }
  lastRead.lon = lon;
  lastRead.lat = lat;
  return null;
}

/**
 * Checks the positions of a line or ring; returns the sound points (and how
 * many positions the input holds), or null when some are not sound.
 */
export function checkPositions(value: unknown, path: IssuePath, problems: GeometryProblem[]): { points: [number, number][]; source: number[]; count: number } | null {
  if (!Array.isArray(value)) {
    problems.push({ code: 'invalid-type', message: 'expected an array of positions', path, severity: 'error' });
    return null;
  }
  const points: [number, number][] = [];
  const source: number[] = [];
  let sound = true;
  let repeats = 0;
  let reported = 0;
  // Array.from: a hole in a sparse array is a missing position, reported, not skipped.
  const positions = Array.from(value as unknown[]);
  positions.forEach((position: unknown, index: number) => {
    const problem = readPosition(position, [...path, index]);
    if (problem !== null) {
      sound = false;
      if (reported++ < MAX_PER_RING) problems.push(problem);
      return;
    }
    const { lon, lat } = lastRead;
    const previous = points[points.length - 1];
    if (previous !== undefined && previous[0] === lon && previous[1] === lat) {
      if (repeats++ < MAX_PER_RING) problems.push({ code: 'duplicate-point', message: `position ${index} repeats the one before it`, path: [...path, index], at: [lon, lat], severity: 'warning' });
      return;
    }
    if (previous !== undefined && Math.abs(lon - previous[0]) > 180 && !(Math.abs(lon) === 180 && Math.abs(previous[0]) === 180)) {
      sound = false;
      problems.push({ code: 'antimeridian-crossing', message: antimeridianMessage(index, previous[0], lon), path: [...path, index], at: [lon, lat], severity: 'error' });
    }
    points.push([lon, lat]);
    source.push(index);
  });
  return sound ? { points, source, count: positions.length } : null;
}

/** Ring-level checks: closed, long enough, wound as RFC 7946 asks. */
export function checkRing(value: unknown, path: IssuePath, isHole: boolean, problems: GeometryProblem[]): SoundRing | null {
  const checked = checkPositions(value, path, problems);
  if (checked === null) return null;
  const { points, source, count } = checked;
  // The first and last positions as read: a repeat dropped from the points equals the point before it.
  const first = points[0];
  const last = points[points.length - 1];
  if (count < 4) {
    problems.push({ code: 'too-few-positions', message: `a ring needs at least 4 positions (a triangle, first repeated last); got ${count}`, path, severity: 'error' });
  }
  if (first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1])) {
    problems.push({ code: 'unclosed-ring', message: `ring is not closed: first position [${first[0]}, ${first[1]}] differs from last [${last[0]}, ${last[1]}]; repeat the first position at the end`, path: [...path, count - 1], at: [last[0], last[1]], severity: 'error' });
  }
  const p0 = points[0];
  const pn = points[points.length - 1];
  if (points.length > 1 && p0 !== undefined && pn !== undefined && p0[0] === pn[0] && p0[1] === pn[1]) {
    points.pop();
    source.pop();
  }
  if (points.length < 3) return null;
  const ccw = twiceSignedArea([...points, points[0]!]) > 0;
  if (ccw === isHole) {
    const want = isHole ? 'clockwise (a hole)' : 'counterclockwise (an outer ring)';
    problems.push({ code: 'wrong-winding', message: `ring should run ${want} as RFC 7946 asks; readers accept either, normalizeGeometry rewinds it`, path, severity: 'warning' });
  }
  return { points, source, path };
}

/** Polygon-level checks: self-intersection, rings meeting, holes outside their shell. */
export function checkTopology(rings: readonly SoundRing[], problems: GeometryProblem[]): void {
  const segments: Segment[] = [];
  rings.forEach((ring, r) => {
    const n = ring.points.length;
    for (let i = 0; i < n; i += 1) {
      const a = ring.points[i]!;
      const b = ring.points[(i + 1) % n]!;
      segments.push({ ax: a[0], ay: a[1], bx: b[0], by: b[1], ring: r, edge: i });
    }
  });
  const meetings = findMeetings(segments, (m) => {
    if (m.first.ring !== m.second.ring) return m.contact !== 'touch'; // rings may touch at a point (OGC)
    return !isJoint(m, rings[m.first.ring]!.points.length, true);
  });
  const seen = new Set<string>();
  for (const meeting of meetings) {
    // Two rings touching at a vertex meet through four edge pairs: report the point once.
    const key = `${meeting.first.ring}/${meeting.second.ring}/${meeting.at[0]}/${meeting.at[1]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const edge = Math.min(meeting.first.edge, meeting.second.edge);
    const ring = rings[meeting.first.ring]!;
    const at: [number, number] = [meeting.at[0], meeting.at[1]];
    if (meeting.first.ring === meeting.second.ring) {
      const other = Math.max(meeting.first.edge, meeting.second.edge);
      problems.push({
        code: 'self-intersection',
        message: `ring ${meeting.contact === 'cross' ? 'crosses' : meeting.contact === 'overlap' ? 'runs back along' : 'touches'} itself at [${at[0]}, ${at[1]}] (edges after positions ${ring.source[edge]} and ${ring.source[other]}); normalizeGeometry splits it into valid parts`,
        path: [...ring.path, ring.source[edge]!],
        at,
        severity: 'error',
      });
    } else {
      const inner = rings[Math.max(meeting.first.ring, meeting.second.ring)]!;
      problems.push({ code: 'rings-intersect', message: `rings ${meeting.first.ring} and ${meeting.second.ring} of this polygon cross at [${at[0]}, ${at[1]}]`, path: inner.path, at, severity: 'error' });
    }
  }
  const shell = rings[0];
  if (shell === undefined) return;
  // One locator for all the holes: a large shell asked more than once is cut into bands.
  const locator = new RingLocator(shell.points);
  for (const hole of rings.slice(1)) {
    // The first vertex not on the shell decides; rings that cross were reported above.
    for (const p of hole.points) {
      const where = locator.placement(p[0], p[1]);
      if (where === 0) continue;
      if (where < 0) problems.push({ code: 'hole-outside-shell', message: 'hole lies (at least partly) outside its outer ring; a hole must be inside the ring it cuts', path: hole.path, at: [p[0], p[1]], severity: 'error' });
      break;
    }
  }
}
