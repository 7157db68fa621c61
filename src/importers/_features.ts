/**
 * What every importer does before it knows anything about its source: check
 * that the input is a FeatureCollection, read one feature's area (dropping Z,
 * skipping null geometry, repairing what `normalizeGeometry` can repair and
 * saying what it did), dissolve many areas into one, check the options a
 * claim is built from, and build the claim. Errors carry paths into the
 * caller's input (`features[3].geometry`) or options (`options.asOf`).
 *
 * @module
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import * as z from 'zod';
import { Ref } from '../_lib/fields.js';
import { fromZodIssues } from '../_lib/zodIssues.js';
import type { AreaGeometry } from '../geometry/schema.js';
import { ContestedError, isContestedError, type ContestedIssue, type IssuePath } from '../errors/index.js';
import { normalizeGeometry, union } from '../geometry/index.js';
import { checkGeometry } from '../geometry/validate.js';
import { TimeRef } from '../time/timeRef.js';
import type { Claim } from '../claims/schema.js';

/** One repair made while importing, as kept in `claim.properties.repairs`. */
export interface ImportRepair {
  [key: string]: string | number | (string | number)[];
  /** The repair's code (`resolved-self-intersection`, `closed-ring` …). */
  code: string;
  /** What was done. */
  message: string;
  /** Where in the imported collection, e.g. `['features', 3, 'geometry', 'coordinates', 0]`. */
  path: (string | number)[];
}

/** A feature's area, read and repaired. */
export interface FeatureArea {
  geometry: Polygon | MultiPolygon;
  repairs: ImportRepair[];
  /** Whether any position carried a third (Z) coordinate, now dropped. */
  droppedZ: boolean;
}

/** Checks that `input` is a FeatureCollection and returns its features, untyped. */
export function featuresOf(input: unknown, path: IssuePath = []): unknown[] {
  if (input === null || typeof input !== 'object' || Array.isArray(input) || (input as { type?: unknown }).type !== 'FeatureCollection') {
    throw new ContestedError('invalid-input', [{ code: 'invalid-type', path, message: 'expected a GeoJSON FeatureCollection ({ type: "FeatureCollection", features: [...] })' }]);
  }
  const features = (input as { features?: unknown }).features;
  if (!Array.isArray(features)) {
    throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: [...path, 'features'], message: 'a FeatureCollection needs a `features` array' }]);
  }
  features.forEach((feature, index) => {
    if (feature === null || typeof feature !== 'object' || Array.isArray(feature) || (feature as { type?: unknown }).type !== 'Feature') {
      throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: [...path, 'features', index], message: 'expected a GeoJSON Feature ({ type: "Feature", geometry, properties })' }]);
    }
  });
  return features;
}

/** A feature's `properties` as a plain record; `{}` when null or absent. */
export function propertiesOf(feature: unknown): Record<string, unknown> {
  const properties = (feature as Feature).properties;
  return properties !== null && typeof properties === 'object' && !Array.isArray(properties) ? (properties as Record<string, unknown>) : {};
}

/**
 * Reads the area of `features[index]`: null for a null geometry; an
 * `invalid-input` error for a geometry that is not a Polygon or
 * MultiPolygon; an `invalid-geometry` error for coordinates no repair can
 * fix without guessing. Z is dropped; other defects are repaired.
 */
export function areaOfFeature(feature: unknown, path: IssuePath): FeatureArea | null {
  const geometry = (feature as { geometry?: unknown }).geometry;
  const at = [...path, 'geometry'];
  if (geometry === null) return null;
  if (geometry === undefined || typeof geometry !== 'object' || Array.isArray(geometry)) {
    throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: at, message: 'expected a Polygon or MultiPolygon geometry (or null)' }]);
  }
  const type = (geometry as { type?: unknown }).type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: [...at, 'type'], message: `expected a Polygon or MultiPolygon, got ${typeof type === 'string' ? type : String(type)}: a claim is about an area` }]);
  }
  const flat = dropZ(geometry as Polygon | MultiPolygon);
  let normalized;
  try {
    normalized = normalizeGeometry(flat.geometry);
  } catch (error) {
    if (!isContestedError(error)) throw error;
    throw new ContestedError(error.code, error.issues.map((issue) => ({ ...issue, path: [...at, ...issue.path] })), `${formatAt(at)} cannot be imported`);
  }
  const repairs = normalized.repairs.map(({ code, message, path: where }) => ({ code, message, path: [...at, ...where] }));
  return { geometry: normalized.geometry as Polygon | MultiPolygon, repairs, droppedZ: flat.droppedZ };
}

function formatAt(path: IssuePath): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('').replace(/^\./, '');
}

/** Copies a polygonal geometry with every position cut to `[lon, lat]`; malformed parts are left for the validator to report. */
function dropZ(geometry: Polygon | MultiPolygon): { geometry: Polygon | MultiPolygon; droppedZ: boolean } {
  let droppedZ = false;
  const position = (p: unknown): unknown => {
    if (Array.isArray(p) && p.length > 2) {
      droppedZ = true;
      return p.slice(0, 2);
    }
    return p;
  };
  const ring = (r: unknown): unknown => (Array.isArray(r) ? r.map(position) : r);
  const rings = (rs: unknown): unknown => (Array.isArray(rs) ? rs.map(ring) : rs);
  const coordinates: unknown = geometry.type === 'Polygon' ? rings(geometry.coordinates) : Array.isArray(geometry.coordinates) ? geometry.coordinates.map(rings) : geometry.coordinates;
  return { geometry: { type: geometry.type, coordinates: coordinates as Position[][][] } as Polygon | MultiPolygon, droppedZ };
}

/**
 * Dissolves areas into one MultiPolygon through the clipping engine, and
 * checks the result is valid (it always should be: a failure is a bug in
 * the engine, reported as such).
 */
export function dissolve(areas: readonly (Polygon | MultiPolygon)[]): MultiPolygon {
  const merged = union([...areas]);
  // The engine's union: its parts never overlap, so only errors are looked for.
  const errors = checkGeometry(merged, { parts: false }).problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    throw new ContestedError('geometry-engine', errors.map(({ code, path, message }) => ({ code, path, message })), 'the clipping engine returned an invalid dissolved area');
  }
  return merged;
}

/** The options every importer shares, checked. */
export interface ClaimBase {
  claimant: string;
  asOf: TimeRef;
  idPrefix: string;
}

/**
 * Checks `claimant`, `asOf` and `idPrefix`, with paths under `options`;
 * `idPrefix` defaults to `<claimant>-<asOf>-`.
 */
export function checkBase(options: unknown, defaultClaimant: string | undefined): ClaimBase {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ContestedError('invalid-input', [{ code: 'invalid-type', path: ['options'], message: 'expected an options object with at least `asOf`' }]);
  }
  const given = options as { claimant?: unknown; asOf?: unknown; idPrefix?: unknown };
  const issues: ContestedIssue[] = [];
  const claimant = given.claimant === undefined ? defaultClaimant : given.claimant;
  const claimantResult = Ref.safeParse(claimant);
  if (!claimantResult.success) issues.push(...fromZodIssues(claimantResult.error.issues, ['options', 'claimant']));
  const asOfResult = TimeRef.safeParse(given.asOf);
  if (given.asOf === undefined) issues.push({ code: 'missing-field', path: ['options', 'asOf'], message: 'asOf is required: the time the source describes, e.g. "2025-12-01"' });
  else if (!asOfResult.success) issues.push(...fromZodIssues(asOfResult.error.issues, ['options', 'asOf']));
  if (given.idPrefix !== undefined && typeof given.idPrefix !== 'string') {
    issues.push({ code: 'invalid-type', path: ['options', 'idPrefix'], message: 'idPrefix is a string' });
  }
  if (issues.length > 0 || !claimantResult.success || !asOfResult.success) throw new ContestedError('invalid-input', issues);
  const asOfText = typeof asOfResult.data === 'string' ? asOfResult.data : asOfResult.data.at;
  const idPrefix = typeof given.idPrefix === 'string' ? given.idPrefix : `${claimantResult.data}-${asOfText}-`;
  return { claimant: claimantResult.data, asOf: asOfResult.data, idPrefix };
}

/** The parts of a claim that differ from one imported claim to the next. */
export type ClaimParts = Pick<Claim, 'status' | 'basis'> & {
  key: string;
  area: MultiPolygon;
  side?: string;
  sides?: string[];
  description: string;
  properties: Record<string, z.core.util.JSONType>;
};

/** Builds one claim, `statedAt` and `validAt` both `asOf`. */
export function buildClaim(base: ClaimBase, parts: ClaimParts): Claim {
  const claim: Claim = {
    id: `${base.idPrefix}${parts.key}`,
    claimant: base.claimant,
    statedAt: base.asOf,
    validAt: base.asOf,
    // A dissolved MultiPolygon always has closed rings of ≥ 4 positions, which is what AreaGeometry's tuple types say.
    area: { geometry: parts.area as AreaGeometry },
    status: parts.status,
    basis: parts.basis,
    description: parts.description,
    properties: parts.properties,
  };
  if (parts.side !== undefined) claim.side = parts.side;
  if (parts.sides !== undefined) claim.sides = parts.sides;
  return claim;
}
