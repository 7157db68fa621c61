/**
 * The one-cell wedge, drawn at random: a lattice cell jittered outward by
 * one or two grid cells (1e-9°, 2e-9°) overlaps each neighbour in a wedge
 * whose intersection Clipper2 drops (a triangle with two corners under two
 * cells apart; docs/geometry.md, "Rules"). The overlay no longer reads that
 * empty intersection as "apart" (`mayOverlap` in src/overlay/overlay.ts):
 * controlMap cuts the wedge from the later claim, so its regions add up to
 * the union of the claims, and diffClaims counts it in `sliversKm2`, so its
 * labels and slivers add up to the frame. Both to the tight bounds of the
 * lattice (1e-8 km², 1e-9 of the frame), far below the wedge (4.1e-8 km²),
 * with no allowance for the grid: before the fix both failed.
 */
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/claims/schema.js';
import { areaKm2, controlMap, diffClaims, DIFF_LABELS, union } from '../../src/index.js';
import { cell, FRAME, GEOMETRY_RUNS, PROPERTY_TIMEOUT_MS } from './_maps.js';

interface Wedged {
  col: number;
  row: number;
  /** The neighbour: east (1, 0), north (0, 1), west (−1, 0) or south (0, −1). */
  toward: [number, number];
  jitter: number;
  /** Which of the two claims is stated later (and so wins under controlMap's precedence). */
  jitteredLater: boolean;
  side: ['UA' | 'RU', 'UA' | 'RU'];
}

const wedgedArb: fc.Arbitrary<Wedged> = fc.record({
  col: fc.integer({ min: 1, max: 2 }),
  row: fc.integer({ min: 1, max: 2 }),
  toward: fc.constantFrom<[number, number]>([1, 0], [0, 1], [-1, 0], [0, -1]),
  jitter: fc.constantFrom(1e-9, 2e-9),
  jitteredLater: fc.boolean(),
  side: fc.tuple(fc.constantFrom('UA' as const, 'RU' as const), fc.constantFrom('UA' as const, 'RU' as const)),
});

const claim = (id: string, claimant: string, day: number, side: string, geometry: Polygon): Claim =>
  ({ id, claimant, statedAt: `2025-12-0${day}`, area: { geometry }, status: 'controlled', side, basis: 'claimed' }) as unknown as Claim;

function claimsOf(w: Wedged): [Claim, Claim] {
  const jittered = claim('j', 'a', w.jitteredLater ? 2 : 1, w.side[0], cell(w.col, w.row, false, w.jitter));
  const neighbour = claim('n', 'b', w.jitteredLater ? 1 : 2, w.side[1], cell(w.col + w.toward[0], w.row + w.toward[1]));
  return [jittered, neighbour];
}

describe('a wedge one grid cell wide, at random', () => {
  it('controlMap: the regions add up to the union of the claims (none holds the wedge twice)', () => {
    fc.assert(
      fc.property(wedgedArb, (w) => {
        const claims = claimsOf(w).map((c) => ({ ...c, claimant: 'a' }) as Claim);
        const map = controlMap(claims);
        const mapped = map.features.reduce((sum, f) => sum + f.properties.km2, 0) + (map.sliversKm2 ?? 0);
        const claimed = areaKm2(union(claims.map((c) => (c.area as { geometry: Polygon }).geometry)));
        expect(Math.abs(mapped - claimed)).toBeLessThanOrEqual(1e-8);
      }),
      { numRuns: GEOMETRY_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('diffClaims: the labels and the counted slivers add up to the frame', () => {
    fc.assert(
      fc.property(wedgedArb, fc.boolean(), (w, swap) => {
        const [a, b] = claimsOf(w);
        const diff = swap ? diffClaims([b], [a], { within: FRAME }) : diffClaims([a], [b], { within: FRAME });
        const total = DIFF_LABELS.reduce((sum, label) => sum + diff.summary[label].km2, 0) + diff.sliversKm2;
        expect(Math.abs(total - areaKm2(FRAME))).toBeLessThanOrEqual(1e-9 * areaKm2(FRAME));
      }),
      { numRuns: GEOMETRY_RUNS },
    );
  }, PROPERTY_TIMEOUT_MS);
});
