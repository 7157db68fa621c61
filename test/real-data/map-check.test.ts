/**
 * Real control maps read back from JSON (so no longer known to be built by
 * `controlMap`) pass the overlap check, which now judges every overlap
 * piece of every pair of regions by the sliver width instead of the whole
 * map's union: a DeepState map of Ukraine (within the border) and ISW's four
 * 2022 layers resolved into one map per date. The diff of a checked copy
 * equals the diff of the trusted original (one ISW date: the diffs cost
 * more than the check), and the slivers two
 * regions share (accepted) stay within the grid's reach: 1e-9° (0.11 mm)
 * times the regions' boundary.
 */
import { describe, expect, it } from 'vitest';
import { controlMap, type ControlMap } from '../../src/control/index.js';
import { builtByControlMap } from '../../src/control/controlMap.js';
import { diffClaims } from '../../src/diff/index.js';
import { perimeterM } from '../../src/geometry/index.js';
import { fromDeepState, fromIsw } from '../../src/importers/index.js';
import { assertNoOverlap } from '../../src/overlay/mapCheck.js';
import { boxOf } from '../../src/overlay/regions.js';
import type { MultiPolygon2 } from '../../src/geometry/_engine.js';
import { hasData, printTable, readAreas, readCollection } from './_data.js';

const DEEPSTATE = ['2025-12-01'];
const ISW = ['2022-04-15', '2022-09-15', '2022-11-15'];
const LAYERS = { assessedControl: 'assessed-russian-control', claimedControl: 'claimed-russian-control', assessedAdvances: 'assessed-russian-advances', claimedCounteroffensives: 'claimed-ukrainian-counteroffensives' } as const;
const present = hasData(
  'map check',
  ...DEEPSTATE.map((d) => `deepstate-raw/polygons-${d}.geojson`),
  'ukraine/ukraine-adm0.geojson',
  ...ISW.flatMap((date) => Object.values(LAYERS).map((layer) => `isw/${date}-${layer}.geojson`)),
);

const maps = (): [string, ControlMap][] => {
  const ukraine = readAreas('ukraine/ukraine-adm0.geojson');
  return [
    ...DEEPSTATE.map((date): [string, ControlMap] => [`DeepState ${date}`, controlMap(fromDeepState(readCollection(`deepstate-raw/polygons-${date}.geojson`), { asOf: date, extent: ukraine }), { within: ukraine })]),
    ...ISW.map((date): [string, ControlMap] => [
      `ISW ${date}`,
      controlMap(fromIsw(Object.fromEntries(Object.entries(LAYERS).map(([key, layer]) => [key, readCollection(`isw/${date}-${layer}.geojson`)])), { asOf: date })),
    ]),
  ];
};

describe.skipIf(!present)('real maps read back from JSON pass the overlap check (../shared/data)', () => {
  it('DeepState and ISW maps: accepted, the same diff as trusted, shared slivers within the grid’s reach', () => {
    const rows: string[][] = [];
    for (const [name, built] of maps()) {
      const copy = JSON.parse(JSON.stringify(built)) as ControlMap;
      expect(builtByControlMap(built)).toBe(true);
      expect(builtByControlMap(copy)).toBe(false);
      const regions = copy.features.map((f, i) => {
        const coords = f.geometry.coordinates as MultiPolygon2;
        return { coords, box: boxOf(coords), path: ['a', 'features', i], id: undefined };
      });
      const start = performance.now();
      const sliversKm2 = assertNoOverlap(regions, 'a');
      const ms = performance.now() - start;
      const boundaryKm = copy.features.reduce((sum, f) => sum + perimeterM(f.geometry), 0) / 1000;
      expect(sliversKm2).toBeLessThanOrEqual(1.1e-7 * boundaryKm);
      if (name === 'ISW 2022-04-15') expect(diffClaims(copy, []).summary).toEqual(diffClaims(built, []).summary);
      rows.push([name, String(copy.features.length), boundaryKm.toFixed(0), sliversKm2.toExponential(2), ms.toFixed(0)]);
    }
    expect(rows.length).toBe(DEEPSTATE.length + ISW.length);
    printTable('overlap check of real maps read from JSON', ['map', 'regions', 'boundary km', 'shared slivers km²', 'check ms'], rows);
  }, 120_000);
});
