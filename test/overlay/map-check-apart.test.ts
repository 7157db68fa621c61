/**
 * The map check's shortcut (`assertNoOverlap` passes over a pair of regions
 * that `relateApart` calls disjoint, without the engine) on maps whose
 * regions' boxes all overlap: parallelograms slanted by one degree, so that
 * whether two overlap is a comparison of their horizontal extents (the same
 * at every latitude), which gives the expected refusals by hand. The
 * refusals and the accepted slivers' km² are also compared with the check
 * before the shortcut (every pair whose boxes meet intersected by the
 * engine).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APART_DEGREES } from '../../src/geometry/_apart.js';
import { ContestedError } from '../../src/errors/index.js';
import { assertNoOverlap, type CheckedRegion } from '../../src/overlay/mapCheck.js';
import { boxOf, dropSlivers, intersectCropped } from '../../src/overlay/regions.js';
import type { MultiPolygon2 } from '../../src/geometry/_engine.js';

/** The lattice of the strips' edges, degrees. */
const U = 1e-4;

/**
 * How far a strip's west edge reaches past its lattice line: not at all
 * (edges shared exactly), 2e-8° (a sliver about 1.4e-8° wide where it meets
 * a strip ending on that line: accepted), a gap of half or one and a half
 * `APART_DEGREES` (left to the engine, or settled by `relateApart`).
 */
const REACH = [0, 0, 2e-8, -APART_DEGREES / 2, -APART_DEGREES * 1.5];

interface Strip {
  /** West and east edge at latitude 48 (the strip runs north-east from there). */
  west: number;
  east: number;
  /** Latitudes it spans: the whole degree, or its middle half (a region inside others). */
  south: number;
  north: number;
}

const stripArb = fc
  .record({ k: fc.integer({ min: 0, max: 60 }), w: fc.integer({ min: 1, max: 6 }), reach: fc.constantFrom(...REACH), inner: fc.boolean() })
  .map(({ k, w, reach, inner }): Strip =>
    inner
      ? { west: 30 + k * U + U / 4, east: 30 + (k + w) * U - U / 4, south: 48.25, north: 48.75 }
      : { west: 30 + k * U - reach, east: 30 + (k + w) * U, south: 48, north: 49 },
  );

/** A strip's ground: its extent at latitude 48, moved one degree east per degree north. */
function coordsOf(s: Strip): MultiPolygon2 {
  const at = (x: number, y: number): [number, number] => [x + (y - 48), y];
  return [[[at(s.west, s.south), at(s.east, s.south), at(s.east, s.north), at(s.west, s.north), at(s.west, s.south)]]];
}

const checked = (strips: readonly Strip[]): CheckedRegion[] =>
  strips.map((s, i) => {
    const coords = coordsOf(s);
    return { coords, box: boxOf(coords), path: ['map', 'features', i], id: `s${i}` };
  });

/** The refused pairs as "i,j" (the second region's index last), from the error's issues. */
function refusedBy(regions: readonly CheckedRegion[]): { refused: string[]; sliversKm2: number } {
  try {
    return { refused: [], sliversKm2: assertNoOverlap(regions, 'map') };
  } catch (error) {
    if (!(error instanceof ContestedError)) throw error;
    const refused = error.issues.map((issue) => {
      expect(issue.code).toBe('overlapping-regions');
      const j = issue.path[2] as number;
      const i = Number(/overlaps map\.features\[(\d+)\]/.exec(issue.message)![1]);
      return `${Math.min(i, j)},${Math.max(i, j)}`;
    });
    return { refused: refused.sort(), sliversKm2: Number.NaN };
  }
}

/** The check before the shortcut: every pair whose boxes meet (here every pair) intersected by the engine. */
function everyPair(regions: readonly CheckedRegion[]): { refused: string[]; sliversKm2: number } {
  const refused: string[] = [];
  let sliversKm2 = 0;
  for (let i = 0; i < regions.length; i += 1) {
    for (let j = i + 1; j < regions.length; j += 1) {
      const [a, b] = [regions[i]!, regions[j]!];
      const { kept, droppedKm2 } = dropSlivers(intersectCropped(a.coords, a.box, b.coords, b.box));
      sliversKm2 += droppedKm2;
      if (kept.length > 0) refused.push(`${i},${j}`);
    }
  }
  return { refused: refused.sort(), sliversKm2: refused.length > 0 ? Number.NaN : sliversKm2 };
}

/** Pairs that share ground wider than a sliver, by hand: their extents at one latitude overlap by more than 2e-8°. */
function byHand(strips: readonly Strip[]): string[] {
  const refused: string[] = [];
  for (let i = 0; i < strips.length; i += 1) {
    for (let j = i + 1; j < strips.length; j += 1) {
      const [a, b] = [strips[i]!, strips[j]!];
      if (Math.min(a.east, b.east) - Math.max(a.west, b.west) > 1e-6) refused.push(`${i},${j}`);
    }
  }
  return refused.sort();
}

describe('assertNoOverlap on many regions whose boxes all overlap', () => {
  it('refuses exactly the pairs that overlap (by hand and by the engine on every pair), with the same slivers', () => {
    fc.assert(
      fc.property(fc.array(stripArb, { minLength: 2, maxLength: 24 }), (strips) => {
        const regions = checked(strips);
        const got = refusedBy(regions);
        expect(got.refused).toEqual(byHand(strips));
        const reference = everyPair(regions);
        expect(got.refused).toEqual(reference.refused);
        if (got.refused.length === 0) expect(got.sliversKm2).toBe(reference.sliversKm2);
      }),
      { numRuns: 60, seed: 2026 },
    );
  });

  it('a map of 300 disjoint strips, each box meeting every other, passes; one strip widened over its neighbour is refused by that pair alone', () => {
    const strips: Strip[] = Array.from({ length: 300 }, (_, i) => ({ west: 30 + 2 * i * U, east: 30 + (2 * i + 1) * U, south: 48, north: 49 }));
    expect(assertNoOverlap(checked(strips), 'map')).toBe(0);
    strips[117] = { ...strips[117]!, east: 30 + (2 * 118 + 0.5) * U };
    expect(refusedBy(checked(strips)).refused).toEqual(['117,118']);
  });

  it('a strip sharing its edges with both neighbours, and one reaching 2e-8° over: accepted, the sliver counted', () => {
    const strips: Strip[] = [
      { west: 30, east: 30 + U, south: 48, north: 49 },
      { west: 30 + U, east: 30 + 2 * U, south: 48, north: 49 },
      { west: 30 + 2 * U - 2e-8, east: 30 + 3 * U, south: 48, north: 49 },
    ];
    const km2 = assertNoOverlap(checked(strips), 'map');
    // 2e-8° of longitude at 48.5° N (74 km per degree) along one degree of latitude (111.2 km): about 1.6e-4 km², give or take a grid cell on each side.
    const expected = 2e-8 * 111.32 * Math.cos((48.5 * Math.PI) / 180) * 111.2;
    expect(km2).toBeGreaterThan(expected * 0.85);
    expect(km2).toBeLessThan(expected * 1.15);
  });
});
