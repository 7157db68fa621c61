import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { Claim } from '../claims/schema.js';
import { validateGeometry } from '../geometry/index.js';
import { fromGeoJSON } from './index.js';
import { thrown } from '../../test/_thrown.js';

function square(x: number, y: number, size = 1, z?: number): Polygon {
  const p = (a: number, b: number): number[] => (z === undefined ? [a, b] : [a, b, z]);
  return { type: 'Polygon', coordinates: [[p(x, y), p(x + size, y), p(x + size, y + size), p(x, y + size), p(x, y)]] };
}
const captured: FeatureCollection<Polygon | null> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'hryshyne', properties: { name: 'Hryshyne' }, geometry: square(0, 0) },
    { type: 'Feature', properties: null, geometry: null },
    { type: 'Feature', properties: { name: 'Rodynske' }, geometry: square(1, 0, 1, 200) },
  ],
};
const sound = (claims: Claim[]): boolean => claims.every((c) => Claim.safeParse(c).success && validateGeometry((c.area as { geometry: Polygon }).geometry).problems.length === 0);

describe('fromGeoJSON', () => {
  it('makes one claim per feature, keeping its id and properties', () => {
    const claims = fromGeoJSON(captured, { claimant: 'ru-mod', status: 'controlled', side: 'RU', asOf: '2025-12-01' });
    expect(claims.map((c) => [c.id, c.status, c.side, c.basis, c.properties?.['featureId'], c.properties?.['featureProperties']])).toEqual([
      ['ru-mod-2025-12-01-0', 'controlled', 'RU', 'claimed', 'hryshyne', { name: 'Hryshyne' }],
      ['ru-mod-2025-12-01-2', 'controlled', 'RU', 'claimed', undefined, { name: 'Rodynske' }],
    ]);
    expect(claims[1]!.properties?.['droppedZ']).toBe(true);
    expect(sound(claims)).toBe(true);
  });

  it('dissolves into one claim on request', () => {
    const claims = fromGeoJSON(captured, { claimant: 'tracker', status: 'advancing', side: 'RU', basis: 'assessed', asOf: '2025-12-01', idPrefix: 't-', dissolve: true });
    expect(claims.map((c) => [c.id, c.status, c.basis, c.properties?.['features']])).toEqual([['t-all', 'advancing', 'assessed', [0, 2]]]);
    expect((claims[0]!.area as { geometry: Polygon }).geometry.coordinates).toHaveLength(1);
    expect(sound(claims)).toBe(true);
  });

  it('makes contested claims with sides', () => {
    const [claim] = fromGeoJSON(captured, { claimant: 'x', status: 'contested', sides: ['UA', 'RU'], asOf: '2025-12' });
    expect([claim!.status, claim!.sides, claim!.side]).toEqual(['contested', ['UA', 'RU'], undefined]);
    expect(sound([claim!])).toBe(true);
  });

  it('returns [] for an empty collection', () => {
    expect(fromGeoJSON({ type: 'FeatureCollection', features: [] }, { claimant: 'x', status: 'controlled', side: 'UA', asOf: '2025' })).toEqual([]);
  });

  it('refuses options that make no valid claim, and geometry that is no area', () => {
    const base = { claimant: 'x', asOf: '2025-12-01' } as const;
    expect(thrown(() => fromGeoJSON(captured, { ...base, status: 'controlled' })).issues.map((i) => i.path)).toEqual([['options', 'side']]);
    expect(thrown(() => fromGeoJSON(captured, { ...base, status: 'controlled', side: 'RU', sides: ['UA', 'RU'] })).issues.map((i) => i.path)).toEqual([['options', 'sides']]);
    expect(thrown(() => fromGeoJSON(captured, { ...base, status: 'contested', side: 'RU' })).issues.map((i) => i.path)).toEqual([['options', 'side']]);
    expect(thrown(() => fromGeoJSON(captured, { ...base, status: 'held' as 'controlled', side: 'RU' })).issues[0]!.path).toEqual(['options', 'status']);
    const line: Feature = { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[0, 0], [1, 1]] } };
    const error = thrown(() => fromGeoJSON({ ...captured, features: [...captured.features, line] }, { ...base, status: 'controlled', side: 'RU' }));
    expect([error.code, error.issues[0]!.path]).toEqual(['invalid-input', ['features', 3, 'geometry', 'type']]);
  });

  it('does not mutate its input', () => {
    const before = structuredClone(captured);
    fromGeoJSON(captured, { claimant: 'x', status: 'controlled', side: 'RU', asOf: '2025-12-01' });
    expect(captured).toEqual(before);
  });
});
