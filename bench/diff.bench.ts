/**
 * Benchmark 3: `diffClaims` and `compareClaimants` with 2, 4 and 8
 * claimants, over the Pokrovska hromada and over all of Ukraine. The
 * claimants are DeepState snapshots of different dates, each under its own
 * claimant id: cyterat's merged occupied layers (one claim, ~3,000
 * vertices) first, then rsparks3's per-class layers (five claims, ~15,000
 * vertices). Ukraine-wide with 8 claimants runs only with `BENCH_FULL=1`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MultiPolygon } from 'geojson';
import { bench, describe } from 'vitest';
import { controlMap } from '../src/control/index.js';
import type { Claim } from '../src/claims/schema.js';
import { compareClaimants, diffClaims } from '../src/diff/index.js';
import { fromDeepState } from '../src/importers/index.js';
import { deepStateClaims, FULL, hasData, measure, printTable, GEOS_SKIPPED, pythonWithGeos, readCollection } from './_data.js';

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
/** Warm-up calls of diffClaims and of compareClaimants with the most claimants, over the hromada, before anything there is timed. */
const WARM_UP = 10;
const claimsOf = (id: string) => claims.filter((c) => c.claimant === id);

const cases: [string, MultiPolygon | undefined, number[]][] = [
  ['Pokrovska hromada', hromada, [2, 4, 8]],
  ['Ukraine', ukraine, FULL ? [2, 4, 8] : [2, 4]],
];

type Geos = { median_ms: number; p25_ms: number; p75_ms: number; pieces: number; allSpeakKm2: number; anySpeaksKm2: number };
const python = present ? pythonWithGeos() : undefined;
if (present && python === undefined) console.warn(`[diff] ${GEOS_SKIPPED}`);

/** Native GEOS's N-way overlay of the first N claimants' control maps inside `within` (bench/geos_compare.py), keyed by N. */
function geosOverlay(within: MultiPolygon, counts: number[], runs: number): Record<string, Geos> | undefined {
  if (python === undefined) return undefined;
  const maps = claimants.slice(0, Math.max(...counts)).map((id) => controlMap(claims, { claimant: id, asOf }));
  const file = join(mkdtempSync(join(tmpdir(), 'contested-bench-')), 'compare.json');
  writeFileSync(file, JSON.stringify({ within, maps, counts, runs }));
  const script = fileURLToPath(new URL('./geos_compare.py', import.meta.url));
  return JSON.parse(execFileSync(python, [script, file], { encoding: 'utf8', maxBuffer: 1 << 26 })) as Record<string, Geos>;
}

if (present) {
  const rows: (string | number)[][] = [];
  const km2 = (v: number): string => v.toFixed(6);
  // An engine failure is a result too: it is reported in the table, not thrown.
  const row = (name: string, fn: string, n: number, run: () => unknown, runs: number, base: number | undefined, geos: Geos | undefined, check: (result: unknown) => string): number | undefined => {
    try {
      let result: unknown;
      const m = measure(() => (result = run()), runs);
      rows.push([name, fn, String(n), m.median, m.p75 - m.p25, base === undefined ? 1 : m.median / base, geos === undefined ? 'n/a' : m.median / geos.median_ms, check(result)]);
      return m.median;
    } catch (error) {
      rows.push([name, fn, String(n), 'fails', '', (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').slice(0, 140), '', '']);
      return undefined;
    }
  };
  for (const [name, within, counts] of cases) {
    const heavy = name === 'Ukraine';
    const geos = geosOverlay(within!, [...new Set([2, ...counts])], heavy ? 1 : 3);
    // The small frame is warmed up first, both functions alike: timed cold,
    // diffClaims (run first) paid V8's warm-up that compareClaimants, run
    // after it on the same code, did not (see many.bench.ts).
    if (!heavy) {
      for (let i = 0; i < WARM_UP; i++) {
        diffClaims(claimsOf(claimants[0]!), claimsOf(claimants[1]!), { within: within! });
        compareClaimants(dataset, claimants.slice(0, Math.max(...counts)), { asOf, within: within! });
      }
    }
    const pair = row(name, 'diffClaims', 2, () => diffClaims(claimsOf(claimants[0]!), claimsOf(claimants[1]!), { within: within! }), heavy ? 1 : 5, undefined, geos?.['2'], (d) => {
      const diff = d as ReturnType<typeof diffClaims>;
      const both = (['agree', 'conflict', 'consistent', 'partial'] as const).reduce((t, l) => t + diff.summary[l].km2, 0);
      return `${km2(both)}${geos === undefined ? '' : ` (GEOS ${km2(geos['2']!.allSpeakKm2)})`}`;
    });
    for (const n of counts) {
      const g = geos?.[String(n)];
      row(name, 'compareClaimants', n, () => compareClaimants(dataset, claimants.slice(0, n), { asOf, within: within! }), heavy ? 1 : 5, pair, g, (c) => {
        const features = (c as ReturnType<typeof compareClaimants>).regions.features;
        const all = features.filter((f) => f.properties.speakers === n).reduce((t, f) => t + f.properties.km2, 0);
        return `${km2(all)}${g === undefined ? '' : ` (GEOS ${km2(g.allSpeakKm2)})`}`;
      });
    }
    if (geos !== undefined) for (const [n, g] of Object.entries(geos)) rows.push([name, 'native GEOS N-way overlay (shapely + pyproj)', n, g.median_ms, g.p75_ms - g.p25_ms, '', 1, `${km2(g.allSpeakKm2)}, ${g.pieces} pieces`]);
  }
  printTable(
    'diffClaims and compareClaimants (DeepState snapshots as claimants) against native GEOS doing the same region-by-region N-way overlay inside `within`',
    ['within', 'function', 'claimants', 'median ms', 'p75−p25 ms', '× diffClaims of 2', '× GEOS same overlay', 'km² where all claimants speak (GEOS: pyproj, edges as geodesics, undensified)'],
    rows,
  );
}

describe.skipIf(!present)('diffClaims / compareClaimants over the Pokrovska hromada', () => {
  bench('diffClaims, 2 claimants', () => void diffClaims(claimsOf(claimants[0]!), claimsOf(claimants[1]!), { within: hromada! }), { iterations: 3, time: 0 });
  for (const n of [2, 4, 8]) bench(`compareClaimants, ${n} claimants`, () => void compareClaimants(dataset, claimants.slice(0, n), { asOf, within: hromada! }), { iterations: 2, time: 0 });
});
