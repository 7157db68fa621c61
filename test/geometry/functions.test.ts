/**
 * Unit tests for the geometry functions' rules: distances and lengths,
 * the boundary rule of `contains`, the empty results of the boolean
 * operations, the refusals of `splitByLine`, compass sides, and what
 * `validateGeometry` reports for each kind of problem.
 */
import type { LineString, Polygon } from 'geojson';
import { describe, expect, it, vi } from 'vitest';
import {
  areaKm2, contains, difference, distanceM, intersection, keepSideOfLine, lengthM, normalizeGeometry, perimeterM,
  sideOfLine, splitByLine, union, validateGeometry,
} from '../../src/geometry/index.js';
import { isContestedError } from '../../src/errors/index.js';
import { clip, EngineRun } from '../../src/geometry/_engine.js';

const square: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] };
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (isContestedError(error)) return `${error.code}/${error.issues[0]?.code}`;
    throw error;
  }
  return 'no error';
};

describe('measures', () => {
  it('distanceM is GeographicLib geodesic distance', () => {
    // One degree of latitude at the equator on WGS84: 110,574.389 m.
    expect(distanceM([0, 0], [0, 1])).toBeCloseTo(110_574.389, 2);
    expect(distanceM({ type: 'Point', coordinates: [37, 48] }, { type: 'Feature', properties: null, geometry: { type: 'Point', coordinates: [37, 48] } })).toBe(0);
  });
  it('lengthM counts lines only, perimeterM rings only', () => {
    const line: LineString = { type: 'LineString', coordinates: [[0, 0], [0, 1], [0, 2]] };
    expect(lengthM(line)).toBeCloseTo(distanceM([0, 0], [0, 2]), 3);
    expect(lengthM(square)).toBe(0);
    expect(perimeterM(line)).toBe(0);
    expect(perimeterM(square)).toBeGreaterThan(4 * 110_000);
  });
});

describe('contains', () => {
  it('counts the boundary as inside', () => {
    expect(contains(square, [1, 1])).toBe(true);
    expect(contains(square, [2, 1])).toBe(true);
    expect(contains(square, [0, 0])).toBe(true);
    expect(contains(square, [2.0000001, 1])).toBe(false);
  });
  it('tests lines and polygons as wholes', () => {
    expect(contains(square, { type: 'LineString', coordinates: [[0, 0], [2, 0]] })).toBe(true);
    expect(contains(square, { type: 'LineString', coordinates: [[1, 1], [3, 1]] })).toBe(false);
    expect(contains(square, { type: 'Polygon', coordinates: [[[0.5, 0.5], [1, 0.5], [1, 1], [0.5, 0.5]]] })).toBe(true);
    expect(contains(square, { type: 'Polygon', coordinates: [[[1.5, 1.5], [3, 1.5], [3, 3], [1.5, 1.5]]] })).toBe(false);
  });
  it('an empty area contains nothing', () => {
    expect(contains({ type: 'MultiPolygon', coordinates: [] }, [0, 0])).toBe(false);
  });
});

describe('boolean operations', () => {
  const empty = { type: 'MultiPolygon', coordinates: [] };
  it('return the empty MultiPolygon for empty results', () => {
    expect(union()).toEqual(empty);
    expect(intersection()).toEqual(empty);
    expect(intersection(square, { type: 'Polygon', coordinates: [[[5, 5], [6, 5], [6, 6], [5, 5]]] })).toEqual(empty);
    expect(difference(square, square)).toEqual(empty);
  });
  it('refuse points and lines with a path to the argument', () => {
    expect(codeOf(() => union(square, { type: 'Point', coordinates: [0, 0] } as unknown as Polygon))).toBe('invalid-input/not-an-area');
  });
  it('wrap engine failures as geometry-engine errors', () => {
    const spy = vi.spyOn(EngineRun.prototype, 'run').mockReturnValue(false);
    expect(codeOf(() => clip('union', [[[[[0, 0], [1, 0], [1, 1], [0, 0]]]]]))).toBe('geometry-engine/engine-failure');
    spy.mockRestore();
  });
  it('winds results as RFC 7946 asks', () => {
    const clockwise: Polygon = { type: 'Polygon', coordinates: [[[0, 0], [0, 2], [2, 2], [2, 0], [0, 0]]] };
    expect(validateGeometry(union(clockwise)).problems).toEqual([]);
  });
});

describe('splitByLine', () => {
  it('names parts by the line direction', () => {
    const eastward: LineString = { type: 'LineString', coordinates: [[-1, 1], [3, 1]] };
    const { left, right } = splitByLine(square, eastward);
    expect(areaKm2(left)).toBeCloseTo(areaKm2({ type: 'Polygon', coordinates: [[[0, 1], [2, 1], [2, 2], [0, 2], [0, 1]]] }), 6);
    expect(contains(left, [1, 1.5])).toBe(true);
    expect(splitByLine(square, { type: 'LineString', coordinates: [[3, 1], [-1, 1]] }).right).toEqual(left);
  });
  it('refuses lines that miss, do not divide, or cross themselves', () => {
    expect(codeOf(() => splitByLine(square, { type: 'LineString', coordinates: [[5, 5], [6, 6]] }))).toBe('invalid-geometry/line-misses-area');
    expect(codeOf(() => splitByLine(square, { type: 'LineString', coordinates: [[0, 0], [2, 0]] }))).toBe('invalid-geometry/line-does-not-divide');
    expect(codeOf(() => splitByLine(square, { type: 'LineString', coordinates: [[0.5, 0.5], [1.5, 0.5], [1.5, 1.5], [1, 0]] }))).toBe('invalid-geometry/line-crosses-itself');
    expect(codeOf(() => splitByLine(square, { type: 'MultiLineString', coordinates: [[[0, 1], [2, 1]], [[0, 2], [1, 2]]] }))).toBe('invalid-input/invalid-type');
  });
  it('resolves compass words from the overall direction', () => {
    const westToEast: LineString = { type: 'LineString', coordinates: [[0, 1], [1, 1.2], [2, 1]] };
    expect(sideOfLine(westToEast, 'north')).toBe('left');
    expect(sideOfLine(westToEast, 'south')).toBe('right');
    const southToNorth: LineString = { type: 'LineString', coordinates: [[1, 0], [1, 2]] };
    expect(sideOfLine(southToNorth, 'west')).toBe('left');
    expect(sideOfLine(southToNorth, 'east')).toBe('right');
    expect(codeOf(() => sideOfLine(southToNorth, 'north'))).toBe('invalid-geometry/ambiguous-side');
    expect(contains(keepSideOfLine(square, westToEast, 'north'), [1, 1.9])).toBe(true);
  });

  it('keeps all or none of an area wholly on one side of the line extended, and refuses where the extension cuts it', () => {
    // A road east of the square (x from 3 to 4 at y = 3): the square (0..2) lies wholly south of its extension.
    const road: LineString = { type: 'LineString', coordinates: [[3, 3], [4, 3]] };
    expect(areaKm2(keepSideOfLine(square, road, 'south'))).toBeCloseTo(areaKm2(square), 9);
    expect(keepSideOfLine(square, road, 'north')).toEqual({ type: 'MultiPolygon', coordinates: [] });
    // splitByLine still refuses: it promises two parts.
    expect(codeOf(() => splitByLine(square, road))).toBe('invalid-geometry/line-misses-area');
    // A line touching the square's edge leaves it all on one side: kept whole, or not at all.
    const edge: LineString = { type: 'LineString', coordinates: [[0, 0], [2, 0]] };
    expect(areaKm2(keepSideOfLine(square, edge, 'north'))).toBeCloseTo(areaKm2(square), 9);
    expect(keepSideOfLine(square, edge, 'south').coordinates).toEqual([]);
    // A road beyond the square whose extension cuts it: ambiguous.
    const beyond: LineString = { type: 'LineString', coordinates: [[3, 1], [4, 1]] };
    expect(codeOf(() => keepSideOfLine(square, beyond, 'north'))).toBe('invalid-geometry/line-misses-area');
  });
});

describe('validateGeometry', () => {
  const codes = (input: unknown): string[] => validateGeometry(input).problems.map((p) => `${p.severity}:${p.code}`);
  it('never throws on arbitrary JSON', () => {
    for (const junk of [null, 1, 'x', [], {}, { type: 'Polygon' }, { type: 'Polygon', coordinates: [[1, 2]] }, { type: 'FeatureCollection', features: [null] }]) {
      expect(validateGeometry(junk).valid).toBe(false);
    }
  });
  it('places every hole of a large shell as a scan of the whole shell does (the shell cut into bands once)', () => {
    // A 3,000-vertex circle (radius 1 round [10, 10]) with 40 small square holes on a ring of radius 0.5, and
    // two more: one beyond the shell (hole-outside-shell at its first vertex) and one whose first vertex lies on
    // the shell's edge and the next outside (the first vertex off the boundary decides).
    const shell = Array.from({ length: 3000 }, (_, i) => [10 + Math.cos((2 * Math.PI * i) / 3000), 10 + Math.sin((2 * Math.PI * i) / 3000)]);
    const hole = (x: number, y: number) => [[x, y], [x, y + 0.01], [x + 0.01, y + 0.01], [x + 0.01, y], [x, y]];
    const holes = Array.from({ length: 40 }, (_, k) => hole(10 + 0.5 * Math.cos((2 * Math.PI * k) / 40), 10 + 0.5 * Math.sin((2 * Math.PI * k) / 40)));
    const onEdge = shell[750]!;
    const coordinates = [[...shell, shell[0]!], ...holes, hole(12, 12), [onEdge, [onEdge[0]!, onEdge[1]! + 0.01], [onEdge[0]! + 0.01, onEdge[1]! + 0.01], onEdge]];
    const outside = validateGeometry({ type: 'Polygon', coordinates }).problems.filter((p) => p.code === 'hole-outside-shell');
    expect(outside.map((p) => [p.path, p.at])).toEqual([
      [['coordinates', 41], [12, 12]],
      [['coordinates', 42], [onEdge[0], onEdge[1]! + 0.01]],
    ]);
    expect(validateGeometry({ type: 'Polygon', coordinates: [[...shell, shell[0]!], ...holes] }).valid).toBe(true);
  });
  it('reports each kind of problem with its location', () => {
    expect(codes({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] })).toEqual(['error:unclosed-ring']);
    expect(codes({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] })).toEqual(['error:too-few-positions']);
    expect(codes({ type: 'Point', coordinates: [200, 0] })).toEqual(['error:out-of-range']);
    expect(codes({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 0], [1, 1], [0, 0]]] })).toEqual(['warning:duplicate-point']);
    expect(codes({ type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [0, 0]]] })).toEqual(['warning:wrong-winding']);
    expect(codes({ type: 'LineString', coordinates: [[179, 0], [-179, 0]] })).toEqual(['error:antimeridian-crossing']);
    expect(codes({ type: 'Polygon', coordinates: [square.coordinates[0], [[3, 3], [3, 4], [4, 4], [3, 3]]] })).toEqual(['error:hole-outside-shell']);
    expect(codes({ type: 'Polygon', coordinates: [square.coordinates[0], [[1, 1], [1, 3], [1.5, 3], [1, 1]]] })).toContain('error:rings-intersect');
    const bowTie = validateGeometry({ type: 'Polygon', coordinates: [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]] });
    const crossing = bowTie.problems.find((p) => p.code === 'self-intersection');
    expect(crossing).toMatchObject({ at: [1, 1], path: ['coordinates', 0, 0], severity: 'error' });
    expect(bowTie.valid).toBe(false);
  });
  it('finds a crossing in a 40,000-vertex ring', () => {
    const ring: number[][] = [];
    for (let i = 0; i < 40_000; i += 1) {
      const t = (2 * Math.PI * i) / 40_000;
      ring.push([37 + Math.cos(t), 48 + Math.sin(t)]);
    }
    [ring[100], ring[20_100]] = [ring[20_100]!, ring[100]!];
    ring.push(ring[0]!);
    expect(validateGeometry({ type: 'Polygon', coordinates: [ring] }).problems.some((p) => p.code === 'self-intersection')).toBe(true);
  });
});

describe('normalizeGeometry', () => {
  it('refuses what it cannot repair', () => {
    expect(codeOf(() => normalizeGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 95], [0, 0]]] }))).toBe('invalid-geometry/out-of-range');
  });
  it('leaves a normal geometry as it was, with no repairs', () => {
    expect(normalizeGeometry(square)).toEqual({ geometry: square, repairs: [] });
  });
});
