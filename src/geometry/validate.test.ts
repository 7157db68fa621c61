/**
 * What `validateGeometry` turns into a problem and what it lets through: only
 * running out of stack is the input's problem (`too-deep`); a TypeError of a
 * bug in the checks, or an exception from the caller's own getter, passes
 * through unchanged (issue 12: no catch-all swallows a TypeError).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateGeometry } from './validate.js';

// A bug armed on demand inside the topology checks, which the old catch-all turned into an `invalid-type` problem.
const bug = vi.hoisted(() => ({ armed: undefined as Error | undefined }));
vi.mock('./_ringChecks.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./_ringChecks.js')>();
  return {
    ...actual,
    checkTopology: (...args: Parameters<typeof actual.checkTopology>) => {
      if (bug.armed !== undefined) throw bug.armed;
      actual.checkTopology(...args);
    },
  };
});
afterEach(() => {
  bug.armed = undefined;
});

const square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
const polygon = { type: 'Polygon', coordinates: [square] };

describe('validateGeometry', () => {
  it('lets a TypeError or RangeError from inside its checks through, the very error thrown', () => {
    expect(validateGeometry(polygon)).toEqual({ valid: true, problems: [] });
    for (const error of [new TypeError("Cannot read properties of undefined (reading '0')"), new RangeError('Invalid array length')]) {
      bug.armed = error;
      expect(() => validateGeometry(polygon)).toThrow(error);
    }
  });

  it("lets an exception from the caller's own getter through unchanged", () => {
    const thrown = new TypeError('the caller’s getter failed');
    const hostile = { type: 'Polygon', get coordinates(): unknown { throw thrown; } };
    expect(() => validateGeometry(hostile)).toThrow(thrown);
    const feature = { type: 'Feature', properties: {}, get geometry(): unknown { throw thrown; } };
    expect(() => validateGeometry({ type: 'FeatureCollection', features: [feature] })).toThrow(thrown);
  });

  it('reports GeometryCollections nested past the stack, or in a circle, as too-deep', () => {
    let deep: Record<string, unknown> = polygon;
    for (let i = 0; i < 200_000; i++) deep = { type: 'GeometryCollection', geometries: [deep] };
    const result = validateGeometry(deep);
    expect(result.valid).toBe(false);
    expect(result.problems.map((p) => [p.code, p.path])).toEqual([['too-deep', []]]);
    const circle: Record<string, unknown> = { type: 'GeometryCollection' };
    circle['geometries'] = [circle];
    expect(validateGeometry(circle).problems.map((p) => p.code)).toEqual(['too-deep']);
  });

  it('reads each member and each position once: a getter that answers differently later is judged on its first answer', () => {
    // Each read flips between the good value and `undefined`: with two reads, the second would be used unchecked.
    const flipping = <T>(good: T): (() => T | undefined) => {
      let reads = 0;
      return () => (reads++ % 2 === 0 ? good : undefined);
    };
    const coordinates = flipping([square]);
    const type = flipping('Polygon');
    expect(validateGeometry({ get type() { return type(); }, get coordinates() { return coordinates(); } })).toEqual({ valid: true, problems: [] });
    const line = flipping([[0, 0], [1, 1]]);
    expect(validateGeometry({ type: 'LineString', get coordinates() { return line(); } })).toEqual({ valid: true, problems: [] });
    const geometry = flipping(polygon);
    expect(validateGeometry({ type: 'Feature', properties: {}, get geometry() { return geometry(); } })).toEqual({ valid: true, problems: [] });
    // A position whose elements flip from numbers to Symbols on the next read.
    const position = (lon: number, lat: number): unknown[] => {
      const p: unknown[] = [];
      let reads = 0;
      for (const [i, v] of [lon, lat].entries()) Object.defineProperty(p, i, { enumerable: true, get: () => (reads++ < 2 ? v : Symbol('later')) });
      return p;
    };
    const ring = [position(0, 0), position(1, 0), position(1, 1), position(0, 1), position(0, 0)];
    expect(validateGeometry({ type: 'Polygon', coordinates: [ring] })).toEqual({ valid: true, problems: [] });
    expect(validateGeometry({ type: 'Point', coordinates: position(200, 0) }).problems.map((p) => [p.code, p.at])).toEqual([['out-of-range', [200, 0]]]);
  });

  it('reads a hole in a position as a missing number (Array#every skipped it before)', () => {
    expect(validateGeometry({ type: 'Point', coordinates: [, 48] }).problems.map((p) => [p.code, p.message])).toEqual([
      ['non-finite-coordinate', 'position [undefined, 48] holds a value that is not a finite number'],
    ]);
  });
});
