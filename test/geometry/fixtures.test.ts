/**
 * Turf-style fixture tests: every `test/fixtures/<function>/in/*.geojson`
 * is run through the function and compared with `out/*.geojson`. The
 * outputs carry simplestyle colours (inputs grey, results coloured), so a
 * person can open them in geojson.io and see they are right. A missing
 * output fails; regenerate with `REGEN=1 npx vitest run
 * test/geometry/fixtures.test.ts`, which writes an overlay's output only
 * when the GEOS referee (test/referee) agrees with it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, difference, intersection, normalizeGeometry, splitByLine, union, validateGeometry } from '../../src/geometry/index.js';
import { golden } from '../fixtures/_golden.js';
import { describeDisagreements, disagreements, referee, refereeMissing, type RefereeCase } from '../referee/_geos.js';

/** The referee's case for an overlay fixture's output; `undefined` for functions it does not judge. */
function refereeCase(name: string, input: Feature[], results: Feature[]): RefereeCase | undefined {
  const areas = input.filter((f) => f.geometry.type !== 'LineString').map((f) => f.geometry);
  if (name === 'union' || name === 'intersection' || name === 'difference') {
    return { id: name, kind: 'boolean', op: name, operands: areas, ours: results[0]!.geometry };
  }
  if (name === 'splitByLine') {
    const line = input.find((f) => f.geometry.type === 'LineString')!.geometry as LineString;
    return { id: name, kind: 'split', area: areas[0]!, line: line.coordinates, ours: { left: results[0]!.geometry, right: results[1]!.geometry } };
  }
  return undefined;
}

/** Under REGEN=1: refuses to write a golden the GEOS referee disagrees with. */
function refereeAccepts(name: string, file: string, input: Feature[], results: Feature[]): void {
  const c = refereeCase(name, input, results);
  if (c === undefined) return;
  const missing = refereeMissing();
  if (missing !== null) throw new Error(`REGEN=1 needs the GEOS referee to accept ${name}/${file}: ${missing}`);
  const [answer] = referee([c]);
  const ours = c.kind === 'split' ? { left: areaKm2(results[0]!), right: areaKm2(results[1]!) } : { result: areaKm2(results[0]!) };
  const wrong = disagreements(answer!, ours);
  if (wrong.length > 0) throw new Error(`not writing ${name}/out/${file}: GEOS disagrees\n${describeDisagreements(wrong)}`);
}

const root = new URL('../fixtures/', import.meta.url);
const COMMAND = 'npx vitest run test/geometry/fixtures.test.ts';

type Area = Feature<Polygon | MultiPolygon>;
const styled = (geometry: Geometry, name: string, colour: string): Feature => ({
  type: 'Feature',
  properties: { name, stroke: colour, 'stroke-width': 2, fill: colour, 'fill-opacity': 0.5 },
  geometry,
});
const asInput = (feature: Feature): Feature => ({
  ...feature,
  properties: { ...feature.properties, stroke: '#555555', 'stroke-width': 1, fill: '#999999', 'fill-opacity': 0.1 },
});

/** Each function's fixture runner: input features → result features, checked on the way. */
const runners: Record<string, (features: Feature[]) => Feature[]> = {
  union: (features) => {
    const result = union(features as Area[]);
    expect(areaKm2(result)).toBeGreaterThanOrEqual(Math.max(...features.map((f) => areaKm2(f))) * (1 - 1e-12));
    return [styled(result, 'union', '#2a9d8f')];
  },
  intersection: (features) => {
    const result = intersection(features as Area[]);
    expect(areaKm2(result)).toBeLessThanOrEqual(Math.min(...features.map((f) => areaKm2(f))) * (1 + 1e-12));
    return [styled(result, 'intersection', '#e76f51')];
  },
  difference: ([first, ...rest]) => {
    const result = difference(first as Area, rest as Area[]);
    const removed = intersection(first as Area, union(rest as Area[]));
    // Both parts lie on the engine's 1e-9° grid: they add up to the area to 1e-8 of it.
    expect(Math.abs(areaKm2(result) + areaKm2(removed) - areaKm2(first!)) / areaKm2(first!)).toBeLessThan(1e-8);
    return [styled(result, 'difference', '#264653')];
  },
  splitByLine: (features) => {
    const area = features.find((f) => f.geometry.type !== 'LineString') as Area;
    const line = features.find((f) => f.geometry.type === 'LineString') as Feature<LineString>;
    const { left, right } = splitByLine(area, line);
    const total = areaKm2(area);
    expect(Math.abs(areaKm2(left) + areaKm2(right) - total) / total).toBeLessThan(1e-9);
    return [styled(left, 'left', '#1f77b4'), styled(right, 'right', '#ff7f0e')];
  },
  normalizeGeometry: (features) => {
    const { geometry, repairs } = normalizeGeometry(features[0]!.geometry);
    expect(repairs.length).toBeGreaterThan(0);
    expect(validateGeometry(geometry).problems).toEqual([]);
    return [{ ...styled(geometry, 'normalized', '#2ca02c'), properties: { ...styled(geometry, 'normalized', '#2ca02c').properties, repairs: repairs.map((r) => r.code) } }];
  },
};

for (const [name, run] of Object.entries(runners)) {
  const inDir = new URL(`${name}/in/`, root);
  const outDir = new URL(`${name}/out/`, root);
  describe(`${name} fixtures`, () => {
    for (const file of readdirSync(inDir).filter((f) => f.endsWith('.geojson')).sort()) {
      it(file.replace('.geojson', ''), () => {
        const input = JSON.parse(readFileSync(new URL(file, inDir), 'utf8')) as FeatureCollection;
        const results = run(input.features);
        for (const result of results) {
          if (result.geometry.type === 'MultiPolygon') {
            expect(validateGeometry(result.geometry).problems.filter((p) => p.severity === 'error')).toEqual([]);
          }
        }
        const output: FeatureCollection = { type: 'FeatureCollection', features: [...input.features.map(asInput), ...results] };
        const stored = golden(new URL(file, outDir), `${JSON.stringify(output)}\n`, COMMAND, () => refereeAccepts(name, file, input.features, results));
        expect(output).toEqual(JSON.parse(stored));
      });
    }
  });
}
