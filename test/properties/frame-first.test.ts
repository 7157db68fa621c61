/**
 * The frame first (issue 12): an area resolved only near a frame's box
 * (`AreaResolver` with `crop`, as `controlMap`, `diffClaims` and
 * `compareClaimants` resolve claims when `within` is given) must be, inside
 * the frame, the very ground the whole area is, cut late. Checked on random
 * area expressions — unions, intersections, differences and splits over
 * places and inline geometries, valid and not (bow-ties, overlapping parts,
 * holes) — and random frames, as the area of the symmetric difference of
 * the two results inside the frame; the same for whole control maps. And
 * the early cut must fail exactly where the whole resolution fails.
 */
import fc from 'fast-check';
import type { LineString, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, controlMap, difference, intersection, perimeterM, resolveArea, union, type AreaRef, type Claim, type Place } from '../../src/index.js';
import { AreaResolver } from '../../src/places/_resolveAt.js';
import { areaCoordinates } from '../../src/geometry/boolean.js';
import { boxOf } from '../../src/overlay/regions.js';
import { ContestedError } from '../../src/errors/index.js';
import { RUNS } from './_maps.js';

const ORIGIN = [37.1, 48.25] as const;
const CELL = 0.01;
const N = 6;
const at = (col: number, row: number): [number, number] => [ORIGIN[0] + col * CELL, ORIGIN[1] + row * CELL];

function rect(col: number, row: number, width: number, height: number): Polygon {
  const [w, s] = at(col, row);
  const [e, n] = at(col + width, row + height);
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}

/** Shapes of every kind an area can be: plain, holed, a bow-tie (read even–odd), overlapping parts, a free quadrilateral. */
const shapeArb: fc.Arbitrary<Polygon | MultiPolygon> = fc.oneof(
  fc.record({ col: fc.integer({ min: 0, max: N - 1 }), row: fc.integer({ min: 0, max: N - 1 }), w: fc.integer({ min: 1, max: N }), h: fc.integer({ min: 1, max: N }) }).map(({ col, row, w, h }) => rect(col, row, w, h)),
  fc.record({ col: fc.integer({ min: 0, max: N - 3 }), row: fc.integer({ min: 0, max: N - 3 }), w: fc.integer({ min: 3, max: N }), h: fc.integer({ min: 3, max: N }) }).map(({ col, row, w, h }): Polygon => {
    const outer = rect(col, row, w, h).coordinates[0]!;
    const hole = rect(col + 1, row + 1, w - 2, h - 2).coordinates[0]!.slice().reverse();
    return { type: 'Polygon', coordinates: [outer, hole] };
  }),
  fc.record({ col: fc.integer({ min: 0, max: N - 2 }), row: fc.integer({ min: 0, max: N - 2 }), s: fc.integer({ min: 1, max: 3 }) }).map(({ col, row, s }): Polygon => ({
    type: 'Polygon',
    coordinates: [[at(col, row), at(col + s, row + s), at(col + s, row), at(col, row + s), at(col, row)]],
  })),
  fc.tuple(fc.integer({ min: 0, max: N - 2 }), fc.integer({ min: 0, max: N - 2 }), fc.integer({ min: 1, max: 2 })).map(([col, row, d]): MultiPolygon => ({
    type: 'MultiPolygon',
    coordinates: [rect(col, row, 2, 2).coordinates, rect(col + d - 1 + 0.5, row + 0.5, 2, 2).coordinates],
  })),
  fc.array(fc.tuple(fc.double({ min: -0.5, max: N + 0.5, noNaN: true }), fc.double({ min: -0.5, max: N + 0.5, noNaN: true })), { minLength: 3, maxLength: 6 }).map((points): Polygon => {
    const ring = points.map(([c, r]) => at(c, r));
    return { type: 'Polygon', coordinates: [[...ring, ring[0]!]] };
  }),
);

const PLACE_IDS = ['p0', 'p1', 'p2', 'p3'];

/** A line across the lattice, west to east, wiggling: what splits cut along. */
const lineArb: fc.Arbitrary<LineString> = fc.array(fc.double({ min: 0.5, max: N - 0.5, noNaN: true }), { minLength: 2, maxLength: 4 }).map((rows) => ({
  type: 'LineString',
  coordinates: rows.map((r, i) => at(-1 + ((N + 2) * i) / (rows.length - 1), r)),
}));

const exprArb: fc.Arbitrary<AreaRef> = fc.letrec<{ expr: AreaRef }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...PLACE_IDS),
    shapeArb.map((geometry) => ({ geometry }) as AreaRef),
    fc.array(tie('expr'), { minLength: 2, maxLength: 3 }).map((areas): AreaRef => ({ union: areas })),
    fc.array(tie('expr'), { minLength: 2, maxLength: 2 }).map((areas): AreaRef => ({ intersection: areas })),
    fc.tuple(tie('expr'), tie('expr')).map(([area, minus]): AreaRef => ({ difference: { area, minus } })),
    fc.tuple(tie('expr'), fc.constantFrom('north' as const, 'south' as const)).map(([area, keep]): AreaRef => ({ split: { area, line: 'line', keep } })),
  ),
})).expr;

const frameArb: fc.Arbitrary<Polygon> = fc.oneof(
  fc.record({ col: fc.double({ min: -0.5, max: N - 1, noNaN: true }), row: fc.double({ min: -0.5, max: N - 1, noNaN: true }), w: fc.double({ min: 0.3, max: N, noNaN: true }), h: fc.double({ min: 0.3, max: N, noNaN: true }) }).map(({ col, row, w, h }) => rect(col, row, w, h)),
  fc.tuple(fc.integer({ min: 0, max: N - 2 }), fc.integer({ min: 0, max: N - 2 }), fc.integer({ min: 1, max: 3 })).map(([col, row, s]): Polygon => ({
    type: 'Polygon',
    coordinates: [[at(col, row), at(col + s, row), at(col, row + s), at(col, row)]],
  })),
);

const placesArb: fc.Arbitrary<Place[]> = fc.tuple(fc.array(shapeArb, { minLength: PLACE_IDS.length, maxLength: PLACE_IDS.length }), lineArb).map(([shapes, line]) => [
  ...shapes.map((geometry, i) => ({ id: PLACE_IDS[i]!, name: PLACE_IDS[i]!, kind: 'area', geometry }) as unknown as Place),
  { id: 'line', name: 'line', kind: 'line', geometry: line } as unknown as Place,
]);

/** The error code a resolution throws, or the ground it returns. */
function attempt<T>(run: () => T): { value: T } | { code: string } {
  try {
    return { value: run() };
  } catch (error) {
    if (!(error instanceof ContestedError)) throw error;
    return { code: error.code };
  }
}

/**
 * How far two results inside the frame may differ, km²: the engine rounds
 * each vertex to its 1e-9° grid (0.11 mm), so a boundary computed two ways
 * may move by a cell along its length — the referee's own allowance
 * (test/referee/_geos.ts) — and nothing beyond it.
 */
function allowance(...shapes: MultiPolygon[]): number {
  const boundaryKm = shapes.reduce((sum, g) => sum + perimeterM(g) / 1000, 0);
  return 1e-8 + 1.1e-7 * boundaryKm;
}

function symmetricDifferenceKm2(a: MultiPolygon, b: MultiPolygon): number {
  return areaKm2(difference(a, b)) + areaKm2(difference(b, a));
}

describe('the frame first', () => {
  it('resolves any area expression, inside the frame, to the ground of the whole area cut late, and fails where it fails', () => {
    fc.assert(
      fc.property(placesArb, exprArb, frameArb, (places, expr, frame) => {
        const dataset = { places };
        const box = boxOf(areaCoordinates(frame));
        const whole = attempt(() => resolveArea(dataset, expr));
        const early = attempt(() => new AreaResolver(dataset, box).resolve(expr, []));
        if ('code' in whole || 'code' in early) {
          expect('code' in early ? early.code : 'no error').toBe('code' in whole ? whole.code : 'no error');
          return;
        }
        const late = intersection(whole.value, frame);
        const first = intersection(early.value, frame);
        expect(symmetricDifferenceKm2(first, late)).toBeLessThanOrEqual(allowance(first, late));
        // Nothing of the early result lies outside the padded box.
        const pad = 2e-6;
        const padded: Polygon = { type: 'Polygon', coordinates: [[[box[0] - pad, box[1] - pad], [box[2] + pad, box[1] - pad], [box[2] + pad, box[3] + pad], [box[0] - pad, box[3] + pad], [box[0] - pad, box[1] - pad]]] };
        expect(areaKm2(difference(early.value, padded))).toBe(0);
      }),
      { numRuns: Math.max(50, Math.floor(RUNS / 4)) },
    );
  });

  it('makes control maps inside the frame that are the whole maps cut late, state by state', () => {
    const claimArb = fc.record({
      area: exprArb,
      status: fc.constantFrom('controlled' as const, 'contested' as const, 'advancing' as const),
      side: fc.constantFrom('UA', 'RU'),
      day: fc.constantFrom(1, 2, 2, 3),
    });
    fc.assert(
      fc.property(placesArb, fc.array(claimArb, { minLength: 1, maxLength: 4 }), frameArb, (places, drawn, frame) => {
        const claims = drawn.map((d, i) => ({
          id: `c${i}`,
          claimant: 'a',
          statedAt: `2025-12-0${d.day}`,
          area: d.area,
          status: d.status,
          ...(d.status === 'contested' ? {} : { side: d.side }),
        })) as unknown as Claim[];
        const wholeMap = attempt(() => controlMap(claims, { places }));
        const framed = attempt(() => controlMap(claims, { places, within: frame }));
        if ('code' in wholeMap || 'code' in framed) {
          expect('code' in framed ? framed.code : 'no error').toBe('code' in wholeMap ? wholeMap.code : 'no error');
          return;
        }
        const key = (p: { status: string; side?: string }): string => `${p.status}:${p.side ?? ''}`;
        const keys = new Set([...wholeMap.value.features, ...framed.value.features].map((f) => key(f.properties)));
        for (const k of keys) {
          const late = intersection(union(wholeMap.value.features.filter((f) => key(f.properties) === k).map((f) => f.geometry)), frame);
          const first = union(framed.value.features.filter((f) => key(f.properties) === k).map((f) => f.geometry));
          expect(symmetricDifferenceKm2(first, late)).toBeLessThanOrEqual(allowance(first, late) + (wholeMap.value.sliversKm2 ?? 0) + (framed.value.sliversKm2 ?? 0));
        }
      }),
      { numRuns: Math.max(50, Math.floor(RUNS / 4)) },
    );
  });
});
