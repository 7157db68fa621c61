/**
 * The question the Pokrovsk report turns on, with real data: the Kremlin's
 * claim (the whole Pokrovska hromada held by Russia) diffed against
 * DeepState's per-class picture of 2025-12-01 inside the hromada — how much
 * ground the two agree on (DeepState: occupied), how much is partial
 * (DeepState: gray zone) and how much conflicts (DeepState: Ukrainian-held,
 * the importer's inference from an extent).
 */
import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/claims/schema.js';
import { DIFF_LABELS, diffClaims } from '../../src/diff/index.js';
import { areaKm2, intersection } from '../../src/geometry/index.js';
import { fromDeepState, fromGeoJSON } from '../../src/importers/index.js';
import { hasData, km2, printTable, readAreas, readCollection } from './_data.js';

const HROMADA = 'pokrovsk/pokrovska-hromada.geojson';
const DEEPSTATE = 'deepstate-raw/polygons-2025-12-01.geojson';
const present = hasData('pokrovsk diff', HROMADA, DEEPSTATE, 'ukraine/ukraine-adm0.geojson');

const geometryOf = (claim: Claim): MultiPolygon => (claim.area as { geometry: MultiPolygon }).geometry;

describe.skipIf(!present)('Pokrovska hromada: the Kremlin vs DeepState, 2025-12-01', () => {
  const hromada = present ? readAreas(HROMADA) : undefined;
  const layer = present ? readCollection(DEEPSTATE) : undefined;
  const hromadaKm2 = present ? areaKm2(hromada!) : 0;
  const kremlin = present ? fromGeoJSON(hromada!, { claimant: 'kremlin', status: 'controlled', side: 'RU', basis: 'claimed', asOf: '2025-12-01', dissolve: true }) : [];

  it('the hromada is the OCHA polygon (AREA_SQKM 515.1; this copy is simplified)', () => {
    expect(Math.abs(hromadaKm2 - 515.1) / 515.1).toBeLessThan(0.03);
  });

  it.each([
    ['the hromada itself', HROMADA],
    ['the Ukraine boundary', 'ukraine/ukraine-adm0.geojson'],
  ])('agree / partial / conflict, with %s as the extent', (name, extentFile) => {
    // The hromada is our own frame, not a coarse outline of DeepState's coverage: no strip along it is an artefact (sliverM 0).
    const deepstate = fromDeepState(layer!, { asOf: '2025-12-01', extent: readAreas(extentFile), ...(extentFile === HROMADA ? { sliverM: 0 } : {}) });
    const diff = diffClaims(kremlin, deepstate, { within: hromada! });
    const { summary } = diff;
    printTable(
      `Pokrovska hromada (${km2(hromadaKm2, 2)} km²): the Kremlin (whole hromada RU) vs DeepState 2025-12-01, extent = ${name}`,
      ['label', 'km²', 'share of hromada'],
      DIFF_LABELS.map((label) => [label, km2(summary[label].km2, 2), `${((summary[label].share ?? 0) * 100).toFixed(2)} %`]),
    );
    const total = DIFF_LABELS.reduce((sum, label) => sum + summary[label].km2, 0);
    // Pieces lie on the engine's 1e-9° grid, the hromada's outline does not: 1e-8 of it.
    expect(Math.abs(total + diff.sliversKm2 - hromadaKm2) / hromadaKm2).toBeLessThan(1e-8);
    // The Kremlin claims every bit of the hromada and, with an extent, DeepState speaks of every bit too.
    expect(summary['only-b'].km2 + summary.unclaimed.km2 + summary['only-a'].km2).toBeLessThan(1e-6 * hromadaKm2);
    expect(Math.abs(summary.agree.km2 + summary.partial.km2 + summary.conflict.km2 - hromadaKm2) / hromadaKm2).toBeLessThan(1e-8);
    // Independently: agree is DeepState's occupied ground in the hromada, partial its gray zone.
    const classKm2 = (suffix: string): number => {
      const claim = deepstate.find((c) => c.id.endsWith(suffix));
      return claim === undefined ? 0 : areaKm2(intersection(geometryOf(claim), hromada!));
    };
    const occupied = classKm2('-occupied') + classKm2('-occupied-2014') + classKm2('-occupied-crimea');
    expect(summary.agree.km2).toBeCloseTo(occupied, 6);
    expect(summary.partial.km2).toBeCloseTo(classKm2('-unknown-status'), 6);
    // By 2025-12-01 most of the hromada was occupied or gray; Ukraine still held part of it.
    expect(summary.agree.km2).toBeGreaterThan(0.25 * hromadaKm2);
    expect(summary.partial.km2).toBeGreaterThan(1);
    expect(summary.conflict.km2).toBeGreaterThan(1);
  });

  it('the extent does not change the answer inside the hromada', () => {
    const [own, national] = [HROMADA, 'ukraine/ukraine-adm0.geojson'].map(
      (file) => diffClaims(kremlin, fromDeepState(layer!, { asOf: '2025-12-01', extent: readAreas(file), ...(file === HROMADA ? { sliverM: 0 } : {}) }), { within: hromada! }).summary,
    );
    // The national boundary is coarse and meets the hromada's own edge only approximately.
    for (const label of ['agree', 'partial', 'conflict'] as const) expect(Math.abs(own![label].km2 - national![label].km2)).toBeLessThan(0.01 * hromadaKm2);
  });
});
