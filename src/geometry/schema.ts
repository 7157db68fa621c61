/**
 * GeoJSON geometry schemas (RFC 7946) as zod schemas, with the structural
 * checks every later computation relies on: finite numbers, longitude in
 * [-180, 180], latitude in [-90, 90], at least two positions per line, at
 * least four per ring, rings closed. Deeper checks (self-intersection,
 * winding, holes outside shells) belong to `validateGeometry`.
 *
 * Foreign members (RFC 7946 §6.1) are kept, so that parsing loses nothing.
 *
 * @module
 */
import * as z from 'zod';

const longitude = z
  .number({ error: (iss) => (iss.input === undefined ? 'missing longitude' : 'longitude must be a finite number') })
  .check((ctx) => {
    if (ctx.value < -180 || ctx.value > 180) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `longitude ${ctx.value} is outside [-180, 180] (GeoJSON order is [lon, lat])`,
        params: { contested: 'out-of-range' },
      });
    }
  });

const latitude = z
  .number({ error: (iss) => (iss.input === undefined ? 'missing latitude' : 'latitude must be a finite number') })
  .check((ctx) => {
    if (ctx.value < -90 || ctx.value > 90) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `latitude ${ctx.value} is outside [-90, 90] (GeoJSON order is [lon, lat])`,
        params: { contested: 'out-of-range' },
      });
    }
  });

/**
 * A GeoJSON position: `[lon, lat]` or `[lon, lat, altitude]` in WGS84.
 *
 * @example
 * ```ts
 * GeoPosition.safeParse([37.18, 48.28]).success;
 * //=> true
 * GeoPosition.safeParse([200, 48.28]).success;
 * //=> false
 * ```
 *
 * @category Geometry
 */
export const GeoPosition = z
  .tuple([longitude, latitude], z.number({ error: 'altitude must be a finite number' }))
  .check((ctx) => {
    if (ctx.value.length > 3) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: `a position has 2 or 3 numbers ([lon, lat] or [lon, lat, altitude]); got ${ctx.value.length}`,
        params: { contested: 'position-length' },
      });
    }
  });
/** A GeoJSON position: `[lon, lat]` or `[lon, lat, altitude]`. @category Geometry */
export type GeoPosition = z.infer<typeof GeoPosition>;

/**
 * A bounding box: `[west, south, east, north]` (or with altitudes, six numbers).
 *
 * @example
 * ```ts
 * BBox.safeParse([37.1, 48.2, 37.3, 48.35]).success;
 * //=> true
 * ```
 *
 * @category Geometry
 */
export const BBox = z.union([
  z.tuple([z.number(), z.number(), z.number(), z.number()]),
  z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number()]),
]);
/** A bounding box, four or six numbers. @category Geometry */
export type BBox = z.infer<typeof BBox>;

const lineCoordinates = z.array(GeoPosition).min(2, { error: 'a line needs at least 2 positions' });

const linearRing = z
  .array(GeoPosition)
  .min(4, { error: (iss) => `a ring needs at least 4 positions (first repeated last); got ${(iss.input as unknown[]).length}` })
  .check((ctx) => {
    const ring = ctx.value;
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first === undefined || last === undefined || ring.length < 4) return;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      ctx.issues.push({
        code: 'custom',
        input: ring,
        message: `ring is not closed: first position [${first[0]}, ${first[1]}] differs from last [${last[0]}, ${last[1]}]`,
        params: { contested: 'unclosed-ring' },
      });
    }
  });

const polygonCoordinates = z.array(linearRing).min(1, { error: 'a polygon needs an outer ring' });

/**
 * The one shape every geometry schema has: its `type`, its coordinates and
 * an optional `bbox`, with foreign members kept.
 */
function geometryOf<T extends string, C extends z.ZodType>(type: T, coordinates: C) {
  return z.looseObject({
    /** The geometry type. */
    type: z.literal(type),
    /** `[lon, lat]` positions, nested as RFC 7946 says for this type. */
    coordinates,
    /** Optional bounding box. */
    bbox: BBox.optional(),
  });
}

/**
 * A GeoJSON Point: one `[lon, lat]` position.
 *
 * @example
 * ```ts
 * PointGeometry.safeParse({ type: 'Point', coordinates: [37.18, 48.28] }).success;
 * //=> true
 * ```
 *
 * @category Geometry
 */
export const PointGeometry = geometryOf('Point', GeoPosition);
/** A GeoJSON Point. @category Geometry */
export type PointGeometry = z.infer<typeof PointGeometry>;

/**
 * A GeoJSON MultiPoint: several `[lon, lat]` positions.
 *
 * @example
 * ```ts
 * MultiPointGeometry.safeParse({ type: 'MultiPoint', coordinates: [[37.18, 48.28], [37.2, 48.3]] }).success;
 * //=> true
 * ```
 *
 * @category Geometry
 */
export const MultiPointGeometry = geometryOf('MultiPoint', z.array(GeoPosition));
/** A GeoJSON MultiPoint. @category Geometry */
export type MultiPointGeometry = z.infer<typeof MultiPointGeometry>;

/**
 * A GeoJSON LineString: at least two positions.
 *
 * @example
 * ```ts
 * LineStringGeometry.safeParse({ type: 'LineString', coordinates: [[37.1, 48.28], [37.3, 48.29]] }).success;
 * //=> true
 * ```
 *
 * @category Geometry
 */
export const LineStringGeometry = geometryOf('LineString', lineCoordinates);
/** A GeoJSON LineString: at least two positions. @category Geometry */
export type LineStringGeometry = z.infer<typeof LineStringGeometry>;

/**
 * A GeoJSON MultiLineString: lines of at least two positions each.
 *
 * @example
 * ```ts
 * MultiLineStringGeometry.safeParse({ type: 'MultiLineString', coordinates: [[[37.1, 48.28], [37.3, 48.29]]] }).success;
 * //=> true
 * ```
 *
 * @category Geometry
 */
export const MultiLineStringGeometry = geometryOf('MultiLineString', z.array(lineCoordinates));
/** A GeoJSON MultiLineString. @category Geometry */
export type MultiLineStringGeometry = z.infer<typeof MultiLineStringGeometry>;

/**
 * A GeoJSON Polygon: an outer ring, then its holes; every ring closed
 * and of at least four positions.
 *
 * @example
 * ```ts
 * PolygonGeometry.safeParse(square(37, 48)).success;
 * //=> true
 * ```
 *
 * @category Geometry
 */
export const PolygonGeometry = geometryOf('Polygon', polygonCoordinates);
/** A GeoJSON Polygon: closed rings of at least four positions. @category Geometry */
export type PolygonGeometry = z.infer<typeof PolygonGeometry>;

/**
 * A GeoJSON MultiPolygon: polygons as in {@link PolygonGeometry}.
 *
 * @example
 * ```ts
 * MultiPolygonGeometry.safeParse({ type: 'MultiPolygon', coordinates: [square(37, 48).coordinates] }).success;
 * //=> true
 * ```
 *
 * @category Geometry
 */
export const MultiPolygonGeometry = geometryOf('MultiPolygon', z.array(polygonCoordinates));
/** A GeoJSON MultiPolygon. @category Geometry */
export type MultiPolygonGeometry = z.infer<typeof MultiPolygonGeometry>;

/**
 * An area: a Polygon or a MultiPolygon.
 *
 * @example
 * ```ts
 * AreaGeometry.safeParse(square(37, 48)).success;
 * //=> true
 * AreaGeometry.safeParse(railway).success;
 * //=> false
 * ```
 *
 * @category Geometry
 */
export const AreaGeometry = z.discriminatedUnion('type', [PolygonGeometry, MultiPolygonGeometry]);
/** A Polygon or a MultiPolygon. @category Geometry */
export type AreaGeometry = z.infer<typeof AreaGeometry>;

/**
 * A line feature: a LineString or a MultiLineString.
 *
 * @example
 * ```ts
 * LineGeometry.safeParse(railway).success;
 * //=> true
 * LineGeometry.safeParse(square(37, 48)).success;
 * //=> false
 * ```
 *
 * @category Geometry
 */
export const LineGeometry = z.discriminatedUnion('type', [LineStringGeometry, MultiLineStringGeometry]);
/** A LineString or a MultiLineString. @category Geometry */
export type LineGeometry = z.infer<typeof LineGeometry>;

/**
 * Any GeoJSON geometry this library stores (GeometryCollection excluded:
 * model a collection as several places instead).
 *
 * @example
 * ```ts
 * Geometry.safeParse(railway).success;
 * //=> true
 * ```
 *
 * @category Geometry
 */
export const Geometry = z.discriminatedUnion('type', [
  PointGeometry,
  MultiPointGeometry,
  LineStringGeometry,
  MultiLineStringGeometry,
  PolygonGeometry,
  MultiPolygonGeometry,
]);
/** Any GeoJSON geometry but GeometryCollection. @category Geometry */
export type Geometry = z.infer<typeof Geometry>;
