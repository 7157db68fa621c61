import geodesic from 'geographiclib-geodesic';
import type { LineString, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { isContestedError } from '../errors/index.js';
import { distanceToFront, nearestOnPaths } from './distanceToFront.js';
import { frontLine, type FrontLineMap } from './frontLine.js';

const WGS84 = geodesic.Geodesic.WGS84;
const inverse = (a: Position, b: Position): number => WGS84.Inverse(a[1]!, a[0]!, b[1]!, b[0]!).s12!;
const north = (from: Position, metres: number): Position => {
  const r = WGS84.Direct(from[1]!, from[0]!, 0, metres);
  return [r.lon2!, r.lat2!];
};

/** The reference: every edge densified to `perEdge` points, GeographicLib to each, the least. */
function bruteForce(position: Position, lines: Position[][], perEdge: number): { distanceM: number; nearest: Position } {
  let best = { distanceM: Infinity, nearest: [NaN, NaN] as Position };
  for (const line of lines) {
    for (let i = 0; i + 1 < line.length; i += 1) {
      const [a, b] = [line[i]!, line[i + 1]!];
      for (let k = 0; k <= perEdge; k += 1) {
        const p: Position = [a[0]! + ((b[0]! - a[0]!) * k) / perEdge, a[1]! + ((b[1]! - a[1]!) * k) / perEdge];
        const d = inverse(position, p);
        if (d < best.distanceM) best = { distanceM: d, nearest: p };
      }
    }
  }
  return best;
}

const eastWest: LineString = { type: 'LineString', coordinates: [[37, 48], [37.1, 48]] };

describe('distanceToFront', () => {
  it('is 0 on the line: at a vertex and inside an edge', () => {
    expect(distanceToFront([37, 48], eastWest)).toEqual({ distanceM: 0, nearest: [37, 48] });
    const inside = distanceToFront([37.0371, 48], eastWest);
    expect(inside.distanceM).toBeLessThan(1e-3);
    expect(inside.nearest[0]).toBeCloseTo(37.0371, 9);
    const slanted: LineString = { type: 'LineString', coordinates: [[37, 48], [37.3, 48.2]] };
    expect(distanceToFront([37.15, 48.1], slanted).distanceM).toBeLessThan(1e-3);
  });

  it('1 km north of an east–west line is 1,000 m (GeographicLib Direct), nearest straight south', () => {
    const here = north([37.05, 48], 1000);
    const { distanceM, nearest } = distanceToFront(here, eastWest);
    expect(Math.abs(distanceM - 1000)).toBeLessThan(1e-6);
    expect(nearest[0]).toBeCloseTo(37.05, 7);
    expect(nearest[1]).toBe(48);
    expect(distanceM).toBeCloseTo(inverse(here, nearest), 9);
  });

  it('finds the nearest point inside a long edge, matching densified brute force', () => {
    const long: Position[][] = [[[35.5, 47.2], [38.4, 48.9], [38.5, 49.6]]];
    for (const here of [[36.6, 48.3], [37.9, 48.1], [35.0, 48.5], [38.45, 49.2]] as Position[]) {
      const ours = distanceToFront(here, { type: 'MultiLineString', coordinates: long });
      const reference = bruteForce(here, long, 50_000);
      // The reference samples every ~7 m, so it can only be longer, and by at most (spacing/2)²/(2d).
      expect(ours.distanceM).toBeLessThanOrEqual(reference.distanceM + 1e-6);
      expect(reference.distanceM - ours.distanceM).toBeLessThan(1e-3);
      expect(inverse(here, ours.nearest)).toBeCloseTo(ours.distanceM, 6);
    }
    // The first case's nearest point lies well inside the first edge, not at a vertex.
    const { nearest } = distanceToFront([36.6, 48.3], { type: 'MultiLineString', coordinates: long });
    expect(nearest[0]).toBeGreaterThan(35.6);
    expect(nearest[0]).toBeLessThan(38.3);
  });

  it('matches brute force on seeded random wiggly lines, near and far', () => {
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 12; trial += 1) {
      const line: Position[] = [[36 + random(), 47 + random()]];
      for (let i = 0; i < 20; i += 1) line.push([line[i]![0]! + (random() - 0.3) * 0.2, line[i]![1]! + (random() - 0.5) * 0.2]);
      const here: Position = [36 + 3 * random(), 46.5 + 2.5 * random()];
      const ours = distanceToFront(here, { type: 'LineString', coordinates: line });
      const reference = bruteForce(here, [line], 4000);
      expect(ours.distanceM).toBeLessThanOrEqual(reference.distanceM + 1e-6);
      expect(reference.distanceM - ours.distanceM).toBeLessThan(0.05);
    }
  });

  it('the distance-only search (what findContradictions uses) agrees with brute force to 0.1 mm, near and far', () => {
    let seed = 29;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let trial = 0; trial < 12; trial += 1) {
      const line: Position[] = [[36 + random(), 47 + random()]];
      for (let i = 0; i < 6; i += 1) line.push([line[i]![0]! + (random() - 0.5) * 0.6, line[i]![1]! + (random() - 0.5) * 0.6]);
      const spread = [0.01, 0.3, 4][trial % 3]!;
      const here: Position = [line[0]![0]! + (random() - 0.5) * spread, line[0]![1]! + (random() - 0.5) * spread];
      const only = nearestOnPaths(here[0]!, here[1]!, [line], 'distance');
      const reference = bruteForce(here, [line], 20_000);
      // The reference samples every few metres: it can only be longer, by at most (spacing/2)²/(2d).
      expect(only.distanceM).toBeLessThanOrEqual(reference.distanceM + 1e-6);
      expect(Math.abs(only.distanceM - distanceToFront(here, { type: 'LineString', coordinates: line }).distanceM)).toBeLessThan(1e-4);
    }
  });

  it('accepts a Point, a Feature, { coordinates } and the Feature frontLine returns', () => {
    const square = (x: number, side: string): FrontLineMap['features'][number] => ({
      type: 'Feature',
      properties: { status: 'controlled', side },
      geometry: { type: 'Polygon', coordinates: [[[x, 48], [x + 0.1, 48], [x + 0.1, 48.1], [x, 48.1], [x, 48]]] },
    });
    const front = frontLine({ type: 'FeatureCollection', features: [square(37, 'UA'), square(37.1, 'RU')] }, ['UA', 'RU']);
    const here = [37.15, 48.05];
    const expected = distanceToFront(here, front);
    expect(expected.nearest[0]).toBe(37.1);
    // The geodesic foot on a meridian lies ~1.2 m poleward of the point's own latitude.
    expect(expected.nearest[1]).toBeCloseTo(48.05001, 5);
    expect(expected.distanceM).toBeCloseTo(inverse(here, [37.1, 48.05001088]), 3);
    expect(distanceToFront({ type: 'Point', coordinates: here }, front)).toEqual(expected);
    expect(distanceToFront({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: here } }, front.geometry)).toEqual(expected);
    expect(distanceToFront({ coordinates: here }, front)).toEqual(expected);
  });

  it('throws invalid-input for an empty line, and for shapes it does not take', () => {
    const empty = frontLine({ type: 'FeatureCollection', features: [] }, ['UA', 'RU']);
    let caught: unknown;
    try {
      distanceToFront([37, 48], empty);
    } catch (error) {
      caught = error;
    }
    expect(isContestedError(caught) && caught.code).toBe('invalid-input');
    expect(String((caught as Error).message)).toMatch(/front line has no position/);
    expect(() => distanceToFront([37, 48], { type: 'Polygon', coordinates: [] } as never)).toThrow(/LineString or MultiLineString/);
    expect(() => distanceToFront([37, 95], eastWest)).toThrow(/outside lon/);
    expect(() => distanceToFront({ type: 'LineString', coordinates: [] } as never, eastWest)).toThrow(/Point/);
  });

  it('does not mutate its input', () => {
    const line = structuredClone(eastWest);
    distanceToFront([37.05, 48.01], line);
    expect(line).toEqual(eastWest);
  });
});
