/**
 * The wrong answers the referee found (issue 11), each pinned: what the
 * library said, what is right, and GEOS's word where it has one.
 */
import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { ContestedError, areaKm2, intersection, normalizeGeometry, union, validateGeometry } from '../../src/index.js';
import { bound, referee, refereeAvailable } from './_geos.js';

const square = (w: number, s: number, size: number): number[][] => [[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]];
const clockwise = (ring: number[][]): number[][] => [...ring].reverse();

function refusal(run: () => unknown): ContestedError {
  try {
    run();
  } catch (error) {
    if (error instanceof ContestedError) return error;
    throw error;
  }
  throw new Error('expected a ContestedError; the call returned');
}

describe('a hole larger than its shell', () => {
  // Measured as given, this polygon's area was −33,106 km² (the hole's area subtracted from a smaller shell).
  const polygon: Polygon = { type: 'Polygon', coordinates: [square(37, 48, 1), clockwise(square(36.5, 47.5, 2))] };

  it('is refused by areaKm2 and the overlays, naming the hole', () => {
    for (const run of [() => areaKm2(polygon), () => union(polygon), () => intersection(polygon, polygon)]) {
      const error = refusal(run);
      expect(error.code).toBe('invalid-geometry');
      expect(error.issues.map((i) => [i.code, i.path.slice(-2)])).toEqual([['hole-outside-shell', ['coordinates', 1]]]);
    }
  });

  it('is what validateGeometry calls an error too', () => {
    expect(validateGeometry(polygon).problems.map((p) => p.code)).toContain('hole-outside-shell');
  });
});

describe('an unclosed ring', () => {
  const unclosed: Polygon = { type: 'Polygon', coordinates: [square(37, 48, 0.1).slice(0, -1)] };

  it('is refused by areaKm2 and union with the ring\'s path and what to do', () => {
    for (const run of [() => areaKm2(unclosed), () => union(unclosed)]) {
      const error = refusal(run);
      expect(error.code).toBe('invalid-geometry');
      expect(error.issues[0]?.code).toBe('unclosed-ring');
      expect(error.issues[0]?.path.slice(-2)).toEqual(['coordinates', 0]);
      expect(error.issues[0]?.message).toContain('normalizeGeometry');
    }
    expect(validateGeometry(unclosed).valid).toBe(false);
  });

  it.runIf(refereeAvailable('referee: wrong answers'))('is closed by normalizeGeometry, which says so, to the area GEOS measures', () => {
    const { geometry, repairs } = normalizeGeometry(unclosed);
    expect(repairs.map((r) => r.code)).toContain('closed-ring');
    const [answer] = referee([{ id: 'closed', kind: 'area', geometry: { type: 'Polygon', coordinates: [square(37, 48, 0.1)] } }]);
    const ref = answer!.keys!['area']![0];
    expect(Math.abs(areaKm2(geometry) - ref)).toBeLessThanOrEqual(bound(ref));
  });
});
