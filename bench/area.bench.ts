/**
 * Benchmark 1: `areaKm2` on every DeepState occupied snapshot (cyterat's
 * merged daily files), against `@turf/area` (a sphere, so not the same
 * answer) and against GeographicLib's own `PolygonArea` driven directly —
 * the loop a user would write by hand. Targets: at most 2× `@turf/area`'s
 * time (issue 12), with GeographicLib's answer (~5e-6 apart on these
 * rings: GeographicLib's edges are geodesics, ours lon/lat straight lines).
 */
import turfArea from '@turf/area';
import type { MultiPolygon, Position } from 'geojson';
import geodesic from 'geographiclib-geodesic';
import { bench, describe } from 'vitest';
import { areaKm2 } from '../src/geometry/index.js';
import { hasData, interleaved, printTable, readCollection } from './_data.js';

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

/** Passes per timing, warm-up rounds and rounds (see `interleaved`): a pass is a fraction of a millisecond. */
const BATCH = 10;
const WARM_UP = 30;
const ROUNDS = 40;

if (present) {
  const vertices = shapes.reduce((t, s) => t + s.coordinates.flat(2).length, 0);
  const [a, t, g] = [ours(), turf(), geographicLib()];
  // In turn, after a warm-up: timed one after the other (30 passes each, one warm-up), the
  // ratio to Turf moved between 1.5 and 2.3 from run to run with the order V8 optimised them in.
  const timed = interleaved([ours, turf, geographicLib], WARM_UP, ROUNDS, BATCH);
  const [mine, theirs, reference] = timed.map((q) => q.wall);
  const cpu = timed.map((q) => q.cpu.median);
  printTable(
    `area: all ${DATES.length} occupied snapshots (${vertices} vertices); sum of areas and time per pass (${WARM_UP} warm-up rounds, then median of ${ROUNDS} rounds taken in turn, each timing ${BATCH} passes)`,
    ['method', 'km² (sum)', 'relative to GeographicLib', 'median ms', 'p75−p25 ms', '× @turf/area time', 'CPU ms', '× @turf/area CPU', '× GeographicLib time'],
    [
      ['contested areaKm2 (ellipsoid, lon/lat-straight edges)', a.toFixed(3), ((a - g) / g).toExponential(2), mine!.median, mine!.p75 - mine!.p25, mine!.median / theirs!.median, cpu[0]!, cpu[0]! / cpu[1]!, mine!.median / reference!.median],
      ['@turf/area (sphere)', t.toFixed(3), ((t - g) / g).toExponential(2), theirs!.median, theirs!.p75 - theirs!.p25, 1, cpu[1]!, 1, theirs!.median / reference!.median],
      ['GeographicLib PolygonArea (geodesic edges)', g.toFixed(3), '0', reference!.median, reference!.p75 - reference!.p25, reference!.median / theirs!.median, cpu[2]!, cpu[2]! / cpu[1]!, 1],
    ],
  );
}

describe.skipIf(!present)('areaKm2 on 6 DeepState occupied snapshots', () => {
  bench('contested areaKm2', () => void ours());
  bench('@turf/area', () => void turf());
  bench('GeographicLib PolygonArea loop', () => void geographicLib());
});
