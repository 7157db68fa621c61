/**
 * The one place that loads GeographicLib. `geographiclib-geodesic` ships
 * CommonJS only; a default import is what both Node's ESM loader (which
 * exposes `module.exports` as the default) and tsup's CJS output (through
 * its interop helper) resolve to the same object, so every other module
 * goes through here rather than importing the package itself.
 *
 * @module
 */
import geodesic from 'geographiclib-geodesic';

/** The WGS84 ellipsoid as GeographicLib defines it. */
export const WGS84 = geodesic.Geodesic.WGS84;

/** Geodesic distance in metres between two [lon, lat] points. */
export function geodesicDistance(lon1: number, lat1: number, lon2: number, lat2: number): number {
  if (lon1 === lon2 && lat1 === lat2) return 0;
  // Mask DISTANCE only: GeographicLib then skips azimuths and areas.
  return WGS84.Inverse(lat1, lon1, lat2, lon2, geodesic.Geodesic.DISTANCE).s12 ?? 0;
}
