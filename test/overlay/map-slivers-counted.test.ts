/**
 * The slivers `controlMap` leaves out of a map it makes from claims are
 * reported by the functions that make such maps internally (audit F2: they
 * were dropped from `diffClaims`, `controlChange` and `compareClaimants`,
 * 8.8 m² of claimed ground in no region and no count), in `claimSliversKm2`:
 * apart from `sliversKm2`, since that ground may lie in another label
 * (`unclaimed` with `within`), which counted it twice when it was added to
 * `sliversKm2` (CI seed -763514549 of the diff's partition property).
 */
import { describe, expect, it } from 'vitest';
import { areaKm2, assessControl, compareClaimants, controlChange, controlMap, diffClaims, union } from '../../src/index.js';
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

  it('diffClaims reports them in claimSliversKm2', () => {
    const d = diffClaims([later, earlier], [far]);
    expect(d.claimSliversKm2).toBe(mapSlivers);
    const a = regionsKm2(d.regions.features.filter((f) => f.properties.a !== null));
    expect(Math.abs(a + d.sliversKm2 + d.claimSliversKm2 - ground)).toBeLessThan(1e-6);
  });

  it('with within, that ground is in unclaimed and the labels still partition the frame', () => {
    const within = { type: 'Polygon' as const, coordinates: [[[37.29, 48.09], [37.35, 48.09], [37.35, 48.15], [37.29, 48.15], [37.29, 48.09]]] };
    const d = diffClaims([later, earlier], [far], { within });
    expect(d.claimSliversKm2).toBe(mapSlivers);
    const labels = Object.values(d.summary).reduce((s, t) => s + t.km2, 0);
    expect(Math.abs(labels + d.sliversKm2 - d.withinKm2!)).toBeLessThan(1e-9 * d.withinKm2!);
  });

  it('controlChange reports them in claimSliversKm2', () => {
    const change = controlChange([later, earlier], [far]);
    expect(change.claimSliversKm2).toBe(mapSlivers);
    const from = regionsKm2(change.regions.features.filter((f) => f.properties.from !== null));
    expect(Math.abs(from + change.sliversKm2 + change.claimSliversKm2 - ground)).toBeLessThan(1e-6);
  });

  it('compareClaimants reports them in summary.claimSliversKm2', () => {
    const c = compareClaimants({ claims: [later, earlier, far], actors: [{ id: 'c0', name: 'c0', kind: 'other' }, { id: 'c1', name: 'c1', kind: 'other' }] } as never, ['c0', 'c1'], { asOf: '2026-01-01' });
    expect(c.summary.claimSliversKm2).toBe(mapSlivers);
    const mine = regionsKm2(c.regions.features.filter((f) => f.properties.says['c0'] != null));
    expect(Math.abs(mine + c.summary.sliversKm2 + c.summary.claimSliversKm2 - ground)).toBeLessThan(1e-6);
  });

  it('assessControl reports them in claimSliversKm2, and its regions still partition within', () => {
    const within = { type: 'Polygon' as const, coordinates: [[[37.29, 48.09], [37.35, 48.09], [37.35, 48.15], [37.29, 48.15], [37.29, 48.09]]] };
    const actors = [{ id: 'c0', name: 'c0', kind: 'other' }, { id: 'c1', name: 'c1', kind: 'other' }];
    const assessed = assessControl({ claims: [later, earlier, far], actors } as never, { asOf: '2026-01-01', within });
    expect(assessed.claimSliversKm2).toBe(mapSlivers);
    expect(Math.abs(regionsKm2(assessed.features) + assessed.sliversKm2 - areaKm2(within))).toBeLessThan(1e-9 * areaKm2(within));
  });

  it('a map passed in is read as given: its slivers were reported when it was made', () => {
    expect(diffClaims(map, [far]).claimSliversKm2).toBe(0);
  });
});
