/**
 * areaKm2's one-pass path (src/geometry/_area.ts `checkedRingIntegral`,
 * measure.ts `checkedPolygonAreaM2`) against the two things it replaces:
 * - the short-edge series against the exact divided-difference path: a ring
 *   of long edges (exact path) and the same ring densified along its
 *   lon/lat-straight edges (series path) are the same polygon, so their
 *   integrals must agree;
 * - the fused checks against `checkPolygonRings` + `polygonAreaM2`: on
 *   random polygons with random defects, areaKm2 throws exactly when the
 *   full checks throw, with the same issues, and otherwise returns the same
 *   figure bit for bit.
 */
import fc from 'fast-check';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkedRingIntegral, polygonAreaM2, ringIntegral } from '../../src/geometry/_area.js';
import { checkPolygonRings } from '../../src/geometry/_operand.js';
import { areaKm2 } from '../../src/geometry/index.js';
import { isContestedError } from '../../src/errors/index.js';

const RUNS = Number(process.env['FC_RUNS'] ?? 1_000);

/** A star-shaped ring of `n` vertices around (cx, cy), closed. */
function star(cx: number, cy: number, radii: readonly number[], turn: number): Position[] {
  const ring: Position[] = radii.map((r, i) => {
    const t = turn + (2 * Math.PI * i) / radii.length;
    return [cx + r * Math.cos(t), cy + r * Math.sin(t)];
  });
  ring.push([...ring[0]!]);
  return ring;
}

/** Inserts `pieces − 1` points along each lon/lat-straight edge. */
function densify(ring: readonly Position[], pieces: number): Position[] {
  const out: Position[] = [];
  for (let i = 0; i + 1 < ring.length; i += 1) {
    const [x0, y0] = ring[i] as [number, number];
    const [x1, y1] = ring[i + 1] as [number, number];
    for (let k = 0; k < pieces; k += 1) out.push([x0 + ((x1 - x0) * k) / pieces, y0 + ((y1 - y0) * k) / pieces]);
  }
  out.push([...ring[ring.length - 1]!]);
  return out;
}

describe('the short-edge series agrees with the exact edge integral', () => {
  it('a ring of long edges and the same ring densified give the same integral (1e-12 relative)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -170, max: 170, noNaN: true }),
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.array(fc.double({ min: 1, max: 8, noNaN: true }), { minLength: 3, maxLength: 12 }),
        fc.double({ min: 0, max: Math.PI, noNaN: true }),
        (cx, cy, radii, turn) => {
          const ring = star(cx, cy, radii, turn);
          const long = ringIntegral(ring);
          // 400 pieces: every edge under 0.04° of latitude, far below the series' 0.29° limit.
          const short = ringIntegral(densify(ring, 400));
          expect(Math.abs(short - long)).toBeLessThanOrEqual(1e-12 * Math.abs(long));
        },
      ),
      { numRuns: Math.min(RUNS, 200) },
    );
  });
});

/** A defect to plant in a polygon, or none. */
const defects = ['none', 'string', 'nan', 'infinite', 'out-of-range', 'null-position', 'unclosed', 'antimeridian', 'hole-outside', 'hole-on-boundary', 'short-ring', 'edge-along-180'] as const;
type Defect = (typeof defects)[number];

function plant(defect: Defect, polygon: Position[][], at: number): unknown[][] {
  const rings: unknown[][] = polygon.map((ring) => ring.map((p) => [...p]));
  const shell = rings[0]!;
  const i = 1 + (at % (shell.length - 2));
  switch (defect) {
    case 'none':
      break;
    case 'string':
      shell[i] = [String((shell[i] as number[])[0]), (shell[i] as number[])[1]];
      break;
    case 'nan':
      shell[i] = [(shell[i] as number[])[0], Number.NaN];
      break;
    case 'infinite':
      shell[i] = [Number.POSITIVE_INFINITY, (shell[i] as number[])[1]];
      break;
    case 'out-of-range':
      shell[i] = [(shell[i] as number[])[0], 91];
      break;
    case 'null-position':
      shell[i] = null as unknown as unknown[];
      break;
    case 'unclosed':
      shell.pop();
      break;
    case 'antimeridian':
      shell[i] = [(shell[i] as number[])[0]! > 0 ? -179.5 : 179.5, (shell[i] as number[])[1]];
      break;
    case 'hole-outside':
      rings.push([[0, 0], [0.01, 0], [0.01, 0.01], [0, 0]]);
      break;
    case 'hole-on-boundary': {
      // a hole sharing the shell's first edge's start, then inside
      const [x, y] = shell[0] as [number, number];
      const [cx, cy] = shell.reduce<[number, number]>((c, p) => [c[0] + (p as number[])[0]! / shell.length, c[1] + (p as number[])[1]! / shell.length], [0, 0]);
      rings.push([[x, y], [x + (cx - x) * 0.2, y + (cy - y) * 0.1], [x + (cx - x) * 0.1, y + (cy - y) * 0.2], [x, y]]);
      break;
    }
    case 'short-ring':
      rings.push([[...(shell[0] as number[])], [...(shell[0] as number[])]]);
      break;
    case 'edge-along-180':
      rings[0] = [[180, 10], [-180, 10], [-180, 11], [180, 11], [180, 10]];
      break;
  }
  return rings;
}

describe('the one-pass checks are the full checks', () => {
  it('areaKm2 throws what checkPolygonRings throws, and otherwise gives polygonAreaM2 bit for bit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -170, max: 170, noNaN: true }),
        fc.double({ min: -80, max: 80, noNaN: true }),
        fc.array(fc.double({ min: 0.01, max: 2, noNaN: true }), { minLength: 3, maxLength: 30 }),
        fc.boolean(),
        fc.constantFrom(...defects),
        fc.nat(),
        (cx, cy, radii, withHole, defect, at) => {
          const shell = star(cx, cy, radii, 0.3);
          const rings: Position[][] = [shell];
          // a hole inside the shell's smallest radius, so inside the star
          if (withHole) rings.push(star(cx, cy, radii.map(() => Math.min(...radii) / 3), 0.1).reverse());
          const planted = plant(defect, rings, at) as Position[][];
          const located = { rings: planted, path: ['coordinates'] };
          let expected: number | string;
          try {
            checkPolygonRings(located);
            expected = polygonAreaM2(planted) / 1e6;
          } catch (error) {
            if (!isContestedError(error)) throw error;
            expected = JSON.stringify(error.issues);
          }
          let actual: number | string;
          try {
            actual = areaKm2({ type: 'Polygon', coordinates: planted } as Polygon);
          } catch (error) {
            if (!isContestedError(error)) throw error;
            actual = JSON.stringify(error.issues);
          }
          expect(actual).toBe(expected);
          if (defect === 'none') expect(typeof actual).toBe('number');
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the fused integral equals the unchecked one bit for bit on closed rings, and writes the box', () => {
    const ring = star(37.2, 48.3, [0.1, 0.2, 0.15, 0.3, 0.12], 0.5);
    const box = new Float64Array(5);
    expect(checkedRingIntegral(ring, box)).toBe(ringIntegral(ring));
    expect([...box]).toEqual([
      Math.min(...ring.map((p) => p[0]!)),
      Math.min(...ring.map((p) => p[1]!)),
      Math.max(...ring.map((p) => p[0]!)),
      Math.max(...ring.map((p) => p[1]!)),
      0,
    ]);
    // a NaN latitude behind edges of zero Δλ still fails the pass
    expect(checkedRingIntegral([[0, 0], [1, 0], [1, Number.NaN], [1, 1], [0, 0]], box)).toBeNaN();
  });
});
