/**
 * Benchmark 4: scaling. The same diff (Ukraine's outline against DeepState's
 * occupied outline, see `_scaling-run.ts`) on 1k, 10k, 100k and 1M
 * vertices, each size in its own process for its peak memory; time, max
 * RSS, the growth exponent fitted on log-log, and native GEOS (shapely,
 * `bench/geos_diff.py`) on the very same resampled inputs in the same run.
 * Targets: growth close to n log n; at 1M vertices ≤ 2× GEOS, peak RSS ≤ 1.5 GB.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { hasData, printTable, GEOS_SKIPPED, pythonWithGeos } from './_data.js';

const present = hasData('scaling', 'ukraine/ukraine-adm0.geojson', 'deepstate/occupied-2025-10-01.geojson');
const SIZES = [1_000, 10_000, 100_000, 1_000_000];
const python = present ? pythonWithGeos() : undefined;
if (present && python === undefined) console.warn(`[scaling] ${GEOS_SKIPPED}`);
const inputsFile = join(mkdtempSync(join(tmpdir(), 'contested-scaling-')), 'inputs.json');
const script = fileURLToPath(new URL('_scaling-run.ts', import.meta.url));

interface Run { n: number; vertices: number; ms: number; maxRssMb: number; conflictKm2: number; geos?: { ms: number; maxRssMb: number; conflictKm2: number } | undefined }
const run = (n: number, withGeos = false): Run => {
  const args = ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', script, String(n), ...(withGeos ? [inputsFile] : [])];
  const result = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }).trim().split('\n').pop()!) as Run;
  if (withGeos && python !== undefined) result.geos = JSON.parse(execFileSync(python, [fileURLToPath(new URL('geos_diff.py', import.meta.url)), inputsFile], { encoding: 'utf8' }).trim()) as Run['geos'];
  return result;
};

/** Least-squares slope of log(y) on log(x). */
function exponent(xs: number[], ys: number[]): number {
  const [lx, ly] = [xs.map(Math.log), ys.map(Math.log)];
  const [mx, my] = [lx.reduce((a, b) => a + b, 0) / lx.length, ly.reduce((a, b) => a + b, 0) / ly.length];
  return lx.reduce((s, x, i) => s + (x - mx) * (ly[i]! - my), 0) / lx.reduce((s, x) => s + (x - mx) ** 2, 0);
}

if (present) {
  const runs: Run[] = [];
  for (const n of SIZES) {
    const times = [run(n), ...(n <= 10_000 ? [run(n), run(n)] : [])].sort((p, q) => p.ms - q.ms);
    const median = times[Math.floor(times.length / 2)]!;
    if (python !== undefined) median.geos = run(n, true).geos;
    runs.push(median);
  }
  const nlogn = (v: number) => v * Math.log(v);
  printTable(
    `scaling: diffClaims of Ukraine's outline vs DeepState occupied (2025-10-01), resampled; growth exponent (log-log fit) ${exponent(runs.map((r) => r.vertices), runs.map((r) => r.ms)).toFixed(2)}`,
    ['vertices', 'ms (median of 3 below 100k, else 1 run)', 'max RSS MB', 'ms / (n log n) × 1e3', 'native GEOS ms', 'GEOS max RSS MB', '× GEOS', 'conflict km² (ours / GEOS, geodesic edges)'],
    runs.map((r) => [String(r.vertices), r.ms, r.maxRssMb, (r.ms / nlogn(r.vertices)) * 1e3, r.geos?.ms ?? 'n/a', r.geos?.maxRssMb ?? 'n/a', r.geos === undefined ? 'n/a' : r.ms / r.geos.ms, `${r.conflictKm2.toFixed(3)} / ${r.geos?.conflictKm2.toFixed(3) ?? 'n/a'}`]),
  );
  for (let i = 1; i < runs.length; i++) console.log(`exponent ${runs[i - 1]!.vertices} → ${runs[i]!.vertices}: ${exponent([runs[i - 1]!.vertices, runs[i]!.vertices], [runs[i - 1]!.ms, runs[i]!.ms]).toFixed(2)}`);
}

describe.skipIf(!present)('scaling (times are in the table above; this only keeps vitest bench happy)', () => {
  bench('1k vertices, in a child process', () => void run(1_000), { iterations: 1, time: 0, warmupIterations: 0 });
});
