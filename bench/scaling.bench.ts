/**
 * Benchmark 4: scaling. The same diff (Ukraine's outline against DeepState's
 * occupied outline, see `_scaling-run.ts`) on 1k, 10k and 100k vertices
 * (1M with `BENCH_FULL=1`), each size in its own process for its peak
 * memory; time, max RSS, and the growth exponent fitted on log-log.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bench, describe } from 'vitest';
import { FULL, hasData, printTable } from './_data.js';

const present = hasData('scaling', 'ukraine/ukraine-adm0.geojson', 'deepstate/occupied-2025-10-01.geojson');
const SIZES = FULL ? [1_000, 10_000, 100_000, 1_000_000] : [1_000, 10_000, 100_000];
const script = fileURLToPath(new URL('_scaling-run.ts', import.meta.url));

interface Run { n: number; vertices: number; ms: number; maxRssMb: number; conflictKm2: number }
const run = (n: number): Run => JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', script, String(n)], { encoding: 'utf8' }).trim().split('\n').pop()!) as Run;

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
    runs.push(times[Math.floor(times.length / 2)]!);
  }
  const nlogn = (v: number) => v * Math.log(v);
  printTable(
    `scaling: diffClaims of Ukraine's outline vs DeepState occupied (2025-10-01), resampled; growth exponent (log-log fit) ${exponent(runs.map((r) => r.vertices), runs.map((r) => r.ms)).toFixed(2)}`,
    ['vertices', 'ms (median of 3 below 100k, else 1 run)', 'max RSS MB', 'ms per vertex', 'ms / (n log n) × 1e3', 'conflict km²'],
    runs.map((r) => [String(r.vertices), r.ms, r.maxRssMb, r.ms / r.vertices, (r.ms / nlogn(r.vertices)) * 1e3, r.conflictKm2.toFixed(3)]),
  );
  for (let i = 1; i < runs.length; i++) console.log(`exponent ${runs[i - 1]!.vertices} → ${runs[i]!.vertices}: ${exponent([runs[i - 1]!.vertices, runs[i]!.vertices], [runs[i - 1]!.ms, runs[i]!.ms]).toFixed(2)}`);
}

describe.skipIf(!present)('scaling (times are in the table above; this only keeps vitest bench happy)', () => {
  bench('1k vertices, in a child process', () => void run(1_000), { iterations: 1, time: 0, warmupIterations: 0 });
});
