/**
 * `ringContainsPoint` skips edges wholly above or below the point before
 * any other test; this checks that the skip changes no answer, against the
 * plain crossing-number test with an exact on-edge check on every edge,
 * on random rings and on points chosen to be vertices, on edges and off.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ringContainsPoint, type Placement } from './_pointInRing.js';

function reference(ring: readonly (readonly number[])[], x: number, y: number): Placement {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    const within = x >= Math.min(xi, xj) && x <= Math.max(xi, xj) && y >= Math.min(yi, yj) && y <= Math.max(yi, yj);
    if (within && (xi - xj) * (y - yj) - (yi - yj) * (x - xj) === 0) return 'boundary';
    if ((yi > y) !== (yj > y) && x < xi + ((y - yi) * (xj - xi)) / (yj - yi)) inside = !inside;
  }
  return inside ? 'inside' : 'outside';
}

const coordinate = fc.integer({ min: 0, max: 8 });
const ring = fc.array(fc.tuple(coordinate, coordinate), { minLength: 3, maxLength: 9 }).map((pts) => [...pts, pts[0]!]);

describe('ringContainsPoint', () => {
  it('agrees with the plain crossing-number test everywhere (vertices, edges, off)', () => {
    fc.assert(
      fc.property(ring, fc.integer({ min: -1, max: 18 }), fc.integer({ min: -1, max: 18 }), (r, x2, y2) => {
        // half-steps put points on edges' midpoints as well as on vertices
        const [x, y] = [x2 / 2, y2 / 2];
        expect(ringContainsPoint(r, x, y)).toBe(reference(r, x, y));
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 1_000) * 5 },
    );
  });
});
