/**
 * Places: named geometry. A settlement, a district or a region is an area
 * (Polygon or MultiPolygon); a railway, a river or a road is a line. When the
 * geometry is drawn by hand rather than taken from a survey, the place says
 * so in `approximate`, because readers of a diff in km² deserve to know.
 *
 * @module
 */
import * as z from 'zod';
import { Id, Name, Properties, Text, Url } from '../_lib/fields.js';
import {
  LineStringGeometry,
  MultiLineStringGeometry,
  MultiPolygonGeometry,
  PointGeometry,
  PolygonGeometry,
} from '../geometry/schema.js';

/**
 * What kind of place it is. Area kinds take a Polygon or MultiPolygon,
 * line kinds a LineString or MultiLineString, `site` also a Point.
 *
 * @example
 * ```ts
 * PlaceKind.safeParse('railway').success;
 * //=> true
 * PlaceKind.safeParse('city').success;
 * //=> false
 * ```
 *
 * @category Model
 */
export const PlaceKind = z.enum(
  ['settlement', 'district', 'site', 'region', 'admin-area', 'railway', 'river', 'road', 'line'],
  { error: 'place kind is one of settlement, district, site, region, admin-area, railway, river, road, line' },
);
/** What kind of place it is. @category Model */
export type PlaceKind = z.infer<typeof PlaceKind>;

const LINE_KINDS: ReadonlySet<PlaceKind> = new Set(['railway', 'river', 'road', 'line']);

/**
 * How a place's geometry was made, when it is not from a survey.
 *
 * @example
 * ```ts
 * ApproximateGeometry.safeParse({ toleranceM: 500, note: 'traced from a news map' }).success;
 * //=> true
 * ```
 *
 * @category Model
 */
export const ApproximateGeometry = z.strictObject({
  /** Roughly how far, in metres, the drawn geometry may be from the truth. */
  toleranceM: z
    .number({ error: 'toleranceM is a distance in metres (a number)' })
    .positive({ error: 'toleranceM is a distance in metres, more than 0; leave it out when the tolerance is not known' })
    .optional(),
  /** How it was drawn and from what. */
  note: Text,
});
/** How a place's geometry was made. @category Model */
export type ApproximateGeometry = z.infer<typeof ApproximateGeometry>;

/**
 * A named geometry.
 *
 * @example
 * ```ts
 * Place.parse({
 *   id: 'railway', name: 'Pokrovsk railway', kind: 'railway',
 *   geometry: { type: 'LineString', coordinates: [[37.12, 48.28], [37.22, 48.29]] },
 *   approximate: { note: 'drawn by hand from a map', toleranceM: 300 },
 * });
 * ```
 * @category Model
 */
export const Place = z
  .strictObject({
    /** Unique among places. */
    id: Id,
    /** What it is called. */
    name: Name,
    /** What kind of place it is. */
    kind: PlaceKind,
    /** Its geometry, WGS84 `[lon, lat]`. */
    // One discriminated union, not a union of unions: an unknown `type` then
    // gets one clear message instead of the Point branch's complaints.
    geometry: z.discriminatedUnion('type', [PolygonGeometry, MultiPolygonGeometry, LineStringGeometry, MultiLineStringGeometry, PointGeometry], {
      error: 'a place geometry is a GeoJSON Polygon, MultiPolygon, LineString, MultiLineString or Point',
    }),
    /** Present when the geometry is drawn by hand or otherwise approximate. */
    approximate: ApproximateGeometry.optional(),
    /** Other names, in any script (Покровськ, Красноармейск). */
    aliases: z.array(Name).optional(),
    /** A code in an administrative register, such as an OCHA P-code. */
    code: Name.optional(),
    /** Where the geometry came from (with its licence, where one applies). */
    source: Text.optional(),
    /** A link to the source. */
    url: Url.optional(),
    /** A note. */
    description: Text.optional(),
    /** Fields of your own. */
    properties: Properties.optional(),
  })
  .check((ctx) => {
    const { kind, geometry } = ctx.value;
    const isLine = geometry.type === 'LineString' || geometry.type === 'MultiLineString';
    const isArea = geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
    const wantsLine = LINE_KINDS.has(kind);
    if ((wantsLine && !isLine) || (!wantsLine && kind !== 'site' && !isArea)) {
      ctx.issues.push({
        code: 'custom',
        input: geometry.type,
        path: ['geometry', 'type'],
        message: `a ${kind} needs ${wantsLine ? 'a LineString or MultiLineString' : 'a Polygon or MultiPolygon'}, not a ${geometry.type}`,
        params: { contested: 'geometry-kind-mismatch' },
      });
    }
  });
/** A named geometry. @category Model */
export type Place = z.infer<typeof Place>;
