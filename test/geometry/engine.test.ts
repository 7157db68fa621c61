/**
 * The clipping engine wrapper: the grid it puts coordinates on, the repair
 * of rings that touch themselves, and what a caller gets when the engine
 * reports a failure (a geometry-engine error naming the operation and the
 * inputs' sizes, never another shape, and never a swallowed TypeError).
 */
import { Clipper64, ClipType, FillRule, type Path64 } from 'clipper2-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clip, EngineRun, onCallGrid, FINEST_GRID_DEGREES, GRID_DEGREES, GRID_SPAN_CELLS, gridDegreesFor, gridDegreesOf, type MultiPolygon2 } from '../../src/geometry/_engine.js';
import { ContestedError } from '../../src/errors/index.js';
import { validateGeometry } from '../../src/geometry/index.js';

const square = (x: number, y: number, size: number): MultiPolygon2 => [[[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]]];

afterEach(() => {
  vi.restoreAllMocks();
});

/** The 1e-9° grid held (as a call on Ukraine-wide data holds it): the triangles below were found as 1e-9° cells. */
const onCoarseGrid = <T>(work: () => T): T => onCallGrid([[20, 40, 35, 55]], work);

describe('the clipping engine wrapper', () => {
  // The grid is chosen per run from the operands' box (issue 12): the finest power of ten down to 1e-12°
  // on which the box spans at most GRID_SPAN_CELLS cells, 1e-9° for anything wider. A fixed 1e-9° grid
  // was pinned here before; the rule replaced it, and these tests pin the rule instead.
  it('chooses the run\'s cell from the operands\' extent: 1e-9° for a country, finer for a city, never finer than 1e-12°', () => {
    expect(GRID_DEGREES).toBe(1e-9);
    expect(FINEST_GRID_DEGREES).toBe(1e-12);
    expect(GRID_SPAN_CELLS).toBe(2e10);
    expect(gridDegreesFor([22.1, 44.3, 40.3, 52.4])).toBe(1e-9); // Ukraine: 18.2° (1.8e10 cells at 1e-9°)
    expect(gridDegreesFor([-180, -90, 180, 90])).toBe(1e-9); // wider than the bound: still 1e-9°, never coarser
    expect(gridDegreesFor([37, 48, 39, 49])).toBe(1e-10); // 2°: 2e10 cells at 1e-10°, on the bound
    expect(gridDegreesFor([37, 48, 39.0001, 48.5])).toBe(1e-9); // just over it
    expect(gridDegreesFor([37, 48, 37.1, 48.15])).toBe(1e-11); // an oblast's corner, the referee's cases
    expect(gridDegreesFor([37, 48, 37.01, 48.015])).toBe(1e-12); // a town
    expect(gridDegreesFor([37, 48, 37, 48])).toBe(1e-12); // a point: the finest
  });

  it('puts every result vertex on its run\'s grid, moving none by more than half a cell', () => {
    for (const [size, cell] of [[0.01, 1e-12], [0.1, 1e-11], [1, 1e-10], [10, 1e-9]] as const) {
      const offGrid = square(37.123456789012345, 48.1, size);
      const result = clip('union', [offGrid]);
      expect(gridDegreesOf(result), `${size}°`).toBe(cell);
      const corner = result[0]![0]!.find(([x]) => Math.abs(x - 37.123456789012345) < 1e-6)!;
      expect(Math.abs(corner[0] - 37.123456789012345), `${size}°`).toBeLessThanOrEqual(cell / 2 + 1e-15);
      // On the grid: (i + origin) / 10^k, written back exactly.
      for (const [x, y] of result[0]![0]!) {
        expect(Math.round(x / cell) / Math.round(1 / cell)).toBe(x);
        expect(Math.round(y / cell) / Math.round(1 / cell)).toBe(y);
      }
    }
  });

  it('reads shells and holes wound either way', () => {
    const clockwise: MultiPolygon2 = [[[[0, 0], [0, 4], [4, 4], [4, 0], [0, 0]], [[1, 1], [2, 1], [2, 2], [1, 2], [1, 1]]]];
    const counter: MultiPolygon2 = [[[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]], [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]]]];
    expect(clip('union', [clockwise])).toEqual(clip('union', [counter]));
    expect(clip('union', [clockwise])[0]).toHaveLength(2);
  });

  it('splits a shell that touches itself into a shell and a hole that validate', () => {
    // Two L-shaped halves that meet at (1, 1) from two sides: their union
    // encloses a square that Clipper2 returns inside one pinched ring.
    const a: MultiPolygon2 = [[[[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [0, 2], [0, 0]]]];
    const b: MultiPolygon2 = [[[[3, 1], [3, 3], [0, 3], [0, 2], [2, 2], [2, 1], [3, 1]]]];
    const result = clip('union', [a, b]);
    const geometry = { type: 'MultiPolygon' as const, coordinates: result };
    expect(validateGeometry(geometry).problems.filter((p) => p.severity === 'error')).toEqual([]);
    for (const polygon of result) for (const ring of polygon) expect(new Set(ring.slice(1).map(String)).size).toBe(ring.length - 1);
  });

  it('intersects many operands', () => {
    const result = clip('intersection', [square(0, 0, 4), square(1, 1, 4), square(2, 2, 4)]);
    expect(result).toHaveLength(1);
    expect(result[0]).toHaveLength(1);
    expect(new Set(result[0]![0]!.map(String))).toEqual(new Set(['2,2', '4,2', '4,4', '2,4']));
  });

  it('turns a reported failure into a geometry-engine error naming the operation and the sizes', () => {
    vi.spyOn(EngineRun.prototype, 'run').mockReturnValue(false);
    let caught: unknown;
    try {
      clip('difference', [square(0, 0, 4), square(1, 1, 1)]);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ContestedError);
    expect((caught as ContestedError).code).toBe('geometry-engine');
    expect((caught as ContestedError).issues[0]?.message).toMatch(/clipper2-ts\) failed on difference of 2 operand\(s\) of 5, 5 vertices/);
  });

  it('turns a failure of the union that repairs the output into the same error, not the unrepaired rings', () => {
    // Two triangles (found by a search over random triangles on the grid)
    // whose difference has a crossing Clipper2 rounds to within a cell of
    // another edge: snap rounding reroutes it, and the rerouted rings go
    // through a second run, a union, which is made to fail here. (The pair
    // used before had a vertex of b exactly on an edge of a; since such a
    // vertex is routed into the edge before the run, that difference needs
    // no repair, so it no longer reaches the code under test.)
    const a: MultiPolygon2 = [[[[37.000000023, 48.000000082], [36.999999934, 47.999999901], [37.00000007, 47.999999936], [37.000000023, 48.000000082]]]];
    const b: MultiPolygon2 = [[[[37.000000069, 47.999999994], [36.999999905, 47.999999901], [37.00000009, 48.000000002], [37.000000069, 47.999999994]]]];
    const run = EngineRun.prototype.run;
    const runs: ClipType[] = [];
    const spy = vi.spyOn(EngineRun.prototype, 'run').mockImplementation(function (this: EngineRun, ...args: Parameters<EngineRun['run']>) {
      runs.push(args[0]);
      return run.apply(this, args);
    });
    // Unhindered, the difference is one run and the repair's union a second.
    onCoarseGrid(() => clip('difference', [a, b]));
    expect(runs).toEqual([ClipType.Difference, ClipType.Union]);
    runs.length = 0;
    spy.mockImplementation(function (this: EngineRun, ...args: Parameters<EngineRun['run']>) {
      runs.push(args[0]);
      return runs.length === 2 ? false : run.apply(this, args);
    });
    let caught: unknown;
    try {
      onCoarseGrid(() => clip('difference', [a, b]));
    } catch (error) {
      caught = error;
    }
    expect(runs).toEqual([ClipType.Difference, ClipType.Union]);
    expect(caught).toBeInstanceOf(ContestedError);
    expect((caught as ContestedError).code).toBe('geometry-engine');
    expect((caught as ContestedError).issues[0]?.message).toMatch(/failed on difference of 2 operand\(s\) of 4, 4 vertices \(in the union that repairs its output/);
  });

  it('throws the same error when snap rounding of the output does not settle, rather than return rings it has not repaired', () => {
    // The same two triangles; the repair's union is made to give back the
    // difference's own output each time, so every round finds the same edge.
    const a: MultiPolygon2 = [[[[37.000000023, 48.000000082], [36.999999934, 47.999999901], [37.00000007, 47.999999936], [37.000000023, 48.000000082]]]];
    const b: MultiPolygon2 = [[[[37.000000069, 47.999999994], [36.999999905, 47.999999901], [37.00000009, 48.000000002], [37.000000069, 47.999999994]]]];
    const run = EngineRun.prototype.run;
    const runs: ClipType[] = [];
    let first: Path64[] = [];
    vi.spyOn(EngineRun.prototype, 'run').mockImplementation(function (this: EngineRun, ...args: Parameters<EngineRun['run']>) {
      runs.push(args[0]);
      const out = args[2];
      if (runs.length === 1) {
        const ok = run.apply(this, args);
        first = out.map((path) => path.map((p) => ({ ...p })));
        return ok;
      }
      out.length = 0;
      out.push(...first.map((path) => path.map((p) => ({ ...p }))));
      return true;
    });
    expect(() => onCoarseGrid(() => clip('difference', [a, b]))).toThrow(/failed on difference of 2 operand\(s\) of 4, 4 vertices \(in snap rounding of its output, unsettled after 8 rounds\)/);
    expect(runs).toEqual([ClipType.Difference, ...Array<ClipType>(8).fill(ClipType.Union)]);
  });

  it('lets a TypeError or RangeError through instead of swallowing it', () => {
    vi.spyOn(Clipper64.prototype, 'addSubject').mockImplementation(() => {
      throw new RangeError('out of range');
    });
    expect(() => clip('union', [square(0, 0, 1)])).toThrow(RangeError);
  });

  it('lets a TypeError or RangeError thrown inside the run through too, not as a reported failure', () => {
    // Clipper64.execute would catch it and return false; the wrapper runs
    // the engine's steps without that catch (EngineRun.run).
    const base = Object.getPrototypeOf(Clipper64.prototype) as { executeInternal: (...args: unknown[]) => void };
    const spy = vi.spyOn(base, 'executeInternal').mockImplementation(() => {
      throw new TypeError('a bug inside the engine run');
    });
    expect(() => clip('difference', [square(0, 0, 4), square(1, 1, 1)])).toThrow(new TypeError('a bug inside the engine run'));
    spy.mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    expect(() => clip('union', [square(0, 0, 4), square(1, 1, 1)])).toThrow(RangeError);
    // Through Clipper2's own execute the same error is only `false`: what the wrapper no longer calls.
    const clipper = new Clipper64();
    clipper.addSubject([[{ x: 0, y: 0 }, { x: 1, y: 0 }, { x: 1, y: 1 }]]);
    expect(clipper.execute(ClipType.Union, FillRule.Positive, [])).toBe(false);
  });
});
