/**
 * `fromGeoJSON`: claims from any source that publishes one status of one
 * side per file — a ministry's list of captured settlements, a tracker's
 * "advances" layer, a newsroom's hand-drawn polygon.
 *
 * @module
 */
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import * as z from 'zod';
import { Ref } from '../_lib/fields.js';
import { fromZodIssues } from '../_lib/zodIssues.js';
import { ClaimBasis, ControlStatus, type Claim } from '../claims/schema.js';
import { ContestedError, type ContestedIssue, type IssuePath } from '../errors/index.js';
import { reroot } from '../_lib/reroot.js';
import { walk } from '../_lib/walk.js';
import { jsonText } from '../_lib/json.js';
import { quote } from '../_lib/quote.js';
import { DEFAULT_LIMITS } from '../_lib/limits.js';
import type { TimeRef } from '../time/timeRef.js';
import { areaOfFeature, buildClaim, checkBase, dissolve, featuresOf, propertiesOf, type ImportRepair } from './_features.js';

/**
 * Options of {@link fromGeoJSON}.
 *
 * @category Claims & diffs
 */
export interface GeoJSONClaimOptions {
  /** Who makes the claims (an actor id). */
  claimant: string;
  /** What every feature says of its ground. */
  status: ControlStatus;
  /** The side in control (`controlled`) or advancing (`advancing`); required for those. */
  side?: string;
  /** The sides fighting over `contested` ground; optional, at least two. */
  sides?: string[];
  /** `claimed` (default: a party's assertion) or `assessed` (an independent assessment). */
  basis?: ClaimBasis;
  /** The time the source is about; becomes `statedAt` and `validAt`. */
  asOf: TimeRef;
  /** Prefix of every claim id; `<claimant>-<asOf>-` by default. */
  idPrefix?: string;
  /** One claim for the whole collection (`true`) instead of one per feature (default). */
  dissolve?: boolean;
}

const Stance = z.strictObject({ status: ControlStatus, side: Ref.optional(), sides: z.array(Ref).min(2).optional(), basis: ClaimBasis.optional() });

/**
 * Reads a FeatureCollection whose every feature says the same thing — one
 * status, one side — into claims. By default each feature becomes a claim
 * with id `<idPrefix><index>`, keeping the feature's `id` and properties in
 * `properties.featureId` and `properties.featureProperties`; with `dissolve: true` the
 * features are dissolved into one claim with id `<idPrefix>all`. Features
 * with a null geometry are skipped; Z coordinates are dropped; rings are
 * repaired with `normalizeGeometry`, each repair listed in
 * `properties.repairs`.
 *
 * @param collection - a GeoJSON FeatureCollection of Polygons and MultiPolygons
 * @param options - `claimant`, `status`, `side` / `sides`, `asOf` (required), `basis`, `idPrefix`, `dissolve`
 * @returns the claims; `[]` for a collection without features (or with only null geometries)
 * @throws {@link ContestedError} `invalid-input` when `collection` is not
 *   a FeatureCollection, a feature's `properties` are circular or hold a
 *   value JSON cannot (a BigInt); `limit-exceeded` when they are over
 *   {@link DEFAULT_LIMITS} counted as drawn (one object referred to from
 *   many places counts at each); a geometry is not a Polygon or MultiPolygon (path
 *   `features[3].geometry.type`), or the options do not make a valid claim
 *   (a `controlled` claim without `side`, `sides` on a `controlled` claim …);
 *   `invalid-geometry` for coordinates that cannot be repaired
 * @category Claims & diffs
 *
 * @example
 * ```ts
 * const claims = fromGeoJSON(captured, { claimant: 'ru-mod', status: 'controlled', side: 'RU', asOf: '2025-12-01' });
 * claims[0];
 * //=> { id: 'ru-mod-2025-12-01-0', claimant: 'ru-mod', status: 'controlled', side: 'RU', basis: 'claimed', … }
 * ```
 */
export function fromGeoJSON(collection: FeatureCollection<Geometry | null>, options: GeoJSONClaimOptions): Claim[] {
  const features = featuresOf(collection);
  const base = checkBase(options, undefined);
  const stance = checkStance(options);
  const read: { index: number; geometry: Polygon | MultiPolygon; repairs: ImportRepair[]; droppedZ: boolean; id: unknown; properties: Record<string, unknown> }[] = [];
  features.forEach((feature, index) => {
    const area = areaOfFeature(feature, ['features', index]);
    if (area !== null) read.push({ index, ...area, id: (feature as { id?: unknown }).id, properties: propertiesOf(feature) });
  });
  if (read.length === 0) return [];
  const description = `${base.claimant}: ${stance.status}${stance.side === undefined ? '' : ` by ${stance.side}`}.`;
  if (options.dissolve === true) {
    const repairs = read.flatMap((r) => r.repairs);
    return [
      buildClaim(base, {
        key: 'all',
        area: dissolve(read.map((r) => r.geometry)),
        ...stance,
        description,
        properties: { features: read.map((r) => r.index), ...(read.some((r) => r.droppedZ) ? { droppedZ: true } : {}), ...(repairs.length > 0 ? { repairs } : {}) },
      }),
    ];
  }
  return read.map((r) =>
    buildClaim(base, {
      key: String(r.index),
      area: dissolve([r.geometry]),
      ...stance,
      description,
      properties: {
        ...(typeof r.id === 'string' || typeof r.id === 'number' ? { featureId: r.id } : {}),
        featureProperties: jsonOf(r.properties, ['features', r.index, 'properties']),
        ...(r.droppedZ ? { droppedZ: true } : {}),
        ...(r.repairs.length > 0 ? { repairs: r.repairs } : {}),
      },
    }),
  );
}

function checkStance(options: GeoJSONClaimOptions): { status: ControlStatus; basis: ClaimBasis; side?: string; sides?: string[] } {
  const { status, side, sides, basis } = options;
  const parsed = Stance.safeParse({ status, side, sides, basis });
  const issues: ContestedIssue[] = parsed.success ? [] : fromZodIssues(parsed.error.issues, ['options']);
  if (parsed.success) {
    const s = parsed.data;
    if (s.status !== 'contested' && s.side === undefined) issues.push({ code: 'missing-side', path: ['options', 'side'], message: `a ${s.status} claim names its side: pass side (e.g. 'RU')` });
    if (s.status !== 'contested' && s.sides !== undefined) issues.push({ code: 'sides-not-contested', path: ['options', 'sides'], message: `sides belongs to contested claims; a ${s.status} claim names one side in side` });
    if (s.status === 'contested' && s.side !== undefined) issues.push({ code: 'side-on-contested', path: ['options', 'side'], message: 'a contested claim names the sides fighting over the ground in sides, not side' });
  }
  if (!parsed.success || issues.length > 0) throw new ContestedError('invalid-input', issues);
  const out: { status: ControlStatus; basis: ClaimBasis; side?: string; sides?: string[] } = { status: parsed.data.status, basis: parsed.data.basis ?? 'claimed' };
  if (parsed.data.side !== undefined) out.side = parsed.data.side;
  if (parsed.data.sides !== undefined) out.sides = parsed.data.sides;
  return out;
}

/** The feature's own properties, kept as JSON (values JSON cannot hold are dropped by the round trip). */
function jsonOf(properties: Record<string, unknown>, path: IssuePath): z.core.util.JSONType {
  // Measured first: a circular bag, or one that refers to one object from
  // many places (2^60 paths in 61 objects), would crash or never finish.
  const walked = walk(properties, DEFAULT_LIMITS);
  if (walked.tooLarge !== undefined) throw reroot(walked.tooLarge, path);
  if (walked.deepAt !== undefined) {
    throw new ContestedError('limit-exceeded', [{ code: 'too-deep', path: [...path, ...walked.deepAt], message: `the feature's properties nest deeper than ${DEFAULT_LIMITS.maxDepth} levels` }]);
  }
  // A BigInt is refused as the input's problem; an exception from the caller's own toJSON passes through.
  const text = jsonText(properties, undefined, {
    bigint: (key, big) => new ContestedError('invalid-input', [{ code: 'invalid-type', path, message: `the feature's properties hold a value JSON cannot: a BigInt (${quote(big)}) under ${quote(key)}` }]),
    circular: (key) => new ContestedError('invalid-input', [{ code: 'circular', path, message: `the feature's properties hold an object inside itself under ${quote(key)} (a getter answered with it on a later read)` }]),
  });
  return JSON.parse(text) as z.core.util.JSONType;
}
