/**
 * Russia's monthly gains from DeepState's archive: the README's second
 * example, run by `main.test.ts` (on a few days) and by
 * `npx tsx examples/deepstate-history/main.ts <folder>` (on all of them),
 * which prints the monthly table and the per-oblast table and writes the
 * chart to `artifacts/deepstate-monthly.svg`.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { controlByRegion, controlChange, controlHistory, controlMap, fromDeepState, toSvgChart, type ControlHistory, type HistorySnapshot } from '../../src/index.js';

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));

// #region snapshots
/** Each `occupied-YYYY-MM-DD.geojson` in `folder` (or the `files` given) as a snapshot dated by its name. */
export function deepStateSnapshots(folder: string, files = readdirSync(folder).filter((f) => f.endsWith('.geojson'))): HistorySnapshot[] {
  return files.map((file) => {
    const at = /\d{4}-\d{2}-\d{2}/.exec(file)![0];
    return { at, map: controlMap(fromDeepState(readJson(join(folder, file)), { asOf: at })) };
  });
}

// #endregion snapshots

// #region series
/** The monthly series, the oblast table of the last snapshot and the chart. */
export async function russiasMonthlyGains(snapshots: HistorySnapshot[], oblasts: FeatureCollection<Polygon | MultiPolygon>) {
  const history: ControlHistory = await controlHistory(snapshots, { by: 'month' });
  const months = history.periods.map((p) => ({ month: p.period, steps: p.steps, ...p.bySide['RU']! }));

  const last = snapshots.reduce((a, b) => (String(a.at) > String(b.at) ? a : b));
  const oblastTable = controlByRegion(last.map, oblasts, { nameProperty: 'ADM1_EN' })
    .rows.filter((row) => row.bySide['RU'] !== undefined)
    .map((row) => ({ oblast: row.region, km2: row.bySide['RU']!.km2, share: row.bySide['RU']!.share }));

  const chart = monthlyChart(history);
  return { months, oblastTable, chart };
}

/** The chart: Russia's gains above the line and losses below, per month, with the source. */
export function monthlyChart(history: ControlHistory): string {
  return toSvgChart(history, {
    title: "Russia's monthly gains and losses in Ukraine",
    subtitle: 'km² of ground DeepStateMap shows as newly occupied (above the line) or newly freed (below), per month',
    sides: ['RU'],
    source: `Source: DeepStateMap daily snapshots via cyterat/deepstate-map-data, ${history.periods[0]?.from} to ${history.periods.at(-1)?.to}. Chart: contested`,
  });
}
// #endregion series

// #region extent
/**
 * Two days compared on their own, both sides counted: DeepState draws only the occupied ground, so give the
 * importer Ukraine's boundary as `extent` and it adds the Ukrainian-held rest. Without it Ukraine holds no ground
 * in either map, and nothing Russia takes shows as Ukraine's loss.
 */
export function twoDays(before: string, after: string, ukraine: FeatureCollection<Polygon | MultiPolygon>) {
  const day = (file: string) => {
    const asOf = /\d{4}-\d{2}-\d{2}/.exec(file)![0];
    return controlMap(fromDeepState(readJson(file), { asOf, extent: ukraine }));
  };
  return controlChange(day(before), day(after)).bySide; // { RU: { gainedKm2, … }, UA: { lostKm2 (the same km²), … } }
}
// #endregion extent

// Run as a script: the whole archive.
if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*examples/, 'examples'))) {
  const folder = process.argv[2] ?? '../shared/data/deepstate-daily';
  const oblasts = readJson(process.argv[3] ?? '../shared/data/ukraine/oblasts-adm1.geojson');
  const { months, oblastTable, chart } = await russiasMonthlyGains(deepStateSnapshots(folder), oblasts);
  console.table(months.map((m) => ({ month: m.month, gained: m.gainedKm2.toFixed(1), lost: m.lostKm2.toFixed(1), net: m.netKm2.toFixed(1), steps: m.steps })));
  console.table(oblastTable.map((o) => ({ oblast: o.oblast, km2: o.km2.toFixed(0), share: `${(o.share * 100).toFixed(1)} %` })));
  mkdirSync('artifacts', { recursive: true });
  writeFileSync('artifacts/deepstate-monthly.svg', chart);
}
