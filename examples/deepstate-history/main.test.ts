import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ControlHistory } from '../../src/index.js';
import { dataDir, hasData, readAreas } from '../../test/real-data/_data.js';
import { deepStateSnapshots, monthlyChart, russiasMonthlyGains, twoDays } from './main.js';

const DAYS = ['2025-03-29', '2025-03-30', '2025-04-02', '2025-04-03'];
const present = hasData('readme deepstate history', ...DAYS.map((d) => `deepstate-daily/occupied-${d}.geojson`), 'ukraine/oblasts-adm1.geojson', 'ukraine/ukraine-adm0.geojson');

describe.skipIf(!present)("the README's second example: Russia's monthly gains from DeepState's archive", () => {
  it('runs on four days across the two missing ones and a month boundary', async () => {
    const snapshots = deepStateSnapshots(`${dataDir}deepstate-daily`, DAYS.map((d) => `occupied-${d}.geojson`));
    const { months, oblastTable, chart } = await russiasMonthlyGains(snapshots, readAreas('ukraine/oblasts-adm1.geojson'));
    expect(months.map((m) => [m.month, m.steps])).toEqual([['2025-03', 1], ['2025-04', 2]]);
    for (const m of months) expect(m.netKm2).toBeCloseTo(m.gainedKm2 - m.lostKm2, 9);
    expect(oblastTable.map((o) => o.oblast)).toContain('Donetska');
    expect(oblastTable.find((o) => o.oblast === 'Luhanska')!.share).toBeGreaterThan(0.98);
    expect(chart).toContain("Russia&apos;s monthly gains");
  }, 300_000);

  it('with the extent, what Russia gains between two days Ukraine loses', () => {
    const [before, after] = ['2025-03-30', '2025-04-02'].map((d) => `${dataDir}deepstate-daily/occupied-${d}.geojson`);
    const bySide = twoDays(before!, after!, readAreas('ukraine/ukraine-adm0.geojson'));
    expect(bySide['RU']!.gainedKm2).toBeGreaterThan(10);
    // Ground outside the Ukraine boundary (none moved there on these days) is the only room for a difference.
    expect(Math.abs(bySide['RU']!.gainedKm2 - bySide['UA']!.lostKm2)).toBeLessThan(1e-6 * bySide['RU']!.gainedKm2);
    expect(Math.abs(bySide['RU']!.lostKm2 - bySide['UA']!.gainedKm2)).toBeLessThan(1e-6 + 1e-6 * bySide['RU']!.gainedKm2);
  }, 300_000);
});

describe('the committed chart of the whole archive (docs/media/deepstate-monthly.svg)', () => {
  const series = new URL('../../docs/media/deepstate-monthly.json', import.meta.url);
  it.skipIf(!existsSync(series))('is what monthlyChart draws from the committed series (scripts/render-history-chart.ts)', () => {
    const history = JSON.parse(readFileSync(series, 'utf8')) as ControlHistory;
    expect(readFileSync(new URL('../../docs/media/deepstate-monthly.svg', import.meta.url), 'utf8')).toBe(monthlyChart(history));
    // The series adds up: every month's net is its gains less its losses, and the months follow each other.
    history.periods.forEach((p, i) => {
      expect(p.bySide['RU']!.netKm2).toBeCloseTo(p.bySide['RU']!.gainedKm2 - p.bySide['RU']!.lostKm2, 9);
      if (i > 0) expect(p.from).toBe(history.periods[i - 1]!.to);
    });
  });
});
