/**
 * What changed between DeepState's per-class maps of 2025-11-01 and
 * 2025-12-01, read as an analyst does: `fromDeepState` with Ukraine's
 * boundary as the extent (the rest of the country inferred Ukrainian-held),
 * then `controlChange`.
 *
 * Before issue 13 this reported 8.28 km² going from Russian to Ukrainian
 * control, of which only 3.06 km² was DeepState's own drawing (liberated
 * polygons 80–120 km from the border); the rest was inferred ground
 * appearing along the Russian border each time DeepState redrew its edge
 * (strips of a median width of 55 m). With inferred strips narrower than
 * `sliverM` (1,000 m) along the extent's boundary absorbed, RU → UA is the
 * 3.06 km², and `inferredGainedKm2` says how much of a gain lies in inferred
 * ground.
 *
 * The key is GEOS (`change-geos.py` beside this file, which reads the data
 * itself): W 1,000 m gives RU → UA 3.061 km² (0.004 of it into inferred
 * ground) and absorbs 268.906 / 270.814 km²; W 0 gives the old 8.277 km²;
 * W 500 m gives 7.054 km² (the tolerance matters: most border strips are
 * 100–300 m wide, some wider than 500 m).
 */
import { describe, expect, it } from 'vitest';
import { controlChange } from '../../src/control/index.js';
import { fromDeepState } from '../../src/importers/index.js';
import { hasData, printTable, readAreas, readCollection } from './_data.js';

const BEFORE = '2025-11-01';
const AFTER = '2025-12-01';
const GEOS = { ruToUa: 3.061, ruToInferred: 0.004, absorbed: { [BEFORE]: 268.906, [AFTER]: 270.814 }, ruToUaWithout: 8.277 };
const present = hasData('deepstate change', `deepstate-raw/polygons-${BEFORE}.geojson`, `deepstate-raw/polygons-${AFTER}.geojson`, 'ukraine/ukraine-adm0.geojson');

describe.skipIf(!present)('controlChange of two fromDeepState imports (../shared/data/deepstate-raw)', () => {
  it(`${BEFORE} → ${AFTER}: RU → UA is DeepState's 3.06 km², not 8.28; inferred change is marked`, () => {
    const ukraine = readAreas('ukraine/ukraine-adm0.geojson');
    const rows: string[][] = [];
    for (const sliverM of [1000, 0]) {
      const [before, after] = [BEFORE, AFTER].map((date) => fromDeepState(readCollection(`deepstate-raw/polygons-${date}.geojson`), { asOf: date, extent: ukraine, sliverM }));
      const change = controlChange(before!, after!);
      const sum = (keep: (p: (typeof change.regions.features)[number]['properties']) => boolean): number => change.regions.features.filter((f) => keep(f.properties)).reduce((s, f) => s + f.properties.km2, 0);
      const ruToUa = (p: (typeof change.regions.features)[number]['properties']): boolean => p.from?.status === 'controlled' && p.from.side === 'RU' && p.to?.status === 'controlled' && p.to.side === 'UA';
      const total = sum(ruToUa);
      const inferred = sum((p) => ruToUa(p) && p.inferred === true);
      const absorbed = [before!, after!].map((claims) => claims.at(-1)!.properties?.['absorbedKm2'] as number);
      rows.push([String(sliverM), total.toFixed(3), inferred.toFixed(3), absorbed.map((a) => a.toFixed(1)).join(' / '), change.bySide['UA']!.gainedKm2.toFixed(3), change.bySide['UA']!.inferredGainedKm2.toFixed(3)]);
      // The sums count the slivers left out of the regions (see controlChange), so they exceed the regions' total by at most those.
      expect(Math.abs(change.bySide['UA']!.gainedFrom['RU']! - total)).toBeLessThanOrEqual(change.sliversKm2 + 1e-12);
      expect(change.bySide['RU']!.lostTo['UA']).toBe(change.bySide['UA']!.gainedFrom['RU']);
      if (sliverM === 0) {
        expect(total).toBeCloseTo(GEOS.ruToUaWithout, 2);
        expect(absorbed).toEqual([0, 0]);
      } else {
        expect(total).toBeCloseTo(GEOS.ruToUa, 2);
        expect(inferred).toBeCloseTo(GEOS.ruToInferred, 2);
        // Our opening runs in a sinusoidal projection, GEOS's in EPSG:3035: the absorbed areas agree to 1.5 %.
        expect(Math.abs(absorbed[0]! / GEOS.absorbed[BEFORE] - 1)).toBeLessThan(0.015);
        expect(Math.abs(absorbed[1]! / GEOS.absorbed[AFTER] - 1)).toBeLessThan(0.015);
      }
    }
    printTable(`DeepState ${BEFORE} → ${AFTER} (km²; extent: Ukraine)`, ['sliverM', 'RU → UA', 'of it into inferred', 'absorbed before / after', 'UA gained', 'of it inferred'], rows);
  }, 240_000);
});
