/**
 * Inputs that people get wrong in a recognisable way, recognised before the
 * schema sees them, so that the answer says what to do instead of listing
 * what the schema did not expect: GeoJSON handed to the dataset parser, and
 * JavaScript `Date` objects where a time (an ISO 8601 string) is expected.
 * Runs after the size and depth guards, so its walk is bounded.
 */
import type { ContestedIssue, IssuePath } from '../errors/index.js';

const GEOJSON_TYPES = new Set(['FeatureCollection', 'Feature', 'Polygon', 'MultiPolygon', 'LineString', 'MultiLineString', 'Point', 'MultiPoint', 'GeometryCollection']);

/** An issue when the whole input is GeoJSON rather than a dataset. */
export function geoJsonIssue(input: unknown): ContestedIssue | undefined {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return undefined;
  const type = (input as { type?: unknown }).type;
  if (typeof type !== 'string' || !GEOJSON_TYPES.has(type)) return undefined;
  return {
    code: 'geojson-not-dataset',
    path: [],
    message:
      `this is GeoJSON (a ${type}), not a dataset: read a control layer into claims with fromGeoJSON(geojson, { claimant, status, side, asOf }) ` +
      '(fromDeepState and fromIsw read those trackers\' layers), and put the claims under "claims"; put a place\'s geometry under "places"',
  };
}

/** An issue for every JavaScript `Date` in the input, at its path (found by the input walk, `walk` in src/_lib/walk.ts). */
export function dateIssues(dates: readonly { path: IssuePath; date: Date }[]): ContestedIssue[] {
  return dates.map(({ path, date }) => {
    const iso = Number.isNaN(date.getTime()) ? undefined : date.toISOString();
    return {
      code: 'date-object',
      path,
      message: `a JavaScript Date is not a time here: write an ISO 8601 string${iso === undefined ? '' : ` (date.toISOString() gives "${iso}")`}, or { at, precision } to say how precise it is`,
    };
  });
}

/** Whether an issue lies at or under one of `paths`. */
export function under(issue: ContestedIssue, paths: readonly IssuePath[]): boolean {
  return paths.some((p) => p.length <= issue.path.length && p.every((k, i) => issue.path[i] === k));
}
