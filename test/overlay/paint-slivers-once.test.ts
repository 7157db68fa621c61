/**
 * A sliver `controlMap` drops is counted once, and only if no later claim
 * holds it. Before, two claims whose rests were the same sliver counted it
 * twice (CI seed -622014105 of "a control map covers exactly the union of
 * its claims": 6.2e-7 km² over, a jittered square painted first and the
 * square itself twice after it), and a larger claim painted later held
 * ground already counted as a sliver (and a frame-wide claim painted last
 * held it while the count said it was left out, which read as a gain in
 * `controlChange`: seed 1208972264 of "what one gains the other loses").
 *
 * The areas of the plain squares are the closed form of a lon/lat rectangle
 * on the WGS84 ellipsoid (`test/_rectKm2.ts`, sharing no code with the
 * library). The union of the claims is the largest square, since the
 * jittered one lies inside it.
 */
import { describe, expect, it } from 'vitest';
import { controlMap } from '../../src/index.js';
import type { Claim } from '../../src/index.js';
import { rectKm2 } from '../_rectKm2.js';

const SQUARE_KM2 = rectKm2(37.11, 48.28, 37.12, 48.29); // 0.82522236 km²
const BIG_KM2 = rectKm2(37.1, 48.27, 37.13, 48.3); // 7.4270012 km²

const square = [[[37.11, 48.28], [37.12, 48.28], [37.12, 48.29], [37.11, 48.29], [37.11, 48.28]]];
// The square with three corners moved 5e-9° (0.4-0.6 mm) along its edges: inside it, its rest a few slivers.
const jittered = [[[37.11, 48.28], [37.119999995, 48.28], [37.12, 48.289999995], [37.110000004999996, 48.29], [37.11, 48.28]]];
const big = [[[37.1, 48.27], [37.13, 48.27], [37.13, 48.3], [37.1, 48.3], [37.1, 48.27]]];

const claim = (id: string, coordinates: number[][][]): Claim =>
  ({ id, claimant: 'a', statedAt: '2025-12-01', area: { geometry: { type: 'Polygon', coordinates } }, status: 'controlled', basis: 'claimed', side: 'UA' }) as unknown as Claim;
const covered = (claims: Claim[]) => {
  const map = controlMap(claims);
  return { map, km2: map.features.reduce((s, f) => s + f.properties.km2, 0) + (map.sliversKm2 ?? 0) };
};

describe('a sliver controlMap drops is counted once', () => {
  it('two claims whose rests are the same sliver count it once', () => {
    const { map, km2 } = covered([claim('j', jittered), claim('s1', square), claim('s2', square)]);
    expect(map.sliversKm2).toBeGreaterThan(1e-7);
    expect(Math.abs(km2 - SQUARE_KM2)).toBeLessThan(1e-8 * SQUARE_KM2);
  });

  it('a larger claim painted later holds the sliver, and then it is no sliver', () => {
    const { map, km2 } = covered([claim('j', jittered), claim('s', square), claim('big', big)]);
    expect(map.sliversKm2).toBe(0);
    expect(Math.abs(km2 - BIG_KM2)).toBeLessThan(1e-8 * BIG_KM2);
    // Two regions: the jittered square (every claim agrees there) and the big square round it.
    expect(map.features.map((f) => f.properties.claims)).toEqual([['j', 's', 'big'], ['big']]);
  });
});
