import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Claim } from '../claims/schema.js';
import type { PolygonGeometry } from '../geometry/schema.js';
import { controlChange } from '../control/controlChange.js';
import { controlMap } from '../control/controlMap.js';
import { DIFF_LABELS, diffClaims } from './diffClaims.js';
import { compareClaimants } from './compareClaimants.js';
import { rectKm2 } from '../../test/_rectKm2.js';

const rect = (w: number, s: number, e: number, n: number): PolygonGeometry => ({
  type: 'Polygon',
  coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]],
});

let next = 0;
const claim = (over: Partial<Claim> & Pick<Claim, 'area' | 'status'>): Claim => ({
  id: `c${++next}`,
  claimant: 'x',
  statedAt: '2025-12-01',
  basis: 'claimed',
  ...over,
});

describe('diffClaims on unit squares', () => {
  const within = rect(37, 48, 39, 49);
  const a = [claim({ area: { geometry: rect(37, 48, 38, 49) }, status: 'controlled', side: 'UA' })];
  const b = [claim({ area: { geometry: rect(37.5, 48, 38.5, 49) }, status: 'controlled', side: 'RU' })];

  it('labels each piece and sizes it as the closed form does', () => {
    const diff = diffClaims(a, b, { within });
    const expected = {
      agree: 0,
      conflict: rectKm2(37.5, 48, 38, 49),
      consistent: 0,
      partial: 0,
      'only-a': rectKm2(37, 48, 37.5, 49),
      'only-b': rectKm2(38, 48, 38.5, 49),
      unclaimed: rectKm2(38.5, 48, 39, 49),
    };
    for (const label of DIFF_LABELS) expect(diff.summary[label].km2).toBeCloseTo(expected[label], 6);
    expect(diff.withinKm2).toBeCloseTo(rectKm2(37, 48, 39, 49), 6);
    expect(diff.summary.conflict.share).toBeCloseTo(0.25, 3);
    expect(diff.parties.a.bySide['UA']?.controlledKm2).toBeCloseTo(rectKm2(37, 48, 38, 49), 6);
    expect(diff.regions.features.every((f) => typeof f.properties.fill === 'string')).toBe(true);
  });

  it('gives null shares without within, and no unclaimed', () => {
    const diff = diffClaims(a, b);
    expect(diff.summary.conflict.share).toBeNull();
    expect(diff.summary.unclaimed.km2).toBe(0);
    expect(diff.withinKm2).toBeNull();
  });

  it('calls controlled against contested partial', () => {
    const gray = [claim({ area: { geometry: rect(37, 48, 38, 49) }, status: 'contested', sides: ['UA', 'RU'] })];
    const diff = diffClaims(a, gray);
    expect(diff.summary.partial.km2).toBeCloseTo(rectKm2(37, 48, 38, 49), 6);
    expect(diff.summary.conflict.km2).toBe(0);
  });

  it('is all agree against itself', () => {
    const diff = diffClaims(a, a, { within: rect(37, 48, 38, 49) });
    expect(diff.summary.agree.km2).toBeCloseTo(rectKm2(37, 48, 38, 49), 6);
    for (const label of DIFF_LABELS.filter((l) => l !== 'agree')) expect(diff.summary[label].km2).toBe(0);
  });

  it('accepts control maps as well as claims', () => {
    const diff = diffClaims(controlMap(a), controlMap(b));
    expect(diff.summary.conflict.km2).toBeCloseTo(rectKm2(37.5, 48, 38, 49), 6);
  });

  it('refuses what is neither claims nor a map', () => {
    expect(() => diffClaims({} as never, a)).toThrowErrorMatchingInlineSnapshot(`
      [ContestedError: invalid-input: 1 problem found
      ✖ a must be a list of claims or a control map (a FeatureCollection)
        → at a]
    `);
  });
});

describe('controlMap', () => {
  it('lets the later claim win an overlap and reports the overruled part', () => {
    const older = claim({ id: 'older', statedAt: '2025-11', area: { geometry: rect(37, 48, 38, 49) }, status: 'controlled', side: 'UA' });
    const newer = claim({ id: 'newer', statedAt: '2025-12-05', area: { geometry: rect(37, 48.5, 38, 49) }, status: 'controlled', side: 'RU' });
    const map = controlMap([older, newer]);
    const ru = map.features.find((f) => f.properties.side === 'RU');
    const ua = map.features.find((f) => f.properties.side === 'UA');
    expect(ru?.properties.km2).toBeCloseTo(rectKm2(37, 48.5, 38, 49), 6);
    expect(ua?.properties.km2).toBeCloseTo(rectKm2(37, 48, 38, 48.5), 6);
    expect(map.overruled).toEqual([{ claim: 'older', by: ['newer'], km2: expect.closeTo(rectKm2(37, 48.5, 38, 49), 6) }]);
  });

  it('at equal times lets the smaller area win, whatever the input order', () => {
    const city = claim({ id: 'city', area: { geometry: rect(37, 48, 38, 49) }, status: 'controlled', side: 'RU' });
    const north = claim({ id: 'north', area: { geometry: rect(37, 48.5, 38, 49) }, status: 'controlled', side: 'UA' });
    for (const order of [[city, north], [north, city]]) {
      const map = controlMap(order);
      expect(map.features.find((f) => f.properties.side === 'UA')?.properties.claims).toEqual(['north']);
      expect(map.overruled.map((o) => o.claim)).toEqual(['city']);
    }
  });

  it('adds agreeing overlaps to the supporting claims', () => {
    const one = claim({ id: 'one', area: { geometry: rect(37, 48, 38, 49) }, status: 'controlled', side: 'UA' });
    const two = claim({ id: 'two', statedAt: '2025-11-01', area: { geometry: rect(37, 48, 38, 49) }, status: 'controlled', side: 'UA' });
    const map = controlMap([one, two]);
    expect(map.features).toHaveLength(1);
    expect(map.features[0]?.properties.claims).toEqual(['one', 'two']);
    expect(map.overruled).toEqual([]);
  });

  it('leaves out claims not yet valid at asOf: a claim about a month applies once the month is over', () => {
    const later = claim({ statedAt: '2026-01', area: { geometry: rect(37, 48, 38, 49) }, status: 'controlled', side: 'UA' });
    expect(controlMap([later], { asOf: '2025-12' }).features).toEqual([]);
    expect(controlMap([later], { asOf: '2026-01-15' }).features).toEqual([]);
    expect(controlMap([later], { asOf: '2026-01' }).features).toHaveLength(1);
    expect(controlMap([later], { asOf: new Date('2026-01-31T23:59:59.999Z') }).features).toEqual([]);
    expect(controlMap([later], { asOf: new Date('2026-02-01T00:00Z') }).features).toHaveLength(1);
  });
});

describe('compareClaimants', () => {
  it('finds consensus where all who speak agree', () => {
    const dataset = {
      actors: [
        { id: 'p', name: 'P', kind: 'other' as const },
        { id: 'q', name: 'Q', kind: 'other' as const },
      ],
      claims: [
        claim({ claimant: 'p', area: { geometry: rect(37, 48, 38, 49) }, status: 'controlled', side: 'UA' }),
        claim({ claimant: 'q', area: { geometry: rect(37, 48, 37.5, 49) }, status: 'controlled', side: 'UA' }),
        claim({ claimant: 'q', area: { geometry: rect(37.5, 48, 38, 49) }, status: 'controlled', side: 'RU' }),
      ],
    };
    const n = compareClaimants(dataset, ['p', 'q'], { asOf: '2025-12-31', within: rect(37, 48, 38.5, 49) });
    expect(n.summary.agreeKm2).toBeCloseTo(rectKm2(37, 48, 37.5, 49), 6);
    expect(n.summary.disputedKm2).toBeCloseTo(rectKm2(37.5, 48, 38, 49), 6);
    expect(n.summary.silentKm2).toBeCloseTo(rectKm2(38, 48, 38.5, 49), 6);
    expect(() => compareClaimants(dataset, ['p', 'nobody'], { asOf: '2025-12' })).toThrow(/"nobody" is not the id of any actor/);
  });
});

// Random maps: one party's claims are a few lon/lat rectangles inside a frame.
const cell = fc
  .record({ w: fc.integer({ min: 0, max: 7 }), s: fc.integer({ min: 0, max: 7 }), dw: fc.integer({ min: 1, max: 4 }), ds: fc.integer({ min: 1, max: 4 }) })
  .map(({ w, s, dw, ds }) => rect(37 + w / 8, 48 + s / 8, 37 + Math.min(8, w + dw) / 8, 48 + Math.min(8, s + ds) / 8));
const stateArb = fc.constantFrom<Pick<Claim, 'status' | 'side' | 'sides'>[]>(
  { status: 'controlled' as const, side: 'UA' },
  { status: 'controlled' as const, side: 'RU' },
  { status: 'contested' as const, sides: ['RU', 'UA'] },
  { status: 'advancing' as const, side: 'RU' },
  { status: 'not-controlled' as const, side: 'RU' },
);
const claimsArb = fc.array(fc.tuple(cell, stateArb, fc.integer({ min: 1, max: 28 })), { minLength: 0, maxLength: 4 }).map((items) =>
  items.map(([geometry, state, day], i): Claim => ({
    id: `k${i}`,
    claimant: 'x',
    statedAt: `2025-11-${String(day).padStart(2, '0')}`,
    basis: 'claimed' as const,
    area: { geometry },
    ...state,
  })),
);
const frame = rect(37, 48, 38, 49);
const frameKm2 = rectKm2(37, 48, 38, 49);

describe('diff invariants (fast-check)', () => {
  it('the labels partition within', () => {
    fc.assert(
      fc.property(claimsArb, claimsArb, (a, b) => {
        const diff = diffClaims(a, b, { within: frame });
        const sum = DIFF_LABELS.reduce((t, l) => t + diff.summary[l].km2, 0) + diff.sliversKm2;
        expect(Math.abs(sum - frameKm2) / frameKm2).toBeLessThan(1e-9);
      }),
      { numRuns: 150 },
    );
  });

  it('swapping a and b swaps only-a and only-b and keeps the rest', () => {
    fc.assert(
      fc.property(claimsArb, claimsArb, (a, b) => {
        const ab = diffClaims(a, b, { within: frame }).summary;
        const ba = diffClaims(b, a, { within: frame }).summary;
        const close = (x: number, y: number): void => expect(Math.abs(x - y)).toBeLessThan(1e-9 * frameKm2);
        close(ab['only-a'].km2, ba['only-b'].km2);
        close(ab['only-b'].km2, ba['only-a'].km2);
        for (const l of ['agree', 'conflict', 'partial', 'unclaimed'] as const) close(ab[l].km2, ba[l].km2);
      }),
      { numRuns: 100 },
    );
  });

  it('a map against itself is all agree, and controlChange(m, m) changes nothing', () => {
    fc.assert(
      fc.property(claimsArb, (a) => {
        const map = controlMap(a);
        const diff = diffClaims(map, map);
        for (const l of DIFF_LABELS.filter((x) => x !== 'agree')) expect(diff.summary[l].km2).toBe(0);
        const change = controlChange(map, map);
        expect(change.regions.features).toEqual([]);
        for (const side of Object.values(change.bySide)) expect(side).toEqual({ gainedKm2: 0, lostKm2: 0, netKm2: 0, toContestedKm2: 0, toAdvancingKm2: 0, gainedFrom: {}, lostTo: {}, inferredGainedKm2: 0, inferredLostKm2: 0 });
      }),
      { numRuns: 100 },
    );
  });

  it('in a two-sided map, what one side gains the other loses', () => {
    const twoSided = (split: number): Claim[] => [
      { id: 'west', claimant: 'x', statedAt: '2025-12-01', basis: 'claimed' as const, area: { geometry: rect(37, 48, split, 49) }, status: 'controlled' as const, side: 'UA' },
      { id: 'east', claimant: 'x', statedAt: '2025-12-01', basis: 'claimed' as const, area: { geometry: rect(split, 48, 38, 49) }, status: 'controlled' as const, side: 'RU' },
    ];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }), (s, t) => {
        const change = controlChange(twoSided(37 + s / 100), twoSided(37 + t / 100));
        const ua = change.bySide['UA'];
        const ru = change.bySide['RU'];
        expect(Math.abs((ua?.gainedKm2 ?? 0) - (ru?.lostKm2 ?? 0))).toBeLessThan(1e-9 * frameKm2);
        expect(Math.abs((ru?.gainedKm2 ?? 0) - (ua?.lostKm2 ?? 0))).toBeLessThan(1e-9 * frameKm2);
        expect(Math.abs(Math.abs(ua?.netKm2 ?? 0) - rectKm2(37 + Math.min(s, t) / 100, 48, 37 + Math.max(s, t) / 100, 49))).toBeLessThan(1e-6);
      }),
      { numRuns: 100 },
    );
  });

  it('mutates no input', () => {
    fc.assert(
      fc.property(claimsArb, claimsArb, (a, b) => {
        const before = JSON.stringify([a, b]);
        diffClaims(a, b, { within: frame });
        controlChange(a, b);
        expect(JSON.stringify([a, b])).toBe(before);
      }),
      { numRuns: 50 },
    );
  });
});

describe('controlChange', () => {
  it('counts controlled to contested as its own transition, not a loss', () => {
    const before = [claim({ area: { geometry: rect(37, 48, 38, 49) }, status: 'controlled', side: 'UA' })];
    const after = [claim({ area: { geometry: rect(37, 48, 38, 49) }, status: 'contested', sides: ['RU', 'UA'] })];
    const change = controlChange(before, after);
    expect(change.bySide['UA']).toEqual({
      gainedKm2: 0,
      lostKm2: 0,
      netKm2: 0,
      toContestedKm2: expect.closeTo(rectKm2(37, 48, 38, 49), 6),
      toAdvancingKm2: 0,
      gainedFrom: {},
      lostTo: {},
      inferredGainedKm2: 0,
      inferredLostKm2: 0,
    });
    expect(change.regions.features[0]?.properties.from).toEqual({ status: 'controlled', side: 'UA' });
    expect(change.regions.features[0]?.properties.to).toEqual({ status: 'contested', sides: ['RU', 'UA'] });
  });
});
