/**
 * Turf-style fixture tests: every `test/fixtures/<function>/in/*.geojson`
 * is run through the function and compared with `out/*.geojson`. The
 * outputs carry simplestyle colours (inputs grey, results coloured), so a
 * person can open them in geojson.io and see they are right. Regenerate
 * with `REGEN=1 npx vitest run test/geometry/fixtures.test.ts`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, difference, intersection, normalizeGeometry, splitByLine, union, validateGeometry } from '../../src/geometry/index.js';

const root = new URL('../fixtures/', import.meta.url);
const REGEN = process.env['REGEN'] === '1';

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
        const outFile = new URL(file, outDir);
        if (REGEN || !existsSync(outFile)) {
          mkdirSync(outDir, { recursive: true });
          writeFileSync(outFile, `${JSON.stringify(output)}\n`);
        }
        expect(output).toEqual(JSON.parse(readFileSync(outFile, 'utf8')));
      });
    }
  });
}
