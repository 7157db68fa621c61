/**
 * Many operands (the sizes of issue 18): `controlMap` over 10,000 claims on
 * one city and over 2,000 overlapping squares, and `intersection` of 500
 * overlapping squares (2,000 vertices in all). Before the clipper2-ts engine
 * and the overlay core these took 42 s, 11 s and 40–60 s; the target is well
 * under 1–2 s each. And many claimants (issue 12): `compareClaimants` with
 * 8 DeepState claimants in the Pokrovska hromada against `diffClaims` of 2
 * (target ≤ 3×), when the shared data is present.
 */
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { bench, describe } from 'vitest';
import type { Claim } from '../src/claims/schema.js';
import { controlMap } from '../src/control/index.js';
import { compareClaimants, diffClaims } from '../src/diff/index.js';
import { intersection } from '../src/geometry/index.js';
import { deepStateClaimants, measure, printTable } from './_data.js';

const pokrovsk = JSON.parse(readFileSync(new URL('../examples/pokrovsk/pokrovsk.json', import.meta.url), 'utf8')) as { places: { geometry: Polygon }[] };
const city = pokrovsk.places[0]!.geometry;

const claim = (i: number, geometry: Polygon): Claim =>
  ({ id: `c${i}`, claimant: `k${i % 7}`, statedAt: `2025-0${1 + (i % 9)}-1${i % 10}`, status: 'controlled', side: i % 3 === 0 ? 'UA' : 'RU', area: { geometry } }) as unknown as Claim;

let seed = 1;
const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const square = (x: number, y: number, s: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });

const onOneCity = Array.from({ length: 10_000 }, (_, i) => claim(i, city));
const squares = Array.from({ length: 2_000 }, (_, i) => claim(i, square(37 + random(), 48 + random(), 0.05 + 0.1 * random())));
const stacked = Array.from({ length: 500 }, () => square(37 + 0.1 * random(), 48 + 0.1 * random(), 1));

/** Median CPU time of `runs` calls (after one warm-up), ms: on a shared, loaded machine it says what wall time cannot. */
function cpuMedian(fn: () => unknown, runs: number): number {
  fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

const cases: [string, () => unknown][] = [
  ['controlMap, 10,000 claims on one city', () => controlMap(onOneCity)],
  ['controlMap, 2,000 overlapping squares', () => controlMap(squares)],
  ['intersection of 500 overlapping squares (2,000 vertices)', () => intersection(...stacked)],
];
printTable(
  'many operands (issue 18 sizes): median of 3 after one warm-up',
  ['case', 'median ms', 'p75−p25 ms', 'CPU ms', 'before (issue 18)', 'target'],
  cases.map(([name, fn], i) => {
    const t = measure(fn, 3);
    return [name, t.median, t.p75 - t.p25, cpuMedian(fn, 3), ['42 s', '11 s', '40–60 s'][i]!, '≤ 1–2 s'];
  }),
);

const many = deepStateClaimants('many');
if (many !== undefined) {
  const { claimants, claims, hromada } = many;
  const dataset = { claims, places: [], actors: claimants.map((id) => ({ id, name: id, kind: 'osint-tracker' as const })) };
  const within = hromada as MultiPolygon;
  const runPair = (): unknown => diffClaims(claims.filter((c) => c.claimant === claimants[0]), claims.filter((c) => c.claimant === claimants[1]), { within });
  const runEight = (): unknown => compareClaimants(dataset, claimants, { asOf: '2025-12-31', within });
  const pair = measure(runPair, 5);
  const eight = measure(runEight, 5);
  const [pairCpu, eightCpu] = [cpuMedian(runPair, 5), cpuMedian(runEight, 5)];
  printTable(
    'many claimants (issue 12): Pokrovska hromada, median of 5 after one warm-up',
    ['case', 'median ms', 'p75−p25 ms', '× diffClaims of 2', 'CPU ms', '× (CPU)', 'target'],
    [
      ['diffClaims, 2 claimants', pair.median, pair.p75 - pair.p25, 1, pairCpu, 1, ''],
      ['compareClaimants, 8 claimants', eight.median, eight.p75 - eight.p25, eight.median / pair.median, eightCpu, eightCpu / pairCpu, '≤ 3×'],
    ],
  );
}

describe('many operands', () => {
  for (const [name, fn] of cases) bench(name, () => void fn(), { iterations: 1, time: 0, warmupIterations: 0 });
});
