/**
 * Many operands (the sizes of issue 18): `controlMap` over 10,000 claims on
 * one city and over 2,000 overlapping squares, and `intersection` of 500
 * overlapping squares (2,000 vertices in all). Before the clipper2-ts engine
 * and the overlay core these took 42 s, 11 s and 40–60 s; the target is well
 * under 1–2 s each. And many claimants (issue 12): `compareClaimants` with
 * 8 DeepState claimants in the Pokrovska hromada against `diffClaims` of 2
 * (target ≤ 3×), when the shared data is present. And one large claim
 * over many small ones (`controlMap` and `diffClaims`, 100,000 vertices
 * over 900 squares), which took 17.5 s and 22.3 s (median of 3, this
 * bench on the code before) when the large one was cut once per small one,
 * before the overlay cut it through a pyramid (`CropPyramid`).
 */
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon } from 'geojson';
import { bench, describe } from 'vitest';
import type { Claim } from '../src/claims/schema.js';
import { controlMap } from '../src/control/index.js';
import { compareClaimants, diffClaims } from '../src/diff/index.js';
import { intersection } from '../src/geometry/index.js';
import { deepStateClaimants, interleaved, measure, printTable } from './_data.js';

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

/** Warm-up calls of each function before the many-claimants timing (V8 needs about ten before the overlay code is optimised). */
const WARM_UP = 15;

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

// One large claim over many small ones: 900 squares on a 30 × 30 lattice
// under a 100,000-vertex circle. For controlMap each square is claimed
// twice, the second time 3e-8° wider (its rest a sliver the painting drops
// and the circle, painted last, holds again); for diffClaims the squares
// are one party's, the circle the other's.
const lattice = Array.from({ length: 900 }, (_, k) => [37 + 0.01 * (k % 30), 48 + 0.01 * Math.floor(k / 30)] as const);
const wide = (x: number, y: number, s: number, grow: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + s + grow, y], [x + s + grow, y + s], [x, y + s], [x, y]]] });
const circle = (r: number): Polygon => {
  const ring = Array.from({ length: 100_000 }, (_, i) => [37.15 + r * Math.cos((2 * Math.PI * i) / 100_000), 48.15 + r * Math.sin((2 * Math.PI * i) / 100_000)]);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
};
const underOne = [...lattice.flatMap(([x, y], k) => [claim(2 * k, wide(x, y, 0.005, 0)), claim(2 * k + 1, wide(x, y, 0.005, 3e-8))]), claim(2000, circle(0.3))].map((c) => ({ ...c, claimant: 'k0', side: 'UA', statedAt: '2025-01-01' }) as Claim);
const smallOnes = lattice.map(([x, y], k) => ({ ...claim(k, square(x, y, 0.012)), claimant: 'a' }) as Claim);
const largeOne = [{ ...claim(0, circle(0.18)), claimant: 'b' } as Claim];

const cases: [string, () => unknown, string, string][] = [
  ['controlMap, 10,000 claims on one city', () => controlMap(onOneCity), '42 s (issue 18)', '≤ 1–2 s'],
  ['controlMap, 2,000 overlapping squares', () => controlMap(squares), '11 s (issue 18)', '≤ 1–2 s'],
  ['intersection of 500 overlapping squares (2,000 vertices)', () => intersection(...stacked), '40–60 s (issue 18)', '≤ 1–2 s'],
  ['controlMap, 1,800 small claims under one of 100,000 vertices', () => controlMap(underOne), '17.5 s (cut once per small claim)', ''],
  ['diffClaims, 900 small claims against one of 100,000 vertices', () => diffClaims(smallOnes, largeOne), '22.3 s (cut once per small claim)', ''],
];
printTable(
  'many operands (issue 18 sizes, and one large claim over many small ones): median of 3 after one warm-up',
  ['case', 'median ms', 'p75−p25 ms', 'CPU ms', 'before', 'target'],
  cases.map(([name, fn, before, target]) => {
    const t = measure(fn, 3);
    return [name, t.median, t.p75 - t.p25, cpuMedian(fn, 3), before, target];
  }),
);

const many = deepStateClaimants('many');
if (many !== undefined) {
  const { claimants, claims, hromada } = many;
  const dataset = { claims, places: [], actors: claimants.map((id) => ({ id, name: id, kind: 'osint-tracker' as const })) };
  const within = hromada as MultiPolygon;
  const runPair = (): unknown => diffClaims(claims.filter((c) => c.claimant === claimants[0]), claims.filter((c) => c.claimant === claimants[1]), { within });
  const runEight = (): unknown => compareClaimants(dataset, claimants, { asOf: '2025-12-31', within });
  // Both are timed the same way, in the same rounds: first warmed up until
  // V8 has optimised the shared code (measured: diffClaims of 2 takes
  // 40–200 ms for its first ten calls and 4–10 ms after; timing it cold,
  // before compareClaimants had warmed the code they share, and its CPU
  // time afterwards, warm, made wall and CPU differ 9×), then called in
  // turn, each call's wall and CPU time taken from the same run.
  // For scale: the eight claimants' control maps alone, one controlMap call each with the same
  // frame, no overlay (compareClaimants builds the same maps, reading the claims once for all).
  const runMaps = (): unknown => claimants.map((claimant) => controlMap(claims, { claimant, asOf: '2025-12-31', within }));
  // For scale: diffClaims of every pair of the eight (28 calls), whose mean is a pair of claimants of
  // typical size here; the pair above is the two earliest outlines, which barely reach the hromada.
  const byClaimant = new Map(claimants.map((id) => [id, claims.filter((c) => c.claimant === id)]));
  const pairsOfEight = claimants.flatMap((a, i) => claimants.slice(i + 1).map((b) => [byClaimant.get(a)!, byClaimant.get(b)!] as const));
  const runAllPairs = (): unknown => pairsOfEight.map(([a, b]) => diffClaims(a, b, { within }));
  const timed = interleaved([runPair, runEight, runMaps, runAllPairs], WARM_UP, 9);
  const [pair, eight, maps, allPairs] = timed;
  const meanPair = { wall: allPairs!.wall.median / pairsOfEight.length, cpu: allPairs!.cpu.median / pairsOfEight.length };
  printTable(
    `many claimants (issue 12): Pokrovska hromada, ${WARM_UP} warm-up calls of each, then median of 9 calls taken in turn (wall and CPU of the same calls)`,
    ['case', 'median ms', 'p75−p25 ms', '× diffClaims of 2', 'CPU ms', '× (CPU)', 'target'],
    [
      ['diffClaims, 2 claimants', pair!.wall.median, pair!.wall.p75 - pair!.wall.p25, 1, pair!.cpu.median, 1, ''],
      ['compareClaimants, 8 claimants', eight!.wall.median, eight!.wall.p75 - eight!.wall.p25, eight!.wall.median / pair!.wall.median, eight!.cpu.median, eight!.cpu.median / pair!.cpu.median, '≤ 3×'],
      ['(for scale) controlMap of each of the 8 claimants, same frame, no overlay', maps!.wall.median, maps!.wall.p75 - maps!.wall.p25, maps!.wall.median / pair!.wall.median, maps!.cpu.median, maps!.cpu.median / pair!.cpu.median, ''],
      [`(for scale) diffClaims of 2, the mean over all ${pairsOfEight.length} pairs of the 8`, meanPair.wall, '', meanPair.wall / pair!.wall.median, meanPair.cpu, meanPair.cpu / pair!.cpu.median, ''],
      [`(for scale) compareClaimants of 8 against that mean pair`, eight!.wall.median, '', eight!.wall.median / meanPair.wall, eight!.cpu.median, eight!.cpu.median / meanPair.cpu, ''],
    ],
  );
}

describe('many operands', () => {
  for (const [name, fn] of cases) bench(name, () => void fn(), { iterations: 1, time: 0, warmupIterations: 0 });
});
