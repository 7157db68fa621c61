/**
 * Benchmark 2: `controlChange` between two consecutive DeepState per-class
 * snapshots (2025-12-01 → 2025-12-05, ~15,000 vertices each, resolved to
 * control maps first), against (a) the pipeline a user would write with
 * Turf (`@turf/difference`, then `@turf/area`, class by class), (b) the bare
 * clipping engine (polyclip-ts) doing the same full overlay, (c) our own
 * full overlay (what controlChange falls back to when much changed), and
 * (d) native GEOS (shapely + pyproj, via `bench/geos_overlay.py`; skipped
 * with a message without a Debian python3-shapely/python3-pyproj).
 * Targets: ≤ 1.0× native GEOS, ≥ 10× faster than the Turf pipeline.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import turfArea from '@turf/area';
import turfDifference from '@turf/difference';
import { featureCollection, multiPolygon } from '@turf/helpers';
import * as polyclip from 'polyclip-ts';
import { bench, describe } from 'vitest';
import { km2Of } from '../src/overlay/regions.js';
import { controlChange } from '../src/control/index.js';
import type { ControlMap } from '../src/control/types.js';
import { regionsOf, type MapRegion } from '../src/diff/_overlay.js';
import { changedOverlay, changeWindows } from '../src/overlay/windows.js';
import { stateClass } from '../src/overlay/state.js';
import type { MultiPolygon2 } from '../src/geometry/_engine.js';
import { deepStateMap, hasData, measure, printTable, pythonWithGeos } from './_data.js';

const present = hasData('controlChange', 'deepstate-raw/polygons-2025-12-01.geojson', 'deepstate-raw/polygons-2025-12-05.geojson');
const before: ControlMap | undefined = present ? deepStateMap('2025-12-01') : undefined;
const after: ControlMap | undefined = present ? deepStateMap('2025-12-05') : undefined;
const [ra, rb] = present ? [regionsOf(before!, 'a', {}, undefined), regionsOf(after!, 'b', {}, undefined)] : [[], []];

/** By hand with Turf: per class, after − before is gained, before − after is lost. */
function turfPipeline(): Record<string, { gained: number; lost: number }> {
  const out: Record<string, { gained: number; lost: number }> = {};
  const byClass = (regions: MapRegion[], cls: string) => regions.filter((r) => stateClass(r.state) === cls).flatMap((r) => r.coords);
  for (const cls of new Set([...ra, ...rb].map((r) => stateClass(r.state)))) {
    const [x, y] = [multiPolygon(byClass(ra, cls)), multiPolygon(byClass(rb, cls))];
    const gained = turfDifference(featureCollection([y, x]));
    const lost = turfDifference(featureCollection([x, y]));
    out[cls] = { gained: gained === null ? 0 : turfArea(gained) / 1e6, lost: lost === null ? 0 : turfArea(lost) / 1e6 };
  }
  return out;
}

/** The full overlay with polyclip-ts called directly, no cropping, no windows. */
function barePolyclip(): number {
  let km2 = 0;
  const area = (m: MultiPolygon2): number => km2Of(m);
  for (const x of ra) {
    for (const y of rb) if (stateClass(x.state) !== stateClass(y.state)) km2 += area(polyclip.intersection(x.coords, y.coords) as MultiPolygon2);
    km2 += area(polyclip.difference(x.coords, ...rb.map((r) => r.coords)) as MultiPolygon2);
  }
  for (const y of rb) km2 += area(polyclip.difference(y.coords, ...ra.map((r) => r.coords)) as MultiPolygon2);
  return km2;
}

const ours = () => controlChange(before!, after!);
const fullOverlay = () => changedOverlay(ra, rb, { km2: 0 }, 'full');

if (present) {
  const found = changeWindows(ra, rb);
  const change = ours();
  const gained = change.bySide['RU']!.gainedKm2;
  const t = { ours: measure(ours, 20), full: measure(fullOverlay, 2), bare: measure(barePolyclip, 2), turf: measure(turfPipeline, 2) };
  const turfRu = turfPipeline()['controlled\u0000RU']!;
  type Geos = { median_ms: number; p25_ms: number; p75_ms: number; km2: Record<string, number> };
  let geos: { overlay: Geos; perClass: Geos } | undefined;
  const python = pythonWithGeos();
  if (python === undefined) console.warn('[controlChange] native GEOS comparison skipped: no python3 with shapely and pyproj (apt-get install python3-shapely python3-pyproj)');
  else {
    const file = join(mkdtempSync(join(tmpdir(), 'contested-bench-')), 'maps.json');
    writeFileSync(file, JSON.stringify({ a: before, b: after, runs: 10 }));
    geos = JSON.parse(execFileSync(python, [fileURLToPath(new URL('geos_overlay.py', import.meta.url)), file], { encoding: 'utf8' }));
  }
  // The stricter comparison: GEOS class by class (fewer operations than the region-by-region overlay).
  const g = geos === undefined ? undefined : Math.min(geos.overlay.median_ms, geos.perClass.median_ms);
  const geosRu = (km2: Record<string, number>) =>
    Object.entries(km2).filter(([k]) => k === 'controlled:RU gained' || (k.endsWith('-> controlled:RU') && !k.startsWith('controlled:RU'))).reduce((s, [, v]) => s + v, 0).toFixed(6);
  const row = (name: string, m: { median: number; p25: number; p75: number }, answer: string) => [name, m.median, m.p75 - m.p25, g === undefined ? 'n/a' : m.median / g, t.turf.median / m.median, answer];
  printTable(
    `controlChange 2025-12-01 → 2025-12-05 (${found.total} edges, ${found.changed} changed, ${found.windows.length} windows)`,
    ['method', 'median ms', 'p75−p25 ms', '× native GEOS', 'speed-up vs Turf', 'RU gained km²'],
    [
      row('contested controlChange (windowed fast path)', t.ours, gained.toFixed(6)),
      row('contested full overlay (the fallback)', t.full, '(same pieces)'),
      row('bare polyclip-ts, same full overlay', t.bare, '—'),
      row('Turf pipeline (@turf/difference + @turf/area, per class)', t.turf, turfRu.gained.toFixed(6) + ' (sphere)'),
      ...(geos === undefined
        ? []
        : [
            row('native GEOS, region-by-region overlay (shapely + pyproj)', { median: geos.overlay.median_ms, p25: geos.overlay.p25_ms, p75: geos.overlay.p75_ms }, geosRu(geos.overlay.km2) + ' (geodesic edges)'),
            row('native GEOS, class by class (shapely + pyproj)', { median: geos.perClass.median_ms, p25: geos.perClass.p25_ms, p75: geos.perClass.p75_ms }, geosRu(geos.perClass.km2) + ' (geodesic edges)'),
          ]),
    ],
  );
}

describe.skipIf(!present)('controlChange, DeepState 2025-12-01 → 2025-12-05', () => {
  bench('contested controlChange (maps)', () => void ours(), { time: 2000 });
  bench('contested full overlay (fallback)', () => void fullOverlay(), { iterations: 2, time: 0, warmupIterations: 0 });
  bench('bare polyclip-ts full overlay', () => void barePolyclip(), { iterations: 2, time: 0, warmupIterations: 0 });
  bench('Turf pipeline', () => void turfPipeline(), { iterations: 2, time: 0, warmupIterations: 0 });
});
