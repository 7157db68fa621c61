/**
 * A vertex lying exactly on another ring's edge, on the grid as the engine
 * reads it. Clipper2 misreads it (upstream AngusJohnson/Clipper2#1109): the
 * ring it traces passes that vertex twice, its cleanup
 * (`fixSelfIntersects`) cuts the ring there and drops the smaller loop,
 * even when that loop is a real hole. `snapInputs` routed an edge through a
 * vertex within a cell of it but skipped a vertex exactly on it, on the
 * assumption that Clipper2 meets that one exactly; three valid diamonds
 * showed it does not: their union came out 0.901319 km², one ring, where
 * GEOS gives 0.893708 km² with a 0.00761 km² hole (0.8 % of the answer,
 * silently). The edge is now routed through such a vertex too (the vertex
 * inserted into the edge) before every run.
 *
 * The figures are GEOS's (shapely's `unary_union` and `difference`, areas
 * by pyproj on edges densified to 1e-4°, as test/referee/geos.py
 * measures), never our own earlier output, and the comparison allows the
 * grid's reach (test/referee/_geos.ts `bound`: one cell times the
 * boundary's length, per overlay stage).
 */
import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, difference, intersection, union, validateGeometry } from '../../src/geometry/index.js';
import { onGrid } from '../../src/geometry/_engine.js';
import { controlMap, diffClaims, type Claim } from '../../src/index.js';
import { bound, describeDisagreements, disagreements, referee, refereeAvailable, type RefereeCase } from '../referee/_geos.js';

const ring = (...points: [number, number][]): Position[] => [...points, points[0]!];
const polygon = (...points: [number, number][]): Polygon => ({ type: 'Polygon', coordinates: [ring(...points)] });

const A = polygon([37.069, 48.032], [37.074, 48.034], [37.069, 48.036], [37.064, 48.034]);
const B = polygon([37.0715, 48.023], [37.078, 48.028], [37.0715, 48.033], [37.065, 48.028]);
const C = polygon([37.0675, 48.022], [37.071, 48.0285], [37.0675, 48.035], [37.064, 48.0285]);
/** A frame around all three. */
const F = polygon([37.06, 48.02], [37.08, 48.02], [37.08, 48.04], [37.06, 48.04]);
/** The west of the frame, up to 37.066: it cuts A and C, 3 km from the hole. */
const S = polygon([37.06, 48.02], [37.066, 48.02], [37.066, 48.04], [37.06, 48.04]);
/** The three diamonds as one operand (overlapping parts: read as their union). */
const M: MultiPolygon = { type: 'MultiPolygon', coordinates: [A.coordinates, B.coordinates, C.coordinates] };

/** GEOS (shapely 1.8 + pyproj, geos.py's `km2`): A ∪ B ∪ C, its hole, its boundary, (A ∪ B ∪ C) − S, F − (A ∪ B ∪ C). */
const GEOS = { unionKm2: 0.8937082446345612, holeKm2: 0.007610431667957455, unionBoundaryKm: 4.694292430374987, minusSKm2: 0.8188349124035127, frameRestKm2: 2.4234312723779903 };
/** The boundary of F − (A ∪ B ∪ C): the frame's (2 × 1.49 km + 2 × 2.22 km) and the union's; 12.2 km rounded up. */
const FRAME_REST_BOUNDARY_KM = 12.2;

/** Twice the signed area of the triangle a, b, c in grid cells, exact (BigInt). */
function crossOnGrid(a: Position, b: Position, c: Position): bigint {
  const [ax, ay, bx, by, cx, cy] = [a[0]!, a[1]!, b[0]!, b[1]!, c[0]!, c[1]!].map((v) => BigInt(onGrid(v)));
  return (bx! - ax!) * (cy! - ay!) - (by! - ay!) * (cx! - ax!);
}

const claim = (id: string, claimant: string, geometry: Polygon | MultiPolygon, side: string): Claim =>
  ({ id, claimant, statedAt: '2025-10-01', basis: 'claimed', status: 'controlled', side, area: { geometry } }) as unknown as Claim;

describe('three diamonds, a vertex of one exactly on an edge of another', () => {
  it('premise: B\'s north vertex lies exactly on A\'s south-east edge on the grid, and the inputs are valid', () => {
    const [a0, a1] = [A.coordinates[0]![0]!, A.coordinates[0]![1]!];
    const b2 = B.coordinates[0]![2]!;
    expect(crossOnGrid(a0, a1, b2)).toBe(0n);
    expect(onGrid(b2[0]!)).toBeGreaterThan(onGrid(a0[0]!));
    expect(onGrid(b2[0]!)).toBeLessThan(onGrid(a1[0]!));
    for (const g of [A, B, C, F, S]) expect(validateGeometry(g).valid).toBe(true);
  });

  const unionBound = bound(GEOS.unionKm2, 0, GEOS.unionBoundaryKm);
  it('union keeps the hole (was: one ring, 0.901319 km²)', () => {
    for (const result of [union(A, B, C), union(C, B, A), union(M)]) {
      expect(validateGeometry(result).valid).toBe(true);
      expect(result.coordinates.length).toBe(1);
      expect(result.coordinates[0]!.length).toBe(2);
      expect(Math.abs(areaKm2(result) - GEOS.unionKm2)).toBeLessThanOrEqual(unionBound);
      const hole: Polygon = { type: 'Polygon', coordinates: [[...result.coordinates[0]![1]!].reverse()] };
      expect(Math.abs(areaKm2(hole) - GEOS.holeKm2)).toBeLessThanOrEqual(bound(GEOS.holeKm2, 0, 0.5));
    }
  });

  it('intersection with a frame, of the three as one operand, keeps the hole', () => {
    for (const result of [intersection(F, M), intersection(M, F)]) {
      expect(validateGeometry(result).valid).toBe(true);
      expect(Math.abs(areaKm2(result) - GEOS.unionKm2)).toBeLessThanOrEqual(unionBound);
    }
  });

  it('difference of the three as one operand and a strip 3 km away keeps the hole (was 0.826445 km²)', () => {
    const result = difference(M, S);
    expect(validateGeometry(result).valid).toBe(true);
    // Its boundary: the union's, less what S cut off, plus S's edge across A and C; the union's bounds it.
    expect(Math.abs(areaKm2(result) - GEOS.minusSKm2)).toBeLessThanOrEqual(bound(GEOS.minusSKm2, 0, GEOS.unionBoundaryKm));
  });

  it('controlMap and diffClaims of a claim on the three count the hole as nobody\'s (was claimed)', () => {
    const map = controlMap([claim('m', 'c0', M, 'RU')]);
    expect(map.features.length).toBe(1);
    expect(Math.abs(map.features[0]!.properties.km2 - GEOS.unionKm2)).toBeLessThanOrEqual(unionBound + (map.sliversKm2 ?? 0));
    const diff = diffClaims([claim('m', 'c0', M, 'RU')], [claim('f', 'c1', F, 'UA')]);
    expect(Math.abs(diff.summary.conflict.km2 - GEOS.unionKm2)).toBeLessThanOrEqual(bound(GEOS.unionKm2, diff.sliversKm2, GEOS.unionBoundaryKm, 2));
    expect(Math.abs(diff.summary['only-b'].km2 - GEOS.frameRestKm2)).toBeLessThanOrEqual(bound(GEOS.frameRestKm2, diff.sliversKm2, FRAME_REST_BOUNDARY_KM, 2));
  });

  it.runIf(refereeAvailable('vertex on an edge, against GEOS'))('every result agrees with GEOS in area and shape, and GEOS calls it valid', () => {
    const cases: (RefereeCase & { kind: 'boolean' })[] = [
      { id: 'A ∪ B ∪ C', kind: 'boolean', op: 'union', operands: [A, B, C], ours: union(A, B, C) },
      // F covers A, B and C, so F ∩ M is their union.
      { id: 'F ∩ M', kind: 'boolean', op: 'union', operands: [A, B, C], ours: intersection(F, M) },
      { id: 'F − A − B − C', kind: 'boolean', op: 'difference', operands: [F, A, B, C], ours: difference(F, A, B, C) },
    ];
    const answers = referee(cases);
    const wrong = answers.flatMap((answer, i) => disagreements(answer, { result: areaKm2(cases[i]!.ours) }));
    expect(wrong, describeDisagreements(wrong)).toEqual([]);
    expect(answers.flatMap((a) => a.invalid ?? [])).toEqual([]);
    expect(Math.abs(answers[0]!.keys!['result']![0] - GEOS.unionKm2)).toBeLessThan(1e-12);
    expect(Math.abs(answers[2]!.keys!['result']![0] - GEOS.frameRestKm2)).toBeLessThan(1e-12);
  });
});

describe('a hole whose vertex the grid puts exactly on its shell\'s edge (snap-settles property, seed 2, run 2971 of 9,000)', () => {
  // Read onto the grid (cells from 30° E, 48° N) the shell is (6,0) (0,4) (−7,0) (0,−3) and the hole
  // (3,0) (2,0) (1,−1) (1,1) (3,2): the hole's vertex (3,2) lies exactly on the shell's edge
  // (6,0)→(0,4), halfway. Before the fix, intersection(a, b) came out with its hole crossing its shell
  // (validateGeometry: rings 0 and 1 cross at (2, 1.5) and (3, 1) cells).
  const a: Polygon = { type: 'Polygon', coordinates: [
    [[30.000000006333334, 48], [30, 48.00000000366666], [29.999999993333333, 48], [30, 47.999999997], [30.000000006333334, 48]],
    [[30.000000002666667, 48], [30.000000002, 47.99999999966667], [30.000000001333333, 47.99999999933333], [30.000000001, 48.00000000066667], [30.000000002666667, 48.00000000166666], [30.000000002666667, 48]],
  ] };
  const b: Polygon = { type: 'Polygon', coordinates: [[[30.000000005333334, 47.999999999], [30.000000005333334, 48.000000005], [30, 48.00000000233333], [29.999999996666666, 47.999999999], [29.999999998666667, 47.99999999333333], [30.000000004, 47.99999999566667], [30.000000005333334, 47.999999999]]] };
  it('every operation gives a valid result', () => {
    expect(validateGeometry(a).valid && validateGeometry(b).valid).toBe(true);
    for (const result of [union(a), union(a, b), intersection(a, b), difference(a, b), difference(b, a)]) {
      expect(validateGeometry(result).problems.filter((p) => p.severity === 'error')).toEqual([]);
    }
  });
});

/**
 * Three polygons laid out like the diamonds, on a coarse grid (1e-4°, 1e5
 * cells): P has edges at 0°, 90° or 45° (a box or a diamond), so that a
 * point a whole number of cells along such an edge lies exactly on it on
 * the engine's grid; Q is a kite with a vertex at that point, lying outside
 * P (it touches P there) or reaching into it; R is a star-shaped polygon
 * (vertices sorted by angle about its centre) drawn near that point, so
 * that P, Q and R often shut in a pocket at it. Draws that are not valid
 * are skipped.
 */
const UNIT = 1e5; // cells per coarse step
const toPosition = ([x, y]: [number, number]): Position => [37 + x * 1e-9, 48 + y * 1e-9];
const toPolygon = (points: [number, number][]): Polygon => ({ type: 'Polygon', coordinates: [[...points, points[0]!].map(toPosition)] });

/** A star-shaped ring about (ox, oy) (cells): spokes in coarse steps, sorted by angle, repeated points dropped. */
function star(ox: number, oy: number, spokes: readonly { angle: number; radius: number }[]): [number, number][] {
  const points = spokes.map(({ angle, radius }): [number, number] => [ox + Math.round(radius * Math.cos(angle)) * UNIT, oy + Math.round(radius * Math.sin(angle)) * UNIT]);
  const distinct = points.filter((p, i) => points.findIndex((q) => q[0] === p[0] && q[1] === p[1]) === i);
  return distinct.sort((p, q) => Math.atan2(p[1] - oy, p[0] - ox) - Math.atan2(q[1] - oy, q[0] - ox));
}
// Angles in whole degrees: fast-check's doubles crowd at the bounds (all spokes along one line).
const spokes = fc.array(fc.record({ angle: fc.integer({ min: 0, max: 359 }).map((d) => (d * Math.PI) / 180), radius: fc.integer({ min: 2, max: 20 }) }), { minLength: 3, maxLength: 7 });

const drawn = fc
  .record({
    half: fc.integer({ min: 4, max: 25 }),
    tall: fc.integer({ min: 4, max: 25 }),
    diamond: fc.boolean(),
    edge: fc.nat(3),
    at: fc.integer({ min: 1, max: 99 }),
    fine: fc.integer({ min: -3, max: 3 }),
    kite: fc.record({ length: fc.integer({ min: 2, max: 20 }), left: fc.integer({ min: 1, max: 12 }), right: fc.integer({ min: 1, max: 12 }), inward: fc.constantFrom(0, 0, 0, 1, 2) }),
    r: fc.record({ along: fc.integer({ min: -12, max: 12 }), out: fc.integer({ min: -6, max: 6 }), spokes }),
  })
  .map(({ half, tall, diamond, edge, at, fine, kite, r }) => {
    const [w, h] = [half * UNIT, (diamond ? half : tall) * UNIT];
    const p: [number, number][] = diamond ? [[w, 0], [0, w], [-w, 0], [0, -w]] : [[-w, -h], [w, -h], [w, h], [-w, h]];
    const a = p[edge]!;
    const b = p[(edge + 1) % 4]!;
    // The edge's direction in whole cells (a unit step along an axis or a diagonal), and its outward normal (P runs counter-clockwise).
    const t: [number, number] = [Math.sign(b[0] - a[0]), Math.sign(b[1] - a[1])];
    const n: [number, number] = [t[1], -t[0]];
    const steps = Math.max(Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1]));
    // A whole number of cells along the edge: coarse, nudged by up to 3 cells.
    const k = Math.min(steps - 1, Math.max(1, Math.round((at / 100) * (steps / UNIT)) * UNIT + fine));
    const on: [number, number] = [a[0] + t[0] * k, a[1] + t[1] * k];
    const step = (from: [number, number], along: number, out: number): [number, number] => [from[0] + (t[0] * along + n[0] * out) * UNIT, from[1] + (t[1] * along + n[1] * out) * UNIT];
    // The kite: its vertex `on`, the rest outward (or a little inward: then it crosses P's edge).
    // (Wound clockwise; readers accept either winding.)
    const q = [on, step(on, kite.right, kite.length - kite.inward), step(on, 0, 2 * kite.length - kite.inward), step(on, -kite.left, kite.length - kite.inward)];
    if (kite.inward > 0) q[0] = step(on, 0, -kite.inward); // reaching into P: its vertex is no longer on the edge, its edges cross it
    const centre = step(on, r.along, r.out);
    return { P: toPolygon(p), Q: toPolygon(q), R: toPolygon(star(centre[0], centre[1], r.spokes)), on, touching: kite.inward === 0 };
  });

describe('a vertex exactly on another polygon\'s edge (property, against GEOS)', () => {
  it.runIf(refereeAvailable('vertex on an edge property, against GEOS'))('union, intersection and difference agree with GEOS within the grid\'s reach, and are valid', () => {
    const cases: (RefereeCase & { kind: 'boolean' })[] = [];
    let holes = 0;
    let onEdge = 0;
    fc.assert(
      fc.property(drawn, ({ P, Q, R, on, touching }) => {
        fc.pre(R.coordinates[0]!.length >= 4 && validateGeometry(R).valid);
        // The premise, on the grid: `on` lies on an edge of P, strictly between its ends (and is Q's vertex when Q touches P).
        const ring0 = P.coordinates[0]!;
        expect(ring0.some((a, i) => i + 1 < ring0.length && crossOnGrid(a, ring0[i + 1]!, toPosition(on)) === 0n)).toBe(true);
        expect(validateGeometry(Q).valid).toBe(true);
        if (touching) onEdge += 1;
        const id = `${cases.length / 7}`;
        const frame = polygon([36.99, 47.99], [37.01, 47.99], [37.01, 48.01], [36.99, 48.01]);
        const all: MultiPolygon = { type: 'MultiPolygon', coordinates: [P.coordinates, Q.coordinates, R.coordinates] };
        const results: [string, 'union' | 'intersection' | 'difference', Polygon[], MultiPolygon][] = [
          ['P ∪ Q', 'union', [P, Q], union(P, Q)],
          ['P ∪ Q ∪ R', 'union', [P, Q, R], union(P, Q, R)],
          // The frame covers all three, so frame ∩ {P, Q, R} (one operand, overlapping parts) is their union.
          ['frame ∩ {P, Q, R}', 'union', [P, Q, R], intersection(frame, all)],
          ['P ∩ Q', 'intersection', [P, Q], intersection(P, Q)],
          ['P − Q', 'difference', [P, Q], difference(P, Q)],
          ['Q − P', 'difference', [Q, P], difference(Q, P)],
          ['R − P − Q', 'difference', [R, P, Q], difference(R, P, Q)],
        ];
        for (const [name, op, operands, ours] of results) {
          expect(validateGeometry(ours).valid, `${id} ${name}`).toBe(true);
          if (ours.coordinates.some((x) => x.length > 1)) holes += 1;
          cases.push({ id: `${id} ${name}: ${JSON.stringify(operands)}`, kind: 'boolean', op, operands, ours });
        }
      }),
      { numRuns: Number(process.env['FC_RUNS'] ?? 600), seed: 1109 },
    );
    const answers = referee(cases);
    const wrong = answers.flatMap((answer, i) => disagreements(answer, { result: areaKm2(cases[i]!.ours as MultiPolygon) }));
    expect(wrong, describeDisagreements(wrong, 3)).toEqual([]);
    expect(answers.flatMap((a) => (a.invalid ?? []).map((reason) => `${a.id}: ${reason}`)).slice(0, 3)).toEqual([]);
    // Not vacuous: most draws touch P at the vertex, and results with a hole are common (a pocket
    // shut in there; 993 of 21,000 results at FC_RUNS=3000). With the vertex left off the edge (the
    // code before), this seed's run 207 already came out 1.6e-4 km² too large (a pocket filled).
    expect(onEdge).toBeGreaterThan(cases.length / 7 / 2);
    expect(holes).toBeGreaterThan(cases.length / 40);
  }, 120_000);
});
