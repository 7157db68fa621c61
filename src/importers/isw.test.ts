import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { Claim } from '../claims/schema.js';
import { areaKm2, validateGeometry } from '../geometry/index.js';
import { fromIsw, type IswLayers } from './index.js';
import { thrown } from '../../test/_thrown.js';

function square(x: number, y: number, size = 1): Polygon {
  return { type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] };
}
const layer = (...geometries: (Feature['geometry'] | null)[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: geometries.map((geometry, i) => ({ type: 'Feature', id: i + 1, properties: { FID: i + 1 }, geometry: geometry as Feature['geometry'] })),
});
const geometryOf = (claim: Claim) => (claim.area as { geometry: Polygon }).geometry;

describe('fromIsw', () => {
  const layers: IswLayers = {
    assessedControl: layer(square(0, 0, 2), square(5, 5)),
    claimedControl: layer(square(2, 0)),
    assessedAdvances: layer(square(0, 2)),
    claimedCounteroffensives: layer(square(3, 3), square(3.5, 3)),
  };

  it('makes one claim per layer with the status, side and basis ISW gives it', () => {
    const claims = fromIsw(layers, { asOf: '2022-09-15' });
    expect(claims.map((c) => [c.id, c.status, c.side, c.basis])).toEqual([
      ['isw-2022-09-15-assessed-control', 'controlled', 'RU', 'assessed'],
      ['isw-2022-09-15-claimed-control', 'controlled', 'RU', 'claimed'],
      ['isw-2022-09-15-assessed-advances', 'advancing', 'RU', 'assessed'],
      ['isw-2022-09-15-claimed-counteroffensives', 'advancing', 'UA', 'claimed'],
    ]);
    for (const claim of claims) {
      expect(Claim.safeParse(claim).success).toBe(true);
      expect(validateGeometry(geometryOf(claim)).problems).toEqual([]);
      expect([claim.claimant, claim.statedAt, claim.validAt]).toEqual(['isw', '2022-09-15', '2022-09-15']);
    }
    expect(claims[0]!.properties).toMatchObject({ layer: 'assessedControl', features: [1, 2] });
  });

  it('dissolves overlapping features of one layer, counting their ground once', () => {
    const counter = fromIsw({ claimedCounteroffensives: layers.claimedCounteroffensives! }, { asOf: '2022-09-15' })[0]!;
    expect(areaKm2(geometryOf(counter))).toBeCloseTo(areaKm2({ type: 'Polygon', coordinates: [[[3, 3], [4.5, 3], [4.5, 4], [3, 4], [3, 3]]] }), 6);
  });

  it('reads counteroffensives as regained ground on request', () => {
    const [claim] = fromIsw({ claimedCounteroffensives: layers.claimedCounteroffensives! }, { asOf: '2022-09-15', counteroffensiveStatus: 'controlled' });
    expect([claim!.status, claim!.side, claim!.basis]).toEqual(['controlled', 'UA', 'claimed']);
  });

  it('repairs a self-intersecting ring and records it with the feature id', () => {
    const bowTie: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] };
    const [claim] = fromIsw({ assessedAdvances: layer(square(9, 9), bowTie) }, { asOf: '2022-04-15' });
    const repairs = claim!.properties?.['repairs'] as { code: string; feature: number; path: unknown[] }[];
    const repair = repairs.find((r) => r.code === 'resolved-self-intersection')!;
    expect([repair.feature, repair.path.slice(0, 4)]).toEqual([2, ['assessedAdvances', 'features', 1, 'geometry']]);
    expect(validateGeometry(geometryOf(claim!)).valid).toBe(true);
  });

  it('skips null geometries and empty layers', () => {
    expect(fromIsw({ claimedControl: layer(null) }, { asOf: '2022-09-15' })).toEqual([]);
    expect(fromIsw({}, { asOf: '2022-09-15' })).toEqual([]);
    expect(fromIsw({ claimedControl: layer(null, square(0, 0)) }, { asOf: '2022-09-15' })[0]!.properties?.['features']).toEqual([2]);
  });

  it('refuses wrong input with a path into it', () => {
    const point: Point = { type: 'Point', coordinates: [1, 1] };
    expect(thrown(() => fromIsw({ claimedControl: layer(square(0, 0), square(1, 1), square(2, 2), point) }, { asOf: '2022-09-15' })).issues[0]!.path).toEqual([
      'claimedControl',
      'features',
      3,
      'geometry',
      'type',
    ]);
    expect(thrown(() => fromIsw({ assessedControl: { type: 'Feature' } as unknown as FeatureCollection }, { asOf: '2022-09-15' })).issues[0]!.path).toEqual(['assessedControl']);
    expect(thrown(() => fromIsw({ russianControl: layer() } as IswLayers, { asOf: '2022-09-15' })).issues[0]!.path).toEqual(['russianControl']);
    expect(thrown(() => fromIsw(layers, { asOf: 'September' })).issues[0]!.path).toEqual(['options', 'asOf']);
  });

  it('does not mutate its input', () => {
    const before = structuredClone(layers);
    fromIsw(layers, { asOf: '2022-09-15' });
    expect(layers).toEqual(before);
  });
});
