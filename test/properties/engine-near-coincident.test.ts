/**
 * Known bug, found by the property tests: two valid claims whose edges
 * nearly coincide (vertices 1e-9° ≈ 0.1 mm apart) make the clipping engine
 * (polyclip-ts, and the polygon-clipping fallback) fail, also when retried
 * one operand at a time, so
 * diffClaims with a frame throws `geometry-engine` on valid input ("Unable
 * to complete output ring"). `it.fails` keeps the
 * counterexample here and turns red the day the engine copes, so that the
 * jitter can go back into the generators of `_maps.ts`.
 */
import { describe, expect, it } from 'vitest';
import { diffClaims } from '../../src/index.js';

const square = (coordinates: number[][]): unknown => ({ type: 'Polygon', coordinates: [coordinates] });
const claim = (id: string, statedAt: string, coordinates: number[][]): unknown => ({ id, claimant: 'a', statedAt, area: { geometry: square(coordinates) }, status: 'controlled', side: 'UA', basis: 'claimed' });

describe('near-coincident edges', () => {
  it.fails('diffClaims frames claims whose shared edges are jittered by 1e-9°', () => {
    const frame = { type: 'Polygon', coordinates: [[[37.1, 48.25], [37.14, 48.25], [37.14, 48.29], [37.1, 48.29], [37.1, 48.25]]] };
    const a = [claim('a-0', '2025-12-01', [[37.11, 48.27], [37.120000000999994, 48.27], [37.12, 48.280000001], [37.109999999, 48.28], [37.11, 48.27]])];
    const b = [
      claim('b-0', '2025-12-02', [[37.120000000000005, 48.26], [37.130000001, 48.26], [37.13, 48.27000000099999], [37.11999999900001, 48.269999999999996], [37.120000000000005, 48.26]]),
      claim('b-1', '2025-12-01', [[37.120000000000005, 48.27], [37.13, 48.27], [37.13, 48.28], [37.120000000000005, 48.28], [37.120000000000005, 48.27]]),
    ];
    expect(diffClaims(a as never, b as never, { within: frame as never }).summary.agree.km2).toBeGreaterThanOrEqual(0);
  });
});
