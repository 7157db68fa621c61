import type { FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { controlChange } from '../control/controlChange.js';
import { controlMap } from '../control/controlMap.js';
import { isContestedError } from '../errors/index.js';
import { areaKm2 } from '../geometry/index.js';
import { fromGeoJSON } from '../importers/geojson.js';
import { changeByRegion } from './changeByRegion.js';
import { controlByRegion } from './controlByRegion.js';

const box = (w: number, e: number, s = 0, n = 1): Polygon => ({ type: 'Polygon', coordinates: [[[37 + w * 0.01, 48 + s * 0.01], [37 + e * 0.01, 48 + s * 0.01], [37 + e * 0.01, 48 + n * 0.01], [37 + w * 0.01, 48 + n * 0.01], [37 + w * 0.01, 48 + s * 0.01]]] });
const claims = (side: string, geometry: Polygon, at = '2025-01-01') => fromGeoJSON({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] }, { claimant: 't', status: 'controlled', side, asOf: at, idPrefix: `${side}-` });
const contested = (geometry: Polygon) => fromGeoJSON({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] }, { claimant: 't', status: 'contested', sides: ['UA', 'RU'], asOf: '2025-01-01', idPrefix: 'gray-' });
// North covers columns 0–6, South 5–10 (overlap 5–6); the map reaches to column 12, beyond both.
const regions: FeatureCollection<Polygon> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { ADM1_EN: 'North' }, geometry: box(0, 6, -1, 2) },
    { type: 'Feature', properties: { ADM1_EN: 'South' }, geometry: box(5, 10, -1, 2) },
  ],
};
const column = areaKm2(box(0, 1));

describe('controlByRegion', () => {
  it('gives each side its km² and share per region, and says how much ground is in two regions or none', () => {
    const map = controlMap([...claims('RU', box(0, 4)), ...contested(box(4, 5)), ...claims('UA', box(5, 12))]);
    const result = controlByRegion(map, regions, { nameProperty: 'ADM1_EN' });
    expect(result.rows.map((r) => [r.region, r.bySide['RU']?.km2 ?? 0, r.bySide['UA']?.km2 ?? 0, r.contestedKm2].map((v) => (typeof v === 'number' ? Number((v / column).toFixed(6)) : v)))).toEqual([
      ['North', 4, 1, 1],
      ['South', 0, 5, 0],
    ]);
    expect(result.rows[0]!.bySide['RU']!.share).toBeCloseTo((4 * column) / areaKm2(box(0, 6, -1, 2)), 9);
    expect(result.overlapKm2 / column).toBeCloseTo(1, 6);
    expect(result.unassignedKm2 / column).toBeCloseTo(2, 6);
    const rowsKm2 = result.rows.reduce((s, r) => s + Object.values(r.bySide).reduce((t, h) => t + h.km2, 0) + r.contestedKm2, 0);
    expect(rowsKm2 - result.overlapKm2 + result.unassignedKm2).toBeCloseTo(12 * column, 6);
  });

  it('refuses a region without a name, with the path to the property', () => {
    const unnamed = { ...regions, features: [regions.features[0]!, { ...regions.features[1]!, properties: { name: 'x' } }] };
    try {
      controlByRegion(controlMap(claims('RU', box(0, 1))), unnamed, { nameProperty: 'ADM1_EN' });
      expect.unreachable();
    } catch (error) {
      expect(isContestedError(error) && error.issues[0]!.path).toEqual(['regions', 'features', 1, 'properties', 'ADM1_EN']);
    }
  });
});

describe('changeByRegion', () => {
  it('splits gains and losses by region with the rule of controlChange', () => {
    const before = controlMap([...claims('RU', box(0, 3)), ...claims('UA', box(3, 12))]);
    const after = controlMap([...claims('RU', box(0, 8)), ...claims('UA', box(8, 12))]);
    const result = changeByRegion(controlChange(before, after), regions, { nameProperty: 'ADM1_EN' });
    expect(result.rows.map((r) => [r.region, r.bySide['RU']!.gainedKm2 / column, r.bySide['UA']!.lostKm2 / column])).toEqual([
      ['North', expect.closeTo(3, 6), expect.closeTo(3, 6)],
      ['South', expect.closeTo(3, 6), expect.closeTo(3, 6)],
    ]);
    expect(result.overlapKm2 / column).toBeCloseTo(1, 6);
    expect(result.unassignedKm2).toBeCloseTo(0, 9);
  });
});

describe('controlByRegion as a choropleth', () => {
  it('colours each region by the side holding most of it, more opaque with a larger share, and toSvg draws it', async () => {
    const { toSvg } = await import('../output/svg.js');
    const map = controlMap([...claims('RU', box(0, 5)), ...claims('UA', box(5, 12))]);
    const result = controlByRegion(map, regions, { nameProperty: 'ADM1_EN' });
    const [north, south] = result.regions.features.map((f) => f.properties);
    expect([north!.region, north!.side, south!.side]).toEqual(['North', 'RU', 'UA']);
    expect(north!.share).toBeCloseTo(result.rows[0]!.bySide['RU']!.share, 12);
    expect(north!['fill-opacity']).toBeCloseTo(0.08 + 0.8 * north!.share, 3);
    expect(north!.fill).toBe('#c0392b');
    const svg = toSvg(result.regions);
    expect(svg).toContain('North: RU');
    expect(svg).toContain('South: UA');
  });
});
