/**
 * Positions: where something is, how well that is known and how it came to
 * be known, in the manner of Cursor-on-Target's `how` and `ce` (circular
 * error). A position arrives as `[lon, lat]` or as an MGRS reference; an
 * MGRS-only position gets the centre of its grid square as coordinates when
 * parsed, and keeps the reference, so both forms survive a round trip.
 *
 * @module
 */
import * as z from 'zod';
import { Id, Name, Properties, Text } from '../_lib/fields.js';
import { GeoPosition } from '../geometry/schema.js';
import { TimeRef } from '../time/timeRef.js';
import { fromMgrs, toMgrs, type MgrsPrecision } from './mgrs.js';
import { isContestedError } from '../errors/index.js';

/**
 * How a position was obtained: `gps` (a receiver on the spot), `geolocated`
 * (matched from imagery by an analyst), `reported` (someone said so),
 * `estimated` (inferred, e.g. "well behind the front line").
 *
 * @example
 * ```ts
 * PositionSource.safeParse('geolocated').success;
 * //=> true
 * ```
 *
 * @category Positions
 */
export const PositionSource = z.enum(['gps', 'geolocated', 'reported', 'estimated'], {
  error: 'how a position was obtained is one of gps, geolocated, reported, estimated',
});
/** How a position was obtained. @category Positions */
export type PositionSource = z.infer<typeof PositionSource>;

const PositionShape = z.strictObject({
  /** An id, when other data needs to refer to this position. */
  id: Id.optional(),
  /** What is here, in a few words ("command post"). */
  label: Name.optional(),
  /** `[lon, lat]` (or `[lon, lat, altitude]`) in WGS84. Filled from `mgrs` when absent. */
  coordinates: GeoPosition.optional(),
  /** The same place as an MGRS reference, kept as given. */
  mgrs: z.string().max(40).optional(),
  /** Height above the WGS84 ellipsoid, metres. */
  altitudeM: z.number().optional(),
  /** Radius, metres, within which the true position lies (CoT's `ce`). */
  accuracyM: z.number().nonnegative({ error: 'accuracy is a radius in metres, not negative' }).optional(),
  /** How the position was obtained. */
  how: PositionSource.optional(),
  /** When the position was observed. */
  observedAt: TimeRef.optional(),
  /** A note. */
  description: Text.optional(),
  /** Fields of your own. */
  properties: Properties.optional(),
});

/**
 * Where something is. Give `coordinates`, `mgrs`, or both (they must then
 * agree: the coordinates lie in the MGRS square).
 *
 * @example
 * ```ts
 * const cp = Position.parse({ mgrs: '37U CP 649 490', how: 'estimated', accuracyM: 2000 });
 * cp.coordinates;
 * //=> [37.1796…, 48.2802…]
 * ```
 * @category Positions
 */
export const Position = PositionShape.transform((value, ctx) => {
  if (value.mgrs === undefined) {
    if (value.coordinates === undefined) {
      ctx.issues.push({
        code: 'custom',
        input: value,
        path: ['coordinates'],
        message: 'a position needs coordinates ([lon, lat]) or an MGRS reference',
        params: { contested: 'missing-location' },
      });
    }
    return value;
  }
  let square;
  try {
    square = fromMgrs(value.mgrs);
  } catch (error) {
    // fromMgrs says what is wrong with a reference as a ContestedError; anything else is not the data's problem.
    if (!isContestedError(error)) throw error;
    ctx.issues.push({
      code: 'custom',
      input: value.mgrs,
      path: ['mgrs'],
      message: error.issues[0]?.message ?? error.message,
      params: { contested: 'invalid-mgrs' },
    });
    return value;
  }
  if (value.coordinates === undefined) return inShapeOrder({ ...value, coordinates: square.coordinates });
  const [lon, lat] = value.coordinates;
  if (!inMgrsSquare([lon, lat], value.mgrs, square.squareM, square.bbox)) {
    ctx.issues.push({
      code: 'custom',
      input: value,
      path: ['coordinates'],
      message: `coordinates [${lon}, ${lat}] lie outside the MGRS square ${value.mgrs}`,
      params: { contested: 'mgrs-mismatch' },
    });
  }
  return value;
});
/**
 * Whether a point lies in the square an MGRS reference names. A UTM square is
 * not a longitude/latitude box (grid convergence turns it by up to a few
 * degrees), so the test is done in MGRS itself: the point, written at the
 * reference's precision, gives the same reference. The corner box only
 * decides points that fall on a square's edge within rounding.
 */
function inMgrsSquare(
  point: [number, number],
  reference: string,
  squareM: number,
  [w, s, e, n]: [number, number, number, number],
): boolean {
  const compact = (r: string): string => r.replace(/\s+/g, '').toUpperCase().replace(/^0+/, '');
  const digits = Math.round(5 - Math.log10(squareM)) as MgrsPrecision;
  try {
    if (compact(toMgrs(point, digits)) === compact(reference)) return true;
  } catch (error) {
    // toMgrs's out-of-range ContestedError: outside MGRS's latitudes, so in no square; anything else passes through.
    if (!isContestedError(error)) throw error;
  }
  const slack = 1e-9;
  const [lon, lat] = point;
  return lon >= w - slack && lon <= e + slack && lat >= s - slack && lat <= n + slack;
}

/**
 * Rebuilds a position with its keys in schema order, so that a position
 * whose coordinates were filled from MGRS serializes exactly as it will
 * after being parsed again.
 */
function inShapeOrder<T extends Record<string, unknown>>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(PositionShape.shape)) if (key in value) out[key] = value[key];
  return out as T;
}

/** Where something is. @category Positions */
export type Position = z.infer<typeof Position>;
