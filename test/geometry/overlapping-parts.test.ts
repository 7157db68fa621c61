/**
 * Polygons of one MultiPolygon that overlap: `areaKm2` counts the overlap
 * once for each part, GEOS calls the MultiPolygon invalid, and every overlay
 * reads the parts as their union. Before, `validateGeometry` did not check
 * it and `normalizeGeometry` passed such parts through, so a map drawn with
 * overlapping parts was measured too large and nothing said so. Now
 * `validateGeometry` warns (`overlapping-parts`, with the km²) and
 * `normalizeGeometry` unites them (`united-overlapping-parts`).
 *
 * The exact cases are lon/lat rectangles, whose area on the WGS84 ellipsoid
 * has a closed form for edges straight in lon/lat (the library's edge
 * model): b²·Δλ·(F(φ₂) − F(φ₁)), F(φ) = sin φ / (2(1 − e² sin² φ)) +
 * atanh(e sin φ) / (2e).
 */
import fc from 'fast-check';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2, normalizeGeometry, union, validateGeometry } from '../../src/index.js';
import { Random, randomPolygon, sharedEdgePair } from '../referee/_generate.js';

const FLAT = 1 / 298.257223563;
const E2 = FLAT * (2 - FLAT);
const E = Math.sqrt(E2);
const B = 6378137 * (1 - FLAT);
const F = (lat: number): number => {
  const s = Math.sin((lat * Math.PI) / 180);
  return s / (2 * (1 - E2 * s * s)) + Math.atanh(E * s) / (2 * E);
};
/** The closed-form km² of the lon/lat rectangle [w, e] × [s, n]. */
const rectKm2 = (w: number, s: number, e: number, n: number): number => (B * B * (((e - w) * Math.PI) / 180) * (F(n) - F(s))) / 1e6;
const rect = (w: number, s: number, e: number, n: number): Position[][] => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];
const multi = (...polygons: Position[][][]): MultiPolygon => ({ type: 'MultiPolygon', coordinates: polygons });
const codes = (g: unknown): string[] => validateGeometry(g).problems.map((p) => p.code);

describe('overlapping parts of a MultiPolygon', () => {
  // Two 0.1° squares near Pokrovsk overlapping in a 0.04° × 0.05° rectangle.
  const a = rect(37.1, 48.2, 37.2, 48.3);
  const b = rect(37.16, 48.25, 37.26, 48.35);
  const overlapKm2 = rectKm2(37.16, 48.25, 37.2, 48.3);
  const unionKm2 = rectKm2(37.1, 48.2, 37.2, 48.3) + rectKm2(37.16, 48.25, 37.26, 48.35) - overlapKm2;

  it('validateGeometry warns at the second part, with the overlap in km²', () => {
    const result = validateGeometry(multi(a, b));
    expect(result.valid).toBe(true);
    expect(result.problems).toHaveLength(1);
    const [problem] = result.problems;
    expect(problem).toMatchObject({ code: 'overlapping-parts', path: ['coordinates', 1], severity: 'warning' });
    const km2 = Number(/by ([\d.e+-]+) km²/.exec(problem!.message)![1]);
    expect(Math.abs(km2 - overlapKm2) / overlapKm2).toBeLessThan(0.005); // three significant digits in the message
    expect(problem!.message).toContain('polygon 1 overlaps polygon 0');
  });

  it('areaKm2 counts the overlap twice; normalizeGeometry unites the parts, and then it counts once', () => {
    expect(Math.abs(areaKm2(multi(a, b)) - (unionKm2 + overlapKm2)) / unionKm2).toBeLessThan(1e-9);
    const { geometry, repairs } = normalizeGeometry(multi(a, b));
    expect(repairs.map((r) => r.code)).toEqual(['united-overlapping-parts']);
    expect(repairs[0]!.path).toEqual(['coordinates']);
    expect(Math.abs(areaKm2(geometry) - unionKm2) / unionKm2).toBeLessThan(1e-9);
    expect(validateGeometry(geometry).problems).toEqual([]);
  });

  it('identical parts, and a part inside another (not in its hole), overlap by the whole smaller part', () => {
    expect(codes(multi(a, a))).toEqual(['overlapping-parts']);
    const inner = rect(37.12, 48.22, 37.15, 48.26);
    expect(codes(multi(a, inner))).toEqual(['overlapping-parts']);
    const { geometry } = normalizeGeometry(multi(a, inner));
    expect(Math.abs(areaKm2(geometry) - rectKm2(37.1, 48.2, 37.2, 48.3)) / areaKm2(geometry)).toBeLessThan(1e-9);
  });

  it('parts that only touch, at a point or along an edge, or an island in a hole, are fine', () => {
    expect(codes(multi(a, rect(37.2, 48.2, 37.3, 48.3)))).toEqual([]);
    expect(codes(multi(a, rect(37.2, 48.3, 37.3, 48.4)))).toEqual([]);
    const withHole = [a[0]!, [[37.12, 48.22], [37.12, 48.28], [37.18, 48.28], [37.18, 48.22], [37.12, 48.22]]];
    expect(codes(multi(withHole, rect(37.13, 48.23, 37.17, 48.27)))).toEqual([]);
    expect(normalizeGeometry(multi(withHole, rect(37.13, 48.23, 37.17, 48.27))).repairs).toEqual([]);
  });

  it('a part with an error of its own is reported for that, and the parts are not checked against each other', () => {
    const bowTie = [[[37.1, 48.2], [37.2, 48.3], [37.2, 48.2], [37.1, 48.3], [37.1, 48.2]]];
    expect(codes(multi(bowTie, b))).not.toContain('overlapping-parts');
  });

  it('at random: no warning means no ground counted twice, and the warned km² are what areaKm2 counted twice', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.integer({ min: 2, max: 4 }), fc.boolean(), (seed, count, shared) => {
        const random = new Random(seed);
        const parts: Polygon[] = Array.from({ length: count }, () => randomPolygon(random));
        // Sometimes two parts share an edge chain exactly (touching, not overlapping).
        if (shared) parts.splice(0, 2, ...sharedEdgePair(random));
        const geometry = multi(...parts.map((p) => p.coordinates));
        const warned = validateGeometry(geometry).problems.filter((p) => p.code === 'overlapping-parts');
        const whole = areaKm2(geometry);
        const counted = whole - areaKm2(union(geometry));
        const tolerance = 1e-9 * whole + 1e-9;
        if (warned.length === 0) expect(Math.abs(counted)).toBeLessThanOrEqual(tolerance);
        else {
          // Pairwise overlaps add up to at least what was counted twice (more where three parts overlap).
          const km2 = warned.reduce((sum, p) => sum + Number(/by ([\d.e+-]+) km²/.exec(p.message)![1]), 0);
          expect(km2).toBeGreaterThanOrEqual(counted * (1 - 0.005) - tolerance);
          if (parts.length === 2) expect(Math.abs(km2 - counted)).toBeLessThanOrEqual(0.005 * counted + tolerance);
        }
        const normalized = normalizeGeometry(geometry);
        expect(normalized.repairs.some((r) => r.code === 'united-overlapping-parts')).toBe(warned.length > 0);
        expect(codes(normalized.geometry)).not.toContain('overlapping-parts');
        expect(Math.abs(areaKm2(normalized.geometry) - areaKm2(union(geometry)))).toBeLessThanOrEqual(tolerance);
      }),
      { numRuns: 150 },
    );
  });
});
