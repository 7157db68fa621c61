/**
 * The diff's invariants on random maps with shared edges and
 * near-degenerate shapes: the labelled pieces partition the frame, a map
 * agrees with itself, swapping the parties swaps the labels, and in a
 * two-side world what one side gains the other loses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { areaKm2, controlChange, controlMap, diffClaims, union } from '../../src/index.js';
import { claimsArb, FRAME, GEOMETRY_RUNS, near } from './_maps.js';

const SWAP = { agree: 'agree', conflict: 'conflict', partial: 'partial', 'only-a': 'only-b', 'only-b': 'only-a', unclaimed: 'unclaimed' } as const;

describe('diff invariants', () => {
  it('the labels partition the frame: their km² add up to it', () => {
    fc.assert(
      fc.property(claimsArb('a'), claimsArb('b'), (a, b) => {
        const diff = diffClaims(a, b, { within: FRAME });
        const total = Object.values(diff.summary).reduce((sum, t) => sum + t.km2, 0) + diff.sliversKm2;
        expect(near(total, areaKm2(FRAME), 1e-9)).toBe(true);
      }),
      { numRuns: GEOMETRY_RUNS },
    );
  });

  it('a map agrees with itself everywhere it speaks', () => {
    fc.assert(
      fc.property(claimsArb('a'), (a) => {
        const diff = diffClaims(a, a);
        for (const label of ['conflict', 'partial', 'only-a', 'only-b'] as const) expect(diff.summary[label].km2).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: GEOMETRY_RUNS },
    );
  });

  it('swapping the parties swaps the labels', () => {
    fc.assert(
      fc.property(claimsArb('a'), claimsArb('b'), (a, b) => {
        const ab = diffClaims(a, b, { within: FRAME });
        const ba = diffClaims(b, a, { within: FRAME });
        for (const [label, swapped] of Object.entries(SWAP)) {
          expect(near(ba.summary[swapped].km2, ab.summary[label as keyof typeof SWAP].km2, 1e-7, 1e-7)).toBe(true);
        }
      }),
      { numRuns: GEOMETRY_RUNS },
    );
  });

  it('a control map covers exactly the union of its claims', () => {
    fc.assert(
      fc.property(claimsArb('a'), (a) => {
        const map = controlMap(a);
        const mapped = map.features.reduce((sum, f) => sum + f.properties.km2, 0) + (map.sliversKm2 ?? 0);
        const claimed = a.length === 0 ? 0 : areaKm2(union(a.map((c) => (c.area as { geometry: never }).geometry)));
        expect(near(mapped, claimed, 1e-8, 1e-8)).toBe(true);
      }),
      { numRuns: GEOMETRY_RUNS },
    );
  });

  it('with two sides each controlling ground, what one gains the other loses', () => {
    const controlledOnly = (claims: ReturnType<typeof claimsArb> extends fc.Arbitrary<infer C> ? C : never) =>
      claims.map((c) => ({ ...c, status: 'controlled' as const, side: (c as { side?: string }).side ?? 'UA', sides: undefined }));
    fc.assert(
      fc.property(claimsArb('a'), claimsArb('a'), (before, after) => {
        // Both maps cover the whole frame: the frame is held by UA unless a claim says otherwise.
        const base = { id: 'base', claimant: 'a', statedAt: '2025-11-01', area: { geometry: FRAME }, status: 'controlled', side: 'UA', basis: 'claimed' } as never;
        const change = controlChange([base, ...controlledOnly(before)] as never, [base, ...controlledOnly(after)] as never);
        const ua = change.bySide['UA'] ?? { gainedKm2: 0, lostKm2: 0 };
        const ru = change.bySide['RU'] ?? { gainedKm2: 0, lostKm2: 0 };
        expect(near(ua.gainedKm2, ru.lostKm2, 1e-7, 1e-7)).toBe(true);
        expect(near(ru.gainedKm2, ua.lostKm2, 1e-7, 1e-7)).toBe(true);
      }),
      { numRuns: GEOMETRY_RUNS },
    );
  });
});
