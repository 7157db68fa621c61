/**
 * The engine keeps its scratch typed arrays from one run to the next
 * (`scratchInt32`/`scratchFloat64` in src/geometry/_engine.ts): a run may
 * find arrays longer than it needs, holding what the last run left. These
 * tests make a run follow runs of other sizes and content, and check that
 * it gives what it gives on its own (in a fresh worker the arrays would be
 * new; here the same input, run before and after the others, must give
 * the same answer), both for snap rounding (every finder) and for whole
 * overlays whose output rings meet at vertices (traceFaces, simpleLoops).
 */
import fc from 'fast-check';
import type { Path64 } from 'clipper2-ts';
import { describe, expect, it } from 'vitest';
import { clip, snapRoundWith, type MultiPolygon2, type SnapFinder } from '../../src/geometry/_engine.js';

const point = (x: number, y: number): { x: number; y: number } => ({ x, y });

/** Rings near one another with vertices nudged onto or a cell beside other rings' edges, so that snap rounding has work. */
const pathsArb = (maxRings: number): fc.Arbitrary<Path64[]> =>
  fc
    .record({
      rings: fc.array(fc.array(fc.tuple(fc.integer({ min: -300, max: 300 }), fc.integer({ min: -300, max: 300 })), { minLength: 3, maxLength: 40 }), { minLength: 1, maxLength: maxRings }),
      scale: fc.constantFrom(1, 9, 100_003),
      nudges: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: -1, max: 1 }), fc.integer({ min: -1, max: 1 })), { maxLength: 12 }),
    })
    .map(({ rings, scale, nudges }) => {
      const out: Path64[] = rings.map((r) => r.map(([x, y]) => point(x * scale, y * scale)));
      for (const [r, e, dx, dy] of nudges) {
        const path = out[r % out.length]!;
        const a = path[e % path.length]!;
        const b = path[(e + 1) % path.length]!;
        const x = Math.round((a.x + b.x) / 2) + dx;
        const y = Math.round((a.y + b.y) / 2) + dy;
        out.push([point(x, y), point(x + 2 * scale, y + scale), point(x + scale, y + 3 * scale)]);
      }
      return out;
    });

const copy = (paths: Path64[]): Path64[] => paths.map((p) => p.map((q) => point(q.x, q.y)));

/** A square of side `s` at (x, y), in degrees, counter-clockwise. */
const square = (x: number, y: number, s: number): MultiPolygon2 => [
  [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ],
];

describe('engine scratch arrays: a run gives the same answer whatever ran before it', () => {
  it('snap rounding of a small input is the same before and after a larger and a smaller one, with every finder', () => {
    const finders: SnapFinder[] = ['cells', 'sweep', 'pairs'];
    let rerouted = 0;
    fc.assert(
      fc.property(pathsArb(3), pathsArb(12), pathsArb(2), fc.boolean(), (small, large, tiny, closedCells) => {
        for (const finder of finders) {
          const before = snapRoundWith(copy(small), closedCells, finder);
          snapRoundWith(copy(large), !closedCells, finder);
          snapRoundWith(copy(tiny), closedCells, 'cells');
          expect(snapRoundWith(copy(small), closedCells, finder)).toEqual(before);
          if (before !== null) rerouted += 1;
        }
      }),
      { numRuns: 150 },
    );
    // The inputs do make snap rounding reroute, not only answer "nothing to do".
    expect(rerouted).toBeGreaterThan(20);
  });

  it('an overlay whose output rings meet at vertices is the same after runs of other sizes', () => {
    // A square less two holes that touch at two points: the ground they shut in between them is a
    // polygon of its own (traceFaces re-links the rings at the two points), and the rest has one hole round both and that piece.
    const at = (x: number, y: number): [number, number] => [37 + x * 0.001, 48 + y * 0.001];
    const ring = (...points: [number, number][]): [number, number][] => [...points.map(([x, y]) => at(x, y)), at(...points[0]!)];
    const shell: MultiPolygon2 = [[ring([0, 0], [10, 0], [10, 10], [0, 10])]];
    const cup: MultiPolygon2 = [[ring([2, 2], [8, 2], [8, 5], [7, 5], [7, 3], [3, 3], [3, 5], [2, 5])]];
    const arch: MultiPolygon2 = [[ring([3, 5], [4, 6], [6, 6], [7, 5], [8, 7], [8, 8], [2, 8], [2, 7])]];
    const run = (): MultiPolygon2 => clip('difference', [shell, cup, arch]);
    const first = run();
    expect(first.length).toBe(2);
    expect(first.map((polygon) => polygon.length).sort()).toEqual([1, 2]);
    // A larger run whose output rings meet at many vertices (squares touching at corners), and a tiny one.
    const grid: MultiPolygon2 = [];
    for (let i = 0; i < 30; i += 1) for (let j = 0; j < 30; j += 1) if ((i + j) % 2 === 0) grid.push(...square(30 + i * 0.001, 45 + j * 0.001, 0.001));
    expect(clip('difference', [square(29.9, 44.9, 0.2), grid]).length).toBeGreaterThan(0);
    clip('difference', [square(1, 1, 1), square(1.5, 1.5, 1)]);
    expect(run()).toEqual(first);
  });
});
