/**
 * Benchmark: `controlHistory` on worker threads against the serial run, on
 * DeepState's per-class raw maps (eleven snapshots, 2024-09-16 … 2026-08-22:
 * occupied, gray zone and liberated classes, months apart, so every step is a
 * full overlay of ~15,000-vertex maps rather than a few moved edges). Same
 * answer either way; the speed-up is bounded by the cores (two on the CI
 * machine) and by copying each pair of maps to a worker.
 *
 * Workers load the built worker module, so this runs against `dist/`
 * (`npm run build` first); it is skipped with a message otherwise.
 */
import { existsSync } from 'node:fs';
import { bench, describe } from 'vitest';
import type { ControlMap } from '../src/control/types.js';
import { deepStateMap, hasData, printTable } from './_data.js';

const DATES = ['2024-09-16', '2024-12-01', '2025-03-01', '2025-07-01', '2025-10-01', '2025-11-01', '2025-11-18', '2025-12-01', '2025-12-05', '2026-01-03', '2026-08-22'];
const built = new URL('../dist/index.js', import.meta.url);
const present = hasData('history workers', ...DATES.map((d) => `deepstate-raw/polygons-${d}.geojson`)) && existsSync(built);
if (!existsSync(built)) console.warn('[history workers] skipped: no dist/index.js (run npm run build first)');

type Library = typeof import('../src/index.js');

if (present) {
  const { controlHistory } = (await import(built.href)) as Library;
  const snapshots = DATES.map((at) => ({ at, map: deepStateMap(at) as ControlMap }));
  const run = async (workers: number | undefined) => {
    const start = performance.now();
    const history = await controlHistory(snapshots, workers === undefined ? {} : { workers });
    return { seconds: (performance.now() - start) / 1000, history };
  };
  const serial = await run(undefined);
  const pooled = await run(2);
  const same = JSON.stringify(serial.history) === JSON.stringify(pooled.history);
  printTable(
    `controlHistory over ${DATES.length - 1} steps of DeepState's per-class raw maps`,
    ['run', 'seconds', 'speed-up', 'same periods as serial'],
    [
      ['serial', serial.seconds.toFixed(2), '1.00×', 'yes'],
      ['workers: 2', pooled.seconds.toFixed(2), `${(serial.seconds / pooled.seconds).toFixed(2)}×`, same ? 'yes' : 'NO'],
    ],
  );
  describe('controlHistory: workers vs serial (per-class raw maps)', () => {
    bench('serial', async () => void (await controlHistory(snapshots)), { iterations: 1, warmupIterations: 0 });
    bench('workers: 2', async () => void (await controlHistory(snapshots, { workers: 2 })), { iterations: 1, warmupIterations: 0 });
  });
}
