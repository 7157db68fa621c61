/**
 * Regression, found by the property tests while polyclip-ts was the engine:
 * two valid claims whose edges nearly coincide (vertices 1e-9° ≈ 0.1 mm
 * apart) made polyclip-ts and polygon-clipping fail to close an output ring,
 * so diffClaims with a frame threw `geometry-engine` on valid input. Both
 * are gone; clipper2-ts computes on a 1e-9° grid, so these vertices lie one
 * grid cell from the edges they nearly touch, and every run's inputs go
 * through the hot-pixel rule first (docs/geometry.md, "Rules" and "Engine
 * and grid"). The case stays pinned: the labels still partition the frame,
 * and each party's ground is its own claims'. The property maps
 * (`_maps.ts`) move vertices by 1e-11° to 5e-9° either way, so the same
 * kind of input is also checked at random.
 */
import { describe, expect, it } from 'vitest';
import { areaKm2, diffClaims, DIFF_LABELS } from '../../src/index.js';

const square = (coordinates: number[][]): unknown => ({ type: 'Polygon', coordinates: [coordinates] });
const claim = (id: string, statedAt: string, coordinates: number[][]): unknown => ({ id, claimant: 'a', statedAt, area: { geometry: square(coordinates) }, status: 'controlled', side: 'UA', basis: 'claimed' });

describe('near-coincident edges', () => {
  it('diffClaims frames claims whose shared edges are jittered by 1e-9°', () => {
    const frame = { type: 'Polygon', coordinates: [[[37.1, 48.25], [37.14, 48.25], [37.14, 48.29], [37.1, 48.29], [37.1, 48.25]]] };
    const a = [claim('a-0', '2025-12-01', [[37.11, 48.27], [37.120000000999994, 48.27], [37.12, 48.280000001], [37.109999999, 48.28], [37.11, 48.27]])];
    const b = [
      claim('b-0', '2025-12-02', [[37.120000000000005, 48.26], [37.130000001, 48.26], [37.13, 48.27000000099999], [37.11999999900001, 48.269999999999996], [37.120000000000005, 48.26]]),
      claim('b-1', '2025-12-01', [[37.120000000000005, 48.27], [37.13, 48.27], [37.13, 48.28], [37.120000000000005, 48.28], [37.120000000000005, 48.27]]),
    ];
    const diff = diffClaims(a as never, b as never, { within: frame as never });
    const total = DIFF_LABELS.reduce((sum, label) => sum + diff.summary[label].km2, 0) + diff.sliversKm2;
    const frameKm2 = areaKm2(frame as never);
    expect(Math.abs(total - frameKm2) / frameKm2).toBeLessThan(1e-9);
    // The claims agree on nothing and overlap only in 0.1 mm slivers: each party's ground is its own claims' area.
    const areaOf = (claims: unknown[]): number => claims.reduce((sum: number, c) => sum + areaKm2((c as { area: { geometry: never } }).area.geometry), 0);
    expect(Math.abs(diff.summary['only-a'].km2 - areaOf(a)) / areaOf(a)).toBeLessThan(1e-6);
    expect(Math.abs(diff.summary['only-b'].km2 - areaOf(b)) / areaOf(b)).toBeLessThan(1e-6);
  });
});
