/**
 * Snap rounding's hot-pixel step finds, for every edge, the vertices whose
 * grid cell it passes. The default finder hashes vertices into buckets of
 * the plane (linear, no sort); a sweep of boxes and a plain all-pairs scan
 * are the slower references. All three must reroute the very same paths,
 * on inputs built to need rerouting: shared and nearly shared edges,
 * vertices within a cell of other edges, long edges beside dense clusters,
 * holes, and vertices crowded into few buckets.
 */
import fc from 'fast-check';
import type { Path64 } from 'clipper2-ts';
import { describe, expect, it } from 'vitest';
import { snapRoundWith } from '../../src/geometry/_engine.js';

const point = (x: number, y: number): { x: number; y: number } => ({ x, y });

/** A ring, and copies of some of its vertices nudged by up to a cell (so near another ring's edge), or placed on an edge's line. */
const ring = fc.array(fc.tuple(fc.integer({ min: -400, max: 400 }), fc.integer({ min: -400, max: 400 })), { minLength: 3, maxLength: 30 });

const paths = fc
  .record({
    rings: fc.array(ring, { minLength: 1, maxLength: 8 }),
    scale: fc.constantFrom(1, 7, 1000, 123_457),
    nudges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: -1, max: 1 }), fc.integer({ min: -1, max: 1 })), { maxLength: 20 }),
    long: fc.array(fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 })), { maxLength: 3 }),
    crowd: fc.boolean(),
  })
  .map(({ rings, scale, nudges, long, crowd }) => {
    const out: Path64[] = rings.map((r) => r.map(([x, y]) => point(x * scale, y * scale)));
    // Points on (or a cell beside) an edge of another ring, as a small triangle through that point.
    for (const [r, e, dx, dy] of nudges) {
      const path = out[r % out.length]!;
      const a = path[e % path.length]!;
      const b = path[(e + 1) % path.length]!;
      const t = (e % 7) / 7;
      const x = Math.round(a.x + (b.x - a.x) * t) + dx;
      const y = Math.round(a.y + (b.y - a.y) * t) + dy;
      out.push([point(x, y), point(x + 3 * scale, y + scale), point(x + scale, y + 2 * scale)]);
    }
    // Long edges across everything (a frame's side, a diagonal).
    for (const [x1, y1, x2, y2] of long) out.push([point(x1, y1), point(x2, y2), point(Math.round((x1 + x2) / 2) + 1, Math.round((y1 + y2) / 2))]);
    // Many vertices in a tiny place beside long edges: the buckets crowd, and the finder falls back to the sweep.
    if (crowd) out.push(Array.from({ length: 400 }, (_, i) => point(Math.round(100 * Math.cos(i / 64)), Math.round(100 * Math.sin(i / 64)))));
    return out;
  });

describe('snap rounding: the three ways of finding vertices near edges agree', () => {
  it('reroutes the same paths through the same vertices (buckets, sweep, all pairs)', () => {
    let rerouted = 0;
    fc.assert(
      fc.property(paths, fc.boolean(), (input, closedCells) => {
        const byPairs = snapRoundWith(input, closedCells, 'pairs');
        expect(snapRoundWith(input, closedCells, 'cells')).toEqual(byPairs);
        expect(snapRoundWith(input, closedCells, 'sweep')).toEqual(byPairs);
        if (byPairs !== null) rerouted += 1;
      }),
      { numRuns: 300 },
    );
    // The inputs do exercise the rerouting, not only the "nothing to do" answer.
    expect(rerouted).toBeGreaterThan(30);
  });

  it('routes a long edge through a vertex half a cell beside its middle, far from its ends', () => {
    const long: Path64 = [point(0, 0), point(10_000_000, 1), point(10_000_000, 5_000_000)];
    const dense: Path64[] = Array.from({ length: 60 }, (_, i) => [point(i * 1000, 5000), point(i * 1000 + 500, 6000), point(i * 1000, 7000)]);
    const beside: Path64 = [point(5_000_000, 1), point(5_000_100, -200), point(5_000_200, -100)];
    const out = snapRoundWith([long, ...dense, beside], false, 'cells');
    expect(out).toEqual(snapRoundWith([long, ...dense, beside], false, 'pairs'));
    expect(out![0]).toContainEqual(point(5_000_000, 1));
  });
});
