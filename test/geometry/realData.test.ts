/**
 * Real third-party data in ../shared/data (DeepState, ISW, OCHA, Ukraine):
 * every file loads, validates and normalizes without an exception, and the
 * three self-intersecting ISW 2022 features are found and repaired. The
 * data is read in place, never copied; the suite skips with a note when
 * the folder is absent (a failure under CI=true).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Feature, FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, normalizeGeometry, validateGeometry } from '../../src/geometry/index.js';
import { dataDir, hasData } from '../real-data/_data.js';

const present = hasData('geometry: real data');

const files = present
  ? readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.geojson')).sort()
  : [];
const read = (file: string): FeatureCollection => JSON.parse(readFileSync(`${dataDir}/${file}`, 'utf8')) as FeatureCollection;

describe.skipIf(!present)('real data under ../shared/data', () => {
  it.each(files)('%s validates and normalizes', (file) => {
    const collection = read(file);
    const before = validateGeometry(collection);
    const { geometry } = normalizeGeometry(collection);
    const after = validateGeometry(geometry);
    expect(after.problems).toEqual([]);
    // Repair changes almost no ground: only the invalid features move at all.
    const area = areaKm2(collection);
    if (area > 0 && before.valid) expect(Math.abs(areaKm2(geometry) - area) / area).toBeLessThan(1e-12);
  });

  const invalid: [string, number, [number, number]][] = [
    ['isw/2022-04-15-assessed-russian-control.geojson', 168, [34.93, 45.832]],
    ['isw/2022-04-15-assessed-russian-advances.geojson', 386, [38.507, 49.028]],
    ['isw/2022-11-15-claimed-ukrainian-counteroffensives.geojson', 7, [38.276, 48.793]],
  ];
  it.each(invalid)('%s: feature %i self-intersects near %j, and is repaired', (file, id, near) => {
    const collection = read(file);
    const index = collection.features.findIndex((f: Feature) => f.id === id);
    const { problems } = validateGeometry(collection);
    const errors = problems.filter((p) => p.severity === 'error');
    expect(errors.map((p) => [p.code, p.path[1]])).toEqual([['self-intersection', index]]);
    expect(errors[0]!.at![0]).toBeCloseTo(near[0], 2);
    expect(errors[0]!.at![1]).toBeCloseTo(near[1], 2);
    const { geometry, repairs } = normalizeGeometry(collection.features[index]!);
    expect(repairs.map((r) => r.code)).toContain('resolved-self-intersection');
    expect(validateGeometry(geometry).valid).toBe(true);
  });

  it('every other ISW feature is valid', () => {
    const others = files.filter((f) => f.startsWith('isw/') && !invalid.some(([name]) => name === f));
    for (const file of others) expect(validateGeometry(read(file)).valid).toBe(true);
  });
});
