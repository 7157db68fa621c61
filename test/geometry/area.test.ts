/**
 * areaKm2 against pinned reference areas (test/fixtures/areaKm2, computed
 * once by GeographicLib on densified input and by independent quadrature;
 * see generate.ts there), from the equator to 80° N and S, 1 m² to
 * continent size; plus the rules for holes, winding, points and lines.
 */
import { readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaKm2 } from '../../src/geometry/index.js';

interface Reference {
  name: string;
  ring: number[][];
  quadratureM2: number;
  geographiclibM2: number;
}
const { references } = JSON.parse(readFileSync(new URL('../fixtures/areaKm2/reference.json', import.meta.url), 'utf8')) as { references: Reference[] };

const polygon = (ring: number[][]): Polygon => ({ type: 'Polygon', coordinates: [ring] });

describe('areaKm2 against reference areas', () => {
  // 1e-10 from 1,000 m² up; at 1 m² the floor is double rounding over a
  // latitude span of 1e-7 rad (about ε/Δφ), measured at 2.2e-9.
  it.each(references.map((r) => [r.name, r] as const))('%s agrees with quadrature (1e-10 relative, 5e-9 at 1 m²)', (_, reference) => {
    const area = areaKm2(polygon(reference.ring)) * 1e6;
    const tolerance = reference.quadratureM2 < 100 ? 5e-9 : 1e-10;
    expect(Math.abs(area - reference.quadratureM2) / reference.quadratureM2).toBeLessThan(tolerance);
  });

  it.each(references.filter((r) => r.quadratureM2 >= 1e6).map((r) => [r.name, r] as const))(
    '%s agrees with GeographicLib on densified input to 1e-8 relative',
    (_, reference) => {
      const area = areaKm2(polygon(reference.ring)) * 1e6;
      expect(Math.abs(area - reference.geographiclibM2) / reference.geographiclibM2).toBeLessThan(1e-8);
    },
  );

  // GeographicLib sums per-edge areas measured from the equator, so its
  // rounding floor is absolute: up to ~5e-3 m² here, whatever the shape's size.
  it('agrees with GeographicLib on sub-km² shapes to within its absolute floor (1e-2 m²)', () => {
    for (const reference of references.filter((r) => r.quadratureM2 < 1e6)) {
      expect(Math.abs(areaKm2(polygon(reference.ring)) * 1e6 - reference.geographiclibM2)).toBeLessThan(1e-2);
    }
  });
});

describe('areaKm2 rules', () => {
  const square = [[37, 48], [37.1, 48], [37.1, 48.1], [37, 48.1], [37, 48]];
  const hole = [[37.02, 48.02], [37.02, 48.05], [37.05, 48.05], [37.05, 48.02], [37.02, 48.02]];

  it('ignores winding and subtracts holes', () => {
    const outer = areaKm2(polygon(square));
    expect(areaKm2(polygon([...square].reverse()))).toBe(outer);
    const withHole = areaKm2({ type: 'Polygon', coordinates: [square, hole] });
    expect(withHole).toBeCloseTo(outer - areaKm2(polygon(hole)), 12);
    expect(areaKm2({ type: 'Polygon', coordinates: [square, [...hole].reverse()] })).toBe(withHole);
  });

  it('gives 0 for points, lines, empty collections and null geometries', () => {
    expect(areaKm2({ type: 'Point', coordinates: [37, 48] })).toBe(0);
    expect(areaKm2({ type: 'LineString', coordinates: [[37, 48], [38, 49]] })).toBe(0);
    expect(areaKm2({ type: 'FeatureCollection', features: [] })).toBe(0);
    expect(areaKm2({ type: 'Feature', properties: null, geometry: null })).toBe(0);
  });

  it('sums features and multipolygon parts', () => {
    const one = areaKm2(polygon(square));
    expect(areaKm2({ type: 'MultiPolygon', coordinates: [[square], [square.map(([x, y]) => [x! + 1, y!])]] })).toBeGreaterThan(one);
    expect(areaKm2({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: polygon(square) }, { type: 'Feature', properties: {}, geometry: polygon(square) }] })).toBeCloseTo(2 * one, 10);
  });

  it('refuses rings that do not repeat their first position, as validateGeometry does (normalizeGeometry closes them)', () => {
    expect(() => areaKm2(polygon(square.slice(0, 4)))).toThrowError(/not closed.*normalizeGeometry/);
  });

  it('refuses an edge across the antimeridian, and bad coordinates', () => {
    expect(() => areaKm2(polygon([[179, 0], [-179, 0], [-179, 1], [179, 1], [179, 0]]))).toThrowError(/antimeridian/);
    expect(() => areaKm2(polygon([[0, 0], [1, 0], [1, 91], [0, 0]]))).toThrowError(/outside/);
    expect(() => areaKm2(polygon([[0, 0], [Number.NaN, 0], [1, 1], [0, 0]]))).toThrowError(/finite/);
  });

  it('accepts a polar cap cut at ±180 (RFC 7946 §3.1.9)', () => {
    const cap = areaKm2(polygon([[-180, 80], [180, 80], [180, 90], [-180, 90], [-180, 80]]));
    // Zone 80°–90° N on WGS84 is about 3.89 million km².
    expect(cap).toBeGreaterThan(3.8e6);
    expect(cap).toBeLessThan(4.0e6);
  });
});
