/**
 * The referee on real data (`../shared/data`, read in place): the union of
 * every DeepState and ISW file's features, controlChange between
 * consecutive DeepState daily snapshots (10 pairs by default, every pair
 * with `REFEREE_DEEP=1`), and diffClaims of ISW's claimed against its
 * assessed Russian control at each date — each against GEOS, area and
 * shape, areas by PROJ. ISW files holding self-touching rings are first
 * repaired with normalizeGeometry (the documented rule), and the repaired
 * operands are what GEOS is given.
 */
import { readdirSync } from 'node:fs';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, controlChange, diffClaims, normalizeGeometry, union, type Claim } from '../../src/index.js';
import { dataDir, hasData, readCollection } from '../real-data/_data.js';
import { disagreements, referee, refereeAvailable, type RefereeCase } from './_geos.js';
import { REFEREE_TIMEOUT_MS } from './_generate.js';
import { judge } from './_judge.js';

/** Consecutive DeepState daily pairs checked: 10 by default, all with REFEREE_DEEP=1 (`npm run test:deep`). */
const DAILY_PAIRS = process.env['REFEREE_DEEP'] === '1' ? Infinity : 10;

const run = refereeAvailable('referee: real data') && hasData('referee: real data', 'deepstate', 'deepstate-daily', 'isw');
const geojsonIn = (folder: string): string[] => readdirSync(`${dataDir}${folder}`).filter((f) => f.endsWith('.geojson')).sort().map((f) => `${folder}/${f}`);

/** A file's features as valid operands: normalizeGeometry's repair where a ring touches itself. */
function operandsOf(file: string): (Polygon | MultiPolygon)[] {
  const { geometry } = normalizeGeometry(readCollection(file));
  return (geometry as { features: { geometry: Geometry | null }[] }).features
    .map((f) => f.geometry)
    .filter((g): g is Polygon | MultiPolygon => g !== null && (g.type === 'Polygon' || g.type === 'MultiPolygon'));
}

function claim(id: string, geometry: Geometry, date: string): Claim {
  return { id, claimant: id, statedAt: date, area: { geometry }, status: 'controlled', side: 'RU', basis: 'claimed' } as unknown as Claim;
}

describe.runIf(run)('referee: real data against GEOS', () => {
  it('agrees on every DeepState and ISW file, DeepState daily changes and ISW claimed-vs-assessed', () => {
    const started = performance.now();
    const cases: RefereeCase[] = [];
    const ours: { km2: Record<string, number>; slivers: number }[] = [];
    const failures: string[] = [];
    const attempt = (id: string, body: () => void): void => {
      try {
        body();
      } catch (error) {
        failures.push(`${id}: threw ${String(error)}`);
      }
    };

    for (const file of [...geojsonIn('deepstate'), ...geojsonIn('isw')]) {
      attempt(`union of ${file}`, () => {
        const operands = operandsOf(file);
        const result = union(operands);
        cases.push({ id: `union of ${file}`, kind: 'boolean', op: 'union', operands, ours: result });
        ours.push({ km2: { result: areaKm2(result) }, slivers: 0 });
      });
    }

    const daily = geojsonIn('deepstate-daily');
    const pairs = Math.min(daily.length - 1, DAILY_PAIRS);
    for (let i = 0; i < pairs; i += 1) {
      const [before, after] = [daily[i]!, daily[i + 1]!];
      const id = `controlChange ${before} → ${after}`;
      attempt(id, () => {
        const [a, b] = [before, after].map((f) => union(operandsOf(f))) as [MultiPolygon, MultiPolygon];
        const date = (f: string): string => f.match(/\d{4}-\d{2}-\d{2}/)![0];
        const change = controlChange([claim('before', a, date(before))], [claim('after', b, date(after))]);
        const km2: Record<string, number> = {};
        const shapes: Record<string, Geometry[]> = {};
        for (const f of change.regions.features) {
          const key = `${f.properties.from === null ? '-' : 'controlled:RU'}>${f.properties.to === null ? '-' : 'controlled:RU'}`;
          km2[key] = (km2[key] ?? 0) + f.properties.km2;
          (shapes[key] ??= []).push(f.geometry);
        }
        cases.push({ id, kind: 'map', mode: 'change', parties: [[{ geometry: a, state: 'controlled:RU' }], [{ geometry: b, state: 'controlled:RU' }]], ours: shapes });
        ours.push({ km2, slivers: change.sliversKm2 });
      });
    }

    const dates = [...new Set(geojsonIn('isw').map((f) => f.match(/\d{4}-\d{2}-\d{2}/)![0]))];
    for (const date of dates) {
      const id = `diffClaims ISW ${date}: claimed vs assessed Russian control`;
      attempt(id, () => {
        const claimed = union(operandsOf(`isw/${date}-claimed-russian-control.geojson`));
        const assessed = union(operandsOf(`isw/${date}-assessed-russian-control.geojson`));
        const diff = diffClaims([claim('claimed', claimed, date)], [claim('assessed', assessed, date)]);
        const shapes: Record<string, Geometry[]> = {};
        for (const f of diff.regions.features) (shapes[f.properties.label] ??= []).push(f.geometry);
        cases.push({ id, kind: 'map', mode: 'diff', parties: [[{ geometry: claimed, state: 'controlled:RU' }], [{ geometry: assessed, state: 'controlled:RU' }]], ours: shapes });
        ours.push({ km2: Object.fromEntries(Object.entries(diff.summary).map(([label, total]) => [label, total.km2])), slivers: diff.sliversKm2 });
      });
    }

    const built = performance.now();
    const answers = referee(cases);
    const wrong = answers.flatMap((answer, i) => disagreements(answer, ours[i]!.km2, ours[i]!.slivers));
    console.log(
      `referee: real data, ${cases.length} cases (${pairs} DeepState daily pairs of ${daily.length - 1}); ` +
        `library ${((built - started) / 1000).toFixed(1)} s, referee ${((performance.now() - built) / 1000).toFixed(1)} s`,
    );
    judge('referee: real data', answers, wrong, failures);
    expect(cases.length).toBeGreaterThan(0);
  }, REFEREE_TIMEOUT_MS);
});
