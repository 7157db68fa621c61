/**
 * Benchmark 6: a year of history. 365 daily DeepState control maps — the
 * five real per-class snapshots of Nov 2025 – Jan 2026, each standing for
 * 73 consecutive days, every day with a few front-line vertices moved by up
 * to ~20 m (each vertex moved everywhere it occurs, so neighbouring regions
 * stay neighbours) — and `controlChange` between every pair of consecutive
 * days: total time, per-day cost, and memory.
 */
import { bench, describe } from 'vitest';
import { controlChange } from '../src/control/index.js';
import type { ControlMap } from '../src/control/types.js';
import { deepStateMap, hasData, printTable } from './_data.js';

const DATES = ['2025-11-01', '2025-11-18', '2025-12-01', '2025-12-05', '2026-01-03'];
const DAYS = 365;
const MOVED_PER_DAY = 8;
const present = hasData('history', ...DATES.map((d) => `deepstate-raw/polygons-${d}.geojson`));

let seed = 7;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

/** The map with `count` of its vertices (chosen among those of the contested/RU front) moved a little. */
function perturbed(map: ControlMap, count: number): ControlMap {
  const all = map.features.flatMap((f) => f.geometry.coordinates.flat(2));
  const moved = new Map<string, [number, number]>();
  while (moved.size < count) {
    const p = all[Math.floor(random() * all.length)]!;
    moved.set(`${p[0]},${p[1]}`, [p[0]! + (random() - 0.5) * 4e-4, p[1]! + (random() - 0.5) * 4e-4]);
  }
  return {
    ...map,
    features: map.features.map((f) => ({
      ...f,
      geometry: { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map((poly) => poly.map((ring) => ring.map((p) => moved.get(`${p[0]},${p[1]}`) ?? p))) },
    })),
  };
}

if (present) {
  const bases = DATES.map(deepStateMap);
  const days: ControlMap[] = [];
  for (let d = 0; d < DAYS; d++) days.push(perturbed(bases[Math.min(bases.length - 1, Math.floor((d * bases.length) / DAYS))]!, MOVED_PER_DAY));
  (globalThis as { gc?: () => void }).gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const perDay: number[] = [];
  let netRu = 0;
  const start = performance.now();
  for (let d = 1; d < DAYS; d++) {
    const t = performance.now();
    netRu += controlChange(days[d - 1]!, days[d]!).bySide['RU']?.netKm2 ?? 0;
    perDay.push(performance.now() - t);
  }
  const total = performance.now() - start;
  const heapAfter = process.memoryUsage().heapUsed;
  perDay.sort((a, b) => a - b);
  const q = (x: number) => perDay[Math.floor(x * (perDay.length - 1))]!;
  printTable(
    `a year of history: controlChange over ${DAYS} daily maps (${DAYS - 1} changes; ${MOVED_PER_DAY} vertices moved per day; 4 real snapshot changes)`,
    ['total s', 'per day median ms', 'p25 ms', 'p75 ms', 'max ms', 'heap growth MB', 'max RSS MB', 'RU net km² over the year'],
    [[total / 1000, q(0.5), q(0.25), q(0.75), q(1), (heapAfter - heapBefore) / 2 ** 20, process.resourceUsage().maxRSS / 1024, netRu.toFixed(2)]],
  );
}

describe.skipIf(!present)('history (figures in the table above)', () => {
  bench('noop', () => undefined, { iterations: 1, time: 0, warmupIterations: 0 });
});
