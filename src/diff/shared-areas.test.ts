/**
 * One resolution per place per call: `compareClaimants` and `diffClaims`
 * resolve every claimant's claims through one set of areas, so a place
 * that many claimants' claims name is read once, however many claimants
 * there are. Counted by the reads of the place geometry's `coordinates`.
 */
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../claims/schema.js';
import type { Place } from '../places/schema.js';
import { compareClaimants } from './compareClaimants.js';
import { diffClaims } from './diffClaims.js';

const square = (w: number, s: number, size: number): [number, number][] => [[w, s], [w + size, s], [w + size, s + size], [w, s + size], [w, s]];

/** A place whose geometry counts how often its coordinates are read. */
function countedPlace(): { place: Place; reads: () => number } {
  let reads = 0;
  const coordinates = [square(37.1, 48.2, 0.2)];
  const geometry = { type: 'Polygon' } as Polygon;
  Object.defineProperty(geometry, 'coordinates', { enumerable: true, get: () => (reads++, coordinates) });
  return { place: { id: 'oblast', name: 'Oblast', kind: 'region', geometry } as unknown as Place, reads: () => reads };
}

const claimOf = (claimant: string): Claim => ({ id: `${claimant}-1`, claimant, statedAt: '2025-12-01', status: 'controlled', side: 'RU', area: 'oblast' }) as Claim;
const within: Polygon = { type: 'Polygon', coordinates: [square(37.15, 48.25, 0.05)] };

function readsFor(claimants: number): number {
  const { place, reads } = countedPlace();
  const ids = Array.from({ length: claimants }, (_, i) => `k${i}`);
  const dataset = { claims: ids.map(claimOf), places: [place], actors: ids.map((id) => ({ id, name: id, kind: 'osint-tracker' as const })) };
  const n = compareClaimants(dataset, ids, { asOf: '2025-12-31', within });
  expect(n.summary.agreeKm2).toBeGreaterThan(10);
  return reads();
}

describe('areas shared between claimants', () => {
  it('compareClaimants reads a place as often for 8 claimants as for 1', () => {
    const one = readsFor(1);
    expect(one).toBeGreaterThan(0);
    expect(readsFor(8)).toBe(one);
  });

  it('diffClaims reads a place both parties name as often as one party alone', () => {
    const alone = countedPlace();
    diffClaims([claimOf('a')], [], { within, places: [alone.place] });
    const both = countedPlace();
    const diff = diffClaims([claimOf('a')], [claimOf('b')], { within, places: [both.place] });
    expect(diff.summary.agree.km2).toBeGreaterThan(10);
    expect(both.reads()).toBe(alone.reads());
  });
});
