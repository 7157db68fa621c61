/**
 * DeepState's daily archive (cyterat/deepstate-map-data, 769 files,
 * 2024-07-08 … 2026-08-22) as a series: Russia's gains, losses and net per
 * month (controlHistory), and the occupied km² per oblast on 2025-08-22 and
 * 2026-08-22 with the year's change per oblast (controlByRegion,
 * changeByRegion). Checked against the difference of the occupied areas and,
 * step by step, against GEOS (shapely) with pyproj's geodesic areas (September
 * 2024 from the committed keys/keys.json; other months with geos_history.py).
 *
 * The normal suite runs two months, each as its own series: September 2024
 * (2024-08-31 … 09-30, whose redraws on 09-14, 09-15 and 09-30 leave
 * 0.0046 km² of sub-centimetre slivers each: the month the nets once missed
 * by 0.0014 km²) and March 2025 (2025-02-28 … 04-02, over the two missing
 * days 2025-03-31 and 2025-04-01). Reading and resolving a snapshot costs
 * about half a second on a loaded two-core machine, so the whole archive
 * (768 steps) runs only with `CONTESTED_ARCHIVE=1` (`npm run test:archive`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { controlChange, controlMap, type ControlMap } from '../../src/control/index.js';
import { areaKm2 } from '../../src/geometry/index.js';
import { controlHistory, type ControlHistory } from '../../src/history/index.js';
import { fromDeepState } from '../../src/importers/index.js';
import { changeByRegion, controlByRegion } from '../../src/regions/index.js';
import { dataDir, hasData, km2, printTable, readAreas, readCollection } from './_data.js';
import { KEYS, keyTolerance, keyUse } from './_keys.js';

const ARCHIVE = process.env['CONTESTED_ARCHIVE'] === '1';
const DAILY = 'deepstate-daily';
const present = hasData('deepstate history', `${DAILY}/README.md`, 'ukraine/oblasts-adm1.geojson');
const PYTHON = '/usr/bin/python3';
const hasGeos = existsSync(PYTHON);

const dateOf = (file: string): string => /\d{4}-\d{2}-\d{2}/.exec(file)![0];
const allFiles = present ? readdirSync(`${dataDir}${DAILY}`).filter((f) => f.endsWith('.geojson')).sort() : [];
/** Runs of consecutive snapshots, each a series of its own (the normal suite's two are months apart). */
const RANGES: [string, string][] = ARCHIVE ? [['0000', '9999']] : [['2024-08-31', '2024-09-30'], ['2025-02-28', '2025-04-02']];
const runs = RANGES.map(([first, last]) => allFiles.filter((f) => dateOf(f) >= first && dateOf(f) <= last));
const files = runs.flat();

function loadMap(file: string): ControlMap {
  return controlMap(fromDeepState(readCollection(`${DAILY}/${file}`), { asOf: dateOf(file) }));
}
/** Russian-held km² of a map, measured afresh from its geometry. */
const russianKm2 = (map: ControlMap): number =>
  map.features.filter((f) => f.properties.status === 'controlled' && f.properties.side === 'RU').reduce((sum, f) => sum + areaKm2(f.geometry), 0);

describe.skipIf(!present)(`DeepState's daily archive as a series (${ARCHIVE ? 'whole archive' : 'September 2024 and March 2025; CONTESTED_ARCHIVE=1 for all of it'})`, () => {
  let started = performance.now();
  const maps = new Map(files.map((file) => [dateOf(file), loadMap(file)]));
  const loadSeconds = (performance.now() - started) / 1000;
  let history: ControlHistory = { periods: [] };
  let historySeconds = 0;

  it('monthly gained / lost / net for Russia, summing to the change of the occupied area', async () => {
    started = performance.now();
    const series = await Promise.all(runs.map((run) => controlHistory(run.map((file) => ({ at: dateOf(file), map: maps.get(dateOf(file))! })), { by: 'month' })));
    history = { periods: series.flatMap((h) => h.periods) };
    historySeconds = (performance.now() - started) / 1000;
    console.log(`\n${maps.size} snapshots read and resolved in ${loadSeconds.toFixed(1)} s; controlHistory over ${maps.size - runs.length} steps in ${historySeconds.toFixed(1)} s`);
    const checks = history.periods.map((p) => {
      const ru = p.bySide['RU']!;
      const occupied = russianKm2(maps.get(p.to)!);
      return { p, ru, occupied, gap: Math.abs(ru.netKm2 - (occupied - russianKm2(maps.get(p.from)!))) };
    });
    const rows = checks.map(({ p, ru, gap }) => [p.period, km2(ru.gainedKm2), km2(ru.lostKm2), km2(ru.netKm2), String(p.steps), `${p.from} → ${p.to}`, gap.toExponential(1)]);
    printTable("Russia's monthly gains in DeepState's archive (controlHistory, by: 'month'; km², WGS84)", ['month', 'gained', 'lost', 'net', 'steps', 'snapshots', '|net − Δ occupied| km²'], rows);
    if (ARCHIVE) {
      mkdirSync(new URL('../../artifacts/', import.meta.url), { recursive: true });
      writeFileSync(new URL('../../artifacts/deepstate-history.json', import.meta.url), `${JSON.stringify(history, null, 1)}\n`);
    }
    for (const { ru, occupied, gap } of checks) {
      // The net of a month is the change of the occupied area from its first snapshot to its last, to 1e-6 km² (1 m²).
      // Four months were once 0.0014 km² apart: redraws a millimetre off (2024-09-14, 09-15, 09-30, …) leave slivers
      // under 1 cm wide, which controlChange left out of its sums; it now counts them (and leaves them out of its
      // regions only). What is left is the engine's 1e-9° grid: 2024-09 2e-7 km², 2025-11 8e-7 km².
      expect(gap).toBeLessThan(1e-6);
      expect(occupied).toBeGreaterThan(0);
      expect(ru.gainedKm2).toBeGreaterThanOrEqual(0);
    }
    expect(history.periods.reduce((sum, p) => sum + p.steps, 0)).toBe(maps.size - runs.length);
    // A missing day is not filled in: the step over 2025-03-31 and 2025-04-01 runs from 03-30 to 04-02.
    const april = history.periods.find((p) => p.period === '2025-04');
    if (april !== undefined) expect(april.from).toBe('2025-03-30');
  }, 3_600_000);

  // September 2024 is keyed in keys/keys.json (GEOS and PROJ, the referee's method, full precision; no Python needed);
  // the other archive months (CONTESTED_ARCHIVE=1) run geos_history.py beside this file at run time.
  it.skipIf(ARCHIVE && !hasGeos && process.env['CI'] === undefined)('step by step, the same km² as GEOS and pyproj (a sample of months)', async () => {
    const months = ARCHIVE ? ['2024-09', '2024-11', '2025-03', '2025-11', '2026-07'] : ['2024-09'];
    const series = await Promise.all(runs.map((run) => controlHistory(run.map((file) => ({ at: dateOf(file), map: maps.get(dateOf(file))! })))));
    const steps = { periods: series.flatMap((h) => h.periods) };
    const rows: string[][] = [];
    for (const month of months) {
      const inMonth = steps.periods.filter((p) => p.period.startsWith(month));
      let geos: { steps: { gained: number; lost: number }[]; seconds: number };
      let within: (ours: number, i: number, what: 'gained' | 'lost') => boolean;
      if (month === '2024-09') {
        // Committed key: each step's gain and loss to 1e-6 or the grid's reach on the piece's boundary (the import, the
        // map and the change: 3 stages; controlHistory's sums count the slivers, so none are allowed for).
        const keyed = KEYS.history['2024-09']!;
        expect(keyed.map((k) => `${k.from} → ${k.to}`)).toEqual(inMonth.map((p) => `${p.from} → ${p.to}`));
        geos = { steps: keyed.map((k) => ({ gained: k.gained[0], lost: k.lost[0] })), seconds: 0 };
        within = (ours, i, what) => Math.abs(ours - keyed[i]![what][0]) <= keyTolerance(keyed[i]![what], 3);
      } else {
        const paths = [inMonth[0]!.from, ...inMonth.map((p) => p.to)].map((d) => `${dataDir}${DAILY}/occupied-${d}.geojson`);
        geos = JSON.parse(execFileSync(PYTHON, [new URL('geos_history.py', import.meta.url).pathname, ...paths], { encoding: 'utf8', maxBuffer: 1 << 26 })) as typeof geos;
        // Per step within 1e-5 km² (10 m²; the worst step of the five archive months is 1.4e-6 km², 2024-09). While
        // controlChange left the slivers of redrawn lines out of its sums, 2025-11 had a step 1.4e-4 km² off.
        within = (ours, i, what) => Math.abs(ours - geos.steps[i]![what]) < 1e-5;
      }
      let worst = 0;
      inMonth.forEach((p, i) => {
        const ru = p.bySide['RU']!;
        const g = geos.steps[i]!;
        worst = Math.max(worst, Math.abs(ru.gainedKm2 - g.gained), Math.abs(ru.lostKm2 - g.lost));
        expect(within(ru.gainedKm2, i, 'gained'), `${p.from} → ${p.to} gained ${ru.gainedKm2} against ${g.gained}`).toBe(true);
        expect(within(ru.lostKm2, i, 'lost'), `${p.from} → ${p.to} lost ${ru.lostKm2} against ${g.lost}`).toBe(true);
      });
      const sum = (f: (i: number) => number): number => inMonth.reduce((s, _, i) => s + f(i), 0);
      const ours = sum((i) => inMonth[i]!.bySide['RU']!.gainedKm2);
      const theirs = sum((i) => geos.steps[i]!.gained);
      rows.push([month, String(inMonth.length), km2(ours, 3), km2(theirs, 3), km2(sum((i) => inMonth[i]!.bySide['RU']!.lostKm2), 3), km2(sum((i) => geos.steps[i]!.lost), 3), worst.toExponential(2), month === '2024-09' ? 'keys.json' : `${geos.seconds.toFixed(1)} s`]);
    }
    printTable('controlHistory vs GEOS (shapely 1.8.5 difference, pyproj Geod on densified rings), Russia', ['month', 'steps', 'gained (ours)', 'gained (GEOS)', 'lost (ours)', 'lost (GEOS)', 'worst step |Δ| km²', 'GEOS loop time'], rows);
  }, 3_600_000);

  it('occupied km² per oblast on 2025-08-22 and 2026-08-22, and the year between', () => {
    const oblasts = readAreas('ukraine/oblasts-adm1.geojson');
    const [before, after] = ['2025-08-22', '2026-08-22'].map((d) => maps.get(d) ?? loadMap(`occupied-${d}.geojson`)) as [ControlMap, ControlMap];
    const options = { nameProperty: 'ADM1_EN' };
    const [held25, held26] = [before, after].map((map) => controlByRegion(map, oblasts, options));
    const yearChange = controlChange(before, after);
    const year = changeByRegion(yearChange, oblasts, options);
    const rows: string[][] = [];
    // Independently (keys/keys.json, GEOS and PROJ): each oblast's area, the occupied km² in it and the year's change in
    // it, to 1e-6 or the grid's reach on the piece's boundary (occupied: a control map and a cut, 2 stages).
    let worst = 0;
    let used = 0;
    for (const [held, date] of [[held25!, '2025-08-22'], [held26!, '2026-08-22']] as const) {
      held.rows.forEach((row, i) => {
        expect(row.region).toBe(KEYS.oblasts.names[i]);
        const oblastKey = KEYS.oblasts.oblast[i]!;
        const ruKey = KEYS.oblasts[`ru ${date}`][i]!;
        const ru = row.bySide['RU']?.km2 ?? 0;
        worst = Math.max(worst, Math.abs(row.km2 - oblastKey[0]) / oblastKey[0], ruKey[0] > 1 ? Math.abs(ru - ruKey[0]) / ruKey[0] : 0);
        expect(Math.abs(row.km2 - oblastKey[0]), row.region).toBeLessThanOrEqual(keyTolerance(oblastKey, 1));
        used = Math.max(used, keyUse(row.km2, oblastKey, 1), keyUse(ru, ruKey, 2));
        expect(Math.abs(ru - ruKey[0]), `${row.region} ${date}`).toBeLessThanOrEqual(keyTolerance(ruKey, 2));
      });
    }
    // The year's change per oblast (the map, the change and the cut: 3 stages, plus the slivers the change leaves out).
    year.rows.forEach((row, i) => {
      const change = row.bySide['RU'];
      for (const [what, key] of [['gained', KEYS.oblasts.gained[i]!], ['lost', KEYS.oblasts.lost[i]!]] as const) {
        const ours = (what === 'gained' ? change?.gainedKm2 : change?.lostKm2) ?? 0;
        if (key[0] > 1) worst = Math.max(worst, Math.abs(ours - key[0]) / key[0]);
        used = Math.max(used, keyUse(ours, key, 3, yearChange.sliversKm2));
        expect(Math.abs(ours - key[0]), `${row.region} ${what}`).toBeLessThanOrEqual(keyTolerance(key, 3, yearChange.sliversKm2));
      }
    });
    console.log(`oblast, occupied and changed km² per oblast against GEOS/PROJ: worst relative difference ${worst.toExponential(1)} (pieces over 1 km²), at most ${used.toFixed(3)} of the tolerance used`);
    held26!.rows.forEach((row, i) => {
      const ru25 = held25!.rows[i]!.bySide['RU'];
      const ru26 = row.bySide['RU'];
      const change = year.rows[i]!.bySide['RU'];
      // Per oblast, the year's net is the change of the oblast's occupied km² (same rule for overlaps in both).
      expect(Math.abs((change?.netKm2 ?? 0) - ((ru26?.km2 ?? 0) - (ru25?.km2 ?? 0)))).toBeLessThan(1e-6 * Math.max(1, row.km2));
      if (ru26 === undefined && change === undefined) return;
      rows.push([row.region, km2(row.km2, 0), km2(ru25?.km2 ?? 0), `${((ru25?.share ?? 0) * 100).toFixed(1)} %`, km2(ru26?.km2 ?? 0), `${((ru26?.share ?? 0) * 100).toFixed(1)} %`, km2(change?.gainedKm2 ?? 0), km2(change?.lostKm2 ?? 0), km2(change?.netKm2 ?? 0)]);
    });
    rows.sort((a, b) => Number(b[4]!.replace(/,/g, '')) - Number(a[4]!.replace(/,/g, '')));
    printTable('Occupied ground per oblast (DeepState; OCHA ADM1 boundaries; km²)', ['oblast', 'oblast km²', 'RU 2025-08-22', 'share', 'RU 2026-08-22', 'share', 'gained', 'lost', 'net'], rows);
    console.log(`ground in no oblast: ${km2(held25!.unassignedKm2, 2)} / ${km2(held26!.unassignedKm2, 2)} km²; in two oblasts: ${km2(held25!.overlapKm2, 2)} / ${km2(held26!.overlapKm2, 2)} km²; year's change in no / two oblasts: ${km2(year.unassignedKm2, 2)} / ${km2(year.overlapKm2, 2)} km²`);
    for (const [held, map] of [[held25!, before], [held26!, after]] as const) {
      // The rule for imperfect boundaries: rows − overlap + unassigned = the whole map.
      const rowsKm2 = held.rows.reduce((s, r) => s + (r.bySide['RU']?.km2 ?? 0) + r.contestedKm2, 0);
      expect(rowsKm2 - held.overlapKm2 + held.unassignedKm2).toBeCloseTo(russianKm2(map), 6);
      // Luhansk oblast was all but entirely occupied on both dates; the coarse boundaries leave a little outside.
      expect(held.rows.find((r) => r.region === 'Luhanska')!.bySide['RU']!.share).toBeGreaterThan(0.98);
    }
    // OCHA's own AREA_SQKM (published to 1e-7 km², so its rounding is nothing) is of the full-resolution outlines; this
    // copy is simplified, and GEOS/PROJ measure its 24 oblasts and Crimea 0.19 % at worst from OCHA's figure (Cherkaska;
    // keys.json), held above to 1e-6. Against OCHA: 0.5 %. The two cities' simplified outlines (Kyiv, Sevastopol; under
    // 1,000 km²) are off by 1.7 % and 11 % and are not compared.
    for (const [i, feature] of oblasts.features.entries()) {
      const ocha = Number(feature.properties!['AREA_SQKM']);
      if (ocha > 5000) expect(Math.abs(held25!.rows[i]!.km2 / ocha - 1)).toBeLessThan(0.005);
    }
  }, 600_000);
});
