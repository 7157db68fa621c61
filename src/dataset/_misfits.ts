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

/** An issue for every JavaScript `Date` in the input, at its path. */
export function dateIssues(input: unknown): ContestedIssue[] {
  const issues: ContestedIssue[] = [];
  const visit = (value: unknown, path: IssuePath): void => {
    if (value instanceof Date) {
      const iso = Number.isNaN(value.getTime()) ? undefined : value.toISOString();
      issues.push({
        code: 'date-object',
        path,
        message: `a JavaScript Date is not a time here: write an ISO 8601 string${iso === undefined ? '' : ` (date.toISOString() gives "${iso}")`}, or { at, precision } to say how precise it is`,
      });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    else for (const [key, v] of Object.entries(value)) visit(v, [...path, key]);
  };
  visit(input, []);
  return issues;
}

/** Whether an issue lies at or under one of `paths`. */
export function under(issue: ContestedIssue, paths: readonly IssuePath[]): boolean {
  return paths.some((p) => p.length <= issue.path.length && p.every((k, i) => issue.path[i] === k));
}
