/**
 * `fromDeepState` with an oblast as its extent: the offsets that measure the
 * narrow strips (`sliverM`) succeed, and nothing refuses them. A check of
 * this session's first version compared an offset's box with that of a
 * mirrored run and refused good offsets where an arc's chord meets a long
 * edge at a cusp (review of 2026-12-03: Khersonska at 1,000 m, 6.09 m
 * apart against a slack of 5.02 m; Kyiv, Lvivska, Rivnenska and
 * Ternopilska at 3,000 m). The check now asks the engine itself whether the
 * offset's union succeeded.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { validateGeometry } from '../../src/geometry/index.js';
import { fromDeepState } from '../../src/importers/index.js';
import { hasData, readAreas, readCollection } from './_data.js';

const present = hasData('offset extents', 'ukraine/oblasts-adm1.geojson', 'deepstate-raw/polygons-2025-12-01.geojson');

describe.skipIf(!present)('fromDeepState with oblasts as extents (../shared/data)', () => {
  const cases: [string, number][] = [['Khersonska', 1000], ['Kyiv', 3000], ['Lvivska', 3000], ['Rivnenska', 3000], ['Ternopilska', 3000]];
  it.each(cases)('%s at %i m imports, its inferred ground valid and its absorbed strips counted', (name, sliverM) => {
    const layer = readCollection('deepstate-raw/polygons-2025-12-01.geojson');
    const oblast = readAreas('ukraine/oblasts-adm1.geojson').features.find((f) => f.properties?.['ADM1_EN'] === name)!;
    const claims = fromDeepState(layer, { asOf: '2025-12-01', extent: oblast.geometry, sliverM });
    const rest = claims.at(-1)!;
    expect(rest.properties?.['class']).toBe('ukrainian-held');
    expect(rest.properties?.['sliverM']).toBe(sliverM);
    expect(rest.properties?.['absorbedKm2']).toBeGreaterThanOrEqual(0);
    expect(validateGeometry((rest.area as { geometry: Polygon | MultiPolygon }).geometry).problems).toEqual([]);
  });
});
