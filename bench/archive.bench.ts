/**
 * Benchmark: DeepState's whole daily archive (769 snapshots, 2024-07-08 …
 * 2026-08-22, 768 steps; `../shared/data/deepstate-daily`) as a monthly
 * series with `controlHistory` (the windowed change, step by step), against
 * native GEOS walking the same files the way a GEOS user would (per step,
 * after less before and before less after, with pyproj's geodesic areas;
 * `bench/geos_archive.py`). Both sides read and resolve every snapshot
 * before their timer starts, and both sum the same months; the table gives
 * the time of the series alone and the largest monthly gap between the two
 * in km², and the heap the series kept and the process's peak memory.
 * Target (issue 12): the series at most 1.0× GEOS's time. (This replaces
 * the synthetic year of perturbed snapshots benchmarked before: moving
 * vertices at random made regions overlap, which maps may no longer do.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { controlMap } from '../src/control/index.js';
import { controlHistory } from '../src/history/index.js';
import { fromDeepState } from '../src/importers/index.js';
import { dataDir, hasData, printTable, GEOS_SKIPPED, pythonWithGeos, readCollection } from './_data.js';

const DAILY = 'deepstate-daily';
const present = hasData('archive', `${DAILY}/README.md`);
const python = present ? pythonWithGeos() : undefined;
if (present && python === undefined) console.warn(`[archive] ${GEOS_SKIPPED}`);

const dateOf = (file: string): string => /\d{4}-\d{2}-\d{2}/.exec(file)![0];

if (present) {
  const files = readdirSync(`${dataDir}${DAILY}`).filter((f) => f.endsWith('.geojson')).sort();
  let started = performance.now();
  const snapshots = files.map((file) => ({ at: dateOf(file), map: controlMap(fromDeepState(readCollection(`${DAILY}/${file}`), { asOf: dateOf(file) })) }));
  const readSeconds = (performance.now() - started) / 1000;
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  started = performance.now();
  const history = await controlHistory(snapshots, { by: 'month' });
  const ms = performance.now() - started;
  const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;

  let geos: { ms: number; steps: number; months: Record<string, { gained: number; lost: number }> } | undefined;
  if (python !== undefined) {
    const spec = join(mkdtempSync(join(tmpdir(), 'contested-bench-')), 'archive.json');
    writeFileSync(spec, JSON.stringify({ files: files.map((f) => [dateOf(f), `${dataDir}${DAILY}/${f}`]) }));
    geos = JSON.parse(execFileSync(python, [fileURLToPath(new URL('./geos_archive.py', import.meta.url)), spec], { encoding: 'utf8', maxBuffer: 1 << 24 })) as typeof geos;
  }
  let worstKm2 = 0;
  if (geos !== undefined) {
    for (const period of history.periods) {
      const ru = period.bySide['RU'] ?? { gainedKm2: 0, lostKm2: 0 };
      const theirs = geos.months[period.period] ?? { gained: 0, lost: 0 };
      worstKm2 = Math.max(worstKm2, Math.abs(ru.gainedKm2 - theirs.gained), Math.abs(ru.lostKm2 - theirs.lost));
    }
  }
  const steps = history.periods.reduce((t, p) => t + p.steps, 0);
  printTable(
    `DeepState's daily archive as a monthly series: ${files.length} snapshots, ${steps} steps, ${history.periods.length} months (snapshots read and resolved in ${readSeconds.toFixed(1)} s, untimed)`,
    ['method', 'ms', 'ms per step', '× GEOS', 'largest monthly gap to GEOS, km² (gained or lost; GEOS: pyproj, edges as geodesics, undensified)', 'heap growth MB', 'max RSS MB'],
    [
      ["contested controlHistory(…, { by: 'month' }) (windowed change)", ms, ms / steps, geos === undefined ? 'n/a' : ms / geos.ms, geos === undefined ? 'n/a' : worstKm2.toExponential(2), heapGrowthMb, process.resourceUsage().maxRSS / 1024],
      ['native GEOS, per step after less before / before less after (shapely + pyproj)', geos?.ms ?? 'n/a', geos === undefined ? 'n/a' : geos.ms / geos.steps, 1, '', '', ''],
    ],
  );

  describe("DeepState's daily archive as a series", () => {
    bench('controlHistory, by month', async () => void (await controlHistory(snapshots, { by: 'month' })), { iterations: 1, warmupIterations: 0 });
  });
}
