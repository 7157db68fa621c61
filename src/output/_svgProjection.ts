/**
 * The projection of the SVG writer: equirectangular (equidistant
 * cylindrical) with its standard parallel at the centre latitude of the
 * data, y flipped so north is up. x is longitude scaled by the ratio of a
 * degree of longitude to a degree of latitude *at the centre*, both measured
 * geodesically on WGS84 with GeographicLib — on a sphere that ratio is
 * cos φ₀, on the ellipsoid it is N cos φ₀ / M, about 0.3 % more at Ukraine's
 * latitudes. At the centre the map is then true to shape and scale in every
 * direction; away from it, east–west scale drifts as cos φ / cos φ₀, under
 * 1 % within ±0.6° of latitude at 48° N — shapes stay right for areas up to
 * a few hundred km, which is what these maps show.
 *
 * @module
 */
import type { Position } from 'geojson';
import { distanceM } from '../geometry/measure.js';

/** A lon/lat box. */
export interface Bounds {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** A rectangle on the page, in pixels. */
export interface Frame {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A fitted projection. */
export interface Projection {
  /** Page pixels of a `[lon, lat]` position. */
  project(position: Position): [number, number];
  /** The latitude the map is true to, degrees. */
  centreLat: number;
  /** Ground metres per pixel at the centre. */
  metresPerPixel: number;
  /** Pixels of `metres` east–west at the centre latitude, measured geodesically. */
  pixelsOf(metres: number): number;
}

/** Half the span, degrees, over which the local scale is measured. */
const PROBE = 0.005;
/** Data smaller than this (degrees) is shown over a span of `MIN_SPAN`. */
const MIN_SPAN = 0.01;

/** The box around every position given; `undefined` when there are none. */
export function boundsOf(positions: Iterable<Position>): Bounds | undefined {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const p of positions) {
    const lon = p[0]!;
    const lat = p[1]!;
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  if (west > east) return undefined;
  const widen = (low: number, high: number, min: number, max: number): [number, number] => {
    if (high - low >= MIN_SPAN) return [low, high];
    const mid = (low + high) / 2;
    return [Math.max(min, mid - MIN_SPAN / 2), Math.min(max, mid + MIN_SPAN / 2)];
  };
  [west, east] = widen(west, east, -180, 180);
  [south, north] = widen(south, north, -90, 90);
  return { west, south, east, north };
}

/** Ground metres per degree of longitude and of latitude at a point, geodesic. */
function metresPerDegree(lon: number, lat: number): { lon: number; lat: number } {
  const φ = Math.max(-89, Math.min(89, lat));
  return {
    lon: distanceM([lon - PROBE, φ], [lon + PROBE, φ]) / (2 * PROBE),
    lat: distanceM([lon, φ - PROBE], [lon, φ + PROBE]) / (2 * PROBE),
  };
}

/** Height over width of the bounds as the projection draws them. */
export function aspectOf(bounds: Bounds): number {
  const m = metresPerDegree((bounds.west + bounds.east) / 2, (bounds.south + bounds.north) / 2);
  return ((bounds.north - bounds.south) * m.lat) / ((bounds.east - bounds.west) * m.lon);
}

/** The projection that fits `bounds` into `frame`, centred, aspect kept. */
export function fitProjection(bounds: Bounds, frame: Frame): Projection {
  const lon0 = (bounds.west + bounds.east) / 2;
  const lat0 = (bounds.south + bounds.north) / 2;
  const m = metresPerDegree(lon0, lat0);
  const ratio = m.lon / m.lat;
  // Pixels per degree of latitude; a degree of longitude is `ratio` of it.
  const k = Math.min(frame.width / ((bounds.east - bounds.west) * ratio), frame.height / (bounds.north - bounds.south));
  const cx = frame.x + frame.width / 2;
  const cy = frame.y + frame.height / 2;
  return {
    project: (p) => [cx + (p[0]! - lon0) * ratio * k, cy - (p[1]! - lat0) * k],
    centreLat: lat0,
    metresPerPixel: m.lat / k,
    pixelsOf: (metres) => (metres / m.lon) * ratio * k,
  };
}

/** The longest round length (1, 2 or 5 × 10ⁿ metres) that fits in `maxPixels`. */
export function roundLength(projection: Projection, maxPixels: number): number {
  const most = maxPixels * projection.metresPerPixel;
  const power = 10 ** Math.floor(Math.log10(most));
  const step = [5, 2, 1].find((s) => s * power <= most) ?? 1;
  return step * power;
}
