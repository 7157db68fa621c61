/**
 * Benchmark 2: `controlChange` between DeepState per-class snapshots
 * (~15,000 vertices each, resolved to control maps first): a day apart
 * (2025-12-01 → 2025-12-05, where the windowed strategy runs the engine only
 * around changed edges) and half a year apart (2025-07-01 → 2026-01-03,
 * where too much changed and the full overlay runs). Each against native
 * GEOS (shapely + pyproj, via `bench/geos_overlay.py`; skipped with a
 * message without Debian's python3-shapely/python3-pyproj) both ways: class
 * by class (what a GEOS user writes) and region by region (the same full
 * overlay we compute), and against the Turf pipeline.
 * Targets: a day ≤ 1.0× GEOS class by class; half a year ≤ 1.5×.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import turfArea from '@turf/area';
import turfDifference from '@turf/difference';
import { featureCollection, multiPolygon } from '@turf/helpers';
import { bench, describe } from 'vitest';
import { km2Of } from '../src/overlay/regions.js';
import { controlChange } from '../src/control/index.js';
import type { ControlMap } from '../src/control/types.js';
import { regionsOf } from '../src/control/_mapRegions.js';
import type { MapRegion } from '../src/overlay/overlay.js';
import { changedOverlay, changeWindows } from '../src/overlay/windows.js';
import { stateClass } from '../src/overlay/state.js';
import { deepStateMap, hasData, measure, printTable, GEOS_SKIPPED, pythonWithGeos } from './_data.js';

const PAIRS: [string, string, string][] = [
  ['a day (windowed fast path applies)', '2025-12-01', '2025-12-05'],
  ['half a year (full overlay: too much changed for windows)', '2025-07-01', '2026-01-03'],
];
const present = hasData('controlChange', ...PAIRS.flatMap(([, x, y]) => [`deepstate-raw/polygons-${x}.geojson`, `deepstate-raw/polygons-${y}.geojson`]));

type Geos = { median_ms: number; p25_ms: number; p75_ms: number; km2: Record<string, number> };
const python = present ? pythonWithGeos() : undefined;
if (present && python === undefined) console.warn(`[controlChange] ${GEOS_SKIPPED}`);

function comparePair(label: string, beforeDate: string, afterDate: string): { ours: () => unknown; full: () => unknown } {
  const before: ControlMap = deepStateMap(beforeDate);
  const after: ControlMap = deepStateMap(afterDate);
  const ra = regionsOf(before, 'a', {}, undefined);
  const rb = regionsOf(after, 'b', {}, undefined);
  const turfPipeline = (): Record<string, { gained: number; lost: number }> => {
    const out: Record<string, { gained: number; lost: number }> = {};
    const byClass = (regions: MapRegion[], cls: string) => regions.filter((r) => stateClass(r.state) === cls).flatMap((r) => r.coords);
    for (const cls of new Set([...ra, ...rb].map((r) => stateClass(r.state)))) {
      const [x, y] = [multiPolygon(byClass(ra, cls)), multiPolygon(byClass(rb, cls))];
      const gained = turfDifference(featureCollection([y, x]));
      const lost = turfDifference(featureCollection([x, y]));
      out[cls] = { gained: gained === null ? 0 : turfArea(gained) / 1e6, lost: lost === null ? 0 : turfArea(lost) / 1e6 };
    }
    return out;
  };
  const ours = () => controlChange(before, after);
  const full = () => {
    const pieces = changedOverlay(ra, rb, { km2: 0 }, 'full');
    return pieces.reduce((t, p) => t + km2Of(p.coords), 0);
  };
  const found = changeWindows(ra, rb);
  const gained = ours().bySide['RU']!.gainedKm2;
  const t = { ours: measure(ours, 10), full: measure(full, 3), turf: measure(turfPipeline, 2) };
  const turfRu = turfPipeline()['controlled\u0000RU']!;
  let geos: { overlay: Geos; perClass: Geos } | undefined;
  if (python !== undefined) {
    const file = join(mkdtempSync(join(tmpdir(), 'contested-bench-')), 'maps.json');
    writeFileSync(file, JSON.stringify({ a: before, b: after, runs: 10 }));
    geos = JSON.parse(execFileSync(python, [fileURLToPath(new URL('geos_overlay.py', import.meta.url)), file], { encoding: 'utf8', maxBuffer: 1 << 26 }));
  }
  const geosRu = (km2: Record<string, number>) =>
    Object.entries(km2).filter(([k]) => k === 'controlled:RU gained' || (k.endsWith('-> controlled:RU') && !k.startsWith('controlled:RU'))).reduce((s, [, v]) => s + v, 0).toFixed(6);
  const ratio = (m: { median: number }, g: Geos | undefined): string | number => (g === undefined ? 'n/a' : m.median / g.median_ms);
  printTable(
    `controlChange ${beforeDate} → ${afterDate}, ${label} (${found.total} edges, ${found.changed} changed, ${found.windows.length} windows)`,
    ['method', 'median ms', 'p75−p25 ms', '× GEOS class by class', '× GEOS full overlay', 'RU gained km²'],
    [
      ['contested controlChange (auto: windows when few edges changed)', t.ours.median, t.ours.p75 - t.ours.p25, ratio(t.ours, geos?.perClass), ratio(t.ours, geos?.overlay), gained.toFixed(6)],
      ['contested full overlay (region by region)', t.full.median, t.full.p75 - t.full.p25, ratio(t.full, geos?.perClass), ratio(t.full, geos?.overlay), '(same pieces)'],
      ['Turf pipeline (@turf/difference + @turf/area, per class)', t.turf.median, t.turf.p75 - t.turf.p25, ratio(t.turf, geos?.perClass), ratio(t.turf, geos?.overlay), turfRu.gained.toFixed(6) + ' (sphere)'],
      ...(geos === undefined
        ? []
        : [
            ['native GEOS, region-by-region full overlay (shapely + pyproj)', geos.overlay.median_ms, geos.overlay.p75_ms - geos.overlay.p25_ms, geos.overlay.median_ms / geos.perClass.median_ms, 1, geosRu(geos.overlay.km2) + ' (geodesic edges)'],
            ['native GEOS, class by class (shapely + pyproj)', geos.perClass.median_ms, geos.perClass.p75_ms - geos.perClass.p25_ms, 1, geos.perClass.median_ms / geos.overlay.median_ms, geosRu(geos.perClass.km2) + ' (geodesic edges)'],
          ]),
    ],
  );
  return { ours, full };
}

const runs = present ? PAIRS.map(([label, x, y]) => comparePair(label, x, y)) : [];

describe.skipIf(!present)('controlChange, DeepState per-class maps', () => {
  PAIRS.forEach(([, x, y], i) => {
    bench(`contested controlChange ${x} → ${y}`, () => void runs[i]!.ours(), { iterations: 3, time: 0, warmupIterations: 0 });
  });
});
