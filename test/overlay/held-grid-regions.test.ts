/**
 * `controlByRegion` holds one grid for the map and the regions, and counts
 * ground in no region by the engine (review R2 of the per-run grid): a map
 * made on a finer grid than the regions' run was rounded by each run, and
 * the piece's own area less what lay inside read that rounding as
 * `unassignedKm2` (16 of 40 such maps, 0 before the per-run grid).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlByRegion, controlMap } from '../../src/index.js';
import type { Claim } from '../../src/index.js';

const square = (x0: number, y0: number, x1: number, y1: number, name: string) => ({
  type: 'Feature' as const,
  properties: { name },
  geometry: { type: 'Polygon' as const, coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] },
});

describe('controlByRegion: a map wholly inside the regions has no unassigned ground', () => {
  // Two adjacent squares 0.0123° across, and blobs 0.008° across inside them: the map is made on
  // a finer grid (1e-12°) than a run on a blob and a square (1e-11°), so every run rounds it.
  const regions = { type: 'FeatureCollection' as const, features: [square(37.2, 48.1, 37.2123456789, 48.1123456789, 'west'), square(37.2123456789, 48.1, 37.2246913578, 48.1123456789, 'east')] };
  it('for blobs straddling the two squares, inside both', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.001, max: 0.001, noNaN: true }), fc.double({ min: -0.001, max: 0.001, noNaN: true }), fc.array(fc.double({ min: 0.6, max: 1, noNaN: true }), { minLength: 25, maxLength: 25 }), (dx, dy, radii) => {
        const cx = 37.2123456789 + dx;
        const cy = 48.106 + dy;
        const ring = radii.map((k, i) => [cx + 0.004 * k * Math.cos((2 * Math.PI * i) / 25), cy + 0.004 * k * Math.sin((2 * Math.PI * i) / 25)]);
        ring.push(ring[0]!);
        const claim = { id: 'c', claimant: 'c0', statedAt: '2025-12-01', status: 'controlled', side: 'UA', basis: 'claimed', area: { geometry: { type: 'Polygon', coordinates: [ring] } } } as unknown as Claim;
        const result = controlByRegion(controlMap([claim]), regions, { nameProperty: 'name' });
        // The area sums' own rounding at most (the grid's rounding was 8.7e-9 km² on Pokrovsk by oblast).
        expect(result.unassignedKm2).toBeLessThan(1e-12);
        // Both rows hold ground; the overlap of two squares that only share an edge is at most rounding.
        expect(result.overlapKm2).toBeLessThan(1e-9);
      }),
      { numRuns: 40, seed: 3 },
    );
  });
});
