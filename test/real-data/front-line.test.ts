/**
 * The line of contact on DeepState's per-class maps of 2025-07-01 and
 * 2025-12-01, read as an analyst does: `fromDeepState` with Ukraine's
 * boundary as the extent (so that the rest of the country is inferred
 * Ukrainian-held), `controlMap`, then `frontLine` within the boundary.
 *
 * The key is independent of this library: measurements of the line of
 * contact for late 2025 put it at 1,330–1,520 km depending on how the gray
 * band is drawn (Ukraine's commander-in-chief gave 1,218 km for December
 * 2025 for a simplified line, which a line following DeepState's detailed
 * edge must exceed). The same rules written with GEOS (shapely: a closing by
 * 100 m, gray components touching both sides, RU's boundary against them,
 * less 2 km along the border, in EPSG:3035, lengths on the WGS84 ellipsoid
 * with pyproj; `front-line-geos.py` beside this file, which reads the data
 * itself) give 1,429.9 km (2025-07-01) and 1,515.7 km (2025-12-01).
 * Before the rules of issue 13 the same call gave 3,769.5 km.
 */
import { describe, expect, it } from 'vitest';
import { controlMap, frontLine } from '../../src/control/index.js';
import { fromDeepState } from '../../src/importers/index.js';
import { hasData, printTable, readAreas, readCollection } from './_data.js';

const DATES = ['2025-07-01', '2025-12-01'];
const GEOS_RU_EDGE_KM: Record<string, number> = { '2025-07-01': 1429.9, '2025-12-01': 1515.7 };
const present = hasData('front line', ...DATES.map((d) => `deepstate-raw/polygons-${d}.geojson`), 'ukraine/ukraine-adm0.geojson');

describe.skipIf(!present)('frontLine on DeepState maps (../shared/data/deepstate-raw)', () => {
  const rows: string[][] = [];
  it.each(DATES)('%s: 1,330–1,520 km along either side\'s edge, counted once', (date) => {
    const ukraine = readAreas('ukraine/ukraine-adm0.geojson');
    {
      const claims = fromDeepState(readCollection(`deepstate-raw/polygons-${date}.geojson`), { asOf: date, extent: ukraine });
      const map = controlMap(claims, { within: ukraine });
      for (const sides of [['RU', 'UA'], ['UA', 'RU']] as const) {
        const front = frontLine(map, sides, { within: ukraine });
        const { lengthKm, directM, acrossContestedM, lengthBySideM } = front.properties;
        rows.push([date, sides[0], lengthKm.toFixed(1), (directM / 1000).toFixed(1), (acrossContestedM / 1000).toFixed(1), (lengthBySideM[sides[1]]! / 1000).toFixed(1)]);
        expect(lengthKm).toBeGreaterThan(1330);
        expect(lengthKm).toBeLessThan(1520);
        expect(directM + acrossContestedM).toBeCloseTo(front.properties.lengthM, 6);
        // Each side's forward edge is measured by the same rules; neither is the sum of both.
        expect(lengthBySideM[sides[0]]).toBeCloseTo(front.properties.lengthM, 3);
        expect(lengthBySideM[sides[1]]! / 1000).toBeLessThan(1520);
        // Why 1 % and not 1e-6: front-line-geos.py is the same rules, not the same computation. It closes gaps by
        // buffering ±50 m in EPSG:3035 and drops the border strip with a 2 km buffer there; frontLine drops each edge's
        // stretches that face its own side's ground within gapM, or lie within borderM of the boundary, measured edge by
        // edge. The two readings of "a gap narrower than 100 m" differ at every bend, so no common key to 1e-6 exists
        // (there is no GEOS call that is frontLine's rule). Measured: −0.48 % (07-01: 1,423.1 against 1,429.9 km) and
        // +0.03 % (12-01: 1,516.2 against 1,515.7); 1 % is about twice the larger. The figures the line is drawn from
        // (the km² of the classes of these files) are held to GEOS at 1e-6 in deepstate-change and pokrovsk-diff.
        if (sides[0] === 'RU') expect(Math.abs(lengthKm / GEOS_RU_EDGE_KM[date]! - 1)).toBeLessThan(0.01);
      }
    }
    if (rows.length === 2 * DATES.length) {
      printTable('DeepState line of contact (km; extent: Ukraine)', ['date', 'along', 'length', 'direct', 'across gray', "other side's edge"], rows);
    }
  }, 240_000);
});
