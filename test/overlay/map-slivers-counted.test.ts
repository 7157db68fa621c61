/**
 * The slivers `controlMap` leaves out of a map it makes from claims are
 * reported by the functions that make such maps internally (audit F2: they
 * were dropped from `diffClaims`, `controlChange` and `compareClaimants`,
 * 8.8 m² of claimed ground in no region and no count).
 */
import { describe, expect, it } from 'vitest';
import { areaKm2, compareClaimants, controlChange, controlMap, diffClaims, union } from '../../src/index.js';
import type { Claim } from '../../src/index.js';

// One claimant's two claims on almost the same 0.02° square; the later one's
// north edge runs up to 1e-7° (1.1 cm) south of the earlier one's, so the
// earlier claim keeps a strip a few millimetres wide: slivers, left out.
const later = {
  id: 'later', claimant: 'c0', statedAt: '2025-12-24', status: 'advancing', side: 'UA', basis: 'claimed',
  area: { geometry: { type: 'Polygon', coordinates: [[[37.32000001, 48.120000001], [37.34000000099999, 48.120000000500006], [37.340000000699995, 48.1400000005], [37.3200000007, 48.1400000025], [37.32000001, 48.120000001]]] } },
} as unknown as Claim;
const earlier = {
  id: 'earlier', claimant: 'c0', statedAt: '2025-12-01', status: 'controlled', side: 'RU', basis: 'claimed',
  area: { geometry: { type: 'Polygon', coordinates: [[[37.32, 48.1200000003], [37.340000000299995, 48.1200000015], [37.34000000099999, 48.1400001], [37.32, 48.1399999995], [37.32, 48.1200000003]]] } },
} as unknown as Claim;
const far = {
  id: 'far', claimant: 'c1', statedAt: '2025-12-13', status: 'contested', sides: ['RU', 'UA'], basis: 'claimed',
  area: { geometry: { type: 'Polygon', coordinates: [[[37.3, 48.1], [37.302, 48.1], [37.302, 48.102], [37.3, 48.102], [37.3, 48.1]]] } },
} as unknown as Claim;

describe("slivers of the maps made from claims are counted by the functions that make them", () => {
  const map = controlMap([later, earlier]);
  const mapSlivers = map.sliversKm2 ?? 0;
  const geometryOf = (c: Claim) => (c.area as { geometry: Parameters<typeof union>[0] }).geometry;
  const ground = areaKm2(union(geometryOf(later), geometryOf(earlier)));
  const regionsKm2 = (features: readonly { properties: { km2: number } }[]) => features.reduce((s, f) => s + f.properties.km2, 0);

  it('controlMap leaves slivers out and says so', () => {
    // Several square metres: the strip is a few mm wide along 2.2 km.
    expect(mapSlivers).toBeGreaterThan(1e-6);
    expect(Math.abs(regionsKm2(map.features) + mapSlivers - ground)).toBeLessThan(1e-6);
  });

  it('diffClaims counts them in sliversKm2', () => {
    const d = diffClaims([later, earlier], [far]);
    expect(d.sliversKm2).toBeGreaterThanOrEqual(mapSlivers);
    const a = regionsKm2(d.regions.features.filter((f) => f.properties.a !== null));
    expect(Math.abs(a + d.sliversKm2 - ground)).toBeLessThan(1e-6);
  });

  it('controlChange counts them in sliversKm2 (not in bySide: their state is unknown)', () => {
    const change = controlChange([later, earlier], [far]);
    expect(change.sliversKm2).toBeGreaterThanOrEqual(mapSlivers);
    const from = regionsKm2(change.regions.features.filter((f) => f.properties.from !== null));
    expect(Math.abs(from + change.sliversKm2 - ground)).toBeLessThan(1e-6);
  });

  it('compareClaimants counts them in summary.sliversKm2', () => {
    const c = compareClaimants({ claims: [later, earlier, far], actors: [{ id: 'c0', name: 'c0', kind: 'other' }, { id: 'c1', name: 'c1', kind: 'other' }] } as never, ['c0', 'c1'], { asOf: '2026-01-01' });
    expect(c.summary.sliversKm2).toBeGreaterThanOrEqual(mapSlivers);
    const mine = regionsKm2(c.regions.features.filter((f) => f.properties.says['c0'] != null));
    expect(Math.abs(mine + c.summary.sliversKm2 - ground)).toBeLessThan(1e-6);
  });

  it('a map passed in is read as given: its slivers were reported when it was made', () => {
    expect(diffClaims(map, [far]).sliversKm2).toBeLessThan(mapSlivers);
  });
});
