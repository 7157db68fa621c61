/**
 * The frame first, on real maps (issue 12): eight DeepState snapshots, each
 * under its own claimant id — cyterat's merged occupied layers of six dates
 * (one claim each, ~3,000 vertices) and rsparks3's per-class layers of
 * 2025-12-01 and 12-05 (five claims each, ~10,000 vertices) — compared
 * inside the Pokrovska hromada, as `bench/many.bench.ts` times them.
 *
 * `compareClaimants` and `diffClaims` resolve each claim only near the
 * hromada and cut it there before painting. The figures must be those of
 * the whole maps cut late: each claimant's `controlMap` over all of
 * Ukraine (no `within`), its regions cut to the hromada afterwards, then
 * overlaid — once by the library's own overlay core, and once by native
 * GEOS (the referee's N-way overlay of the same whole maps, with PROJ's
 * geodesic areas), which shares no code with the early cut.
 */
import type { Claim } from '../../src/claims/schema.js';
import type { Geometry, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { compareClaimants, diffClaims } from '../../src/diff/index.js';
import { controlMap } from '../../src/control/index.js';
import { fromDeepState } from '../../src/importers/index.js';
import { overlayMany } from '../../src/overlay/overlay.js';
import { regionsOf } from '../../src/control/_mapRegions.js';
import { areaCoordinates } from '../../src/geometry/boolean.js';
import { boxOf, km2Of } from '../../src/overlay/regions.js';
import { describeDisagreements, disagreements, referee, refereeAvailable } from '../referee/_geos.js';
import { stateKey } from '../referee/_generate.js';
import { hasData, km2, printTable, readCollection } from './_data.js';

const MERGED = ['2024-12-01', '2025-03-01', '2025-07-01', '2025-10-01', '2026-08-22', '2024-08-01'];
const RAW = ['2025-12-01', '2025-12-05'];
const HROMADA = 'pokrovsk/pokrovska-hromada.geojson';
const present = hasData('frame first', HROMADA, ...MERGED.map((d) => `deepstate/occupied-${d}.geojson`), ...RAW.map((d) => `deepstate-raw/polygons-${d}.geojson`));
const asOf = '2025-12-31';

describe.skipIf(!present)('the frame first: eight DeepState claimants in the Pokrovska hromada', () => {
  const claimants = [...MERGED.map((d) => `deepstate-${d}`), ...RAW.map((d) => `deepstate-raw-${d}`)];
  const claims: Claim[] = present
    ? [
        ...MERGED.flatMap((d, i) => fromDeepState(readCollection(`deepstate/occupied-${d}.geojson`), { asOf: '2025-01-01', claimant: claimants[i]!, idPrefix: `${claimants[i]}-` })),
        ...RAW.flatMap((d, i) =>
          fromDeepState(readCollection(`deepstate-raw/polygons-${d}.geojson`), { asOf: d, claimant: claimants[MERGED.length + i]!, idPrefix: `${claimants[MERGED.length + i]}-` }).map((c) => ({
            ...c,
            statedAt: '2025-01-01',
            validAt: '2025-01-01',
          })),
        ),
      ]
    : [];
  const hromada = present ? (readCollection(HROMADA).features[0]!.geometry as MultiPolygon) : undefined;
  const dataset = { claims, places: [], actors: claimants.map((id) => ({ id, name: id, kind: 'osint-tracker' as const })) };
  // The late cut: every claimant's whole map (all of Ukraine), cut to the hromada afterwards.
  const whole = present ? claimants.map((id) => controlMap(claims, { claimant: id, asOf })) : [];
  const keyOf = (says: Record<string, { status: string; side?: string } | null>): string => claimants.map((id) => stateKey(says[id] ?? null)).join('|');

  it('compareClaimants gives the late cut’s pieces, km² for km² (to 1e-9), and GEOS agrees', () => {
    const early = compareClaimants(dataset, claimants, { asOf, within: hromada! });
    const frame = areaCoordinates(hromada!);
    const lateMaps = whole.map((map, i) => regionsOf(map, claimants[i]!, {}, { coords: frame, box: boxOf(frame) }));
    const late = overlayMany(lateMaps, frame, { km2: 0 });
    const earlyKm2: Record<string, number> = {};
    const shapes: Record<string, Geometry[]> = {};
    for (const f of early.regions.features) {
      const key = keyOf(f.properties.says);
      earlyKm2[key] = (earlyKm2[key] ?? 0) + f.properties.km2;
      (shapes[key] ??= []).push(f.geometry);
    }
    const lateKm2: Record<string, number> = {};
    for (const piece of late) {
      const key = claimants.map((_, i) => stateKey(piece.says[i]?.state ?? null)).join('|');
      lateKm2[key] = (lateKm2[key] ?? 0) + km2Of(piece.coords);
    }
    expect(Object.keys(earlyKm2).sort()).toEqual(Object.keys(lateKm2).sort());
    expect(Object.keys(earlyKm2).length).toBeGreaterThan(5);
    for (const key of Object.keys(lateKm2)) expect(Math.abs(earlyKm2[key]! - lateKm2[key]!)).toBeLessThanOrEqual(1e-9 * lateKm2[key]! + early.summary.sliversKm2 + 1e-9);

    if (refereeAvailable('frame first')) {
      // GEOS overlays the whole maps' regions inside the hromada on its own (test/referee/geos.py, mode compare).
      const parties = whole.map((map) => map.features.map((f) => ({ geometry: f.geometry as Geometry, state: stateKey(f.properties) })));
      const [answer] = referee([{ id: 'pokrovska hromada, 8 claimants', kind: 'map', mode: 'compare', parties, within: hromada!, ours: shapes }]);
      const wrong = disagreements(answer!, earlyKm2, early.summary.sliversKm2);
      expect(wrong, describeDisagreements(wrong)).toEqual([]);
      const keys = Object.entries(answer!.keys ?? {});
      printTable(
        'Pokrovska hromada, 8 DeepState claimants: km² per combination of what they say, frame first vs the whole maps cut late',
        ['what the 8 say (merged 6 dates | raw 12-01 | raw 12-05)', 'frame first', 'late (library)', 'late (GEOS)'],
        keys.map(([key, [geos]]) => [key, km2(earlyKm2[key] ?? 0, 6), km2(lateKm2[key] ?? 0, 6), km2(geos, 6)]),
      );
    }
  });

  it('diffClaims of two gives the late cut’s labels', () => {
    const [a, b] = [claims.filter((c) => c.claimant === claimants[0]), claims.filter((c) => c.claimant === claimants[6])];
    const early = diffClaims(a, b, { within: hromada!, asOf });
    const late = diffClaims(controlMap(a, { asOf }), controlMap(b, { asOf }), { within: hromada! });
    for (const label of Object.keys(late.summary) as (keyof typeof late.summary)[]) {
      expect(Math.abs(early.summary[label].km2 - late.summary[label].km2)).toBeLessThanOrEqual(1e-9 * late.summary[label].km2 + early.sliversKm2 + late.sliversKm2 + 1e-9);
    }
    expect(early.summary.agree.km2 + early.summary.conflict.km2 + early.summary.partial.km2).toBeGreaterThan(1);
  });
});
