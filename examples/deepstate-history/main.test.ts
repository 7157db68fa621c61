import { describe, expect, it } from 'vitest';
import { dataDir, hasData, readAreas } from '../../test/real-data/_data.js';
import { deepStateSnapshots, russiasMonthlyGains } from './main.js';

const DAYS = ['2025-03-29', '2025-03-30', '2025-04-02', '2025-04-03'];
const present = hasData('readme deepstate history', ...DAYS.map((d) => `deepstate-daily/occupied-${d}.geojson`), 'ukraine/oblasts-adm1.geojson');

describe.skipIf(!present)("the README's second example: Russia's monthly gains from DeepState's archive", () => {
  it('runs on four days across the two missing ones and a month boundary', async () => {
    const snapshots = deepStateSnapshots(`${dataDir}deepstate-daily`, DAYS.map((d) => `occupied-${d}.geojson`));
    const { months, oblastTable, chart } = await russiasMonthlyGains(snapshots, readAreas('ukraine/oblasts-adm1.geojson'));
    expect(months.map((m) => [m.month, m.steps])).toEqual([['2025-03', 1], ['2025-04', 2]]);
    for (const m of months) expect(m.netKm2).toBeCloseTo(m.gainedKm2 - m.lostKm2, 9);
    expect(oblastTable.map((o) => o.oblast)).toContain('Donetska');
    expect(oblastTable.find((o) => o.oblast === 'Luhanska')!.share).toBeGreaterThan(0.98);
    expect(chart).toContain("Russia&apos;s monthly gains");
  });
});
