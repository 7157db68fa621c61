/**
 * A union of one operand whose polygons meet only at shared vertices (an
 * island or a spit touching a mainland) passes them through without the
 * engine (`partsApart` in src/geometry/_engine.ts): the answer must be the
 * engine's own union of the same polygons, ring for ring and vertex for
 * vertex (the engine is forced by a copy that `readAsNormalized` never
 * marked). The generated operands are a "bowl" and a "lid" that touch at
 * one, two or three vertices, shutting in lakes between them, or share an
 * edge, or reach into each other at a shared vertex, or are one cell
 * apart; the bowl has holes (several with level tops, which fixes the
 * order the engine lists them in), sometimes an island in a hole; a third
 * polygon may touch both at one vertex; everything is turned, scaled down
 * to a few cells and moved off the grid. Last, Ukraine's real outline
 * (../shared/data), whose islands and spits share vertices with the
 * mainland and with Crimea.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { Clipper64, type Path64 } from 'clipper2-ts';
import type { MultiPolygon } from 'geojson';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clip, FINEST_GRID_DEGREES, GRID_DEGREES, gridDegreesOf, onCallGrid, type MultiPolygon2, type Ring2 } from '../../src/geometry/_engine.js';
import { readAsNormalized } from '../../src/geometry/_operand.js';
import { byEngine, sorted, unionBothWays } from './_unionBothWays.js';
import { normalizeGeometry } from '../../src/geometry/index.js';
import { dataDir, hasData } from '../real-data/_data.js';

type Point = [number, number];

/** How the lid meets the bowl: at P only (its other end pulled away), at P and Q, or at P, R and Q; or one cell above it everywhere. */
type Touch = 1 | 2 | 3 | 'cell';

interface Scene {
  touch: Touch;
  /** Depth of the bowl's top chain below y = 0 at x = ±0.5, and the lid's bottom above it (negative: reaching into the bowl). */
  bowlDip: number;
  lidBump: number;
  bowlArc: number[];
  lidArc: number[];
  holes: 0 | 1 | 2 | 3;
  islandInHole: boolean;
  third: boolean;
  reversed: boolean[];
  turn: number;
  scale: number;
  origin: Point;
}

/** The polygons of a scene in the plane of the bowl (P = (−1, 0), Q = (1, 0), R = (0, 0)), before turning and scaling. */
function sceneParts(s: Scene): Point[][][] {
  const P: Point = [-1, 0];
  const Q: Point = [1, 0];
  const R: Point = [0, 0];
  const chain = (h: number, middle: boolean): Point[] => (middle ? [[-0.5, h], R, [0.5, h]] : h === 0 ? [] : [[-0.5, h], [0, h], [0.5, h]]);
  // The bowl: P, its lower arc (radii 0.8–1) to Q, then its top chain back to P.
  const lower = s.bowlArc.map((r, i): Point => {
    const t = Math.PI + (Math.PI * (i + 1)) / (s.bowlArc.length + 1);
    return [r * Math.cos(t), r * Math.sin(t)];
  });
  const bowl: Point[] = [P, ...lower, Q, ...chain(-s.bowlDip, s.touch === 3).reverse()];
  // The lid: P, its bottom chain to Q (or to a point beside Q), then its upper arc back.
  const upper = s.lidArc.map((r, i): Point => {
    const t = (Math.PI * (i + 1)) / (s.lidArc.length + 1);
    return [r * Math.cos(t), r * Math.sin(t)];
  });
  const lidEnd: Point = s.touch === 1 ? [1.2, 0.3] : Q;
  let lid: Point[] = [P, ...chain(s.lidBump, s.touch === 3), lidEnd, ...upper];
  if (s.touch === 'cell') lid = lid.map(([x, y]): Point => [x, y + GRID_DEGREES / s.scale]);
  const holes: Point[][] = [];
  // Square holes with level tops, and a triangle below them.
  if (s.holes >= 1) holes.push(square(-0.35, -0.62, 0.12));
  if (s.holes >= 2) holes.push(square(0.2, -0.62, 0.12));
  if (s.holes >= 3) holes.push([[-0.05, -0.75], [0.05, -0.75], [0, -0.66]]);
  const parts: Point[][][] = [[bowl, ...holes], [lid]];
  if (s.islandInHole && s.holes >= 1) parts.push([square(-0.33, -0.6, 0.05)]);
  // A third polygon touching both at P, from the west.
  if (s.third) parts.push([[P, [-1.3, -0.12], [-1.3, 0.12]]]);
  return parts;
}

function square(x: number, y: number, side: number): Point[] {
  return [[x, y], [x + side, y], [x + side, y + side], [x, y + side]];
}

/** The scene as an operand in degrees: turned, scaled and moved; every ring closed, some wound the other way. */
function sceneOperand(s: Scene): MultiPolygon2 {
  const c = Math.cos(s.turn);
  const d = Math.sin(s.turn);
  const place = ([x, y]: Point): Point => [s.origin[0] + s.scale * (c * x - d * y), s.origin[1] + s.scale * (d * x + c * y)];
  return sceneParts(s).map((polygon, p) =>
    polygon.map((ring): Ring2 => {
      const placed = ring.map(place);
      if (s.reversed[p] === true) placed.reverse();
      return [...placed, [placed[0]![0], placed[0]![1]]];
    }),
  );
}

const scene: fc.Arbitrary<Scene> = fc.record({
  touch: fc.constantFrom<Touch>(1, 2, 2, 3, 3, 'cell'),
  bowlDip: fc.constantFrom(0, 0, 0.1, 0.3),
  lidBump: fc.constantFrom(0, 0.15, 0.3, 0.3, -0.05),
  bowlArc: fc.array(fc.double({ min: 0.8, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
  lidArc: fc.array(fc.double({ min: 0.8, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
  holes: fc.constantFrom<0 | 1 | 2 | 3>(0, 1, 2, 3),
  islandInHole: fc.boolean(),
  third: fc.boolean(),
  reversed: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
  turn: fc.oneof(fc.constantFrom(0, Math.PI / 2, Math.PI), fc.double({ min: 0, max: 2 * Math.PI, noNaN: true })),
  scale: fc.constantFrom(1, 1e-3, 1e-6, 4e-8),
  origin: fc.tuple(fc.double({ min: -170, max: 170, noNaN: true }), fc.double({ min: -80, max: 80, noNaN: true })),
});

afterEach(() => {
  vi.restoreAllMocks();
});


describe('union of polygons that touch at vertices', () => {
  it('gives the engine\'s own union, ring for ring, and runs the engine only where it must', () => {
    const seen = { lakes: 0, threeTouches: 0, holesOrdered: 0, third: 0, partly: 0, engine: 0 };
    fc.assert(
      fc.property(scene, (s) => {
        const { fast, engine, fastPaths, enginePaths } = unionBothWays(readAsNormalized(sceneOperand(s)));
        expect(fast).toEqual(engine);
        if (fastPaths === 0) {
          // Passed through whole: count the cases that matter.
          if (typeof s.touch === 'number' && s.touch >= 2 && s.lidBump > 0) seen.lakes += 1;
          if (s.touch === 3) seen.threeTouches += 1;
          if (s.holes >= 2) seen.holesOrdered += 1;
          if (s.third) seen.third += 1;
        } else if (fastPaths < enginePaths) seen.partly += 1;
        else seen.engine += 1;
      }),
      // TOUCH_RUNS=4000 for a longer run, printing how many cases took each way.
      { numRuns: Number(process.env.TOUCH_RUNS ?? 400) },
    );
    if (process.env.TOUCH_RUNS !== undefined) console.log(JSON.stringify(seen));
    // Every path is exercised: lakes shut in by two and three touches, several holes, three polygons at one
    // vertex, all passed through; groups that nest or reach in go to the engine alone; the rest all to it.
    expect(seen.lakes).toBeGreaterThan(20);
    expect(seen.threeTouches).toBeGreaterThan(20);
    expect(seen.holesOrdered).toBeGreaterThan(20);
    expect(seen.third).toBeGreaterThan(20);
    expect(seen.partly).toBeGreaterThan(10);
    expect(seen.engine).toBeGreaterThan(10);
  });

  it('keeps two polygons that shut in a lake between them apart, and the lake out of both', () => {
    // A U with a lid whose bottom dips into it: they touch at (1, 2) and (2, 2), and a lake lies between them.
    const u: Ring2 = [[0, 0], [3, 0], [3, 2], [2, 2], [2, 1], [1, 1], [1, 2], [0, 2], [0, 0]];
    const lid: Ring2 = [[1, 2], [1.5, 1.5], [2, 2], [2, 3], [1, 3], [1, 2]];
    const read = readAsNormalized([[u], [lid]]);
    const given = vi.spyOn(Clipper64.prototype, 'addSubject');
    const union = clip('union', [read]);
    expect(given).not.toHaveBeenCalled();
    // Each as it was (on the grid, from its lowest-left vertex, counter-clockwise), in the operand's order.
    expect(union).toEqual([[u], [lid]]);
    expect(sorted(union)).toEqual(sorted(byEngine(read)));
  });

  it('sends polygons that reach into each other at a shared vertex, or nest, to the engine', () => {
    // A quadrilateral that shares two corners of a square, (0, 0) and (2, 2), and no other point of its
    // boundary, but runs along the square's diagonal: their corners at (0, 0) overlap, and the square's
    // first vertex off the quadrilateral, (2, 0), lies outside it, so only the corners tell.
    const square: Ring2 = [[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]];
    const across: Ring2 = [[0, 0], [2, 2], [3, 3], [-1, 3], [0, 0]];
    const outside: Ring2 = [[0, 0], [-1, -0.5], [-0.5, -1], [0, 0]];
    const island: Ring2 = [[5, 5], [6, 5], [5.5, 6], [5, 5]];
    // Each read on its own: read together, the square and the quadrilateral (which overlap) are united
    // on reading already (readAsNormalized's partsUnited); this is the union's own pass-through.
    // On the grid of the box around all four, as reading them together would choose it.
    const onAll = <T>(work: () => T): T => onCallGrid([[-1, -1, 6, 6]], work);
    const read = onAll(() => [[square], [outside], [across], [island]].flatMap((polygon) => readAsNormalized([polygon])));
    const given = vi.spyOn(Clipper64.prototype, 'addSubject');
    const union = onAll(() => clip('union', [read]));
    // The engine runs on that group (the square, the quadrilateral and the triangle touching them at
    // (0, 0)); the island far away is passed through.
    expect(given).toHaveBeenCalledTimes(1);
    expect(given.mock.calls[0]![0]).toHaveLength(3);
    // The square and the quadrilateral are one polygon; the triangle touching it at the corner another.
    expect(union).toHaveLength(3);
    expect(sorted(union)).toEqual(sorted(onAll(() => byEngine(read))));
  });

  it('unites the whole operand when snap rounding has anything to do, or a triangle is thin (review findings)', () => {
    // In grid cells; on the earlier code each was passed through (wholly or partly) and differed from the
    // engine's own union by a cell. The cell is the run's (issue 12: a run this small computes on
    // 1e-12°), so the cases are laid out on that grid, and once more on 1e-9° under a held grid
    // (`onCallGrid` of a 10° box, as an overlay of a country holds it).
    for (const [cell, held] of [[FINEST_GRID_DEGREES, null], [GRID_DEGREES, [0, 0, 10, 10]]] as const) {
      const onGrid = <T>(work: () => T): T => (held === null ? work() : onCallGrid([held], work));
      const cells = (m: number[][][][]): MultiPolygon2 => onGrid(() => readAsNormalized(m.map((p) => p.map((r) => r.map(([x, y]) => [x! * cell, y! * cell])))));
      // The engine routes an edge of M through a vertex of N on input, then, in its output's snap
      // rounding, an edge of N through a corner of the triangle S, which only a run over all of them sees.
      const n = [[[0, -50], [100, -50], [100, 1], [0, 0], [0, -50]], [[0, -25], [10, -20], [10, -30], [0, -25]]];
      const m = [[[50, 1], [90, 40], [10, 40], [50, 1]], [[50, 20], [45, 30], [50, 40], [55, 30], [50, 20]]];
      const s = [[[25, 1], [20, 10], [10, 5], [25, 1]]];
      // A triangle whose corner (607, 826) lies within a cell of the line of its opposite side: the engine drops it.
      const thin = [[[607, 826], [604, 822], [614, 834], [607, 826]]];
      for (const operand of [[n, m, s], [thin], [thin, [[[0, 0], [10, 0], [0, 10], [0, 0]]]]]) {
        const read = cells(operand);
        const given = vi.spyOn(Clipper64.prototype, 'addSubject');
        const union = onGrid(() => clip('union', [read]));
        expect(gridDegreesOf(union), `cell ${cell}`).toBe(cell);
        expect(given, `cell ${cell}`).toHaveBeenCalled();
        expect(sorted(union)).toEqual(sorted(onGrid(() => byEngine(read))));
        given.mockRestore();
      }
    }
  });

  it.runIf(hasData('union of touching polygons', 'ukraine/ukraine-adm0.geojson'))('passes Ukraine\'s outline through but for the group that needs the engine, with the engine\'s rings', () => {
    // 42 polygons; islands and spits share vertices with the mainland and with Crimea, whose holes touch its shell.
    const file = JSON.parse(readFileSync(`${dataDir}ukraine/ukraine-adm0.geojson`, 'utf8')) as { features: { geometry: MultiPolygon }[] };
    const outline = normalizeGeometry(file.features[0]!.geometry).geometry as MultiPolygon;
    const read = readAsNormalized(outline.coordinates);
    const given = vi.spyOn(Clipper64.prototype, 'addSubject');
    const union = clip('union', [read]);
    const runs = given.mock.calls.length;
    const sent = given.mock.calls.flatMap(([p]) => p as Path64[]);
    given.mockRestore();
    const vertices = (m: MultiPolygon2): number => m.reduce((n, p) => n + p.reduce((k, r) => k + r.length - 1, 0), 0);
    // One engine run, on well under a third of the vertices, and not on the mainland (the polygon with most vertices).
    expect(runs).toBeLessThanOrEqual(1);
    expect(sent.reduce((n, p) => n + p.length, 0)).toBeLessThan(vertices(read) / 3);
    const mainland = Math.max(...read.map((p) => p[0]!.length - 1));
    expect(sent.every((p) => p.length !== mainland)).toBe(true);
    expect(sorted(union)).toEqual(sorted(byEngine(read)));
  });
});
