/**
 * How far a position is from a front line, on the WGS84 ellipsoid, and the
 * nearest point of the line.
 *
 * Edges are straight in longitude/latitude (RFC 7946), so the nearest point
 * of an edge is not where a geodesic would put it. The search runs in two
 * steps: a cheap screen on the unit sphere (each edge as the chord between
 * its ends, widened by how far a lon/lat-straight edge can sag from that
 * chord and by the sphere's 0.5% error against the ellipsoid) keeps only the
 * edges that can hold the nearest point; each of those is then searched on
 * true geodesic distance (GeographicLib): it is sampled every 0.01°, only
 * the samples whose distance on the sphere could be the least are measured
 * on the ellipsoid, and Brent's search (parabolic steps, golden-section as
 * the fallback) around the best sample finds the point to 0.1 mm.
 *
 * @module
 */
import type { Feature, LineString, MultiLineString, Point, Position } from 'geojson';
import { ContestedError, type IssuePath } from '../errors/index.js';
import { geodesicDistance } from '../geometry/_geodesic.js';
import { checkEdges, geometriesOf, invalidInput, type GeometryInput } from '../geometry/_input.js';

/**
 * A position as {@link distanceToFront} accepts it: `[lon, lat]`, a Point,
 * a Feature holding a Point, or anything with `coordinates: [lon, lat]`
 * (such as a `Position` entity's location).
 *
 * @category Claims & diffs
 */
export type FrontPositionInput =
  | Position
  | Point
  | Feature<Point>
  | {
      /** `[lon, lat]`. */
      coordinates: Position;
    };

/**
 * A line as {@link distanceToFront} accepts it: a LineString, a
 * MultiLineString, or a Feature holding one (what `frontLine` returns).
 *
 * @category Claims & diffs
 */
export type FrontLineInput = LineString | MultiLineString | Feature<LineString | MultiLineString>;

/**
 * The answer of {@link distanceToFront}.
 *
 * @category Claims & diffs
 */
export interface DistanceToFront {
  /** Geodesic distance on WGS84, metres. */
  distanceM: number;
  /** The nearest point of the line, `[lon, lat]`. */
  nearest: [number, number];
}

/**
 * The geodesic distance from a position to the nearest point of a front
 * line, and that point.
 *
 * The nearest point may lie inside an edge, not only at a vertex; it is
 * found to 0.1 mm along the edge, and the distance is GeographicLib's
 * (WGS84, about 15 nm).
 *
 * @param position - `[lon, lat]`, a Point, a Feature holding a Point, or
 *   `{ coordinates: [lon, lat] }`
 * @param line - a LineString, MultiLineString, or a Feature holding one,
 *   such as the result of `frontLine`
 * @returns `{ distanceM, nearest }`; `distanceM` is 0 for a position on the
 *   line (to well under a millimetre)
 * @throws {@link ContestedError} `invalid-input` when the line has no
 *   position (an empty front: check `front.geometry.coordinates.length`
 *   first) or either argument is not of the accepted shapes;
 *   `invalid-geometry` for non-finite or out-of-range coordinates
 * @category Claims & diffs
 *
 * @example
 * ```ts
 * // About 1 km north of an east–west line at 48° N.
 * distanceToFront([37.05, 48.009], { type: 'LineString', coordinates: [[37, 48], [37.1, 48]] });
 * //=> { distanceM: 1_000.71…, nearest: [37.0500…, 48] }
 * ```
 */
export function distanceToFront(position: FrontPositionInput, line: FrontLineInput): DistanceToFront {
  const [lon, lat] = readPosition(position);
  return nearestOnPaths(lon, lat, readLines(line), 'point');
}

/**
 * The nearest point of `paths` (already checked) to (lon, lat). With
 * `'point'` the point is found to 0.1 mm along its edge (what
 * {@link distanceToFront} promises); with `'distance'` only the distance is
 * found to 0.1 mm, which near a straight stretch needs the point only to
 * about √(2·10⁻⁵ m · d) — far fewer geodesic evaluations (findContradictions
 * reports the distance, not the point).
 */
export function nearestOnPaths(lon: number, lat: number, paths: readonly (readonly Position[])[], want: 'point' | 'distance'): DistanceToFront {
  const here = unit(lon, lat);
  // Screen: a lower and an upper bound per edge, in metres.
  const bounds: { a: Position; b: Position; low: number }[] = [];
  let bestHigh = Infinity;
  for (const path of paths) {
    for (let i = 0; i < path.length; i += 1) {
      const a = path[i]!;
      const b = path[i + 1] ?? (path.length === 1 ? a : undefined);
      if (b === undefined) break;
      const { low, high } = screen(here, a, b);
      bestHigh = Math.min(bestHigh, high);
      bounds.push({ a, b, low });
    }
  }
  let best: DistanceToFront = { distanceM: Infinity, nearest: [NaN, NaN] };
  for (const { a, b, low } of bounds.sort((p, q) => p.low - q.low)) {
    if (low > bestHigh || low > best.distanceM) break;
    const found = nearestOnEdge(lon, lat, a, b, want);
    if (found.distanceM < best.distanceM) best = found;
  }
  return best;
}

function readPosition(input: FrontPositionInput): [number, number] {
  let coordinates: unknown = input;
  if (!Array.isArray(input) && input !== null && typeof input === 'object') {
    const value = input as { type?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null; coordinates?: unknown };
    const geometry = value.type === 'Feature' ? value.geometry : value;
    if (geometry === null || geometry === undefined || (geometry.type !== undefined && geometry.type !== 'Point')) {
      throw invalidInput(['position'], 'expected [lon, lat], a Point, a Feature holding a Point, or { coordinates: [lon, lat] }');
    }
    coordinates = geometry.coordinates;
  }
  if (!Array.isArray(coordinates)) throw invalidInput(['position'], 'expected [lon, lat] coordinates');
  checkEdges([coordinates as Position], ['position']);
  return [coordinates[0] as number, coordinates[1] as number];
}

function readLines(line: FrontLineInput): Position[][] {
  const paths: Position[][] = [];
  for (const { geometry, path } of geometriesOf(line as GeometryInput, ['line'])) {
    const add = (positions: Position[], at: IssuePath): void => {
      checkEdges(positions, at);
      if (positions.length > 0) paths.push(positions);
    };
    if (geometry.type === 'LineString') add(geometry.coordinates, [...path, 'coordinates']);
    else if (geometry.type === 'MultiLineString') geometry.coordinates.forEach((p, i) => add(p, [...path, 'coordinates', i]));
    else throw invalidInput([...path, 'type'], `expected a LineString or MultiLineString; got a ${geometry.type}`);
  }
  if (paths.length === 0) {
    throw new ContestedError('invalid-input', [
      { code: 'empty-line', path: ['line'], message: 'the front line has no position, so there is no distance to it (the sides do not meet on the map?)' },
    ]);
  }
  return paths;
}

/** Mean Earth radius (IUGG), metres. */
const R = 6_371_008.8;
const RAD = Math.PI / 180;

function unit(lon: number, lat: number): [number, number, number] {
  const c = Math.cos(lat * RAD);
  return [c * Math.cos(lon * RAD), c * Math.sin(lon * RAD), Math.sin(lat * RAD)];
}

/**
 * Bounds on the distance from `here` to edge a–b: the distance to its chord
 * on the unit sphere, widened by the edge's sag from the chord and the
 * sphere's error against the ellipsoid (under 0.6%).
 */
function screen(here: readonly number[], a: Position, b: Position): { low: number; high: number } {
  const p = unit(a[0]!, a[1]!);
  const q = unit(b[0]!, b[1]!);
  const d = [q[0] - p[0], q[1] - p[1], q[2] - p[2]] as const;
  const w = [here[0]! - p[0], here[1]! - p[1], here[2]! - p[2]] as const;
  const dd = d[0] * d[0] + d[1] * d[1] + d[2] * d[2];
  const t = dd === 0 ? 0 : Math.max(0, Math.min(1, (w[0] * d[0] + w[1] * d[1] + w[2] * d[2]) / dd));
  const chord = Math.hypot(w[0] - t * d[0], w[1] - t * d[1], w[2] - t * d[2]);
  const arc = 2 * R * Math.asin(Math.min(1, chord / 2));
  const span = Math.hypot(b[0]! - a[0]!, b[1]! - a[1]!) * RAD;
  // The lon/lat-straight edge bulges from the chord by at most ~R·span²/8 (and the chord dips below the sphere by as much).
  const sag = (R * span * span) / 4 + 1e-3;
  return { low: Math.max(0, (arc - sag) * 0.994), high: (arc + sag) * 1.006 };
}

/** Largest relative error of the haversine distance on the mean sphere against the geodesic on WGS84 (about 0.56% at most), with a margin. */
const SPHERE_ERROR = 0.01;

/** Great-circle distance on the mean sphere, metres: a cheap stand-in within {@link SPHERE_ERROR} of the geodesic. */
function haversine(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const s = Math.sin(((lat2 - lat1) * RAD) / 2);
  const t = Math.sin(((lon2 - lon1) * RAD) / 2);
  const h = s * s + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * t * t;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The nearest point of the lon/lat-straight edge a–b to (lon, lat), on
 * geodesic distance. The edge is sampled every 0.01°; a sample can hold the
 * least geodesic distance only if its distance on the sphere is within
 * {@link SPHERE_ERROR} of the least on the sphere, so only those samples are
 * measured on the ellipsoid. Brent's search on the two sample intervals
 * around the best one then finds the point to 0.1 mm along the edge
 * (`'point'`), or the distance to 0.1 mm (`'distance'`).
 */
function nearestOnEdge(lon: number, lat: number, a: Position, b: Position, want: 'point' | 'distance'): DistanceToFront {
  const ax = a[0]!;
  const ay = a[1]!;
  const dx = b[0]! - ax;
  const dy = b[1]! - ay;
  const distance = (t: number): number => geodesicDistance(lon, lat, ax + t * dx, ay + t * dy);
  const steps = Math.min(1024, Math.max(1, Math.ceil(Math.hypot(dx, dy) / 0.01)));
  const cheap = new Float64Array(steps + 1);
  let cheapLeast = Infinity;
  for (let k = 0; k <= steps; k += 1) {
    const t = k / steps;
    cheap[k] = haversine(lon, lat, ax + t * dx, ay + t * dy);
    if (cheap[k]! < cheapLeast) cheapLeast = cheap[k]!;
  }
  // f ≥ (1 − ε)·sphere and f ≤ (1 + ε)·sphere: the geodesically nearest sample has a sphere distance at most this.
  const reach = (cheapLeast * (1 + SPHERE_ERROR)) / (1 - SPHERE_ERROR) + 1e-6;
  let bestT = 0;
  let bestD = Infinity;
  for (let k = 0; k <= steps; k += 1) {
    if (cheap[k]! > reach) continue;
    const d = distance(k / steps);
    if (d < bestD) {
      bestD = d;
      bestT = k / steps;
    }
  }
  // Brent's search (parabolic steps, golden-section when they stall) on the two sample intervals around the best sample.
  const lengthM = geodesicDistance(ax, ay, b[0]!, b[1]!);
  const found = brent(distance, Math.max(0, bestT - 1 / steps), Math.min(1, bestT + 1 / steps), (fx) => {
    // The width in metres the bracket must shrink to: 0.1 mm for the point; for the distance only, near a straight
    // stretch the distance exceeds the least by at most w²/2d within w of the nearest point, held to 1e-5 m.
    const widthM = want === 'point' ? 1e-4 : Math.max(1e-4, 0.5 * Math.sqrt(2e-5 * fx));
    return lengthM > 0 ? widthM / lengthM : 1;
  });
  if (found.fx < bestD) {
    bestD = found.fx;
    bestT = found.x;
  }
  const nearest: [number, number] = bestT === 1 ? [b[0]!, b[1]!] : [ax + bestT * dx, ay + bestT * dy];
  return { distanceM: bestD, nearest };
}

/**
 * Brent's minimisation (Brent 1973, "localmin") of `f` on [a, b]: parabolic
 * interpolation through the three best points, golden-section steps when it
 * does not shrink the bracket fast enough. Stops once the bracket is
 * narrower than `width(f(x))` (in units of t).
 */
function brent(f: (t: number) => number, lo: number, hi: number, width: (fx: number) => number): { x: number; fx: number } {
  const golden = (3 - Math.sqrt(5)) / 2;
  let a = lo;
  let b = hi;
  let x = a + golden * (b - a);
  let w = x;
  let v = x;
  let fx = f(x);
  let fw = fx;
  let fv = fx;
  let d = 0;
  let e = 0;
  for (let i = 0; i < 200; i += 1) {
    const m = (a + b) / 2;
    const tol = width(fx) / 4 + 1e-15;
    const tol2 = 2 * tol;
    if (Math.abs(x - m) <= tol2 - (b - a) / 2) break;
    let parabolic = false;
    if (Math.abs(e) > tol) {
      let r = (x - w) * (fx - fv);
      let q = (x - v) * (fx - fw);
      let p = (x - v) * q - (x - w) * r;
      q = 2 * (q - r);
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
      if (Math.abs(p) < Math.abs(0.5 * q * r) && p > q * (a - x) && p < q * (b - x)) {
        d = p / q;
        const u = x + d;
        if (u - a < tol2 || b - u < tol2) d = x < m ? tol : -tol;
        parabolic = true;
      }
    }
    if (!parabolic) {
      e = (x < m ? b : a) - x;
      d = golden * e;
    }
    const u = x + (Math.abs(d) >= tol ? d : d > 0 ? tol : -tol);
    const fu = f(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, fx };
}
