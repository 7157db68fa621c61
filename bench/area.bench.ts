/**
 * Benchmark 1: `areaKm2` on every DeepState occupied snapshot (cyterat's
 * merged daily files), against `@turf/area` (a sphere, so not the same
 * answer) and against GeographicLib's own `PolygonArea` driven directly —
 * the loop a user would write by hand. Target: within 1.2× of the raw
 * GeographicLib loop, with the same answer (~5e-6 apart on these rings:
 * GeographicLib's edges are geodesics, ours lon/lat straight lines).
 */
import turfArea from '@turf/area';
import type { MultiPolygon, Position } from 'geojson';
import geodesic from 'geographiclib-geodesic';
import { bench, describe } from 'vitest';
import { areaKm2 } from '../src/geometry/index.js';
import { hasData, measure, printTable, readCollection } from './_data.js';

const DATES = ['2024-08-01', '2024-12-01', '2025-03-01', '2025-07-01', '2025-10-01', '2026-08-22'];
const present = hasData('area', ...DATES.map((d) => `deepstate/occupied-${d}.geojson`));
const shapes: MultiPolygon[] = present ? DATES.map((d) => readCollection(`deepstate/occupied-${d}.geojson`).features[0]!.geometry as MultiPolygon) : [];

const G = geodesic.Geodesic.WGS84;
function geographicLibKm2(shape: MultiPolygon): number {
  let total = 0;
  for (const polygon of shape.coordinates) {
    polygon.forEach((ring: Position[], r: number) => {
      const area = G.Polygon(false);
      for (let k = 0; k + 1 < ring.length; k++) area.AddPoint(ring[k]![1]!, ring[k]![0]!);
      const m2 = Math.abs(area.Compute(false, true).area ?? Number.NaN);
      total += r === 0 ? m2 : -m2;
    });
  }
  return total / 1e6;
}
const ours = (): number => shapes.reduce((t, s) => t + areaKm2(s), 0);
const turf = (): number => shapes.reduce((t, s) => t + turfArea(s) / 1e6, 0);
const geographicLib = (): number => shapes.reduce((t, s) => t + geographicLibKm2(s), 0);

if (present) {
  const vertices = shapes.reduce((t, s) => t + s.coordinates.flat(2).length, 0);
  const [a, t, g] = [ours(), turf(), geographicLib()];
  const timed = [measure(ours, 30), measure(turf, 30), measure(geographicLib, 30)];
  printTable(
    `area: all ${DATES.length} occupied snapshots (${vertices} vertices); sum of areas and time per pass (median of 30)`,
    ['method', 'km² (sum)', 'relative to GeographicLib', 'median ms', 'p75−p25 ms', '× GeographicLib time'],
    [
      ['contested areaKm2 (ellipsoid, lon/lat-straight edges)', a.toFixed(3), ((a - g) / g).toExponential(2), timed[0]!.median, timed[0]!.p75 - timed[0]!.p25, timed[0]!.median / timed[2]!.median],
      ['@turf/area (sphere)', t.toFixed(3), ((t - g) / g).toExponential(2), timed[1]!.median, timed[1]!.p75 - timed[1]!.p25, timed[1]!.median / timed[2]!.median],
      ['GeographicLib PolygonArea (geodesic edges)', g.toFixed(3), '0', timed[2]!.median, timed[2]!.p75 - timed[2]!.p25, 1],
    ],
  );
}

describe.skipIf(!present)('areaKm2 on 6 DeepState occupied snapshots', () => {
  bench('contested areaKm2', () => void ours());
  bench('@turf/area', () => void turf());
  bench('GeographicLib PolygonArea loop', () => void geographicLib());
});
