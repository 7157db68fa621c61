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

  it('refuses a split line that misses its area where its extension cuts the area (ambiguous), where it is', () => {
    // A road north of the town running north–south, whose extension south cuts the town in two.
    const road = { id: 'north-road', name: 'North road', kind: 'road', geometry: { type: 'LineString', coordinates: [[37.05, 49.1], [37.05, 49]] } };
    const result = safeParseDataset({ ...base, places: [...base.places, road], claims: [claim({ split: { area: 'town', line: 'north-road', keep: 'east' } })] });
    expect(result.success ? [] : result.error.issues.map((i) => ({ code: i.code, path: i.path.join('.'), message: i.message }))).toMatchInlineSnapshot(`
      [
        {
          "code": "line-misses-area",
          "message": "the split line does not reach the area, and the line extended straight from its ends cuts through it, so which part is meant is ambiguous: extend the line across the area",
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

describe('warnings in the parse result', () => {
  const warnings = (claims: unknown[]) => {
    const result = safeParseDataset({ ...base, claims });
    if (!result.success) throw result.error;
    return result.warnings ?? [];
  };
  it('warns of a claim whose area resolves to no ground, at its path', () => {
    const apart = { intersection: ['town', { geometry: { type: 'Polygon', coordinates: [[[38, 49], [38.1, 49], [38.1, 49.1], [38, 49]]] } }] };
    expect(warnings([claim(apart)])).toMatchInlineSnapshot(`
      [
        {
          "code": "empty-area",
          "message": "this claim's area resolves to no ground (an intersection of places that do not overlap, or a side of a line the area lies wholly beyond), so it appears on no map: check the expression, or drop the claim",
          "path": [
            "claims",
            0,
            "area",
          ],
        },
      ]
    `);
    expect(warnings([claim('town')])).toEqual([]);
  });
  it('keeps the side of a line for a town wholly on one side of the line extended, all of it or none', () => {
    // far-road runs (38, 49) → (38.2, 49.1); extended west it passes 48.525° N at 37.05° E: the town lies south of it.
    expect(warnings([claim({ split: { area: 'town', line: 'far-road', keep: 'south' } })])).toEqual([]);
    expect(warnings([claim({ split: { area: 'town', line: 'far-road', keep: 'north' } })]).map((w) => [w.code, w.path.join('.')])).toEqual([['empty-area', 'claims.0.area']]);
  });
  it('warns of a contested claim that names a side', () => {
    expect(warnings([{ ...claim('town'), status: 'contested', side: 'UA' }])).toMatchInlineSnapshot(`
      [
        {
          "code": "side-on-contested",
          "message": "a contested claim is about no one side, so "side" ("UA") is ignored: name the sides fighting over the ground in "sides", or make the claim controlled or advancing",
          "path": [
            "claims",
            0,
            "side",
          ],
        },
      ]
    `);
  });
});
