/**
 * A large region cut to the boxes of many small ones goes through a
 * pyramid of cuts (`CropPyramid`, used by the overlay core's `Crops`)
 * instead of one pass over all its vertices per box: before, 900 small
 * claims under one 100,000-vertex claim took 18 s in `controlMap` and 20 s
 * in `diffClaims`, nearly all of it cutting the large claim again and
 * again (`bench/many.bench.ts` times both now). Speed is the benchmark's
 * business; these tests hold the pyramid to the ground a direct cut keeps:
 *
 * - a cut through the pyramid keeps, inside its box, the ground of a direct
 *   cut and of the polygons themselves (to the grid's rounding along the
 *   box's border: a point the cut adds on the padded border may differ in
 *   its last bit), checked through the engine against the box as a
 *   rectangle, on random large star rings with holes and random boxes, tiny
 *   ones included, straddling the quarters' borders or not;
 * - within a call, a cut depends only on the polygons and the box, not on
 *   which boxes were cut before;
 * - overlays that cut a large region many times give the figures that the
 *   same ground cut once per call gives: every small claim's share of the
 *   large one, from `diffClaims` of all at once (one large claim cut to
 *   each small one's box) and from one `diffClaims` per small claim (cut
 *   once, directly), and a `controlMap` whose large claim painted last
 *   covers exactly its closed-form rest.
 */
import fc from 'fast-check';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { controlMap, diffClaims, type Claim } from '../../src/index.js';
import { clip, onCallGrid, type MultiPolygon2 } from '../../src/geometry/_engine.js';
import { CropPyramid, cropInCall, cropPolygons, onCropCall, ringBox, type Box } from '../../src/geometry/_crop.js';
import { km2Of } from '../../src/overlay/regions.js';
import { Random, starRing } from '../referee/_generate.js';
import { rectKm2 } from '../_rectKm2.js';
import { GEOMETRY_RUNS } from '../properties/_maps.js';

const rectangle = (b: Box): MultiPolygon2 => [[[[b[0], b[1]], [b[2], b[1]], [b[2], b[3]], [b[0], b[3]], [b[0], b[1]]]]];

/** A star ring of `n` vertices with a few star holes, as 2-D coordinates. */
function largeShape(seed: number, n: number, holes: number): MultiPolygon2 {
  const random = new Random(seed);
  const center: Position = [37.2, 48.3];
  const shell = starRing(random, center, 0.05, 0.1, n);
  const rings = [shell];
  for (let i = 0; i < holes; i++) {
    // Holes on a circle of radius 0.03 around the centre, each 0.004 across: inside the shell (radius ≥ 0.05), apart.
    const a = (2 * Math.PI * i) / holes;
    rings.push(starRing(random, [center[0]! + 0.03 * Math.cos(a), center[1]! + 0.02 * Math.sin(a)], 0.001, 0.002, random.int(3, 40)).reverse());
  }
  return [rings.map((ring) => ring.map((p): [number, number] => [p[0]!, p[1]!]))];
}

const SHAPE_BOX: Box = [37.1, 48.233, 37.3, 48.367];

/** A box inside the shape's box, `size` of its side (0.002 to 0.5), at a random place. */
const boxArb = fc.record({ x: fc.double({ min: 0, max: 1, noNaN: true }), y: fc.double({ min: 0, max: 1, noNaN: true }), size: fc.double({ min: 0.002, max: 0.5, noNaN: true }) }).map(({ x, y, size }): Box => {
  const w = (SHAPE_BOX[2] - SHAPE_BOX[0]) * size;
  const h = (SHAPE_BOX[3] - SHAPE_BOX[1]) * size;
  const west = SHAPE_BOX[0] + x * (SHAPE_BOX[2] - SHAPE_BOX[0] - w);
  const south = SHAPE_BOX[1] + y * (SHAPE_BOX[3] - SHAPE_BOX[1] - h);
  return [west, south, west + w, south + h];
});

/** Boxes whose sides fall on the quarters' borders of the shape's box (the pyramid's splits), exactly. */
const onBorders = (box: Box): Box[] => {
  const midX = (box[0] + box[2]) / 2;
  const midY = (box[1] + box[3]) / 2;
  const q = (box[2] - box[0]) / 4;
  return [
    [midX - q, midY - q, midX, midY],
    [midX, midY, midX + q / 8, midY + q / 8],
    [midX - q / 64, midY - q / 64, midX + q / 64, midY + q / 64],
  ];
};

describe('CropPyramid', () => {
  it('keeps, inside each box, the ground of a direct cut and of the polygons themselves', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 2000, max: 5000 }), fc.integer({ min: 0, max: 6 }), fc.array(boxArb, { minLength: 1, maxLength: 4 }), (seed, n, holes, boxes) => {
        const shape = largeShape(seed, n, holes);
        const pyramid = new CropPyramid(shape, SHAPE_BOX);
        // One grid for the three runs of a box (the shape's; a run on its own picks a finer grid for a smaller box).
        for (const box of [...boxes, ...onBorders(SHAPE_BOX)]) onCallGrid([SHAPE_BOX], () => {
          const rect = rectangle(box);
          const whole = km2Of(clip('intersection', [shape, rect]));
          const direct = km2Of(clip('intersection', [cropPolygons(shape, box), rect]));
          const cut = pyramid.crop(box);
          const viaPyramid = km2Of(clip('intersection', [cut, rect]));
          // Each run rounds its intersections to the grid: the three agree within a cell (1e-11° here) along the box's border.
          const reach = 1e-11 * 111.7 * 2 * ((box[2] - box[0]) * Math.cos((box[1] * Math.PI) / 180) + (box[3] - box[1])) * 111.7;
          expect(Math.abs(viaPyramid - direct)).toBeLessThanOrEqual(reach);
          expect(Math.abs(viaPyramid - whole)).toBeLessThanOrEqual(reach);
          // Nothing far outside the box: the cut lies within its padding (1e-6° + 1e-9 of the longitude).
          const pad = 1e-6 + 1e-9 * 37.3 + 1e-12;
          for (const polygon of cut) for (const ring of polygon) for (const [x, y] of ring) expect(x >= box[0] - pad && x <= box[2] + pad && y >= box[1] - pad && y <= box[3] + pad).toBe(true);
        });
      }),
      { numRuns: Math.max(10, Math.round(GEOMETRY_RUNS / 40)) },
    );
  });

  it('cuts as directly where no split thins the polygons (a comb), beyond their box, and for a box that is not finite', () => {
    // A comb of 3,000 teeth 0.5° tall packed into 0.003°: every quarter down the teeth keeps nearly all vertices,
    // so the pyramid stops there (an independent review measured 44 s and 3.2 GB for 100 boxes on a 100,000-vertex
    // comb when it went down 12 levels regardless; now no more than the direct cuts).
    const w = 0.003 / 3000;
    const ring: [number, number][] = [[36.5, 47.5], [37.5, 47.5], [37.5, 47.501]];
    for (let k = 2999; k >= 0; k--) ring.push([37 + k * w + 0.6 * w, 47.501], [37 + k * w + 0.6 * w, 48], [37 + k * w, 48], [37 + k * w, 47.501]);
    ring.push([36.5, 47.501], [36.5, 47.5]);
    const comb: MultiPolygon2 = [[ring]];
    const box = ringBox(ring);
    const pyramid = new CropPyramid(comb, box);
    const boxes: Box[] = [
      [37.0005, 47.6, 37.0006, 47.7],
      [37.001, 47.9, 37.0012, 47.95],
      [36.9, 47.4, 37.1, 47.6], // reaches beyond the comb's box
      [Infinity, Infinity, -Infinity, -Infinity], // an empty box's bounds
    ];
    onCallGrid([box], () => {
      for (const b of boxes) {
        const cut = pyramid.crop(b);
        const direct = cropPolygons(comb, b);
        if (!Number.isFinite(b[0])) {
          expect(cut).toEqual([]);
          continue;
        }
        const rect = rectangle(b);
        const reach = 1e-9 * 111.7 * 2 * ((b[2] - b[0]) + (b[3] - b[1])) * 111.7;
        expect(Math.abs(km2Of(clip('intersection', [cut, rect])) - km2Of(clip('intersection', [direct, rect])))).toBeLessThanOrEqual(reach);
      }
    });
  });

  it('cuts the same within a call whatever was cut before (the pyramid, not the order, decides)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(boxArb, { minLength: 2, maxLength: 12 }), fc.integer(), (seed, boxes, order) => {
        const shape = largeShape(seed, 3000, 2);
        const shuffled = [...boxes].sort((a, b) => ((a[0] * 1e6 + order) % 7) - ((b[0] * 1e6 + order) % 7));
        const inOrder = onCropCall(() => boxes.map((box) => cropInCall(shape, box)));
        const cut = onCropCall(() => new Map(shuffled.map((box) => [box, cropInCall(shape, box)])));
        boxes.forEach((box, i) => expect(cut.get(box)).toEqual(inOrder[i]));
        // And as the pyramid of the shape's own box cuts it.
        const pyramid = new CropPyramid(shape, ringBox(shape[0]![0]!));
        boxes.forEach((box, i) => expect(pyramid.crop(box)).toEqual(inOrder[i]));
      }),
      { numRuns: Math.max(20, Math.round(GEOMETRY_RUNS / 10)) },
    );
  });
});

const claim = (id: string, claimant: string, side: 'UA' | 'RU', geometry: Polygon): Claim =>
  ({ id, claimant, statedAt: '2025-12-01', status: 'controlled', side, area: { geometry } }) as unknown as Claim;

const square = (x: number, y: number, s: number): Polygon => ({ type: 'Polygon', coordinates: [[[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]]] });

/** A 12,000-vertex circle round the grid of squares below: cut to many boxes, it goes through a pyramid. */
function circle(n: number): Polygon {
  const ring: Position[] = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    ring.push([37.03 + 0.035 * Math.cos(t), 48.03 + 0.035 * Math.sin(t)]);
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

describe('overlays that cut one large region many times', () => {
  const big = circle(12_000);
  // 36 squares of 0.009° on a 0.01° lattice: those near the rim straddle the circle.
  const squares = Array.from({ length: 36 }, (_, k) => square(37.0 + 0.01 * (k % 6), 48.0 + 0.01 * Math.floor(k / 6), 0.009));

  it('diffClaims of all at once gives each square the share one diffClaims of that square alone gives', () => {
    const small = squares.map((s, k) => claim(`s${k}`, 'a', 'UA', s));
    const all = diffClaims(small, [claim('big', 'b', 'RU', big)]);
    const one = small.map((c) => diffClaims([c], [claim('big', 'b', 'RU', big)]));
    const sum = (key: 'conflict' | 'only-a') => one.reduce((t, d) => t + d.summary[key].km2, 0);
    expect(Math.abs(all.summary.conflict.km2 - sum('conflict'))).toBeLessThan(1e-11 * all.summary.conflict.km2);
    expect(Math.abs(all.summary['only-a'].km2 - sum('only-a'))).toBeLessThan(1e-11 * all.summary.conflict.km2);
    // The squares wholly inside the circle are wholly in conflict (closed form of each square).
    const inside = squares.filter((s) => s.coordinates[0]!.every(([x, y]) => Math.hypot(x! - 37.03, y! - 48.03) < 0.0349));
    expect(inside.length).toBeGreaterThan(10);
    expect(all.summary.conflict.km2).toBeGreaterThan(inside.reduce((t, s) => t + rectKm2(s.coordinates[0]![0]![0]!, s.coordinates[0]![0]![1]!, s.coordinates[0]![2]![0]!, s.coordinates[0]![2]![1]!), 0));
  });

  it('controlMap with the large claim painted last: its region is the circle less the squares', () => {
    const claims = [...squares.map((s, k) => claim(`s${k}`, 'a', 'UA', s)), claim('big', 'a', 'RU', big)];
    const map = controlMap(claims);
    const ru = map.features.filter((f) => f.properties.side === 'RU').reduce((t, f) => t + f.properties.km2, 0);
    const ua = map.features.filter((f) => f.properties.side === 'UA').reduce((t, f) => t + f.properties.km2, 0);
    const squaresKm2 = squares.reduce((t, s) => t + rectKm2(s.coordinates[0]![0]![0]!, s.coordinates[0]![0]![1]!, s.coordinates[0]![2]![0]!, s.coordinates[0]![2]![1]!), 0);
    const circleKm2 = km2Of([[big.coordinates[0]!.map((p): [number, number] => [p[0]!, p[1]!])]]);
    const circleLessSquares = circleKm2 - km2Of(clip('intersection', [[[big.coordinates[0]!.map((p): [number, number] => [p[0]!, p[1]!])]], clip('union', squares.map((s) => [[s.coordinates[0]!.map((p): [number, number] => [p[0]!, p[1]!])]]))]));
    expect(Math.abs(ua - squaresKm2)).toBeLessThan(1e-9 * squaresKm2);
    expect(Math.abs(ru - circleLessSquares)).toBeLessThan(1e-9 * circleKm2);
  });
});
