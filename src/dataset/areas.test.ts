import { describe, expect, it } from 'vitest';
import { safeParseDataset } from './parse.js';

const base = {
  sides: [{ id: 'UA', name: 'Ukraine' }],
  actors: [{ id: 'x', name: 'X', kind: 'other' }],
  places: [
    { id: 'town', name: 'Town', kind: 'settlement', geometry: { type: 'Polygon', coordinates: [[[37, 48], [37.1, 48], [37.1, 48.1], [37, 48.1], [37, 48]]] } },
    { id: 'far-road', name: 'Far road', kind: 'road', geometry: { type: 'LineString', coordinates: [[38, 49], [38.2, 49.1]] } },
    { id: 'well', name: 'Well', kind: 'site', geometry: { type: 'Point', coordinates: [37.05, 48.05] } },
  ],
};
const claim = (area: unknown) => ({ id: 'c', claimant: 'x', statedAt: '2025-12-01', area, status: 'controlled', side: 'UA', basis: 'claimed' });
const problems = (area: unknown) => {
  const result = safeParseDataset({ ...base, claims: [claim(area)] });
  return result.success ? [] : result.error.issues.map((i) => ({ code: i.code, path: i.path.join('.'), message: i.message }));
};

describe('every area expression of a dataset resolves to ground', () => {
  it('accepts areas that resolve', () => {
    expect(problems('town')).toEqual([]);
    expect(problems({ difference: { area: 'town', minus: { geometry: { type: 'Polygon', coordinates: [[[37, 48], [37.05, 48], [37.05, 48.05], [37, 48]]] } } } })).toEqual([]);
  });

  it('refuses a split line that misses its area, where it is', () => {
    expect(problems({ split: { area: 'town', line: 'far-road', keep: 'north' } })).toMatchInlineSnapshot(`
      [
        {
          "code": "line-misses-area",
          "message": "the split line does not cross the area: it neither touches its boundary nor runs inside it",
          "path": "claims.0.area.split.line",
        },
      ]
    `);
  });

  it('refuses a point place used as an area', () => {
    expect(problems('well')).toMatchInlineSnapshot(`
      [
        {
          "code": "wrong-place-kind",
          "message": "place "well" is a Point, not an area (Polygon or MultiPolygon)",
          "path": "claims.0.area",
        },
      ]
    `);
  });

  it('refuses an inline polygon whose edge crosses the antimeridian', () => {
    const result = safeParseDataset({ ...base, claims: [claim({ geometry: { type: 'Polygon', coordinates: [[[179, 60], [-179, 60], [-179, 61], [179, 61], [179, 60]]] } })] });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.code).toBe('invalid-dataset');
      expect(result.error.issues[0]?.code).toBe('antimeridian-crossing');
      expect(result.error.issues[0]?.path.slice(0, 5)).toEqual(['claims', 0, 'area', 'geometry', 'coordinates']);
    }
  });
});

describe('one pass reports schema, integrity and area problems together', () => {
  it('reports a bad area alongside a schema problem and a dangling reference', () => {
    const result = safeParseDataset({
      ...base,
      claims: [
        claim({ split: { area: 'town', line: 'far-road', keep: 'north' } }),
        { ...claim('town'), id: 'c2', status: 'held' },
        { ...claim('nowhere'), id: 'c3' },
      ],
    });
    expect(result.success).toBe(false);
    const codes = result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`);
    expect(codes).toContain('claims.0.area.split.line: line-misses-area');
    expect(codes.some((c) => c.startsWith('claims.1.status'))).toBe(true);
    // The unknown place is reported once, by the integrity check, not again by the area check.
    expect(codes.filter((c) => c.startsWith('claims.2.area'))).toHaveLength(1);
  });
});
