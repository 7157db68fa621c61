/**
 * What the benchmarks share: where the real third-party data lives
 * (`../shared/data` beside the repository, read in place, never copied),
 * the DeepState maps most benchmarks start from, and a small timer that
 * reports median and spread for the figures the benchmarks print beside
 * vitest's own table.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, Geometry, MultiPolygon, Position } from 'geojson';
import type { Claim } from '../src/claims/schema.js';
import { controlMap } from '../src/control/index.js';
import type { ControlMap } from '../src/control/types.js';
import { normalizeGeometry } from '../src/geometry/index.js';
import { twiceSignedArea } from '../src/geometry/_planar.js';
import { fromDeepState } from '../src/importers/index.js';

/** The shared data folder, absolute. */
/** Planar area of polygons (square degrees): each shell less its holes, whatever their winding. The engine benchmarks compare engines' results by it. */
export const polygonsArea = (m: readonly (readonly (readonly (readonly number[])[])[])[]): number =>
  m.reduce((t, [shell, ...holes]) => t + Math.abs(twiceSignedArea(shell ?? [])) / 2 - holes.reduce((h, r) => h + Math.abs(twiceSignedArea(r)) / 2, 0), 0);

export const dataDir = fileURLToPath(new URL('../../shared/data/', import.meta.url));

/** Whether every file exists under the data folder; prints why a benchmark is skipped when not. */
export function hasData(bench: string, ...files: string[]): boolean {
  const missing = files.filter((f) => !existsSync(`${dataDir}${f}`));
  if (missing.length > 0) console.warn(`[${bench}] skipped: ${missing.join(', ')} not found under ${dataDir}`);
  return missing.length === 0;
}

/** Reads a FeatureCollection from the data folder. */
export function readCollection(file: string): FeatureCollection<Geometry | null> {
  return JSON.parse(readFileSync(`${dataDir}${file}`, 'utf8')) as FeatureCollection<Geometry | null>;
}

/** DeepState's per-class layer of a date as claims. */
export function deepStateClaims(date: string, claimant = 'deepstate'): Claim[] {
  return fromDeepState(readCollection(`deepstate-raw/polygons-${date}.geojson`), { asOf: date, claimant, idPrefix: `${claimant}-${date}-` });
}

/** DeepState's per-class layer of a date as a control map. */
export function deepStateMap(date: string): ControlMap {
  return controlMap(deepStateClaims(date));
}

/** Whether the full (long) runs were asked for with `BENCH_FULL=1`. */
export const FULL = process.env['BENCH_FULL'] === '1';

/** Median, quartiles and count of `runs` timings of `fn`, ms (after one warm-up call). */
export function measure(fn: () => unknown, runs: number): { median: number; p25: number; p75: number; runs: number } {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number): number => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { median: at(0.5), p25: at(0.25), p75: at(0.75), runs };
}

/** Median and quartiles of a list of timings, ms. */
export interface Quartiles {
  median: number;
  p25: number;
  p75: number;
}

function quartiles(times: readonly number[]): Quartiles {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p25: at(0.25), p75: at(0.75) };
}

/**
 * Calls each function `warmUp` times, then `runs` rounds calling each in
 * turn (so a change of load falls on all of them alike): per function,
 * quartiles of the wall and the CPU time of the same calls, ms. With
 * `batch` above 1 each timing is `batch` calls in a row, divided by
 * `batch`: a call of a fraction of a millisecond is then timed over
 * several, above the clock's and the scheduler's grain.
 */
export function interleaved(fns: readonly (() => unknown)[], warmUp: number, runs: number, batch = 1): { wall: Quartiles; cpu: Quartiles }[] {
  for (let i = 0; i < warmUp; i++) for (const fn of fns) fn();
  const times = fns.map(() => ({ wall: [] as number[], cpu: [] as number[] }));
  for (let i = 0; i < runs; i++) {
    fns.forEach((fn, k) => {
      const cpu = process.cpuUsage();
      const start = performance.now();
      for (let b = 0; b < batch; b++) fn();
      times[k]!.wall.push((performance.now() - start) / batch);
      const used = process.cpuUsage(cpu);
      times[k]!.cpu.push((used.user + used.system) / 1000 / batch);
    });
  }
  return times.map(({ wall, cpu }) => ({ wall: quartiles(wall), cpu: quartiles(cpu) }));
}

/** Prints rows as a Markdown table (so the output pastes into RESULTS.md). */
export function printTable(title: string, header: string[], rows: (string | number)[][]): void {
  const fmt = (v: string | number): string => (typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3)) : v);
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(fmt).join(' | ')} |`)];
  console.log(`\n${title}\n${lines.join('\n')}\n`);
}

/** A Debian python with shapely and pyproj (`/usr/bin/python3` first: a pyenv shim may shadow it), or undefined. */
export function pythonWithGeos(): string | undefined {
  for (const python of ['/usr/bin/python3', 'python3']) {
    // A non-zero exit (no such module) or no such interpreter means "try the next one"; anything else is thrown.
    const run = spawnSync(python, ['-c', 'import shapely, pyproj'], { stdio: 'ignore' });
    if (run.status === 0) return python;
    if (run.error !== undefined && (run.error as NodeJS.ErrnoException).code !== 'ENOENT') throw run.error;
  }
  return undefined;
}

/** Why a benchmark's native GEOS columns are empty, and the one command that fills them. */
export const GEOS_SKIPPED = 'native GEOS comparison skipped: no python3 with shapely and pyproj; run `npm run bench:setup` (it installs python3-shapely and python3-pyproj with apt-get, or prints the command)';

/**
 * The claimants of the diff benchmarks: DeepState snapshots of eight dates,
 * each under its own claimant id — cyterat's merged occupied layers (one
 * claim each, ~3,000 vertices) first, then rsparks3's per-class layers (five
 * claims each, ~15,000 vertices) — with the Pokrovska hromada as the frame.
 * Undefined when the data is absent.
 */
export function deepStateClaimants(bench: string): { claimants: string[]; claims: Claim[]; hromada: Geometry } | undefined {
  const merged = ['2024-12-01', '2025-03-01', '2025-07-01', '2025-10-01', '2026-08-22', '2024-08-01'];
  const raw = ['2025-12-01', '2025-12-05'];
  if (!hasData(bench, 'pokrovsk/pokrovska-hromada.geojson', ...merged.map((d) => `deepstate/occupied-${d}.geojson`), ...raw.map((d) => `deepstate-raw/polygons-${d}.geojson`))) return undefined;
  const claimants = [...merged.map((d) => `deepstate-${d}`), ...raw.map((d) => `deepstate-raw-${d}`)];
  const claims = [
    ...merged.flatMap((d, i) => fromDeepState(readCollection(`deepstate/occupied-${d}.geojson`), { asOf: '2025-01-01', claimant: claimants[i]!, idPrefix: `${claimants[i]}-` })),
    ...raw.flatMap((d, i) => deepStateClaims(d, claimants[merged.length + i]!).map((c) => ({ ...c, statedAt: '2025-01-01', validAt: '2025-01-01' }))),
  ];
  const hromada = readCollection('pokrovsk/pokrovska-hromada.geojson').features[0]!.geometry!;
  return { claimants, claims, hromada };
}

/**
 * The inputs of the scaling benchmark (`_scaling-run.ts`) and of the
 * real-data engine comparison (`engines-real.ts`): Ukraine's outline and
 * DeepState's occupied outline of 2025-10-01 as they are, and both resampled
 * to `n` vertices in all — decimated below their real size, densified along
 * their own edges above it, so the shapes stay the real ones. Decimation can
 * push a hole across its shell, which overlays refuse; the resampled inputs
 * are repaired by `normalizeGeometry` (as GEOS's side makes them valid), so
 * every engine works on the same ground.
 */
export function scalingInputs(n: number): { ukraine: MultiPolygon; occupied: MultiPolygon; a: MultiPolygon; b: MultiPolygon; count: (m: MultiPolygon) => number } {
  const ukraine = readCollection('ukraine/ukraine-adm0.geojson').features[0]!.geometry as MultiPolygon;
  const occupied = readCollection('deepstate/occupied-2025-10-01.geojson').features[0]!.geometry as MultiPolygon;
  const count = (m: MultiPolygon): number => m.coordinates.flat(1).reduce((t, r) => t + r.length - 1, 0);
  const factor = n / (count(ukraine) + count(occupied));
  const resample = (m: MultiPolygon): MultiPolygon => ({
    type: 'MultiPolygon',
    coordinates: m.coordinates.map((polygon) =>
      polygon.map((ring) => {
        const open = ring.slice(0, -1);
        const out: Position[] = [];
        if (factor < 1) {
          const step = Math.max(1, Math.round(1 / factor));
          for (let i = 0; i < open.length; i += step) out.push(open[i]!);
          if (out.length < 3) out.splice(0, out.length, ...open.slice(0, 3));
        } else {
          const k = Math.max(1, Math.round(factor));
          open.forEach((p, i) => {
            const q = open[(i + 1) % open.length]!;
            for (let j = 0; j < k; j++) out.push([p[0]! + ((q[0]! - p[0]!) * j) / k, p[1]! + ((q[1]! - p[1]!) * j) / k]);
          });
        }
        return [...out, out[0]!];
      }),
    ),
  });
  const repaired = (m: MultiPolygon): MultiPolygon => normalizeGeometry(m).geometry as MultiPolygon;
  return { ukraine, occupied, a: repaired(resample(ukraine)), b: repaired(resample(occupied)), count };
}
