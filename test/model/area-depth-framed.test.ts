/**
 * An inline claim area cut to a frame is read by its own short path (one
 * engine run reads and cuts it): it must refuse what `resolve` refuses, in
 * the same words, so a frame changes no error. The independent check review
 * of that path found an area with a `geometry` and, beside it, a `union`
 * nested past the limit (or naming itself) refused without a frame and
 * accepted with one.
 */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { controlMap } from '../../src/control/index.js';
import type { Claim } from '../../src/claims/schema.js';
import { MAX_AREA_DEPTH } from '../../src/places/areaRef.js';
import { thrown } from '../_thrown.js';

const square: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]] };
const frame: Polygon = { type: 'Polygon', coordinates: [[[0.2, 0.2], [0.8, 0.2], [0.8, 0.8], [0.2, 0.8], [0.2, 0.2]]] };

const claimOf = (area: unknown): Claim => ({ id: 'c1', claimant: 'k', status: 'controlled', side: 'RU', statedAt: '2024-01-01', area }) as unknown as Claim;

function nested(levels: number): unknown {
  let deep: unknown = 'nowhere';
  for (let i = 0; i < levels; i++) deep = { union: [deep] };
  return deep;
}

describe('an inline claim area read with a frame', () => {
  const circular: { geometry: Polygon; union: unknown[] } = { geometry: square, union: [] };
  circular.union.push(circular);
  const cases: [string, unknown][] = [
    [`a union beside the geometry, ${MAX_AREA_DEPTH + 16} deep`, { geometry: square, union: [nested(MAX_AREA_DEPTH + 16)] }],
    ['a union beside the geometry naming the area itself', circular],
  ];
  for (const [what, area] of cases) {
    it(`refuses ${what} as it does without a frame`, () => {
      const plain = thrown(() => controlMap([claimOf(area)], { places: [] }));
      const framed = thrown(() => controlMap([claimOf(area)], { places: [], within: frame }));
      expect(plain.code).toBe('limit-exceeded');
      expect(framed.code).toBe(plain.code);
      expect(framed.issues).toEqual(plain.issues);
      expect(framed.issues[0]).toMatchObject({ code: 'too-deep', path: [0, 'area'] });
    });
  }

  it('reads the plain geometry the same with and without the short path', () => {
    const framed = controlMap([claimOf({ geometry: square })], { places: [], within: frame });
    expect(framed.features).toHaveLength(1);
    // The frame is 0.6° square at the equator: its km² by the library's own measure of the frame alone.
    const frameOnly = controlMap([claimOf({ geometry: frame })], { places: [] });
    expect(framed.features[0]!.properties.km2).toBeCloseTo(frameOnly.features[0]!.properties.km2, 9);
  });
});
