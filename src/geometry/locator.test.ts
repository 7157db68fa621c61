/**
 * The banded point-in-ring test that places holes in their shells gives the
 * whole scan's answer (inside, outside, on the boundary) for every point:
 * vertices, points on edges, the ring's northern and southern extremes, and
 * random points, on rings large enough to be cut into bands.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ring2 } from './_engine.js';
import { RingLocator } from './_pointInRing.js';

/** A star-shaped ring of n vertices on the 1e-9° grid, closed. */
function star(n: number, radii: readonly number[], cx: number, cy: number): Ring2 {
  const ring: Ring2 = [];
  for (let i = 0; i < n; i += 1) {
    const a = (2 * Math.PI * i) / n;
    const r = radii[i % radii.length]!;
    ring.push([Math.round((cx + r * Math.cos(a)) * 1e9) / 1e9, Math.round((cy + r * Math.sin(a)) * 1e9) / 1e9]);
  }
  ring.push([ring[0]![0], ring[0]![1]]);
  return ring;
}

describe('RingLocator', () => {
  it('answers as the whole scan does, with bands or without', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 257, max: 3000 }),
        fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.double({ min: -1.2, max: 1.2, noNaN: true }), fc.double({ min: -1.2, max: 1.2, noNaN: true })), { minLength: 20, maxLength: 60 }),
        fc.integer({ min: 0, max: 1e6 }),
        (n, radii, randomPoints, pick) => {
          const ring = star(n, radii, 37, 48);
          const points: [number, number][] = randomPoints.map(([x, y]) => [37 + x, 48 + y]);
          for (let k = 0; k < 20; k += 1) {
            const i = (pick + k * 7919) % n;
            const [p, q] = [ring[i]!, ring[i + 1]!];
            points.push(p, [(p[0] + q[0]) / 2, (p[1] + q[1]) / 2], [p[0], (p[1] + q[1]) / 2]);
          }
          const ys = ring.map((p) => p[1]);
          const top = ring[ys.indexOf(Math.max(...ys))]!;
          const bottom = ring[ys.indexOf(Math.min(...ys))]!;
          points.push(top, bottom, [top[0] + 1e-9, top[1]], [bottom[0] - 1e-9, bottom[1]]);
          const banded = new RingLocator(ring);
          banded.placement(0, 0); // the second question builds the bands
          for (const [x, y] of points) expect(banded.placement(x, y), `${x}, ${y}`).toBe(new RingLocator(ring).placement(x, y));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('finds a vertex and an edge point on the boundary, the centre inside, a far point outside', () => {
    const ring = star(1000, [1], 37, 48);
    const locator = new RingLocator(ring);
    locator.placement(0, 0);
    expect(locator.placement(ring[10]![0], ring[10]![1])).toBe(0);
    expect(locator.placement(37, 48)).toBe(1);
    expect(locator.placement(39, 48)).toBe(-1);
    expect(locator.placement(37, 49.5)).toBe(-1);
  });
});
