/**
 * Benchmark 3: `diffClaims` and `compareClaimants` with 2, 4 and 8
 * claimants, over the Pokrovska hromada and over all of Ukraine. The
 * claimants are DeepState snapshots of different dates, each under its own
 * claimant id: cyterat's merged occupied layers (one claim, ~3,000
 * vertices) first, then rsparks3's per-class layers (five claims, ~15,000
 * vertices). Ukraine-wide with 8 claimants runs only with `BENCH_FULL=1`.
 */
import type { MultiPolygon } from 'geojson';
import { bench, describe } from 'vitest';
import type { Claim } from '../src/claims/schema.js';
import { compareClaimants, diffClaims } from '../src/diff/index.js';
import { fromDeepState } from '../src/importers/index.js';
import { deepStateClaims, FULL, hasData, measure, printTable, readCollection } from './_data.js';

const MERGED = ['2024-12-01', '2025-03-01', '2025-07-01', '2025-10-01', '2026-08-22', '2024-08-01'];
const RAW = ['2025-12-01', '2025-12-05'];
const present = hasData('diff', 'pokrovsk/pokrovska-hromada.geojson', 'ukraine/ukraine-adm0.geojson', ...MERGED.map((d) => `deepstate/occupied-${d}.geojson`), ...RAW.map((d) => `deepstate-raw/polygons-${d}.geojson`));

const claimants = [...MERGED.map((d) => `deepstate-${d}`), ...RAW.map((d) => `deepstate-raw-${d}`)];
const claims: Claim[] = present
  ? [
      ...MERGED.flatMap((d, i) => fromDeepState(readCollection(`deepstate/occupied-${d}.geojson`), { asOf: '2025-01-01', claimant: claimants[i]!, idPrefix: `${claimants[i]}-` })),
      ...RAW.flatMap((d, i) => deepStateClaims(d, claimants[MERGED.length + i]!).map((c) => ({ ...c, statedAt: '2025-01-01', validAt: '2025-01-01' }))),
    ]
  : [];
const dataset = { claims, places: [], actors: claimants.map((id) => ({ id, name: id, kind: 'osint-tracker' as const })) };
const hromada = present ? (readCollection('pokrovsk/pokrovska-hromada.geojson').features[0]!.geometry as MultiPolygon) : undefined;
const ukraine = present ? (readCollection('ukraine/ukraine-adm0.geojson').features[0]!.geometry as MultiPolygon) : undefined;
const asOf = '2025-12-31';
const claimsOf = (id: string) => claims.filter((c) => c.claimant === id);

const cases: [string, MultiPolygon | undefined, number[]][] = [
  ['Pokrovska hromada', hromada, [2, 4, 8]],
  ['Ukraine', ukraine, FULL ? [2, 4, 8] : [2, 4]],
];

if (present) {
  const rows: (string | number)[][] = [];
  // An engine failure is a result too: it is reported in the table, not thrown.
  const row = (name: string, fn: string, n: number, run: () => unknown, runs: number, base?: number): number | undefined => {
    try {
      const m = measure(run, runs);
      rows.push([name, fn, String(n), m.median, m.p75 - m.p25, base === undefined ? 1 : m.median / base]);
      return m.median;
    } catch (error) {
      rows.push([name, fn, String(n), 'fails', '', (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 140)]);
      return undefined;
    }
  };
  for (const [name, within, counts] of cases) {
    const pair = row(name, 'diffClaims', 2, () => diffClaims(claimsOf(claimants[0]!), claimsOf(claimants[1]!), { within: within! }), name === 'Ukraine' ? 1 : 5);
    for (const n of counts) row(name, 'compareClaimants', n, () => compareClaimants(dataset, claimants.slice(0, n), { asOf, within: within! }), name === 'Ukraine' || n === 8 ? 1 : 3, pair);
  }
  printTable('diffClaims and compareClaimants (DeepState snapshots as claimants)', ['within', 'function', 'claimants', 'median ms', 'p75−p25 ms', '× diffClaims of 2'], rows);
}

describe.skipIf(!present)('diffClaims / compareClaimants over the Pokrovska hromada', () => {
  bench('diffClaims, 2 claimants', () => void diffClaims(claimsOf(claimants[0]!), claimsOf(claimants[1]!), { within: hromada! }), { iterations: 3, time: 0 });
  for (const n of [2, 4, 8]) bench(`compareClaimants, ${n} claimants`, () => void compareClaimants(dataset, claimants.slice(0, n), { asOf, within: hromada! }), { iterations: 2, time: 0 });
});
