/**
 * Denials ("RU does not hold the city") in the diff and the N-way overlay:
 * every pair of the table on `ControlStatus`, on a unit square whose area
 * is known in closed form.
 */
import { describe, expect, it } from 'vitest';
import type { Claim } from '../claims/schema.js';
import { areaKm2 } from '../geometry/measure.js';
import type { PolygonGeometry } from '../geometry/schema.js';
import { compareClaimants } from './compareClaimants.js';
import { diffClaims, type DiffLabel } from './diffClaims.js';

const rect = (w: number, s: number, e: number, n: number): PolygonGeometry => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
const square = rect(37, 48, 37.5, 48.5);
const claim = (id: string, claimant: string, state: Pick<Claim, 'status' | 'side' | 'sides'>): Claim => ({
  id, claimant, statedAt: '2025-12-01', basis: 'claimed', area: { geometry: square }, ...state,
});
const denyRU = { status: 'not-controlled', side: 'RU' } as const;

describe('a denial in diffClaims', () => {
  const table: [string, Pick<Claim, 'status' | 'side' | 'sides'>, DiffLabel][] = [
    ['control by the denied side', { status: 'controlled', side: 'RU' }, 'conflict'],
    ['the same denial', { status: 'not-controlled', side: 'RU' }, 'agree'],
    ["the other side's control", { status: 'controlled', side: 'UA' }, 'consistent'],
    ['contested ground', { status: 'contested', sides: ['RU', 'UA'] }, 'consistent'],
    ["the denied side's advance", { status: 'advancing', side: 'RU' }, 'consistent'],
    ["the other side's advance", { status: 'advancing', side: 'UA' }, 'consistent'],
    ['a denial of the other side', { status: 'not-controlled', side: 'UA' }, 'consistent'],
  ];
  it.each(table)('against %s is %s, both ways round', (_, other, label) => {
    const km2 = areaKm2(square);
    for (const [a, b] of [[[claim('d', 'p', denyRU)], [claim('o', 'q', other)]], [[claim('o', 'q', other)], [claim('d', 'p', denyRU)]]] as const) {
      const diff = diffClaims(a, b);
      expect(diff.regions.features.map((f) => f.properties.label)).toEqual([label]);
      expect(diff.summary[label].km2).toBeCloseTo(km2, 9);
    }
  });

  it('counts a party’s denials apart from what it says is held', () => {
    const diff = diffClaims([claim('d', 'p', denyRU)], [claim('o', 'q', { status: 'controlled', side: 'UA' })]);
    expect(diff.parties.a.deniedKm2).toEqual({ RU: expect.closeTo(areaKm2(square), 9) });
    expect(diff.parties.a.bySide).toEqual({});
    expect(diff.regions.features[0]!.properties.title).toBe('consistent');
    expect(diff.regions.features[0]!.properties.description).toMatch(/^A: not controlled by RU; B: controlled by UA;/);
  });
});

describe('a denial in compareClaimants', () => {
  const actors = ['kremlin', 'ukraine', 'outlet'].map((id) => ({ id, name: id, kind: 'other' as const }));
  it('is consistent with the other side’s control, and disputed where the denied side is said to hold the ground', () => {
    const km2 = areaKm2(square);
    const consistent = compareClaimants(
      { actors, claims: [claim('u', 'ukraine', { status: 'controlled', side: 'UA' }), claim('o', 'outlet', denyRU)] },
      ['ukraine', 'outlet'],
      { asOf: '2025-12-31' },
    );
    expect(consistent.regions.features.map((f) => [f.properties.agreement, f.properties.consensus])).toEqual([['consistent', null]]);
    expect(consistent.summary).toMatchObject({ agreeKm2: 0, disputedKm2: 0, consistentKm2: expect.closeTo(km2, 9) });
    const disputed = compareClaimants(
      { actors, claims: [claim('k', 'kremlin', { status: 'controlled', side: 'RU' }), claim('u', 'ukraine', { status: 'controlled', side: 'UA' }), claim('o', 'outlet', denyRU)] },
      ['kremlin', 'ukraine', 'outlet'],
      { asOf: '2025-12-31' },
    );
    expect(disputed.regions.features.map((f) => f.properties.agreement)).toEqual(['disputed']);
    const agreed = compareClaimants({ actors, claims: [claim('o', 'outlet', denyRU), claim('u', 'ukraine', denyRU)] }, ['ukraine', 'outlet'], { asOf: '2025-12-31' });
    expect(agreed.regions.features.map((f) => [f.properties.agreement, f.properties.consensus])).toEqual([['agree', denyRU]]);
  });
});
